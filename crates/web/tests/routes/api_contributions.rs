//! `POST /api/v1/propositions`, `PUT /api/v1/propositions/{id}`, the moderation pages
//! (`/moderation…`), `GET /api/v1/alliances/{slug}/historique` and `/exemples/{slug}/historique`:
//! a proposal accepted, searchable, corrected after a request for changes, restored; the same
//! for tools and catalyseurs (`?genre=`, `GET /api/v1/{outils|catalyseurs}/{slug}/historique`).

use std::time::{Duration, Instant};

use alliances_domain::compte::Role;
use alliances_store::{comptes, propositions};
use alliances_testkit::{Backend, TestApp, mentions};
use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};

use crate::compte_kit::{accept_form, form, get_as, member, post_as, session};
use crate::visible_text;

alliances_testkit::both_backends!(
    proposals_need_a_confirmed_member_and_a_valid_body,
    a_proposal_is_moderated_published_corrected_and_restored,
    moderators_give_reasons_and_filter_the_queue,
    tools_and_catalyseurs_are_proposed_moderated_and_restored,
);

/// `METHOD path` with a JSON body and a Bearer token or a session cookie.
async fn json_as(
    app: &TestApp,
    method: &str,
    path: &str,
    auth: &Auth,
    body: &Value,
) -> alliances_testkit::TestResponse {
    let mut r = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/json");
    r = match auth {
        Auth::None => r,
        Auth::Bearer(t) => r.header("authorization", format!("Bearer {t}")),
        Auth::Cookie(s) => r.header("cookie", crate::compte_kit::cookie(s)),
    };
    app.request(r.body(Body::from(body.to_string())).unwrap())
        .await
}

enum Auth {
    None,
    Bearer(String),
    Cookie(String),
}

/// An API token for an account, made in the store.
async fn token(app: &TestApp, account: &str) -> String {
    let secret = alliances_web::links::new_secret();
    comptes::create_api_token(
        &app.db.db,
        &alliances_web::links::key_of(&secret),
        account,
        "test",
        app.state.now(),
    )
    .await
    .unwrap();
    secret
}

/// A new alliance in the API's shape: a shipped record's JSON under a new slug and name.
async fn new_alliance(app: &TestApp, slug: &str, nom: &str) -> Value {
    let mut v = app
        .get("/api/v1/alliances/ptce-vivre-les-mureaux")
        .await
        .json();
    v["slug"] = json!(slug);
    v["nom"] = json!(nom);
    v
}

async fn count(app: &TestApp) -> usize {
    propositions::queue(
        &app.db.db,
        &propositions::Queue {
            statuts: &["en_attente", "changements_demandes", "acceptee", "refusee"],
            limit: 1000,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .len()
}

async fn proposals_need_a_confirmed_member_and_a_valid_body(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let body = new_alliance(
        &app,
        "alliance-proposee-test",
        "Alliance proposée pour le test",
    )
    .await;
    let r = json_as(&app, "POST", "/api/v1/propositions", &Auth::None, &body).await;
    assert_eq!(r.status, 401);
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("application/problem+json")
    );
    let r = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Bearer("0".repeat(40)),
        &body,
    )
    .await;
    assert_eq!(r.status, 401, "an unknown token is refused, not ignored");

    let m = member(&app, "membre@exemple.fr", Role::Membre).await;
    // An address not confirmed yet cannot propose.
    let pending = {
        let mut a = m.clone();
        a.id = "non-confirme".into();
        a.courriel = "pas.encore@exemple.fr".into();
        a.verifie_le = None;
        comptes::create(&app.db.db, &a).await.unwrap();
        a.id
    };
    let pending_token = token(&app, &pending).await;
    let r = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Bearer(pending_token),
        &body,
    )
    .await;
    assert_eq!(r.status, 401, "a token works for a confirmed address only");
    let (pending_session, _) = session(&app, &pending).await;
    let r = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Cookie(pending_session.clone()),
        &body,
    )
    .await;
    assert_eq!(r.status, 403);
    assert!(r.json()["detail"].as_str().unwrap().contains("Confirmez"));
    // With the session, the API takes JSON only (a form could come from another site).
    let r = post_as(
        &app,
        "/api/v1/propositions",
        Some(&pending_session),
        "slug=x",
    )
    .await;
    assert_eq!(r.status, 415);

    // A bad body: every field named, nothing stored.
    let t = token(&app, &m.id).await;
    let mut bad = body.clone();
    bad["slug"] = json!("Pas Un Slug");
    bad["domaines"] = json!(["inconnu"]);
    bad["territoires"] = json!([{ "niveau": "commune", "code": "00000" }]);
    bad["odd"]["cibles"] = json!([{ "code": "99.1", "origine": "stated" }]);
    let r = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Bearer(t.clone()),
        &bad,
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.text());
    let problem = r.json();
    let fields: Vec<&str> = problem["erreurs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["champ"].as_str().unwrap())
        .collect();
    for f in ["slug", "domaines[0]", "territoires[0]", "odd.cibles[0]"] {
        assert!(fields.iter().any(|x| x.starts_with(f)), "{f} in {fields:?}");
    }
    let mut wrong_type = body.clone();
    wrong_type["partenaires"] = json!("La Gerbe");
    let r = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Bearer(t.clone()),
        &wrong_type,
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["erreurs"][0]["champ"], "partenaires");
    let r = app
        .request(
            Request::post("/api/v1/propositions")
                .header("authorization", format!("Bearer {t}"))
                .header("content-type", "application/json")
                .body(Body::from("[1, 2"))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(count(&app).await, 0, "nothing stored");

    let r = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Bearer(t),
        &body,
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let created = r.json();
    assert_eq!(created["statut"], "en_attente");
    let p = propositions::get(&app.db.db, created["id"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((p.cible, p.auteur.as_deref()), (None, Some(m.id.as_str())));
    assert!(p.territoires.contains("commune:78440"));
    // Nothing is published before a moderator decides.
    assert_eq!(
        app.get("/api/v1/alliances/alliance-proposee-test")
            .await
            .status,
        404
    );
    app.remove().await;
}

async fn searchable(app: &TestApp, q: &str, slug: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let r = app.get(&format!("/api/v1/alliances?q={q}")).await.json();
        if r["resultats"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["slug"] == slug)
        {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn a_proposal_is_moderated_published_corrected_and_restored(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let first = member(&app, "premiere@exemple.fr", Role::Membre).await;
    let second = member(&app, "second@exemple.fr", Role::Membre).await;
    let moderator = member(&app, "moderatrice@exemple.fr", Role::Moderateur).await;
    let (mod_session, csrf) = session(&app, &moderator.id).await;
    let slug = "cooperative-zq7-proposee";
    let body = new_alliance(&app, slug, "Coopérative Zq7 des communs").await;
    let (first_session, _) = session(&app, &first.id).await;
    // By session cookie (a JSON body needs no form token).
    let r = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Cookie(first_session),
        &body,
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_str().unwrap().to_owned();
    // A rival proposal of the same new identifier, made before either is accepted.
    let rival_token = token(&app, &second.id).await;
    let mut rival_body = body.clone();
    rival_body["nom"] = json!("Autre coopérative au même identifiant");
    let r = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Bearer(rival_token),
        &rival_body,
    )
    .await;
    assert_eq!(r.status, 201);
    let rival = r.json()["id"].as_str().unwrap().to_owned();

    // The queue lists it; the page shows each field it sets.
    let queue = get_as(&app, "/moderation", &mod_session).await;
    assert_eq!(queue.status, 200);
    assert!(queue.text().contains("Coopérative Zq7 des communs"));
    let detail = get_as(
        &app,
        &format!("/moderation/propositions/{id}"),
        &mod_session,
    )
    .await;
    assert_eq!(detail.status, 200);
    let text = visible_text(&detail.text());
    assert!(
        text.contains("Alliance · Nouvelle fiche") && text.contains("Coopérative Zq7 des communs"),
        "{text}"
    );
    assert!(detail.text().contains("<code>partners</code>"));
    // A member cannot moderate.
    let (m2, m2_csrf) = session(&app, &second.id).await;
    assert_eq!(
        post_as(
            &app,
            &format!("/moderation/propositions/{id}/accepter"),
            Some(&m2),
            &form(&[("csrf", &m2_csrf)])
        )
        .await
        .status,
        403
    );

    let r = post_as(
        &app,
        &format!("/moderation/propositions/{id}/accepter"),
        Some(&mod_session),
        &accept_form(&app, &id, &mod_session, &csrf).await,
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        app.get(&format!("/api/v1/alliances/{slug}")).await.status,
        200
    );
    assert!(searchable(&app, "Zq7", slug).await, "searchable within 5 s");
    let again = post_as(
        &app,
        &format!("/moderation/propositions/{id}/accepter"),
        Some(&mod_session),
        &accept_form(&app, &id, &mod_session, &csrf).await,
    )
    .await;
    assert_eq!(again.status, 409, "decided once");
    // The rival cannot overwrite the record published first.
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{rival}/accepter"),
        Some(&mod_session),
        &accept_form(&app, &rival, &mod_session, &csrf).await,
    )
    .await;
    assert_eq!(r.status, 409);
    assert!(r.text().contains("a été publiée depuis cette proposition"));
    assert_eq!(
        app.get(&format!("/api/v1/alliances/{slug}")).await.json()["nom"],
        "Coopérative Zq7 des communs"
    );
    post_as(
        &app,
        &format!("/moderation/propositions/{rival}/refuser"),
        Some(&mod_session),
        &form(&[("csrf", &csrf), ("message", "Doublon.")]),
    )
    .await;

    // A second member proposes a correction; the moderator asks for changes.
    let t2 = token(&app, &second.id).await;
    let mut correction = app.get(&format!("/api/v1/alliances/{slug}")).await.json();
    correction["resume"] = json!("Un résumé corrigé, encore incomplet.");
    let r = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Bearer(t2.clone()),
        &correction,
    )
    .await;
    assert_eq!(r.status, 201);
    let cid = r.json()["id"].as_str().unwrap().to_owned();
    let p = propositions::get(&app.db.db, &cid).await.unwrap().unwrap();
    assert_eq!((p.cible.as_deref(), p.base), (Some(slug), Some(1)));
    let diff = visible_text(
        &get_as(
            &app,
            &format!("/moderation/propositions/{cid}"),
            &mod_session,
        )
        .await
        .text(),
    );
    assert!(
        diff.contains("1 champ modifié") && diff.contains("Un résumé corrigé"),
        "{diff}"
    );
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{cid}/demander"),
        Some(&mod_session),
        &form(&[("csrf", &csrf), ("message", "")]),
    )
    .await;
    assert_eq!(r.status, 422, "a request needs a message");
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{cid}/demander"),
        Some(&mod_session),
        &form(&[("csrf", &csrf), ("message", "Citez la source du résumé.")]),
    )
    .await;
    assert_eq!(r.status, 303);
    let data = get_as(&app, "/mon-espace/donnees.json", &m2).await.json();
    assert!(
        data["propositions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["message_moderateur"] == "Citez la source du résumé."),
        "in the member's data"
    );
    let mine = visible_text(&get_as(&app, "/mon-espace/contributions", &m2).await.text());
    assert!(
        mine.contains("Modifications demandées") && mine.contains("Citez la source du résumé."),
        "{mine}"
    );

    // The member fixes it; another member cannot; it is accepted.
    correction["resume"] = json!("Un résumé corrigé d'après le site de la coopérative.");
    let t1 = token(&app, &first.id).await;
    assert_eq!(
        json_as(
            &app,
            "PUT",
            &format!("/api/v1/propositions/{cid}"),
            &Auth::Bearer(t1),
            &correction
        )
        .await
        .status,
        404
    );
    // The page a moderator opened before the member revised it.
    let read_before = accept_form(&app, &cid, &mod_session, &csrf).await;
    let r = json_as(
        &app,
        "PUT",
        &format!("/api/v1/propositions/{cid}"),
        &Auth::Bearer(t2.clone()),
        &correction,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["statut"], "en_attente");
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{cid}/accepter"),
        Some(&mod_session),
        &read_before,
    )
    .await;
    assert_eq!(
        r.status, 409,
        "a version revised since it was read is not published unseen"
    );
    assert!(visible_text(&r.text()).contains("a changé depuis que vous l'avez ouverte"));
    let r = json_as(
        &app,
        "PUT",
        &format!("/api/v1/propositions/{cid}"),
        &Auth::Bearer(t2.clone()),
        &correction,
    )
    .await;
    assert_eq!(r.status, 409, "only a proposal sent back is revised");
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{cid}/accepter"),
        Some(&mod_session),
        &accept_form(&app, &cid, &mod_session, &csrf).await,
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        app.get(&format!("/api/v1/alliances/{slug}")).await.json()["resume"],
        "Un résumé corrigé d'après le site de la coopérative."
    );

    // The history shows both revisions, signed as each contributor chose.
    let h = app
        .get(&format!("/api/v1/alliances/{slug}/historique"))
        .await
        .json();
    assert_eq!(h["total"], 2);
    assert_eq!(h["resultats"][0]["revision"], 1);
    assert_eq!(h["resultats"][0]["auteur"], first.pseudonyme.as_str());
    assert_eq!(h["resultats"][1]["auteur"], second.pseudonyme.as_str());
    assert_eq!(h["resultats"][1]["champs_modifies"], json!(["resume"]));
    assert!(h["resultats"][1]["date"].as_str().unwrap().ends_with('Z'));

    // The moderator restores the first revision: a third one, equal to the first.
    let page = get_as(&app, &format!("/exemples/{slug}/historique"), &mod_session).await;
    assert!(page.text().contains("Restaurer la révision 1"));
    assert!(
        !app.get(&format!("/exemples/{slug}/historique"))
            .await
            .text()
            .contains("Restaurer"),
        "visitors see no button"
    );
    let r = post_as(
        &app,
        &format!("/moderation/alliances/{slug}/restaurer"),
        Some(&mod_session),
        &form(&[("csrf", &csrf), ("revision", "1")]),
    )
    .await;
    assert_eq!(r.status, 303);
    let h = app
        .get(&format!("/api/v1/alliances/{slug}/historique"))
        .await
        .json();
    assert_eq!(h["total"], 3);
    assert_eq!(h["resultats"][2]["champs_modifies"], json!(["resume"]));
    assert_eq!(h["resultats"][2]["auteur"], moderator.pseudonyme.as_str());
    assert_eq!(
        app.get(&format!("/api/v1/alliances/{slug}")).await.json()["resume"],
        body["resume"]
    );
    // Every decision is in the audit log.
    let actions: Vec<String> = comptes::actions(&app.db.db, None, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(
        actions,
        ["restaurer", "accepter", "demander", "refuser", "accepter"]
    );

    // The second member deletes their account: the revision stays, « contributeur supprimé ».
    alliances_store::comptes::delete(&app.db.db, &second.id)
        .await
        .unwrap();
    let h = app
        .get(&format!("/api/v1/alliances/{slug}/historique"))
        .await
        .json();
    assert_eq!(h["resultats"][1]["auteur"], "contributeur supprimé");
    for needle in [
        second.id.as_str(),
        "second@exemple.fr",
        second.pseudonyme.as_str(),
    ] {
        assert_eq!(
            mentions(&app.db.db, needle).await,
            Vec::<String>::new(),
            "{needle}"
        );
    }
    // Nothing personal in the API, the dumps or the search index's answers.
    for path in [
        format!("/api/v1/alliances/{slug}"),
        format!("/api/v1/alliances/{slug}/historique"),
        "/api/v1/alliances?q=Zq7".to_owned(),
    ] {
        let text = app.get(&path).await.text();
        assert!(
            !text.contains("premiere@exemple.fr") && !text.contains(&first.id),
            "{path}"
        );
    }
    app.remove().await;
}

async fn moderators_give_reasons_and_filter_the_queue(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "m@exemple.fr", Role::Membre).await;
    let moderator = member(&app, "mod@exemple.fr", Role::Moderateur).await;
    let (s, csrf) = session(&app, &moderator.id).await;
    let t = token(&app, &m.id).await;
    let body = new_alliance(&app, "alliance-a-refuser", "Alliance à refuser").await;
    let id = json_as(
        &app,
        "POST",
        "/api/v1/propositions",
        &Auth::Bearer(t),
        &body,
    )
    .await
    .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Filters: by territory (name or code), kind and age.
    for (query, listed) in [
        ("territoire=Les+Mureaux", true),
        ("territoire=78440", true),
        ("territoire=Lyon", false),
        ("genre=alliance", true),
        ("age=7", false),
    ] {
        let page = get_as(&app, &format!("/moderation?{query}"), &s).await;
        assert_eq!(page.status, 200, "{query}");
        assert_eq!(
            page.text().contains("Alliance à refuser"),
            listed,
            "{query}"
        );
    }
    let page = get_as(&app, "/moderation?territoire=zzzzqqq", &s).await;
    assert!(visible_text(&page.text()).contains("aucun territoire ne s'appelle"));
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{id}/refuser"),
        Some(&s),
        &form(&[("csrf", &csrf), ("message", "  ")]),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(visible_text(&r.text()).contains("écrivez un message"));
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{id}/refuser"),
        Some(&s),
        &form(&[
            ("csrf", &csrf),
            ("message", "Doublon de la fiche des Mureaux."),
        ]),
    )
    .await;
    assert_eq!(r.status, 303);
    let p = propositions::get(&app.db.db, &id).await.unwrap().unwrap();
    assert_eq!(
        (p.statut.as_str(), p.message.as_deref()),
        ("refusee", Some("Doublon de la fiche des Mureaux."))
    );
    assert!(
        !get_as(&app, "/moderation", &s)
            .await
            .text()
            .contains("Alliance à refuser")
    );
    assert_eq!(
        app.get("/api/v1/alliances/alliance-a-refuser").await.status,
        404
    );
    app.remove().await;
}

/// `GET path` answers 200 within 5 s (the servers reload tools and catalyseurs when their
/// change log moves).
async fn served(app: &TestApp, path: &str, check: impl Fn(&Value) -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let r = app.get(path).await;
        if r.status == 200 && check(&r.json()) {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn accept(app: &TestApp, id: &str, secret: &str, csrf: &str) -> u16 {
    post_as(
        app,
        &format!("/moderation/propositions/{id}/accepter"),
        Some(secret),
        &accept_form(app, id, secret, csrf).await,
    )
    .await
    .status
    .as_u16()
}

async fn tools_and_catalyseurs_are_proposed_moderated_and_restored(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "outils@exemple.fr", Role::Membre).await;
    let moderator = member(&app, "moderateur@exemple.fr", Role::Moderateur).await;
    let (mod_session, csrf) = session(&app, &moderator.id).await;
    let t = Auth::Bearer(token(&app, &m.id).await);
    let post = |genre: &str| format!("/api/v1/propositions?genre={genre}");

    // A kind we do not know, and a tool with bad fields: 422 naming each, nothing stored.
    let tool_slug = "rameau-referentiel-co-construction-territoriale";
    let mut tool = app.get(&format!("/api/v1/outils/{tool_slug}")).await.json();
    let before = count(&app).await;
    let r = json_as(&app, "POST", &post("recette"), &t, &tool).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("genre") && r.text().contains("outil, catalyseur"));
    let mut bad = tool.clone();
    bad["type"] = json!("brochure");
    bad["phases"] = json!(["rever"]);
    bad["url"] = json!("www.exemple.fr");
    let r = json_as(&app, "POST", &post("outil"), &t, &bad).await;
    assert_eq!(r.status, 422);
    let fields: Vec<String> = r.json()["erreurs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["champ"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["type", "phases[0]", "url"], "{}", r.text());
    bad["annee"] = json!("vers 2019");
    let r = json_as(&app, "POST", &post("outil"), &t, &bad).await;
    assert_eq!(
        (r.status.as_u16(), r.json()["erreurs"][0]["champ"].clone()),
        (422, json!("annee"))
    );
    assert_eq!(count(&app).await, before, "nothing stored");

    // A new tool, in the shape GET /api/v1/outils/{slug} gives.
    tool["slug"] = json!("guide-zq7-des-alliances");
    tool["nom"] = json!("Guide Zq7 des alliances");
    let r = json_as(&app, "POST", &post("outil"), &t, &tool).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let queue = visible_text(
        &get_as(&app, "/moderation?genre=outil", &mod_session)
            .await
            .text(),
    );
    assert!(
        queue.contains("Guide Zq7 des alliances") && queue.contains("Outil · Nouvelle fiche"),
        "{queue}"
    );
    let alliances_only = get_as(&app, "/moderation?genre=alliance", &mod_session)
        .await
        .text();
    assert!(!alliances_only.contains("Guide Zq7"));
    let detail = get_as(
        &app,
        &format!("/moderation/propositions/{id}"),
        &mod_session,
    )
    .await;
    assert!(
        detail.text().contains("<code>tool_type</code>"),
        "the diff in the tools' columns"
    );
    assert_eq!(accept(&app, &id, &mod_session, &csrf).await, 303);
    assert!(
        served(&app, "/api/v1/outils/guide-zq7-des-alliances", |v| v["nom"]
            == "Guide Zq7 des alliances")
        .await,
        "published within 5 s"
    );
    let h = app
        .get("/api/v1/outils/guide-zq7-des-alliances/historique")
        .await
        .json();
    assert_eq!(
        (h["total"].clone(), h["resultats"][0]["source"].clone()),
        (json!(1), json!("proposition"))
    );
    assert_eq!(h["resultats"][0]["auteur"], "Pseudo outils");

    // A change to a catalyseur from its API JSON; sent back, revised, accepted, restored.
    let k_slug = "bordeaux-mecenes-solidaires";
    let original = app
        .get(&format!("/api/v1/catalyseurs/{k_slug}"))
        .await
        .json();
    let mut k = original.clone();
    k["fondation"] = json!(2011);
    let r = json_as(&app, "POST", &post("catalyseur"), &t, &k).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let kid = r.json()["id"].as_str().unwrap().to_owned();
    let diff = visible_text(
        &get_as(
            &app,
            &format!("/moderation/propositions/{kid}"),
            &mod_session,
        )
        .await
        .text(),
    );
    assert!(
        diff.contains("Catalyseur · Modification")
            && diff.contains("1 champ modifié")
            && diff.contains("founded_year"),
        "{diff}"
    );
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{kid}/demander"),
        Some(&mod_session),
        &form(&[("csrf", &csrf), ("message", "Quelle source donne 2011 ?")]),
    )
    .await;
    assert_eq!(r.status, 303);
    // The revision keeps its kind: an alliance's body is refused.
    let wrong = new_alliance(&app, k_slug, "Autre").await;
    let r = json_as(
        &app,
        "PUT",
        &format!("/api/v1/propositions/{kid}"),
        &t,
        &wrong,
    )
    .await;
    assert_eq!(r.status, 422);
    k["sources"][0]["consulte_le"] = json!("2026-12-01");
    let r = json_as(&app, "PUT", &format!("/api/v1/propositions/{kid}"), &t, &k).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(accept(&app, &kid, &mod_session, &csrf).await, 303);
    assert!(
        served(
            &app,
            &format!("/api/v1/catalyseurs/{k_slug}"),
            |v| v["fondation"] == 2011
        )
        .await,
        "published within 5 s"
    );
    let h = app
        .get(&format!("/api/v1/catalyseurs/{k_slug}/historique"))
        .await
        .json();
    assert_eq!(h["total"], 2);
    let changed: Vec<&str> = h["resultats"][1]["champs_modifies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(changed, ["founded_year", "retrieved"]);
    let page = visible_text(
        &app.get(&format!("/catalyseurs/{k_slug}/historique"))
            .await
            .text(),
    );
    assert!(
        page.contains("Révision 2") && page.contains("founded_year"),
        "{page}"
    );
    let r = post_as(
        &app,
        &format!("/moderation/catalyseurs/{k_slug}/restaurer"),
        Some(&mod_session),
        &form(&[("csrf", &csrf), ("revision", "1")]),
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.header("location").unwrap(),
        format!("/catalyseurs/{k_slug}/historique")
    );
    assert!(
        served(
            &app,
            &format!("/api/v1/catalyseurs/{k_slug}"),
            |v| v["fondation"] == original["fondation"]
        )
        .await,
        "restored within 5 s"
    );
    assert_eq!(
        app.get(&format!("/api/v1/catalyseurs/{k_slug}/historique"))
            .await
            .json()["total"],
        3
    );
    assert_eq!(
        app.get("/api/v1/outils/inconnu-zq7/historique")
            .await
            .status,
        404
    );

    // The audit log names the kind of record.
    let journal = comptes::actions(&app.db.db, None, 50).await.unwrap();
    assert!(
        journal
            .iter()
            .any(|e| e.cible == format!("catalyseur/{k_slug}") && e.action == "restaurer")
    );
    app.remove().await;
}
