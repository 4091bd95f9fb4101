use std::time::Duration;

use axum::body::Body;
use axum::http::Request;

use alliances_testkit::{Backend, TestApp, test_settings};
use alliances_web::Settings;

use crate::visible_text;

alliances_testkit::both_backends!(
    security_headers_on_every_response,
    cross_site_posts_are_refused,
    writes_are_rate_limited,
    large_bodies_are_refused,
    unsupported_methods_get_french_errors
);

async fn security_headers_on_every_response(backend: &Backend) {
    let app = TestApp::new(backend).await;
    for path in [
        "/",
        "/odd/17",
        "/api/v1/odd/objectifs",
        "/territoires/communes/99999",
        "/static/css/site.css",
    ] {
        let r = app.get(path).await;
        let csp = r
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("CSP on {path}"));
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .expect("script-src");
        assert!(
            !script_src.contains("unsafe-inline") && !script_src.contains("unsafe-eval"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(
            r.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );
        assert_eq!(
            r.header("referrer-policy").as_deref(),
            Some("strict-origin-when-cross-origin")
        );
        assert_eq!(r.header("x-frame-options").as_deref(), Some("DENY"));
        assert!(r.header("x-request-id").is_some());
    }
    let html = app.get("/").await.text();
    assert!(
        !html.contains("<script>") && !html.contains(" style=\""),
        "no inline script or style"
    );
    app.remove().await;
}

async fn cross_site_posts_are_refused(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let post = |headers: &[(&str, &str)]| {
        let mut b = Request::post("/territoires");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    };
    let refused = app
        .request(post(&[
            ("origin", "https://ailleurs.example"),
            ("host", "alliances.test"),
        ]))
        .await;
    assert_eq!(refused.status, 403);
    assert!(visible_text(&refused.text()).contains("elle vient d'un autre site"));
    let refused = app.request(post(&[("sec-fetch-site", "cross-site")])).await;
    assert_eq!(refused.status, 403);
    // Same origin or API clients pass the check, then meet the route's method table.
    for headers in [
        &[("sec-fetch-site", "same-origin")][..],
        &[
            ("origin", "http://alliances.test"),
            ("host", "alliances.test"),
        ][..],
        &[][..],
    ] {
        assert_eq!(app.request(post(headers)).await.status, 405, "{headers:?}");
    }
    app.remove().await;
}

async fn writes_are_rate_limited(backend: &Backend) {
    let settings = Settings {
        rate_limit_writes: Some(2),
        rate_limit_reads: Some(1000),
        ..test_settings()
    };
    let app = TestApp::with_settings(backend, settings).await;
    let post = || {
        Request::post("/api/v1/odd/objectifs")
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(app.request(post()).await.status, 405);
    assert_eq!(app.request(post()).await.status, 405);
    let limited = app.request(post()).await;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.header("retry-after").as_deref(), Some("30"));
    assert!(
        limited.json()["detail"]
            .as_str()
            .unwrap()
            .contains("Patientez")
    );
    assert_eq!(
        app.get("/odd/17").await.status,
        200,
        "reads have their own, larger budget"
    );
    assert_eq!(app.get("/healthz").await.status, 200);
    app.remove().await;
}

async fn large_bodies_are_refused(backend: &Backend) {
    let settings = Settings {
        body_limit: 2048,
        request_timeout: Duration::from_secs(5),
        ..test_settings()
    };
    let app = TestApp::with_settings(backend, settings).await;
    let big = vec![b'x'; 10_000];
    let r = app
        .request(
            Request::post("/api/v1/odd/objectifs")
                .header("content-length", big.len())
                .body(Body::from(big))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 413);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("dépassent la taille")
    );
    app.remove().await;
}

async fn unsupported_methods_get_french_errors(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app
        .request(Request::delete("/odd/17").body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, 405);
    assert!(r.header("allow").is_some());
    assert!(visible_text(&r.text()).contains("Méthode non acceptée"));
    let r = app
        .request(
            Request::put("/api/v1/odd/objectifs")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 405);
    assert_eq!(r.json()["title"], "Méthode non acceptée");
    app.remove().await;
}
