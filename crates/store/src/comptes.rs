//! Members' accounts and what hangs on them: sessions, one-time e-mail tokens, personal API
//! tokens, attached personal links, the throttle on attempts and the audit log. Secrets
//! arrive hashed (the caller computes the SHA-256); passwords arrive as Argon2id strings.

use crate::{Db, Result, on_read, on_write};

/// Sessions last 14 days after their last use.
pub const SESSION_LIFETIME: i64 = 14 * 86_400;
/// A session's last use is written at most this often.
pub const SESSION_TOUCH: i64 = 3_600;
/// An address never confirmed: the account is purged after 7 days.
pub const UNVERIFIED_RETENTION: i64 = 7 * 86_400;
/// An account without a login for 3 years is purged.
pub const ACCOUNT_RETENTION: i64 = 3 * 365 * 86_400;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: String,
    pub courriel: String,
    pub mot_de_passe: String,
    pub role: String,
    pub pseudonyme: String,
    pub organisation: Option<String>,
    pub signature: String,
    pub consentement_le: i64,
    pub consentement_version: String,
    pub verifie_le: Option<i64>,
    pub cree_le: i64,
    pub connecte_le: i64,
}

const ACCOUNT: &str = "id, courriel, mot_de_passe, role, pseudonyme, organisation, signature, \
     consentement_le, consentement_version, verifie_le, cree_le, connecte_le";
type AccountRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    i64,
    String,
    Option<i64>,
    i64,
    i64,
);

fn account(r: AccountRow) -> Account {
    Account {
        id: r.0,
        courriel: r.1,
        mot_de_passe: r.2,
        role: r.3,
        pseudonyme: r.4,
        organisation: r.5,
        signature: r.6,
        consentement_le: r.7,
        consentement_version: r.8,
        verifie_le: r.9,
        cree_le: r.10,
        connecte_le: r.11,
    }
}

/// Whether an insert failed on a unique constraint (the address is taken).
fn is_unique(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(sqlx::error::DatabaseError::is_unique_violation)
}

/// Creates an account; `Ok(false)` when the address already has one (nothing written).
pub async fn create(db: &Db, a: &Account) -> Result<bool> {
    let sql = format!(
        "INSERT INTO comptes ({ACCOUNT}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    );
    let done = on_write!(db, p => sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&a.id)
        .bind(&a.courriel)
        .bind(&a.mot_de_passe)
        .bind(&a.role)
        .bind(&a.pseudonyme)
        .bind(&a.organisation)
        .bind(&a.signature)
        .bind(a.consentement_le)
        .bind(&a.consentement_version)
        .bind(a.verifie_le)
        .bind(a.cree_le)
        .bind(a.connecte_le)
        .execute(p)
        .await
        .map(|_| ()));
    match done {
        Ok(()) => Ok(true),
        Err(e) if is_unique(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

pub async fn by_email(db: &Db, courriel: &str) -> Result<Option<Account>> {
    let sql = format!("SELECT {ACCOUNT} FROM comptes WHERE courriel = $1");
    let row: Option<AccountRow> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(courriel)
        .fetch_optional(p)
        .await?);
    Ok(row.map(account))
}

pub async fn by_id(db: &Db, id: &str) -> Result<Option<Account>> {
    let sql = format!("SELECT {ACCOUNT} FROM comptes WHERE id = $1");
    let row: Option<AccountRow> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(p)
        .await?);
    Ok(row.map(account))
}

/// Every account, by creation (the administrators' list).
pub async fn all(db: &Db) -> Result<Vec<Account>> {
    let sql = format!("SELECT {ACCOUNT} FROM comptes ORDER BY cree_le, id");
    let rows: Vec<AccountRow> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(p)
        .await?);
    Ok(rows.into_iter().map(account).collect())
}

pub async fn set_role(db: &Db, id: &str, role: &str) -> Result<bool> {
    let n = on_write!(db, p => sqlx::query("UPDATE comptes SET role = $2 WHERE id = $1")
        .bind(id)
        .bind(role)
        .execute(p)
        .await?
        .rows_affected());
    Ok(n == 1)
}

/// The address is confirmed (the first confirmation's time is kept).
pub async fn set_verified(db: &Db, id: &str, now: i64) -> Result<bool> {
    let n = on_write!(db, p => sqlx::query(
        "UPDATE comptes SET verifie_le = COALESCE(verifie_le, $2) WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(n == 1)
}

/// A new password: every session and API token of the account ends (the caller opens a new
/// session).
pub async fn set_password(db: &Db, id: &str, hash: &str) -> Result<bool> {
    on_write!(db, p => {
        let mut tx = p.begin().await?;
        let n = sqlx::query("UPDATE comptes SET mot_de_passe = $2 WHERE id = $1")
            .bind(id)
            .bind(hash)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM sessions WHERE compte = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM jetons_api WHERE compte = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM jetons_courriel WHERE compte = $1 AND usage = 'reinitialisation'")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(n == 1)
    })
}

pub async fn set_profile(
    db: &Db,
    id: &str,
    pseudonyme: &str,
    organisation: Option<&str>,
    signature: &str,
) -> Result<bool> {
    let n = on_write!(db, p => sqlx::query(
        "UPDATE comptes SET pseudonyme = $2, organisation = $3, signature = $4 WHERE id = $1")
        .bind(id)
        .bind(pseudonyme)
        .bind(organisation)
        .bind(signature)
        .execute(p)
        .await?
        .rows_affected());
    Ok(n == 1)
}

// ----- sessions -----

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub cle: String,
    pub csrf: String,
    pub cree_le: i64,
    pub vu_le: i64,
    pub expire_le: i64,
}

/// Opens a session at login: the account's login time moves on.
pub async fn open_session(db: &Db, cle: &str, compte: &str, csrf: &str, now: i64) -> Result<()> {
    on_write!(db, p => {
        let mut tx = p.begin().await?;
        sqlx::query(
            "INSERT INTO sessions (cle, compte, csrf, cree_le, vu_le, expire_le) VALUES ($1, $2, $3, $4, $4, $5)")
            .bind(cle)
            .bind(compte)
            .bind(csrf)
            .bind(now)
            .bind(now + SESSION_LIFETIME)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE comptes SET connecte_le = $2 WHERE id = $1")
            .bind(compte)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok::<_, crate::StoreError>(())
    })
}

/// The account and session of a cookie's key, unless expired. Its last use is written when
/// older than [`SESSION_TOUCH`] (the expiry slides with it).
pub async fn session(db: &Db, cle: &str, now: i64) -> Result<Option<(Account, Session)>> {
    let found: Option<(String, String, i64, i64, i64)> = on_read!(db, p => sqlx::query_as(
        "SELECT compte, csrf, cree_le, vu_le, expire_le FROM sessions WHERE cle = $1 AND expire_le > $2")
        .bind(cle)
        .bind(now)
        .fetch_optional(p)
        .await?);
    let Some((compte, csrf, cree_le, vu_le, expire_le)) = found else {
        return Ok(None);
    };
    let Some(account) = by_id(db, &compte).await? else {
        return Ok(None);
    };
    let mut session = Session {
        cle: cle.to_owned(),
        csrf,
        cree_le,
        vu_le,
        expire_le,
    };
    if now - vu_le >= SESSION_TOUCH {
        on_write!(db, p => sqlx::query("UPDATE sessions SET vu_le = $2, expire_le = $3 WHERE cle = $1")
            .bind(cle)
            .bind(now)
            .bind(now + SESSION_LIFETIME)
            .execute(p)
            .await?
            .rows_affected());
        session.vu_le = now;
        session.expire_le = now + SESSION_LIFETIME;
    }
    Ok(Some((account, session)))
}

pub async fn close_session(db: &Db, cle: &str) -> Result<()> {
    on_write!(db, p => sqlx::query("DELETE FROM sessions WHERE cle = $1")
        .bind(cle)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

/// How many sessions an account has open.
pub async fn session_count(db: &Db, compte: &str, now: i64) -> Result<i64> {
    Ok(on_read!(db, p => sqlx::query_scalar(
        "SELECT COUNT(*) FROM sessions WHERE compte = $1 AND expire_le > $2")
        .bind(compte)
        .bind(now)
        .fetch_one(p)
        .await?))
}

// ----- e-mail tokens -----

/// What an e-mailed link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    Verification,
    Reinitialisation,
}

impl Usage {
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Usage::Verification => "verification",
            Usage::Reinitialisation => "reinitialisation",
        }
    }

    /// How long the link works.
    #[must_use]
    pub fn lifetime(self) -> i64 {
        match self {
            Usage::Verification => 86_400,
            Usage::Reinitialisation => 3_600,
        }
    }
}

pub async fn create_token(db: &Db, cle: &str, compte: &str, usage: Usage, now: i64) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "INSERT INTO jetons_courriel (cle, compte, usage, cree_le, expire_le) VALUES ($1, $2, $3, $4, $5)")
        .bind(cle)
        .bind(compte)
        .bind(usage.code())
        .bind(now)
        .bind(now + usage.lifetime())
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

/// The account of a valid token of that use, which is spent (deleted) in the same step.
pub async fn take_token(db: &Db, cle: &str, usage: Usage, now: i64) -> Result<Option<String>> {
    let compte: Option<String> = on_write!(db, p => sqlx::query_scalar(
        "DELETE FROM jetons_courriel WHERE cle = $1 AND usage = $2 AND expire_le > $3 RETURNING compte")
        .bind(cle)
        .bind(usage.code())
        .bind(now)
        .fetch_optional(p)
        .await?);
    Ok(compte)
}

/// Whether a token of that use is valid, without spending it (the reset form's first view).
pub async fn token_valid(db: &Db, cle: &str, usage: Usage, now: i64) -> Result<bool> {
    let n: i64 = on_read!(db, p => sqlx::query_scalar(
        "SELECT COUNT(*) FROM jetons_courriel WHERE cle = $1 AND usage = $2 AND expire_le > $3")
        .bind(cle)
        .bind(usage.code())
        .bind(now)
        .fetch_one(p)
        .await?);
    Ok(n > 0)
}

// ----- personal API tokens -----

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub cle: String,
    pub libelle: String,
    pub cree_le: i64,
    pub utilise_le: Option<i64>,
}

pub async fn create_api_token(
    db: &Db,
    cle: &str,
    compte: &str,
    libelle: &str,
    now: i64,
) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "INSERT INTO jetons_api (cle, compte, libelle, cree_le) VALUES ($1, $2, $3, $4)")
        .bind(cle)
        .bind(compte)
        .bind(libelle)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn api_tokens(db: &Db, compte: &str) -> Result<Vec<ApiToken>> {
    let rows: Vec<(String, String, i64, Option<i64>)> = on_read!(db, p => sqlx::query_as(
        "SELECT cle, libelle, cree_le, utilise_le FROM jetons_api WHERE compte = $1 ORDER BY cree_le, cle")
        .bind(compte)
        .fetch_all(p)
        .await?);
    Ok(rows
        .into_iter()
        .map(|r| ApiToken {
            cle: r.0,
            libelle: r.1,
            cree_le: r.2,
            utilise_le: r.3,
        })
        .collect())
}

/// Revokes one of the account's tokens; `Ok(false)` when it has none of that key.
pub async fn revoke_api_token(db: &Db, compte: &str, cle: &str) -> Result<bool> {
    let n = on_write!(db, p => sqlx::query("DELETE FROM jetons_api WHERE compte = $1 AND cle = $2")
        .bind(compte)
        .bind(cle)
        .execute(p)
        .await?
        .rows_affected());
    Ok(n == 1)
}

/// The account of an API token, whose last use is written (at most hourly).
pub async fn by_api_token(db: &Db, cle: &str, now: i64) -> Result<Option<Account>> {
    let found: Option<(String, Option<i64>)> = on_read!(db, p => sqlx::query_as(
        "SELECT compte, utilise_le FROM jetons_api WHERE cle = $1")
        .bind(cle)
        .fetch_optional(p)
        .await?);
    let Some((compte, used)) = found else {
        return Ok(None);
    };
    if used.is_none_or(|u| now - u >= SESSION_TOUCH) {
        on_write!(db, p => sqlx::query("UPDATE jetons_api SET utilise_le = $2 WHERE cle = $1")
            .bind(cle)
            .bind(now)
            .execute(p)
            .await?
            .rows_affected());
    }
    by_id(db, &compte).await
}

// ----- attached personal links -----

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    pub genre: String,
    pub lien: String,
    pub ajoute_le: i64,
}

/// Attaches a link; attaching it again changes nothing.
pub async fn attach(db: &Db, compte: &str, genre: &str, lien: &str, now: i64) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "INSERT INTO comptes_liens (compte, genre, lien, ajoute_le) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (compte, genre, lien) DO NOTHING")
        .bind(compte)
        .bind(genre)
        .bind(lien)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn attached(db: &Db, compte: &str) -> Result<Vec<Attached>> {
    let rows: Vec<(String, String, i64)> = on_read!(db, p => sqlx::query_as(
        "SELECT genre, lien, ajoute_le FROM comptes_liens WHERE compte = $1 ORDER BY ajoute_le, genre, lien")
        .bind(compte)
        .fetch_all(p)
        .await?);
    Ok(rows
        .into_iter()
        .map(|r| Attached {
            genre: r.0,
            lien: r.1,
            ajoute_le: r.2,
        })
        .collect())
}

pub async fn detach(db: &Db, compte: &str, genre: &str, lien: &str) -> Result<bool> {
    let n = on_write!(db, p => sqlx::query(
        "DELETE FROM comptes_liens WHERE compte = $1 AND genre = $2 AND lien = $3")
        .bind(compte)
        .bind(genre)
        .bind(lien)
        .execute(p)
        .await?
        .rows_affected());
    Ok(n == 1)
}

// ----- throttle -----

/// Failures counted for a key and since when (`(0, now)` when none).
pub async fn failures(db: &Db, cle: &str) -> Result<Option<(i64, i64)>> {
    Ok(on_read!(db, p => sqlx::query_as(
        "SELECT echecs, depuis FROM tentatives WHERE cle = $1")
        .bind(cle)
        .fetch_optional(p)
        .await?))
}

/// Counts one attempt (or failure) atomically; a window past `window` seconds starts again
/// at one. Returns the count and the window's start after it, so that parallel attempts each
/// see their own number.
pub async fn fail(db: &Db, cle: &str, now: i64, window: i64) -> Result<(i64, i64)> {
    Ok(on_write!(db, p => sqlx::query_as(
        "INSERT INTO tentatives (cle, echecs, depuis) VALUES ($1, 1, $2) \
         ON CONFLICT (cle) DO UPDATE SET \
           echecs = CASE WHEN tentatives.depuis + $3 <= $2 THEN 1 ELSE tentatives.echecs + 1 END, \
           depuis = CASE WHEN tentatives.depuis + $3 <= $2 THEN $2 ELSE tentatives.depuis END \
         RETURNING echecs, depuis")
        .bind(cle)
        .bind(now)
        .bind(window)
        .fetch_one(p)
        .await?))
}

/// Takes back one attempt counted by [`fail`] (an attempt that succeeded).
pub async fn release(db: &Db, cle: &str) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "UPDATE tentatives SET echecs = echecs - 1 WHERE cle = $1 AND echecs > 0")
        .bind(cle)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn clear_failures(db: &Db, cle: &str) -> Result<()> {
    on_write!(db, p => sqlx::query("DELETE FROM tentatives WHERE cle = $1")
        .bind(cle)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

// ----- audit log -----

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub numero: i64,
    pub date: i64,
    pub acteur: Option<String>,
    pub action: String,
    pub cible: String,
    pub details: String,
}

/// Records a moderation or administration action (`details`: JSON of codes and ids).
pub async fn log_action(
    db: &Db,
    acteur: Option<&str>,
    action: &str,
    cible: &str,
    details: &str,
    now: i64,
) -> Result<()> {
    on_write!(db, p => sqlx::query(
        "INSERT INTO journal_actions (date, acteur, action, cible, details) VALUES ($1, $2, $3, $4, $5)")
        .bind(now)
        .bind(acteur)
        .bind(action)
        .bind(cible)
        .bind(details)
        .execute(p)
        .await?
        .rows_affected());
    Ok(())
}

/// The latest actions first, at most `limit`, optionally those of one actor.
pub async fn actions(db: &Db, acteur: Option<&str>, limit: i64) -> Result<Vec<Action>> {
    let rows: Vec<(i64, i64, Option<String>, String, String, String)> = on_read!(db, p => sqlx::query_as(
        "SELECT numero, date, acteur, action, cible, details FROM journal_actions \
         WHERE $1 IS NULL OR acteur = $1 ORDER BY numero DESC LIMIT $2")
        .bind(acteur)
        .bind(limit)
        .fetch_all(p)
        .await?);
    Ok(rows
        .into_iter()
        .map(|r| Action {
            numero: r.0,
            date: r.1,
            acteur: r.2,
            action: r.3,
            cible: r.4,
            details: r.5,
        })
        .collect())
}

// ----- deletion and purge -----

/// Deletes an account and everything personal tied to it, in one transaction: sessions,
/// tokens, attached links; the audit log keeps its actions with no actor.
pub async fn delete(db: &Db, id: &str) -> Result<bool> {
    on_write!(db, p => {
        let mut tx = p.begin().await?;
        for sql in [
            "DELETE FROM sessions WHERE compte = $1",
            "DELETE FROM jetons_courriel WHERE compte = $1",
            "DELETE FROM jetons_api WHERE compte = $1",
            "DELETE FROM comptes_liens WHERE compte = $1",
            "UPDATE journal_actions SET acteur = NULL WHERE acteur = $1",
            // Proposals not published leave with their author; the others stay, without
            // the author's private note.
            "DELETE FROM propositions WHERE auteur = $1 AND statut IN ('en_attente', 'changements_demandes')",
            "UPDATE propositions SET auteur = NULL, note = NULL WHERE auteur = $1",
            "UPDATE propositions SET moderateur = NULL WHERE moderateur = $1",
            "UPDATE alliances_revisions SET auteur = NULL WHERE auteur = $1",
            "UPDATE documents_revisions SET auteur = NULL WHERE auteur = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *tx).await?;
        }
        let n = sqlx::query("DELETE FROM comptes WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok::<_, crate::StoreError>(n == 1)
    })
}

/// What a purge removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub accounts: u64,
    pub sessions: u64,
    pub tokens: u64,
    pub attempts: u64,
}

/// Removes expired sessions and tokens, attempts past their window, accounts never confirmed
/// after 7 days and accounts without a login for 3 years.
pub async fn purge(db: &Db, now: i64, window: i64) -> Result<Purged> {
    let stale: Vec<String> = on_read!(db, p => sqlx::query_scalar(
        "SELECT id FROM comptes WHERE (verifie_le IS NULL AND cree_le < $1) OR connecte_le < $2")
        .bind(now - UNVERIFIED_RETENTION)
        .bind(now - ACCOUNT_RETENTION)
        .fetch_all(p)
        .await?);
    let mut purged = Purged::default();
    for id in &stale {
        if delete(db, id).await? {
            purged.accounts += 1;
        }
    }
    on_write!(db, p => {
        purged.sessions = sqlx::query("DELETE FROM sessions WHERE expire_le <= $1")
            .bind(now)
            .execute(p)
            .await?
            .rows_affected();
        purged.tokens = sqlx::query("DELETE FROM jetons_courriel WHERE expire_le <= $1")
            .bind(now)
            .execute(p)
            .await?
            .rows_affected();
        purged.attempts = sqlx::query("DELETE FROM tentatives WHERE depuis + $2 <= $1")
            .bind(now)
            .bind(window)
            .execute(p)
            .await?
            .rows_affected();
    });
    Ok(purged)
}
