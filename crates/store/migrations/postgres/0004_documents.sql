-- The records of the observatory and the directories (key figures, catalyseurs; tools
-- later), one table for every kind: `genre` is the kind (`chiffre`, `catalyseur`), `id` the
-- record's identifier within its kind, `document` the whole record as JSON (its domain
-- type), `empreinte` its fingerprint so that an unchanged re-import writes nothing.
-- `origine` is where it was imported from (`amorce` for the seed, a file name),
-- `importe_par` who imported it when known. Times are Unix seconds.
CREATE TABLE documents (
    genre       TEXT NOT NULL,
    id          TEXT NOT NULL,
    document    TEXT NOT NULL,
    empreinte   TEXT NOT NULL,
    origine     TEXT NOT NULL,
    importe_par TEXT,
    cree_le     BIGINT NOT NULL,
    modifie_le  BIGINT NOT NULL,
    PRIMARY KEY (genre, id)
);

-- Change log: every write to `documents` appends one row in the same transaction; each
-- app server reloads a kind when rows after the last one it read appear.
CREATE TABLE documents_journal (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    genre       TEXT NOT NULL,
    id          TEXT NOT NULL,
    operation   TEXT NOT NULL,
    le          BIGINT NOT NULL
);
