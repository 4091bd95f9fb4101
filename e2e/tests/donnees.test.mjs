// Données: the observatory of key figures filters without JavaScript (GET form) and in
// place with htmx (focus kept), every chart is named and has its data table, a figure
// with two published values shows both, the maps of France have their overseas insets
// and their table, and the fiches repères print on A4.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { useBrowser, visit, texts, pathOf, TEST_TIMEOUT, describeFocus, tabUntil, ensureArtifactsDir } from './helpers.mjs';

const { open } = useBrowser();

/** The number in « 121 chiffres » (the results count of /donnees). */
async function figureCount(page) {
  const text = ((await page.locator('.results-count strong').textContent()) ?? '').trim();
  assert.match(text, /^[0-9 \u202f\u00a0]+ chiffres?$/, `results count: « ${text} »`);
  return Number(text.replace(/\D/g, ''));
}

/** The figures listed in the results: each links once to its own page. */
async function listedFigures(page) {
  const hrefs = await page.locator('#zone a[href^="/donnees/chiffres/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return new Set(hrefs);
}

/**
 * Every chart (svg.graphique) is an image named by its own <title> (through
 * aria-labelledby) and is followed — after, at most, other charts of the same
 * statement — by a data table holding every value the chart prints.
 * Returns the number of charts checked.
 */
async function checkCharts(page, where) {
  const charts = await page.locator('svg.graphique').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      const labels = ids.map((id) => document.getElementById(id));
      const title = labels[0];
      // The table next to the chart: skip the figure's sibling charts, then expect a table.
      let next = (svg.closest('figure') ?? svg).nextElementSibling;
      while (next && next.matches('figure.chart')) next = next.nextElementSibling;
      const table = next && (next.matches('table') ? next : next.querySelector(':scope table.data'));
      return {
        id: ids.join(' '),
        role: svg.getAttribute('role'),
        hidden: svg.closest('[aria-hidden="true"]') !== null,
        titleIsOwn: !!title && title.tagName.toLowerCase() === 'title' && title.parentNode === svg && labels.length === 1,
        titleText: (title?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        next: next ? `${next.tagName.toLowerCase()}.${next.className}` : null,
        hasTable: !!table,
        tableRows: table ? table.querySelectorAll('tbody tr').length : 0,
        chartValues: [...svg.querySelectorAll('text.valeur-barre')].map((t) => t.textContent.replace(/\s+/g, ' ').trim()),
        tableValues: table ? [...table.querySelectorAll('td.num')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()) : [],
      };
    }),
  );
  for (const c of charts) {
    const what = `${where}: chart [aria-labelledby="${c.id}"]`;
    assert.equal(c.role, 'img', `${what}: role should be "img"`);
    assert.equal(c.hidden, false, `${what} is hidden from assistive technologies`);
    assert.ok(c.titleIsOwn, `${what}: aria-labelledby should point to the chart's own <title>`);
    assert.ok(c.titleText.length > 10, `${what}: empty or too short title « ${c.titleText} »`);
    assert.ok(c.hasTable, `${what}: no data table next to the chart (next element: ${c.next})`);
    assert.ok(c.tableRows > 0, `${what}: the data table next to it has no rows`);
    const missing = c.chartValues.filter((v) => !c.tableValues.includes(v));
    assert.deepEqual(missing, [], `${what}: values drawn on the chart but absent from its table`);
  }
  // The accessible name as the browser computes it, not only the markup.
  for (const c of charts.slice(0, 3)) {
    const named = page.getByRole('img', { name: c.titleText, exact: true });
    assert.ok((await named.count()) >= 1, `${where}: no image is named « ${c.titleText} » in the accessibility tree`);
  }
  return charts.length;
}

/** A4 (210 mm) less the 1.6 cm @page margins of the print style sheet, in CSS pixels (96 per inch). */
const A4_CONTENT_WIDTH = Math.floor(((210 - 2 * 16) / 25.4) * 96); // 672

/** HTML elements (SVG internals aside) sticking out to the right of the viewport, widest first. */
function overflowing(page) {
  return page.evaluate(() => {
    const limit = window.innerWidth + 1;
    return [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('svg') || el.tagName.toLowerCase() === 'svg')
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ right }) => right > limit)
      .sort((a, b) => b.right - a.right)
      .slice(0, 4)
      .map(({ el, right }) => {
        const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
        const caption = el.querySelector?.(':scope > caption, :scope table > caption')?.textContent?.trim();
        return `${el.tagName.toLowerCase()}${cls}${caption ? ` « ${caption} »` : ''} (right edge ${Math.round(right)}px)`;
      });
  });
}

describe('données', () => {
  test('without JavaScript: tick « maires », apply the filters; fewer figures, charts named and tabulated', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    const response = await visit(page, '/donnees');
    assert.equal(response.status(), 200);
    const all = await figureCount(page);
    const allListed = await listedFigures(page);
    assert.ok(all >= 50, `/donnees counts ${all} figures`);
    assert.equal(allListed.size, all, `/donnees: ${allListed.size} figures listed, ${all} counted`);
    const chartsBefore = await checkCharts(page, '/donnees');
    assert.ok(chartsBefore >= 5, `/donnees shows ${chartsBefore} charts`);

    const maires = page.getByRole('checkbox', { name: /^maires\b/ });
    assert.equal(await maires.count(), 1, 'one « maires » checkbox in the population filter');
    assert.equal(await maires.getAttribute('name'), 'population');
    await maires.check();
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/donnees' && u.searchParams.getAll('population').includes('maires')),
      page.getByRole('button', { name: 'Appliquer les filtres' }).click(),
    ]);
    const u = new URL(page.url());
    assert.deepEqual(u.searchParams.getAll('population'), ['maires'], `query after submission: ${u.search}`);
    assert.ok(await page.isChecked('#f-population-maires'), 'the « maires » filter stays checked');

    const some = await figureCount(page);
    const someListed = await listedFigures(page);
    assert.ok(some > 0 && some < all, `« maires »: ${some} figures counted of ${all}`);
    assert.equal(someListed.size, some, `« maires »: ${someListed.size} figures listed, ${some} counted`);
    const outside = [...someListed].filter((h) => !allListed.has(h));
    assert.deepEqual(outside, [], 'figures listed under « maires » but not in the full list');
    const populations = [...new Set(await texts(page, '#zone table tbody th[scope=row]'))];
    // Row headers name the population, sometimes with its région: « maires (Centre-Val de Loire) ».
    assert.ok(populations.length > 0, 'no population in the tables of the results');
    assert.deepEqual(populations.filter((p) => !/^maires( \(.+\))?$/.test(p)), [], `populations listed under the « maires » filter: ${populations.join(', ')}`);
    await checkCharts(page, pathOf(page.url()));
  });

  test('with JavaScript: ticking a filter updates the results in place (htmx), the URL follows, focus stays', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    const documents = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents.push(r.url());
    });
    await visit(page, '/donnees');
    await page.waitForFunction(() => typeof window.htmx === 'object', null, { timeout: 10_000 });
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const all = await figureCount(page);

    await tabUntil(page, (f) => f.id === 'f-population-maires', 150);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('population') === 'maires', null, { timeout: 10_000 });
    await page.waitForFunction(
      (total) => {
        const n = Number((document.querySelector('.results-count strong')?.textContent ?? '').replace(/\D/g, ''));
        return n > 0 && n < total;
      },
      all,
      { timeout: 10_000 },
    );
    assert.equal(pathOf(page.url()), '/donnees?population=maires');
    assert.equal(await page.evaluate(() => window.__sameDocument === true), true, 'the results came from a full page load, not from htmx');
    assert.deepEqual(documents, [documents[0]], `only the first page load should be a document request: ${documents.join(', ')}`);
    assert.ok(await page.isChecked('#f-population-maires'));
    const focus = await describeFocus(page);
    assert.equal(focus.id, 'f-population-maires', `focus should stay on the checkbox, is on ${JSON.stringify(focus)}`);
    assert.equal(await page.locator('.results-head').getAttribute('aria-live'), 'polite', 'the results count is announced');

    // Unticking brings every figure back, still in place.
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('population'), null, { timeout: 10_000 });
    await page.waitForFunction(
      (total) => Number((document.querySelector('.results-count strong')?.textContent ?? '').replace(/\D/g, '')) === total,
      all,
      { timeout: 10_000 },
    );
    assert.equal((await describeFocus(page)).id, 'f-population-maires');
    assert.equal(await page.evaluate(() => window.__sameDocument === true), true);
  });

  test('/donnees/chiffres/kf-052 shows its two published values, 84 % and 83 %, side by side', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    const response = await visit(page, '/donnees/chiffres/kf-052');
    assert.equal(response.status(), 200);
    const sides = page.locator('.side-by-side .side');
    assert.equal(await sides.count(), 2, 'two values side by side');
    const values = await texts(page, '.side-by-side .side .figure-big');
    assert.deepEqual(values.map((v) => v.replace(/\s+/g, ' ')), ['84 %', '83 %']);
    // Each value says which figure it is.
    const ids = await texts(page, '.side-by-side .side strong');
    assert.deepEqual(ids, ['kf-052', 'kf-056']);
    // Side by side on a desktop screen: same row, two columns.
    const [a, b] = await Promise.all([sides.nth(0).boundingBox(), sides.nth(1).boundingBox()]);
    assert.ok(a && b, 'both values are rendered');
    assert.ok(b.x >= a.x + a.width - 1, `the second value should be to the right of the first: ${JSON.stringify({ a, b })}`);
    assert.ok(Math.abs(a.y - b.y) < 2, `the two values should be on the same row: ${JSON.stringify({ a, b })}`);
    const heading = ((await page.locator('.ecarts h2').textContent()) ?? '').trim();
    assert.match(heading, /Deux valeurs/, `heading of the comparison: « ${heading} »`);
  });

  test('/donnees/cartes: 101 départements on the map, 5 overseas insets, a 101-row table', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/donnees/cartes');
    const map = page.locator('svg.carte');
    assert.equal(await map.count(), 1, 'one map');

    const links = map.locator('a[href^="/territoires/departements/"]');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(hrefs.length, 101, `${hrefs.length} département links in the map`);
    assert.equal(new Set(hrefs).size, 101, 'each département once');
    const unnamed = await links.evaluateAll((as) => as.filter((a) => !(a.getAttribute('aria-label') ?? '').trim()).map((a) => a.getAttribute('href')));
    assert.deepEqual(unnamed, [], 'map links without an aria-label');

    const insets = await map.locator('rect.encart').evaluateAll((rs) => rs.map((r) => ({ x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'), h: +r.getAttribute('height') })));
    assert.equal(insets.length, 5, `${insets.length} inset frames`);
    const insetNames = await texts(page, 'svg.carte text.encart-nom');
    assert.deepEqual(insetNames, ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
    // Each overseas département is drawn inside its own inset frame.
    for (const [i, code] of ['971', '972', '973', '974', '976'].entries()) {
      const box = await map.locator(`a[href="/territoires/departements/${code}"] path`).first().evaluate((p) => {
        const b = p.getBBox();
        return { x: b.x, y: b.y, w: b.width, h: b.height };
      });
      const f = insets[i];
      assert.ok(
        box.w > 0 && box.x >= f.x && box.y >= f.y && box.x + box.w <= f.x + f.w && box.y + box.h <= f.y + f.h,
        `département ${code} (${JSON.stringify(box)}) is not inside the « ${insetNames[i]} » inset ${JSON.stringify(f)}`,
      );
    }

    const table = page.locator('section[aria-labelledby="tableau-titre"] table.data');
    assert.equal(await table.count(), 1, 'the map has its table');
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 101, 'one table row per département');
    const tableHrefs = await rows.locator('th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual([...tableHrefs].sort(), [...hrefs].sort(), 'the table and the map list the same départements');
  });

  test('/donnees/cartes without JavaScript: choosing another indicator lands on /donnees/cartes/{echelle}/{indicateur}', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    await visit(page, '/donnees/cartes');
    await page.getByRole('combobox', { name: 'Indicateur' }).selectOption('catalyseurs');
    await Promise.all([page.waitForURL((u) => u.pathname === '/donnees/cartes/departements/catalyseurs'), page.getByRole('button', { name: 'Afficher la carte' }).click()]);
    assert.equal(pathOf(page.url()), '/donnees/cartes/departements/catalyseurs');
    assert.equal(await page.locator('#indicateur').inputValue(), 'catalyseurs', 'the chosen indicator stays selected');
    assert.match(((await page.locator('#carte-titre').textContent()) ?? '').trim(), /^Catalyseurs/);
    assert.equal(await page.locator('svg.carte a[href^="/territoires/departements/"]').count(), 101);

    // And the scale too.
    await page.getByRole('combobox', { name: 'Échelle' }).selectOption('regions');
    await Promise.all([page.waitForURL((u) => u.pathname === '/donnees/cartes/regions/catalyseurs'), page.getByRole('button', { name: 'Afficher la carte' }).click()]);
    assert.equal(pathOf(page.url()), '/donnees/cartes/regions/catalyseurs');
    assert.equal(await page.locator('svg.carte a[href^="/territoires/regions/"]').count(), 18, 'the 18 régions on the map');
    assert.equal(await page.locator('section[aria-labelledby="tableau-titre"] table.data tbody tr').count(), 18, 'one table row per région');
  });

  test('fiche repère printed: navigation and actions hidden, A4 PDF, A4 screenshots', { timeout: 2 * TEST_TIMEOUT }, async (t) => {
    const dir = ensureArtifactsDir();
    const { page } = await open(t, { viewport: { width: 794, height: 1123 } });
    // Site navigation, actions and filters: for the screen only. (On /donnees the
    // filter form also wraps the results, so the form itself is not in the list.)
    const SCREEN_ONLY = ['.skip-link', '.main-nav', '.lang-switch', '.site-footer nav', '.actions', '.no-print', '.breadcrumb', '.facets', '.nojs-apply', '.map-form', 'form:not(:has(#zone))'];

    /** Selectors (among SCREEN_ONLY) with at least one element laid out on the page. */
    const shown = () =>
      page.evaluate((sels) => sels.filter((s) => [...document.querySelectorAll(s)].some((el) => el.getClientRects().length > 0)), SCREEN_ONLY);

    await visit(page, '/reperes/territoires/departements/33');
    assert.equal(((await page.locator('main h1').textContent()) ?? '').trim(), 'Gironde (Département)');
    const onScreen = await shown();
    for (const s of ['.main-nav', '.actions', '.no-print']) assert.ok(onScreen.includes(s), `${s} should be visible on screen (found: ${onScreen.join(', ')})`);

    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await shown(), [], 'elements still shown in print');
    assert.ok(await page.locator('main h1').isVisible(), 'the title is printed');
    assert.ok(await page.locator('.synthese-territoire').isVisible(), 'the synthesis is printed');
    assert.ok(await page.locator('.synthese-territoire table.data').first().isVisible(), 'its tables are printed');

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(Buffer.isBuffer(pdf) && pdf.length > 1000, `PDF of ${pdf.length} bytes`);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the buffer is a PDF');
    writeFileSync(path.join(dir, 'repere-territoire-a4.pdf'), pdf);
    await page.screenshot({ path: path.join(dir, 'repere-territoire-a4.png'), fullPage: true });

    await page.emulateMedia({ media: 'screen' });
    await visit(page, '/reperes/acteurs/collectivite');
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await shown(), [], '/reperes/acteurs/collectivite: elements still shown in print');
    assert.ok(await page.locator('main h1').isVisible());
    await page.screenshot({ path: path.join(dir, 'repere-acteur-a4.png'), fullPage: true });

    // The observatory prints without its filters either.
    await page.emulateMedia({ media: 'screen' });
    await visit(page, '/donnees');
    assert.ok(await page.locator('.facets').isVisible(), 'the filters are shown on screen');
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await shown(), [], '/donnees: elements still shown in print');
    assert.ok(await page.locator('table.figure-table').first().isVisible(), '/donnees: the figures are printed');
  });

  // Printed, a page is laid out A4_CONTENT_WIDTH wide; anything wider makes Chromium
  // shrink the whole page to fit (and squeezed tables lose their columns).
  for (const p of ['/reperes/territoires/departements/33', '/reperes/acteurs/collectivite', '/reperes/domaines/social', '/territoires/departements/33', '/donnees/chiffres/kf-052']) {
    test(`${p} printed fits the width of an A4 page`, { timeout: TEST_TIMEOUT }, async (t) => {
      const { page } = await open(t, { viewport: { width: A4_CONTENT_WIDTH, height: 1000 } });
      await visit(page, p);
      await page.emulateMedia({ media: 'print' });
      const { scrollWidth, innerWidth, bars, flatBars } = await page.evaluate(() => {
        // The proportion bars of the tables (decorative: the numbers are in the cells).
        const widths = [...document.querySelectorAll('svg.barre-cellule')].map((svg) => svg.getBoundingClientRect().width);
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          bars: widths.length,
          flatBars: widths.filter((w) => w < 2).length,
        };
      });
      assert.ok(
        scrollWidth <= innerWidth + 1,
        `${p} printed is ${scrollWidth}px wide for ${innerWidth}px of A4 page (${flatBars} of ${bars} proportion bars squeezed to nothing); ` +
          `widest: ${(await overflowing(page)).join(', ')}`,
      );
      assert.equal(flatBars, 0, `${p} printed: ${flatBars} of ${bars} proportion bars (svg.barre-cellule) have no width`);
    });
  }
});
