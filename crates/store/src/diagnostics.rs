//! Diagnostics of the questioning kit and collective diagnostics, stored behind personal
//! links: rows are keyed by the hash of the link's secret (computed by the caller).
//! Answers and reports are JSON documents written by the web layer.

use crate::{Db, Result, on_read, on_write};

/// Drafts are purged after 90 days without use, reports and collectives after 12 months.
pub const DRAFT_RETENTION: i64 = 90 * 86_400;
pub const REPORT_RETENTION: i64 = 365 * 86_400;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub cle: String,
    pub version: i64,
    /// JSON object: question id → answer.
    pub reponses: String,
    /// Furthest step reached (index from 0).
    pub etape: i64,
    /// The report (JSON) once complete.
    pub rapport: Option<String>,
    pub collectif: Option<String>,
    pub partenaire: Option<String>,
    pub rang: Option<i64>,
    pub cree_le: i64,
    pub utilise_le: i64,
    pub termine_le: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collective {
    pub cle: String,
    pub nom: String,
    pub version: i64,
    pub reponses_ouvertes: bool,
    pub cree_le: i64,
    pub utilise_le: i64,
}

/// What a purge removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub drafts: u64,
    pub reports: u64,
    pub collectives: u64,
}

const COLUMNS: &str = "cle, version, reponses, etape, rapport, collectif, partenaire, rang, \
                       cree_le, utilise_le, termine_le";

type Row = (
    String,
    i64,
    String,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
    i64,
    Option<i64>,
);

fn decode(r: Row) -> Diagnostic {
    Diagnostic {
        cle: r.0,
        version: r.1,
        reponses: r.2,
        etape: r.3,
        rapport: r.4,
        collectif: r.5,
        partenaire: r.6,
        rang: r.7,
        cree_le: r.8,
        utilise_le: r.9,
        termine_le: r.10,
    }
}

/// Creates an empty draft.
pub async fn create(db: &Db, cle: &str, version: i64, now: i64) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "INSERT INTO diagnostics (cle, version, reponses, etape, cree_le, utilise_le) \
         VALUES ($1, $2, '{}', 0, $3, $3)")
        .bind(cle)
        .bind(version)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn get(db: &Db, cle: &str) -> Result<Option<Diagnostic>> {
    let sql = format!("SELECT {COLUMNS} FROM diagnostics WHERE cle = $1");
    let row: Option<Row> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(cle)
        .fetch_optional(p)
        .await?);
    Ok(row.map(decode))
}

/// Saves a draft's answers and the furthest step reached. Returns false when the draft
/// does not exist.
pub async fn save_answers(
    db: &Db,
    cle: &str,
    reponses: &str,
    etape: i64,
    now: i64,
) -> Result<bool> {
    let r = on_write!(db, p => sqlx::query(
        "UPDATE diagnostics SET reponses = $2, etape = $3, utilise_le = $4 WHERE cle = $1")
        .bind(cle)
        .bind(reponses)
        .bind(etape)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(r == 1)
}

/// Stores the answers and the report of a completed diagnostic.
pub async fn complete(db: &Db, cle: &str, reponses: &str, rapport: &str, now: i64) -> Result<bool> {
    let r = on_write!(db, p => sqlx::query(
        "UPDATE diagnostics SET reponses = $2, rapport = $3, utilise_le = $4, termine_le = $4 \
         WHERE cle = $1")
        .bind(cle)
        .bind(reponses)
        .bind(rapport)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(r == 1)
}

/// Creates a completed diagnostic in one write (the API).
pub async fn insert_complete(
    db: &Db,
    cle: &str,
    version: i64,
    reponses: &str,
    rapport: &str,
    now: i64,
) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "INSERT INTO diagnostics (cle, version, reponses, etape, rapport, cree_le, utilise_le, termine_le) \
         VALUES ($1, $2, $3, 0, $4, $5, $5, $5)")
        .bind(cle)
        .bind(version)
        .bind(reponses)
        .bind(rapport)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

/// Records a use (a visit), which postpones the purge.
pub async fn touch(db: &Db, cle: &str, now: i64) -> Result<()> {
    on_write!(db, p => sqlx::query("UPDATE diagnostics SET utilise_le = $2 WHERE cle = $1")
        .bind(cle)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

/// Deletes a diagnostic; false when there was none.
pub async fn delete(db: &Db, cle: &str) -> Result<bool> {
    let r = on_write!(db, p => sqlx::query("DELETE FROM diagnostics WHERE cle = $1")
        .bind(cle)
        .execute(p)
        .await?
        .rows_affected());
    Ok(r == 1)
}

/// Creates a collective diagnostic and one empty draft per partner (`(key, label)`), in
/// one transaction.
pub async fn create_collective(
    db: &Db,
    cle: &str,
    nom: &str,
    version: i64,
    partners: &[(String, String)],
    now: i64,
) -> Result<()> {
    on_write!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(
            "INSERT INTO collectifs (cle, nom, version, reponses_ouvertes, cree_le, utilise_le) \
             VALUES ($1, $2, $3, 0, $4, $4)")
            .bind(cle)
            .bind(nom)
            .bind(version)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        for (rang, (key, label)) in partners.iter().enumerate() {
            sqlx::query(
                "INSERT INTO diagnostics (cle, version, reponses, etape, collectif, partenaire, rang, cree_le, utilise_le) \
                 VALUES ($1, $2, '{}', 0, $3, $4, $5, $6, $6)")
                .bind(key)
                .bind(version)
                .bind(cle)
                .bind(label)
                .bind(i64::try_from(rang).unwrap_or(0))
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

pub async fn get_collective(db: &Db, cle: &str) -> Result<Option<Collective>> {
    let row: Option<(String, String, i64, i64, i64, i64)> = on_read!(db, p => sqlx::query_as(
        "SELECT cle, nom, version, reponses_ouvertes, cree_le, utilise_le FROM collectifs WHERE cle = $1")
        .bind(cle)
        .fetch_optional(p)
        .await?);
    Ok(row.map(|r| Collective {
        cle: r.0,
        nom: r.1,
        version: r.2,
        reponses_ouvertes: r.3 != 0,
        cree_le: r.4,
        utilise_le: r.5,
    }))
}

/// The partners' diagnostics of a collective, in rank order.
pub async fn members(db: &Db, collectif: &str) -> Result<Vec<Diagnostic>> {
    let sql = format!("SELECT {COLUMNS} FROM diagnostics WHERE collectif = $1 ORDER BY rang");
    let rows: Vec<Row> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(collectif)
        .fetch_all(p)
        .await?);
    Ok(rows.into_iter().map(decode).collect())
}

/// Opens (or closes) the partners' answers to the group.
pub async fn set_open(db: &Db, cle: &str, open: bool, now: i64) -> Result<bool> {
    let r = on_write!(db, p => sqlx::query(
        "UPDATE collectifs SET reponses_ouvertes = $2, utilise_le = $3 WHERE cle = $1")
        .bind(cle)
        .bind(i64::from(open))
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(r == 1)
}

pub async fn touch_collective(db: &Db, cle: &str, now: i64) -> Result<()> {
    on_write!(db, p => sqlx::query("UPDATE collectifs SET utilise_le = $2 WHERE cle = $1")
        .bind(cle)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

/// Deletes a collective and its partners' diagnostics.
pub async fn delete_collective(db: &Db, cle: &str) -> Result<bool> {
    let r = on_write!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query("DELETE FROM diagnostics WHERE collectif = $1")
            .bind(cle)
            .execute(&mut *tx)
            .await?;
        let r = sqlx::query("DELETE FROM collectifs WHERE cle = $1")
            .bind(cle)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        r.rows_affected()
    });
    Ok(r == 1)
}

/// The questionnaire versions stored diagnostics and collectives were made with.
pub async fn versions_in_use(db: &Db) -> Result<Vec<i64>> {
    Ok(on_read!(db, p => sqlx::query_scalar::<_, i64>(
        "SELECT version FROM diagnostics UNION SELECT version FROM collectifs ORDER BY 1")
        .fetch_all(p)
        .await?))
}

/// Removes what has not been used for its retention period: drafts after 90 days, reports
/// and collectives (with their partners) after 12 months. A partner's unfinished draft
/// unused for 90 days loses its answers but keeps its place (and link) in the collective.
pub async fn purge(db: &Db, now: i64) -> Result<Purged> {
    let draft_limit = now - DRAFT_RETENTION;
    let report_limit = now - REPORT_RETENTION;
    on_write!(db, p => {
        let mut tx = p.begin().await?;
        let collectives = sqlx::query("SELECT cle FROM collectifs WHERE utilise_le < $1")
            .bind(report_limit)
            .fetch_all(&mut *tx)
            .await?
            .len() as u64;
        sqlx::query("DELETE FROM diagnostics WHERE collectif IN (SELECT cle FROM collectifs WHERE utilise_le < $1)")
            .bind(report_limit)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM collectifs WHERE utilise_le < $1")
            .bind(report_limit)
            .execute(&mut *tx)
            .await?;
        let drafts = sqlx::query(
            "DELETE FROM diagnostics WHERE collectif IS NULL AND rapport IS NULL AND utilise_le < $1")
            .bind(draft_limit)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let drafts = drafts + sqlx::query(
            "UPDATE diagnostics SET reponses = '{}', etape = 0 \
             WHERE collectif IS NOT NULL AND rapport IS NULL AND utilise_le < $1 AND reponses <> '{}'")
            .bind(draft_limit)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let reports = sqlx::query(
            "DELETE FROM diagnostics WHERE collectif IS NULL AND rapport IS NOT NULL AND utilise_le < $1")
            .bind(report_limit)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(Purged { drafts, reports, collectives })
    })
}
