-- Learning progress of the path « Alliances et Territoires », kept without an account behind
-- personal links, and the certificates it leads to. `cle` is the SHA-256 (hex) of a link's
-- secret, never the secret. Times are Unix seconds; `utilise_le` (last use) drives the purge
-- after 12 months. Quiz answers are never stored: only which modules were completed.

-- A facilitator's group: one link per learner, the facilitator sees completions only.
CREATE TABLE parcours_groupes (
    cle         TEXT PRIMARY KEY,
    nom         TEXT NOT NULL,
    parcours    TEXT NOT NULL,
    cree_le     BIGINT NOT NULL,
    utilise_le  BIGINT NOT NULL
);

-- One learner's progress on a variant (`parcours`, a slug of the content). A learner of a
-- group has `groupe`, a rank and the label the facilitator gave.
CREATE TABLE parcours_suivis (
    cle         TEXT PRIMARY KEY,
    parcours    TEXT NOT NULL,
    groupe      TEXT REFERENCES parcours_groupes (cle) ON DELETE CASCADE,
    rang        BIGINT,
    libelle     TEXT,
    cree_le     BIGINT NOT NULL,
    utilise_le  BIGINT NOT NULL
);
CREATE INDEX parcours_suivis_groupe ON parcours_suivis (groupe);
CREATE INDEX parcours_suivis_utilise_le ON parcours_suivis (utilise_le);
CREATE INDEX parcours_groupes_utilise_le ON parcours_groupes (utilise_le);

-- The modules a learner completed (their quiz passed), with the time.
CREATE TABLE parcours_modules (
    suivi       TEXT NOT NULL REFERENCES parcours_suivis (cle) ON DELETE CASCADE,
    module      TEXT NOT NULL,
    termine_le  BIGINT NOT NULL,
    PRIMARY KEY (suivi, module)
);

-- A certificate: public by its code (verification), managed by its holder's progress link.
-- `modules` is a JSON array of the module slugs; `nom` only when the learner chose to show
-- a name. Deleting it sets `revoque_le` and removes the name: the code then verifies as
-- « révoqué ».
CREATE TABLE certificats (
    code        TEXT PRIMARY KEY,
    suivi       TEXT REFERENCES parcours_suivis (cle) ON DELETE SET NULL,
    parcours    TEXT NOT NULL,
    modules     TEXT NOT NULL,
    nom         TEXT,
    delivre_le  BIGINT NOT NULL,
    revoque_le  BIGINT,
    utilise_le  BIGINT NOT NULL
);
CREATE INDEX certificats_suivi ON certificats (suivi);
CREATE INDEX certificats_utilise_le ON certificats (utilise_le);
