//! The Données pages: the observatory (`/donnees`), a page per figure, the national maps,
//! the territory synthesis on a territory page, the catalyseurs, the fiches repères, the
//! English pages and the open data. Expectations come from the shipped data files (read
//! through `api_donnees`'s CSV reader) or from the API, so that page and API must agree.

use std::collections::{BTreeMap, BTreeSet};

use axum::body::Body;
use axum::http::Request;

use alliances_testkit::{Backend, TestApp};

use crate::api_donnees::{
    ALLIANCES_CSV, CATALYSEURS_CSV, COMMUNES_CSV, FRANCE_SERVICES_CSV, cell, csv_records, figures,
    list, population_code, table,
};
use crate::visible_text;

alliances_testkit::both_backends!(
    observatory_links_every_figure_with_its_marks,
    observatory_filters_without_javascript_and_with_htmx,
    figure_pages_show_provenance_conflicts_and_requotes,
    national_maps_have_areas_insets_legend_table_and_method,
    departement_page_shows_its_synthesis,
    catalyseurs_directory_and_pages,
    fiches_reperes,
    english_observatory,
    open_data_of_figures_and_catalyseurs,
    zero_counts_are_not_read_as_one,
);

/// HTML entities as askama writes them, back to text.
pub(crate) fn unescape(s: &str) -> String {
    s.replace("&#39;", "'")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

/// The visible text, every entity decoded.
pub(crate) fn text_of(html: &str) -> String {
    unescape(&visible_text(html))
}

/// Every link whose address starts with `prefix`: (rest of the address, visible text).
pub(crate) fn links(html: &str, prefix: &str) -> Vec<(String, String)> {
    let needle = format!("<a href=\"{prefix}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        let end = rest.find('"').expect("closing quote");
        let target = rest[..end].to_owned();
        let open = rest.find('>').expect("end of tag");
        let close = rest.find("</a>").expect("closing tag");
        out.push((target, text_of(&rest[open + 1..close])));
        rest = &rest[close..];
    }
    out
}

/// The part of `html` from the first `start` to the following `end`.
pub(crate) fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let i = html
        .find(start)
        .unwrap_or_else(|| panic!("« {start} » not found"));
    let rest = &html[i..];
    let j = rest
        .find(end)
        .unwrap_or_else(|| panic!("« {end} » not found after « {start} »"));
    &rest[..j]
}

/// Whether a text shows a zero percentage (« 0 % », not « 70 % » nor « 7,0 % »).
fn shows_zero_percent(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).enumerate().any(|(i, w)| {
        w[0] == '0'
            && (w[1] == '%' || (w[1].is_whitespace() && w[2] == '%'))
            && (i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == ','))
    })
}

pub(crate) async fn get_ok(app: &TestApp, path: &str) -> String {
    let r = app.get(path).await;
    assert_eq!(r.status, 200, "{path}");
    r.text()
}

async fn observatory_links_every_figure_with_its_marks(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let html = get_ok(&app, "/donnees").await;
    let text = text_of(&html);
    assert!(text.contains("Données : l'observatoire des alliances"));
    assert!(text.contains("121 chiffres"), "count of figures");
    let rows = figures();
    let linked: BTreeMap<String, Vec<String>> = links(&html, "/donnees/chiffres/")
        .into_iter()
        .fold(BTreeMap::new(), |mut m, (id, label)| {
            m.entry(id).or_default().push(label);
            m
        });
    for row in &rows {
        let id = cell(row, "id");
        let labels = linked
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not linked to /donnees/chiffres/{id}"));
        match cell(row, "kind") {
            // Regional fragilities and counts sit in their tables by région: the link reads
            // the statement (« emploi », « 4 PTCE en émergence »).
            "fragilite-percue" | "denombrement" => assert!(
                labels.iter().any(|l| l == cell(row, "statement_fr")),
                "{id} linked as « {} »: {labels:?}",
                cell(row, "statement_fr")
            ),
            // Every other figure is a row of its statement's table, linked by its id.
            _ => assert!(
                labels.iter().any(|l| l.ends_with(id)),
                "{id} shown as its own link text: {labels:?}"
            ),
        }
    }
    assert_eq!(linked.len(), rows.len(), "no figure outside the data");
    // Every kf figure's id is in the visible text.
    for row in rows.iter().filter(|r| cell(r, "id").starts_with("kf-")) {
        assert!(text.contains(cell(row, "id")), "{}", cell(row, "id"));
    }

    // kf-052 and kf-056: two values for one statement, in one block, each marked.
    let blocks: Vec<&str> = html.split("<article class=\"statement\"").skip(1).collect();
    let with_052: Vec<&&str> = blocks
        .iter()
        .filter(|b| b.contains("href=\"/donnees/chiffres/kf-052\""))
        .collect();
    assert_eq!(with_052.len(), 1, "kf-052 is in one statement block");
    let block = with_052[0];
    assert!(block.contains("href=\"/donnees/chiffres/kf-056\""));
    let block_text = text_of(block);
    assert!(
        block_text.contains("autre valeur publiée : 83 % (kf-056)"),
        "{block_text}"
    );
    assert!(
        block_text.contains("autre valeur publiée : 84 % (kf-052)"),
        "{block_text}"
    );
    assert!(block_text.contains("non corroboré"));
    assert!(block_text.contains("reprise de la mesure kf-029"), "kf-051");
    // A figure without a year.
    assert!(text.contains("année non précisée"));
    // A rank is not a percentage.
    let rf001 = links(&html, "/donnees/chiffres/rf-001");
    assert_eq!(rf001, [(String::new(), "emploi".to_owned())]);
    app.remove().await;
}

async fn observatory_filters_without_javascript_and_with_htmx(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let maires: BTreeSet<String> = figures()
        .iter()
        .filter(|r| population_code(cell(r, "population")).as_deref() == Some("maires"))
        .map(|r| cell(r, "id").to_owned())
        .collect();
    assert_eq!(maires.len(), 11);
    let shown = |html: &str| -> BTreeSet<String> {
        let zone = &html[html.find("<div id=\"zone\"").expect("zone")..];
        links(zone, "/donnees/chiffres/")
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    };
    let all = get_ok(&app, "/donnees").await;
    assert_eq!(shown(&all).len(), 121);
    // The form's plain GET.
    let html = get_ok(&app, "/donnees?population=maires").await;
    assert!(html.contains("<html"));
    assert_eq!(shown(&html), maires, "only the mayors' figures");
    let text = text_of(&html);
    assert!(text.contains("11 chiffres sur 121"), "{text}");
    assert!(
        html.contains("id=\"f-population-maires\" name=\"population\" value=\"maires\" checked")
    );
    // Unknown values are dropped by the page (the API refuses them).
    assert_eq!(app.get("/donnees?population=inconnue").await.status, 200);
    // htmx asks for the zone only.
    let r = app
        .request(
            Request::get("/donnees?population=maires")
                .header("HX-Request", "true")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 200);
    let zone = r.text();
    assert!(!zone.contains("<html"), "no page around the zone");
    assert!(
        zone.starts_with("<div id=\"zone\""),
        "{}",
        &zone[..80.min(zone.len())]
    );
    assert_eq!(shown(&zone), maires);
    assert!(
        r.headers
            .get_all("vary")
            .iter()
            .any(|v| v.to_str().unwrap().contains("hx-request")),
        "Vary: hx-request"
    );
    app.remove().await;
}

async fn figure_pages_show_provenance_conflicts_and_requotes(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let rows = figures();
    let row = |id: &str| rows.iter().find(|r| cell(r, "id") == id).unwrap().clone();

    let html = get_ok(&app, "/donnees/chiffres/kf-052").await;
    let text = text_of(&html);
    assert!(text.contains("84 %"), "its value");
    assert!(text.contains("83 %"), "the other value");
    assert!(text.contains("Deux valeurs publiées pour le même énoncé"));
    assert!(text.contains("Chiffre non corroboré"));
    assert!(html.contains("href=\"/donnees/chiffres/kf-056\""));
    let kf052 = row("kf-052");
    let sources = list(cell(&kf052, "source_url"));
    assert!(!sources.is_empty());
    for s in sources {
        assert!(html.contains(&format!("href=\"{s}\"")), "source {s}");
        assert!(text.contains(s), "source {s} written out");
    }
    assert!(text.contains(cell(&kf052, "note_fr")), "the note");
    assert!(html.contains("href=\"/api/v1/chiffres-cles/kf-052\""));

    let html = get_ok(&app, "/donnees/chiffres/kf-051").await;
    let text = text_of(&html);
    assert_eq!(cell(&row("kf-051"), "reprise_de"), "kf-029");
    assert!(text.contains("Reprise d'une mesure."), "{text}");
    assert!(text.contains("ce n'est pas un second chiffre"));
    assert_eq!(
        links(&html, "/donnees/chiffres/kf-029")
            .into_iter()
            .map(|(_, l)| l)
            .find(|l| l.starts_with("Voir")),
        Some("Voir la mesure d'origine (kf-029)".to_owned())
    );

    // kf-029 lists the publications that quote it.
    let html = get_ok(&app, "/donnees/chiffres/kf-029").await;
    assert!(text_of(&html).contains("Citée aussi par"));
    for q in ["kf-051", "kf-055", "kf-062"] {
        assert!(
            html.contains(&format!("href=\"/donnees/chiffres/{q}\"")),
            "{q}"
        );
    }

    let html = get_ok(&app, "/donnees/chiffres/rf-001").await;
    let text = text_of(&html);
    assert_eq!(cell(&row("rf-001"), "value_percent"), "");
    assert!(text.contains("1er rang"), "{text}");
    assert!(text.contains("elle n'est pas remplacée par zéro"));
    assert!(!shows_zero_percent(&text), "no « 0 % » for a rank: {text}");
    assert!(text.contains("Île-de-France"));

    // A count reads as its number.
    let text = text_of(&get_ok(&app, "/donnees/chiffres/rf-016").await);
    assert!(text.contains("4 PTCE en émergence"));
    assert!(!shows_zero_percent(&text));

    assert_eq!(app.get("/donnees/chiffres/kf-999").await.status, 404);
    assert_eq!(app.get("/donnees/chiffres/inconnu").await.status, 404);
    app.remove().await;
}

async fn national_maps_have_areas_insets_legend_table_and_method(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let gironde = app
        .get("/api/v1/territoires/departements/33/synthese")
        .await
        .json();
    for path in [
        "/donnees/cartes",
        "/donnees/cartes/departements/alliances-habitants",
    ] {
        let html = get_ok(&app, path).await;
        let svg = between(&html, "<svg class=\"carte\"", "</svg>");
        assert_eq!(
            svg.matches("<a href=\"/territoires/departements/").count(),
            101,
            "{path}: 101 départements on the map"
        );
        assert_eq!(
            svg.matches("<rect class=\"encart\"").count(),
            5,
            "{path}: the five overseas insets"
        );
        let tbody = between(&html, "<tbody>", "</tbody>");
        assert_eq!(tbody.matches("<tr>").count(), 101, "{path}: 101 table rows");
        let text = text_of(&html);
        assert!(text.contains("Alliances pour 100 000 habitants, par département"));
        assert!(html.contains("class=\"legend\""), "{path}: legend");
        assert!(html.matches("class=\"legend-item\"").count() >= 3);
        assert!(text.contains("Pour 100 000 habitants :"));
        assert!(
            text.contains("Méthode et date des données"),
            "{path}: method"
        );
        assert!(text.contains("Une alliance compte dans chaque territoire où elle est située"));
        // Gironde's row agrees with its synthesis: count and rate per 100 000.
        let count = gironde["alliances"]["total"].as_u64().unwrap();
        let population = gironde["population"].as_i64().unwrap();
        let rate = format!("{:.1}", count as f64 * 100_000.0 / population as f64).replace('.', ",");
        let row = tbody
            .split("<tr>")
            .find(|r| r.contains("href=\"/territoires/departements/33\""))
            .unwrap();
        assert!(
            text_of(row).starts_with(&format!("Gironde (33) {rate} {count} ")),
            "{}",
            text_of(row)
        );
    }

    // Régions, catalyseurs: 18 rows, each the directory's count for that région.
    let html = get_ok(&app, "/donnees/cartes/regions/catalyseurs").await;
    let tbody = between(&html, "<tbody>", "</tbody>");
    let rows: Vec<&str> = tbody.split("<tr>").skip(1).collect();
    assert_eq!(rows.len(), 18);
    let api = app.get("/api/v1/catalyseurs?par_page=1").await.json();
    let mut sum = 0;
    for r in &rows {
        let code = links(r, "/territoires/regions/")
            .into_iter()
            .next()
            .expect("a link to the région")
            .0;
        let shown: u64 = text_of(r).rsplit(' ').next().unwrap().parse().unwrap();
        let expected = api["facettes"]["region"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["code"] == code.as_str())
            .map_or(0, |x| x["nombre"].as_u64().unwrap());
        assert_eq!(shown, expected, "région {code}");
        sum += shown;
    }
    let national = table(CATALYSEURS_CSV)
        .iter()
        .filter(|c| cell(c, "territory_level") == "national")
        .count() as u64;
    // Every catalyseur but the national ones, once per région it works in (RésO Villes in
    // two).
    assert_eq!(
        sum,
        72 - national + 1,
        "every catalyseur but the national ones"
    );
    let text = text_of(&html);
    assert!(text.contains(&format!("{sum} au total sur la carte")));
    assert!(text.contains("Catalyseurs territoriaux, par région"));
    assert!(html.contains("<rect class=\"encart\""));
    assert!(text.contains("Nombre :"), "legend");

    // The form without JavaScript redirects to the map's own address.
    let r = app
        .get("/donnees/cartes?echelle=regions&indicateur=catalyseurs")
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.header("location").as_deref(),
        Some("/donnees/cartes/regions/catalyseurs")
    );
    assert_eq!(
        app.get("/donnees/cartes/departements/inconnu").await.status,
        404
    );
    assert_eq!(
        app.get("/donnees/cartes/pays/catalyseurs").await.status,
        404
    );

    // Compressed, the département map stays small.
    let plain = app
        .get("/donnees/cartes/departements/alliances-habitants")
        .await;
    let r = app
        .request(
            Request::get("/donnees/cartes/departements/alliances-habitants")
                .header("accept-encoding", "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-encoding").as_deref(), Some("gzip"));
    assert!(
        r.bytes.len() <= 120_000,
        "{} compressed bytes",
        r.bytes.len()
    );
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(r.bytes.as_slice()),
        &mut unzipped,
    )
    .expect("gzip");
    assert_eq!(unzipped, plain.bytes, "the same page, compressed");
    app.remove().await;
}

async fn departement_page_shows_its_synthesis(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let html = get_ok(&app, "/territoires/departements/33").await;
    let text = text_of(&html);
    assert!(text.contains("Synthèse du territoire"));
    // Its alliances, by name (the API's list of Gironde's alliances).
    let api = app
        .get("/api/v1/alliances?departement=33&par_page=100")
        .await
        .json();
    let slugs: BTreeSet<&str> = api["resultats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.len() >= 4);
    let alliances = table(ALLIANCES_CSV);
    for slug in &slugs {
        let row = alliances.iter().find(|a| cell(a, "id") == *slug).unwrap();
        assert!(
            text.contains(cell(row, "name")),
            "« {} »",
            cell(row, "name")
        );
        assert!(
            html.contains(&format!("href=\"/exemples/{slug}\"")),
            "{slug}"
        );
    }
    assert!(text.contains("Bordeaux Mécènes Solidaires"));
    assert!(text.contains(&format!("{} alliances recensées", slugs.len())));
    // France services: 44, each by its name.
    assert!(text.contains("44 structures France services dans ce territoire"));
    let communes = table(COMMUNES_CSV);
    let in_gironde: BTreeSet<&str> = communes
        .iter()
        .filter(|c| cell(c, "departement") == "33")
        .map(|c| cell(c, "code"))
        .collect();
    let lieux = table(FRANCE_SERVICES_CSV);
    let gironde: Vec<&BTreeMap<String, String>> = lieux
        .iter()
        .filter(|l| in_gironde.contains(cell(l, "commune")))
        .collect();
    assert_eq!(gironde.len(), 44);
    for l in &gironde {
        assert!(text.contains(cell(l, "nom")), "« {} »", cell(l, "nom"));
    }
    assert!(text.contains("France services Blaye 32 Rue des Maçons BP 154, 33390 Blaye"));
    // The catalyseur placed in Gironde, linked; those of the région around it.
    assert!(html.contains(
        "<a href=\"/catalyseurs/bordeaux-mecenes-solidaires\">Bordeaux Mécènes Solidaires (BMS)</a>"
    ));
    for slug in ["pqn-a", "cooperative-tiers-lieux"] {
        assert!(
            html.contains(&format!("href=\"/catalyseurs/{slug}\"")),
            "{slug}"
        );
    }
    // The région's facts.
    assert!(html.contains("href=\"/donnees/chiffres/rf-026\""));
    assert!(text.contains("Ce que disent les études de la région Nouvelle-Aquitaine"));
    assert!(html.contains("href=\"/reperes/territoires/departements/33\""));
    assert!(html.contains("href=\"/api/v1/territoires/departements/33/synthese\""));
    app.remove().await;
}

async fn catalyseurs_directory_and_pages(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let rows = table(CATALYSEURS_CSV);
    let listed = |html: &str| -> BTreeSet<String> {
        let list_html = between(html, "<table class=\"data catalyseurs-table\"", "</table>");
        links(list_html, "/catalyseurs/")
            .into_iter()
            .map(|(slug, _)| slug)
            .collect()
    };
    let html = get_ok(&app, "/catalyseurs").await;
    let text = text_of(&html);
    assert!(text.contains("72 catalyseurs"), "{text}");
    let all: BTreeSet<String> = rows.iter().map(|r| cell(r, "id").to_owned()).collect();
    assert_eq!(all.len(), 72);
    assert_eq!(listed(&html), all);
    for r in &rows {
        assert!(text.contains(cell(r, "name")), "« {} »", cell(r, "name"));
    }
    // One région, without JavaScript.
    let html = get_ok(&app, "/catalyseurs?region=75").await;
    let expected: BTreeSet<String> = rows
        .iter()
        .filter(|r| cell(r, "region") == "Nouvelle-Aquitaine")
        .map(|r| cell(r, "id").to_owned())
        .collect();
    assert_eq!(expected.len(), 6);
    assert_eq!(listed(&html), expected);
    assert!(text_of(&html).contains("6 catalyseurs sur 72"));

    // One catalyseur with its sources, each with the date it was read.
    let html = get_ok(&app, "/catalyseurs/bordeaux-mecenes-solidaires").await;
    let text = text_of(&html);
    let row = rows
        .iter()
        .find(|r| cell(r, "id") == "bordeaux-mecenes-solidaires")
        .unwrap();
    assert_eq!(cell(row, "retrieved"), "2026-11-26");
    assert!(text.contains("Bordeaux Mécènes Solidaires (BMS)"));
    let sources = list(cell(row, "source_urls"));
    assert!(!sources.is_empty());
    for s in &sources {
        assert!(html.contains(&format!("href=\"{s}\"")), "{s}");
        assert!(
            text.contains(&format!("{s} · consultée le 26 novembre 2026")),
            "{s}"
        );
    }
    assert_eq!(
        text.matches("consultée le 26 novembre 2026").count(),
        sources.len()
    );
    assert!(html.contains("href=\"/territoires/departements/33\""));
    assert_eq!(app.get("/catalyseurs/inconnu").await.status, 404);
    app.remove().await;
}

async fn fiches_reperes(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let index = get_ok(&app, "/reperes").await;
    for href in [
        "/reperes/acteurs/collectivite",
        "/reperes/domaines/social",
        "/reperes/territoires/regions/76",
    ] {
        assert!(index.contains(&format!("href=\"{href}\"")), "{href}");
    }
    // An actor type: its figures (every figure whose population belongs to it) and its
    // alliances.
    let html = get_ok(&app, "/reperes/acteurs/collectivite").await;
    let text = text_of(&html);
    assert!(text.contains("Collectivité territoriale"));
    assert!(text.contains("Les alliances"));
    let populations: BTreeSet<String> = table(crate::api_donnees::POPULATIONS_CSV)
        .iter()
        .filter(|p| cell(p, "type_acteur") == "collectivite")
        .map(|p| cell(p, "code").to_owned())
        .collect();
    let expected: BTreeSet<String> = figures()
        .iter()
        .filter(|f| {
            population_code(cell(f, "population")).is_some_and(|p| populations.contains(&p))
        })
        .map(|f| cell(f, "id").to_owned())
        .collect();
    assert!(expected.contains("kf-029"));
    let shown: BTreeSet<String> = links(&html, "/donnees/chiffres/")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(shown, expected);
    let n = app
        .get("/api/v1/alliances?type_acteur=collectivite&par_page=1")
        .await
        .json()["total"]
        .as_u64()
        .unwrap();
    assert!(
        text.contains(&format!(
            "{n} alliances de la base engagent ce type d'acteur"
        )),
        "{n}"
    );
    // A domain.
    let text = text_of(&get_ok(&app, "/reperes/domaines/social").await);
    let n = app
        .get("/api/v1/alliances?domaine=social&par_page=1")
        .await
        .json()["total"]
        .as_u64()
        .unwrap();
    assert!(text.contains("Social"));
    assert!(text.contains(&format!("{n} alliances de la base relèvent de ce domaine")));
    // A territory: its synthesis.
    let text = text_of(&get_ok(&app, "/reperes/territoires/departements/33").await);
    assert!(text.contains("Gironde"));
    assert!(text.contains("Synthèse du territoire"));
    assert!(text.contains("44 lieux d'accompagnement France services"));
    for path in [
        "/reperes/acteurs/inconnu",
        "/reperes/domaines/inconnu",
        "/reperes/territoires/departements/999",
    ] {
        assert_eq!(app.get(path).await.status, 404, "{path}");
    }
    app.remove().await;
}

async fn english_observatory(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let html = get_ok(&app, "/en/donnees").await;
    assert!(html.contains("<html lang=\"en\""));
    let text = text_of(&html);
    assert!(
        text.contains("Data: the observatory of alliances"),
        "{text}"
    );
    assert!(text.contains("year not stated"));
    assert!(html.contains("href=\"/en/donnees/chiffres/kf-052\""));
    let html = get_ok(&app, "/en/donnees/chiffres/kf-052").await;
    assert!(html.contains("<html lang=\"en\""));
    let text = text_of(&html);
    assert!(text.contains("84%") && text.contains("83%"), "{text}");
    assert!(text.contains("Two published values for the same statement"));
    assert!(text.contains("Figure not corroborated"));
    assert!(text.contains("among business leaders"));
    app.remove().await;
}

async fn open_data_of_figures_and_catalyseurs(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let header_of = |records: &[Vec<String>]| records[0].clone();

    let r = app.get("/donnees-ouvertes/chiffres-cles.csv").await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("text/csv")),
        "{:?}",
        r.header("content-type")
    );
    let body = r.text();
    let body = body.strip_prefix('\u{feff}').unwrap_or(&body);
    assert!(
        body.starts_with("id,annee,population,valeur,unite,etude,echantillon,source"),
        "{}",
        &body[..120]
    );
    let records = csv_records(body);
    let header = header_of(&records);
    let data: Vec<BTreeMap<String, String>> = records[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), header.len(), "{r:?}");
            header.iter().cloned().zip(r.iter().cloned()).collect()
        })
        .collect();
    assert_eq!(data.len(), 121);
    let ids: BTreeSet<&str> = data.iter().map(|r| cell(r, "id")).collect();
    let expected: Vec<BTreeMap<String, String>> = figures();
    assert_eq!(ids, expected.iter().map(|r| cell(r, "id")).collect());
    let line = |id: &str| data.iter().find(|r| cell(r, "id") == id).unwrap();
    assert_eq!(cell(line("kf-052"), "valeur"), "84");
    assert_eq!(cell(line("kf-052"), "ecart_avec"), "kf-056");
    assert_eq!(cell(line("kf-051"), "reprise_de"), "kf-029");
    assert_eq!(
        cell(line("rf-001"), "valeur"),
        "",
        "a rank has no value, not 0"
    );
    assert_eq!(cell(line("rf-001"), "rang"), "1");
    assert_eq!(cell(line("rf-016"), "valeur"), "4");
    assert_eq!(cell(line("rf-016"), "unite"), "nombre");
    assert_eq!(cell(line("kf-023"), "annee"), "");

    let r = app.get("/donnees-ouvertes/catalyseurs.csv").await;
    assert_eq!(r.status, 200);
    let body = r.text();
    let records = csv_records(&body);
    let cat_header = header_of(&records);
    assert_eq!(records.len() - 1, 72);
    let slugs: BTreeSet<&str> = records[1..].iter().map(|r| r[0].as_str()).collect();
    let expected: BTreeSet<String> = table(CATALYSEURS_CSV)
        .iter()
        .map(|r| cell(r, "id").to_owned())
        .collect();
    assert_eq!(
        slugs,
        expected.iter().map(String::as_str).collect::<BTreeSet<_>>()
    );

    for (schema, header) in [
        ("/donnees-ouvertes/chiffres-cles.schema.json", &header),
        ("/donnees-ouvertes/catalyseurs.schema.json", &cat_header),
    ] {
        let r = app.get(schema).await;
        assert_eq!(r.status, 200, "{schema}");
        let v = r.json();
        let names: Vec<&str> = v["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            header.iter().map(String::as_str).collect::<Vec<_>>(),
            "{schema}"
        );
        assert_eq!(v["primaryKey"], "id", "{schema}");
    }

    let page = get_ok(&app, "/donnees-ouvertes").await;
    for href in [
        "/donnees-ouvertes/chiffres-cles.csv",
        "/donnees-ouvertes/chiffres-cles.schema.json",
        "/donnees-ouvertes/catalyseurs.csv",
        "/donnees-ouvertes/catalyseurs.schema.json",
    ] {
        assert!(page.contains(&format!("href=\"{href}\"")), "{href}");
    }
    app.remove().await;
}

/// A count of zero reads « 0 … » (or « Aucun … »), never « 1 … ». The French plural rule
/// puts 0 in the `one` category: a message whose `[one]` branch writes a literal « 1 »
/// shows « 1 » for zero. Each case here is checked against the API's own number first.
async fn zero_counts_are_not_read_as_one(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let mut wrong = Vec::new();

    // No figure is about mayors in Occitanie.
    let api = app
        .get("/api/v1/chiffres-cles?population=maires&region=76")
        .await
        .json();
    assert_eq!(api["total"], 0);
    let text = text_of(&get_ok(&app, "/donnees?population=maires&region=76").await);
    assert!(text.contains("Aucun chiffre ne répond à ces filtres"));
    if text.contains("1 chiffre sur 121") || text.contains("· 1 mesure") {
        wrong.push("/donnees?population=maires&region=76 reads « 1 chiffre sur 121 · 1 mesure » for 0 figures".to_owned());
    }

    // No catalyseur of Nouvelle-Aquitaine is a CRESS.
    let api = app
        .get("/api/v1/catalyseurs?genre=cress&region=75")
        .await
        .json();
    assert_eq!(api["total"], 0);
    let html = get_ok(&app, "/catalyseurs?genre=cress&region=75").await;
    if text_of(&html).contains("1 catalyseur sur 72") {
        wrong.push(
            "/catalyseurs?genre=cress&region=75 reads « 1 catalyseur sur 72 » for 0".to_owned(),
        );
    }
    // The map of CRESS by région: Grand Est has none.
    let cress = app.get("/api/v1/catalyseurs?genre=cress").await.json();
    let grand_est = cress["facettes"]["region"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "44")
        .map_or(0, |x| x["nombre"].as_u64().unwrap());
    assert_eq!(grand_est, 0);
    let html = get_ok(&app, "/catalyseurs?genre=cress").await;
    if html.contains("aria-label=\"Grand Est : 1 catalyseur\"") {
        wrong.push(
            "/catalyseurs?genre=cress: the map labels Grand Est « 1 catalyseur » for 0".to_owned(),
        );
    }

    // Gironde: no alliance states an SDG (every count is editorial).
    let s = app
        .get("/api/v1/territoires/departements/33/synthese")
        .await
        .json();
    assert!(
        s["odd"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["declares"] == 0),
        "{}",
        s["odd"]
    );
    for path in [
        "/territoires/departements/33",
        "/reperes/territoires/departements/33",
    ] {
        let text = text_of(&get_ok(&app, path).await);
        if text.contains("1 déclarée") {
            wrong.push(format!(
                "{path}: the SDG grid reads « 1 déclarée » where the API says 0 (e.g. « ODD 8 … 3 alliances 1 déclarée · 3 éditoriales »)"
            ));
        }
    }
    assert!(wrong.is_empty(), "zero read as one:\n{}", wrong.join("\n"));
    app.remove().await;
}
