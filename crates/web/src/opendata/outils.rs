//! The tools' open data: the table in the import layout (with our description) and its
//! Table Schema.

use alliances_domain::outil::{COLUMNS, EXTRA_COLUMNS, Outil};

use super::Field;

pub const FIELDS: [Field; 15] = [
    ("id", "string", "Identifiant stable (slug)."),
    ("name", "string", "Nom de l'outil."),
    (
        "publisher",
        "string",
        "Éditeur, avec ses partenaires entre parenthèses, tel que les sources le donnent ; vide quand elles ne le disent pas.",
    ),
    (
        "year",
        "integer",
        "Année donnée par une source ; vide sinon.",
    ),
    (
        "tool_type",
        "string",
        "Type : guide, referentiel, kit, autodiagnostic, checklist, jeu, formation, mooc, plateforme, annuaire, observatoire, etude, fonds, reseau.",
    ),
    (
        "phases",
        "string",
        "Phases d'une alliance que l'outil sert, séparées par « | » (classement éditorial du projet) : comprendre, se-positionner, trouver-partenaires, construire, formaliser, piloter, evaluer, essaimer.",
    ),
    (
        "audiences",
        "string",
        "Publics, séparés par « | » (classement éditorial) : codes de types d'acteurs, ou « tous ».",
    ),
    (
        "maturity",
        "string",
        "Niveaux de maturité auxquels l'outil convient (classement éditorial) : decouvrir, experimenter, structurer, catalyser ; vide : tous les niveaux.",
    ),
    (
        "languages",
        "string",
        "Langues (codes ISO 639), séparées par « | ».",
    ),
    (
        "access",
        "string",
        "Accès : gratuit, payant ou sur-adhesion ; vide quand les sources ne le disent pas.",
    ),
    ("licence", "string", "Licence, quand elle est indiquée."),
    (
        "url",
        "string",
        "Page officielle de l'outil ; vide quand aucune n'a été trouvée (une copie sur un site de partage de documents reste une source).",
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
    (
        "description",
        "string",
        "Notre description, écrite à partir de ces seuls faits.",
    ),
];

/// The columns of a dump: the fact table's, then ours.
#[must_use]
pub fn header() -> Vec<&'static str> {
    COLUMNS
        .iter()
        .chain(EXTRA_COLUMNS.iter())
        .copied()
        .collect()
}

/// One row of a dump.
#[must_use]
pub fn row(o: &Outil) -> Vec<String> {
    o.to_columns().into_iter().map(|(_, v)| v).collect()
}

#[must_use]
pub fn table_schema() -> serde_json::Value {
    super::table_schema(
        &FIELDS,
        "id",
        &[
            "name",
            "tool_type",
            "phases",
            "audiences",
            "source_urls",
            "retrieved",
        ],
    )
}
