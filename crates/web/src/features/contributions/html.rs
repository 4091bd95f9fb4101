//! « Mes contributions » (the member's proposals and the moderators' messages) and the public
//! history of an alliance (with a restore button for moderators).

use alliances_domain::compte::Role;
use alliances_store::propositions;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::accounts::{Signed, Viewer};
use crate::clock::iso_date;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::personal::page;
use crate::state::AppState;

pub struct ProposalView {
    pub nom: String,
    pub nouvelle: bool,
    pub statut: String,
    pub statut_libelle: String,
    pub message: Option<String>,
    pub date: String,
    pub fiche: Option<String>,
}

#[derive(Template)]
#[template(path = "contributions/mes.html")]
struct MinePage {
    ctx: Ctx,
    rows: Vec<ProposalView>,
}

/// `GET /mon-espace/contributions`.
pub async fn mine(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
) -> AppResult<Response> {
    let rows = propositions::of_author(&state.db, &member.account.id)
        .await?
        .into_iter()
        .map(|p| ProposalView {
            nouvelle: p.cible.is_none(),
            statut_libelle: ctx.t(format!("proposition-statut-{}", p.statut)),
            date: ctx.date(&iso_date(p.modifie_le)),
            fiche: (p.statut == "acceptee" || p.cible.is_some()).then(|| {
                ctx.href(format!(
                    "/exemples/{}",
                    p.cible.clone().unwrap_or_else(|| slug_of(&p.document))
                ))
            }),
            statut: p.statut,
            message: p.message,
            nom: p.nom,
        })
        .collect();
    page(StatusCode::OK, &MinePage { ctx, rows })
}

/// The slug of a proposed record (its JSON).
fn slug_of(document: &str) -> String {
    serde_json::from_str::<serde_json::Value>(document)
        .ok()
        .and_then(|v| v["slug"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub struct RevisionView {
    pub revision: i64,
    pub date: String,
    pub auteur: String,
    pub source: String,
    pub champs: Vec<String>,
    pub courante: bool,
}

#[derive(Template)]
#[template(path = "contributions/historique.html")]
struct HistoryPage {
    ctx: Ctx,
    fiche: String,
    restore: String,
    nom: String,
    rows: Vec<RevisionView>,
    /// A moderator's form token: restore buttons are shown.
    csrf: Option<String>,
}

/// `GET /exemples/{slug}/historique`: every revision, newest first.
pub async fn history(
    ctx: Ctx,
    State(state): State<AppState>,
    Viewer(viewer): Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let revisions = crate::revisions::history(&state, &slug).await?;
    let Some((_, last)) = revisions.last() else {
        return Err(AppError::NotFound);
    };
    let nom = last.nom.clone();
    let current = revisions.len();
    let rows = revisions
        .into_iter()
        .rev()
        .map(|(r, _)| RevisionView {
            courante: usize::try_from(r.revision).is_ok_and(|n| n == current),
            revision: r.revision,
            date: r.date.replace('T', " ").trim_end_matches('Z').to_owned() + " UTC",
            auteur: r.auteur.unwrap_or_else(|| ctx.t("historique-import")),
            source: ctx.t(format!("historique-source-{}", r.source)),
            champs: r.champs_modifies,
        })
        .collect();
    let csrf = viewer
        .filter(|m| m.role >= Role::Moderateur)
        .and_then(|m| m.session.map(|(_, c)| c));
    let t = HistoryPage {
        fiche: ctx.href(format!("/exemples/{slug}")),
        restore: ctx.href(format!("/moderation/alliances/{slug}/restaurer")),
        ctx,
        nom,
        rows,
        csrf,
    };
    let mut response = crate::render(&t)?.into_response();
    // Moderators see buttons others do not: never shared from a cache.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-cache"),
    );
    Ok(response)
}
