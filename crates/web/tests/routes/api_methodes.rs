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
    wishes_lead_the_path_more_than_the_level,
    a_national_network_needs_no_commune_and_gets_every_kind,
    a_version_one_report_still_opens_unchanged_in_both_languages,
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
    assert_eq!(etapes.len(), 7);
    let questions: Vec<&Value> = etapes
        .iter()
        .flat_map(|e| e["questions"].as_array().unwrap())
        .collect();
    assert!((25..=60).contains(&questions.len()));
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
                None => {
                    assert!(o["niveau"].is_null());
                    // On a scored question, only « je ne sais pas » has no level.
                    if o["dimension"].is_string() {
                        assert_eq!(o["inconnu"], true, "{o}");
                    }
                }
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
    assert_every_kind(recs);
    for rec in recs {
        for key in ["id", "titre", "url"] {
            assert!(!rec["cible"][key].as_str().unwrap().is_empty(), "{rec}");
        }
        assert!(rec["raison"].as_str().unwrap().len() > 10, "{rec}");
    }
    assert_eq!(report["ignorees"], json!([]));
    // What is stored is codes: no sentence in either language.
    let stored = stored_report(&app, &id).await;
    assert!(stored.get("recommandations").is_none(), "{stored}");
    assert!(stored["profil"].get("libelle").is_none(), "{stored}");
    assert!(!stored.to_string().contains("Points communs"), "{stored}");
    // Read it back (in English too), then delete it.
    let back = app.get(&format!("/api/v1/diagnostics/{id}")).await;
    assert_eq!(back.status, 200);
    assert_eq!(back.json()["maturite"], report["maturite"]);
    assert_eq!(back.json()["recommandations"], report["recommandations"]);
    let en = app
        .get(&format!("/api/v1/diagnostics/{id}?lang=en"))
        .await
        .json();
    assert_eq!(en["maturite"], report["maturite"]);
    assert!(
        en["profil"]["libelle"]
            .as_str()
            .unwrap()
            .starts_with("Company"),
        "{}",
        en["profil"]
    );
    assert_same_items_said_otherwise(&report, &en);
    assert!(en.to_string().contains("For the"), "{en}");
    assert_eq!(
        app.get(&format!("/api/v1/diagnostics/{id}?lang=de"))
            .await
            .status,
        422
    );
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

/// The path has an item of each of the six kinds the interface promises, each with its
/// target and its reason.
fn assert_every_kind(recs: &[Value]) {
    for kind in [
        "alliance",
        "territoire",
        "chiffre",
        "catalyseur",
        "outil",
        "module",
    ] {
        assert!(
            recs.iter().any(|r| r["type"] == kind),
            "no {kind}: {recs:#?}"
        );
    }
    for rec in recs {
        assert!(
            [
                "alliance",
                "chiffre",
                "catalyseur",
                "territoire",
                "repere",
                "outil",
                "module",
                "methode"
            ]
            .contains(&rec["type"].as_str().unwrap()),
            "{rec}"
        );
        assert!(!rec["module"].as_str().unwrap().is_empty());
    }
}

/// `a` and `b` list the same items of a path (same targets, same order), every reason said
/// differently (in another language).
fn assert_same_items_said_otherwise(a: &Value, b: &Value) {
    let items = |r: &Value| r["recommandations"].as_array().unwrap().clone();
    let (a, b) = (items(a), items(b));
    let ids =
        |list: &[Value]| -> Vec<Value> { list.iter().map(|x| x["cible"]["id"].clone()).collect() };
    assert_eq!(ids(&a), ids(&b), "the same path");
    for (x, y) in a.iter().zip(&b) {
        assert_ne!(x["raison"], y["raison"], "{x} / {y}");
    }
}

/// The report stored behind `id`, as JSON.
async fn stored_report(app: &TestApp, id: &str) -> Value {
    let key = alliances_web::features::methodes::key_of(id);
    let row = alliances_store::diagnostics::get(&app.state.db, &key)
        .await
        .unwrap()
        .unwrap();
    serde_json::from_str(&row.rapport.unwrap()).unwrap()
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
    let (pa, pb) = (alliance_ids(&a), alliance_ids(&b));
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
            let a = answers(
                actor,
                maturity,
                "69123",
                &[("phase_alliance", Answer::One("pas-de-projet".into()))],
            );
            let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
            assert_eq!(r.status, 201, "{}", r.text());
            let report = r.json();
            // Every actor type, at both ends of the scale, gets the six kinds.
            assert_every_kind(report["recommandations"].as_array().unwrap());
            let tools = items(&report, "outil");
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
        // A respondent whose alliance is being formalised gets tools for that phase first,
        // whatever their level.
        let a = answers(
            actor,
            Maturity::Least,
            "69123",
            &[("phase_alliance", Answer::One("formaliser".into()))],
        );
        let report = post_json(&app, "/api/v1/diagnostics", &to_json(&a))
            .await
            .json();
        let first = items(&report, "outil")[0];
        assert!(
            first["raison"].as_str().unwrap().starts_with(
                "Pour la phase « Formaliser », celle où en est votre alliance principale"
            ),
            "{actor}: {}",
            first["raison"]
        );
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
            let a = answers(
                actor,
                maturity,
                "69123",
                &[("obstacles", Answer::Many(vec!["aucun".into()]))],
            );
            let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
            assert_eq!(r.status, 201, "{}", r.text());
            let report = r.json();
            let modules = items(&report, "module");
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
    // An obstacle named brings the module that helps with it, said as such.
    let a = answers(
        "association",
        Maturity::Most,
        "69123",
        &[("obstacles", Answer::Many(vec!["mesure".into()]))],
    );
    let report = post_json(&app, "/api/v1/diagnostics", &to_json(&a))
        .await
        .json();
    let helps = items(&report, "module")
        .into_iter()
        .find(|r| r["raison"].as_str().unwrap().starts_with("Pour l'obstacle"))
        .expect("a module for the obstacle");
    let slug = helps["cible"]["id"].as_str().unwrap();
    assert!(
        parcours
            .module(slug)
            .unwrap()
            .dimensions
            .contains(&"evaluation".to_owned()),
        "{slug}"
    );
    app.remove().await;
}

/// The items of one kind on a report's path, in order.
fn items<'a>(report: &'a Value, kind: &str) -> Vec<&'a Value> {
    report["recommandations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["type"] == kind)
        .collect()
}

/// The alliance ids of a report's path, in order.
fn alliance_ids(r: &Value) -> Vec<String> {
    items(r, "alliance")
        .iter()
        .map(|x| x["cible"]["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Two respondents with the same profile and level who differ only in their wishes get
/// different paths; a beginner who wishes co-construction sees co-construction first.
async fn wishes_lead_the_path_more_than_the_level(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let many = |v: &[&str]| Answer::Many(v.iter().map(|s| (*s).to_owned()).collect());
    let wishes_a = [
        ("modes_souhaites", many(&["co-construction-territoriale"])),
        ("acteurs_recherches", many(&["collectivite", "association"])),
        ("appuis_souhaites", many(&["dialogue-territorial"])),
        ("horizon", Answer::One("maintenant".into())),
    ];
    let wishes_b = [
        ("modes_souhaites", many(&["mecenat"])),
        ("acteurs_recherches", many(&["entreprise"])),
        ("appuis_souhaites", many(&["gestion-lieu"])),
        ("horizon", Answer::One("exploration".into())),
    ];
    let a = post_json(
        &app,
        "/api/v1/diagnostics",
        &to_json(&answers("association", Maturity::Least, "32013", &wishes_a)),
    )
    .await
    .json();
    let b = post_json(
        &app,
        "/api/v1/diagnostics",
        &to_json(&answers("association", Maturity::Least, "32013", &wishes_b)),
    )
    .await
    .json();
    assert_eq!(a["maturite"], b["maturite"]);
    assert_eq!(a["maturite"]["globale"], 1);
    assert_ne!(alliance_ids(&a), alliance_ids(&b));
    // The beginner who wishes co-construction is shown co-construction examples: the
    // first ones practise it, and say so.
    for slug in alliance_ids(&a).iter().take(3) {
        let alliance = app.get(&format!("/api/v1/alliances/{slug}")).await.json();
        let modes: Vec<&str> = alliance["modes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["code"].as_str().unwrap())
            .collect();
        assert!(
            modes.contains(&"co-construction-territoriale"),
            "{slug}: {modes:?}"
        );
    }
    let first = &a["recommandations"][0];
    assert!(
        first["raison"]
            .as_str()
            .unwrap()
            .contains("Co-construction territoriale"),
        "{first}"
    );
    app.remove().await;
}

/// A national network names no commune: the path still has every kind, the territory item
/// leading to the territories' pages.
async fn a_national_network_needs_no_commune_and_gets_every_kind(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let mut a = answers(
        "reseau",
        Maturity::Least,
        "69123",
        &[("portee", Answer::One("nationale".into()))],
    );
    assert!(!a.contains_key("territoire"));
    let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let report = r.json();
    assert!(report["profil"]["territoire"].is_null());
    let recs = report["recommandations"].as_array().unwrap();
    assert_every_kind(recs);
    let territory = recs.iter().find(|r| r["type"] == "territoire").unwrap();
    assert_eq!(territory["cible"]["url"], "/territoires");
    // A commune sent anyway is checked, then ignored.
    a.insert("territoire".into(), Answer::One("32013".into()));
    let r = post_json(&app, "/api/v1/diagnostics", &to_json(&a)).await;
    assert_eq!(r.status, 201);
    assert_eq!(r.json()["ignorees"], json!(["territoire"]));
    app.remove().await;
}

/// A report made with version 1, stored as it was (its path and French reasons inside),
/// opens unchanged: same levels, same path, said in French and in English.
async fn a_version_one_report_still_opens_unchanged_in_both_languages(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let stored = include_str!("../fixtures/rapport-v1.json");
    let v1: Value = serde_json::from_str(stored).unwrap();
    let secret = alliances_web::features::methodes::new_secret();
    alliances_store::diagnostics::insert_complete(
        &app.state.db,
        &alliances_web::features::methodes::key_of(&secret),
        1,
        &v1["reponses"].to_string(),
        stored,
        app.state.now(),
    )
    .await
    .unwrap();
    let fr = app.get(&format!("/api/v1/diagnostics/{secret}")).await;
    assert_eq!(fr.status, 200, "{}", fr.text());
    let fr = fr.json();
    let en = app
        .get(&format!("/api/v1/diagnostics/{secret}?lang=en"))
        .await
        .json();
    for r in [&fr, &en] {
        assert_eq!(r["version"], 1);
        assert_eq!(r["maturite"], v1["maturite"]);
        assert_eq!(
            r["date_parcours"], v1["date"],
            "a stored path keeps its date"
        );
        let ids: Vec<&Value> = r["recommandations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| &x["cible"]["id"])
            .collect();
        let stored_ids: Vec<&Value> = v1["recommandations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| &x["cible"]["id"])
            .collect();
        assert_eq!(ids, stored_ids);
    }
    assert_eq!(fr["profil"]["libelle"], v1["profil"]["libelle"]);
    assert_eq!(en["profil"]["libelle"], "Local authority · Municipality");
    assert_same_items_said_otherwise(&v1, &en);
    // The pages open in both languages.
    for path in [
        format!("/methodes/diagnostics/{secret}"),
        format!("/en/methodes/diagnostics/{secret}"),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(page.text().contains("Jazz in Marciac"), "{path}");
    }
    app.remove().await;
}
