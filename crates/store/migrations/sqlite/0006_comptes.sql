-- Members' accounts (« mon espace »), their sessions, one-time e-mail tokens, personal API
-- tokens, the personal links they attached, the throttle on login and reset attempts, and the
-- audit log of moderation and administration actions. Times are Unix seconds. Secrets
-- (session cookies, e-mail and API tokens) are stored as their SHA-256 (hex), never as such.

-- An account. `courriel` is lower-cased; `mot_de_passe` an Argon2id PHC string; `role`
-- membre | moderateur | administrateur; `signature` (pseudonyme | organisation) says which
-- name signs the member's contributions in public histories. `verifie_le`: when the address
-- was confirmed (never: the account is purged after 7 days). `connecte_le` drives the purge
-- after 3 years without a login.
CREATE TABLE comptes (
    id                    TEXT PRIMARY KEY,
    courriel              TEXT NOT NULL,
    mot_de_passe          TEXT NOT NULL,
    role                  TEXT NOT NULL,
    pseudonyme            TEXT NOT NULL,
    organisation          TEXT,
    signature             TEXT NOT NULL,
    consentement_le       BIGINT NOT NULL,
    consentement_version  TEXT NOT NULL,
    verifie_le            BIGINT,
    cree_le               BIGINT NOT NULL,
    connecte_le           BIGINT NOT NULL
);
CREATE UNIQUE INDEX comptes_courriel ON comptes (courriel);
CREATE INDEX comptes_connecte_le ON comptes (connecte_le);

-- A signed-in browser. `csrf` is the token its forms carry. Shared by every app server.
CREATE TABLE sessions (
    cle        TEXT PRIMARY KEY,
    compte     TEXT NOT NULL REFERENCES comptes (id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    cree_le    BIGINT NOT NULL,
    vu_le      BIGINT NOT NULL,
    expire_le  BIGINT NOT NULL
);
CREATE INDEX sessions_compte ON sessions (compte);
CREATE INDEX sessions_expire_le ON sessions (expire_le);

-- A link sent by e-mail: `usage` verification (24 hours) | reinitialisation (1 hour).
-- Used once.
CREATE TABLE jetons_courriel (
    cle        TEXT PRIMARY KEY,
    compte     TEXT NOT NULL REFERENCES comptes (id) ON DELETE CASCADE,
    usage      TEXT NOT NULL,
    cree_le    BIGINT NOT NULL,
    expire_le  BIGINT NOT NULL
);
CREATE INDEX jetons_courriel_compte ON jetons_courriel (compte);
CREATE INDEX jetons_courriel_expire_le ON jetons_courriel (expire_le);

-- A personal API token (`Authorization: Bearer …`), named by its holder.
CREATE TABLE jetons_api (
    cle         TEXT PRIMARY KEY,
    compte      TEXT NOT NULL REFERENCES comptes (id) ON DELETE CASCADE,
    libelle     TEXT NOT NULL,
    cree_le     BIGINT NOT NULL,
    utilise_le  BIGINT
);
CREATE INDEX jetons_api_compte ON jetons_api (compte);

-- A personal link attached to an account: `genre` diagnostic | collectif | suivi | groupe,
-- `lien` its secret (the account now holds it; detaching forgets it).
CREATE TABLE comptes_liens (
    compte     TEXT NOT NULL REFERENCES comptes (id) ON DELETE CASCADE,
    genre      TEXT NOT NULL,
    lien       TEXT NOT NULL,
    ajoute_le  BIGINT NOT NULL,
    PRIMARY KEY (compte, genre, lien)
);

-- Failed login or reset attempts per key: the SHA-256 of « connexion:ADDRESS »,
-- « reinitialisation:ADDRESS » or « client:IP ». Rows older than the window are purged.
CREATE TABLE tentatives (
    cle     TEXT PRIMARY KEY,
    echecs  BIGINT NOT NULL,
    depuis  BIGINT NOT NULL
);

-- Every moderation and administration action. `details` is JSON of codes and ids, never
-- personal data; `acteur` becomes null when the account is deleted.
CREATE TABLE journal_actions (
    numero   INTEGER PRIMARY KEY AUTOINCREMENT,
    date     BIGINT NOT NULL,
    acteur   TEXT REFERENCES comptes (id) ON DELETE SET NULL,
    action   TEXT NOT NULL,
    cible    TEXT NOT NULL,
    details  TEXT NOT NULL
);
CREATE INDEX journal_actions_acteur ON journal_actions (acteur);
