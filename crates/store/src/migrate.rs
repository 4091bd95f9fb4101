//! Schema migrations, embedded in the binary: one folder per back-end with the same
//! numbered files. Each pending migration runs in its own transaction and is recorded with
//! a fingerprint of its SQL, so that an edited migration is reported instead of being
//! silently skipped. On PostgreSQL an advisory lock serialises app servers that start
//! together.

use sqlx::Connection;

use crate::{Db, Result, StoreError, fingerprint};

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub static SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        name: "reference",
        sql: include_str!("../migrations/sqlite/0001_reference.sql"),
    },
    Migration {
        version: 2,
        name: "alliances",
        sql: include_str!("../migrations/sqlite/0002_alliances.sql"),
    },
    Migration {
        version: 3,
        name: "diagnostics",
        sql: include_str!("../migrations/sqlite/0003_diagnostics.sql"),
    },
    Migration {
        version: 4,
        name: "documents",
        sql: include_str!("../migrations/sqlite/0004_documents.sql"),
    },
    Migration {
        version: 5,
        name: "parcours",
        sql: include_str!("../migrations/sqlite/0005_parcours.sql"),
    },
    Migration {
        version: 6,
        name: "comptes",
        sql: include_str!("../migrations/sqlite/0006_comptes.sql"),
    },
    Migration {
        version: 7,
        name: "propositions",
        sql: include_str!("../migrations/sqlite/0007_propositions.sql"),
    },
    Migration {
        version: 8,
        name: "documents_revisions",
        sql: include_str!("../migrations/sqlite/0008_documents_revisions.sql"),
    },
];
pub static POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        name: "reference",
        sql: include_str!("../migrations/postgres/0001_reference.sql"),
    },
    Migration {
        version: 2,
        name: "alliances",
        sql: include_str!("../migrations/postgres/0002_alliances.sql"),
    },
    Migration {
        version: 3,
        name: "diagnostics",
        sql: include_str!("../migrations/postgres/0003_diagnostics.sql"),
    },
    Migration {
        version: 4,
        name: "documents",
        sql: include_str!("../migrations/postgres/0004_documents.sql"),
    },
    Migration {
        version: 5,
        name: "parcours",
        sql: include_str!("../migrations/postgres/0005_parcours.sql"),
    },
    Migration {
        version: 6,
        name: "comptes",
        sql: include_str!("../migrations/postgres/0006_comptes.sql"),
    },
    Migration {
        version: 7,
        name: "propositions",
        sql: include_str!("../migrations/postgres/0007_propositions.sql"),
    },
    Migration {
        version: 8,
        name: "documents_revisions",
        sql: include_str!("../migrations/postgres/0008_documents_revisions.sql"),
    },
];

const TABLE_SQL: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
)";

/// Arbitrary constant shared by every app server of one database.
const PG_LOCK_KEY: i64 = 0x616c_6c69_616e_6365; // "alliance"

/// What `run` did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub applied: Vec<i64>,
    pub already: usize,
}

/// Applies every pending migration.
pub async fn run(db: &Db) -> Result<Report> {
    match db {
        Db::Sqlite(s) => {
            let mut conn = s.write.acquire().await?;
            sqlite_impl::apply_all(&mut conn, SQLITE).await
        }
        Db::Pg(pool) => {
            let mut conn = pool.acquire().await?;
            sqlx::query("SELECT pg_advisory_lock($1)")
                .bind(PG_LOCK_KEY)
                .execute(&mut *conn)
                .await?;
            let result = pg_impl::apply_all(&mut conn, POSTGRES).await;
            sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(PG_LOCK_KEY)
                .execute(&mut *conn)
                .await?;
            result
        }
    }
}

/// Versions of migrations this binary knows but the database has not applied.
pub async fn pending(db: &Db) -> Result<Vec<i64>> {
    let (known, applied): (&[Migration], Vec<i64>) = match db {
        Db::Sqlite(s) => (
            SQLITE,
            sqlite_impl::applied_versions(&mut *s.write.acquire().await?).await?,
        ),
        Db::Pg(p) => (
            POSTGRES,
            pg_impl::applied_versions(&mut *p.acquire().await?).await?,
        ),
    };
    Ok(known
        .iter()
        .map(|m| m.version)
        .filter(|v| !applied.contains(v))
        .collect())
}

/// The same steps for each concrete connection type.
macro_rules! backend_impl {
    ($module:ident, $conn:ty) => {
        mod $module {
            use super::*;

            pub(super) async fn applied_versions(conn: &mut $conn) -> Result<Vec<i64>> {
                sqlx::raw_sql(TABLE_SQL).execute(&mut *conn).await?;
                let rows: Vec<(i64,)> =
                    sqlx::query_as("SELECT version FROM schema_migrations ORDER BY version")
                        .fetch_all(&mut *conn)
                        .await?;
                Ok(rows.into_iter().map(|r| r.0).collect())
            }

            pub(super) async fn apply_all(conn: &mut $conn, migrations: &[Migration]) -> Result<Report> {
                sqlx::raw_sql(TABLE_SQL).execute(&mut *conn).await?;
                let done: Vec<(i64, String)> =
                    sqlx::query_as("SELECT version, checksum FROM schema_migrations ORDER BY version")
                        .fetch_all(&mut *conn)
                        .await?;
                let mut report = Report::default();
                for m in migrations {
                    let checksum = fingerprint(&[m.sql.as_bytes()]);
                    if let Some((_, recorded)) = done.iter().find(|(v, _)| *v == m.version) {
                        if *recorded != checksum {
                            return Err(StoreError::Migration {
                                version: m.version,
                                name: m.name.into(),
                                reason: "son contenu a changé depuis qu'elle a été appliquée ; \
                                         restaurez le fichier d'origine et ajoutez une nouvelle migration"
                                    .into(),
                            });
                        }
                        report.already += 1;
                        continue;
                    }
                    let mut tx = conn.begin().await?;
                    sqlx::raw_sql(m.sql).execute(&mut *tx).await.map_err(|e| StoreError::Migration {
                        version: m.version,
                        name: m.name.into(),
                        reason: e.to_string(),
                    })?;
                    sqlx::query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)")
                        .bind(m.version)
                        .bind(m.name)
                        .bind(checksum)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    tracing::info!(version = m.version, name = m.name, "migration appliquée");
                    report.applied.push(m.version);
                }
                if let Some(unknown) =
                    done.iter().map(|(v, _)| *v).find(|v| !migrations.iter().any(|m| m.version == *v))
                {
                    tracing::warn!(
                        version = unknown,
                        "la base contient une migration inconnue de ce binaire (version plus récente ?)"
                    );
                }
                Ok(report)
            }
        }
    };
}
backend_impl!(sqlite_impl, sqlx::SqliteConnection);
backend_impl!(pg_impl, sqlx::PgConnection);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_list_the_same_migrations_and_every_file() {
        let names = |ms: &[Migration]| ms.iter().map(|m| (m.version, m.name)).collect::<Vec<_>>();
        assert_eq!(names(SQLITE), names(POSTGRES));
        for (backend, list) in [("sqlite", SQLITE), ("postgres", POSTGRES)] {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/");
            let mut files: Vec<String> = std::fs::read_dir(format!("{dir}{backend}"))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            files.sort();
            let listed: Vec<String> = list
                .iter()
                .map(|m| format!("{:04}_{}.sql", m.version, m.name))
                .collect();
            assert_eq!(
                files, listed,
                "every file of migrations/{backend} must be listed"
            );
        }
    }
}
