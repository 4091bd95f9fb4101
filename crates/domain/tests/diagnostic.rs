//! The questioning kit's engine on the definition the platform ships: the file is valid,
//! and the invariants of scoring hold for any answers (property tests).

use std::collections::BTreeSet;

use alliances_domain::diagnostic::{self, Answer, Answers, Places, Scope};
use alliances_domain::questionnaire::{self, Kind, Question, Questionnaire};
use proptest::prelude::*;

mod common;
use common::{OnePlace, Pick, answer_all, answer_as, is_fragility, one_or_many, stream};

const SHIPPED: &str = include_str!("../../../content/questionnaires/diagnostic-1.toml");

fn shipped() -> Questionnaire {
    common::parse("diagnostic-1.toml", SHIPPED)
}

#[test]
fn the_shipped_kit_is_valid_and_within_its_bounds() {
    let def = shipped();
    let n = def.questions().count();
    assert!((25..=40).contains(&n), "{n} questions");
    let scored = def.questions().filter(|q| q.dimension.is_some()).count();
    assert!(scored >= 8, "{scored} scored questions");
    assert_eq!(def.etapes.len(), 5);
    // Questions adapt to the actor type: a commune, a company and an association each get
    // questions of their own.
    for actor in ["collectivite", "entreprise", "association"] {
        let own = def
            .questions()
            .filter(|q| {
                q.condition
                    .as_ref()
                    .is_some_and(|c| c.parmi.iter().any(|v| v == actor))
            })
            .count();
        assert!(own >= 2, "{actor}: {own} questions of its own");
    }
}

#[test]
fn a_complete_set_passes_the_check_and_a_missing_answer_does_not() {
    let def = shipped();
    let answers = answer_all(&def, &[7, 3, 11, 5], Pick::Random);
    let checked = diagnostic::check(&def, &answers, &Answers::new(), &OnePlace, Scope::Complete)
        .expect("complete answers pass");
    assert_eq!(checked.answers.len(), answers.len());
    let mut missing = answers.clone();
    missing.remove(&def.profil.type_acteur);
    let errors =
        diagnostic::check(&def, &missing, &Answers::new(), &OnePlace, Scope::Complete).unwrap_err();
    assert!(errors.iter().any(|e| e.champ == def.profil.type_acteur));
}

#[test]
fn impossible_values_unknown_questions_and_wrong_shapes_are_named() {
    let def = shipped();
    let mut answers = answer_all(&def, &[1, 2, 3], Pick::Random);
    answers.insert("type_acteur".into(), Answer::One("martien".into()));
    answers.insert("question_inventee".into(), Answer::One("x".into()));
    answers.insert("domaines".into(), Answer::One("social".into()));
    answers.insert("territoire".into(), Answer::One("99999".into()));
    let errors =
        diagnostic::check(&def, &answers, &Answers::new(), &OnePlace, Scope::Complete).unwrap_err();
    let named: BTreeSet<&str> = errors.iter().map(|e| e.champ.as_str()).collect();
    for id in ["type_acteur", "question_inventee", "domaines", "territoire"] {
        assert!(named.contains(id), "{id} not named in {errors:?}");
    }
    let actor = errors.iter().find(|e| e.champ == "type_acteur").unwrap();
    assert!(
        actor.message.contains("« martien » n'est pas une option"),
        "{}",
        actor.message
    );
}

#[test]
fn answers_to_questions_whose_condition_fails_are_checked_then_ignored() {
    let def = shipped();
    let mut answers = answer_all_with_actor(&def, "association", Pick::Least);
    let company_only = def
        .questions()
        .find(|q| {
            q.condition
                .as_ref()
                .is_some_and(|c| c.parmi == ["entreprise"] && q.kind.has_options())
        })
        .expect("a question for companies");
    answers.insert(
        company_only.id.clone(),
        one_or_many(company_only, vec![company_only.options[0].valeur.clone()]),
    );
    let checked = diagnostic::check(&def, &answers, &Answers::new(), &OnePlace, Scope::Complete)
        .expect("valid");
    assert_eq!(checked.ignored, vec![company_only.id.clone()]);
    assert!(!checked.answers.contains_key(&company_only.id));
    // An impossible value is refused even where the condition fails.
    answers.insert(
        company_only.id.clone(),
        one_or_many(company_only, vec!["nimporte".into()]),
    );
    assert!(
        diagnostic::check(&def, &answers, &Answers::new(), &OnePlace, Scope::Complete).is_err()
    );
}

#[test]
fn least_and_most_mature_answers_give_one_and_four_everywhere() {
    let def = shipped();
    for actor in [
        "collectivite",
        "entreprise",
        "association",
        "fondation",
        "accompagnateur",
    ] {
        for (pick, expected) in [(Pick::Least, 1), (Pick::Most, 4)] {
            let answers = answer_all_with_actor(&def, actor, pick);
            let m = diagnostic::score(&def, &answers);
            assert!(
                m.dimensions.iter().all(|(_, l)| *l == expected) && m.globale == expected,
                "{actor} {pick:?}: {m:?}"
            );
        }
    }
}

fn answer_all_with_actor(def: &Questionnaire, actor: &str, pick: Pick) -> Answers {
    // 1 is never a multiple of 4: every optional question is answered too.
    answer_as(def, &[1], pick, Some(actor))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every complete answer set yields a level 1–4 for every dimension and overall.
    #[test]
    fn every_complete_set_has_a_level_for_every_dimension(stream in stream()) {
        let def = shipped();
        let answers = answer_all(&def, &stream, Pick::Random);
        let checked = diagnostic::check(&def, &answers, &Answers::new(), &OnePlace, Scope::Complete);
        prop_assert!(checked.is_ok(), "{:?}", checked.err());
        let m = diagnostic::score(&def, &checked.unwrap().answers);
        prop_assert_eq!(m.dimensions.len(), def.dimensions.len());
        for (d, l) in &m.dimensions {
            prop_assert!((1..=4).contains(l), "{} = {}", d, l);
        }
        prop_assert!((1..=4).contains(&m.globale));
    }

    /// Choosing a more mature option (or adding one to a multiple choice) never lowers a
    /// level, on any dimension or overall.
    #[test]
    fn a_more_mature_answer_never_lowers_a_level(stream in stream(), which in any::<usize>(), extra in any::<usize>()) {
        let def = shipped();
        let answers = answer_all(&def, &stream, Pick::Random);
        let scored: Vec<&Question> = def
            .questions()
            .filter(|q| q.dimension.is_some() && answers.contains_key(&q.id) && diagnostic::applies(q, &answers))
            .collect();
        let q = scored[which % scored.len()];
        let current: u8 = answers[&q.id]
            .values()
            .iter()
            .filter_map(|v| q.option(v).and_then(|o| o.niveau))
            .max()
            .unwrap_or(1);
        let better: Vec<_> = q.options.iter().filter(|o| o.niveau.is_some_and(|n| n >= current)).collect();
        let o = better[extra % better.len()];
        let mut changed = answers.clone();
        changed.insert(q.id.clone(), one_or_many(q, vec![o.valeur.clone()]));
        let before = diagnostic::score(&def, &answers);
        let after = diagnostic::score(&def, &changed);
        for ((d, b), (_, a)) in before.dimensions.iter().zip(&after.dimensions) {
            prop_assert!(a >= b, "{}: {} → {} after {} = {}", d, b, a, q.id, o.valeur);
        }
        prop_assert!(after.globale >= before.globale);
        // Adding a non-exclusive option to a multiple choice never lowers either.
        if q.kind == Kind::ChoixMultiple {
            let values = answers[&q.id].values().to_vec();
            let exclusive = values.iter().any(|v| q.option(v).is_some_and(|o| o.exclusif));
            let add = q.options.iter().find(|o| !o.exclusif && !values.contains(&o.valeur));
            if let (Some(add), false) = (add, exclusive) {
                let mut more = answers.clone();
                let mut list = values.clone();
                list.push(add.valeur.clone());
                more.insert(q.id.clone(), Answer::Many(list));
                let wider = diagnostic::score(&def, &more);
                for ((_, b), (_, a)) in before.dimensions.iter().zip(&wider.dimensions) {
                    prop_assert!(a >= b);
                }
            }
        }
    }

    /// The least mature option everywhere gives 1 on every dimension and overall, the most
    /// mature everywhere gives 4, whatever the unscored answers.
    #[test]
    fn extremes_give_one_and_four(stream in stream()) {
        let def = shipped();
        for (pick, expected) in [(Pick::Least, 1u8), (Pick::Most, 4u8)] {
            let answers = answer_all(&def, &stream, pick);
            let m = diagnostic::score(&def, &answers);
            prop_assert!(m.dimensions.iter().all(|(_, l)| *l == expected), "{:?}: {:?}", pick, m);
            prop_assert_eq!(m.globale, expected);
        }
    }
}

#[test]
fn criteria_follow_the_profile_and_the_level() {
    let def = shipped();
    let answers = answer_all_with_actor(&def, "collectivite", Pick::Least);
    let m = diagnostic::score(&def, &answers);
    let place = OnePlace.resolve("32013");
    let wanted = diagnostic::criteria(&def, &answers, &m, place.as_ref());
    let has = |f: &str, c: &str| wanted.iter().any(|(wf, wc, _)| wf == f && wc == c);
    assert!(has("type_acteur", "collectivite"));
    assert!(has("departement", "32") && has("region", "76"));
    // The département weighs more than the région around it.
    let w = |f: &str| wanted.iter().find(|(wf, _, _)| wf == f).unwrap().2;
    assert!(w("departement") > w("region"));
    // The level-1 rule adds its modes.
    let rule = def.maturite.iter().find(|r| r.niveau == 1).unwrap();
    for (f, c) in &rule.correspond {
        assert!(has(f, c), "{f}:{c}");
    }
}

#[test]
fn definition_errors_name_the_file_the_line_and_the_question() {
    // A condition on a scored question, an unknown facet code, a level out of range.
    let broken = SHIPPED
        .replacen("facette = \"type_acteur\"", "facette = \"type_acteurs\"", 1)
        .replacen("\n    niveau = 4", "\n    niveau = 5", 1);
    let errors =
        questionnaire::parse("mon-questionnaire.toml", &broken, &is_fragility).unwrap_err();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|e| e.starts_with("mon-questionnaire.toml, ligne ")
                && e.contains("question « type_acteur »")
                && e.contains("facette « type_acteurs » inconnue")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|e| e.contains("niveau 5 hors de 1 à 4")),
        "{text:#?}"
    );
    // The line given is the line of the question's id.
    let line_of_id = broken
        .lines()
        .position(|l| l.trim() == "id = \"type_acteur\"")
        .unwrap()
        + 1;
    assert!(
        text.iter()
            .any(|e| e.contains(&format!("ligne {line_of_id}, question « type_acteur »"))),
        "{text:#?}"
    );
    // Syntax errors carry a line too.
    let errors =
        questionnaire::parse("x.toml", "version = 1\ntitre = {", &is_fragility).unwrap_err();
    assert_eq!(errors[0].line, Some(2), "{errors:?}");
}

/// The shipped questionnaire with question `id` asked only when `question` is `value`.
fn with_condition(id: &str, question: &str, value: &str) -> String {
    let line = format!("id = \"{id}\"");
    SHIPPED.replacen(
        &line,
        &format!("{line}\n  condition = {{ question = \"{question}\", parmi = [\"{value}\"] }}"),
        1,
    )
}

#[test]
fn a_condition_may_not_depend_on_a_scored_question_or_a_later_step() {
    let def = shipped();
    let scored = def
        .questions()
        .find(|q| q.dimension.is_some() && q.step > 0)
        .unwrap();
    let later = def
        .questions()
        .find(|q| q.step == def.etapes.len() - 1)
        .unwrap();
    // Make the first question of the last step depend on a scored question, and a
    // first-step question depend on a last-step one.
    let with_bad = with_condition(&later.id, &scored.id, &scored.options[0].valeur);
    let errors = questionnaire::parse("q.toml", &with_bad, &is_fragility).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("une question notée")),
        "{errors:?}"
    );
    let with_forward = SHIPPED.replacen(
        "id = \"territoire\"",
        &format!(
            "id = \"territoire\"\n  condition = {{ question = \"{}\", parmi = [\"x\"] }}",
            later.id
        ),
        1,
    );
    let errors = questionnaire::parse("q.toml", &with_forward, &is_fragility).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("d'une étape précédente")),
        "{errors:?}"
    );
}

#[test]
fn a_condition_reads_a_profile_question_only() {
    // The OpenAPI body schema of the diagnostics enumerates profiles: a condition on a
    // multiple-choice, optional or conditional question is refused.
    let def = shipped();
    let later = def
        .questions()
        .find(|q| q.step == def.etapes.len() - 1)
        .unwrap();
    let multiple = def
        .questions()
        .find(|q| q.kind == Kind::ChoixMultiple && q.dimension.is_none() && q.step < later.step)
        .unwrap();
    let with_multiple = with_condition(&later.id, &multiple.id, &multiple.options[0].valeur);
    let errors = questionnaire::parse("q.toml", &with_multiple, &is_fragility).unwrap_err();
    assert!(
        errors.iter().any(|e| e.message.contains(&format!(
            "la condition porte sur « {} » : elle doit lire une question de profil",
            multiple.id
        ))),
        "{errors:?}"
    );
}
