//! Records of every kind but alliances (key figures, catalyseurs, tools), stored as
//! JSON documents keyed by kind and identifier, with one change log. Small collections:
//! each server reads a whole kind into memory and reloads it when the log moves.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::QueryBuilder;

use alliances_domain::record::Record;

use crate::{Db, Result, StoreError, fingerprint, on_read};

/// The kinds stored here, as written in the `genre` column.
pub const KEY_FIGURE: &str = "chiffre";
pub const CATALYSEUR: &str = "catalyseur";
pub const OUTIL: &str = "outil";

/// A stored record with what the database adds to it.
#[derive(Debug, Clone)]
pub struct Stored<R> {
    pub record: R,
    /// Where it was imported from (`amorce`, a file name…).
    pub origine: String,
    pub importe_par: Option<String>,
    pub cree_le: i64,
    pub modifie_le: i64,
}

pub use crate::alliances::UpsertOutcome;

const CHUNK: usize = 400;

type Row = (String, String, String, Option<String>, i64, i64);

fn decode<R: DeserializeOwned>(genre: &str, row: Row) -> Result<Stored<R>> {
    let record = serde_json::from_str(&row.1).map_err(|e| {
        StoreError::Reference(format!(
            "{genre} « {} » illisible dans la base : {e}",
            row.0
        ))
    })?;
    Ok(Stored {
        record,
        origine: row.2,
        importe_par: row.3,
        cree_le: row.4,
        modifie_le: row.5,
    })
}

/// Inserts new records and updates changed ones of kind `genre`, appending one change-log
/// row per write, all in one transaction; unchanged records are not written.
pub async fn upsert_all<R: Record + Serialize>(
    db: &Db,
    genre: &str,
    records: &[R],
    origine: &str,
    par: Option<&str>,
    now: i64,
) -> Result<UpsertOutcome> {
    let mut docs = Vec::with_capacity(records.len());
    for r in records {
        let d = serde_json::to_string(r).map_err(|e| {
            StoreError::Reference(format!(
                "{genre} « {} » : écriture impossible : {e}",
                r.id()
            ))
        })?;
        let f = fingerprint(&[d.as_bytes()]);
        docs.push((d, f));
    }
    macro_rules! run {
        ($pool:expr, $lock:expr) => {{
            let mut tx = $pool.begin().await?;
            if let Some(lock) = $lock {
                // Serialises writers so that change-log numbers commit in order.
                sqlx::query(lock).execute(&mut *tx).await?;
            }
            let existing: Vec<(String, String)> =
                sqlx::query_as("SELECT id, empreinte FROM documents WHERE genre = $1")
                    .bind(genre)
                    .fetch_all(&mut *tx)
                    .await?;
            let existing: std::collections::HashMap<String, String> =
                existing.into_iter().collect();
            let (outcome, writes) = UpsertOutcome::plan(
                records
                    .iter()
                    .zip(&docs)
                    .map(|(r, (doc, fp))| (r.id(), fp.as_str(), (r.id(), doc, fp))),
                &existing,
            );
            for chunk in writes.chunks(CHUNK) {
                let mut qb = QueryBuilder::new(
                    "INSERT INTO documents (genre, id, document, empreinte, origine, importe_par, cree_le, modifie_le) ",
                );
                qb.push_values(chunk, |mut b, (id, doc, fp)| {
                    b.push_bind(genre)
                        .push_bind(*id)
                        .push_bind(*doc)
                        .push_bind(*fp)
                        .push_bind(origine)
                        .push_bind(par)
                        .push_bind(now)
                        .push_bind(now);
                });
                qb.push(
                    " ON CONFLICT (genre, id) DO UPDATE SET document = excluded.document, \
                     empreinte = excluded.empreinte, origine = excluded.origine, \
                     importe_par = excluded.importe_par, modifie_le = excluded.modifie_le",
                );
                qb.build().execute(&mut *tx).await?;
                let mut qb = QueryBuilder::new(
                    "INSERT INTO documents_journal (genre, id, operation, le) ",
                );
                qb.push_values(chunk, |mut b, (id, _, _)| {
                    b.push_bind(genre)
                        .push_bind(*id)
                        .push_bind("ecriture")
                        .push_bind(now);
                });
                qb.build().execute(&mut *tx).await?;
                if outcome.updated > 0 {
                    // A record with a history (a contribution touched it) gets a revision
                    // for this import too; the others keep none until one does.
                    let mut qb = QueryBuilder::new(
                        "INSERT INTO documents_revisions (genre, id, revision, document, le, source) \
                         SELECT d.genre, d.id, (SELECT MAX(r.revision) FROM documents_revisions r \
                         WHERE r.genre = d.genre AND r.id = d.id) + 1, d.document, ",
                    );
                    qb.push_bind(now);
                    qb.push(
                        ", 'import' FROM documents d WHERE EXISTS (SELECT 1 FROM documents_revisions r \
                         WHERE r.genre = d.genre AND r.id = d.id) AND d.genre = ",
                    );
                    qb.push_bind(genre);
                    qb.push(" AND d.id IN (");
                    let mut list = qb.separated(", ");
                    for (id, _, _) in chunk {
                        list.push_bind(*id);
                    }
                    qb.push(")");
                    qb.build().execute(&mut *tx).await?;
                }
            }
            tx.commit().await?;
            Ok(outcome)
        }};
    }
    match db {
        Db::Sqlite(s) => run!(s.write, None::<&str>),
        Db::Pg(p) => run!(p, Some("LOCK TABLE documents_journal IN EXCLUSIVE MODE")),
    }
}

/// Every record of a kind, in identifier order (byte order on both back-ends: PostgreSQL's
/// collation would sort otherwise).
pub async fn all<R: DeserializeOwned>(db: &Db, genre: &str) -> Result<Vec<Stored<R>>> {
    let mut rows: Vec<Row> = on_read!(db, p => sqlx::query_as(
        "SELECT id, document, origine, importe_par, cree_le, modifie_le FROM documents WHERE genre = $1")
        .bind(genre)
        .fetch_all(p)
        .await?);
    rows.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    rows.into_iter().map(|r| decode(genre, r)).collect()
}

/// The records of a kind with these identifiers (unknown ones are skipped), in
/// identifier order.
pub async fn by_ids<R: DeserializeOwned>(
    db: &Db,
    genre: &str,
    ids: &[String],
) -> Result<Vec<Stored<R>>> {
    let mut rows: Vec<Row> = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        let placeholders: Vec<String> = (2..=chunk.len() + 1).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id, document, origine, importe_par, cree_le, modifie_le FROM documents WHERE genre = $1 AND id IN ({})",
            placeholders.join(", ")
        );
        let found: Vec<Row> = on_read!(db, p => {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(genre);
            for id in chunk {
                q = q.bind(id);
            }
            q.fetch_all(p).await?
        });
        rows.extend(found);
    }
    rows.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    rows.into_iter().map(|r| decode(genre, r)).collect()
}

/// The identifiers of a kind.
pub async fn ids(db: &Db, genre: &str) -> Result<Vec<String>> {
    let mut ids: Vec<String> = on_read!(db, p => sqlx::query_scalar(
        "SELECT id FROM documents WHERE genre = $1")
        .bind(genre)
        .fetch_all(p)
        .await?);
    ids.sort();
    Ok(ids)
}

/// The last change-log number of every kind (0 when nothing was ever written).
pub async fn last_change(db: &Db) -> Result<i64> {
    Ok(on_read!(db, p => sqlx::query_scalar::<_, Option<i64>>(
        "SELECT MAX(seq) FROM documents_journal")
        .fetch_one(p)
        .await?)
    .unwrap_or(0))
}

/// The last change-log row: its number and a mark of its record and time, which tells it
/// from another history's row of the same number (after a restore or a copy replaced the
/// database). `(0, None)` when nothing was ever written.
pub async fn position(db: &Db) -> Result<(i64, Option<String>)> {
    let row: Option<(i64, String, String, i64)> = on_read!(db, p => sqlx::query_as(
        "SELECT seq, genre, id, le FROM documents_journal ORDER BY seq DESC LIMIT 1")
        .fetch_optional(p)
        .await?);
    Ok(row.map_or((0, None), |(seq, genre, id, le)| {
        (seq, Some(format!("{genre}/{id}@{le}")))
    }))
}
