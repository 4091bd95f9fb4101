//! Who is asking: a member signed in by the session cookie, or by a personal API token
//! (`Authorization: Bearer …`). Shared by every feature that needs an account; the access
//! table (`access.rs`) says which routes need which role.
//!
//! The session cookie holds a 160-bit secret; the database keeps its SHA-256. A login always
//! opens a new session (never the one the browser came with) and closes the old one.

use std::sync::OnceLock;

use alliances_domain::compte::Role;
use alliances_store::comptes::{self, Account};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The session cookie's name.
pub const COOKIE: &str = "alliances_session";

/// A signed-in member.
#[derive(Debug, Clone)]
pub struct Member {
    pub account: Account,
    pub role: Role,
    /// The session's key and its forms' token; `None` when signed in by an API token.
    pub session: Option<(String, String)>,
}

impl Member {
    /// The token the member's forms carry (empty for an API token, which has no forms).
    #[must_use]
    pub fn csrf(&self) -> &str {
        self.session.as_ref().map_or("", |(_, c)| c.as_str())
    }

    #[must_use]
    pub fn verified(&self) -> bool {
        self.account.verifie_le.is_some()
    }
}

/// The cookie's secret, if the request carries one of the right shape.
#[must_use]
pub fn cookie_secret(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|s| crate::links::is_secret(s))
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

/// The member a request comes from, if any. An API token that is not ours is an error (401),
/// not a visitor: the client meant to sign in.
pub async fn resolve(state: &AppState, headers: &HeaderMap) -> AppResult<Option<Member>> {
    let now = state.now();
    if let Some(token) = bearer(headers) {
        let account = if crate::links::is_secret(token) {
            comptes::by_api_token(&state.db, &crate::links::key_of(token), now).await?
        } else {
            None
        };
        // A token works for a confirmed address only (a token made before someone else
        // confirmed the address by a reset would otherwise outlive it).
        return match account.filter(|a| a.verifie_le.is_some()) {
            Some(account) => Ok(Some(member(account, None)?)),
            None => Err(AppError::Unauthorized),
        };
    }
    let Some(secret) = cookie_secret(headers) else {
        return Ok(None);
    };
    let key = crate::links::key_of(&secret);
    match comptes::session(&state.db, &key, now).await? {
        Some((account, session)) => Ok(Some(member(account, Some((key, session.csrf)))?)),
        None => Ok(None),
    }
}

fn member(account: Account, session: Option<(String, String)>) -> AppResult<Member> {
    let role = Role::parse(&account.role)
        .ok_or_else(|| AppError::Internal(format!("rôle inconnu « {} » en base", account.role)))?;
    Ok(Member {
        account,
        role,
        session,
    })
}

/// The member of a request: resolved once by the access layer, else here.
pub struct Viewer(pub Option<Member>);

impl FromRequestParts<AppState> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if let Some(m) = parts.extensions.get::<Member>() {
            return Ok(Viewer(Some(m.clone())));
        }
        // On public pages a token that is not ours is no one: the page answers as to a visitor.
        match resolve(state, &parts.headers).await {
            Ok(m) => Ok(Viewer(m)),
            Err(AppError::Unauthorized) => Ok(Viewer(None)),
            Err(e) => Err(e),
        }
    }
}

/// The member of a route the access table protects (the layer put them there).
pub struct Signed(pub Member);

impl FromRequestParts<AppState> for Signed {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<Member>()
            .cloned()
            .map(Signed)
            .ok_or_else(|| AppError::Internal("route protégée hors de la table d'accès".into()))
    }
}

/// `Set-Cookie` of a new session: `Secure`, `HttpOnly`, `SameSite=Lax`, for its lifetime.
#[must_use]
pub fn session_cookie(secret: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE}={secret}; Path=/; Max-Age={}; HttpOnly; Secure; SameSite=Lax",
        comptes::SESSION_LIFETIME
    ))
    .expect("a hex secret is a valid header")
}

/// `Set-Cookie` that removes the session cookie.
#[must_use]
pub fn cleared_cookie() -> HeaderValue {
    HeaderValue::from_static(
        "alliances_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax",
    )
}

/// Opens a new session for an account: a new secret and forms' token; the session the
/// browser came with (if any) is closed. Returns the cookie's secret.
pub async fn open_session(
    state: &AppState,
    headers: &HeaderMap,
    account: &str,
) -> AppResult<String> {
    if let Some(old) = cookie_secret(headers) {
        comptes::close_session(&state.db, &crate::links::key_of(&old)).await?;
    }
    let secret = crate::links::new_secret();
    let csrf = crate::links::new_secret();
    comptes::open_session(
        &state.db,
        &crate::links::key_of(&secret),
        account,
        &csrf,
        state.now(),
    )
    .await?;
    Ok(secret)
}

/// A new account id: 128 random bits, hex.
#[must_use]
pub fn new_id() -> String {
    crate::links::new_secret()[..32].to_owned()
}

/// The Argon2id hash of a password (OWASP's parameters: 19 MiB, 2 passes), off the async
/// threads.
pub async fn hash_password(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(format!("hachage du mot de passe : {e}")))
}

/// A hash no password matches, verified when the address has no account so that the answer
/// takes as long either way.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        let salt = SaltString::encode_b64(&[7u8; 16]).expect("a fixed salt");
        Argon2::default()
            .hash_password(crate::links::new_secret().as_bytes(), &salt)
            .expect("hash")
            .to_string()
    })
}

/// Whether `password` matches the stored hash (`None`: no account, same work done).
pub async fn verify_password(hash: Option<String>, password: String) -> AppResult<bool> {
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
        let ok = PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        });
        known && ok
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))
}
