// Compétences: the 2-hour variant followed to its certificate with the keyboard only and
// JavaScript off (a wrong answer first, its explanation read, then corrected), the
// certificate verified on its page, its Open Badges credential verified against
// /.well-known/jwks.json with an independent library (jose), and axe on every page type.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as jose from 'jose';
import { useBrowser, visit, url, axeCheck, tabUntil, TEST_TIMEOUT, ensureArtifactsDir, ORIGIN } from './helpers.mjs';

const { open } = useBrowser();
const NO_JS = { javaScriptEnabled: false };

/** What has focus, as far as answering a quiz needs. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase(),
      type: el?.getAttribute('type'),
      name: el?.getAttribute('name'),
      text: (el?.textContent || '').replace(/\s+/g, ' ').trim(),
      checked: !!el?.checked,
      inQuiz: !!el?.closest('form[action*="/quiz"]'),
    };
  });
}

async function expectAxeClean(page, what) {
  const audit = await axeCheck(page, NO_JS);
  assert.equal(audit.violations.length, 0, `${what}: ${audit.summary}`);
}

/**
 * One pass through the quiz form with the keyboard: in each question's radio group, Space
 * picks the first answer when none is chosen, ArrowDown moves to the next answer for the
 * questions in `change`; then Enter on « Valider mes réponses ».
 */
async function answerQuiz(page, change) {
  const seen = new Set();
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f.inQuiz) continue;
    if (f.tag === 'input' && f.type === 'radio' && !seen.has(f.name)) {
      seen.add(f.name);
      if (!f.checked) await page.keyboard.press('Space');
      else if (change.has(f.name)) await page.keyboard.press('ArrowDown');
    } else if (f.tag === 'button') {
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      return;
    }
  }
  throw new Error(`the quiz's button was not reached on ${page.url()}`);
}

/** The names of the questions marked wrong after an attempt. */
function wrongQuestions(page) {
  return page.locator('fieldset.is-wrong input[type=radio]').evaluateAll((els) => [...new Set(els.map((e) => e.name))]);
}

describe('compétences', () => {
  test('keyboard only, without JavaScript: the 2-hour variant to a verified certificate', { timeout: 8 * TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, NO_JS);
    await visit(page, '/competences/parcours/essentiel');
    await expectAxeClean(page, 'variant page');
    await tabUntil(page, (f) => f.tag === 'button' && /Commencer « L'essentiel »/.test(f.text));
    await Promise.all([page.waitForURL(/\/competences\/suivis\/[0-9a-f]{40}$/), page.keyboard.press('Enter')]);
    const progress = new URL(page.url()).pathname;
    assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex, nofollow');
    await expectAxeClean(page, 'progress page');
    await tabUntil(page, (f) => f.tag === 'a' && /^Continuer/.test(f.text));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    let sawWrong = false;
    for (let module = 0; module < 3; module++) {
      assert.match(page.url(), /\/competences\/suivis\/[0-9a-f]{40}\/modules\//);
      const title = (await page.locator('main h1').textContent())?.trim();
      if (module === 0) await expectAxeClean(page, 'module page');
      let change = new Set();
      for (let attempt = 0; ; attempt++) {
        assert.ok(attempt < 5, `${title}: not passed after 5 attempts`);
        await answerQuiz(page, change);
        const wrong = await wrongQuestions(page);
        if (wrong.length === 0) break;
        // A wrong answer shows its explanation and does not complete the module.
        const verdict = page.locator('fieldset.is-wrong .quiz-verdict').first();
        assert.match((await verdict.textContent()) ?? '', /Pas tout à fait\.\s+\S.{10,}/, 'the explanation of a wrong answer');
        assert.match((await page.locator('#resultat').textContent()) ?? '', /pas encore terminé/);
        assert.equal(await page.locator('main .badge', { hasText: 'Module terminé' }).count(), 0);
        if (!sawWrong) {
          sawWrong = true;
          await expectAxeClean(page, 'module page with explained answers');
        }
        change = new Set(wrong);
      }
      assert.match((await page.locator('#resultat').textContent()) ?? '', /Module terminé : il est enregistré/);
      const next = module < 2 ? /^Module suivant/ : /obtenir le certificat/;
      await tabUntil(page, (f) => f.tag === 'a' && next.test(f.text), 400);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    }
    assert.ok(sawWrong, 'at least one wrong answer was made and explained');

    // Every module done: the certificate, with a name chosen by the learner.
    assert.equal(new URL(page.url()).pathname, progress);
    assert.match((await page.locator('main').textContent()) ?? '', /Modules terminés : 3 \/ 3/);
    await tabUntil(page, (f) => f.tag === 'input' && f.id === 'afficher_nom', 200);
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.tag === 'input' && f.id === 'nom');
    await page.keyboard.type('Dominique Exemple');
    await tabUntil(page, (f) => f.tag === 'button' && /Obtenir mon certificat/.test(f.text));
    await Promise.all([page.waitForURL(/\/certificats\/[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/), page.keyboard.press('Enter')]);
    const holder = new URL(page.url()).pathname;
    const code = holder.split('/').pop();
    await expectAxeClean(page, 'holder certificate page');

    await tabUntil(page, (f) => f.tag === 'a' && /Ouvrir la page de vérification/.test(f.text), 200);
    await Promise.all([page.waitForURL(url(`/certificats/${code}`)), page.keyboard.press('Enter')]);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /Certificat valide/);
    assert.match(main, /Dominique Exemple/);
    assert.match(main, /L'essentiel/);
    for (const m of ["Pourquoi s'allier", 'modes relationnels', 'Construire une alliance']) assert.ok(main.includes(m), `${m} listed`);
    await expectAxeClean(page, 'verification page');
    const api = await page.request.get(url(`/api/v1/certificats/${code}`));
    assert.equal((await api.json()).statut, 'valide');

    // Printed, the verification page keeps the certificate and drops the navigation.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.main-nav').isVisible(), false);
    assert.equal(await page.locator('.certificate').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });

    // The Open Badges 3.0 credential verifies against the instance's published key with an
    // independent library, and fails once one byte is changed.
    const download = await page.request.get(url(`${holder}/openbadge.jwt`));
    assert.equal(download.status(), 200);
    assert.equal(download.headers()['content-type'], 'application/jwt');
    const token = (await download.text()).trim();
    const jwks = await (await page.request.get(url('/.well-known/jwks.json'))).json();
    const keys = jose.createLocalJWKSet(jwks);
    const { payload, protectedHeader } = await jose.jwtVerify(token, keys, { algorithms: ['RS256'] });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.deepEqual(payload.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.ok(payload['@context'].includes('https://www.w3.org/ns/credentials/v2'));
    assert.equal(payload.id, `${ORIGIN}/certificats/${code}`);
    assert.equal(payload.jti, payload.id);
    assert.equal(payload.iss, payload.issuer.id);
    assert.ok(
      payload.credentialSubject.identifier.some((i) => i.type === 'IdentityObject' && i.identityType === 'name' && i.identityHash === 'Dominique Exemple'),
      'the name the learner chose is the subject\'s identifier',
    );
    assert.deepEqual(payload.credentialSubject.achievement.type, ['Achievement']);
    // The key in the token's own header verifies it too (as the specification shows it).
    await jose.jwtVerify(token, await jose.importJWK(protectedHeader.jwk, 'RS256'));
    const [h, p, s] = token.split('.');
    const i = Math.floor(p.length / 2);
    const tampered = `${h}.${p.slice(0, i)}${p[i] === 'A' ? 'B' : 'A'}${p.slice(i + 1)}.${s}`;
    await assert.rejects(jose.jwtVerify(tampered, keys), (e) => e.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || e.code === 'ERR_JWS_INVALID' || e.code === 'ERR_JWT_INVALID');
    const j = Math.floor(s.length / 2);
    const badSignature = `${h}.${p}.${s.slice(0, j)}${s[j] === 'A' ? 'B' : 'A'}${s.slice(j + 1)}`;
    await assert.rejects(jose.jwtVerify(badSignature, keys), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });

    // A phone sees the module and the certificate without horizontal scrolling.
    const dir = ensureArtifactsDir();
    for (const [p, name] of [[`/certificats/${code}`, 'competences-certificat-390.png'], ['/competences/modules/modes-relationnels', 'competences-module-390.png']]) {
      const { page: phone } = await open(t, { ...NO_JS, viewport: { width: 390, height: 844 }, isMobile: true });
      await visit(phone, p);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${p} scrolls sideways by ${overflow}px on a phone`);
      await phone.screenshot({ path: path.join(dir, name), fullPage: false });
    }
  });

  test('a wrong code gives a French 404; a forged progress link gives a clear error and changes nothing', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, NO_JS);
    let response = await visit(page, '/certificats/ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    assert.equal(response.status(), 404);
    assert.match((await page.locator('main').textContent()) ?? '', /Aucun certificat ne porte ce code/);
    await expectAxeClean(page, 'unknown certificate');
    const forged = `/competences/suivis/${'a'.repeat(40)}`;
    const post = await page.request.post(url(`${forged}/modules/pourquoi-s-allier/quiz`), {
      form: { q1: '0' },
      headers: { Origin: ORIGIN },
    });
    assert.equal(post.status(), 404);
    assert.match(await post.text(), /Ce lien de suivi n&#39;existe pas ou plus|Ce lien de suivi n'existe pas ou plus/);
    response = await visit(page, forged);
    assert.equal(response.status(), 404, 'the forged link still leads nowhere: nothing was created');
  });

  test('a facilitator opens a group and sees who completed what', { timeout: 2 * TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, NO_JS);
    await visit(page, '/competences');
    await expectAxeClean(page, 'landing page');
    await page.fill('#nom', 'Équipe projet');
    await page.selectOption('#groupe-parcours', 'fondamentaux');
    await page.fill('#apprenants', 'Ana\nBasile');
    await Promise.all([page.waitForURL(/\/competences\/groupes\/[0-9a-f]{40}$/), page.click('text=Créer le groupe')]);
    const links = await page.locator('.learner-links code').allTextContents();
    assert.equal(links.length, 2);
    await expectAxeClean(page, 'group page');
    await page.goto(links[0]);
    assert.match((await page.locator('main').textContent()) ?? '', /avec le groupe « Équipe projet »/);
    await page.goBack();
    await page.click('text=Supprimer le groupe');
    await expectAxeClean(page, 'deletion page');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Supprimer définitivement")')]);
    assert.match((await page.locator('main h1').textContent()) ?? '', /C'est supprimé/);
    await expectAxeClean(page, 'deleted page');
    const response = await visit(page, new URL(links[0]).pathname);
    assert.equal(response.status(), 404, 'the learners\' links go with the group');
  });
});
