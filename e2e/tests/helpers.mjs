// Shared helpers for the Alliances browser tests.
//
// - one Chromium per test file (launched in `before`, closed in `after`),
// - one fresh browser context per test (closed when the test ends),
// - request recording, axe-core checks with readable failure messages.
//
// The tests never start a server: they talk to BASE_URL (default
// http://127.0.0.1:8123), which CI or the developer starts beforehand.

import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8123').replace(/\/+$/, '');
export const ORIGIN = new URL(BASE_URL).origin;

/** Absolute URL for a site path such as "/odd/17". */
export function url(p) {
  return BASE_URL + p;
}

/** Path + query of a URL, to compare locations without the origin. */
export function pathOf(u) {
  const parsed = new URL(u);
  return parsed.pathname + parsed.search;
}

export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

export function ensureArtifactsDir() {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return ARTIFACTS_DIR;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Registers `before`/`after` hooks that launch one browser for the whole
 * file, and returns `open(t, options)` which creates a new context + page
 * for a test and closes the context when that test finishes.
 *
 *   const { open } = useBrowser();
 *   test('…', async (t) => { const { page } = await open(t, { javaScriptEnabled: false }); });
 */
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function open(t, contextOptions = {}) {
    if (!browser) throw new Error('useBrowser(): the browser is not launched (call open() inside a test)');
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 800 },
      ...contextOptions,
    });
    t.after(() => context.close());
    const page = await context.newPage();
    return { context, page };
  }

  return { open, browser: () => browser };
}

/**
 * Records the URL of every request made by a page (or by every page of a
 * context, if a BrowserContext is given), plus WebSocket URLs. Returns the
 * live array; entries are appended as the page works.
 */
export function collectRequests(target) {
  const urls = [];
  target.on('request', (request) => urls.push(request.url()));
  // Pages (not contexts) also report WebSockets, which are not "requests".
  if ('mainFrame' in target) {
    target.on('websocket', (ws) => urls.push(ws.url()));
  }
  return urls;
}

/**
 * Records console messages reporting a Content-Security-Policy violation.
 * The site's CSP only allows 'self', so an attempt to load a font, a map tile
 * or a script from elsewhere is blocked *before* any request is made: such an
 * attempt shows up here and not in collectRequests().
 */
export function collectCspViolations(page) {
  const messages = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) messages.push(msg.text());
  });
  return messages;
}

/** Requests whose origin differs from BASE_URL's (data: and blob: URLs are inline, not network). */
export function foreignRequests(urls) {
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return false;
    try {
      return new URL(u).origin !== ORIGIN;
    } catch {
      return true;
    }
  });
}

/** Navigates and returns the main response, failing clearly on network errors. */
export async function visit(page, p, { waitUntil = 'load' } = {}) {
  const response = await page.goto(url(p), { waitUntil });
  if (!response) throw new Error(`no response for ${p}`);
  return response;
}

/** Per-test time limit, so a stuck page fails instead of hanging the run. */
export const TEST_TIMEOUT = 90_000;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One readable line per violation: rule id, impact, help, first 3 targets (+ first HTML snippet). */
export function summarizeViolations(violations) {
  return violations
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
      const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
      const html = v.nodes[0]?.html ? `\n      html: ${v.nodes[0].html.replace(/\s+/g, ' ').slice(0, 300)}` : '';
      const why = v.nodes[0]?.failureSummary
        ? `\n      why: ${v.nodes[0].failureSummary.replace(/\s+/g, ' ').slice(0, 300)}`
        : '';
      return `  - [${v.id}] (${v.impact}) ${v.help}\n      targets: ${targets.join(' | ')}${more}${html}${why}\n      see: ${v.helpUrl}`;
    })
    .join('\n');
}

// With `javaScriptEnabled: false`, Playwright can still evaluate code in the
// page, and promises still resolve, but timers and animation frames never
// fire, and axe-core schedules its work with them: it would hang forever.
// This shim (installed only in pages whose own scripts are disabled) runs
// those callbacks as microtasks instead, so axe can audit the real no-JS DOM.
const NO_JS_TIMER_SHIM = `(() => {
  const later = (fn, args) => Promise.resolve().then(() => fn(...args));
  window.setTimeout = (fn, _ms, ...args) => { if (typeof fn === 'function') later(fn, args); return 0; };
  window.clearTimeout = () => {};
  window.requestAnimationFrame = (fn) => { later(fn, [performance.now()]); return 0; };
  window.cancelAnimationFrame = () => {};
})()`;

/** Rejects with a clear message if `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page.
 * Pass `{ javaScriptEnabled: false }` when the page's context has JS disabled.
 * Returns { violations, summary } where summary is empty when clean.
 */
export async function axeCheck(page, { javaScriptEnabled = true } = {}) {
  if (!javaScriptEnabled) await page.evaluate(NO_JS_TIMER_SHIM);
  const results = await withTimeout(
    new AxeBuilder({ page }).withTags(AXE_TAGS).analyze(),
    60_000,
    `axe on ${pathOf(page.url())}`,
  );
  const violations = results.violations;
  const summary = violations.length
    ? `${violations.length} axe violation(s) on ${pathOf(page.url())}:\n${summarizeViolations(violations)}`
    : '';
  return { violations, summary };
}

/** Text content of every element matching `selector`, trimmed, in document order. */
export async function texts(page, selector) {
  return page.locator(selector).evaluateAll((els) => els.map((e) => (e.textContent || '').replace(/\s+/g, ' ').trim()));
}

// Keyboard helpers.

/** Describes document.activeElement, with what makes its focus visible. */
export function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id || null,
      text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
      href: el.getAttribute('href'),
      label: el.getAttribute('aria-label'),
      inSvg: !!el.closest('svg'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    };
  });
}

export function hasVisibleFocusStyle(f) {
  return (f.outlineStyle !== 'none' && f.outlineWidth > 0) || (f.boxShadow && f.boxShadow !== 'none');
}

/** Presses Tab until `predicate(focus)` holds; returns every focus met on the way (at most `max` presses). */
export async function tabUntil(page, predicate, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await describeFocus(page);
    seen.push(f);
    if (predicate(f)) return seen;
  }
  const trail = seen.map((f) => `${f.tag}${f.id ? '#' + f.id : ''}${f.href ? `[${f.href}]` : ''}`).join(' → ');
  throw new Error(`target not reached after ${max} Tab presses; focus went: ${trail}`);
}
