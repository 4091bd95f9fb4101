//! `/api/v1/outils`: the tools with their filters and facets, and one tool.

use std::collections::BTreeMap;

use alliances_domain::outil::Outil;
use alliances_i18n::Lang;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::{facets, matches, parse_request, query_words};
use crate::api_shapes::{SourceLue, ValeurFacette, slice};
use crate::error::{AppError, AppResult};
use crate::state::{AppState, ready};

/// One tool.
#[derive(Serialize, ToSchema)]
pub struct OutilJson {
    #[schema(example = "rameau-evaluation-partenariale-en-pratique")]
    pub slug: String,
    pub nom: String,
    /// Who publishes it, as the sources name them; null when they do not say.
    pub editeur: Option<String>,
    pub annee: Option<u16>,
    /// Type code (`guide`, `referentiel`, `kit`…).
    #[serde(rename = "type")]
    pub genre: String,
    /// Lifecycle phases it serves (editorial classification).
    pub phases: Vec<String>,
    /// Actor types, or `tous` (editorial classification).
    pub publics: Vec<String>,
    /// Maturity levels it fits; empty: every level (editorial classification).
    pub maturite: Vec<String>,
    /// ISO 639 codes.
    pub langues: Vec<String>,
    /// `gratuit`, `payant`, `sur-adhesion`; null when the sources do not say.
    pub acces: Option<String>,
    pub licence: Option<String>,
    /// The official page; null when none was found.
    pub url: Option<String>,
    pub sources: Vec<SourceLue>,
    /// Our description, written from the facts (on the detail only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A page of tools with the counts of every filter.
#[derive(Serialize, ToSchema)]
pub struct ListeOutils {
    pub total: usize,
    pub resultats: Vec<OutilJson>,
    pub facettes: BTreeMap<String, Vec<ValeurFacette>>,
}

fn outil(o: &Outil, with_description: bool) -> OutilJson {
    OutilJson {
        slug: o.slug.clone(),
        nom: o.nom.clone(),
        editeur: o.editeur.clone(),
        annee: o.annee,
        genre: o.genre.clone(),
        phases: o.phases.clone(),
        publics: o.publics.clone(),
        maturite: o.maturite.clone(),
        langues: o.langues.clone(),
        acces: o.acces.clone(),
        licence: o.licence.clone(),
        url: o.url.clone(),
        sources: SourceLue::of(&o.sources),
        description: if with_description {
            o.description.clone()
        } else {
            None
        },
    }
}

/// The tools, searched and filtered.
#[utoipa::path(get, path = "/api/v1/outils", summary = "Les outils, cherchés et filtrés", tag = "Outils",
    params(
        ("q" = Option<String>, Query, max_length = 200, description = "Texte : nom, éditeur, description (accents, majuscules et pluriels indifférents)."),
        ("phase" = Option<Vec<String>>, Query, description = "Phase d'une alliance : comprendre, se-positionner, trouver-partenaires, construire, formaliser, piloter, evaluer, essaimer (répétable : OU)."),
        ("public" = Option<Vec<String>>, Query, description = "Type d'acteur ; un outil pour « tous » convient à chacun."),
        ("type" = Option<Vec<String>>, Query, description = "guide, referentiel, kit, autodiagnostic, checklist, jeu, formation, mooc, plateforme, annuaire, observatoire, etude, fonds, reseau."),
        ("maturite" = Option<Vec<String>>, Query, description = "decouvrir, experimenter, structurer, catalyser ; un outil sans niveau indiqué convient à tous."),
        ("acces" = Option<Vec<String>>, Query, description = "gratuit, payant, sur-adhesion."),
        ("langue" = Option<Vec<String>>, Query, description = "Code de langue ISO 639 (fr, en…)."),
        ("editeur" = Option<Vec<String>>, Query, description = "Code d'un éditeur, tel que la facette « editeur » le donne (le-rameau, avise…) ; un outil publié par plusieurs organisations compte sous chacune."),
        ("page" = Option<u32>, Query, minimum = 1, maximum = 1_000_000, description = "Page, de 1 à 1 000 000 (1 par défaut)."),
        ("par_page" = Option<u32>, Query, minimum = 1, maximum = 1000, description = "1 à 1000 (20 par défaut)."),
    ),
    responses((status = 200, body = ListeOutils), (status = 422, description = "Paramètre ou valeur invalide")))]
pub async fn outils(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ListeOutils>> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let all = &collections.outils;
    let pairs = crate::filters::query_pairs(query.as_deref());
    let req = parse_request(&pairs, all, true)?;
    let query = query_words(&req.q);
    let matching: Vec<&Outil> = all
        .iter()
        .filter(|(o, index)| matches(&query, &req, o, index, None))
        .map(|(o, _)| o)
        .collect();
    let facettes = crate::filters::to_api(facets(ready, &state.catalog, Lang::Fr, all, &req));
    Ok(Json(ListeOutils {
        total: matching.len(),
        resultats: slice(&matching, req.page)
            .iter()
            .map(|o| outil(o, false))
            .collect(),
        facettes,
    }))
}

/// One tool, with our description.
#[utoipa::path(get, path = "/api/v1/outils/{slug}", summary = "Un outil, avec notre description", tag = "Outils",
    params(("slug" = String, Path, description = "Identifiant de l'outil")),
    responses((status = 200, body = OutilJson), (status = 404, description = "Identifiant inconnu")))]
pub async fn outil_detail(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<OutilJson>> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let o = collections.outil(&slug).ok_or(AppError::NotFound)?;
    Ok(Json(outil(o, true)))
}
