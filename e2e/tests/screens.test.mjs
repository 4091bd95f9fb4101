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
  { path: '/donnees/chiffres/kf-001', file: 'chiffre-kf-001' },
  { path: '/donnees-ouvertes', file: 'donnees-ouvertes' },
  { path: '/catalyseurs/bordeaux-mecenes-solidaires', file: 'catalyseur-fiche' },
];

let dir;
before(() => {
  dir = ensureArtifactsDir();
});

/** Elements sticking out to the right of the viewport, to explain an overflow. */
function widestElements(page, width) {
  return page.evaluate((width) => {
    const limit = width + 1;
    return [...document.querySelectorAll('body *')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ right }) => right > limit)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(({ el, right }) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(right)}px)`);
  }, width);
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

        // Against the device width, not window.innerWidth: a mobile browser widens its
        // layout viewport to the content, so innerWidth grows with the overflow.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (vp.name === 'phone') {
          assert.ok(
            scrollWidth <= vp.width + 1,
            `${screen.path} overflows horizontally at ${vp.width}px: scrollWidth ${scrollWidth} > ${vp.width}. ` +
              `Widest elements: ${(await widestElements(page, vp.width)).join(', ')}. Screenshot: ${file}`,
          );
        }
      });
    }
  });
}
