//! The questioning kit's definition: a versioned content file (TOML) of steps, questions,
//! conditions, scoring rules per maturity dimension and recommendation rules. `parse`
//! validates a file completely and reports every problem with the file, the line and the
//! question id, so that a server refuses to start on an invalid definition.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Number of maturity levels (1 Découvrir … 4 Catalyser).
pub const LEVELS: u8 = 4;
/// Free-text answers are capped (CONVENTIONS.md).
pub const MAX_TEXT: usize = 2000;
/// The facet a territory question feeds.
pub const TERRITORY_FACET: &str = "territoire";
/// The pseudo-facet of an option that points to a dimension (an obstacle whose learning
/// module helps): not a search criterion.
pub const DIMENSION_FACET: &str = "dimension";
/// The phase answer of a respondent who has no alliance project yet.
pub const NO_PROJECT: &str = "pas-de-projet";
/// The answers of the horizon question, from the nearest.
pub const HORIZONS: [&str; 4] = ["maintenant", "prochains-mois", "plus-tard", "exploration"];
/// The « none » answer of the support and obstacle questions.
pub const NONE: &str = "aucun";
/// Search facets a question or a rule may point to.
pub const FACETS: [&str; 6] = [
    "type_acteur",
    "domaine",
    "niveau_territorial",
    "mode",
    "impact",
    "fragilite",
];

/// A text in both languages.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    /// The text in `lang` ("en" or anything else for French).
    #[must_use]
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" { &self.en } else { &self.fr }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ChoixUnique,
    ChoixMultiple,
    Echelle,
    Territoire,
    Texte,
}

impl Kind {
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Kind::ChoixUnique => "choix_unique",
            Kind::ChoixMultiple => "choix_multiple",
            Kind::Echelle => "echelle",
            Kind::Territoire => "territoire",
            Kind::Texte => "texte",
        }
    }

    /// Whether answers are chosen among options.
    #[must_use]
    pub fn has_options(self) -> bool {
        matches!(
            self,
            Kind::ChoixUnique | Kind::ChoixMultiple | Kind::Echelle
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub valeur: String,
    pub libelle: Text,
    /// The level this option contributes to its question's dimension (scored questions).
    pub niveau: Option<u8>,
    /// A multiple-choice option that cannot be combined with another (« aucun »).
    pub exclusif: bool,
    /// Facet values this option points to, for recommendations.
    pub correspond: Vec<(String, String)>,
    /// « Je ne sais pas » on a scored question: no level; it lowers the confidence shown
    /// for the dimension instead.
    pub inconnu: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Condition {
    pub question: String,
    pub parmi: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub obligatoire: bool,
    pub libelle: Text,
    pub aide: Option<Text>,
    pub condition: Option<Condition>,
    /// Set on scored questions.
    pub dimension: Option<String>,
    pub facette: Option<String>,
    pub poids: f32,
    pub max_choix: Option<usize>,
    pub options: Vec<Choice>,
    /// Index of its step.
    pub step: usize,
}

impl Question {
    #[must_use]
    pub fn option(&self, valeur: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.valeur == valeur)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    pub titre: Text,
    pub introduction: Option<Text>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelText {
    pub niveau: u8,
    pub sens: Text,
    pub prochaine_etape: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dimension {
    pub id: String,
    pub titre: Text,
    pub description: Text,
    /// Open questions for partners whose levels differ on this dimension.
    pub discussion: Vec<Text>,
    /// Indexed by level − 1.
    pub niveaux: Vec<LevelText>,
    /// The phase of an alliance where this dimension is worked on (a
    /// [`crate::taxonomy::LIFECYCLE_PHASES`] code): the personal path proposes tools for the
    /// phase of the respondent's weakest dimension.
    pub phase: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProfileRule {
    pub type_acteur: String,
    pub territoire: String,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MaturityRule {
    pub niveau: u8,
    pub correspond: Vec<(String, String)>,
    pub poids: f32,
}

/// The questions whose answers the personal path reads beyond the search facets (all
/// optional; version 1 has none): the phase of the respondent's main alliance picks the
/// tools, the support wished the catalyseurs, the obstacles add a module, the horizon
/// orders the path.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Wishes {
    pub phase: Option<String>,
    pub appuis: Option<String>,
    pub obstacles: Option<String>,
    pub horizon: Option<String>,
}

/// A validated questionnaire definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub version: u32,
    pub titre: Text,
    pub introduction: Text,
    pub profil: ProfileRule,
    pub souhaits: Wishes,
    pub dimensions: Vec<Dimension>,
    pub etapes: Vec<Step>,
    pub maturite: Vec<MaturityRule>,
    index: HashMap<String, (usize, usize)>,
}

impl Questionnaire {
    #[must_use]
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index
            .get(id)
            .map(|&(s, q)| &self.etapes[s].questions[q])
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.etapes.iter().flat_map(|s| s.questions.iter())
    }

    #[must_use]
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }
}

/// One problem in a definition file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionError {
    pub file: String,
    pub line: Option<usize>,
    pub question: Option<String>,
    pub message: String,
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", ligne {line}")?;
        }
        if let Some(q) = &self.question {
            write!(f, ", question « {q} »")?;
        }
        write!(f, " : {}", self.message)
    }
}

mod parse;
pub use parse::parse;
