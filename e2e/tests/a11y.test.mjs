// Accessibility: every page type passes axe-core's WCAG 2.0/2.1 A + AA rules,
// with JavaScript on (as most visitors see it) and, for the main pages,
// with JavaScript off (the site must work without it).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, visit, axeCheck, TEST_TIMEOUT } from './helpers.mjs';
import { PAGES, SWAGGER_TITLE_SELECTOR, OPENAPI_TITLE } from './pages.mjs';

const { open } = useBrowser();

async function checkPage(page, spec, { javaScriptEnabled }) {
  const response = await visit(page, spec.path);
  const expectedStatus = spec.status ?? 200;
  assert.equal(response.status(), expectedStatus, `${spec.path}: expected HTTP ${expectedStatus}, got ${response.status()}`);

  const lang = await page.getAttribute('html', 'lang');
  assert.equal(lang, spec.lang ?? 'fr', `${spec.path}: <html lang> should be "${spec.lang ?? 'fr'}", got "${lang}"`);

  if (spec.title) {
    const title = await page.title();
    assert.match(title, spec.title, `${spec.path}: unexpected <title> "${title}"`);
  }

  if (spec.swagger && javaScriptEnabled) {
    // Check the rendered Swagger UI, not the empty host element.
    await page.locator(SWAGGER_TITLE_SELECTOR).filter({ hasText: OPENAPI_TITLE }).first().waitFor({ timeout: 15_000 });
  }

  const { violations, summary } = await axeCheck(page, { javaScriptEnabled });
  assert.equal(violations.length, 0, summary);
}

describe('axe (WCAG 2.1 A/AA), JavaScript enabled', () => {
  for (const spec of PAGES) {
    test(`${spec.path} — ${spec.name}`, { timeout: TEST_TIMEOUT }, async (t) => {
      const { page } = await open(t);
      await checkPage(page, spec, { javaScriptEnabled: true });
    });
  }
});

describe('axe (WCAG 2.1 A/AA), JavaScript disabled', () => {
  const NO_JS_PATHS = [
    '/', '/territoires', '/territoires?q=saint+etienne', '/odd/17', '/territoires/regions/28', '/api/docs',
    // Données: the filter form, the charts, the maps and the fiches repères are server-rendered.
    '/donnees', '/donnees/chiffres/kf-052', '/donnees/cartes', '/catalyseurs', '/reperes/territoires/departements/33', '/territoires/departements/33',
    // Outils: the list, both views of the cartography and a tool's page.
    '/outils', '/outils?q=cooperation&phase=construire', '/outils/cartographie',
    '/outils/cartographie?vue=maturite&phase=construire&public=collectivite&maturite=experimenter',
    '/outils/rameau-evaluation-partenariale-en-pratique',
    '/competences', '/competences/modules/modes-relationnels',
  ];
  for (const p of NO_JS_PATHS) {
    const spec = PAGES.find((s) => s.path === p);
    test(`${spec.path} — ${spec.name} (no JS)`, { timeout: TEST_TIMEOUT }, async (t) => {
      const { page } = await open(t, { javaScriptEnabled: false });
      await checkPage(page, spec, { javaScriptEnabled: false });
    });
  }
});

describe('axe (WCAG 2.1 A/AA) at phone width (390×844)', () => {
  // Narrow screens reflow the layout (wrapped navigation, scrolling tables…).
  const PHONE_PATHS = [
    '/', '/territoires', '/territoires/departements/14', '/territoires/communes/59378',
    '/donnees', '/donnees/chiffres/kf-052', '/donnees/cartes', '/reperes/territoires/departements/33',
    '/outils', '/outils/cartographie', '/outils/cartographie?vue=maturite&phase=construire&public=collectivite&maturite=experimenter',
    '/outils/rameau-evaluation-partenariale-en-pratique',
    '/competences', '/competences/modules/modes-relationnels',
  ];
  for (const p of PHONE_PATHS) {
    const spec = PAGES.find((s) => s.path === p);
    test(`${spec.path} — ${spec.name} (phone)`, { timeout: TEST_TIMEOUT }, async (t) => {
      const { page } = await open(t, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await checkPage(page, spec, { javaScriptEnabled: true });
    });
  }
});
