//! In-memory cache of rendered reference pages.
//!
//! The pages under this layer depend only on their path, their language and the data the
//! server holds: each is rendered once, gzipped once, and then served from memory with an
//! ETag. Requests with a query string are never cached. `clear` empties the cache when the
//! data changes (the follower task, when a change log moves); a page whose rendering started
//! before a clear is served but not kept, so that it cannot bring old data back.

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
    /// Moves at every clear: a render keeps its page only if no clear happened meanwhile.
    generation: AtomicU64,
    pub hits: AtomicU64,
    pub misses: AtomicU64,
}

impl PageCache {
    #[must_use]
    pub fn new(enabled: bool) -> Self {
        Self {
            enabled,
            pages: RwLock::default(),
            generation: AtomicU64::new(0),
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
            self.generation.fetch_add(1, Ordering::AcqRel);
            p.clear();
        }
    }

    fn get(&self, key: &(Lang, String)) -> Option<Arc<CachedPage>> {
        self.pages.read().ok()?.get(key).cloned()
    }

    /// Keeps a page rendered from the data of `generation`, unless a clear came since.
    fn insert(&self, key: (Lang, String), page: Arc<CachedPage>, generation: u64) {
        if let Ok(mut p) = self.pages.write()
            && p.len() < MAX_ENTRIES
            && self.generation.load(Ordering::Acquire) == generation
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
    let generation = state.cache.generation.load(Ordering::Acquire);
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
    state.cache.insert(key, page.clone(), generation);
    respond(&page, &wants)
}

#[cfg(test)]
mod generation_tests {
    use super::*;

    fn page() -> Arc<CachedPage> {
        Arc::new(CachedPage {
            etag: HeaderValue::from_static("\"e\""),
            content_type: HeaderValue::from_static("text/html"),
            plain: Bytes::from_static(b"old"),
            gzipped: Bytes::new(),
        })
    }

    #[test]
    fn a_render_that_started_before_a_clear_is_not_kept() {
        let cache = PageCache::new(true);
        let key = (Lang::Fr, "/territoires/regions/76".to_owned());
        let before = cache.generation.load(Ordering::Acquire);
        cache.clear();
        cache.insert(key.clone(), page(), before);
        assert!(cache.get(&key).is_none(), "old data kept after a clear");
        let now = cache.generation.load(Ordering::Acquire);
        cache.insert(key.clone(), page(), now);
        assert!(cache.get(&key).is_some());
    }
}
