use super::*;

fn module(slug: &str, extra_minutes: u32) -> String {
    let answers = r#"
[[quiz.reponses]]
texte = { fr = "Oui", en = "Yes" }
correcte = true
explication = { fr = "Juste.", en = "Right." }
[[quiz.reponses]]
texte = { fr = "Non", en = "No" }
explication = { fr = "Faux.", en = "Wrong." }
[[quiz.reponses]]
texte = { fr = "Peut-être", en = "Maybe" }
explication = { fr = "Faux.", en = "Wrong." }
"#;
    let mut quiz = String::new();
    for i in 1..=5 {
        quiz.push_str(&format!(
            "\n[[quiz]]\nid = \"q{i}\"\nquestion = {{ fr = \"Question {i} ?\", en = \"Question {i}?\" }}\n{answers}"
        ));
    }
    let lesson = "mot ".repeat(450);
    format!(
        r#"slug = "{slug}"
dimensions = ["vision"]
titre = {{ fr = "Titre", en = "Title" }}
resume = {{ fr = "Résumé", en = "Summary" }}
objectifs = [{{ fr = "Situer", en = "Place" }}, {{ fr = "Distinguer", en = "Tell apart" }}]

[[lecons]]
id = "l1"
titre = {{ fr = "Leçon", en = "Lesson" }}
texte = {{ fr = "{lesson}", en = "word" }}

[[lecons]]
id = "l2"
titre = {{ fr = "Leçon 2", en = "Lesson 2" }}
texte = {{ fr = "court", en = "short" }}

[[liens]]
type = "alliance"
id = "a1"
pourquoi = {{ fr = "Parce que.", en = "Because." }}
[[liens]]
type = "outil"
id = "o1"
pourquoi = {{ fr = "Parce que.", en = "Because." }}
[[liens]]
type = "territoire"
id = "regions/84"
pourquoi = {{ fr = "Parce que.", en = "Because." }}

[[activites]]
id = "explorer"
minutes = {extra_minutes}
titre = {{ fr = "Explorer", en = "Explore" }}
consigne = {{ fr = "Cherchez.", en = "Search." }}
lien = "/exemples/a1"
{quiz}"#
    )
}

fn exists(kind: LinkKind, id: &str) -> bool {
    matches!(
        (kind, id),
        (LinkKind::Alliance, "a1") | (LinkKind::Outil, "o1") | (LinkKind::Territoire, "regions/84")
    )
}

const VARIANTS: &str = r#"
[[variantes]]
slug = "court"
duree_visee = 30
titre = { fr = "Court", en = "Short" }
resume = { fr = "Un module.", en = "One module." }
modules = ["m1"]
"#;

#[test]
fn a_valid_path_computes_its_durations() {
    let files = vec![("m1.toml".to_owned(), module("m1", 20))];
    let p = parse(&files, ("parcours.toml", VARIANTS), &exists).unwrap();
    let m = p.module("m1").unwrap();
    // 450 words → 3 minutes, 1 word → 1 minute; 5 questions; 20 minutes of exercise.
    assert_eq!(m.reading_minutes(), 4);
    assert_eq!(m.quiz_minutes(), 5);
    assert_eq!(m.minutes(), 29);
    assert_eq!(p.minutes(p.variant("court").unwrap()), 29);
    assert_eq!(p.linking_to(LinkKind::Outil, "o1").count(), 1);
}

#[test]
fn a_variant_out_of_its_aim_is_named_with_its_line() {
    let files = vec![("m1.toml".to_owned(), module("m1", 60))];
    let errors = parse(&files, ("parcours.toml", VARIANTS), &exists).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let text = errors[0].to_string();
    assert!(
        text.starts_with("parcours.toml, ligne 3, « court » : durée de 69 minutes"),
        "{text}"
    );
}

#[test]
fn broken_links_and_answers_are_content_errors() {
    let source = module("m1", 20)
        .replace("id = \"o1\"", "id = \"absent\"")
        .replace("lien = \"/exemples/a1\"", "lien = \"/exemples/inconnue\"")
        .replacen(
            "explication = { fr = \"Faux.\", en = \"Wrong.\" }",
            "correcte = true\nexplication = { fr = \"Faux.\", en = \"Wrong.\" }",
            1,
        );
    let files = vec![("m1.toml".to_owned(), source)];
    let errors: Vec<String> = parse(&files, ("parcours.toml", VARIANTS), &exists)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("« absent » : outil « absent » introuvable")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("« explorer » : lien « /exemples/inconnue »")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("« q1 » : exactement une réponse")),
        "{errors:?}"
    );
}

#[test]
fn a_missing_translation_and_a_toml_error_are_located() {
    let source = module("m1", 20).replace("en = \"Because.\"", "en = \"\"");
    let files = vec![("m1.toml".to_owned(), source)];
    let errors = parse(&files, ("parcours.toml", VARIANTS), &exists).unwrap_err();
    assert!(errors.iter().any(|e| e.message.contains("texte anglais")));

    let files = vec![(
        "m1.toml".to_owned(),
        "slug = \"m1\"\ntitre = 3\n".to_owned(),
    )];
    let errors = parse(&files, ("parcours.toml", VARIANTS), &exists).unwrap_err();
    assert_eq!(errors[0].file, "m1.toml");
    assert!(errors[0].line.is_some());
}

#[test]
fn grading_follows_the_threshold() {
    let files = vec![("m1.toml".to_owned(), module("m1", 20))];
    let p = parse(&files, ("parcours.toml", VARIANTS), &exists).unwrap();
    let m = p.module("m1").unwrap();
    let mut answers: HashMap<String, usize> = (1..=5).map(|i| (format!("q{i}"), 0)).collect();
    assert!(m.grade(&answers, 100).passed);
    answers.insert("q3".into(), 2);
    let g = m.grade(&answers, 100);
    assert!(!g.passed);
    assert_eq!((g.right, g.total), (4, 5));
    assert!(!g.lines[2].right && g.lines[2].chosen == Some(2));
    assert!(m.grade(&answers, 80).passed);
    answers.remove("q1");
    answers.insert("q2".into(), 9);
    let g = m.grade(&answers, 0);
    assert_eq!(g.lines[0].chosen, None);
    assert_eq!(
        g.lines[1].chosen, None,
        "an index out of range is no answer"
    );
}
