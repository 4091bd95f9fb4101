//! `/api/v1/catalyseurs`: the directory with its filters and facets, and one catalyseur.

use std::collections::BTreeMap;

use alliances_domain::catalyseur::Catalyseur;
use alliances_i18n::Lang;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::{facets, matches, parse_request, regions_of};
use crate::api_shapes::{SourceLue, ValeurFacette, slice};
use crate::error::{AppError, AppResult};
use crate::state::{AppState, Ready, ready};

/// A territory a catalyseur works in.
#[derive(Serialize, ToSchema)]
pub struct Lieu {
    pub niveau: String,
    pub code: String,
    pub nom: Option<String>,
    pub url: Option<String>,
}

/// One catalyseur.
#[derive(Serialize, ToSchema)]
pub struct CatalyseurJson {
    #[schema(example = "bordeaux-mecenes-solidaires")]
    pub slug: String,
    #[schema(example = "Bordeaux Mécènes Solidaires")]
    pub nom: String,
    /// Kind code (`cress`, `fondation-territoriale`…).
    pub genre: String,
    pub genre_precision: Option<String>,
    /// The territory as the source names it.
    pub territoire: Option<String>,
    /// `commune`, `intercommunalite`, `departement`, `region` or `national`.
    pub niveau_territorial: String,
    /// The unit served when it is exactly one current unit.
    pub territoires: Vec<Lieu>,
    /// The région(s) named by the facts when there is no code.
    pub localisation: Vec<Lieu>,
    /// Région codes it works in (empty when national).
    pub regions: Vec<String>,
    /// `dialogue-territorial`, `experimentations-collectives`, `accompagnements`, `gestion-lieu`.
    pub metiers: Vec<String>,
    pub fondation: Option<u16>,
    pub site: Option<String>,
    pub sources: Vec<SourceLue>,
    #[schema(example = "/catalyseurs/bordeaux-mecenes-solidaires")]
    pub url: String,
}

/// A page of catalyseurs with the counts of every filter.
#[derive(Serialize, ToSchema)]
pub struct ListeCatalyseurs {
    pub total: usize,
    pub resultats: Vec<CatalyseurJson>,
    pub facettes: BTreeMap<String, Vec<ValeurFacette>>,
}

fn lieux(ready: &Ready, list: &[alliances_domain::alliance::TerritoryRef]) -> Vec<Lieu> {
    list.iter()
        .map(|t| {
            let level = t.level();
            Lieu {
                niveau: t.niveau.clone(),
                code: t.code.clone(),
                nom: level.and_then(|l| crate::places::territory_name(ready, l, &t.code)),
                url: level.map(|l| l.page_path(&t.code)),
            }
        })
        .collect()
}

pub fn catalyseur(ready: &Ready, c: &Catalyseur) -> CatalyseurJson {
    CatalyseurJson {
        slug: c.slug.clone(),
        nom: c.nom.clone(),
        genre: c.genre.clone(),
        genre_precision: c.genre_precision.clone(),
        territoire: c.territoire_libelle.clone(),
        niveau_territorial: c.niveau_territorial.clone(),
        territoires: lieux(ready, &c.territoires),
        localisation: lieux(ready, &c.localisation),
        regions: regions_of(ready, c),
        metiers: c.metiers.clone(),
        fondation: c.fondation,
        site: c.site.clone(),
        sources: SourceLue::of(&c.sources),
        url: format!("/catalyseurs/{}", c.slug),
    }
}

/// The directory of catalyseurs territoriaux.
#[utoipa::path(get, path = "/api/v1/catalyseurs", summary = "L'annuaire des catalyseurs territoriaux", tag = "Données",
    params(
        ("q" = Option<String>, Query, max_length = 200, description = "Texte : nom, genre, territoire (accents et majuscules indifférents)."),
        ("genre" = Option<Vec<String>>, Query, description = "Genre : cress, reseau-tiers-lieux, fondation-territoriale… (répétable : OU)."),
        ("metier" = Option<Vec<String>>, Query, description = "dialogue-territorial, experimentations-collectives, accompagnements, gestion-lieu."),
        ("region" = Option<Vec<String>>, Query, description = "Code INSEE de région où le catalyseur agit."),
        ("niveau" = Option<Vec<String>>, Query, description = "commune, intercommunalite, departement, region, national."),
        ("page" = Option<u32>, Query, minimum = 1, maximum = 1_000_000, description = "Page, de 1 à 1 000 000 (1 par défaut)."),
        ("par_page" = Option<u32>, Query, minimum = 1, maximum = 1000, description = "1 à 1000 (20 par défaut)."),
    ),
    responses((status = 200, body = ListeCatalyseurs), (status = 422, description = "Paramètre ou valeur invalide")))]
pub async fn catalyseurs(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ListeCatalyseurs>> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let all = &collections.catalyseurs;
    let pairs = crate::filters::query_pairs(query.as_deref());
    let req = parse_request(&pairs, ready, true)?;
    let matching: Vec<&Catalyseur> = all
        .iter()
        .filter(|c| matches(ready, &req, c, None))
        .collect();
    let facettes = crate::filters::to_api(facets(ready, &state.catalog, Lang::Fr, all, &req));
    Ok(Json(ListeCatalyseurs {
        total: matching.len(),
        resultats: slice(&matching, req.page)
            .iter()
            .map(|c| catalyseur(ready, c))
            .collect(),
        facettes,
    }))
}

/// One catalyseur.
#[utoipa::path(get, path = "/api/v1/catalyseurs/{slug}", summary = "Un catalyseur", tag = "Données",
    params(("slug" = String, Path, description = "Identifiant du catalyseur")),
    responses((status = 200, body = CatalyseurJson), (status = 404, description = "Identifiant inconnu")))]
pub async fn catalyseur_detail(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<CatalyseurJson>> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let c = collections.catalyseur(&slug).ok_or(AppError::NotFound)?;
    Ok(Json(catalyseur(ready, c)))
}
