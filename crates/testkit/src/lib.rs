//! Test helpers: databases on both back-ends, loaded once per process from a template.
//!
//! SQLite always runs. PostgreSQL runs when `TEST_POSTGRES_URL` names a server the tests may
//! create databases on (the test script starts one on loopback); when `CI` is set, a
//! missing `TEST_POSTGRES_URL` is an error rather than a silent skip.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use alliances_store::{ConnectOptions, Db, migrate, reference, seed};
use tokio::sync::OnceCell;

pub mod http;
pub use http::{TestApp, TestResponse, raw_get, raw_request, raw_send, test_settings};

/// A back-end under test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    /// Admin URL of a server on which databases may be created and dropped.
    Postgres(String),
}

impl Backend {
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// The PostgreSQL back-end, or `None` (with a note) when no server is configured.
    ///
    /// # Panics
    /// When `CI` is set and `TEST_POSTGRES_URL` is not: CI must test both back-ends.
    #[must_use]
    pub fn postgres() -> Option<Backend> {
        match std::env::var("TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => Some(Backend::Postgres(url)),
            _ => {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "CI is set but TEST_POSTGRES_URL is not: the PostgreSQL suite must run"
                );
                eprintln!("TEST_POSTGRES_URL not set: PostgreSQL tests skipped on this run");
                None
            }
        }
    }
}

/// A database that exists for one test and is removed when dropped.
pub struct TestDb {
    pub db: Db,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Database { admin_url: String, name: String },
}

impl TestDb {
    /// Closes the pools and removes the database.
    pub async fn remove(self) {
        self.db.close().await;
        match &self.cleanup {
            Cleanup::File(path) => remove_sqlite_files(path),
            Cleanup::Database { admin_url, name } => {
                if let Ok(admin) = Db::connect(admin_url, &small()).await {
                    if let Db::Pg(pool) = &admin {
                        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        )))
                        .execute(pool)
                        .await;
                    }
                    admin.close().await;
                }
            }
        }
    }
}

impl TestDb {
    /// PostgreSQL only: the database goes away as after a crash of its server — every
    /// session is ended and new ones are refused (`reachable = false`) — or comes back.
    ///
    /// # Panics
    /// On SQLite, or when the administration connection fails.
    pub async fn set_reachable(&self, reachable: bool) {
        let Cleanup::Database { admin_url, name } = &self.cleanup else {
            panic!("set_reachable is for PostgreSQL databases")
        };
        let admin = Db::connect(admin_url, &small())
            .await
            .expect("connect to PostgreSQL");
        let Db::Pg(pool) = &admin else {
            unreachable!("a postgres URL")
        };
        let allow = format!("ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS {reachable}");
        sqlx::query(sqlx::AssertSqlSafe(allow))
            .execute(pool)
            .await
            .expect("ALTER DATABASE");
        if !reachable {
            sqlx::query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = $1 AND pid <> pg_backend_pid()",
            )
            .bind(name)
            .execute(pool)
            .await
            .expect("end the sessions");
        }
        admin.close().await;
    }
}

fn small() -> ConnectOptions {
    ConnectOptions {
        max_connections: 2,
        ..ConnectOptions::default()
    }
}

fn remove_sqlite_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// A fresh, unique name (process id, counter, time).
pub(crate) fn unique(prefix: &str) -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "{prefix}_{}_{}_{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

pub(crate) fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("alliances-tests");
    std::fs::create_dir_all(&dir).expect("create the test scratch folder");
    dir
}

/// An empty database (no migration applied).
pub async fn empty_db(backend: &Backend) -> TestDb {
    fresh_db(backend, false).await
}

/// A database migrated and loaded with the reference data, copied from a per-process
/// template so that each test starts from the same state in milliseconds.
pub async fn loaded_db(backend: &Backend) -> TestDb {
    fresh_db(backend, true).await
}

async fn fresh_db(backend: &Backend, loaded: bool) -> TestDb {
    match backend {
        Backend::Sqlite => {
            let path = scratch_dir().join(format!("{}.db", unique("test")));
            if loaded {
                std::fs::copy(sqlite_template().await, &path).expect("copy the SQLite template");
            }
            let url = format!("sqlite://{}", path.display());
            let db = Db::connect(&url, &small()).await.expect("open SQLite");
            TestDb {
                db,
                url,
                cleanup: Cleanup::File(path),
            }
        }
        Backend::Postgres(admin_url) => {
            let template = if loaded {
                Some(pg_template(admin_url).await)
            } else {
                None
            };
            let name = unique("alliances_test");
            create_pg_database(admin_url, &name, template).await;
            let url = pg_url_for(admin_url, &name);
            let db = Db::connect(&url, &small())
                .await
                .expect("connect to PostgreSQL");
            TestDb {
                db,
                url,
                cleanup: Cleanup::Database {
                    admin_url: admin_url.clone(),
                    name,
                },
            }
        }
    }
}

/// Declares, for each listed `async fn(&Backend)`, one `#[tokio::test]` on SQLite and one on
/// PostgreSQL (skipped with a note when `TEST_POSTGRES_URL` is unset outside CI).
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $name() {
                super::$name(&$crate::Backend::Sqlite).await;
            })*
        }
        mod postgres {
            $(#[tokio::test]
            async fn $name() {
                if let Some(backend) = $crate::Backend::postgres() {
                    super::$name(&backend).await;
                }
            })*
        }
    };
}

/// Name of the template: changes with the schema and the data.
fn template_key() -> String {
    let sql: Vec<&[u8]> = migrate::SQLITE
        .iter()
        .chain(migrate::POSTGRES)
        .map(|m| m.sql.as_bytes())
        .collect();
    format!(
        "{}_{}_{}_{}",
        alliances_store::fingerprint(&sql),
        reference::version(),
        seed::version(),
        seed::documents_version()
    )
}

async fn sqlite_template() -> &'static Path {
    static T: OnceCell<PathBuf> = OnceCell::const_new();
    T.get_or_init(|| async {
        let path = scratch_dir().join(format!("template_{}.db", template_key()));
        if !path.exists() {
            // Build under a private name, then rename: concurrent test processes never see
            // a half-built template.
            let tmp = scratch_dir().join(format!("{}.db", unique("building")));
            let url = format!("sqlite://{}", tmp.display());
            let db = Db::connect(&url, &small())
                .await
                .expect("open SQLite template");
            migrate::run(&db)
                .await
                .expect("migrate the SQLite template");
            reference::ensure_loaded(&db)
                .await
                .expect("load the SQLite template");
            seed::ensure_seeded(&db, 0)
                .await
                .expect("seed the SQLite template");
            seed::ensure_documents_seeded(&db, 0)
                .await
                .expect("seed the documents of the SQLite template");
            db.close().await;
            std::fs::rename(&tmp, &path).expect("publish the SQLite template");
            remove_sqlite_files(&tmp);
        }
        path
    })
    .await
}

async fn pg_template(admin_url: &str) -> &'static str {
    static T: OnceCell<String> = OnceCell::const_new();
    T.get_or_init(|| async {
        // PostgreSQL cuts names at 63 bytes: one fingerprint of the whole key fits.
        let name = format!(
            "alliances_tpl_{}",
            alliances_store::fingerprint(&[template_key().as_bytes()])
        );
        let admin = Db::connect(admin_url, &small())
            .await
            .expect("connect to PostgreSQL");
        let Db::Pg(pool) = &admin else {
            unreachable!("a postgres URL")
        };
        // One builder at a time across test processes.
        let mut conn = pool.acquire().await.expect("admin connection");
        sqlx::query("SELECT pg_advisory_lock(4242)")
            .execute(&mut *conn)
            .await
            .expect("lock");
        let exists: Option<i32> =
            sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
                .bind(&name)
                .fetch_optional(&mut *conn)
                .await
                .expect("look for the template");
        if exists.is_none() {
            let building = unique("alliances_building");
            create_pg_database(admin_url, &building, None).await;
            let db = Db::connect(&pg_url_for(admin_url, &building), &small())
                .await
                .expect("connect");
            migrate::run(&db)
                .await
                .expect("migrate the PostgreSQL template");
            reference::ensure_loaded(&db)
                .await
                .expect("load the PostgreSQL template");
            seed::ensure_seeded(&db, 0)
                .await
                .expect("seed the PostgreSQL template");
            seed::ensure_documents_seeded(&db, 0)
                .await
                .expect("seed the documents of the PostgreSQL template");
            db.close().await;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "ALTER DATABASE \"{building}\" RENAME TO \"{name}\""
            )))
            .execute(&mut *conn)
            .await
            .expect("publish the PostgreSQL template");
        }
        sqlx::query("SELECT pg_advisory_unlock(4242)")
            .execute(&mut *conn)
            .await
            .expect("unlock");
        drop(conn);
        admin.close().await;
        name
    })
    .await
}

async fn create_pg_database(admin_url: &str, name: &str, template: Option<&str>) {
    let admin = Db::connect(admin_url, &small())
        .await
        .expect("connect to PostgreSQL");
    let Db::Pg(pool) = &admin else {
        unreachable!("a postgres URL")
    };
    let sql = match template {
        Some(t) => format!("CREATE DATABASE \"{name}\" TEMPLATE \"{t}\""),
        None => format!("CREATE DATABASE \"{name}\""),
    };
    // Copies of one template may collide for an instant: retry.
    let mut attempt = 0;
    loop {
        match sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
            .execute(pool)
            .await
        {
            Ok(_) => break,
            Err(e) if attempt < 20 && e.to_string().contains("being accessed by other users") => {
                attempt += 1;
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            Err(e) => panic!("{sql}: {e}"),
        }
    }
    admin.close().await;
}

fn pg_url_for(admin_url: &str, database: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (admin_url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    format!("{base}/{database}{query}")
}

/// Every `table.column` of the database whose value, read as text, contains `needle`: the
/// query-level check that deleting something personal left no trace in any table.
///
/// # Panics
/// On a database error.
pub async fn mentions(db: &Db, needle: &str) -> Vec<String> {
    let columns: Vec<(String, String)> = match db {
        Db::Sqlite(s) => sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1, 2",
        )
        .fetch_all(&s.read)
        .await
        .expect("list the columns"),
        Db::Pg(p) => sqlx::query_as(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' ORDER BY 1, 2",
        )
        .fetch_all(p)
        .await
        .expect("list the columns"),
    };
    let pattern = format!("%{needle}%");
    let mut found = Vec::new();
    for (table, column) in columns {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE $1"
        ));
        let n: i64 = match db {
            Db::Sqlite(s) => sqlx::query_scalar(sql)
                .bind(&pattern)
                .fetch_one(&s.read)
                .await
                .expect("scan a column"),
            Db::Pg(p) => sqlx::query_scalar(sql)
                .bind(&pattern)
                .fetch_one(p)
                .await
                .expect("scan a column"),
        };
        if n > 0 {
            found.push(format!("{table}.{column}"));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_database_urls() {
        assert_eq!(
            pg_url_for("postgres://u@h:5/postgres", "x"),
            "postgres://u@h:5/x"
        );
        assert_eq!(pg_url_for("postgres://u@h:5", "x"), "postgres://u@h:5/x");
        assert_eq!(
            pg_url_for("postgres://u@h/p?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
    }
}
