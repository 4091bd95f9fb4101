//! `/moderation…` pages and decisions.

use alliances_domain::proposition::{self, Decision, Statut};
use alliances_store::propositions::{self, Audit, Proposal, Publish, Published, Queue};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::accounts::{Member, Signed};
use crate::clock::iso_date;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::personal::{form_pairs, form_value, page, see_other};
use crate::revisions::kind::changed_columns;
use crate::revisions::{Doc, Kind};
use crate::state::{AppState, ready};

const DAY: i64 = 86_400;

#[derive(serde::Deserialize, Default)]
pub struct Filters {
    genre: Option<String>,
    territoire: Option<String>,
    age: Option<String>,
    ok: Option<String>,
}

pub struct Row {
    pub signalement: bool,
    /// The kind of record, as the reader's language names it.
    pub sujet: String,
    pub id: String,
    pub nom: String,
    pub nouvelle: bool,
    pub auteur: String,
    pub date: String,
    pub jours: i64,
}

#[derive(Template)]
#[template(path = "moderation/file.html")]
struct QueuePage {
    ctx: Ctx,
    rows: Vec<Row>,
    genre: String,
    territoire: String,
    territoire_error: Option<String>,
    age: String,
    ok: Option<String>,
}

/// `niveau:code` of a territory typed by name or code, or what to fix.
fn territory_filter(state: &AppState, typed: &str) -> Result<Option<String>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let ready = ready(state).map_err(|_| String::new())?;
    if let Some((niveau, code)) = typed.split_once(':') {
        return Ok(Some(format!("{niveau}:{code}")));
    }
    let named = crate::places::named(ready, typed, 2);
    let found = named
        .exact
        .first()
        .or_else(|| named.hits.first().filter(|_| named.total == 1));
    match (found, named.total) {
        (Some(t), _) => Ok(Some(format!("{}:{}", t.level.code(), t.code))),
        (None, 0) => Err(format!(
            "aucun territoire ne s'appelle « {typed} » ; écrivez un nom ou un code INSEE"
        )),
        (None, _) => Err(format!(
            "plusieurs territoires répondent à « {typed} » ; précisez, par exemple avec le code INSEE"
        )),
    }
}

/// `GET /moderation`: proposals waiting, oldest first.
pub async fn queue(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(f): Query<Filters>,
) -> AppResult<Response> {
    let genre = f.genre.unwrap_or_default();
    let typed = f.territoire.unwrap_or_default();
    let age = f.age.unwrap_or_default();
    let (territoire, territoire_error) = match territory_filter(&state, &typed) {
        Ok(t) => (t, None),
        Err(e) => (None, Some(e)),
    };
    let days: i64 = age.parse().unwrap_or(0).clamp(0, 3650);
    let now = state.now();
    let found = propositions::queue(
        &state.db,
        &Queue {
            statuts: &[Statut::EnAttente.code()],
            genre: (!genre.is_empty()).then_some(genre.as_str()),
            territoire: territoire.as_deref(),
            before: (days > 0).then(|| now - days * DAY),
            limit: 500,
        },
    )
    .await?;
    let mut rows = Vec::with_capacity(found.len());
    for p in found {
        rows.push(Row {
            auteur: author(&ctx, &state, &p).await?,
            signalement: p.genre == "signalement",
            sujet: ctx.t(format!(
                "moderation-sujet-{}",
                Kind::of_proposal(&p)?.code()
            )),
            date: ctx.date(&iso_date(p.cree_le)),
            jours: (now - p.cree_le) / DAY,
            nouvelle: p.cible.is_none(),
            id: p.id,
            nom: p.nom,
        });
    }
    let ok =
        f.ok.filter(|k| matches!(k.as_str(), "acceptee" | "refusee" | "changements_demandes"));
    let t = QueuePage {
        ok: ok.map(|k| ctx.t(format!("moderation-ok-{k}"))),
        rows,
        genre,
        territoire: typed,
        territoire_error,
        age,
        ctx,
    };
    page(StatusCode::OK, &t)
}

pub struct Change {
    pub champ: String,
    pub avant: String,
    pub apres: String,
}

#[derive(Template)]
#[template(path = "moderation/proposition.html")]
struct ProposalPage {
    ctx: Ctx,
    csrf: String,
    /// The proposal's path; decisions are posted below it.
    base: String,
    nom: String,
    nouvelle: bool,
    /// The kind of record, as the reader's language names it.
    sujet: String,
    /// An error report: its text, no change to publish.
    signalement: bool,
    fiche: String,
    auteur: String,
    date: String,
    note: Option<String>,
    statut: String,
    changes: Vec<Change>,
    /// The record moved on since the proposal was made.
    stale: bool,
    /// The version of the proposal shown ([`version_of`]): an acceptance publishes this one
    /// only.
    version: String,
    error: Option<(String, String)>,
}

/// Who made a proposal: as they sign; a visitor for a report without an account.
async fn author(ctx: &Ctx, state: &AppState, p: &Proposal) -> AppResult<String> {
    if p.auteur.is_none() && p.genre == "signalement" {
        return Ok(ctx.t("moderation-visiteur"));
    }
    crate::revisions::public_name(state, p.auteur.as_deref()).await
}

async fn proposal_page(
    ctx: Ctx,
    state: &AppState,
    member: &Member,
    p: Proposal,
    status: StatusCode,
    error: Option<(String, String)>,
) -> AppResult<Response> {
    let ready = ready(state)?;
    let after = Doc::of_proposal(&p)?;
    let kind = after.kind();
    let published = Doc::published(state, kind, after.slug()).await?;
    let current = propositions::current_revision(&state.db, kind.target(after.slug())).await?;
    let t = ProposalPage {
        csrf: member.csrf().to_owned(),
        auteur: author(&ctx, state, &p).await?,
        signalement: p.genre == "signalement",
        date: ctx.date(&iso_date(p.cree_le)),
        nouvelle: p.cible.is_none(),
        stale: p.base.is_some() && current != p.base,
        changes: changed_columns(ready, published.as_ref(), &after)
            .into_iter()
            .map(|(champ, avant, apres)| Change {
                champ: champ.to_owned(),
                avant,
                apres,
            })
            .collect(),
        sujet: ctx.t(format!("moderation-sujet-{}", kind.code())),
        fiche: ctx.href(kind.fiche(after.slug())),
        statut: ctx.t(format!("proposition-statut-{}", p.statut)),
        base: ctx.href(format!("/moderation/propositions/{}", p.id)),
        version: version_of(&p),
        nom: p.nom,
        note: p.note,
        error,
        ctx,
    };
    page(status, &t)
}

async fn load(state: &AppState, id: &str) -> AppResult<Proposal> {
    propositions::get(&state.db, id).await?.ok_or_else(|| {
        AppError::NotFoundBecause("Cette proposition n'existe pas (ou plus).".into())
    })
}

/// `GET /moderation/propositions/{id}`.
pub async fn proposal(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let p = load(&state, &id).await?;
    proposal_page(ctx, &state, &member, p, StatusCode::OK, None).await
}

/// Another proposal created this identifier first: accepting would overwrite it.
fn taken(slug: &str) -> AppError {
    AppError::Conflict(format!(
        "Une fiche « {slug} » a été publiée depuis cette proposition : demandez au contributeur de choisir un autre identifiant, ou de proposer une modification de cette fiche."
    ))
}

/// A proposal's version as its page shows it: the SHA-256 of its document. Accepting checks
/// it, so that a version revised after the moderator read it is never published unseen.
fn version_of(p: &Proposal) -> String {
    crate::links::key_of(&p.document)
}

/// What an audit-log row names: the kind of record and its identifier (a new record's, from
/// its document), else the proposal's name.
fn audit_target(p: &Proposal) -> String {
    let slug = crate::revisions::kind::slug_of(p).unwrap_or_else(|| p.nom.clone());
    format!("{}/{slug}", p.sujet)
}

fn not_waiting() -> AppError {
    AppError::Conflict(
        "Cette proposition n'attend plus de décision : un autre modérateur l'a déjà traitée, ou son contributeur la révise.".into(),
    )
}

/// `POST /moderation/propositions/{id}/accepter`: checked again against the reference data,
/// then published as a new revision.
pub async fn accept(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let p = load(&state, &id).await?;
    if Decision::Accepter
        .apply(Statut::parse(&p.statut).unwrap_or(Statut::Refusee))
        .is_none()
    {
        return Err(not_waiting());
    }
    if form_value(&form_pairs(&body), "version") != version_of(&p) {
        return Err(AppError::Conflict(
            "Cette proposition a changé depuis que vous l'avez ouverte (son contributeur l'a révisée) : relisez-la avant de décider.".into(),
        ));
    }
    if p.genre == "signalement" {
        // A report publishes nothing: the moderator corrects the record by a proposal.
        let audit = Audit {
            action: "traiter",
            cible: &audit_target(&p),
            details: serde_json::json!({ "proposition": p.id }),
        };
        if !propositions::decide(
            &state.db,
            &id,
            &p.statut,
            Statut::Acceptee.code(),
            &member.account.id,
            None,
            state.now(),
            &audit,
        )
        .await?
        {
            return Err(not_waiting());
        }
        return Ok(see_other(&ctx.href("/moderation?ok=acceptee")));
    }
    let doc = Doc::of_proposal(&p)?;
    let kind = doc.kind();
    let slug = doc.slug().to_owned();
    if p.cible.is_none() && Doc::published(&state, kind, &slug).await?.is_some() {
        return Err(taken(&slug));
    }
    // Checked again: the reference data may have moved since the proposal was made.
    doc.checked(ready(&state)?)
        .map_err(|e| AppError::Invalid(alliances_domain::error::Invalid(e)))?;
    let published = propositions::publish(
        &state.db,
        &Publish {
            target: kind.target(&slug),
            nom: &p.nom,
            document: &p.document,
            create: p.cible.is_none(),
            source: "proposition",
            auteur: p.auteur.as_deref(),
            proposition: Some(&p.id),
            now: state.now(),
        },
        &member.account.id,
        &Audit {
            action: Decision::Accepter.code(),
            cible: &audit_target(&p),
            details: serde_json::json!({ "proposition": p.id }),
        },
    )
    .await?;
    match published {
        Published::Revision(_) => {}
        Published::NotWaiting => return Err(not_waiting()),
        Published::Taken => return Err(taken(&slug)),
    }
    Ok(see_other(&ctx.href("/moderation?ok=acceptee")))
}

/// Rejects or sends back a proposal with the moderator's message.
async fn answer(
    ctx: Ctx,
    state: &AppState,
    member: &Member,
    id: &str,
    decision: Decision,
    body: &Bytes,
) -> AppResult<Response> {
    let p = load(state, id).await?;
    let Some(to) = decision.apply(Statut::parse(&p.statut).unwrap_or(Statut::Refusee)) else {
        return Err(not_waiting());
    };
    if p.genre == "signalement" && decision == Decision::DemanderChangements {
        return Err(AppError::Conflict(
            "Un signalement ne se renvoie pas à son auteur : marquez-le traité, ou refusez-le."
                .into(),
        ));
    }
    let pairs = form_pairs(body);
    let field = decision.code();
    let message =
        match proposition::message(&form_value(&pairs, "message"), decision.needs_message()) {
            Ok(m) => m,
            Err(e) => {
                let error = Some((field.to_owned(), e));
                return proposal_page(
                    ctx,
                    state,
                    member,
                    p,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    error,
                )
                .await;
            }
        };
    let audit = Audit {
        action: decision.code(),
        cible: &audit_target(&p),
        details: serde_json::json!({ "proposition": p.id }),
    };
    if !propositions::decide(
        &state.db,
        id,
        &p.statut,
        to.code(),
        &member.account.id,
        message.as_deref(),
        state.now(),
        &audit,
    )
    .await?
    {
        return Err(not_waiting());
    }
    Ok(see_other(
        &ctx.href(format!("/moderation?ok={}", to.code())),
    ))
}

/// `POST /moderation/propositions/{id}/refuser`.
pub async fn reject(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    answer(ctx, &state, &member, &id, Decision::Refuser, &body).await
}

/// `POST /moderation/propositions/{id}/demander`.
pub async fn ask(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    answer(
        ctx,
        &state,
        &member,
        &id,
        Decision::DemanderChangements,
        &body,
    )
    .await
}

/// An earlier revision published again as a new one.
async fn restore_of(
    ctx: Ctx,
    state: &AppState,
    member: &Member,
    kind: Kind,
    slug: &str,
    body: &Bytes,
) -> AppResult<Response> {
    let pairs = form_pairs(body);
    let wanted: i64 = form_value(&pairs, "revision").parse().map_err(|_| {
        AppError::Invalid(alliances_domain::error::Invalid(vec![
            alliances_domain::error::FieldError::new(
                "revision",
                "indiquez le numéro de la révision à restaurer",
            ),
        ]))
    })?;
    let revisions = propositions::history(&state.db, kind.target(slug)).await?;
    if revisions.is_empty() {
        return Err(AppError::NotFound);
    }
    let Some(r) = revisions.iter().find(|r| r.revision == wanted) else {
        return Err(AppError::Invalid(alliances_domain::error::Invalid(vec![
            alliances_domain::error::FieldError::new(
                "revision",
                format!("la fiche n'a pas de révision {wanted}"),
            ),
        ])));
    };
    let doc = Doc::from_json(kind, &r.document)?;
    let revision = propositions::publish(
        &state.db,
        &Publish {
            target: kind.target(slug),
            nom: doc.nom(),
            document: &r.document,
            create: false,
            source: "restauration",
            auteur: Some(&member.account.id),
            proposition: None,
            now: state.now(),
        },
        &member.account.id,
        &Audit {
            action: "restaurer",
            cible: &format!("{}/{slug}", kind.code()),
            details: serde_json::json!({ "depuis": wanted }),
        },
    )
    .await?;
    let Published::Revision(_) = revision else {
        return Err(AppError::Internal("restauration non écrite".into()));
    };
    Ok(see_other(
        &ctx.href(format!("{}/historique", kind.fiche(slug))),
    ))
}

/// `POST /moderation/{alliances|outils|catalyseurs}/{slug}/restaurer` (`K`: the kind's
/// place in [`Kind::ALL`]).
pub async fn restore<const K: usize>(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(slug): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    restore_of(ctx, &state, &member, Kind::ALL[K], &slug, &body).await
}
