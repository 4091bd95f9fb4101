use alliances_domain::pagination::Page;
use alliances_domain::territory::Level;
use alliances_testkit::{Backend, TestApp};

alliances_testkit::both_backends!(
    regions_have_integer_populations,
    region_departement_epci_commune_details,
    search_matches_every_level,
    openapi_describes_every_route,
    the_search_in_memory_answers_as_the_database
);

async fn regions_have_integer_populations(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let v = app.get("/api/v1/territoires/regions").await.json();
    assert_eq!(v["total"], 18);
    let regions = v["resultats"].as_array().unwrap();
    assert_eq!(regions.len(), 18);
    for r in regions {
        assert!(r["code"].is_string() && r["nom"].is_string());
        assert!(r["population"].is_i64(), "integer population: {r}");
        assert!(
            r.as_object().unwrap().contains_key("population_annee"),
            "population_annee present: {r}"
        );
    }
    let mayotte = regions.iter().find(|r| r["code"] == "06").unwrap();
    assert_eq!(mayotte["population_annee"], 2017);
    let normandie = regions.iter().find(|r| r["code"] == "28").unwrap();
    assert!(
        normandie["population_annee"].is_null(),
        "the source states no year"
    );
    let communes = app
        .get("/api/v1/territoires/communes?par_page=1000&page=2")
        .await
        .json();
    assert!(communes["total"].as_u64().unwrap() > 34_000);
    assert_eq!(communes["resultats"].as_array().unwrap().len(), 1000);
    app.remove().await;
}

async fn region_departement_epci_commune_details(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/api/v1/territoires/regions/28").await.json();
    assert_eq!(r["nom"], "Normandie");
    let deps: Vec<(&str, &str)> = r["departements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["nom"].as_str().unwrap()))
        .collect();
    assert_eq!(
        deps,
        [
            ("14", "Calvados"),
            ("27", "Eure"),
            ("50", "Manche"),
            ("61", "Orne"),
            ("76", "Seine-Maritime")
        ]
    );
    let d = app.get("/api/v1/territoires/departements/14").await.json();
    assert_eq!(
        (d["nom"].as_str(), d["region"]["code"].as_str()),
        (Some("Calvados"), Some("28"))
    );
    assert!(d["communes"].as_array().unwrap().len() > 500);
    assert!(
        d["epci_liste"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["nom"] == "CU Caen la Mer")
    );
    let e = app.get("/api/v1/territoires/epci/200054781").await.json();
    assert_eq!(e["type"], "METRO");
    assert_eq!(e["departements"].as_array().unwrap().len(), 6);
    let c = app.get("/api/v1/territoires/communes/59378").await.json();
    assert_eq!(c["nom"], "Marcq-en-Barœul");
    assert_eq!(c["departement"]["code"], "59");
    assert_eq!(c["region"]["code"], "32");
    assert!(c["epci"]["code"].is_string());
    assert!(c["population"].is_i64());
    let com = app
        .get("/api/v1/territoires/collectivites-outre-mer/987")
        .await
        .json();
    assert_eq!(com["nom"], "Polynésie française");
    let missing = app.get("/api/v1/territoires/communes/99999").await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.json()["instance"],
        "/api/v1/territoires/communes/99999"
    );
    app.remove().await;
}

async fn search_matches_every_level(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let v = app
        .get("/api/v1/territoires/recherche?q=saint%20etienne")
        .await
        .json();
    let results = v["resultats"].as_array().unwrap();
    assert_eq!(
        (results[0]["code"].as_str(), results[0]["niveau"].as_str()),
        (Some("42218"), Some("commune"))
    );
    assert!(
        results
            .iter()
            .all(|m| m["code"].is_string() && m["nom"].is_string() && m["niveau"].is_string())
    );
    let levels = app
        .get("/api/v1/territoires/recherche?q=seine&par_page=1000")
        .await
        .json();
    let found: std::collections::BTreeSet<&str> = levels["resultats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["niveau"].as_str().unwrap())
        .collect();
    for level in ["departement", "epci", "commune"] {
        assert!(found.contains(level), "{level} in {found:?}");
    }
    let region = app
        .get("/api/v1/territoires/recherche?q=ile%20de%20france")
        .await
        .json();
    assert_eq!(
        (
            region["resultats"][0]["niveau"].as_str(),
            region["resultats"][0]["code"].as_str()
        ),
        (Some("region"), Some("11"))
    );
    let marcq = app
        .get("/api/v1/territoires/recherche?q=marcq%20en%20baroeul")
        .await
        .json();
    assert_eq!(marcq["resultats"][0]["nom"], "Marcq-en-Barœul");
    assert_eq!(marcq["resultats"][0]["rattachement"], "Nord (59)");
    let empty = app.get("/api/v1/territoires/recherche").await.json();
    assert_eq!(empty["total"], 0);
    let long = "a".repeat(201);
    assert_eq!(
        app.get(&format!("/api/v1/territoires/recherche?q={long}"))
            .await
            .status,
        422
    );
    app.remove().await;
}

async fn openapi_describes_every_route(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let doc = app.get("/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/odd/objectifs",
        "/api/v1/odd/objectifs/{numero}",
        "/api/v1/odd/objectifs/{numero}/cibles",
        "/api/v1/odd/cibles/{code}",
        "/api/v1/territoires/regions",
        "/api/v1/territoires/regions/{code}",
        "/api/v1/territoires/departements/{code}",
        "/api/v1/territoires/epci/{code}",
        "/api/v1/territoires/communes/{code}",
        "/api/v1/territoires/collectivites-outre-mer/{code}",
        "/api/v1/territoires/recherche",
        "/api/v1/alliances",
        "/api/v1/alliances/{slug}",
        "/api/v1/chiffres-cles",
        "/api/v1/chiffres-cles/{id}",
        "/api/v1/territoires/{niveau}/{code}/synthese",
        "/api/v1/catalyseurs",
        "/api/v1/catalyseurs/{slug}",
    ] {
        assert!(paths.contains_key(path), "{path} documented");
    }
    // Every documented path answers (with its example code).
    for (path, item) in paths {
        if item.get("get").is_none() {
            continue; // POST only (diagnostics): tested in api_methodes
        }
        if path.contains("chiffres-cles/{id}") {
            let known = path.replace("{id}", "kf-029");
            assert_eq!(app.get(&known).await.status, 200, "{known}");
            assert_eq!(app.get(&path.replace("{id}", "kf-999")).await.status, 404);
            continue;
        }
        if path.contains("certificats/{code}") {
            // A certificate: an unknown code is a French 404 (issuing one is tested in
            // api_competences).
            let r = app
                .get(&path.replace("{code}", "ZZZZ-ZZZZ-ZZZZ-ZZZZ"))
                .await;
            assert_eq!(r.status, 404, "{path}");
            continue;
        }
        if path.contains("{id}") {
            // A personal diagnostic: an unknown id is a 404.
            let unknown = path.replace("{id}", &"0".repeat(40));
            assert_eq!(app.get(&unknown).await.status, 404, "{unknown}");
            continue;
        }
        let path = path.replace("{niveau}", "departements");
        let concrete = path
            .replace("{numero}", "17")
            .replace(
                "{slug}",
                if path.contains("catalyseurs") {
                    "bordeaux-mecenes-solidaires"
                } else if path.contains("modules") {
                    "modes-relationnels"
                } else if path.contains("parcours") {
                    "essentiel"
                } else if path.contains("outils") {
                    "rameau-evaluation-partenariale-en-pratique"
                } else {
                    "ptce-vivre-les-mureaux"
                },
            )
            .replace(
                "{code}",
                match path.as_str() {
                    p if p.contains("cibles/") => "17.17",
                    p if p.contains("regions") => "28",
                    p if p.contains("departements") => "14",
                    p if p.contains("epci") => "200054781",
                    p if p.contains("communes") => "59378",
                    _ => "975",
                },
            );
        assert_eq!(app.get(&concrete).await.status, 200, "{concrete}");
    }
    let docs = app.get("/api/docs").await;
    assert_eq!(docs.status, 200);
    assert!(docs.text().contains("swagger-ui-bundle.js"));
    app.remove().await;
}

/// The in-memory territory search (`territory_search`) finds and orders exactly as the
/// database query it replaced, kept in the store as the reference: the same totals and the
/// same pages for names whole and cut, words in another order, accents, ligatures, « St »,
/// capitals, codes and postcodes, taken from territories of every level.
async fn the_search_in_memory_answers_as_the_database(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let ready = app.state.ready().unwrap();
    let mut queries: Vec<String> = [
        "saint etienne",
        "St-Étienne",
        "st gildas des bois",
        "SAINT-DENIS",
        "œuvre",
        "Oeuvre",
        "marcq en baroeul",
        "NORMANDIE",
        "métropole",
        "lyon",
        "val",
        "sur",
        "a",
        "les",
        "2A004",
        "2a004",
        "76540",
        "42000",
        "200046977",
        "97",
        "l'isle",
        "  mont   blanc  ",
        "ville-d'avray",
        "zzzz",
        "-",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    let mut some: Vec<&alliances_domain::territory::Territory> = ready
        .regions
        .iter()
        .chain(&ready.departements)
        .chain(&ready.coms)
        .chain(ready.directory.epcis.values())
        .collect();
    some.extend(ready.directory.communes.values());
    some.sort_by(|a, b| (a.level.code(), &a.code).cmp(&(b.level.code(), &b.code)));
    for t in some.iter().step_by(499) {
        let name = &t.name;
        queries.push(name.clone());
        queries.push(name.to_uppercase());
        queries.push(name.chars().take(3).collect());
        if let Some(last) = name.split(['-', ' ', '\'']).next_back() {
            queries.push(last.to_owned());
        }
        let words: Vec<&str> = name.split(['-', ' ']).collect();
        if words.len() > 1 {
            queries.push(words.iter().rev().copied().collect::<Vec<_>>().join(" "));
        }
        queries.push(t.code.clone());
        if let Some(p) = t.postal_codes.first() {
            queries.push(p.clone());
        }
    }
    assert!(queries.len() > 300, "{} queries", queries.len());
    for q in &queries {
        for page in [
            Page {
                page: 1,
                per_page: 20,
            },
            Page {
                page: 2,
                per_page: 7,
            },
        ] {
            let (total, found) = alliances_store::territoires::search(&app.db.db, q, page)
                .await
                .unwrap();
            let expected: Vec<(Level, String)> =
                found.into_iter().map(|t| (t.level, t.code)).collect();
            let (mem_total, mem) = ready.find_territories(q, page);
            let got: Vec<(Level, String)> =
                mem.into_iter().map(|t| (t.level, t.code.clone())).collect();
            assert_eq!((mem_total, &got), (total, &expected), "« {q} », {page:?}");
        }
    }
    app.remove().await;
}
