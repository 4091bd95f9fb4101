//! Load shedding: a request is answered at once with 503 and `Retry-After: 1` instead of
//! waiting in a queue until it times out, when
//! - `max_in_flight` requests are already being handled (requests waiting on the database
//!   pile up there), or
//! - the scheduler runs tasks more than `max_queue_delay` late: the processor is saturated
//!   and every request waits its turn before it even reaches a handler. A probe task
//!   measures that delay continuously (`watch`).
//!
//! The proxy in front (or the browser) retries; the requests already in progress keep their
//! time, and a quick 503 costs far less than a page, so the queue drains. Operational paths
//! (`/healthz`, `/readyz`, `/metrics`, static files) are never shed: a loaded server must
//! still say it is alive.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ErrorDetail;
use crate::state::AppState;

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if super::is_operational(request.uri().path()) {
        return next.run(request).await;
    }
    let late = state.settings.max_queue_delay.is_some_and(|limit| {
        state.queue_delay_ms.load(Ordering::Relaxed) > limit.as_millis() as u64
    });
    let permit = match &state.in_flight {
        Some(permits) if !late => permits.clone().try_acquire_owned().ok().map(Some),
        Some(_) => None,
        None if late => None,
        None => Some(None),
    };
    let Some(permit) = permit else {
        state.metrics.shed();
        let mut response = StatusCode::SERVICE_UNAVAILABLE.into_response();
        response.extensions_mut().insert(ErrorDetail {
            key: Some("erreur-charge"),
            ..ErrorDetail::default()
        });
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return response;
    };
    let response = next.run(request).await;
    drop(permit);
    response
}

/// How often the probe wakes.
const PROBE: Duration = Duration::from_millis(50);

/// Measures, for as long as the server runs, how late the scheduler wakes a task that asked
/// to sleep `PROBE`: under saturation, that is how long a request waits for its turn.
pub fn watch(state: AppState) {
    if state.settings.max_queue_delay.is_none() {
        return;
    }
    tokio::spawn(async move {
        loop {
            let asked = Instant::now();
            tokio::time::sleep(PROBE).await;
            let late = asked.elapsed().saturating_sub(PROBE);
            state
                .queue_delay_ms
                .store(late.as_millis() as u64, Ordering::Relaxed);
        }
    });
}
