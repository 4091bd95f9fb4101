//! « Mes contributions » (the member's proposals and the moderators' messages), the public
//! history of a record (with restore buttons for moderators) and « Signaler une erreur »
//! (also for visitors), for alliances, tools and catalyseurs alike.

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
use crate::revisions::{Doc, Kind};
use crate::state::AppState;

pub struct ProposalView {
    /// The revision form, for a proposal sent back.
    pub reviser: Option<String>,
    pub nom: String,
    /// The kind of record, as the reader's language names it.
    pub sujet: String,
    pub nouvelle: bool,
    /// An error report (no fiche proposed).
    pub signalement: bool,
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
    ok: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct Done {
    ok: Option<String>,
}

/// `GET /mon-espace/contributions`.
pub async fn mine(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    axum::extract::Query(done): axum::extract::Query<Done>,
) -> AppResult<Response> {
    let mut rows = Vec::new();
    for p in propositions::of_author(&state.db, &member.account.id).await? {
        let kind = Kind::of_proposal(&p)?;
        rows.push(ProposalView {
            reviser: (p.statut == "changements_demandes")
                .then(|| ctx.href(format!("/mon-espace/contributions/{}/reviser", p.id))),
            nouvelle: p.cible.is_none(),
            signalement: p.genre == "signalement",
            statut_libelle: ctx.t(format!("proposition-statut-{}", p.statut)),
            date: ctx.date(&iso_date(p.modifie_le)),
            fiche: (p.statut == "acceptee" || p.cible.is_some()).then(|| {
                ctx.href(kind.fiche(&crate::revisions::kind::slug_of(&p).unwrap_or_default()))
            }),
            sujet: ctx.t(format!("moderation-sujet-{}", kind.code())),
            statut: p.statut,
            message: p.message,
            nom: p.nom,
        });
    }
    let ok = done
        .ok
        .filter(|k| matches!(k.as_str(), "envoyee" | "revisee"))
        .map(|k| ctx.t(format!("contributions-ok-{k}")));
    page(StatusCode::OK, &MinePage { ctx, rows, ok })
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

/// A record's revisions, newest first.
async fn history_of(
    ctx: Ctx,
    state: &AppState,
    viewer: Option<&crate::accounts::Member>,
    kind: Kind,
    slug: &str,
) -> AppResult<Response> {
    let revisions = crate::revisions::history(state, kind, slug).await?;
    let Some((_, last)) = revisions.last() else {
        return Err(AppError::NotFound);
    };
    let nom = last.nom().to_owned();
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
        .and_then(|m| m.session.clone().map(|(_, c)| c));
    let t = HistoryPage {
        fiche: ctx.href(kind.fiche(slug)),
        restore: ctx.href(format!("/moderation/{}/{slug}/restaurer", kind.plural())),
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

/// `GET /{exemples|outils|catalyseurs}/{slug}/historique` (`K`: the kind's place in
/// [`Kind::ALL`]).
pub async fn history<const K: usize>(
    ctx: Ctx,
    State(state): State<AppState>,
    Viewer(viewer): Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    history_of(ctx, &state, viewer.as_ref(), Kind::ALL[K], &slug).await
}

// ----- « Signaler une erreur » -----

#[derive(Template)]
#[template(path = "contributions/signaler.html")]
struct ReportPage {
    ctx: Ctx,
    nom: String,
    fiche: String,
    action: String,
    /// Signed in and confirmed: the change form is offered too.
    modifier: Option<String>,
    /// Signed in: the session's form token (the report is signed only with it).
    csrf: Option<String>,
    texte: String,
    error: Option<String>,
    sent: bool,
}

/// What a report page shows.
struct Report<'a> {
    kind: Kind,
    doc: &'a Doc,
    texte: String,
    error: Option<String>,
    sent: bool,
}

fn report_page(
    ctx: Ctx,
    viewer: Option<&crate::accounts::Member>,
    r: Report<'_>,
    status: StatusCode,
) -> AppResult<Response> {
    let (kind, slug) = (r.kind, r.doc.slug());
    let t = ReportPage {
        nom: r.doc.nom().to_owned(),
        fiche: ctx.href(kind.fiche(slug)),
        action: ctx.href(format!("{}/signaler", kind.fiche(slug))),
        modifier: viewer
            .filter(|m| m.verified())
            .map(|_| ctx.href(format!("/contributions/{}/{slug}/modifier", kind.plural()))),
        csrf: viewer.and_then(|m| m.session.as_ref().map(|(_, c)| c.clone())),
        texte: r.texte,
        error: r.error,
        sent: r.sent,
        ctx,
    };
    page(status, &t)
}

async fn published(state: &AppState, kind: Kind, slug: &str) -> AppResult<Doc> {
    Doc::published(state, kind, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// The report form: what is wrong, in a few words (no account needed).
async fn report_page_of(
    ctx: Ctx,
    state: &AppState,
    viewer: Option<&crate::accounts::Member>,
    kind: Kind,
    slug: &str,
) -> AppResult<Response> {
    let doc = published(state, kind, slug).await?;
    let r = Report {
        kind,
        doc: &doc,
        texte: String::new(),
        error: None,
        sent: false,
    };
    report_page(ctx, viewer, r, StatusCode::OK)
}

/// A report sent: a correction proposal for the moderators (a honeypot and a throttle per
/// client keep robots out; no third-party captcha).
async fn report_of(
    ctx: Ctx,
    state: &AppState,
    kind: Kind,
    slug: &str,
    request: axum::extract::Request,
) -> AppResult<Response> {
    let (headers, client, pairs) = crate::personal::client_form(state, request).await?;
    // A member's report is signed only when it carries their session's form token; without
    // it (a form posted from elsewhere), it is a visitor's.
    let viewer = crate::accounts::resolve(state, &headers)
        .await?
        .filter(|m| {
            m.session
                .as_ref()
                .is_some_and(|(_, c)| crate::personal::form_value(&pairs, "csrf") == *c)
        });
    let doc = published(state, kind, slug).await?;
    let texte = crate::personal::form_value(&pairs, "texte");
    let sent = |ctx: Ctx| {
        let r = Report {
            kind,
            doc: &doc,
            texte: String::new(),
            error: None,
            sent: true,
        };
        report_page(ctx, viewer.as_ref(), r, StatusCode::OK)
    };
    if !crate::personal::form_value(&pairs, "site_web").is_empty() {
        // A robot: the same answer as a person gets, nothing stored.
        return sent(ctx);
    }
    let keys = [(
        crate::links::key_of(&format!("signalement:{client}")),
        alliances_domain::compte::Throttle::MAX,
    )];
    crate::throttle::take(state, &keys).await?;
    let note = match alliances_domain::proposition::message(&texte, true) {
        Ok(Some(n)) => n,
        Ok(None) | Err(_) => {
            let e = alliances_domain::proposition::message(&texte, true)
                .err()
                .unwrap_or_default()
                .replace("au contributeur", "aux modérateurs");
            // A text to fix is not a report: its attempt is taken back.
            crate::throttle::release(state, &keys).await?;
            let r = Report {
                kind,
                doc: &doc,
                texte,
                error: Some(e),
                sent: false,
            };
            return report_page(ctx, viewer.as_ref(), r, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let now = state.now();
    let proposal = alliances_store::propositions::Proposal {
        id: crate::accounts::new_id(),
        genre: "signalement".into(),
        sujet: kind.code().into(),
        cible: Some(doc.slug().to_owned()),
        base: propositions::current_revision(&state.db, kind.target(doc.slug())).await?,
        document: doc.to_json()?,
        nom: doc.nom().to_owned(),
        territoires: doc.places(),
        statut: alliances_domain::proposition::Statut::EnAttente
            .code()
            .into(),
        message: None,
        note: Some(note),
        auteur: viewer.as_ref().map(|m| m.account.id.clone()),
        moderateur: None,
        revision: None,
        cree_le: now,
        modifie_le: now,
    };
    propositions::create(&state.db, &proposal).await?;
    sent(ctx)
}

/// `GET /{exemples|outils|catalyseurs}/{slug}/signaler`.
pub async fn report_form<const K: usize>(
    ctx: Ctx,
    State(state): State<AppState>,
    Viewer(viewer): Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    report_page_of(ctx, &state, viewer.as_ref(), Kind::ALL[K], &slug).await
}

/// `POST /{exemples|outils|catalyseurs}/{slug}/signaler`.
pub async fn report<const K: usize>(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    request: axum::extract::Request,
) -> AppResult<Response> {
    report_of(ctx, &state, Kind::ALL[K], &slug, request).await
}
