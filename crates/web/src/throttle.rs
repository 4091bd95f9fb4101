//! Attempts counted in the database (shared by every app server): failed logins and reset
//! requests per address and client, error reports per client. Past the limit, 429 with the
//! seconds to wait.

use alliances_domain::compte::Throttle;
use alliances_store::comptes;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The throttle keys of an attempt: the address, and the client.
#[must_use]
pub fn keys(kind: &str, courriel: &str, client: std::net::IpAddr) -> [(String, i64); 2] {
    [
        (
            crate::links::key_of(&format!("{kind}:{courriel}")),
            Throttle::MAX,
        ),
        (
            crate::links::key_of(&format!("client:{client}")),
            Throttle::CLIENT_MAX,
        ),
    ]
}

/// `Err(Throttled)` while one of the keys is past its limit.
pub async fn check(state: &AppState, keys: &[(String, i64)]) -> AppResult<()> {
    let now = state.now();
    for (key, max) in keys {
        if let Some((failures, since)) = comptes::failures(&state.db, key).await?
            && let Some(wait) = Throttle::wait(*max, failures, since, now)
        {
            return Err(AppError::Throttled(wait));
        }
    }
    Ok(())
}

/// Counts a failure on each key.
pub async fn count(state: &AppState, keys: &[(String, i64)]) -> AppResult<()> {
    for (key, _) in keys {
        comptes::fail(&state.db, key, state.now(), Throttle::WINDOW).await?;
    }
    Ok(())
}
