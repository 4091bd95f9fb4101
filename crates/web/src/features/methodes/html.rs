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
    key_of, level_code, new_secret, partner_secret, reason, spreads,
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

// ----- landing -----

pub struct StepSummary {
    pub titre: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "methodes/index.html")]
struct Landing<'a> {
    ctx: &'a Ctx,
    titre: String,
    introduction: String,
    steps: Vec<StepSummary>,
    dimensions: Vec<(String, String)>,
    questions: usize,
    error: Option<String>,
    form_nom: String,
    form_partenaires: String,
}

fn landing_page<'a>(
    ctx: &'a Ctx,
    error: Option<String>,
    nom: &str,
    partenaires: &str,
) -> Landing<'a> {
    let def = definitions(&ctx.state).current();
    let l = ctx.lang.code();
    Landing {
        ctx,
        titre: def.titre.get(l).to_owned(),
        introduction: def.introduction.get(l).to_owned(),
        steps: def
            .etapes
            .iter()
            .map(|s| StepSummary {
                titre: s.titre.get(l).to_owned(),
                count: s.questions.iter().filter(|q| q.condition.is_none()).count(),
            })
            .collect(),
        dimensions: def
            .dimensions
            .iter()
            .map(|d| (d.titre.get(l).to_owned(), d.description.get(l).to_owned()))
            .collect(),
        questions: most_questions(def),
        error,
        form_nom: nom.to_owned(),
        form_partenaires: partenaires.to_owned(),
    }
}

/// The most questions one respondent can be asked: the questions each actor type sees
/// (a condition on another question counted as met), for the actor type that sees most.
fn most_questions(def: &Questionnaire) -> usize {
    let Some(actor) = def.question(&def.profil.type_acteur) else {
        return def.questions().count();
    };
    actor
        .options
        .iter()
        .map(|o| {
            let mut a = Answers::new();
            a.insert(actor.id.clone(), Answer::One(o.valeur.clone()));
            def.questions()
                .filter(|q| {
                    q.condition
                        .as_ref()
                        .is_none_or(|c| c.question != actor.id || diagnostic::applies(q, &a))
                })
                .count()
        })
        .max()
        .unwrap_or(0)
}

pub async fn index(ctx: Ctx) -> AppResult<Response> {
    let html = crate::render(&landing_page(&ctx, None, "", ""))?;
    Ok(html.into_response())
}

/// `POST /methodes/diagnostics`: a new draft, then its first step.
pub async fn start(ctx: Ctx, State(state): State<AppState>) -> AppResult<Response> {
    let secret = new_secret();
    let version = i64::from(definitions(&state).current().version);
    store::create(&state.db, &key_of(&secret), version, state.now()).await?;
    Ok(see_other(
        &ctx.href(format!("/methodes/diagnostics/{secret}/etapes/1")),
    ))
}

#[derive(serde::Deserialize)]
pub struct Resume {
    lien: Option<String>,
}

/// `GET /methodes/reprendre?lien=…`: the personal link or its code, pasted.
pub async fn resume(ctx: Ctx, Query(q): Query<Resume>) -> AppResult<Response> {
    let text = q.lien.unwrap_or_default();
    let found = crate::personal::secret_in(&text);
    let kind = if text.contains("/collectifs/") {
        "collectifs"
    } else {
        "diagnostics"
    };
    match found {
        Some(secret) => Ok(see_other(&ctx.href(format!("/methodes/{kind}/{secret}")))),
        None => {
            let template = landing_page(&ctx, Some(ctx.t("methodes-reprendre-invalide")), "", "");
            page(StatusCode::UNPROCESSABLE_ENTITY, &template)
        }
    }
}

/// `GET /methodes/territoires?<field>=text`: up to 8 territories whose name starts with the
/// text, as `<option>`s for the territory field's `<datalist>` (htmx fills it as one
/// types; without JavaScript the field works alone). Each value is the label a step
/// reads back as that very territory.
pub async fn suggestions(
    ctx: Ctx,
    State(state): State<AppState>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let text = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .map(|(_, v)| v.into_owned())
        .next()
        .unwrap_or_default();
    let places = ReadyPlaces(ready);
    let mut html = String::new();
    if text.trim().chars().count() >= 2 {
        for p in places.by_name(&state.db, text.trim(), 8).await? {
            html.push_str("<option value=\"");
            html.push_str(&xml_escape(&places.describe(ctx.lang, &state.catalog, &p)));
            html.push_str("\"></option>");
        }
    }
    Ok(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response())
}

// ----- the questionnaire, one step per page -----

pub struct OptionView {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct QuestionView {
    pub id: String,
    pub kind: &'static str,
    pub label: String,
    pub help: Option<String>,
    pub required: bool,
    pub max_choix: Option<usize>,
    pub options: Vec<OptionView>,
    /// Territory and free text: the value typed.
    pub text: String,
    pub error: Option<String>,
    /// Territory: the places matching an ambiguous name.
    pub candidates: Vec<OptionView>,
    /// Territory: the saved answer (`communes/32013`), sent back with its name so that an
    /// unchanged name keeps the same territory.
    pub code: Option<String>,
}

pub struct StepNav {
    pub number: usize,
    pub titre: String,
    pub href: Option<String>,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "methodes/etape.html")]
struct StepPage<'a> {
    ctx: &'a Ctx,
    number: usize,
    total: usize,
    titre: String,
    introduction: Option<String>,
    nav: Vec<StepNav>,
    questions: Vec<QuestionView>,
    errors: Vec<(String, String, String)>,
    general: Option<String>,
    action: String,
    link: String,
    collective: Option<String>,
    last: bool,
}

struct Draft {
    secret: String,
    key: String,
    row: store::Diagnostic,
    def: std::sync::Arc<Questionnaire>,
    answers: Answers,
}

/// The draft behind a link, or a 404 that says the link is unknown (forged, mistyped or
/// deleted).
/// A diagnostic made with a version of the questionnaire this instance no longer loads.
fn version_gone(state: &AppState, lang: Lang, version: i64) -> AppError {
    tracing::warn!(version, "diagnostic d'une version de questionnaire absente");
    AppError::NotFoundBecause(
        state
            .catalog
            .get_with(
                lang,
                "methodes-version-absente",
                &[("version", alliances_i18n::num(version))],
            )
            .into_owned(),
    )
}

async fn draft(state: &AppState, secret: &str, lang: Lang) -> AppResult<Draft> {
    let unknown = || {
        AppError::NotFoundBecause(
            state
                .catalog
                .get(lang, "methodes-lien-inconnu")
                .into_owned(),
        )
    };
    if !is_secret(secret) {
        return Err(unknown());
    }
    let key = key_of(secret);
    let row = store::get(&state.db, &key).await?.ok_or_else(unknown)?;
    if let Some(c) = &row.collectif {
        // A partner's use keeps the whole collective alive.
        store::touch_collective(&state.db, c, state.now()).await?;
    }
    let def = definitions(state)
        .get(row.version)
        .cloned()
        .ok_or_else(|| version_gone(state, lang, row.version))?;
    let answers: Answers = serde_json::from_str(&row.reponses)
        .map_err(|e| AppError::Internal(format!("réponses illisibles : {e}")))?;
    Ok(Draft {
        secret: secret.to_owned(),
        key,
        row,
        def,
        answers,
    })
}

fn question_view(
    ctx: &Ctx,
    ready: &Ready,
    q: &Question,
    value: Option<&Answer>,
    typed: Option<&str>,
    error: Option<String>,
    candidates: &[(String, String)],
) -> QuestionView {
    let l = ctx.lang.code();
    let chosen: Vec<String> = value.map(|a| a.values().to_vec()).unwrap_or_default();
    let saved = (q.kind == Kind::Territoire)
        .then(|| value.and_then(|a| a.values().first().cloned()))
        .flatten()
        .and_then(|v| diagnostic::Places::resolve(&ReadyPlaces(ready), &v));
    let text = match (q.kind, typed) {
        (_, Some(t)) => t.to_owned(),
        (Kind::Territoire, None) => saved.as_ref().map(|p| p.nom.clone()).unwrap_or_default(),
        (Kind::Texte, None) => chosen.first().cloned().unwrap_or_default(),
        _ => String::new(),
    };
    QuestionView {
        id: q.id.clone(),
        kind: q.kind.code(),
        label: q.libelle.get(l).to_owned(),
        help: q.aide.as_ref().map(|t| t.get(l).to_owned()),
        required: q.obligatoire,
        max_choix: q.max_choix,
        options: q
            .options
            .iter()
            .map(|o| OptionView {
                id: format!("q-{}-{}", q.id, o.valeur),
                value: o.valeur.clone(),
                label: o.libelle.get(l).to_owned(),
                checked: chosen.contains(&o.valeur),
            })
            .collect(),
        text,
        error,
        candidates: candidates
            .iter()
            .enumerate()
            .map(|(i, (value, label))| OptionView {
                id: format!("q-{}-choix-{i}", q.id),
                value: value.clone(),
                label: label.clone(),
                checked: false,
            })
            .collect(),
        code: saved.map(|p| canonical(p.niveau, &p.code)),
    }
}

/// Everything a step page shows besides its questions.
#[allow(clippy::too_many_arguments)]
fn step_page<'a>(
    ctx: &'a Ctx,
    state: &AppState,
    headers: &HeaderMap,
    d: &Draft,
    index: usize,
    questions: Vec<QuestionView>,
    general: Option<String>,
    collective: Option<String>,
) -> StepPage<'a> {
    let l = ctx.lang.code();
    let step = &d.def.etapes[index];
    let reached = usize::try_from(d.row.etape).unwrap_or(0);
    let errors = questions
        .iter()
        .filter_map(|q| {
            q.error
                .as_ref()
                .map(|e| (format!("q-{}", q.id), q.label.clone(), e.clone()))
        })
        .collect();
    StepPage {
        ctx,
        number: index + 1,
        total: d.def.etapes.len(),
        titre: step.titre.get(l).to_owned(),
        introduction: step.introduction.as_ref().map(|t| t.get(l).to_owned()),
        nav: d
            .def
            .etapes
            .iter()
            .enumerate()
            .map(|(i, s)| StepNav {
                number: i + 1,
                titre: s.titre.get(l).to_owned(),
                href: (i <= reached && i != index).then(|| {
                    ctx.href(format!(
                        "/methodes/diagnostics/{}/etapes/{}",
                        d.secret,
                        i + 1
                    ))
                }),
                current: i == index,
            })
            .collect(),
        questions,
        errors,
        general,
        action: ctx.href(format!(
            "/methodes/diagnostics/{}/etapes/{}",
            d.secret,
            index + 1
        )),
        link: absolute(
            state,
            headers,
            &ctx.href(format!("/methodes/diagnostics/{}", d.secret)),
        ),
        collective,
        last: index + 1 == d.def.etapes.len(),
    }
}

async fn collective_name(state: &AppState, row: &store::Diagnostic) -> AppResult<Option<String>> {
    Ok(match &row.collectif {
        Some(c) => store::get_collective(&state.db, c).await?.map(|c| c.nom),
        None => None,
    })
}

fn step_index(def: &Questionnaire, n: usize) -> AppResult<usize> {
    if n >= 1 && n <= def.etapes.len() {
        Ok(n - 1)
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn step(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((secret, n)): Path<(String, usize)>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let d = draft(&state, &secret, ctx.lang).await?;
    let index = step_index(&d.def, n)?;
    store::touch(&state.db, &d.key, state.now()).await?;
    let questions = d.def.etapes[index]
        .questions
        .iter()
        .filter(|q| diagnostic::applies(q, &d.answers))
        .map(|q| question_view(&ctx, ready, q, d.answers.get(&q.id), None, None, &[]))
        .collect();
    let collective = collective_name(&state, &d.row).await?;
    page(
        StatusCode::OK,
        &step_page(
            &ctx, &state, &headers, &d, index, questions, None, collective,
        ),
    )
}

/// What a step's form sent, read question by question.
struct Posted {
    answers: Answers,
    /// Values as typed (territory names), to show them back.
    typed: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
    candidates: BTreeMap<String, Vec<(String, String)>>,
    unknown: Vec<String>,
}

async fn read_step(
    ctx: &Ctx,
    ready: &Ready,
    db: &alliances_store::Db,
    def: &Questionnaire,
    index: usize,
    pairs: &[(String, String)],
) -> AppResult<Posted> {
    let mut posted = Posted {
        answers: Answers::new(),
        typed: BTreeMap::new(),
        errors: BTreeMap::new(),
        candidates: BTreeMap::new(),
        unknown: Vec::new(),
    };
    let step = &def.etapes[index];
    for (k, _) in pairs {
        let known = k == "action"
            || step.questions.iter().any(|q| {
                q.id == *k
                    || q.kind == Kind::Territoire
                        && (*k == format!("{}__choix", q.id) || *k == format!("{}__code", q.id))
            });
        if !known && !posted.unknown.contains(k) {
            posted.unknown.push(k.clone());
        }
    }
    let places = ReadyPlaces(ready);
    for q in &step.questions {
        let values: Vec<&str> = pairs
            .iter()
            .filter(|(k, _)| *k == q.id)
            .map(|(_, v)| v.as_str())
            .collect();
        match q.kind {
            Kind::ChoixMultiple => {
                if !values.is_empty() {
                    posted.answers.insert(
                        q.id.clone(),
                        Answer::Many(values.iter().map(|v| (*v).to_owned()).collect()),
                    );
                }
            }
            Kind::ChoixUnique | Kind::Echelle | Kind::Texte => match values.as_slice() {
                [] => {}
                [v] => {
                    if !(q.kind == Kind::Texte && v.trim().is_empty()) {
                        // Browsers send line breaks as CRLF; count them once, as typed.
                        let value = if q.kind == Kind::Texte {
                            v.replace("\r\n", "\n")
                        } else {
                            (*v).to_owned()
                        };
                        posted.answers.insert(q.id.clone(), Answer::One(value));
                    }
                }
                _ => {
                    posted
                        .errors
                        .insert(q.id.clone(), ctx.t("methodes-erreur-une-valeur"));
                }
            },
            Kind::Territoire => {
                let chosen = pairs
                    .iter()
                    .find(|(k, _)| *k == format!("{}__choix", q.id))
                    .map(|(_, v)| v.trim().to_owned());
                let typed = values
                    .first()
                    .map(|v| v.trim().to_owned())
                    .unwrap_or_default();
                // The saved territory, shown again by name: unchanged name, same territory.
                let saved = pairs
                    .iter()
                    .find(|(k, _)| *k == format!("{}__code", q.id))
                    .and_then(|(_, v)| diagnostic::Places::resolve(&places, v.trim()))
                    .filter(|p| fold(&p.nom) == fold(&typed));
                if let Some(code) = chosen.filter(|c| !c.is_empty()) {
                    // A candidate picked after an ambiguous name: checked like any value.
                    posted.answers.insert(q.id.clone(), Answer::One(code));
                } else if let Some(p) = saved {
                    posted
                        .answers
                        .insert(q.id.clone(), Answer::One(canonical(p.niveau, &p.code)));
                } else if typed.is_empty() {
                } else if let Some(p) = diagnostic::Places::resolve(&places, &typed) {
                    posted
                        .answers
                        .insert(q.id.clone(), Answer::One(canonical(p.niveau, &p.code)));
                } else if let Some(p) = suggested(ctx, &places, db, &typed).await? {
                    posted
                        .answers
                        .insert(q.id.clone(), Answer::One(canonical(p.niveau, &p.code)));
                } else {
                    let found = places.by_name(db, &typed, 12).await?;
                    match found.as_slice() {
                        [one] => {
                            posted.answers.insert(
                                q.id.clone(),
                                Answer::One(canonical(one.niveau, &one.code)),
                            );
                        }
                        [] => {
                            posted
                                .errors
                                .insert(q.id.clone(), ctx.t("methodes-erreur-territoire-inconnu"));
                        }
                        many => {
                            posted
                                .errors
                                .insert(q.id.clone(), ctx.t("methodes-erreur-territoire-ambigu"));
                            posted.candidates.insert(
                                q.id.clone(),
                                many.iter()
                                    .map(|p| {
                                        (
                                            canonical(p.niveau, &p.code),
                                            places.describe(ctx.lang, &ctx.state.catalog, p),
                                        )
                                    })
                                    .collect(),
                            );
                        }
                    }
                    posted.typed.insert(q.id.clone(), typed);
                }
            }
        }
    }
    Ok(posted)
}

/// The territory whose suggestion label (« Saint-Denis (93) — Commune ») is `typed`.
async fn suggested(
    ctx: &Ctx,
    places: &ReadyPlaces<'_>,
    db: &alliances_store::Db,
    typed: &str,
) -> AppResult<Option<Place>> {
    // The name is what comes before « (dep) » or « — level ».
    let cut = typed
        .find(" (")
        .or_else(|| typed.find(" — "))
        .unwrap_or(typed.len());
    Ok(places
        .by_name(db, &typed[..cut], 50)
        .await?
        .into_iter()
        .find(|p| places.describe(ctx.lang, &ctx.state.catalog, p) == typed))
}

/// A French (or English) sentence for an engine error.
fn engine_message(ctx: &Ctx, e: &FieldError) -> String {
    if ctx.lang == Lang::Fr {
        let mut chars = e.message.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    } else if e.message.starts_with("réponse obligatoire") {
        ctx.t("methodes-erreur-obligatoire")
    } else {
        ctx.t("methodes-erreur-valeur")
    }
}

pub async fn save_step(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((secret, n)): Path<(String, usize)>,
    body: Bytes,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let d = draft(&state, &secret, ctx.lang).await?;
    let index = step_index(&d.def, n)?;
    let pairs = parse_form(&body);
    let back = pairs.iter().any(|(k, v)| k == "action" && v == "precedent");
    let posted = read_step(&ctx, ready, &state.db, &d.def, index, &pairs).await?;
    let mut errors = posted.errors.clone();
    let mut checked_answers = Answers::new();
    match diagnostic::check(
        &d.def,
        &posted.answers,
        &d.answers,
        &ReadyPlaces(ready),
        Scope::Step {
            index,
            required: !back,
        },
    ) {
        Ok(c) => checked_answers = c.answers,
        Err(list) => {
            for e in list {
                errors
                    .entry(e.champ.clone())
                    .or_insert_with(|| engine_message(&ctx, &e));
            }
        }
    }
    let general = (!posted.unknown.is_empty()).then(|| {
        ctx.ta(
            "methodes-erreur-champ-inconnu",
            "champs",
            posted.unknown.join(", "),
        )
    });
    if !errors.is_empty() || general.is_some() {
        // Show the step again with every problem; nothing is saved.
        let mut context = d.answers.clone();
        for (k, v) in &posted.answers {
            context.insert(k.clone(), v.clone());
        }
        let questions = d.def.etapes[index]
            .questions
            .iter()
            .filter(|q| diagnostic::applies(q, &context))
            .map(|q| {
                question_view(
                    &ctx,
                    ready,
                    q,
                    posted.answers.get(&q.id),
                    posted.typed.get(&q.id).map(String::as_str),
                    errors.get(&q.id).cloned(),
                    posted.candidates.get(&q.id).map_or(&[], Vec::as_slice),
                )
            })
            .collect();
        let collective = collective_name(&state, &d.row).await?;
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &step_page(
                &ctx, &state, &headers, &d, index, questions, general, collective,
            ),
        );
    }
    // Replace this step's answers, keep the others.
    let mut answers = d.answers.clone();
    for q in &d.def.etapes[index].questions {
        answers.remove(&q.id);
    }
    answers.extend(checked_answers);
    let json = serde_json::to_string(&answers).unwrap_or_else(|_| "{}".into());
    let reached = if back {
        d.row.etape
    } else {
        d.row.etape.max(i64::try_from(index + 1).unwrap_or(0))
    };
    let now = state.now();
    if back {
        store::save_answers(&state.db, &d.key, &json, reached, now).await?;
        let to = index.max(1);
        return Ok(see_other(
            &ctx.href(format!("/methodes/diagnostics/{secret}/etapes/{to}")),
        ));
    }
    if index + 1 < d.def.etapes.len() {
        store::save_answers(&state.db, &d.key, &json, reached, now).await?;
        return Ok(see_other(&ctx.href(format!(
            "/methodes/diagnostics/{secret}/etapes/{}",
            index + 2
        ))));
    }
    // The last step: check everything (a step may have been skipped) and compute the report.
    match diagnostic::check(
        &d.def,
        &answers,
        &Answers::new(),
        &ReadyPlaces(ready),
        Scope::Complete,
    ) {
        Ok(checked) => {
            let report = build_report(
                ready,
                &state.catalog,
                &state.settings.parcours,
                &d.def,
                &checked,
                state.today(),
            )
            .map_err(|e| AppError::Internal(e.to_string()))?;
            let report_json =
                serde_json::to_string(&report).map_err(|e| AppError::Internal(e.to_string()))?;
            let answers_json =
                serde_json::to_string(&checked.answers).unwrap_or_else(|_| "{}".into());
            store::complete(&state.db, &d.key, &answers_json, &report_json, now).await?;
            Ok(see_other(
                &ctx.href(format!("/methodes/diagnostics/{secret}")),
            ))
        }
        Err(list) => {
            // Keep this step's answers (they passed its check), create no report, and send
            // the person to the first step with a missing answer.
            store::save_answers(&state.db, &d.key, &json, reached, now).await?;
            let first = list
                .iter()
                .filter_map(|e| d.def.question(&e.champ))
                .map(|q| q.step)
                .min()
                .unwrap_or(0);
            let by_id: BTreeMap<String, String> = list
                .iter()
                .map(|e| (e.champ.clone(), engine_message(&ctx, e)))
                .collect();
            let questions = d.def.etapes[first]
                .questions
                .iter()
                .filter(|q| diagnostic::applies(q, &answers))
                .map(|q| {
                    question_view(
                        &ctx,
                        ready,
                        q,
                        answers.get(&q.id),
                        None,
                        by_id.get(&q.id).cloned(),
                        &[],
                    )
                })
                .collect();
            let collective = collective_name(&state, &d.row).await?;
            page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &step_page(
                    &ctx,
                    &state,
                    &headers,
                    &d,
                    first,
                    questions,
                    Some(ctx.t("methodes-erreur-incomplet")),
                    collective,
                ),
            )
        }
    }
}

// ----- the report -----

pub struct DimensionView {
    pub titre: String,
    pub description: String,
    pub level: u8,
    pub level_label: String,
    pub sens: String,
    pub next: String,
}

pub struct RecView {
    pub titre: String,
    pub href: String,
    pub raison: String,
}

pub struct AnswerRow {
    pub question: String,
    pub answer: String,
}

pub struct AnswerBlock {
    pub titre: String,
    pub rows: Vec<AnswerRow>,
}

pub struct SynthRow {
    pub titre: String,
    pub levels: Vec<String>,
    pub gap: u8,
    pub status: String,
    pub status_class: &'static str,
}

pub struct Synthesis {
    pub partners: Vec<String>,
    pub rows: Vec<SynthRow>,
    /// Dimension title and its discussion prompts, largest gaps first.
    pub prompts: Vec<(String, u8, Vec<String>)>,
    /// The partners' answers, when the facilitator opened them.
    pub answers: Vec<(String, Vec<AnswerBlock>)>,
}

#[derive(Template)]
#[template(path = "methodes/rapport.html")]
struct ReportPage<'a> {
    ctx: &'a Ctx,
    profile: Vec<(String, String)>,
    profile_label: String,
    level: u8,
    level_label: String,
    radar: String,
    dimensions: Vec<DimensionView>,
    alliances: Vec<RecView>,
    territories: Vec<RecView>,
    figures: Vec<RecView>,
    catalyseurs: Vec<RecView>,
    tools: Vec<RecView>,
    /// The cartography of tools with the respondent's phase, actor type and level
    /// highlighted.
    tools_map_href: Option<String>,
    modules: Vec<RecView>,
    exemples_href: String,
    answers: Vec<AnswerBlock>,
    link: String,
    json_href: String,
    edit_href: String,
    delete_href: String,
    date: String,
    collective: Option<String>,
    synthesis: Option<Synthesis>,
    waiting: usize,
    ignored: usize,
    /// An edit of the answers is in progress: where to go on with it.
    editing: Option<String>,
}

#[derive(Template)]
#[template(path = "methodes/brouillon.html")]
struct DraftPage<'a> {
    ctx: &'a Ctx,
    link: String,
    resume_href: String,
    delete_href: String,
    answered: usize,
    collective: Option<String>,
}

/// The answers step by step; `with_text` includes free text (only for the link holder).
fn answer_blocks(
    ctx: &Ctx,
    ready: &Ready,
    def: &Questionnaire,
    answers: &Answers,
    with_text: bool,
) -> Vec<AnswerBlock> {
    let l = ctx.lang.code();
    def.etapes
        .iter()
        .map(|s| AnswerBlock {
            titre: s.titre.get(l).to_owned(),
            rows: s
                .questions
                .iter()
                .filter(|q| diagnostic::applies(q, answers) && (with_text || q.kind != Kind::Texte))
                .filter_map(|q| {
                    answers.get(&q.id).map(|a| AnswerRow {
                        question: q.libelle.get(l).to_owned(),
                        answer: answer_text(def, ready, &q.id, a, ctx.lang),
                    })
                })
                .collect(),
        })
        .filter(|b| !b.rows.is_empty())
        .collect()
}

/// The synthesis of a collective's completed reports (two at least).
fn synthesis(
    ctx: &Ctx,
    ready: &Ready,
    def: &Questionnaire,
    members: &[store::Diagnostic],
    open: bool,
) -> Option<Synthesis> {
    let l = ctx.lang.code();
    let done: Vec<(&store::Diagnostic, Rapport)> = members
        .iter()
        .filter_map(|m| {
            let r: Rapport = serde_json::from_str(m.rapport.as_deref()?).ok()?;
            Some((m, r))
        })
        .collect();
    if done.len() < MIN_PARTNERS {
        return None;
    }
    let reports: Vec<&Rapport> = done.iter().map(|(_, r)| r).collect();
    let spreads: Vec<Spread> = spreads(def, &reports);
    let rows = spreads
        .iter()
        .map(|s| {
            let (status, class) = match s.gap() {
                0 => (ctx.t("methodes-convergence"), "ecart-0"),
                1 => (ctx.t("methodes-proche"), "ecart-1"),
                _ => (ctx.t("methodes-divergence"), "ecart-2"),
            };
            SynthRow {
                titre: def
                    .dimension(&s.dimension)
                    .map(|d| d.titre.get(l).to_owned())
                    .unwrap_or_default(),
                levels: s
                    .levels
                    .iter()
                    .map(|n| format!("{n} · {}", ctx.taxo("maturite", level_code(*n))))
                    .collect(),
                gap: s.gap(),
                status,
                status_class: class,
            }
        })
        .collect();
    let mut by_gap: Vec<&Spread> = spreads.iter().filter(|s| s.gap() > 0).collect();
    by_gap.sort_by_key(|s| std::cmp::Reverse(s.gap()));
    let prompts = by_gap
        .into_iter()
        .take(3)
        .filter_map(|s| {
            let d = def.dimension(&s.dimension)?;
            Some((
                d.titre.get(l).to_owned(),
                s.gap(),
                d.discussion.iter().map(|t| t.get(l).to_owned()).collect(),
            ))
        })
        .collect();
    let answers = if open {
        // The answers each report was computed from; free text stays with its author.
        done.iter()
            .map(|(m, r)| {
                (
                    m.partenaire.clone().unwrap_or_default(),
                    answer_blocks(ctx, ready, def, &r.reponses, false),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(Synthesis {
        partners: done
            .iter()
            .map(|(m, _)| m.partenaire.clone().unwrap_or_default())
            .collect(),
        rows,
        prompts,
        answers,
    })
}

pub async fn report(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let d = draft(&state, &secret, ctx.lang).await?;
    store::touch(&state.db, &d.key, state.now()).await?;
    let base = format!("/methodes/diagnostics/{secret}");
    let link = absolute(&state, &headers, &ctx.href(&base));
    let delete_href = ctx.href(format!("{base}/supprimer"));
    let collective_row = match &d.row.collectif {
        Some(c) => store::get_collective(&state.db, c).await?,
        None => None,
    };
    let collective = collective_row.as_ref().map(|c| c.nom.clone());
    let Some(json) = &d.row.rapport else {
        let reached = usize::try_from(d.row.etape)
            .unwrap_or(0)
            .min(d.def.etapes.len() - 1);
        return page(
            StatusCode::OK,
            &DraftPage {
                ctx: &ctx,
                link,
                resume_href: ctx.href(format!("{base}/etapes/{}", reached + 1)),
                delete_href,
                answered: d.answers.len(),
                collective,
            },
        );
    };
    let members = match &collective_row {
        Some(c) => store::members(&state.db, &c.cle).await?,
        None => Vec::new(),
    };
    let r: Rapport = serde_json::from_str(json)
        .map_err(|e| AppError::Internal(format!("rapport illisible : {e}")))?;
    let l = ctx.lang.code();
    let def = &d.def;
    // The page shows the answers the report was computed from; an edit in progress is
    // announced, and only completing it changes the report.
    let answers = &r.reponses;
    let editing = (d.answers != r.reponses).then(|| {
        let reached = usize::try_from(d.row.etape)
            .unwrap_or(0)
            .min(def.etapes.len() - 1);
        ctx.href(format!("{base}/etapes/{}", reached + 1))
    });
    let dimensions: Vec<DimensionView> = def
        .dimensions
        .iter()
        .map(|dim| {
            let level = r.maturite.get(&dim.id).copied().unwrap_or(1);
            let text = &dim.niveaux[usize::from(level.clamp(1, 4)) - 1];
            DimensionView {
                titre: dim.titre.get(l).to_owned(),
                description: dim.description.get(l).to_owned(),
                level,
                level_label: ctx.taxo("maturite", level_code(level)),
                sens: text.sens.get(l).to_owned(),
                next: text.prochaine_etape.get(l).to_owned(),
            }
        })
        .collect();
    let radar = alliances_viz::radar::svg(
        &dimensions
            .iter()
            .map(|d| (d.titre.clone(), d.level))
            .collect::<Vec<_>>(),
        4,
        &ctx.t("methodes-radar-titre"),
        "radar-titre",
    );
    let rec = |kind: &str| -> Vec<RecView> {
        r.recommandations
            .iter()
            .filter(|x| x.kind == kind)
            .map(|x| RecView {
                titre: x.cible.titre.clone(),
                href: ctx.href(&x.cible.url),
                raison: if x.motifs.is_empty() && kind == "alliance" {
                    ctx.t("methodes-raison-complement")
                } else if x.motifs.is_empty() {
                    if kind == "territoire"
                        && x.cible.url.contains("/departements/")
                        && r.profil
                            .territoire
                            .as_ref()
                            .is_some_and(|t| t.niveau != "departement")
                    {
                        ctx.t("methodes-raison-departement")
                    } else {
                        ctx.t("methodes-raison-territoire")
                    }
                } else {
                    reason(&ctx.state.catalog, ctx.lang, ready, &x.motifs)
                },
            })
            .collect()
    };
    let alliances = rec("alliance");
    let territories = rec("territoire");
    // Figures and catalyseurs are read again in the page's language; a record removed
    // since keeps the text stored with the report.
    let collections = ready.collections.get();
    let figures: Vec<RecView> = r
        .recommandations
        .iter()
        .filter(|x| x.kind == "chiffre")
        .map(|x| match collections.observatory.get(&x.cible.id) {
            Some(f) => {
                let v = crate::figures::view(&ctx, ready, &collections.observatory, f);
                RecView {
                    titre: format!("{} — « {} »", v.value, v.label),
                    href: v.href,
                    raison: ctx.ta(
                        "methodes-raison-chiffre",
                        "population",
                        v.population.unwrap_or_default(),
                    ) + &format!(" ({})", v.provenance),
                }
            }
            None => RecView {
                titre: x.cible.titre.clone(),
                href: ctx.href(&x.cible.url),
                raison: x.raison.clone(),
            },
        })
        .collect();
    let catalyseurs: Vec<RecView> = r
        .recommandations
        .iter()
        .filter(|x| x.kind == "catalyseur")
        .map(|x| RecView {
            titre: x.cible.titre.clone(),
            href: ctx.href(&x.cible.url),
            raison: x
                .motifs
                .first()
                .map_or_else(|| x.raison.clone(), |m| ctx.t(&m.code)),
        })
        .collect();
    // The title, in the page's language, of the dimension a recommendation's reason names.
    let dimension_title = |x: &super::Recommandation| {
        x.motifs
            .iter()
            .find(|m| m.facette == "dimension")
            .and_then(|m| def.dimension(&m.code))
            .map(|d| d.titre.get(l))
    };
    let tools: Vec<RecView> = r
        .recommandations
        .iter()
        .filter(|x| x.kind == "outil")
        .map(|x| RecView {
            titre: collections
                .outil(&x.cible.id)
                .map_or_else(|| x.cible.titre.clone(), |o| o.nom.clone()),
            href: ctx.href(&x.cible.url),
            raison: super::path_tools::reason(
                &ctx.state.catalog,
                ctx.lang,
                dimension_title(x),
                &x.motifs,
            ),
        })
        .collect();
    let tools_map_href = r
        .recommandations
        .iter()
        .filter(|x| x.kind == "outil")
        .find_map(|x| x.motifs.iter().find(|m| m.facette == "phase"))
        .map(|phase| {
            let mut qs = form_urlencoded::Serializer::new(String::new());
            qs.append_pair("phase", &phase.code);
            if !r.profil.type_acteur.is_empty() {
                qs.append_pair("public", &r.profil.type_acteur);
            }
            qs.append_pair("maturite", &r.profil.niveau);
            format!("{}?{}", ctx.href("/outils/cartographie"), qs.finish())
        });
    let modules: Vec<RecView> = r
        .recommandations
        .iter()
        .filter(|x| x.kind == "module")
        .map(|x| {
            let module = ctx.state.settings.parcours.module(&x.cible.id);
            RecView {
                titre: module.map_or_else(|| x.cible.titre.clone(), |m| m.titre.get(l).to_owned()),
                href: ctx.href(&x.cible.url),
                raison: super::path_modules::reason(
                    &ctx.state.catalog,
                    ctx.lang,
                    dimension_title(x),
                    &x.motifs,
                ),
            }
        })
        .collect();
    // « All the alliances like you »: the profile's type and place as search filters.
    let mut qs = form_urlencoded::Serializer::new(String::new());
    qs.append_pair("type_acteur", &r.profil.type_acteur);
    if let Some(t) = &r.profil.territoire {
        let place = ReadyPlaces(ready).place(
            alliances_domain::territory::Level::from_code(&t.niveau)
                .unwrap_or(alliances_domain::territory::Level::Region),
            &t.code,
        );
        if let Some((_, code)) = place
            .as_ref()
            .and_then(|p| p.facettes.iter().find(|(f, _)| f == "region"))
        {
            qs.append_pair("region", code);
        }
    }
    let exemples_href = format!("{}?{}", ctx.href("/exemples"), qs.finish());
    let profile = def
        .profil
        .questions
        .iter()
        .filter_map(|id| {
            let q = def.question(id)?;
            let a = r.profil.reponses.get(id)?;
            Some((
                q.libelle.get(l).to_owned(),
                answer_text(def, ready, id, a, ctx.lang),
            ))
        })
        .collect();
    let (synthesis_view, waiting) = match &collective_row {
        Some(c) => {
            let waiting = members.iter().filter(|m| m.rapport.is_none()).count();
            (
                synthesis(&ctx, ready, def, &members, c.reponses_ouvertes),
                waiting,
            )
        }
        None => (None, 0),
    };
    let level = r.maturite.get("globale").copied().unwrap_or(1);
    page(
        StatusCode::OK,
        &ReportPage {
            ctx: &ctx,
            profile,
            profile_label: super::profile_label(def, answers, ctx.lang),
            level,
            level_label: ctx.taxo("maturite", level_code(level)),
            radar,
            dimensions,
            alliances,
            territories,
            figures,
            catalyseurs,
            tools,
            tools_map_href,
            modules,
            exemples_href,
            answers: answer_blocks(&ctx, ready, def, answers, true),
            editing,
            link,
            json_href: ctx.href(format!("{base}/rapport.json")),
            edit_href: ctx.href(format!("{base}/etapes/1")),
            delete_href,
            date: r.date.clone(),
            collective,
            synthesis: synthesis_view,
            waiting,
            ignored: r.ignorees.len(),
        },
    )
}

/// `GET …/rapport.json`: the report with the answers, as a download.
pub async fn report_json(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let d = draft(&state, &secret, ctx.lang).await?;
    let Some(json) = &d.row.rapport else {
        return Err(AppError::NotFound);
    };
    let report: serde_json::Value =
        serde_json::from_str(json).map_err(|e| AppError::Internal(e.to_string()))?;
    let body = serde_json::json!({
        "reponses": report["reponses"],
        "rapport": report,
    });
    let mut response = (
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"diagnostic.json\"",
            ),
        ],
        serde_json::to_vec_pretty(&body).unwrap_or_default(),
    )
        .into_response();
    response = private(response);
    Ok(response)
}

// ----- deletion -----

#[derive(Template)]
#[template(path = "methodes/supprimer.html")]
struct DeletePage<'a> {
    ctx: &'a Ctx,
    action: String,
    back: String,
    collective: bool,
}

#[derive(Template)]
#[template(path = "methodes/supprime.html")]
struct DeletedPage<'a> {
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
fn confirm_page(ctx: &Ctx, base: String, collective: bool) -> AppResult<Response> {
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

// ----- collective diagnostic -----

pub struct PartnerView {
    pub label: String,
    pub link: String,
    pub done: bool,
}

#[derive(Template)]
#[template(path = "methodes/collectif.html")]
struct CollectivePage<'a> {
    ctx: &'a Ctx,
    nom: String,
    link: String,
    partners: Vec<PartnerView>,
    synthesis: Option<Synthesis>,
    open: bool,
    open_action: String,
    delete_href: String,
    done: usize,
}

/// `POST /methodes/collectifs`: the alliance's name and one partner per line.
pub async fn create_collective(
    ctx: Ctx,
    State(state): State<AppState>,
    body: Bytes,
) -> AppResult<Response> {
    let pairs = parse_form(&body);
    let nom = form_value(&pairs, "nom").trim().to_owned();
    let raw = form_value(&pairs, "partenaires");
    let partners = crate::personal::labels(&raw);
    let error = if nom.is_empty() || nom.chars().count() > 120 {
        Some(ctx.t("methodes-collectif-erreur-nom"))
    } else if !(MIN_PARTNERS..=MAX_PARTNERS).contains(&partners.len()) {
        Some(ctx.t("methodes-collectif-erreur-partenaires"))
    } else {
        None
    };
    if let Some(error) = error {
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &landing_page(&ctx, Some(error), &nom, &raw),
        );
    }
    let secret = new_secret();
    let keys: Vec<(String, String)> = partners
        .iter()
        .enumerate()
        .map(|(i, label)| (key_of(&partner_secret(&secret, i)), label.clone()))
        .collect();
    let version = i64::from(definitions(&state).current().version);
    store::create_collective(
        &state.db,
        &key_of(&secret),
        &nom,
        version,
        &keys,
        state.now(),
    )
    .await?;
    Ok(see_other(
        &ctx.href(format!("/methodes/collectifs/{secret}")),
    ))
}

async fn collective_of(state: &AppState, secret: &str, lang: Lang) -> AppResult<store::Collective> {
    let unknown = || {
        AppError::NotFoundBecause(
            state
                .catalog
                .get(lang, "methodes-collectif-inconnu")
                .into_owned(),
        )
    };
    let key = crate::personal::key_of_link(secret).ok_or_else(unknown)?;
    store::get_collective(&state.db, &key)
        .await?
        .ok_or_else(unknown)
}

pub async fn collective(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let c = collective_of(&state, &secret, ctx.lang).await?;
    store::touch_collective(&state.db, &c.cle, state.now()).await?;
    let def = definitions(&state)
        .get(c.version)
        .cloned()
        .ok_or_else(|| version_gone(&state, ctx.lang, c.version))?;
    let members = store::members(&state.db, &c.cle).await?;
    let partners = members
        .iter()
        .map(|m| {
            let rang = usize::try_from(m.rang.unwrap_or(0)).unwrap_or(0);
            PartnerView {
                label: m.partenaire.clone().unwrap_or_default(),
                link: absolute(
                    &state,
                    &headers,
                    &ctx.href(format!(
                        "/methodes/diagnostics/{}",
                        partner_secret(&secret, rang)
                    )),
                ),
                done: m.rapport.is_some(),
            }
        })
        .collect::<Vec<_>>();
    let base = format!("/methodes/collectifs/{secret}");
    page(
        StatusCode::OK,
        &CollectivePage {
            ctx: &ctx,
            nom: c.nom.clone(),
            link: absolute(&state, &headers, &ctx.href(&base)),
            done: partners.iter().filter(|p| p.done).count(),
            partners,
            synthesis: synthesis(&ctx, ready, &def, &members, c.reponses_ouvertes),
            open: c.reponses_ouvertes,
            open_action: ctx.href(format!("{base}/ouverture")),
            delete_href: ctx.href(format!("{base}/supprimer")),
        },
    )
}

/// `POST …/ouverture` with `ouvrir=1` or `0`.
pub async fn set_open(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let c = collective_of(&state, &secret, ctx.lang).await?;
    let pairs = parse_form(&body);
    let open = match pairs
        .iter()
        .find(|(k, _)| k == "ouvrir")
        .map(|(_, v)| v.as_str())
    {
        Some("1") => true,
        Some("0") => false,
        _ => {
            let mut invalid = alliances_domain::error::Invalid::default();
            invalid.push("ouvrir", "valeur attendue : 1 (ouvrir) ou 0 (refermer)");
            return Err(AppError::Invalid(invalid));
        }
    };
    store::set_open(&state.db, &c.cle, open, state.now()).await?;
    Ok(see_other(
        &ctx.href(format!("/methodes/collectifs/{secret}")),
    ))
}

pub async fn confirm_delete_collective(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    collective_of(&state, &secret, ctx.lang).await?;
    confirm_page(
        &ctx,
        ctx.href(format!("/methodes/collectifs/{secret}")),
        true,
    )
}

pub async fn delete_collective(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let c = collective_of(&state, &secret, ctx.lang).await?;
    store::delete_collective(&state.db, &c.cle).await?;
    page(StatusCode::OK, &DeletedPage { ctx: &ctx })
}
