//! `/api/v1/odd/…`: goals, targets and indicators.

use alliances_domain::odd::{Goal, Indicator, Sdg17Group, Target};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api_shapes::{PageParams, slice};
use crate::error::{AppError, AppResult};
use crate::state::{AppState, OddIndex};

/// A Sustainable Development Goal.
#[derive(Serialize, ToSchema)]
pub struct Objectif {
    /// Goal number as a string (`"17"`).
    #[schema(example = "17")]
    pub code: String,
    #[schema(example = 17)]
    pub numero: u8,
    /// Short French title (the official icon label).
    #[schema(example = "Partenariats pour la réalisation des objectifs")]
    pub titre_fr: String,
    pub titre_en: String,
    /// Full official wording, French.
    pub enonce_fr: String,
    pub enonce_en: String,
    /// Official colour, `#RRGGBB`.
    #[schema(example = "#19486A")]
    pub couleur: String,
    /// HTML page.
    #[schema(example = "/odd/17")]
    pub url: String,
    pub nombre_cibles: usize,
}

/// A thematic group of SDG 17's targets.
#[derive(Serialize, ToSchema)]
pub struct Groupe {
    #[schema(example = "questions-structurelles")]
    pub code: &'static str,
    #[schema(example = "Questions structurelles")]
    pub libelle: String,
}

/// A target of a goal.
#[derive(Serialize, ToSchema)]
pub struct Cible {
    #[schema(example = "17.17")]
    pub code: String,
    pub objectif: u8,
    pub titre_fr: String,
    pub titre_en: String,
    /// SDG 17 only: the target's thematic group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groupe: Option<Groupe>,
    #[schema(example = "/odd/cibles/17.17")]
    pub url: String,
}

/// A global indicator.
#[derive(Serialize, ToSchema)]
pub struct Indicateur {
    #[schema(example = "17.17.1")]
    pub code: String,
    pub titre_fr: String,
    pub titre_en: String,
    /// `false` for the indicators retired by the 2020 review.
    pub actif: bool,
    /// Codes of the same indicator under other targets.
    pub repetitions: Vec<String>,
}

/// A goal with its targets.
#[derive(Serialize, ToSchema)]
pub struct ObjectifDetail {
    #[serde(flatten)]
    pub objectif: Objectif,
    pub cibles: Vec<Cible>,
}

/// A target with its indicators.
#[derive(Serialize, ToSchema)]
pub struct CibleDetail {
    #[serde(flatten)]
    pub cible: Cible,
    pub indicateurs: Vec<Indicateur>,
}

#[derive(Serialize, ToSchema)]
pub struct ListeObjectifs {
    pub total: usize,
    pub resultats: Vec<Objectif>,
}

#[derive(Serialize, ToSchema)]
pub struct ListeCibles {
    pub total: usize,
    pub resultats: Vec<Cible>,
}

fn referential(state: &AppState) -> AppResult<&OddIndex> {
    state.ready().map(|r| &r.odd).ok_or(AppError::Unavailable)
}

fn objectif(odd: &OddIndex, g: &Goal) -> Objectif {
    Objectif {
        code: g.number.to_string(),
        numero: g.number,
        titre_fr: g.short_fr.clone(),
        titre_en: g.short_en.clone(),
        enonce_fr: g.title_fr.clone(),
        enonce_en: g.title_en.clone(),
        couleur: g.color.clone(),
        url: format!("/odd/{}", g.number),
        nombre_cibles: odd.targets_of(g.number).count(),
    }
}

fn cible(state: &AppState, t: &Target) -> Cible {
    Cible {
        code: t.code.clone(),
        objectif: t.goal,
        titre_fr: t.title_fr.clone(),
        titre_en: t.title_en.clone(),
        groupe: Sdg17Group::of_target(&t.code).map(|g| Groupe {
            code: g.code(),
            libelle: state
                .catalog
                .get(
                    alliances_i18n::Lang::Fr,
                    &format!("odd-groupe-{}", g.code()),
                )
                .into_owned(),
        }),
        url: format!("/odd/cibles/{}", t.code),
    }
}

fn indicateur(i: &Indicator) -> Indicateur {
    Indicateur {
        code: i.code.clone(),
        titre_fr: i.title_fr.clone(),
        titre_en: i.title_en.clone(),
        actif: i.active,
        repetitions: i.repeats.clone(),
    }
}

fn goal_number(raw: &str) -> AppResult<u8> {
    raw.parse::<u8>()
        .ok()
        .filter(|n| (1..=17).contains(n) && n.to_string() == raw)
        .ok_or(AppError::NotFound)
}

/// The 17 goals.
#[utoipa::path(get, path = "/api/v1/odd/objectifs", summary = "Les 17 objectifs de développement durable", tag = "ODD", params(PageParams),
    responses((status = 200, body = ListeObjectifs), (status = 422, description = "Pagination invalide")))]
pub async fn objectifs(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ListeObjectifs>> {
    let page = PageParams::from_query(query.as_deref()).parse()?;
    let odd = referential(&state)?;
    let all: Vec<&Goal> = odd.data.goals.iter().collect();
    Ok(Json(ListeObjectifs {
        total: all.len(),
        resultats: slice(&all, page).iter().map(|g| objectif(odd, g)).collect(),
    }))
}

/// One goal with its targets.
#[utoipa::path(get, path = "/api/v1/odd/objectifs/{numero}", summary = "Un objectif et ses cibles", tag = "ODD",
    params(("numero" = String, Path, description = "Numéro de l'objectif, 1 à 17")),
    responses((status = 200, body = ObjectifDetail), (status = 404, description = "Objectif inconnu")))]
pub async fn objectif_detail(
    State(state): State<AppState>,
    Path(numero): Path<String>,
) -> AppResult<Json<ObjectifDetail>> {
    let odd = referential(&state)?;
    let goal = odd.goal(goal_number(&numero)?).ok_or(AppError::NotFound)?;
    Ok(Json(ObjectifDetail {
        objectif: objectif(odd, goal),
        cibles: odd
            .targets_of(goal.number)
            .map(|t| cible(&state, t))
            .collect(),
    }))
}

/// The targets of a goal, in official order.
#[utoipa::path(get, path = "/api/v1/odd/objectifs/{numero}/cibles", summary = "Les cibles d'un objectif, dans l'ordre officiel", tag = "ODD",
    params(("numero" = String, Path, description = "Numéro de l'objectif, 1 à 17"), PageParams),
    responses((status = 200, body = ListeCibles), (status = 404, description = "Objectif inconnu"),
        (status = 422, description = "Pagination invalide")))]
pub async fn cibles(
    State(state): State<AppState>,
    Path(numero): Path<String>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ListeCibles>> {
    let page = PageParams::from_query(query.as_deref()).parse()?;
    let odd = referential(&state)?;
    let goal = odd.goal(goal_number(&numero)?).ok_or(AppError::NotFound)?;
    let all: Vec<&Target> = odd.targets_of(goal.number).collect();
    Ok(Json(ListeCibles {
        total: all.len(),
        resultats: slice(&all, page).iter().map(|t| cible(&state, t)).collect(),
    }))
}

/// One target with its indicators.
#[utoipa::path(get, path = "/api/v1/odd/cibles/{code}", summary = "Une cible et ses indicateurs", tag = "ODD",
    params(("code" = String, Path, description = "Code de la cible, par exemple 17.17")),
    responses((status = 200, body = CibleDetail), (status = 404, description = "Cible inconnue")))]
pub async fn cible_detail(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Json<CibleDetail>> {
    let odd = referential(&state)?;
    let target = odd.target(&code).ok_or(AppError::NotFound)?;
    Ok(Json(CibleDetail {
        cible: cible(&state, target),
        indicateurs: odd.indicators_of(&target.code).map(indicateur).collect(),
    }))
}
