//! The alliances and their change log.

use alliances_domain::alliance::Alliance;
use sqlx::QueryBuilder;

use crate::{Db, Result, StoreError, Tx, fingerprint, on_read, on_tx};

/// A stored record with what the database adds to it.
#[derive(Debug, Clone)]
pub struct Stored {
    pub alliance: Alliance,
    /// Where it was imported from (`amorce`, a file name…).
    pub origine: String,
    /// Who imported it, when known.
    pub importe_par: Option<String>,
    pub cree_le: i64,
    pub modifie_le: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpsertOutcome {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl UpsertOutcome {
    /// Sorts records (id, fingerprint, what to write) into created, updated and unchanged
    /// against the stored fingerprints; returns the counts and what to write.
    pub(crate) fn plan<'a, T>(
        records: impl IntoIterator<Item = (&'a str, &'a str, T)>,
        existing: &std::collections::HashMap<String, String>,
    ) -> (Self, Vec<T>) {
        let mut outcome = Self::default();
        let mut writes = Vec::new();
        for (id, fp, write) in records {
            match existing.get(id) {
                Some(old) if old == fp => outcome.unchanged += 1,
                Some(_) => {
                    outcome.updated += 1;
                    writes.push(write);
                }
                None => {
                    outcome.created += 1;
                    writes.push(write);
                }
            }
        }
        (outcome, writes)
    }
}

/// One row of the change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub slug: String,
    /// When it was written.
    pub le: i64,
}

impl Change {
    /// What tells this row from another history's row of the same number (after a
    /// restore or a copy replaced the database): its record and its time.
    #[must_use]
    pub fn mark(&self) -> String {
        format!("{}@{}", self.slug, self.le)
    }
}

const CHUNK: usize = 400;
const COLUMNS: &str = "slug, document, origine, importe_par, cree_le, modifie_le";

type Columns = (String, String, String, Option<String>, i64, i64);

fn decode(row: Columns) -> Result<Stored> {
    let alliance = serde_json::from_str(&row.1)
        .map_err(|e| StoreError::Reference(format!("alliance « {} » illisible : {e}", row.0)))?;
    Ok(Stored {
        alliance,
        origine: row.2,
        importe_par: row.3,
        cree_le: row.4,
        modifie_le: row.5,
    })
}

/// A record in its stored form, made ready by an import's reading thread so that the
/// writing thread only writes (the two then run side by side).
/// Only what is written is kept (the record itself is dropped on the reading thread).
pub struct Prepared {
    slug: String,
    nom: String,
    document: String,
    empreinte: String,
}

impl Prepared {
    /// The stored JSON of `alliance` and its fingerprint; a record that cannot be written is
    /// an error, never an empty document.
    pub fn new(alliance: &Alliance) -> Result<Prepared> {
        let document = serde_json::to_string(alliance).map_err(|e| {
            StoreError::Reference(format!(
                "alliance « {} » : écriture impossible : {e}",
                alliance.slug
            ))
        })?;
        let empreinte = fingerprint(&[document.as_bytes()]);
        Ok(Prepared {
            slug: alliance.slug.clone(),
            nom: alliance.nom.clone(),
            document,
            empreinte,
        })
    }
}

/// Inserts new records and updates changed ones (same slug → update, never a duplicate),
/// appending one change-log row per write, all in one transaction. Unchanged records are
/// not written.
pub async fn upsert_all(
    db: &Db,
    records: &[Alliance],
    origine: &str,
    now: i64,
) -> Result<UpsertOutcome> {
    upsert_all_with_progress(db, records, origine, None, now, &|_, _| {}).await
}

/// [`upsert_all`] recording who imports (`par`), calling `progress(written, to_write)` after
/// each batch.
pub async fn upsert_all_with_progress(
    db: &Db,
    records: &[Alliance],
    origine: &str,
    par: Option<&str>,
    now: i64,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<UpsertOutcome> {
    let mut upsert = Upsert::begin(db, origine, par, now).await?;
    let mut done = 0;
    for chunk in records.chunks(CHUNK) {
        upsert.write(chunk).await?;
        done += chunk.len();
        progress(done, records.len());
    }
    upsert.commit().await
}

/// An import of alliances in progress: batches written in one transaction as they come,
/// committed at the end (dropped, nothing is kept). Each batch is compared with what is
/// stored under its slugs only, so memory does not grow with the base or the file.
pub struct Upsert {
    tx: Tx,
    origine: String,
    par: Option<String>,
    now: i64,
    outcome: UpsertOutcome,
}

impl Upsert {
    pub async fn begin(db: &Db, origine: &str, par: Option<&str>, now: i64) -> Result<Upsert> {
        let mut tx = Tx::begin_write(db).await?;
        if let Tx::Pg(t) = &mut tx {
            // Serialises writers so that change-log numbers commit in order.
            sqlx::query("LOCK TABLE alliances_journal IN EXCLUSIVE MODE")
                .execute(&mut **t)
                .await?;
        }
        Ok(Upsert {
            tx,
            origine: origine.to_owned(),
            par: par.map(str::to_owned),
            now,
            outcome: UpsertOutcome::default(),
        })
    }

    /// Writes what is new or changed among `records` (same slug → update) and one
    /// change-log row per write.
    pub async fn write(&mut self, records: &[Alliance]) -> Result<()> {
        let prepared = records
            .iter()
            .map(Prepared::new)
            .collect::<Result<Vec<_>>>()?;
        self.write_prepared(&prepared).await
    }

    /// [`Upsert::write`] for records already turned into their stored form (by
    /// [`Prepared::new`], on another thread while this one writes).
    pub async fn write_prepared(&mut self, records: &[Prepared]) -> Result<()> {
        for chunk in records.chunks(CHUNK) {
            self.write_chunk(chunk).await?;
        }
        Ok(())
    }

    async fn write_chunk(&mut self, rows: &[Prepared]) -> Result<()> {
        let (origine, par, now) = (self.origine.as_str(), self.par.as_deref(), self.now);
        let outcome = &mut self.outcome;
        on_tx!(&mut self.tx, c => {
            let mut qb = QueryBuilder::new("SELECT slug, empreinte FROM alliances WHERE slug IN (");
            let mut list = qb.separated(", ");
            for p in rows {
                list.push_bind(&p.slug);
            }
            qb.push(")");
            let existing: Vec<(String, String)> = qb.build_query_as().fetch_all(&mut *c).await?;
            let existing: std::collections::HashMap<String, String> =
                existing.into_iter().collect();
            let (counted, writes) = UpsertOutcome::plan(
                rows.iter().map(|p| (p.slug.as_str(), p.empreinte.as_str(), p)),
                &existing,
            );
            outcome.created += counted.created;
            outcome.updated += counted.updated;
            outcome.unchanged += counted.unchanged;
            if !writes.is_empty() {
                let mut qb = QueryBuilder::new(
                    "INSERT INTO alliances (slug, nom, document, empreinte, origine, importe_par, cree_le, modifie_le) ",
                );
                qb.push_values(&writes, |mut b, p| {
                    b.push_bind(&p.slug)
                        .push_bind(&p.nom)
                        .push_bind(&p.document)
                        .push_bind(&p.empreinte)
                        .push_bind(origine)
                        .push_bind(par)
                        .push_bind(now)
                        .push_bind(now);
                });
                qb.push(
                    " ON CONFLICT (slug) DO UPDATE SET nom = excluded.nom, document = excluded.document, \
                     empreinte = excluded.empreinte, origine = excluded.origine, \
                     importe_par = excluded.importe_par, modifie_le = excluded.modifie_le",
                );
                qb.build().execute(&mut *c).await?;
                let mut qb =
                    QueryBuilder::new("INSERT INTO alliances_journal (slug, operation, le) ");
                qb.push_values(&writes, |mut b, p| {
                    b.push_bind(&p.slug).push_bind("ecriture").push_bind(now);
                });
                qb.build().execute(&mut *c).await?;
                if counted.updated > 0 {
                    // A record with a history (a contribution touched it) gets a revision for
                    // this import too; the others keep none until one does.
                    let mut qb = QueryBuilder::new(
                        "INSERT INTO alliances_revisions (slug, revision, document, le, source) \
                         SELECT a.slug, (SELECT MAX(r.revision) FROM alliances_revisions r WHERE r.slug = a.slug) + 1, \
                         a.document, ",
                    );
                    qb.push_bind(now);
                    qb.push(
                        ", 'import' FROM alliances a WHERE EXISTS \
                         (SELECT 1 FROM alliances_revisions r WHERE r.slug = a.slug) AND a.slug IN (",
                    );
                    let mut list = qb.separated(", ");
                    for p in &writes {
                        list.push_bind(&p.slug);
                    }
                    qb.push(")");
                    qb.build().execute(&mut *c).await?;
                }
            }
        });
        Ok(())
    }

    /// Commits everything written; returns what was created, updated and left unchanged.
    pub async fn commit(self) -> Result<UpsertOutcome> {
        self.tx.commit().await?;
        Ok(self.outcome)
    }
}

pub async fn get(db: &Db, slug: &str) -> Result<Option<Stored>> {
    let row: Option<Columns> = on_read!(db, p => sqlx::query_as(
        "SELECT slug, document, origine, importe_par, cree_le, modifie_le FROM alliances WHERE slug = $1")
        .bind(slug)
        .fetch_optional(p)
        .await?);
    row.map(decode).transpose()
}

/// The records with these slugs (unknown slugs are skipped).
pub async fn by_slugs(db: &Db, slugs: &[String]) -> Result<Vec<Stored>> {
    let mut out = Vec::with_capacity(slugs.len());
    for chunk in slugs.chunks(CHUNK) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {COLUMNS} FROM alliances WHERE slug IN ({})",
            placeholders.join(", ")
        );
        let rows: Vec<Columns> = on_read!(db, p => {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
            for s in chunk {
                q = q.bind(s);
            }
            q.fetch_all(p).await?
        });
        for r in rows {
            out.push(decode(r)?);
        }
    }
    Ok(out)
}

/// Up to `limit` records after `after` in slug order: walk the whole base page by page
/// without holding it in memory.
pub async fn page_after(db: &Db, after: Option<&str>, limit: i64) -> Result<Vec<Stored>> {
    let rows: Vec<Columns> = on_read!(db, p => sqlx::query_as(
        "SELECT slug, document, origine, importe_par, cree_le, modifie_le FROM alliances WHERE slug > $1 ORDER BY slug LIMIT $2")
        .bind(after.unwrap_or(""))
        .bind(limit)
        .fetch_all(p)
        .await?);
    rows.into_iter().map(decode).collect()
}

/// Every record, in slug order, read page by page (exports and dumps).
pub async fn all(db: &Db) -> Result<Vec<Stored>> {
    let mut out = Vec::new();
    loop {
        let after = out.last().map(|s: &Stored| s.alliance.slug.clone());
        let page = page_after(db, after.as_deref(), 2000).await?;
        if page.is_empty() {
            return Ok(out);
        }
        out.extend(page);
    }
}

/// The most recently added records, newest first.
pub async fn latest(db: &Db, limit: i64) -> Result<Vec<Stored>> {
    let rows: Vec<Columns> = on_read!(db, p => sqlx::query_as(
        "SELECT slug, document, origine, importe_par, cree_le, modifie_le FROM alliances ORDER BY cree_le DESC, slug LIMIT $1")
        .bind(limit)
        .fetch_all(p)
        .await?);
    rows.into_iter().map(decode).collect()
}

/// Slug and last modification of every record (for the sitemap).
pub async fn slugs(db: &Db) -> Result<Vec<(String, i64)>> {
    Ok(
        on_read!(db, p => sqlx::query_as("SELECT slug, modifie_le FROM alliances ORDER BY slug")
        .fetch_all(p)
        .await?),
    )
}

pub async fn count(db: &Db) -> Result<i64> {
    Ok(
        on_read!(db, p => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM alliances")
        .fetch_one(p)
        .await?),
    )
}

/// The last change-log number (0 when nothing was ever written).
pub async fn last_change(db: &Db) -> Result<i64> {
    Ok(on_read!(db, p => sqlx::query_scalar::<_, Option<i64>>(
        "SELECT MAX(seq) FROM alliances_journal")
        .fetch_one(p)
        .await?)
    .unwrap_or(0))
}

/// Change-log rows after `seq`, oldest first.
pub async fn changes_since(db: &Db, seq: i64, limit: i64) -> Result<Vec<Change>> {
    let rows: Vec<(i64, String, i64)> = on_read!(db, p => sqlx::query_as(
        "SELECT seq, slug, le FROM alliances_journal WHERE seq > $1 ORDER BY seq LIMIT $2")
        .bind(seq)
        .bind(limit)
        .fetch_all(p)
        .await?);
    Ok(rows
        .into_iter()
        .map(|(seq, slug, le)| Change { seq, slug, le })
        .collect())
}

/// The mark ([`Change::mark`]) of change-log row `seq`, if there is one.
pub async fn mark_at(db: &Db, seq: i64) -> Result<Option<String>> {
    let row: Option<(i64, String, i64)> = on_read!(db, p => sqlx::query_as(
        "SELECT seq, slug, le FROM alliances_journal WHERE seq = $1")
        .bind(seq)
        .fetch_optional(p)
        .await?);
    Ok(row.map(|(seq, slug, le)| Change { seq, slug, le }.mark()))
}
