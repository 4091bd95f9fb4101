//! Errors at the HTTP edge. A handler returns [`AppError`]; the response carries an
//! [`ErrorDetail`] and no body, and the error middleware renders it for the reader: a
//! French (or English) HTML page, or RFC 9457 `application/problem+json` under `/api/`.
//! Internal causes are logged, never shown.

use alliances_domain::error::{FieldError, Invalid};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub enum AppError {
    /// Unknown id or code: 404.
    NotFound,
    /// 404 with a sentence saying what to do (an unknown personal link).
    NotFoundBecause(String),
    /// Bad values, each naming its field: 422.
    Invalid(Invalid),
    /// Bad values with a sentence that says what to send instead: 422.
    InvalidBecause(String, Invalid),
    /// The route needs a signed-in member, or an API token is unknown: 401.
    Unauthorized,
    /// The member's role does not allow this: 403.
    Forbidden,
    /// The API was sent something else than JSON with the session cookie: 415.
    JsonRequired,
    /// The resource is no longer in the state the request expects (decided already): 409.
    Conflict(String),
    /// 403 with a sentence saying why and what to do.
    ForbiddenBecause(String),
    /// A form sent with the session cookie without the session's token: 403.
    CsrfToken,
    /// Too many failed attempts (login, reset): 429, with the seconds to wait.
    Throttled(i64),
    /// Start-up work not finished: 503.
    Unavailable,
    /// A fault of ours: 500; the message goes to the log only.
    Internal(String),
}

/// Attached to error responses for the renderer.
#[derive(Debug, Clone, Default)]
pub struct ErrorDetail {
    /// A French sentence saying what went wrong and what to do; the status's generic text
    /// otherwise.
    pub detail: Option<String>,
    pub erreurs: Vec<FieldError>,
    /// The catalogue messages to say instead of the status's (`erreur-charge` for
    /// `erreur-charge-titre` and `erreur-charge-texte`).
    pub key: Option<&'static str>,
}

impl From<alliances_store::StoreError> for AppError {
    fn from(e: alliances_store::StoreError) -> Self {
        AppError::Internal(e.to_string())
    }
}

impl From<Invalid> for AppError {
    fn from(e: Invalid) -> Self {
        AppError::Invalid(e)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, detail) = match self {
            AppError::NotFound => (StatusCode::NOT_FOUND, ErrorDetail::default()),
            AppError::NotFoundBecause(detail) => (
                StatusCode::NOT_FOUND,
                ErrorDetail {
                    detail: Some(detail),
                    erreurs: Vec::new(),
                    key: None,
                },
            ),
            AppError::Invalid(invalid) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorDetail {
                    detail: None,
                    erreurs: invalid.0,
                    key: None,
                },
            ),
            AppError::InvalidBecause(detail, invalid) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorDetail {
                    detail: Some(detail),
                    erreurs: invalid.0,
                    key: None,
                },
            ),
            AppError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                ErrorDetail {
                    key: Some("erreur-connexion-requise"),
                    ..ErrorDetail::default()
                },
            ),
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                ErrorDetail {
                    key: Some("erreur-droits"),
                    ..ErrorDetail::default()
                },
            ),
            AppError::JsonRequired => (StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorDetail::default()),
            AppError::Conflict(detail) => (
                StatusCode::CONFLICT,
                ErrorDetail {
                    detail: Some(detail),
                    ..ErrorDetail::default()
                },
            ),
            AppError::ForbiddenBecause(detail) => (
                StatusCode::FORBIDDEN,
                ErrorDetail {
                    detail: Some(detail),
                    ..ErrorDetail::default()
                },
            ),
            AppError::CsrfToken => (
                StatusCode::FORBIDDEN,
                ErrorDetail {
                    key: Some("erreur-jeton"),
                    ..ErrorDetail::default()
                },
            ),
            AppError::Throttled(wait) => {
                let minutes = (wait + 59) / 60;
                let mut response = (
                    StatusCode::TOO_MANY_REQUESTS,
                    [(axum::http::header::RETRY_AFTER, wait.to_string())],
                )
                    .into_response();
                response.extensions_mut().insert(ErrorDetail {
                    detail: Some(format!(
                        "Trop de tentatives : par sécurité, réessayez dans {minutes} minute{}.",
                        if minutes > 1 { "s" } else { "" }
                    )),
                    ..ErrorDetail::default()
                });
                return response;
            }
            AppError::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, ErrorDetail::default()),
            AppError::Internal(message) => {
                tracing::error!(error = %message, "erreur interne");
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorDetail::default())
            }
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(detail);
        response
    }
}

pub type AppResult<T> = Result<T, AppError>;
