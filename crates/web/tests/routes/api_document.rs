//! `/api/openapi.json`: the document allows what the server accepts (bounds, enumerations,
//! the diagnostics body of each profile), types every response, and links operations; and
//! the edges schemathesis found answer as the document says.

use alliances_domain::diagnostic::{self, Answer, Answers};
use alliances_domain::territory::Level;
use alliances_testkit::{Backend, TestApp};
use axum::body::Body;
use axum::http::Request;
use serde_json::Value;

use crate::methodes_kit::{Maturity, answers, definition, post_json, to_json};

alliances_testkit::both_backends!(
    every_response_is_typed_and_every_bound_is_stated,
    the_diagnostics_body_has_one_variant_per_profile,
    enumerated_values_are_accepted,
    the_links_lead_from_a_created_diagnostic_to_its_reading_and_deletion,
    the_edges_answer_as_documented,
);

async fn document(app: &TestApp) -> Value {
    let r = app.get("/api/openapi.json").await;
    assert_eq!(r.status, 200);
    r.json()
}

/// Paths (JSON pointers) of objects typed only as `object`, with no properties.
fn bare_objects(v: &Value, at: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if o.get("type").and_then(Value::as_str) == Some("object")
                && !o.contains_key("properties")
                && !o.contains_key("additionalProperties")
            {
                out.push(at.to_owned());
            }
            for (k, x) in o {
                bare_objects(x, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                bare_objects(x, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

async fn every_response_is_typed_and_every_bound_is_stated(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let doc = document(&app).await;
    let mut bare = Vec::new();
    bare_objects(&doc, "", &mut bare);
    assert!(bare.is_empty(), "{bare:#?}");
    let mut lists = 0;
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            // Swagger UI shows each operation's summary and description: written in French
            // (the handlers' English doc comments are code comments, not these).
            let summary = op["summary"].as_str().unwrap_or_default();
            assert!(!summary.is_empty(), "{method} {path}: no summary");
            for text in [summary, op["description"].as_str().unwrap_or_default()] {
                let english = text
                    .to_lowercase()
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| ["the", "of", "with", "and", "its", "one", "by"].contains(&w));
                assert!(!english, "{method} {path}: « {text} »");
            }
            for (status, response) in op["responses"].as_object().unwrap() {
                if status.starts_with('2') && status != "204" {
                    assert!(
                        response["content"]["application/json"]["schema"].is_object(),
                        "{method} {path} {status}"
                    );
                }
            }
            for p in op["parameters"].as_array().into_iter().flatten() {
                let (min, max) = (&p["schema"]["minimum"], &p["schema"]["maximum"]);
                match p["name"].as_str().unwrap() {
                    "page" => {
                        lists += 1;
                        assert_eq!((min, max), (&1.into(), &1_000_000.into()), "{path}");
                    }
                    "par_page" => assert_eq!((min, max), (&1.into(), &1000.into()), "{path}"),
                    "lang" => assert_eq!(p["schema"]["$ref"], "#/components/schemas/Langue"),
                    "q" => assert_eq!(p["schema"]["maxLength"], 200, "{path}"),
                    _ => {}
                }
            }
        }
    }
    assert!(lists >= 12, "{lists}");
    assert_eq!(
        doc["components"]["schemas"]["Langue"]["enum"],
        serde_json::json!(["fr", "en"])
    );
    app.remove().await;
}

async fn the_diagnostics_body_has_one_variant_per_profile(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let doc = document(&app).await;
    let def = definition();
    let body = &doc["components"]["schemas"]["CorpsDiagnostic"]["properties"]["reponses"];
    assert_eq!(body["additionalProperties"], false);
    let properties = body["properties"].as_object().unwrap();
    assert_eq!(properties.len(), def.questions().count());
    let variants = body["oneOf"].as_array().unwrap();
    let actor = def.question(&def.profil.type_acteur).unwrap();
    for option in &actor.options {
        let profile: Answers = [(actor.id.clone(), Answer::One(option.valeur.clone()))].into();
        // The variants of this actor type: one per group of `portee` values.
        let theirs: Vec<&Value> = variants
            .iter()
            .filter(|v| {
                v["properties"][&actor.id]["enum"]
                    .as_array()
                    .is_some_and(|e| e.contains(&option.valeur.as_str().into()))
            })
            .collect();
        assert!(!theirs.is_empty(), "{}", option.valeur);
        for v in theirs {
            let required: Vec<&str> = v["required"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            for q in def
                .questions()
                .filter(|q| q.condition.as_ref().is_some_and(|c| c.question == actor.id))
            {
                assert_eq!(
                    required.contains(&q.id.as_str()),
                    q.obligatoire && diagnostic::applies(q, &profile),
                    "{} for {}",
                    q.id,
                    option.valeur
                );
            }
        }
        // The answers the kit gives this profile are accepted.
        let a = answers(&option.valeur, Maturity::Least, "69123", &[]);
        let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
        assert_eq!(r.status, 201, "{}: {}", option.valeur, r.text());
    }
    // The territories listed are those of the three small levels, each one accepted.
    let codes = doc["components"]["schemas"]["CodeTerritoire"]["enum"]
        .as_array()
        .unwrap()
        .clone();
    let ready = app.state.ready().unwrap();
    let small = ready.count(Level::Region)
        + ready.count(Level::Departement)
        + ready.count(Level::CollectiviteOutreMer);
    assert_eq!(codes.len() as u64, small);
    for code in ["regions/84", "69", "2A", "975"] {
        assert!(codes.contains(&code.into()), "{code}");
    }
    app.remove().await;
}

async fn enumerated_values_are_accepted(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let doc = document(&app).await;
    let mut checked = 0;
    for path in [
        "/api/v1/alliances",
        "/api/v1/catalyseurs",
        "/api/v1/chiffres-cles",
        "/api/v1/outils",
    ] {
        for p in doc["paths"][path]["get"]["parameters"].as_array().unwrap() {
            let Some(values) = p["schema"]["items"]["enum"].as_array() else {
                continue;
            };
            assert_eq!(values[0], "", "{path} {}", p["name"]);
            for v in values {
                let query = form_urlencoded::Serializer::new(String::new())
                    .append_pair(p["name"].as_str().unwrap(), v.as_str().unwrap())
                    .finish();
                let r = app.get(&format!("{path}?{query}")).await;
                assert_eq!(r.status, 200, "{path}?{query}: {}", r.text());
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
    app.remove().await;
}

async fn the_links_lead_from_a_created_diagnostic_to_its_reading_and_deletion(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let doc = document(&app).await;
    let links = &doc["paths"]["/api/v1/diagnostics"]["post"]["responses"]["201"]["links"];
    let read = &links["LireLeDiagnostic"];
    let delete = &links["SupprimerLeDiagnostic"];
    assert_eq!(
        read["operationRef"],
        "#/paths/~1api~1v1~1diagnostics~1{id}/get"
    );
    assert_eq!(
        delete["operationRef"],
        "#/paths/~1api~1v1~1diagnostics~1{id}/delete"
    );
    assert_eq!(read["parameters"]["id"], "$response.body#/id");
    // Every link points at an operation of the document.
    let mut count = 0;
    for ops in doc["paths"].as_object().unwrap().values() {
        for op in ops.as_object().unwrap().values() {
            for response in op["responses"].as_object().unwrap().values() {
                for link in response["links"]
                    .as_object()
                    .into_iter()
                    .flat_map(|l| l.values())
                {
                    let pointer = link["operationRef"]
                        .as_str()
                        .unwrap()
                        .trim_start_matches('#');
                    assert!(doc.pointer(pointer).is_some(), "{pointer}");
                    count += 1;
                }
            }
        }
    }
    assert!(count >= 17, "{count}");
    // Follow them.
    let a = answers("association", Maturity::Most, "69123", &[]);
    let created = post_json(&app, "/api/v1/diagnostics", &to_json(&a))
        .await
        .json();
    let id = created.pointer("/id").unwrap().as_str().unwrap();
    assert_eq!(
        app.get(&format!("/api/v1/diagnostics/{id}")).await.status,
        200
    );
    let r = app
        .request(
            Request::delete(format!("/api/v1/diagnostics/{id}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 204);
    assert_eq!(
        app.get(&format!("/api/v1/diagnostics/{id}")).await.status,
        404
    );
    app.remove().await;
}

async fn the_edges_answer_as_documented(backend: &Backend) {
    let app = TestApp::new(backend).await;
    // A page past the end of a search is empty, not refused (the document allows it).
    let r = app.get("/api/v1/alliances?page=999999&par_page=1").await;
    assert_eq!(r.status, 200, "{}", r.text());
    let page = r.json();
    assert!(page["total"].as_u64().unwrap() > 400);
    assert_eq!(page["resultats"], serde_json::json!([]));
    // Deep pages within the results are served.
    let r = app
        .get("/api/v1/alliances?page=401&par_page=1&tri=nom")
        .await
        .json();
    assert_eq!(r["resultats"].as_array().unwrap().len(), 1);
    // An empty page number is not an integer.
    for path in [
        "/api/v1/odd/objectifs?par_page=",
        "/api/v1/outils?page=",
        "/api/v1/alliances?page=%20",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, 422, "{path}");
        assert!(r.text().contains("est vide"), "{path}: {}", r.text());
    }
    // A repeated parameter: the last value counts.
    let r = app
        .get("/api/v1/odd/objectifs?par_page=null&par_page=7")
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["resultats"].as_array().unwrap().len(), 7);
    let r = app
        .get("/api/v1/territoires/regions?par_page=7&par_page=null")
        .await;
    assert_eq!(r.status, 422, "{}", r.text());
    let r = app
        .get("/api/v1/territoires/recherche?q=Lyon&q=Nantes")
        .await
        .json();
    assert_eq!(r["resultats"][0]["nom"], "Nantes");
    // The learning path's API refuses an unknown language, as the diagnostics' does.
    for path in [
        "/api/v1/parcours?lang=de",
        "/api/v1/parcours/essentiel?lang=",
        "/api/v1/diagnostics/x?lang=de",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, 422, "{path}");
        assert_eq!(r.json()["erreurs"][0]["champ"], "lang", "{path}");
    }
    assert_eq!(app.get("/api/v1/parcours?lang=en").await.status, 200);
    app.remove().await;
}
