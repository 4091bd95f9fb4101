//! The file side: writing a snapshot as gzip-compressed JSON lines, and reading one back
//! into a database with every problem named by its line.

use std::io::{BufRead, BufReader, Read, Write};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};

use super::db::{Target, ensure_current, snapshot};
use super::{BATCH, Cell, Sink, Sum, TABLES, Table, Tally, refuse, schema_version};
use crate::{Backend, Db, Result};

const FORMAT: &str = "alliances-sauvegarde";
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    format: String,
    version: u32,
    schema: i64,
    /// The back-end it was taken from: `sqlite` or `postgres`.
    source: String,
    /// When it was taken, in seconds since 1970 (UTC).
    cree_le: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableLine {
    table: String,
    colonnes: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EndLine {
    fin: String,
    lignes: u64,
    somme: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DoneLine {
    fin_sauvegarde: usize,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Line {
    Row(Vec<Cell>),
    Table(TableLine),
    End(EndLine),
    Done(DoneLine),
}

struct FileSink<W: Write> {
    out: W,
}

impl<W: Write> FileSink<W> {
    fn line(&mut self, value: &impl Serialize) -> Result<()> {
        serde_json::to_writer(&mut self.out, value)
            .map_err(|e| refuse(format!("écriture de la sauvegarde : {e}")))?;
        self.out
            .write_all(b"\n")
            .map_err(|e| refuse(format!("écriture de la sauvegarde : {e}")))
    }
}

impl<W: Write> Sink for FileSink<W> {
    async fn begin_table(&mut self, table: &Table) -> Result<()> {
        self.line(&TableLine {
            table: table.name.clone(),
            colonnes: table.columns.clone(),
        })
    }

    async fn rows(&mut self, _: &Table, rows: &[Vec<Cell>]) -> Result<()> {
        for row in rows {
            self.line(row)?;
        }
        Ok(())
    }

    async fn end_table(&mut self, tally: &Tally) -> Result<()> {
        self.line(&EndLine {
            fin: tally.table.clone(),
            lignes: tally.lignes,
            somme: tally.somme.clone(),
        })
    }
}

/// Writes a consistent snapshot of every table of `db` to `out` (taken at `now`, seconds
/// since 1970); returns each table's count and checksum.
pub async fn save(db: &Db, out: impl Write, now: i64) -> Result<Vec<Tally>> {
    ensure_current(db, "la base à sauvegarder").await?;
    let mut sink = FileSink {
        out: GzEncoder::new(out, Compression::fast()),
    };
    sink.line(&Header {
        format: FORMAT.into(),
        version: VERSION,
        schema: schema_version(),
        source: match db.backend() {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
        .into(),
        cree_le: now,
    })?;
    let tallies = snapshot(db, &mut sink).await?;
    sink.line(&DoneLine {
        fin_sauvegarde: tallies.len(),
    })?;
    sink.out
        .finish()
        .and_then(|mut w| w.flush())
        .map_err(|e| refuse(format!("écriture de la sauvegarde : {e}")))?;
    Ok(tallies)
}

/// Reads a backup into `db` (migrated first), all or nothing: every table checked against
/// the counts and checksums the file states before anything is committed. A database
/// holding rows is refused unless `replace`.
pub async fn restore(db: &Db, input: impl Read, replace: bool) -> Result<Vec<Tally>> {
    let mut lines = BufReader::new(GzDecoder::new(input)).lines();
    let mut number = 0usize;
    let mut next = move || -> Result<Option<(usize, String)>> {
        number += 1;
        match lines.next() {
            None => Ok(None),
            Some(Ok(line)) => Ok(Some((number, line))),
            Some(Err(e)) => Err(refuse(format!(
                "ligne {number} : fichier de sauvegarde illisible ({e}) ; rien n'a été restauré"
            ))),
        }
    };
    let Some((_, first)) = next()? else {
        return Err(refuse("le fichier de sauvegarde est vide"));
    };
    let header: Header = serde_json::from_str(&first).map_err(|_| {
        refuse("ligne 1 : ce fichier n'est pas une sauvegarde d'alliances (en-tête illisible)")
    })?;
    if header.format != FORMAT || header.version != VERSION {
        return Err(refuse(format!(
            "ligne 1 : format « {} » version {} inconnu ; attendu « {FORMAT} » version {VERSION}",
            header.format, header.version
        )));
    }
    if header.schema != schema_version() {
        return Err(refuse(format!(
            "la sauvegarde a le schéma {}, cette version d'alliances le schéma {} : restaurez-la avec la version qui l'a faite, puis mettez à jour",
            header.schema,
            schema_version()
        )));
    }
    let mut target = Target::open(db, replace).await?;
    let mut stated: Vec<Tally> = Vec::new();
    let mut open: Option<(Table, Sum, Vec<Vec<Cell>>)> = None;
    let mut last = 1;
    loop {
        let Some((n, text)) = next()? else {
            return Err(refuse(format!(
                "le fichier s'arrête après la ligne {last}, avant sa dernière ligne : il est tronqué ; rien n'a été restauré"
            )));
        };
        last = n;
        let line: Line = serde_json::from_str(&text).map_err(|_| {
            refuse(format!(
                "ligne {n} : ni une ligne de données ni un repère de table ; rien n'a été restauré"
            ))
        })?;
        match (line, &mut open) {
            (Line::Row(row), Some((table, sum, batch))) => {
                if row.len() != table.columns.len() {
                    return Err(refuse(format!(
                        "ligne {n} : {} valeur(s) pour les {} colonnes de {} ; rien n'a été restauré",
                        row.len(),
                        table.columns.len(),
                        table.name
                    )));
                }
                sum.add(&row);
                batch.push(row);
                if batch.len() == BATCH {
                    target.rows(table, batch).await?;
                    batch.clear();
                }
            }
            (Line::Table(t), None) => {
                if stated.iter().any(|s| s.table == t.table) {
                    return Err(refuse(format!(
                        "ligne {n} : la table {} figure deux fois",
                        t.table
                    )));
                }
                let table = Table {
                    name: t.table,
                    columns: t.colonnes,
                };
                target.begin_table(&table).await?;
                open = Some((table, Sum::default(), Vec::with_capacity(BATCH)));
            }
            (Line::End(end), Some((table, sum, batch))) if end.fin == table.name => {
                if !batch.is_empty() {
                    target.rows(table, batch).await?;
                }
                let read = sum.tally(&table.name);
                let tally = Tally {
                    table: end.fin,
                    lignes: end.lignes,
                    somme: end.somme,
                };
                if read != tally {
                    return Err(refuse(format!(
                        "ligne {n} : la table {} annonce {} ligne(s) et la somme {}, le fichier en contient {} et {} : il a été modifié ou abîmé ; rien n'a été restauré",
                        table.name, tally.lignes, tally.somme, read.lignes, read.somme
                    )));
                }
                target.end_table(&tally).await?;
                stated.push(tally);
                open = None;
            }
            (Line::Done(done), None) => {
                let missing: Vec<&str> = TABLES
                    .iter()
                    .copied()
                    .filter(|t| !stated.iter().any(|s| s.table == *t))
                    .collect();
                if done.fin_sauvegarde != stated.len() || !missing.is_empty() {
                    return Err(refuse(format!(
                        "ligne {n} : il manque la ou les tables {} ; rien n'a été restauré",
                        missing.join(", ")
                    )));
                }
                break;
            }
            (_, Some((table, _, _))) => {
                return Err(refuse(format!(
                    "ligne {n} : attendu une ligne de {} ou sa fin ; rien n'a été restauré",
                    table.name
                )));
            }
            (_, None) => {
                return Err(refuse(format!(
                    "ligne {n} : attendu le début d'une table ; rien n'a été restauré"
                )));
            }
        }
    }
    target.finish(&stated).await?;
    Ok(stated)
}
