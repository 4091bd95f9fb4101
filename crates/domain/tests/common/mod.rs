//! What the questionnaire tests share: the fragility codes, a fixed place, and a generator
//! of complete answer sets driven by a random stream.

#![allow(dead_code)]

use alliances_domain::diagnostic::{self, Answer, Answers, Place, Places};
use alliances_domain::questionnaire::{self, Kind, Question, Questionnaire};
use alliances_domain::territory::Level;
use proptest::prelude::*;

/// Parses a shipped definition, or panics with every problem.
pub fn parse(file: &str, text: &str) -> Questionnaire {
    questionnaire::parse(file, text, &is_fragility).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// The sixteen fragility codes the kit offers, plus a few: the real table is data.
pub fn is_fragility(code: &str) -> bool {
    [
        "emploi",
        "insertion",
        "pauvrete",
        "isolement",
        "vieillissement",
        "jeunesse",
        "education",
        "sante",
        "logement",
        "mobilite",
        "alimentation",
        "numerique",
        "climat",
        "biodiversite",
        "energie",
        "lien-social",
    ]
    .contains(&code)
}

/// Every commune answer resolves to one fixed place; anything else is unknown.
pub struct OnePlace;

impl Places for OnePlace {
    fn resolve(&self, value: &str) -> Option<Place> {
        (value == "32013").then(|| Place {
            niveau: Level::Commune,
            code: "32013".into(),
            nom: "Auch".into(),
            facettes: vec![
                ("departement".into(), "32".into()),
                ("region".into(), "76".into()),
            ],
        })
    }
}

/// How to answer a scored question.
#[derive(Clone, Copy, Debug)]
pub enum Pick {
    Least,
    Most,
    /// Driven by the random stream.
    Random,
}

/// A complete answer set: every question that applies (in order, so that conditions see
/// earlier answers) gets an answer; optional ones sometimes none. `stream` drives every
/// choice.
pub fn answer_all(def: &Questionnaire, stream: &[u32], pick: Pick) -> Answers {
    answer_as(def, stream, pick, None)
}

/// [`answer_all`], the actor type forced to `actor` when given.
pub fn answer_as(def: &Questionnaire, stream: &[u32], pick: Pick, actor: Option<&str>) -> Answers {
    let mut answers = Answers::new();
    let mut next = {
        let mut i = 0usize;
        move || {
            let v = stream[i % stream.len()];
            i += 1;
            v as usize
        }
    };
    for q in def.questions() {
        if !diagnostic::applies(q, &answers) {
            continue;
        }
        if !q.obligatoire && next() % 4 == 0 {
            continue;
        }
        let answer = match q.kind {
            _ if q.id == def.profil.type_acteur && actor.is_some() => {
                Answer::One(actor.unwrap_or_default().to_owned())
            }
            Kind::Territoire => Answer::One("32013".into()),
            Kind::Texte => Answer::One("Un texte libre.".into()),
            _ if q.dimension.is_some() && !matches!(pick, Pick::Random) => {
                let levels = q.options.iter().filter_map(|o| o.niveau);
                let target = match pick {
                    Pick::Least => levels.min(),
                    _ => levels.max(),
                }
                .unwrap_or(1);
                let o = q.options.iter().find(|o| o.niveau == Some(target)).unwrap();
                one_or_many(q, vec![o.valeur.clone()])
            }
            Kind::ChoixMultiple => {
                // A random non-empty subset, respecting exclusive options and the maximum.
                let first = &q.options[next() % q.options.len()];
                let mut chosen = vec![first.valeur.clone()];
                if !first.exclusif {
                    for o in &q.options {
                        let room = q.max_choix.is_none_or(|m| chosen.len() < m);
                        if room && !o.exclusif && !chosen.contains(&o.valeur) && next() % 3 == 0 {
                            chosen.push(o.valeur.clone());
                        }
                    }
                }
                Answer::Many(chosen)
            }
            _ => Answer::One(q.options[next() % q.options.len()].valeur.clone()),
        };
        answers.insert(q.id.clone(), answer);
    }
    answers
}

pub fn one_or_many(q: &Question, values: Vec<String>) -> Answer {
    if q.kind == Kind::ChoixMultiple {
        Answer::Many(values)
    } else {
        Answer::One(values.into_iter().next().unwrap())
    }
}

pub fn stream() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(any::<u32>(), 64..256)
}
