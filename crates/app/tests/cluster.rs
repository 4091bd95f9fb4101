//! Several servers on one PostgreSQL, as an operator runs them behind a reverse proxy:
//! each keeps its own search index in its own data directory, and the database is what
//! they share. Runs when `TEST_POSTGRES_URL` is set (always in CI).

mod common;

use std::time::{Duration, Instant};

use alliances_testkit::{Backend, empty_db, raw_get, raw_request, raw_send};
use common::{Server, alliances, first_answers, get_json, run, scratch, serve, wait_ready};
use serde_json::{Value, json};

const ALLIANCE: &str = "id,name,partners,territory_name,territory_level,insee_codes,region,start_year,domains,relational_modes,sdgs_stated,fragilities,results,source_urls,retrieved
essai-grappe,Essai de grappe (donnée de test),Mairie de Lunas (collectivite; porteur),Lunas,commune,34144,,2024-05,social,mecenat [editorial],not stated,emploi,,https://example.org/demo,2026-11-20
";

async fn found(server: &Server, query: &str) -> u64 {
    let (status, v) = get_json(server, &format!("/api/v1/alliances?q={query}")).await;
    assert_eq!(status, 200, "{v}");
    v["total"].as_u64().unwrap()
}

/// Polls `check` every 100 ms until it holds, for at most `limit`; returns the time taken.
async fn within<F, Fut>(limit: Duration, what: &str, mut check: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    loop {
        if check().await {
            return start.elapsed();
        }
        assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn readyz(server: &Server) -> u16 {
    raw_get(&server.address, "/readyz").await.0
}

#[tokio::test]
async fn two_servers_share_one_postgresql() {
    let Some(backend) = Backend::postgres() else {
        return;
    };
    let db = empty_db(&backend).await;
    let url = db.url.clone();
    db.db.close().await;

    // Both start at once on an empty database: one migrates and loads, the other waits.
    let a = serve(&url);
    let b = serve(&url);
    wait_ready(&a).await;
    wait_ready(&b).await;

    // An import through the CLI is searchable on both within 5 seconds.
    let dir = scratch("grappe");
    let file = dir.join("alliance.csv");
    std::fs::write(&file, ALLIANCE).unwrap();
    assert_eq!(found(&a, "grappe").await, 0);
    let (code, out, err) = run(alliances()
        .args(["import", "alliances", "--database", &url])
        .arg(&file));
    assert_eq!(code, 0, "{out}{err}");
    let limit = Duration::from_secs(5);
    let on_a = within(limit, "searchable on A", || async {
        found(&a, "grappe").await == 1
    })
    .await;
    let on_b = within(limit, "searchable on B", || async {
        found(&b, "grappe").await == 1
    })
    .await;
    eprintln!("import searchable on A after {on_a:?}, on B after {on_b:?} more");

    // A diagnostic created through one opens on the other, in either language.
    let (status, questionnaire) = get_json(&a, "/api/v1/questionnaires/courant").await;
    assert_eq!(status, 200);
    let body = json!({ "reponses": first_answers(&questionnaire) }).to_string();
    let (status, _, created) =
        raw_request(&a.address, "POST", "/api/v1/diagnostics", Some(&body)).await;
    assert_eq!(status, 201, "{created}");
    let created: Value = serde_json::from_str(&created).unwrap();
    let id = created["id"].as_str().unwrap();
    let (status, read) = get_json(&b, &format!("/api/v1/diagnostics/{id}?lang=en")).await;
    assert_eq!(status, 200, "{read}");
    assert_eq!(read["maturite"], created["maturite"]);
    assert_eq!(read["reponses"], created["reponses"]);
    let (status, _, page) = raw_get(&b.address, &format!("/methodes/diagnostics/{id}")).await;
    assert_eq!(status, 200, "{page}");

    // The database goes away: both say so on /readyz; it comes back: both are ready again,
    // the same processes, and serve what the database holds.
    let pids = (a.child.id(), b.child.id());
    db.set_reachable(false).await;
    let outage = Duration::from_secs(15);
    within(outage, "A sees the outage", || async {
        readyz(&a).await == 503
    })
    .await;
    within(outage, "B sees the outage", || async {
        readyz(&b).await == 503
    })
    .await;
    let (status, _, _) = raw_get(&b.address, &format!("/api/v1/diagnostics/{id}")).await;
    assert!(status >= 500, "a read needing the database fails: {status}");
    db.set_reachable(true).await;
    within(outage, "A is back", || async { readyz(&a).await == 200 }).await;
    within(outage, "B is back", || async { readyz(&b).await == 200 }).await;
    assert_eq!((a.child.id(), b.child.id()), pids);
    let (status, again) = get_json(&b, &format!("/api/v1/diagnostics/{id}")).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(found(&a, "grappe").await, 1);

    drop((a, b));
    let _ = std::fs::remove_dir_all(dir);
    db.remove().await;
}

/// `alliances utilisateurs creer`, the password on standard input.
fn create_user(url: &str, courriel: &str, role: &str) {
    use std::io::Write as _;
    let mut child = alliances()
        .args([
            "utilisateurs",
            "creer",
            "--database",
            url,
            "--courriel",
            courriel,
            "--role",
            role,
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"une phrase de passe solide\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Signs in on a server; returns the session cookie (`alliances_session=…`).
async fn sign_in(server: &Server, courriel: &str) -> String {
    let body = format!("courriel={courriel}&mot_de_passe=une+phrase+de+passe+solide");
    let (status, head, _) = raw_send(
        &server.address,
        "POST",
        "/compte/connexion",
        &[],
        Some(("application/x-www-form-urlencoded", &body)),
    )
    .await;
    assert_eq!(status, 303, "{head}");
    head.lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_owned()
}

/// A member proposes on one server; a moderator accepts on the other; the alliance is
/// searchable on both within 5 seconds. Sessions live in the database: one opened on A is
/// good on B.
#[tokio::test]
async fn a_proposal_accepted_on_one_server_is_searchable_on_the_other() {
    let Some(backend) = Backend::postgres() else {
        return;
    };
    let db = empty_db(&backend).await;
    let url = db.url.clone();
    db.db.close().await;
    let a = serve(&url);
    let b = serve(&url);
    wait_ready(&a).await;
    wait_ready(&b).await;
    create_user(&url, "membre@exemple.fr", "membre");
    create_user(&url, "moderatrice@exemple.fr", "moderateur");

    let member = sign_in(&a, "membre@exemple.fr").await;
    let (status, _, page) = raw_send(
        &b.address,
        "GET",
        "/mon-espace",
        &[("Cookie", &member)],
        None,
    )
    .await;
    assert_eq!(status, 200, "the session opened on A works on B: {page}");
    let (_, mut proposed) = get_json(&a, "/api/v1/alliances/ptce-vivre-les-mureaux").await;
    proposed["slug"] = json!("grappe-proposee");
    proposed["nom"] = json!("Grappe proposée Zq8 (donnée de test)");
    let (status, _, created) = raw_send(
        &a.address,
        "POST",
        "/api/v1/propositions",
        &[("Cookie", &member)],
        Some(("application/json", &proposed.to_string())),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = serde_json::from_str::<Value>(&created).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let moderator = sign_in(&b, "moderatrice@exemple.fr").await;
    let path = format!("/moderation/propositions/{id}");
    let (status, _, page) =
        raw_send(&b.address, "GET", &path, &[("Cookie", &moderator)], None).await;
    assert_eq!(status, 200, "{page}");
    let at = page.find("name=\"csrf\" value=\"").unwrap() + "name=\"csrf\" value=\"".len();
    let csrf = &page[at..at + 40];
    // The version the page shows: the one accepted.
    let at = page.find("name=\"version\" value=\"").unwrap() + "name=\"version\" value=\"".len();
    let version = &page[at..at + 64];
    let (status, head, _) = raw_send(
        &b.address,
        "POST",
        &format!("{path}/accepter"),
        &[("Cookie", &moderator)],
        Some((
            "application/x-www-form-urlencoded",
            &format!("csrf={csrf}&version={version}"),
        )),
    )
    .await;
    assert_eq!(status, 303, "{head}");
    let limit = Duration::from_secs(5);
    let on_b = within(limit, "searchable on B", || async {
        found(&b, "Zq8").await == 1
    })
    .await;
    let on_a = within(limit, "searchable on A", || async {
        found(&a, "Zq8").await == 1
    })
    .await;
    eprintln!("accepted proposal searchable on B after {on_b:?}, on A after {on_a:?} more");
    drop((a, b));
    db.remove().await;
}
