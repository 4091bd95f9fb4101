//! The questioning kit's definition: a versioned content file (TOML) of steps, questions,
//! conditions, scoring rules per maturity dimension and recommendation rules. `parse`
//! validates a file completely and reports every problem with the file, the line and the
//! question id, so that a server refuses to start on an invalid definition.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// Number of maturity levels (1 Découvrir … 4 Catalyser).
pub const LEVELS: u8 = 4;
/// Free-text answers are capped (CONVENTIONS.md).
pub const MAX_TEXT: usize = 2000;
/// The facet a territory question feeds.
pub const TERRITORY_FACET: &str = "territoire";
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

/// A validated questionnaire definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub version: u32,
    pub titre: Text,
    pub introduction: Text,
    pub profil: ProfileRule,
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

// ----- the file as written -----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: Spanned<i64>,
    titre: Text,
    introduction: Text,
    profil: RawProfile,
    #[serde(default)]
    recommandations: RawRecommendations,
    dimensions: Vec<RawDimension>,
    etapes: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    type_acteur: Spanned<String>,
    territoire: Spanned<String>,
    questions: Spanned<Vec<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRecommendations {
    #[serde(default)]
    maturite: Vec<RawMaturityRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMaturityRule {
    niveau: Spanned<i64>,
    correspond: Spanned<Vec<String>>,
    #[serde(default = "one")]
    poids: f32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDimension {
    id: Spanned<String>,
    titre: Text,
    description: Text,
    #[serde(default)]
    discussion: Vec<Text>,
    niveaux: Vec<LevelText>,
    phase: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    titre: Text,
    introduction: Option<Text>,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    #[serde(rename = "type")]
    kind: Kind,
    #[serde(default)]
    obligatoire: bool,
    libelle: Text,
    aide: Option<Text>,
    condition: Option<RawCondition>,
    dimension: Option<String>,
    facette: Option<String>,
    #[serde(default = "one")]
    poids: f32,
    max_choix: Option<usize>,
    #[serde(default)]
    options: Vec<RawChoice>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    question: String,
    parmi: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    valeur: Spanned<String>,
    libelle: Text,
    niveau: Option<i64>,
    #[serde(default)]
    exclusif: bool,
    #[serde(default)]
    correspond: Vec<String>,
}

fn one() -> f32 {
    1.0
}

/// Whether `code` is a valid value of `facet`; fragilities are data, so the caller says.
fn facet_code_ok(facet: &str, code: &str, is_fragility: &dyn Fn(&str) -> bool) -> bool {
    match facet {
        "fragilite" => is_fragility(code),
        _ => crate::taxonomy::facet_code(facet, code).unwrap_or(false),
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

struct Errors<'a> {
    file: &'a str,
    source: &'a str,
    list: Vec<DefinitionError>,
}

impl Errors<'_> {
    fn line_of(&self, offset: usize) -> usize {
        crate::error::line_of(self.source, offset)
    }

    fn at(&mut self, offset: usize, question: Option<&str>, message: impl Into<String>) {
        let line = Some(self.line_of(offset));
        self.list.push(DefinitionError {
            file: self.file.to_owned(),
            line,
            question: question.map(str::to_owned),
            message: message.into(),
        });
    }
}

/// Reads `facet:code` pairs, checking each.
fn pairs(
    list: &[String],
    is_fragility: &dyn Fn(&str) -> bool,
) -> Result<Vec<(String, String)>, String> {
    list.iter()
        .map(|p| {
            let (facet, code) = p
                .split_once(':')
                .ok_or_else(|| format!("« {p} » : écrivez facette:code, par exemple mode:mecenat"))?;
            if !facet_code_ok(facet, code, is_fragility) {
                return Err(format!(
                    "« {p} » : « {code} » n'est pas un code de la facette « {facet} » (facettes : {})",
                    FACETS.join(", ")
                ));
            }
            Ok((facet.to_owned(), code.to_owned()))
        })
        .collect()
}

/// Parses and validates a definition. `file` names the file in errors; `is_fragility`
/// tells whether a code is in the fragility table.
pub fn parse(
    file: &str,
    source: &str,
    is_fragility: &dyn Fn(&str) -> bool,
) -> Result<Questionnaire, Vec<DefinitionError>> {
    let mut errors = Errors {
        file,
        source,
        list: Vec::new(),
    };
    let raw: RawFile = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            errors.at(offset, None, e.message().trim().to_owned());
            return Err(errors.list);
        }
    };
    let version = match u32::try_from(*raw.version.get_ref()) {
        Ok(v) if v > 0 => v,
        _ => {
            errors.at(
                raw.version.span().start,
                None,
                "« version » doit être un entier positif",
            );
            0
        }
    };

    // Dimensions.
    let mut dimensions = Vec::new();
    let mut dimension_ids = HashSet::new();
    let mut dimension_at: HashMap<String, usize> = HashMap::new();
    for d in raw.dimensions {
        let id = d.id.get_ref().clone();
        let at = d.id.span().start;
        dimension_at.insert(id.clone(), at);
        if !is_id(&id) || !dimension_ids.insert(id.clone()) {
            errors.at(
                at,
                None,
                format!("dimension « {id} » : identifiant invalide ou répété"),
            );
        }
        let mut niveaux = d.niveaux;
        niveaux.sort_by_key(|n| n.niveau);
        if niveaux.iter().map(|n| n.niveau).collect::<Vec<_>>() != [1, 2, 3, 4] {
            errors.at(
                at,
                None,
                format!("dimension « {id} » : décrivez exactement les niveaux 1, 2, 3 et 4"),
            );
        }
        if let Some(p) = &d.phase
            && !crate::taxonomy::LIFECYCLE_PHASES.contains(p)
        {
            errors.at(
                at,
                None,
                format!(
                    "dimension « {id} » : phase « {p} » inconnue ; valeurs possibles : {}",
                    crate::taxonomy::LIFECYCLE_PHASES.codes.join(", ")
                ),
            );
        }
        dimensions.push(Dimension {
            id,
            titre: d.titre,
            description: d.description,
            discussion: d.discussion,
            niveaux,
            phase: d.phase,
        });
    }
    if dimensions.is_empty() {
        errors.at(0, None, "aucune dimension de maturité n'est définie");
    }

    // Steps and questions.
    let mut etapes = Vec::new();
    let mut index: HashMap<String, (usize, usize)> = HashMap::new();
    let mut step_ids = HashSet::new();
    let mut lines: HashMap<String, usize> = HashMap::new();
    for (si, s) in raw.etapes.into_iter().enumerate() {
        let step_id = s.id.get_ref().clone();
        if !is_id(&step_id) || !step_ids.insert(step_id.clone()) {
            errors.at(
                s.id.span().start,
                None,
                format!("étape « {step_id} » : identifiant invalide ou répété"),
            );
        }
        if s.questions.is_empty() {
            errors.at(
                s.id.span().start,
                None,
                format!("étape « {step_id} » : aucune question"),
            );
        }
        let mut questions = Vec::new();
        for rq in s.questions {
            let id = rq.id.get_ref().clone();
            let at = rq.id.span().start;
            lines.insert(id.clone(), at);
            let q = Some(id.as_str());
            if !is_id(&id) {
                errors.at(
                    at,
                    q,
                    "identifiant invalide : minuscules, chiffres, « _ » ou « - »",
                );
            }
            if index.contains_key(&id) {
                errors.at(at, q, "identifiant déjà utilisé par une autre question");
            }
            let mut options = Vec::new();
            let mut values = HashSet::new();
            for o in rq.options {
                let valeur = o.valeur.get_ref().clone();
                let o_at = o.valeur.span().start;
                if valeur.is_empty() || !values.insert(valeur.clone()) {
                    errors.at(o_at, q, format!("option « {valeur} » vide ou répétée"));
                }
                let niveau = match o.niveau {
                    None => None,
                    Some(n) if (1..=i64::from(LEVELS)).contains(&n) => u8::try_from(n).ok(),
                    Some(n) => {
                        errors.at(
                            o_at,
                            q,
                            format!("option « {valeur} » : niveau {n} hors de 1 à 4"),
                        );
                        None
                    }
                };
                let correspond = match pairs(&o.correspond, is_fragility) {
                    Ok(p) => p,
                    Err(m) => {
                        errors.at(o_at, q, format!("option « {valeur} » : {m}"));
                        Vec::new()
                    }
                };
                if o.exclusif && rq.kind != Kind::ChoixMultiple {
                    errors.at(o_at, q, "« exclusif » ne vaut que pour un choix multiple");
                }
                options.push(Choice {
                    valeur,
                    libelle: o.libelle,
                    niveau,
                    exclusif: o.exclusif,
                    correspond,
                });
            }
            // Kind-specific rules.
            if rq.kind.has_options() {
                if options.len() < 2 {
                    errors.at(
                        at,
                        q,
                        "une question à choix doit proposer au moins deux options",
                    );
                }
            } else if !options.is_empty() {
                errors.at(
                    at,
                    q,
                    format!("une question « {} » n'a pas d'options", rq.kind.code()),
                );
            }
            if rq.kind == Kind::Echelle {
                let expected: Vec<String> = (1..=options.len()).map(|i| i.to_string()).collect();
                let got: Vec<String> = options.iter().map(|o| o.valeur.clone()).collect();
                if !(4..=5).contains(&options.len()) || got != expected {
                    errors.at(
                        at,
                        q,
                        "une échelle a 4 ou 5 points de valeurs « 1 » à « N », dans l'ordre",
                    );
                }
            }
            if rq.kind == Kind::Texte && rq.obligatoire {
                errors.at(
                    at,
                    q,
                    "une question de texte libre ne peut pas être obligatoire",
                );
            }
            if let Some(m) = rq.max_choix
                && (rq.kind != Kind::ChoixMultiple || m == 0)
            {
                errors.at(
                    at,
                    q,
                    "« max_choix » (au moins 1) ne vaut que pour un choix multiple",
                );
            }
            if !(rq.poids.is_finite() && rq.poids > 0.0) {
                errors.at(at, q, "« poids » doit être un nombre positif");
            }
            // Scoring.
            match &rq.dimension {
                Some(d) => {
                    if !dimension_ids.contains(d) {
                        errors.at(at, q, format!("dimension « {d} » inconnue"));
                    }
                    if !rq.kind.has_options() {
                        errors.at(
                            at,
                            q,
                            "seule une question à choix ou une échelle peut être notée",
                        );
                    }
                    if options.iter().any(|o| o.niveau.is_none()) {
                        errors.at(
                            at,
                            q,
                            "question notée : chaque option doit avoir un « niveau »",
                        );
                    }
                    let levels: Vec<u8> = options.iter().filter_map(|o| o.niveau).collect();
                    if !levels.contains(&1) || !levels.contains(&LEVELS) {
                        errors.at(
                            at,
                            q,
                            "question notée : les niveaux 1 et 4 doivent figurer parmi les options",
                        );
                    }
                }
                None => {
                    if options.iter().any(|o| o.niveau.is_some()) {
                        errors.at(at, q, "« niveau » sur une option d'une question non notée (ajoutez « dimension »)");
                    }
                }
            }
            // Facet.
            if let Some(f) = &rq.facette {
                if f == TERRITORY_FACET {
                    if rq.kind != Kind::Territoire {
                        errors.at(
                            at,
                            q,
                            "la facette « territoire » ne vaut que pour une question territoire",
                        );
                    }
                } else if !FACETS.contains(&f.as_str()) {
                    errors.at(
                        at,
                        q,
                        format!(
                            "facette « {f} » inconnue (facettes : {}, territoire)",
                            FACETS.join(", ")
                        ),
                    );
                } else {
                    for o in &options {
                        if !facet_code_ok(f, &o.valeur, is_fragility) {
                            errors.at(
                                at,
                                q,
                                format!(
                                    "option « {} » : ce n'est pas un code de la facette « {f} »",
                                    o.valeur
                                ),
                            );
                        }
                    }
                }
            }
            // Conditions: on an unscored question of an earlier step, with its values.
            let condition = rq.condition.map(|c| {
                match index.get(&c.question) {
                    Some(&(cs, cq)) if cs < si => {
                        let target: &Question = &etapes_ref(&etapes, cs)[cq];
                        if target.dimension.is_some() {
                            errors.at(at, q, format!("la condition porte sur « {} », une question notée : choisir une option plus mûre ne doit pas changer les questions posées", c.question));
                        }
                        for v in &c.parmi {
                            if target.option(v).is_none() {
                                errors.at(at, q, format!("condition : « {v} » n'est pas une option de « {} »", c.question));
                            }
                        }
                    }
                    _ => errors.at(at, q, format!("condition : « {} » doit être une question d'une étape précédente", c.question)),
                }
                if c.parmi.is_empty() {
                    errors.at(at, q, "condition : « parmi » est vide");
                }
                Condition { question: c.question, parmi: c.parmi }
            });
            index.insert(id.clone(), (si, questions.len()));
            questions.push(Question {
                id,
                kind: rq.kind,
                obligatoire: rq.obligatoire,
                libelle: rq.libelle,
                aide: rq.aide,
                condition,
                dimension: rq.dimension,
                facette: rq.facette,
                poids: rq.poids,
                max_choix: rq.max_choix,
                options,
                step: si,
            });
        }
        etapes.push(Step {
            id: step_id,
            titre: s.titre,
            introduction: s.introduction,
            questions,
        });
    }

    let all: Vec<&Question> = etapes.iter().flat_map(|s| s.questions.iter()).collect();
    if !(25..=40).contains(&all.len()) {
        errors.at(
            0,
            None,
            format!(
                "{} questions : le questionnaire en compte de 25 à 40",
                all.len()
            ),
        );
    }
    let scored = all.iter().filter(|q| q.dimension.is_some()).count();
    if scored < 8 {
        errors.at(
            0,
            None,
            format!("{scored} questions notées : il en faut au moins 8"),
        );
    }
    for d in &dimensions {
        let anchored = all.iter().any(|q| {
            q.dimension.as_deref() == Some(&d.id) && q.obligatoire && q.condition.is_none()
        });
        if !anchored {
            errors.at(dimension_at.get(&d.id).copied().unwrap_or(0), None, format!("dimension « {} » : il faut au moins une question notée, obligatoire et sans condition, pour que chaque diagnostic complet ait un niveau", d.id));
        }
    }

    // Profile and rules.
    let profil = ProfileRule {
        type_acteur: raw.profil.type_acteur.get_ref().clone(),
        territoire: raw.profil.territoire.get_ref().clone(),
        questions: raw.profil.questions.get_ref().clone(),
    };
    match index.get(&profil.type_acteur).map(|&(s, q)| &etapes[s].questions[q]) {
        Some(q) if q.kind == Kind::ChoixUnique && q.facette.as_deref() == Some("type_acteur") && q.obligatoire && q.condition.is_none() => {}
        _ => errors.at(raw.profil.type_acteur.span().start, None, "profil.type_acteur : une question à choix unique, obligatoire, sans condition, de facette « type_acteur »"),
    }
    match index
        .get(&profil.territoire)
        .map(|&(s, q)| &etapes[s].questions[q])
    {
        Some(q) if q.kind == Kind::Territoire => {}
        _ => errors.at(
            raw.profil.territoire.span().start,
            None,
            "profil.territoire : une question de type « territoire »",
        ),
    }
    for id in &profil.questions {
        let free_text = index
            .get(id)
            .is_some_and(|&(s, q)| etapes[s].questions[q].kind == Kind::Texte);
        if free_text {
            errors.at(
                raw.profil.questions.span().start,
                Some(id),
                "profil.questions : une réponse en texte libre reste privée, elle ne figure pas au profil",
            );
        }
        if !index.contains_key(id) {
            errors.at(
                raw.profil.questions.span().start,
                Some(id),
                "profil.questions : question inconnue",
            );
        }
    }
    let mut maturite = Vec::new();
    for r in raw.recommandations.maturite {
        let at = r.niveau.span().start;
        let niveau = match u8::try_from(*r.niveau.get_ref()) {
            Ok(n) if (1..=LEVELS).contains(&n) => n,
            _ => {
                errors.at(at, None, "recommandations.maturite : « niveau » de 1 à 4");
                1
            }
        };
        let correspond = pairs(r.correspond.get_ref(), is_fragility).unwrap_or_else(|m| {
            errors.at(
                r.correspond.span().start,
                None,
                format!("recommandations.maturite : {m}"),
            );
            Vec::new()
        });
        if !(r.poids.is_finite() && r.poids > 0.0) {
            errors.at(at, None, "« poids » doit être un nombre positif");
        }
        maturite.push(MaturityRule {
            niveau,
            correspond,
            poids: r.poids,
        });
    }

    if errors.list.is_empty() {
        Ok(Questionnaire {
            version,
            titre: raw.titre,
            introduction: raw.introduction,
            profil,
            dimensions,
            etapes,
            maturite,
            index,
        })
    } else {
        Err(errors.list)
    }
}

fn etapes_ref(etapes: &[Step], i: usize) -> &[Question] {
    &etapes[i].questions
}
