//! The catalyseurs' open data: the CSV in the import layout and its Table Schema.

use alliances_domain::catalyseur::COLUMNS;

use super::Field;

pub const FIELDS: [Field; 12] = [
    ("id", "string", "Identifiant stable (slug)."),
    (
        "name",
        "string",
        "Nom de l'organisation, tel que les sources le donnent.",
    ),
    (
        "kind",
        "string",
        "Genre : CRESS, réseau de tiers-lieux, centre de ressources politique de la ville, fondation territoriale, fonds de dotation territorial, club d'entreprises, PTCE, maison des associations, France Active territoriale, DLA, réseau ESS, agence de développement…",
    ),
    (
        "territory_name",
        "string",
        "Le territoire servi, tel que les sources le nomment.",
    ),
    (
        "territory_level",
        "string",
        "commune, intercommunalite, departement, region ou national.",
    ),
    (
        "insee_codes",
        "string",
        "Code INSEE de l'unité servie (commune, SIREN d'EPCI, département, région) quand le territoire est exactement une unité actuelle ; vide sinon.",
    ),
    (
        "region",
        "string",
        "Région actuelle (nom officiel) ; sans code, c'est elle qui situe le catalyseur ; « national » pour un organisme national.",
    ),
    (
        "metiers",
        "string",
        "Métiers que les sources montrent, séparés par « | » : dialogue-territorial, experimentations-collectives, accompagnements, gestion-lieu.",
    ),
    (
        "founded_year",
        "integer",
        "Année de création donnée par une source ; vide si elle est inconnue ou si les sources divergent.",
    ),
    (
        "website",
        "string",
        "Site officiel, seulement quand une source l'imprime ou que la source est sur le domaine de l'organisation.",
    ),
    (
        "source_urls",
        "string",
        "Pages d'où viennent les faits, séparées par « | ».",
    ),
    (
        "retrieved",
        "date",
        "Date de consultation des sources (AAAA-MM-JJ).",
    ),
];

#[must_use]
pub fn table_schema() -> serde_json::Value {
    debug_assert_eq!(FIELDS.len(), COLUMNS.len());
    super::table_schema(
        &FIELDS,
        "id",
        &[
            "name",
            "kind",
            "territory_level",
            "source_urls",
            "retrieved",
        ],
    )
}
