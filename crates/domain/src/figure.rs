//! Key figures (« chiffres clés ») of the observatory: who says what, from which study,
//! with which sample, and the regional facts (perceived fragilities, counts).
//!
//! One row is one value (reading and checking it is here; the indexes that relate rows are
//! in [`crate::observatory`]). Relations between rows are data, never guessed at display time:
//! `reprise_de` says a row re-quotes the measurement of another (one measurement, several
//! citations: never a second figure nor a timeline point); `ecart_avec` names the rows that
//! give another value for the same statement and population (both kept, shown side by
//! side with the reason the sources differ).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::alliance::Referential;
use crate::error::FieldError;
use crate::record::{Record, non_empty, read_year, split_list};
use crate::taxonomy::{ACTOR_TYPES, Taxonomy};

pub use crate::observatory::{Observatory, TimelinePoint};
use crate::territory::Level;
use crate::text::fold;

pub const NATURES: Taxonomy = Taxonomy {
    key: "nature",
    codes: &[
        "chiffre-cle",
        "fragilite-percue",
        "fragilite-objective",
        "denombrement",
    ],
};

/// Research programmes of the Observatoire des partenariats, and the rest.
pub const PROGRAMMES: Taxonomy = Taxonomy {
    key: "programme",
    codes: &["arpea", "phare", "impact", "impacts-trajectoires", "autre"],
};

/// How the observatory groups figures (an editorial classification).
pub const THEMES: Taxonomy = Taxonomy {
    key: "theme",
    codes: &[
        "regards",
        "pratiques",
        "modes",
        "co-construction",
        "entreprises",
        "fragilites",
        "dynamiques",
    ],
};

/// The names the fact tables give the programmes.
const PROGRAMME_NAMES: [(&str, &str); 5] = [
    ("arpea", "ARPEA"),
    ("phare", "PHARE"),
    ("impact", "IMPACT"),
    ("impacts-trajectoires", "IMPACTS & TRAJECTOIRES"),
    ("autre", "autre"),
];

/// A population surveyed, with its labels and the actor type it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Population {
    pub code: String,
    pub label_fr: String,
    pub label_en: String,
    /// Actor type code (`collectivite`, `entreprise`…).
    pub type_acteur: String,
}

/// What validation needs: the régions and the populations.
#[derive(Debug, Default, Clone)]
pub struct FigureContext {
    pub referential: Referential,
    pub populations: Vec<Population>,
    /// Identifiers already stored, that a relation may point at.
    pub existing: HashSet<String>,
}

impl FigureContext {
    /// The population of a cell: its code or its French label, folded.
    #[must_use]
    pub fn population(&self, cell: &str) -> Option<&Population> {
        let folded = fold(cell);
        self.populations
            .iter()
            .find(|p| p.code == cell || fold(&p.label_fr) == folded)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyFigure {
    pub id: String,
    /// `chiffre-cle`, `fragilite-percue`, `fragilite-objective` or `denombrement`.
    pub nature: String,
    /// The value (a percentage, or the number of a count); `None` when the source gives
    /// none (a rank, a formula, a qualitative fact) — never 0.
    #[serde(default)]
    pub valeur: Option<f64>,
    /// `%` or `nombre`, with a value.
    #[serde(default)]
    pub unite: Option<String>,
    /// Rank of a perceived fragility, when the source gives one.
    #[serde(default)]
    pub rang: Option<u8>,
    /// The statement in French, its subject being the population.
    pub libelle: String,
    #[serde(default)]
    pub libelle_en: Option<String>,
    /// Population code.
    #[serde(default)]
    pub population: Option<String>,
    #[serde(default)]
    pub etude: Option<String>,
    /// Programme code.
    #[serde(default)]
    pub programme: Option<String>,
    #[serde(default)]
    pub annee: Option<u16>,
    /// Fieldwork dates as the source gives them.
    #[serde(default)]
    pub terrain: Option<String>,
    #[serde(default)]
    pub echantillon: Option<u32>,
    #[serde(default)]
    pub methode: Option<String>,
    #[serde(default)]
    pub institut: Option<String>,
    /// Région code of a regional fact.
    #[serde(default)]
    pub region: Option<String>,
    /// Addresses of the sources, or a citation when there is no page.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The note of the fact table (English).
    #[serde(default)]
    pub note: Option<String>,
    /// Our French note.
    #[serde(default)]
    pub note_fr: Option<String>,
    /// Theme code (editorial).
    #[serde(default)]
    pub theme: Option<String>,
    /// The row whose measurement this row quotes again.
    #[serde(default)]
    pub reprise_de: Option<String>,
    /// `reprise_de` is our reading (same value, population and statement, the study not
    /// named), not what the source says.
    #[serde(default)]
    pub reprise_editoriale: bool,
    /// Rows giving another value for the same statement and population.
    #[serde(default)]
    pub ecart_avec: Vec<String>,
    /// The note says the figure could not be corroborated.
    #[serde(default)]
    pub non_corrobore: bool,
}

/// Columns every figures table has: the national fact table's (`label_fr` is read as
/// `statement_fr`, so the regional table is accepted too).
pub const REQUIRED_COLUMNS: [&str; 8] = [
    "id",
    "value_percent",
    "statement_fr",
    "population",
    "study",
    "year",
    "source_url",
    "note",
];

/// The other columns of both fact tables, then ours.
pub const OPTIONAL_COLUMNS: [&str; 17] = [
    "kind",
    "region_code",
    "region",
    "rank",
    "programme",
    "fieldwork",
    "sample_size",
    "method",
    "institute",
    "libelle_en",
    "note_fr",
    "theme",
    "reprise_de",
    "reprise_editoriale",
    "ecart_avec",
    "non_corrobore",
    "valeur",
];

const LIST_SEP: &str = " | ";

/// A decimal number written with a point or a comma (`7,1`), spaces allowed (`2 400`).
fn parse_number(cell: &str) -> Option<f64> {
    let cleaned: String = cell
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let cleaned = cleaned.strip_suffix('%').unwrap_or(&cleaned);
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && !cleaned.is_empty())
}

/// The integer a count's label starts with (« 4 PTCE en émergence » → 4).
#[must_use]
pub fn leading_count(label: &str) -> Option<u32> {
    let digits: String = label
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn yes(cell: &str) -> Result<bool, String> {
    match fold(cell).as_str() {
        "" | "non" | "false" | "0" | "no" => Ok(false),
        "oui" | "true" | "1" | "yes" => Ok(true),
        _ => Err(format!("« {cell} » : écrivez « oui » ou laissez vide.")),
    }
}

impl KeyFigure {
    /// The statement in the reader's language (French when no translation is given).
    #[must_use]
    pub fn label(&self, english: bool) -> &str {
        match (&self.libelle_en, english) {
            (Some(en), true) => en,
            _ => &self.libelle,
        }
    }

    /// Whether the row is a measurement of its own (not a re-quote of another row).
    #[must_use]
    pub fn is_measurement(&self) -> bool {
        self.reprise_de.is_none()
    }

    /// The key that groups rows saying the same thing (for comparisons and timelines).
    #[must_use]
    pub fn statement_key(&self) -> String {
        format!("{}|{}", self.nature, fold(&self.libelle))
    }

    /// The columns of the table layout, in [`REQUIRED_COLUMNS`] then
    /// [`OPTIONAL_COLUMNS`] order; `populations` names the population in French.
    #[must_use]
    pub fn to_columns(&self, context: &FigureContext) -> Vec<(&'static str, String)> {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let number = |v: f64| {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v}")
            }
        };
        let percent = match (&self.unite, self.valeur) {
            (Some(u), Some(v)) if u == "%" => number(v),
            _ => String::new(),
        };
        let population = self
            .population
            .as_deref()
            .map(|p| {
                context
                    .populations
                    .iter()
                    .find(|x| x.code == p)
                    .map_or_else(|| p.to_owned(), |x| x.label_fr.clone())
            })
            .unwrap_or_default();
        let region_name = self
            .region
            .as_deref()
            .and_then(|code| {
                context
                    .referential
                    .region_names
                    .iter()
                    .find(|(_, (l, c))| *l == Level::Region && c == code)
                    .map(|(n, _)| n.clone())
            })
            .unwrap_or_default();
        let programme = self
            .programme
            .as_deref()
            .map(|p| {
                PROGRAMME_NAMES
                    .iter()
                    .find(|(c, _)| *c == p)
                    .map_or(p, |(_, n)| n)
                    .to_owned()
            })
            .unwrap_or_default();
        // A count whose number heads its label is read back from it; any other value that
        // is not a percentage is written apart.
        let from_label = self.nature == "denombrement"
            && self.valeur == leading_count(&self.libelle).map(f64::from);
        let valeur = match (&self.unite, self.valeur) {
            (Some(u), Some(v)) if u != "%" && !from_label => number(v),
            _ => String::new(),
        };
        vec![
            ("id", self.id.clone()),
            ("value_percent", percent),
            ("statement_fr", self.libelle.clone()),
            ("population", population),
            ("study", opt(&self.etude)),
            (
                "year",
                self.annee.map(|y| y.to_string()).unwrap_or_default(),
            ),
            ("source_url", self.sources.join(LIST_SEP)),
            ("note", opt(&self.note)),
            ("kind", self.nature.clone()),
            ("region_code", opt(&self.region)),
            ("region", region_name),
            ("rank", self.rang.map(|r| r.to_string()).unwrap_or_default()),
            ("programme", programme),
            ("fieldwork", opt(&self.terrain)),
            (
                "sample_size",
                self.echantillon.map(|s| s.to_string()).unwrap_or_default(),
            ),
            ("method", opt(&self.methode)),
            ("institute", opt(&self.institut)),
            ("libelle_en", opt(&self.libelle_en)),
            ("note_fr", opt(&self.note_fr)),
            ("theme", opt(&self.theme)),
            ("reprise_de", opt(&self.reprise_de)),
            (
                "reprise_editoriale",
                if self.reprise_editoriale { "oui" } else { "" }.to_owned(),
            ),
            ("ecart_avec", self.ecart_avec.join(LIST_SEP)),
            (
                "non_corrobore",
                if self.non_corrobore { "oui" } else { "" }.to_owned(),
            ),
            ("valeur", valeur),
        ]
    }
}

impl Record for KeyFigure {
    type Context = FigureContext;
    const NOUN: &'static str = "chiffre clé";
    const JSON_ID: &'static str = "id";

    fn id(&self) -> &str {
        &self.id
    }

    fn required_columns() -> &'static [&'static str] {
        &REQUIRED_COLUMNS
    }

    fn optional_columns() -> &'static [&'static str] {
        &OPTIONAL_COLUMNS
    }

    fn alias(column: &str) -> Option<&'static str> {
        (column == "label_fr").then_some("statement_fr")
    }

    fn from_columns(
        get: &dyn Fn(&str) -> Option<String>,
        context: &FigureContext,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let cell = |c: &str| non_empty(get(c).as_deref());
        let nature = cell("kind").unwrap_or_else(|| "chiffre-cle".to_owned());
        let libelle = cell("statement_fr").unwrap_or_default();
        let (valeur, unite) = read_value(
            cell("value_percent"),
            cell("valeur"),
            &nature,
            &libelle,
            &mut errors,
        );
        let rang = match cell("rank") {
            None => None,
            Some(r) => match r.parse::<u8>() {
                Ok(n) if n >= 1 => Some(n),
                _ => {
                    errors.push(FieldError::new(
                        "rank",
                        format!("« {r} » n'est pas un rang : écrivez un entier à partir de 1."),
                    ));
                    None
                }
            },
        };
        let population = read_population(cell("population"), context, &mut errors);
        let programme = read_programme(cell("programme"), &mut errors);
        let annee = read_year(cell("year").as_deref(), "year", &mut errors);
        let echantillon = match cell("sample_size") {
            None => None,
            Some(s) => match parse_number(&s) {
                Some(n) if n >= 1.0 && n.fract() == 0.0 && n < f64::from(u32::MAX) => {
                    Some(n as u32)
                }
                _ => {
                    errors.push(FieldError::new(
                        "sample_size",
                        format!("« {s} » : écrivez le nombre de personnes interrogées, par exemple 2400."),
                    ));
                    None
                }
            },
        };
        let region = read_region(cell("region_code"), cell("region"), context, &mut errors);
        let mut flag = |column: &str| match yes(&get(column).unwrap_or_default()) {
            Ok(b) => b,
            Err(m) => {
                errors.push(FieldError::new(column, m));
                false
            }
        };
        let non_corrobore = flag("non_corrobore");
        let reprise_editoriale = flag("reprise_editoriale");
        let record = KeyFigure {
            id: cell("id").unwrap_or_default(),
            nature,
            valeur,
            unite,
            rang,
            libelle,
            libelle_en: cell("libelle_en"),
            population,
            etude: cell("study"),
            programme,
            annee,
            terrain: cell("fieldwork"),
            echantillon,
            methode: cell("method"),
            institut: cell("institute"),
            region,
            sources: split_list(&get("source_url").unwrap_or_default(), LIST_SEP),
            note: cell("note"),
            note_fr: cell("note_fr"),
            theme: cell("theme"),
            reprise_de: cell("reprise_de"),
            reprise_editoriale,
            ecart_avec: split_list(&get("ecart_avec").unwrap_or_default(), LIST_SEP),
            non_corrobore,
        };
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(errors)
        }
    }

    fn validate(&self, context: &FigureContext) -> Result<(), Vec<FieldError>> {
        let mut e = Vec::new();
        let mut push = |champ: &str, message: String| e.push(FieldError::new(champ, message));
        if let Some(m) = crate::alliance::slug_error(&self.id, "kf-001") {
            push("id", m);
        }
        if !NATURES.contains(&self.nature) {
            push(
                "nature",
                format!(
                    "nature « {} » inconnue ; valeurs possibles : {}.",
                    self.nature,
                    NATURES.codes.join(", ")
                ),
            );
        }
        if self.libelle.trim().is_empty() {
            push(
                "libelle",
                "l'énoncé est obligatoire (ce que dit le chiffre, par exemple « développe des partenariats »).".into(),
            );
        } else if self.libelle.chars().count() > 400 {
            push("libelle", "l'énoncé dépasse 400 caractères.".into());
        }
        match (&self.unite, self.valeur) {
            (None, None) => {}
            (Some(u), Some(v)) if u == "%" => {
                if !(0.0..=100.0).contains(&v) {
                    push(
                        "valeur",
                        format!("{v} n'est pas un pourcentage entre 0 et 100."),
                    );
                }
            }
            (Some(u), Some(v)) if u == "nombre" => {
                if v < 0.0 {
                    push(
                        "valeur",
                        format!("{v} : un nombre ne peut pas être négatif."),
                    );
                }
            }
            _ => push(
                "unite",
                "une valeur s'accompagne de son unité, « % » ou « nombre », et inversement.".into(),
            ),
        }
        if let Some(p) = &self.population
            && !context.populations.iter().any(|x| &x.code == p)
        {
            push("population", format!("population « {p} » inconnue."));
        }
        if self.nature != "denombrement" && self.population.is_none() {
            push(
                "population",
                "la population interrogée est obligatoire (par exemple « maires »), sauf pour un dénombrement.".into(),
            );
        }
        if let Some(p) = &self.programme
            && !PROGRAMMES.contains(p)
        {
            push("programme", format!("programme « {p} » inconnu."));
        }
        if let Some(t) = &self.theme
            && !THEMES.contains(t)
        {
            push(
                "theme",
                format!(
                    "thème « {t} » inconnu ; valeurs possibles : {}.",
                    THEMES.codes.join(", ")
                ),
            );
        }
        if let Some(r) = &self.region
            && !context.referential.has(Level::Region, r)
        {
            push(
                "region",
                format!(
                    "« {r} » n'est pas un code de région connu (deux chiffres, par exemple 76)."
                ),
            );
        }
        if self.sources.is_empty() {
            push(
                "sources",
                "au moins une source est obligatoire : l'adresse de la page, ou la référence du document quand il n'a pas de page.".into(),
            );
        }
        for s in &self.sources {
            if s.starts_with("http") && !crate::alliance::is_url(s) {
                push(
                    "sources",
                    format!("« {s} » n'est pas une adresse web complète."),
                );
            }
        }
        if self.reprise_de.as_deref() == Some(self.id.as_str()) {
            push(
                "reprise_de",
                "un chiffre ne peut pas être la reprise de lui-même.".into(),
            );
        }
        if self.reprise_editoriale && self.reprise_de.is_none() {
            push(
                "reprise_editoriale",
                "un rapprochement éditorial se rapporte à une reprise : indiquez aussi reprise_de."
                    .into(),
            );
        }
        if self.ecart_avec.contains(&self.id) {
            push(
                "ecart_avec",
                "un chiffre ne peut pas être en écart avec lui-même.".into(),
            );
        }
        if e.is_empty() { Ok(()) } else { Err(e) }
    }

    fn references(&self) -> Vec<(&'static str, String)> {
        references(self)
            .into_iter()
            .map(|(f, id)| (f, id.to_owned()))
            .collect()
    }

    fn check_set(records: &[&Self]) -> Vec<(usize, &'static str, String)> {
        check_relations(records)
    }

    fn exists(context: &FigureContext, id: &str) -> bool {
        context.existing.contains(id)
    }

    fn column_of(field: &str) -> String {
        match field.split(['[', '.']).next().unwrap_or(field) {
            "libelle" => "statement_fr",
            "valeur" | "unite" => "value_percent",
            "nature" => "kind",
            "rang" => "rank",
            "etude" => "study",
            "annee" => "year",
            "terrain" => "fieldwork",
            "echantillon" => "sample_size",
            "methode" => "method",
            "institut" => "institute",
            "region" => "region_code",
            "region_nom" => "region",
            "valeur_nombre" => "valeur",
            "sources" => "source_url",
            other => return other.to_owned(),
        }
        .to_owned()
    }
}

/// The value of a row: a percentage, a number given apart, or a count's leading number.
fn read_value(
    percent: Option<String>,
    number: Option<String>,
    nature: &str,
    libelle: &str,
    errors: &mut Vec<FieldError>,
) -> (Option<f64>, Option<String>) {
    let mut valeur = None;
    let mut unite = None;
    if let Some(v) = percent {
        match parse_number(&v) {
                Some(n) => {
                    valeur = Some(n);
                    unite = Some("%".to_owned());
                }
                None => errors.push(FieldError::new(
                    "value_percent",
                    format!("« {v} » n'est pas un pourcentage : écrivez un nombre comme 86 ou 7,1, ou laissez vide quand la source n'en donne pas."),
                )),
            }
    }
    if let Some(v) = number {
        match parse_number(&v) {
            Some(n) if valeur.is_none() => {
                valeur = Some(n);
                unite = Some("nombre".to_owned());
            }
            Some(_) => errors.push(FieldError::new(
                "valeur_nombre",
                "une valeur est déjà donnée en pourcentage : n'en donnez qu'une.",
            )),
            None => errors.push(FieldError::new(
                "valeur_nombre",
                format!("« {v} » n'est pas un nombre."),
            )),
        }
    }
    if nature == "denombrement" && valeur.is_none() {
        match leading_count(libelle) {
                Some(n) => {
                    valeur = Some(f64::from(n));
                    unite = Some("nombre".to_owned());
                }
                None => errors.push(FieldError::new(
                    "statement_fr",
                    format!("« {libelle} » : un dénombrement commence par son nombre, par exemple « 4 PTCE en émergence »."),
                )),
            }
    }
    (valeur, unite)
}

/// A population cell: a code or a French label of the table.
fn read_population(
    cell: Option<String>,
    context: &FigureContext,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    match cell {
        None => None,
        Some(p) => match context.population(&p) {
            Some(found) => Some(found.code.clone()),
            None => {
                errors.push(FieldError::new(
                    "population",
                    format!(
                        "population « {p} » inconnue ; valeurs possibles : {}.",
                        context
                            .populations
                            .iter()
                            .map(|p| p.label_fr.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
                None
            }
        },
    }
}

/// A programme cell: a code or the name the fact tables use.
fn read_programme(cell: Option<String>, errors: &mut Vec<FieldError>) -> Option<String> {
    match cell {
        None => None,
        Some(p) => {
            let folded = fold(&p);
            match PROGRAMME_NAMES
                .iter()
                .find(|(c, n)| *c == p || fold(n) == folded)
            {
                Some((code, _)) => Some((*code).to_owned()),
                None => {
                    errors.push(FieldError::new(
                        "programme",
                        format!(
                            "programme « {p} » inconnu ; valeurs possibles : {}.",
                            PROGRAMME_NAMES.map(|(_, n)| n).join(", ")
                        ),
                    ));
                    None
                }
            }
        }
    }
}

/// A région by code and/or name; both must agree, and the name must be a région's.
fn read_region(
    code: Option<String>,
    name: Option<String>,
    context: &FigureContext,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let mut region = code;
    if let Some(name) = name {
        match context.referential.places_named(&name) {
            Ok(places) if places.iter().any(|t| t.niveau != Level::Region.code()) => {
                errors.push(FieldError::new(
                        "region_nom",
                        format!("« {name} » n'est pas une région : un fait régional porte sur une des 18 régions."),
                    ));
            }
            Ok(places) => {
                let named = places.into_iter().next().map(|t| t.code);
                match (&region, named) {
                    (None, named) => region = named,
                    (Some(code), Some(named)) if *code != named => {
                        errors.push(FieldError::new(
                                "region_nom",
                                format!("la région « {name} » ne correspond pas au code « {code} » : corrigez l'un ou l'autre."),
                            ));
                    }
                    _ => {}
                }
            }
            Err(m) => errors.push(FieldError::new("region_nom", m)),
        }
    }
    region
}

/// The identifiers a figure points at, with the column they are written in.
#[must_use]
pub fn references(f: &KeyFigure) -> Vec<(&'static str, &str)> {
    let mut out: Vec<(&'static str, &str)> = Vec::new();
    if let Some(r) = &f.reprise_de {
        out.push(("reprise_de", r));
    }
    for id in &f.ecart_avec {
        out.push(("ecart_avec", id));
    }
    out
}

/// The relations between the rows of one file hold: a re-quote quotes a measurement (not
/// another re-quote, so no cycle) with the same value and population; a conflicting value is
/// for the same statement and population.
#[must_use]
pub fn check_relations(records: &[&KeyFigure]) -> Vec<(usize, &'static str, String)> {
    let find = |id: &str| records.iter().find(|f| f.id == id);
    let mut out = Vec::new();
    for (i, f) in records.iter().enumerate() {
        if let Some(target) = f.reprise_de.as_deref().and_then(find) {
            if target.reprise_de.is_some() {
                out.push((
                    i,
                    "reprise_de",
                    format!(
                        "« {} » reprend lui-même une autre mesure : indiquez la mesure d'origine ({}).",
                        target.id,
                        target.reprise_de.as_deref().unwrap_or_default()
                    ),
                ));
            } else if target.valeur != f.valeur || target.population != f.population {
                out.push((
                    i,
                    "reprise_de",
                    format!(
                        "une reprise a la valeur et la population de la mesure qu'elle reprend ; « {} » n'a pas les mêmes : parlez plutôt d'un écart (ecart_avec).",
                        target.id
                    ),
                ));
            }
        }
        for id in &f.ecart_avec {
            if let Some(other) = find(id)
                && (other.population != f.population || other.statement_key() != f.statement_key())
            {
                out.push((
                    i,
                    "ecart_avec",
                    format!(
                        "« {id} » ne porte pas sur le même énoncé et la même population : un écart compare deux valeurs d'une même mesure."
                    ),
                ));
            }
        }
    }
    out
}

/// Checks a table of populations: codes are slugs, actor types exist.
pub fn check_populations(populations: &[Population]) -> Result<(), String> {
    let mut seen = HashSet::new();
    for p in populations {
        if !crate::alliance::is_slug(&p.code) || !seen.insert(&p.code) {
            return Err(format!(
                "population « {} » : code invalide ou répété",
                p.code
            ));
        }
        if !ACTOR_TYPES.contains(&p.type_acteur) {
            return Err(format!(
                "population « {} » : type d'acteur « {} » inconnu",
                p.code, p.type_acteur
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn context() -> FigureContext {
        let mut referential = Referential::default();
        referential
            .territories
            .insert((Level::Region, "76".to_owned()));
        referential
            .region_names
            .insert("occitanie".into(), (Level::Region, "76".into()));
        FigureContext {
            referential,
            populations: vec![
                Population {
                    code: "maires".into(),
                    label_fr: "maires".into(),
                    label_en: "mayors".into(),
                    type_acteur: "collectivite".into(),
                },
                Population {
                    code: "dirigeants-entreprise".into(),
                    label_fr: "dirigeants d'entreprise".into(),
                    label_en: "business leaders".into(),
                    type_acteur: "entreprise".into(),
                },
            ],
            existing: HashSet::new(),
        }
    }

    fn read(cells: &[(&str, &str)]) -> Result<KeyFigure, Vec<FieldError>> {
        let ctx = context();
        let get = |c: &str| {
            cells
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, v)| (*v).to_owned())
        };
        let f = KeyFigure::from_columns(&get, &ctx)?;
        f.validate(&ctx)?;
        Ok(f)
    }

    #[test]
    fn reads_a_national_figure() {
        let f = read(&[
            ("id", "kf-029"),
            ("value_percent", "92"),
            (
                "statement_fr",
                "reconnaît l'utilité de la co-construction territoriale",
            ),
            ("population", "Maires"),
            ("programme", "IMPACT"),
            ("year", "2020"),
            ("sample_size", "2 400"),
            (
                "source_url",
                "http://www.lerameau.fr/diner | kit « L'ODD 17 en pratique »",
            ),
        ])
        .unwrap();
        assert_eq!(f.valeur, Some(92.0));
        assert_eq!(f.unite.as_deref(), Some("%"));
        assert_eq!(f.population.as_deref(), Some("maires"));
        assert_eq!(f.programme.as_deref(), Some("impact"));
        assert_eq!(f.echantillon, Some(2400));
        assert_eq!(f.sources.len(), 2);
    }

    #[test]
    fn a_count_takes_its_number_from_its_label_and_a_rank_has_no_value() {
        let f = read(&[
            ("id", "rf-016"),
            ("kind", "denombrement"),
            ("statement_fr", "4 PTCE en émergence"),
            ("region", "Occitanie"),
            ("source_url", "https://essnormandie.org/p"),
        ])
        .unwrap();
        assert_eq!((f.valeur, f.unite.as_deref()), (Some(4.0), Some("nombre")));
        assert_eq!(f.region.as_deref(), Some("76"));
        let rank = read(&[
            ("id", "rf-001"),
            ("kind", "fragilite-percue"),
            ("rank", "1"),
            ("statement_fr", "emploi"),
            ("population", "maires"),
            ("source_url", "https://e.org/a"),
        ])
        .unwrap();
        assert_eq!((rank.valeur, rank.rang), (None, Some(1)));
    }

    #[test]
    fn errors_name_their_column() {
        let errs = read(&[
            ("id", "Bad Id"),
            ("value_percent", "quatre-vingt"),
            ("statement_fr", "x"),
            ("population", "martiens"),
            ("year", "20"),
            ("kind", "denombrement"),
            ("region_code", "76"),
            ("region", "Bretagne"),
            ("source_url", ""),
        ])
        .unwrap_err();
        let columns: Vec<String> = errs
            .iter()
            .map(|e| KeyFigure::column_of(&e.champ))
            .collect();
        for c in ["value_percent", "population", "year", "region"] {
            assert!(columns.iter().any(|x| x == c), "{c} in {columns:?}");
        }
        let errs = read(&[
            ("id", "kf-1"),
            ("value_percent", "120"),
            ("statement_fr", "x"),
            ("source_url", "https://e.org/a"),
        ])
        .unwrap_err();
        let columns: Vec<String> = errs
            .iter()
            .map(|e| KeyFigure::column_of(&e.champ))
            .collect();
        assert!(columns.contains(&"value_percent".to_owned()));
        assert!(columns.contains(&"population".to_owned()));
    }

    /// A dated measurement of a population, for tests.
    pub(crate) fn figure(id: &str, value: f64, year: Option<u16>, pop: &str) -> KeyFigure {
        KeyFigure {
            id: id.into(),
            nature: "chiffre-cle".into(),
            valeur: Some(value),
            unite: Some("%".into()),
            rang: None,
            libelle: "a des partenariats".into(),
            libelle_en: None,
            population: Some(pop.into()),
            etude: None,
            programme: None,
            annee: year,
            terrain: None,
            echantillon: None,
            methode: None,
            institut: None,
            region: None,
            sources: vec!["https://e.org".into()],
            note: None,
            note_fr: None,
            theme: None,
            reprise_de: None,
            reprise_editoriale: false,
            ecart_avec: Vec::new(),
            non_corrobore: false,
        }
    }

    #[test]
    fn columns_round_trip() {
        let ctx = context();
        let mut f = figure("kf-002", 21.0, Some(2011), "maires");
        f.programme = Some("arpea".into());
        f.ecart_avec = vec!["kf-003".into()];
        f.non_corrobore = true;
        let cols = f.to_columns(&ctx);
        let get = |c: &str| cols.iter().find(|(k, _)| *k == c).map(|(_, v)| v.clone());
        let back = KeyFigure::from_columns(&get, &ctx).unwrap();
        assert_eq!(back, f);
        assert_eq!(
            cols.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            REQUIRED_COLUMNS
                .iter()
                .chain(OPTIONAL_COLUMNS.iter())
                .copied()
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn relations_between_rows_hold() {
        let measurement = figure("kf-029", 92.0, Some(2020), "maires");
        let mut good = figure("kf-051", 92.0, Some(2023), "maires");
        good.reprise_de = Some("kf-029".into());
        let mut chained = figure("kf-055", 92.0, None, "maires");
        chained.reprise_de = Some("kf-051".into());
        let mut other_value = figure("kf-099", 90.0, None, "maires");
        other_value.reprise_de = Some("kf-029".into());
        let mut conflict = figure("kf-098", 80.0, None, "dirigeants-entreprise");
        conflict.ecart_avec = vec!["kf-029".into()];
        let rows = [&measurement, &good, &chained, &other_value, &conflict];
        let errors = check_relations(&rows);
        let flagged: Vec<(usize, &str)> = errors.iter().map(|(i, f, _)| (*i, *f)).collect();
        assert_eq!(
            flagged,
            [(2, "reprise_de"), (3, "reprise_de"), (4, "ecart_avec")]
        );
    }
}
