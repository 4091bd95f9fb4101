use alliances_testkit::{Backend, TestApp};
use serde_json::Value;

alliances_testkit::both_backends!(
    every_seed_alliance_is_searchable,
    accents_plurals_and_places_match,
    facets_count_and_filter,
    one_alliance_with_partners_territories_sources,
    bad_parameters_are_422_in_french
);

fn slugs(v: &Value) -> Vec<String> {
    v["resultats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["slug"].as_str().unwrap().to_owned())
        .collect()
}

async fn every_seed_alliance_is_searchable(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let all = app.get("/api/v1/alliances?par_page=1000").await.json();
    let n = all["total"].as_u64().unwrap();
    assert!(n >= 300, "{n}");
    let found = slugs(&all);
    assert_eq!(found.len() as u64, n);
    // Each one is found by its own name.
    for r in all["resultats"].as_array().unwrap().iter().step_by(15) {
        let name = r["nom"].as_str().unwrap();
        let q: String = form_urlencoded::byte_serialize(name.as_bytes()).collect();
        let v = app
            .get(&format!("/api/v1/alliances?q={q}&par_page=50"))
            .await
            .json();
        assert!(
            slugs(&v).contains(&r["slug"].as_str().unwrap().to_owned()),
            "« {name} » not found by its name"
        );
    }
    app.remove().await;
}

async fn accents_plurals_and_places_match(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let total = |v: &Value| v["total"].as_u64().unwrap();
    let donnees = app.get("/api/v1/alliances?q=donnees").await.json();
    let accents = app.get("/api/v1/alliances?q=donn%C3%A9es").await.json();
    assert!(total(&donnees) > 0, "« donnees » finds « données »");
    assert_eq!(slugs(&donnees), slugs(&accents));
    let accented = app.get("/api/v1/alliances?q=r%C3%A9emploi").await.json();
    let plain = app.get("/api/v1/alliances?q=reemploi").await.json();
    assert!(total(&accented) > 0);
    assert_eq!(slugs(&accented), slugs(&plain));
    let singular = app
        .get("/api/v1/alliances?q=centrale%20villageoise")
        .await
        .json();
    let plural = app
        .get("/api/v1/alliances?q=centrales%20villageoises")
        .await
        .json();
    assert!(total(&singular) >= 5);
    assert_eq!(total(&singular), total(&plural));
    // A région's name finds alliances of its communes and intercommunalités.
    let bretagne = app
        .get("/api/v1/alliances?q=bretagne&par_page=100")
        .await
        .json();
    let found = slugs(&bretagne);
    assert!(
        found.contains(&"eolien-citoyen-le-mene".to_owned()),
        "{found:?}"
    );
    let facet = app
        .get("/api/v1/alliances?region=53&par_page=100")
        .await
        .json();
    for s in slugs(&facet) {
        assert!(
            found.contains(&s),
            "{s} is in Bretagne but not found by its name"
        );
    }
    // A département's name finds a commune-level alliance inside it.
    let yvelines = app.get("/api/v1/alliances?q=yvelines").await.json();
    assert!(slugs(&yvelines).contains(&"ptce-vivre-les-mureaux".to_owned()));
    app.remove().await;
}

async fn facets_count_and_filter(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let all = app.get("/api/v1/alliances?par_page=1").await.json();
    let n = all["total"].as_u64().unwrap();
    for facet in [
        "type_acteur",
        "domaine",
        "niveau_territorial",
        "region",
        "departement",
        "odd",
        "cible",
        "mode",
        "impact",
        "fragilite",
        "statut",
    ] {
        assert!(all["facettes"][facet].is_array(), "facet {facet}");
    }
    // Every alliance serves target 17.17 (editorial at least).
    let cible = &all["facettes"]["cible"];
    assert!(
        cible
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["code"] == "17.17" && v["nombre"] == n)
    );
    let assoc = all["facettes"]["type_acteur"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["code"] == "association")
        .unwrap()
        .clone();
    assert_eq!(assoc["libelle"], "Association");
    let filtered = app
        .get("/api/v1/alliances?type_acteur=association&par_page=1")
        .await
        .json();
    assert_eq!(filtered["total"], assoc["nombre"]);
    // OR within a facet, AND across facets; a facet's counts ignore its own filter.
    let two = app
        .get("/api/v1/alliances?region=53&region=28&domaine=environnemental")
        .await
        .json();
    let r53 = app
        .get("/api/v1/alliances?region=53&domaine=environnemental")
        .await
        .json();
    let r28 = app
        .get("/api/v1/alliances?region=28&domaine=environnemental")
        .await
        .json();
    assert!(r53["total"].as_u64().unwrap() > 0);
    assert!(two["total"].as_u64().unwrap() >= r53["total"].as_u64().unwrap());
    assert!(
        two["total"].as_u64().unwrap()
            <= r53["total"].as_u64().unwrap() + r28["total"].as_u64().unwrap()
    );
    let regions = two["facettes"]["region"].as_array().unwrap();
    assert!(regions.len() > 2, "other régions still listed: {regions:?}");
    let named = regions.iter().find(|v| v["code"] == "53").unwrap();
    assert_eq!(named["libelle"], "Bretagne");
    assert_eq!(named["nombre"], r53["total"]);
    // Sorting by name and paging.
    let p1 = app.get("/api/v1/alliances?tri=nom&par_page=5").await.json();
    let p2 = app
        .get("/api/v1/alliances?tri=nom&par_page=5&page=2")
        .await
        .json();
    let names: Vec<String> = p1["resultats"]
        .as_array()
        .unwrap()
        .iter()
        .chain(p2["resultats"].as_array().unwrap())
        .map(|r| r["nom"].as_str().unwrap().to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|s| alliances_domain::text::fold(s));
    assert_eq!(names, sorted);
    app.remove().await;
}

async fn one_alliance_with_partners_territories_sources(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let v = app
        .get("/api/v1/alliances/ptce-vivre-les-mureaux")
        .await
        .json();
    assert_eq!(v["nom"], "PTCE Vivre Les Mureaux");
    let partners = v["partenaires"].as_array().unwrap();
    assert_eq!(partners[0]["nom"], "La Gerbe");
    assert_eq!(partners[0]["type_acteur"], "association");
    assert_eq!(v["territoires"][0]["code"], "78440");
    assert_eq!(v["territoires"][0]["nom"], "Les Mureaux");
    assert_eq!(v["territoires"][0]["url"], "/territoires/communes/78440");
    assert!(v["sources"][0]["url"].as_str().unwrap().starts_with("http"));
    assert_eq!(v["sources"][0]["consulte_le"], "2026-11-26");
    assert_eq!(v["odd"]["non_precise"], true);
    let cibles = v["odd"]["cibles"].as_array().unwrap();
    assert!(
        cibles
            .iter()
            .any(|c| c["code"] == "17.17" && c["origine"] == "editorial")
    );
    assert_eq!(v["modes"][0]["origine"], "stated");
    assert_eq!(v["debut"], "2017");
    assert_eq!(v["provenance"]["origine"], "amorce");
    assert!(v["provenance"]["importe_par"].is_null());
    let r = app.get("/api/v1/alliances/inconnue").await;
    assert_eq!(r.status, 404);
    app.remove().await;
}

async fn bad_parameters_are_422_in_french(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app
        .get("/api/v1/alliances?region=99&tri=hasard&couleur=bleu")
        .await;
    assert_eq!(r.status, 422);
    let v = r.json();
    let fields: Vec<&str> = v["erreurs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["champ"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["region", "tri", "couleur"]);
    assert!(
        v["erreurs"][0]["message"]
            .as_str()
            .unwrap()
            .contains("n'est pas une valeur")
    );
    app.remove().await;
}
