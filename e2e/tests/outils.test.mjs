// Outils: the list of tools searches live (htmx) and without JavaScript (GET form) with
// the same totals as the API, the cartography's cells give the API's numbers and lead to
// the matching list (mouse and keyboard), a diagnostic's phase, public and level are
// highlighted, the table becomes blocks on a phone, and a tool's page carries its
// JSON-LD, its sources with their dates and the alliances linked to it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  useBrowser,
  visit,
  texts,
  url,
  pathOf,
  TEST_TIMEOUT,
  ARTIFACTS_DIR,
  describeFocus,
  hasVisibleFocusStyle,
  tabUntil,
} from './helpers.mjs';

const { open } = useBrowser();

/** `total` of GET /api/v1/outils with these query parameters (a string or URLSearchParams). */
async function apiTotal(params) {
  const query = String(params);
  const response = await fetch(url(`/api/v1/outils${query ? '?' + query : ''}`), { headers: { accept: 'application/json' } });
  assert.equal(response.status, 200, `GET /api/v1/outils?${query} answered ${response.status}`);
  const body = await response.json();
  assert.equal(typeof body.total, 'number', `GET /api/v1/outils?${query}: no numeric "total" in ${JSON.stringify(body).slice(0, 200)}`);
  return body.total;
}

/** The number in « 8 outils » (the results count of /outils). */
async function toolCount(page) {
  const text = ((await page.locator('.results-count strong').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  assert.match(text, /^[0-9 \u202f\u00a0]+ outils?$/, `results count on ${pathOf(page.url())}: « ${text} »`);
  return Number(text.replace(/\D/g, ''));
}

/** Waits until the results count of the page reads `expected`. */
async function waitForCount(page, expected, what) {
  await page
    .waitForFunction(
      (n) => Number((document.querySelector('.results-count strong')?.textContent ?? '').replace(/\D/g, '')) === n,
      expected,
      { timeout: 10_000 },
    )
    .catch(async () => {
      const shown = await page.locator('.results-count strong').textContent().catch(() => null);
      throw new Error(`${what}: the results count should read ${expected} outils, reads « ${shown?.trim()} » on ${pathOf(page.url())}`);
    });
}

/** Waits until htmx has no request in flight (it marks the requesting form with .htmx-request). */
async function waitForHtmxIdle(page) {
  await page.waitForFunction(() => !document.querySelector('.htmx-request'), null, { timeout: 10_000 });
}

/** Lower case, without accents: « Coopération » → « cooperation ». */
function plain(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The facet checkbox labelled `label` in the fieldset whose legend is `legend`. */
function facetBox(page, legend, label) {
  return page.locator('fieldset.facet', { has: page.locator('legend', { hasText: legend }) }).getByRole('checkbox', { name: new RegExp(`^${label}\\b`) });
}

/** Cards of the results: title, link and description (the paragraph after the editor). */
function cards(page) {
  return page.locator('#zone .outil-card').evaluateAll((lis) =>
    lis.map((li) => ({
      title: (li.querySelector('h3 a')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: li.querySelector('h3 a')?.getAttribute('href') ?? null,
      description: [...li.querySelectorAll(':scope > p:not(.kicker):not(.meta)')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()).join(' '),
      text: li.textContent.replace(/\s+/g, ' ').trim(),
    })),
  );
}

/** Cell links of the cartography: href, the number shown, the dimension values of the href. */
function cellLinks(page) {
  return page.locator('table.carto-table tbody td a').evaluateAll((as) =>
    as.map((a) => {
      const u = new URL(a.href);
      const row = a.closest('tr')?.querySelector('th[scope="row"]');
      return {
        href: a.getAttribute('href'),
        shown: a.textContent.replace(/\s+/g, ' ').trim(),
        label: a.getAttribute('aria-label'),
        pathname: u.pathname,
        params: [...u.searchParams.entries()],
        rowName: (row?.querySelector('a')?.textContent ?? '').trim(),
        rowCount: (row?.querySelector('.col-count')?.textContent ?? '').trim(),
      };
    }),
  );
}

/** First, middle and last element of a list. */
function threeOf(list) {
  return [...new Set([0, Math.floor(list.length / 2), list.length - 1])].map((i) => list[i]);
}

/**
 * On the cartography (`view`: '' or '?vue=maturite'), three cells show the API's
 * total for their phase and column, their row header counts the whole phase, and
 * clicking each cell opens the matching list showing the same number.
 */
async function checkCartographyCells(page, view, column) {
  const response = await visit(page, `/outils/cartographie${view}`);
  assert.equal(response.status(), 200, `/outils/cartographie${view} answered ${response.status()}`);
  const cells = await cellLinks(page);
  assert.ok(cells.length >= 8, `/outils/cartographie${view}: only ${cells.length} cell links`);
  for (const cell of threeOf(cells)) {
    const what = `/outils/cartographie${view}, cell ${cell.href}`;
    assert.equal(cell.pathname, '/outils', `${what}: the cell should link to the list /outils`);
    assert.deepEqual(
      cell.params.map(([k]) => k),
      ['phase', column],
      `${what}: the link should carry exactly phase and ${column}`,
    );
    assert.match(cell.shown, /^\d+$/, `${what}: the cell shows « ${cell.shown} », not a number`);
    const shown = Number(cell.shown);
    const total = await apiTotal(new URLSearchParams(cell.params));
    assert.equal(shown, total, `${what} shows ${shown}, the API counts ${total} tools for ${new URLSearchParams(cell.params)}`);
    assert.ok(cell.label?.startsWith(`${shown} outil`), `${what}: its aria-label « ${cell.label} » should start with the number shown`);
    const phase = cell.params[0][1];
    const rowTotal = await apiTotal(new URLSearchParams({ phase }));
    assert.equal(cell.rowCount, `(${rowTotal})`, `${what}: the row header « ${cell.rowName} » counts ${cell.rowCount}, the API ${rowTotal} tools for phase=${phase}`);

    await Promise.all([
      page.waitForURL((u) => u.pathname + u.search === cell.href.replace(/&amp;/g, '&')),
      page.locator(`table.carto-table tbody td a[href="${cell.href}"]`).click(),
    ]);
    assert.equal(await toolCount(page), shown, `${what}: the list it leads to (${pathOf(page.url())}) does not count the number shown in the cell`);
    const checked = await page.locator('#zone input[type=checkbox]:checked').evaluateAll((bs) => bs.map((b) => `${b.name}=${b.value}`).sort());
    assert.deepEqual(checked, cell.params.map(([k, v]) => `${k}=${v}`).sort(), `${what}: the filters ticked on the list it leads to`);
    await page.goBack();
    await page.locator('table.carto-table').waitFor();
  }
}

describe('outils', () => {
  test('/outils with JavaScript: typing « cooperation » updates the results in place (htmx, URL pushed), a facet adds a chip', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    const documents = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents.push(r.url());
    });
    const response = await visit(page, '/outils');
    assert.equal(response.status(), 200);
    await page.waitForFunction(() => typeof window.htmx === 'object', null, { timeout: 10_000 });
    const all = await toolCount(page);
    assert.equal(all, await apiTotal(''), '/outils without filters should count every tool of the API');
    // Markers that a full page load would wipe out, and the #zone element htmx must replace.
    await page.evaluate(() => {
      window.__sameDocument = true;
      window.__zone = document.getElementById('zone');
    });

    const expected = await apiTotal('q=cooperation');
    assert.ok(expected > 0 && expected < all, `the API finds ${expected} tools of ${all} for « cooperation »`);
    await page.locator('#q').pressSequentially('cooperation', { delay: 20 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'cooperation', null, { timeout: 10_000 });
    await waitForCount(page, expected, 'after typing « cooperation »');
    assert.equal(pathOf(page.url()), '/outils?q=cooperation', 'the URL pushed by htmx');
    assert.equal(await page.evaluate(() => window.__sameDocument === true), true, 'the results came from a full page load, not from htmx');
    assert.equal(await page.evaluate(() => document.getElementById('zone') !== window.__zone), true, 'the #zone element was not swapped');
    assert.equal(await page.inputValue('#q'), 'cooperation', 'the search field keeps what was typed');

    const found = await cards(page);
    assert.equal(found.length, expected, `${found.length} cards listed, the API counts ${expected}`);
    assert.ok(
      found.some((c) => /coopération/i.test(c.title) || /coopération/i.test(c.description)),
      `no card title nor description contains « coopération »: ${found.map((c) => c.title).join(' | ')}`,
    );
    const unrelated = found.filter((c) => !plain(c.text).includes('coop'));
    assert.deepEqual(unrelated.map((c) => c.title), [], 'cards found for « cooperation » without any « coop… » word');
    assert.ok(found.every((c) => c.href?.startsWith('/outils/')), `every card links to its tool page: ${found.map((c) => c.href).join(', ')}`);
    assert.equal(await page.locator('.active-filters .chip').count(), 0, 'no filter chip before ticking a facet');

    // Tick « Piloter » in « Phase d'une alliance »: fewer tools, a chip for it.
    const withPhase = await apiTotal('q=cooperation&phase=piloter');
    assert.ok(withPhase > 0 && withPhase < expected, `the API finds ${withPhase} of these ${expected} tools in phase « Piloter »`);
    // Leaving the search field fires its « change », which reloads the results once more;
    // let that finish first (the next test ticks during it: the form's hx-sync replaces it).
    await page.locator('#q').blur();
    await waitForHtmxIdle(page);
    await page.evaluate(() => {
      window.__zone = document.getElementById('zone');
    });
    await facetBox(page, "Phase d'une alliance", 'Piloter').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('phase') === 'piloter', null, { timeout: 10_000 });
    await waitForCount(page, withPhase, 'after ticking « Piloter »');
    const u = new URL(page.url());
    assert.equal(u.searchParams.get('q'), 'cooperation', `the search is kept in the URL: ${u.search}`);
    assert.deepEqual(u.searchParams.getAll('phase'), ['piloter'], `the phase filter in the URL: ${u.search}`);
    assert.equal(await page.evaluate(() => document.getElementById('zone') !== window.__zone), true, 'ticking the facet did not swap #zone');
    assert.equal(await page.evaluate(() => window.__sameDocument === true), true, 'ticking the facet loaded a full page');
    assert.ok(await facetBox(page, "Phase d'une alliance", 'Piloter').isChecked(), 'the « Piloter » box stays ticked after the swap');
    assert.equal((await cards(page)).length, withPhase, 'cards listed after ticking « Piloter »');

    const chips = await texts(page, '.active-filters .chip');
    assert.equal(chips.length, 1, `one chip for the one facet ticked: ${chips.join(' | ')}`);
    assert.match(chips[0], /Phase d'une alliance : Piloter/, `the chip names the filter: « ${chips[0]} »`);
    assert.equal(
      await page.locator('.active-filters .chip').getAttribute('href'),
      '/outils?q=cooperation',
      'the chip removes its filter and keeps the search',
    );
    assert.deepEqual(documents, [documents[0]], `only the first page load should be a document request: ${documents.join(', ')}`);
  });

  test(
    '/outils with JavaScript: a facet ticked while the search results are still loading stays ticked',
    { timeout: TEST_TIMEOUT },
    async (t) => {
      const { page } = await open(t);
      await visit(page, '/outils');
      await page.waitForFunction(() => typeof window.htmx === 'object', null, { timeout: 10_000 });
      // As on a slow network: the answers for the search alone take 300 ms more.
      await page.route(
        (u) => u.pathname === '/outils' && !u.searchParams.has('phase'),
        async (route) => {
          if (route.request().headers()['hx-request']) await new Promise((resolve) => setTimeout(resolve, 300));
          await route.continue();
        },
      );
      const expected = await apiTotal('q=cooperation');
      await page.locator('#q').pressSequentially('cooperation', { delay: 20 });
      await waitForCount(page, expected, 'after typing « cooperation »');

      // One click on « Piloter », straight from the search field, as a user would.
      await page.locator('#o-phase-piloter').click();
      await page
        .waitForFunction(() => !document.querySelector('.htmx-request') && new URL(location.href).searchParams.get('phase') === 'piloter', null, { timeout: 5_000 })
        .catch(() => {});
      await waitForHtmxIdle(page);
      const state = await page.evaluate(() => ({
        url: location.pathname + location.search,
        ticked: document.getElementById('o-phase-piloter')?.checked ?? null,
        count: (document.querySelector('.results-count strong')?.textContent ?? '').trim(),
      }));
      const withPhase = await apiTotal('q=cooperation&phase=piloter');
      assert.deepEqual(
        state,
        { url: '/outils?q=cooperation&phase=piloter', ticked: true, count: `${withPhase} outils` },
        'after one click on « Piloter » made while the search was reloading, the tick and the filter should stay',
      );
    },
  );

  test('/outils without JavaScript: a GET form; search « cooperation », tick « Piloter », « Appliquer les filtres »', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    const response = await visit(page, '/outils');
    assert.equal(response.status(), 200);
    const form = page.locator('form#recherche-outils');
    assert.equal((await form.getAttribute('method'))?.toLowerCase(), 'get', 'the search form submits with GET');
    assert.equal(await form.getAttribute('action'), '/outils', 'the search form submits to /outils');
    const apply = page.locator('.nojs-apply button');
    assert.equal(await apply.count(), 1, 'one apply button in .nojs-apply');
    assert.ok(await apply.isVisible(), 'the apply button is visible without JavaScript');
    assert.match(((await apply.textContent()) ?? '').trim(), /^Appliquer/, 'the apply button text');

    await page.fill('#q', 'cooperation');
    await facetBox(page, "Phase d'une alliance", 'Piloter').check();
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/outils' && u.searchParams.get('q') === 'cooperation'),
      apply.click(),
    ]);
    const u = new URL(page.url());
    assert.equal(u.searchParams.get('q'), 'cooperation', `query after submission: ${u.search}`);
    assert.deepEqual(u.searchParams.getAll('phase'), ['piloter'], `query after submission: ${u.search}`);

    const expected = await apiTotal(new URLSearchParams({ q: 'cooperation', phase: 'piloter' }));
    assert.ok(expected > 0, 'the API finds tools for « cooperation » in phase « Piloter »');
    assert.equal(await toolCount(page), expected, `${pathOf(page.url())} does not count the API total`);
    assert.equal((await cards(page)).length, expected, 'cards listed after applying the filters');
    assert.equal(await page.inputValue('#q'), 'cooperation', 'the search field shows the search after the reload');
    assert.ok(await facetBox(page, "Phase d'une alliance", 'Piloter').isChecked(), 'the « Piloter » box stays ticked after the reload');
    const chips = await texts(page, '.active-filters .chip');
    assert.deepEqual(chips.map((c) => c.replace(/\s*×$/, '')), ["Phase d'une alliance : Piloter"], 'the filter chips');
  });

  test('/outils/cartographie (by public): cells give the API totals and open the list with the same number', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await checkCartographyCells(page, '', 'public');
  });

  test('/outils/cartographie?vue=maturite: cells give the API totals and open the list with the same number', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await checkCartographyCells(page, '?vue=maturite', 'maturite');
    assert.equal(
      ((await page.locator('.view-switch a[aria-current="page"]').textContent()) ?? '').trim(),
      'Par niveau de maturité',
      'the view switch marks the maturity view as current',
    );
  });

  test('/outils/cartographie with the keyboard: Tab reaches a cell with a visible focus, Enter opens its list', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/outils/cartographie');
    const trail = await tabUntil(page, (f) => f.tag === 'a' && /^\/outils\?phase=[^&]+&public=/.test(f.href ?? ''), 120);
    const focus = trail.at(-1);
    assert.equal(
      await page.evaluate(() => document.activeElement?.matches('table.carto-table td a') ?? false),
      true,
      `the focused element should be a cell link of the table, is ${JSON.stringify(focus)}`,
    );
    assert.ok(hasVisibleFocusStyle(focus), `the focused cell has no outline nor box-shadow: ${JSON.stringify(focus)}`);
    assert.ok(focus.rect.width > 0 && focus.rect.height > 0, `the focused cell has no size: ${JSON.stringify(focus.rect)}`);
    const shown = Number(focus.text);
    assert.ok(Number.isInteger(shown) && shown > 0, `the focused cell shows « ${focus.text} »`);

    await Promise.all([page.waitForURL((u) => u.pathname + u.search === focus.href), page.keyboard.press('Enter')]);
    assert.equal(await toolCount(page), shown, `Enter on the cell led to ${pathOf(page.url())}, which does not count the ${shown} tools of the cell`);
  });

  test('/outils/cartographie from a diagnostic: the phase row, the public column and the level column are highlighted', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    const mine = 'phase=construire&public=collectivite&maturite=experimenter';
    await visit(page, `/outils/cartographie?${mine}`);

    const notice = page.locator('.carto-mine');
    assert.equal(await notice.count(), 1, 'one diagnostic notice (.carto-mine)');
    assert.ok(await notice.isVisible(), 'the diagnostic notice is shown');
    assert.match(((await notice.textContent()) ?? '').replace(/\s+/g, ' '), /Construire · Collectivité territoriale · Expérimenter/, 'the notice names the phase, profile and level');
    assert.equal(await notice.locator(`a[href="/outils?${mine}"]`).count(), 1, 'the notice links to the list of the diagnostic\'s tools');

    const rows = await texts(page, 'table.carto-table tbody tr.mine th[scope="row"] a');
    assert.deepEqual(rows, ['Construire'], 'the highlighted row (tr.mine)');
    const columns = await texts(page, 'table.carto-table thead th.mine a');
    assert.deepEqual(columns, ['Collectivités (Collectivité territoriale)'], 'the highlighted column header (thead th.mine): its short name, then the full one for screen readers');
    // The column is highlighted in every row, under its header.
    const off = await page.locator('table.carto-table tbody tr').evaluateAll((trs) =>
      trs.filter((tr) => !tr.querySelector('td.mine[data-label="Collectivité territoriale"]')).map((tr) => tr.querySelector('th')?.textContent.trim()),
    );
    assert.deepEqual(off, [], 'rows whose « Collectivité territoriale » cell is not highlighted');
    const rowBg = await page.locator('table.carto-table tbody tr.mine td').first().evaluate((td) => getComputedStyle(td).backgroundColor);
    const plainBg = await page.locator('table.carto-table tbody tr:not(.mine) td:not(.mine)').first().evaluate((td) => getComputedStyle(td).backgroundColor);
    assert.notEqual(rowBg, plainBg, 'a highlighted cell looks like any other');

    await visit(page, `/outils/cartographie?${mine}&vue=maturite`);
    assert.deepEqual(await texts(page, 'table.carto-table tbody tr.mine th[scope="row"] a'), ['Construire'], 'maturity view: the highlighted row');
    assert.deepEqual(await texts(page, 'table.carto-table thead th.mine a'), ['Expérimenter'], 'maturity view: the highlighted column header');
    assert.ok(await page.locator('.carto-mine').isVisible(), 'maturity view: the diagnostic notice is shown');

    // Without a diagnostic, nothing is highlighted.
    await visit(page, '/outils/cartographie');
    assert.equal(await page.locator('table.carto-table .mine, .carto-mine').count(), 0, 'highlights shown without a diagnostic');
  });

  test('/outils/cartographie on a 390 px phone: no horizontal scroll, one block per phase, cells labelled and clickable', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await visit(page, '/outils/cartographie');
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(widths.scroll <= 390 + 1, `the page is ${widths.scroll}px wide on a 390px screen (horizontal scroll)`);

    const layout = await page.evaluate(() => {
      const table = document.querySelector('table.carto-table');
      const thead = table.querySelector('thead').getBoundingClientRect();
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => {
        const r = tr.getBoundingClientRect();
        return { display: getComputedStyle(tr).display, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      const td = table.querySelector('tbody td');
      const before = getComputedStyle(td, '::before');
      return {
        theadBox: { width: thead.width, height: thead.height },
        rows,
        tdDisplay: getComputedStyle(td).display,
        tdLabel: td.getAttribute('data-label'),
        beforeContent: before.content,
        unlabelled: [...table.querySelectorAll('tbody td')].filter((c) => !c.getAttribute('data-label')).length,
      };
    });
    assert.ok(layout.theadBox.width <= 1 && layout.theadBox.height <= 1, `the header row should be visually hidden, its box is ${JSON.stringify(layout.theadBox)}`);
    assert.ok(layout.rows.length >= 8, `${layout.rows.length} phase rows`);
    assert.deepEqual([...new Set(layout.rows.map((r) => r.display))], ['block'], 'each phase row is displayed as a block');
    for (const [i, r] of layout.rows.entries()) {
      assert.ok(r.left >= 0 && r.right <= 391, `phase block ${i + 1} sticks out of the screen: ${JSON.stringify(r)}`);
      if (i > 0) assert.ok(r.top >= layout.rows[i - 1].bottom - 1, `phase block ${i + 1} is not below the previous one`);
    }
    assert.equal(layout.tdDisplay, 'flex', 'a cell is a flex line (label, then number)');
    assert.ok(layout.tdLabel, 'a cell has a data-label');
    assert.equal(layout.beforeContent, JSON.stringify(layout.tdLabel), 'td::before shows the column label');
    assert.equal(layout.unlabelled, 0, 'cells without a data-label');

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'outils-cartographie-390.png'), fullPage: true });

    const cell = page.locator('table.carto-table tbody td a').nth(3);
    const href = await cell.getAttribute('href');
    const shown = Number(((await cell.textContent()) ?? '').trim());
    await cell.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL((u) => u.pathname + u.search === href), cell.tap()]);
    assert.equal(await toolCount(page), shown, `tapping the cell ${href} led to a list that does not count its ${shown} tools`);
  });

  test('/outils/rameau-evaluation-partenariale-en-pratique: JSON-LD CreativeWork, dated sources, linked alliances', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    const response = await visit(page, '/outils/rameau-evaluation-partenariale-en-pratique');
    assert.equal(response.status(), 200);
    const h1 = ((await page.locator('h1').textContent()) ?? '').trim();

    const scripts = await page.locator('script[type="application/ld+json"]').evaluateAll((ss) => ss.map((s) => s.textContent));
    const works = scripts
      .map((s, i) => {
        try {
          return JSON.parse(s);
        } catch (e) {
          assert.fail(`JSON-LD block ${i + 1} is not valid JSON: ${e.message}`);
        }
      })
      .filter((d) => d['@type'] === 'CreativeWork');
    assert.equal(works.length, 1, `one CreativeWork among the JSON-LD blocks: ${scripts.join(' | ').slice(0, 300)}`);
    const work = works[0];
    assert.equal(work.name, h1, 'the JSON-LD name is the page title');
    assert.ok(Array.isArray(work.publisher) ? work.publisher.some((p) => p.name === 'Le RAMEAU') : work.publisher?.name === 'Le RAMEAU', `JSON-LD publisher: ${JSON.stringify(work.publisher)}`);

    const sources = await texts(page, 'ul.sources li');
    assert.ok(sources.length >= 1, 'the sources list is empty');
    const undated = sources.filter((s) => !/consultée le \d{1,2}(er)? [a-zéû]+ \d{4}/.test(s));
    assert.deepEqual(undated, [], 'sources without a « consultée le <date> »');

    const section = page.locator('section', { has: page.locator('h2', { hasText: 'Alliances liées à cet outil' }) });
    assert.equal(await section.count(), 1, 'one « Alliances liées à cet outil » section');
    const linked = await section.locator('li').evaluateAll((lis) =>
      lis.map((li) => ({
        href: li.querySelector('a')?.getAttribute('href') ?? null,
        name: (li.querySelector('a')?.textContent ?? '').trim(),
        reason: (li.querySelector('.reason')?.textContent ?? '').trim(),
      })),
    );
    assert.ok(linked.length >= 1, 'no alliance linked to the tool');
    for (const l of linked) {
      assert.match(l.href ?? '', /^\/exemples\/[a-z0-9-]+$/, `linked alliance « ${l.name} » should link to its /exemples page`);
      assert.ok(l.reason.length > 10, `linked alliance « ${l.name} » says why it is linked: « ${l.reason} »`);
    }
    const first = await page.request.get(url(linked[0].href));
    assert.equal(first.status(), 200, `the linked alliance ${linked[0].href} answered ${first.status()}`);
    assert.equal(await page.getByRole('link', { name: "Accéder à l'outil" }).count(), 1, 'the tool with an official page has one « Accéder à l\'outil » button');
  });

  test('/outils/observatoire-des-territoires: no official page, so no « Accéder à l\'outil » button', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    const response = await visit(page, '/outils/observatoire-des-territoires');
    assert.equal(response.status(), 200);
    const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(main, /Aucune page officielle trouvée/, 'the page should say that no official page was found');
    assert.equal(await page.getByRole('link', { name: /Accéder à l.outil/ }).count(), 0, 'a tool without an official page shows an « Accéder à l\'outil » link');
    assert.ok((await texts(page, 'ul.sources li')).length >= 1, 'the tool still lists its sources');
  });
});
