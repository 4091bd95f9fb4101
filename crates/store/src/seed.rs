//! The seed records shipped in `data/` — alliances (the fact tables with our texts), key
//! figures, catalyseurs and tools — loaded at start through the same validation as an import (a
//! new version never overwrites an imported record), and the referential that validation
//! reads.

use std::collections::HashSet;
use std::sync::OnceLock;

use alliances_domain::alliance::Referential;
use alliances_domain::catalyseur::Catalyseur;
use alliances_domain::figure::{FigureContext, KeyFigure, Population, check_populations};
use alliances_domain::outil::Outil;
use alliances_domain::record::Record;
use alliances_domain::territory::Level;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::exchange::{self, Format};
use crate::{Db, Result, StoreError, alliances, documents, fingerprint, meta, on_read};

const SEED_CSV: &str = include_str!("../../../data/alliances/alliances.csv");
const FRAGILITIES_CSV: &str = include_str!("../../../data/alliances/fragilites.csv");
const VERSION_KEY: &str = "amorce_alliances_version";
const FIGURES_CSV: &str = include_str!("../../../data/observatoire/chiffres-cles.csv");
const POPULATIONS_CSV: &str = include_str!("../../../data/observatoire/populations.csv");
const CATALYSEURS_CSV: &str = include_str!("../../../data/catalyseurs/catalyseurs.csv");
const OUTILS_CSV: &str = include_str!("../../../data/outils/outils.csv");
/// `origine` of the seed records.
pub const SEED_ORIGIN: &str = "amorce";

/// A fragility of the open list with its labels and the SDG goals it maps to (editorial).
#[derive(Debug, Clone)]
pub struct Fragility {
    pub code: String,
    pub label_fr: String,
    pub label_en: String,
    pub goals: Vec<u8>,
}

/// The fragility table of `data/alliances/fragilites.csv`.
pub fn fragilities() -> &'static [Fragility] {
    static CELL: OnceLock<Vec<Fragility>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut r = csv::Reader::from_reader(FRAGILITIES_CSV.as_bytes());
        r.records()
            .filter_map(std::result::Result::ok)
            .map(|rec| Fragility {
                code: rec[0].to_owned(),
                label_fr: rec[1].to_owned(),
                label_en: rec[2].to_owned(),
                goals: rec[3]
                    .split_whitespace()
                    .filter_map(|g| g.parse().ok())
                    .collect(),
            })
            .collect()
    })
}

/// The populations of `data/observatoire/populations.csv`, embedded in the binary (checked
/// by a test: a malformed line is a defect of the build, not of an installation).
pub fn populations() -> &'static [Population] {
    static CELL: OnceLock<Vec<Population>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut r = csv::Reader::from_reader(POPULATIONS_CSV.as_bytes());
        r.records()
            .map(|rec| rec.expect("data/observatoire/populations.csv: every line reads"))
            .map(|rec| Population {
                code: rec[0].to_owned(),
                label_fr: rec[1].to_owned(),
                label_en: rec[2].to_owned(),
                type_acteur: rec[3].to_owned(),
            })
            .collect()
    })
}

/// What a figures file is validated against: the referential, the populations and the
/// figures already stored (a relation may point at them).
pub async fn figure_context(db: &Db) -> Result<FigureContext> {
    check_populations(populations()).map_err(StoreError::Reference)?;
    Ok(FigureContext {
        referential: referential(db).await?,
        populations: populations().to_vec(),
        existing: documents::ids(db, documents::KEY_FIGURE)
            .await?
            .into_iter()
            .collect(),
    })
}

/// Version of the seed: changes when the shipped file or the mapping table changes.
#[must_use]
pub fn version() -> String {
    fingerprint(&[SEED_CSV.as_bytes(), FRAGILITIES_CSV.as_bytes()])
}

/// Territory codes and SDG targets from the database, fragilities from the shipped table.
pub async fn referential(db: &Db) -> Result<Referential> {
    let territories: Vec<(String, String)> = on_read!(db, p => sqlx::query_as(
        "SELECT niveau, code FROM territoires").fetch_all(p).await?);
    let targets: Vec<String> = on_read!(db, p => sqlx::query_scalar(
        "SELECT code FROM odd_cibles").fetch_all(p).await?);
    let departements: Vec<(String, String, Option<String>)> = on_read!(db, p => sqlx::query_as(
        "SELECT code, nom, region FROM territoires WHERE niveau = 'departement'")
        .fetch_all(p).await?);
    let named: Vec<(String, String, String)> = on_read!(db, p => sqlx::query_as(
        "SELECT niveau, code, nom FROM territoires WHERE niveau IN ('region', 'collectivite_outre_mer')")
        .fetch_all(p).await?);
    Ok(Referential {
        territories: territories
            .into_iter()
            .filter_map(|(l, c)| Some((Level::from_code(&l)?, c)))
            .collect(),
        region_names: named
            .into_iter()
            .filter_map(|(l, c, n)| {
                Some((alliances_domain::text::fold(&n), (Level::from_code(&l)?, c)))
            })
            .collect(),
        departements: departements
            .into_iter()
            .filter_map(|(code, nom, region)| {
                Some((alliances_domain::text::fold(&nom), code, region?))
            })
            .collect(),
        targets: targets.into_iter().collect(),
        fragility_goals: fragilities()
            .iter()
            .map(|f| (f.code.clone(), f.goals.clone()))
            .collect(),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    AlreadyCurrent,
    Loaded(alliances::UpsertOutcome),
}

/// Loads the seed alliances unless this version already was. Records are upserted, except
/// those imported from elsewhere since (their `origine` is no longer the seed's): a new
/// release never overwrites an import.
pub async fn ensure_seeded(db: &Db, now: i64) -> Result<SeedOutcome> {
    let version = version();
    if meta::get(db, VERSION_KEY).await?.as_deref() == Some(version.as_str()) {
        return Ok(SeedOutcome::AlreadyCurrent);
    }
    let referential = referential(db).await?;
    let parsed =
        exchange::read(Format::Csv, SEED_CSV.as_bytes(), &referential).map_err(|errs| {
            StoreError::Reference(format!(
                "alliances d'amorce invalides : {}",
                errs.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ; ")
            ))
        })?;
    // A record imported or edited since comes from elsewhere now: the seed leaves it alone.
    let slugs: Vec<String> = parsed.iter().map(|(_, a)| a.slug.clone()).collect();
    let replaced: std::collections::HashSet<String> = alliances::by_slugs(db, &slugs)
        .await?
        .into_iter()
        .filter(|s| s.origine != SEED_ORIGIN)
        .map(|s| s.alliance.slug)
        .collect();
    let records: Vec<_> = parsed
        .into_iter()
        .map(|(_, a)| a)
        .filter(|a| !replaced.contains(&a.slug))
        .collect();
    let outcome = alliances::upsert_all(db, &records, SEED_ORIGIN, now).await?;
    meta::set(db, VERSION_KEY, &version).await?;
    Ok(SeedOutcome::Loaded(outcome))
}

/// Version of the seed key figures, catalyseurs and tools (with the populations table).
#[must_use]
pub fn documents_version() -> String {
    fingerprint(&[
        FIGURES_CSV.as_bytes(),
        POPULATIONS_CSV.as_bytes(),
        CATALYSEURS_CSV.as_bytes(),
        OUTILS_CSV.as_bytes(),
    ])
}

/// What [`ensure_documents_seeded`] did for each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentsOutcome {
    pub figures: SeedOutcome,
    pub catalyseurs: SeedOutcome,
    pub outils: SeedOutcome,
}

/// Loads the seed key figures, catalyseurs and tools unless their version already was; an
/// imported record is never overwritten.
pub async fn ensure_documents_seeded(db: &Db, now: i64) -> Result<DocumentsOutcome> {
    // Tools need no reference data.
    let outils = seed_kind::<Outil>(
        db,
        documents::OUTIL,
        OUTILS_KEY,
        OUTILS_VERSIONED,
        OUTILS_CSV,
        &(),
        now,
    )
    .await?;
    // The context reads every territory code: only build it when something is to load, so
    // that a start on an up-to-date database stays quick.
    if is_current(db, FIGURES_KEY, FIGURES_VERSIONED).await?
        && is_current(db, CATALYSEURS_KEY, CATALYSEURS_VERSIONED).await?
    {
        return Ok(DocumentsOutcome {
            figures: SeedOutcome::AlreadyCurrent,
            catalyseurs: SeedOutcome::AlreadyCurrent,
            outils,
        });
    }
    let context = figure_context(db).await?;
    let figures = seed_kind::<KeyFigure>(
        db,
        documents::KEY_FIGURE,
        FIGURES_KEY,
        FIGURES_VERSIONED,
        FIGURES_CSV,
        &context,
        now,
    )
    .await?;
    let catalyseurs = seed_kind::<Catalyseur>(
        db,
        documents::CATALYSEUR,
        CATALYSEURS_KEY,
        CATALYSEURS_VERSIONED,
        CATALYSEURS_CSV,
        &context.referential,
        now,
    )
    .await?;
    Ok(DocumentsOutcome {
        figures,
        catalyseurs,
        outils,
    })
}

const FIGURES_KEY: &str = "amorce_chiffres_version";
const FIGURES_VERSIONED: &[&[u8]] = &[FIGURES_CSV.as_bytes(), POPULATIONS_CSV.as_bytes()];
const CATALYSEURS_KEY: &str = "amorce_catalyseurs_version";
const CATALYSEURS_VERSIONED: &[&[u8]] = &[CATALYSEURS_CSV.as_bytes()];
const OUTILS_KEY: &str = "amorce_outils_version";
const OUTILS_VERSIONED: &[&[u8]] = &[OUTILS_CSV.as_bytes()];

/// Whether the database already holds this version of a seed file.
async fn is_current(db: &Db, key: &str, versioned: &[&[u8]]) -> Result<bool> {
    Ok(meta::get(db, key).await?.as_deref() == Some(fingerprint(versioned).as_str()))
}

async fn seed_kind<R: Record + DeserializeOwned + Serialize>(
    db: &Db,
    genre: &str,
    key: &str,
    versioned: &[&[u8]],
    csv: &str,
    context: &R::Context,
    now: i64,
) -> Result<SeedOutcome> {
    if is_current(db, key, versioned).await? {
        return Ok(SeedOutcome::AlreadyCurrent);
    }
    let version = fingerprint(versioned);
    let parsed =
        exchange::read_records::<R>(Format::Csv, csv.as_bytes(), context).map_err(|errs| {
            StoreError::Reference(format!(
                "{genre} d'amorce invalides : {}",
                errs.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ; ")
            ))
        })?;
    let ids: Vec<String> = parsed.iter().map(|(_, r)| r.id().to_owned()).collect();
    let replaced: HashSet<String> = documents::by_ids::<serde_json::Value>(db, genre, &ids)
        .await?
        .into_iter()
        .filter(|s| s.origine != SEED_ORIGIN)
        .filter_map(|s| {
            s.record
                .get(R::JSON_ID)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        })
        .collect();
    let records: Vec<R> = parsed
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| !replaced.contains(r.id()))
        .collect();
    let outcome = documents::upsert_all(db, genre, &records, SEED_ORIGIN, None, now).await?;
    meta::set(db, key, &version).await?;
    Ok(SeedOutcome::Loaded(outcome))
}

/// The ids (first column) of the records shipped in data/: what content files may link to.
#[derive(Debug, Default, Clone)]
pub struct SeedIds {
    pub alliances: HashSet<String>,
    pub chiffres: HashSet<String>,
    pub catalyseurs: HashSet<String>,
    pub outils: HashSet<String>,
}

/// Reads the ids of every seed table (once per call; a few milliseconds).
#[must_use]
pub fn seed_ids() -> SeedIds {
    fn ids(text: &str) -> HashSet<String> {
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .filter_map(|r| r.ok().and_then(|r| r.get(0).map(str::to_owned)))
            .collect()
    }
    SeedIds {
        alliances: ids(SEED_CSV),
        chiffres: ids(FIGURES_CSV),
        catalyseurs: ids(CATALYSEURS_CSV),
        outils: ids(OUTILS_CSV),
    }
}

/// Number of seed alliances shipped.
pub fn seed_len() -> usize {
    csv::Reader::from_reader(SEED_CSV.as_bytes())
        .records()
        .count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_populations_table_is_valid() {
        let p = super::populations();
        assert_eq!(p.len(), 17);
        alliances_domain::figure::check_populations(p).unwrap();
    }
}
