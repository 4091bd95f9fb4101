//! Cross-site request forgery protection without tokens (CONVENTIONS.md): a
//! state-changing request from a browser passes only if `Sec-Fetch-Site` says same-origin,
//! or its `Origin` matches the request's `Host` or the configured public URL. Requests with
//! neither header (API clients, curl) pass.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// `scheme://host[:port]` → `host[:port]`, lower-cased.
fn authority(origin: &str) -> Option<String> {
    let rest = origin.split_once("://")?.1;
    let host = rest.split('/').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Whether a request may change state.
#[must_use]
pub fn allowed(method: &Method, headers: &HeaderMap, public_url: Option<&str>) -> bool {
    if matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    ) {
        return true;
    }
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some("same-origin" | "none")) {
        return true;
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let Some(from) = authority(origin) else {
            return false;
        };
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase);
        return host.as_deref() == Some(from.as_str())
            || public_url.and_then(authority).as_deref() == Some(from.as_str());
    }
    fetch_site.is_none()
}

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if allowed(
        request.method(),
        request.headers(),
        state.settings.public_url.as_deref(),
    ) {
        return next.run(request).await;
    }
    // The catalogues' 403 text says what happened, in the page's language.
    StatusCode::FORBIDDEN.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn follows_the_convention() {
        let post = Method::POST;
        assert!(allowed(
            &Method::GET,
            &headers(&[("origin", "https://evil.example")]),
            None
        ));
        assert!(
            allowed(&post, &headers(&[]), None),
            "API clients send neither header"
        );
        assert!(allowed(
            &post,
            &headers(&[("sec-fetch-site", "same-origin")]),
            None
        ));
        assert!(!allowed(
            &post,
            &headers(&[("sec-fetch-site", "cross-site")]),
            None
        ));
        assert!(allowed(
            &post,
            &headers(&[
                ("origin", "http://127.0.0.1:8080"),
                ("host", "127.0.0.1:8080")
            ]),
            None
        ));
        assert!(!allowed(
            &post,
            &headers(&[
                ("origin", "https://evil.example"),
                ("host", "127.0.0.1:8080")
            ]),
            None
        ));
        assert!(allowed(
            &post,
            &headers(&[
                ("origin", "https://alliances.example.org"),
                ("host", "10.0.0.2:8080")
            ]),
            Some("https://alliances.example.org/")
        ));
        assert!(!allowed(
            &post,
            &headers(&[("origin", "null"), ("host", "a")]),
            None
        ));
    }
}
