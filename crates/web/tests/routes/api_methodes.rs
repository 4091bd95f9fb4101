use alliances_domain::diagnostic::Answer;
use alliances_testkit::{Backend, TestApp};
use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};

use crate::methodes_kit::{Maturity, answers, definition, post_json, to_json};

alliances_testkit::both_backends!(
    the_current_questionnaire_is_published,
    a_diagnostic_is_computed_stored_read_and_deleted,
    invalid_answers_are_named_and_nothing_is_stored,
    answers_whose_condition_fails_are_ignored_and_listed,
    a_rural_beginner_and_an_experienced_catalyseur_get_different_paths,
    every_profile_gets_two_to_four_tools_that_fit_it,
    every_profile_gets_modules_for_its_weakest_dimensions,
);

async fn stored_count(app: &TestApp) -> i64 {
    match &app.state.db {
        alliances_store::Db::Sqlite(s) => sqlx::query_scalar("SELECT COUNT(*) FROM diagnostics")
            .fetch_one(&s.read)
            .await
            .unwrap(),
        alliances_store::Db::Pg(p) => sqlx::query_scalar("SELECT COUNT(*) FROM diagnostics")
            .fetch_one(p)
            .await
            .unwrap(),
    }
}

async fn the_current_questionnaire_is_published(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/api/v1/questionnaires/courant").await;
    assert_eq!(r.status, 200);
    let q = r.json();
    assert_eq!(q["version"], definition().version);
    let etapes = q["etapes"].as_array().unwrap();
    assert_eq!(etapes.len(), 5);
    let questions: Vec<&Value> = etapes
        .iter()
        .flat_map(|e| e["questions"].as_array().unwrap())
        .collect();
    assert!((25..=40).contains(&questions.len()));
    let mut scored = 0;
    for question in &questions {
        let kind = question["type"].as_str().unwrap();
        assert!(
            [
                "choix_unique",
                "choix_multiple",
                "echelle",
                "territoire",
                "texte"
            ]
            .contains(&kind)
        );
        assert!(question["obligatoire"].is_boolean());
        assert!(question["condition"].is_null() || question["condition"]["parmi"].is_array());
        for o in question["options"].as_array().unwrap() {
            assert!(o["valeur"].is_string() && o["libelle"].is_string());
            match o["niveau"].as_u64() {
                Some(n) => {
                    assert!((1..=4).contains(&n));
                    assert!(o["dimension"].is_string());
                }
                None => assert!(o["niveau"].is_null()),
            }
        }
        if question["options"][0]["niveau"].is_u64() {
            scored += 1;
        }
        if kind == "echelle" {
            let points: Vec<&str> = question["options"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["valeur"].as_str().unwrap())
                .collect();
            assert_eq!(points[0], "1", "a scale lists its points");
        }
    }
    assert!(scored >= 8);
    // It is in the OpenAPI document.
    let doc = app.get("/api/openapi.json").await.json();
    for path in [
        "/api/v1/questionnaires/courant",
        "/api/v1/diagnostics",
        "/api/v1/diagnostics/{id}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    app.remove().await;
}

async fn a_diagnostic_is_computed_stored_read_and_deleted(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let a = answers("entreprise", Maturity::Most, "69123", &[]);
    let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let report = r.json();
    let id = report["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 40);
    assert_eq!(
        r.header("location"),
        Some(format!("/api/v1/diagnostics/{id}"))
    );
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    assert_eq!(r.header("referrer-policy").as_deref(), Some("no-referrer"));
    assert_eq!(report["url"], format!("/methodes/diagnostics/{id}"));
    let def = definition();
    for d in &def.dimensions {
        assert_eq!(report["maturite"][&d.id], 4, "{}", d.id);
    }
    assert_eq!(report["maturite"]["globale"], 4);
    assert_eq!(report["profil"]["type_acteur"], "entreprise");
    assert_eq!(report["profil"]["niveau"], "catalyser");
    assert_eq!(report["profil"]["territoire"]["nom"], "Lyon");
    let recs = report["recommandations"].as_array().unwrap();
    let alliances = recs.iter().filter(|r| r["type"] == "alliance").count();
    assert!((3..=5).contains(&alliances), "{alliances}");
    for rec in recs {
        assert!(
            [
                "alliance",
                "chiffre",
                "catalyseur",
                "territoire",
                "outil",
                "module"
            ]
            .contains(&rec["type"].as_str().unwrap())
        );
        for key in ["id", "titre", "url"] {
            assert!(!rec["cible"][key].as_str().unwrap().is_empty(), "{rec}");
        }
        assert!(rec["raison"].as_str().unwrap().len() > 10, "{rec}");
    }
    assert_eq!(report["ignorees"], json!([]));
    // Read it back, then delete it.
    let back = app.get(&format!("/api/v1/diagnostics/{id}")).await;
    assert_eq!(back.status, 200);
    assert_eq!(back.json()["maturite"], report["maturite"]);
    assert_eq!(back.json()["reponses"]["type_acteur"], "entreprise");
    let delete = |path: String| Request::delete(path).body(Body::empty()).unwrap();
    assert_eq!(
        app.request(delete(format!("/api/v1/diagnostics/{id}")))
            .await
            .status,
        204
    );
    assert_eq!(
        app.get(&format!("/api/v1/diagnostics/{id}")).await.status,
        404
    );
    assert_eq!(
        app.request(delete(format!("/api/v1/diagnostics/{id}")))
            .await
            .status,
        404
    );
    app.remove().await;
}

async fn invalid_answers_are_named_and_nothing_is_stored(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let good = answers("association", Maturity::Least, "75056", &[]);
    let mut bad = good.clone();
    bad.remove("type_acteur");
    bad.insert("question_inventee".into(), Answer::One("oui".into()));
    bad.insert("horizon".into(), Answer::One("jamais".into()));
    bad.insert("domaines".into(), Answer::One("social".into()));
    bad.insert("territoire".into(), Answer::One("00000".into()));
    let r = post_json(&app, "/api/v1/diagnostics", &to_json(&bad)).await;
    assert_eq!(r.status, 422);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("application/problem+json")
    );
    let problem = r.json();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("ne correspondent pas au questionnaire")
    );
    let named: Vec<&str> = problem["erreurs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["champ"].as_str().unwrap())
        .collect();
    for id in [
        "type_acteur",
        "question_inventee",
        "horizon",
        "domaines",
        "territoire",
    ] {
        assert!(named.contains(&id), "{id} in {named:?}");
    }
    let horizon = problem["erreurs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["champ"] == "horizon")
        .unwrap();
    assert!(
        horizon["message"]
            .as_str()
            .unwrap()
            .contains("« jamais » n'est pas une option")
    );
    // Wrong JSON shapes.
    for body in [
        json!({}),
        json!({"reponses": {"type_acteur": 3}}),
        json!([1, 2]),
    ] {
        let r = post_json(&app, "/api/v1/diagnostics", &body).await;
        assert_eq!(r.status, 422, "{body}");
        assert!(!r.json()["detail"].as_str().unwrap().is_empty());
    }
    let r = app
        .request(
            Request::post("/api/v1/diagnostics")
                .header("content-type", "application/json")
                .body(Body::from("{pas du json"))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("n'est pas un JSON valide")
    );
    assert_eq!(stored_count(&app).await, 0, "nothing stored");
    // Too long a free text.
    let mut long = good.clone();
    long.insert("attentes".into(), Answer::One("x".repeat(2001)));
    let r = post_json(&app, "/api/v1/diagnostics", &to_json(&long)).await;
    assert_eq!(r.status, 422);
    assert_eq!(stored_count(&app).await, 0);
    app.remove().await;
}

async fn answers_whose_condition_fails_are_ignored_and_listed(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let def = definition();
    let company_only = def
        .questions()
        .find(|q| {
            q.condition
                .as_ref()
                .is_some_and(|c| c.parmi == ["entreprise"])
                && q.kind.has_options()
        })
        .unwrap();
    let mut a = answers("collectivite", Maturity::Least, "32013", &[]);
    let value = company_only.options[0].valeur.clone();
    let answer = if company_only.kind == alliances_domain::questionnaire::Kind::ChoixMultiple {
        Answer::Many(vec![value])
    } else {
        Answer::One(value)
    };
    a.insert(company_only.id.clone(), answer.clone());
    let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["ignorees"], json!([company_only.id]));
    // …but its value is still checked.
    a.insert(company_only.id.clone(), Answer::One("impossible".into()));
    let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["erreurs"][0]["champ"], company_only.id.as_str());
    app.remove().await;
}

async fn a_rural_beginner_and_an_experienced_catalyseur_get_different_paths(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let many = |v: &[&str]| Answer::Many(v.iter().map(|s| (*s).to_owned()).collect());
    // A small commune of the Creuse, starting out.
    let commune = answers(
        "collectivite",
        Maturity::Least,
        "23001",
        &[
            ("type_collectivite", Answer::One("commune".into())),
            ("domaines", many(&["social"])),
            ("fragilites", many(&["vieillissement", "isolement"])),
            ("modes_souhaites", many(&["mecenat"])),
            ("acteurs_recherches", many(&["association"])),
        ],
    );
    // A territorial catalyser of the Lyon metropolis, with years of practice.
    let catalyseur = answers(
        "accompagnateur",
        Maturity::Most,
        "69123",
        &[
            ("domaines", many(&["economique", "societal"])),
            ("fragilites", many(&["emploi", "insertion"])),
            (
                "modes_souhaites",
                many(&["co-construction-territoriale", "innovation-societale"]),
            ),
            ("acteurs_recherches", many(&["entreprise", "collectivite"])),
        ],
    );
    let path = |r: &Value| -> Vec<String> {
        r["recommandations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["type"] == "alliance")
            .map(|x| x["cible"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let a = post_json(&app, "/api/v1/diagnostics", &to_json(&commune))
        .await
        .json();
    let b = post_json(&app, "/api/v1/diagnostics", &to_json(&catalyseur))
        .await
        .json();
    assert_eq!(
        (
            a["maturite"]["globale"].as_u64(),
            b["maturite"]["globale"].as_u64()
        ),
        (Some(1), Some(4))
    );
    let (pa, pb) = (path(&a), path(&b));
    assert!(pa.len() >= 3 && pb.len() >= 3);
    let shared = pa.iter().filter(|s| pb.contains(s)).count();
    assert!(shared <= 1, "shared {shared}: {pa:?} / {pb:?}");
    app.remove().await;
}

/// Whatever the actor type and level, the path proposes 2 to 4 tools, each meant for that
/// actor type (or every one), fitting the level, for the phase of the weakest dimension or
/// the nearest one, with its reason.
async fn every_profile_gets_two_to_four_tools_that_fit_it(backend: &Backend) {
    let app = TestApp::new(backend).await;
    for actor in alliances_domain::taxonomy::ACTOR_TYPES.codes {
        for (maturity, level, phase) in [
            (Maturity::Least, "decouvrir", "comprendre"),
            (Maturity::Most, "catalyser", "essaimer"),
        ] {
            let a = answers(actor, maturity, "69123", &[]);
            let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
            assert_eq!(r.status, 201, "{}", r.text());
            let report = r.json();
            let tools: Vec<&serde_json::Value> = report["recommandations"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["type"] == "outil")
                .collect();
            assert!(
                (2..=4).contains(&tools.len()),
                "{actor} {level}: {}",
                tools.len()
            );
            for rec in &tools {
                let slug = rec["cible"]["id"].as_str().unwrap();
                assert_eq!(rec["cible"]["url"], format!("/outils/{slug}"));
                let t = app.get(&format!("/api/v1/outils/{slug}")).await.json();
                let has =
                    |key: &str, code: &str| t[key].as_array().unwrap().iter().any(|v| v == code);
                assert!(
                    has("publics", actor) || has("publics", "tous"),
                    "{slug} for {actor}"
                );
                assert!(
                    t["maturite"].as_array().unwrap().is_empty() || has("maturite", level),
                    "{slug} at {level}"
                );
                let motif_phase = rec["motifs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|m| m["facette"] == "phase")
                    .unwrap()["code"]
                    .as_str()
                    .unwrap()
                    .to_owned();
                assert!(has("phases", &motif_phase), "{slug} in {motif_phase}");
                assert!(rec["raison"].as_str().unwrap().starts_with("Pour la phase"));
            }
            if level == "catalyser" {
                assert!(
                    tools[0]["raison"]
                        .as_str()
                        .unwrap()
                        .contains("plus haut niveau sur chaque dimension"),
                    "{}",
                    tools[0]["raison"]
                );
            }
            // The first tool is for the weakest dimension's phase.
            assert!(
                tools[0]["raison"].as_str().unwrap().contains(&format!(
                    "« {} »",
                    app.state
                        .catalog
                        .get(alliances_i18n::Lang::Fr, &format!("taxo-phase-{phase}"))
                )),
                "{actor} {level}: {}",
                tools[0]["raison"]
            );
        }
    }
    app.remove().await;
}

/// Whatever the answers, the path proposes 2 or 3 modules of the learning path, the first
/// for the weakest dimension, each strengthening the dimension its reason names, at the
/// level the report gives it.
async fn every_profile_gets_modules_for_its_weakest_dimensions(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let parcours = app.state.settings.parcours.clone();
    for actor in alliances_domain::taxonomy::ACTOR_TYPES.codes {
        for maturity in [Maturity::Least, Maturity::Most] {
            let a = answers(actor, maturity, "69123", &[]);
            let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
            assert_eq!(r.status, 201, "{}", r.text());
            let report = r.json();
            let modules: Vec<&serde_json::Value> = report["recommandations"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["type"] == "module")
                .collect();
            assert!(
                (2..=3).contains(&modules.len()),
                "{actor}: {}",
                modules.len()
            );
            let lowest = report["maturite"]
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, _)| *k != "globale")
                .map(|(_, v)| v.as_u64().unwrap())
                .min()
                .unwrap();
            for (i, rec) in modules.iter().enumerate() {
                let slug = rec["cible"]["id"].as_str().unwrap();
                assert_eq!(rec["cible"]["url"], format!("/competences/modules/{slug}"));
                let motif = |f: &str| {
                    rec["motifs"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|m| m["facette"] == f)
                        .unwrap()["code"]
                        .as_str()
                        .unwrap()
                        .to_owned()
                };
                let dimension = motif("dimension");
                let m = parcours.module(slug).expect("a module of the path");
                assert!(m.dimensions.contains(&dimension), "{slug} for {dimension}");
                assert_eq!(
                    motif("niveau"),
                    report["maturite"][&dimension].to_string(),
                    "{slug}"
                );
                if i == 0 {
                    assert_eq!(report["maturite"][&dimension].as_u64(), Some(lowest));
                }
                let reason = rec["raison"].as_str().unwrap();
                assert!(
                    reason.starts_with("Pour renforcer la dimension")
                        || reason.starts_with("Pour approfondir la dimension"),
                    "{reason}"
                );
            }
            // The module page exists for each.
            let first = modules[0]["cible"]["url"].as_str().unwrap();
            assert_eq!(app.get(first).await.status, 200);
        }
    }
    app.remove().await;
}
