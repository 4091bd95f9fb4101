// Accounts, keyboard only: sign up (errors shown, fixed), confirm the address from the mail
// the server wrote to its folder (MAIL_DIR), sign in, use « mon espace » (an API token, the
// data download), sign out; axe on every page type of the accounts, with and without
// JavaScript.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { useBrowser, visit, axeCheck, TEST_TIMEOUT, tabUntil, describeFocus, hasVisibleFocusStyle, pathOf, url } from './helpers.mjs';

const { open } = useBrowser();
const MAIL_DIR = process.env.MAIL_DIR;
const PASSWORD = 'une phrase de passe solide';

/** The last link to `prefix` in the mail written to MAIL_DIR for `to`. */
function linkInMail(to, prefix) {
  assert.ok(MAIL_DIR, 'MAIL_DIR (the server’s mail folder) must be set');
  const files = readdirSync(MAIL_DIR).filter((f) => f.endsWith('.eml')).sort().reverse();
  for (const f of files) {
    const text = readFileSync(path.join(MAIL_DIR, f), 'utf8');
    if (!text.includes(`To: ${to}`)) continue;
    const m = text.match(new RegExp(`https?://[^\\s]*${prefix}[0-9a-f]{40}`));
    if (m) return m[0];
  }
  throw new Error(`no mail to ${to} with a link to ${prefix}`);
}

async function axeClean(page, what) {
  const { violations, summary } = await axeCheck(page);
  assert.equal(violations.length, 0, `${what}: ${summary}`);
}

/** Tabs to the field labelled by `id` and types `text`, asserting a visible focus. */
async function typeInto(page, id, text) {
  await tabUntil(page, (f) => f.id === id);
  const f = await describeFocus(page);
  assert.ok(hasVisibleFocusStyle(f), `#${id} has no visible focus`);
  await page.keyboard.type(text);
}

describe('accounts, keyboard only', () => {
  test('sign up, confirm, sign in, mon espace, sign out', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const { page } = await open(t);
    const email = `e2e-${Date.now()}@exemple.fr`;

    // A visitor asking for « mon espace » is sent to the login form, and from there to sign-up.
    await visit(page, '/mon-espace');
    assert.match(pathOf(page.url()), /^\/compte\/connexion\?retour=%2Fmon-espace$/);
    await axeClean(page, 'login');
    await visit(page, '/compte/inscription');
    await axeClean(page, 'sign-up');

    // First try: a short password and no consent.
    await typeInto(page, 'champ-courriel', email);
    await typeInto(page, 'champ-mot_de_passe', 'court');
    await typeInto(page, 'champ-confirmation', 'court');
    await typeInto(page, 'champ-pseudonyme', 'Camille E2E');
    await tabUntil(page, (f) => f.tag === 'button' && /Créer mon compte/.test(f.text));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await page.title(), /^Erreur :/);
    const summary = await page.locator('.notice-error').innerText();
    assert.match(summary, /au moins 12 caractères/);
    assert.match(summary, /notice de confidentialité/);
    assert.equal(await page.inputValue('#champ-courriel'), email, 'the address is kept');
    assert.equal(await page.inputValue('#champ-mot_de_passe'), '', 'never the password');
    await axeClean(page, 'sign-up with errors');

    // Fixed: the password twice, the consent box ticked with the space bar.
    await page.focus('#champ-courriel');
    await typeInto(page, 'champ-mot_de_passe', PASSWORD);
    await typeInto(page, 'champ-confirmation', PASSWORD);
    await tabUntil(page, (f) => f.id === 'champ-consentement');
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.tag === 'button' && /Créer mon compte/.test(f.text));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await page.locator('h1').innerText(), /Vérifiez votre boîte de réception/);
    await axeClean(page, 'check your mail');

    // The link of the mail, then its button.
    const link = linkInMail(email, '/compte/verification/');
    await visit(page, pathOf(link));
    await axeClean(page, 'confirm the address');
    await tabUntil(page, (f) => f.tag === 'button' && /Confirmer mon adresse/.test(f.text));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await page.locator('h1').innerText(), /Adresse confirmée/);

    // Sign in, back to where the visitor was going.
    await visit(page, '/compte/connexion?retour=%2Fmon-espace');
    await typeInto(page, 'champ-courriel', email);
    await typeInto(page, 'champ-mot_de_passe', 'pas le bon mot de passe');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await page.locator('.notice-error').innerText(), /mot de passe incorrect/);
    await page.focus('#champ-mot_de_passe');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(pathOf(page.url()), '/mon-espace');
    assert.match(await page.locator('.lead').first().innerText(), /Bonjour Camille E2E\./);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'alliances_session');
    assert.ok(session && session.httpOnly && session.secure && session.sameSite === 'Lax', JSON.stringify(session));
    await axeClean(page, 'mon espace');

    // An API token, named and created with the keyboard, shown once.
    await typeInto(page, 'champ-libelle', 'essai e2e');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const token = (await page.locator('code.token').innerText()).trim();
    assert.match(token, /^[0-9a-f]{40}$/);
    await axeClean(page, 'mon espace with a new token');
    const me = await page.request.get(url('/mon-espace/donnees.json'));
    assert.equal(me.status(), 200);
    const data = await me.json();
    assert.equal(data.compte.courriel, email);
    assert.equal(data.jetons_api[0].libelle, 'essai e2e');

    await visit(page, '/mon-espace/supprimer');
    await axeClean(page, 'delete the account');

    // Sign out: the session is over.
    await visit(page, '/mon-espace');
    await tabUntil(page, (f) => f.tag === 'button' && /Se déconnecter/.test(f.text));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(pathOf(page.url()), '/');
    await visit(page, '/mon-espace');
    assert.match(pathOf(page.url()), /^\/compte\/connexion/);
  });

  test('an administrator gives a role with the keyboard; the audit log shows it', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const admin = process.env.E2E_ADMIN_EMAIL;
    const adminPassword = process.env.E2E_ADMIN_PASSWORD;
    assert.ok(admin && adminPassword, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD (made by « alliances utilisateurs creer ») must be set');
    const { page } = await open(t);
    // A member to promote, signed up through the form.
    const email = `promu-${Date.now()}@exemple.fr`;
    await visit(page, '/compte/inscription');
    await page.fill('#champ-courriel', email);
    await page.fill('#champ-mot_de_passe', PASSWORD);
    await page.fill('#champ-confirmation', PASSWORD);
    await page.fill('#champ-pseudonyme', 'Futur modérateur');
    await page.check('#champ-consentement');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);

    await visit(page, '/compte/connexion');
    await typeInto(page, 'champ-courriel', admin);
    await typeInto(page, 'champ-mot_de_passe', adminPassword);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(pathOf(page.url()), '/mon-espace');
    await tabUntil(page, (f) => f.tag === 'a' && f.href === '/admin/comptes');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await axeClean(page, 'accounts and roles');

    // The member's role select, then its button, with the keyboard.
    const select = page.locator('tr', { hasText: email }).locator('select');
    const id = await select.getAttribute('id');
    await tabUntil(page, (f) => f.id === id);
    await page.keyboard.press('ArrowDown'); // membre → moderateur
    assert.equal(await select.inputValue(), 'moderateur');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await page.locator('.notice-success').innerText(), /rôle est changé/);
    assert.equal(await page.locator('tr', { hasText: email }).locator('select').inputValue(), 'moderateur');

    await visit(page, '/admin/journal');
    await axeClean(page, 'audit log');
    const row = page.locator('tbody tr').first();
    const log = await row.innerText();
    assert.match(log, /changement de rôle/);
    assert.match(log, /Futur modérateur/);
    const actor = (await row.locator('td').nth(1).innerText()).trim();
    assert.ok(actor && !/compte supprimé/.test(actor), `the actor is named: « ${actor} »`);
  });

  test('account pages without JavaScript pass axe', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t, { javaScriptEnabled: false });
    for (const p of ['/compte/inscription', '/compte/connexion', '/compte/mot-de-passe-oublie', '/en/compte/inscription']) {
      const r = await visit(page, p);
      assert.equal(r.status(), 200, p);
      const { violations, summary } = await axeCheck(page, { javaScriptEnabled: false });
      assert.equal(violations.length, 0, `${p}: ${summary}`);
    }
  });
});
