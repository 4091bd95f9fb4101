//! `kill -9` in the middle of writes, on SQLite and PostgreSQL: during an import, and during
//! diagnostics posted concurrently to a server. After the crash the base passes its integrity
//! check, every write that was acknowledged is there, and nothing half-written is visible.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use alliances_store::{ConnectOptions, Db, alliances as store};
use alliances_testkit::{Backend, empty_db};
use common::{alliances, first_answers, get_json, run, scratch, serve_in, wait_ready};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const HEADER: &str = "id,name,partners,territory_name,territory_level,insee_codes,region,start_year,domains,relational_modes,sdgs_stated,fragilities,results,source_urls,retrieved";

/// Enough rows that the import is still writing when it is killed.
const ROWS: usize = 60_000;

async fn integrity(url: &str) -> (Vec<String>, i64) {
    let db = Db::connect(url, &ConnectOptions::default()).await.unwrap();
    let problems = db.integrity().await.unwrap();
    let count = store::count(&db).await.unwrap();
    db.close().await;
    (problems, count)
}

async fn an_import_killed_midway_leaves_nothing(backend: &Backend) {
    let db = empty_db(backend).await;
    let url = db.url.clone();
    db.db.close().await;
    let dir = scratch(&format!("crash-import-{}", backend.name()));
    let (code, _, err) = run(alliances().args(["migrate", "--database", &url]));
    assert_eq!(code, 0, "{err}");
    let rows: Vec<String> = (0..ROWS)
        .map(|i| format!("essai-crash-{i},Essai interrompu {i} (donnée de test),Mairie de Lunas (collectivite; porteur),Lunas,commune,34144,,2024-05,social,,not stated,emploi,,https://example.org/demo,2026-11-20"))
        .collect();
    let file = dir.join("gros.csv");
    std::fs::write(&file, format!("{HEADER}\n{}\n", rows.join("\n"))).unwrap();
    // The seed goes in first (the import prepares the base): count it.
    let small = dir.join("vide.csv");
    std::fs::write(&small, format!("{HEADER}\n")).unwrap();
    let (code, _, err) = run(alliances()
        .args(["import", "alliances", "--database", &url])
        .arg(&small));
    assert_eq!(code, 0, "{err}");
    let (_, seeded) = integrity(&url).await;

    let mut child = alliances()
        .args(["import", "alliances", "--database", &url])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        child.try_wait().unwrap().is_none(),
        "the import must still be running when it is killed"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let (problems, count) = integrity(&url).await;
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        count, seeded,
        "nothing of the interrupted import is visible"
    );
    // The base takes writes again: a small file imports.
    let again = dir.join("apres.csv");
    std::fs::write(&again, format!("{HEADER}\n{}\n", rows[0])).unwrap();
    let (code, out, err) = run(alliances()
        .args(["import", "alliances", "--database", &url])
        .arg(&again));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 créé(s)"), "{out}");
    let (problems, count) = integrity(&url).await;
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(count, seeded + 1);
    let _ = std::fs::remove_dir_all(dir);
    db.remove().await;
}

/// `POST` without panicking when the server is gone: the status and body, or `None`.
async fn try_post(address: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut stream = tokio::net::TcpStream::connect(address).await.ok()?;
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, body.to_owned()))
}

async fn a_server_killed_amid_diagnostic_writes_keeps_every_acknowledged_one(backend: &Backend) {
    let db = empty_db(backend).await;
    let url = db.url.clone();
    db.db.close().await;
    let dir = scratch(&format!("crash-diagnostics-{}", backend.name()));
    let data = dir.join("donnees");
    let server = serve_in(&url, &data);
    wait_ready(&server).await;
    let (_, questionnaire) = get_json(&server, "/api/v1/questionnaires/courant").await;
    let body = json!({ "reponses": first_answers(&questionnaire) }).to_string();
    let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
    let writers: Vec<_> = (0..4)
        .map(|_| {
            let (address, body, acknowledged) =
                (server.address.clone(), body.clone(), acknowledged.clone());
            tokio::spawn(async move {
                while let Some((status, created)) =
                    try_post(&address, "/api/v1/diagnostics", &body).await
                {
                    if status == 201 {
                        let v: serde_json::Value = serde_json::from_str(&created).unwrap();
                        acknowledged
                            .lock()
                            .unwrap()
                            .push(v["id"].as_str().unwrap().to_owned());
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    drop(server); // SIGKILL, while the writers post
    for w in writers {
        w.await.unwrap();
    }
    let ids = acknowledged.lock().unwrap().clone();
    assert!(
        ids.len() > 10,
        "writes went on before the crash: {}",
        ids.len()
    );
    eprintln!("{} diagnostics acknowledged before the crash", ids.len());

    let (problems, _) = integrity(&url).await;
    assert!(problems.is_empty(), "{problems:?}");
    let again = serve_in(&url, &data);
    wait_ready(&again).await;
    for id in &ids {
        let (status, v) = get_json(&again, &format!("/api/v1/diagnostics/{id}")).await;
        assert_eq!(status, 200, "acknowledged diagnostic {id} lost: {v}");
        assert!(v["maturite"]["globale"].is_number(), "{v}");
    }
    drop(again);
    let _ = std::fs::remove_dir_all(dir);
    db.remove().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_killed_on_sqlite() {
    an_import_killed_midway_leaves_nothing(&Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_killed_on_postgres() {
    if let Some(backend) = Backend::postgres() {
        an_import_killed_midway_leaves_nothing(&backend).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_killed_on_sqlite() {
    a_server_killed_amid_diagnostic_writes_keeps_every_acknowledged_one(&Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_killed_on_postgres() {
    if let Some(backend) = Backend::postgres() {
        a_server_killed_amid_diagnostic_writes_keeps_every_acknowledged_one(&backend).await;
    }
}
