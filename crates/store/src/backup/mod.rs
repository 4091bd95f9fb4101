//! Moving and keeping data: `sauvegarder` (a consistent snapshot of every table, streamed to
//! a file while servers run), `restaurer` (a file back into a database, all or nothing) and
//! `migrer-base` (every table of one database copied into another, SQLite to PostgreSQL).
//!
//! One path for the three: a source streams tables row by row (a database read inside one
//! snapshot transaction, or a backup file), and a sink takes them (a file, or a target
//! database inside one transaction). Every table carries its row count and an
//! order-independent checksum; a target database is checked against them, re-read inside its
//! transaction, before anything is committed. Memory stays bounded: rows go through in
//! batches, never a whole table.
//!
//! The file is gzip-compressed JSON lines: a header, then for each table its columns, its
//! rows as arrays (null, integer or text: the schema holds nothing else) and a closing line
//! with its count and checksum, then a last line. A file cut short is refused.

mod db;
mod file;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{Db, Result, StoreError, migrate};

pub use db::tallies;
pub use file::{restore, save};

/// Every table, parents before children (deleting goes the other way). A table the
/// database has and this list lacks stops a backup: nothing is left out silently.
pub const TABLES: &[&str] = &[
    "meta",
    "odd_objectifs",
    "odd_cibles",
    "odd_indicateurs",
    "territoires",
    "alliances",
    "alliances_journal",
    "documents",
    "documents_journal",
    "collectifs",
    "diagnostics",
    "parcours_groupes",
    "parcours_suivis",
    "parcours_modules",
    "certificats",
    "comptes",
    "sessions",
    "jetons_courriel",
    "jetons_api",
    "comptes_liens",
    "tentatives",
    "journal_actions",
    "propositions",
    "alliances_revisions",
    "documents_revisions",
];

/// Rows handed over at a time.
const BATCH: usize = 500;

/// One value: the schema holds integers and text, either possibly null.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
}

/// A table's count and checksum, as its source stated it or as a database holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub table: String,
    pub lignes: u64,
    /// The sum, modulo 2¹²⁸, of the first 128 bits of each row's SHA-256: independent of
    /// the order rows come in (the two back-ends sort text differently).
    pub somme: String,
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} : {} ligne(s), somme {}",
            self.table, self.lignes, self.somme
        )
    }
}

/// The running count and checksum of a table's rows.
#[derive(Debug, Default)]
struct Sum {
    rows: u64,
    acc: u128,
}

impl Sum {
    fn add(&mut self, row: &[Cell]) {
        let mut h = Sha256::new();
        for cell in row {
            match cell {
                Cell::Null => h.update([0]),
                Cell::Int(i) => {
                    h.update([1]);
                    h.update(i.to_be_bytes());
                }
                Cell::Text(s) => {
                    h.update([2]);
                    h.update((s.len() as u64).to_be_bytes());
                    h.update(s.as_bytes());
                }
            }
        }
        let digest = h.finalize();
        let mut first = [0u8; 16];
        first.copy_from_slice(&digest[..16]);
        self.acc = self.acc.wrapping_add(u128::from_be_bytes(first));
        self.rows += 1;
    }

    fn tally(&self, table: &str) -> Tally {
        Tally {
            table: table.to_owned(),
            lignes: self.rows,
            somme: format!("{:032x}", self.acc),
        }
    }
}

/// A table as a source announces it: its name and its columns in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub name: String,
    pub columns: Vec<String>,
}

/// What takes the tables a source streams.
pub(crate) trait Sink {
    async fn begin_table(&mut self, table: &Table) -> Result<()>;
    async fn rows(&mut self, table: &Table, rows: &[Vec<Cell>]) -> Result<()>;
    async fn end_table(&mut self, tally: &Tally) -> Result<()>;
}

/// The schema version this binary writes and reads: its last migration.
#[must_use]
pub fn schema_version() -> i64 {
    migrate::SQLITE.last().map_or(0, |m| m.version)
}

fn refuse(message: impl Into<String>) -> StoreError {
    StoreError::Copy(message.into())
}

/// Copies every table of `from` into `to` (migrated first), all or nothing, and checks the
/// target against the source's counts and checksums before committing. A target holding
/// rows is refused unless `replace`, which empties it first (in the same transaction).
pub async fn copy(from: &Db, to: &Db, replace: bool) -> Result<Vec<Tally>> {
    db::ensure_current(from, "la base d'origine").await?;
    let mut sink = db::Target::open(to, replace).await?;
    let stated = db::snapshot(from, &mut sink).await?;
    sink.finish(&stated).await?;
    Ok(stated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_ignores_row_order_and_sees_every_value() {
        let a = vec![Cell::Text("x".into()), Cell::Int(1), Cell::Null];
        let b = vec![Cell::Text("y".into()), Cell::Null, Cell::Int(2)];
        let mut one = Sum::default();
        one.add(&a);
        one.add(&b);
        let mut other = Sum::default();
        other.add(&b);
        other.add(&a);
        assert_eq!(one.tally("t"), other.tally("t"));
        // Null, 0 and "" differ; so do ("ab", "c") and ("a", "bc").
        let sums: Vec<Tally> = [
            vec![Cell::Null],
            vec![Cell::Int(0)],
            vec![Cell::Text(String::new())],
            vec![Cell::Text("ab".into()), Cell::Text("c".into())],
            vec![Cell::Text("a".into()), Cell::Text("bc".into())],
        ]
        .iter()
        .map(|row| {
            let mut s = Sum::default();
            s.add(row);
            s.tally("t")
        })
        .collect();
        for (i, x) in sums.iter().enumerate() {
            for y in &sums[i + 1..] {
                assert_ne!(x.somme, y.somme);
            }
        }
    }

    #[test]
    fn cells_read_back_as_written() {
        let row = vec![Cell::Null, Cell::Int(-3), Cell::Text("« é » \"\n".into())];
        let json = serde_json::to_string(&row).unwrap();
        assert_eq!(json, r#"[null,-3,"« é » \"\n"]"#);
        assert_eq!(serde_json::from_str::<Vec<Cell>>(&json).unwrap(), row);
    }
}
