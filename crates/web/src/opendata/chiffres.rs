//! The key figures' open data: a tidy CSV (one row per value) and its Table Schema.

use alliances_domain::figure::{KeyFigure, Population};

use super::Field;

/// The tidy CSV's columns: the value and its provenance first, then what qualifies it.
pub const FIELDS: [Field; 19] = [
    (
        "id",
        "string",
        "Identifiant stable : kf-… pour les chiffres nationaux, rf-… pour les faits régionaux.",
    ),
    (
        "annee",
        "integer",
        "Année de l'étude ou des données ; vide quand la source ne la donne pas (« année non précisée »).",
    ),
    (
        "population",
        "string",
        "Population interrogée, telle que la source la nomme ; vide pour un dénombrement.",
    ),
    (
        "valeur",
        "number",
        "La valeur : un pourcentage, ou le nombre d'un dénombrement. Vide quand la source n'en donne pas (un rang, une formule) : jamais 0 à la place.",
    ),
    ("unite", "string", "« % » ou « nombre » ; vide sans valeur."),
    (
        "etude",
        "string",
        "Étude ou publication d'où vient le chiffre.",
    ),
    (
        "echantillon",
        "integer",
        "Nombre de personnes interrogées, quand la source le donne.",
    ),
    (
        "source",
        "string",
        "Adresses des sources séparées par « | » (ou la référence du document quand il n'a pas de page).",
    ),
    (
        "libelle",
        "string",
        "Ce que dit le chiffre, la population étant le sujet (« estime que… »).",
    ),
    ("population_code", "string", "Code stable de la population."),
    (
        "nature",
        "string",
        "chiffre-cle, fragilite-percue, fragilite-objective ou denombrement.",
    ),
    (
        "rang",
        "integer",
        "Rang d'une fragilité perçue, quand la source le donne.",
    ),
    (
        "region",
        "string",
        "Code INSEE de la région d'un fait régional.",
    ),
    (
        "programme",
        "string",
        "Programme de recherche : arpea (2008-2012), phare (2013-2018), impact (2018-2022), impacts-trajectoires (2024-) ou autre.",
    ),
    (
        "reprise_de",
        "string",
        "Quand la ligne cite à nouveau la mesure d'une autre ligne : l'identifiant de celle-ci (une seule mesure, plusieurs citations).",
    ),
    (
        "reprise_editoriale",
        "boolean",
        "« true » quand la reprise est notre rapprochement (même valeur, même énoncé, même population, étude d'origine non nommée), pas ce que dit la source.",
    ),
    (
        "ecart_avec",
        "string",
        "Lignes donnant une autre valeur pour le même énoncé et la même population, séparées par « | » : les deux valeurs sont gardées.",
    ),
    (
        "non_corrobore",
        "boolean",
        "« true » quand le chiffre n'a pas pu être vérifié dans une seconde source (voir la note).",
    ),
    (
        "note",
        "string",
        "Ce qu'il faut savoir pour lire le chiffre (date, base, limites), rédigé par l'équipe Alliances à partir de la note de la table de faits.",
    ),
];

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// One row of the tidy CSV.
#[must_use]
pub fn row(f: &KeyFigure, populations: &[Population]) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        f.id.clone(),
        f.annee.map(|y| y.to_string()).unwrap_or_default(),
        f.population
            .as_deref()
            .map(|p| crate::collections::population_label(populations, p, false))
            .unwrap_or_default(),
        f.valeur.map(number).unwrap_or_default(),
        opt(&f.unite),
        opt(&f.etude),
        f.echantillon.map(|e| e.to_string()).unwrap_or_default(),
        f.sources.join(" | "),
        f.libelle.clone(),
        opt(&f.population),
        f.nature.clone(),
        f.rang.map(|r| r.to_string()).unwrap_or_default(),
        opt(&f.region),
        opt(&f.programme),
        opt(&f.reprise_de),
        f.reprise_editoriale.to_string(),
        f.ecart_avec.join(" | "),
        f.non_corrobore.to_string(),
        f.note_fr
            .clone()
            .or_else(|| f.note.clone())
            .unwrap_or_default(),
    ]
}

/// The column names, in order.
#[must_use]
pub fn header() -> Vec<&'static str> {
    FIELDS.iter().map(|f| f.0).collect()
}

#[must_use]
pub fn table_schema() -> serde_json::Value {
    super::table_schema(&FIELDS, "id", &["libelle", "source", "nature"])
}
