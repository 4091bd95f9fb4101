//! The database side of a copy: the catalog, a snapshot read inside one transaction, and a
//! target written inside one transaction and checked before it commits.

use futures_util::TryStreamExt;
use sqlx::{AssertSqlSafe, Row};

use super::{BATCH, Cell, Sink, Sum, TABLES, Table, Tally, refuse};
use crate::{Db, Result, Tx, migrate, on_tx};

/// The two column types the schema uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Int,
    Text,
}

/// A table as a database holds it: columns with their kind, and the column the database
/// numbers itself (a change log's `seq`), whose counter a restore must move on.
struct Shape {
    columns: Vec<(String, Kind)>,
    identity: Option<String>,
}

fn quoted(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Refuses a database this binary would have to migrate first.
pub(super) async fn ensure_current(db: &Db, which: &str) -> Result<()> {
    let pending = migrate::pending(db).await?;
    if pending.is_empty() {
        Ok(())
    } else {
        Err(refuse(format!(
            "{which} n'a pas le schéma de cette version d'alliances (migrations en attente : {pending:?}) : lancez d'abord « alliances migrate » sur elle"
        )))
    }
}

async fn table_names(tx: &mut Tx) -> Result<Vec<String>> {
    Ok(match tx {
        Tx::Sqlite(t) => {
            sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'",
            )
            .fetch_all(&mut **t)
            .await?
        }
        Tx::Pg(t) => {
            sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                 AND table_name <> 'schema_migrations'",
            )
            .fetch_all(&mut **t)
            .await?
        }
    })
}

async fn shape(tx: &mut Tx, table: &str) -> Result<Shape> {
    let rows: Vec<(String, String, bool)> = match tx {
        Tx::Sqlite(t) => {
            let cols: Vec<(String, String, i64)> =
                sqlx::query_as("SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid")
                    .bind(table)
                    .fetch_all(&mut **t)
                    .await?;
            let sql: Option<String> = sqlx::query_scalar(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $1",
            )
            .bind(table)
            .fetch_optional(&mut **t)
            .await?;
            let numbered = sql.is_some_and(|s| s.to_uppercase().contains("AUTOINCREMENT"));
            cols.into_iter()
                .map(|(name, ty, pk)| (name, ty, numbered && pk == 1))
                .collect()
        }
        Tx::Pg(t) => {
            sqlx::query_as(
                "SELECT column_name::text, data_type::text, is_identity = 'YES' \
                 FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                 ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(&mut **t)
            .await?
        }
    };
    if rows.is_empty() {
        return Err(refuse(format!("la table {table} est absente de la base")));
    }
    let mut columns = Vec::with_capacity(rows.len());
    let mut identity = None;
    for (name, ty, numbered) in rows {
        let upper = ty.to_uppercase();
        let kind = if upper.contains("INT") {
            Kind::Int
        } else if upper.contains("TEXT") {
            Kind::Text
        } else {
            return Err(refuse(format!(
                "table {table}, colonne {name} : type « {ty} » que la copie ne sait pas lire"
            )));
        };
        if numbered {
            identity = Some(name.clone());
        }
        columns.push((name, kind));
    }
    Ok(Shape { columns, identity })
}

/// Decodes a row of `$shape` from a row of either back-end.
macro_rules! decode {
    ($row:expr, $shape:expr) => {{
        let mut cells = Vec::with_capacity($shape.columns.len());
        for (i, (_, kind)) in $shape.columns.iter().enumerate() {
            cells.push(match kind {
                Kind::Int => $row
                    .try_get::<Option<i64>, _>(i)?
                    .map_or(Cell::Null, Cell::Int),
                Kind::Text => $row
                    .try_get::<Option<String>, _>(i)?
                    .map_or(Cell::Null, Cell::Text),
            });
        }
        cells
    }};
}

/// Streams one table to `sink` in batches; returns its count and checksum.
async fn pass(tx: &mut Tx, name: &str, sink: &mut impl Sink) -> Result<Tally> {
    let shape = shape(tx, name).await?;
    let table = Table {
        name: name.to_owned(),
        columns: shape.columns.iter().map(|c| c.0.clone()).collect(),
    };
    sink.begin_table(&table).await?;
    let sql = format!("SELECT {} FROM {name}", quoted(&table.columns));
    let mut sum = Sum::default();
    let mut batch = Vec::with_capacity(BATCH);
    on_tx!(tx, c => {
        let mut rows = sqlx::query(AssertSqlSafe(sql)).fetch(&mut *c);
        while let Some(row) = rows.try_next().await? {
            let cells = decode!(row, shape);
            sum.add(&cells);
            batch.push(cells);
            if batch.len() == BATCH {
                sink.rows(&table, &batch).await?;
                batch.clear();
            }
        }
    });
    if !batch.is_empty() {
        sink.rows(&table, &batch).await?;
    }
    let tally = sum.tally(name);
    sink.end_table(&tally).await?;
    Ok(tally)
}

/// Reads every table of `db` inside one transaction — a consistent snapshot while servers
/// write (SQLite's WAL, PostgreSQL's repeatable read) — and streams it to `sink`.
pub(super) async fn snapshot(db: &Db, sink: &mut impl Sink) -> Result<Vec<Tally>> {
    let mut tx = match db {
        Db::Sqlite(s) => Tx::Sqlite(s.read.begin().await?),
        Db::Pg(p) => {
            let mut t = p.begin().await?;
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(&mut *t)
                .await?;
            Tx::Pg(t)
        }
    };
    if let Some(extra) = table_names(&mut tx)
        .await?
        .into_iter()
        .find(|t| !TABLES.contains(&t.as_str()))
    {
        return Err(refuse(format!(
            "la table {extra} n'est pas prévue par la copie : cette version d'alliances ne saurait pas la restaurer"
        )));
    }
    let mut tallies = Vec::with_capacity(TABLES.len());
    for name in TABLES {
        tallies.push(pass(&mut tx, name, sink).await?);
    }
    Ok(tallies)
}

/// A sink that keeps nothing: counting and summing only.
struct Discard;

impl Sink for Discard {
    async fn begin_table(&mut self, _: &Table) -> Result<()> {
        Ok(())
    }
    async fn rows(&mut self, _: &Table, _: &[Vec<Cell>]) -> Result<()> {
        Ok(())
    }
    async fn end_table(&mut self, _: &Tally) -> Result<()> {
        Ok(())
    }
}

/// The count and checksum of every table of `db`, read in one snapshot.
pub async fn tallies(db: &Db) -> Result<Vec<Tally>> {
    snapshot(db, &mut Discard).await
}

/// Most values bound in one statement. SQLite allows 32 766, but looking a numbered
/// parameter up costs its position, so a statement's binding grows with the square of its
/// parameters: 30 000 made a seeded round trip 42 % slower than this (perf, debug build).
const MAX_BINDS: usize = 1_000;

/// A database receiving tables, inside one transaction.
pub(super) struct Target {
    tx: Tx,
    /// The table being written: its columns' kinds in the source's order, and the start of
    /// its INSERT statement.
    current: Option<(Vec<Kind>, String)>,
    numbered: Vec<(String, String)>,
}

impl Target {
    /// Migrates `db`, opens its transaction and makes sure it is empty (or empties it when
    /// `replace`).
    pub(super) async fn open(db: &Db, replace: bool) -> Result<Target> {
        migrate::run(db).await?;
        let mut tx = Tx::begin_write(db).await?;
        let mut held = Vec::new();
        for name in TABLES {
            let sql = format!("SELECT COUNT(*) FROM {name}");
            let n: i64 = on_tx!(&mut tx, c =>
                sqlx::query_scalar(AssertSqlSafe(sql)).fetch_one(&mut *c).await?);
            if n > 0 {
                held.push(format!("{name} ({n} ligne(s))"));
            }
        }
        if !held.is_empty() {
            if !replace {
                return Err(refuse(format!(
                    "la base cible n'est pas vide : {} ; ajoutez --remplacer pour effacer son contenu et le remplacer",
                    held.join(", ")
                )));
            }
            for name in TABLES.iter().rev() {
                let sql = format!("DELETE FROM {name}");
                on_tx!(&mut tx, c => {
                    sqlx::query(AssertSqlSafe(sql)).execute(&mut *c).await?;
                });
            }
        }
        Ok(Target {
            tx,
            current: None,
            numbered: Vec::new(),
        })
    }

    /// Checks every table against what the source stated, moves the counters of numbered
    /// columns past the rows copied, and commits; on any difference, nothing is kept.
    pub(super) async fn finish(mut self, stated: &[Tally]) -> Result<()> {
        let mut differences = Vec::new();
        for expected in stated {
            let found = pass(&mut self.tx, &expected.table, &mut Discard).await?;
            if &found != expected {
                differences.push(format!(
                    "{} : attendu {} ligne(s) et la somme {}, trouvé {} ligne(s) et {}",
                    expected.table, expected.lignes, expected.somme, found.lignes, found.somme
                ));
            }
        }
        if !differences.is_empty() {
            return Err(refuse(format!(
                "la base cible ne correspond pas à la source, rien n'a été écrit : {}",
                differences.join(" ; ")
            )));
        }
        for (table, column) in std::mem::take(&mut self.numbered) {
            match &mut self.tx {
                Tx::Sqlite(t) => {
                    sqlx::query("DELETE FROM sqlite_sequence WHERE name = $1")
                        .bind(&table)
                        .execute(&mut **t)
                        .await?;
                    let sql = format!(
                        "INSERT INTO sqlite_sequence (name, seq) SELECT $1, MAX({column}) FROM {table} HAVING COUNT(*) > 0"
                    );
                    sqlx::query(AssertSqlSafe(sql))
                        .bind(&table)
                        .execute(&mut **t)
                        .await?;
                }
                Tx::Pg(t) => {
                    let sql = format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL) FROM {table}"
                    );
                    sqlx::query(AssertSqlSafe(sql)).execute(&mut **t).await?;
                }
            }
        }
        self.tx.commit().await
    }
}

impl Sink for Target {
    async fn begin_table(&mut self, table: &Table) -> Result<()> {
        if !TABLES.contains(&table.name.as_str()) {
            return Err(refuse(format!(
                "la table {} n'existe pas dans cette version d'alliances",
                table.name
            )));
        }
        let shape = shape(&mut self.tx, &table.name).await?;
        let mut kinds = Vec::with_capacity(table.columns.len());
        for column in &table.columns {
            let Some((_, kind)) = shape.columns.iter().find(|(c, _)| c == column) else {
                return Err(refuse(format!(
                    "table {}, colonne {column} : absente de la base cible",
                    table.name
                )));
            };
            kinds.push(*kind);
        }
        if kinds.len() != shape.columns.len() {
            let missing: Vec<&str> = shape
                .columns
                .iter()
                .map(|(c, _)| c.as_str())
                .filter(|c| !table.columns.iter().any(|t| t == c))
                .collect();
            return Err(refuse(format!(
                "table {} : la source ne donne pas la ou les colonnes {}",
                table.name,
                missing.join(", ")
            )));
        }
        let overriding = match (&self.tx, &shape.identity) {
            (Tx::Pg(_), Some(_)) => " OVERRIDING SYSTEM VALUE",
            _ => "",
        };
        if let Some(column) = shape.identity {
            self.numbered.push((table.name.clone(), column));
        }
        let insert = format!(
            "INSERT INTO {} ({}){overriding} VALUES ",
            table.name,
            quoted(&table.columns)
        );
        self.current = Some((kinds, insert));
        Ok(())
    }

    async fn rows(&mut self, table: &Table, rows: &[Vec<Cell>]) -> Result<()> {
        let Some((kinds, insert)) = &self.current else {
            return Err(refuse("des lignes arrivent avant leur table"));
        };
        let per_statement = (MAX_BINDS / kinds.len().max(1)).max(1);
        for chunk in rows.chunks(per_statement) {
            let mut sql = insert.clone();
            let mut n = 0;
            for (r, row) in chunk.iter().enumerate() {
                if row.len() != kinds.len() {
                    return Err(refuse(format!(
                        "table {} : une ligne a {} valeur(s) pour {} colonne(s)",
                        table.name,
                        row.len(),
                        kinds.len()
                    )));
                }
                sql.push_str(if r == 0 { "(" } else { ", (" });
                for i in 0..row.len() {
                    n += 1;
                    sql.push_str(&format!("{}${n}", if i == 0 { "" } else { ", " }));
                }
                sql.push(')');
            }
            on_tx!(&mut self.tx, c => {
                let mut q = sqlx::query(AssertSqlSafe(sql));
                for row in chunk {
                    for ((cell, kind), column) in row.iter().zip(kinds).zip(&table.columns) {
                        q = match (kind, cell) {
                            (Kind::Int, Cell::Int(i)) => q.bind(Some(*i)),
                            (Kind::Int, Cell::Null) => q.bind(None::<i64>),
                            (Kind::Text, Cell::Text(s)) => q.bind(Some(s.clone())),
                            (Kind::Text, Cell::Null) => q.bind(None::<String>),
                            (Kind::Int, Cell::Text(_)) | (Kind::Text, Cell::Int(_)) => {
                                return Err(refuse(format!(
                                    "table {}, colonne {column} : {} attendu",
                                    table.name,
                                    if *kind == Kind::Int { "un nombre entier" } else { "un texte" }
                                )));
                            }
                        };
                    }
                }
                q.execute(&mut *c).await?;
            });
        }
        Ok(())
    }

    async fn end_table(&mut self, _: &Tally) -> Result<()> {
        self.current = None;
        Ok(())
    }
}
