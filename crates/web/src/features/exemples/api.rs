//! `/api/v1/alliances`: search with facets, and one alliance.

use std::collections::BTreeMap;

use alliances_i18n::Lang;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::{facet_label, parse_request, run};
use crate::api_shapes::ValeurFacette;
use crate::error::{AppError, AppResult};
use crate::listing::Card;
use crate::state::ready;
use crate::state::{AppState, Ready};

/// One result.
#[derive(Serialize, ToSchema)]
pub struct Resultat {
    #[schema(example = "ptce-vivre-les-mureaux")]
    pub slug: String,
    #[schema(example = "PTCE Vivre Les Mureaux")]
    pub nom: String,
    /// Our summary; null when not written yet.
    pub resume: Option<String>,
    #[schema(example = "/exemples/ptce-vivre-les-mureaux")]
    pub url: String,
    /// Partial date: `2017` or `2017-09`.
    pub debut: Option<String>,
    pub niveau_territorial: Option<String>,
    /// The territory as the source names it.
    pub territoire: Option<String>,
    pub types_acteur: Vec<String>,
    pub domaines: Vec<String>,
    /// SDG goals, stated or editorial (see the record for which).
    pub odd: Vec<u8>,
    /// `actif`, `termine` or `inconnu` (the facts do not say).
    #[schema(example = "inconnu")]
    pub statut: String,
    /// Matching passage of the description, HTML with `<mark>`, when the query matches it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extrait: Option<String>,
}

/// A page of results with the facet counts of the whole search.
#[derive(Serialize, ToSchema)]
pub struct ListeAlliances {
    pub total: usize,
    pub resultats: Vec<Resultat>,
    /// For each facet parameter, its values with the number of alliances each would give
    /// (a facet's own filter is not applied to its counts).
    pub facettes: BTreeMap<String, Vec<ValeurFacette>>,
}

/// Search the alliances.
#[utoipa::path(get, path = "/api/v1/alliances", tag = "Exemples",
    params(
        ("q" = Option<String>, Query, description = "Texte libre (accents, pluriels et majuscules indifférents). Vide : tout."),
        ("tri" = Option<String>, Query, description = "`pertinence` (défaut avec q), `date` (défaut sans q : début le plus récent d'abord), `nom`."),
        ("type_acteur" = Option<Vec<String>>, Query, description = "Type d'acteur d'un partenaire (répétable : OU)."),
        ("domaine" = Option<Vec<String>>, Query, description = "economique, social, environnemental, societal."),
        ("niveau_territorial" = Option<Vec<String>>, Query, description = "micro-local, commune, intercommunalite, departement, region, national, international."),
        ("region" = Option<Vec<String>>, Query, description = "Code INSEE de région : l'alliance ou un de ses territoires y est situé."),
        ("departement" = Option<Vec<String>>, Query, description = "Code de département."),
        ("odd" = Option<Vec<String>>, Query, description = "Numéro d'objectif (1 à 17), déclaré ou éditorial."),
        ("cible" = Option<Vec<String>>, Query, description = "Code de cible ODD (17.17…)."),
        ("mode" = Option<Vec<String>>, Query, description = "Mode relationnel."),
        ("impact" = Option<Vec<String>>, Query, description = "performance, innovation, confiance."),
        ("fragilite" = Option<Vec<String>>, Query, description = "Code de fragilité (emploi, ruralite…)."),
        ("statut" = Option<Vec<String>>, Query, description = "actif, termine, inconnu."),
        ("page" = Option<u32>, Query, description = "Page, à partir de 1."),
        ("par_page" = Option<u32>, Query, description = "1 à 1000 (20 par défaut)."),
    ),
    responses((status = 200, body = ListeAlliances), (status = 422, description = "Paramètre ou valeur invalide")))]
pub async fn alliances(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ListeAlliances>> {
    let ready = ready(&state)?;
    let pairs = crate::filters::query_pairs(query.as_deref());
    let req = parse_request(&pairs, ready, true)?;
    let results = run(ready, &req, true, true)?;
    // Each facet is a parameter of this endpoint; counts kept for syntheses are not.
    let facettes = results
        .facets
        .iter()
        .filter(|(facet, _)| alliances_search::FACETS.contains(facet))
        .map(|(facet, values)| {
            (
                (*facet).to_owned(),
                values
                    .iter()
                    .map(|(code, n)| ValeurFacette {
                        libelle: facet_label(&state.catalog, Lang::Fr, ready, facet, code),
                        code: code.clone(),
                        nombre: *n,
                    })
                    .collect(),
            )
        })
        .collect();
    let resultats = results
        .hits
        .into_iter()
        .map(|h| {
            let card = Card::read(&h)?;
            Ok(Resultat {
                url: format!("/exemples/{}", h.slug),
                slug: h.slug,
                nom: h.nom,
                resume: (!h.resume.is_empty()).then_some(h.resume),
                debut: card.debut,
                niveau_territorial: card.niveau,
                territoire: card.territoire,
                types_acteur: card.types_acteur,
                domaines: card.domaines,
                odd: card.odd,
                statut: card.statut.unwrap_or_else(|| "inconnu".to_owned()),
                extrait: h.extrait,
            })
        })
        .collect::<AppResult<_>>()?;
    Ok(Json(ListeAlliances {
        total: results.total,
        resultats,
        facettes,
    }))
}

/// The record as the API and the JSON-LD dumps give it: every field of the alliance, its
/// territories with names and links, and whether it is due for an update.
pub fn record_json(
    ready: &Ready,
    stored: &alliances_store::alliances::Stored,
    today: &str,
) -> AppResult<Value> {
    let a = &stored.alliance;
    let mut v = serde_json::to_value(a)
        .map_err(|e| AppError::Internal(format!("alliance « {} » : {e}", a.slug)))?;
    let named = |list: &[alliances_domain::alliance::TerritoryRef]| -> Vec<Value> {
        list.iter()
            .map(|t| {
                let level = t.level();
                json!({
                    "niveau": t.niveau,
                    "code": t.code,
                    "nom": level.and_then(|l| crate::places::territory_name(ready, l, &t.code)),
                    "url": level.map(|l| l.page_path(&t.code)),
                })
            })
            .collect()
    };
    if let Value::Object(o) = &mut v {
        o.insert("territoires".into(), Value::Array(named(&a.territoires)));
        o.insert("localisation".into(), Value::Array(named(&a.localisation)));
        o.insert("url".into(), json!(format!("/exemples/{}", a.slug)));
        o.insert(
            "a_actualiser".into(),
            json!(alliances_domain::alliance::needs_update(
                a.verifie_le.as_deref(),
                today
            )),
        );
        o.insert(
            "provenance".into(),
            json!({
                "origine": stored.origine,
                "importe_par": stored.importe_par,
                "cree_le": alliances_domain::alliance::civil_from_days(stored.cree_le.div_euclid(86_400)),
                "modifie_le": alliances_domain::alliance::civil_from_days(stored.modifie_le.div_euclid(86_400)),
            }),
        );
    }
    Ok(v)
}

/// One alliance with its partners, territories, classifications (each `stated` or
/// `editorial`) and sources.
#[utoipa::path(get, path = "/api/v1/alliances/{slug}", tag = "Exemples",
    params(("slug" = String, Path, description = "Identifiant de l'alliance")),
    responses((status = 200, description = "L'alliance", body = Object), (status = 404, description = "Identifiant inconnu")))]
pub async fn alliance(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<Value>> {
    let ready = ready(&state)?;
    let stored = alliances_store::alliances::get(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(record_json(ready, &stored, &state.today())?))
}
