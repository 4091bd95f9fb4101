//! In-memory cache of rendered reference pages.
//!
//! The pages under this layer depend only on their path, their language and the reference
//! data, which does not change while the process runs: each is rendered once, gzipped once,
//! and then served from memory with an ETag. Requests with a query string are never cached.
//! `clear` empties the cache when the data changes.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use alliances_i18n::Lang;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::assets::{accepts_gzip, gzip};
use crate::state::AppState;

/// Upper bound on entries, whatever the route table: about 400 reference pages per language
/// exist today.
const MAX_ENTRIES: usize = 4096;
/// Pages larger than this are served but not kept.
const MAX_PAGE: usize = 2 * 1024 * 1024;

pub struct CachedPage {
    etag: HeaderValue,
    content_type: HeaderValue,
    plain: Bytes,
    gzipped: Bytes,
}

pub struct PageCache {
    enabled: bool,
    pages: RwLock<HashMap<(Lang, String), Arc<CachedPage>>>,
    pub hits: AtomicU64,
    pub misses: AtomicU64,
}

impl PageCache {
    #[must_use]
    pub fn new(enabled: bool) -> Self {
        Self {
            enabled,
            pages: RwLock::default(),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.pages.read().map(|p| p.len()).unwrap_or_default()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&self) {
        if let Ok(mut p) = self.pages.write() {
            p.clear();
        }
    }

    fn get(&self, key: &(Lang, String)) -> Option<Arc<CachedPage>> {
        self.pages.read().ok()?.get(key).cloned()
    }

    fn insert(&self, key: (Lang, String), page: Arc<CachedPage>) {
        if let Ok(mut p) = self.pages.write()
            && p.len() < MAX_ENTRIES
        {
            p.insert(key, page);
        }
    }
}

/// What a request asks of a cached page.
struct Wants {
    gzip: bool,
    if_none_match: Option<HeaderValue>,
}

fn respond(page: &CachedPage, wants: &Wants) -> Response {
    let not_modified = wants
        .if_none_match
        .as_ref()
        .is_some_and(|v| v.as_bytes() == page.etag.as_bytes());
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else if wants.gzip {
        let mut r = Body::from(page.gzipped.clone()).into_response();
        r.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        r
    } else {
        Body::from(page.plain.clone()).into_response()
    };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, page.content_type.clone());
    h.insert(header::ETAG, page.etag.clone());
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// Route layer for the cacheable pages.
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !state.cache.enabled || request.method() != Method::GET || request.uri().query().is_some() {
        return next.run(request).await;
    }
    let lang = request
        .extensions()
        .get::<Lang>()
        .copied()
        .unwrap_or_default();
    let key = (lang, request.uri().path().to_owned());
    let wants = Wants {
        gzip: accepts_gzip(request.headers()),
        if_none_match: request.headers().get(header::IF_NONE_MATCH).cloned(),
    };
    if let Some(page) = state.cache.get(&key) {
        state.cache.hits.fetch_add(1, Ordering::Relaxed);
        return respond(&page, &wants);
    }
    state.cache.misses.fetch_add(1, Ordering::Relaxed);
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if response.status() != StatusCode::OK
        || !is_html
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let etag = format!("\"{}\"", alliances_store::fingerprint(&[&bytes]));
    let page = Arc::new(CachedPage {
        etag: HeaderValue::from_str(&etag).expect("hex etag"),
        content_type: parts
            .headers
            .get(header::CONTENT_TYPE)
            .cloned()
            .expect("checked above"),
        gzipped: Bytes::from(gzip(&bytes)),
        plain: bytes,
    });
    state.cache.insert(key, page.clone());
    respond(&page, &wants)
}
