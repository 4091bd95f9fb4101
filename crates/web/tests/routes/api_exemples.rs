use alliances_testkit::{Backend, TestApp};
use serde_json::Value;

alliances_testkit::both_backends!(
    every_seed_alliance_is_searchable,
    accents_plurals_and_places_match,
    facets_count_and_filter,
    one_alliance_with_partners_territories_sources,
    bad_parameters_are_422_in_french,
    territory_names_rank_their_alliances_first,
    every_alliance_of_the_data_resolves_with_its_facts,
    the_index_order_keeps_regions_and_departements_together
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

fn encode(q: &str) -> String {
    form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

/// Searching a région's, département's or collectivité d'outre-mer's name lists the
/// alliances placed there first (before those that merely mention it); spellings meet
/// (« Réunion » / « reunion », « Saint-Martin » / « St Martin »); a commune's name finds the
/// alliances of its intercommunalité — and, overseas, of its collectivité.
async fn territory_names_rank_their_alliances_first(backend: &Backend) {
    use crate::api_donnees::{DEPARTEMENTS_CSV, REGIONS_CSV, cell, table};
    let app = TestApp::new(backend).await;
    let mut places: Vec<(&str, String, String)> = Vec::new();
    for (facet, text) in [("region", REGIONS_CSV), ("departement", DEPARTEMENTS_CSV)] {
        for row in table(text) {
            places.push((
                facet,
                cell(&row, "code").to_owned(),
                cell(&row, "nom").to_owned(),
            ));
        }
    }
    for (code, name) in [
        ("978", "Saint-Martin"),
        ("987", "Polynésie française"),
        ("988", "Nouvelle-Calédonie"),
    ] {
        places.push(("com", code.to_owned(), name.to_owned()));
    }
    let mut checked = 0;
    for (facet, code, name) in &places {
        let placed = app
            .get(&format!("/api/v1/alliances?{facet}={code}&par_page=1000"))
            .await
            .json();
        let placed = slugs(&placed);
        if placed.is_empty() {
            continue;
        }
        let found = app
            .get(&format!(
                "/api/v1/alliances?q={}&par_page={}",
                encode(name),
                placed.len()
            ))
            .await
            .json();
        let mut first = slugs(&found);
        first.sort();
        let mut expected = placed.clone();
        expected.sort();
        assert_eq!(
            first, expected,
            "« {name} »: the alliances placed there come first"
        );
        checked += 1;
    }
    assert!(checked >= 60, "{checked}");

    let search = |q: &str| {
        let q = encode(q);
        let app = &app;
        async move {
            slugs(
                &app.get(&format!("/api/v1/alliances?q={q}&par_page=100"))
                    .await
                    .json(),
            )
        }
    };
    let reunion = search("Réunion").await;
    assert_eq!(reunion, search("reunion").await);
    assert_eq!(reunion, search("La Réunion").await);
    let martin = search("Saint-Martin").await;
    assert!(martin.contains(&"micro-folie-itinerante-saint-martin".to_owned()));
    assert_eq!(martin, search("St Martin").await);
    assert_eq!(martin, search("st-martin").await);

    // Pineuilh lies in the Pays Foyen: its alliance never names the commune.
    let foyen = "les-rateleurs-tiers-lieu-nourricier-pays-foyen";
    let record = app.get(&format!("/api/v1/alliances/{foyen}")).await.text();
    assert!(!record.contains("Pineuilh"));
    assert_eq!(search("Pineuilh").await, [foyen]);
    // Papeete is not among the Tahitian communes of the Polynésie alliance, Pirae is.
    let polynesie = "fondation-anavai-solidarite-covid-polynesie".to_owned();
    assert!(search("Pirae").await.contains(&polynesie));
    assert_eq!(search("Papeete").await, std::slice::from_ref(&polynesie));
    assert_eq!(search("Polynésie").await, [polynesie]);
    app.remove().await;
}

/// Every row of the data file resolves with its partners, its place (codes or régions,
/// unless national) and its sources; the status facet counts the ended ones.
async fn every_alliance_of_the_data_resolves_with_its_facts(backend: &Backend) {
    use crate::api_donnees::{ALLIANCES_CSV, cell, list, table};
    let app = TestApp::new(backend).await;
    let rows = table(ALLIANCES_CSV);
    assert_eq!(rows.len(), 477);
    let all = app.get("/api/v1/alliances?par_page=1").await.json();
    assert_eq!(all["total"].as_u64(), Some(rows.len() as u64));
    for row in &rows {
        let id = cell(row, "id");
        let r = app.get(&format!("/api/v1/alliances/{id}")).await;
        assert_eq!(r.status, 200, "{id}");
        let v = r.json();
        let partners = v["partenaires"].as_array().unwrap();
        assert_eq!(partners.len(), list(cell(row, "partners")).len(), "{id}");
        let sources = v["sources"].as_array().unwrap();
        assert_eq!(sources.len(), list(cell(row, "source_urls")).len(), "{id}");
        let codes = list(cell(row, "insee_codes"));
        assert_eq!(
            v["territoires"].as_array().unwrap().len(),
            codes.len(),
            "{id}"
        );
        if codes.is_empty() && !matches!(cell(row, "region"), "national" | "") {
            assert!(!v["localisation"].as_array().unwrap().is_empty(), "{id}");
        }
        let statut = match cell(row, "statut") {
            "" => "inconnu",
            s => s,
        };
        assert_eq!(v["statut"], statut, "{id}");
    }
    let ended = rows
        .iter()
        .filter(|r| cell(r, "statut") == "termine")
        .count();
    assert!(ended >= 4, "{ended}");
    let statut = all["facettes"]["statut"].as_array().unwrap();
    let termine = statut.iter().find(|f| f["code"] == "termine").unwrap();
    assert_eq!(termine["nombre"].as_u64(), Some(ended as u64));
    // Result lines say so too, in the API and on the page.
    let lines = app
        .get("/api/v1/alliances?statut=termine&par_page=100")
        .await
        .json();
    let lines = lines["resultats"].as_array().unwrap();
    assert_eq!(lines.len(), ended);
    assert!(lines.iter().all(|l| l["statut"] == "termine"));
    let page = app.get("/exemples?statut=termine").await.text();
    assert_eq!(page.matches(" · Terminée</p>").count(), ended, "{page}");
    app.remove().await;
}

/// The key the index orders alliances by puts a région's départements together, each
/// département's communes and intercommunalités with it, and the places in no région last.
async fn the_index_order_keeps_regions_and_departements_together(backend: &Backend) {
    use alliances_domain::territory::Level;
    use alliances_web::places::{order_key, with_parents};
    let app = TestApp::new(backend).await;
    let ready = app.state.ready().unwrap();
    let key = |level: Level, code: &str| order_key(ready, &with_parents(ready, level, code), &[]);
    // Île-de-France (11) before Auvergne-Rhône-Alpes (84); Isère (38) before Rhône (69).
    let (paris, isere, rhone) = (
        key(Level::Departement, "75"),
        key(Level::Departement, "38"),
        key(Level::Departement, "69"),
    );
    assert!(paris < isere && isere < rhone, "{paris} {isere} {rhone}");
    // The région alone comes just before its départements, after the previous région's.
    let region = key(Level::Region, "84");
    assert!(paris < region && region < isere, "{region}");
    // A commune of the Rhône (Lyon) and the Métropole de Lyon sit with the Rhône.
    assert_eq!(key(Level::Commune, "69123"), rhone);
    assert_eq!(key(Level::Epci, "200046977"), rhone);
    // Within a département, by first fragilité: the same one together, whatever the others.
    let places = with_parents(ready, Level::Departement, "69");
    let fragile = |codes: &[&str]| {
        let codes: Vec<String> = codes.iter().map(|c| (*c).to_owned()).collect();
        order_key(ready, &places, &codes)
    };
    assert_eq!(
        fragile(&["emploi", "ruralite"]),
        fragile(&["ruralite", "emploi"])
    );
    assert_ne!(fragile(&["emploi"]), fragile(&["ruralite"]));
    assert!(isere < fragile(&["emploi"]) && fragile(&["emploi"]) < key(Level::Departement, "2A"));
    // Nowhere: last.
    let nowhere = order_key(ready, &std::collections::BTreeSet::new(), &[]);
    assert!(nowhere > key(Level::Departement, "976"), "{nowhere}");
    app.remove().await;
}
