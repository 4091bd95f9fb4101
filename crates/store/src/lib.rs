//! Storage of the Alliances platform.
//!
//! One [`Db`] over two concrete sqlx back-ends, chosen from the database URL: embedded
//! SQLite (WAL, one writer connection and a pool of readers) by default, PostgreSQL when
//! several app servers share one database. SQL is written once where the dialects agree
//! (`$1` placeholders work on both) and per back-end only where they differ. Each
//! repository module holds the queries of one aggregate.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

pub mod alliances;
pub mod backup;
pub mod comptes;
pub mod diagnostics;
pub mod documents;
pub mod exchange;
pub mod meta;
pub mod migrate;
pub mod odd;
pub mod parcours;
pub mod propositions;
pub mod reference;
pub mod seed;
pub mod territoires;

/// Runs `$body` with `$p` bound to the pool that serves reads.
macro_rules! on_read {
    ($db:expr, $p:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite(s) => {
                let $p = &s.read;
                $body
            }
            $crate::Db::Pg($p) => $body,
        }
    };
}
pub(crate) use on_read;

/// Runs `$body` with `$p` bound to the pool that writes (SQLite's single writer).
macro_rules! on_write {
    ($db:expr, $p:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite(s) => {
                let $p = &s.write;
                $body
            }
            $crate::Db::Pg($p) => $body,
        }
    };
}
pub(crate) use on_write;

/// A transaction held across several calls (an import's batches, a restore's tables),
/// committed by its owner; dropped, it rolls back.
pub(crate) enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Pg(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl Tx {
    /// A write transaction: SQLite's single writer, or a PostgreSQL connection.
    pub(crate) async fn begin_write(db: &Db) -> Result<Tx> {
        Ok(match db {
            Db::Sqlite(s) => Tx::Sqlite(s.write.begin().await?),
            Db::Pg(p) => Tx::Pg(p.begin().await?),
        })
    }

    pub(crate) async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Pg(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// Runs `$body` with `$c` bound to the transaction's connection, once per back-end.
macro_rules! on_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::Tx::Pg(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}
pub(crate) use on_tx;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("base de données : {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("adresse de base de données invalide « {url} » : {reason}")]
    Url { url: String, reason: String },
    #[error("migration {version} ({name}) : {reason}")]
    Migration {
        version: i64,
        name: String,
        reason: String,
    },
    #[error("données de référence : {0}")]
    Reference(String),
    /// A backup, a restore or a copy between databases that cannot go on (said in full).
    #[error("{0}")]
    Copy(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The two SQLite pools: many readers, one writer (so that writers queue in the process
/// instead of failing with SQLITE_BUSY).
#[derive(Clone, Debug)]
pub struct SqliteDb {
    pub read: SqlitePool,
    pub write: SqlitePool,
}

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqliteDb),
    Pg(PgPool),
}

/// Which back-end a URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Reads the scheme of a database URL.
    pub fn of_url(url: &str) -> Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::Url {
                url: redact_url(url),
                reason: "le schéma doit être sqlite://CHEMIN ou postgres://…".into(),
            })
        }
    }
}

#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// Reader connections (SQLite) or all connections (PostgreSQL).
    pub max_connections: u32,
    pub acquire_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self {
            max_connections: 8,
            acquire_timeout: Duration::from_secs(10),
        }
    }
}

/// Hides the password of a database URL, for logs and error messages.
#[must_use]
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            if userinfo.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                url.to_owned()
            }
        }
        None => url.to_owned(),
    }
}

/// Page size of a new SQLite file: 16 KiB rather than SQLite's 4 KiB. An alliance's row
/// (about 3 KB) filled a 4 KiB page alone; the import of 1 000 000 rows wrote a 4.2 GB file
/// twice (journal, then the file) in 1 million journal frames, and spent half of its CPU time
/// in the kernel and up to 13 % in SQLite's journal lookups. With 16 KiB pages: 3.6 GB, 4 times fewer
/// frames, the import from 123 s to 86 s (64 KiB: 74 s, but each row read, or each small write
/// of a diagnostic, then moves 64 KiB). See docs/decisions/015-import-at-a-million.md.
pub const SQLITE_PAGE_SIZE: u32 = 16_384;

impl Db {
    /// Connects to `url`, creating the SQLite file (and its folder) when missing.
    pub async fn connect(url: &str, options: &ConnectOptions) -> Result<Db> {
        match Backend::of_url(url)? {
            Backend::Sqlite => {
                let base = SqliteConnectOptions::from_str(url)
                    .map_err(|e| StoreError::Url {
                        url: url.into(),
                        reason: e.to_string(),
                    })?
                    .create_if_missing(true)
                    // A new file only (an existing one keeps its size): see SQLITE_PAGE_SIZE.
                    .page_size(SQLITE_PAGE_SIZE)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(5))
                    .foreign_keys(true);
                if let Some(parent) = base.get_filename().parent()
                    && !parent.as_os_str().is_empty()
                    && !parent.exists()
                {
                    std::fs::create_dir_all(parent).map_err(|e| StoreError::Url {
                        url: url.into(),
                        reason: format!("impossible de créer le dossier {}: {e}", parent.display()),
                    })?;
                }
                // The writer first: it creates the file and switches it to WAL.
                let write = SqlitePoolOptions::new()
                    .max_connections(1)
                    .acquire_timeout(options.acquire_timeout)
                    .connect_with(base.clone())
                    .await?;
                let read = SqlitePoolOptions::new()
                    .max_connections(options.max_connections.max(1))
                    .acquire_timeout(options.acquire_timeout)
                    .connect_with(base)
                    .await?;
                Ok(Db::Sqlite(SqliteDb { read, write }))
            }
            Backend::Postgres => {
                let pool = PgPoolOptions::new()
                    .max_connections(options.max_connections.max(2))
                    .acquire_timeout(options.acquire_timeout)
                    .connect(url)
                    .await?;
                Ok(Db::Pg(pool))
            }
        }
    }

    #[must_use]
    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Pg(_) => Backend::Postgres,
        }
    }

    /// A cheap round trip, for readiness checks.
    pub async fn ping(&self) -> Result<()> {
        on_read!(self, p => {
            sqlx::query("SELECT 1").execute(p).await?;
        });
        Ok(())
    }

    /// What is wrong with the stored data, if anything: SQLite's own checks of its file
    /// (`integrity_check`, `foreign_key_check`) and, on both back-ends, the invariants a
    /// half-written import would break — every alliance and every document has its
    /// change-log row, and every diagnostic of a collective its collective. Empty when all
    /// is well.
    pub async fn integrity(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        if let Db::Sqlite(s) = self {
            let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_all(&s.read)
                .await?;
            problems.extend(rows.into_iter().filter(|r| r != "ok"));
            let broken: Vec<(String,)> =
                sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
                    .fetch_all(&s.read)
                    .await?;
            problems.extend(
                broken
                    .into_iter()
                    .map(|(t,)| format!("clé étrangère rompue dans {t}")),
            );
        }
        for (what, sql) in [
            (
                "alliance(s) sans ligne au journal",
                "SELECT COUNT(*) FROM alliances a WHERE NOT EXISTS \
                 (SELECT 1 FROM alliances_journal j WHERE j.slug = a.slug)",
            ),
            (
                "document(s) sans ligne au journal",
                "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS \
                 (SELECT 1 FROM documents_journal j WHERE j.genre = d.genre AND j.id = d.id)",
            ),
            (
                "diagnostic(s) rattaché(s) à un collectif absent",
                "SELECT COUNT(*) FROM diagnostics d WHERE d.collectif IS NOT NULL AND NOT EXISTS \
                 (SELECT 1 FROM collectifs c WHERE c.cle = d.collectif)",
            ),
        ] {
            let n: i64 = on_read!(self, p => sqlx::query_scalar(sql).fetch_one(p).await?);
            if n > 0 {
                problems.push(format!("{n} {what}"));
            }
        }
        Ok(problems)
    }

    /// Closes every connection (SQLite checkpoints its WAL on the last close).
    pub async fn close(&self) {
        match self {
            Db::Sqlite(s) => {
                s.read.close().await;
                s.write.close().await;
            }
            Db::Pg(p) => p.close().await,
        }
    }
}

/// FNV-1a, 64 bits: a stable fingerprint for migrations and embedded data (not a security
/// hash).
#[must_use]
pub fn fingerprint(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // Separate parts so that ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_backend_from_scheme() {
        assert_eq!(Backend::of_url("sqlite://a.db").unwrap(), Backend::Sqlite);
        assert_eq!(
            Backend::of_url("postgres://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::of_url("postgresql://u@h/db").unwrap(),
            Backend::Postgres
        );
        let err = Backend::of_url("mysql://u:secret@h/db")
            .unwrap_err()
            .to_string();
        assert!(err.contains("sqlite://"), "{err}");
        assert!(!err.contains("secret"), "{err}");
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact_url("postgres://al:pw@localhost/db"),
            "postgres://al:***@localhost/db"
        );
        assert_eq!(
            redact_url("postgres://al@localhost/db"),
            "postgres://al@localhost/db"
        );
        assert_eq!(redact_url("sqlite://x.db"), "sqlite://x.db");
    }

    #[test]
    fn fingerprint_separates_parts() {
        assert_ne!(fingerprint(&[b"ab", b"c"]), fingerprint(&[b"a", b"bc"]));
        assert_eq!(fingerprint(&[b"x"]), fingerprint(&[b"x"]));
    }
}
