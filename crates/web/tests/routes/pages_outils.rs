//! The Outils pages: the list (search, facets, pages, htmx zone), the cartography (each
//! cell equal to the list it links to, both views, the visitor's highlight), a tool's page
//! (facts, sources with their date, « à actualiser », related alliances whose reason holds,
//! JSON-LD), the fiches repères that list tools and the home page. Expectations come from
//! the shipped data file or from the API.

use std::collections::BTreeSet;

use alliances_testkit::{Backend, TestApp, test_settings};
use alliances_web::Settings;
use alliances_web::clock::Clock;
use axum::body::Body;
use axum::http::Request;

use crate::api_donnees::{cell, list, table};
use crate::pages_donnees::{between, get_ok, links, text_of, unescape};

alliances_testkit::both_backends!(
    list_pages_search_and_facets_without_javascript,
    cartography_cells_are_the_totals_of_their_lists,
    tool_page_facts_sources_and_related_alliances,
    fiches_reperes_and_home_list_the_tools
);

const OUTILS_CSV: &str = include_str!("../../../../data/outils/outils.csv");

/// The tools a list page shows (their slugs).
fn listed(html: &str) -> Vec<String> {
    if !html.contains("<ol class=\"alliance-list outil-list\"") {
        return Vec::new();
    }
    let list_html = between(html, "<ol class=\"alliance-list outil-list\"", "</ol>");
    links(list_html, "/outils/")
        .into_iter()
        .map(|(slug, _)| slug)
        .collect()
}

async fn api_total(app: &TestApp, query: &str) -> u64 {
    let r = app.get(&format!("/api/v1/outils?{query}")).await;
    assert_eq!(r.status, 200, "{query}");
    r.json()["total"].as_u64().unwrap()
}

async fn list_pages_search_and_facets_without_javascript(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let rows = table(OUTILS_CSV);
    let html = get_ok(&app, "/outils").await;
    assert!(text_of(&html).contains("82 outils"));
    // Every tool, twenty a page, through the « suivante » links.
    let mut seen: Vec<String> = Vec::new();
    let mut path = "/outils".to_owned();
    for _ in 0..10 {
        let html = get_ok(&app, &path).await;
        let page = listed(&html);
        assert!(page.len() <= 20, "{path}");
        seen.extend(page);
        let Some(i) = html.find("rel=\"next\" href=\"") else {
            break;
        };
        let rest = &html[i + "rel=\"next\" href=\"".len()..];
        path = unescape(&rest[..rest.find('"').unwrap()]);
    }
    let all: BTreeSet<String> = rows.iter().map(|r| cell(r, "id").to_owned()).collect();
    assert_eq!(seen.len(), 82, "each tool once");
    assert_eq!(seen.iter().cloned().collect::<BTreeSet<_>>(), all);

    // « cooperation » without its accent: the same tools as the API, each saying
    // « coopération » somewhere.
    let html = get_ok(&app, "/outils?q=cooperation&par_page=100").await;
    let found = listed(&html);
    let total = api_total(&app, "q=cooperation").await;
    assert!(total >= 2, "{total}");
    assert_eq!(found.len() as u64, total);
    assert!(text_of(&html).contains(&format!("{total} outils sur 82")));
    for slug in &found {
        let row = rows.iter().find(|r| cell(r, "id") == slug).unwrap();
        let text = format!(
            "{} {} {}",
            cell(row, "name"),
            cell(row, "publisher"),
            cell(row, "description")
        )
        .to_lowercase();
        assert!(text.contains("coopér") || text.contains("cooper"), "{slug}");
    }

    // A publisher facet: a tool published with others counts under each.
    let html = get_ok(&app, "/outils?editeur=le-rameau").await;
    let total = api_total(&app, "editeur=le-rameau").await;
    let expected = rows
        .iter()
        .filter(|r| cell(r, "publisher").contains("Le RAMEAU"))
        .count() as u64;
    assert_eq!(total, expected);
    assert!(text_of(&html).contains(&format!("{total} outils sur 82")));
    assert!(text_of(&html).contains("Éditeur : Le RAMEAU"), "its chip");

    // Two filters: the chip of each removes it alone.
    let html = get_ok(&app, "/outils?phase=construire&public=fondation").await;
    let total = api_total(&app, "phase=construire&public=fondation").await;
    assert_eq!(listed(&html).len() as u64, total.min(20));
    assert!(html.contains("href=\"/outils?public=fondation\""));
    assert!(html.contains("href=\"/outils?phase=construire\""));
    // The page drops a value it cannot read (the API refuses it).
    let html = get_ok(&app, "/outils?phase=rever").await;
    assert!(text_of(&html).contains("82 outils"));
    assert_eq!(app.get("/api/v1/outils?phase=rever").await.status, 422);

    // htmx asks for the zone only.
    let r = app
        .request(
            Request::get("/outils?q=guide")
                .header("hx-request", "true")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 200);
    let zone = r.text();
    assert!(
        zone.trim_start().starts_with("<div id=\"zone\""),
        "{zone:.80}"
    );
    assert!(!zone.contains("<html"));
    app.remove().await;
}

/// The cells of a cartography page: (the list it links to, the number shown).
fn cells(html: &str) -> Vec<(String, u64)> {
    let body = between(html, "<tbody>", "</tbody>");
    let mut out = Vec::new();
    for td in body.split("<td ").skip(1) {
        let td = &td[..td.find("</td>").unwrap()];
        let number: u64 = text_of(&format!("<x {td}"))
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{td}"));
        let href = td
            .find("href=\"")
            .map(|i| unescape(&td[i + 6..i + 6 + td[i + 6..].find('"').unwrap()]));
        match href {
            Some(h) => out.push((h, number)),
            // No link for an empty cell.
            None => assert_eq!(number, 0, "{td}"),
        }
    }
    out
}

async fn cartography_cells_are_the_totals_of_their_lists(backend: &Backend) {
    let app = TestApp::new(backend).await;
    for (path, columns, per_row) in [
        ("/outils/cartographie", "public=", 12),
        ("/outils/cartographie?vue=maturite", "maturite=", 4),
    ] {
        let html = get_ok(&app, path).await;
        let cells = cells(&html);
        assert!(
            cells.len() >= 8 * per_row - 8,
            "{path}: {} cells",
            cells.len()
        );
        for (href, number) in &cells {
            let query = href.strip_prefix("/outils?").expect("a list link");
            assert!(
                query.starts_with("phase=") && query.contains(columns),
                "{href}"
            );
            assert_eq!(api_total(&app, query).await, *number, "{path}: {href}");
        }
        // The table reads as one: a caption, column and row headers.
        assert!(html.contains("<caption>"));
        assert_eq!(html.matches("<th scope=\"row\">").count(), 8, "{path}");
    }
    // A tool for everyone counts under each audience: « tous » alone fills a column no
    // tool names (médias).
    let for_all = api_total(&app, "public=media").await;
    let tools = table(OUTILS_CSV);
    let everyone = tools
        .iter()
        .filter(|r| list(cell(r, "audiences")).contains(&"tous"))
        .count() as u64;
    assert_eq!(for_all, everyone);

    // From a diagnostic: the visitor's row and column stand out, and the switch between
    // views keeps them.
    let html = get_ok(
        &app,
        "/outils/cartographie?phase=construire&public=collectivite&maturite=experimenter",
    )
    .await;
    assert_eq!(html.matches("<tr class=\"mine\">").count(), 1);
    let mine = between(&html, "<tr class=\"mine\">", "</tr>");
    assert!(text_of(mine).contains("Construire"));
    let head = between(&html, "<thead>", "</thead>");
    assert_eq!(head.matches("mine").count(), 1);
    assert!(text_of(between(head, " mine\"", "</th>")).contains("Collectivités"));
    assert!(html.contains(
        "href=\"/outils/cartographie?phase=construire&#38;public=collectivite&#38;maturite=experimenter&#38;vue=maturite\""
    ));
    assert!(html.contains(
        "href=\"/outils?phase=construire&#38;public=collectivite&#38;maturite=experimenter\""
    ));
    // Without a highlight there is none.
    let html = get_ok(&app, "/outils/cartographie").await;
    assert!(!html.contains("mine"));
    app.remove().await;
}

async fn tool_page_facts_sources_and_related_alliances(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let rows = table(OUTILS_CSV);
    let slug = "rameau-evaluation-partenariale-en-pratique";
    let row = rows.iter().find(|r| cell(r, "id") == slug).unwrap();
    let html = get_ok(&app, &format!("/outils/{slug}")).await;
    let text = text_of(&html);
    for expected in [
        "Le RAMEAU",
        "2019",
        "Référentiel",
        "Évaluer, Piloter",
        "Tous les acteurs",
        "Tous les niveaux (aucun niveau indiqué)",
        "Français",
        "Gratuit",
        "Accéder à l'outil",
    ] {
        assert!(text.contains(expected), "« {expected} »");
    }
    let sources = list(cell(row, "source_urls"));
    for s in &sources {
        assert!(
            text.contains(&format!("{s} · consultée le 26 novembre 2026")),
            "{s}"
        );
    }
    assert!(!text.contains("À actualiser"), "read this year");
    // JSON-LD: a CreativeWork with its publisher.
    let ld = between(&html, "<script type=\"application/ld+json\">", "</script>");
    let ld: serde_json::Value =
        serde_json::from_str(&ld["<script type=\"application/ld+json\">".len()..]).unwrap();
    assert_eq!(ld["@type"], "CreativeWork");
    assert_eq!(ld["name"], cell(row, "name"));
    assert_eq!(ld["publisher"][0]["name"], "Le RAMEAU");
    // Related alliances: each reason holds in the alliance's record.
    let related = between(&html, "id=\"alliances-liees\"", "</section>");
    let alliances = links(related, "/exemples/");
    assert!(!alliances.is_empty());
    for (alliance, _) in &alliances {
        let a = app
            .get(&format!("/api/v1/alliances/{alliance}"))
            .await
            .json();
        let partners: Vec<String> = a["partenaires"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["nom"].as_str().unwrap().to_owned())
            .collect();
        let cited = format!("{} {}", a["resume"], a["description"]).contains(cell(row, "name"));
        assert!(
            cited || partners.iter().any(|p| p.contains("Le RAMEAU")),
            "{alliance}: {partners:?}"
        );
    }
    assert!(
        text_of(related)
            .contains("Le RAMEAU, qui publie cet outil, est partenaire de cette alliance.")
    );

    // A tool whose only page is a news article: no official page shown, the article is a
    // source.
    let html = get_ok(&app, "/outils/observatoire-des-territoires").await;
    let text = text_of(&html);
    assert!(text.contains("Aucune page officielle trouvée"));
    assert!(!text.contains("Accéder à l'outil"));
    assert!(html.contains("href=\"https://veillecarto2-0.fr/"));
    assert_eq!(app.get("/outils/inconnu").await.status, 404);
    app.remove().await;

    // Two years later, the page asks to be updated.
    let settings = Settings {
        // 2029-01-01
        clock: Clock::Fixed(1_861_920_000),
        ..test_settings()
    };
    let app = TestApp::with_settings(backend, settings).await;
    let text = text_of(&get_ok(&app, &format!("/outils/{slug}")).await);
    assert!(text.contains("À actualiser : informations vérifiées il y a plus de deux ans"));
    app.remove().await;
}

async fn fiches_reperes_and_home_list_the_tools(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let rows = table(OUTILS_CSV);
    // The fiche of an actor type lists the tools naming it, and counts those for everyone.
    let html = get_ok(&app, "/reperes/acteurs/fondation").await;
    let section = between(&html, "id=\"outils\"", "</section>");
    let named: BTreeSet<String> = rows
        .iter()
        .filter(|r| list(cell(r, "audiences")).contains(&"fondation"))
        .map(|r| cell(r, "id").to_owned())
        .collect();
    assert_eq!(named.len(), 5);
    let shown: BTreeSet<String> = links(section, "/outils/")
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    assert_eq!(shown, named);
    let everyone = rows
        .iter()
        .filter(|r| list(cell(r, "audiences")).contains(&"tous"))
        .count();
    assert!(text_of(section).contains(&format!(
        "S'y ajoutent {everyone} outils destinés à tous les acteurs."
    )));
    assert!(section.contains("href=\"/outils?public=fondation\""));
    // The home page marks Outils available, and the sitemap lists every tool.
    let home = get_ok(&app, "/").await;
    let card = between(&home, "<h3><a href=\"/outils\">", "</li>");
    assert!(text_of(card).contains("Disponible"), "{card}");
    let sitemap = app.get("/sitemap.xml").await.text();
    for r in &rows {
        assert!(sitemap.contains(&format!("/outils/{}</loc>", cell(r, "id"))));
    }
    assert!(sitemap.contains("/outils/cartographie</loc>"));
    app.remove().await;
}
