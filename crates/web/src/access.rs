//! The authorisation table: every route that needs an account, with the least role it needs.
//! The protected routes sit behind [`layer`], which finds the route in this table (a route
//! missing from it answers 500: the table fails closed), signs the request in, and checks
//! the role and, for a form sent with the session cookie, the session's CSRF token. The
//! route × role test walks this same table.

use alliances_domain::compte::Role;
use alliances_i18n::Lang;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::accounts::{self, Member};
use crate::error::AppError;
use crate::state::AppState;

/// A route and the least role it needs.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub method: &'static str,
    /// The path as the router declares it (`/admin/comptes/{id}/role`).
    pub path: &'static str,
    pub role: Role,
}

const fn rule(method: &'static str, path: &'static str, role: Role) -> Rule {
    Rule { method, path, role }
}

/// Every protected route. Routes absent from it are public.
pub const TABLE: &[Rule] = &[
    rule("POST", "/compte/deconnexion", Role::Membre),
    rule("GET", "/mon-espace", Role::Membre),
    rule("POST", "/mon-espace/profil", Role::Membre),
    rule("POST", "/mon-espace/verification", Role::Membre),
    rule("POST", "/mon-espace/liens", Role::Membre),
    rule("POST", "/mon-espace/liens/retirer", Role::Membre),
    rule("POST", "/mon-espace/jetons", Role::Membre),
    rule("POST", "/mon-espace/jetons/retirer", Role::Membre),
    rule("GET", "/mon-espace/donnees.json", Role::Membre),
    rule("GET", "/mon-espace/supprimer", Role::Membre),
    rule("POST", "/mon-espace/supprimer", Role::Membre),
    rule("GET", "/mon-espace/contributions", Role::Membre),
    rule(
        "GET",
        "/mon-espace/contributions/{id}/reviser",
        Role::Membre,
    ),
    rule(
        "POST",
        "/mon-espace/contributions/{id}/reviser",
        Role::Membre,
    ),
    rule("GET", "/contributions/{genre}/nouvelle", Role::Membre),
    rule(
        "GET",
        "/contributions/{genre}/{slug}/modifier",
        Role::Membre,
    ),
    rule("POST", "/contributions/{genre}", Role::Membre),
    rule("POST", "/api/v1/propositions", Role::Membre),
    rule("PUT", "/api/v1/propositions/{id}", Role::Membre),
    rule("GET", "/moderation", Role::Moderateur),
    rule("GET", "/moderation/propositions/{id}", Role::Moderateur),
    rule(
        "POST",
        "/moderation/propositions/{id}/accepter",
        Role::Moderateur,
    ),
    rule(
        "POST",
        "/moderation/propositions/{id}/demander",
        Role::Moderateur,
    ),
    rule(
        "POST",
        "/moderation/propositions/{id}/refuser",
        Role::Moderateur,
    ),
    rule(
        "POST",
        "/moderation/alliances/{slug}/restaurer",
        Role::Moderateur,
    ),
    rule(
        "POST",
        "/moderation/outils/{slug}/restaurer",
        Role::Moderateur,
    ),
    rule(
        "POST",
        "/moderation/catalyseurs/{slug}/restaurer",
        Role::Moderateur,
    ),
    rule("GET", "/admin/comptes", Role::Administrateur),
    rule("POST", "/admin/comptes/{id}/role", Role::Administrateur),
    rule("GET", "/admin/journal", Role::Administrateur),
];

/// The rule of a route, if it is protected.
#[must_use]
pub fn rule_of(method: &Method, path: &str) -> Option<&'static Rule> {
    TABLE
        .iter()
        .find(|r| r.path == path && r.method == method.as_str())
}

/// Whether a form body's `csrf` field is the session's token.
fn token_matches(body: &[u8], expected: &str) -> bool {
    !expected.is_empty() && form_urlencoded::parse(body).any(|(k, v)| k == "csrf" && v == expected)
}

fn is_form(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|ct| !ct.starts_with("application/json"))
}

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_default();
    // HEAD is answered as GET.
    let method = if request.method() == Method::HEAD {
        Method::GET
    } else {
        request.method().clone()
    };
    let Some(rule) = rule_of(&method, &path) else {
        // A method the route does not answer: 405, as the router would say.
        let allowed: Vec<&str> = TABLE
            .iter()
            .filter(|r| r.path == path)
            .map(|r| r.method)
            .collect();
        if !allowed.is_empty() {
            let mut response = axum::http::StatusCode::METHOD_NOT_ALLOWED.into_response();
            if let Ok(v) = axum::http::HeaderValue::from_str(&allowed.join(", ")) {
                response.headers_mut().insert(header::ALLOW, v);
            }
            return response;
        }
        return AppError::Internal(format!(
            "route {} {path} absente de la table d'accès",
            request.method()
        ))
        .into_response();
    };
    let member = match accounts::resolve(&state, request.headers()).await {
        Ok(m) => m,
        Err(e) => return e.into_response(),
    };
    let api = request.uri().path().starts_with("/api/");
    let Some(member) = member else {
        if api {
            return AppError::Unauthorized.into_response();
        }
        // A visitor is sent to the login form, which brings them back here.
        let lang = request
            .extensions()
            .get::<Lang>()
            .copied()
            .unwrap_or_default();
        let back = if request.method() == Method::GET {
            request.uri().path().to_owned()
        } else {
            "/mon-espace".to_owned()
        };
        let to = format!(
            "{}?retour={}",
            crate::ctx::link(lang, "/compte/connexion"),
            form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>()
        );
        return crate::personal::see_other(&to);
    };
    if member.role < rule.role {
        return AppError::Forbidden.into_response();
    }
    // Personal API tokens are for the API; the site's pages go with a session.
    if member.session.is_none() && !api {
        return AppError::Unauthorized.into_response();
    }
    let writes = method != Method::GET;
    let request = if writes && member.session.is_some() && api {
        // The API takes JSON: a cross-site page cannot send it without a preflight.
        if is_form(&request) {
            return AppError::JsonRequired.into_response();
        }
        request
    } else if writes && member.session.is_some() {
        // Every form sent with the session carries its token, whatever it declares.
        match checked_form(request, &member, state.settings.body_limit).await {
            Ok(r) => r,
            Err(response) => return *response,
        }
    } else {
        request
    };
    let mut request = request;
    request.extensions_mut().insert::<Member>(member);
    crate::personal::private(next.run(request).await)
}

/// The request again, once its form carries the session's token; 403 otherwise.
async fn checked_form(
    request: Request,
    member: &Member,
    limit: usize,
) -> Result<Request, Box<Response>> {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return Err(Box::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        ));
    };
    if !token_matches(&bytes, member.csrf()) {
        return Err(Box::new(AppError::CsrfToken.into_response()));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_names_each_route_once() {
        let mut seen = std::collections::HashSet::new();
        for r in TABLE {
            assert!(
                seen.insert((r.method, r.path)),
                "{} {} twice",
                r.method,
                r.path
            );
            assert!(matches!(r.method, "GET" | "POST" | "PUT"), "{}", r.method);
        }
        assert!(rule_of(&Method::GET, "/admin/comptes").is_some());
        assert!(rule_of(&Method::POST, "/admin/comptes").is_none());
    }

    #[test]
    fn the_token_must_match() {
        assert!(token_matches(b"a=1&csrf=abc", "abc"));
        assert!(!token_matches(b"a=1&csrf=abd", "abc"));
        assert!(!token_matches(b"a=1", "abc"));
        assert!(!token_matches(b"csrf=", ""));
    }
}
