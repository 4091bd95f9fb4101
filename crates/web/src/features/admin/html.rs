//! `/admin/comptes` (roles) and `/admin/journal` (the audit log).

use std::collections::HashMap;

use alliances_domain::compte::Role;
use alliances_store::comptes;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::accounts::Signed;
use crate::clock::iso_date;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::personal::{form_pairs, form_value, page, see_other};
use crate::state::AppState;

pub struct AccountRow {
    pub id: String,
    pub pseudonyme: String,
    pub courriel: String,
    pub role: String,
    pub cree: String,
    pub verifie: bool,
    pub connecte: String,
    pub soi: bool,
}

#[derive(Template)]
#[template(path = "admin/comptes.html")]
struct AccountsPage {
    ctx: Ctx,
    csrf: String,
    rows: Vec<AccountRow>,
    roles: [&'static str; 3],
    error: Option<String>,
    ok: bool,
}

async fn accounts_page(
    ctx: Ctx,
    state: &AppState,
    csrf: String,
    me: &str,
    status: StatusCode,
    error: Option<String>,
    ok: bool,
) -> AppResult<Response> {
    let rows = comptes::all(&state.db)
        .await?
        .into_iter()
        .map(|a| AccountRow {
            soi: a.id == me,
            cree: ctx.date(&iso_date(a.cree_le)),
            connecte: ctx.date(&iso_date(a.connecte_le)),
            verifie: a.verifie_le.is_some(),
            id: a.id,
            pseudonyme: a.pseudonyme,
            courriel: a.courriel,
            role: a.role,
        })
        .collect();
    let t = AccountsPage {
        csrf,
        rows,
        roles: Role::ALL.map(Role::code),
        error,
        ok,
        ctx,
    };
    page(status, &t)
}

#[derive(serde::Deserialize)]
pub struct Done {
    ok: Option<String>,
}

/// `GET /admin/comptes`.
pub async fn accounts(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    axum::extract::Query(done): axum::extract::Query<Done>,
) -> AppResult<Response> {
    let csrf = member.csrf().to_owned();
    accounts_page(
        ctx,
        &state,
        csrf,
        &member.account.id,
        StatusCode::OK,
        None,
        done.ok.is_some(),
    )
    .await
}

/// `POST /admin/comptes/{id}/role`: another account's role (never one's own: an
/// administrator cannot lock the instance out by mistake). Logged.
pub async fn set_role(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    let csrf = member.csrf().to_owned();
    let error = if id == member.account.id {
        Some(ctx.t("admin-role-soi"))
    } else if Role::parse(&form_value(&pairs, "role")).is_none() {
        Some(ctx.t("admin-role-inconnu"))
    } else {
        None
    };
    if let Some(e) = error {
        return accounts_page(
            ctx,
            &state,
            csrf,
            &member.account.id,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(e),
            false,
        )
        .await;
    }
    let role = Role::parse(&form_value(&pairs, "role")).map_or("membre", Role::code);
    let Some(before) = comptes::by_id(&state.db, &id).await? else {
        return Err(AppError::NotFound);
    };
    comptes::set_role(&state.db, &id, role).await?;
    let details = serde_json::json!({ "avant": before.role, "apres": role }).to_string();
    comptes::log_action(
        &state.db,
        Some(&member.account.id),
        "role",
        &id,
        &details,
        state.now(),
    )
    .await?;
    Ok(see_other(&ctx.href("/admin/comptes?ok=1")))
}

pub struct ActionRow {
    pub date: String,
    pub acteur: String,
    pub action: String,
    pub cible: String,
    pub details: String,
}

#[derive(Template)]
#[template(path = "admin/journal.html")]
struct JournalPage {
    ctx: Ctx,
    rows: Vec<ActionRow>,
}

/// `GET /admin/journal`: the latest 500 actions.
pub async fn journal(ctx: Ctx, State(state): State<AppState>) -> AppResult<Response> {
    let names: HashMap<String, String> = comptes::all(&state.db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.pseudonyme))
        .collect();
    let rows = comptes::actions(&state.db, None, 500)
        .await?
        .into_iter()
        .map(|a| ActionRow {
            date: crate::clock::rfc3339(a.date),
            acteur: a
                .acteur
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| ctx.t("admin-acteur-supprime")),
            action: ctx.t(format!("admin-action-{}", a.action)),
            cible: names.get(&a.cible).cloned().unwrap_or(a.cible),
            details: a.details,
        })
        .collect();
    let t = JournalPage { ctx, rows };
    page(StatusCode::OK, &t)
}
