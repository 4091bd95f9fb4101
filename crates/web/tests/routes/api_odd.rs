use alliances_testkit::{Backend, TestApp};

alliances_testkit::both_backends!(
    goals_have_codes_titles_and_colours,
    sdg17_has_19_targets,
    target_detail_and_errors
);

async fn goals_have_codes_titles_and_colours(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/api/v1/odd/objectifs").await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let v = r.json();
    assert_eq!(v["total"], 17);
    let goals = v["resultats"].as_array().unwrap();
    assert_eq!(goals.len(), 17);
    for g in goals {
        for key in ["code", "titre_fr", "titre_en", "couleur"] {
            assert!(g[key].is_string(), "{key} in {g}");
        }
        assert!(g["couleur"].as_str().unwrap().starts_with('#'));
    }
    assert_eq!(goals[16]["code"], "17");
    assert_eq!(goals[16]["couleur"], "#19486A");
    assert_eq!(goals[16]["titre_en"], "Partnerships for the goals");
    let page = app
        .get("/api/v1/odd/objectifs?page=2&par_page=10")
        .await
        .json();
    assert_eq!(
        (
            page["total"].as_u64(),
            page["resultats"].as_array().unwrap().len()
        ),
        (Some(17), 7)
    );
    app.remove().await;
}

async fn sdg17_has_19_targets(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let v = app.get("/api/v1/odd/objectifs/17/cibles").await.json();
    assert_eq!(v["total"], 19);
    let targets = v["resultats"].as_array().unwrap();
    let codes: Vec<&str> = targets
        .iter()
        .map(|t| t["code"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (1..=19).map(|n| format!("17.{n}")).collect();
    assert_eq!(codes, expected);
    assert!(
        targets
            .iter()
            .all(|t| t["titre_fr"].as_str().is_some_and(|s| !s.is_empty()))
    );
    assert_eq!(targets[16]["groupe"]["code"], "questions-structurelles");
    assert_eq!(targets[0]["groupe"]["libelle"], "Finance");
    let goal = app.get("/api/v1/odd/objectifs/17").await.json();
    assert_eq!(goal["cibles"].as_array().unwrap().len(), 19);
    app.remove().await;
}

async fn target_detail_and_errors(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let v = app.get("/api/v1/odd/cibles/17.17").await.json();
    assert_eq!(v["code"], "17.17");
    assert_eq!(v["indicateurs"][0]["code"], "17.17.1");
    let missing = app.get("/api/v1/odd/objectifs/18").await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type").as_deref(),
        Some("application/problem+json")
    );
    let p = missing.json();
    assert_eq!(p["status"], 404);
    assert!(
        p["detail"].as_str().unwrap().contains("Vérifiez"),
        "French detail: {p}"
    );
    let bad = app.get("/api/v1/odd/objectifs?par_page=1001&page=0").await;
    assert_eq!(bad.status, 422);
    let p = bad.json();
    let fields: Vec<&str> = p["erreurs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["champ"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["page", "par_page"]);
    assert!(
        p["erreurs"][1]["message"]
            .as_str()
            .unwrap()
            .contains("entre 1 et 1000")
    );
    app.remove().await;
}
