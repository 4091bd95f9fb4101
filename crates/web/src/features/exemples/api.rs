//! `/api/v1/alliances`: search with facets, and one alliance.

use std::collections::BTreeMap;

use alliances_domain::alliance::{Alliance, Classification, Partner, SdgTags, Source};
use alliances_i18n::Lang;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
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

/// The orders of the search (the document's enumeration of `tri`).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TriAlliances {
    Pertinence,
    Date,
    Nom,
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
#[utoipa::path(get, path = "/api/v1/alliances", summary = "Chercher les alliances", description = "Texte libre, filtres par facette (OU dans une facette, ET entre les facettes), tri et pages. Chaque réponse donne le total et le décompte de chaque valeur de facette.", tag = "Exemples",
    params(
        ("q" = Option<String>, Query, max_length = 200, description = "Texte libre (accents, pluriels et majuscules indifférents). Vide : tout."),
        ("tri" = Option<TriAlliances>, Query, description = "`pertinence` (défaut avec q), `date` (défaut sans q : début le plus récent d'abord), `nom`."),
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
        ("page" = Option<u32>, Query, minimum = 1, maximum = 1_000_000, description = "Page, de 1 à 1 000 000 (1 par défaut)."),
        ("par_page" = Option<u32>, Query, minimum = 1, maximum = 1000, description = "1 à 1000 (20 par défaut)."),
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

/// A territory of a record, with its name and page.
#[derive(Serialize, ToSchema)]
pub struct TerritoireNomme {
    #[schema(example = "commune")]
    pub niveau: String,
    #[schema(example = "78440")]
    pub code: String,
    /// Null when the code is not in the reference data.
    pub nom: Option<String>,
    pub url: Option<String>,
}

/// Where a record comes from and when it changed.
#[derive(Serialize, ToSchema)]
pub struct Provenance {
    /// Where it was imported from (`amorce` for the shipped base, else a file name).
    pub origine: String,
    /// Who imported it, when known.
    pub importe_par: Option<String>,
    /// ISO date.
    pub cree_le: String,
    /// ISO date.
    pub modifie_le: String,
}

/// One alliance: every field of the record, its territories with names and links, whether
/// it is due for an update, and where it comes from.
#[derive(Serialize, ToSchema)]
pub struct FicheAlliance {
    #[schema(example = "ptce-vivre-les-mureaux")]
    pub slug: String,
    pub nom: String,
    /// Our summary; null when not written yet.
    pub resume: Option<String>,
    pub description: Option<String>,
    pub partenaires: Vec<Partner>,
    pub niveau_territorial: Option<String>,
    /// The territory as the source names it.
    pub territoire_libelle: Option<String>,
    pub territoires: Vec<TerritoireNomme>,
    /// Where the record lies when its facts give no INSEE code (départements or régions);
    /// empty when it has codes.
    pub localisation: Vec<TerritoireNomme>,
    pub domaines: Vec<String>,
    /// Relational modes, each stated by the source or editorial.
    pub modes: Vec<Classification>,
    pub odd: SdgTags,
    pub fragilites: Vec<String>,
    pub impacts: Vec<String>,
    /// Results as stated by the sources, figures included.
    pub resultats: Vec<String>,
    pub leviers: Vec<String>,
    pub obstacles: Vec<String>,
    pub reproductibilite: Option<String>,
    /// Partial date: `2017` or `2017-09`.
    pub debut: Option<String>,
    /// `actif`, `termine` or `inconnu`.
    pub statut: String,
    pub phase: Option<String>,
    pub sources: Vec<Source>,
    /// ISO date the facts were last checked.
    pub verifie_le: Option<String>,
    pub licence: Option<String>,
    #[schema(example = "/exemples/ptce-vivre-les-mureaux")]
    pub url: String,
    /// Whether the record is due for a new check.
    pub a_actualiser: bool,
    pub provenance: Provenance,
}

/// The record as the API gives it.
pub fn record_json(
    ready: &Ready,
    stored: &alliances_store::alliances::Stored,
    today: &str,
) -> FicheAlliance {
    // Every field, by name: a field added to the record must be added here too.
    let Alliance {
        slug,
        nom,
        resume,
        description,
        partenaires,
        niveau_territorial,
        territoire_libelle,
        territoires,
        localisation,
        domaines,
        modes,
        odd,
        fragilites,
        impacts,
        resultats,
        leviers,
        obstacles,
        reproductibilite,
        debut,
        statut,
        phase,
        sources,
        verifie_le,
        licence,
    } = stored.alliance.clone();
    let named = |list: Vec<alliances_domain::alliance::TerritoryRef>| -> Vec<TerritoireNomme> {
        list.into_iter()
            .map(|t| {
                let level = t.level();
                TerritoireNomme {
                    nom: level.and_then(|l| crate::places::territory_name(ready, l, &t.code)),
                    url: level.map(|l| l.page_path(&t.code)),
                    niveau: t.niveau,
                    code: t.code,
                }
            })
            .collect()
    };
    let day =
        |seconds: i64| alliances_domain::alliance::civil_from_days(seconds.div_euclid(86_400));
    FicheAlliance {
        url: format!("/exemples/{slug}"),
        a_actualiser: alliances_domain::alliance::needs_update(verifie_le.as_deref(), today),
        provenance: Provenance {
            origine: stored.origine.clone(),
            importe_par: stored.importe_par.clone(),
            cree_le: day(stored.cree_le),
            modifie_le: day(stored.modifie_le),
        },
        slug,
        nom,
        resume,
        description,
        partenaires,
        niveau_territorial,
        territoire_libelle,
        territoires: named(territoires),
        localisation: named(localisation),
        domaines,
        modes,
        odd,
        fragilites,
        impacts,
        resultats,
        leviers,
        obstacles,
        reproductibilite,
        debut,
        statut,
        phase,
        sources,
        verifie_le,
        licence,
    }
}

/// One alliance with its partners, territories, classifications (each `stated` or
/// `editorial`) and sources.
#[utoipa::path(get, path = "/api/v1/alliances/{slug}", summary = "Une alliance", description = "Ses partenaires, ses territoires, ses classements (déclarés par une source ou éditoriaux) et ses sources.", tag = "Exemples",
    params(("slug" = String, Path, description = "Identifiant de l'alliance")),
    responses((status = 200, description = "L'alliance", body = FicheAlliance), (status = 404, description = "Identifiant inconnu")))]
pub async fn alliance(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<FicheAlliance>> {
    let ready = ready(&state)?;
    let stored = alliances_store::alliances::get(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(record_json(ready, &stored, &state.today())))
}
