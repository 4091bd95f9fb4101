//! The alliances' open data, shared by the dumps and `alliances export alliances`: CSV and
//! XLSX in the import layout, JSON, GeoJSON of territory centroids, JSON-LD, and the Table
//! Schema of the CSV.

use alliances_domain::alliance::{Alliance, EXTRA_COLUMNS, FACT_COLUMNS};
use alliances_domain::territory::{Level, Territory};
use serde_json::{Value, json};

use crate::state::{Directory, Ready};

/// What exports need to name and place territories.
pub struct Places<'a> {
    pub directory: &'a Directory,
    pub regions: &'a [Territory],
    pub departements: &'a [Territory],
    pub coms: &'a [Territory],
}

impl<'a> Places<'a> {
    /// The names and outlines a server holds in memory.
    #[must_use]
    pub fn of(ready: &'a Ready) -> Places<'a> {
        Places {
            directory: &ready.directory,
            regions: &ready.regions,
            departements: &ready.departements,
            coms: &ready.coms,
        }
    }

    fn departement(&self, code: &str) -> Option<&Territory> {
        self.departements.iter().find(|d| d.code == code)
    }

    fn region(&self, code: &str) -> Option<&Territory> {
        self.regions.iter().find(|r| r.code == code)
    }

    /// Names of the régions an alliance's territories lie in (the informative `region`
    /// column of the fact tables).
    #[must_use]
    pub fn region_names(&self, a: &Alliance) -> Vec<String> {
        self.region_names_of(a.places())
    }

    /// Names of the régions (or collectivités d'outre-mer) some territories lie in.
    #[must_use]
    pub fn region_names_of<'t>(
        &self,
        places: impl Iterator<Item = &'t alliances_domain::alliance::TerritoryRef>,
    ) -> Vec<String> {
        let mut codes: Vec<(Level, String)> = Vec::new();
        for t in places {
            let found: Vec<(Level, String)> = match t.level() {
                Some(Level::Region) => vec![(Level::Region, t.code.clone())],
                Some(Level::CollectiviteOutreMer) => {
                    vec![(Level::CollectiviteOutreMer, t.code.clone())]
                }
                Some(Level::Departement) => self
                    .departement(&t.code)
                    .and_then(|d| d.region.clone())
                    .map(|r| (Level::Region, r))
                    .into_iter()
                    .collect(),
                Some(Level::Commune) => self
                    .directory
                    .communes
                    .get(&t.code)
                    .and_then(|c| {
                        c.region
                            .clone()
                            .map(|r| (Level::Region, r))
                            .or_else(|| c.com.clone().map(|r| (Level::CollectiviteOutreMer, r)))
                    })
                    .into_iter()
                    .collect(),
                Some(Level::Epci) => self
                    .directory
                    .epci_departements
                    .get(&t.code)
                    .into_iter()
                    .flatten()
                    .filter_map(|d| self.departement(d).and_then(|d| d.region.clone()))
                    .map(|r| (Level::Region, r))
                    .collect(),
                None => Vec::new(),
            };
            for c in found {
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
        }
        codes
            .iter()
            .filter_map(|(level, c)| match level {
                Level::Region => self.region(c).map(|r| r.name.clone()),
                _ => self
                    .coms
                    .iter()
                    .find(|t| t.code == *c)
                    .map(|t| t.name.clone()),
            })
            .collect()
    }

    /// WGS 84 centroid of a territory and the level it was taken at: communes and EPCI are
    /// placed at the centroid of their département (the reference data has no finer outline).
    fn centroid(&self, level: Level, code: &str) -> Option<([f64; 2], &'static str)> {
        let dep_centre = |d: &str| {
            alliances_viz::departements()
                .shape(d)
                .map(|s| (s.centre, "departement"))
        };
        match level {
            Level::Region => alliances_viz::regions()
                .shape(code)
                .map(|s| (s.centre, "region")),
            Level::Departement => dep_centre(code),
            Level::Commune => self
                .directory
                .communes
                .get(code)
                .and_then(|c| c.departement.as_deref())
                .and_then(dep_centre),
            Level::Epci => self
                .directory
                .epci_departements
                .get(code)
                .and_then(|d| d.first())
                .and_then(|d| dep_centre(d)),
            Level::CollectiviteOutreMer => None,
        }
    }

    /// One alliance as a GeoJSON feature: a point at the centroid of each of its
    /// territories (with what each centroid is of), no geometry when none is known.
    #[must_use]
    pub fn feature(&self, a: &Alliance, base_url: &str) -> Value {
        let mut points = Vec::new();
        let mut precision = Vec::new();
        for t in a.places() {
            if let Some((c, p)) = t.level().and_then(|l| self.centroid(l, &t.code)) {
                points.push(json!([c[0], c[1]]));
                precision.push(json!({ "code": t.code, "niveau": t.niveau, "centroide_de": p }));
            }
        }
        json!({
            "type": "Feature",
            "geometry": if points.is_empty() { Value::Null } else { json!({ "type": "MultiPoint", "coordinates": points }) },
            "properties": {
                "slug": a.slug,
                "nom": a.nom,
                "url": format!("{base_url}/exemples/{}", a.slug),
                "niveau_territorial": a.niveau_territorial,
                "territoires": precision,
            },
        })
    }
}

/// One alliance as a schema.org `Project` of the JSON-LD dataset.
#[must_use]
pub fn jsonld_item(a: &Alliance, base_url: &str) -> Value {
    json!({
        "@type": "Project",
        "@id": format!("{base_url}/exemples/{}", a.slug),
        "identifier": a.slug,
        "name": a.nom,
        "description": a.resume,
        "foundingDate": a.debut,
        "member": a.partenaires.iter().map(|p| json!({ "@type": "Organization", "name": p.nom })).collect::<Vec<_>>(),
        "citation": a.sources.iter().map(|s| s.url.clone()).collect::<Vec<_>>(),
        "inLanguage": "fr",
    })
}

/// Field documentation shared by the Table Schema and the open-data page: (column, type,
/// French description).
pub const FIELDS: [super::Field; 26] = [
    (
        "id",
        "string",
        "Identifiant stable (slug) : minuscules, chiffres et tirets.",
    ),
    (
        "name",
        "string",
        "Nom de l'alliance, tel que les sources le donnent.",
    ),
    (
        "partners",
        "string",
        "Partenaires séparés par « | », chacun écrit « Organisation (type d'acteur; rôle) » ou « Organisation (type; rôle; apports) ».",
    ),
    (
        "territory_name",
        "string",
        "Le territoire tel que les sources le nomment.",
    ),
    (
        "territory_level",
        "string",
        "Échelle : micro-local, commune, intercommunalite, departement, region, national, international.",
    ),
    (
        "insee_codes",
        "string",
        "Codes du Code officiel géographique séparés par « | », lus selon territory_level (commune : 5 caractères ; intercommunalité : SIREN ; département ; région).",
    ),
    (
        "region",
        "string",
        "Régions : déduites des codes quand il y en a ; sans code, la ou les régions (ou collectivités d'outre-mer) où l'alliance est située, séparées par « | », ou « national » (un département nommé par territory_name dans ces régions la situe plus précisément).",
    ),
    (
        "start_year",
        "string",
        "Début : année (2017) ou année et mois (2017-09) ; vide si les sources ne le disent pas.",
    ),
    (
        "domains",
        "string",
        "Domaines séparés par « | » : economique, social, environnemental, societal.",
    ),
    (
        "relational_modes",
        "string",
        "Modes relationnels séparés par « | » ; « [editorial] » après un mode signale notre classement, non celui de la source.",
    ),
    (
        "sdgs_stated",
        "string",
        "ODD : « not stated » si les sources n'en citent aucun, « aucun » si elles disent qu'il n'y en a pas, sinon les numéros ; « [editorial] » marque ceux que nous déduisons des fragilités.",
    ),
    (
        "fragilities",
        "string",
        "Fragilités traitées (codes) séparées par « | ».",
    ),
    (
        "results",
        "string",
        "Résultats tels que les sources les rapportent, séparés par « ; ».",
    ),
    (
        "source_urls",
        "string",
        "Adresses des sources séparées par « | ».",
    ),
    (
        "retrieved",
        "date",
        "Date de consultation des sources (AAAA-MM-JJ).",
    ),
    (
        "cibles",
        "string",
        "Cibles ODD séparées par « | » (« [editorial] » : notre classement ; 17.17 pour toute alliance).",
    ),
    (
        "resume",
        "string",
        "Résumé rédigé par l'équipe Alliances à partir des seuls faits de la fiche.",
    ),
    (
        "description",
        "string",
        "Description rédigée par l'équipe Alliances à partir des seuls faits de la fiche.",
    ),
    (
        "impacts",
        "string",
        "Impacts observés : performance, innovation, confiance.",
    ),
    ("leviers", "string", "Ce qui a aidé, séparé par « ; »."),
    (
        "obstacles",
        "string",
        "Difficultés rencontrées, séparées par « ; ».",
    ),
    (
        "reproductibilite",
        "string",
        "Ce que les sources disent de la reproductibilité.",
    ),
    ("statut", "string", "actif, termine ou inconnu."),
    ("phase", "string", "Phase du cycle de vie d'une alliance."),
    (
        "verifie_le",
        "date",
        "Dernière vérification des informations (AAAA-MM-JJ).",
    ),
    (
        "licence",
        "string",
        "Licence propre à la fiche, si elle diffère de celle du jeu de données.",
    ),
];

/// Frictionless Table Schema of the CSV dump.
#[must_use]
pub fn table_schema() -> Value {
    debug_assert_eq!(FIELDS.len(), FACT_COLUMNS.len() + EXTRA_COLUMNS.len());
    super::table_schema(&FIELDS, "id", &["name", "source_urls", "retrieved"])
}
