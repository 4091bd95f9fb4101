//! `/competences`: the variants, the module pages with their quiz (plain forms, no
//! JavaScript needed), a learner's progress behind a personal link and a facilitator's group.
//! Pages behind a personal link are `noindex`, never cached and send no referrer.

use std::collections::HashMap;

use alliances_domain::parcours::{Grade, Module, Parcours};
use alliances_i18n::Lang;
use alliances_store::parcours as store;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::{
    LinkView, MAX_LEARNERS, ModuleSummary, VariantView, key_of, link_views, module_summary,
    new_secret, read_answers, variant_view,
};
use crate::content::markdown;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::personal::{absolute, form_pairs, form_value, page, see_other};
use crate::state::AppState;

fn parcours(state: &AppState) -> &Parcours {
    &state.settings.parcours
}

// ----- the landing page and a variant -----

#[derive(Template)]
#[template(path = "competences/index.html")]
struct Landing<'a> {
    ctx: &'a Ctx,
    variants: Vec<VariantView>,
    modules: Vec<(ModuleSummary, Vec<String>)>,
    error: Option<String>,
    form_nom: String,
    form_apprenants: String,
    form_parcours: String,
}

fn landing<'a>(
    ctx: &'a Ctx,
    error: Option<String>,
    nom: &str,
    apprenants: &str,
    form_parcours: &str,
) -> Landing<'a> {
    let p = parcours(&ctx.state);
    let href = |slug: &str| ctx.href(format!("/competences/modules/{slug}"));
    Landing {
        ctx,
        variants: p
            .variantes
            .iter()
            .map(|v| variant_view(ctx, p, v, &href, &[]))
            .collect(),
        modules: p
            .modules
            .iter()
            .map(|m| {
                let inside = p
                    .variantes
                    .iter()
                    .filter(|v| v.modules.contains(&m.slug))
                    .map(|v| v.titre.get(ctx.lang.code()).to_owned())
                    .collect();
                (module_summary(ctx, m, href(&m.slug), false), inside)
            })
            .collect(),
        error,
        form_nom: nom.to_owned(),
        form_apprenants: apprenants.to_owned(),
        form_parcours: form_parcours.to_owned(),
    }
}

pub async fn index(ctx: Ctx) -> AppResult<Response> {
    Ok(crate::render(&landing(&ctx, None, "", "", ""))?.into_response())
}

pub struct ObjectiveModule {
    pub summary: ModuleSummary,
    pub objectifs: Vec<String>,
}

#[derive(Template)]
#[template(path = "competences/parcours.html")]
struct VariantPage<'a> {
    ctx: &'a Ctx,
    v: VariantView,
    modules: Vec<ObjectiveModule>,
}

pub async fn variant(ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let p = parcours(&ctx.state);
    let v = p.variant(&slug).ok_or(AppError::NotFound)?;
    let l = ctx.lang.code();
    let href = |s: &str| ctx.href(format!("/competences/modules/{s}"));
    let modules = p
        .modules_of(v)
        .map(|m| ObjectiveModule {
            summary: module_summary(&ctx, m, href(&m.slug), false),
            objectifs: m.objectifs.iter().map(|o| o.get(l).to_owned()).collect(),
        })
        .collect();
    let view = variant_view(&ctx, p, v, &href, &[]);
    Ok(crate::render(&VariantPage {
        ctx: &ctx,
        v: view,
        modules,
    })?
    .into_response())
}

// ----- a module page with its quiz -----

pub struct LessonView {
    pub id: String,
    pub titre: String,
    pub minutes: u32,
    pub html: String,
}

pub struct ExerciseView {
    pub titre: String,
    pub duree: String,
    pub html: String,
    pub href: Option<String>,
}

pub struct AnswerView {
    pub index: usize,
    pub texte: String,
    pub checked: bool,
}

pub struct QuestionView {
    pub id: String,
    pub numero: usize,
    pub texte: String,
    pub reponses: Vec<AnswerView>,
    /// After an attempt: right or not, and the explanation of the chosen answer.
    pub verdict: Option<(bool, String)>,
}

/// Where the learner stands on this module (pages behind a progress link).
pub struct LearnerView {
    pub overview: String,
    pub variant: String,
    pub done: bool,
    /// The next module of the variant not completed yet.
    pub next: Option<(String, String)>,
    pub all_done: bool,
}

#[derive(Template)]
#[template(path = "competences/module.html")]
struct ModulePage<'a> {
    ctx: &'a Ctx,
    titre: String,
    resume: String,
    objectifs: Vec<String>,
    duree: String,
    lecture: String,
    quiz_duree: String,
    exercices: String,
    lecons: Vec<LessonView>,
    liens: Vec<LinkView>,
    activites: Vec<ExerciseView>,
    questions: Vec<QuestionView>,
    action: String,
    grade: Option<(usize, usize, bool)>,
    threshold: u8,
    learner: Option<LearnerView>,
    private: bool,
}

async fn module_page<'a>(
    ctx: &'a Ctx,
    m: &Module,
    action: String,
    answers: &HashMap<String, usize>,
    grade: Option<&Grade>,
    learner: Option<LearnerView>,
) -> AppResult<ModulePage<'a>> {
    let l = ctx.lang.code();
    let state = &ctx.state;
    let questions = m
        .quiz
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let chosen = answers.get(&q.id).copied();
            let verdict = grade
                .and_then(|g| g.lines.iter().find(|line| line.id == q.id))
                .map(|line| match line.chosen {
                    Some(c) => (line.right, q.reponses[c].explication.get(l).to_owned()),
                    None => (false, ctx.t("competences-quiz-sans-reponse")),
                });
            QuestionView {
                id: q.id.clone(),
                numero: i + 1,
                texte: q.question.get(l).to_owned(),
                reponses: q
                    .reponses
                    .iter()
                    .enumerate()
                    .map(|(index, r)| AnswerView {
                        index,
                        texte: r.texte.get(l).to_owned(),
                        checked: chosen == Some(index),
                    })
                    .collect(),
                verdict,
            }
        })
        .collect();
    Ok(ModulePage {
        ctx,
        titre: m.titre.get(l).to_owned(),
        resume: m.resume.get(l).to_owned(),
        objectifs: m.objectifs.iter().map(|o| o.get(l).to_owned()).collect(),
        duree: super::duration(ctx, m.minutes()),
        lecture: super::duration(ctx, m.reading_minutes()),
        quiz_duree: super::duration(ctx, m.quiz_minutes()),
        exercices: super::duration(ctx, m.exercise_minutes()),
        lecons: m
            .lecons
            .iter()
            .map(|x| LessonView {
                id: x.id.clone(),
                titre: x.titre.get(l).to_owned(),
                minutes: x.minutes,
                html: markdown(x.texte.get(l)),
            })
            .collect(),
        liens: link_views(ctx, state, m).await?,
        activites: m
            .activites
            .iter()
            .map(|a| ExerciseView {
                titre: a.titre.get(l).to_owned(),
                duree: super::duration(ctx, a.minutes),
                html: markdown(a.consigne.get(l)),
                href: a.lien.as_ref().map(|p| ctx.href(p)),
            })
            .collect(),
        questions,
        action,
        grade: grade.map(|g| (g.right, g.total, g.passed)),
        threshold: state.settings.quiz_threshold,
        private: learner.is_some(),
        learner,
    })
}

fn module_of<'a>(state: &'a AppState, slug: &str) -> AppResult<&'a Module> {
    parcours(state).module(slug).ok_or(AppError::NotFound)
}

pub async fn module(ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let state = ctx.state.clone();
    let m = module_of(&state, &slug)?;
    let action = ctx.href(format!("/competences/modules/{slug}/quiz"));
    let html = crate::render(&module_page(&ctx, m, action, &HashMap::new(), None, None).await?)?;
    Ok(html.into_response())
}

/// `POST /competences/modules/{slug}/quiz`: an attempt without a progress link — graded and
/// explained, nothing recorded.
pub async fn try_quiz(ctx: Ctx, Path(slug): Path<String>, body: Bytes) -> AppResult<Response> {
    let state = ctx.state.clone();
    let m = module_of(&state, &slug)?;
    let answers = read_answers(m, &form_pairs(&body));
    let grade = m.grade(&answers, state.settings.quiz_threshold);
    let action = ctx.href(format!("/competences/modules/{slug}/quiz"));
    let html = crate::render(&module_page(&ctx, m, action, &answers, Some(&grade), None).await?)?;
    Ok(html.into_response())
}

// ----- progress behind a personal link -----

/// `POST /competences/suivis` with `parcours`: a new progress link on that variant.
pub async fn start(ctx: Ctx, State(state): State<AppState>, body: Bytes) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    let slug = form_value(&pairs, "parcours");
    if parcours(&state).variant(&slug).is_none() {
        let mut invalid = alliances_domain::error::Invalid::default();
        invalid.push(
            "parcours",
            format!(
                "« {slug} » n'est pas un parcours ; valeurs possibles : {}",
                parcours(&state)
                    .variantes
                    .iter()
                    .map(|v| v.slug.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        return Err(AppError::Invalid(invalid));
    }
    let secret = new_secret();
    store::create(&state.db, &key_of(&secret), &slug, state.now()).await?;
    Ok(see_other(
        &ctx.href(format!("/competences/suivis/{secret}")),
    ))
}

/// `GET /competences/reprendre?lien=…`: the personal link or its code, pasted.
pub async fn resume(ctx: Ctx, Query(q): Query<crate::personal::Pasted>) -> AppResult<Response> {
    match q.path("/competences", "groupes", "suivis") {
        Some(path) => Ok(see_other(&ctx.href(path))),
        None => page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &landing(
                &ctx,
                Some(ctx.t("competences-reprendre-invalide")),
                "",
                "",
                "",
            ),
        ),
    }
}

/// The progress of a link, or a French 404 that says what to do (nothing is created).
pub(super) async fn progress_of(
    state: &AppState,
    secret: &str,
    lang: Lang,
) -> AppResult<store::Progress> {
    let unknown = || {
        AppError::NotFoundBecause(
            state
                .catalog
                .get(lang, "competences-suivi-inconnu")
                .into_owned(),
        )
    };
    let key = crate::personal::key_of_link(secret).ok_or_else(unknown)?;
    store::get(&state.db, &key).await?.ok_or_else(unknown)
}

pub struct CertificateLine {
    pub code: String,
    pub date: String,
    pub valide: bool,
    pub href: String,
}

#[derive(Template)]
#[template(path = "competences/suivi.html")]
struct ProgressPage<'a> {
    ctx: &'a Ctx,
    v: VariantView,
    done: usize,
    total: usize,
    link: String,
    group: Option<String>,
    certificate_action: String,
    certificates: Vec<CertificateLine>,
    others: Vec<(String, String)>,
    variant_action: String,
    delete_href: String,
    next: Option<(String, String)>,
}

pub async fn progress(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let pr = progress_of(&state, &secret, ctx.lang).await?;
    store::touch(&state.db, &pr.cle, state.now()).await?;
    let p = parcours(&state);
    let v = p
        .variant(&pr.parcours)
        .or_else(|| p.variantes.first())
        .ok_or(AppError::NotFound)?;
    let completed: Vec<String> = store::completed(&state.db, &pr.cle)
        .await?
        .into_iter()
        .map(|(m, _)| m)
        .collect();
    let base = format!("/competences/suivis/{secret}");
    let href = |s: &str| ctx.href(format!("{base}/modules/{s}"));
    let view = variant_view(&ctx, p, v, &href, &completed);
    let done = view.modules.iter().filter(|m| m.done).count();
    let next = view
        .modules
        .iter()
        .find(|m| !m.done)
        .map(|m| (m.titre.clone(), m.href.clone()));
    let group = match &pr.groupe {
        Some(g) => store::group(&state.db, g).await?.map(|g| g.nom),
        None => None,
    };
    let certificates = store::certificates_of(&state.db, &pr.cle)
        .await?
        .into_iter()
        .map(|c| CertificateLine {
            href: ctx.href(format!("{base}/certificats/{}", c.code)),
            date: ctx.date(&super::iso_date(c.delivre_le)),
            valide: c.revoque_le.is_none(),
            code: c.code,
        })
        .collect();
    let others = if pr.groupe.is_some() {
        Vec::new()
    } else {
        p.variantes
            .iter()
            .filter(|o| o.slug != v.slug)
            .map(|o| {
                (
                    o.slug.clone(),
                    format!(
                        "{} ({})",
                        o.titre.get(ctx.lang.code()),
                        super::duration(&ctx, p.minutes(o))
                    ),
                )
            })
            .collect()
    };
    page(
        StatusCode::OK,
        &ProgressPage {
            ctx: &ctx,
            total: view.modules.len(),
            done,
            v: view,
            link: absolute(&state, &headers, &ctx.href(&base)),
            group,
            certificate_action: ctx.href(format!("{base}/certificats")),
            certificates,
            others,
            variant_action: ctx.href(format!("{base}/parcours")),
            delete_href: ctx.href(format!("{base}/supprimer")),
            next,
        },
    )
}

/// `POST …/parcours` with `parcours`: another variant (completed modules stay completed).
pub async fn change_variant(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let pr = progress_of(&state, &secret, ctx.lang).await?;
    let slug = form_value(&form_pairs(&body), "parcours");
    if parcours(&state).variant(&slug).is_none() || pr.groupe.is_some() {
        let mut invalid = alliances_domain::error::Invalid::default();
        invalid.push(
            "parcours",
            if pr.groupe.is_some() {
                "le parcours d'un groupe est choisi par son animateur ou animatrice".to_owned()
            } else {
                format!("« {slug} » n'est pas un parcours")
            },
        );
        return Err(AppError::Invalid(invalid));
    }
    store::set_variant(&state.db, &pr.cle, &slug, state.now()).await?;
    Ok(see_other(
        &ctx.href(format!("/competences/suivis/{secret}")),
    ))
}

async fn learner_view(
    ctx: &Ctx,
    state: &AppState,
    secret: &str,
    pr: &store::Progress,
    slug: &str,
) -> AppResult<LearnerView> {
    let p = parcours(state);
    let completed: Vec<String> = store::completed(&state.db, &pr.cle)
        .await?
        .into_iter()
        .map(|(m, _)| m)
        .collect();
    let v = p.variant(&pr.parcours).or_else(|| p.variantes.first());
    let base = format!("/competences/suivis/{secret}");
    let modules: Vec<&Module> = v.map(|v| p.modules_of(v).collect()).unwrap_or_default();
    let next = modules
        .iter()
        .filter(|m| m.slug != slug && !completed.contains(&m.slug))
        .map(|m| {
            (
                m.titre.get(ctx.lang.code()).to_owned(),
                ctx.href(format!("{base}/modules/{}", m.slug)),
            )
        })
        .next();
    Ok(LearnerView {
        overview: ctx.href(&base),
        variant: v
            .map(|v| v.titre.get(ctx.lang.code()).to_owned())
            .unwrap_or_default(),
        done: completed.iter().any(|m| m == slug),
        all_done: !modules.is_empty() && modules.iter().all(|m| completed.contains(&m.slug)),
        next,
    })
}

pub async fn progress_module(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((secret, slug)): Path<(String, String)>,
) -> AppResult<Response> {
    let pr = progress_of(&state, &secret, ctx.lang).await?;
    let m = module_of(&state, &slug)?;
    store::touch(&state.db, &pr.cle, state.now()).await?;
    let learner = learner_view(&ctx, &state, &secret, &pr, &slug).await?;
    let action = ctx.href(format!("/competences/suivis/{secret}/modules/{slug}/quiz"));
    let template = module_page(&ctx, m, action, &HashMap::new(), None, Some(learner)).await?;
    page(StatusCode::OK, &template)
}

/// `POST …/modules/{slug}/quiz`: graded; a pass completes the module, a fail shows each
/// wrong answer's explanation and records nothing.
pub async fn progress_quiz(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((secret, slug)): Path<(String, String)>,
    body: Bytes,
) -> AppResult<Response> {
    let pr = progress_of(&state, &secret, ctx.lang).await?;
    let m = module_of(&state, &slug)?;
    let answers = read_answers(m, &form_pairs(&body));
    let grade = m.grade(&answers, state.settings.quiz_threshold);
    if grade.passed {
        store::complete_module(&state.db, &pr.cle, &slug, state.now()).await?;
    } else {
        store::touch(&state.db, &pr.cle, state.now()).await?;
    }
    let learner = learner_view(&ctx, &state, &secret, &pr, &slug).await?;
    let action = ctx.href(format!("/competences/suivis/{secret}/modules/{slug}/quiz"));
    let template = module_page(&ctx, m, action, &answers, Some(&grade), Some(learner)).await?;
    page(StatusCode::OK, &template)
}

#[derive(Template)]
#[template(path = "competences/supprimer.html")]
struct DeletePage<'a> {
    ctx: &'a Ctx,
    action: String,
    back: String,
    group: bool,
    deleted: bool,
}

/// « Delete for good? » for the page at `base` (a progress or a group), or, once done,
/// « Deleted » with the way back to the landing page.
fn deletion_page(ctx: &Ctx, base: Option<String>, group: bool) -> AppResult<Response> {
    let deleted = base.is_none();
    let (action, back) = match base {
        Some(base) => (format!("{base}/supprimer"), base),
        None => (String::new(), ctx.href("/competences")),
    };
    page(
        StatusCode::OK,
        &DeletePage {
            ctx,
            action,
            back,
            group,
            deleted,
        },
    )
}

pub async fn confirm_delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    progress_of(&state, &secret, ctx.lang).await?;
    deletion_page(
        &ctx,
        Some(ctx.href(format!("/competences/suivis/{secret}"))),
        false,
    )
}

pub async fn delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let pr = progress_of(&state, &secret, ctx.lang).await?;
    store::delete(&state.db, &pr.cle, state.now()).await?;
    deletion_page(&ctx, None, false)
}

// ----- a facilitator's group -----

/// The learner link of rank `rang` of a group, derived from the facilitator's secret
/// (one-way: a learner's link reveals neither the facilitator's nor another learner's).
fn learner_secret(facilitator: &str, rang: usize) -> String {
    crate::links::derived_secret("apprenant", facilitator, rang)
}

/// `POST /competences/groupes`: a name, a variant and one learner per line.
pub async fn create_group(
    ctx: Ctx,
    State(state): State<AppState>,
    body: Bytes,
) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    let nom = form_value(&pairs, "nom").trim().to_owned();
    let slug = form_value(&pairs, "parcours");
    let raw = form_value(&pairs, "apprenants");
    let learners = crate::personal::labels(&raw);
    let error = if nom.is_empty() || nom.chars().count() > 120 {
        Some(ctx.t("competences-groupe-erreur-nom"))
    } else if parcours(&state).variant(&slug).is_none() {
        Some(ctx.t("competences-groupe-erreur-parcours"))
    } else if !(1..=MAX_LEARNERS).contains(&learners.len()) {
        Some(ctx.t("competences-groupe-erreur-apprenants"))
    } else {
        None
    };
    if let Some(error) = error {
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &landing(&ctx, Some(error), &nom, &raw, &slug),
        );
    }
    let secret = new_secret();
    let keys: Vec<(String, String)> = learners
        .iter()
        .enumerate()
        .map(|(i, label)| (key_of(&learner_secret(&secret, i)), label.clone()))
        .collect();
    store::create_group(&state.db, &key_of(&secret), &nom, &slug, &keys, state.now()).await?;
    Ok(see_other(
        &ctx.href(format!("/competences/groupes/{secret}")),
    ))
}

async fn group_of(state: &AppState, secret: &str, lang: Lang) -> AppResult<store::Group> {
    let unknown = || {
        AppError::NotFoundBecause(
            state
                .catalog
                .get(lang, "competences-groupe-inconnu")
                .into_owned(),
        )
    };
    let key = crate::personal::key_of_link(secret).ok_or_else(unknown)?;
    store::group(&state.db, &key).await?.ok_or_else(unknown)
}

pub struct LearnerLine {
    pub label: String,
    pub link: String,
    pub modules: Vec<bool>,
    pub done: usize,
    pub certified: bool,
}

#[derive(Template)]
#[template(path = "competences/groupe.html")]
struct GroupPage<'a> {
    ctx: &'a Ctx,
    nom: String,
    v: VariantView,
    link: String,
    learners: Vec<LearnerLine>,
    delete_href: String,
}

pub async fn group(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let g = group_of(&state, &secret, ctx.lang).await?;
    store::touch_group(&state.db, &g.cle, state.now()).await?;
    let p = parcours(&state);
    let v = p.variant(&g.parcours).ok_or(AppError::NotFound)?;
    let href = |s: &str| ctx.href(format!("/competences/modules/{s}"));
    let view = variant_view(&ctx, p, v, &href, &[]);
    let learners = store::members(&state.db, &g.cle)
        .await?
        .into_iter()
        .map(|(pr, done, certified)| {
            let rang = usize::try_from(pr.rang.unwrap_or(0)).unwrap_or(0);
            let modules: Vec<bool> = view
                .modules
                .iter()
                .map(|m| done.contains(&m.slug))
                .collect();
            LearnerLine {
                label: pr.libelle.unwrap_or_default(),
                link: absolute(
                    &state,
                    &headers,
                    &ctx.href(format!(
                        "/competences/suivis/{}",
                        learner_secret(&secret, rang)
                    )),
                ),
                done: modules.iter().filter(|d| **d).count(),
                modules,
                certified,
            }
        })
        .collect();
    let base = format!("/competences/groupes/{secret}");
    page(
        StatusCode::OK,
        &GroupPage {
            ctx: &ctx,
            nom: g.nom,
            v: view,
            link: absolute(&state, &headers, &ctx.href(&base)),
            learners,
            delete_href: ctx.href(format!("{base}/supprimer")),
        },
    )
}

pub async fn confirm_delete_group(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    group_of(&state, &secret, ctx.lang).await?;
    deletion_page(
        &ctx,
        Some(ctx.href(format!("/competences/groupes/{secret}"))),
        true,
    )
}

pub async fn delete_group(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let g = group_of(&state, &secret, ctx.lang).await?;
    store::delete_group(&state.db, &g.cle, state.now()).await?;
    deletion_page(&ctx, None, true)
}
