//! Request id, structured log line and metrics for every request.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

fn next_request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static BOOT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let boot = *BOOT.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default()
            & 0xff_ffff
    });
    format!("{boot:06x}-{:x}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// The path as logged: the secrets of personal links (40 hex digits) never reach the logs.
fn redact(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if crate::links::is_secret(&segment.to_ascii_lowercase()) {
                "[lien-personnel]"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let start = Instant::now();
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map_or_else(next_request_id, str::to_owned);
    let method = request.method().clone();
    let path = redact(request.uri().path());
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(aucune route)".to_owned(), |m| m.as_str().to_owned());
    let mut response = next.run(request).await;
    let elapsed = start.elapsed();
    let status = response.status().as_u16();
    state
        .metrics
        .record(method.as_str(), &route, status, elapsed);
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", v);
    }
    if state.settings.log_requests {
        tracing::info!(
            target: "alliances::http",
            request_id = %id,
            method = %method,
            path = %path,
            route = %route,
            status,
            duration_ms = elapsed.as_secs_f64() * 1000.0,
            "requête"
        );
    }
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_of_personal_links_are_redacted() {
        assert_eq!(
            super::redact(
                "/en/methodes/diagnostics/0123456789abcdef0123456789abcdef01234567/etapes/2"
            ),
            "/en/methodes/diagnostics/[lien-personnel]/etapes/2"
        );
        assert_eq!(super::redact("/exemples/repareseb"), "/exemples/repareseb");
    }
}
