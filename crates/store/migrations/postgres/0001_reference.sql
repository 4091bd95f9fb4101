-- Key/value facts about this database (reference data version, …).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The 17 Sustainable Development Goals.
CREATE TABLE odd_objectifs (
    numero      BIGINT PRIMARY KEY,
    court_fr    TEXT NOT NULL,
    titre_fr    TEXT NOT NULL,
    court_en    TEXT NOT NULL,
    titre_en    TEXT NOT NULL,
    couleur     TEXT NOT NULL,
    version     TEXT NOT NULL
);

-- The 169 targets; `rang` keeps the official order (1.1 … 1.5, 1.a, 1.b).
CREATE TABLE odd_cibles (
    code        TEXT PRIMARY KEY,
    objectif    BIGINT NOT NULL REFERENCES odd_objectifs (numero),
    rang        BIGINT NOT NULL,
    titre_fr    TEXT NOT NULL,
    titre_en    TEXT NOT NULL,
    version     TEXT NOT NULL
);
CREATE INDEX odd_cibles_objectif ON odd_cibles (objectif, rang);

-- The global indicators, including the four retired in 2020 (statut = 'retired').
CREATE TABLE odd_indicateurs (
    code         TEXT PRIMARY KEY,
    cible        TEXT NOT NULL REFERENCES odd_cibles (code),
    rang         BIGINT NOT NULL,
    titre_fr     TEXT NOT NULL,
    titre_en     TEXT NOT NULL,
    statut       TEXT NOT NULL,
    repetitions  TEXT,
    version      TEXT NOT NULL
);
CREATE INDEX odd_indicateurs_cible ON odd_indicateurs (cible, rang);

-- Every territory, keyed by level and code: régions, départements, collectivités
-- d'outre-mer, EPCI and EPT (by SIREN), current communes. Parent codes are denormalised.
CREATE TABLE territoires (
    niveau             TEXT NOT NULL,
    code               TEXT NOT NULL,
    nom                TEXT NOT NULL,
    nom_normalise      TEXT NOT NULL,
    zone               TEXT,
    type               TEXT,
    region             TEXT,
    departement        TEXT,
    com                TEXT,
    epci               TEXT,
    ept                TEXT,
    chef_lieu          TEXT,
    siren              TEXT,
    codes_postaux      TEXT,
    mode_financement   TEXT,
    population         BIGINT,
    population_annee   BIGINT,
    population_source  TEXT,
    version            TEXT NOT NULL,
    PRIMARY KEY (niveau, code)
);
CREATE INDEX territoires_region ON territoires (region, niveau);
CREATE INDEX territoires_departement ON territoires (departement, niveau);
CREATE INDEX territoires_com ON territoires (com, niveau);
CREATE INDEX territoires_epci ON territoires (epci);
CREATE INDEX territoires_ept ON territoires (ept);
