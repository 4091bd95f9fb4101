//! Learning progress, facilitators' groups and certificates (« Compétences »), stored behind
//! personal links: rows are keyed by the hash of the link's secret (computed by the caller).
//! Only completions are kept, never quiz answers.

use crate::{Db, Result, on_read, on_write};

/// Progress, groups and certificates are purged after 12 months without use.
pub const RETENTION: i64 = 365 * 86_400;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub cle: String,
    pub parcours: String,
    pub groupe: Option<String>,
    pub rang: Option<i64>,
    pub libelle: Option<String>,
    pub cree_le: i64,
    pub utilise_le: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub cle: String,
    pub nom: String,
    pub parcours: String,
    pub cree_le: i64,
    pub utilise_le: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub code: String,
    pub suivi: Option<String>,
    pub parcours: String,
    /// JSON array of module slugs.
    pub modules: String,
    pub nom: Option<String>,
    pub delivre_le: i64,
    pub revoque_le: Option<i64>,
    pub utilise_le: i64,
}

/// What a purge removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub progress: u64,
    pub groups: u64,
    pub certificates: u64,
}

const PROGRESS: &str = "cle, parcours, groupe, rang, libelle, cree_le, utilise_le";
type ProgressRow = (
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    i64,
    i64,
);

fn progress(r: ProgressRow) -> Progress {
    Progress {
        cle: r.0,
        parcours: r.1,
        groupe: r.2,
        rang: r.3,
        libelle: r.4,
        cree_le: r.5,
        utilise_le: r.6,
    }
}

const CERTIFICATE: &str = "code, suivi, parcours, modules, nom, delivre_le, revoque_le, utilise_le";
type CertificateRow = (
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    i64,
    Option<i64>,
    i64,
);

fn certificate(r: CertificateRow) -> Certificate {
    Certificate {
        code: r.0,
        suivi: r.1,
        parcours: r.2,
        modules: r.3,
        nom: r.4,
        delivre_le: r.5,
        revoque_le: r.6,
        utilise_le: r.7,
    }
}

/// Starts a learner's progress on a variant.
pub async fn create(db: &Db, cle: &str, parcours: &str, now: i64) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "INSERT INTO parcours_suivis (cle, parcours, cree_le, utilise_le) VALUES ($1, $2, $3, $3)")
        .bind(cle)
        .bind(parcours)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn get(db: &Db, cle: &str) -> Result<Option<Progress>> {
    let sql = format!("SELECT {PROGRESS} FROM parcours_suivis WHERE cle = $1");
    let row: Option<ProgressRow> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(cle)
        .fetch_optional(p)
        .await?);
    Ok(row.map(progress))
}

/// The modules a learner completed, with their time, in the order completed.
pub async fn completed(db: &Db, cle: &str) -> Result<Vec<(String, i64)>> {
    Ok(on_read!(db, p => sqlx::query_as(
        "SELECT module, termine_le FROM parcours_modules WHERE suivi = $1 ORDER BY termine_le, module")
        .bind(cle)
        .fetch_all(p)
        .await?))
}

/// Records a completed module (the first completion's time is kept) and a use.
pub async fn complete_module(db: &Db, cle: &str, module: &str, now: i64) -> Result<()> {
    on_write!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(
            "INSERT INTO parcours_modules (suivi, module, termine_le) VALUES ($1, $2, $3) \
             ON CONFLICT (suivi, module) DO NOTHING")
            .bind(cle)
            .bind(module)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE parcours_suivis SET utilise_le = $2 WHERE cle = $1")
            .bind(cle)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    });
    Ok(())
}

/// Moves a learner to another variant (completed modules stay completed).
pub async fn set_variant(db: &Db, cle: &str, parcours: &str, now: i64) -> Result<bool> {
    let r = on_write!(db, p => sqlx::query(
        "UPDATE parcours_suivis SET parcours = $2, utilise_le = $3 WHERE cle = $1")
        .bind(cle)
        .bind(parcours)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(r == 1)
}

/// Records a use (a visit), which postpones the purge.
pub async fn touch(db: &Db, cle: &str, now: i64) -> Result<()> {
    on_write!(db, p => sqlx::query("UPDATE parcours_suivis SET utilise_le = $2 WHERE cle = $1")
        .bind(cle)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

/// Deletes a learner's progress; their certificates are revoked (name removed). False when
/// there was none.
pub async fn delete(db: &Db, cle: &str, now: i64) -> Result<bool> {
    let r = on_write!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(
            "UPDATE certificats SET revoque_le = COALESCE(revoque_le, $2), nom = NULL, suivi = NULL \
             WHERE suivi = $1")
            .bind(cle)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let r = sqlx::query("DELETE FROM parcours_suivis WHERE cle = $1")
            .bind(cle)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        r
    });
    Ok(r == 1)
}

/// Creates a group and one progress per learner (`(key, label)`), in one transaction.
pub async fn create_group(
    db: &Db,
    cle: &str,
    nom: &str,
    parcours: &str,
    learners: &[(String, String)],
    now: i64,
) -> Result<()> {
    on_write!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(
            "INSERT INTO parcours_groupes (cle, nom, parcours, cree_le, utilise_le) \
             VALUES ($1, $2, $3, $4, $4)")
            .bind(cle)
            .bind(nom)
            .bind(parcours)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        for (rang, (key, label)) in learners.iter().enumerate() {
            sqlx::query(
                "INSERT INTO parcours_suivis (cle, parcours, groupe, rang, libelle, cree_le, utilise_le) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6)")
                .bind(key)
                .bind(parcours)
                .bind(cle)
                .bind(i64::try_from(rang).unwrap_or(i64::MAX))
                .bind(label)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

pub async fn group(db: &Db, cle: &str) -> Result<Option<Group>> {
    let row: Option<(String, String, String, i64, i64)> = on_read!(db, p => sqlx::query_as(
        "SELECT cle, nom, parcours, cree_le, utilise_le FROM parcours_groupes WHERE cle = $1")
        .bind(cle)
        .fetch_optional(p)
        .await?);
    Ok(row.map(|r| Group {
        cle: r.0,
        nom: r.1,
        parcours: r.2,
        cree_le: r.3,
        utilise_le: r.4,
    }))
}

/// A group's learners in rank order, each with the modules completed and whether they hold
/// a valid certificate.
pub async fn members(db: &Db, groupe: &str) -> Result<Vec<(Progress, Vec<String>, bool)>> {
    let sql = format!("SELECT {PROGRESS} FROM parcours_suivis WHERE groupe = $1 ORDER BY rang");
    let rows: Vec<ProgressRow> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(groupe)
        .fetch_all(p)
        .await?);
    let done: Vec<(String, String)> = on_read!(db, p => sqlx::query_as(
        "SELECT m.suivi, m.module FROM parcours_modules m \
         JOIN parcours_suivis s ON s.cle = m.suivi WHERE s.groupe = $1")
        .bind(groupe)
        .fetch_all(p)
        .await?);
    let certified: Vec<(String,)> = on_read!(db, p => sqlx::query_as(
        "SELECT DISTINCT c.suivi FROM certificats c \
         JOIN parcours_suivis s ON s.cle = c.suivi \
         WHERE s.groupe = $1 AND c.revoque_le IS NULL")
        .bind(groupe)
        .fetch_all(p)
        .await?);
    Ok(rows
        .into_iter()
        .map(progress)
        .map(|pr| {
            let modules = done
                .iter()
                .filter(|(s, _)| *s == pr.cle)
                .map(|(_, m)| m.clone())
                .collect();
            let has = certified.iter().any(|(s,)| *s == pr.cle);
            (pr, modules, has)
        })
        .collect())
}

pub async fn touch_group(db: &Db, cle: &str, now: i64) -> Result<()> {
    on_write!(db, p => sqlx::query("UPDATE parcours_groupes SET utilise_le = $2 WHERE cle = $1")
        .bind(cle)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

/// Deletes a group with its learners' progress (their certificates are revoked).
pub async fn delete_group(db: &Db, cle: &str, now: i64) -> Result<bool> {
    let r = on_write!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(
            "UPDATE certificats SET revoque_le = COALESCE(revoque_le, $2), nom = NULL, suivi = NULL \
             WHERE suivi IN (SELECT cle FROM parcours_suivis WHERE groupe = $1)")
            .bind(cle)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM parcours_suivis WHERE groupe = $1")
            .bind(cle)
            .execute(&mut *tx)
            .await?;
        let r = sqlx::query("DELETE FROM parcours_groupes WHERE cle = $1")
            .bind(cle)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        r
    });
    Ok(r == 1)
}

/// Stores a new certificate.
pub async fn insert_certificate(db: &Db, c: &Certificate) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "INSERT INTO certificats (code, suivi, parcours, modules, nom, delivre_le, revoque_le, utilise_le) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(&c.code)
        .bind(&c.suivi)
        .bind(&c.parcours)
        .bind(&c.modules)
        .bind(&c.nom)
        .bind(c.delivre_le)
        .bind(c.revoque_le)
        .bind(c.utilise_le)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn certificate_by_code(db: &Db, code: &str) -> Result<Option<Certificate>> {
    let sql = format!("SELECT {CERTIFICATE} FROM certificats WHERE code = $1");
    let row: Option<CertificateRow> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(code)
        .fetch_optional(p)
        .await?);
    Ok(row.map(certificate))
}

/// A learner's certificates, newest first.
pub async fn certificates_of(db: &Db, suivi: &str) -> Result<Vec<Certificate>> {
    let sql = format!(
        "SELECT {CERTIFICATE} FROM certificats WHERE suivi = $1 ORDER BY delivre_le DESC, code"
    );
    let rows: Vec<CertificateRow> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(suivi)
        .fetch_all(p)
        .await?);
    Ok(rows.into_iter().map(certificate).collect())
}

/// Revokes a certificate on its holder's demand (name removed). False when the code is not
/// one of this learner's valid certificates.
pub async fn revoke(db: &Db, code: &str, suivi: &str, now: i64) -> Result<bool> {
    let r = on_write!(db, p => sqlx::query(
        "UPDATE certificats SET revoque_le = $3, nom = NULL, utilise_le = $3 \
         WHERE code = $1 AND suivi = $2 AND revoque_le IS NULL")
        .bind(code)
        .bind(suivi)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(r == 1)
}

/// Records that a certificate was shown or verified, at most once a day (postpones the purge).
pub async fn touch_certificate(db: &Db, code: &str, now: i64) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "UPDATE certificats SET utilise_le = $2 WHERE code = $1 AND utilise_le < $3")
        .bind(code)
        .bind(now)
        .bind(now - 86_400)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

/// Removes what was not used for 12 months: groups (with their learners), progress, and
/// certificates neither shown nor verified.
pub async fn purge(db: &Db, now: i64) -> Result<Purged> {
    let limit = now - RETENTION;
    on_write!(db, p => {
        let mut tx = p.begin().await?;
        let groups: Vec<(String,)> =
            sqlx::query_as("SELECT cle FROM parcours_groupes WHERE utilise_le < $1")
                .bind(limit)
                .fetch_all(&mut *tx)
                .await?;
        let mut progress = 0;
        for (g,) in &groups {
            progress += sqlx::query("DELETE FROM parcours_suivis WHERE groupe = $1")
                .bind(g)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        sqlx::query("DELETE FROM parcours_groupes WHERE utilise_le < $1")
            .bind(limit)
            .execute(&mut *tx)
            .await?;
        progress += sqlx::query(
            "DELETE FROM parcours_suivis WHERE groupe IS NULL AND utilise_le < $1")
            .bind(limit)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let certificates = sqlx::query("DELETE FROM certificats WHERE utilise_le < $1")
            .bind(limit)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(Purged {
            progress,
            groups: groups.len() as u64,
            certificates,
        })
    })
}
