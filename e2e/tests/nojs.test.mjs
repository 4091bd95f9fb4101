// Without JavaScript the site is fully usable: content is server-rendered,
// search is a plain GET form, navigation and the language switch are links.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, visit, texts, pathOf, url, TEST_TIMEOUT } from './helpers.mjs';
import { MODULES } from './pages.mjs';

const { open } = useBrowser();
const NO_JS = { javaScriptEnabled: false };

async function openNoJs(t) {
  const { page } = await open(t, NO_JS);
  return page;
}

describe('without JavaScript', () => {
  test('/odd/17 lists the targets 17.1 … 17.19 in order, in French, by theme', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await openNoJs(t);
    const response = await visit(page, '/odd/17');
    assert.equal(response.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr', '/odd/17 should be in French');

    const codes = await texts(page, 'main .target-code');
    const expected = Array.from({ length: 19 }, (_, i) => `17.${i + 1}`);
    assert.deepEqual(codes, expected, `targets on /odd/17 are not 17.1 … 17.19 in order: ${codes.join(', ')}`);

    const groups = await texts(page, 'main .group-title');
    assert.deepEqual(
      groups,
      ['Finance', 'Technologie', 'Renforcement des capacités', 'Commerce', 'Questions structurelles'],
      'the five French theme headings of SDG 17, in order',
    );

    // The statement of 17.17 is the official French wording. (The UN source
    // text mixes composed and decomposed accents, hence the NFC normalisation.)
    const t1717 = page.locator('main li.target', { has: page.locator('.target-code', { hasText: /^17\.17$/ }) });
    assert.match(
      ((await t1717.textContent()) ?? '').normalize('NFC'),
      /Encourager et promouvoir les partenariats publics, les partenariats public-privé/,
      'target 17.17 is not shown with its French statement',
    );

    // Each code links to its target page.
    const hrefs = await page.locator('main a.target-code').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, expected.map((c) => `/odd/cibles/${c}`), 'target codes should link to /odd/cibles/<code>');
  });

  test('/territoires/regions/28 shows Normandie and its five départements', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await openNoJs(t);
    const response = await visit(page, '/territoires/regions/28');
    assert.equal(response.status(), 200);
    assert.equal((await page.locator('main h1').textContent())?.trim(), 'Normandie');

    const departements = page.locator('main section', { has: page.locator('h2', { hasText: 'Les départements' }) });
    const names = await texts(departements, 'tbody th a');
    assert.deepEqual(
      names,
      ['Calvados', 'Eure', 'Manche', 'Orne', 'Seine-Maritime'],
      `départements listed for Normandie: ${names.join(', ')}`,
    );
    const hrefs = await departements.locator('tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, ['14', '27', '50', '61', '76'].map((c) => `/territoires/departements/${c}`));
  });

  test('search form: "marcq en baroeul" → Marcq-en-Barœul → /territoires/communes/59378', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await openNoJs(t);
    await visit(page, '/territoires');
    await page.getByLabel('Nom, code INSEE ou code postal').fill('marcq en baroeul');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/territoires' && u.searchParams.get('q') === 'marcq en baroeul'),
      page.getByRole('button', { name: 'Rechercher' }).click(),
    ]);
    assert.equal(
      await page.locator('#q').inputValue(),
      'marcq en baroeul',
      'the search field should keep the query after submission',
    );

    const first = page.locator('#resultats ol.results > li a').first();
    assert.equal((await first.textContent())?.trim(), 'Marcq-en-Barœul', 'first search result');

    await Promise.all([page.waitForURL(url('/territoires/communes/59378')), first.click()]);
    assert.equal(pathOf(page.url()), '/territoires/communes/59378');
    assert.equal((await page.locator('main h1').textContent())?.trim(), 'Marcq-en-Barœul');
  });

  test('home → ODD → goal 17 by clicking links', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await openNoJs(t);
    await visit(page, '/');

    await Promise.all([
      page.waitForURL(url('/odd')),
      page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'ODD', exact: true }).click(),
    ]);
    await Promise.all([page.waitForURL(url('/odd/17')), page.locator('main a[href="/odd/17"]').first().click()]);
    assert.match((await page.locator('main h1').textContent()) ?? '', /Partenariats pour la réalisation des objectifs/);

    // The home page's own call to action leads there too.
    await visit(page, '/');
    await Promise.all([
      page.waitForURL(url('/odd/17')),
      page.getByRole('link', { name: /^Découvrir l['’]ODD 17$/ }).first().click(),
    ]);
    assert.equal(pathOf(page.url()), '/odd/17');
  });

  test('language switch: /odd/17 → /en/odd/17 → /odd/17', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await openNoJs(t);
    await visit(page, '/odd/17');

    await Promise.all([page.waitForURL(url('/en/odd/17')), page.locator('a.lang-switch').click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'English page should declare lang="en"');
    assert.equal((await page.locator('.skip-link').textContent())?.trim(), 'Skip to content');
    assert.equal((await texts(page, 'main .group-title'))[1], 'Technology', 'SDG 17 themes should be in English');

    const back = page.locator('a.lang-switch');
    assert.equal((await back.textContent())?.trim(), 'Français');
    await Promise.all([page.waitForURL(url('/odd/17')), back.click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal((await page.locator('.skip-link').textContent())?.trim(), 'Aller au contenu');
  });

  test('the five modules are built: the home page and each module show no « Bientôt » badge', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await openNoJs(t);
    for (const p of ['/', ...MODULES]) {
      const response = await visit(page, p);
      assert.equal(response.status(), 200, `${p}: HTTP status`);
      assert.equal(await page.locator('main .badge', { hasText: 'Bientôt' }).count(), 0, `${p} still shows a « Bientôt » badge`);
    }
    await visit(page, '/');
    assert.equal(
      await page.locator('.medoc-card .badge', { hasText: 'Disponible' }).count(),
      5,
      'the home page marks each of the five modules « Disponible »',
    );
  });
});
