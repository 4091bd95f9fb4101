//! `/donnees-ouvertes/alliances.*`: the dumps stream page by page from the database; every
//! alliance appears exactly once in each, over several pages.

use std::collections::BTreeSet;

use alliances_store::alliances as store;
use alliances_testkit::{Backend, TestApp};

alliances_testkit::both_backends!(alliance_dumps_hold_every_page_once);

/// More than the dumps read per page (500), beside the seed.
const EXTRA: usize = 700;

async fn alliance_dumps_hold_every_page_once(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let db = &app.db.db;
    let model = store::page_after(db, None, 1)
        .await
        .unwrap()
        .remove(0)
        .alliance;
    let copies: Vec<_> = (0..EXTRA)
        .map(|i| {
            let mut a = model.clone();
            a.slug = format!("copie-de-test-{i:04}");
            a.nom = format!("Copie de test {i} (donnée de test)");
            a
        })
        .collect();
    store::upsert_all(db, &copies, "essai", 1_796_292_000)
        .await
        .unwrap();
    let expected: BTreeSet<String> = store::slugs(db)
        .await
        .unwrap()
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    assert_eq!(expected.len(), alliances_store::seed::seed_len() + EXTRA);

    let once = |slugs: Vec<String>, what: &str| {
        let set: BTreeSet<String> = slugs.iter().cloned().collect();
        assert_eq!(set.len(), slugs.len(), "{what}: a slug twice");
        assert_eq!(set, expected, "{what}");
    };
    let json = app.get("/donnees-ouvertes/alliances.json").await.json();
    assert_eq!(json["total"], expected.len());
    let list = json["resultats"].as_array().unwrap();
    once(
        list.iter()
            .map(|a| a["slug"].as_str().unwrap().to_owned())
            .collect(),
        "json",
    );
    let geo = app.get("/donnees-ouvertes/alliances.geojson").await.json();
    once(
        geo["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"]["slug"].as_str().unwrap().to_owned())
            .collect(),
        "geojson",
    );
    let ld = app.get("/donnees-ouvertes/alliances.jsonld").await.json();
    once(
        ld["hasPart"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["identifier"].as_str().unwrap().to_owned())
            .collect(),
        "jsonld",
    );
    let csv = app.get("/donnees-ouvertes/alliances.csv").await;
    assert_eq!(
        csv.header("content-disposition").as_deref(),
        Some("attachment; filename=\"alliances.csv\"")
    );
    let records = crate::api_donnees::csv_records(&csv.text());
    assert_eq!(records[0][0], "id");
    once(records[1..].iter().map(|r| r[0].clone()).collect(), "csv");
    app.remove().await;
}
