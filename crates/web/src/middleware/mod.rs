//! Middleware shared by every route: request log and metrics, security headers, error
//! rendering, readiness, rate limits and CSRF protection.

pub mod csrf;
pub mod errors;
pub mod rate_limit;
pub mod readiness;
pub mod request_log;
pub mod security;
pub mod shed;

/// Paths that operations tools poll and that stay out of limits and readiness gates.
#[must_use]
pub fn is_operational(path: &str) -> bool {
    matches!(path, "/healthz" | "/readyz" | "/metrics") || path.starts_with("/static/")
}
