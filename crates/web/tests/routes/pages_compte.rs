//! `/compte/…`, `/mon-espace/…`, `/admin/…`: sign-up, verification, login (session rotation,
//! throttle), reset, the member's space, data export and deletion, roles.

use alliances_domain::compte::{Role, Throttle};
use alliances_store::comptes;
use alliances_testkit::{Backend, TestApp, mentions};

use crate::compte_kit::{
    PASSWORD, form, get_as, link_in_mail, member, post_as, session, set_session,
};
use crate::visible_text;

alliances_testkit::both_backends!(
    a_visitor_signs_up_and_confirms_the_address,
    sign_up_tells_nobody_whether_an_address_is_taken,
    login_opens_a_new_session_and_closes_the_planted_one,
    failed_logins_are_throttled_by_address_and_client,
    forms_sent_with_the_cookie_need_the_session_token,
    a_forgotten_password_is_reset_by_mail,
    the_space_attaches_links_and_issues_api_tokens,
    a_member_downloads_then_deletes_everything_personal,
    administrators_change_roles_and_it_is_logged,
);

async fn count_accounts(app: &TestApp) -> usize {
    comptes::all(&app.db.db).await.unwrap().len()
}

fn signup_body(courriel: &str, pseudonyme: &str) -> String {
    form(&[
        ("courriel", courriel),
        ("mot_de_passe", PASSWORD),
        ("confirmation", PASSWORD),
        ("pseudonyme", pseudonyme),
        ("organisation", ""),
        ("signature", "pseudonyme"),
        ("consentement", "1"),
        ("site_web", ""),
    ])
}

async fn a_visitor_signs_up_and_confirms_the_address(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let page = app.get("/compte/inscription").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("name=\"site_web\""), "honeypot");
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));

    // Every bad field named, what was typed kept (never the password).
    let bad = form(&[
        ("courriel", "camille.exemple.fr"),
        ("mot_de_passe", "court"),
        ("confirmation", "court"),
        ("pseudonyme", "Camille <b>"),
        ("signature", "organisation"),
    ]);
    let r = post_as(&app, "/compte/inscription", None, &bad).await;
    assert_eq!(r.status, 422);
    let text = visible_text(&r.text());
    for message in [
        "adresse électronique invalide",
        "au moins 12 caractères",
        "indiquez l'organisation qui signera vos contributions",
        "cochez la case pour accepter la notice de confidentialité",
    ] {
        assert!(text.contains(message), "{message} in {text}");
    }
    assert!(r.text().contains("value=\"camille.exemple.fr\""));
    assert!(
        r.text().contains("value=\"Camille &#60;b&#62;\"")
            || r.text().contains("Camille &lt;b&gt;")
    );
    assert!(!r.text().contains("value=\"court\""));
    assert_eq!(count_accounts(&app).await, 0);
    assert!(app.mails().is_empty());

    let r = post_as(
        &app,
        "/compte/inscription",
        None,
        &signup_body("Camille@Exemple.fr", "Camille"),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(visible_text(&r.text()).contains("Vérifiez votre boîte de réception"));
    let a = comptes::by_email(&app.db.db, "camille@exemple.fr")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((a.role.as_str(), a.verifie_le), ("membre", None));
    assert!(a.mot_de_passe.starts_with("$argon2id$"), "Argon2id");
    assert_eq!(
        a.consentement_version,
        alliances_domain::compte::CONSENT_VERSION
    );
    let mails = app.mails();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("To: camille@exemple.fr"));
    let token = link_in_mail(&app, "/compte/verification/").unwrap();

    // Opening the link shows a button; only the button confirms.
    let r = app.get(&format!("/compte/verification/{token}")).await;
    assert_eq!(r.status, 200);
    assert!(
        comptes::by_id(&app.db.db, &a.id)
            .await
            .unwrap()
            .unwrap()
            .verifie_le
            .is_none()
    );
    let r = post_as(&app, &format!("/compte/verification/{token}"), None, "").await;
    assert_eq!(r.status, 200);
    assert!(
        comptes::by_id(&app.db.db, &a.id)
            .await
            .unwrap()
            .unwrap()
            .verifie_le
            .is_some()
    );
    let again = post_as(&app, &format!("/compte/verification/{token}"), None, "").await;
    assert_eq!(again.status, 404, "a link serves once");
    assert!(visible_text(&again.text()).contains("n'est plus valable"));

    // The new member signs in and lands in their space.
    let r = post_as(
        &app,
        "/compte/connexion",
        None,
        &form(&[
            ("courriel", "camille@exemple.fr"),
            ("mot_de_passe", PASSWORD),
            ("retour", "/exemples"),
        ]),
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location").as_deref(), Some("/exemples"));
    let secret = set_session(&r).unwrap();
    let space = get_as(&app, "/mon-espace", &secret).await;
    assert_eq!(space.status, 200);
    assert!(visible_text(&space.text()).contains("Bonjour Camille."));
    app.remove().await;
}

async fn sign_up_tells_nobody_whether_an_address_is_taken(backend: &Backend) {
    let app = TestApp::new(backend).await;
    member(&app, "pris@exemple.fr", Role::Membre).await;
    let r = post_as(
        &app,
        "/compte/inscription",
        None,
        &signup_body("pris@exemple.fr", "Autre"),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(visible_text(&r.text()).contains("Vérifiez votre boîte de réception"));
    assert_eq!(count_accounts(&app).await, 1);
    let mails = app.mails();
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains("/compte/mot-de-passe-oublie"),
        "the owner is told"
    );
    // A robot fills the hidden field: the same answer, nothing stored or sent.
    let robot =
        signup_body("robot@exemple.fr", "Robot").replace("site_web=", "site_web=http%3A%2F%2Fspam");
    let r = post_as(&app, "/compte/inscription", None, &robot).await;
    assert_eq!(r.status, 200);
    assert_eq!(count_accounts(&app).await, 1);
    assert_eq!(app.mails().len(), 1);
    app.remove().await;
}

async fn login_opens_a_new_session_and_closes_the_planted_one(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let attacker = member(&app, "attaquant@exemple.fr", Role::Membre).await;
    let victim = member(&app, "victime@exemple.fr", Role::Membre).await;
    // The attacker's own session cookie, planted in the victim's browser.
    let (planted, _) = session(&app, &attacker.id).await;
    let r = post_as(
        &app,
        "/compte/connexion",
        Some(&planted),
        &form(&[
            ("courriel", "victime@exemple.fr"),
            ("mot_de_passe", PASSWORD),
        ]),
    )
    .await;
    assert_eq!(r.status, 303);
    let fresh = set_session(&r).unwrap();
    assert_ne!(fresh, planted);
    let cookie = r.header("set-cookie").unwrap();
    for attribute in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    // The planted cookie opens nothing any more; the new one is the victim's.
    let r = get_as(&app, "/mon-espace", &planted).await;
    assert_eq!(r.status, 303);
    assert!(
        r.header("location")
            .unwrap()
            .starts_with("/compte/connexion?retour=")
    );
    let r = get_as(&app, "/mon-espace", &fresh).await;
    assert!(visible_text(&r.text()).contains(&victim.pseudonyme));
    // A cookie that is not a secret, or unknown, is a visitor.
    for bad in ["abc", "0123456789abcdef0123456789abcdef01234567"] {
        assert_eq!(get_as(&app, "/mon-espace", bad).await.status, 303);
    }
    // Logout closes the session server-side and clears the cookie.
    let (_, csrf) = comptes::session(
        &app.db.db,
        &alliances_web::links::key_of(&fresh),
        app.state.now(),
    )
    .await
    .unwrap()
    .map(|(_, s)| ((), s.csrf))
    .unwrap();
    let r = post_as(
        &app,
        "/compte/deconnexion",
        Some(&fresh),
        &form(&[("csrf", &csrf)]),
    )
    .await;
    assert_eq!(r.status, 303);
    assert!(r.header("set-cookie").unwrap().contains("Max-Age=0"));
    assert_eq!(get_as(&app, "/mon-espace", &fresh).await.status, 303);
    app.remove().await;
}

async fn failed_logins_are_throttled_by_address_and_client(backend: &Backend) {
    let app = TestApp::new(backend).await;
    member(&app, "cible@exemple.fr", Role::Membre).await;
    // A burst of parallel attempts on another address: each is counted before its password
    // is checked, so no more than the limit are checked.
    member(&app, "rafale@exemple.fr", Role::Membre).await;
    let burst = form(&[
        ("courriel", "rafale@exemple.fr"),
        ("mot_de_passe", "mauvais mot de passe"),
    ]);
    let answers = futures_util::future::join_all(
        (0..3 * Throttle::MAX).map(|_| post_as(&app, "/compte/connexion", None, &burst)),
    )
    .await;
    let checked = answers.iter().filter(|r| r.status == 401).count();
    let refused = answers.iter().filter(|r| r.status == 429).count();
    let max = usize::try_from(Throttle::MAX).unwrap();
    assert_eq!(
        (checked, refused),
        (max, 2 * max),
        "{:?}",
        answers.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    // The rest starts from no attempt (the burst counted on this client too).
    let sql = "DELETE FROM tentatives";
    match &app.db.db {
        alliances_store::Db::Sqlite(s) => {
            sqlx::query(sql).execute(&s.write).await.unwrap();
        }
        alliances_store::Db::Pg(p) => {
            sqlx::query(sql).execute(p).await.unwrap();
        }
    }
    let attempt = |password: &'static str| {
        form(&[("courriel", "cible@exemple.fr"), ("mot_de_passe", password)])
    };
    for _ in 0..Throttle::MAX {
        let r = post_as(
            &app,
            "/compte/connexion",
            None,
            &attempt("mauvais mot de passe"),
        )
        .await;
        assert_eq!(r.status, 401);
        assert!(visible_text(&r.text()).contains("Adresse électronique ou mot de passe incorrect"));
    }
    // Past the limit even the right password waits, and nothing is checked.
    let r = post_as(&app, "/compte/connexion", None, &attempt(PASSWORD)).await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
    assert!(visible_text(&r.text()).contains("Trop de tentatives"));
    // An unknown address answers like a wrong password (no account is revealed).
    let r = post_as(
        &app,
        "/compte/connexion",
        None,
        &form(&[
            ("courriel", "personne@exemple.fr"),
            ("mot_de_passe", PASSWORD),
        ]),
    )
    .await;
    assert_eq!(r.status, 401);
    // The client is limited too, across addresses.
    for i in 0..Throttle::CLIENT_MAX {
        let body = form(&[
            ("courriel", &format!("x{i}@exemple.fr")),
            ("mot_de_passe", "faux faux faux"),
        ]);
        post_as(&app, "/compte/connexion", None, &body).await;
    }
    let r = post_as(
        &app,
        "/compte/connexion",
        None,
        &form(&[("courriel", "neuf@exemple.fr"), ("mot_de_passe", "x")]),
    )
    .await;
    assert_eq!(r.status, 429);
    // Once the window has passed, the right password opens a session.
    let sql = "UPDATE tentatives SET depuis = depuis - 900";
    match &app.db.db {
        alliances_store::Db::Sqlite(s) => {
            sqlx::query(sql).execute(&s.write).await.unwrap();
        }
        alliances_store::Db::Pg(p) => {
            sqlx::query(sql).execute(p).await.unwrap();
        }
    }
    let r = post_as(&app, "/compte/connexion", None, &attempt(PASSWORD)).await;
    assert_eq!(r.status, 303);
    app.remove().await;
}

async fn forms_sent_with_the_cookie_need_the_session_token(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "m@exemple.fr", Role::Membre).await;
    let (secret, csrf) = session(&app, &m.id).await;
    let body = |token: &str| {
        form(&[
            ("csrf", token),
            ("pseudonyme", "Nouveau"),
            ("organisation", ""),
            ("signature", "pseudonyme"),
        ])
    };
    for token in ["", "0000000000000000000000000000000000000000"] {
        let r = post_as(&app, "/mon-espace/profil", Some(&secret), &body(token)).await;
        assert_eq!(r.status, 403);
        assert!(visible_text(&r.text()).contains("Formulaire expiré"));
    }
    assert_eq!(
        comptes::by_id(&app.db.db, &m.id)
            .await
            .unwrap()
            .unwrap()
            .pseudonyme,
        m.pseudonyme
    );
    // Another site's page cannot send it either, token or not.
    let r = app
        .request(
            axum::http::Request::post("/mon-espace/profil")
                .header("content-type", "application/x-www-form-urlencoded")
                .header("cookie", crate::compte_kit::cookie(&secret))
                .header("origin", "https://evil.example")
                .header("host", "localhost")
                .body(axum::body::Body::from(body(&csrf)))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 403);
    let r = post_as(&app, "/mon-espace/profil", Some(&secret), &body(&csrf)).await;
    assert_eq!(r.status, 303);
    assert_eq!(
        comptes::by_id(&app.db.db, &m.id)
            .await
            .unwrap()
            .unwrap()
            .pseudonyme,
        "Nouveau"
    );
    // A bad profile is shown again with its field errors, nothing changed.
    let r = post_as(
        &app,
        "/mon-espace/profil",
        Some(&secret),
        &form(&[("csrf", &csrf), ("pseudonyme", ""), ("signature", "autre")]),
    )
    .await;
    assert_eq!(r.status, 422);
    let text = visible_text(&r.text());
    assert!(
        text.contains("ce champ est obligatoire")
            && text.contains("choisissez « pseudonyme » ou « organisation »"),
        "{text}"
    );
    app.remove().await;
}

async fn a_forgotten_password_is_reset_by_mail(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "oubli@exemple.fr", Role::Membre).await;
    let (old_session, _) = session(&app, &m.id).await;
    let r = post_as(
        &app,
        "/compte/mot-de-passe-oublie",
        None,
        &form(&[("courriel", "inconnu@exemple.fr")]),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(app.mails().is_empty(), "no account, no mail, same answer");
    let r = post_as(
        &app,
        "/compte/mot-de-passe-oublie",
        None,
        &form(&[("courriel", "pas une adresse")]),
    )
    .await;
    assert_eq!(r.status, 422);
    let r = post_as(
        &app,
        "/compte/mot-de-passe-oublie",
        None,
        &form(&[("courriel", "Oubli@exemple.fr")]),
    )
    .await;
    assert_eq!(r.status, 200);
    // The mail leaves beside the answer: wait for it (at most 5 s).
    let mut token = None;
    for _ in 0..50 {
        token = link_in_mail(&app, "/compte/reinitialisation/");
        if token.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let token = token.expect("a reset mail");
    let path = format!("/compte/reinitialisation/{token}");
    assert_eq!(app.get(&path).await.status, 200);
    let r = post_as(
        &app,
        &path,
        None,
        &form(&[
            ("mot_de_passe", "nouvelle phrase secrète"),
            ("confirmation", "autre chose encore"),
        ]),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(visible_text(&r.text()).contains("la confirmation ne correspond pas"));
    let r = post_as(
        &app,
        &path,
        None,
        &form(&[
            ("mot_de_passe", "nouvelle phrase secrète"),
            ("confirmation", "nouvelle phrase secrète"),
        ]),
    )
    .await;
    assert_eq!(r.status, 303);
    let fresh = set_session(&r).unwrap();
    assert_eq!(get_as(&app, "/mon-espace", &fresh).await.status, 200);
    assert_eq!(
        get_as(&app, "/mon-espace", &old_session).await.status,
        303,
        "other sessions end"
    );
    assert_eq!(app.get(&path).await.status, 404, "the link served once");
    let login = |p: &str| form(&[("courriel", "oubli@exemple.fr"), ("mot_de_passe", p)]);
    assert_eq!(
        post_as(&app, "/compte/connexion", None, &login(PASSWORD))
            .await
            .status,
        401
    );
    assert_eq!(
        post_as(
            &app,
            "/compte/connexion",
            None,
            &login("nouvelle phrase secrète")
        )
        .await
        .status,
        303
    );
    // Reset requests are throttled too (no mail flood).
    for _ in 0..Throttle::MAX {
        post_as(
            &app,
            "/compte/mot-de-passe-oublie",
            None,
            &form(&[("courriel", "oubli@exemple.fr")]),
        )
        .await;
    }
    let r = post_as(
        &app,
        "/compte/mot-de-passe-oublie",
        None,
        &form(&[("courriel", "oubli@exemple.fr")]),
    )
    .await;
    assert_eq!(r.status, 429);
    app.remove().await;
}

async fn the_space_attaches_links_and_issues_api_tokens(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "liens@exemple.fr", Role::Membre).await;
    let (secret, csrf) = session(&app, &m.id).await;
    let diagnostic = crate::methodes_kit::start(&app).await;
    let r = post_as(
        &app,
        "/mon-espace/liens",
        Some(&secret),
        &form(&[
            ("csrf", &csrf),
            ("lien", &format!("http://localhost{diagnostic}")),
        ]),
    )
    .await;
    assert_eq!(r.status, 303);
    let page = get_as(&app, "/mon-espace", &secret).await;
    assert!(
        page.text().contains(&format!("href=\"{diagnostic}\"")),
        "the link opens from the space"
    );
    for (typed, message) in [
        ("rien à voir", "ne contient pas de lien personnel"),
        (
            "/methodes/diagnostics/0123456789abcdef0123456789abcdef01234567",
            "n'ouvre rien",
        ),
    ] {
        let r = post_as(
            &app,
            "/mon-espace/liens",
            Some(&secret),
            &form(&[("csrf", &csrf), ("lien", typed)]),
        )
        .await;
        assert_eq!(r.status, 422);
        assert!(visible_text(&r.text()).contains(message));
    }
    let lien = diagnostic.rsplit('/').next().unwrap();
    let r = post_as(
        &app,
        "/mon-espace/liens/retirer",
        Some(&secret),
        &form(&[("csrf", &csrf), ("genre", "diagnostic"), ("lien", lien)]),
    )
    .await;
    assert_eq!(r.status, 303);
    assert!(
        comptes::attached(&app.db.db, &m.id)
            .await
            .unwrap()
            .is_empty()
    );

    // A token is shown once, works as `Authorization: Bearer`, and stops when revoked.
    let r = post_as(
        &app,
        "/mon-espace/jetons",
        Some(&secret),
        &form(&[("csrf", &csrf), ("libelle", "")]),
    )
    .await;
    assert_eq!(r.status, 422);
    let r = post_as(
        &app,
        "/mon-espace/jetons",
        Some(&secret),
        &form(&[("csrf", &csrf), ("libelle", "script d'import")]),
    )
    .await;
    assert_eq!(r.status, 201);
    let html = r.text();
    let at = html.find("<code class=\"token\">").unwrap() + "<code class=\"token\">".len();
    let token = &html[at..at + 40];
    // A token signs API requests in (a body checked, refused: 422), never the site's pages.
    let api = |t: &str| {
        axum::http::Request::post("/api/v1/propositions")
            .header("authorization", format!("Bearer {t}"))
            .header("content-type", "application/json")
            .body(axum::body::Body::from("{}"))
            .unwrap()
    };
    assert_eq!(app.request(api(token)).await.status, 422);
    assert_eq!(
        app.request(api("0000000000000000000000000000000000000000"))
            .await
            .status,
        401
    );
    let page_with_token = axum::http::Request::get("/mon-espace")
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(app.request(page_with_token).await.status, 401);
    let page = get_as(&app, "/mon-espace", &secret).await;
    assert!(!page.text().contains(token), "never shown again");
    let cle = comptes::api_tokens(&app.db.db, &m.id).await.unwrap()[0]
        .cle
        .clone();
    let r = post_as(
        &app,
        "/mon-espace/jetons/retirer",
        Some(&secret),
        &form(&[("csrf", &csrf), ("cle", &cle)]),
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(app.request(api(token)).await.status, 401);
    app.remove().await;
}

async fn a_member_downloads_then_deletes_everything_personal(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "effacez.moi@exemple.fr", Role::Membre).await;
    let other = member(&app, "reste@exemple.fr", Role::Membre).await;
    let (secret, csrf) = session(&app, &m.id).await;
    post_as(
        &app,
        "/mon-espace/jetons",
        Some(&secret),
        &form(&[("csrf", &csrf), ("libelle", "jeton-zq9")]),
    )
    .await;
    let diagnostic = crate::methodes_kit::start(&app).await;
    post_as(
        &app,
        "/mon-espace/liens",
        Some(&secret),
        &form(&[("csrf", &csrf), ("lien", &diagnostic)]),
    )
    .await;
    let r = get_as(&app, "/mon-espace/donnees.json", &secret).await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-disposition")
            .unwrap()
            .contains("attachment")
    );
    let data = r.json();
    assert_eq!(data["compte"]["courriel"], "effacez.moi@exemple.fr");
    assert_eq!(data["jetons_api"][0]["libelle"], "jeton-zq9");
    assert_eq!(data["liens_personnels"][0]["lien"], diagnostic.as_str());
    assert!(!r.text().contains("argon2"), "never the password hash");

    let r = post_as(
        &app,
        "/mon-espace/supprimer",
        Some(&secret),
        &form(&[("csrf", &csrf), ("mot_de_passe", "pas le bon")]),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(comptes::by_id(&app.db.db, &m.id).await.unwrap().is_some());
    let r = post_as(
        &app,
        "/mon-espace/supprimer",
        Some(&secret),
        &form(&[("csrf", &csrf), ("mot_de_passe", PASSWORD)]),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.header("set-cookie").unwrap().contains("Max-Age=0"));
    // Query level: no column of any table holds anything of the account.
    let secret_key = alliances_web::links::key_of(&secret);
    for needle in [
        m.id.as_str(),
        "effacez.moi",
        m.pseudonyme.as_str(),
        "jeton-zq9",
        secret_key.as_str(),
        csrf.as_str(),
    ] {
        assert_eq!(
            mentions(&app.db.db, needle).await,
            Vec::<String>::new(),
            "{needle}"
        );
    }
    assert!(
        comptes::by_id(&app.db.db, &other.id)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(get_as(&app, "/mon-espace", &secret).await.status, 303);
    // The diagnostic itself stays for whoever holds its link.
    assert_eq!(app.get(&format!("{diagnostic}/etapes/1")).await.status, 200);
    app.remove().await;
}

async fn administrators_change_roles_and_it_is_logged(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let admin = member(&app, "admin@exemple.fr", Role::Administrateur).await;
    let m = member(&app, "futur.moderateur@exemple.fr", Role::Membre).await;
    let (secret, csrf) = session(&app, &admin.id).await;
    let page = get_as(&app, "/admin/comptes", &secret).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("futur.moderateur@exemple.fr"));
    let path = format!("/admin/comptes/{}/role", m.id);
    let r = post_as(
        &app,
        &path,
        Some(&secret),
        &form(&[("csrf", &csrf), ("role", "moderateur")]),
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        comptes::by_id(&app.db.db, &m.id)
            .await
            .unwrap()
            .unwrap()
            .role,
        "moderateur"
    );
    let r = post_as(
        &app,
        &path,
        Some(&secret),
        &form(&[("csrf", &csrf), ("role", "roi")]),
    )
    .await;
    assert_eq!(r.status, 422);
    let own = format!("/admin/comptes/{}/role", admin.id);
    let r = post_as(
        &app,
        &own,
        Some(&secret),
        &form(&[("csrf", &csrf), ("role", "membre")]),
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(
        comptes::by_id(&app.db.db, &admin.id)
            .await
            .unwrap()
            .unwrap()
            .role,
        "administrateur"
    );
    let journal = visible_text(&get_as(&app, "/admin/journal", &secret).await.text());
    assert!(
        journal.contains("changement de rôle") && journal.contains(&m.pseudonyme),
        "{journal}"
    );
    let log = comptes::actions(&app.db.db, None, 10).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].acteur.as_deref(), Some(admin.id.as_str()));
    assert_eq!(log[0].details, r#"{"apres":"moderateur","avant":"membre"}"#);
    app.remove().await;
}
