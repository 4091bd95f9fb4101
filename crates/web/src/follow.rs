//! Keeps a server current with the database: the search index from the alliances' change
//! log, the key figures and catalyseurs from the documents' change log, and the page cache,
//! cleared whenever either moves and once a day (a record turns « à actualiser » on the day
//! it reaches 24 months).

use std::time::Duration;

use crate::indexing;
use crate::state::AppState;

/// Reads both change logs every `every` for as long as the server runs.
pub fn spawn(state: AppState, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut day = state.today();
        loop {
            tick.tick().await;
            let today = state.today();
            if today != day {
                day = today;
                state.cache.clear();
            }
            match indexing::catch_up(&state).await {
                Ok(0) => {}
                Ok(n) => {
                    state.cache.clear();
                    tracing::info!(alliances = n, "index de recherche mis à jour");
                }
                Err(e) => tracing::warn!(error = %e, "suivi du journal des alliances"),
            }
            let Some(ready) = state.ready() else { continue };
            match ready.collections.refresh(&state.db).await {
                Ok(false) => {}
                Ok(true) => {
                    state.cache.clear();
                    tracing::info!("chiffres clés et catalyseurs rechargés");
                }
                Err(e) => tracing::warn!(error = %e, "suivi du journal des documents"),
            }
        }
    });
}
