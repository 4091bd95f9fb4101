//! `alliances sauvegarder`, `restaurer` and `migrer-base` as an operator runs them: a
//! backup taken while a server writes, restored over the live database (the server follows),
//! restored into a new one, and the whole base copied from SQLite to PostgreSQL — every round
//! trip equal by the counts and checksums the commands print.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use alliances_testkit::{Backend, empty_db, raw_request};
use common::{
    Server, alliances, first_answers, get_json, run, scratch, serve, serve_in, wait_ready,
};
use serde_json::json;

const HEADER: &str = "id,name,partners,territory_name,territory_level,insee_codes,region,start_year,domains,relational_modes,sdgs_stated,fragilities,results,source_urls,retrieved";

fn alliance(slug: &str, name: &str) -> String {
    format!(
        "{HEADER}\n{slug},{name} (donnée de test),Mairie de Lunas (collectivite; porteur),Lunas,commune,34144,,2024-05,social,mecenat [editorial],not stated,emploi,,https://example.org/demo,2026-11-20\n"
    )
}

/// The « table : N ligne(s), somme S » lines a command printed.
fn tallies(out: &str) -> BTreeSet<String> {
    out.lines()
        .filter(|l| l.starts_with("  ") && l.contains("ligne(s), somme"))
        .map(|l| l.trim().to_owned())
        .collect()
}

async fn found(server: &Server, query: &str) -> u64 {
    let (status, v) = get_json(server, &format!("/api/v1/alliances?q={query}")).await;
    assert_eq!(status, 200, "{v}");
    v["total"].as_u64().unwrap()
}

async fn eventually(server: &Server, query: &str, expected: u64) {
    let start = Instant::now();
    while found(server, query).await != expected {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "« {query} » not {expected} within 5 s: {}",
            server.stderr.lock().unwrap()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn import(url: &str, file: &std::path::Path) {
    let (code, out, err) = run(alliances()
        .args(["import", "alliances", "--database", url])
        .arg(file));
    assert_eq!(code, 0, "{out}{err}");
}

#[tokio::test]
async fn backups_restore_and_copy_equal_by_counts_and_checksums() {
    let dir = scratch("sauvegarde");
    let live = format!("sqlite://{}", dir.join("vivante.db").display());
    let server = serve_in(&live, &dir.join("donnees"));
    wait_ready(&server).await;
    let (_, questionnaire) = get_json(&server, "/api/v1/questionnaires/courant").await;
    let body = json!({ "reponses": first_answers(&questionnaire) }).to_string();
    let (status, _, created) =
        raw_request(&server.address, "POST", "/api/v1/diagnostics", Some(&body)).await;
    assert_eq!(status, 201, "{created}");
    let id = serde_json::from_str::<serde_json::Value>(&created).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // A backup while the server runs.
    let file = dir.join("alliances.sauvegarde.gz");
    let (code, out, err) = run(alliances()
        .args(["sauvegarder", "--database", &live])
        .arg(&file));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Sauvegarde écrite"), "{out}");
    let saved = tallies(&out);
    assert_eq!(saved.len(), alliances_store::backup::TABLES.len(), "{out}");
    assert!(
        saved
            .iter()
            .any(|t| t.starts_with("diagnostics : 1 ligne(s)")),
        "{out}"
    );
    assert!(!dir.join("alliances.sauvegarde.gz.partiel").exists());

    // Something written after the backup, then the backup restored over the live base.
    let later = dir.join("apres.csv");
    std::fs::write(&later, alliance("essai-apres", "Essai postérieur")).unwrap();
    import(&live, &later);
    eventually(&server, "postérieur", 1).await;
    let (code, _, err) = run(alliances()
        .args(["restaurer", "--database", &live])
        .arg(&file));
    assert_eq!(code, 1, "a base that is not empty is refused: {err}");
    assert!(
        err.contains("la base cible n'est pas vide") && err.contains("--remplacer"),
        "{err}"
    );
    let (code, out, err) = run(alliances()
        .args(["restaurer", "--remplacer", "--database", &live])
        .arg(&file));
    assert_eq!(code, 0, "{err}");
    assert_eq!(tallies(&out), saved, "{out}");
    // The server follows: the later record leaves its index…
    eventually(&server, "postérieur", 0).await;
    // …and a history as long as the one it had indexed, but different, is seen too.
    let other = dir.join("autre.csv");
    std::fs::write(&other, alliance("essai-autre", "Essai xylophonique")).unwrap();
    import(&live, &other);
    eventually(&server, "xylophonique", 1).await;
    assert_eq!(found(&server, "postérieur").await, 0);
    let (status, _) = get_json(&server, &format!("/api/v1/diagnostics/{id}")).await;
    assert_eq!(status, 200);
    drop(server);

    // Into a new base: equal.
    let fresh = format!("sqlite://{}", dir.join("nouvelle.db").display());
    let (code, out, err) = run(alliances()
        .args(["restaurer", "--database", &fresh])
        .arg(&file));
    assert_eq!(code, 0, "{err}");
    assert_eq!(tallies(&out), saved);

    // A cut file restores nothing, and says so.
    let bytes = std::fs::read(&file).unwrap();
    let cut = dir.join("coupee.gz");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let empty = format!("sqlite://{}", dir.join("vide.db").display());
    let (code, _, err) = run(alliances()
        .args(["restaurer", "--database", &empty])
        .arg(&cut));
    assert_eq!(code, 1);
    assert!(err.contains("rien n'a été restauré"), "{err}");

    // SQLite to PostgreSQL: equal, refused a second time unless replaced, then served.
    let (code, _, err) =
        run(alliances().args(["migrer-base", "--database", &fresh, "--vers", "mysql://x"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--vers"), "{err}");
    if let Some(backend) = Backend::postgres() {
        let pg = empty_db(&backend).await;
        pg.db.close().await;
        let (code, out, err) =
            run(alliances().args(["migrer-base", "--database", &fresh, "--vers", &pg.url]));
        assert_eq!(code, 0, "{err}");
        assert_eq!(tallies(&out), saved, "{out}");
        let (code, _, err) =
            run(alliances().args(["migrer-base", "--database", &fresh, "--vers", &pg.url]));
        assert_eq!(code, 1);
        assert!(err.contains("--remplacer"), "{err}");
        let (code, out, err) = run(alliances().args([
            "migrer-base",
            "--remplacer",
            "--database",
            &fresh,
            "--vers",
            &pg.url,
        ]));
        assert_eq!(code, 0, "{err}");
        assert_eq!(tallies(&out), saved);
        // Its backup is the same base, whatever the back-end.
        let again = dir.join("depuis-pg.gz");
        let (code, out, err) = run(alliances()
            .args(["sauvegarder", "--database", &pg.url])
            .arg(&again));
        assert_eq!(code, 0, "{err}");
        assert_eq!(tallies(&out), saved);
        // A server on it opens what was written on SQLite (opening a diagnostic marks it used).
        let on_pg = serve(&pg.url);
        wait_ready(&on_pg).await;
        let (status, _) = get_json(&on_pg, &format!("/api/v1/diagnostics/{id}")).await;
        assert_eq!(status, 200);
        drop(on_pg);
        pg.remove().await;
    }
    let _ = std::fs::remove_dir_all(dir);
}
