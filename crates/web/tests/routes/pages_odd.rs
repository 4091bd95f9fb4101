use alliances_testkit::{Backend, TestApp};

use crate::visible_text;

alliances_testkit::both_backends!(
    sdg17_lists_its_19_targets_in_french_groups,
    goal_pages_exist_in_both_languages,
    target_page_lists_indicators,
    unknown_goals_and_targets_are_french_404
);

async fn sdg17_lists_its_19_targets_in_french_groups(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/odd/17").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    let mut last = 0;
    for n in 1..=19 {
        let code = format!(">17.{n}<");
        let at = html.find(&code).unwrap_or_else(|| panic!("17.{n} missing"));
        assert!(at > last, "17.{n} out of order");
        last = at;
    }
    let text = visible_text(&html);
    for group in [
        "Finance",
        "Technologie",
        "Renforcement des capacités",
        "Commerce",
        "Questions structurelles",
    ] {
        assert!(text.contains(group), "group {group} missing");
    }
    assert!(text.contains("Partenariats pour la réalisation des objectifs"));
    assert!(text.contains("Renforcer les moyens de mettre en œuvre le Partenariat mondial"));
    assert!(html.contains("<html lang=\"fr\">"));
    app.remove().await;
}

async fn goal_pages_exist_in_both_languages(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let index = app.get("/odd").await;
    assert_eq!(index.status, 200);
    for n in 1..=17 {
        assert!(
            index.text().contains(&format!("href=\"/odd/{n}\"")),
            "link to goal {n}"
        );
    }
    let en = app.get("/en/odd/17").await;
    assert_eq!(en.status, 200);
    let text = visible_text(&en.text());
    assert!(en.text().contains("<html lang=\"en\">"));
    assert!(
        text.contains("Partnerships for the goals") && text.contains("Systemic issues"),
        "{text}"
    );
    assert!(
        en.text().contains("href=\"/en/odd/cibles/17.17\""),
        "English links stay in English"
    );
    assert!(
        en.text().contains("hreflang=\"fr\" href=\"/odd/17\"")
            || en.text().contains("href=\"/odd/17\" hreflang=\"fr\"")
    );
    app.remove().await;
}

async fn target_page_lists_indicators(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/odd/cibles/17.17").await;
    assert_eq!(r.status, 200);
    let text = visible_text(&r.text());
    assert!(text.contains("Cible 17.17"));
    assert!(text.contains("17.17.1"));
    let retired = visible_text(&app.get("/odd/cibles/17.6").await.text());
    assert!(
        retired.contains("17.6.2") && retired.contains("retiré lors de la revue de 2020"),
        "{retired}"
    );
    app.remove().await;
}

async fn unknown_goals_and_targets_are_french_404(backend: &Backend) {
    let app = TestApp::new(backend).await;
    for path in [
        "/odd/18",
        "/odd/0",
        "/odd/017",
        "/odd/abc",
        "/odd/cibles/17.20",
        "/odd/cibles/x",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(r.text().contains("Page introuvable"), "{path}");
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
    }
    let en = app.get("/en/odd/99").await;
    assert_eq!(en.status, 404);
    assert!(en.text().contains("Page not found"));
    app.remove().await;
}
