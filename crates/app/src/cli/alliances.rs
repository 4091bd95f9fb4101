//! `alliances import alliances FILE` and `alliances export alliances`.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context as _, bail};

use alliances_domain::territory::Level;
use alliances_store::exchange::{self, Format};
use alliances_store::{Db, alliances as store, migrate, redact_url, reference, seed, territoires};
use alliances_web::features::exemples::export::{Places, jsonld};
use alliances_web::state::Directory;

use crate::config::Config;

/// Exit code when the file is refused (nothing written).
pub const EXIT_INVALID: u8 = 3;

async fn open(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url, &super::connect_options(config))
        .await
        .with_context(|| format!("connexion à {}", redact_url(&config.database_url)))?;
    // The file is checked against the reference data, and the seed goes first so that a
    // later start never overwrites what this import brings.
    migrate::run(&db).await?;
    reference::ensure_loaded(&db).await?;
    seed::ensure_seeded(&db, now()).await?;
    Ok(db)
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

/// Outcome of an import, for the exit code.
pub enum Imported {
    Done,
    Refused,
}

pub async fn import(
    config: Config,
    file: &Path,
    format: Option<&str>,
    par: Option<&str>,
    dry_run: bool,
) -> anyhow::Result<Imported> {
    let name = file.display().to_string();
    let format = match format {
        Some(f) => Format::parse(f),
        None => Format::of_path(&name),
    }
    .with_context(|| {
        format!("format de « {name} » inconnu : utilisez --format csv, json ou xlsx, ou une extension .csv, .json ou .xlsx")
    })?;
    let bytes = std::fs::read(file).with_context(|| format!("lecture de « {name} »"))?;
    let db = open(&config).await?;
    let referential = seed::referential(&db).await?;
    let tty = std::io::stderr().is_terminal();
    if tty {
        eprint!("Lecture et validation de « {name} »…");
    }
    let parsed = exchange::read(format, &bytes, &referential);
    if tty {
        eprintln!();
    }
    let records = match parsed {
        Ok(p) => p,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!(
                "Import refusé : {} erreur(s) dans « {name} ». Rien n'a été écrit ; corrigez le fichier et relancez.",
                errors.len()
            );
            db.close().await;
            return Ok(Imported::Refused);
        }
    };
    let records: Vec<_> = records.into_iter().map(|(_, a)| a).collect();
    if dry_run {
        println!(
            "Vérification réussie : {} alliance(s) valide(s) dans « {name} ». Rien n'a été écrit (--dry-run).",
            records.len()
        );
        db.close().await;
        return Ok(Imported::Done);
    }
    let origin = Path::new(&name)
        .file_name()
        .map_or_else(|| name.clone(), |f| f.to_string_lossy().into_owned());
    let progress = |done: usize, total: usize| {
        if tty {
            eprint!("\rÉcriture : {done} / {total} alliances");
            let _ = std::io::stderr().flush();
        }
    };
    let user = par
        .map(str::to_owned)
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .filter(|u| !u.trim().is_empty());
    let outcome =
        store::upsert_all_with_progress(&db, &records, &origin, user.as_deref(), now(), &progress)
            .await?;
    if tty {
        eprintln!();
    }
    println!(
        "Import terminé : {} créée(s), {} mise(s) à jour, {} inchangée(s). Les serveurs en cours d'exécution les rendent cherchables dans les secondes qui suivent.",
        outcome.created, outcome.updated, outcome.unchanged
    );
    db.close().await;
    Ok(Imported::Done)
}

pub async fn export(config: Config, format: &str, output: Option<&Path>) -> anyhow::Result<()> {
    let Some(format) = Format::parse(format) else {
        bail!("format « {format} » inconnu : choisissez csv, json, geojson, xlsx ou jsonld");
    };
    let db = open(&config).await?;
    let records: Vec<_> = store::all(&db)
        .await?
        .into_iter()
        .map(|s| s.alliance)
        .collect();
    let directory = Directory::new(
        territoires::all(&db, Level::Commune).await?,
        territoires::all(&db, Level::Epci).await?,
    );
    let regions = territoires::all(&db, Level::Region).await?;
    let departements = territoires::all(&db, Level::Departement).await?;
    db.close().await;
    let places = Places {
        directory: &directory,
        regions: &regions,
        departements: &departements,
    };
    let licence = config
        .open_data_licence
        .clone()
        .unwrap_or_else(|| alliances_web::DEFAULT_LICENCE.to_owned());
    let base = config.public_url.clone().unwrap_or_default();
    let refs: Vec<&alliances_domain::alliance::Alliance> = records.iter().collect();
    let body: Vec<u8> = match format {
        Format::Csv => {
            let mut out = Vec::new();
            exchange::write_csv(
                &mut out,
                refs.iter().map(|a| (*a, places.region_names(a))),
                true,
            )?;
            out
        }
        Format::Xlsx => exchange::write_xlsx(refs.iter().map(|a| (*a, places.region_names(a))))?,
        Format::Json => serde_json::to_vec_pretty(&serde_json::json!({
            "licence": licence,
            "total": refs.len(),
            "resultats": refs,
        }))?,
        Format::Geojson => serde_json::to_vec_pretty(&places.geojson(&refs, &base, &licence))?,
        Format::JsonLd => serde_json::to_vec_pretty(&jsonld(&refs, &base, &licence))?,
    };
    match output {
        Some(path) => {
            std::fs::write(path, &body)
                .with_context(|| format!("écriture de « {} »", path.display()))?;
            eprintln!(
                "{} alliance(s) exportée(s) dans « {} ».",
                refs.len(),
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
