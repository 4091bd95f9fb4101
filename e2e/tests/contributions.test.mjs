// Contribution and moderation, keyboard only (issue 14's acceptance): a member proposes an
// alliance through the form; a moderator sees the diff and accepts it; it is searchable
// within 5 s; a second member proposes a correction, the moderator asks for changes, the
// member fixes it, it is accepted; the history shows both revisions; the moderator restores
// the first. axe on every page type of it. The same for a tool and a catalyseur. Then XSS
// payloads typed in every text field of these forms are shown as text, never run.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { useBrowser, visit, axeCheck, TEST_TIMEOUT, tabUntil, describeFocus, hasVisibleFocusStyle, pathOf, url } from './helpers.mjs';

const { open } = useBrowser();
const PASSWORD = 'une phrase de passe solide';
const ADMIN = process.env.E2E_ADMIN_EMAIL;
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD;

async function axeClean(page, what) {
  const { violations, summary } = await axeCheck(page);
  assert.equal(violations.length, 0, `${what}: ${summary}`);
}

/** Tabs forward to the element with this id (visible focus checked) and types `text`. */
async function typeInto(page, id, text, { clear = false } = {}) {
  await tabUntil(page, (f) => f.id === id, 600);
  const f = await describeFocus(page);
  assert.ok(hasVisibleFocusStyle(f), `#${id} has no visible focus`);
  if (clear) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
  }
  await page.keyboard.type(text);
}

/** Tabs to a button or link whose text matches, and presses Enter (waiting for the page). */
async function press(page, re) {
  await tabUntil(page, (f) => ['a', 'button'].includes(f.tag) && re.test(f.text), 600);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

/** A confirmed member, signed up through the form and the mail folder, signed in on `page`. */
async function member(page, email, pseudonyme) {
  await visit(page, '/compte/inscription');
  await page.fill('#champ-courriel', email);
  await page.fill('#champ-mot_de_passe', PASSWORD);
  await page.fill('#champ-confirmation', PASSWORD);
  await page.fill('#champ-pseudonyme', pseudonyme);
  await page.check('#champ-consentement');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const dir = process.env.MAIL_DIR;
  const link = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .filter((m) => m.includes(`To: ${email}`))
    .map((m) => m.match(/https?:\/\/\S*\/compte\/verification\/[0-9a-f]{40}/)?.[0])
    .find(Boolean);
  assert.ok(link, `a confirmation mail to ${email}`);
  await visit(page, pathOf(link));
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await signIn(page, email, PASSWORD);
}

async function signIn(page, email, password) {
  await visit(page, '/compte/connexion');
  await typeInto(page, 'champ-courriel', email);
  await typeInto(page, 'champ-mot_de_passe', password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal(pathOf(page.url()), '/mon-espace', `signed in as ${email}`);
}

async function history(page, slug) {
  const r = await page.request.get(url(`/api/v1/alliances/${slug}/historique`));
  assert.equal(r.status(), 200);
  return r.json();
}

describe('contribution and moderation, keyboard only', () => {
  test('propose, moderate, search, correct, revise, restore', { timeout: TEST_TIMEOUT * 6 }, async (t) => {
    assert.ok(ADMIN && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const stamp = Date.now().toString(36);
    const word = `Zq${stamp}`;
    const slug = `jardin-des-communs-${stamp}`;
    const first = (await open(t)).page;
    const second = (await open(t)).page;
    const moderator = (await open(t)).page;

    // 1. The first member proposes a new alliance.
    await member(first, `premiere-${stamp}@exemple.fr`, `Première ${stamp}`);
    await visit(first, '/mon-espace/contributions');
    await axeClean(first, 'my contributions (empty)');
    await press(first, /Proposer une alliance/);
    assert.equal(pathOf(first.url()), '/contributions/alliances/nouvelle');
    await axeClean(first, 'the alliance form');
    await typeInto(first, 'champ-nom', `Jardin des communs ${word}`);
    await typeInto(first, 'champ-slug', slug);
    await typeInto(first, 'champ-resume', 'Un jardin partagé que la commune et une association font vivre ensemble.');
    await typeInto(first, 'partenaire-1-nom', 'Mairie des Mureaux');
    await typeInto(first, 'partenaire-1-role', 'commune');
    await typeInto(first, 'partenaire-2-nom', 'La Gerbe');
    await tabUntil(first, (f) => f.id === 'partenaire-2-type');
    await first.keyboard.type('Association');
    await tabUntil(first, (f) => f.id === 'champ-niveau');
    await first.keyboard.type('Commune');
    await typeInto(first, 'territoire-1', 'Les Mureaux');
    await tabUntil(first, (f) => f.id === 'domaine-social');
    await first.keyboard.press('Space');
    await typeInto(first, 'source-1-url', 'https://exemple.fr/jardin-des-communs');
    await typeInto(first, 'source-1-date', '2026-11-30');
    await press(first, /Envoyer la proposition/);
    if (pathOf(first.url()).startsWith('/contributions/alliances')) {
      // Likely duplicates were shown: confirm with the box, send again.
      await tabUntil(first, (f) => f.id === 'pas-un-doublon', 900);
      await first.keyboard.press('Space');
      await press(first, /Envoyer la proposition/);
    }
    assert.match(pathOf(first.url()), /^\/mon-espace\/contributions\?ok=envoyee/);
    assert.match(await first.locator('main').innerText(), /En attente de modération/);
    await axeClean(first, 'my contributions');

    // 2. The moderator sees the diff and accepts.
    await signIn(moderator, ADMIN, ADMIN_PASSWORD);
    await press(moderator, /^Modération$/);
    await axeClean(moderator, 'moderation queue');
    await press(moderator, new RegExp(word));
    const diff = await moderator.locator('table.diff').innerText();
    assert.match(diff, /partners/);
    assert.match(diff, /La Gerbe/);
    await axeClean(moderator, 'a proposal with its diff');
    await press(moderator, /Accepter et publier/);
    assert.match(await moderator.locator('.notice-success').innerText(), /acceptée/);

    // 3. Searchable within 5 s.
    const deadline = Date.now() + 5000;
    let found = false;
    while (!found && Date.now() < deadline) {
      const r = await moderator.request.get(url(`/api/v1/alliances?q=${word}`));
      found = (await r.json()).resultats.some((a) => a.slug === slug);
      if (!found) await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(found, 'searchable within 5 s');

    // 4. A second member proposes a correction from the record's page.
    await member(second, `second-${stamp}@exemple.fr`, `Second ${stamp}`);
    await visit(second, `/exemples/${slug}`);
    await press(second, /Proposer une modification/);
    await axeClean(second, 'the change form');
    await typeInto(second, 'champ-resume', 'Un jardin partagé, ouvert à tous, animé par la commune et une association.', { clear: true });
    await press(second, /Envoyer la proposition/);
    assert.match(pathOf(second.url()), /^\/mon-espace\/contributions/);

    // 5. The moderator asks for changes.
    await visit(moderator, '/moderation');
    await press(moderator, new RegExp(word));
    assert.match(await moderator.locator('table.diff').innerText(), /ouvert à tous/);
    await typeInto(moderator, 'message-demander', 'Citez la source qui dit « ouvert à tous ».');
    await press(moderator, /Renvoyer au contributeur/);

    // 6. The member reads the message, fixes the proposal; it is accepted.
    await visit(second, '/mon-espace/contributions');
    assert.match(await second.locator('main').innerText(), /Citez la source qui dit/);
    await press(second, /Réviser cette proposition/);
    await axeClean(second, 'revising a proposal');
    await typeInto(second, 'champ-resume', 'Un jardin partagé ouvert aux habitants, animé par la commune et une association.', { clear: true });
    await press(second, /Envoyer la proposition/);
    assert.match(pathOf(second.url()), /ok=revisee/);
    await visit(moderator, '/moderation');
    await press(moderator, new RegExp(word));
    await press(moderator, /Accepter et publier/);

    // 7. The history shows both revisions; the moderator restores the first.
    let h = await history(moderator, slug);
    assert.equal(h.total, 2);
    assert.equal(h.resultats[0].auteur, `Première ${stamp}`);
    assert.equal(h.resultats[1].auteur, `Second ${stamp}`);
    assert.deepEqual(h.resultats[1].champs_modifies, ['resume']);
    await visit(moderator, `/exemples/${slug}`);
    await press(moderator, /Historique de la fiche/);
    await axeClean(moderator, 'history with restore buttons');
    await press(moderator, /Restaurer la révision 1/);
    h = await history(moderator, slug);
    assert.equal(h.total, 3);
    const record = await (await moderator.request.get(url(`/api/v1/alliances/${slug}`))).json();
    assert.equal(record.resume, 'Un jardin partagé que la commune et une association font vivre ensemble.');
    await visit(first, `/exemples/${slug}/historique`);
    await axeClean(first, 'public history');
    assert.equal(await first.locator('text=Restaurer').count(), 0, 'members see no restore button');
  });

  test('a tool proposed and a catalyseur corrected, then restored', { timeout: TEST_TIMEOUT * 4 }, async (t) => {
    assert.ok(ADMIN && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const stamp = Date.now().toString(36);
    const word = `Zq${stamp}`;
    const slug = `guide-des-communs-${stamp}`;
    const m = (await open(t)).page;
    const moderator = (await open(t)).page;

    // A new tool, from « mes contributions ».
    await member(m, `outils-${stamp}@exemple.fr`, `Outils ${stamp}`);
    await visit(m, '/mon-espace/contributions');
    await press(m, /Proposer un outil/);
    assert.equal(pathOf(m.url()), '/contributions/outils/nouvelle');
    await axeClean(m, 'the tool form');
    await typeInto(m, 'champ-nom', `Guide des communs ${word}`);
    await typeInto(m, 'champ-slug', slug);
    await typeInto(m, 'champ-editeur', 'Réseau des communs');
    await tabUntil(m, (f) => f.id === 'champ-type');
    await m.keyboard.type('Guide');
    await tabUntil(m, (f) => f.id === 'phase-construire');
    await m.keyboard.press('Space');
    await tabUntil(m, (f) => f.id === 'public-tous');
    await m.keyboard.press('Space');
    await typeInto(m, 'champ-langues', 'fr');
    await typeInto(m, 'source-1-url', `https://exemple.fr/${slug}`);
    await typeInto(m, 'source-1-date', '2026-12-01');
    await press(m, /Envoyer la proposition/);
    assert.match(pathOf(m.url()), /^\/mon-espace\/contributions\?ok=envoyee/);

    // A change to a catalyseur, from its page.
    await visit(m, '/catalyseurs/bordeaux-mecenes-solidaires');
    await press(m, /Proposer une modification/);
    await axeClean(m, 'the catalyseur form');
    assert.equal(await m.inputValue('#territoire-1'), 'Gironde (33)', 'the territory by name and code');
    await typeInto(m, 'champ-fondation', '2011', { clear: true });
    await press(m, /Envoyer la proposition/);
    assert.match(pathOf(m.url()), /^\/mon-espace\/contributions/);

    // The moderator accepts both from the queue filtered by kind.
    await signIn(moderator, ADMIN, ADMIN_PASSWORD);
    await visit(moderator, '/moderation?genre=outil');
    await press(moderator, new RegExp(word));
    assert.match(await moderator.locator('table.diff').innerText(), /tool_type/);
    await press(moderator, /Accepter et publier/);
    await visit(moderator, '/moderation?genre=catalyseur');
    await axeClean(moderator, 'the queue filtered by kind');
    await press(moderator, /Bordeaux Mécènes Solidaires/);
    assert.match(await moderator.locator('table.diff').innerText(), /founded_year/);
    await press(moderator, /Accepter et publier/);

    // Published within 5 s (every server reloads its tools and catalyseurs).
    const deadline = Date.now() + 5000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await moderator.request.get(url(`/api/v1/outils/${slug}`))).status();
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(status, 200, 'the tool is published within 5 s');
    await visit(moderator, `/outils/${slug}`);
    await press(moderator, /Historique de la fiche/);
    await axeClean(moderator, "a tool's history");
    // The catalyseur goes back to its first revision.
    await visit(moderator, '/catalyseurs/bordeaux-mecenes-solidaires/historique');
    await press(moderator, /Restaurer la révision 1/);
    const h = await (await moderator.request.get(url('/api/v1/catalyseurs/bordeaux-mecenes-solidaires/historique'))).json();
    assert.equal(h.total, 3);
    assert.equal(h.resultats[1].auteur, `Outils ${stamp}`);
    assert.deepEqual(h.resultats[1].champs_modifies, ['founded_year']);

    // Anyone reports an error on a tool.
    const visitor = (await open(t)).page;
    await visit(visitor, `/outils/${slug}`);
    await press(visitor, /Signaler une erreur/);
    await axeClean(visitor, 'report an error on a tool');
    await typeInto(visitor, 'champ-texte', "L'éditeur a changé de nom.");
    await press(visitor, /Envoyer le signalement/);
    assert.match(await visitor.locator('.notice-success').innerText(), /Merci/);
  });

  test('report an error without an account', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await open(t);
    await visit(page, '/exemples/ptce-vivre-les-mureaux');
    await press(page, /Signaler une erreur/);
    await axeClean(page, 'report an error');
    await typeInto(page, 'champ-texte', 'Le nom du PTCE a changé en 2025 (site de la commune).');
    await press(page, /Envoyer le signalement/);
    assert.match(await page.locator('.notice-success').innerText(), /Merci/);
  });
});

// Were any of it run, a dialog would open (the tests record every dialog).
const PAYLOAD = `<img src=x onerror="alert('xss')">"><script>alert('xss')</script>'"`;
// Names are 60 characters at most.
const SHORT = `"><img src=x onerror=alert(1)>`;

describe('XSS payloads are shown as text', () => {
  test('in every text field of the account, contribution, report and moderation forms', { timeout: TEST_TIMEOUT * 4 }, async (t) => {
    const stamp = Date.now().toString(36);
    const { page } = await open(t);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    // Sign-up: pseudonym and organisation carry the payload.
    const email = `xss-${stamp}@exemple.fr`;
    await visit(page, '/compte/inscription');
    await page.fill('#champ-courriel', email);
    await page.fill('#champ-pseudonyme', SHORT);
    await page.fill('#champ-organisation', SHORT);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    assert.equal(await page.inputValue('#champ-pseudonyme'), SHORT, 'kept as typed, as text');
    await member(page, email, SHORT);
    await visit(page, '/mon-espace');
    assert.match(await page.locator('.lead').first().innerText(), /<img src=x/);
    await page.fill('#champ-libelle', SHORT);
    await Promise.all([page.waitForNavigation(), page.click('#jetons button[type=submit]')]);
    await page.fill('#champ-lien', PAYLOAD);
    await Promise.all([page.waitForNavigation(), page.click('#liens form.stack-form button[type=submit]')]);
    // The alliance form: every text field, refused (bad slug) then shown again.
    await visit(page, '/contributions/alliances/nouvelle');
    for (const id of ['champ-nom', 'champ-resume', 'champ-description', 'partenaire-1-nom', 'partenaire-1-role', 'champ-territoire-libelle', 'territoire-1', 'cible-1', 'champ-resultats', 'champ-leviers', 'champ-obstacles', 'champ-reproductibilite', 'champ-debut', 'source-1-url', 'source-1-date', 'champ-note']) {
      await page.fill(`#${id}`, PAYLOAD);
    }
    await page.fill('#champ-slug', PAYLOAD);
    await Promise.all([page.waitForNavigation(), page.click('button[value=envoyer]')]);
    assert.equal(await page.inputValue('#champ-nom'), PAYLOAD);
    // A valid proposal whose texts carry the payload, then the moderator's pages.
    await visit(page, '/contributions/alliances/nouvelle');
    await page.fill('#champ-nom', `Alliance ${PAYLOAD}`);
    await page.fill('#champ-slug', `alliance-xss-${stamp}`);
    await page.fill('#champ-resume', PAYLOAD);
    await page.fill('#partenaire-1-nom', 'Partenaire <b>gras</b>');
    await page.fill('#partenaire-1-role', 'rôle <i>x</i>');
    await page.fill('#territoire-1', 'Les Mureaux');
    await page.selectOption('#champ-niveau', 'commune');
    await page.fill('#source-1-url', 'https://exemple.fr/xss');
    await page.fill('#source-1-date', '2026-11-30');
    await page.fill('#champ-note', PAYLOAD);
    await Promise.all([page.waitForNavigation(), page.click('button[value=envoyer]')]);
    if (await page.locator('#pas-un-doublon').count()) {
      await page.check('#pas-un-doublon');
      await Promise.all([page.waitForNavigation(), page.click('button[value=envoyer]')]);
    }
    // The tool and catalyseur forms: every text field, refused (bad slug) then shown again.
    for (const [path, ids] of [
      ['/contributions/outils/nouvelle', ['champ-nom', 'champ-editeur', 'champ-annee', 'champ-description', 'champ-url', 'champ-langues', 'champ-licence', 'source-1-url', 'source-1-date', 'champ-note']],
      ['/contributions/catalyseurs/nouvelle', ['champ-nom', 'champ-genre-precision', 'champ-fondation', 'champ-site', 'champ-territoire-libelle', 'territoire-1', 'source-1-url', 'source-1-date', 'champ-note']],
    ]) {
      await visit(page, path);
      for (const id of ids) await page.fill(`#${id}`, PAYLOAD);
      await page.fill('#champ-slug', PAYLOAD);
      await Promise.all([page.waitForNavigation(), page.click('button[value=envoyer]')]);
      assert.equal(await page.inputValue('#champ-nom'), PAYLOAD, path);
    }
    await visit(page, '/mon-espace/contributions');
    await visit(page, `/exemples/ptce-vivre-les-mureaux/signaler`);
    await page.fill('#champ-texte', PAYLOAD);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);

    const admin = (await open(t)).page;
    admin.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await signIn(admin, ADMIN, ADMIN_PASSWORD);
    for (const p of ['/moderation', '/admin/comptes', '/admin/journal']) await visit(admin, p);
    await visit(admin, '/moderation');
    await admin.locator('a', { hasText: 'Alliance <img' }).first().click();
    await admin.waitForLoadState('load');
    assert.match(await admin.locator('table.diff').innerText(), /<img src=x onerror/);
    await admin.fill('#message-demander', PAYLOAD);
    await Promise.all([admin.waitForNavigation(), admin.click('form[action$="/demander"] button')]);
    await visit(page, '/mon-espace/contributions');
    assert.match(await page.locator('.moderator-message').first().innerText(), /<script>/);
    await visit(page, '/mon-espace');
    assert.deepEqual(dialogs, [], 'no payload ran');
  });
});
