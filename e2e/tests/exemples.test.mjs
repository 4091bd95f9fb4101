// Exemples: the search works as a plain GET form without JavaScript, updates live with
// htmx (keeping focus where the user is), and the map view has a table alternative.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, visit, texts, TEST_TIMEOUT, describeFocus, tabUntil } from './helpers.mjs';

const { open } = useBrowser();

describe('exemples', () => {
  test('without JavaScript: type a query without accents, filter by a région, open a record', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    await visit(page, '/exemples');
    await page.fill('#q', 'energie citoyenne');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === 'energie citoyenne'), page.click('form#recherche-exemples button[type=submit] >> nth=0')]);
    const total = async () => Number(((await page.locator('.results-count strong').textContent()) ?? '').replace(/\D/g, ''));
    const broad = await total();
    assert.ok(broad >= 5, `« energie citoyenne » found ${broad} alliances`);
    // Accented words of the records are matched and highlighted.
    const marks = await texts(page, '.alliance-list mark');
    assert.ok(marks.some((m) => /énergie/i.test(m)), `highlights: ${marks.join(', ')}`);

    // Less frequent values wait behind « Voir les N autres valeurs » (a <details>, no JS
    // needed): open it, as a visitor would, when Bretagne is among them.
    const more = page.locator('details.facet-more:not([open])', { has: page.locator('#f-region-53') });
    if ((await more.count()) > 0) await more.locator('summary').click();
    await page.check('#f-region-53');
    await Promise.all([page.waitForURL((u) => u.searchParams.getAll('region').includes('53')), page.click('.nojs-apply button')]);
    const narrow = await total();
    assert.ok(narrow > 0 && narrow < broad, `Bretagne filter: ${narrow} of ${broad}`);
    assert.ok(await page.isChecked('#f-region-53'), 'the chosen région stays checked');
    const chips = await texts(page, '.active-filters .chip');
    assert.ok(chips.some((c) => c.includes('Bretagne')), `active filters: ${chips.join(', ')}`);

    const first = page.locator('.alliance-list .alliance-card h3 a').first();
    const name = ((await first.textContent()) ?? '').trim();
    await Promise.all([page.waitForURL(/\/exemples\/[a-z0-9-]+$/), first.click()]);
    assert.equal(((await page.locator('main h1').textContent()) ?? '').trim(), name);
    assert.ok((await page.locator('table.partners tbody tr').count()) > 0, 'partners table');
    assert.ok((await page.locator('ul.sources li a').count()) > 0, 'sources');
  });

  test('without JavaScript: the map view links to filtered results and has a table', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    await visit(page, '/exemples?vue=carte');
    const rows = page.locator('.map-results table').first().locator('tbody tr');
    assert.ok((await rows.count()) >= 10, 'one row per région with alliances');
    const link = rows.first().locator('a');
    const region = ((await link.textContent()) ?? '').trim();
    await Promise.all([page.waitForURL((u) => u.searchParams.has('region')), link.click()]);
    const chips = await texts(page, '.active-filters .chip');
    assert.ok(chips.some((c) => c.includes(region)), `filtered by ${region}: ${chips.join(', ')}`);
    // Map areas are links too, each named.
    await visit(page, '/exemples?vue=carte&echelle=departements');
    const areas = page.locator('#carte-exemples-departements-titre');
    assert.equal(await areas.count(), 1, 'the département map has a title');
    const named = await page.locator('svg.carte a title').count();
    assert.ok(named > 50, `${named} named map links`);
  });

  test('with JavaScript: live search keeps focus, a facet checked with the keyboard updates the list', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/exemples');
    await page.waitForFunction(() => typeof window.htmx === 'object', null, { timeout: 10_000 });
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    await tabUntil(page, (f) => f.id === 'q');
    await page.keyboard.type('centrales villageoises', { delay: 20 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'centrales villageoises', null, { timeout: 10_000 });
    await page.waitForFunction(() => /^[0-9 \u202f]+ alliances?$/.test(document.querySelector('.results-count strong')?.textContent?.trim() ?? '') && document.querySelectorAll('.alliance-list mark').length > 0, null, { timeout: 10_000 });
    assert.equal((await describeFocus(page)).id, 'q', 'focus stays in the search field while results update');
    assert.equal(await page.evaluate(() => window.__sameDocument === true), true, 'updated in place, not by a page load');
    const before = await page.locator('.alliance-list > li').count();
    assert.ok(before >= 5, `${before} results`);

    // Reach a facet value with Tab and check it with Space.
    const trail = await tabUntil(page, (f) => f.id === 'f-domaine-environnemental', 120);
    assert.ok(trail.length > 0);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('domaine') === 'environnemental', null, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('.active-filters .chip') !== null, null, { timeout: 10_000 });
    assert.equal((await describeFocus(page)).id, 'f-domaine-environnemental', 'focus stays on the checkbox after the update');
    assert.ok(await page.isChecked('#f-domaine-environnemental'));
    assert.equal(await page.evaluate(() => window.__sameDocument === true), true);
  });
});
