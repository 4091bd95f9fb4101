//! Moving and keeping data: a backup restored, and a database copied, are equal to their
//! source by every table's count and checksum — on each back-end and across them — and bad
//! files or non-empty targets change nothing.

use alliances_store::backup::{self, TABLES, Tally};
use alliances_store::parcours::{self, Certificate};
use alliances_store::{Db, alliances as store_alliances, comptes, diagnostics, propositions};
use alliances_testkit::{Backend, TestDb, empty_db, loaded_db};

alliances_testkit::both_backends!(
    a_backup_restores_equal_into_an_empty_database,
    a_copy_to_the_other_back_end_is_equal_and_keeps_numbering,
    a_non_empty_target_is_refused_unless_replaced,
    a_damaged_or_cut_file_restores_nothing,
);

const NOW: i64 = 1_796_292_000;

/// A loaded database with something in every table a visitor writes to.
async fn populated(backend: &Backend) -> TestDb {
    let t = loaded_db(backend).await;
    let db = &t.db;
    diagnostics::insert_complete(db, "diag", 2, r#"{"a":"b"}"#, r#"{"r":1}"#, NOW)
        .await
        .unwrap();
    diagnostics::create_collective(
        db,
        "coll",
        "Collectif « test »",
        2,
        &[("p1".into(), "Mairie".into()), ("p2".into(), "Asso".into())],
        NOW,
    )
    .await
    .unwrap();
    parcours::create_group(
        db,
        "grp",
        "Promo",
        "essentiel",
        &[("l1".into(), "Camille".into())],
        NOW,
    )
    .await
    .unwrap();
    parcours::complete_module(db, "l1", "a", NOW + 1)
        .await
        .unwrap();
    parcours::insert_certificate(
        db,
        &Certificate {
            code: "C1".into(),
            suivi: Some("l1".into()),
            parcours: "essentiel".into(),
            modules: r#"["a"]"#.into(),
            nom: None,
            delivre_le: NOW,
            revoque_le: None,
            utilise_le: NOW,
        },
    )
    .await
    .unwrap();
    let account = comptes::Account {
        id: "a1".into(),
        courriel: "a@exemple.fr".into(),
        mot_de_passe: "$argon2id$x".into(),
        role: "administrateur".into(),
        pseudonyme: "Camille".into(),
        organisation: Some("Asso « test »".into()),
        signature: "organisation".into(),
        consentement_le: NOW,
        consentement_version: "2026-12-04".into(),
        verifie_le: None,
        cree_le: NOW,
        connecte_le: NOW,
    };
    comptes::create(db, &account).await.unwrap();
    comptes::open_session(db, "s1", "a1", "c1", NOW)
        .await
        .unwrap();
    comptes::create_token(db, "t1", "a1", comptes::Usage::Verification, NOW)
        .await
        .unwrap();
    comptes::create_api_token(db, "k1", "a1", "script", NOW)
        .await
        .unwrap();
    comptes::attach(db, "a1", "diagnostic", "diag", NOW)
        .await
        .unwrap();
    comptes::fail(db, "tentative", NOW, 900).await.unwrap();
    comptes::log_action(db, Some("a1"), "role", "a1", "{}", NOW)
        .await
        .unwrap();
    // A proposal, accepted: the record gets its first two revisions.
    let mut changed = store_alliances::get(db, "ptce-vivre-les-mureaux")
        .await
        .unwrap()
        .unwrap()
        .alliance;
    changed.resume = Some("Résumé « proposé ».".into());
    let document = serde_json::to_string(&changed).unwrap();
    propositions::create(
        db,
        &propositions::Proposal {
            id: "p1".into(),
            genre: "alliance".into(),
            sujet: "alliance".into(),
            cible: Some(changed.slug.clone()),
            base: Some(1),
            document,
            nom: changed.nom.clone(),
            territoires: "commune:78440".into(),
            statut: "en_attente".into(),
            message: None,
            note: Some("Une note.".into()),
            auteur: Some("a1".into()),
            moderateur: None,
            revision: None,
            cree_le: NOW,
            modifie_le: NOW,
        },
    )
    .await
    .unwrap();
    let audit = propositions::Audit {
        action: "accepter",
        cible: "alliance/ptce-vivre-les-mureaux",
        details: serde_json::json!({}),
    };
    let publish = propositions::Publish {
        target: propositions::Target::Alliance(&changed.slug),
        nom: &changed.nom,
        document: &serde_json::to_string(&changed).unwrap(),
        create: false,
        source: "proposition",
        auteur: Some("a1"),
        proposition: Some("p1"),
        now: NOW + 1,
    };
    assert_eq!(
        propositions::publish(db, &publish, "a1", &audit)
            .await
            .unwrap(),
        propositions::Published::Revision(2)
    );
    // A tool restored by a moderator: its first two revisions.
    let tool: alliances_store::documents::Stored<alliances_domain::outil::Outil> =
        alliances_store::documents::all(db, alliances_store::documents::OUTIL)
            .await
            .unwrap()
            .remove(0);
    let restore = propositions::Publish {
        target: propositions::Target::Document {
            genre: alliances_store::documents::OUTIL,
            id: &tool.record.slug,
        },
        nom: &tool.record.nom,
        document: &serde_json::to_string(&tool.record).unwrap(),
        create: false,
        source: "restauration",
        auteur: Some("a1"),
        proposition: None,
        now: NOW + 2,
    };
    assert_eq!(
        propositions::publish(db, &restore, "a1", &audit)
            .await
            .unwrap(),
        propositions::Published::Revision(2)
    );
    t
}

fn the_other(backend: &Backend) -> Option<Backend> {
    match backend {
        Backend::Sqlite => Backend::postgres(),
        Backend::Postgres(_) => Some(Backend::Sqlite),
    }
}

fn assert_every_table_holds_rows(tallies: &[Tally]) {
    assert_eq!(tallies.len(), TABLES.len());
    for t in tallies {
        assert!(t.lignes > 0, "{t}: the test leaves no table empty");
    }
}

async fn a_backup_restores_equal_into_an_empty_database(backend: &Backend) {
    let source = populated(backend).await;
    let mut file = Vec::new();
    let saved = backup::save(&source.db, &mut file, NOW).await.unwrap();
    assert_every_table_holds_rows(&saved);
    assert_eq!(saved, backup::tallies(&source.db).await.unwrap());

    let target = empty_db(backend).await;
    let restored = backup::restore(&target.db, file.as_slice(), false)
        .await
        .unwrap();
    assert_eq!(restored, saved);
    assert_eq!(backup::tallies(&target.db).await.unwrap(), saved);
    // What the application reads is there.
    assert!(
        diagnostics::get(&target.db, "diag")
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        parcours::certificate_by_code(&target.db, "C1")
            .await
            .unwrap()
            .unwrap()
            .suivi
            .as_deref(),
        Some("l1")
    );
    source.remove().await;
    target.remove().await;
}

async fn a_copy_to_the_other_back_end_is_equal_and_keeps_numbering(backend: &Backend) {
    let Some(other) = the_other(backend) else {
        return;
    };
    let source = populated(backend).await;
    let target = empty_db(&other).await;
    let copied = backup::copy(&source.db, &target.db, false).await.unwrap();
    assert_every_table_holds_rows(&copied);
    assert_eq!(backup::tallies(&target.db).await.unwrap(), copied);
    assert_eq!(backup::tallies(&source.db).await.unwrap(), copied);
    // The change log goes on after the copied rows, never over them.
    let last = store_alliances::last_change(&target.db).await.unwrap();
    assert!(last > 0);
    rename_one_alliance(&target.db).await;
    assert_eq!(
        store_alliances::last_change(&target.db).await.unwrap(),
        last + 1
    );
    source.remove().await;
    target.remove().await;
}

/// Writes through the application's path: changing an alliance appends to the change log.
async fn rename_one_alliance(db: &Db) {
    let mut first = store_alliances::page_after(db, None, 1).await.unwrap();
    let mut alliance = first.remove(0).alliance;
    alliance.nom.push_str(" (renommée)");
    let outcome = store_alliances::upsert_all(db, &[alliance], "essai", NOW)
        .await
        .unwrap();
    assert_eq!(outcome.updated, 1);
}

async fn a_non_empty_target_is_refused_unless_replaced(backend: &Backend) {
    let source = populated(backend).await;
    let mut file = Vec::new();
    let saved = backup::save(&source.db, &mut file, NOW).await.unwrap();
    // A served database (reference data and seed) is not empty.
    let target = loaded_db(backend).await;
    let before = backup::tallies(&target.db).await.unwrap();
    let err = backup::restore(&target.db, file.as_slice(), false)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("la base cible n'est pas vide") && err.contains("--remplacer"),
        "{err}"
    );
    assert_eq!(backup::tallies(&target.db).await.unwrap(), before);
    let err = backup::copy(&source.db, &target.db, false)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("alliances ("), "names the tables: {err}");
    assert_eq!(backup::tallies(&target.db).await.unwrap(), before);

    backup::restore(&target.db, file.as_slice(), true)
        .await
        .unwrap();
    assert_eq!(backup::tallies(&target.db).await.unwrap(), saved);
    source.remove().await;
    target.remove().await;
}

/// The backup as lines of text, and back.
fn lines_of(file: &[u8]) -> Vec<String> {
    use std::io::Read;
    let mut text = String::new();
    flate2_read(file).read_to_string(&mut text).unwrap();
    text.lines().map(str::to_owned).collect()
}

fn flate2_read(file: &[u8]) -> impl std::io::Read + '_ {
    flate2::read::GzDecoder::new(file)
}

fn packed(lines: &[String]) -> Vec<u8> {
    use std::io::Write;
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for l in lines {
        writeln!(w, "{l}").unwrap();
    }
    w.finish().unwrap()
}

async fn a_damaged_or_cut_file_restores_nothing(backend: &Backend) {
    let source = populated(backend).await;
    let mut file = Vec::new();
    backup::save(&source.db, &mut file, NOW).await.unwrap();
    let lines = lines_of(&file);
    let at = lines
        .iter()
        .position(|l| l.starts_with(r#"["diag""#))
        .expect("the diagnostic's row");

    let mut changed = lines.clone();
    changed[at] = changed[at].replace(r#"{\"a\":\"b\"}"#, r#"{\"a\":\"z\"}"#);
    assert_ne!(changed[at], lines[at]);
    let mut cut = lines.clone();
    cut.truncate(lines.len() - 3);
    let mut short = lines.clone();
    short[at] = "[\"diag\"]".into();
    let cases = [
        (packed(&changed), "a été modifié ou abîmé".to_owned()),
        (packed(&cut), "il est tronqué".to_owned()),
        (
            packed(&short),
            format!("ligne {} : 1 valeur(s) pour les", at + 1),
        ),
        (b"pas une sauvegarde".to_vec(), "illisible".to_owned()),
    ];
    for (bytes, expected) in cases {
        let target = empty_db(backend).await;
        let err = backup::restore(&target.db, bytes.as_slice(), false)
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains(&expected), "« {expected} » in {err}");
        let empty = backup::tallies(&target.db).await;
        // Either nothing was migrated (an unreadable header) or every table is empty.
        if let Ok(tallies) = empty {
            assert!(tallies.iter().all(|t| t.lignes == 0), "{tallies:?}");
        }
        target.remove().await;
    }
    source.remove().await;
}
