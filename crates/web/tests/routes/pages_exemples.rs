use axum::body::Body;
use axum::http::Request;

use alliances_testkit::{Backend, TestApp};

use crate::visible_text;

alliances_testkit::both_backends!(
    search_page_filters_with_a_plain_get_form,
    htmx_returns_the_zone_only,
    map_view_has_a_table_alternative,
    record_page_shows_partners_sources_and_editorial_marks,
    territory_and_target_pages_list_their_alliances,
    open_data_dumps_feed_and_sitemap,
);

async fn search_page_filters_with_a_plain_get_form(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let html = app.get("/exemples").await.text();
    let text = visible_text(&html);
    assert!(text.contains("Exemples d'alliances"));
    assert!(html.contains(
        "<form id=\"recherche-exemples\" role=\"search\" action=\"/exemples\" method=\"get\""
    ));
    assert!(html.contains("name=\"type_acteur\" value=\"association\""));
    let seeded = alliances_store::seed::seed_len();
    assert_eq!(seeded, 477);
    assert!(text.contains(&format!("{seeded} alliances")), "{text}");
    // Without JavaScript: the form's GET gives the filtered page, with the filter shown
    // checked and removable.
    let r = app.get("/exemples?q=eolien&region=53").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    let text = visible_text(&html);
    assert!(text.contains("Régions : Bretagne"), "active filter chip");
    assert!(html.contains("id=\"f-region-53\" name=\"region\" value=\"53\" checked"));
    assert!(
        text.contains("Bégawatts") || text.contains("Mené"),
        "{text}"
    );
    assert!(html.contains("<mark>"), "highlighted snippet");
    // The next page keeps the page size.
    let paged = app.get("/exemples?par_page=5").await.text();
    assert!(
        paged.contains("href=\"/exemples?par_page=5&#38;page=2\""),
        "next link"
    );
    // Unknown values are dropped rather than failing the page.
    let r = app.get("/exemples?region=99&tri=hasard").await;
    assert_eq!(r.status, 200);
    // English.
    let en = visible_text(&app.get("/en/exemples").await.text());
    assert!(en.contains("Alliance examples"));
    app.remove().await;
}

async fn htmx_returns_the_zone_only(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app
        .request(
            Request::get("/exemples?q=energie")
                .header("hx-request", "true")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(!html.contains("<html"));
    assert!(html.starts_with("<div id=\"zone\""));
    assert_eq!(r.header("vary").as_deref(), Some("hx-request"));
    app.remove().await;
}

async fn map_view_has_a_table_alternative(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let html = app
        .get("/exemples?vue=carte&domaine=environnemental")
        .await
        .text();
    assert!(html.contains("<svg class=\"carte\""));
    assert!(html.contains("class=\"classe-5\""), "choropleth classes");
    let text = visible_text(&html);
    assert!(text.contains("Alliances par région"));
    // Map and table link back to the filtered list, keeping the other filters.
    assert!(html.contains("href=\"/exemples?domaine=environnemental&amp;region=53\""));
    // One scale at a time; the département scale is one link away.
    assert!(html.contains("id=\"carte-exemples-regions-titre\""));
    assert!(!html.contains("id=\"carte-exemples-departements-titre\""));
    assert!(html.contains(
        "href=\"/exemples?domaine=environnemental&#38;vue=carte&#38;echelle=departements\""
    ));
    let deps = app
        .get("/exemples?vue=carte&echelle=departements&domaine=environnemental")
        .await
        .text();
    assert!(deps.contains("id=\"carte-exemples-departements-titre\""));
    assert!(deps.contains("href=\"/exemples?domaine=environnemental&amp;departement="));
    app.remove().await;
}

async fn record_page_shows_partners_sources_and_editorial_marks(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/exemples/ptce-vivre-les-mureaux").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    let text = visible_text(&html);
    assert!(text.contains("Les 15 partenaires"));
    assert!(text.contains("La Gerbe Association incubateur"));
    assert!(html.contains("href=\"/territoires/communes/78440\""));
    assert!(text.contains("consultée le 2026-11-26"));
    assert!(text.contains("17.17 éditorial"));
    assert!(text.contains("Les sources ne citent aucun ODD"));
    assert!(html.contains("class=\"sdg-swatch sdg-8\""));
    assert!(
        html.contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\"")
    );
    assert!(text.contains("Alliances proches"));
    assert!(text.contains("Points communs"));
    // A mode the source states carries no editorial mark; one we classified does.
    let stated = visible_text(
        &app.get("/exemples/bordeaux-mecenes-solidaires-bms")
            .await
            .text(),
    );
    assert!(
        stated.contains("Mécénat") && !stated.contains("Mécénat éditorial"),
        "{stated}"
    );
    let editorial = visible_text(
        &app.get("/exemples/reagir-chaufferie-bois-collective-lunas")
            .await
            .text(),
    );
    assert!(editorial.contains("Co-construction territoriale éditorial"));
    assert_eq!(app.get("/exemples/nexiste-pas").await.status, 404);
    app.remove().await;
}

async fn territory_and_target_pages_list_their_alliances(backend: &Backend) {
    let app = TestApp::new(backend).await;
    // A région lists alliances of its communes and intercommunalités.
    let text = visible_text(&app.get("/territoires/regions/53").await.text());
    assert!(text.contains("Les alliances recensées dans ce territoire"));
    // Bégawatts is placed by its commune (Béganne, Morbihan); the list is alphabetical.
    assert!(text.contains("Bégawatts"), "{text}");
    let commune = visible_text(&app.get("/territoires/communes/78440").await.text());
    assert!(commune.contains("PTCE Vivre Les Mureaux"));
    let dep = app.get("/territoires/departements/78").await.text();
    assert!(dep.contains("href=\"/exemples/ptce-vivre-les-mureaux\""));
    let target = visible_text(&app.get("/odd/cibles/17.17").await.text());
    assert!(target.contains("Alliances rattachées à la cible 17.17"));
    // Every alliance is tagged 17.17.
    assert!(target.contains(&format!(
        "Voir les {} alliances dans la recherche",
        alliances_store::seed::seed_len()
    )));
    app.remove().await;
}

async fn open_data_dumps_feed_and_sitemap(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let csv = app.get("/donnees-ouvertes/alliances.csv").await;
    assert_eq!(csv.status, 200);
    let body = csv.text();
    assert!(body.starts_with("\u{feff}id,name,partners,"));
    assert!(body.contains("ptce-vivre-les-mureaux,PTCE Vivre Les Mureaux"));
    let schema = app
        .get("/donnees-ouvertes/alliances.schema.json")
        .await
        .json();
    assert_eq!(schema["primaryKey"], "id");
    assert_eq!(schema["fields"][0]["name"], "id");
    let geo = app.get("/donnees-ouvertes/alliances.geojson").await.json();
    let mureaux = geo["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["slug"] == "ptce-vivre-les-mureaux")
        .unwrap();
    assert_eq!(mureaux["geometry"]["type"], "MultiPoint");
    assert_eq!(
        mureaux["properties"]["territoires"][0]["centroide_de"],
        "departement"
    );
    let json = app.get("/donnees-ouvertes/alliances.json").await.json();
    assert_eq!(json["total"], alliances_store::seed::seed_len());
    assert!(
        json["licence"]
            .as_str()
            .unwrap()
            .contains("Licence Ouverte")
    );
    let ld = app.get("/donnees-ouvertes/alliances.jsonld").await.json();
    assert_eq!(ld["@type"], "Dataset");
    assert_eq!(app.get("/donnees-ouvertes/autre.csv").await.status, 404);
    let page = visible_text(&app.get("/donnees-ouvertes").await.text());
    assert!(page.contains("alliances.schema.json") && page.contains("sdgs_stated"));
    let feed = app.get("/exemples/flux.atom").await;
    assert_eq!(
        feed.header("content-type").as_deref(),
        Some("application/atom+xml; charset=utf-8")
    );
    let feed = feed.text();
    assert_eq!(feed.matches("<entry>").count(), 30);
    let sitemap = app.get("/sitemap.xml").await.text();
    assert!(sitemap.contains("<loc>/exemples/ptce-vivre-les-mureaux</loc>"));
    assert!(sitemap.contains("<loc>/competences/parcours/essentiel</loc>"));
    assert!(sitemap.contains("<loc>/competences/modules/modes-relationnels</loc>"));
    assert!(
        !sitemap.contains("/competences/suivis/"),
        "no personal link"
    );
    assert!(sitemap.matches("<url>").count() > alliances_store::seed::seed_len() + 17);
    app.remove().await;
}
