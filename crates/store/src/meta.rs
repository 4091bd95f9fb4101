//! Key/value facts about the database itself.

use crate::{Db, Result, on_read};

pub async fn get(db: &Db, key: &str) -> Result<Option<String>> {
    Ok(
        on_read!(db, p => sqlx::query_scalar::<_, String>("SELECT value FROM meta WHERE key = $1")
        .bind(key)
        .fetch_optional(p)
        .await?),
    )
}

/// Sets a key (insert or replace).
pub async fn set(db: &Db, key: &str, value: &str) -> Result<()> {
    let q = "INSERT INTO meta (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    match db {
        Db::Sqlite(s) => {
            sqlx::query(q)
                .bind(key)
                .bind(value)
                .execute(&s.write)
                .await?;
        }
        Db::Pg(p) => {
            sqlx::query(q).bind(key).bind(value).execute(p).await?;
        }
    }
    Ok(())
}
