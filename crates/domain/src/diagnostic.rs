//! The engine of the questioning kit (pure): which questions apply, checking answers,
//! scoring them into a maturity level per dimension and overall, and the facet criteria
//! that rank the alliances recommended to a profile.
//!
//! Scoring: a single choice or a scale contributes its option's level; a multiple choice
//! the highest level among the chosen options; a dimension's level is the rounded mean of
//! its answered questions; the overall level the rounded mean of the dimensions' means.
//! Each step is monotone, so a more mature answer never lowers a level; conditions may only
//! depend on unscored questions (checked by `questionnaire::parse`), so a more mature
//! answer never changes which questions apply.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::questionnaire::{
    DIMENSION_FACET, Kind, MAX_TEXT, Question, Questionnaire, TERRITORY_FACET,
};
use crate::territory::Level;

/// One answer: a value (single choice, scale, territory, text) or a list (multiple choice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
}

impl Answer {
    /// The values of this answer, whichever its shape.
    #[must_use]
    pub fn values(&self) -> &[String] {
        match self {
            Answer::One(v) => std::slice::from_ref(v),
            Answer::Many(v) => v,
        }
    }
}

pub type Answers = BTreeMap<String, Answer>;

/// A territory named by an answer, resolved against the reference data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub niveau: Level,
    pub code: String,
    pub nom: String,
    /// Search facet values of this place (`departement`, `region`), strongest first.
    pub facettes: Vec<(String, String)>,
}

/// Resolves a territory answer (`31555`, `200054781`, `31`, `regions/76`…).
pub trait Places {
    fn resolve(&self, value: &str) -> Option<Place>;
}

/// Whether `q`'s condition holds for `answers`.
#[must_use]
pub fn applies(q: &Question, answers: &Answers) -> bool {
    q.condition.as_ref().is_none_or(|c| {
        answers
            .get(&c.question)
            .is_some_and(|a| a.values().iter().any(|v| c.parmi.contains(v)))
    })
}

/// Which part of the questionnaire a check covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every question; required answers must be there.
    Complete,
    /// One step's questions (by index); `required` says whether required answers must be
    /// there (going forward) or not (going back).
    Step { index: usize, required: bool },
}

/// Answers that passed `check`: the ones that count, and the ids of those ignored because
/// their question's condition does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Checked {
    pub answers: Answers,
    pub ignored: Vec<String>,
}

/// Checks `given` against the definition. Every value is checked against its question
/// whether or not the question applies; conditions are evaluated on `context` merged with
/// `given` (`context` holds earlier steps' answers when one step is checked).
pub fn check(
    def: &Questionnaire,
    given: &Answers,
    context: &Answers,
    places: &dyn Places,
    scope: Scope,
) -> Result<Checked, Vec<FieldError>> {
    let mut errors = Vec::new();
    let in_scope = |q: &Question| match scope {
        Scope::Complete => true,
        Scope::Step { index, .. } => q.step == index,
    };
    for (id, answer) in given {
        match def.question(id) {
            None => errors.push(FieldError::new(id, "question inconnue de ce questionnaire")),
            Some(q) if !in_scope(q) => {
                errors.push(FieldError::new(
                    id,
                    "cette question n'appartient pas à cette étape",
                ));
            }
            Some(q) => {
                if let Err(m) = check_value(q, answer, places) {
                    errors.push(FieldError::new(id, m));
                }
            }
        }
    }
    let mut merged = context.clone();
    for (k, v) in given {
        merged.insert(k.clone(), v.clone());
    }
    let required = match scope {
        Scope::Complete => true,
        Scope::Step { required, .. } => required,
    };
    // Conditions read only answers that count themselves: walking the questions in order
    // (a condition refers to an earlier step), drop the answers whose question does not
    // apply before later conditions read them.
    let mut effective = Answers::new();
    for q in def.questions() {
        if let Some(a) = merged.get(&q.id)
            && applies(q, &effective)
        {
            effective.insert(q.id.clone(), a.clone());
        }
    }
    let mut out = Checked::default();
    for q in def.questions().filter(|q| in_scope(q)) {
        let applies = applies(q, &effective);
        match given.get(&q.id) {
            Some(a) if applies => {
                if !is_empty(a) {
                    out.answers.insert(q.id.clone(), a.clone());
                } else if required && q.obligatoire {
                    errors.push(FieldError::new(
                        &q.id,
                        "réponse obligatoire : choisissez au moins une option",
                    ));
                }
            }
            Some(_) => out.ignored.push(q.id.clone()),
            None if applies && required && q.obligatoire => {
                errors.push(FieldError::new(&q.id, "réponse obligatoire"));
            }
            None => {}
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn is_empty(a: &Answer) -> bool {
    match a {
        Answer::One(v) => v.trim().is_empty(),
        Answer::Many(v) => v.is_empty(),
    }
}

fn check_value(q: &Question, answer: &Answer, places: &dyn Places) -> Result<(), String> {
    let options = || {
        q.options
            .iter()
            .map(|o| o.valeur.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (q.kind, answer) {
        (Kind::ChoixUnique | Kind::Echelle, Answer::One(v)) => {
            if v.is_empty() || q.option(v).is_some() {
                Ok(())
            } else {
                Err(format!(
                    "« {v} » n'est pas une option de cette question (options : {})",
                    options()
                ))
            }
        }
        (Kind::ChoixMultiple, Answer::Many(values)) => {
            for v in values {
                if q.option(v).is_none() {
                    return Err(format!(
                        "« {v} » n'est pas une option de cette question (options : {})",
                        options()
                    ));
                }
            }
            let mut seen = values.clone();
            seen.sort();
            seen.dedup();
            if seen.len() != values.len() {
                return Err("une option est choisie deux fois".into());
            }
            if let Some(max) = q.max_choix
                && values.len() > max
            {
                return Err(format!("choisissez au plus {max} options"));
            }
            if values.len() > 1
                && let Some(o) = values
                    .iter()
                    .filter_map(|v| q.option(v))
                    .find(|o| o.exclusif)
            {
                return Err(format!(
                    "« {} » ne se combine pas avec une autre option",
                    o.libelle.fr
                ));
            }
            Ok(())
        }
        (Kind::Territoire, Answer::One(v)) => {
            if v.trim().is_empty() || places.resolve(v.trim()).is_some() {
                Ok(())
            } else {
                Err(format!(
                    "« {v} » n'est pas un territoire connu : donnez le code INSEE d'une commune, le SIREN d'une intercommunalité, le code d'un département ou « regions/CODE »"
                ))
            }
        }
        (Kind::Texte, Answer::One(v)) => {
            if v.chars().count() <= MAX_TEXT {
                Ok(())
            } else {
                Err(format!("texte trop long : {MAX_TEXT} caractères au plus"))
            }
        }
        (Kind::ChoixMultiple, Answer::One(_)) => Err("attendu : une liste de valeurs".into()),
        (_, Answer::Many(_)) => Err("attendu : une seule valeur, pas une liste".into()),
    }
}

/// Maturity per dimension (in the definition's order) and overall, 1..=4, with the
/// confidence of each dimension's level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Maturity {
    pub dimensions: Vec<(String, u8)>,
    pub globale: u8,
    pub confiance: Vec<(String, Confidence)>,
}

/// How a dimension's level was reached: its applicable scored questions answered with a
/// level, and those answered « je ne sais pas » (not scored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Confidence {
    pub notees: u8,
    pub inconnues: u8,
}

impl Confidence {
    /// `elevee` (every question answered), `moyenne` (more answered than not known) or
    /// `faible`.
    #[must_use]
    pub fn code(self) -> &'static str {
        if self.inconnues == 0 {
            "elevee"
        } else if self.notees > self.inconnues {
            "moyenne"
        } else {
            "faible"
        }
    }
}

fn level_of(mean: f64) -> u8 {
    // Half up: 2.5 → 3. Monotone, and 1.0 → 1, 4.0 → 4.
    let l = (mean + 0.5).floor().clamp(1.0, 4.0);
    l as u8
}

/// The level a question's answer contributes, if it is scored and answered.
fn contribution(q: &Question, a: &Answer) -> Option<u8> {
    q.dimension.as_ref()?;
    a.values()
        .iter()
        .filter_map(|v| q.option(v).and_then(|o| o.niveau))
        .max()
}

/// Scores checked answers. A dimension without any answered question (an incomplete
/// draft) counts as level 1. « Je ne sais pas » is not scored: it is counted in the
/// dimension's confidence.
#[must_use]
pub fn score(def: &Questionnaire, answers: &Answers) -> Maturity {
    let mut sums: HashMap<&str, (f64, f64)> = HashMap::new();
    let mut confidence: HashMap<&str, Confidence> = HashMap::new();
    for q in def.questions() {
        if !applies(q, answers) {
            continue;
        }
        let (Some(d), Some(a)) = (&q.dimension, answers.get(&q.id)) else {
            continue;
        };
        if let Some(level) = contribution(q, a) {
            let e = sums.entry(d.as_str()).or_default();
            e.0 += f64::from(level);
            e.1 += 1.0;
            let c = confidence.entry(d.as_str()).or_default();
            c.notees = c.notees.saturating_add(1);
        } else if a
            .values()
            .iter()
            .any(|v| q.option(v).is_some_and(|o| o.inconnu))
        {
            let c = confidence.entry(d.as_str()).or_default();
            c.inconnues = c.inconnues.saturating_add(1);
        }
    }
    let means: Vec<(String, f64)> = def
        .dimensions
        .iter()
        .map(|d| {
            let mean = sums.get(d.id.as_str()).map_or(1.0, |(sum, n)| sum / n);
            (d.id.clone(), mean)
        })
        .collect();
    let overall = means.iter().map(|(_, m)| m).sum::<f64>() / means.len().max(1) as f64;
    Maturity {
        dimensions: means
            .iter()
            .map(|(d, m)| (d.clone(), level_of(*m)))
            .collect(),
        globale: level_of(overall),
        confiance: def
            .dimensions
            .iter()
            .map(|d| {
                (
                    d.id.clone(),
                    confidence.get(d.id.as_str()).copied().unwrap_or_default(),
                )
            })
            .collect(),
    }
}

/// Facet criteria that rank the alliances most like this profile: the chosen values of
/// facetted questions, the facet values options point to, the territory's places and the
/// rules of the overall maturity level. One weight per value (the strongest).
#[must_use]
pub fn criteria(
    def: &Questionnaire,
    answers: &Answers,
    maturity: &Maturity,
    place: Option<&Place>,
) -> Vec<(String, String, f32)> {
    let mut wanted: Vec<(String, String, f32)> = Vec::new();
    let mut add = |facet: &str, code: &str, weight: f32| {
        if let Some(w) = wanted.iter_mut().find(|(f, c, _)| f == facet && c == code) {
            w.2 = w.2.max(weight);
        } else {
            wanted.push((facet.to_owned(), code.to_owned(), weight));
        }
    };
    for q in def.questions() {
        let Some(a) = answers.get(&q.id) else {
            continue;
        };
        if !applies(q, answers) {
            continue;
        }
        match q.facette.as_deref() {
            Some(TERRITORY_FACET) => {
                if let Some(p) = place {
                    for (i, (facet, code)) in p.facettes.iter().enumerate() {
                        // The closest place weighs most.
                        let w = if i == 0 { q.poids } else { q.poids / 2.0 };
                        add(facet, code, w);
                    }
                }
            }
            Some(facet) => {
                for v in a.values() {
                    add(facet, v, q.poids);
                }
            }
            None => {}
        }
        for v in a.values() {
            if let Some(o) = q.option(v) {
                // A dimension an obstacle points to is not a search criterion.
                for (facet, code) in o.correspond.iter().filter(|(f, _)| f != DIMENSION_FACET) {
                    add(facet, code, q.poids);
                }
            }
        }
    }
    for r in def.maturite.iter().filter(|r| r.niveau == maturity.globale) {
        for (facet, code) in &r.correspond {
            add(facet, code, r.poids);
        }
    }
    wanted
}
