// Self-hosting: every request a page makes (HTML, CSS, fonts, images, map
// tiles, scripts, XHR…) goes to the site's own origin. No CDN, no web font
// service, no tile server, no analytics — the site must work offline and
// must not leak its visitors to third parties.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, visit, collectRequests, collectCspViolations, foreignRequests, ORIGIN, TEST_TIMEOUT, pathOf } from './helpers.mjs';
import { PAGES, SWAGGER_TITLE_SELECTOR, OPENAPI_TITLE } from './pages.mjs';

const { open } = useBrowser();

function assertAllSameOrigin(requests, where) {
  assert.ok(requests.length > 0, `${where}: no request was recorded at all (is the recorder working?)`);
  const foreign = foreignRequests(requests);
  assert.deepEqual(
    foreign,
    [],
    `${where}: ${foreign.length} request(s) left ${ORIGIN}:\n  ${foreign.join('\n  ')}`,
  );
}

describe('self-checks of the recorders', () => {
  test('a request to another origin is recorded', { timeout: TEST_TIMEOUT }, async (t) => {
    // bypassCSP lets the request be issued; Playwright answers it locally, so
    // nothing leaves the machine (.invalid names never resolve anyway).
    const { context, page } = await open(t, { bypassCSP: true });
    await context.route('http://foreign.invalid/**', (route) => route.fulfill({ status: 204, body: '' }));
    const requests = collectRequests(context);
    await visit(page, '/');
    await page.evaluate(() => fetch('http://foreign.invalid/probe').catch(() => {}));
    await page.waitForLoadState('networkidle');
    assert.deepEqual(foreignRequests(requests), ['http://foreign.invalid/probe']);
  });

  test('an attempt blocked by the CSP is recorded', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    const csp = collectCspViolations(page);
    await visit(page, '/');
    await page.evaluate(() => {
      const img = new Image();
      img.src = 'http://tiles.invalid/0/0/0.png';
    });
    await page.waitForLoadState('networkidle');
    assert.ok(csp.some((m) => m.includes('tiles.invalid')), `CSP violation not recorded; got: ${JSON.stringify(csp)}`);
  });
});

describe('every request stays on the site origin', () => {
  for (const spec of PAGES) {
    test(`${spec.path} — ${spec.name}`, { timeout: TEST_TIMEOUT }, async (t) => {
      const { context, page } = await open(t);
      // Record at the context level so that requests from workers or popups count too.
      const requests = collectRequests(context);
      const csp = collectCspViolations(page);
      const response = await visit(page, spec.path);
      assert.equal(response.status(), spec.status ?? 200, `${spec.path}: unexpected HTTP status`);

      if (spec.swagger) {
        const title = page.locator(SWAGGER_TITLE_SELECTOR).first();
        await title.waitFor({ timeout: 15_000 });
        const text = (await title.textContent()) ?? '';
        assert.match(text, OPENAPI_TITLE, `Swagger UI rendered, but its title "${text}" is not the OpenAPI title`);
        assert.ok(
          requests.some((u) => pathOf(u).startsWith('/api/openapi.json')),
          `Swagger UI did not fetch /api/openapi.json from ${ORIGIN}; requests were:\n  ${requests.join('\n  ')}`,
        );
      }
      // Let late requests (lazy images, fonts, deferred scripts) happen.
      await page.waitForLoadState('networkidle');
      assertAllSameOrigin(requests, spec.path);
      assert.deepEqual(csp, [], `${spec.path}: the page tried to load something its CSP forbids`);
    });
  }

  test('/territoires — live search (htmx) stays on the site origin', { timeout: TEST_TIMEOUT }, async (t) => {
    const { context, page } = await open(t);
    const requests = collectRequests(context);
    const csp = collectCspViolations(page);
    await visit(page, '/territoires');
    await page.locator('#q').pressSequentially('saint etienne', { delay: 20 });
    await page.locator('#resultats a', { hasText: 'Saint-Étienne' }).first().waitFor({ timeout: 10_000 });
    await page.waitForLoadState('networkidle');
    assert.ok(
      requests.some((u) => pathOf(u).startsWith('/territoires?q=')),
      `the live search made no /territoires?q= request; requests were:\n  ${requests.join('\n  ')}`,
    );
    assertAllSameOrigin(requests, '/territoires (live search)');
    assert.deepEqual(csp, [], '/territoires: the live search tried to load something its CSP forbids');
  });
});
