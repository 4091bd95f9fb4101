//! `alliances import KIND FILE`, for every kind of record through one pipeline: the file is
//! read as it streams and every row validated into its domain type; alliances are written
//! batch by batch inside one transaction, committed only when the whole file was valid, so
//! that memory does not grow with the file; key figures, catalyseurs and tools (sets of
//! hundreds, with rules between rows for the figures) are read whole, then written at once.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context as _;
use serde::Serialize;
use serde::de::DeserializeOwned;

use alliances_domain::alliance::Alliance;
use alliances_domain::catalyseur::Catalyseur;
use alliances_domain::figure::KeyFigure;
use alliances_domain::outil::Outil;
use alliances_domain::record::Record;
use alliances_store::alliances::{Prepared, Upsert, UpsertOutcome};
use alliances_store::exchange::{self, Format, Input, LineError, RecordStream};
use alliances_store::{Db, documents, seed};

use super::records::{Kind, clock_now, open};
use crate::config::Config;

/// Exit code when the file is refused (nothing written).
pub const EXIT_INVALID: u8 = 3;

/// Alliances read and written per batch.
const BATCH: usize = 2_000;

/// Outcome of an import, for the exit code.
pub enum Imported {
    Done,
    Refused,
}

/// Who writes, from which file, when.
struct Origin {
    file: String,
    par: Option<String>,
    now: i64,
}

/// The records found valid, and what writing them did (none on a dry run); or every error.
type Read = Result<(usize, Option<UpsertOutcome>), Vec<LineError>>;

pub async fn import(
    config: Config,
    kind: Kind,
    file: &Path,
    format: Option<&str>,
    par: Option<&str>,
    dry_run: bool,
) -> anyhow::Result<Imported> {
    let name = file.display().to_string();
    let accepted = kind
        .import_formats()
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(", ");
    let format = match format {
        Some(f) => Format::parse(f),
        None => Format::of_path(&name),
    }
    .filter(|f| kind.import_formats().contains(f))
    .with_context(|| {
        format!("format de « {name} » non pris en charge : utilisez --format ({accepted}) ou un fichier d'extension {accepted}")
    })?;
    let input = std::fs::File::open(file).with_context(|| format!("lecture de « {name} »"))?;
    let db = open(&config).await?;
    let origin = Origin {
        file: Path::new(&name)
            .file_name()
            .map_or_else(|| name.clone(), |f| f.to_string_lossy().into_owned()),
        par: par
            .map(str::to_owned)
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("LOGNAME").ok())
            .filter(|u| !u.trim().is_empty()),
        now: clock_now(),
    };
    let write = (!dry_run).then_some(&origin);
    let tty = std::io::stderr().is_terminal();
    let read = match kind {
        Kind::Alliances => alliances(&db, format, input, write, tty).await?,
        Kind::Chiffres => {
            let context = seed::figure_context(&db).await?;
            whole::<KeyFigure>(&db, documents::KEY_FIGURE, format, input, &context, write).await?
        }
        Kind::Catalyseurs => {
            let context = seed::referential(&db).await?;
            whole::<Catalyseur>(&db, documents::CATALYSEUR, format, input, &context, write).await?
        }
        Kind::Outils => whole::<Outil>(&db, documents::OUTIL, format, input, &(), write).await?,
    };
    db.close().await;
    match read {
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!(
                "Import refusé : {} erreur(s) dans « {name} ». Rien n'a été écrit ; corrigez le fichier et relancez.",
                errors.len()
            );
            Ok(Imported::Refused)
        }
        Ok((count, None)) => {
            println!(
                "Vérification réussie : {count} {} valide(s) dans « {name} ». Rien n'a été écrit (--dry-run).",
                kind.noun()
            );
            Ok(Imported::Done)
        }
        Ok((_, Some(outcome))) => {
            println!(
                "Import terminé : {} créé(s), {} mis à jour, {} inchangé(s). Les serveurs en cours d'exécution les montrent dans les secondes qui suivent.",
                outcome.created, outcome.updated, outcome.unchanged
            );
            Ok(Imported::Done)
        }
    }
}

/// Alliances, streamed: each valid batch written while no error has been seen; at the
/// first error, writing stops and the reading goes on to report every error; the
/// transaction commits only at the end of a valid file. Reading (parsing, validating, turning
/// each record into its stored JSON) runs on a thread of its own, side by side with the
/// writing, a bounded channel of batches between them: at 1 000 000 rows each took half of
/// the import's time when they ran one after the other (docs/PERFORMANCE.md).
async fn alliances(
    db: &Db,
    format: Format,
    input: std::fs::File,
    write: Option<&Origin>,
    tty: bool,
) -> anyhow::Result<Read> {
    let referential = seed::referential(db).await?;
    let writing = write.is_some();
    let (batches, mut received) = tokio::sync::mpsc::channel::<Vec<Prepared>>(2);
    let reader =
        tokio::task::spawn_blocking(move || -> anyhow::Result<Result<usize, Vec<LineError>>> {
            let mut stream =
                match RecordStream::<Alliance>::open(format, Input::File(input), &referential) {
                    Ok(s) => s,
                    Err(errors) => return Ok(Err(errors)),
                };
            let mut read = 0;
            loop {
                let batch = stream.next_batch(BATCH);
                if batch.is_empty() {
                    break;
                }
                read += batch.len();
                if writing && !stream.has_errors() {
                    let prepared = batch
                        .into_iter()
                        .map(|(_, a)| Prepared::new(&a))
                        .collect::<Result<Vec<_>, _>>()?;
                    // The writer stopped on an error of its own, which it reports.
                    anyhow::ensure!(
                        batches.blocking_send(prepared).is_ok(),
                        "écriture interrompue"
                    );
                }
                if tty {
                    eprint!("\rLecture et écriture : {read} alliances");
                    let _ = std::io::stderr().flush();
                }
            }
            if tty && read > 0 {
                eprintln!();
            }
            Ok(stream.finish())
        });
    let mut upsert = match write {
        Some(o) => Some(Upsert::begin(db, &o.file, o.par.as_deref(), o.now).await?),
        None => None,
    };
    while let Some(batch) = received.recv().await {
        if let Some(u) = upsert.as_mut() {
            u.write_prepared(&batch).await?;
        }
    }
    Ok(match reader.await.context("lecture du fichier")?? {
        // Dropped, the transaction is rolled back.
        Err(errors) => Err(errors),
        Ok(count) => Ok((
            count,
            match upsert {
                Some(u) => Some(u.commit().await?),
                None => None,
            },
        )),
    })
}

/// A kind read whole (the rules between its rows need every row), then written at once.
async fn whole<R: Record + DeserializeOwned + Serialize>(
    db: &Db,
    genre: &str,
    format: Format,
    input: std::fs::File,
    context: &R::Context,
    write: Option<&Origin>,
) -> anyhow::Result<Read> {
    let parsed = match RecordStream::<R>::open(format, Input::File(input), context)
        .and_then(exchange::read_all)
    {
        Ok(p) => p,
        Err(errors) => return Ok(Err(errors)),
    };
    let records: Vec<R> = parsed.into_iter().map(|(_, r)| r).collect();
    let Some(o) = write else {
        return Ok(Ok((records.len(), None)));
    };
    let outcome =
        documents::upsert_all(db, genre, &records, &o.file, o.par.as_deref(), o.now).await?;
    Ok(Ok((records.len(), Some(outcome))))
}
