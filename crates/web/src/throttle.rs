//! Attempts counted in the database (shared by every app server): logins and reset requests
//! per address and client, sign-ups, error reports per client. Each attempt is counted before
//! it is made; past the limit, 429 with the seconds to wait.

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

/// Counts an attempt on each key, then `Err(Throttled)` if it went past a key's limit. The
/// count comes first and is atomic: a burst of parallel attempts cannot all pass a check made
/// before any of them is counted.
pub async fn take(state: &AppState, keys: &[(String, i64)]) -> AppResult<()> {
    let now = state.now();
    let mut refused = None;
    for (key, max) in keys {
        let (counted, since) = comptes::fail(&state.db, key, now, Throttle::WINDOW).await?;
        if let Some(wait) = Throttle::wait_after(*max, counted, since, now) {
            refused = Some(refused.map_or(wait, |w: i64| w.max(wait)));
        }
    }
    match refused {
        Some(wait) => Err(AppError::Throttled(wait)),
        None => Ok(()),
    }
}

/// Takes back the attempt [`take`] counted on each key (it succeeded).
pub async fn release(state: &AppState, keys: &[(String, i64)]) -> AppResult<()> {
    for (key, _) in keys {
        comptes::release(&state.db, key).await?;
    }
    Ok(())
}
