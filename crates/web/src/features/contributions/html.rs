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
    /// The revision form, for a proposal sent back.
    pub reviser: Option<String>,
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
    let rows = propositions::of_author(&state.db, &member.account.id)
        .await?
        .into_iter()
        .map(|p| ProposalView {
            reviser: (p.statut == "changements_demandes")
                .then(|| ctx.href(format!("/mon-espace/contributions/{}/reviser", p.id))),
            nouvelle: p.cible.is_none(),
            statut_libelle: ctx.t(format!("proposition-statut-{}", p.statut)),
            date: ctx.date(&iso_date(p.modifie_le)),
            fiche: (p.statut == "acceptee" || p.cible.is_some()).then(|| {
                ctx.href(format!(
                    "/exemples/{}",
                    super::slug_of(&p).unwrap_or_default()
                ))
            }),
            statut: p.statut,
            message: p.message,
            nom: p.nom,
        })
        .collect();
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

// ----- the alliance form -----

/// What the form page is for.
enum Purpose {
    /// A new record.
    New,
    /// A change to a published record.
    Change,
    /// A new version of a proposal sent back, with the moderator's message.
    Revise(String, Option<String>),
}

pub struct ErrorView {
    pub anchor: &'static str,
    pub champ: String,
    pub message: String,
}

pub struct DuplicateView {
    pub nom: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "contributions/formulaire.html")]
struct FormPage {
    ctx: Ctx,
    csrf: String,
    action: String,
    titre: String,
    intro: String,
    /// The moderator's message, when revising.
    message: Option<String>,
    new_record: bool,
    /// A change to a published record: its identifier cannot change.
    modification: bool,
    f: super::form::AllianceForm,
    errors: Vec<ErrorView>,
    duplicates: Vec<DuplicateView>,
    choices: &'static super::form::Choices,
    fragilites: Vec<(String, String)>,
    objectifs: Vec<(String, String)>,
}

impl FormPage {
    fn has(&self, list: &[String], code: &str) -> bool {
        list.iter().any(|c| c == code)
    }

    fn errors_of(&self, anchor: &str) -> Vec<&ErrorView> {
        self.errors.iter().filter(|e| e.anchor == anchor).collect()
    }
}

/// What the form page says besides the form.
enum Feedback {
    None,
    /// Field errors: 422.
    Errors(Vec<alliances_domain::error::FieldError>),
    /// Likely duplicates of a new record, to confirm.
    Duplicates(Vec<DuplicateView>),
}

fn form_page(
    ctx: Ctx,
    state: &AppState,
    member: &crate::accounts::Member,
    purpose: &Purpose,
    form: &super::form::AllianceForm,
    feedback: Feedback,
) -> AppResult<Response> {
    let (status, errors, duplicates) = match feedback {
        Feedback::None => (StatusCode::OK, Vec::new(), Vec::new()),
        Feedback::Errors(e) => (StatusCode::UNPROCESSABLE_ENTITY, e, Vec::new()),
        Feedback::Duplicates(d) => (StatusCode::OK, Vec::new(), d),
    };
    let ready = crate::state::ready(state)?;
    let (action, titre, intro, message) = match purpose {
        Purpose::New => (
            ctx.href("/contributions/alliances"),
            ctx.t("proposer-titre"),
            ctx.t("proposer-intro"),
            None,
        ),
        Purpose::Change => (
            ctx.href("/contributions/alliances"),
            ctx.ta("proposer-modifier-titre", "nom", &form.nom),
            ctx.t("proposer-modifier-intro"),
            None,
        ),
        Purpose::Revise(id, m) => (
            ctx.href(format!("/mon-espace/contributions/{id}/reviser")),
            ctx.ta("proposer-reviser-titre", "nom", &form.nom),
            ctx.t("proposer-reviser-intro"),
            m.clone(),
        ),
    };
    let mut fragilites: Vec<(String, String)> = ready
        .fragilities
        .iter()
        .map(|(code, (fr, en))| (code.clone(), ctx.pick(fr, en).to_owned()))
        .collect();
    fragilites.sort_by(|a, b| a.1.cmp(&b.1));
    let objectifs = ready
        .odd
        .data
        .goals
        .iter()
        .map(|g| {
            (
                g.number.to_string(),
                format!("{} — {}", g.number, ctx.pick(&g.short_fr, &g.short_en)),
            )
        })
        .collect();
    let t = FormPage {
        csrf: member.csrf().to_owned(),
        action,
        titre,
        intro,
        message,
        new_record: matches!(purpose, Purpose::New),
        modification: !matches!(purpose, Purpose::New),
        f: form.with_spare_rows(),
        errors: errors
            .into_iter()
            .map(|e| ErrorView {
                anchor: super::form::section_of(&e.champ),
                champ: e.champ,
                message: e.message,
            })
            .collect(),
        duplicates,
        choices: &super::form::CHOICES,
        fragilites,
        objectifs,
        ctx,
    };
    page(status, &t)
}

/// The note to the moderators (optional, 2 000 characters at most).
fn read_note(text: &str) -> AppResult<Option<String>> {
    alliances_domain::proposition::message(text, false).map_err(|m| {
        AppError::Invalid(alliances_domain::error::Invalid(vec![
            alliances_domain::error::FieldError::new("note", m),
        ]))
    })
}

/// `GET /contributions/alliances/nouvelle`.
pub async fn new_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
) -> AppResult<Response> {
    super::may_propose(&member)?;
    let form = super::form::AllianceForm {
        statut: "inconnu".into(),
        spare: 2,
        ..Default::default()
    };
    form_page(ctx, &state, &member, &Purpose::New, &form, Feedback::None)
}

/// `GET /contributions/alliances/{slug}/modifier`: the record as it stands, to change.
pub async fn change_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    super::may_propose(&member)?;
    let ready = crate::state::ready(&state)?;
    let stored = alliances_store::alliances::get(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let form = super::form::AllianceForm::of(&stored.alliance, ready);
    form_page(
        ctx,
        &state,
        &member,
        &Purpose::Change,
        &form,
        Feedback::None,
    )
}

/// Alliances with a similar name in the same département (or région) as the proposal.
fn duplicates(
    ready: &crate::state::Ready,
    ctx: &Ctx,
    a: &alliances_domain::alliance::Alliance,
) -> Vec<DuplicateView> {
    let mut filters = Vec::new();
    if let Some(place) = a.places().next()
        && let Some(level) = place.level()
    {
        let parents = crate::places::with_parents(ready, level, &place.code);
        let wide = parents
            .iter()
            .find(|(l, _)| *l == alliances_domain::territory::Level::Departement)
            .or_else(|| {
                parents
                    .iter()
                    .find(|(l, _)| *l == alliances_domain::territory::Level::Region)
            })
            .cloned()
            .unwrap_or((level, place.code.clone()));
        filters.push((crate::places::facet_of(wide.0).to_owned(), vec![wide.1]));
    }
    let found = ready.search.search(&alliances_search::Query {
        q: a.nom.clone(),
        filters,
        limit: 5,
        ..Default::default()
    });
    found
        .map(|r| r.hits)
        .unwrap_or_default()
        .into_iter()
        .filter(|h| h.slug != a.slug)
        .map(|h| DuplicateView {
            href: ctx.href(format!("/exemples/{}", h.slug)),
            nom: h.nom,
        })
        .collect()
}

/// `POST /contributions/alliances`: more rows, or the proposal (likely duplicates of a new
/// record shown first, to confirm).
pub async fn submit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    body: axum::body::Bytes,
) -> AppResult<Response> {
    super::may_propose(&member)?;
    let ready = crate::state::ready(&state)?;
    let pairs = crate::personal::form_pairs(&body);
    let mut form = super::form::AllianceForm::read(&pairs);
    let existing = alliances_store::alliances::get(&state.db, form.slug.trim())
        .await?
        .is_some();
    let purpose = if existing && crate::personal::form_value(&pairs, "nature") == "modification" {
        Purpose::Change
    } else {
        Purpose::New
    };
    if crate::personal::form_value(&pairs, "action") == "lignes" {
        form.add_rows();
        return form_page(ctx, &state, &member, &purpose, &form, Feedback::None);
    }
    if matches!(purpose, Purpose::New) && existing {
        let e = alliances_domain::error::FieldError::new(
            "slug",
            "une fiche porte déjà cet identifiant : choisissez-en un autre, ou proposez une modification depuis sa page",
        );
        return form_page(
            ctx,
            &state,
            &member,
            &purpose,
            &form,
            Feedback::Errors(vec![e]),
        );
    }
    let alliance = match form.to_alliance(ready) {
        Ok(a) => a,
        Err(errors) => {
            return form_page(
                ctx,
                &state,
                &member,
                &purpose,
                &form,
                Feedback::Errors(errors),
            );
        }
    };
    if matches!(purpose, Purpose::New)
        && crate::personal::form_value(&pairs, "pas_un_doublon").is_empty()
    {
        let found = duplicates(ready, &ctx, &alliance);
        if !found.is_empty() {
            return form_page(
                ctx,
                &state,
                &member,
                &purpose,
                &form,
                Feedback::Duplicates(found),
            );
        }
    }
    let note = read_note(&form.note)?;
    super::submit(&state, &member, &alliance, note).await?;
    Ok(crate::personal::see_other(
        &ctx.href("/mon-espace/contributions?ok=envoyee"),
    ))
}

async fn own_sent_back(
    state: &AppState,
    member: &crate::accounts::Member,
    id: &str,
) -> AppResult<alliances_store::propositions::Proposal> {
    propositions::get(&state.db, id)
        .await?
        .filter(|p| p.auteur.as_deref() == Some(member.account.id.as_str()))
        .ok_or_else(|| {
            AppError::NotFoundBecause("Aucune de vos propositions n'a cet identifiant.".into())
        })
}

/// `GET /mon-espace/contributions/{id}/reviser`: the proposal as sent, with the moderator's
/// message.
pub async fn revise_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let ready = crate::state::ready(&state)?;
    let p = own_sent_back(&state, &member, &id).await?;
    let alliance: alliances_domain::alliance::Alliance = serde_json::from_str(&p.document)
        .map_err(|e| AppError::Internal(format!("proposition {id} : {e}")))?;
    let mut form = super::form::AllianceForm::of(&alliance, ready);
    form.note = p.note.unwrap_or_default();
    if p.statut != "changements_demandes" {
        return Err(AppError::Conflict(
            "Cette proposition n'attend pas de révision : seule une proposition renvoyée par un modérateur peut être révisée.".into(),
        ));
    }
    form_page(
        ctx,
        &state,
        &member,
        &Purpose::Revise(id, p.message),
        &form,
        Feedback::None,
    )
}

/// `POST /mon-espace/contributions/{id}/reviser`.
pub async fn revise_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> AppResult<Response> {
    super::may_propose(&member)?;
    let ready = crate::state::ready(&state)?;
    let p = own_sent_back(&state, &member, &id).await?;
    let pairs = crate::personal::form_pairs(&body);
    let mut form = super::form::AllianceForm::read(&pairs);
    let purpose = Purpose::Revise(id.clone(), p.message.clone());
    if crate::personal::form_value(&pairs, "action") == "lignes" {
        form.add_rows();
        return form_page(ctx, &state, &member, &purpose, &form, Feedback::None);
    }
    let alliance = match form.to_alliance(ready) {
        Ok(a) => a,
        Err(errors) => {
            return form_page(
                ctx,
                &state,
                &member,
                &purpose,
                &form,
                Feedback::Errors(errors),
            );
        }
    };
    let note = read_note(&form.note)?;
    super::revise(&state, &member, &p, &alliance, note.as_deref()).await?;
    Ok(crate::personal::see_other(
        &ctx.href("/mon-espace/contributions?ok=revisee"),
    ))
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
    texte: String,
    error: Option<String>,
    sent: bool,
}

/// `GET /exemples/{slug}/signaler`: what is wrong, in a few words (no account needed).
pub async fn report_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Viewer(viewer): Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let stored = alliances_store::alliances::get(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    report_page(
        ctx,
        viewer.as_ref(),
        &stored.alliance,
        String::new(),
        None,
        false,
        StatusCode::OK,
    )
}

fn report_page(
    ctx: Ctx,
    viewer: Option<&crate::accounts::Member>,
    a: &alliances_domain::alliance::Alliance,
    texte: String,
    error: Option<String>,
    sent: bool,
    status: StatusCode,
) -> AppResult<Response> {
    let t = ReportPage {
        nom: a.nom.clone(),
        fiche: ctx.href(format!("/exemples/{}", a.slug)),
        action: ctx.href(format!("/exemples/{}/signaler", a.slug)),
        modifier: viewer
            .filter(|m| m.verified())
            .map(|_| ctx.href(format!("/contributions/alliances/{}/modifier", a.slug))),
        texte,
        error,
        sent,
        ctx,
    };
    page(status, &t)
}

/// `POST /exemples/{slug}/signaler`: a correction proposal for the moderators (a honeypot and
/// a throttle per client keep robots out; no third-party captcha).
pub async fn report(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    request: axum::extract::Request,
) -> AppResult<Response> {
    let (headers, client, pairs) = crate::personal::client_form(&state, request).await?;
    let viewer = crate::accounts::resolve(&state, &headers).await?;
    let stored = alliances_store::alliances::get(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let texte = crate::personal::form_value(&pairs, "texte");
    if !crate::personal::form_value(&pairs, "site_web").is_empty() {
        // A robot: the same answer as a person gets, nothing stored.
        return report_page(
            ctx,
            viewer.as_ref(),
            &stored.alliance,
            String::new(),
            None,
            true,
            StatusCode::OK,
        );
    }
    let keys = [(
        crate::links::key_of(&format!("signalement:{client}")),
        alliances_domain::compte::Throttle::MAX,
    )];
    crate::throttle::check(&state, &keys).await?;
    let note = match alliances_domain::proposition::message(&texte, true) {
        Ok(Some(n)) => n,
        Ok(None) | Err(_) => {
            let e = alliances_domain::proposition::message(&texte, true)
                .err()
                .unwrap_or_default()
                .replace("au contributeur", "aux modérateurs");
            return report_page(
                ctx,
                viewer.as_ref(),
                &stored.alliance,
                texte,
                Some(e),
                false,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    crate::throttle::count(&state, &keys).await?;
    let now = state.now();
    let a = &stored.alliance;
    let proposal = alliances_store::propositions::Proposal {
        id: crate::accounts::new_id(),
        genre: "signalement".into(),
        cible: Some(a.slug.clone()),
        base: propositions::current_revision(&state.db, &a.slug).await?,
        document: serde_json::to_string(a).map_err(|e| AppError::Internal(e.to_string()))?,
        nom: a.nom.clone(),
        territoires: super::places_of(a),
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
    report_page(
        ctx,
        viewer.as_ref(),
        a,
        String::new(),
        None,
        true,
        StatusCode::OK,
    )
}
