// Full-page screenshots at a desktop and a phone size, for people to look at
// (written to e2e/artifacts/, which git ignores), and a check that nothing
// overflows sideways on the phone.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, visit, ensureArtifactsDir, TEST_TIMEOUT } from './helpers.mjs';

const { open } = useBrowser();

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

const SCREENS = [
  { path: '/', file: 'accueil' },
  { path: '/odd/17', file: 'odd-17' },
  { path: '/territoires', file: 'territoires' },
  { path: '/territoires/regions/28', file: 'region-28' },
  { path: '/territoires/communes/59378', file: 'commune-59378' },
  { path: '/exemples', file: 'exemples' },
  { path: '/exemples?vue=carte', file: 'exemples-carte' },
  { path: '/exemples/ptce-vivre-les-mureaux', file: 'exemple-fiche' },
  { path: '/donnees', file: 'donnees' },
  { path: '/donnees/cartes', file: 'donnees-cartes' },
  { path: '/catalyseurs', file: 'catalyseurs' },
  { path: '/territoires/departements/33', file: 'departement-33' },
  { path: '/reperes/territoires/departements/33', file: 'repere-departement-33' },
];

let dir;
before(() => {
  dir = ensureArtifactsDir();
});

/** Elements sticking out to the right of the viewport, to explain an overflow. */
function widestElements(page) {
  return page.evaluate(() => {
    const limit = window.innerWidth + 1;
    return [...document.querySelectorAll('body *')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ right }) => right > limit)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(({ el, right }) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(right)}px)`);
  });
}

for (const vp of VIEWPORTS) {
  describe(`screenshots at ${vp.width}×${vp.height} (${vp.name})`, () => {
    for (const screen of SCREENS) {
      test(`${screen.path}`, { timeout: TEST_TIMEOUT }, async (t) => {
        const { page } = await open(t, {
          viewport: { width: vp.width, height: vp.height },
          ...(vp.name === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        });
        const response = await visit(page, screen.path);
        assert.equal(response.status(), 200, `${screen.path}: HTTP status`);
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => document.fonts.ready);

        const file = path.join(dir, `${screen.file}-${vp.name}.png`);
        await page.screenshot({ path: file, fullPage: true });

        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        if (vp.name === 'phone') {
          assert.ok(
            scrollWidth <= innerWidth + 1,
            `${screen.path} overflows horizontally at ${vp.width}px: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}. ` +
              `Widest elements: ${(await widestElements(page)).join(', ')}. Screenshot: ${file}`,
          );
        }
      });
    }
  });
}
