-- Contributions (issue 14): proposals of a new record or of a change, their moderation, and
-- each alliance's revisions. Times are Unix seconds.

-- A proposal. `genre`: alliance (outil, catalyseur to come); `cible`: the slug of the record
-- it changes, null for a new record; `base`: the revision it was made from (null for a new
-- record); `document`: the proposed record, JSON in the API's shape; `statut`: en_attente |
-- changements_demandes | acceptee | refusee; `message`: the moderator's reason or request;
-- `note`: the contributor's note to the moderators; `auteur`: the contributor's account
-- (null once deleted: « contributeur supprimé »); `moderateur` likewise; `revision`: the
-- revision an acceptance published. `territoires`: the codes the record names
-- (« niveau:code » separated by spaces) for the queue's filter.
CREATE TABLE propositions (
    id           TEXT PRIMARY KEY,
    genre        TEXT NOT NULL,
    cible        TEXT,
    base         BIGINT,
    document     TEXT NOT NULL,
    nom          TEXT NOT NULL,
    territoires  TEXT NOT NULL,
    statut       TEXT NOT NULL,
    message      TEXT,
    note         TEXT,
    auteur       TEXT REFERENCES comptes (id) ON DELETE SET NULL,
    moderateur   TEXT REFERENCES comptes (id) ON DELETE SET NULL,
    revision     BIGINT,
    cree_le      BIGINT NOT NULL,
    modifie_le   BIGINT NOT NULL
);
CREATE INDEX propositions_statut ON propositions (statut, cree_le);
CREATE INDEX propositions_auteur ON propositions (auteur);
CREATE INDEX propositions_cible ON propositions (cible);

-- Revisions of an alliance, from 1. The first is the record as it stood before its first
-- contribution (or as a contribution created it); later ones come from accepted proposals,
-- restorations and imports of a record that already has a history. `source`: import |
-- proposition | restauration; `auteur`: the account whose proposal or restoration it is.
CREATE TABLE alliances_revisions (
    slug         TEXT NOT NULL,
    revision     BIGINT NOT NULL,
    document     TEXT NOT NULL,
    le           BIGINT NOT NULL,
    source       TEXT NOT NULL,
    auteur       TEXT REFERENCES comptes (id) ON DELETE SET NULL,
    proposition  TEXT,
    PRIMARY KEY (slug, revision)
);
CREATE INDEX alliances_revisions_auteur ON alliances_revisions (auteur);
