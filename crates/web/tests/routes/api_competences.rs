use alliances_testkit::{Backend, TestApp};

use crate::methodes_kit::post_form;

alliances_testkit::both_backends!(
    the_variants_last_the_sum_of_their_modules,
    a_module_gives_its_content_but_not_its_answers,
    a_certificate_verifies_then_reads_revoked,
);

/// Each variant's duration is the sum of its modules' activities, within ±15 % of 2 h,
/// 4 h and 12 h.
async fn the_variants_last_the_sum_of_their_modules(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/api/v1/parcours").await;
    assert_eq!(r.status, 200);
    let list = r.json();
    assert_eq!(list["total"], 3);
    let mut minutes = Vec::new();
    for v in list["resultats"].as_array().unwrap() {
        let slug = v["slug"].as_str().unwrap();
        let sum: u64 = v["modules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                assert!(!m["titre"].as_str().unwrap().is_empty());
                m["duree_minutes"].as_u64().unwrap()
            })
            .sum();
        assert_eq!(v["duree_minutes"].as_u64(), Some(sum), "{slug}");
        // A module's duration is its reading, quiz and exercises.
        for m in v["modules"].as_array().unwrap() {
            let detail = app
                .get(&format!("/api/v1/modules/{}", m["slug"].as_str().unwrap()))
                .await
                .json();
            let words: u64 = detail["lecons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    (l["texte"].as_str().unwrap().split_whitespace().count() as u64).div_ceil(200)
                })
                .sum();
            let exercises: u64 = detail["activites"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["minutes"].as_u64().unwrap())
                .sum();
            let quiz = detail["quiz"].as_array().unwrap().len() as u64;
            assert_eq!(detail["lecture_minutes"].as_u64(), Some(words));
            assert_eq!(detail["quiz_minutes"].as_u64(), Some(quiz));
            assert_eq!(
                m["duree_minutes"].as_u64(),
                Some(words + quiz + exercises),
                "{}",
                m["slug"]
            );
        }
        let one = app.get(&format!("/api/v1/parcours/{slug}")).await.json();
        assert_eq!(one["duree_minutes"], v["duree_minutes"]);
        minutes.push((slug.to_owned(), sum));
    }
    for ((slug, sum), aim) in minutes.iter().zip([120u64, 240, 720]) {
        let gap = sum.abs_diff(aim) as f64 / aim as f64;
        assert!(gap <= 0.15, "{slug}: {sum} minutes for {aim}");
    }
    let en = app.get("/api/v1/parcours?lang=en").await.json();
    assert_eq!(en["resultats"][0]["titre"], "The essentials");
    let r = app.get("/api/v1/parcours/inconnu").await;
    assert_eq!(r.status, 404);
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("application/problem+json")
    );
    app.remove().await;
}

async fn a_module_gives_its_content_but_not_its_answers(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = app
        .get("/api/v1/modules/gouvernance-et-conventions")
        .await
        .json();
    assert_eq!(m["slug"], "gouvernance-et-conventions");
    assert!(
        m["dimensions"]
            .as_array()
            .unwrap()
            .contains(&"gouvernance".into())
    );
    assert!(m["objectifs"].as_array().unwrap().len() >= 2);
    assert!(m["quiz"].as_array().unwrap().len() >= 5);
    for q in m["quiz"].as_array().unwrap() {
        assert!(
            q["reponses"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r.is_string())
        );
    }
    let text = m.to_string();
    assert!(!text.contains("correcte") && !text.contains("explication"));
    for l in m["liens"].as_array().unwrap() {
        let path = l["chemin"].as_str().unwrap();
        assert_eq!(app.get(path).await.status, 200, "{path}");
    }
    assert!(
        m["parcours"]
            .as_array()
            .unwrap()
            .contains(&"fondamentaux".into())
    );
    assert_eq!(app.get("/api/v1/modules/inconnu").await.status, 404);
    let doc = app.get("/api/openapi.json").await.json();
    for path in [
        "/api/v1/parcours",
        "/api/v1/parcours/{slug}",
        "/api/v1/modules/{slug}",
        "/api/v1/certificats/{code}",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path}");
    }
    app.remove().await;
}

async fn a_certificate_verifies_then_reads_revoked(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let p = app.state.settings.parcours.clone();
    let r = post_form(&app, "/competences/suivis", "parcours=essentiel").await;
    let base = r.header("location").unwrap();
    for m in p.modules_of(p.variant("essentiel").unwrap()) {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for q in &m.quiz {
            let right = q.reponses.iter().position(|a| a.correcte).unwrap();
            s.append_pair(&q.id, &right.to_string());
        }
        post_form(
            &app,
            &format!("{base}/modules/{}/quiz", m.slug),
            &s.finish(),
        )
        .await;
    }
    let r = post_form(&app, &format!("{base}/certificats"), "").await;
    assert_eq!(r.status, 303, "{}", r.text());
    let holder = r.header("location").unwrap();
    let code = holder.rsplit('/').next().unwrap().to_owned();
    let c = app.get(&format!("/api/v1/certificats/{code}")).await;
    assert_eq!(c.status, 200);
    let c = c.json();
    assert_eq!(c["code"], code.as_str());
    assert_eq!(c["parcours"], "essentiel");
    assert_eq!(c["statut"], "valide");
    assert_eq!(c["nom"], serde_json::Value::Null, "no name unless asked");
    assert_eq!(c["date"].as_str().unwrap().len(), 10);
    assert_eq!(c["modules"].as_array().unwrap().len(), 3);
    post_form(&app, &format!("{holder}/supprimer"), "").await;
    let c = app.get(&format!("/api/v1/certificats/{code}")).await.json();
    assert_eq!(c["statut"], "revoque");
    let r = app.get("/api/v1/certificats/AAAA-BBBB-CCCC-DDDD").await;
    assert_eq!(r.status, 404);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("Aucun certificat ne porte ce code")
    );
    app.remove().await;
}
