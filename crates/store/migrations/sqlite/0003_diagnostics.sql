-- Diagnostics of the questioning kit, kept without an account behind personal links.
-- `cle` is the SHA-256 (hex) of a link's secret: the secret itself is never stored, so a
-- copy of the database does not open anyone's diagnostic. Times are Unix seconds;
-- `utilise_le` (last use) drives the purge (drafts after 90 days, the rest after 12 months).

-- A collective diagnostic (« diagnostic partagé »): one facilitator, several partners who
-- each answer alone. `reponses_ouvertes` (0/1): the facilitator opened the partners'
-- answers to the whole group.
CREATE TABLE collectifs (
    cle                TEXT PRIMARY KEY,
    nom                TEXT NOT NULL,
    version            BIGINT NOT NULL,
    reponses_ouvertes  BIGINT NOT NULL DEFAULT 0,
    cree_le            BIGINT NOT NULL,
    utilise_le         BIGINT NOT NULL
);

-- One respondent's diagnostic: a draft until `rapport` (the computed report, JSON) is set.
-- `reponses` is a JSON object question id → answer; `etape` the furthest step reached;
-- `version` the questionnaire version it was made with. A partner of a collective has
-- `collectif`, a label and a rank.
CREATE TABLE diagnostics (
    cle          TEXT PRIMARY KEY,
    version      BIGINT NOT NULL,
    reponses     TEXT NOT NULL,
    etape        BIGINT NOT NULL,
    rapport      TEXT,
    collectif    TEXT REFERENCES collectifs (cle) ON DELETE CASCADE,
    partenaire   TEXT,
    rang         BIGINT,
    cree_le      BIGINT NOT NULL,
    utilise_le   BIGINT NOT NULL,
    termine_le   BIGINT
);
CREATE INDEX diagnostics_collectif ON diagnostics (collectif);
CREATE INDEX diagnostics_utilise_le ON diagnostics (utilise_le);
CREATE INDEX collectifs_utilise_le ON collectifs (utilise_le);
