//! The binary as an operator runs it: configuration checks, `migrate`, and `serve` on a
//! loopback port (SQLite always, PostgreSQL when `TEST_POSTGRES_URL` is set).

mod common;

use std::time::{Duration, Instant};

use common::{Server, alliances, fresh_data_dir, run, scratch, serve, serve_in, wait_ready};

use alliances_testkit::{Backend, empty_db, raw_get};

#[test]
fn config_check_accepts_an_empty_file_and_reports_errors_in_french() {
    let dir = scratch("config");
    let empty = dir.join("vide.toml");
    std::fs::write(&empty, "").unwrap();
    let (code, out, _) = run(alliances()
        .args(["config", "check", "--config"])
        .arg(&empty));
    assert_eq!(code, 0);
    assert!(out.contains("Configuration valide"), "{out}");
    let (code, _, _) = run(alliances()
        .args(["config", "check"])
        .env("ALLIANCES_CONFIG", &empty));
    assert_eq!(code, 0, "ALLIANCES_CONFIG names the file");

    let syntax = dir.join("syntaxe.toml");
    std::fs::write(&syntax, "bind = \"127.0.0.1:8080\"\npage_cache = tru e\n").unwrap();
    let (code, _, err) = run(alliances()
        .args(["config", "check", "--config"])
        .arg(&syntax));
    assert_ne!(code, 0);
    assert!(
        err.contains("ligne 2, colonne") && err.contains("syntaxe TOML"),
        "{err}"
    );

    let unknown = dir.join("inconnue.toml");
    std::fs::write(&unknown, "bind = \"127.0.0.1:8080\"\nport = 8080\n").unwrap();
    let (code, _, err) = run(alliances()
        .args(["config", "check", "--config"])
        .arg(&unknown));
    assert_ne!(code, 0);
    assert!(
        err.contains("clé inconnue « port »") && err.contains("ligne 2"),
        "{err}"
    );

    let bad = dir.join("mauvaise.toml");
    std::fs::write(&bad, "rate_limit = \"beaucoup\"\n").unwrap();
    let (code, _, err) = run(alliances().args(["config", "check", "--config"]).arg(&bad));
    assert_ne!(code, 0);
    assert!(
        err.contains("« rate_limit »") && err.contains("off"),
        "{err}"
    );

    let (code, _, err) = run(alliances()
        .args(["config", "check"])
        .env("ALLIANCES_BIND", "nulle-part"));
    assert_ne!(code, 0);
    assert!(err.contains("ALLIANCES_BIND"), "{err}");
    let (code, _, err) = run(alliances()
        .args(["config", "check"])
        .env("ALLIANCES_CONFIG", dir.join("absent.toml")));
    assert_ne!(code, 0);
    assert!(err.contains("illisible"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn serve_refuses_an_invalid_questionnaire_and_names_file_line_and_question() {
    let dir = scratch("questionnaires");
    let shipped = include_str!("../../../content/questionnaires/diagnostic-1.toml");
    // An option of a scored question without a level.
    let broken = shipped.replacen("\n    niveau = 4\n", "\n", 1);
    std::fs::write(
        dir.join("diagnostic-2.toml"),
        broken.replacen("version = 1", "version = 2", 1),
    )
    .unwrap();
    let file = dir.join("diagnostic-2.toml").display().to_string();
    let (code, _, err) = run(alliances()
        .args(["serve", "--database"])
        .arg(format!("sqlite://{}", dir.join("a.db").display()))
        .args(["--bind", "127.0.0.1:0"])
        .env("ALLIANCES_QUESTIONNAIRES_DIR", &dir));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("questionnaire invalide"), "{err}");
    assert!(
        err.lines().any(|l| l.contains(&format!("{file}, ligne "))
            && l.contains(", question « ")
            && l.contains("chaque option doit avoir un « niveau »")),
        "{err}"
    );
    assert!(!dir.join("a.db").exists(), "nothing was created");
    // `config check` says the same; a valid folder passes.
    let (code, _, _) = run(alliances()
        .args(["config", "check"])
        .env("ALLIANCES_QUESTIONNAIRES_DIR", &dir));
    assert_eq!(code, 2);
    std::fs::write(
        dir.join("diagnostic-2.toml"),
        shipped.replacen("version = 1", "version = 2", 1),
    )
    .unwrap();
    let (code, out, err) = run(alliances()
        .args(["config", "check"])
        .env("ALLIANCES_QUESTIONNAIRES_DIR", &dir));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("questionnaires_dir"), "{out}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn serve_refuses_a_broken_learning_path_and_names_file_line_and_id() {
    let dir = scratch("parcours");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/parcours");
    std::fs::create_dir_all(dir.join("modules")).unwrap();
    std::fs::copy(root.join("parcours.toml"), dir.join("parcours.toml")).unwrap();
    for entry in std::fs::read_dir(root.join("modules")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("modules").join(path.file_name().unwrap())).unwrap();
    }
    let check = || {
        run(alliances()
            .args(["config", "check"])
            .env("ALLIANCES_PARCOURS_DIR", &dir))
    };
    let (code, out, err) = check();
    assert_eq!(code, 0, "the shipped path, copied, is valid: {err}");
    assert!(out.contains("parcours_dir"), "{out}");
    // A link to an alliance that does not exist.
    let module = dir.join("modules/05-modes-relationnels.toml");
    let text = std::fs::read_to_string(&module).unwrap();
    let first_alliance = text
        .split("type = \"alliance\"\nid = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the module links to an alliance")
        .to_owned();
    std::fs::write(
        &module,
        text.replacen(
            &format!("type = \"alliance\"\nid = \"{first_alliance}\""),
            "type = \"alliance\"\nid = \"alliance-inventee\"",
            1,
        ),
    )
    .unwrap();
    let file = module.display().to_string();
    let (code, _, err) = run(alliances()
        .args(["serve", "--database"])
        .arg(format!("sqlite://{}", dir.join("a.db").display()))
        .args(["--bind", "127.0.0.1:0"])
        .env("ALLIANCES_PARCOURS_DIR", &dir));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("parcours d'apprentissage invalide"), "{err}");
    assert!(
        err.lines().any(|l| l.contains(&format!("{file}, ligne "))
            && l.contains("« alliance-inventee »")
            && l.contains("introuvable dans les données")),
        "{err}"
    );
    assert!(!dir.join("a.db").exists(), "nothing was created");
    let (code, _, err) = check();
    assert_eq!(code, 2, "{err}");
    // A variant whose modules no longer add up to its aim.
    std::fs::write(&module, text).unwrap();
    let variants = std::fs::read_to_string(dir.join("parcours.toml")).unwrap();
    std::fs::write(
        dir.join("parcours.toml"),
        variants.replacen("duree_visee = 120", "duree_visee = 60", 1),
    )
    .unwrap();
    let (code, _, err) = check();
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("« essentiel » : durée de") && err.contains("hors de la visée de 60 minutes"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

async fn serve_prepares_an_empty_database_then_starts_unchanged(backend: &Backend) {
    let db = empty_db(backend).await;
    let url = db.url.clone();
    db.db.close().await;
    let data_dir = fresh_data_dir();
    let jwks = |body: String| -> String {
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        v["keys"][0]["kid"].as_str().unwrap().to_owned()
    };
    let kid;
    {
        let server = serve_in(&url, &data_dir);
        let (status, _, body) = raw_get(&server.address, "/healthz").await;
        assert_eq!((status, body.trim()), (200, "ok"));
        wait_ready(&server).await;
        let (status, head, body) = raw_get(&server.address, "/odd/17").await;
        assert_eq!(status, 200);
        assert!(
            head.to_ascii_lowercase()
                .contains("content-security-policy")
        );
        assert!(body.contains("17.19"));
        let (status, _, body) = raw_get(&server.address, "/territoires/communes/99999").await;
        assert_eq!(status, 404);
        assert!(body.contains("Page introuvable"));
        let log = server.stderr.lock().unwrap().clone();
        assert!(
            log.contains("migration appliquée") && log.contains("données de référence chargées"),
            "{log}"
        );
        // The key that signs certificates is created at first start, readable by its owner.
        assert!(
            log.contains("clé de signature des certificats créée"),
            "{log}"
        );
        let (status, _, body) = raw_get(&server.address, "/.well-known/jwks.json").await;
        assert_eq!(status, 200);
        kid = jwks(body);
        assert!(data_dir.join("cles/open-badges-rs256.pem").exists());
    }
    // Second start: nothing to migrate, nothing to load, the same signing key.
    {
        let server = serve_in(&url, &data_dir);
        wait_ready(&server).await;
        let (_, _, body) = raw_get(&server.address, "/.well-known/jwks.json").await;
        assert_eq!(jwks(body), kid, "the key is kept in the data directory");
        let (status, _, _) = raw_get(&server.address, "/api/v1/territoires/regions/28").await;
        assert_eq!(status, 200);
        let log = server.stderr.lock().unwrap().clone();
        assert!(
            !log.contains("migration appliquée") && !log.contains("données de référence chargées"),
            "{log}"
        );
        assert!(
            !log.contains("clé de signature des certificats créée"),
            "{log}"
        );
    }
    let _ = std::fs::remove_dir_all(&data_dir);
    let (code, out, err) = run(alliances().args(["migrate", "--database", &url]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Schéma à jour") && out.contains("Données de référence à jour"),
        "{out}"
    );
    db.remove().await;
}

#[tokio::test]
async fn serve_on_sqlite() {
    serve_prepares_an_empty_database_then_starts_unchanged(&Backend::Sqlite).await;
}

#[tokio::test]
async fn serve_on_postgres() {
    if let Some(backend) = Backend::postgres() {
        serve_prepares_an_empty_database_then_starts_unchanged(&backend).await;
    }
}

/// Each server keeps its own search index: a second server on a data directory another one
/// holds stops at once with the directory and the fix, in French; once the first has gone,
/// the directory is free again (the lock dies with the process, even killed).
#[tokio::test]
async fn a_data_directory_serves_one_server_at_a_time() {
    let dir = scratch("verrou");
    let url = format!("sqlite://{}", dir.join("base.db").display());
    let data = dir.join("donnees");
    let first = serve_in(&url, &data);
    wait_ready(&first).await;
    let (code, _, err) = run(alliances()
        .args(["serve", "--bind", "127.0.0.1:0", "--database", &url])
        .arg("--data-dir")
        .arg(&data));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "le dossier de données {} est déjà utilisé par un autre serveur alliances",
            data.display()
        )) && err.contains("--data-dir"),
        "{err}"
    );
    drop(first);
    let again = serve_in(&url, &data);
    wait_ready(&again).await;
    drop(again);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn migrate_prepares_a_database_and_serve_refuses_a_stale_one() {
    let dir = scratch("migrate");
    let url = format!("sqlite://{}", dir.join("base.db").display());
    let (code, out, err) = run(alliances().args(["migrate", "--database", &url]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Migrations appliquées") && out.contains("Données de référence chargées"),
        "{out}"
    );
    // With migrations off at start, an empty database is refused with a French explanation.
    let empty = format!("sqlite://{}", dir.join("vide.db").display());
    let (code, _, err) = run(alliances()
        .args(["serve", "--bind", "127.0.0.1:0", "--database", &empty])
        .env("ALLIANCES_MIGRATE_ON_START", "false"));
    assert_ne!(code, 0);
    assert!(err.contains("alliances migrate"), "{err}");
    let (code, _, err) = run(alliances().args(["serve", "--database", "mysql://x"]));
    assert_eq!(code, 2, "configuration errors exit 2");
    assert!(err.contains("--database"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

const HEADER: &str = "id,name,partners,territory_name,territory_level,insee_codes,region,start_year,domains,relational_modes,sdgs_stated,fragilities,results,source_urls,retrieved";

/// Imports `file` as `kind`, expects a refusal (exit 3) and each `expected` piece in the
/// error output.
fn assert_refused(url: &str, kind: &str, file: &std::path::Path, expected: &[&str]) {
    let (code, _, err) = run(alliances()
        .args(["import", kind, "--database", url])
        .arg(file));
    assert_eq!(code, 3, "{err}");
    for piece in expected {
        assert!(err.contains(piece), "« {piece} » missing in:\n{err}");
    }
}

async fn total(server: &Server, query: &str) -> u64 {
    let (status, _, body) = raw_get(&server.address, &format!("/api/v1/alliances?{query}")).await;
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    v["total"].as_u64().unwrap()
}

async fn import_and_export_alliances(backend: &Backend) {
    let db = empty_db(backend).await;
    let url = db.url.clone();
    db.db.close().await;
    let dir = scratch(&format!(
        "import-{}",
        url.replace(['/', ':', '@', '.'], "-")
    ));
    let server = serve(&url);
    wait_ready(&server).await;
    let seeded = total(&server, "").await;
    assert!(seeded >= 300);

    // Export → import changes nothing, in every importable format.
    for format in ["csv", "json", "xlsx"] {
        let file = dir.join(format!("export.{format}"));
        let (code, _, err) = run(alliances()
            .args([
                "export",
                "alliances",
                "--format",
                format,
                "--database",
                &url,
                "--output",
            ])
            .arg(&file));
        assert_eq!(code, 0, "{err}");
        let (code, out, err) = run(alliances()
            .args(["import", "alliances", "--database", &url])
            .arg(&file));
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains("0 créé(s), 0 mis à jour")
                && out.contains(&format!("{seeded} inchangé(s)")),
            "{format}: {out}"
        );
    }
    let (code, geojson, _) = run(alliances().args([
        "export",
        "alliances",
        "--format",
        "geojson",
        "--database",
        &url,
    ]));
    assert_eq!(code, 0);
    let g: serde_json::Value = serde_json::from_str(&geojson).unwrap();
    assert_eq!(g["features"].as_array().unwrap().len() as u64, seeded);

    // A malformed file: every error with its line, exit code 3, nothing written.
    let bad = dir.join("mauvais.csv");
    std::fs::write(&bad, format!("{HEADER}\n\
essai-a,A,Mairie (collectivite; porteur),X,commune,99999,,2020,social,,not stated,emploi,,https://example.org/a,2026-11-20\n\
essai-b,B,Mairie (mairie; porteur),X,departement,33,,2020,economique,mecenat,18,emploi,,https://example.org/b,2026-11-20\n\
essai-a,A bis,Mairie (collectivite; porteur),X,commune,34144,,2020,social,,not stated,emploi,,https://example.org/a,2026-11-20\n\
essai-c,\"C,Mairie (collectivite; porteur),X,commune,34144,,2020,social,,not stated,emploi,,https://example.org/c,2026-11-20\n")).unwrap();
    assert_refused(
        &url,
        "alliances",
        &bad,
        &[
            "ligne 2, colonne « insee_codes »",
            "ligne 3, colonne « partners »",
            "ligne 3, colonne « sdgs_stated »",
            "ligne 4, colonne « id »",
            "ligne 5 :",
            "Rien n'a été écrit",
        ],
    );
    let missing = dir.join("colonnes.csv");
    std::fs::write(&missing, "id,name\nx,y\n").unwrap();
    assert_refused(
        &url,
        "alliances",
        &missing,
        &["ligne 1, colonne « partners » : colonne obligatoire absente"],
    );
    assert_eq!(total(&server, "").await, seeded, "nothing written");

    // A valid record: --dry-run writes nothing; the import is searchable within 5 seconds.
    let good = dir.join("bon.csv");
    std::fs::write(&good, format!("{HEADER},resume\n\
essai-zythologie,Essai zythologique (donnée de test),Mairie de Lunas (collectivite; porteur),Lunas,commune,34144,,2024-05,social,mecenat [editorial],not stated,emploi,,https://example.org/demo,2026-11-20,Donnée de test.\n")).unwrap();
    let (code, out, _) = run(alliances()
        .args(["import", "alliances", "--dry-run", "--database", &url])
        .arg(&good));
    assert_eq!(code, 0);
    assert!(out.contains("Rien n'a été écrit"), "{out}");
    let (code, _, err) = run(alliances()
        .args([
            "import",
            "alliances",
            "--par",
            "Équipe test",
            "--database",
            &url,
        ])
        .arg(&good));
    assert_eq!(code, 0, "{err}");
    let start = Instant::now();
    while total(&server, "q=zythologique").await == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "not searchable after 5 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(total(&server, "commune=34144").await, 2);
    let (_, _, body) = raw_get(&server.address, "/api/v1/alliances/essai-zythologie").await;
    let record: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(record["provenance"]["origine"], "bon.csv");
    assert_eq!(record["provenance"]["importe_par"], "Équipe test");
    // Re-importing the same slug updates it, never duplicates it.
    let (code, out, _) = run(alliances()
        .args(["import", "alliances", "--database", &url])
        .arg(&good));
    assert_eq!(code, 0);
    assert!(out.contains("0 créé(s)"), "{out}");
    assert_eq!(total(&server, "").await, seeded + 1);
    drop(server);
    db.remove().await;
}

#[tokio::test]
async fn import_export_on_sqlite() {
    import_and_export_alliances(&Backend::Sqlite).await;
}

#[tokio::test]
async fn import_export_on_postgres() {
    if let Some(backend) = Backend::postgres() {
        import_and_export_alliances(&backend).await;
    }
}

async fn api_total(server: &Server, path: &str) -> u64 {
    let (status, _, body) = raw_get(&server.address, path).await;
    assert_eq!(status, 200, "{path}: {body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    v["total"].as_u64().unwrap()
}

/// The columns of the key-figures fact table (the national one).
const FIGURES_HEADER: &str = "id,value_percent,statement_fr,population,study,programme,year,fieldwork,sample_size,method,institute,source_url,note";
/// The columns of the catalyseurs fact table.
const CATALYSEURS_HEADER: &str = "id,name,kind,territory_name,territory_level,insee_codes,region,metiers,founded_year,website,source_urls,retrieved";

async fn import_and_export_figures_and_catalyseurs(backend: &Backend) {
    let db = empty_db(backend).await;
    let url = db.url.clone();
    db.db.close().await;
    let dir = scratch(&format!(
        "documents-{}",
        url.replace(['/', ':', '@', '.'], "-")
    ));
    let server = serve(&url);
    wait_ready(&server).await;
    let figures = api_total(&server, "/api/v1/chiffres-cles").await;
    let catalyseurs = api_total(&server, "/api/v1/catalyseurs").await;
    assert_eq!((figures, catalyseurs), (121, 72), "the seed is loaded");

    // Export → import changes nothing, in both importable formats.
    for (kind, count) in [("chiffres", figures), ("catalyseurs", catalyseurs)] {
        for format in ["csv", "xlsx"] {
            let file = dir.join(format!("{kind}.{format}"));
            let (code, _, err) = run(alliances()
                .args([
                    "export",
                    kind,
                    "--format",
                    format,
                    "--database",
                    &url,
                    "--output",
                ])
                .arg(&file));
            assert_eq!(code, 0, "{err}");
            let (code, out, err) = run(alliances()
                .args(["import", kind, "--database", &url])
                .arg(&file));
            assert_eq!(code, 0, "{kind}.{format}: {err}");
            assert!(
                out.contains(&format!("0 créé(s), 0 mis à jour, {count} inchangé(s)")),
                "{kind}.{format}: {out}"
            );
        }
        let (code, _, err) = run(alliances()
            .args(["import", kind, "--format", "geojson", "--database", &url])
            .arg(dir.join(format!("{kind}.csv"))));
        assert_ne!(code, 0);
        assert!(err.contains("non pris en charge"), "{err}");
    }

    // A malformed figures file: every error with its line and column, exit 3, nothing written.
    let bad = dir.join("chiffres-mauvais.csv");
    std::fs::write(&bad, format!("{FIGURES_HEADER}\n\
essai-1,beaucoup,développe des partenariats,entreprises,Étude test,ARPEA,2011,,,,,https://example.org/a,\n\
essai-2,40,développe des partenariats,martiens,Étude test,ARPEA,2011,,,,,https://example.org/a,\n\
essai-3,40,développe des partenariats,entreprises,Étude test,ARPEGE,20,,,,,https://example.org/a,\n\
essai-1,40,développe des partenariats,entreprises,Étude test,ARPEA,2011,,,,,,\n")).unwrap();
    assert_refused(
        &url,
        "chiffres",
        &bad,
        &[
            "ligne 2, colonne « value_percent »",
            "ligne 3, colonne « population » : population « martiens » inconnue",
            "ligne 4, colonne « programme »",
            "ligne 4, colonne « year »",
            "ligne 5, colonne « id »",
            "ligne 5, colonne « source_url »",
            "Rien n'a été écrit",
        ],
    );
    // A relation to a figure that exists nowhere is refused too.
    let dangling = dir.join("chiffres-relation.csv");
    std::fs::write(&dangling, format!("{FIGURES_HEADER},reprise_de\n\
essai-4,92,reconnaît l'utilité de la co-construction territoriale,maires,Étude test,IMPACT,2021,,,,,https://example.org/a,,kf-999\n")).unwrap();
    assert_refused(
        &url,
        "chiffres",
        &dangling,
        &[
            "ligne 2, colonne « reprise_de » : « kf-999 » n'existe ni dans ce fichier ni dans la base",
        ],
    );
    let missing = dir.join("chiffres-colonnes.csv");
    std::fs::write(&missing, "id,valeur\nx,1\n").unwrap();
    assert_refused(
        &url,
        "chiffres",
        &missing,
        &["ligne 1, colonne « statement_fr » : colonne obligatoire absente"],
    );
    assert_eq!(
        api_total(&server, "/api/v1/chiffres-cles").await,
        figures,
        "nothing written"
    );

    // A malformed catalyseurs file.
    let bad = dir.join("catalyseurs-mauvais.csv");
    std::fs::write(&bad, format!("{CATALYSEURS_HEADER}\n\
essai-a,Essai A,guilde,Lunas,commune,34144,Occitanie,dialogue-territorial,,,https://example.org/a,2026-11-26\n\
essai-b,Essai B,CRESS,Lunas,commune,99999,Occitanie,danse,,,https://example.org/b,2026-11-26\n\
essai-c,Essai C,CRESS,Atlantide,region,,Atlantide,,vers 2000,www.example.org,https://example.org/c,hier\n")).unwrap();
    assert_refused(
        &url,
        "catalyseurs",
        &bad,
        &[
            "ligne 2, colonne « kind » : genre « guilde » inconnu",
            "ligne 3, colonne « insee_codes »",
            "ligne 3, colonne « metiers »",
            "ligne 4, colonne « region »",
            "ligne 4, colonne « founded_year »",
            "Rien n'a été écrit",
        ],
    );
    assert_eq!(api_total(&server, "/api/v1/catalyseurs").await, catalyseurs);

    // Valid files, in the regional facts' own layout for the figure: shown within 5 s.
    let good = dir.join("chiffres-bons.csv");
    std::fs::write(&good, "id,region_code,region,kind,rank,label_fr,value_percent,population,study,year,source_url,note\n\
rf-essai,76,Occitanie,chiffre-cle,,estime que les alliances sont un levier (donnée de test),61,habitants d'Occitanie,Étude de test,2025,https://example.org/test,donnée de test\n").unwrap();
    let (code, _, err) = run(alliances()
        .args([
            "import",
            "chiffres",
            "--par",
            "Équipe test",
            "--database",
            &url,
        ])
        .arg(&good));
    assert_eq!(code, 0, "{err}");
    let good = dir.join("catalyseurs-bons.csv");
    std::fs::write(&good, format!("{CATALYSEURS_HEADER}\n\
essai-lunas,Essai de catalyseur (donnée de test),tiers-lieu,Lunas,commune,34144,Occitanie,gestion-lieu,2020,,https://example.org/c,2026-11-26\n")).unwrap();
    let (code, _, err) = run(alliances()
        .args(["import", "catalyseurs", "--database", &url])
        .arg(&good));
    assert_eq!(code, 0, "{err}");
    let start = Instant::now();
    while api_total(&server, "/api/v1/chiffres-cles?region=76").await != 8
        || api_total(&server, "/api/v1/catalyseurs?region=76").await != 5
    {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "imports not shown after 5 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, _, body) = raw_get(&server.address, "/api/v1/chiffres-cles/rf-essai").await;
    let f: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(f["valeur"], 61.0);
    assert_eq!(f["population_code"], "habitants-occitanie");
    let (_, _, page) = raw_get(&server.address, "/territoires/communes/34144").await;
    assert!(
        page.contains("/catalyseurs/essai-lunas"),
        "the commune's synthesis lists it"
    );
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn figures_and_catalyseurs_on_sqlite() {
    let backend = Backend::Sqlite;
    import_and_export_figures_and_catalyseurs(&backend).await;
}

#[tokio::test]
async fn figures_and_catalyseurs_on_postgres() {
    if let Some(backend) = Backend::postgres() {
        import_and_export_figures_and_catalyseurs(&backend).await;
    }
}

/// The columns of the tools fact table (our `description` may follow).
const OUTILS_HEADER: &str = "id,name,publisher,year,tool_type,phases,audiences,maturity,languages,access,licence,url,source_urls,retrieved";

/// Tools: a malformed file is refused with each error's line and column and changes
/// nothing; a valid one (CSV, then JSON) is written and exported back.
async fn import_and_export_tools(backend: &Backend) {
    let db = empty_db(backend).await;
    let url = db.url.clone();
    db.db.close().await;
    let dir = scratch(&format!(
        "outils-{}",
        url.replace(['/', ':', '@', '.'], "-")
    ));
    let export = |format: &str| {
        let (code, out, err) =
            run(alliances().args(["export", "outils", "--format", format, "--database", &url]));
        assert_eq!(code, 0, "{err}");
        out
    };
    let count = || -> u64 {
        let v: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
        v["total"].as_u64().unwrap()
    };
    assert_eq!(count(), 82, "the seed is loaded");

    let bad = dir.join("outils-mauvais.csv");
    std::fs::write(&bad, format!("{OUTILS_HEADER}\n\
essai-a,Essai A,Éditeur,2020,brochure,comprendre,tous,,fr,gratuit,,https://example.org/a,https://example.org/a,2026-12-03\n\
essai-b,Essai B,Éditeur,vers 2020,guide,rever,martiens,expert,Français,offert,,www.example.org,https://example.org/b,2026-12-03\n")).unwrap();
    assert_refused(
        &url,
        "outils",
        &bad,
        &[
            "ligne 2, colonne « tool_type » : type « brochure » inconnu",
            "ligne 3, colonne « year »",
            "Rien n'a été écrit",
        ],
    );
    // Once the year reads, every other field of line 3 is named.
    std::fs::write(&bad, format!("{OUTILS_HEADER}\n\
essai-b,Essai B,Éditeur,2020,guide,rever,martiens,expert,Français,offert,,www.example.org,https://example.org/b,2026-12-03\n")).unwrap();
    assert_refused(
        &url,
        "outils",
        &bad,
        &[
            "ligne 2, colonne « phases » : phase « rever » inconnu",
            "ligne 2, colonne « audiences »",
            "ligne 2, colonne « maturity »",
            "ligne 2, colonne « languages »",
            "ligne 2, colonne « access »",
            "ligne 2, colonne « url »",
        ],
    );
    assert_eq!(count(), 82, "nothing written");

    let good = dir.join("outils-bons.csv");
    std::fs::write(&good, format!("{OUTILS_HEADER},description\n\
essai-outil,Guide d'essai,Équipe de test,2024,guide,comprendre | construire,collectivite,decouvrir,fr,gratuit,,https://example.org/guide,https://example.org/guide,2026-12-03,Un guide de test (donnée de test).\n")).unwrap();
    let (code, out, err) = run(alliances()
        .args(["import", "outils", "--database", &url])
        .arg(&good));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 créé(s)"), "{out}");
    assert_eq!(count(), 83);
    let csv = export("csv");
    assert!(csv.contains("essai-outil,Guide d'essai,Équipe de test,2024,guide,comprendre | construire,collectivite,decouvrir,fr,gratuit,,https://example.org/guide,https://example.org/guide,2026-12-03,Un guide de test (donnée de test)."), "{csv}");
    // The JSON export reads back as an import: the same record, unchanged.
    let json = dir.join("outils.json");
    std::fs::write(&json, export("json")).unwrap();
    let (code, out, err) = run(alliances()
        .args(["import", "outils", "--database", &url])
        .arg(&json));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("0 créé(s), 0 mis à jour, 83 inchangé(s)"),
        "{out}"
    );
}

#[tokio::test]
async fn tools_on_sqlite() {
    import_and_export_tools(&Backend::Sqlite).await;
}

#[tokio::test]
async fn tools_on_postgres() {
    if let Some(backend) = Backend::postgres() {
        import_and_export_tools(&backend).await;
    }
}
