//! Load shedding: past `max_in_flight` requests handled at once, a request is answered at
//! once with 503 and `Retry-After: 1` instead of waiting in a queue until it times out. The
//! proxy in front (or the browser) retries; the requests already in progress keep their
//! time. Operational paths (`/healthz`, `/readyz`, `/metrics`, static files) are never
//! shed: a loaded server must still say it is alive.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ErrorDetail;
use crate::state::AppState;

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(permits) = &state.in_flight else {
        return next.run(request).await;
    };
    if super::is_operational(request.uri().path()) {
        return next.run(request).await;
    }
    let Ok(permit) = permits.clone().try_acquire_owned() else {
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
