//! Security headers on every response.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// No inline script anywhere; styles from our own files only; nothing from another origin.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; \
     frame-ancestors 'none'";
/// The API documentation page runs the vendored Swagger UI, which sets inline styles.
const CSP_API_DOCS: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; \
     object-src 'none'; frame-ancestors 'none'";
/// Future embeddable widgets (`/embed/…`) may be framed by any site.
const CSP_EMBED: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; \
     frame-ancestors *";

pub async fn layer(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let https = request.uri().scheme_str() == Some("https");
    let mut response = next.run(request).await;
    let embed = path.starts_with("/embed/");
    let csp = if embed {
        CSP_EMBED
    } else if path == "/api/docs" {
        CSP_API_DOCS
    } else {
        CSP
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Pages behind personal links set `no-referrer` themselves: keep theirs.
    h.entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    if !embed {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}
