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
