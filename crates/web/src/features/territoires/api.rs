//! `/api/v1/territoires/…`: every level by code, lists and name search.

use alliances_domain::territory::{Level, Territory};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::{Fiche, fiche, ready};
use crate::api_shapes::PageParams;
use crate::error::{AppError, AppResult};
use crate::places::attachment;
use crate::state::AppState;

/// A territory named from another one.
#[derive(Serialize, ToSchema)]
pub struct Reference {
    #[schema(example = "14")]
    pub code: String,
    #[schema(example = "Calvados")]
    pub nom: String,
    /// `region`, `departement`, `collectivite_outre_mer`, `epci` or `commune`.
    #[schema(example = "departement")]
    pub niveau: &'static str,
    /// EPCI legal form (`CC`, `CA`, `CU`, `METRO`, `MET69`, `EPT`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub forme: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<i64>,
    /// HTML page.
    #[schema(example = "/territoires/departements/14")]
    pub url: String,
}

/// A territory of any level.
#[derive(Serialize, ToSchema)]
pub struct Territoire {
    #[schema(example = "28")]
    pub code: String,
    #[schema(example = "Normandie")]
    pub nom: String,
    #[schema(example = "region")]
    pub niveau: &'static str,
    /// `metro`, `drom` or `com`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// EPCI legal form.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub forme: Option<String>,
    /// Population as an integer; null when the source gives none.
    #[schema(example = 3_345_842)]
    pub population: Option<i64>,
    /// Reference year of the population when the source states it; null otherwise.
    pub population_annee: Option<i64>,
    /// `insee`, `insee-mayotte-2017`, `dgcl` or `somme` (sum of the communes).
    pub population_source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub siren: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes_postaux: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode_financement: Option<String>,
    #[schema(example = "/territoires/regions/28")]
    pub url: String,
}

/// A territory with its parents and children.
#[derive(Serialize, ToSchema)]
pub struct TerritoireDetail {
    #[serde(flatten)]
    pub territoire: Territoire,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chef_lieu: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub departement: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collectivite_outre_mer: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub epci: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ept: Option<Reference>,
    /// Régions, EPCI: their départements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub departements: Option<Vec<Reference>>,
    /// Départements: the EPCI and EPT with communes in it.
    #[serde(rename = "epci_liste", skip_serializing_if = "Option::is_none")]
    pub epci_liste: Option<Vec<Reference>>,
    /// Départements, EPCI, collectivités d'outre-mer: their current communes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub communes: Option<Vec<Reference>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nombre_communes: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub struct ListeTerritoires {
    pub total: u64,
    pub resultats: Vec<Territoire>,
}

/// A search match.
#[derive(Serialize, ToSchema)]
pub struct Correspondance {
    #[serde(flatten)]
    pub territoire: Territoire,
    /// Where it belongs (« Loire (42) » for a commune), when useful.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rattachement: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ListeCorrespondances {
    pub total: u64,
    pub resultats: Vec<Correspondance>,
}

fn reference(t: &Territory) -> Reference {
    Reference {
        code: t.code.clone(),
        nom: t.name.clone(),
        niveau: t.level.code(),
        forme: t.kind.clone(),
        population: t.population,
        url: t.page_path(),
    }
}

fn territoire(t: &Territory) -> Territoire {
    Territoire {
        code: t.code.clone(),
        nom: t.name.clone(),
        niveau: t.level.code(),
        zone: t.zone.clone(),
        forme: t.kind.clone(),
        population: t.population,
        population_annee: t.population_year,
        population_source: t.population_source.clone(),
        siren: t.siren.clone(),
        codes_postaux: t.postal_codes.clone(),
        mode_financement: t.funding_mode.clone(),
        url: t.page_path(),
    }
}

fn detail(f: &Fiche) -> TerritoireDetail {
    let level = f.territory.level;
    let refs = |list: &[Territory]| list.iter().map(reference).collect::<Vec<_>>();
    TerritoireDetail {
        territoire: territoire(&f.territory),
        chef_lieu: f.chef_lieu.as_ref().map(reference),
        region: f.region.as_ref().map(reference),
        departement: f.departement.as_ref().map(reference),
        collectivite_outre_mer: f.com.as_ref().map(reference),
        epci: f.epci.as_ref().map(reference),
        ept: f.ept.as_ref().map(reference),
        departements: matches!(level, Level::Region | Level::Epci).then(|| refs(&f.departements)),
        epci_liste: (level == Level::Departement).then(|| refs(&f.epcis)),
        communes: matches!(
            level,
            Level::Departement | Level::Epci | Level::CollectiviteOutreMer
        )
        .then(|| refs(&f.communes)),
        nombre_communes: (level != Level::Commune).then_some(f.commune_count),
    }
}

async fn list(state: &AppState, level: Level, p: &PageParams) -> AppResult<Json<ListeTerritoires>> {
    let page = p.parse()?;
    let (total, items) = alliances_store::territoires::list(&state.db, level, page).await?;
    Ok(Json(ListeTerritoires {
        total,
        resultats: items.iter().map(territoire).collect(),
    }))
}

async fn one(state: &AppState, level: Level, code: &str) -> AppResult<Json<TerritoireDetail>> {
    Ok(Json(detail(&fiche(state, level, code).await?)))
}

macro_rules! level_routes {
    ($list:ident, $one:ident, $level:expr, $segment:literal, $what:literal, $code_doc:literal) => {
        #[doc = concat!("Every ", $what, ", by code.")]
        #[utoipa::path(get, path = concat!("/api/v1/territoires/", $segment), summary = "Territoires d'un niveau (liste paginée)", tag = "Territoires", params(PageParams),
            responses((status = 200, body = ListeTerritoires), (status = 422, description = "Pagination invalide")))]
        pub async fn $list(State(state): State<AppState>, RawQuery(query): RawQuery) -> AppResult<Json<ListeTerritoires>> {
            list(&state, $level, &PageParams::from_query(query.as_deref())).await
        }

        #[doc = concat!("One ", $what, " with its parents and children.")]
        #[utoipa::path(get, path = concat!("/api/v1/territoires/", $segment, "/{code}"), summary = "Un territoire par son code", tag = "Territoires",
            params(("code" = String, Path, description = $code_doc)),
            responses((status = 200, body = TerritoireDetail), (status = 404, description = "Code inconnu à ce niveau")))]
        pub async fn $one(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Json<TerritoireDetail>> {
            one(&state, $level, &code).await
        }
    };
}

level_routes!(
    regions,
    region,
    Level::Region,
    "regions",
    "région",
    "Code INSEE de la région (2 chiffres)"
);
level_routes!(
    departements,
    departement,
    Level::Departement,
    "departements",
    "département",
    "Code du département (01…95, 2A, 2B, 971…976)"
);
level_routes!(
    coms,
    com,
    Level::CollectiviteOutreMer,
    "collectivites-outre-mer",
    "collectivité d'outre-mer",
    "Code de la collectivité (975, 977…989)"
);
level_routes!(
    epcis,
    epci,
    Level::Epci,
    "epci",
    "EPCI or EPT",
    "SIREN de l'EPCI ou de l'EPT (9 chiffres)"
);
level_routes!(
    communes,
    commune,
    Level::Commune,
    "communes",
    "current commune",
    "Code INSEE de la commune (5 caractères)"
);

/// The parameters as the document shows them (the handler reads the raw query).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct SearchParams {
    /// Name (accents, hyphens and « St » abbreviations are optional), INSEE code or postal code.
    #[param(max_length = 200)]
    q: Option<String>,
    /// Page number, 1 to 1 000 000 (default 1).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1_000_000)]
    page: Option<String>,
    /// Items per page, 1 to 1000 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    par_page: Option<String>,
}

/// Territories of every level by name, code or postal code: exact name matches first, then
/// names starting with the query, larger levels and populations first.
#[utoipa::path(get, path = "/api/v1/territoires/recherche", summary = "Chercher un territoire par nom, code ou code postal", description = "Les noms exacts d'abord, puis ceux qui commencent par la recherche ; à égalité, les niveaux les plus larges et les territoires les plus peuplés.", tag = "Territoires", params(SearchParams),
    responses((status = 200, body = ListeCorrespondances), (status = 422, description = "Paramètres invalides")))]
pub async fn recherche(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<ListeCorrespondances>> {
    let page = PageParams::from_query(query.as_deref()).parse()?;
    let q = crate::filters::query_pairs(query.as_deref())
        .into_iter()
        .rev()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v)
        .unwrap_or_default();
    if q.chars().count() > 200 {
        let mut invalid = alliances_domain::error::Invalid::default();
        invalid.push("q", "« q » ne doit pas dépasser 200 caractères.");
        return Err(AppError::Invalid(invalid));
    }
    let ready = ready(&state)?;
    let (total, found) = ready.find_territories(&q, page);
    Ok(Json(ListeCorrespondances {
        total,
        resultats: found
            .iter()
            .map(|t| Correspondance {
                territoire: territoire(t),
                rattachement: attachment(ready, t),
            })
            .collect(),
    }))
}

/// A counted value.
#[derive(Serialize, ToSchema)]
pub struct Compte {
    pub code: String,
    pub libelle: String,
    pub nombre: u64,
}

/// The alliances of a territory and of the territories inside it.
#[derive(Serialize, ToSchema)]
pub struct AlliancesSynthese {
    pub total: u64,
    /// An alliance counts in every domain it works in: the counts do not add up.
    pub par_domaine: Vec<Compte>,
    pub par_mode: Vec<Compte>,
    pub par_type_acteur: Vec<Compte>,
}

/// One SDG with the alliances serving it.
#[derive(Serialize, ToSchema)]
pub struct OddSynthese {
    pub numero: u8,
    /// Alliances whose source states the goal.
    pub declares: u64,
    /// Alliances serving it by our classification only.
    pub editoriaux: u64,
    pub total: u64,
}

/// A regional fact (perceived fragility, figure, count) of the territory's région.
#[derive(Serialize, ToSchema)]
pub struct FaitRegional {
    pub id: String,
    pub nature: String,
    pub libelle: String,
    pub rang: Option<u8>,
    pub valeur: Option<f64>,
    pub unite: Option<String>,
    pub population: Option<String>,
    pub etude: Option<String>,
    pub annee: Option<u16>,
    /// Addresses of the sources (or the document's reference).
    pub sources: Vec<String>,
    /// Our French note: date, base, limits.
    pub note: Option<String>,
    /// The row whose measurement this one quotes again.
    pub reprise_de: Option<String>,
    pub non_corrobore: bool,
    pub url: String,
}

/// A lieu d'accompagnement.
#[derive(Serialize, ToSchema)]
pub struct LieuJson {
    pub nom: String,
    pub adresse: String,
    pub code_postal: String,
    pub commune: String,
    pub commune_nom: String,
    /// `principal` or `antenne`.
    #[serde(rename = "type")]
    pub genre: String,
}

#[derive(Serialize, ToSchema)]
pub struct LieuxSynthese {
    pub total: usize,
    /// The places by name (up to 200; none for a région, see `par_departement`).
    pub liste: Vec<LieuJson>,
    /// For a région: each département's number of places.
    pub par_departement: Vec<Compte>,
    /// « ANCT — Liste des structures France services, mise à jour du 1er août 2024 ».
    pub source: &'static str,
}

#[derive(Serialize, ToSchema)]
pub struct CatalyseursSynthese {
    /// Catalyseurs placed in the territory or inside it, and those whose territory
    /// contains it; national bodies apart.
    pub total: usize,
    pub dans_le_territoire: Vec<String>,
    pub couvrant: Vec<String>,
    pub nationaux: usize,
}

/// What the platform knows about a territory.
#[derive(Serialize, ToSchema)]
pub struct SyntheseJson {
    pub code: String,
    pub nom: String,
    pub niveau: &'static str,
    pub population: Option<i64>,
    pub population_annee: Option<i64>,
    pub alliances: AlliancesSynthese,
    /// The 17 goals.
    pub odd: Vec<OddSynthese>,
    /// The région whose regional facts apply.
    pub region: Option<String>,
    pub faits_regionaux: Vec<FaitRegional>,
    pub lieux_accompagnement: LieuxSynthese,
    pub catalyseurs: CatalyseursSynthese,
    pub url: String,
    pub fiche_repere: String,
}

/// The synthesis of a territory: its alliances and those of the territories inside it,
/// counted by domain, mode and actor type; the SDGs they serve; the région's facts; the
/// lieux d'accompagnement; the catalyseurs.
#[utoipa::path(get, path = "/api/v1/territoires/{niveau}/{code}/synthese", summary = "Synthèse d'un territoire", description = "Ses alliances et celles des territoires qu'il contient, comptées par domaine, mode relationnel et type d'acteur ; les ODD qu'elles servent ; les chiffres de sa région ; les lieux d'accompagnement ; les catalyseurs.", tag = "Données",
    params(
        ("niveau" = String, Path, description = "regions, departements, collectivites-outre-mer, epci ou communes"),
        ("code" = String, Path, description = "Code du territoire à ce niveau"),
    ),
    responses((status = 200, body = SyntheseJson), (status = 404, description = "Niveau ou code inconnu")))]
pub async fn synthese(
    State(state): State<AppState>,
    Path((segment, code)): Path<(String, String)>,
) -> AppResult<Json<SyntheseJson>> {
    let ready = ready(&state)?;
    let level = Level::from_segment(&segment).ok_or(AppError::NotFound)?;
    let t = crate::places::territory(ready, level, &code)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let s = crate::synthese::of(ready, t)?;
    let label = |facet: &str, code: &str| {
        crate::labels::facet_label(&state.catalog, alliances_i18n::Lang::Fr, ready, facet, code)
    };
    let comptes = |facet: &str, v: &crate::synthese::Counts| -> Vec<Compte> {
        v.iter()
            .map(|(code, n)| Compte {
                libelle: label(facet, code),
                code: code.clone(),
                nombre: *n,
            })
            .collect()
    };
    let t = &s.territory;
    let fait = |f: &alliances_domain::figure::KeyFigure| FaitRegional {
        id: f.id.clone(),
        nature: f.nature.clone(),
        libelle: f.libelle.clone(),
        rang: f.rang,
        valeur: f.valeur,
        unite: f.unite.clone(),
        population: f
            .population
            .as_deref()
            .map(|p| crate::collections::population_label(ready.populations, p, false)),
        etude: f.etude.clone(),
        annee: f.annee,
        sources: f.sources.clone(),
        note: f.note_fr.clone().or_else(|| f.note.clone()),
        reprise_de: f.reprise_de.clone(),
        non_corrobore: f.non_corrobore,
        url: format!("/donnees/chiffres/{}", f.id),
    };
    Ok(Json(SyntheseJson {
        code: t.code.clone(),
        nom: t.name.clone(),
        niveau: t.level.code(),
        population: t.population,
        population_annee: t.population_year,
        alliances: AlliancesSynthese {
            total: s.alliances,
            par_domaine: comptes("domaine", &s.par_domaine),
            par_mode: comptes("mode", &s.par_mode),
            par_type_acteur: comptes("type_acteur", &s.par_type_acteur),
        },
        odd: s
            .odd
            .iter()
            .map(|o| OddSynthese {
                numero: o.numero,
                declares: o.declares,
                editoriaux: o.editoriaux,
                total: o.total(),
            })
            .collect(),
        region: s.region.as_ref().map(|r| r.code.clone()),
        faits_regionaux: s.regional().map(fait).collect(),
        lieux_accompagnement: LieuxSynthese {
            total: s.lieux_total,
            liste: s
                .lieux
                .iter()
                .map(|l| LieuJson {
                    nom: l.nom.clone(),
                    adresse: l.adresse.clone(),
                    code_postal: l.code_postal.clone(),
                    commune: l.commune.clone(),
                    commune_nom: l.commune_nom.clone(),
                    genre: l.genre.clone(),
                })
                .collect(),
            par_departement: s
                .lieux_par_departement
                .iter()
                .map(|(d, n)| Compte {
                    code: d.code.clone(),
                    libelle: d.name.clone(),
                    nombre: *n as u64,
                })
                .collect(),
            source: "ANCT — Liste des structures France services, mise à jour du 1er août 2024 (Licence Ouverte 2.0)",
        },
        catalyseurs: CatalyseursSynthese {
            total: s.catalyseurs_total(),
            dans_le_territoire: s.catalyseurs_inside().map(|c| c.slug.clone()).collect(),
            couvrant: s.catalyseurs_covering().map(|c| c.slug.clone()).collect(),
            nationaux: s.nationaux,
        },
        url: t.page_path(),
        fiche_repere: format!("/reperes/territoires/{}/{}", t.level.segment(), t.code),
    }))
}
