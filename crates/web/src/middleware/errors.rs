//! Renders every error response for its reader: an HTML page in the page's language, or
//! RFC 9457 problem+json under `/api/`. Errors raised by handlers carry an
//! [`ErrorDetail`]; bare errors from the framework and the layers (405, 408, 413, 429…)
//! get the generic text of their status. Errors already rendered pass through.

use alliances_i18n::Lang;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::ctx::Ctx;
use crate::error::ErrorDetail;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    ctx: &'a Ctx,
    status: u16,
    title: String,
    detail: String,
    erreurs: &'a [alliances_domain::error::FieldError],
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    title: String,
    status: u16,
    detail: String,
    instance: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    erreurs: &'a [alliances_domain::error::FieldError],
}

/// Message ids exist for these statuses; others use the 400/500 texts.
fn message_status(status: StatusCode) -> u16 {
    match status.as_u16() {
        s @ (400 | 401 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 503) => s,
        s if s >= 500 => 500,
        _ => 400,
    }
}

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let lang = request
        .extensions()
        .get::<Lang>()
        .copied()
        .unwrap_or_default();
    let path = request.uri().path().to_owned();
    let api = path.starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let detail = response.extensions().get::<ErrorDetail>().cloned();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if detail.is_none()
        && content_type.is_some_and(|ct| {
            ct.starts_with("text/html") || ct.starts_with("application/problem+json")
        })
    {
        return response;
    }
    let detail = detail.unwrap_or_default();
    let (parts, _) = response.into_parts();
    // API errors are always French (CONVENTIONS.md); pages follow their language.
    let message_lang = if api { Lang::Fr } else { lang };
    let code = message_status(status);
    let key = detail
        .key
        .map_or_else(|| format!("erreur-{code}"), str::to_owned);
    let title = state
        .catalog
        .get(message_lang, &format!("{key}-titre"))
        .into_owned();
    let text = detail.detail.clone().unwrap_or_else(|| {
        state
            .catalog
            .get(message_lang, &format!("{key}-texte"))
            .into_owned()
    });
    let mut rendered = if api {
        let problem = Problem {
            kind: "about:blank",
            title,
            status: status.as_u16(),
            detail: text,
            instance: &path,
            erreurs: &detail.erreurs,
        };
        let mut r = axum::Json(problem).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        r
    } else {
        let ctx = Ctx::new(state.clone(), lang, &path, None);
        let page = ErrorPage {
            ctx: &ctx,
            status: status.as_u16(),
            title,
            detail: text,
            erreurs: &detail.erreurs,
        };
        match page.render() {
            Ok(html) => axum::response::Html(html).into_response(),
            Err(e) => {
                tracing::error!(error = %e, "rendu de la page d'erreur");
                "Erreur".into_response()
            }
        }
    };
    *rendered.status_mut() = status;
    // Keep what the original response told the client (Allow, Retry-After…).
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(v) = parts.headers.get(&name) {
            rendered.headers_mut().insert(name, v.clone());
        }
    }
    rendered
}
