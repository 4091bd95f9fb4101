//! `/api/v1/parcours`, `/api/v1/modules/{slug}` and `/api/v1/certificats/{code}`: the
//! variants with their modules and durations, one module's content (its quiz without the
//! answers), and the verification of a certificate. Texts in French, or in English with
//! `?lang=en`.

use alliances_domain::parcours::{Module, Parcours, Variant};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::certificats::verified;
use super::{certificate_modules, iso_date};
use crate::api_shapes::Langue;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// `fr` or `en` as `lang` says (French when absent); another value is a 422.
fn lang_of(query: Option<&str>) -> AppResult<&'static str> {
    crate::api_shapes::lang_of(query).map(alliances_i18n::Lang::code)
}

/// A module in a variant.
#[derive(Serialize, ToSchema)]
pub struct ModuleResume {
    #[schema(example = "pourquoi-s-allier")]
    pub slug: String,
    pub titre: String,
    /// Reading (200 words a minute) + one minute per quiz question + exercises.
    pub duree_minutes: u32,
}

/// A variant of the path.
#[derive(Serialize, ToSchema)]
pub struct ParcoursJson {
    #[schema(example = "essentiel")]
    pub slug: String,
    pub titre: String,
    pub resume: String,
    /// The sum of its modules' durations.
    pub duree_minutes: u32,
    /// The duration aimed at (the sum stays within ±15 %).
    pub duree_visee_minutes: u32,
    pub modules: Vec<ModuleResume>,
}

#[derive(Serialize, ToSchema)]
pub struct ListeParcours {
    pub total: usize,
    pub resultats: Vec<ParcoursJson>,
}

fn module_resume(m: &Module, l: &str) -> ModuleResume {
    ModuleResume {
        slug: m.slug.clone(),
        titre: m.titre.get(l).to_owned(),
        duree_minutes: m.minutes(),
    }
}

fn variant_json(p: &Parcours, v: &Variant, l: &str) -> ParcoursJson {
    ParcoursJson {
        slug: v.slug.clone(),
        titre: v.titre.get(l).to_owned(),
        resume: v.resume.get(l).to_owned(),
        duree_minutes: p.minutes(v),
        duree_visee_minutes: v.duree_visee,
        modules: p.modules_of(v).map(|m| module_resume(m, l)).collect(),
    }
}

/// The variants of the learning path « Alliances et Territoires ».
#[utoipa::path(get, path = "/api/v1/parcours", summary = "Les variantes du parcours « Alliances et Territoires »", tag = "Compétences",
    params(("lang" = Option<Langue>, Query, description = "`en` pour les textes en anglais, `fr` par défaut.")),
    responses((status = 200, body = ListeParcours), (status = 422, description = "Langue inconnue")))]
pub async fn parcours(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ListeParcours>> {
    let p = &state.settings.parcours;
    let l = lang_of(query.as_deref())?;
    Ok(Json(ListeParcours {
        total: p.variantes.len(),
        resultats: p.variantes.iter().map(|v| variant_json(p, v, l)).collect(),
    }))
}

/// One variant with its modules.
#[utoipa::path(get, path = "/api/v1/parcours/{slug}", summary = "Une variante du parcours et ses modules", tag = "Compétences",
    params(("slug" = String, Path, description = "Identifiant du parcours (essentiel, fondamentaux, complet)"),
           ("lang" = Option<Langue>, Query, description = "`en` pour les textes en anglais, `fr` par défaut.")),
    responses((status = 200, body = ParcoursJson), (status = 404, description = "Parcours inconnu"), (status = 422, description = "Langue inconnue")))]
pub async fn parcours_detail(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ParcoursJson>> {
    let p = &state.settings.parcours;
    let v = p.variant(&slug).ok_or(AppError::NotFound)?;
    Ok(Json(variant_json(p, v, lang_of(query.as_deref())?)))
}

#[derive(Serialize, ToSchema)]
pub struct LeconJson {
    pub id: String,
    pub titre: String,
    pub minutes: u32,
    /// Markdown.
    pub texte: String,
}

#[derive(Serialize, ToSchema)]
pub struct LienJson {
    /// `alliance`, `outil`, `chiffre`, `territoire`, `catalyseur`, `repere`.
    #[serde(rename = "type")]
    pub genre: String,
    pub id: String,
    /// The page of the platform.
    pub chemin: String,
    pub pourquoi: String,
}

#[derive(Serialize, ToSchema)]
pub struct ActiviteJson {
    pub id: String,
    pub titre: String,
    pub minutes: u32,
    /// Markdown.
    pub consigne: String,
    /// The page of the platform where it is done, if any.
    pub chemin: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionJson {
    pub id: String,
    pub question: String,
    /// The answers offered, in order (which one is right is checked on the module's page).
    pub reponses: Vec<String>,
}

/// One module: objectives, lessons, links, exercises and quiz questions.
#[derive(Serialize, ToSchema)]
pub struct ModuleJson {
    pub slug: String,
    pub titre: String,
    pub resume: String,
    /// Dimensions of the diagnostic it strengthens.
    pub dimensions: Vec<String>,
    pub objectifs: Vec<String>,
    pub duree_minutes: u32,
    pub lecture_minutes: u32,
    pub quiz_minutes: u32,
    pub exercices_minutes: u32,
    /// The variants that include it.
    pub parcours: Vec<String>,
    pub lecons: Vec<LeconJson>,
    pub liens: Vec<LienJson>,
    pub activites: Vec<ActiviteJson>,
    pub quiz: Vec<QuestionJson>,
}

/// One module of the path.
#[utoipa::path(get, path = "/api/v1/modules/{slug}", summary = "Un module du parcours", tag = "Compétences",
    params(("slug" = String, Path, description = "Identifiant du module"),
           ("lang" = Option<Langue>, Query, description = "`en` pour les textes en anglais, `fr` par défaut.")),
    responses((status = 200, body = ModuleJson), (status = 404, description = "Module inconnu"), (status = 422, description = "Langue inconnue")))]
pub async fn module(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ModuleJson>> {
    let p = &state.settings.parcours;
    let m = p.module(&slug).ok_or(AppError::NotFound)?;
    let l = lang_of(query.as_deref())?;
    Ok(Json(ModuleJson {
        slug: m.slug.clone(),
        titre: m.titre.get(l).to_owned(),
        resume: m.resume.get(l).to_owned(),
        dimensions: m.dimensions.clone(),
        objectifs: m.objectifs.iter().map(|o| o.get(l).to_owned()).collect(),
        duree_minutes: m.minutes(),
        lecture_minutes: m.reading_minutes(),
        quiz_minutes: m.quiz_minutes(),
        exercices_minutes: m.exercise_minutes(),
        parcours: p
            .variantes
            .iter()
            .filter(|v| v.modules.contains(&m.slug))
            .map(|v| v.slug.clone())
            .collect(),
        lecons: m
            .lecons
            .iter()
            .map(|x| LeconJson {
                id: x.id.clone(),
                titre: x.titre.get(l).to_owned(),
                minutes: x.minutes,
                texte: x.texte.get(l).to_owned(),
            })
            .collect(),
        liens: m
            .liens
            .iter()
            .map(|k| LienJson {
                genre: k.kind.code().to_owned(),
                id: k.id.clone(),
                chemin: k.kind.path(&k.id),
                pourquoi: k.pourquoi.get(l).to_owned(),
            })
            .collect(),
        activites: m
            .activites
            .iter()
            .map(|a| ActiviteJson {
                id: a.id.clone(),
                titre: a.titre.get(l).to_owned(),
                minutes: a.minutes,
                consigne: a.consigne.get(l).to_owned(),
                chemin: a.lien.clone(),
            })
            .collect(),
        quiz: m
            .quiz
            .iter()
            .map(|q| QuestionJson {
                id: q.id.clone(),
                question: q.question.get(l).to_owned(),
                reponses: q
                    .reponses
                    .iter()
                    .map(|r| r.texte.get(l).to_owned())
                    .collect(),
            })
            .collect(),
    }))
}

/// A certificate as anyone may verify it.
#[derive(Serialize, ToSchema)]
pub struct CertificatJson {
    #[schema(example = "7K2M-Q9RT-4XHB-0ZPA")]
    pub code: String,
    /// The variant's slug.
    pub parcours: String,
    pub parcours_titre: String,
    /// The modules it certifies (slugs).
    pub modules: Vec<String>,
    pub duree_minutes: u32,
    /// Date of issue, `AAAA-MM-JJ`.
    pub date: String,
    /// `valide` or `revoque` (deleted by its holder).
    pub statut: String,
    /// Date of revocation.
    pub revoque_le: Option<String>,
    /// The name shown, only if the learner chose to show one.
    pub nom: Option<String>,
}

/// Verifies a certificate by its code.
#[utoipa::path(get, path = "/api/v1/certificats/{code}", summary = "Vérifier un certificat par son code", tag = "Compétences",
    params(("code" = String, Path, description = "Code de vérification (XXXX-XXXX-XXXX-XXXX)")),
    responses((status = 200, body = CertificatJson), (status = 404, description = "Code inconnu")))]
pub async fn certificat(ctx: Ctx, Path(code): Path<String>) -> AppResult<Json<CertificatJson>> {
    let state = ctx.state.clone();
    let c = verified(&state, &ctx, &code).await?;
    let p = &state.settings.parcours;
    Ok(Json(CertificatJson {
        parcours_titre: p
            .variant(&c.parcours)
            .map_or_else(|| c.parcours.clone(), |v| v.titre.get("fr").to_owned()),
        modules: certificate_modules(&c)?,
        duree_minutes: super::certificats::minutes_of(&ctx, &c)?,
        date: iso_date(c.delivre_le),
        statut: if c.revoque_le.is_some() {
            "revoque"
        } else {
            "valide"
        }
        .to_owned(),
        revoque_le: c.revoque_le.map(iso_date),
        nom: c.nom.clone(),
        parcours: c.parcours,
        code: c.code,
    }))
}
