-- The alliances (« exemples inspirants »). `document` is the whole record as JSON (the
-- domain type `Alliance`); `empreinte` its fingerprint, so that a re-import of an unchanged
-- record writes nothing. `origine` is where the record was imported from (`amorce` for the
-- seed, a file name), `importe_par` who imported it when known. Times are Unix seconds.
CREATE TABLE alliances (
    slug        TEXT PRIMARY KEY,
    nom         TEXT NOT NULL,
    document    TEXT NOT NULL,
    empreinte   TEXT NOT NULL,
    origine     TEXT NOT NULL,
    importe_par TEXT,
    cree_le     BIGINT NOT NULL,
    modifie_le  BIGINT NOT NULL
);
CREATE INDEX alliances_cree_le ON alliances (cree_le);

-- Change log: every write to `alliances` appends one row in the same transaction. Each app
-- server keeps its search index current by reading the rows after the last one it applied.
CREATE TABLE alliances_journal (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        TEXT NOT NULL,
    operation   TEXT NOT NULL,
    le          BIGINT NOT NULL
);
