//! Certificates: issued at the end of a variant from the progress link (a name only if the
//! learner chooses), verified by anyone at `/certificats/{code}` (`noindex`, printable),
//! revoked by their holder, downloadable as an Open Badges 3.0 credential signed RS256 with
//! the instance's key, whose public half is at `/.well-known/jwks.json`.

use alliances_store::parcours::{self as store, Certificate};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::html::progress_of;
use super::{certificate_modules, credential, duration, iso_date, new_code, normalize_code};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::personal::{absolute, form_pairs, form_value, page, private, see_other};
use crate::state::AppState;

/// A name shown on a certificate: at most this many characters.
pub const MAX_NAME: usize = 120;

/// `POST /competences/suivis/{secret}/certificats`: every module of the variant completed →
/// a new certificate; `afficher_nom=1` with `nom` puts a name on it.
pub async fn issue(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let pr = progress_of(&state, &secret, ctx.lang).await?;
    let pairs = form_pairs(&body);
    let get = |name: &str| form_value(&pairs, name).trim().to_owned();
    let p = &state.settings.parcours;
    let v = p.variant(&pr.parcours).ok_or(AppError::NotFound)?;
    let completed: Vec<String> = store::completed(&state.db, &pr.cle)
        .await?
        .into_iter()
        .map(|(m, _)| m)
        .collect();
    let mut invalid = alliances_domain::error::Invalid::default();
    let missing: Vec<&str> = v
        .modules
        .iter()
        .filter(|m| !completed.contains(m))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        invalid.push(
            "parcours",
            format!(
                "il reste des modules à terminer avant le certificat : {}",
                missing.join(", ")
            ),
        );
    }
    let nom = if get("afficher_nom") == "1" {
        let nom = get("nom");
        if nom.is_empty() || nom.chars().count() > MAX_NAME {
            invalid.push(
                "nom",
                format!(
                    "écrivez le nom à afficher (1 à {MAX_NAME} caractères), ou décochez « afficher mon nom »"
                ),
            );
        }
        Some(nom)
    } else {
        None
    };
    if !invalid.0.is_empty() {
        return Err(AppError::Invalid(invalid));
    }
    // Asking twice (a second click, a reload) gives the same certificate.
    if let Some(same) = store::certificates_of(&state.db, &pr.cle)
        .await?
        .into_iter()
        .find(|c| c.revoque_le.is_none() && c.parcours == v.slug && c.nom == nom)
    {
        return Ok(see_other(&ctx.href(format!(
            "/competences/suivis/{secret}/certificats/{}",
            same.code
        ))));
    }
    let now = state.now();
    let c = Certificate {
        code: new_code(),
        suivi: Some(pr.cle.clone()),
        parcours: v.slug.clone(),
        modules: serde_json::to_string(&v.modules)
            .map_err(|e| AppError::Internal(e.to_string()))?,
        nom,
        delivre_le: now,
        revoque_le: None,
        utilise_le: now,
    };
    store::insert_certificate(&state.db, &c).await?;
    Ok(see_other(&ctx.href(format!(
        "/competences/suivis/{secret}/certificats/{}",
        c.code
    ))))
}

/// What a certificate page shows.
pub struct CertificateView {
    pub code: String,
    pub valide: bool,
    pub parcours: String,
    pub duree: String,
    pub modules: Vec<(String, String)>,
    pub date: String,
    pub revoque: Option<String>,
    pub nom: Option<String>,
    pub verification: String,
}

fn view(ctx: &Ctx, headers: &HeaderMap, c: &Certificate) -> AppResult<CertificateView> {
    let p = &ctx.state.settings.parcours;
    let l = ctx.lang.code();
    let modules: Vec<_> = certificate_modules(c)?
        .iter()
        .filter_map(|s| p.module(s))
        .collect();
    let minutes = modules.iter().map(|m| m.minutes()).sum();
    Ok(CertificateView {
        code: c.code.clone(),
        valide: c.revoque_le.is_none(),
        parcours: p
            .variant(&c.parcours)
            .map_or_else(|| c.parcours.clone(), |v| v.titre.get(l).to_owned()),
        duree: duration(ctx, minutes),
        modules: modules
            .iter()
            .map(|m| (m.titre.get(l).to_owned(), duration(ctx, m.minutes())))
            .collect(),
        date: ctx.date(&iso_date(c.delivre_le)),
        revoque: c.revoque_le.map(|t| ctx.date(&iso_date(t))),
        nom: c.nom.clone(),
        verification: absolute(
            &ctx.state,
            headers,
            &ctx.href(format!("/certificats/{}", c.code)),
        ),
    })
}

/// The holder's certificate (their progress link and this code), or a French 404.
async fn held(
    state: &AppState,
    ctx: &Ctx,
    secret: &str,
    code: &str,
) -> AppResult<(store::Progress, Certificate)> {
    let pr = progress_of(state, secret, ctx.lang).await?;
    let c = store::certificate_by_code(&state.db, code)
        .await?
        .filter(|c| c.suivi.as_deref() == Some(pr.cle.as_str()))
        .ok_or_else(|| AppError::NotFoundBecause(ctx.t("competences-certificat-inconnu")))?;
    Ok((pr, c))
}

#[derive(Template)]
#[template(path = "competences/certificat.html")]
struct HolderPage<'a> {
    ctx: &'a Ctx,
    c: CertificateView,
    download: String,
    delete_action: String,
    back: String,
    verify_href: String,
}

pub async fn holder(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((secret, code)): Path<(String, String)>,
) -> AppResult<Response> {
    let (_, c) = held(&state, &ctx, &secret, &code).await?;
    let base = format!("/competences/suivis/{secret}");
    page(
        StatusCode::OK,
        &HolderPage {
            c: view(&ctx, &headers, &c)?,
            download: ctx.href(format!("{base}/certificats/{code}/openbadge.jwt")),
            delete_action: ctx.href(format!("{base}/certificats/{code}/supprimer")),
            back: ctx.href(&base),
            verify_href: ctx.href(format!("/certificats/{code}")),
            ctx: &ctx,
        },
    )
}

/// The signed credential (`application/jwt`), as a file to keep.
pub async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((secret, code)): Path<(String, String)>,
) -> AppResult<Response> {
    let (_, c) = held(&state, &ctx, &secret, &code).await?;
    if c.revoque_le.is_some() {
        return Err(AppError::NotFoundBecause(
            ctx.t("competences-certificat-revoque-telechargement"),
        ));
    }
    let p = &state.settings.parcours;
    let v = p.variant(&c.parcours).ok_or(AppError::NotFound)?;
    let base = absolute(&state, &headers, "");
    let payload = credential(&ctx, &base, p, &c, v, &ctx.t("site-nom"))?;
    let token = state.settings.badge_key.get().sign_jwt(&payload);
    let mut response = (StatusCode::OK, token).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/jwt"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"certificat-{}.jwt\"",
        c.code
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(private(response))
}

/// `POST …/certificats/{code}/supprimer`: the holder revokes it; it then verifies as
/// « révoqué » and loses its name.
pub async fn revoke(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((secret, code)): Path<(String, String)>,
) -> AppResult<Response> {
    let (pr, c) = held(&state, &ctx, &secret, &code).await?;
    store::revoke(&state.db, &c.code, &pr.cle, state.now()).await?;
    Ok(see_other(&ctx.href(format!("/certificats/{}", c.code))))
}

#[derive(Template)]
#[template(path = "competences/verification.html")]
struct VerifyPage<'a> {
    ctx: &'a Ctx,
    c: CertificateView,
}

/// The certificate of a typed code (touched: verifying it postpones its purge), or a French
/// 404.
pub(super) async fn verified(state: &AppState, ctx: &Ctx, code: &str) -> AppResult<Certificate> {
    let unknown = || AppError::NotFoundBecause(ctx.t("competences-certificat-inconnu"));
    let code = normalize_code(code).ok_or_else(unknown)?;
    let c = store::certificate_by_code(&state.db, &code)
        .await?
        .ok_or_else(unknown)?;
    store::touch_certificate(&state.db, &c.code, state.now()).await?;
    Ok(c)
}

/// `GET /certificats/{code}`: anyone verifies a certificate.
pub async fn verify(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let c = verified(&state, &ctx, &code).await?;
    if normalize_code(&code).as_deref() != Some(code.as_str()) {
        return Ok(see_other(&ctx.href(format!("/certificats/{}", c.code))));
    }
    page(
        StatusCode::OK,
        &VerifyPage {
            c: view(&ctx, &headers, &c)?,
            ctx: &ctx,
        },
    )
}

#[derive(serde::Deserialize)]
pub struct CodeQuery {
    code: Option<String>,
}

/// `GET /certificats?code=…`: the verification form's target.
pub async fn verify_form(ctx: Ctx, Query(q): Query<CodeQuery>) -> AppResult<Response> {
    let typed = q.code.unwrap_or_default();
    match normalize_code(&typed) {
        Some(code) => Ok(see_other(&ctx.href(format!("/certificats/{code}")))),
        None => Err(AppError::NotFoundBecause(
            ctx.t("competences-certificat-inconnu"),
        )),
    }
}

/// `GET /.well-known/jwks.json`: the public key that verifies this instance's credentials.
pub async fn jwks(State(state): State<AppState>) -> Response {
    let jwk = state.settings.badge_key.get().jwk();
    let mut response = Json(json!({ "keys": [jwk] })).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}

/// Minutes of a certificate's modules, for the API.
pub fn minutes_of(ctx: &Ctx, c: &Certificate) -> AppResult<u32> {
    let p = &ctx.state.settings.parcours;
    Ok(certificate_modules(c)?
        .iter()
        .filter_map(|s| p.module(s))
        .map(|m| m.minutes())
        .sum())
}
