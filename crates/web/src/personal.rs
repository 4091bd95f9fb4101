//! What every page behind a personal link shares (CONVENTIONS.md): `noindex`, never cached,
//! no referrer; redirects after a form; the absolute address of a link people copy.

use askama::Template;
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::error::AppResult;
use crate::state::AppState;

/// Headers of a page behind a personal link.
pub fn private(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// A rendered page behind a personal link.
pub fn page<T: Template>(status: StatusCode, template: &T) -> AppResult<Response> {
    let html = crate::render(template)?;
    Ok(private((status, html).into_response()))
}

/// `303 See Other` to `to`, as a private response.
pub fn see_other(to: &str) -> Response {
    private(Redirect::to(to).into_response())
}

/// The absolute address of a path, for links people copy.
pub fn absolute(state: &AppState, headers: &HeaderMap, path: &str) -> String {
    if let Some(base) = &state.settings.public_url {
        return format!("{}{path}", base.trim_end_matches('/'));
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}{path}")
}

/// The pairs of a URL-encoded form body.
pub fn form_pairs(body: &Bytes) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// A form request read whole: its headers, the client it comes from (for throttles) and its
/// fields.
pub async fn client_form(
    state: &AppState,
    request: axum::extract::Request,
) -> crate::error::AppResult<(HeaderMap, std::net::IpAddr, Vec<(String, String)>)> {
    let client = crate::middleware::rate_limit::client_ip(&request, state.settings.trust_proxy);
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, state.settings.body_limit)
        .await
        .map_err(|_| {
            crate::error::AppError::Invalid(alliances_domain::error::Invalid(vec![
                alliances_domain::error::FieldError::new("corps", "formulaire illisible"),
            ]))
        })?;
    Ok((parts.headers, client, form_pairs(&body)))
}

/// The value of a form field, empty when absent.
#[must_use]
pub fn form_value(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// The query of a « reprendre » form: a personal link or its code, pasted.
#[derive(serde::Deserialize)]
pub struct Pasted {
    lien: Option<String>,
}

impl Pasted {
    /// The page a pasted link leads to: `{base}/{kind}/{secret}`, where `kind` is `shared` when
    /// the text names that kind (`/collectifs/`, `/groupes/`) and `own` otherwise; `None`
    /// when the text holds no secret.
    #[must_use]
    pub fn path(&self, base: &str, shared: &str, own: &str) -> Option<String> {
        let text = self
            .lien
            .as_deref()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let secret = text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .find(|part| crate::links::is_secret(part))
            .map(str::to_owned)?;
        let kind = if text.contains(&format!("/{shared}/")) {
            shared
        } else {
            own
        };
        Some(format!("{base}/{kind}/{secret}"))
    }
}

/// One label per non-empty line (partners of a collective, learners of a group), each cut to
/// 80 characters, a repeated one (in any case) kept once.
#[must_use]
pub fn labels(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let label: String = line.chars().take(80).collect();
        if !out.iter().any(|p| p.to_lowercase() == label.to_lowercase()) {
            out.push(label);
        }
    }
    out
}

/// The database key of a personal link's secret, or `None` when the text cannot be one.
#[must_use]
pub fn key_of_link(secret: &str) -> Option<String> {
    crate::links::is_secret(secret).then(|| crate::links::key_of(secret))
}
