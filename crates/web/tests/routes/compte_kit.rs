//! What the account tests share: members made straight in the store, sessions opened for
//! them, requests carrying the cookie, links read from the mail folder.

use alliances_domain::compte::Role;
use alliances_store::comptes::{self, Account};
use alliances_testkit::{TestApp, TestResponse};
use axum::body::Body;
use axum::http::Request;

pub const PASSWORD: &str = "une phrase de passe solide";

/// A verified account of that role, made in the store (the password is [`PASSWORD`]).
pub async fn member(app: &TestApp, courriel: &str, role: Role) -> Account {
    let now = app.state.now();
    let account = Account {
        id: alliances_web::accounts::new_id(),
        courriel: courriel.to_owned(),
        mot_de_passe: alliances_web::accounts::hash_password(PASSWORD.to_owned())
            .await
            .unwrap(),
        role: role.code().to_owned(),
        pseudonyme: format!("Pseudo {}", courriel.split('@').next().unwrap()),
        organisation: None,
        signature: "pseudonyme".to_owned(),
        consentement_le: now,
        consentement_version: "2026-12-04".to_owned(),
        verifie_le: Some(now),
        cree_le: now,
        connecte_le: now,
    };
    assert!(comptes::create(&app.db.db, &account).await.unwrap());
    account
}

/// A session opened for an account: the cookie's secret and the forms' token.
pub async fn session(app: &TestApp, account: &str) -> (String, String) {
    let secret = alliances_web::links::new_secret();
    let csrf = alliances_web::links::new_secret();
    comptes::open_session(
        &app.db.db,
        &alliances_web::links::key_of(&secret),
        account,
        &csrf,
        app.state.now(),
    )
    .await
    .unwrap();
    (secret, csrf)
}

pub fn cookie(secret: &str) -> String {
    format!("alliances_session={secret}")
}

/// `GET path` with the session cookie.
pub async fn get_as(app: &TestApp, path: &str, secret: &str) -> TestResponse {
    app.request(
        Request::get(path)
            .header("cookie", cookie(secret))
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// `POST path` with a form body and, when given, the session cookie.
pub async fn post_as(app: &TestApp, path: &str, secret: Option<&str>, body: &str) -> TestResponse {
    let mut request =
        Request::post(path).header("content-type", "application/x-www-form-urlencoded");
    if let Some(s) = secret {
        request = request.header("cookie", cookie(s));
    }
    app.request(request.body(Body::from(body.to_owned())).unwrap())
        .await
}

/// The session secret a response sets, if any.
pub fn set_session(r: &TestResponse) -> Option<String> {
    r.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("alliances_session="))
        .map(|v| v.split(';').next().unwrap().to_owned())
        .filter(|v| !v.is_empty())
}

/// The secret of the last link to `path` found in the mail.
pub fn link_in_mail(app: &TestApp, path: &str) -> Option<String> {
    app.mails().iter().rev().find_map(|m| {
        let at = m.find(path)?;
        Some(m[at + path.len()..].chars().take(40).collect())
    })
}

/// A urlencoded body.
pub fn form(pairs: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

/// A urlencoded body of owned pairs.
pub fn form_of(pairs: &[(String, String)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

/// The body of the form « Accepter » of a proposal as its moderation page shows it (the
/// session's token and the version of the proposal read).
pub async fn accept_form(app: &TestApp, id: &str, secret: &str, csrf: &str) -> String {
    let page = get_as(app, &format!("/moderation/propositions/{id}"), secret)
        .await
        .text();
    let key = "name=\"version\" value=\"";
    let at = page.find(key).expect("the version on the page") + key.len();
    let version = &page[at..at + page[at..].find('"').unwrap()];
    form(&[("csrf", csrf), ("version", version)])
}
