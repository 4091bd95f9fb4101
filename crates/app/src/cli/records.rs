//! `alliances export KIND`, for every kind of record: alliances, key figures (`chiffres`),
//! catalyseurs and tools (`outils`); what `import` shares with it (the kinds, opening the
//! database). The import itself: `import.rs`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, bail};
use serde::Serialize;
use serde::de::DeserializeOwned;

use alliances_domain::alliance::Alliance;
use alliances_domain::catalyseur::{COLUMNS as CATALYSEUR_COLUMNS, Catalyseur};
use alliances_domain::figure::{KeyFigure, OPTIONAL_COLUMNS, REQUIRED_COLUMNS};
use alliances_domain::outil::{self, Outil};
use alliances_domain::territory::Level;
use alliances_store::exchange::{self, Format};
use alliances_store::{
    Db, alliances as store, documents, migrate, redact_url, reference, seed, territoires,
};
use alliances_web::opendata::alliances::Places;
use alliances_web::opendata::dump::{Dump, Shape};
use alliances_web::state::Directory;

use crate::config::Config;

/// The kinds of records the command line imports and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Alliances,
    Chiffres,
    Catalyseurs,
    Outils,
}

impl Kind {
    pub(super) fn noun(self) -> &'static str {
        match self {
            Kind::Alliances => "alliance(s)",
            Kind::Chiffres => "chiffre(s) clé(s)",
            Kind::Catalyseurs => "catalyseur(s)",
            Kind::Outils => "outil(s)",
        }
    }

    /// Formats a file of this kind may be imported from.
    pub(super) fn import_formats(self) -> &'static [Format] {
        match self {
            Kind::Alliances | Kind::Outils => &[Format::Csv, Format::Json, Format::Xlsx],
            Kind::Chiffres | Kind::Catalyseurs => &[Format::Csv, Format::Xlsx],
        }
    }
}

pub(super) async fn open(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url, &super::connect_options(config))
        .await
        .with_context(|| format!("connexion à {}", redact_url(&config.database_url)))?;
    // The file is checked against the reference data, and the seed goes first so that a
    // later start never overwrites what this import brings.
    let now = clock_now();
    migrate::run(&db).await?;
    reference::ensure_loaded(&db).await?;
    seed::ensure_seeded(&db, now).await?;
    seed::ensure_documents_seeded(&db, now).await?;
    Ok(db)
}

/// The command line is an edge: it reads the clock once per command.
pub(super) fn clock_now() -> i64 {
    alliances_web::clock::Clock::System.now()
}

/// The place names an export writes beside the codes.
struct Named {
    directory: Directory,
    regions: Vec<alliances_domain::territory::Territory>,
    departements: Vec<alliances_domain::territory::Territory>,
    coms: Vec<alliances_domain::territory::Territory>,
}

impl Named {
    async fn load(db: &Db) -> anyhow::Result<Named> {
        Ok(Named {
            directory: Directory::new(
                territoires::all(db, Level::Commune).await?,
                territoires::all(db, Level::Epci).await?,
            ),
            regions: territoires::all(db, Level::Region).await?,
            departements: territoires::all(db, Level::Departement).await?,
            coms: territoires::all(db, Level::CollectiviteOutreMer).await?,
        })
    }

    fn places(&self) -> Places<'_> {
        Places {
            directory: &self.directory,
            regions: &self.regions,
            departements: &self.departements,
            coms: &self.coms,
        }
    }
}

/// Every stored record of a kind (not alliances).
async fn stored<R: DeserializeOwned>(db: &Db, genre: &str) -> anyhow::Result<Vec<R>> {
    Ok(documents::all(db, genre)
        .await?
        .into_iter()
        .map(|s| s.record)
        .collect())
}

/// A table (CSV or XLSX) of rows, or JSON of records.
fn table(
    format: Format,
    sheet: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        Format::Csv => {
            let mut out = Vec::new();
            exchange::write_csv(&mut out, header, rows, true)?;
            out
        }
        Format::Xlsx => exchange::write_xlsx(sheet, header, rows)?,
        _ => bail!("format non pris en charge ici"),
    })
}

/// The values of a record's columns, in order.
fn values(columns: Vec<(&'static str, String)>) -> Vec<String> {
    columns.into_iter().map(|(_, v)| v).collect()
}

/// The export of records of one kind: JSON, or a table of their columns.
fn body_of<R: Serialize>(
    format: Format,
    licence: &str,
    sheet: &str,
    header: &[&str],
    records: &[R],
    row: impl Fn(&R) -> Vec<String>,
) -> anyhow::Result<Vec<u8>> {
    match format {
        Format::Json => json_of(licence, records),
        _ => table(format, sheet, header, records.iter().map(row)),
    }
}

fn json_of<T: Serialize>(licence: &str, records: &[T]) -> anyhow::Result<Vec<u8>> {
    Ok(serde_json::to_vec_pretty(&serde_json::json!({
        "licence": licence,
        "total": records.len(),
        "resultats": records,
    }))?)
}

/// The output file (created) or standard output, buffered.
fn writer(output: Option<&Path>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("écriture de « {} »", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

pub async fn export(
    config: Config,
    kind: Kind,
    format: &str,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let allowed: &[Format] = match kind {
        Kind::Alliances => &[
            Format::Csv,
            Format::Json,
            Format::Geojson,
            Format::Xlsx,
            Format::JsonLd,
        ],
        Kind::Chiffres | Kind::Catalyseurs | Kind::Outils => {
            &[Format::Csv, Format::Json, Format::Xlsx]
        }
    };
    let Some(format) = Format::parse(format).filter(|f| allowed.contains(f)) else {
        bail!(
            "format « {format} » non pris en charge : choisissez {}",
            allowed
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        );
    };
    let db = open(&config).await?;
    let named = Named::load(&db).await?;
    let licence = config
        .open_data_licence
        .clone()
        .unwrap_or_else(|| alliances_web::DEFAULT_LICENCE.to_owned());
    let places = named.places();
    let (count, body) = match kind {
        Kind::Alliances if format != Format::Xlsx => {
            let shape = match format {
                Format::Json => Shape::Json,
                Format::Geojson => Shape::Geojson,
                Format::JsonLd => Shape::Jsonld,
                _ => Shape::Csv,
            };
            let base = config.public_url.clone().unwrap_or_default();
            let mut dump = Dump::new(shape, places, &base, &licence);
            let mut out = writer(output)?;
            while let Some(bytes) = dump.next_piece(&db).await? {
                out.write_all(&bytes).context("écriture de l'export")?;
            }
            out.flush().context("écriture de l'export")?;
            let count = dump.written();
            db.close().await;
            if let Some(path) = output {
                eprintln!(
                    "{count} {} exporté(s) dans « {} ».",
                    kind.noun(),
                    path.display()
                );
            }
            return Ok(());
        }
        Kind::Alliances => {
            // XLSX: a zip whose sheet is compressed whole, built in memory.
            let records: Vec<Alliance> = store::all(&db)
                .await?
                .into_iter()
                .map(|s| s.alliance)
                .collect();
            let rows =
                || exchange::alliance_rows(records.iter().map(|a| (a, places.region_names(a))));
            let body = table(format, "alliances", &exchange::columns(), rows())?;
            (records.len(), body)
        }
        Kind::Chiffres => {
            let context = seed::figure_context(&db).await?;
            let records: Vec<KeyFigure> = stored(&db, documents::KEY_FIGURE).await?;
            let header: Vec<&str> = REQUIRED_COLUMNS
                .iter()
                .chain(OPTIONAL_COLUMNS.iter())
                .copied()
                .collect();
            let body = body_of(format, &licence, "chiffres-cles", &header, &records, |f| {
                values(f.to_columns(&context))
            })?;
            (records.len(), body)
        }
        Kind::Catalyseurs => {
            let records: Vec<Catalyseur> = stored(&db, documents::CATALYSEUR).await?;
            let body = body_of(
                format,
                &licence,
                "catalyseurs",
                &CATALYSEUR_COLUMNS,
                &records,
                |c| values(c.to_columns(&places.region_names_of(c.places()))),
            )?;
            (records.len(), body)
        }
        Kind::Outils => {
            let records: Vec<Outil> = stored(&db, documents::OUTIL).await?;
            let header: Vec<&str> = outil::COLUMNS
                .iter()
                .chain(outil::EXTRA_COLUMNS.iter())
                .copied()
                .collect();
            let body = body_of(format, &licence, "outils", &header, &records, |o| {
                values(o.to_columns())
            })?;
            (records.len(), body)
        }
    };
    db.close().await;
    match output {
        Some(path) => {
            std::fs::write(path, &body)
                .with_context(|| format!("écriture de « {} »", path.display()))?;
            eprintln!(
                "{count} {} exporté(s) dans « {} ».",
                kind.noun(),
                path.display()
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&body)?;
            out.flush()?;
        }
    }
    Ok(())
}
