//! Accounts, sessions, tokens, attached links, the throttle and the audit log, on both
//! back-ends.

use alliances_store::comptes::{self, Account, Usage};
use alliances_testkit::{Backend, loaded_db, mentions};

alliances_testkit::both_backends!(
    an_address_has_one_account,
    sessions_expire_slide_and_end_with_a_new_password,
    email_tokens_work_once_and_expire,
    api_tokens_and_attached_links,
    the_throttle_counts_within_its_window,
    deleting_an_account_leaves_nothing_personal,
    the_purge_follows_the_retention_rules,
);

const T0: i64 = 1_800_000_000;

fn account(id: &str, courriel: &str) -> Account {
    Account {
        id: id.into(),
        courriel: courriel.into(),
        mot_de_passe: "$argon2id$v=19$m=19456,t=2,p=1$c2VsZw$aGFjaGU".into(),
        role: "membre".into(),
        pseudonyme: format!("Pseudo {id}"),
        organisation: Some(format!("Organisation {id}")),
        signature: "pseudonyme".into(),
        consentement_le: T0,
        consentement_version: "2026-12-04".into(),
        verifie_le: None,
        cree_le: T0,
        connecte_le: T0,
    }
}

async fn an_address_has_one_account(backend: &Backend) {
    let t = loaded_db(backend).await;
    let a = account("a1", "camille@exemple.fr");
    assert!(comptes::create(&t.db, &a).await.unwrap());
    let again = account("a2", "camille@exemple.fr");
    assert!(!comptes::create(&t.db, &again).await.unwrap(), "taken");
    assert_eq!(
        comptes::by_email(&t.db, "camille@exemple.fr")
            .await
            .unwrap(),
        Some(a.clone())
    );
    assert_eq!(comptes::by_id(&t.db, "a2").await.unwrap(), None);
    assert!(comptes::set_role(&t.db, "a1", "moderateur").await.unwrap());
    assert!(comptes::set_verified(&t.db, "a1", T0 + 5).await.unwrap());
    assert!(comptes::set_verified(&t.db, "a1", T0 + 9).await.unwrap());
    assert!(
        comptes::set_profile(&t.db, "a1", "Cam", None, "pseudonyme")
            .await
            .unwrap()
    );
    let read = comptes::by_id(&t.db, "a1").await.unwrap().unwrap();
    assert_eq!(
        (read.role.as_str(), read.verifie_le),
        ("moderateur", Some(T0 + 5))
    );
    assert_eq!((read.pseudonyme.as_str(), read.organisation), ("Cam", None));
    assert!(!comptes::set_role(&t.db, "inconnu", "membre").await.unwrap());
    assert_eq!(comptes::all(&t.db).await.unwrap().len(), 1);
    t.remove().await;
}

async fn sessions_expire_slide_and_end_with_a_new_password(backend: &Backend) {
    let t = loaded_db(backend).await;
    comptes::create(&t.db, &account("a1", "a@exemple.fr"))
        .await
        .unwrap();
    comptes::open_session(&t.db, "s1", "a1", "csrf1", T0 + 10)
        .await
        .unwrap();
    comptes::open_session(&t.db, "s2", "a1", "csrf2", T0 + 20)
        .await
        .unwrap();
    let (a, s) = comptes::session(&t.db, "s1", T0 + 30)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (a.id.as_str(), s.csrf.as_str(), a.connecte_le),
        ("a1", "csrf1", T0 + 20)
    );
    assert_eq!(
        s.expire_le,
        T0 + 10 + comptes::SESSION_LIFETIME,
        "not touched within the hour"
    );
    // Used after an hour: the expiry slides.
    let later = T0 + 10 + comptes::SESSION_TOUCH;
    let (_, s) = comptes::session(&t.db, "s1", later).await.unwrap().unwrap();
    assert_eq!(s.expire_le, later + comptes::SESSION_LIFETIME);
    assert_eq!(
        comptes::session(&t.db, "s1", s.expire_le).await.unwrap(),
        None,
        "expired"
    );
    assert_eq!(comptes::session(&t.db, "nope", T0).await.unwrap(), None);
    assert_eq!(
        comptes::session_count(&t.db, "a1", T0 + 40).await.unwrap(),
        2
    );
    comptes::close_session(&t.db, "s2").await.unwrap();
    assert_eq!(
        comptes::session_count(&t.db, "a1", T0 + 40).await.unwrap(),
        1
    );
    assert!(
        comptes::set_password(&t.db, "a1", "$argon2id$autre")
            .await
            .unwrap()
    );
    assert_eq!(
        comptes::session_count(&t.db, "a1", T0 + 40).await.unwrap(),
        0
    );
    t.remove().await;
}

async fn email_tokens_work_once_and_expire(backend: &Backend) {
    let t = loaded_db(backend).await;
    comptes::create(&t.db, &account("a1", "a@exemple.fr"))
        .await
        .unwrap();
    comptes::create_token(&t.db, "v1", "a1", Usage::Verification, T0)
        .await
        .unwrap();
    comptes::create_token(&t.db, "r1", "a1", Usage::Reinitialisation, T0)
        .await
        .unwrap();
    comptes::create_token(&t.db, "r2", "a1", Usage::Reinitialisation, T0)
        .await
        .unwrap();
    // A token serves its own use only.
    assert_eq!(
        comptes::take_token(&t.db, "v1", Usage::Reinitialisation, T0)
            .await
            .unwrap(),
        None
    );
    assert!(
        comptes::token_valid(&t.db, "v1", Usage::Verification, T0)
            .await
            .unwrap()
    );
    assert_eq!(
        comptes::take_token(&t.db, "v1", Usage::Verification, T0 + 1)
            .await
            .unwrap()
            .as_deref(),
        Some("a1")
    );
    assert_eq!(
        comptes::take_token(&t.db, "v1", Usage::Verification, T0 + 2)
            .await
            .unwrap(),
        None,
        "once"
    );
    // A reset link lasts an hour.
    assert!(
        !comptes::token_valid(&t.db, "r1", Usage::Reinitialisation, T0 + 3_600)
            .await
            .unwrap()
    );
    assert_eq!(
        comptes::take_token(&t.db, "r1", Usage::Reinitialisation, T0 + 3_600)
            .await
            .unwrap(),
        None
    );
    // A new password spends the other reset links.
    comptes::set_password(&t.db, "a1", "$argon2id$autre")
        .await
        .unwrap();
    assert!(
        !comptes::token_valid(&t.db, "r2", Usage::Reinitialisation, T0 + 5)
            .await
            .unwrap()
    );
    t.remove().await;
}

async fn api_tokens_and_attached_links(backend: &Backend) {
    let t = loaded_db(backend).await;
    comptes::create(&t.db, &account("a1", "a@exemple.fr"))
        .await
        .unwrap();
    comptes::create(&t.db, &account("b1", "b@exemple.fr"))
        .await
        .unwrap();
    comptes::create_api_token(&t.db, "k1", "a1", "mon script", T0)
        .await
        .unwrap();
    let a = comptes::by_api_token(&t.db, "k1", T0 + 5)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.id, "a1");
    let tokens = comptes::api_tokens(&t.db, "a1").await.unwrap();
    assert_eq!((tokens.len(), tokens[0].utilise_le), (1, Some(T0 + 5)));
    assert!(
        !comptes::revoke_api_token(&t.db, "b1", "k1").await.unwrap(),
        "not theirs"
    );
    assert!(comptes::revoke_api_token(&t.db, "a1", "k1").await.unwrap());
    assert_eq!(
        comptes::by_api_token(&t.db, "k1", T0 + 6).await.unwrap(),
        None
    );

    comptes::attach(&t.db, "a1", "diagnostic", "s1", T0)
        .await
        .unwrap();
    comptes::attach(&t.db, "a1", "diagnostic", "s1", T0 + 1)
        .await
        .unwrap();
    comptes::attach(&t.db, "a1", "suivi", "s2", T0 + 2)
        .await
        .unwrap();
    let links = comptes::attached(&t.db, "a1").await.unwrap();
    assert_eq!(
        links
            .iter()
            .map(|l| (l.genre.as_str(), l.lien.as_str(), l.ajoute_le))
            .collect::<Vec<_>>(),
        [("diagnostic", "s1", T0), ("suivi", "s2", T0 + 2)]
    );
    assert!(comptes::attached(&t.db, "b1").await.unwrap().is_empty());
    assert!(!comptes::detach(&t.db, "b1", "suivi", "s2").await.unwrap());
    assert!(comptes::detach(&t.db, "a1", "suivi", "s2").await.unwrap());
    assert_eq!(comptes::attached(&t.db, "a1").await.unwrap().len(), 1);
    t.remove().await;
}

async fn the_throttle_counts_within_its_window(backend: &Backend) {
    let t = loaded_db(backend).await;
    assert_eq!(comptes::failures(&t.db, "k").await.unwrap(), None);
    for i in 0..3 {
        comptes::fail(&t.db, "k", T0 + i, 900).await.unwrap();
    }
    assert_eq!(comptes::failures(&t.db, "k").await.unwrap(), Some((3, T0)));
    // Past the window, counting starts again.
    comptes::fail(&t.db, "k", T0 + 900, 900).await.unwrap();
    assert_eq!(
        comptes::failures(&t.db, "k").await.unwrap(),
        Some((1, T0 + 900))
    );
    comptes::clear_failures(&t.db, "k").await.unwrap();
    assert_eq!(comptes::failures(&t.db, "k").await.unwrap(), None);
    t.remove().await;
}

async fn deleting_an_account_leaves_nothing_personal(backend: &Backend) {
    let t = loaded_db(backend).await;
    let a = account("compte-a-effacer", "personne.unique@exemple.fr");
    comptes::create(&t.db, &a).await.unwrap();
    comptes::create(&t.db, &account("garde", "autre@exemple.fr"))
        .await
        .unwrap();
    comptes::open_session(&t.db, "session-zq7-a", &a.id, "csrf-zq7-a", T0)
        .await
        .unwrap();
    comptes::create_token(&t.db, "jeton-zq7-a", &a.id, Usage::Verification, T0)
        .await
        .unwrap();
    comptes::create_api_token(&t.db, "api-zq7-a", &a.id, "libelle-zq7-a", T0)
        .await
        .unwrap();
    comptes::attach(&t.db, &a.id, "diagnostic", "lien-zq7-a", T0)
        .await
        .unwrap();
    comptes::log_action(&t.db, Some(&a.id), "role", "garde", "{}", T0)
        .await
        .unwrap();
    for needle in [
        &a.id,
        &a.courriel,
        &a.pseudonyme,
        "Organisation compte-a",
        "session-zq7-a",
        "libelle-zq7-a",
        "lien-zq7-a",
    ] {
        assert!(
            !mentions(&t.db, needle).await.is_empty(),
            "{needle} written"
        );
    }
    assert!(comptes::delete(&t.db, &a.id).await.unwrap());
    for needle in [
        &a.id,
        &a.courriel,
        &a.pseudonyme,
        "Organisation compte-a",
        "session-zq7-a",
        "csrf-zq7-a",
        "jeton-zq7-a",
        "api-zq7-a",
        "libelle-zq7-a",
        "lien-zq7-a",
    ] {
        assert_eq!(
            mentions(&t.db, needle).await,
            Vec::<String>::new(),
            "{needle} left"
        );
    }
    // The action stays in the audit log, without its actor; the other account is untouched.
    let log = comptes::actions(&t.db, None, 10).await.unwrap();
    assert_eq!((log.len(), log[0].acteur.clone()), (1, None));
    assert!(comptes::by_id(&t.db, "garde").await.unwrap().is_some());
    assert!(!comptes::delete(&t.db, &a.id).await.unwrap());
    t.remove().await;
}

async fn the_purge_follows_the_retention_rules(backend: &Backend) {
    let t = loaded_db(backend).await;
    let now = T0 + 4 * 365 * 86_400;
    let mut unverified = account("jamais", "jamais@exemple.fr");
    unverified.cree_le = now - comptes::UNVERIFIED_RETENTION - 1;
    unverified.connecte_le = unverified.cree_le;
    let mut recent = account("recent", "recent@exemple.fr");
    recent.cree_le = now - 10;
    recent.connecte_le = now - 10;
    let mut dormant = account("dormant", "dormant@exemple.fr");
    dormant.verifie_le = Some(T0);
    dormant.connecte_le = now - comptes::ACCOUNT_RETENTION - 1;
    let mut active = account("actif", "actif@exemple.fr");
    active.verifie_le = Some(T0);
    active.connecte_le = now - comptes::ACCOUNT_RETENTION + 10;
    for a in [&unverified, &recent, &dormant, &active] {
        comptes::create(&t.db, a).await.unwrap();
    }
    comptes::open_session(
        &t.db,
        "vieille",
        "actif",
        "c",
        now - comptes::SESSION_LIFETIME - 1,
    )
    .await
    .unwrap();
    comptes::open_session(&t.db, "fraiche", "actif", "c", now - 5)
        .await
        .unwrap();
    comptes::create_token(
        &t.db,
        "perime",
        "actif",
        Usage::Reinitialisation,
        now - 3_601,
    )
    .await
    .unwrap();
    comptes::fail(&t.db, "vieux", now - 901, 900).await.unwrap();
    comptes::fail(&t.db, "recent", now - 10, 900).await.unwrap();
    let p = comptes::purge(&t.db, now, 900).await.unwrap();
    assert_eq!((p.accounts, p.sessions, p.tokens, p.attempts), (2, 1, 1, 1));
    let left: Vec<String> = comptes::all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(left, ["actif", "recent"]);
    assert_eq!(
        comptes::session_count(&t.db, "actif", now).await.unwrap(),
        1
    );
    t.remove().await;
}
