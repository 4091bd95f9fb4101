//! Shared by the Méthodes tests: complete answer sets built from the shipped definition,
//! and the form walked step by step.

use alliances_domain::diagnostic::{self, Answer, Answers};
use alliances_domain::questionnaire::{Kind, Questionnaire};
use alliances_testkit::{TestApp, TestResponse};
use alliances_web::features::methodes::Questionnaires;
use axum::body::Body;
use axum::http::Request;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Maturity {
    Least,
    Most,
}

pub fn definition() -> std::sync::Arc<Questionnaire> {
    Questionnaires::embedded().current().clone()
}

/// Answers to every question that applies: `actor` as the actor type, `territory` as the
/// territory, scored questions at their least or most mature option, unscored ones at
/// their first option (or the value of `overrides`).
pub fn answers(
    actor: &str,
    maturity: Maturity,
    territory: &str,
    overrides: &[(&str, Answer)],
) -> Answers {
    let def = definition();
    let mut out = Answers::new();
    for q in def.questions() {
        if !diagnostic::applies(q, &out) {
            continue;
        }
        if let Some((_, a)) = overrides.iter().find(|(id, _)| *id == q.id) {
            out.insert(q.id.clone(), a.clone());
            continue;
        }
        let value = if q.id == def.profil.type_acteur {
            actor.to_owned()
        } else {
            match q.kind {
                Kind::Territoire => territory.to_owned(),
                Kind::Texte => continue,
                _ if q.dimension.is_some() => {
                    let levels = q.options.iter().filter_map(|o| o.niveau);
                    let target = if maturity == Maturity::Least {
                        levels.min()
                    } else {
                        levels.max()
                    };
                    q.options
                        .iter()
                        .find(|o| o.niveau == target)
                        .unwrap()
                        .valeur
                        .clone()
                }
                _ => q
                    .options
                    .iter()
                    .find(|o| !o.exclusif)
                    .unwrap()
                    .valeur
                    .clone(),
            }
        };
        let a = if q.kind == Kind::ChoixMultiple {
            Answer::Many(vec![value])
        } else {
            Answer::One(value)
        };
        out.insert(q.id.clone(), a);
    }
    out
}

pub fn to_json(a: &Answers) -> serde_json::Value {
    serde_json::json!({ "reponses": a })
}

pub async fn post_form(app: &TestApp, path: &str, body: &str) -> TestResponse {
    app.request(
        Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body.to_owned()))
            .unwrap(),
    )
    .await
}

pub async fn post_json(app: &TestApp, path: &str, body: &serde_json::Value) -> TestResponse {
    app.request(
        Request::post(path)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}

/// The form body of one step for these answers.
pub fn step_body(index: usize, a: &Answers) -> String {
    let def = definition();
    let mut s = form_urlencoded::Serializer::new(String::new());
    for q in &def.etapes[index].questions {
        if let Some(answer) = a.get(&q.id) {
            for v in answer.values() {
                s.append_pair(&q.id, v);
            }
        }
    }
    s.append_pair("action", "suivant");
    s.finish()
}

/// Starts a draft and returns its personal path (`/methodes/diagnostics/<secret>`).
pub async fn start(app: &TestApp) -> String {
    let r = post_form(app, "/methodes/diagnostics", "").await;
    assert_eq!(r.status, 303);
    let location = r.header("location").unwrap();
    location.strip_suffix("/etapes/1").unwrap().to_owned()
}

/// Walks every step of the draft at `base` with `a`; returns the last response (303 to
/// the report when all went well).
pub async fn walk(app: &TestApp, base: &str, a: &Answers) -> TestResponse {
    let def = definition();
    let mut last = None;
    for i in 0..def.etapes.len() {
        let r = post_form(app, &format!("{base}/etapes/{}", i + 1), &step_body(i, a)).await;
        assert_eq!(
            r.status,
            303,
            "step {}: {}",
            i + 1,
            crate::visible_text(&r.text())
        );
        last = Some(r);
    }
    last.unwrap()
}
