use alliances_domain::parcours::Module;
use alliances_store::Db;
use alliances_testkit::{Backend, TestApp};

use crate::methodes_kit::post_form;
use crate::visible_text;

alliances_testkit::both_backends!(
    the_landing_page_offers_three_variants_and_twelve_modules,
    a_public_module_explains_its_quiz_and_records_nothing,
    a_learner_completes_a_variant_and_gets_a_certificate,
    forged_links_and_codes_get_a_french_error_and_change_nothing,
    a_facilitator_sees_completions_never_answers,
    whoever_holds_the_link_can_delete_it,
    the_passing_threshold_is_the_operators,
);

async fn count(db: &Db, table: &str) -> i64 {
    let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}"));
    match db {
        Db::Sqlite(s) => sqlx::query_scalar(sql).fetch_one(&s.read).await.unwrap(),
        Db::Pg(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
    }
}

/// The quiz form with every answer right, or with question `wrong` answered wrongly.
fn quiz_body(m: &Module, wrong: Option<usize>) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (i, q) in m.quiz.iter().enumerate() {
        let right = q.reponses.iter().position(|r| r.correcte).unwrap();
        let chosen = if wrong == Some(i) {
            (right + 1) % q.reponses.len()
        } else {
            right
        };
        s.append_pair(&q.id, &chosen.to_string());
    }
    s.finish()
}

/// Starts a progress on `variant`; returns its path.
async fn start(app: &TestApp, variant: &str) -> String {
    let r = post_form(app, "/competences/suivis", &format!("parcours={variant}")).await;
    assert_eq!(r.status, 303, "{}", r.text());
    r.header("location").unwrap()
}

async fn the_landing_page_offers_three_variants_and_twelve_modules(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let p = app.state.settings.parcours.clone();
    let page = app.get("/competences").await;
    assert_eq!(page.status, 200);
    let text = visible_text(&page.text());
    assert!(text.contains("Alliances et Territoires"), "{text}");
    for v in &p.variantes {
        assert!(
            text.contains(&format!("Commencer « {} »", v.titre.fr)),
            "{}",
            v.slug
        );
        let variant = app.get(&format!("/competences/parcours/{}", v.slug)).await;
        assert_eq!(variant.status, 200);
        let vt = visible_text(&variant.text());
        for m in p.modules_of(v) {
            assert!(vt.contains(&m.titre.fr), "{} in {}", m.slug, v.slug);
        }
    }
    assert_eq!(p.modules.len(), 12);
    for m in &p.modules {
        assert!(text.contains(&m.titre.fr), "{}", m.slug);
        let page = app.get(&format!("/competences/modules/{}", m.slug)).await;
        assert_eq!(page.status, 200, "{}", m.slug);
        let html = page.text();
        // Every lesson, every exercise and every question is on the page, the quiz as a
        // plain form of radio buttons.
        for l in &m.lecons {
            assert!(html.contains(&format!("id=\"{}\"", l.id)), "{}", l.id);
        }
        assert_eq!(
            html.matches("type=\"radio\"").count(),
            m.quiz.iter().map(|q| q.reponses.len()).sum::<usize>()
        );
        assert!(html.contains(&format!(
            "action=\"/competences/modules/{}/quiz#resultat\"",
            m.slug
        )));
    }
    let en = app.get("/en/competences").await;
    assert_eq!(en.status, 200);
    assert!(visible_text(&en.text()).contains("Alliances and Territories"));
    assert_eq!(app.get("/competences/parcours/inconnu").await.status, 404);
    assert_eq!(app.get("/competences/modules/inconnu").await.status, 404);
    app.remove().await;
}

async fn a_public_module_explains_its_quiz_and_records_nothing(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let p = app.state.settings.parcours.clone();
    let m = p.module("modes-relationnels").unwrap();
    let path = "/competences/modules/modes-relationnels/quiz";
    let r = post_form(&app, path, &quiz_body(m, Some(1))).await;
    assert_eq!(r.status, 200);
    let text = visible_text(&r.text());
    let q = &m.quiz[1];
    let right = q.reponses.iter().position(|a| a.correcte).unwrap();
    let chosen = &q.reponses[(right + 1) % q.reponses.len()];
    assert!(
        text.contains(&chosen.explication.fr),
        "the wrong answer's explanation is shown"
    );
    assert!(text.contains("Pas tout à fait."));
    assert!(text.contains(&format!(
        "Résultat : {} / {}",
        m.quiz.len() - 1,
        m.quiz.len()
    )));
    assert!(text.contains("toutes les réponses justes"));
    let r = post_form(&app, path, &quiz_body(m, None)).await;
    assert!(visible_text(&r.text()).contains("Quiz réussi"));
    assert_eq!(count(&app.state.db, "parcours_modules").await, 0);
    assert_eq!(count(&app.state.db, "parcours_suivis").await, 0);
    app.remove().await;
}

async fn a_learner_completes_a_variant_and_gets_a_certificate(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let p = app.state.settings.parcours.clone();
    let base = start(&app, "essentiel").await;
    let secret = base.rsplit('/').next().unwrap().to_owned();
    assert_eq!(secret.len(), 40, "160 bits in hex");
    let page = app.get(&base).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("x-robots-tag").as_deref(),
        Some("noindex, nofollow")
    );
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));
    assert!(
        page.text().contains(&secret),
        "the page shows the link to keep"
    );
    // The database keeps the hash of the secret, never the secret.
    let key = alliances_web::links::key_of(&secret);
    assert!(
        alliances_store::parcours::get(&app.state.db, &secret)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        alliances_store::parcours::get(&app.state.db, &key)
            .await
            .unwrap()
            .is_some()
    );
    let v = p.variant("essentiel").unwrap();
    // The certificate waits for every module.
    let early = post_form(&app, &format!("{base}/certificats"), "").await;
    assert_eq!(early.status, 422);
    assert!(early.text().contains("il reste des modules à terminer"));
    for (i, m) in p.modules_of(v).enumerate() {
        let path = format!("{base}/modules/{}/quiz", m.slug);
        let wrong = post_form(&app, &path, &quiz_body(m, Some(0))).await;
        assert_eq!(wrong.status, 200);
        assert!(visible_text(&wrong.text()).contains("pas encore terminé"));
        let done = alliances_store::parcours::completed(&app.state.db, &key)
            .await
            .unwrap();
        assert_eq!(done.len(), i, "a wrong answer completes nothing");
        let right = post_form(&app, &path, &quiz_body(m, None)).await;
        let text = visible_text(&right.text());
        assert!(text.contains("Module terminé"), "{text}");
        assert_eq!(
            alliances_store::parcours::completed(&app.state.db, &key)
                .await
                .unwrap()
                .len(),
            i + 1
        );
    }
    let overview = visible_text(&app.get(&base).await.text());
    assert!(overview.contains("Modules terminés : 3 / 3"), "{overview}");
    // A name only when asked for, and never empty.
    let r = post_form(&app, &format!("{base}/certificats"), "afficher_nom=1&nom=").await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("nom"));
    let r = post_form(
        &app,
        &format!("{base}/certificats"),
        "afficher_nom=1&nom=Camille+Martin",
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let holder = r.header("location").unwrap();
    let code = holder.rsplit('/').next().unwrap().to_owned();
    assert_eq!(code.len(), 19, "XXXX-XXXX-XXXX-XXXX");
    let page = app.get(&holder).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains(&format!("/certificats/{code}")));
    // Anyone verifies it, in any case, with or without hyphens.
    let public = app.get(&format!("/certificats/{code}")).await;
    assert_eq!(public.status, 200);
    assert_eq!(
        public.header("x-robots-tag").as_deref(),
        Some("noindex, nofollow")
    );
    let text = visible_text(&public.text());
    assert!(text.contains("Certificat valide") && text.contains("Camille Martin"));
    for m in p.modules_of(v) {
        assert!(text.contains(&m.titre.fr), "{}", m.slug);
    }
    let typed = code.replace('-', " ").to_lowercase();
    let r = app
        .get(&format!("/certificats?code={}", typed.replace(' ', "+")))
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some(format!("/certificats/{code}")));
    // The credential: a JWT signed RS256, the public key in its header and in the JWKS.
    let jwt = app.get(&format!("{holder}/openbadge.jwt")).await;
    assert_eq!(jwt.status, 200);
    assert_eq!(
        jwt.header("content-type").as_deref(),
        Some("application/jwt")
    );
    let token = jwt.text();
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let decode = |s: &str| -> serde_json::Value {
        use base64::Engine as _;
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(s)
                .unwrap(),
        )
        .unwrap()
    };
    let header = decode(parts[0]);
    let payload = decode(parts[1]);
    assert_eq!(header["alg"], "RS256");
    let jwks = app.get("/.well-known/jwks.json").await.json();
    let key = &jwks["keys"][0];
    assert_eq!(key["kid"], header["kid"]);
    assert_eq!(key["n"], header["jwk"]["n"]);
    assert_eq!(key["e"], header["jwk"]["e"]);
    assert_eq!(
        payload["type"],
        serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    assert_eq!(payload["jti"], payload["id"]);
    assert_eq!(payload["iss"], payload["issuer"]["id"]);
    assert!(
        payload["id"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/certificats/{code}"))
    );
    let identifiers = payload["credentialSubject"]["identifier"]
        .as_array()
        .unwrap();
    assert!(
        identifiers
            .iter()
            .any(|i| i["identityType"] == "issuerId" && i["identityHash"] == code.as_str())
    );
    assert!(
        identifiers
            .iter()
            .any(|i| i["identityType"] == "name" && i["identityHash"] == "Camille Martin")
    );
    // Asking again gives the same certificate.
    let again = post_form(
        &app,
        &format!("{base}/certificats"),
        "afficher_nom=1&nom=Camille+Martin",
    )
    .await;
    assert_eq!(again.header("location").as_deref(), Some(holder.as_str()));
    assert!(payload["nbf"].as_i64().is_some());
    // The holder deletes it: it verifies as revoked, without the name, and is no longer
    // downloadable.
    let r = post_form(&app, &format!("{holder}/supprimer"), "").await;
    assert_eq!(r.status, 303);
    let text = visible_text(&app.get(&format!("/certificats/{code}")).await.text());
    assert!(
        text.contains("Révoqué") && !text.contains("Camille"),
        "{text}"
    );
    assert_eq!(
        app.get(&format!("{holder}/openbadge.jwt")).await.status,
        404
    );
    app.remove().await;
}

async fn forged_links_and_codes_get_a_french_error_and_change_nothing(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let base = start(&app, "essentiel").await;
    let forged = format!("/competences/suivis/{}", "0".repeat(40));
    let m = app
        .state
        .settings
        .parcours
        .module("pourquoi-s-allier")
        .unwrap()
        .clone();
    for path in [
        format!("{forged}/modules/pourquoi-s-allier/quiz"),
        "/competences/suivis/pas-un-secret/modules/pourquoi-s-allier/quiz".to_owned(),
        format!("{forged}/certificats"),
    ] {
        let r = post_form(&app, &path, &quiz_body(&m, None)).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(
            visible_text(&r.text()).contains("Ce lien de suivi n'existe pas ou plus"),
            "{path}"
        );
    }
    assert_eq!(app.get(&forged).await.status, 404);
    assert_eq!(count(&app.state.db, "parcours_suivis").await, 1);
    assert_eq!(count(&app.state.db, "parcours_modules").await, 0);
    assert_eq!(count(&app.state.db, "certificats").await, 0);
    // An unknown module behind a real link is a 404 too.
    let r = post_form(&app, &format!("{base}/modules/inconnu/quiz"), "").await;
    assert_eq!(r.status, 404);
    // Unknown certificate codes, well formed or not.
    for code in ["ZZZZ-ZZZZ-ZZZZ-ZZZZ", "pas-un-code"] {
        let r = app.get(&format!("/certificats/{code}")).await;
        assert_eq!(r.status, 404);
        assert!(visible_text(&r.text()).contains("Aucun certificat ne porte ce code"));
    }
    // A start on an unknown variant names the field.
    let r = post_form(&app, "/competences/suivis", "parcours=inconnu").await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("parcours"));
    assert_eq!(count(&app.state.db, "parcours_suivis").await, 1);
    app.remove().await;
}

async fn a_facilitator_sees_completions_never_answers(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = post_form(
        &app,
        "/competences/groupes",
        "nom=Promo+2027&parcours=essentiel&apprenants=Ana%0ABasile%0Aana",
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let group = r.header("location").unwrap();
    let html = app.get(&group).await.text();
    let links: Vec<String> = html
        .match_indices("/competences/suivis/")
        .map(|(i, _)| html[i..i + "/competences/suivis/".len() + 40].to_owned())
        .collect();
    assert_eq!(links.len(), 2, "one link per learner, duplicates dropped");
    let m = app
        .state
        .settings
        .parcours
        .module("pourquoi-s-allier")
        .unwrap()
        .clone();
    let first = app.get(&links[0]).await;
    assert_eq!(first.status, 200);
    assert!(visible_text(&first.text()).contains("avec le groupe « Promo 2027 »"));
    let wrong = post_form(
        &app,
        &format!("{}/modules/pourquoi-s-allier/quiz", links[0]),
        &quiz_body(&m, Some(2)),
    )
    .await;
    assert_eq!(wrong.status, 200);
    post_form(
        &app,
        &format!("{}/modules/pourquoi-s-allier/quiz", links[0]),
        &quiz_body(&m, None),
    )
    .await;
    let page = app.get(&group).await;
    assert_eq!(
        page.header("x-robots-tag").as_deref(),
        Some("noindex, nofollow")
    );
    let text = visible_text(&page.text());
    assert!(text.contains("Ana 1 / 3 modules"), "{text}");
    assert!(text.contains("Basile 0 / 3 modules"), "{text}");
    // No answer and no explanation reaches the facilitator.
    for q in &m.quiz {
        for a in &q.reponses {
            assert!(!text.contains(&a.explication.fr), "{}", q.id);
        }
    }
    // A learner cannot change the group's variant.
    let r = post_form(&app, &format!("{}/parcours", links[0]), "parcours=complet").await;
    assert_eq!(r.status, 422);
    let r = post_form(
        &app,
        "/competences/groupes",
        "nom=&parcours=essentiel&apprenants=A",
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(visible_text(&r.text()).contains("Donnez un nom au groupe"));
    app.remove().await;
}

async fn whoever_holds_the_link_can_delete_it(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let base = start(&app, "essentiel").await;
    let confirm = app.get(&format!("{base}/supprimer")).await;
    assert_eq!(confirm.status, 200);
    assert!(visible_text(&confirm.text()).contains("Supprimer définitivement"));
    let r = post_form(&app, &format!("{base}/supprimer"), "").await;
    assert_eq!(r.status, 200);
    assert_eq!(app.get(&base).await.status, 404);
    assert_eq!(count(&app.state.db, "parcours_suivis").await, 0);
    app.remove().await;
}

/// With `seuil_quiz = 80`, one wrong answer out of 7 or 8 still completes the module; two do
/// not (the default, 100, asks for every answer: tested above).
async fn the_passing_threshold_is_the_operators(backend: &Backend) {
    let mut settings = alliances_testkit::test_settings();
    settings.quiz_threshold = 80;
    let app = TestApp::with_settings(backend, settings).await;
    let p = app.state.settings.parcours.clone();
    let m = p.module("modes-relationnels").unwrap();
    assert!(m.quiz.len() >= 5);
    let base = start(&app, "essentiel").await;
    let path = format!("{base}/modules/modes-relationnels/quiz");
    let mut two_wrong = form_urlencoded::Serializer::new(String::new());
    for (i, q) in m.quiz.iter().enumerate() {
        let right = q.reponses.iter().position(|a| a.correcte).unwrap();
        let chosen = if i < 2 {
            (right + 1) % q.reponses.len()
        } else {
            right
        };
        two_wrong.append_pair(&q.id, &chosen.to_string());
    }
    let r = post_form(&app, &path, &two_wrong.finish()).await;
    let text = visible_text(&r.text());
    // Two wrong out of fewer than 10 questions is under 80 %.
    assert!(m.quiz.len() < 10);
    assert!(text.contains("il faut 80 % de bonnes réponses"), "{text}");
    assert!(!text.contains("Module terminé"), "{text}");
    let r = post_form(&app, &path, &quiz_body(m, Some(0))).await;
    let text = visible_text(&r.text());
    assert!(text.contains("Module terminé"), "{text}");
    let key = alliances_web::links::key_of(base.rsplit('/').next().unwrap());
    assert_eq!(
        alliances_store::parcours::completed(&app.state.db, &key)
            .await
            .unwrap()
            .len(),
        1
    );
    app.remove().await;
}
