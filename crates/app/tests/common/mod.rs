//! What the binary's tests share: running `alliances` with a clean environment, and
//! servers started on a loopback port, killed on drop.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alliances_testkit::raw_get;
use serde_json::{Map, Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_alliances");

pub fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("alliances-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A command with no `ALLIANCES_*` variable inherited.
pub fn alliances() -> Command {
    let mut c = Command::new(BIN);
    for (k, _) in std::env::vars() {
        if k.starts_with("ALLIANCES_") {
            c.env_remove(k);
        }
    }
    c.env("ALLIANCES_LOG_REQUESTS", "false");
    c
}

pub fn run(c: &mut Command) -> (i32, String, String) {
    let out = c.output().expect("run alliances");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A running `alliances serve`, killed on drop.
pub struct Server {
    pub child: Child,
    pub address: String,
    pub stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(database_url: &str) -> Server {
    // Each server its own derived-state folder (the search index).
    serve_in(database_url, &fresh_data_dir())
}

pub fn fresh_data_dir() -> std::path::PathBuf {
    scratch(&format!(
        "donnees-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ))
}

pub fn serve_in(database_url: &str, data_dir: &std::path::Path) -> Server {
    let mut child = alliances()
        .args(["serve", "--bind", "127.0.0.1:0", "--database", database_url])
        .arg("--data-dir")
        .arg(data_dir)
        .env("ALLIANCES_RATE_LIMIT", "off")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start alliances serve");
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the address line");
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let sink = stderr.clone();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    std::thread::spawn(move || {
        let mut l = String::new();
        while err.read_line(&mut l).unwrap_or(0) > 0 {
            sink.lock().unwrap().push_str(&l);
            l.clear();
        }
    });
    Server {
        child,
        address,
        stderr,
    }
}

pub async fn wait_ready(server: &Server) -> Duration {
    let start = Instant::now();
    loop {
        let (status, _, _) = raw_get(&server.address, "/readyz").await;
        if status == 200 {
            return start.elapsed();
        }
        assert_eq!(status, 503, "readyz answers 503 until ready");
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "not ready after 2 minutes: {}",
            server.stderr.lock().unwrap()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn get_json(server: &Server, path: &str) -> (u16, Value) {
    let (status, _, body) = raw_get(&server.address, path).await;
    let value = serde_json::from_str(&body).unwrap_or(Value::String(body));
    (status, value)
}

/// A complete answer set for the current questionnaire, as a respondent clicking the first
/// option of every question asked would give (conditions followed in order).
pub fn first_answers(questionnaire: &Value) -> Value {
    let mut answers = Map::new();
    for step in questionnaire["etapes"].as_array().unwrap() {
        for q in step["questions"].as_array().unwrap() {
            if let Some(condition) = q["condition"].as_object() {
                let given = &answers.get(condition["question"].as_str().unwrap());
                let values: Vec<&Value> = match given {
                    Some(Value::Array(list)) => list.iter().collect(),
                    Some(one) => vec![*one],
                    None => vec![],
                };
                let asked = condition["parmi"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|v| values.contains(&v));
                if !asked {
                    continue;
                }
            }
            let id = q["id"].as_str().unwrap().to_owned();
            let answer = match q["type"].as_str().unwrap() {
                "texte" => continue,
                "territoire" => json!("34144"),
                kind => {
                    let first = q["options"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|o| o["exclusif"] != json!(true) && o["inconnu"] != json!(true))
                        .expect("an option")["valeur"]
                        .clone();
                    if kind == "choix_multiple" {
                        json!([first])
                    } else {
                        first
                    }
                }
            };
            answers.insert(id, answer);
        }
    }
    Value::Object(answers)
}
