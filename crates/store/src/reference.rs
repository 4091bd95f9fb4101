//! The reference data shipped in the binary (SDGs, territories) and its loading.
//!
//! The files under `data/` are embedded at compile time; the app never reads anything
//! else. Loading is an idempotent upsert stamped with a fingerprint of the embedded files:
//! when the database already holds this version, nothing is written (a second start
//! changes nothing); when a new release ships new data, rows are upserted and the ones
//! that disappeared from the data are deleted, in one transaction.

use std::sync::OnceLock;

use serde::Deserialize;
use sqlx::QueryBuilder;

use crate::{Db, Result, StoreError, fingerprint, meta};
use alliances_domain::territory::{Level, Territory};
use alliances_domain::text::fold;

pub const ODD_JSON: &str = include_str!("../../../data/odd/odd.json");
pub const REGIONS_CSV: &str = include_str!("../../../data/territoires/regions.csv");
pub const DEPARTEMENTS_CSV: &str = include_str!("../../../data/territoires/departements.csv");
pub const COM_CSV: &str = include_str!("../../../data/territoires/collectivites-outre-mer.csv");
pub const EPCI_CSV: &str = include_str!("../../../data/territoires/epci.csv");
pub const COMMUNES_CSV: &str = include_str!("../../../data/territoires/communes.csv");
pub const FRANCE_SERVICES_CSV: &str = include_str!("../../../data/lieux/france-services.csv");

const VERSION_KEY: &str = "reference_version";

/// Fingerprint of the embedded reference files.
pub fn version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| {
        fingerprint(&[
            ODD_JSON.as_bytes(),
            REGIONS_CSV.as_bytes(),
            DEPARTEMENTS_CSV.as_bytes(),
            COM_CSV.as_bytes(),
            EPCI_CSV.as_bytes(),
            COMMUNES_CSV.as_bytes(),
        ])
    })
}

// ------------------------------------------------------------------ parsed forms

#[derive(Debug, Deserialize)]
pub struct OddFile {
    pub goals: Vec<GoalRow>,
    pub targets: Vec<TargetRow>,
    pub indicators: Vec<IndicatorRow>,
}

#[derive(Debug, Deserialize)]
pub struct GoalRow {
    pub code: String,
    pub short_fr: String,
    pub title_fr: String,
    pub short_en: String,
    pub title_en: String,
    pub color: String,
}

#[derive(Debug, Deserialize)]
pub struct TargetRow {
    pub code: String,
    pub goal: i64,
    pub title_fr: String,
    pub title_en: String,
}

#[derive(Debug, Deserialize)]
pub struct IndicatorRow {
    pub code: String,
    pub target: String,
    pub title_fr: String,
    pub title_en: String,
    pub status: String,
    #[serde(default)]
    pub repeats: Vec<String>,
}

pub fn parse_odd() -> Result<OddFile> {
    serde_json::from_str(ODD_JSON).map_err(|e| StoreError::Reference(format!("odd.json : {e}")))
}

#[derive(Debug, Deserialize)]
struct CsvRow {
    code: Option<String>,
    siren: Option<String>,
    nom: String,
    zone: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    region: Option<String>,
    departement: Option<String>,
    epci: Option<String>,
    ept: Option<String>,
    chef_lieu: Option<String>,
    codes_postaux: Option<String>,
    mode_financement: Option<String>,
    population: Option<i64>,
    population_annee: Option<i64>,
    population_source: Option<String>,
}

fn parse_csv(name: &str, text: &str, level: Level, rows: &mut Vec<Territory>) -> Result<()> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for (i, record) in reader.deserialize::<CsvRow>().enumerate() {
        let r =
            record.map_err(|e| StoreError::Reference(format!("{name}, ligne {} : {e}", i + 2)))?;
        let non_empty = |v: Option<String>| v.filter(|s| !s.is_empty());
        let code = match level {
            Level::Epci => non_empty(r.siren.clone()),
            _ => non_empty(r.code),
        }
        .ok_or_else(|| StoreError::Reference(format!("{name}, ligne {} : code manquant", i + 2)))?;
        if !level.accepts(&code) {
            return Err(StoreError::Reference(format!(
                "{name}, ligne {} : code « {code} » invalide pour le niveau {}",
                i + 2,
                level.code()
            )));
        }
        let mut row = Territory {
            level,
            code,
            name: r.nom,
            zone: non_empty(r.zone),
            kind: non_empty(r.kind),
            region: non_empty(r.region),
            departement: non_empty(r.departement),
            com: None,
            epci: non_empty(r.epci),
            ept: non_empty(r.ept),
            chef_lieu: non_empty(r.chef_lieu),
            siren: if level == Level::Epci {
                None
            } else {
                non_empty(r.siren)
            },
            postal_codes: r
                .codes_postaux
                .map(|c| c.split_whitespace().map(str::to_owned).collect())
                .unwrap_or_default(),
            funding_mode: non_empty(r.mode_financement),
            population: r.population,
            population_year: r.population_annee,
            population_source: non_empty(r.population_source),
        };
        // Communes of a collectivité d'outre-mer carry its code as « département » and
        // « région » in the source: keep it as `com` only.
        if row.zone.as_deref() == Some("com") {
            row.com = row.departement.take();
            row.region = None;
        }
        rows.push(row);
    }
    Ok(())
}

/// Every territory of the embedded data, régions first.
pub fn parse_territories() -> Result<Vec<Territory>> {
    let mut rows = Vec::with_capacity(36_500);
    parse_csv("regions.csv", REGIONS_CSV, Level::Region, &mut rows)?;
    parse_csv(
        "departements.csv",
        DEPARTEMENTS_CSV,
        Level::Departement,
        &mut rows,
    )?;
    parse_csv(
        "collectivites-outre-mer.csv",
        COM_CSV,
        Level::CollectiviteOutreMer,
        &mut rows,
    )?;
    parse_csv("epci.csv", EPCI_CSV, Level::Epci, &mut rows)?;
    parse_csv("communes.csv", COMMUNES_CSV, Level::Commune, &mut rows)?;
    Ok(rows)
}

/// The France services structures shipped in `data/lieux/` (static reference data, read
/// into memory by each server; never stored).
pub fn france_services() -> Result<Vec<alliances_domain::lieu::Lieu>> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        nom: String,
        adresse: String,
        code_postal: String,
        commune_nom: String,
        commune: String,
        #[serde(rename = "type")]
        genre: String,
        format: String,
    }
    let mut reader = csv::Reader::from_reader(FRANCE_SERVICES_CSV.as_bytes());
    reader
        .deserialize::<Row>()
        .enumerate()
        .map(|(i, r)| {
            let r = r.map_err(|e| {
                StoreError::Reference(format!("france-services.csv, ligne {} : {e}", i + 2))
            })?;
            Ok(alliances_domain::lieu::Lieu {
                id: r.id,
                nom: r.nom,
                adresse: r.adresse,
                code_postal: r.code_postal,
                commune_nom: r.commune_nom,
                commune: r.commune,
                genre: r.genre,
                format: r.format,
            })
        })
        .collect()
}

// ------------------------------------------------------------------ loading

/// What `ensure_loaded` found or did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadOutcome {
    AlreadyCurrent,
    Loaded {
        territories: usize,
        goals: usize,
        targets: usize,
        indicators: usize,
    },
}

/// Rows per INSERT statement: 19 parameters each stays far below both back-ends' limits.
const CHUNK: usize = 500;

const TERRITORY_COLUMNS: &str = "niveau, code, nom, nom_normalise, zone, type, region, departement, com, \
     epci, ept, chef_lieu, siren, codes_postaux, mode_financement, population, population_annee, \
     population_source, version";
const TERRITORY_UPDATE: &str = " ON CONFLICT (niveau, code) DO UPDATE SET nom = excluded.nom, \
     nom_normalise = excluded.nom_normalise, zone = excluded.zone, type = excluded.type, \
     region = excluded.region, departement = excluded.departement, com = excluded.com, \
     epci = excluded.epci, ept = excluded.ept, chef_lieu = excluded.chef_lieu, \
     siren = excluded.siren, codes_postaux = excluded.codes_postaux, \
     mode_financement = excluded.mode_financement, population = excluded.population, \
     population_annee = excluded.population_annee, population_source = excluded.population_source, \
     version = excluded.version";

/// Loads the embedded reference data unless the database already holds this version.
pub async fn ensure_loaded(db: &Db) -> Result<LoadOutcome> {
    let version = version();
    if meta::get(db, VERSION_KEY).await?.as_deref() == Some(version) {
        return Ok(LoadOutcome::AlreadyCurrent);
    }
    let odd = parse_odd()?;
    let territories = parse_territories()?;
    let outcome = LoadOutcome::Loaded {
        territories: territories.len(),
        goals: odd.goals.len(),
        targets: odd.targets.len(),
        indicators: odd.indicators.len(),
    };
    macro_rules! load {
        ($pool:expr, $lock:expr) => {{
            let mut tx = $pool.begin().await?;
            if let Some(lock) = $lock {
                sqlx::query(lock).execute(&mut *tx).await?;
                // Another server may have loaded it while we waited for the lock.
                let current: Option<String> =
                    sqlx::query_scalar("SELECT value FROM meta WHERE key = $1")
                        .bind(VERSION_KEY)
                        .fetch_optional(&mut *tx)
                        .await?;
                if current.as_deref() == Some(version) {
                    return Ok(LoadOutcome::AlreadyCurrent);
                }
            }
            for chunk in odd.goals.chunks(CHUNK) {
                let mut qb = QueryBuilder::new(
                    "INSERT INTO odd_objectifs (numero, court_fr, titre_fr, court_en, titre_en, couleur, version) ",
                );
                qb.push_values(chunk, |mut b, g| {
                    b.push_bind(g.code.parse::<i64>().unwrap_or_default())
                        .push_bind(&g.short_fr)
                        .push_bind(&g.title_fr)
                        .push_bind(&g.short_en)
                        .push_bind(&g.title_en)
                        .push_bind(&g.color)
                        .push_bind(version);
                });
                qb.push(
                    " ON CONFLICT (numero) DO UPDATE SET court_fr = excluded.court_fr, \
                     titre_fr = excluded.titre_fr, court_en = excluded.court_en, \
                     titre_en = excluded.titre_en, couleur = excluded.couleur, version = excluded.version",
                );
                qb.build().execute(&mut *tx).await?;
            }
            for (offset, chunk) in odd.targets.chunks(CHUNK).enumerate() {
                let mut qb = QueryBuilder::new(
                    "INSERT INTO odd_cibles (code, objectif, rang, titre_fr, titre_en, version) ",
                );
                qb.push_values(chunk.iter().enumerate(), |mut b, (i, t)| {
                    b.push_bind(&t.code)
                        .push_bind(t.goal)
                        .push_bind(i64::try_from(offset * CHUNK + i).unwrap_or_default())
                        .push_bind(&t.title_fr)
                        .push_bind(&t.title_en)
                        .push_bind(version);
                });
                qb.push(
                    " ON CONFLICT (code) DO UPDATE SET objectif = excluded.objectif, rang = excluded.rang, \
                     titre_fr = excluded.titre_fr, titre_en = excluded.titre_en, version = excluded.version",
                );
                qb.build().execute(&mut *tx).await?;
            }
            for (offset, chunk) in odd.indicators.chunks(CHUNK).enumerate() {
                let mut qb = QueryBuilder::new(
                    "INSERT INTO odd_indicateurs (code, cible, rang, titre_fr, titre_en, statut, repetitions, version) ",
                );
                qb.push_values(chunk.iter().enumerate(), |mut b, (i, ind)| {
                    let repeats = (!ind.repeats.is_empty()).then(|| ind.repeats.join(" "));
                    b.push_bind(&ind.code)
                        .push_bind(&ind.target)
                        .push_bind(i64::try_from(offset * CHUNK + i).unwrap_or_default())
                        .push_bind(&ind.title_fr)
                        .push_bind(&ind.title_en)
                        .push_bind(&ind.status)
                        .push_bind(repeats)
                        .push_bind(version);
                });
                qb.push(
                    " ON CONFLICT (code) DO UPDATE SET cible = excluded.cible, rang = excluded.rang, \
                     titre_fr = excluded.titre_fr, titre_en = excluded.titre_en, statut = excluded.statut, \
                     repetitions = excluded.repetitions, version = excluded.version",
                );
                qb.build().execute(&mut *tx).await?;
            }
            for chunk in territories.chunks(CHUNK) {
                let mut qb = QueryBuilder::new(format!("INSERT INTO territoires ({TERRITORY_COLUMNS}) "));
                qb.push_values(chunk, |mut b, t| {
                    b.push_bind(t.level.code())
                        .push_bind(&t.code)
                        .push_bind(&t.name)
                        .push_bind(fold(&t.name))
                        .push_bind(&t.zone)
                        .push_bind(&t.kind)
                        .push_bind(&t.region)
                        .push_bind(&t.departement)
                        .push_bind(&t.com)
                        .push_bind(&t.epci)
                        .push_bind(&t.ept)
                        .push_bind(&t.chef_lieu)
                        .push_bind(&t.siren)
                        .push_bind((!t.postal_codes.is_empty()).then(|| t.postal_codes.join(" ")))
                        .push_bind(&t.funding_mode)
                        .push_bind(t.population)
                        .push_bind(t.population_year)
                        .push_bind(&t.population_source)
                        .push_bind(version);
                });
                qb.push(TERRITORY_UPDATE);
                qb.build().execute(&mut *tx).await?;
            }
            // Rows of an older version are gone from the data: children first.
            for table in ["odd_indicateurs", "odd_cibles", "odd_objectifs", "territoires"] {
                sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE version <> $1")))
                    .bind(version)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query(
                "INSERT INTO meta (key, value) VALUES ($1, $2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .bind(VERSION_KEY)
            .bind(version)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        }};
    }
    match db {
        Db::Sqlite(s) => load!(s.write, None::<&'static str>),
        Db::Pg(p) => load!(p, Some("SELECT pg_advisory_xact_lock(7041)")),
    }
    tracing::info!(?outcome, version, "données de référence chargées");
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_has_the_expected_counts() {
        let odd = parse_odd().unwrap();
        assert_eq!(odd.goals.len(), 17);
        assert_eq!(odd.targets.len(), 169);
        assert_eq!(odd.targets.iter().filter(|t| t.goal == 17).count(), 19);
        assert!(odd.indicators.len() >= 231);
        let t = parse_territories().unwrap();
        let count = |l: Level| t.iter().filter(|r| r.level == l).count();
        assert_eq!(count(Level::Region), 18);
        assert_eq!(count(Level::Departement), 101);
        assert_eq!(count(Level::CollectiviteOutreMer), 8);
        assert!(count(Level::Epci) > 1200);
        assert!(count(Level::Commune) > 34_000);
        let normandie = t
            .iter()
            .find(|r| r.level == Level::Region && r.code == "28")
            .unwrap();
        assert_eq!(normandie.name, "Normandie");
        let miquelon = t.iter().find(|r| r.code == "97501").unwrap();
        assert_eq!(
            (miquelon.com.as_deref(), miquelon.region.as_deref()),
            (Some("975"), None)
        );
        let acoua = t.iter().find(|r| r.code == "97601").unwrap();
        assert_eq!(acoua.population_year, Some(2017));
    }
}
