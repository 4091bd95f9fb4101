//! Reading a definition file: the TOML as written, checked section by section (dimensions,
//! steps and questions, totals, profile, recommendation rules), every problem located by
//! file, line and question.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: Spanned<i64>,
    titre: Text,
    introduction: Text,
    profil: RawProfile,
    #[serde(default)]
    souhaits: RawWishes,
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
struct RawWishes {
    phase: Option<Spanned<String>>,
    appuis: Option<Spanned<String>>,
    obstacles: Option<Spanned<String>>,
    horizon: Option<Spanned<String>>,
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
    #[serde(default)]
    inconnu: bool,
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

/// Reads `facet:code` pairs, checking each; `dimensions` are the ids an option may point
/// to with the `dimension` pseudo-facet (none for the maturity rules).
fn pairs(
    list: &[String],
    is_fragility: &dyn Fn(&str) -> bool,
    dimensions: &HashMap<String, usize>,
) -> Result<Vec<(String, String)>, String> {
    list.iter()
        .map(|p| {
            let (facet, code) = p
                .split_once(':')
                .ok_or_else(|| format!("« {p} » : écrivez facette:code, par exemple mode:mecenat"))?;
            if facet == DIMENSION_FACET && !dimensions.is_empty() {
                if !dimensions.contains_key(code) {
                    return Err(format!("« {p} » : « {code} » n'est pas une dimension de ce questionnaire"));
                }
                return Ok((facet.to_owned(), code.to_owned()));
            }
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
    let (dimensions, dimension_at) = read_dimensions(&mut errors, raw.dimensions);
    let (etapes, index) = read_steps(&mut errors, raw.etapes, &dimension_at, is_fragility);
    check_totals(&mut errors, &etapes, &dimensions, &dimension_at);
    let profil = read_profile(&mut errors, &raw.profil, &etapes, &index);
    let souhaits = read_wishes(&mut errors, raw.souhaits, &etapes, &index);
    let maturite = read_maturity_rules(&mut errors, raw.recommandations.maturite, is_fragility);
    if errors.list.is_empty() {
        Ok(Questionnaire {
            version,
            titre: raw.titre,
            introduction: raw.introduction,
            profil,
            souhaits,
            dimensions,
            etapes,
            maturite,
            index,
        })
    } else {
        Err(errors.list)
    }
}

/// Where each question sits: (step, rank in the step).
type Index = HashMap<String, (usize, usize)>;

/// The maturity dimensions, each with its four levels and its phase; returns them with the
/// offset of each id (to locate later errors about a dimension).
fn read_dimensions(
    errors: &mut Errors<'_>,
    raw: Vec<RawDimension>,
) -> (Vec<Dimension>, HashMap<String, usize>) {
    let mut dimensions = Vec::new();
    let mut dimension_at: HashMap<String, usize> = HashMap::new();
    for d in raw {
        let id = d.id.get_ref().clone();
        let at = d.id.span().start;
        if !is_id(&id) || dimension_at.insert(id.clone(), at).is_some() {
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
    (dimensions, dimension_at)
}

/// The steps and their questions, each question checked (options, kind, scoring, facet,
/// condition), with the index of every question.
fn read_steps(
    errors: &mut Errors<'_>,
    raw: Vec<RawStep>,
    dimension_at: &HashMap<String, usize>,
    is_fragility: &dyn Fn(&str) -> bool,
) -> (Vec<Step>, Index) {
    let mut etapes = Vec::new();
    let mut index: Index = HashMap::new();
    let mut step_ids = HashSet::new();
    for (si, s) in raw.into_iter().enumerate() {
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
            let question = read_question(
                errors,
                rq,
                si,
                (&etapes, &index),
                dimension_at,
                is_fragility,
            );
            index.insert(question.id.clone(), (si, questions.len()));
            questions.push(question);
        }
        etapes.push(Step {
            id: step_id,
            titre: s.titre,
            introduction: s.introduction,
            questions,
        });
    }
    (etapes, index)
}

/// One question of step `si`, checked against the earlier ones (`before`).
fn read_question(
    errors: &mut Errors<'_>,
    rq: RawQuestion,
    si: usize,
    before: (&[Step], &Index),
    dimension_at: &HashMap<String, usize>,
    is_fragility: &dyn Fn(&str) -> bool,
) -> Question {
    let id = rq.id.get_ref().clone();
    let at = rq.id.span().start;
    let q = Some(id.as_str());
    if !is_id(&id) {
        errors.at(
            at,
            q,
            "identifiant invalide : minuscules, chiffres, « _ » ou « - »",
        );
    }
    if before.1.contains_key(&id) {
        errors.at(at, q, "identifiant déjà utilisé par une autre question");
    }
    let options = read_options(errors, q, rq.kind, rq.options, is_fragility, dimension_at);
    let located = Located { at, q };
    check_kind(
        errors,
        located,
        &rq.kind,
        rq.obligatoire,
        rq.max_choix,
        rq.poids,
        &options,
    );
    check_scoring(
        errors,
        located,
        rq.kind,
        rq.dimension.as_deref(),
        &options,
        dimension_at,
    );
    if let Some(f) = &rq.facette {
        check_facet(errors, located, rq.kind, f, &options, is_fragility);
    }
    let condition = rq
        .condition
        .map(|c| read_condition(errors, located, c, si, before));
    Question {
        id: id.clone(),
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
    }
}

/// Where a question's errors point: its id's offset and the id.
#[derive(Clone, Copy)]
struct Located<'q> {
    at: usize,
    q: Option<&'q str>,
}

/// The options of a question: values unique, levels 1–4, facet links valid.
fn read_options(
    errors: &mut Errors<'_>,
    q: Option<&str>,
    kind: Kind,
    raw: Vec<RawChoice>,
    is_fragility: &dyn Fn(&str) -> bool,
    dimension_at: &HashMap<String, usize>,
) -> Vec<Choice> {
    let mut options = Vec::new();
    let mut values = HashSet::new();
    for o in raw {
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
        let correspond = match pairs(&o.correspond, is_fragility, dimension_at) {
            Ok(p) => p,
            Err(m) => {
                errors.at(o_at, q, format!("option « {valeur} » : {m}"));
                Vec::new()
            }
        };
        if o.exclusif && kind != Kind::ChoixMultiple {
            errors.at(o_at, q, "« exclusif » ne vaut que pour un choix multiple");
        }
        options.push(Choice {
            valeur,
            libelle: o.libelle,
            niveau,
            exclusif: o.exclusif,
            correspond,
            inconnu: o.inconnu,
        });
    }
    options
}

/// What each kind of question allows: options, scale points, required free text,
/// `max_choix`, weight.
fn check_kind(
    errors: &mut Errors<'_>,
    Located { at, q }: Located<'_>,
    kind: &Kind,
    obligatoire: bool,
    max_choix: Option<usize>,
    poids: f32,
    options: &[Choice],
) {
    if kind.has_options() {
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
            format!("une question « {} » n'a pas d'options", kind.code()),
        );
    }
    if *kind == Kind::Echelle {
        // « Je ne sais pas » is not a point of the scale.
        let points: Vec<String> = options
            .iter()
            .filter(|o| !o.inconnu)
            .map(|o| o.valeur.clone())
            .collect();
        let expected: Vec<String> = (1..=points.len()).map(|i| i.to_string()).collect();
        if !(4..=5).contains(&points.len()) || points != expected {
            errors.at(
                at,
                q,
                "une échelle a 4 ou 5 points de valeurs « 1 » à « N », dans l'ordre",
            );
        }
    }
    if *kind == Kind::Texte && obligatoire {
        errors.at(
            at,
            q,
            "une question de texte libre ne peut pas être obligatoire",
        );
    }
    if let Some(m) = max_choix
        && (*kind != Kind::ChoixMultiple || m == 0)
    {
        errors.at(
            at,
            q,
            "« max_choix » (au moins 1) ne vaut que pour un choix multiple",
        );
    }
    if !(poids.is_finite() && poids > 0.0) {
        errors.at(at, q, "« poids » doit être un nombre positif");
    }
}

/// A scored question: a known dimension, options with levels that include 1 and 4; an
/// unscored one has no levels.
fn check_scoring(
    errors: &mut Errors<'_>,
    Located { at, q }: Located<'_>,
    kind: Kind,
    dimension: Option<&str>,
    options: &[Choice],
    dimension_at: &HashMap<String, usize>,
) {
    match dimension {
        Some(d) => {
            if !dimension_at.contains_key(d) {
                errors.at(at, q, format!("dimension « {d} » inconnue"));
            }
            if !kind.has_options() {
                errors.at(
                    at,
                    q,
                    "seule une question à choix ou une échelle peut être notée",
                );
            }
            if options.iter().any(|o| o.niveau.is_none() && !o.inconnu) {
                errors.at(
                    at,
                    q,
                    "question notée : chaque option doit avoir un « niveau » (sauf « je ne sais pas », marquée « inconnu = true »)",
                );
            }
            if options.iter().any(|o| o.inconnu && o.niveau.is_some()) {
                errors.at(
                    at,
                    q,
                    "question notée : l'option « je ne sais pas » (inconnu = true) n'a pas de « niveau »",
                );
            }
            if options.iter().filter(|o| o.inconnu).count() > 1 {
                errors.at(at, q, "une seule option « je ne sais pas » par question");
            }
            if kind == Kind::ChoixMultiple && options.iter().any(|o| o.inconnu) {
                errors.at(
                    at,
                    q,
                    "« inconnu » ne vaut que pour un choix unique ou une échelle notés",
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
            if options.iter().any(|o| o.inconnu) {
                errors.at(
                    at,
                    q,
                    "« inconnu » (je ne sais pas) sur une question non notée : une option ordinaire suffit",
                );
            }
            if options.iter().any(|o| o.niveau.is_some()) {
                errors.at(
                    at,
                    q,
                    "« niveau » sur une option d'une question non notée (ajoutez « dimension »)",
                );
            }
        }
    }
}

/// The facet a question feeds: `territoire` for a territory question, else a search facet
/// of which every option is a code.
fn check_facet(
    errors: &mut Errors<'_>,
    Located { at, q }: Located<'_>,
    kind: Kind,
    facet: &str,
    options: &[Choice],
    is_fragility: &dyn Fn(&str) -> bool,
) {
    if facet == TERRITORY_FACET {
        if kind != Kind::Territoire {
            errors.at(
                at,
                q,
                "la facette « territoire » ne vaut que pour une question territoire",
            );
        }
    } else if !FACETS.contains(&facet) {
        errors.at(
            at,
            q,
            format!(
                "facette « {facet} » inconnue (facettes : {}, territoire)",
                FACETS.join(", ")
            ),
        );
    } else {
        for o in options {
            if !facet_code_ok(facet, &o.valeur, is_fragility) {
                errors.at(
                    at,
                    q,
                    format!(
                        "option « {} » : ce n'est pas un code de la facette « {facet} »",
                        o.valeur
                    ),
                );
            }
        }
    }
}

/// A condition: on an unscored, single-choice, required, unconditional question of an
/// earlier step (a profile question), with its values.
fn read_condition(
    errors: &mut Errors<'_>,
    Located { at, q }: Located<'_>,
    c: RawCondition,
    si: usize,
    (etapes, index): (&[Step], &Index),
) -> Condition {
    match index.get(&c.question) {
        Some(&(cs, cq)) if cs < si => {
            let target: &Question = &etapes_ref(etapes, cs)[cq];
            if target.dimension.is_some() {
                errors.at(at, q, format!("la condition porte sur « {} », une question notée : choisir une option plus mûre ne doit pas changer les questions posées", c.question));
            }
            if target.kind != Kind::ChoixUnique || !target.obligatoire || target.condition.is_some()
            {
                errors.at(at, q, format!("la condition porte sur « {} » : elle doit lire une question de profil, à choix unique, obligatoire et sans condition (le profil décide des questions posées)", c.question));
            }
            for v in &c.parmi {
                if target.option(v).is_none() {
                    errors.at(
                        at,
                        q,
                        format!(
                            "condition : « {v} » n'est pas une option de « {} »",
                            c.question
                        ),
                    );
                }
            }
        }
        _ => errors.at(
            at,
            q,
            format!(
                "condition : « {} » doit être une question d'une étape précédente",
                c.question
            ),
        ),
    }
    if c.parmi.is_empty() {
        errors.at(at, q, "condition : « parmi » est vide");
    }
    Condition {
        question: c.question,
        parmi: c.parmi,
    }
}

/// Totals of the whole file: 25 to 60 questions (sub-type and actor-specific questions
/// are each seen by one actor type only), at least 8 scored, and each dimension anchored by
/// a scored, required, unconditional question without « je ne sais pas ».
fn check_totals(
    errors: &mut Errors<'_>,
    etapes: &[Step],
    dimensions: &[Dimension],
    dimension_at: &HashMap<String, usize>,
) {
    let all: Vec<&Question> = etapes.iter().flat_map(|s| s.questions.iter()).collect();
    if !(25..=60).contains(&all.len()) {
        errors.at(
            0,
            None,
            format!(
                "{} questions : le questionnaire en compte de 25 à 60",
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
    for d in dimensions {
        let anchored = all.iter().any(|q| {
            q.dimension.as_deref() == Some(&d.id)
                && q.obligatoire
                && q.condition.is_none()
                && !q.options.iter().any(|o| o.inconnu)
        });
        if !anchored {
            errors.at(dimension_at.get(&d.id).copied().unwrap_or(0), None, format!("dimension « {} » : il faut au moins une question notée, obligatoire, sans condition et sans « je ne sais pas », pour que chaque diagnostic complet ait un niveau", d.id));
        }
    }
}

/// The profile rule: the actor-type and territory questions and the answers shown on a
/// profile (never free text).
fn read_profile(
    errors: &mut Errors<'_>,
    raw: &RawProfile,
    etapes: &[Step],
    index: &Index,
) -> ProfileRule {
    let profil = ProfileRule {
        type_acteur: raw.type_acteur.get_ref().clone(),
        territoire: raw.territoire.get_ref().clone(),
        questions: raw.questions.get_ref().clone(),
    };
    match index.get(&profil.type_acteur).map(|&(s, q)| &etapes[s].questions[q]) {
        Some(q) if q.kind == Kind::ChoixUnique && q.facette.as_deref() == Some("type_acteur") && q.obligatoire && q.condition.is_none() => {}
        _ => errors.at(raw.type_acteur.span().start, None, "profil.type_acteur : une question à choix unique, obligatoire, sans condition, de facette « type_acteur »"),
    }
    match index
        .get(&profil.territoire)
        .map(|&(s, q)| &etapes[s].questions[q])
    {
        Some(q) if q.kind == Kind::Territoire => {}
        _ => errors.at(
            raw.territoire.span().start,
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
                raw.questions.span().start,
                Some(id),
                "profil.questions : une réponse en texte libre reste privée, elle ne figure pas au profil",
            );
        }
        if !index.contains_key(id) {
            errors.at(
                raw.questions.span().start,
                Some(id),
                "profil.questions : question inconnue",
            );
        }
    }
    profil
}

/// The questions the personal path reads (`[souhaits]`): each must exist, be unscored and
/// have the expected shape and values.
fn read_wishes(errors: &mut Errors<'_>, raw: RawWishes, etapes: &[Step], index: &Index) -> Wishes {
    use crate::taxonomy::{CATALYSE_METIERS, LIFECYCLE_PHASES};
    let mut check = |key: &str,
                     field: Option<Spanned<String>>,
                     kind: Kind,
                     allowed: Option<(Vec<&str>, bool)>|
     -> Option<String> {
        let field = field?;
        let at = field.span().start;
        let id = field.into_inner();
        let Some(q) = index.get(&id).map(|&(s, i)| &etapes[s].questions[i]) else {
            errors.at(at, Some(&id), format!("souhaits.{key} : question inconnue"));
            return Some(id);
        };
        if q.kind != kind || q.dimension.is_some() {
            errors.at(
                at,
                Some(&id),
                format!(
                    "souhaits.{key} : une question « {} » non notée",
                    kind.code()
                ),
            );
        }
        if let Some((codes, complete)) = allowed {
            for o in &q.options {
                if !codes.contains(&o.valeur.as_str()) {
                    errors.at(
                        at,
                        Some(&id),
                        format!(
                            "souhaits.{key} : option « {} » inattendue ; valeurs possibles : {}",
                            o.valeur,
                            codes.join(", ")
                        ),
                    );
                }
            }
            if complete {
                for c in &codes {
                    if q.option(c).is_none() {
                        errors.at(
                            at,
                            Some(&id),
                            format!("souhaits.{key} : il manque l'option « {c} »"),
                        );
                    }
                }
            }
        }
        Some(id)
    };
    let phases: Vec<&str> = LIFECYCLE_PHASES
        .codes
        .iter()
        .copied()
        .chain([NO_PROJECT])
        .collect();
    let metiers: Vec<&str> = CATALYSE_METIERS
        .codes
        .iter()
        .copied()
        .chain([NONE])
        .collect();
    Wishes {
        phase: check("phase", raw.phase, Kind::ChoixUnique, Some((phases, true))),
        appuis: check(
            "appuis",
            raw.appuis,
            Kind::ChoixMultiple,
            Some((metiers, false)),
        ),
        obstacles: check("obstacles", raw.obstacles, Kind::ChoixMultiple, None),
        horizon: check(
            "horizon",
            raw.horizon,
            Kind::ChoixUnique,
            Some((HORIZONS.to_vec(), true)),
        ),
    }
}

/// The recommendation rules by maturity level: facet values and their weight.
fn read_maturity_rules(
    errors: &mut Errors<'_>,
    raw: Vec<RawMaturityRule>,
    is_fragility: &dyn Fn(&str) -> bool,
) -> Vec<MaturityRule> {
    let mut maturite = Vec::new();
    for r in raw {
        let at = r.niveau.span().start;
        let niveau = match u8::try_from(*r.niveau.get_ref()) {
            Ok(n) if (1..=LEVELS).contains(&n) => n,
            _ => {
                errors.at(at, None, "recommandations.maturite : « niveau » de 1 à 4");
                1
            }
        };
        let correspond = pairs(r.correspond.get_ref(), is_fragility, &HashMap::new())
            .unwrap_or_else(|m| {
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

    maturite
}

fn etapes_ref(etapes: &[Step], i: usize) -> &[Question] {
    &etapes[i].questions
}
