//! Operations endpoints: liveness, readiness, metrics, robots.

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// 200 while the process lives.
pub async fn healthz() -> Response {
    (
        StatusCode::OK,
        [(header::CACHE_CONTROL, "no-store")],
        "ok\n",
    )
        .into_response()
}

/// 200 once migrations, reference data and the referential are ready and the database
/// answers; 503 before (or when the database stops answering).
pub async fn readyz(State(state): State<AppState>) -> Response {
    let (status, body) = if state.ready().is_none() {
        (StatusCode::SERVICE_UNAVAILABLE, "démarrage en cours\n")
    } else if let Err(e) = state.db.ping().await {
        tracing::warn!(error = %e, "la base ne répond pas");
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "base de données injoignable\n",
        )
    } else {
        (StatusCode::OK, "prêt\n")
    };
    let mut r = (status, body).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// Prometheus text exposition.
pub async fn metrics(State(state): State<AppState>) -> Response {
    let body = state.metrics.render(&state);
    (
        [
            (
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

pub async fn robots() -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "User-agent: *\nDisallow: /api/\nAllow: /\n",
    )
        .into_response()
}
