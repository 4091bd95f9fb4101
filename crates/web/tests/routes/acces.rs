//! Every protected route × every role (visitor, membre, modérateur, administrateur), against
//! the authorisation table kept in the code (`access::TABLE`): a visitor is sent to the login
//! form (or gets 401 under `/api/`), a role below the route's gets 403, the others reach it.

use alliances_domain::compte::Role;
use alliances_testkit::{Backend, TestApp};
use alliances_web::access::TABLE;

use crate::compte_kit::{form, get_as, member, session};

/// A form sent with `method` (POST, PUT) and, when given, the session cookie.
async fn send(
    app: &TestApp,
    method: &str,
    path: &str,
    secret: Option<&str>,
    body: &str,
) -> alliances_testkit::TestResponse {
    let mut r = axum::http::Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/x-www-form-urlencoded");
    if let Some(s) = secret {
        r = r.header("cookie", crate::compte_kit::cookie(s));
    }
    app.request(r.body(axum::body::Body::from(body.to_owned())).unwrap())
        .await
}

alliances_testkit::both_backends!(every_route_answers_each_role_as_the_table_says);

async fn every_route_answers_each_role_as_the_table_says(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let target = member(&app, "cible@exemple.fr", Role::Membre).await;
    let mut accounts = Vec::new();
    for role in Role::ALL {
        let a = member(&app, &format!("{}@exemple.fr", role.code()), role).await;
        accounts.push((role, a.id));
    }
    // A proposal waiting, for the moderation routes.
    let stored = alliances_store::alliances::get(&app.db.db, "ptce-vivre-les-mureaux")
        .await
        .unwrap()
        .unwrap();
    let proposal = alliances_store::propositions::Proposal {
        id: "proposition-zq7".into(),
        genre: "alliance".into(),
        sujet: "alliance".into(),
        cible: Some("ptce-vivre-les-mureaux".into()),
        base: Some(1),
        document: serde_json::to_string(&stored.alliance).unwrap(),
        nom: stored.alliance.nom.clone(),
        territoires: "commune:78440".into(),
        statut: "en_attente".into(),
        message: None,
        note: None,
        auteur: Some(target.id.clone()),
        moderateur: None,
        revision: None,
        cree_le: app.state.now(),
        modifie_le: app.state.now(),
    };
    alliances_store::propositions::create(&app.db.db, &proposal)
        .await
        .unwrap();
    // For each account, a proposal of its own sent back (the revision routes).
    for (role, id) in &accounts {
        let mut own = proposal.clone();
        own.id = format!("renvoyee-{}", role.code());
        own.auteur = Some(id.clone());
        own.statut = "changements_demandes".into();
        alliances_store::propositions::create(&app.db.db, &own)
            .await
            .unwrap();
    }
    let mut checked = 0;
    for rule in TABLE {
        let id = if rule.path.contains("/propositions/") {
            &proposal.id
        } else {
            &target.id
        };
        // A record of the kind the route is about.
        let slug = if rule.path.contains("/outils/") {
            "rameau-referentiel-co-construction-territoriale"
        } else if rule.path.contains("/catalyseurs/") {
            "bordeaux-mecenes-solidaires"
        } else {
            "ptce-vivre-les-mureaux"
        };
        let path = rule
            .path
            .replace("{id}", id)
            .replace("{genre}", "alliances")
            .replace("{slug}", slug);
        for lang in ["", "/en"] {
            let url = format!("{lang}{path}");
            // A visitor.
            let r = match rule.method {
                "GET" => app.get(&url).await,
                method => send(&app, method, &url, None, "").await,
            };
            if path.starts_with("/api/") {
                assert_eq!(r.status, 401, "visitor {url}");
            } else {
                assert_eq!(r.status, 303, "visitor {} {url}", rule.method);
                let to = r.header("location").unwrap();
                assert!(
                    to.starts_with(&format!("{lang}/compte/connexion?retour=")),
                    "{url} → {to}"
                );
            }
            for (role, id) in &accounts {
                // A fresh session each time: logout and deletion end theirs.
                let (secret, csrf) = session(&app, id).await;
                let url = if rule.path.starts_with("/mon-espace/contributions/{id}") {
                    url.replace(&target.id, &format!("renvoyee-{}", role.code()))
                } else {
                    url.clone()
                };
                let r = match rule.method {
                    "GET" => get_as(&app, &url, &secret).await,
                    method => {
                        send(&app, method, &url, Some(&secret), &form(&[("csrf", &csrf)])).await
                    }
                };
                let status = r.status.as_u16();
                if *role < rule.role {
                    assert_eq!(status, 403, "{} {url} as {}", rule.method, role.code());
                } else {
                    let to_login = status == 303
                        && r.header("location")
                            .is_some_and(|l| l.contains("/compte/connexion"));
                    let refused = matches!(status, 401 | 403 | 404 | 405 | 500);
                    assert!(
                        !refused && !to_login,
                        "{} {url} as {}: {status}",
                        rule.method,
                        role.code()
                    );
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, TABLE.len() * 2 * Role::ALL.len());
    // Nothing in the table was deleted by the walk (deletion needs the password).
    for (_, id) in &accounts {
        assert!(
            alliances_store::comptes::by_id(&app.db.db, id)
                .await
                .unwrap()
                .is_some()
        );
    }
    app.remove().await;
}
