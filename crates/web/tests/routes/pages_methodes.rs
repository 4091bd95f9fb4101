use alliances_domain::diagnostic::Answer;
use alliances_testkit::{Backend, TestApp};

use crate::methodes_kit::{Maturity, answers, post_form, start, step_body, walk};
use crate::visible_text;

alliances_testkit::both_backends!(
    a_draft_lives_behind_an_unguessable_private_link,
    the_form_walks_to_a_report_with_a_personal_path,
    tampered_values_change_nothing,
    a_territory_name_is_resolved_or_disambiguated,
    whoever_holds_the_link_can_delete,
    a_collective_shows_levels_and_gaps_but_keeps_answers_private,
);

async fn stored_answers(app: &TestApp, base: &str) -> (String, i64, Option<String>) {
    let secret = base.rsplit('/').next().unwrap();
    let key = alliances_web::features::methodes::key_of(secret);
    let d = alliances_store::diagnostics::get(&app.state.db, &key)
        .await
        .unwrap()
        .unwrap();
    (d.reponses, d.etape, d.rapport)
}

async fn a_draft_lives_behind_an_unguessable_private_link(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let landing = app.get("/methodes").await;
    assert_eq!(landing.status, 200);
    let text = visible_text(&landing.text());
    assert!(text.contains("Commencer le questionnaire"), "{text}");
    let def = crate::methodes_kit::definition();
    let first = &def.etapes[0].titre.fr;
    let last = &def.etapes[def.etapes.len() - 1].titre.fr;
    assert!(
        text.contains(first.as_str()) && text.contains(last.as_str()),
        "{text}"
    );
    // It announces the most questions one respondent sees, not the file's total.
    let shown: usize = text
        .split(" questions au plus")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a question count");
    let company = crate::methodes_kit::answers("entreprise", Maturity::Least, "32013", &[]);
    assert!(shown < def.questions().count(), "{shown}");
    assert!(
        shown >= company.len(),
        "{shown} < {} answers of a company",
        company.len()
    );
    let base = start(&app).await;
    let secret = base.rsplit('/').next().unwrap();
    assert_eq!(secret.len(), 40, "160 bits in hex");
    assert!(secret.bytes().all(|b| b.is_ascii_hexdigit()));
    // Two drafts never share a link.
    assert_ne!(start(&app).await, base);
    let page = app.get(&format!("{base}/etapes/1")).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("x-robots-tag").as_deref(),
        Some("noindex, nofollow")
    );
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));
    assert_eq!(
        page.header("referrer-policy").as_deref(),
        Some("no-referrer")
    );
    let html = page.text();
    assert!(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    assert!(
        html.contains(secret),
        "the page shows the personal link to keep"
    );
    // The database keeps only the hash of the secret.
    let rows: Vec<String> = match &app.state.db {
        alliances_store::Db::Sqlite(s) => sqlx::query_scalar("SELECT cle FROM diagnostics")
            .fetch_all(&s.read)
            .await
            .unwrap(),
        alliances_store::Db::Pg(p) => sqlx::query_scalar("SELECT cle FROM diagnostics")
            .fetch_all(p)
            .await
            .unwrap(),
    };
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|k| k.len() == 64 && k != secret));
    // The landing page's resume form finds it from the pasted link.
    let r = app
        .get(&format!(
            "/methodes/reprendre?lien=http%3A%2F%2Fexemple.org{}",
            base.replace('/', "%2F")
        ))
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location").as_deref(), Some(base.as_str()));
    let r = app.get("/methodes/reprendre?lien=pas+un+lien").await;
    assert_eq!(r.status, 422);
    assert!(visible_text(&r.text()).contains("ne contient pas de lien de diagnostic"));
    app.remove().await;
}

async fn the_form_walks_to_a_report_with_a_personal_path(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let base = start(&app).await;
    let a = answers(
        "collectivite",
        Maturity::Least,
        "32013",
        &[(
            "attentes",
            Answer::One("Réunir les associations du bourg.".into()),
        )],
    );
    let last = walk(&app, &base, &a).await;
    assert_eq!(last.header("location").as_deref(), Some(base.as_str()));
    let (_, _, report) = stored_answers(&app, &base).await;
    assert!(report.is_some(), "the report is stored");
    let page = app.get(&base).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    let text = visible_text(&html);
    assert!(text.contains("Votre diagnostic de maturité partenariale"));
    assert!(
        text.contains("Collectivité territoriale · Commune"),
        "profile card: {text}"
    );
    assert!(html.contains("<svg class=\"radar\""), "radar");
    assert!(
        text.matches("1 · Découvrir").count() >= 7,
        "every dimension at level 1: {text}"
    );
    assert!(text.contains("Prochaine étape"));
    // 3 to 5 alliances, each with its reason, then the territory pages.
    let alliances = html.matches("<li><a href=\"/exemples/").count();
    assert!((3..=5).contains(&alliances), "{alliances} alliances");
    assert!(text.contains("Points communs avec votre profil"));
    assert!(html.contains("href=\"/territoires/communes/32013\""));
    assert!(html.contains("href=\"/territoires/departements/32\""));
    // One path into the five modules, each group with its items and their reasons.
    for group in ["methodes", "exemples", "donnees", "outils", "competences"] {
        assert!(
            html.contains(&format!("class=\"path-step medoc-{group}\"")),
            "{group}"
        );
    }
    assert!(text.contains("Parcours établi le"), "{text}");
    // Modules of the learning path for the weakest dimensions, each with its reason.
    assert!(html.contains("href=\"/competences/modules/"));
    assert!(text.contains("où votre diagnostic vous situe au niveau 1 sur 4"));
    // Tools for the phase the respondent's alliance is at, a fiche repère, a key figure.
    assert!(
        text.contains("celle où en est votre alliance principale"),
        "{text}"
    );
    assert!(html.contains("href=\"/reperes/acteurs/collectivite\""));
    assert!(html.contains("href=\"/donnees/chiffres/"));
    assert!(text.contains("Le bon niveau à viser dépend de votre type d'acteur"));
    assert!(!text.contains("Bientôt"));
    assert!(
        text.contains("Réunir les associations du bourg."),
        "own free text shown to the link holder"
    );
    // The JSON export has the report and the answers.
    let json = app.get(&format!("{base}/rapport.json")).await;
    assert_eq!(json.status, 200);
    assert!(
        json.header("content-disposition")
            .unwrap()
            .contains("attachment")
    );
    let body = json.json();
    assert_eq!(body["rapport"]["maturite"]["globale"], 1);
    assert_eq!(body["reponses"]["type_acteur"], "collectivite");
    // Changing the answers does not change the report until the questionnaire is complete
    // again; the page says an edit is in progress.
    let company = answers("entreprise", Maturity::Most, "32013", &[]);
    let r = post_form(&app, &format!("{base}/etapes/1"), &step_body(0, &company)).await;
    assert_eq!(r.status, 303);
    let text = visible_text(&app.get(&base).await.text());
    assert!(
        text.contains("Collectivité territoriale · Commune"),
        "{text}"
    );
    assert!(
        text.contains("Vous avez commencé à modifier vos réponses"),
        "{text}"
    );
    walk(&app, &base, &company).await;
    let text = visible_text(&app.get(&base).await.text());
    assert!(text.contains("4 · Catalyser") && !text.contains("Vous avez commencé à modifier"));
    // In English too.
    let en = visible_text(&app.get(&format!("/en{base}")).await.text());
    assert!(
        en.contains("Your partnership maturity diagnostic")
            && en.contains("In common with your profile"),
        "{en}"
    );
    app.remove().await;
}

async fn tampered_values_change_nothing(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let base = start(&app).await;
    let a = answers("collectivite", Maturity::Most, "32013", &[]);
    let good = step_body(0, &a);
    let before = stored_answers(&app, &base).await;

    // An option that does not exist.
    let r = post_form(
        &app,
        &format!("{base}/etapes/1"),
        &good.replace("type_acteur=collectivite", "type_acteur=martien"),
    )
    .await;
    assert_eq!(r.status, 422);
    let text = visible_text(&r.text());
    assert!(
        text.contains("« martien » n'est pas une option de cette question"),
        "{text}"
    );
    assert!(text.contains("Certaines réponses sont à corriger"));
    // A skipped required question.
    let r = post_form(
        &app,
        &format!("{base}/etapes/1"),
        &good.replace("type_acteur=collectivite&", ""),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(visible_text(&r.text()).contains("Réponse obligatoire"));
    // A field that is not on this step.
    let r = post_form(
        &app,
        &format!("{base}/etapes/1"),
        &format!("{good}&vision=4"),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        visible_text(&r.text()).contains("champs qui n'appartiennent pas à cette étape (vision)")
    );
    // Two values for a single choice.
    let r = post_form(
        &app,
        &format!("{base}/etapes/1"),
        &format!("{good}&type_acteur=entreprise"),
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(
        stored_answers(&app, &base).await,
        before,
        "nothing was saved"
    );

    // Jumping to the last step: the report is refused, the missing answers are shown.
    let def = crate::methodes_kit::definition();
    let last = def.etapes.len();
    let r = post_form(
        &app,
        &format!("{base}/etapes/{last}"),
        &step_body(last - 1, &a),
    )
    .await;
    assert_eq!(r.status, 422);
    let text = visible_text(&r.text());
    assert!(text.contains("Le rapport n'a pas été créé"), "{text}");
    assert!(
        text.contains(def.etapes[0].titre.fr.as_str()),
        "sent back to the first incomplete step"
    );
    assert!(stored_answers(&app, &base).await.2.is_none(), "no report");

    // A forged or mistyped link.
    for path in [
        "/methodes/diagnostics/0123456789abcdef0123456789abcdef01234567".to_owned(),
        "/methodes/diagnostics/0123456789abcdef0123456789abcdef01234567/etapes/1".to_owned(),
        "/methodes/diagnostics/pas-un-secret".to_owned(),
        "/methodes/collectifs/0123456789abcdef0123456789abcdef01234567".to_owned(),
        format!("{base}/etapes/{}", last + 1),
    ] {
        let r = app.get(&path).await;
        assert_eq!(r.status, 404, "{path}");
    }
    let r = app
        .get("/methodes/diagnostics/0123456789abcdef0123456789abcdef01234567")
        .await;
    assert!(visible_text(&r.text()).contains("Ce lien de diagnostic n'existe pas ou plus"));
    let r = post_form(
        &app,
        "/methodes/diagnostics/0123456789abcdef0123456789abcdef01234567/etapes/1",
        &good,
    )
    .await;
    assert_eq!(r.status, 404);
    let r = post_form(
        &app,
        "/methodes/diagnostics/0123456789abcdef0123456789abcdef01234567/supprimer",
        "",
    )
    .await;
    assert_eq!(r.status, 404);

    // Going back keeps what was valid and does not require the rest.
    let r = post_form(&app, &format!("{base}/etapes/2"), "action=precedent").await;
    assert_eq!(r.status, 303);
    assert!(r.header("location").unwrap().ends_with("/etapes/1"));
    app.remove().await;
}

async fn a_territory_name_is_resolved_or_disambiguated(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let base = start(&app).await;
    let a = answers("association", Maturity::Least, "Auch", &[]);
    // The territory is asked after the scale of action: earlier steps first.
    let def = crate::methodes_kit::definition();
    let n = def.question(&def.profil.territoire).unwrap().step;
    for i in 0..n {
        let r = post_form(&app, &format!("{base}/etapes/{}", i + 1), &step_body(i, &a)).await;
        assert_eq!(r.status, 303);
    }
    let step = format!("{base}/etapes/{}", n + 1);
    let body = step_body(n, &a);
    // A unique name: stored as its code with its level.
    let r = post_form(&app, &step, &body).await;
    assert_eq!(r.status, 303, "{}", visible_text(&r.text()));
    assert!(
        stored_answers(&app, &base)
            .await
            .0
            .contains("\"territoire\":\"communes/32013\"")
    );
    // A name several communes share: the candidates are offered, nothing is saved.
    let ambiguous = body.replace("territoire=Auch", "territoire=Saint-Denis");
    let r = post_form(&app, &step, &ambiguous).await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(visible_text(&html).contains("Plusieurs territoires correspondent"));
    assert!(
        html.contains("name=\"territoire__choix\" value=\"communes/93066\""),
        "Saint-Denis (93) offered"
    );
    let r = post_form(
        &app,
        &step,
        &format!("{ambiguous}&territoire__choix=communes%2F93066"),
    )
    .await;
    assert_eq!(r.status, 303);
    assert!(
        stored_answers(&app, &base)
            .await
            .0
            .contains("communes/93066")
    );
    // Shown again, the step sends the saved code with the name: unchanged, it stays the same
    // Saint-Denis; a `__code` on a question that is not a territory is refused.
    let again = app.get(&step).await.text();
    assert!(
        again.contains("name=\"territoire__code\" value=\"communes/93066\""),
        "{again}"
    );
    let r = post_form(
        &app,
        &step,
        &format!("{ambiguous}&territoire__code=communes%2F93066"),
    )
    .await;
    assert_eq!(r.status, 303, "{}", visible_text(&r.text()));
    assert!(
        stored_answers(&app, &base)
            .await
            .0
            .contains("communes/93066")
    );
    let r = post_form(&app, &step, &format!("{ambiguous}&domaines__code=x")).await;
    assert_eq!(r.status, 422);
    // The suggestions htmx shows as one types; a suggestion's label reads back as that place.
    let list = app.get("/methodes/territoires?territoire=Saint-Den").await;
    assert_eq!(list.status, 200);
    let list = list.text();
    assert!(
        list.contains("<option value=\"Saint-Denis (93) — Commune\"></option>"),
        "{list}"
    );
    assert_eq!(
        app.get("/methodes/territoires?territoire=S").await.text(),
        "",
        "two letters at least"
    );
    let picked = body.replace(
        "territoire=Auch",
        "territoire=Saint-Denis+%2893%29+%E2%80%94+Commune",
    );
    let r = post_form(&app, &step, &picked).await;
    assert_eq!(r.status, 303, "{}", visible_text(&r.text()));
    assert!(
        stored_answers(&app, &base)
            .await
            .0
            .contains("communes/93066")
    );
    // An unknown name.
    let r = post_form(
        &app,
        &step,
        &body.replace("territoire=Auch", "territoire=Atlantide"),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(visible_text(&r.text()).contains("Aucun territoire ne porte ce nom"));
    app.remove().await;
}

async fn whoever_holds_the_link_can_delete(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let base = start(&app).await;
    walk(
        &app,
        &base,
        &answers("entreprise", Maturity::Most, "69123", &[]),
    )
    .await;
    let confirm = app.get(&format!("{base}/supprimer")).await;
    assert_eq!(confirm.status, 200);
    assert!(visible_text(&confirm.text()).contains("Supprimer définitivement"));
    let r = post_form(&app, &format!("{base}/supprimer"), "").await;
    assert_eq!(r.status, 200);
    assert!(visible_text(&r.text()).contains("C'est supprimé"));
    assert_eq!(app.get(&base).await.status, 404);
    app.remove().await;
}

/// The path of each partner's link on the facilitator's page.
fn partner_links(html: &str) -> Vec<String> {
    html.match_indices("<code class=\"partner-link\">")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            let link = &rest[..rest.find('<').unwrap()];
            link[link.find("/methodes/").unwrap()..].to_owned()
        })
        .collect()
}

async fn a_collective_shows_levels_and_gaps_but_keeps_answers_private(backend: &Backend) {
    let app = TestApp::new(backend).await;
    // Bad input first: one partner is not a collective.
    let r = post_form(&app, "/methodes/collectifs", "nom=Seul&partenaires=Mairie").await;
    assert_eq!(r.status, 422);
    assert!(visible_text(&r.text()).contains("Indiquez de 2 à 12 partenaires"));

    let r = post_form(
        &app,
        "/methodes/collectifs",
        "nom=Alliance+du+plateau&partenaires=Mairie%0D%0AAssociation+des+familles%0D%0AEntreprise+locale",
    )
    .await;
    assert_eq!(r.status, 303);
    let facilitator = r.header("location").unwrap();
    let page = app.get(&facilitator).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("x-robots-tag").as_deref(),
        Some("noindex, nofollow")
    );
    let links = partner_links(&page.text());
    assert_eq!(links.len(), 3);
    assert!(
        visible_text(&page.text())
            .contains("La synthèse apparaîtra quand au moins deux partenaires auront terminé")
    );

    // Each partner answers alone: a beginner, an experienced one, and one with a secret, who
    // also picks a time horizon nobody else picks.
    let secret_text = "Notre budget baisse de moitié l'an prochain";
    let def = crate::methodes_kit::definition();
    let horizon = def.question("horizon").unwrap().options.last().unwrap();
    let horizon_label = horizon.libelle.fr.clone();
    walk(
        &app,
        &links[0],
        &answers("collectivite", Maturity::Least, "32013", &[]),
    )
    .await;
    walk(
        &app,
        &links[1],
        &answers("association", Maturity::Most, "32013", &[]),
    )
    .await;
    walk(
        &app,
        &links[2],
        &answers(
            "entreprise",
            Maturity::Most,
            "32013",
            &[
                ("attentes", Answer::One(secret_text.into())),
                ("horizon", Answer::One(horizon.valeur.clone())),
            ],
        ),
    )
    .await;

    let page = app.get(&facilitator).await.text();
    let text = visible_text(&page);
    assert!(text.contains("3 partenaires ont terminé"), "{text}");
    for label in ["Mairie", "Association des familles", "Entreprise locale"] {
        assert!(text.contains(label));
    }
    assert!(
        text.contains("1 · Découvrir") && text.contains("4 · Catalyser"),
        "per-partner levels"
    );
    assert!(
        text.contains("Divergence") && text.contains("(3)"),
        "gaps of 3 levels"
    );
    assert!(
        text.contains("Pour en parler ensemble"),
        "discussion prompts"
    );
    assert!(
        !text.contains(secret_text) && !text.contains(&horizon_label),
        "answers stay closed, even to the facilitator"
    );

    // A partner sees the group's levels, never another partner's answers.
    let partner_a = app.get(&links[0]).await.text();
    let a_text = visible_text(&partner_a);
    assert!(a_text.contains("Le diagnostic du groupe") && a_text.contains("Entreprise locale"));
    assert!(!a_text.contains(secret_text) && !a_text.contains(&horizon_label));
    let a_json = app.get(&format!("{}/rapport.json", links[0])).await.text();
    assert!(!a_json.contains(secret_text), "{a_json}");
    // Partner links are distinct and none is the facilitator's.
    assert!(!links.contains(&facilitator));
    assert_eq!(
        app.get(&facilitator.replace("collectifs", "diagnostics"))
            .await
            .status,
        404
    );

    // The facilitator opens the answers: now the group sees them, except free text, which
    // stays with its author.
    let r = post_form(&app, &format!("{facilitator}/ouverture"), "ouvrir=1").await;
    assert_eq!(r.status, 303);
    let opened = visible_text(&app.get(&links[0]).await.text());
    assert!(opened.contains(&horizon_label), "{opened}");
    assert!(!opened.contains(secret_text));
    let opened = visible_text(&app.get(&facilitator).await.text());
    assert!(opened.contains(&horizon_label) && !opened.contains(secret_text));
    let author = visible_text(&app.get(&links[2]).await.text());
    assert!(author.contains(secret_text), "its author still sees it");
    let r = post_form(
        &app,
        &format!("{facilitator}/ouverture"),
        "ouvrir=peut-etre",
    )
    .await;
    assert_eq!(r.status, 422);
    post_form(&app, &format!("{facilitator}/ouverture"), "ouvrir=0").await;
    assert!(!visible_text(&app.get(&links[0]).await.text()).contains(&horizon_label));

    // Deleting the collective deletes every partner's diagnostic.
    let r = post_form(&app, &format!("{facilitator}/supprimer"), "").await;
    assert_eq!(r.status, 200);
    for l in &links {
        assert_eq!(app.get(l).await.status, 404);
    }
    assert_eq!(app.get(&facilitator).await.status, 404);
    app.remove().await;
}
