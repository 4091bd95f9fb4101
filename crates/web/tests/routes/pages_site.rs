use alliances_testkit::{Backend, TestApp};

use crate::visible_text;

alliances_testkit::both_backends!(
    home_carries_the_argumentaire_and_honest_module_status,
    footer_pages_exist_in_both_languages,
    no_message_id_leaks_into_pages
);

async fn home_carries_the_argumentaire_and_honest_module_status(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let r = app.get("/").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    let text = visible_text(&html);
    for expected in [
        "Pourquoi faire alliance",
        "Performance",
        "Innovation",
        "Confiance",
        "Des domaines",
        "Des territoires",
        "Des acteurs",
    ] {
        assert!(text.contains(expected), "{expected}");
    }
    // Every module is built: the home page marks none « Bientôt », each is « Disponible ».
    assert!(!text.contains("Bientôt"), "{text}");
    assert_eq!(html.matches("badge badge-ok\">Disponible").count(), 5 + 2);
    // Compétences is built: its page offers the variants.
    assert!(html.contains("href=\"/competences\""));
    let competences = visible_text(&app.get("/competences").await.text());
    assert!(!competences.contains("Bientôt") && competences.contains("Trois durées au choix"));
    // Données is built: its page is the observatory.
    let donnees = visible_text(&app.get("/donnees").await.text());
    assert!(!donnees.contains("Bientôt") && donnees.contains("Les chiffres clés"));
    // Exemples is built: the home page says so and the page is the search.
    assert!(html.contains("href=\"/exemples\""));
    assert!(text.contains("Disponible"));
    let exemples = visible_text(&app.get("/exemples").await.text());
    assert!(!exemples.contains("Bientôt") && exemples.contains("Rechercher une alliance"));
    // So is Méthodes: its page starts the questionnaire.
    let methodes = app.get("/methodes").await.text();
    assert!(html.contains("href=\"/methodes\""));
    assert!(
        methodes.contains("action=\"/methodes/diagnostics\" method=\"post\"")
            || methodes.contains("method=\"post\" action=\"/methodes/diagnostics\"")
    );
    assert!(!visible_text(&methodes).contains("Bientôt"));
    assert!(html.contains("class=\"skip-link\" href=\"#contenu\""));
    assert!(html.contains("id=\"contenu\""));
    for nav in [
        "Méthodes",
        "Exemples",
        "Données",
        "Outils",
        "Compétences",
        "Territoires",
        "ODD",
    ] {
        assert!(text.contains(nav), "nav {nav}");
    }
    app.remove().await;
}

async fn footer_pages_exist_in_both_languages(backend: &Backend) {
    let app = TestApp::new(backend).await;
    for (path, fr, en) in [
        (
            "/accessibilite",
            "Déclaration d'accessibilité",
            "Accessibility statement",
        ),
        ("/confidentialite", "Confidentialité", "Privacy"),
        ("/mentions-legales", "Mentions légales", "Legal notice"),
        (
            "/sources-et-licences",
            "Sources et licences",
            "Sources and licences",
        ),
        ("/donnees-ouvertes", "Données ouvertes", "Open data"),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(visible_text(&r.text()).contains(fr), "{path}");
        let r = app.get(&format!("/en{path}")).await;
        assert_eq!(r.status, 200, "/en{path}");
        assert!(visible_text(&r.text()).contains(en), "/en{path}");
    }
    let sources = visible_text(&app.get("/sources-et-licences").await.text());
    for licence in [
        "Licence Ouverte 2.0",
        "licence MIT",
        "AGPL-3.0-or-later",
        "ADMIN EXPRESS",
    ] {
        assert!(sources.contains(licence), "{licence}");
    }
    let lo = app.get("/sources-et-licences/licence-ouverte-2.0.md").await;
    assert_eq!(lo.status, 200);
    assert!(lo.text().contains("LICENCE OUVERTE"));
    let mentions = visible_text(&app.get("/mentions-legales").await.text());
    assert!(
        mentions.contains("legal_publisher"),
        "unset operator fields say which key to set"
    );
    app.remove().await;
}

/// A message missing from the catalogues would show as its id (`terr-…`).
async fn no_message_id_leaks_into_pages(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let prefixes = [
        "accueil-",
        "terr-",
        "odd-",
        "module-",
        "erreur-",
        "taxo-",
        "mentions-",
        "pied-",
        "nav-",
        "sources-",
        "pagination-",
        "api-docs-",
        "donnees-ouvertes-",
        "langue-",
        "site-",
    ];
    for lang in ["", "/en"] {
        for path in [
            "/",
            "/odd",
            "/odd/17",
            "/odd/cibles/17.17",
            "/territoires",
            "/territoires?q=saint",
            "/territoires/regions/28",
            "/territoires/departements/93",
            "/territoires/epci/200057867",
            "/territoires/communes/97501",
            "/territoires/communes/75056",
            "/territoires/collectivites-outre-mer/984",
            "/methodes",
            "/accessibilite",
            "/confidentialite",
            "/mentions-legales",
            "/sources-et-licences",
            "/donnees-ouvertes",
            "/api/docs",
            "/nulle-part",
        ] {
            let text = visible_text(&app.get(&format!("{lang}{path}")).await.text());
            // Words made of lower-case letters, digits and hyphens: a leaked id is one of them.
            for word in
                text.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            {
                assert!(
                    !prefixes
                        .iter()
                        .any(|p| word.starts_with(p) && word.len() > p.len()),
                    "{lang}{path}: message id « {word} » shown instead of its text"
                );
            }
        }
    }
    app.remove().await;
}
