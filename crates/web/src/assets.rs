//! Static files embedded in the binary (`assets/`), served under `/static/` with a content
//! fingerprint in the query string for cache busting. Text files are gzip-compressed once,
//! on first request, and kept in memory.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

pub struct Asset {
    pub path: &'static str,
    pub hash: &'static str,
    pub bytes: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

fn gzipped() -> &'static [OnceLock<Option<Vec<u8>>>] {
    static G: OnceLock<Vec<OnceLock<Option<Vec<u8>>>>> = OnceLock::new();
    G.get_or_init(|| ASSETS.iter().map(|_| OnceLock::new()).collect())
}

fn find(path: &str) -> Option<(usize, &'static Asset)> {
    ASSETS.iter().enumerate().find(|(_, a)| a.path == path)
}

/// The URL of an asset, with its fingerprint (`/static/css/site.css?v=…`).
///
/// # Panics
/// When the asset does not exist: templates name assets literally, and the tests render
/// every template.
#[must_use]
pub fn url(path: &str) -> String {
    let (_, asset) = find(path).unwrap_or_else(|| panic!("unknown asset {path}"));
    format!("/static/{}?v={}", asset.path, asset.hash)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn compressible(path: &str) -> bool {
    matches!(
        path.rsplit('.').next(),
        Some("css" | "js" | "svg" | "json" | "txt")
    )
}

pub(crate) fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|enc| {
            let mut parts = enc.trim().split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    enc.write_all(bytes).expect("gzip into memory");
    enc.finish().expect("gzip into memory")
}

/// `GET /static/{*path}`.
pub async fn serve(Path(path): Path<String>, uri: Uri, headers: HeaderMap) -> Response {
    let Some((index, asset)) = find(&path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let etag = format!("\"{}\"", asset.hash);
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let zipped = compressible(asset.path)
            .then(|| {
                gzipped()[index]
                    .get_or_init(|| Some(gzip(asset.bytes)))
                    .as_deref()
            })
            .flatten()
            .filter(|z| z.len() < asset.bytes.len());
        match zipped {
            Some(z) if accepts_gzip(&headers) => {
                let mut r = z.to_vec().into_response();
                r.headers_mut()
                    .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                r
            }
            _ => asset.bytes.into_response(),
        }
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(asset.path)),
    );
    h.insert(
        header::ETAG,
        HeaderValue::from_str(&etag).expect("hex etag"),
    );
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    // Only a fingerprinted URL may be cached for good.
    let versioned = uri
        .query()
        .is_some_and(|q| q.split('&').any(|kv| kv == format!("v={}", asset.hash)));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if versioned {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=300"
        }),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_accept_encoding() {
        let mut h = HeaderMap::new();
        assert!(!accepts_gzip(&h));
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("br, gzip;q=0.8"),
        );
        assert!(accepts_gzip(&h));
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("gzip;q=0, br"),
        );
        assert!(!accepts_gzip(&h));
    }
}
