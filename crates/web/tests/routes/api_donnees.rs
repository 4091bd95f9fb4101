//! The Données API: the key figures (`/api/v1/chiffres-cles`), the synthesis of a territory,
//! the catalyseurs and the alliances placed by région. Every expectation is read from the
//! shipped data files (`data/…`), parsed here, so that a change of the data or of the app
//! shows up as a difference.

use std::collections::{BTreeMap, BTreeSet};

use alliances_testkit::{Backend, TestApp};
use serde_json::Value;

alliances_testkit::both_backends!(
    every_figure_with_its_provenance_and_relations,
    figure_filters_or_within_and_across,
    figure_errors_are_422_in_french,
    one_figure_or_404,
    departement_synthesis_counts_what_the_data_places_there,
    region_synthesis_counts_alliances_placed_by_region_only,
    catalyseurs_directory_filters_and_facets,
    alliances_of_occitanie_found_by_name_and_facet,
);

// ---------------------------------------------------------------------------------------
// The shipped data, and a small CSV reader (RFC 4180: quoted fields, doubled quotes, line
// breaks inside quotes). `csv` is not a dependency of alliances-web, hence this reader.

pub(crate) const CHIFFRES_CSV: &str =
    include_str!("../../../../data/observatoire/chiffres-cles.csv");
pub(crate) const POPULATIONS_CSV: &str =
    include_str!("../../../../data/observatoire/populations.csv");
pub(crate) const CATALYSEURS_CSV: &str =
    include_str!("../../../../data/catalyseurs/catalyseurs.csv");
pub(crate) const ALLIANCES_CSV: &str = include_str!("../../../../data/alliances/alliances.csv");
pub(crate) const FRANCE_SERVICES_CSV: &str =
    include_str!("../../../../data/lieux/france-services.csv");
pub(crate) const COMMUNES_CSV: &str = include_str!("../../../../data/territoires/communes.csv");
pub(crate) const DEPARTEMENTS_CSV: &str =
    include_str!("../../../../data/territoires/departements.csv");
pub(crate) const REGIONS_CSV: &str = include_str!("../../../../data/territoires/regions.csv");

/// The records of a CSV text (the header included), a UTF-8 BOM ignored.
pub(crate) fn csv_records(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// The rows of a CSV text, each a map from column name to cell.
pub(crate) fn table(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut records = csv_records(text).into_iter();
    let header = records.next().expect("a header");
    records
        .map(|r| {
            assert_eq!(r.len(), header.len(), "ragged CSV row: {r:?}");
            header.iter().cloned().zip(r).collect()
        })
        .collect()
}

/// A cell of a row (empty when missing).
pub(crate) fn cell<'a>(row: &'a BTreeMap<String, String>, column: &str) -> &'a str {
    row.get(column).map_or("", String::as_str)
}

/// The values of a list cell (« a | b »).
pub(crate) fn list(cell: &str) -> Vec<&str> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The key figures of `data/observatoire/chiffres-cles.csv`.
pub(crate) fn figures() -> Vec<BTreeMap<String, String>> {
    table(CHIFFRES_CSV)
}

/// Population code of a French label of `data/observatoire/populations.csv`.
pub(crate) fn population_code(label: &str) -> Option<String> {
    if label.is_empty() {
        return None;
    }
    let code = table(POPULATIONS_CSV)
        .into_iter()
        .find(|p| cell(p, "label_fr") == label || cell(p, "code") == label)
        .map(|p| cell(&p, "code").to_owned());
    assert!(
        code.is_some(),
        "population « {label} » not in populations.csv"
    );
    code
}

/// The région code of a région name of `data/territoires/regions.csv`.
pub(crate) fn region_code(name: &str) -> Option<String> {
    table(REGIONS_CSV)
        .into_iter()
        .find(|r| cell(r, "nom") == name)
        .map(|r| cell(&r, "code").to_owned())
}

/// The ids of `v["resultats"]` under `key`.
pub(crate) fn ids(v: &Value, key: &str) -> BTreeSet<String> {
    v["resultats"]
        .as_array()
        .unwrap_or_else(|| panic!("no resultats: {v}"))
        .iter()
        .map(|r| r[key].as_str().unwrap().to_owned())
        .collect()
}

fn set<'a>(it: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    it.into_iter().map(str::to_owned).collect()
}

/// The value of a facet for one code (`None` when the code is not listed).
fn facet_count(v: &Value, facet: &str, code: &str) -> Option<u64> {
    v["facettes"][facet]
        .as_array()
        .unwrap_or_else(|| panic!("no facet {facet}: {}", v["facettes"]))
        .iter()
        .find(|x| x["code"] == code)
        .map(|x| x["nombre"].as_u64().unwrap())
}

/// A facet as a map code → count.
fn facet_map(v: &Value, facet: &str) -> BTreeMap<String, u64> {
    v["facettes"][facet]
        .as_array()
        .unwrap_or_else(|| panic!("no facet {facet}"))
        .iter()
        .map(|x| {
            (
                x["code"].as_str().unwrap().to_owned(),
                x["nombre"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The year filter code of a figure row: its year, or `non-precisee`.
fn year_code(row: &BTreeMap<String, String>) -> String {
    match cell(row, "year") {
        "" => "non-precisee".to_owned(),
        y => y.to_owned(),
    }
}

/// Asserts a 422 problem whose `erreurs` name `field` with a French message.
pub(crate) async fn assert_422(app: &TestApp, path: &str, field: &str) -> Value {
    let r = app.get(path).await;
    assert_eq!(r.status, 422, "{path}: {}", r.text());
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("application/problem+json"),
        "{path}"
    );
    let v = r.json();
    assert_eq!(v["status"], 422);
    assert!(
        v["detail"]
            .as_str()
            .unwrap()
            .contains("Certaines valeurs ne conviennent pas"),
        "{path}: French detail: {v}"
    );
    let named: Vec<&Value> = v["erreurs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["champ"] == field)
        .collect();
    assert_eq!(named.len(), 1, "{path}: one error on « {field} »: {v}");
    let message = named[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("« {field} »")) || message.contains(field),
        "{path}: the message names the field: {message}"
    );
    v
}

// ---------------------------------------------------------------------------------------
// /api/v1/chiffres-cles

async fn every_figure_with_its_provenance_and_relations(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let rows = figures();
    let by_id: BTreeMap<&str, &BTreeMap<String, String>> =
        rows.iter().map(|r| (cell(r, "id"), r)).collect();
    assert_eq!(rows.len(), 121, "chiffres-cles.csv holds 121 figures");
    let r = app.get("/api/v1/chiffres-cles?par_page=1000").await;
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(v["total"], 121);
    let results = v["resultats"].as_array().unwrap();
    assert_eq!(results.len(), 121);

    // Both fact tables, every id.
    let mut expected: BTreeSet<String> = (1..=74).map(|n| format!("kf-{n:03}")).collect();
    expected.extend((1..=47).map(|n| format!("rf-{n:03}")));
    assert_eq!(ids(&v, "id"), expected);
    assert_eq!(ids(&v, "id"), set(by_id.keys().copied()));

    for f in results {
        let id = f["id"].as_str().unwrap();
        let row = by_id[id];
        for key in [
            "id",
            "valeur",
            "unite",
            "libelle",
            "population",
            "etude",
            "programme",
            "annee",
            "echantillon",
            "source",
            "note",
        ] {
            assert!(
                f.as_object().unwrap().contains_key(key),
                "{id} has « {key} »"
            );
        }
        assert!(f["valeur"].is_number() || f["valeur"].is_null(), "{id}");
        assert!(f["annee"].is_u64() || f["annee"].is_null(), "{id}");
        // The statement, population (its French label), study, year, sample, note and
        // sources are those of the data file.
        assert_eq!(f["libelle"], cell(row, "statement_fr"), "{id}");
        match cell(row, "population") {
            "" => assert!(f["population"].is_null(), "{id}"),
            p => {
                assert_eq!(f["population"], p, "{id}");
                assert_eq!(
                    f["population_code"].as_str(),
                    population_code(p).as_deref(),
                    "{id}"
                );
            }
        }
        match cell(row, "study") {
            "" => assert!(f["etude"].is_null(), "{id}"),
            s => assert_eq!(f["etude"], s, "{id}"),
        }
        match cell(row, "year") {
            "" => assert!(f["annee"].is_null(), "{id}: no year is null"),
            y => assert_eq!(f["annee"].as_u64(), Some(y.parse().unwrap()), "{id}"),
        }
        match cell(row, "sample_size") {
            "" => assert!(f["echantillon"].is_null(), "{id}"),
            n => assert_eq!(f["echantillon"].as_u64(), Some(n.parse().unwrap()), "{id}"),
        }
        match cell(row, "note_fr") {
            "" => assert!(f["note"].is_null(), "{id}"),
            n => assert_eq!(f["note"], n, "{id}"),
        }
        assert_eq!(f["source"], cell(row, "source_url"), "{id}");
        assert!(
            !f["source"].as_str().unwrap().is_empty(),
            "{id} has a source"
        );
        assert_eq!(
            f["programme"].as_str().map(str::is_empty),
            Some(false),
            "{id}"
        );
        assert_eq!(f["nature"], cell(row, "kind"), "{id}");
        match cell(row, "region_code") {
            "" => assert!(f["region"].is_null(), "{id}"),
            c => assert_eq!(f["region"], c, "{id}"),
        }
        // The value: a percentage, a count (the head of a count's statement), or null —
        // never 0 for « no value ».
        let percent = cell(row, "value_percent");
        if !percent.is_empty() {
            let p: f64 = percent.replace(',', ".").parse().unwrap();
            assert_eq!(f["valeur"].as_f64(), Some(p), "{id}");
            assert_eq!(f["unite"], "%", "{id}");
        } else if cell(row, "kind") == "denombrement" {
            let head: f64 = cell(row, "statement_fr")
                .split_whitespace()
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert_eq!(f["valeur"].as_f64(), Some(head), "{id}");
            assert_eq!(f["unite"], "nombre", "{id}");
        } else {
            assert!(f["valeur"].is_null(), "{id}: no value given, null: {f}");
            assert!(f["unite"].is_null(), "{id}");
        }
        match cell(row, "rank") {
            "" => assert!(f["rang"].is_null(), "{id}"),
            n => assert_eq!(f["rang"].as_u64(), Some(n.parse().unwrap()), "{id}"),
        }
        // Relations: re-quotes and conflicting values, as the data file states them.
        match cell(row, "reprise_de") {
            "" => assert!(f["reprise_de"].is_null(), "{id}"),
            of => assert_eq!(f["reprise_de"], of, "{id}"),
        }
        let quoted_by: BTreeSet<String> = rows
            .iter()
            .filter(|o| cell(o, "reprise_de") == id)
            .map(|o| cell(o, "id").to_owned())
            .collect();
        let citee_par: BTreeSet<String> = f["citee_par"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(citee_par, quoted_by, "{id}: citee_par");
        for other in list(cell(row, "ecart_avec")) {
            assert!(
                f["ecart_avec"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x == other),
                "{id} lists {other} in ecart_avec"
            );
        }
    }

    let get = |id: &str| {
        results
            .iter()
            .find(|f| f["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // Two values published for one statement: each lists the other.
    assert_eq!(get("kf-052")["valeur"].as_f64(), Some(84.0));
    assert_eq!(get("kf-056")["valeur"].as_f64(), Some(83.0));
    assert_eq!(get("kf-052")["ecart_avec"], serde_json::json!(["kf-056"]));
    assert_eq!(get("kf-056")["ecart_avec"], serde_json::json!(["kf-052"]));
    assert_eq!(get("kf-052")["non_corrobore"], true);
    // One measurement quoted three times.
    for q in ["kf-051", "kf-055", "kf-062"] {
        assert_eq!(get(q)["reprise_de"], "kf-029", "{q}");
    }
    assert_eq!(
        get("kf-029")["citee_par"],
        serde_json::json!(["kf-051", "kf-055", "kf-062"])
    );
    // A rank without a percentage: null, never 0.
    let rank = get("rf-001");
    assert!(rank["valeur"].is_null(), "{rank}");
    assert_ne!(rank["valeur"], 0);
    assert_eq!(rank["rang"], 1);
    // A count: « 4 PTCE en émergence ».
    let count = get("rf-016");
    assert_eq!(count["libelle"], "4 PTCE en émergence");
    assert_eq!(count["valeur"].as_f64(), Some(4.0));
    assert_eq!(count["unite"], "nombre");

    // Facets: five parameters, each value {code, libelle, nombre}.
    let facettes = v["facettes"].as_object().unwrap();
    assert_eq!(
        facettes.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        BTreeSet::from(["annee", "population", "programme", "region", "theme"])
    );
    for (name, values) in facettes {
        let values = values.as_array().unwrap();
        assert!(!values.is_empty(), "{name}");
        for x in values {
            assert!(x["code"].is_string(), "{name}: {x}");
            assert!(
                x["libelle"].as_str().is_some_and(|l| !l.is_empty()),
                "{name}: {x}"
            );
            assert!(x["nombre"].is_u64(), "{name}: {x}");
        }
    }
    // Unfiltered, the counts are those of the data file.
    let mut by_population: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_year: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_region: BTreeMap<String, u64> = BTreeMap::new();
    for row in &rows {
        if let Some(p) = population_code(cell(row, "population")) {
            *by_population.entry(p).or_default() += 1;
        }
        *by_year.entry(year_code(row)).or_default() += 1;
        if !cell(row, "region_code").is_empty() {
            *by_region
                .entry(cell(row, "region_code").to_owned())
                .or_default() += 1;
        }
    }
    assert_eq!(facet_map(&v, "population"), by_population);
    assert_eq!(facet_map(&v, "annee"), by_year);
    assert_eq!(facet_map(&v, "region"), by_region);
    assert_eq!(facet_count(&v, "annee", "non-precisee"), Some(41));
    let no_year = v["facettes"]["annee"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "non-precisee")
        .unwrap();
    assert_eq!(no_year["libelle"], "année non précisée");
    app.remove().await;
}

async fn figure_filters_or_within_and_across(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let rows = figures();
    let expect = |keep: &dyn Fn(&BTreeMap<String, String>) -> bool| -> BTreeSet<String> {
        rows.iter()
            .filter(|r| keep(r))
            .map(|r| cell(r, "id").to_owned())
            .collect()
    };
    let pop = |r: &BTreeMap<String, String>| population_code(cell(r, "population"));
    let get = |q: &'static str| {
        let app = &app;
        async move {
            let r = app
                .get(&format!("/api/v1/chiffres-cles?par_page=1000&{q}"))
                .await;
            assert_eq!(r.status, 200, "{q}: {}", r.text());
            r.json()
        }
    };

    // One population.
    let maires = get("population=maires").await;
    let expected = expect(&|r| pop(r).as_deref() == Some("maires"));
    assert_eq!(expected.len(), 11, "11 figures about mayors in the data");
    assert_eq!(ids(&maires, "id"), expected);
    assert_eq!(maires["total"], 11);
    for f in maires["resultats"].as_array().unwrap() {
        assert_eq!(f["population_code"], "maires", "{f}");
    }

    // Figures without a year.
    let no_year = get("annee=non-precisee").await;
    let expected = expect(&|r| cell(r, "year").is_empty());
    assert_eq!(expected.len(), 41);
    assert_eq!(ids(&no_year, "id"), expected);
    for f in no_year["resultats"].as_array().unwrap() {
        assert!(f["annee"].is_null(), "{f}");
    }

    // One région's facts: Occitanie.
    let occitanie = get("region=76").await;
    let expected = expect(&|r| cell(r, "region_code") == "76");
    assert_eq!(
        expected,
        set([
            "rf-028", "rf-029", "rf-030", "rf-031", "rf-032", "rf-033", "rf-034"
        ])
    );
    assert_eq!(ids(&occitanie, "id"), expected);
    for f in occitanie["resultats"].as_array().unwrap() {
        assert_eq!(f["region"], "76", "{f}");
    }

    // Two values of one parameter: OR.
    let either = get("population=maires&population=francais").await;
    let expected = expect(&|r| matches!(pop(r).as_deref(), Some("maires" | "francais")));
    assert_eq!(expected.len(), 11 + 14);
    assert_eq!(ids(&either, "id"), expected);

    // Two parameters: AND.
    let both = get("population=maires&annee=2016").await;
    let expected = expect(&|r| pop(r).as_deref() == Some("maires") && cell(r, "year") == "2016");
    assert_eq!(expected, set(["kf-020", "kf-021", "kf-022"]));
    assert_eq!(ids(&both, "id"), expected);

    // A facet's counts ignore its own selection, not the others': with population=maires
    // and annee=2016, the population counts are those of 2016 (every population), the
    // year counts those of the mayors (every year).
    let mut population_2016: BTreeMap<String, u64> = BTreeMap::new();
    let mut years_of_mayors: BTreeMap<String, u64> = BTreeMap::new();
    for r in &rows {
        if cell(r, "year") == "2016"
            && let Some(p) = pop(r)
        {
            *population_2016.entry(p).or_default() += 1;
        }
        if pop(r).as_deref() == Some("maires") {
            *years_of_mayors.entry(year_code(r)).or_default() += 1;
        }
    }
    assert!(population_2016.len() > 1, "{population_2016:?}");
    assert_eq!(facet_map(&both, "population"), population_2016);
    assert_eq!(facet_map(&both, "annee"), years_of_mayors);
    assert_eq!(
        facet_count(&both, "annee", "non-precisee"),
        Some(6),
        "kf-026, kf-055, kf-062, kf-065, kf-068, rf-009"
    );
    assert_eq!(facet_count(&both, "annee", "2020"), Some(1), "kf-029");
    // The other facets are narrowed by both: three figures, all PHARE.
    assert_eq!(
        facet_map(&both, "programme"),
        BTreeMap::from([("phare".to_owned(), 3)])
    );
    app.remove().await;
}

async fn figure_errors_are_422_in_french(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let v = assert_422(&app, "/api/v1/chiffres-cles?couleur=bleu", "couleur").await;
    assert!(
        v["erreurs"][0]["message"]
            .as_str()
            .unwrap()
            .contains("paramètre « couleur » inconnu"),
        "{v}"
    );
    let v = assert_422(
        &app,
        "/api/v1/chiffres-cles?population=inconnue",
        "population",
    )
    .await;
    assert!(
        v["erreurs"][0]["message"]
            .as_str()
            .unwrap()
            .contains("« inconnue » n'est pas une valeur"),
        "{v}"
    );
    let v = assert_422(&app, "/api/v1/chiffres-cles?annee=1999", "annee").await;
    assert!(
        v["erreurs"][0]["message"]
            .as_str()
            .unwrap()
            .contains("non-precisee"),
        "the message says how to ask for figures without a year: {v}"
    );
    assert_422(&app, "/api/v1/chiffres-cles?par_page=5000", "par_page").await;
    // Several mistakes at once: each is named.
    let r = app
        .get("/api/v1/chiffres-cles?theme=meteo&region=99&tri=nom")
        .await;
    assert_eq!(r.status, 422);
    let fields: Vec<String> = r.json()["erreurs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["champ"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["theme", "region", "tri"]);
    app.remove().await;
}

async fn one_figure_or_404(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/api/v1/chiffres-cles/kf-029").await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("application/json")
    );
    let f = r.json();
    // A bare object, not a list.
    assert!(
        f.get("resultats").is_none() && f.get("total").is_none(),
        "{f}"
    );
    assert_eq!(f["id"], "kf-029");
    assert_eq!(f["valeur"].as_f64(), Some(92.0));
    assert_eq!(f["unite"], "%");
    assert_eq!(
        f["libelle"],
        "reconnaît l'utilité de la co-construction territoriale"
    );
    assert_eq!(f["population"], "maires");
    assert_eq!(f["etude"], "IMPACT-Élus locaux");
    assert_eq!(f["annee"], 2020);
    assert_eq!(f["programme"], "impact");
    assert_eq!(f["url"], "/donnees/chiffres/kf-029");
    assert_eq!(
        f["citee_par"],
        serde_json::json!(["kf-051", "kf-055", "kf-062"])
    );
    let missing = app.get("/api/v1/chiffres-cles/kf-999").await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type").as_deref(),
        Some("application/problem+json")
    );
    assert_eq!(missing.json()["instance"], "/api/v1/chiffres-cles/kf-999");
    app.remove().await;
}

// ---------------------------------------------------------------------------------------
// /api/v1/territoires/{niveau}/{code}/synthese

/// The alliances of `alliances.csv` placed in département `dep`: by its code, by one of
/// its communes, or by an intercommunalité with a commune in it.
fn alliances_in_departement(dep: &str) -> BTreeSet<String> {
    let communes = table(COMMUNES_CSV);
    let epci: BTreeSet<&str> = communes
        .iter()
        .filter(|c| cell(c, "departement") == dep)
        .map(|c| cell(c, "epci"))
        .filter(|e| !e.is_empty())
        .collect();
    let commune_dep: BTreeMap<&str, &str> = communes
        .iter()
        .map(|c| (cell(c, "code"), cell(c, "departement")))
        .collect();
    table(ALLIANCES_CSV)
        .iter()
        .filter(|a| {
            list(cell(a, "insee_codes")).iter().any(|code| {
                *code == dep || commune_dep.get(code) == Some(&dep) || epci.contains(code)
            })
        })
        .map(|a| cell(a, "id").to_owned())
        .collect()
}

/// The France services of `france-services.csv` in the communes of département `dep`.
fn lieux_in_departement(dep: &str) -> Vec<BTreeMap<String, String>> {
    let communes = table(COMMUNES_CSV);
    let commune_dep: BTreeMap<&str, &str> = communes
        .iter()
        .map(|c| (cell(c, "code"), cell(c, "departement")))
        .collect();
    table(FRANCE_SERVICES_CSV)
        .into_iter()
        .filter(|l| commune_dep.get(cell(l, "commune")) == Some(&dep))
        .collect()
}

fn assert_counts(v: &Value, what: &str, total: u64) {
    let list = v
        .as_array()
        .unwrap_or_else(|| panic!("{what} is an array: {v}"));
    assert!(!list.is_empty(), "{what}");
    for x in list {
        assert!(
            x["code"].as_str().is_some_and(|c| !c.is_empty()),
            "{what}: {x}"
        );
        assert!(
            x["libelle"].as_str().is_some_and(|c| !c.is_empty()),
            "{what}: {x}"
        );
        let n = x["nombre"].as_u64().unwrap();
        assert!(n >= 1 && n <= total, "{what}: {x} within 1..={total}");
    }
}

async fn departement_synthesis_counts_what_the_data_places_there(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app
        .get("/api/v1/territoires/departements/33/synthese")
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let s = r.json();
    assert_eq!(s["code"], "33");
    assert_eq!(s["nom"], "Gironde");
    assert_eq!(s["niveau"], "departement");
    let gironde = table(DEPARTEMENTS_CSV)
        .into_iter()
        .find(|d| cell(d, "code") == "33")
        .unwrap();
    assert!(s["population"].is_i64(), "{}", s["population"]);
    assert_eq!(
        s["population"].as_i64(),
        Some(cell(&gironde, "population").parse().unwrap())
    );
    assert_eq!(s["url"], "/territoires/departements/33");
    assert_eq!(s["fiche_repere"], "/reperes/territoires/departements/33");

    // The alliances: those the data places in Gironde, its communes or its EPCI — the same
    // as the search's département facet.
    let expected = alliances_in_departement("33");
    assert_eq!(
        expected,
        set([
            "bordeaux-mecenes-solidaires-bms",
            "dat-jeunesse-bms",
            "emulsion-gironde",
            "epicerie-solidaire-saint-yzan-de-soudiac",
            "les-rateleurs-tiers-lieu-nourricier-pays-foyen",
            "maison-pour-rebondir-suez-bordeaux"
        ]),
        "the data file's Gironde alliances"
    );
    let total = s["alliances"]["total"].as_u64().unwrap();
    assert!(total >= 4, "{total}");
    assert_eq!(total, expected.len() as u64);
    let search = app
        .get("/api/v1/alliances?departement=33&par_page=100")
        .await
        .json();
    assert_eq!(search["total"].as_u64(), Some(total));
    assert_eq!(ids(&search, "slug"), expected);
    for key in ["par_domaine", "par_mode", "par_type_acteur"] {
        assert_counts(&s["alliances"][key], key, total);
    }
    // Domain counts are those of the data file's `domains` column.
    let mut domains: BTreeMap<String, u64> = BTreeMap::new();
    for a in table(ALLIANCES_CSV)
        .iter()
        .filter(|a| expected.contains(cell(a, "id")))
    {
        for d in list(cell(a, "domains")) {
            *domains.entry(d.to_owned()).or_default() += 1;
        }
    }
    let par_domaine: BTreeMap<String, u64> = s["alliances"]["par_domaine"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["code"].as_str().unwrap().to_owned(),
                x["nombre"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(par_domaine, domains);

    // The 17 goals, stated and editorial apart; 17.17 serves every alliance.
    let odd = s["odd"].as_array().unwrap();
    assert_eq!(odd.len(), 17);
    for (i, o) in odd.iter().enumerate() {
        assert_eq!(o["numero"].as_u64(), Some(i as u64 + 1));
        let (d, e, t) = (
            o["declares"].as_u64().unwrap(),
            o["editoriaux"].as_u64().unwrap(),
            o["total"].as_u64().unwrap(),
        );
        assert_eq!(d + e, t, "{o}");
        assert!(t <= total, "{o}");
    }
    assert_eq!(
        odd[16]["total"].as_u64(),
        Some(total),
        "every alliance serves SDG 17"
    );

    // The région's facts: Nouvelle-Aquitaine's rows of the data file.
    assert_eq!(s["region"], "75");
    let facts: BTreeSet<String> = s["faits_regionaux"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect();
    let expected_facts: BTreeSet<String> = figures()
        .iter()
        .filter(|f| cell(f, "region_code") == "75")
        .map(|f| cell(f, "id").to_owned())
        .collect();
    assert_eq!(facts, expected_facts);
    assert!(!facts.is_empty());

    // France services: the rows of france-services.csv in the communes of the Gironde.
    let lieux = lieux_in_departement("33");
    assert_eq!(lieux.len(), 44);
    assert_eq!(
        lieux.len(),
        table(FRANCE_SERVICES_CSV)
            .iter()
            .filter(|l| cell(l, "commune").starts_with("33"))
            .count()
    );
    let la = &s["lieux_accompagnement"];
    assert_eq!(la["total"], 44);
    let listed = la["liste"].as_array().unwrap();
    assert_eq!(listed.len(), 44);
    let names: BTreeSet<String> = listed
        .iter()
        .map(|l| {
            assert!(l["commune"].as_str().unwrap().starts_with("33"), "{l}");
            l["nom"].as_str().unwrap().to_owned()
        })
        .collect();
    let expected_names: BTreeSet<String> =
        lieux.iter().map(|l| cell(l, "nom").to_owned()).collect();
    assert_eq!(names, expected_names);
    assert!(la["source"].as_str().unwrap().contains("France services"));

    // Catalyseurs: BMS works in Gironde; national bodies are counted apart.
    let c = &s["catalyseurs"];
    let inside: Vec<&str> = c["dans_le_territoire"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(inside.contains(&"bordeaux-mecenes-solidaires"), "{c}");
    let covering = c["couvrant"].as_array().unwrap().len();
    assert!(c["total"].as_u64().unwrap() >= 1);
    assert_eq!(c["total"].as_u64(), Some((inside.len() + covering) as u64));
    let national = table(CATALYSEURS_CSV)
        .iter()
        .filter(|x| cell(x, "territory_level") == "national")
        .count();
    assert_eq!(c["nationaux"].as_u64(), Some(national as u64));

    // Unknown level or code.
    for path in [
        "/api/v1/territoires/pays/33/synthese",
        "/api/v1/territoires/departements/999/synthese",
        "/api/v1/territoires/regions/33/synthese",
    ] {
        assert_eq!(app.get(path).await.status, 404, "{path}");
    }
    app.remove().await;
}

async fn region_synthesis_counts_alliances_placed_by_region_only(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let alliances = table(ALLIANCES_CSV);
    // The data file's Occitanie alliances, by its `region` column; one has no INSEE code.
    let occitanie: BTreeSet<String> = alliances
        .iter()
        .filter(|a| list(cell(a, "region")).contains(&"Occitanie"))
        .map(|a| cell(a, "id").to_owned())
        .collect();
    let eva = alliances
        .iter()
        .find(|a| cell(a, "id") == "ptce-3-eva-audyssees")
        .unwrap();
    assert_eq!(cell(eva, "insee_codes"), "", "placed by its région only");
    assert_eq!(cell(eva, "region"), "Occitanie");

    let facet = app
        .get("/api/v1/alliances?region=76&par_page=100")
        .await
        .json();
    let found = ids(&facet, "slug");
    assert!(found.contains("ptce-3-eva-audyssees"), "{found:?}");
    assert_eq!(found, occitanie);

    let s = app
        .get("/api/v1/territoires/regions/76/synthese")
        .await
        .json();
    assert_eq!(s["nom"], "Occitanie");
    assert_eq!(s["alliances"]["total"], facet["total"]);
    assert_eq!(
        s["alliances"]["total"].as_u64(),
        Some(occitanie.len() as u64)
    );
    // Regional facts: rf-028 … rf-034.
    let facts: Vec<&str> = s["faits_regionaux"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        facts,
        [
            "rf-028", "rf-029", "rf-030", "rf-031", "rf-032", "rf-033", "rf-034"
        ]
    );
    let rank = &s["faits_regionaux"][0];
    assert_eq!(rank["rang"], 1);
    assert!(rank["valeur"].is_null());
    // France services by département, not by name; the counts add up to the total.
    let la = &s["lieux_accompagnement"];
    assert!(la["liste"].as_array().unwrap().is_empty());
    let deps: Vec<String> = table(DEPARTEMENTS_CSV)
        .iter()
        .filter(|d| cell(d, "region") == "76")
        .map(|d| cell(d, "code").to_owned())
        .collect();
    let par_dep = la["par_departement"].as_array().unwrap();
    assert_eq!(par_dep.len(), deps.len());
    let mut sum = 0;
    for (d, x) in deps.iter().zip(par_dep) {
        assert_eq!(x["code"], d.as_str());
        let n = x["nombre"].as_u64().unwrap();
        assert_eq!(n, lieux_in_departement(d).len() as u64, "{x}");
        sum += n;
    }
    assert_eq!(la["total"].as_u64(), Some(sum));
    assert_eq!(sum, 373);
    // Catalyseurs of Occitanie by the directory's `region` column (national ones apart).
    let expected: BTreeSet<String> = table(CATALYSEURS_CSV)
        .iter()
        .filter(|c| cell(c, "region") == "Occitanie")
        .map(|c| cell(c, "id").to_owned())
        .collect();
    let inside: BTreeSet<String> = s["catalyseurs"]["dans_le_territoire"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(inside, expected);
    app.remove().await;
}

// ---------------------------------------------------------------------------------------
// /api/v1/catalyseurs

async fn catalyseurs_directory_filters_and_facets(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let rows = table(CATALYSEURS_CSV);
    assert_eq!(rows.len(), 72);
    let expect = |keep: &dyn Fn(&BTreeMap<String, String>) -> bool| -> BTreeSet<String> {
        rows.iter()
            .filter(|r| keep(r))
            .map(|r| cell(r, "id").to_owned())
            .collect()
    };
    let get = |q: &'static str| {
        let app = &app;
        async move {
            let r = app
                .get(&format!("/api/v1/catalyseurs?par_page=1000&{q}"))
                .await;
            assert_eq!(r.status, 200, "{q}: {}", r.text());
            r.json()
        }
    };
    let all = get("").await;
    assert_eq!(all["total"], 72);
    assert_eq!(ids(&all, "slug"), expect(&|_| true));
    let facettes = all["facettes"].as_object().unwrap();
    assert_eq!(
        facettes.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        BTreeSet::from(["genre", "metier", "niveau", "region"])
    );
    for (name, values) in facettes {
        for x in values.as_array().unwrap() {
            assert!(
                x["code"].is_string() && x["libelle"].is_string(),
                "{name}: {x}"
            );
            assert!(x["nombre"].as_u64().unwrap() >= 1, "{name}: {x}");
        }
    }

    // genre: the `kind` column (CRESS).
    let cress = get("genre=cress").await;
    let expected = expect(&|r| cell(r, "kind") == "CRESS");
    assert_eq!(expected.len(), 14);
    assert_eq!(ids(&cress, "slug"), expected);
    assert_eq!(facet_count(&all, "genre", "cress"), Some(14));
    // metier: the `metiers` column.
    let lieu = get("metier=gestion-lieu").await;
    let expected = expect(&|r| list(cell(r, "metiers")).contains(&"gestion-lieu"));
    assert_eq!(ids(&lieu, "slug"), expected);
    assert_eq!(
        facet_count(&all, "metier", "gestion-lieu"),
        Some(expected.len() as u64)
    );
    // region: the `region` column (Nouvelle-Aquitaine).
    let na = get("region=75").await;
    let expected = expect(&|r| cell(r, "region") == "Nouvelle-Aquitaine");
    assert_eq!(expected.len(), 6);
    assert_eq!(ids(&na, "slug"), expected);
    // Every région facet count is the number of rows naming that région.
    for x in all["facettes"]["region"].as_array().unwrap() {
        let name = x["libelle"].as_str().unwrap();
        assert_eq!(region_code(name).as_deref(), x["code"].as_str());
        // A row coded at région level (RésO Villes: 53 | 52) is in each of its régions.
        let code = region_code(name);
        let n = rows
            .iter()
            .filter(|r| {
                cell(r, "region") == name
                    || (cell(r, "territory_level") == "region"
                        && cell(r, "insee_codes")
                            .split(" | ")
                            .any(|c| Some(c) == code.as_deref()))
            })
            .count();
        assert_eq!(x["nombre"].as_u64(), Some(n as u64), "{x}");
    }
    // niveau: the `territory_level` column.
    let dep = get("niveau=departement").await;
    let expected = expect(&|r| cell(r, "territory_level") == "departement");
    assert_eq!(ids(&dep, "slug"), expected);
    let national = expect(&|r| cell(r, "territory_level") == "national");
    assert_eq!(
        facet_count(&all, "niveau", "national"),
        Some(national.len() as u64)
    );
    // OR within a parameter, AND across.
    let or = get("genre=cress&genre=ptce").await;
    let expected = expect(&|r| matches!(cell(r, "kind"), "CRESS" | "PTCE"));
    assert_eq!(expected.len(), 16);
    assert_eq!(ids(&or, "slug"), expected);
    let and = get("genre=fonds-dotation-territorial&region=75").await;
    assert_eq!(
        ids(&and, "slug"),
        set(["bordeaux-mecenes-solidaires"]),
        "{and}"
    );
    // The région facet ignores its own selection: all fonds de dotation by région.
    assert_eq!(facet_count(&and, "region", "44"), Some(1), "Moselle");
    // Text, accents and case ignored.
    for q in ["q=reunion", "q=R%C3%A9union", "q=REUNION"] {
        let v = get(q).await;
        assert_eq!(ids(&v, "slug"), set(["cress-la-reunion"]), "{q}");
    }
    let bordeaux = get("q=mecenes%20solidaires").await;
    assert_eq!(
        ids(&bordeaux, "slug"),
        set(["bordeaux-mecenes-solidaires", "metz-mecenes-solidaires"])
    );

    // Errors.
    assert_422(&app, "/api/v1/catalyseurs?genre=inconnu", "genre").await;
    assert_422(&app, "/api/v1/catalyseurs?couleur=bleu", "couleur").await;
    assert_422(&app, "/api/v1/catalyseurs?region=99", "region").await;

    // One catalyseur.
    let r = app
        .get("/api/v1/catalyseurs/bordeaux-mecenes-solidaires")
        .await;
    assert_eq!(r.status, 200);
    let c = r.json();
    let row = rows
        .iter()
        .find(|r| cell(r, "id") == "bordeaux-mecenes-solidaires")
        .unwrap();
    assert_eq!(c["slug"], "bordeaux-mecenes-solidaires");
    assert_eq!(c["nom"], cell(row, "name"));
    assert_eq!(c["genre"], "fonds-dotation-territorial");
    assert_eq!(c["regions"], serde_json::json!(["75"]));
    assert_eq!(c["territoires"][0]["code"], "33");
    assert_eq!(c["territoires"][0]["nom"], "Gironde");
    assert_eq!(c["territoires"][0]["url"], "/territoires/departements/33");
    let metiers: Vec<&str> = c["metiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(metiers, list(cell(row, "metiers")));
    let urls: Vec<&str> = c["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            assert_eq!(s["consulte_le"], cell(row, "retrieved"), "{s}");
            s["url"].as_str().unwrap()
        })
        .collect();
    assert_eq!(urls, list(cell(row, "source_urls")));
    assert_eq!(c["url"], "/catalyseurs/bordeaux-mecenes-solidaires");
    assert_eq!(app.get("/api/v1/catalyseurs/inconnu").await.status, 404);
    app.remove().await;
}

// ---------------------------------------------------------------------------------------
// Alliances placed by région

async fn alliances_of_occitanie_found_by_name_and_facet(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let occitanie: BTreeSet<String> = table(ALLIANCES_CSV)
        .iter()
        .filter(|a| list(cell(a, "region")).contains(&"Occitanie"))
        .map(|a| cell(a, "id").to_owned())
        .collect();
    assert_eq!(occitanie.len(), 33);
    let v = app
        .get("/api/v1/alliances?q=Occitanie&par_page=100")
        .await
        .json();
    let found = ids(&v, "slug");
    assert!(found.contains("ptce-3-eva-audyssees"), "{found:?}");
    let missing: Vec<&String> = occitanie.difference(&found).collect();
    assert!(
        missing.is_empty(),
        "not found by « Occitanie »: {missing:?}"
    );
    let n = facet_count(&v, "region", "76").expect("région facet 76");
    assert!(n >= occitanie.len() as u64, "{n}");
    app.remove().await;
}
