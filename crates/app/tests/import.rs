//! `alliances import alliances` streams: a file of several batches is written batch by
//! batch inside one transaction, yet stays all or nothing — an error in its last row leaves
//! the base as it was, in CSV and in JSON.

mod common;

use common::{alliances, run, scratch};

const HEADER: &str = "id,name,partners,territory_name,territory_level,insee_codes,region,start_year,domains,relational_modes,sdgs_stated,fragilities,results,source_urls,retrieved";

/// More rows than the importer writes per batch (2 000).
const ROWS: usize = 4_500;

fn row(i: usize, insee: &str) -> String {
    format!(
        "essai-lot-{i},Essai par lots {i} (donnée de test),Mairie de Lunas (collectivite; porteur),Lunas,commune,{insee},,2024-05,social,mecenat [editorial],not stated,emploi,,https://example.org/demo,2026-11-20"
    )
}

/// The base as the JSON export writes it.
fn export_json(url: &str) -> String {
    let (code, out, err) =
        run(alliances().args(["export", "alliances", "--format", "json", "--database", url]));
    assert_eq!(code, 0, "{err}");
    out
}

fn count(url: &str) -> usize {
    let v: serde_json::Value = serde_json::from_str(&export_json(url)).unwrap();
    v["resultats"].as_array().unwrap().len()
}

#[test]
fn a_file_of_several_batches_is_all_or_nothing() {
    let dir = scratch("lots");
    let url = format!("sqlite://{}", dir.join("base.db").display());
    let (code, _, err) = run(alliances().args(["migrate", "--database", &url]));
    assert_eq!(code, 0, "{err}");

    // The last row is wrong: nothing of the batches before it stays.
    let mut bad: Vec<String> = (0..ROWS).map(|i| row(i, "34144")).collect();
    bad.push(row(ROWS, "99999"));
    let file = dir.join("lots.csv");
    std::fs::write(&file, format!("{HEADER}\n{}\n", bad.join("\n"))).unwrap();
    let (code, _, err) = run(alliances()
        .args(["import", "alliances", "--database", &url])
        .arg(&file));
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains(&format!("ligne {}, colonne « insee_codes »", ROWS + 2)),
        "{err}"
    );
    let seeded = count(&url);
    assert!(
        seeded < 1_000,
        "only the seed is there ({seeded} alliances)"
    );

    // Valid, it is written whole.
    bad.pop();
    std::fs::write(&file, format!("{HEADER}\n{}\n", bad.join("\n"))).unwrap();
    let (code, out, err) = run(alliances()
        .args(["import", "alliances", "--database", &url])
        .arg(&file));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("{ROWS} créé(s)")), "{out}");
    assert_eq!(count(&url), seeded + ROWS);

    // JSON too: the export, with one record broken at the end, changes nothing.
    let json = export_json(&url);
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let list = v["resultats"].as_array_mut().unwrap();
    for a in list.iter_mut() {
        if let Some(name) = a["nom"].as_str().map(|n| format!("{n} (bis)")) {
            a["nom"] = serde_json::Value::String(name);
        }
    }
    list.last_mut().unwrap()["slug"] = serde_json::Value::String("Pas Un Slug".into());
    let file = dir.join("lots.json");
    std::fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let (code, _, err) = run(alliances()
        .args(["import", "alliances", "--database", &url])
        .arg(&file));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("slug"), "{err}");
    assert_eq!(export_json(&url), json, "nothing renamed");
    let _ = std::fs::remove_dir_all(dir);
}
