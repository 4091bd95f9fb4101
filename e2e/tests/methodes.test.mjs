// Méthodes: the whole questionnaire with the keyboard only and JavaScript off, axe on every
// step and on the report; the personal link resumes a draft.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, visit, texts, axeCheck, tabUntil, TEST_TIMEOUT, ensureArtifactsDir } from './helpers.mjs';
import path from 'node:path';

const { open } = useBrowser();

/** What has focus, as far as filling a form needs. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase(),
      type: el?.getAttribute('type'),
      name: el?.getAttribute('name'),
      value: el?.getAttribute('value'),
      inForm: !!el?.closest('form[method=post]'),
    };
  });
}

/** Fills the current step with the keyboard: the first option of every radio and
 *  checkbox group (Space), a territory typed by name; then Enter on « Étape suivante ». */
async function fillStepWithKeyboard(page, answered) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f.inForm) continue;
    if (f.tag === 'input' && (f.type === 'radio' || f.type === 'checkbox')) {
      if (!answered.has(f.name)) {
        await page.keyboard.press('Space');
        answered.add(f.name);
      }
    } else if (f.tag === 'input' && f.type === 'text') {
      await page.keyboard.type('Auch');
      answered.add(f.name);
    } else if (f.tag === 'textarea') {
      await page.keyboard.type('Mieux connaître les associations du quartier.');
    } else if (f.tag === 'button' && f.value === 'suivant') {
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      return;
    }
  }
  throw new Error(`« Étape suivante » not reached on ${page.url()}`);
}

describe('méthodes', () => {
  test('keyboard only, without JavaScript: every step to the report, axe clean throughout', { timeout: 5 * TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    await visit(page, '/methodes');
    let audit = await axeCheck(page, { javaScriptEnabled: false });
    assert.equal(audit.violations.length, 0, audit.summary);
    await tabUntil(page, (f) => f.tag === 'button' && /Commencer/.test(f.text));
    await Promise.all([page.waitForURL(/\/methodes\/diagnostics\/[0-9a-f]{40}\/etapes\/1$/), page.keyboard.press('Enter')]);
    const draft = page.url().replace(/\/etapes\/1$/, '');

    const answered = new Set();
    const titles = [];
    // A commune answers every step (its details step included): seven steps.
    for (let step = 1; step <= 7; step++) {
      assert.match(page.url(), new RegExp(`/etapes/${step}$`), `step ${step} reached (errors: ${(await texts(page, '.notice-error li')).join(' | ')})`);
      titles.push(((await page.locator('main h1').textContent()) ?? '').trim());
      assert.ok(await page.locator('.progress-steps li[aria-current=step]').isVisible(), 'progress indicator');
      audit = await axeCheck(page, { javaScriptEnabled: false });
      assert.equal(audit.violations.length, 0, audit.summary);
      await fillStepWithKeyboard(page, answered);
    }
    assert.deepEqual(titles, ['Votre organisation', 'Votre organisation en détail', 'Où et sur quels sujets', 'Pourquoi faire alliance', 'Votre alliance principale', 'Où en êtes-vous', 'Vos souhaits']);

    // The report, behind the same personal link.
    assert.equal(page.url(), draft, `report at the personal link (errors: ${(await texts(page, '.notice-error li')).join(' | ')})`);
    assert.equal(((await page.locator('main h1').textContent()) ?? '').trim(), 'Votre diagnostic de maturité partenariale');
    assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex, nofollow');
    audit = await axeCheck(page, { javaScriptEnabled: false });
    assert.equal(audit.violations.length, 0, audit.summary);
    const levels = await texts(page, '.maturity-grid table tbody td');
    assert.equal(levels.length, 7, `six dimensions and the overall level: ${levels.join(', ')}`);
    assert.ok(levels.every((l) => /^[1-4] · /.test(l)), levels.join(', '));
    assert.ok(await page.locator('svg.radar[role=img]').isVisible(), 'radar chart');
    // One path into the five modules; the horizon « maintenant » (the first option) puts
    // the tools first.
    const groups = await page.locator('.path-steps > li').evaluateAll((els) => els.map((e) => e.className));
    assert.deepEqual(groups, ['path-step medoc-outils', 'path-step medoc-exemples', 'path-step medoc-competences', 'path-step medoc-donnees', 'path-step medoc-methodes']);
    const alliances = page.locator('.medoc-exemples .path-list li');
    const n = await alliances.count();
    assert.ok(n >= 3 && n <= 5, `${n} alliances on the path`);
    for (const reason of await texts(page, 'section[aria-labelledby=parcours-titre] .path-list li .reason')) {
      assert.ok(reason.length > 20, `every recommendation says why: « ${reason} »`);
    }
    const profile = (await texts(page, '.profile-facts dd')).join(' | ');
    assert.ok(profile.includes('Auch'), `the territory typed by name is on the profile: ${profile}`);
    if (process.env.SCREENSHOTS) {
      const dir = ensureArtifactsDir();
      await page.screenshot({ path: path.join(dir, 'methodes-rapport.png'), fullPage: true });
    }
  });

  test('with JavaScript, the territory field suggests places as one types', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/methodes');
    await Promise.all([page.waitForURL(/\/etapes\/1$/), page.click('form[action="/methodes/diagnostics"] button')]);
    await page.check('input[name=type_acteur][value=association]');
    await page.check('input[name=portee][value=locale]');
    await Promise.all([page.waitForURL(/\/etapes\/2$/), page.click('button[value=suivant]')]);
    await page.check('input[name=type_association] >> nth=0');
    await Promise.all([page.waitForURL(/\/etapes\/3$/), page.click('button[value=suivant]')]);
    await page.locator('#q-territoire').pressSequentially('Saint-Den', { delay: 30 });
    const option = page.locator('#q-territoire-suggestions option[value="Saint-Denis (93) — Commune"]');
    await option.waitFor({ state: 'attached', timeout: 10_000 });
    await page.fill('#q-territoire', 'Saint-Denis (93) — Commune');
    await page.check('input[name=domaines] >> nth=0');
    await Promise.all([page.waitForURL(/\/etapes\/4$/), page.click('button[value=suivant]')]);
    await Promise.all([page.waitForURL(/\/etapes\/3$/), page.click('button[value=precedent]')]);
    assert.equal(await page.inputValue('#q-territoire'), 'Saint-Denis');
    // The name shown again keeps the same Saint-Denis.
    await Promise.all([page.waitForURL(/\/etapes\/4$/), page.click('button[value=suivant]')]);
    const audit = await axeCheck(page);
    assert.equal(audit.violations.length, 0, audit.summary);
  });

  test('a national network answers without a commune: its details step, no territory, every step axe clean', { timeout: 3 * TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    await visit(page, '/methodes');
    await Promise.all([page.waitForURL(/\/etapes\/1$/), page.click('form[action="/methodes/diagnostics"] button')]);
    await page.check('input[name=type_acteur][value=reseau]');
    await page.check('input[name=portee][value=nationale]');
    await Promise.all([page.waitForURL(/\/etapes\/2$/), page.click('button[value=suivant]')]);
    await page.check('input[name=type_reseau][value=federation]');
    await Promise.all([page.waitForURL(/\/etapes\/3$/), page.click('button[value=suivant]')]);
    assert.equal(await page.locator('#q-territoire').count(), 0, 'no territory asked');
    const answered = new Set();
    for (let step = 3; step <= 7; step++) {
      assert.match(page.url(), new RegExp(`/etapes/${step}$`), `step ${step} (errors: ${(await texts(page, '.notice-error li')).join(' | ')})`);
      // « Je ne sais pas » where it is offered.
      for (const unsure of await page.locator('input[value=ne-sait-pas]').all()) await unsure.check();
      // Back to the top of the page before filling the rest with the keyboard.
      await page.locator('.skip-link').focus();
      const audit = await axeCheck(page, { javaScriptEnabled: false });
      assert.equal(audit.violations.length, 0, audit.summary);
      await fillStepWithKeyboard(page, answered);
    }
    assert.match(page.url(), /\/methodes\/diagnostics\/[0-9a-f]{40}$/, (await texts(page, '.notice-error li')).join(' | '));
    const confidence = await texts(page, '.dimension-card .confidence');
    assert.ok(confidence.length >= 1 && confidence.every((c) => c.includes('je ne sais pas')), confidence.join(' | '));
    assert.equal(await page.locator('.medoc-donnees a[href="/territoires"]').count(), 1, 'the territories index for a national network');
    const audit = await axeCheck(page, { javaScriptEnabled: false });
    assert.equal(audit.violations.length, 0, audit.summary);
    // The same report in English.
    await visit(page, new URL(page.url()).pathname.replace('/methodes/', '/en/methodes/'));
    assert.equal(((await page.locator('main h1').textContent()) ?? '').trim(), 'Your partnership maturity diagnostic');
    assert.ok((await texts(page, '.dimension-card .confidence')).every((c) => c.includes("I don't know")));
  });

  test('the personal link resumes a draft where it stopped', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    await visit(page, '/methodes');
    await Promise.all([page.waitForURL(/\/etapes\/1$/), page.click('form[action="/methodes/diagnostics"] button')]);
    const link = ((await page.locator('.personal-link code').textContent()) ?? '').trim();
    assert.match(link, /\/methodes\/diagnostics\/[0-9a-f]{40}$/);
    await fillStepWithKeyboard(page, new Set());
    assert.match(page.url(), /\/etapes\/2$/);
    // Later, from the landing page: paste the link.
    await visit(page, '/methodes');
    await page.fill('#lien', link);
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith(link.slice(-40))), page.click('form[action="/methodes/reprendre"] button')]);
    assert.match((await texts(page, 'main p.lead')).join(' '), /déjà donné \d+ réponses/);
    await Promise.all([page.waitForURL(/\/etapes\/2$/), page.click('main a.button')]);
    // Back to step 1: the answers are still there.
    await Promise.all([page.waitForURL(/\/etapes\/1$/), page.click('button[value=precedent]')]);
    assert.ok(await page.isChecked('input[name=type_acteur][value=collectivite]'));
    assert.ok(await page.isChecked('input[name=portee][value=locale]'));
  });
});
