//! The proposal forms of every kind — new record, change of a published one, new version of
//! one sent back — with field errors in French and, for a new record, its likely duplicates
//! shown before it is sent.

use alliances_domain::error::{FieldError, Invalid};
use alliances_domain::territory::Level;
use alliances_domain::text::fold;
use alliances_store::propositions::{self, Proposal};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::form::{AllianceForm, MAX_ROWS, SPARE};
use super::form_catalyseur::CatalyseurForm;
use super::form_outil::OutilForm;
use crate::accounts::{Member, Signed};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::personal::{form_pairs, form_value, page, see_other};
use crate::revisions::{Doc, Kind};
use crate::state::{AppState, Ready, ready};

/// A form of any kind, as typed.
pub enum AnyForm {
    Alliance(Box<AllianceForm>),
    Outil(OutilForm),
    Catalyseur(CatalyseurForm),
}

impl AnyForm {
    fn blank(kind: Kind) -> AnyForm {
        match kind {
            Kind::Alliance => AnyForm::Alliance(Box::new(AllianceForm {
                statut: "inconnu".into(),
                spare: SPARE,
                ..Default::default()
            })),
            Kind::Outil => AnyForm::Outil(OutilForm {
                spare: SPARE,
                ..Default::default()
            }),
            Kind::Catalyseur => AnyForm::Catalyseur(CatalyseurForm {
                spare: SPARE,
                ..Default::default()
            }),
        }
    }

    fn read(kind: Kind, pairs: &[(String, String)]) -> AnyForm {
        match kind {
            Kind::Alliance => AnyForm::Alliance(Box::new(AllianceForm::read(pairs))),
            Kind::Outil => AnyForm::Outil(OutilForm::read(pairs)),
            Kind::Catalyseur => AnyForm::Catalyseur(CatalyseurForm::read(pairs)),
        }
    }

    fn of(doc: &Doc, ready: &Ready) -> AnyForm {
        match doc {
            Doc::Alliance(a) => AnyForm::Alliance(Box::new(AllianceForm::of(a, ready))),
            Doc::Outil(o) => AnyForm::Outil(OutilForm::of(o)),
            Doc::Catalyseur(c) => AnyForm::Catalyseur(CatalyseurForm::of(c, ready)),
        }
    }

    fn kind(&self) -> Kind {
        match self {
            AnyForm::Alliance(_) => Kind::Alliance,
            AnyForm::Outil(_) => Kind::Outil,
            AnyForm::Catalyseur(_) => Kind::Catalyseur,
        }
    }

    fn slug(&self) -> &str {
        match self {
            AnyForm::Alliance(f) => &f.slug,
            AnyForm::Outil(f) => &f.slug,
            AnyForm::Catalyseur(f) => &f.slug,
        }
    }

    fn nom(&self) -> &str {
        match self {
            AnyForm::Alliance(f) => &f.nom,
            AnyForm::Outil(f) => &f.nom,
            AnyForm::Catalyseur(f) => &f.nom,
        }
    }

    fn note(&self) -> &str {
        match self {
            AnyForm::Alliance(f) => &f.note,
            AnyForm::Outil(f) => &f.note,
            AnyForm::Catalyseur(f) => &f.note,
        }
    }

    fn set_note(&mut self, note: String) {
        match self {
            AnyForm::Alliance(f) => f.note = note,
            AnyForm::Outil(f) => f.note = note,
            AnyForm::Catalyseur(f) => f.note = note,
        }
    }

    /// « Ajouter des lignes »: more empty rows in each list.
    fn add_rows(&mut self) {
        match self {
            AnyForm::Alliance(f) => f.add_rows(),
            AnyForm::Outil(OutilForm { spare, .. })
            | AnyForm::Catalyseur(CatalyseurForm { spare, .. }) => {
                *spare = (*spare + SPARE).min(MAX_ROWS);
            }
        }
    }

    /// The record the form describes, checked as an import row is.
    fn to_doc(&self, ready: &Ready) -> Result<Doc, Vec<FieldError>> {
        match self {
            AnyForm::Alliance(f) => f.to_alliance(ready).map(|a| Doc::Alliance(Box::new(a))),
            AnyForm::Outil(f) => f.to_outil().map(Doc::Outil),
            AnyForm::Catalyseur(f) => f.to_catalyseur(ready).map(Doc::Catalyseur),
        }
    }

    fn section_of(&self, champ: &str) -> &'static str {
        match self {
            AnyForm::Alliance(_) => super::form::section_of(champ),
            AnyForm::Outil(_) => super::form_outil::section_of(champ),
            AnyForm::Catalyseur(_) => super::form_catalyseur::section_of(champ),
        }
    }
}

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

/// What every form page shows around its fields.
pub struct Frame {
    pub csrf: String,
    pub action: String,
    pub titre: String,
    pub intro: String,
    /// The label of the name field (« Nom de l'outil »…).
    pub nom_label: String,
    /// The moderator's message, when revising.
    pub message: Option<String>,
    pub new_record: bool,
    /// A change or a revision: the identifier cannot change.
    pub modification: bool,
    pub errors: Vec<ErrorView>,
    pub duplicates: Vec<DuplicateView>,
}

impl Frame {
    #[must_use]
    pub fn has(&self, list: &[String], code: &str) -> bool {
        list.iter().any(|c| c == code)
    }

    #[must_use]
    pub fn errors_of(&self, anchor: &str) -> Vec<&ErrorView> {
        self.errors.iter().filter(|e| e.anchor == anchor).collect()
    }
}

#[derive(Template)]
#[template(path = "contributions/formulaire.html")]
struct AlliancePage {
    ctx: Ctx,
    frame: Frame,
    f: AllianceForm,
    choices: &'static super::form::Choices,
    fragilites: Vec<(String, String)>,
    objectifs: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "contributions/formulaire_outil.html")]
struct OutilPage {
    ctx: Ctx,
    frame: Frame,
    f: OutilForm,
    choices: &'static super::form_outil::Choices,
}

#[derive(Template)]
#[template(path = "contributions/formulaire_catalyseur.html")]
struct CatalyseurPage {
    ctx: Ctx,
    frame: Frame,
    f: CatalyseurForm,
    choices: &'static super::form_catalyseur::Choices,
    /// `(niveau:code, element id, name)` of every région and collectivité d'outre-mer.
    regions: Vec<(String, String, String)>,
}

/// What the form page says besides the form.
enum Feedback {
    None,
    /// Field errors: 422.
    Errors(Vec<FieldError>),
    /// Likely duplicates of a new record, to confirm.
    Duplicates(Vec<DuplicateView>),
}

fn form_page(
    ctx: Ctx,
    state: &AppState,
    member: &Member,
    purpose: &Purpose,
    form: &AnyForm,
    feedback: Feedback,
) -> AppResult<Response> {
    let (status, errors, duplicates) = match feedback {
        Feedback::None => (StatusCode::OK, Vec::new(), Vec::new()),
        Feedback::Errors(e) => (StatusCode::UNPROCESSABLE_ENTITY, e, Vec::new()),
        Feedback::Duplicates(d) => (StatusCode::OK, Vec::new(), d),
    };
    let ready = ready(state)?;
    let kind = form.kind();
    let k = kind.code();
    let (action, titre, intro, message) = match purpose {
        Purpose::New => (
            ctx.href(format!("/contributions/{}", kind.plural())),
            ctx.t(format!("proposer-titre-{k}")),
            ctx.t(format!("proposer-intro-{k}")),
            None,
        ),
        Purpose::Change => (
            ctx.href(format!("/contributions/{}", kind.plural())),
            ctx.ta("proposer-modifier-titre", "nom", form.nom()),
            ctx.t("proposer-modifier-intro"),
            None,
        ),
        Purpose::Revise(id, m) => (
            ctx.href(format!("/mon-espace/contributions/{id}/reviser")),
            ctx.ta("proposer-reviser-titre", "nom", form.nom()),
            ctx.t("proposer-reviser-intro"),
            m.clone(),
        ),
    };
    let frame = Frame {
        nom_label: ctx.t(format!("proposer-nom-{k}")),
        csrf: member.csrf().to_owned(),
        action,
        titre,
        intro,
        message,
        new_record: matches!(purpose, Purpose::New),
        modification: !matches!(purpose, Purpose::New),
        errors: errors
            .into_iter()
            .map(|e| ErrorView {
                anchor: form.section_of(&e.champ),
                champ: e.champ,
                message: e.message,
            })
            .collect(),
        duplicates,
    };
    match form {
        AnyForm::Alliance(f) => {
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
            let t = AlliancePage {
                frame,
                f: f.with_spare_rows(),
                choices: &super::form::CHOICES,
                fragilites,
                objectifs,
                ctx,
            };
            page(status, &t)
        }
        AnyForm::Outil(f) => {
            let t = OutilPage {
                frame,
                f: f.with_spare_rows(),
                choices: &super::form_outil::CHOICES,
                ctx,
            };
            page(status, &t)
        }
        AnyForm::Catalyseur(f) => {
            // Régions by name, then collectivités d'outre-mer by name.
            let mut places: Vec<&alliances_domain::territory::Territory> =
                ready.regions.iter().chain(&ready.coms).collect();
            places.sort_by_key(|t| (t.level != Level::Region, fold(&t.name)));
            let regions = places
                .into_iter()
                .map(|t| {
                    let (niveau, code) = (t.level.code(), &t.code);
                    (
                        format!("{niveau}:{code}"),
                        format!("{niveau}-{code}"),
                        t.name.clone(),
                    )
                })
                .collect();
            let t = CatalyseurPage {
                frame,
                f: f.with_spare_rows(),
                choices: &super::form_catalyseur::CHOICES,
                regions,
                ctx,
            };
            page(status, &t)
        }
    }
}

/// The record a posted form describes, or what its page must show again: more rows when
/// « Ajouter des lignes » was pressed, else the import rules' errors with `errors` (checks of
/// the page's own).
fn read_posted(
    ready: &Ready,
    form: &mut AnyForm,
    pairs: &[(String, String)],
    mut errors: Vec<FieldError>,
) -> Result<Doc, Feedback> {
    if form_value(pairs, "action") == "lignes" {
        form.add_rows();
        return Err(Feedback::None);
    }
    match form.to_doc(ready) {
        Ok(doc) if errors.is_empty() => Ok(doc),
        Ok(_) => Err(Feedback::Errors(errors)),
        Err(found) => {
            errors.extend(found);
            Err(Feedback::Errors(errors))
        }
    }
}

/// The note to the moderators (optional, 2 000 characters at most).
fn read_note(text: &str) -> AppResult<Option<String>> {
    alliances_domain::proposition::message(text, false)
        .map_err(|m| AppError::Invalid(Invalid(vec![FieldError::new("note", m)])))
}

/// The kind a contribution path names (`alliances`, `outils`, `catalyseurs`).
fn kind_of_path(plural: &str) -> AppResult<Kind> {
    Kind::ALL
        .into_iter()
        .find(|k| k.plural() == plural)
        .ok_or(AppError::NotFound)
}

/// `GET /contributions/{genre}/nouvelle`.
pub async fn new_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(genre): Path<String>,
) -> AppResult<Response> {
    let kind = kind_of_path(&genre)?;
    super::may_propose(&member)?;
    let form = AnyForm::blank(kind);
    form_page(ctx, &state, &member, &Purpose::New, &form, Feedback::None)
}

/// `GET /contributions/{genre}/{slug}/modifier`: the record as it stands, to change.
pub async fn change_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path((genre, slug)): Path<(String, String)>,
) -> AppResult<Response> {
    let kind = kind_of_path(&genre)?;
    super::may_propose(&member)?;
    let doc = Doc::published(&state, kind, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let form = AnyForm::of(&doc, ready(&state)?);
    form_page(
        ctx,
        &state,
        &member,
        &Purpose::Change,
        &form,
        Feedback::None,
    )
}

/// `POST /contributions/{genre}`: more rows, or the proposal (likely duplicates of a new
/// record shown first, to confirm).
pub async fn submit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(genre): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let kind = kind_of_path(&genre)?;
    super::may_propose(&member)?;
    let ready = ready(&state)?;
    let pairs = form_pairs(&body);
    let mut form = AnyForm::read(kind, &pairs);
    let existing = Doc::published(&state, kind, form.slug().trim())
        .await?
        .is_some();
    let purpose = if existing && form_value(&pairs, "nature") == "modification" {
        Purpose::Change
    } else {
        Purpose::New
    };
    // A new record cannot take a published record's identifier.
    let taken = (matches!(purpose, Purpose::New) && existing)
        .then(|| {
            FieldError::new(
                "slug",
                "une fiche porte déjà cet identifiant : choisissez-en un autre, ou proposez une modification depuis sa page",
            )
        })
        .into_iter()
        .collect();
    let doc = match read_posted(ready, &mut form, &pairs, taken) {
        Ok(d) => d,
        Err(feedback) => return form_page(ctx, &state, &member, &purpose, &form, feedback),
    };
    if matches!(purpose, Purpose::New) && form_value(&pairs, "pas_un_doublon").is_empty() {
        let found = super::duplicates::likely(ready, &doc)
            .into_iter()
            .map(|(slug, nom)| DuplicateView {
                href: ctx.href(kind.fiche(&slug)),
                nom,
            })
            .collect::<Vec<_>>();
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
    let note = read_note(form.note())?;
    super::submit(&state, &member, &doc, note).await?;
    Ok(see_other(&ctx.href("/mon-espace/contributions?ok=envoyee")))
}

async fn own(state: &AppState, member: &Member, id: &str) -> AppResult<Proposal> {
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
    let ready = ready(&state)?;
    let p = own(&state, &member, &id).await?;
    if p.statut != "changements_demandes" {
        return Err(AppError::Conflict(
            "Cette proposition n'attend pas de révision : seule une proposition renvoyée par un modérateur peut être révisée.".into(),
        ));
    }
    let doc = Doc::of_proposal(&p)?;
    let mut form = AnyForm::of(&doc, ready);
    form.set_note(p.note.unwrap_or_default());
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
    body: Bytes,
) -> AppResult<Response> {
    super::may_propose(&member)?;
    let ready = ready(&state)?;
    let p = own(&state, &member, &id).await?;
    let pairs = form_pairs(&body);
    let mut form = AnyForm::read(Kind::of_proposal(&p)?, &pairs);
    let purpose = Purpose::Revise(id.clone(), p.message.clone());
    let doc = match read_posted(ready, &mut form, &pairs, Vec::new()) {
        Ok(d) => d,
        Err(feedback) => return form_page(ctx, &state, &member, &purpose, &form, feedback),
    };
    let note = read_note(form.note())?;
    super::revise(&state, &member, &p, &doc, note.as_deref()).await?;
    Ok(see_other(&ctx.href("/mon-espace/contributions?ok=revisee")))
}
