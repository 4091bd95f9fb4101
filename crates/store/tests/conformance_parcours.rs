//! The storage conformance suite, learning path part (« Compétences »): progress behind
//! personal links, groups, certificates and their retention, on SQLite and PostgreSQL.

use alliances_store::Db;
use alliances_store::parcours::{self as store, Certificate, RETENTION};
use alliances_testkit::{Backend, loaded_db};

alliances_testkit::both_backends!(
    progress_records_completions_once,
    groups_list_completions_and_certificates,
    certificates_are_revoked_by_their_holder_only,
    deleting_progress_revokes_its_certificates,
    purge_removes_what_was_unused_for_a_year,
);

const NOW: i64 = 1_796_292_000;

async fn count(db: &Db, table: &str) -> i64 {
    let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}"));
    match db {
        Db::Sqlite(s) => sqlx::query_scalar(sql).fetch_one(&s.read).await.unwrap(),
        Db::Pg(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
    }
}

fn certificate(code: &str, suivi: &str, at: i64) -> Certificate {
    Certificate {
        code: code.to_owned(),
        suivi: Some(suivi.to_owned()),
        parcours: "essentiel".to_owned(),
        modules: r#"["a","b"]"#.to_owned(),
        nom: Some("Camille".to_owned()),
        delivre_le: at,
        revoque_le: None,
        utilise_le: at,
    }
}

async fn progress_records_completions_once(backend: &Backend) {
    let t = loaded_db(backend).await;
    store::create(&t.db, "k1", "essentiel", NOW).await.unwrap();
    assert!(store::get(&t.db, "absent").await.unwrap().is_none());
    store::complete_module(&t.db, "k1", "b", NOW + 10)
        .await
        .unwrap();
    store::complete_module(&t.db, "k1", "a", NOW + 20)
        .await
        .unwrap();
    // A second pass keeps the first completion's time.
    store::complete_module(&t.db, "k1", "b", NOW + 30)
        .await
        .unwrap();
    assert_eq!(
        store::completed(&t.db, "k1").await.unwrap(),
        vec![("b".to_owned(), NOW + 10), ("a".to_owned(), NOW + 20)]
    );
    let p = store::get(&t.db, "k1").await.unwrap().unwrap();
    assert_eq!((p.parcours.as_str(), p.utilise_le), ("essentiel", NOW + 30));
    assert!(
        store::set_variant(&t.db, "k1", "complet", NOW + 40)
            .await
            .unwrap()
    );
    assert!(
        !store::set_variant(&t.db, "absent", "complet", NOW)
            .await
            .unwrap()
    );
    assert_eq!(
        store::get(&t.db, "k1").await.unwrap().unwrap().parcours,
        "complet"
    );
    assert_eq!(store::completed(&t.db, "k1").await.unwrap().len(), 2);
    t.remove().await;
}

async fn groups_list_completions_and_certificates(backend: &Backend) {
    let t = loaded_db(backend).await;
    let learners = vec![
        ("l0".to_owned(), "Ana".to_owned()),
        ("l1".to_owned(), "Basile".to_owned()),
    ];
    store::create_group(&t.db, "g", "Promo", "essentiel", &learners, NOW)
        .await
        .unwrap();
    let g = store::group(&t.db, "g").await.unwrap().unwrap();
    assert_eq!(
        (g.nom.as_str(), g.parcours.as_str()),
        ("Promo", "essentiel")
    );
    store::complete_module(&t.db, "l1", "a", NOW).await.unwrap();
    store::insert_certificate(&t.db, &certificate("C1", "l1", NOW))
        .await
        .unwrap();
    let members = store::members(&t.db, "g").await.unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].0.libelle.as_deref(), Some("Ana"));
    assert_eq!((members[0].0.rang, members[1].0.rang), (Some(0), Some(1)));
    assert!(members[0].1.is_empty() && !members[0].2);
    assert_eq!(members[1].1, vec!["a".to_owned()]);
    assert!(members[1].2, "Basile holds a valid certificate");
    assert!(store::delete_group(&t.db, "g", NOW + 5).await.unwrap());
    assert_eq!(count(&t.db, "parcours_suivis").await, 0);
    assert_eq!(count(&t.db, "parcours_modules").await, 0);
    let c = store::certificate_by_code(&t.db, "C1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((c.revoque_le, c.nom, c.suivi), (Some(NOW + 5), None, None));
    t.remove().await;
}

async fn certificates_are_revoked_by_their_holder_only(backend: &Backend) {
    let t = loaded_db(backend).await;
    store::create(&t.db, "k1", "essentiel", NOW).await.unwrap();
    store::create(&t.db, "k2", "essentiel", NOW).await.unwrap();
    store::insert_certificate(&t.db, &certificate("C1", "k1", NOW))
        .await
        .unwrap();
    assert_eq!(store::certificates_of(&t.db, "k1").await.unwrap().len(), 1);
    assert!(!store::revoke(&t.db, "C1", "k2", NOW + 1).await.unwrap());
    assert!(store::revoke(&t.db, "C1", "k1", NOW + 2).await.unwrap());
    assert!(
        !store::revoke(&t.db, "C1", "k1", NOW + 3).await.unwrap(),
        "once"
    );
    let c = store::certificate_by_code(&t.db, "C1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.revoque_le, Some(NOW + 2));
    assert_eq!(c.nom, None, "the name goes with the revocation");
    assert_eq!(
        c.parcours, "essentiel",
        "what it certified stays verifiable"
    );
    t.remove().await;
}

async fn deleting_progress_revokes_its_certificates(backend: &Backend) {
    let t = loaded_db(backend).await;
    store::create(&t.db, "k1", "essentiel", NOW).await.unwrap();
    store::complete_module(&t.db, "k1", "a", NOW).await.unwrap();
    store::insert_certificate(&t.db, &certificate("C1", "k1", NOW))
        .await
        .unwrap();
    assert!(store::delete(&t.db, "k1", NOW + 9).await.unwrap());
    assert!(!store::delete(&t.db, "k1", NOW + 9).await.unwrap());
    assert_eq!(count(&t.db, "parcours_modules").await, 0);
    let c = store::certificate_by_code(&t.db, "C1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((c.revoque_le, c.nom, c.suivi), (Some(NOW + 9), None, None));
    t.remove().await;
}

async fn purge_removes_what_was_unused_for_a_year(backend: &Backend) {
    let t = loaded_db(backend).await;
    let old = NOW - RETENTION - 1;
    store::create(&t.db, "old", "essentiel", old).await.unwrap();
    store::create(&t.db, "new", "essentiel", NOW).await.unwrap();
    store::create_group(
        &t.db,
        "g-old",
        "Ancien",
        "essentiel",
        &[("m-old".to_owned(), "A".to_owned())],
        old,
    )
    .await
    .unwrap();
    store::insert_certificate(&t.db, &certificate("OLD", "new", old))
        .await
        .unwrap();
    store::insert_certificate(&t.db, &certificate("NEW", "new", old))
        .await
        .unwrap();
    // Verifying a certificate postpones its purge.
    store::touch_certificate(&t.db, "NEW", NOW).await.unwrap();
    let p = store::purge(&t.db, NOW).await.unwrap();
    assert_eq!((p.progress, p.groups, p.certificates), (2, 1, 1));
    assert!(store::get(&t.db, "new").await.unwrap().is_some());
    assert!(store::get(&t.db, "old").await.unwrap().is_none());
    assert!(
        store::certificate_by_code(&t.db, "NEW")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store::certificate_by_code(&t.db, "OLD")
            .await
            .unwrap()
            .is_none()
    );
    t.remove().await;
}
