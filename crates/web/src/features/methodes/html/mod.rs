//! `/methodes`: the landing page, the questionnaire one step per page (plain forms; htmx
//! is not needed), the report behind its personal link, and the collective diagnostic.
//! Every page behind a personal link is `noindex`, never cached and sends no referrer.

use std::collections::BTreeMap;

use alliances_domain::diagnostic::{self, Answer, Answers, Place, Scope};
use alliances_domain::error::FieldError;
use alliances_domain::questionnaire::{Kind, Question, Questionnaire};
use alliances_domain::text::fold;
use alliances_i18n::Lang;
use alliances_store::diagnostics as store;
use alliances_store::exchange::xml_escape;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{
    Questionnaires, Rapport, ReadyPlaces, Spread, answer_text, build_report, canonical, is_secret,
    key_of, level_code, new_secret, partner_secret, spreads,
};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::personal::{absolute, form_value, page, private, see_other};
use crate::state::ready;
use crate::state::{AppState, Ready};

/// Partners of a collective diagnostic.
pub const MIN_PARTNERS: usize = 2;
pub const MAX_PARTNERS: usize = 12;

fn parse_form(body: &Bytes) -> Vec<(String, String)> {
    crate::personal::form_pairs(body)
}

fn definitions(state: &AppState) -> &Questionnaires {
    &state.settings.questionnaires
}

mod collective;
mod landing;
mod report;
mod steps;

pub use collective::*;
pub use landing::*;
pub use report::*;
pub use steps::*;

// ----- deletion -----

#[derive(Template)]
#[template(path = "methodes/supprimer.html")]
pub(super) struct DeletePage<'a> {
    ctx: &'a Ctx,
    action: String,
    back: String,
    collective: bool,
}

#[derive(Template)]
#[template(path = "methodes/supprime.html")]
pub(super) struct DeletedPage<'a> {
    ctx: &'a Ctx,
}

pub async fn confirm_delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let d = draft(&state, &secret, ctx.lang).await?;
    confirm_page(
        &ctx,
        ctx.href(format!("/methodes/diagnostics/{}", d.secret)),
        false,
    )
}

/// « Delete for good? », with the form that does it and the way back to `base`.
pub(super) fn confirm_page(ctx: &Ctx, base: String, collective: bool) -> AppResult<Response> {
    page(
        StatusCode::OK,
        &DeletePage {
            ctx,
            action: format!("{base}/supprimer"),
            back: base,
            collective,
        },
    )
}

pub async fn delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let d = draft(&state, &secret, ctx.lang).await?;
    store::delete(&state.db, &d.key).await?;
    page(StatusCode::OK, &DeletedPage { ctx: &ctx })
}
