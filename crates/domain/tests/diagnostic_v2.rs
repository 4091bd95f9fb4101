//! Version 2 of the questioning kit: the file is valid, scores depth rather than labels,
//! and « je ne sais pas » lowers the confidence shown, never a level (property tests).

use alliances_domain::diagnostic::{self, Answer, Answers, Scope};
use alliances_domain::questionnaire::{Kind, Question, Questionnaire};
use alliances_domain::taxonomy::{ACTOR_TYPES, RELATIONAL_MODES, TERRITORIAL_LEVELS};
use proptest::prelude::*;

mod common;
use common::{OnePlace, Pick, answer_all, answer_as, one_or_many, stream};

const SHIPPED: &str = include_str!("../../../content/questionnaires/diagnostic-2.toml");

fn v2() -> Questionnaire {
    common::parse("diagnostic-2.toml", SHIPPED)
}

/// The actor types that get questions of their own in version 2.
const WITH_OWN_QUESTIONS: [&str; 8] = [
    "collectivite",
    "etat",
    "entreprise",
    "association",
    "fondation",
    "academique",
    "financeur",
    "reseau",
];

/// The questions a respondent of `actor` sees (every optional one answered).
fn seen(def: &Questionnaire, actor: &str) -> usize {
    let answers = answer_as(def, &[1], Pick::Least, Some(actor));
    def.questions()
        .filter(|q| diagnostic::applies(q, &answers))
        .count()
}

#[test]
fn version_two_is_valid_and_asks_each_actor_type_its_own_questions() {
    let def = v2();
    assert_eq!(def.version, 2);
    for actor in WITH_OWN_QUESTIONS {
        let own: Vec<&Question> = def
            .questions()
            .filter(|q| {
                q.condition.as_ref().is_some_and(|c| {
                    c.question == def.profil.type_acteur && c.parmi.iter().any(|v| v == actor)
                })
            })
            .collect();
        assert!(
            own.len() >= 2,
            "{actor}: {} questions of its own",
            own.len()
        );
        // Its sub-type question sits in a step of sub-type questions only.
        let sub_type = own
            .iter()
            .find(|q| def.profil.questions.contains(&q.id) && q.dimension.is_none())
            .unwrap_or_else(|| panic!("{actor}: no sub-type question"));
        assert!(
            def.etapes[sub_type.step].questions.iter().all(|q| {
                q.condition
                    .as_ref()
                    .is_some_and(|c| c.question == def.profil.type_acteur)
            }),
            "{actor}: the sub-type step mixes other questions"
        );
        // Twelve to fifteen minutes: no respondent sees more than 40 questions.
        let n = seen(&def, actor);
        assert!((20..=40).contains(&n), "{actor}: {n} questions seen");
    }
    // The path reads the phase, the support wished, the obstacles and the horizon.
    for (key, id) in [
        ("phase", &def.souhaits.phase),
        ("appuis", &def.souhaits.appuis),
        ("obstacles", &def.souhaits.obstacles),
        ("horizon", &def.souhaits.horizon),
    ] {
        assert!(id.is_some(), "souhaits.{key} missing");
    }
}

#[test]
fn relational_modes_and_scales_are_never_scored() {
    // No scored option names a relational mode or a territorial level, by its value or by
    // the facet values it points to: a mode or a scale is a choice, not a maturity.
    let def = v2();
    for q in def.questions().filter(|q| q.dimension.is_some()) {
        for o in &q.options {
            assert!(
                !RELATIONAL_MODES.contains(&o.valeur) && !TERRITORIAL_LEVELS.contains(&o.valeur),
                "{} / {}",
                q.id,
                o.valeur
            );
            assert!(
                o.correspond
                    .iter()
                    .all(|(f, _)| f != "mode" && f != "niveau_territorial"),
                "{} / {} points to a mode or a scale",
                q.id,
                o.valeur
            );
        }
    }
}

#[test]
fn a_national_network_completes_the_questionnaire_without_a_commune() {
    let def = v2();
    let mut answers = Answers::new();
    for q in def.questions() {
        if !diagnostic::applies(q, &answers) {
            continue;
        }
        let answer = match q.id.as_str() {
            "type_acteur" => Answer::One("reseau".into()),
            "portee" => Answer::One("nationale".into()),
            _ => match q.kind {
                Kind::Territoire => panic!("« {} » asked of a national network", q.id),
                Kind::Texte => continue,
                _ => one_or_many(
                    q,
                    vec![
                        q.options
                            .iter()
                            .find(|o| !o.exclusif && !o.inconnu)
                            .unwrap()
                            .valeur
                            .clone(),
                    ],
                ),
            },
        };
        answers.insert(q.id.clone(), answer);
    }
    let checked = diagnostic::check(&def, &answers, &Answers::new(), &OnePlace, Scope::Complete)
        .expect("a national network's answers are complete");
    assert!(!checked.answers.contains_key(&def.profil.territoire));
    let m = diagnostic::score(&def, &checked.answers);
    assert_eq!(m.dimensions.len(), def.dimensions.len());
}

/// `answers` with `q` answered `value`.
fn with(answers: &Answers, q: &Question, value: &str) -> Answers {
    let mut a = answers.clone();
    a.insert(q.id.clone(), one_or_many(q, vec![value.to_owned()]));
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every complete answer set passes the check, whatever the actor type and the scale.
    #[test]
    fn every_complete_set_is_accepted(stream in stream()) {
        let def = v2();
        let answers = answer_all(&def, &stream, Pick::Random);
        let checked = diagnostic::check(&def, &answers, &Answers::new(), &OnePlace, Scope::Complete);
        prop_assert!(checked.is_ok(), "{:?}", checked.err());
    }

    /// Least mature everywhere → 1, most mature → 4, on every dimension and overall,
    /// whatever the unscored answers (actor type, scale, phase, wishes…).
    #[test]
    fn extremes_give_one_and_four_whatever_the_unscored_answers(stream in stream(), actor in 0usize..12) {
        let def = v2();
        for (pick, expected) in [(Pick::Least, 1u8), (Pick::Most, 4u8)] {
            let answers = answer_as(&def, &stream, pick, Some(ACTOR_TYPES.codes[actor]));
            let m = diagnostic::score(&def, &answers);
            prop_assert!(m.dimensions.iter().all(|(_, l)| *l == expected), "{:?}: {:?}", pick, m);
            prop_assert_eq!(m.globale, expected);
            prop_assert!(m.confiance.iter().all(|(_, c)| c.inconnues == 0));
        }
    }

    /// « Je ne sais pas » is not scored as a beginner: it never gives a lower level than
    /// the least mature answer would, and it lowers the confidence of its dimension.
    #[test]
    fn i_do_not_know_never_lowers_a_level(stream in stream(), which in any::<usize>()) {
        let def = v2();
        let answers = answer_all(&def, &stream, Pick::Random);
        let unsure: Vec<&Question> = def
            .questions()
            .filter(|q| q.options.iter().any(|o| o.inconnu) && diagnostic::applies(q, &answers))
            .collect();
        prop_assume!(!unsure.is_empty());
        let q = unsure[which % unsure.len()];
        let dont_know = q.options.iter().find(|o| o.inconnu).unwrap();
        let least = q.options.iter().filter(|o| o.niveau.is_some()).min_by_key(|o| o.niveau).unwrap();
        let a = diagnostic::score(&def, &with(&answers, q, &dont_know.valeur));
        let b = diagnostic::score(&def, &with(&answers, q, &least.valeur));
        for ((d, x), (_, y)) in a.dimensions.iter().zip(&b.dimensions) {
            prop_assert!(x >= y, "{}: « je ne sais pas » gives {} < {}", d, x, y);
        }
        prop_assert!(a.globale >= b.globale);
        let dimension = q.dimension.as_deref().unwrap();
        let conf = |m: &diagnostic::Maturity| m.confiance.iter().find(|(d, _)| d == dimension).unwrap().1;
        prop_assert_eq!(conf(&a).inconnues, conf(&b).inconnues + 1);
        prop_assert_ne!(conf(&a).code(), "elevee");
    }

    /// Choosing « co-construction territoriale » (alone, wherever it is offered) changes no
    /// level compared with any other single option of the same question.
    #[test]
    fn co_construction_alone_raises_no_level(stream in stream(), other in any::<usize>()) {
        let def = v2();
        let answers = answer_all(&def, &stream, Pick::Random);
        let before = diagnostic::score(&def, &answers);
        for q in def.questions().filter(|q| q.option("co-construction-territoriale").is_some()) {
            let alternatives: Vec<&str> = q.options.iter().map(|o| o.valeur.as_str()).filter(|v| *v != "co-construction-territoriale").collect();
            let base = with(&answers, q, alternatives[other % alternatives.len()]);
            let co = with(&answers, q, "co-construction-territoriale");
            let (x, y) = (diagnostic::score(&def, &base), diagnostic::score(&def, &co));
            prop_assert_eq!(&x.dimensions, &y.dimensions, "{}", q.id);
            prop_assert_eq!(x.globale, y.globale);
        }
        prop_assert!((1..=4).contains(&before.globale));
    }
}
