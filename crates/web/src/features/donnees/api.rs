//! `/api/v1/chiffres-cles`: the key figures with their filters and facets, and one figure.

use std::collections::BTreeMap;

use alliances_domain::figure::{KeyFigure, Observatory};
use alliances_i18n::Lang;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::{facets, matches, parse_request};
use crate::api_shapes::{ValeurFacette, slice};
use crate::collections::population_label;
use crate::error::{AppError, AppResult};
use crate::state::{AppState, Ready, ready};

/// One key figure with its whole provenance.
#[derive(Serialize, ToSchema)]
pub struct ChiffreCle {
    #[schema(example = "kf-029")]
    pub id: String,
    /// `chiffre-cle`, `fragilite-percue`, `fragilite-objective` or `denombrement`.
    pub nature: String,
    /// The value; null when the source gives none (a rank, a formula): never 0 instead.
    #[schema(example = 92)]
    pub valeur: Option<f64>,
    /// `%` or `nombre`; null without a value.
    #[schema(example = "%")]
    pub unite: Option<String>,
    /// Rank of a perceived fragility, when the source gives one.
    pub rang: Option<u8>,
    /// What the figure says, its subject being the population.
    #[schema(example = "reconnaît l'utilité de la co-construction territoriale")]
    pub libelle: String,
    pub libelle_en: Option<String>,
    /// The population surveyed, as the source names it.
    #[schema(example = "maires")]
    pub population: Option<String>,
    pub population_code: Option<String>,
    pub etude: Option<String>,
    /// `arpea`, `phare`, `impact`, `impacts-trajectoires` or `autre`.
    pub programme: Option<String>,
    /// Year of the study or data; null when the source does not give one.
    pub annee: Option<u16>,
    /// Fieldwork dates, as the source gives them.
    pub terrain: Option<String>,
    /// Number of people surveyed.
    pub echantillon: Option<u32>,
    pub methode: Option<String>,
    pub institut: Option<String>,
    /// Région code of a regional fact.
    pub region: Option<String>,
    /// Source addresses (or the document's reference) joined by « | ».
    pub source: String,
    pub sources: Vec<String>,
    /// Our French note: date, base, limits of the figure.
    pub note: Option<String>,
    /// The fact table's note (English).
    pub note_source: Option<String>,
    /// Theme (editorial classification).
    pub theme: Option<String>,
    /// The figure whose measurement this one quotes again: one measurement, not two.
    pub reprise_de: Option<String>,
    /// `reprise_de` is our reading (same value, population and statement, study not named).
    pub reprise_editoriale: bool,
    /// The figures quoting this one's measurement again.
    pub citee_par: Vec<String>,
    /// Figures giving another value for the same statement and population.
    pub ecart_avec: Vec<String>,
    /// The figure could not be corroborated (see the note).
    pub non_corrobore: bool,
    #[schema(example = "/donnees/chiffres/kf-029")]
    pub url: String,
}

/// A page of figures with the counts of every filter.
#[derive(Serialize, ToSchema)]
pub struct ListeChiffres {
    pub total: usize,
    pub resultats: Vec<ChiffreCle>,
    /// For each filter parameter, its values with the number of figures each would give
    /// (a filter's own selection is not applied to its counts).
    pub facettes: BTreeMap<String, Vec<ValeurFacette>>,
}

pub fn chiffre(ready: &Ready, obs: &Observatory, f: &KeyFigure) -> ChiffreCle {
    let mut ecarts: Vec<String> = obs.conflicts(f).into_iter().map(|o| o.id.clone()).collect();
    ecarts.sort();
    ChiffreCle {
        id: f.id.clone(),
        nature: f.nature.clone(),
        valeur: f.valeur,
        unite: f.unite.clone(),
        rang: f.rang,
        libelle: f.libelle.clone(),
        libelle_en: f.libelle_en.clone(),
        population: f
            .population
            .as_deref()
            .map(|p| population_label(ready.populations, p, false)),
        population_code: f.population.clone(),
        etude: f.etude.clone(),
        programme: f.programme.clone(),
        annee: f.annee,
        terrain: f.terrain.clone(),
        echantillon: f.echantillon,
        methode: f.methode.clone(),
        institut: f.institut.clone(),
        region: f.region.clone(),
        source: f.sources.join(" | "),
        sources: f.sources.clone(),
        note: f.note_fr.clone(),
        note_source: f.note.clone(),
        theme: f.theme.clone(),
        reprise_de: f.reprise_de.clone(),
        reprise_editoriale: f.reprise_editoriale,
        citee_par: obs.citations(f).into_iter().map(|c| c.id.clone()).collect(),
        ecart_avec: ecarts,
        non_corrobore: f.non_corrobore,
        url: format!("/donnees/chiffres/{}", f.id),
    }
}

/// The key figures of the observatory.
#[utoipa::path(get, path = "/api/v1/chiffres-cles", summary = "Les chiffres clés de l'observatoire", tag = "Données",
    params(
        ("theme" = Option<Vec<String>>, Query, description = "Thème (classement éditorial) : regards, pratiques, modes, co-construction, entreprises, fragilites, dynamiques."),
        ("population" = Option<Vec<String>>, Query, description = "Code de population (maires, francais, dirigeants-entreprise…), répétable : OU."),
        ("programme" = Option<Vec<String>>, Query, description = "arpea, phare, impact, impacts-trajectoires, autre."),
        ("annee" = Option<Vec<String>>, Query, description = "Année, ou `non-precisee` pour les chiffres sans année."),
        ("region" = Option<Vec<String>>, Query, description = "Code INSEE de région : les faits régionaux de cette région."),
        ("page" = Option<u32>, Query, minimum = 1, maximum = 1_000_000, description = "Page, de 1 à 1 000 000 (1 par défaut)."),
        ("par_page" = Option<u32>, Query, minimum = 1, maximum = 1000, description = "1 à 1000 (20 par défaut)."),
    ),
    responses((status = 200, body = ListeChiffres), (status = 422, description = "Paramètre ou valeur invalide")))]
pub async fn chiffres(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ListeChiffres>> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let obs = &collections.observatory;
    let pairs = crate::filters::query_pairs(query.as_deref());
    let req = parse_request(&pairs, ready, obs, true)?;
    let matching: Vec<&KeyFigure> = obs
        .figures
        .iter()
        .filter(|f| matches(&req, f, None))
        .collect();
    let facettes = crate::filters::to_api(facets(ready, &state.catalog, Lang::Fr, obs, &req));
    Ok(Json(ListeChiffres {
        total: matching.len(),
        resultats: slice(&matching, req.page)
            .iter()
            .map(|f| chiffre(ready, obs, f))
            .collect(),
        facettes,
    }))
}

/// One key figure.
#[utoipa::path(get, path = "/api/v1/chiffres-cles/{id}", summary = "Un chiffre clé", tag = "Données",
    params(("id" = String, Path, description = "Identifiant du chiffre (kf-…, rf-…)")),
    responses((status = 200, body = ChiffreCle), (status = 404, description = "Identifiant inconnu")))]
pub async fn chiffre_detail(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<ChiffreCle>> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let obs = &collections.observatory;
    let f = obs.get(&id).ok_or(AppError::NotFound)?;
    Ok(Json(chiffre(ready, obs, f)))
}
