use axum::body::Body;
use axum::http::Request;

use alliances_testkit::{Backend, TestApp};

use crate::visible_text;

alliances_testkit::both_backends!(
    normandie_shows_its_five_departements,
    unknown_commune_is_a_french_404,
    codes_are_read_with_their_level,
    search_without_javascript_ranks_exact_names_first,
    htmx_search_returns_only_the_results,
    departement_epci_commune_and_com_pages,
    territories_index_has_map_and_table,
);

async fn normandie_shows_its_five_departements(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/territoires/regions/28").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    let text = visible_text(&html);
    assert!(text.contains("Normandie"));
    for (code, name) in [
        ("14", "Calvados"),
        ("27", "Eure"),
        ("50", "Manche"),
        ("61", "Orne"),
        ("76", "Seine-Maritime"),
    ] {
        assert!(
            html.contains(&format!("href=\"/territoires/departements/{code}\"")),
            "{name}"
        );
        assert!(text.contains(name), "{name}");
    }
    assert!(
        text.contains("3 345 842") || text.contains("3\u{202f}345\u{202f}842"),
        "population"
    );
    assert!(html.contains("<svg class=\"carte\""), "a map");
    assert!(
        html.contains("aria-label=\"Calvados"),
        "map links have names"
    );
    app.remove().await;
}

async fn unknown_commune_is_a_french_404(backend: &Backend) {
    let app = TestApp::new(backend).await;
    for path in [
        "/territoires/communes/99999",
        "/territoires/regions/99",
        "/territoires/epci/123456789",
        "/territoires/departements/20",
        "/territoires/collectivites-outre-mer/999",
        "/territoires/pays/fr",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, 404, "{path}");
        let text = visible_text(&r.text());
        assert!(
            text.contains("Page introuvable") && text.contains("Vérifiez le code"),
            "{path}: {text}"
        );
    }
    app.remove().await;
}

async fn codes_are_read_with_their_level(backend: &Backend) {
    let app = TestApp::new(backend).await;
    assert!(
        visible_text(&app.get("/territoires/regions/24").await.text())
            .contains("Centre-Val de Loire")
    );
    assert!(
        visible_text(&app.get("/territoires/departements/24").await.text()).contains("Dordogne")
    );
    app.remove().await;
}

async fn search_without_javascript_ranks_exact_names_first(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/territoires?q=saint+etienne").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    let first = html.find("<ol class=\"results\">").expect("results list");
    let first_link = &html[first..];
    assert!(
        first_link
            .find("href=\"/territoires/communes/42218\"")
            .unwrap()
            < first_link.find("</li>").unwrap(),
        "Saint-Étienne first"
    );
    let r = app.get("/territoires?q=marcq%20en%20baroeul").await;
    let html = r.text();
    let first = html.find("<ol class=\"results\">").expect("results list");
    assert!(html[first..].contains("Marcq-en-Barœul"));
    let none = visible_text(&app.get("/territoires?q=zzzzqqq").await.text());
    assert!(
        none.contains("Aucun territoire ne correspond à « zzzzqqq »"),
        "{none}"
    );
    let blank = visible_text(&app.get("/territoires?q=%21%21").await.text());
    assert!(blank.contains("Saisissez au moins une lettre ou un chiffre"));
    let many = app.get("/territoires?q=saint&page=2").await.text();
    assert!(
        many.contains("rel=\"prev\"") && many.contains("Page 2 sur"),
        "pagination"
    );
    app.remove().await;
}

async fn htmx_search_returns_only_the_results(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app
        .request(
            Request::get("/territoires?q=saint+etienne")
                .header("hx-request", "true")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(!html.contains("<html"), "a fragment");
    assert!(html.contains("Saint-Étienne"));
    assert_eq!(r.header("vary").as_deref(), Some("hx-request"));
    app.remove().await;
}

async fn departement_epci_commune_and_com_pages(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let dep = visible_text(&app.get("/territoires/departements/14").await.text());
    assert!(
        dep.contains("Calvados") && dep.contains("Normandie") && dep.contains("Caen"),
        "{dep}"
    );
    let mgp = visible_text(&app.get("/territoires/epci/200054781").await.text());
    assert!(
        mgp.contains("Métropole du Grand Paris")
            && mgp.contains("Paris")
            && mgp.contains("Seine-Saint-Denis")
    );
    let marcq = app.get("/territoires/communes/59378").await;
    assert_eq!(marcq.status, 200);
    let text = visible_text(&marcq.text());
    assert!(
        text.contains("Marcq-en-Barœul")
            && text.contains("Nord")
            && text.contains("Hauts-de-France"),
        "{text}"
    );
    assert!(text.contains("Métropole Européenne de Lille"), "its EPCI");
    let spm = visible_text(
        &app.get("/territoires/collectivites-outre-mer/975")
            .await
            .text(),
    );
    assert!(spm.contains("Saint-Pierre-et-Miquelon") && spm.contains("Miquelon-Langlade"));
    let mayotte = visible_text(&app.get("/territoires/regions/06").await.text());
    assert!(
        mayotte.contains("2017"),
        "Mayotte's population year is stated"
    );
    app.remove().await;
}

async fn territories_index_has_map_and_table(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let html = app.get("/territoires").await.text();
    assert_eq!(
        html.matches("<a href=\"/territoires/regions/").count(),
        18 * 2,
        "18 map links and 18 table links"
    );
    assert!(html.contains("<table class=\"data\">"));
    let text = visible_text(&html);
    for com in [
        "Saint-Pierre-et-Miquelon",
        "Polynésie française",
        "Nouvelle-Calédonie",
    ] {
        assert!(text.contains(com), "{com}");
    }
    for drom in [
        "Guadeloupe",
        "Martinique",
        "Guyane",
        "La Réunion",
        "Mayotte",
    ] {
        assert!(
            html.contains(&"class=\"encart-nom\" x=".to_string()) && text.contains(drom),
            "{drom}"
        );
    }
    app.remove().await;
}
