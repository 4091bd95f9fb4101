-- Revisions of the other contributable kinds (issue 14: tools and catalyseurs), from 1, as
-- `alliances_revisions` keeps them for alliances: the first is the record as it stood before
-- its first contribution (or as a contribution created it); later ones come from accepted
-- proposals, restorations and imports of a record that already has a history. `genre` and
-- `id` are those of `documents`; `source`: import | proposition | restauration; `auteur`:
-- the account whose proposal or restoration it is.
CREATE TABLE documents_revisions (
    genre        TEXT NOT NULL,
    id           TEXT NOT NULL,
    revision     BIGINT NOT NULL,
    document     TEXT NOT NULL,
    le           BIGINT NOT NULL,
    source       TEXT NOT NULL,
    auteur       TEXT REFERENCES comptes (id) ON DELETE SET NULL,
    proposition  TEXT,
    PRIMARY KEY (genre, id, revision)
);
CREATE INDEX documents_revisions_auteur ON documents_revisions (auteur);

-- The kind of record a proposal is about: alliance | outil | catalyseur. The same as
-- `genre` for a proposal of a record; for a report (`genre` = signalement), the kind of
-- the record reported. Earlier proposals were all about alliances.
ALTER TABLE propositions ADD COLUMN sujet TEXT NOT NULL DEFAULT 'alliance';
