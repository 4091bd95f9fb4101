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

/// How long `/readyz` waits for the database: a proxy's health check must get an answer
/// well before its own time-out, even while the pool waits for a connection.
const PING_LIMIT: std::time::Duration = std::time::Duration::from_secs(2);

/// 200 once migrations, reference data and the referential are ready and the database
/// answers; 503 before (or when the database stops answering, until it comes back).
pub async fn readyz(State(state): State<AppState>) -> Response {
    let (status, body) = if state.ready().is_none() {
        (StatusCode::SERVICE_UNAVAILABLE, "démarrage en cours\n")
    } else if let Some(e) = database_down(&state).await {
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

/// Why the database does not answer a ping within `PING_LIMIT`, or `None` when it does.
async fn database_down(state: &AppState) -> Option<String> {
    match tokio::time::timeout(PING_LIMIT, state.db.ping()).await {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e.to_string()),
        Err(_) => Some(format!("pas de réponse en {} s", PING_LIMIT.as_secs())),
    }
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
