use axum::body::Body;
use axum::http::Request;

use alliances_testkit::{Backend, TestApp, test_settings};

use crate::visible_text;

alliances_testkit::both_backends!(
    readiness_follows_start_up,
    metrics_count_requests,
    reference_pages_are_cached_with_etags,
    static_assets_are_fingerprinted_and_compressed,
    past_its_capacity_the_server_sheds_load_at_once
);

async fn readiness_follows_start_up(backend: &Backend) {
    let app = TestApp::unprepared(backend, test_settings()).await;
    assert_eq!(app.get("/healthz").await.status, 200);
    assert_eq!(app.get("/readyz").await.status, 503);
    let page = app.get("/odd/17").await;
    assert_eq!(page.status, 503);
    assert_eq!(page.header("retry-after").as_deref(), Some("1"));
    assert!(visible_text(&page.text()).contains("Le service démarre"));
    let api = app.get("/api/v1/odd/objectifs").await;
    assert_eq!(
        (api.status.as_u16(), api.header("content-type").as_deref()),
        (503, Some("application/problem+json"))
    );
    alliances_web::prepare(&app.state, true).await.unwrap();
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, 200);
    assert_eq!(app.get("/odd/17").await.status, 200);
    app.remove().await;
}

async fn metrics_count_requests(backend: &Backend) {
    let app = TestApp::new(backend).await;
    app.get("/odd/17").await;
    app.get("/odd/17").await;
    app.get("/inexistant").await;
    let m = app.get("/metrics").await;
    assert_eq!(m.status, 200);
    let text = m.text();
    assert!(
        text.contains(
            "alliances_http_requests_total{method=\"GET\",route=\"/odd/{numero}\",status=\"200\"} 2"
        ),
        "{text}"
    );
    assert!(text.contains("status=\"404\""));
    assert!(text.contains("alliances_ready 1"));
    assert!(text.contains("alliances_page_cache_requests_total{outcome=\"hit\"} 1"));
    assert!(text.contains("# TYPE alliances_http_request_duration_seconds histogram"));
    app.remove().await;
}

async fn reference_pages_are_cached_with_etags(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let first = app.get("/odd/17").await;
    let etag = first.header("etag").expect("an ETag");
    let second = app.get("/odd/17").await;
    assert_eq!(first.bytes, second.bytes, "same bytes from the cache");
    let revalidated = app
        .request(
            Request::get("/odd/17")
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(revalidated.status, 304);
    let gz = app
        .request(
            Request::get("/odd/17")
                .header("accept-encoding", "gzip, br")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(gz.header("content-encoding").as_deref(), Some("gzip"));
    assert!(gz.bytes.len() * 3 < first.bytes.len(), "compressed");
    let en = app.get("/en/odd/17").await;
    assert_ne!(en.bytes, first.bytes, "the language is part of the key");
    let searched = app.get("/territoires?q=caen").await;
    assert!(searched.header("etag").is_none(), "queries are not cached");
    app.remove().await;
}

async fn static_assets_are_fingerprinted_and_compressed(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let home = app.get("/").await.text();
    let at = home
        .find("/static/css/site.css?v=")
        .expect("fingerprinted stylesheet");
    let url: String = home[at..].chars().take_while(|c| *c != '"').collect();
    let css = app
        .request(
            Request::get(url.as_str())
                .header("accept-encoding", "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-encoding").as_deref(), Some("gzip"));
    assert!(css.header("cache-control").unwrap().contains("immutable"));
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    let plain = app.get("/static/css/site.css").await;
    assert!(
        plain
            .header("cache-control")
            .unwrap()
            .contains("max-age=300")
    );
    assert_eq!(app.get("/static/nope.css").await.status, 404);
    app.remove().await;
}

/// With `max_in_flight` requests already in progress (their permits held here, as running
/// requests hold them), the next one is answered 503 at once with `Retry-After`, in the
/// page's language or as problem+json, and counted; health checks still answer; once a
/// request ends, the next one is served.
async fn past_its_capacity_the_server_sheds_load_at_once(backend: &Backend) {
    let mut settings = test_settings();
    settings.max_in_flight = Some(2);
    let app = TestApp::with_settings(backend, settings).await;
    assert_eq!(app.get("/odd/17").await.status, 200);
    let permits = app.state.in_flight.clone().unwrap();
    let first = permits.clone().try_acquire_owned().unwrap();
    let _second = permits.clone().try_acquire_owned().unwrap();
    // Queued, these requests would never be answered while the permits are held.
    let page = app.get("/odd/17").await;
    assert_eq!(page.status, 503);
    assert_eq!(page.header("retry-after").as_deref(), Some("1"));
    assert!(
        visible_text(&page.text()).contains("Service très sollicité"),
        "{}",
        page.text()
    );
    let english = app.get("/en/odd/17").await;
    assert_eq!(english.status, 503);
    assert!(visible_text(&english.text()).contains("Service very busy"));
    let api = app.get("/api/v1/territoires/recherche?q=lyon").await;
    assert_eq!(api.status, 503);
    assert_eq!(api.json()["title"], "Service très sollicité");
    assert_eq!(app.get("/healthz").await.status, 200);
    assert_eq!(app.get("/readyz").await.status, 200);
    let metrics = app.get("/metrics").await.text();
    assert!(
        metrics.contains("alliances_shed_requests_total 3"),
        "{metrics}"
    );
    drop(first);
    assert_eq!(app.get("/odd/17").await.status, 200);
    app.remove().await;
}
