// Keyboard use: skip link, visible focus, search and map without a mouse.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, visit, TEST_TIMEOUT, describeFocus, hasVisibleFocusStyle, tabUntil } from './helpers.mjs';

const { open } = useBrowser();

describe('keyboard', () => {
  test('/ — first Tab focuses the visible skip link; Enter moves focus to <main>', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/');

    await page.keyboard.press('Tab');
    const first = await describeFocus(page);
    assert.equal(first.tag, 'a', `first Tab should focus a link, focused ${JSON.stringify(first)}`);
    assert.equal(first.href, '#contenu', 'first Tab should focus the skip link (href="#contenu")');
    assert.equal(first.text, 'Aller au contenu');
    assert.ok(hasVisibleFocusStyle(first), `the focused skip link has no outline nor box-shadow: ${JSON.stringify(first)}`);
    const viewport = page.viewportSize();
    assert.ok(
      first.rect.width > 0 && first.rect.height > 0 && first.rect.y >= 0 && first.rect.x >= 0 &&
        first.rect.x + first.rect.width <= viewport.width && first.rect.y < viewport.height,
      `the focused skip link should be on screen, its box is ${JSON.stringify(first.rect)}`,
    );

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'contenu', null, { timeout: 5_000 }).catch(() => {});
    const afterEnter = await describeFocus(page);
    assert.equal(afterEnter.tag, 'main', `after Enter on the skip link focus should be on <main>, is on ${JSON.stringify(afterEnter)}`);
    assert.equal(afterEnter.id, 'contenu');

    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
    assert.ok(inMain, `Tab after the skip link should land inside <main>, got ${JSON.stringify(await describeFocus(page))}`);
  });

  test('/ — every element reached by Tab shows a focus indicator', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/');
    const invisible = [];
    let count = 0;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await describeFocus(page);
      if (f.tag === 'body') break; // wrapped past the end of the page
      count++;
      if (!hasVisibleFocusStyle(f)) invisible.push(f);
    }
    assert.ok(count >= 10, `expected at least 10 focusable elements on /, found ${count}`);
    assert.deepEqual(
      invisible.map((f) => `${f.tag}[${f.href}] "${f.text}" outline=${f.outlineStyle} ${f.outlineWidth}px shadow=${f.boxShadow}`),
      [],
      'focused elements without a visible outline or box-shadow',
    );
  });

  test('/territoires — search with the keyboard only (Tab, type, Enter)', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/territoires');
    const trail = await tabUntil(page, (f) => f.id === 'q');
    assert.ok(trail.length <= 20, `the search field takes ${trail.length} Tab presses to reach`);
    assert.ok(hasVisibleFocusStyle(trail.at(-1)), 'the focused search field has no visible focus indicator');

    await page.keyboard.type('saint etienne');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/territoires' && u.searchParams.get('q') === 'saint etienne'),
      page.keyboard.press('Enter'),
    ]);
    const first = page.locator('#resultats ol.results > li a').first();
    await first.waitFor({ timeout: 10_000 });
    assert.equal((await first.textContent())?.trim(), 'Saint-Étienne', 'first result for "saint etienne"');
    assert.equal(await first.getAttribute('href'), '/territoires/communes/42218');
  });

  test('/territoires — live search (htmx) fills #resultats without Enter', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/territoires');
    await page.waitForFunction(() => typeof window.htmx === 'object', null, { timeout: 10_000 });
    // A marker that a full page load would wipe out.
    await page.evaluate(() => {
      window.__sameDocument = true;
    });

    await tabUntil(page, (f) => f.id === 'q');
    await page.keyboard.type('saint etienne', { delay: 30 });

    const first = page.locator('#resultats ol.results > li a').first();
    await first.waitFor({ timeout: 10_000 });
    assert.equal((await first.textContent())?.trim(), 'Saint-Étienne', 'first live result for "saint etienne"');
    assert.equal(
      await page.evaluate(() => window.__sameDocument === true),
      true,
      'the results came from a full page load, not from the live update',
    );
    const focus = await describeFocus(page);
    assert.equal(focus.id, 'q', 'the live update should leave focus in the search field');
    assert.equal(await page.locator('#resultats').getAttribute('aria-live'), 'polite', '#resultats should be a polite live region');
  });

  test('/territoires — every région of the SVG map is reachable by Tab and named', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/territoires');

    // Région names from the table, by link target, to cross-check the map labels.
    const tableNames = Object.fromEntries(
      await page
        .locator('main table a[href^="/territoires/regions/"]')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent.trim()])),
    );
    const mapHrefs = await page.locator('svg.carte a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(mapHrefs.length, 18, `the map should link the 18 régions, found ${mapHrefs.length}`);

    const seen = await tabUntil(page, (f) => f.inSvg && f.href === mapHrefs.at(-1), 120);
    const mapFocus = seen.filter((f) => f.inSvg);
    assert.deepEqual(
      mapFocus.map((f) => f.href),
      mapHrefs,
      'Tab should visit every région link of the map, in document order',
    );

    for (const f of mapFocus) {
      const name = tableNames[f.href];
      assert.ok(name, `map link ${f.href} has no matching row in the régions table`);
      assert.ok(f.label && f.label.includes(name), `map link ${f.href}: aria-label "${f.label}" should contain "${name}"`);
    }
    const normandie = mapFocus.find((f) => f.href === '/territoires/regions/28');
    assert.match(normandie?.label ?? '', /Normandie/);

    // Accessible name as the browser computes it (not only the attribute).
    const snapshot = await page.locator('svg.carte a[href="/territoires/regions/28"]').ariaSnapshot();
    assert.match(snapshot, /link "Normandie/, `accessible name of the Normandie map link: ${snapshot}`);

    // Focus on a map région is visible: its shape changes when focused.
    const shape = page.locator('svg.carte a[href="/territoires/regions/28"] path').first();
    await page.evaluate(() => document.activeElement?.blur());
    const idle = await shape.evaluate((p) => ({ fill: getComputedStyle(p).fill, stroke: getComputedStyle(p).stroke, width: getComputedStyle(p).strokeWidth }));
    await page.locator('svg.carte a[href="/territoires/regions/28"]').focus();
    const focused = await shape.evaluate((p) => ({ fill: getComputedStyle(p).fill, stroke: getComputedStyle(p).stroke, width: getComputedStyle(p).strokeWidth }));
    assert.notDeepEqual(focused, idle, `focusing the Normandie map link does not change its look (${JSON.stringify(idle)})`);
  });
});
