//! Requests against the app: in process (`TestApp`, through the same service the server
//! runs) or over a real socket (`raw_get`, one HTTP/1.1 request per connection).

use std::time::Duration;

use alliances_web::json as serde_json;
use alliances_web::{AppState, Settings};
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

use crate::{Backend, TestDb, loaded_db};

/// An answer, body decoded as text.
#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub bytes: Vec<u8>,
}

impl TestResponse {
    #[must_use]
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// The body as JSON.
    ///
    /// # Panics
    /// When the body is not JSON.
    #[must_use]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.bytes)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    #[must_use]
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }
}

/// The application on a loaded database, answering in process.
pub struct TestApp {
    pub db: TestDb,
    pub state: AppState,
    pub app: alliances_web::App,
}

/// Settings for tests: no rate limits, quiet logs.
#[must_use]
pub fn test_settings() -> Settings {
    Settings {
        rate_limit_reads: None,
        rate_limit_writes: None,
        log_requests: false,
        // Tests load their runtime in bursts: no shedding on scheduling delay.
        max_queue_delay: None,
        // Each app its own mail folder, read back by `TestApp::mails`.
        mailer: alliances_web::mail::Mailer::Folder(
            crate::scratch_dir().join(crate::unique("courriels")),
        ),
        ..Settings::default()
    }
}

impl TestApp {
    /// Loaded database, prepared state (ready).
    pub async fn new(backend: &Backend) -> TestApp {
        Self::with_settings(backend, test_settings()).await
    }

    pub async fn with_settings(backend: &Backend, settings: Settings) -> TestApp {
        let app = Self::unprepared(backend, settings).await;
        alliances_web::prepare(&app.state, true)
            .await
            .expect("prepare the app");
        app
    }

    /// The app before start-up work: `/readyz` answers 503.
    pub async fn unprepared(backend: &Backend, settings: Settings) -> TestApp {
        let db = loaded_db(backend).await;
        let catalog = alliances_i18n::Catalog::load().expect("catalogues");
        let state = AppState::new(db.db.clone(), catalog, settings);
        let app = alliances_web::app(state.clone());
        TestApp { db, state, app }
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .app
            .clone()
            .oneshot(request)
            .await
            .expect("infallible service");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024)
            .await
            .expect("read body")
            .to_vec();
        TestResponse {
            status,
            headers,
            bytes,
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.request(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    /// The mail sent so far, oldest first, as the files hold it.
    #[must_use]
    pub fn mails(&self) -> Vec<String> {
        match &self.state.settings.mailer {
            alliances_web::mail::Mailer::Folder(dir) => alliances_web::mail::read_folder(dir),
            alliances_web::mail::Mailer::Smtp(_) => Vec::new(),
        }
    }

    pub async fn remove(self) {
        if let alliances_web::mail::Mailer::Folder(dir) = &self.state.settings.mailer {
            let _ = std::fs::remove_dir_all(dir);
        }
        self.db.remove().await;
    }
}

/// `GET path` over a socket, `Connection: close`; returns status, headers and body.
///
/// # Panics
/// On I/O errors or a malformed answer.
pub async fn raw_get(address: &str, path: &str) -> (u16, String, String) {
    raw_request(address, "GET", path, None).await
}

/// `method path` over a socket with an optional JSON body, `Connection: close`; returns
/// status, headers and body.
///
/// # Panics
/// On I/O errors or a malformed answer.
pub async fn raw_request(
    address: &str,
    method: &str,
    path: &str,
    json: Option<&str>,
) -> (u16, String, String) {
    raw_send(
        address,
        method,
        path,
        &[],
        json.map(|b| ("application/json", b)),
    )
    .await
}

/// `method path` over a socket with extra headers (a cookie…) and an optional body of a
/// content type, `Connection: close`; returns status, headers and body.
///
/// # Panics
/// On I/O errors or a malformed answer.
pub async fn raw_send(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, &str)>,
) -> (u16, String, String) {
    let mut stream = tokio::time::timeout(
        Duration::from_secs(10),
        tokio::net::TcpStream::connect(address),
    )
    .await
    .expect("connect in time")
    .expect("connect");
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some((content_type, body)) = body {
        request.push_str(&format!(
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ));
    } else {
        request.push_str("\r\n");
    }
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut raw))
        .await
        .expect("read in time")
        .expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status line");
    (status, head.to_owned(), body.to_owned())
}
