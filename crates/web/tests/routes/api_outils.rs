//! `/api/v1/outils`: every tool of the data file with its sources, facets counted the way
//! the filters filter (a tool for « tous » under every audience, one with no maturity under
//! every level), the French text search, one tool with our description, French 422s.

use std::collections::BTreeSet;

use alliances_testkit::{Backend, TestApp};
use serde_json::Value;

use crate::api_donnees::{assert_422, cell, list, table};

alliances_testkit::both_backends!(
    every_tool_of_the_data_is_listed_with_its_sources,
    facet_counts_are_the_totals_of_their_filters,
    text_search_ignores_accents_and_plurals,
    one_tool_and_errors,
    open_data_dumps_of_the_tools
);

const OUTILS_CSV: &str = include_str!("../../../../data/outils/outils.csv");

fn slugs(v: &Value) -> BTreeSet<String> {
    v["resultats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["slug"].as_str().unwrap().to_owned())
        .collect()
}

fn total(v: &Value) -> u64 {
    v["total"].as_u64().unwrap()
}

async fn every_tool_of_the_data_is_listed_with_its_sources(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let rows = table(OUTILS_CSV);
    assert_eq!(rows.len(), 82);
    let v = app.get("/api/v1/outils?par_page=1000").await.json();
    assert_eq!(total(&v), 82);
    let listed = v["resultats"].as_array().unwrap();
    for row in &rows {
        let id = cell(row, "id");
        let t = listed
            .iter()
            .find(|t| t["slug"] == id)
            .unwrap_or_else(|| panic!("{id} not listed"));
        assert_eq!(t["nom"], cell(row, "name"), "{id}");
        assert_eq!(t["type"], cell(row, "tool_type"), "{id}");
        let phases: Vec<&str> = t["phases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(phases, list(cell(row, "phases")), "{id}");
        let sources: Vec<&str> = t["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                assert_eq!(s["consulte_le"], cell(row, "retrieved"));
                s["url"].as_str().unwrap()
            })
            .collect();
        assert_eq!(sources, list(cell(row, "source_urls")), "{id}");
        match cell(row, "url") {
            "" => assert!(t["url"].is_null(), "{id}: no official page, no link"),
            url => assert_eq!(t["url"], url, "{id}"),
        }
        match cell(row, "access") {
            "" => assert!(t["acces"].is_null(), "{id}"),
            a => assert_eq!(t["acces"], a, "{id}"),
        }
        assert!(
            t.get("description").is_none(),
            "the list has no description"
        );
    }
    // A copy on a document-sharing site is a source, never the official page.
    let cgdd = listed
        .iter()
        .find(|t| t["slug"] == "cgdd-odd-et-territoires")
        .unwrap();
    assert!(cgdd["url"].is_null());
    assert!(
        cgdd["sources"][0]["url"]
            .as_str()
            .unwrap()
            .contains("123dok")
    );
    app.remove().await;
}

/// Each value's count is the total the list gives with that filter: what a cell of the
/// cartography will show (phase × audience) is the list it links to.
async fn facet_counts_are_the_totals_of_their_filters(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let all = app.get("/api/v1/outils?par_page=1").await.json();
    let everyone = table(OUTILS_CSV)
        .iter()
        .filter(|r| list(cell(r, "audiences")).contains(&"tous"))
        .count() as u64;
    assert!(everyone > 0);
    for facet in ["phase", "public", "type", "maturite", "acces", "langue"] {
        let values = all["facettes"][facet].as_array().unwrap();
        assert!(!values.is_empty(), "{facet}");
        for value in values {
            let code = value["code"].as_str().unwrap();
            assert!(!value["libelle"].as_str().unwrap().is_empty());
            let filtered = app
                .get(&format!("/api/v1/outils?{facet}={code}&par_page=1"))
                .await
                .json();
            assert_eq!(
                value["nombre"].as_u64(),
                Some(total(&filtered)),
                "{facet}={code}"
            );
            if facet == "public" {
                assert!(
                    total(&filtered) >= everyone,
                    "a tool for « tous » fits {code}"
                );
            }
        }
    }
    // Phase × audience: the count under a phase's filter is the total of both filters.
    let construire = app
        .get("/api/v1/outils?phase=construire&par_page=1")
        .await
        .json();
    for value in construire["facettes"]["public"].as_array().unwrap() {
        let code = value["code"].as_str().unwrap();
        let both = app
            .get(&format!(
                "/api/v1/outils?phase=construire&public={code}&par_page=1"
            ))
            .await
            .json();
        assert_eq!(
            value["nombre"].as_u64(),
            Some(total(&both)),
            "construire × {code}"
        );
    }
    // A facet's own selection does not narrow its counts; the others do.
    let picked = app.get("/api/v1/outils?type=guide&par_page=1").await.json();
    assert_eq!(picked["facettes"]["type"], all["facettes"]["type"]);
    assert!(total(&picked) < total(&all));
    app.remove().await;
}

async fn text_search_ignores_accents_and_plurals(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let plain = app
        .get("/api/v1/outils?q=cooperation&par_page=100")
        .await
        .json();
    let accented = app
        .get("/api/v1/outils?q=coop%C3%A9ration&par_page=100")
        .await
        .json();
    assert!(total(&plain) >= 3, "{plain}");
    assert_eq!(slugs(&plain), slugs(&accented));
    // Every tool whose name says « coopération » is found.
    for row in table(OUTILS_CSV) {
        if cell(&row, "name").to_lowercase().contains("coopération") {
            assert!(
                slugs(&plain).contains(cell(&row, "id")),
                "{}",
                cell(&row, "id")
            );
        }
    }
    let guides = app.get("/api/v1/outils?q=guides&par_page=100").await.json();
    let guide = app.get("/api/v1/outils?q=guide&par_page=100").await.json();
    assert_eq!(slugs(&guides), slugs(&guide));
    let none = app.get("/api/v1/outils?q=zzzqqq").await.json();
    assert_eq!(total(&none), 0);
    app.remove().await;
}

async fn one_tool_and_errors(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let v = app
        .get("/api/v1/outils/rameau-evaluation-partenariale-en-pratique")
        .await
        .json();
    assert_eq!(v["editeur"], "Le RAMEAU");
    assert_eq!(v["publics"][0], "tous");
    assert!(v["description"].as_str().unwrap().len() > 100);
    assert_eq!(app.get("/api/v1/outils/inconnu").await.status, 404);
    assert_422(&app, "/api/v1/outils?phase=rever", "phase").await;
    assert_422(&app, "/api/v1/outils?public=martiens", "public").await;
    assert_422(&app, "/api/v1/outils?langue=xx", "langue").await;
    assert_422(&app, "/api/v1/outils?couleur=bleu", "couleur").await;
    let doc = app.get("/api/openapi.json").await.json();
    assert!(doc["paths"]["/api/v1/outils"].is_object());
    assert!(doc["paths"]["/api/v1/outils/{slug}"].is_object());
    app.remove().await;
}

/// `/donnees-ouvertes/outils.*`: the import layout with our description (re-importable),
/// the spreadsheet, the JSON of every tool and the Table Schema; the page lists them.
async fn open_data_dumps_of_the_tools(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let csv = app.get("/donnees-ouvertes/outils.csv").await;
    assert_eq!(csv.status, 200);
    let body = csv.text();
    let header = "\u{feff}id,name,publisher,year,tool_type,phases,audiences,maturity,languages,access,licence,url,source_urls,retrieved,description";
    assert!(body.starts_with(header), "{}", &body[..200]);
    let rows = crate::api_donnees::csv_records(body.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 1 + 82);
    assert!(
        rows[1..].iter().all(|r| !r[14].is_empty()),
        "every tool has our description"
    );
    let xlsx = app.get("/donnees-ouvertes/outils.xlsx").await;
    assert_eq!(xlsx.status, 200);
    assert!(
        xlsx.header("content-type")
            .unwrap()
            .contains("spreadsheetml")
    );
    let json = app.get("/donnees-ouvertes/outils.json").await.json();
    assert_eq!(json["total"], 82);
    assert!(
        json["licence"]
            .as_str()
            .unwrap()
            .contains("Licence Ouverte")
    );
    let schema = app.get("/donnees-ouvertes/outils.schema.json").await.json();
    assert_eq!(schema["primaryKey"], "id");
    assert_eq!(schema["fields"].as_array().unwrap().len(), 15);
    let page = app.get("/donnees-ouvertes").await.text();
    for file in [
        "outils.csv",
        "outils.xlsx",
        "outils.json",
        "outils.schema.json",
    ] {
        assert!(
            page.contains(&format!("href=\"/donnees-ouvertes/{file}\"")),
            "{file}"
        );
    }
    app.remove().await;
}
