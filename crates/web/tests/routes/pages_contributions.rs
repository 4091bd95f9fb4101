//! `/contributions/{alliances|outils|catalyseurs}…` (the structured forms: new record, change,
//! likely duplicates), `/mon-espace/contributions/{id}/reviser` and
//! `/{exemples|outils|catalyseurs}/{slug}/signaler`.

use alliances_domain::compte::{Role, Throttle};
use alliances_store::{comptes, propositions};
use alliances_testkit::{Backend, TestApp};

use crate::compte_kit::{accept_form, form, form_of, get_as, member, post_as, session};
use crate::visible_text;

alliances_testkit::both_backends!(
    every_record_goes_through_the_form_unchanged,
    the_form_checks_as_an_import_and_keeps_what_was_typed,
    a_new_alliance_is_checked_against_likely_duplicates,
    a_change_starts_from_the_record_and_a_sent_back_one_is_revised,
    anyone_reports_an_error_and_robots_are_kept_out,
    every_tool_and_catalyseur_goes_through_its_page_unchanged,
    the_tool_and_catalyseur_forms_check_as_an_import,
);

/// A whole form for a new alliance in Les Mureaux.
fn filled(slug: &str, nom: &str, extra: &[(&str, &str)]) -> String {
    let mut pairs = vec![
        ("nature", "nouvelle"),
        ("action", "envoyer"),
        ("slug", slug),
        ("nom", nom),
        (
            "resume",
            "Une alliance de test entre une commune et une association.",
        ),
        ("partenaire_nom", "Mairie des Mureaux"),
        ("partenaire_type", "collectivite"),
        ("partenaire_role", "commune"),
        ("partenaire_nom", "La Gerbe"),
        ("partenaire_type", "association"),
        ("partenaire_role", ""),
        ("partenaire_nom", ""),
        ("partenaire_type", "entreprise"),
        ("partenaire_role", ""),
        ("niveau", "commune"),
        ("territoire_libelle", "Les Mureaux"),
        ("territoire", "Les Mureaux"),
        ("territoire", ""),
        ("domaine", "social"),
        ("mode", "co-construction-territoriale"),
        ("objectif", "8"),
        ("cible", "8.5"),
        ("resultats", "Un premier résultat\nUn second résultat"),
        ("statut", "actif"),
        ("debut", "2019"),
        ("source_url", "https://exemple.fr/alliance"),
        ("source_date", "2026-11-30"),
    ];
    pairs.extend_from_slice(extra);
    form(&pairs)
}

/// Every shipped record, shown in the form and read back, is the same record: a change
/// proposal holds only what the contributor changed.
async fn every_record_goes_through_the_form_unchanged(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let ready = app.state.ready().unwrap();
    let mut differ = Vec::new();
    for stored in alliances_store::alliances::all(&app.db.db).await.unwrap() {
        let a = stored.alliance;
        let form = alliances_web::features::contributions::form::AllianceForm::of(&a, ready);
        match form.to_alliance(ready) {
            Ok(back) => {
                let changed = alliances_domain::alliance::changed_fields(&a, &back);
                if !changed.is_empty() {
                    let col = |x: &alliances_domain::alliance::Alliance| {
                        x.to_columns(&[])
                            .into_iter()
                            .filter(|(k, _)| changed.contains(k))
                            .collect::<Vec<_>>()
                    };
                    differ.push(format!("{}: {:?} → {:?}", a.slug, col(&a), col(&back)));
                }
            }
            Err(e) => differ.push(format!("{}: {e:?}", a.slug)),
        }
    }
    assert!(
        differ.is_empty(),
        "{} records differ, e.g. {:?}",
        differ.len(),
        &differ[..differ.len().min(5)]
    );
    app.remove().await;
}

async fn the_form_checks_as_an_import_and_keeps_what_was_typed(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "membre@exemple.fr", Role::Membre).await;
    let (s, csrf) = session(&app, &m.id).await;
    let page = get_as(&app, "/contributions/alliances/nouvelle", &s).await;
    assert_eq!(page.status, 200);
    for label in [
        "Partenaire 1 : nom",
        "Territoire 1 (nom ou code)",
        "Source 1 : adresse",
        "Cible 1",
    ] {
        assert!(visible_text(&page.text()).contains(label), "{label}");
    }
    // More rows without JavaScript.
    let rows = |html: &str| html.matches("name=\"partenaire_nom\"").count();
    let more = post_as(
        &app,
        "/contributions/alliances",
        Some(&s),
        &format!("csrf={csrf}&action=lignes&partenaire_nom=A&partenaire_type=association"),
    )
    .await;
    assert_eq!(more.status, 200);
    assert!(rows(&more.text()) > rows(&page.text()), "more partner rows");
    assert!(more.text().contains("value=\"A\""));

    // Errors from the import's own rules, each with its section; what was typed is kept.
    let bad = filled("Mauvais Slug", "", &[("csrf", &csrf)])
        .replace("territoire=Les+Mureaux", "territoire=Saint-Zq7-sur-Rien")
        .replace("source_date=2026-11-30", "source_date=");
    let r = post_as(&app, "/contributions/alliances", Some(&s), &bad).await;
    assert_eq!(r.status, 422);
    let text = visible_text(&r.text());
    for message in [
        "aucun territoire ne s'appelle « Saint-Zq7-sur-Rien »",
        "donnez l'adresse de la source et la date",
    ] {
        assert!(text.contains(message), "{message} in {text}");
    }
    assert!(r.text().contains("value=\"Mairie des Mureaux\""));
    // A name several territories share asks for the code.
    let ambiguous = filled("ambigu", "Alliance ambiguë", &[("csrf", &csrf)])
        .replace("territoire=Les+Mureaux", "territoire=Sainte-Marie");
    let r = post_as(&app, "/contributions/alliances", Some(&s), &ambiguous).await;
    assert_eq!(r.status, 422);
    assert!(
        visible_text(&r.text()).contains("désigne plusieurs territoires"),
        "{}",
        visible_text(&r.text())
    );
    let r = post_as(
        &app,
        "/contributions/alliances",
        Some(&s),
        &filled("slug-ok", "", &[("csrf", &csrf)]),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("href=\"#champ-nom\""),
        "the name is required: {}",
        visible_text(&r.text())
    );
    // A separator inside a line is refused rather than split.
    let pipe = filled("slug-ok", "Nom", &[("csrf", &csrf)])
        .replace("partenaire_role=commune", "partenaire_role=a+%7C+b");
    assert_eq!(
        post_as(&app, "/contributions/alliances", Some(&s), &pipe)
            .await
            .status,
        422
    );
    assert_eq!(
        propositions::of_author(&app.db.db, &m.id)
            .await
            .unwrap()
            .len(),
        0,
        "nothing stored"
    );
    app.remove().await;
}

async fn a_new_alliance_is_checked_against_likely_duplicates(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "membre@exemple.fr", Role::Membre).await;
    let (s, csrf) = session(&app, &m.id).await;
    // A name close to « PTCE Vivre Les Mureaux » in the same place.
    let body = filled(
        "ptce-vivre-aux-mureaux",
        "PTCE Vivre aux Mureaux",
        &[("csrf", &csrf)],
    );
    let r = post_as(&app, "/contributions/alliances", Some(&s), &body).await;
    assert_eq!(r.status, 200);
    assert!(
        r.text()
            .contains("href=\"/exemples/ptce-vivre-les-mureaux\""),
        "the likely duplicate is shown"
    );
    assert!(r.text().contains("name=\"pas_un_doublon\""));
    assert_eq!(
        propositions::of_author(&app.db.db, &m.id)
            .await
            .unwrap()
            .len(),
        0
    );
    let r = post_as(
        &app,
        "/contributions/alliances",
        Some(&s),
        &format!("{body}&pas_un_doublon=1"),
    )
    .await;
    assert_eq!(r.status, 303);
    let mine = propositions::of_author(&app.db.db, &m.id).await.unwrap();
    assert_eq!(mine.len(), 1);
    let a: alliances_domain::alliance::Alliance = serde_json::from_str(&mine[0].document).unwrap();
    assert_eq!(a.partenaires.len(), 2, "the empty row is dropped");
    assert_eq!(
        (
            a.partenaires[1].nom.as_str(),
            a.partenaires[1].type_acteur.as_str()
        ),
        ("La Gerbe", "association")
    );
    assert_eq!(a.territoires[0].code, "78440", "by name");
    assert_eq!(a.resultats, ["Un premier résultat", "Un second résultat"]);
    assert!(a.odd.cibles.iter().any(|c| c.code == "8.5"));
    assert!(
        a.odd.cibles.iter().any(|c| c.code == "17.17"),
        "editorial classifications derived as for an import"
    );
    assert_eq!(a.sources[0].consulte_le, "2026-11-30");
    let page = visible_text(
        &get_as(&app, "/mon-espace/contributions?ok=envoyee", &s)
            .await
            .text(),
    );
    assert!(
        page.contains("Proposition envoyée") && page.contains("En attente de modération"),
        "{page}"
    );
    // A name far from any other in the place goes straight through.
    let r = post_as(
        &app,
        "/contributions/alliances",
        Some(&s),
        &filled("jardin-zq7", "Jardin partagé Zq7", &[("csrf", &csrf)]),
    )
    .await;
    assert_eq!(r.status, 303);
    app.remove().await;
}

async fn a_change_starts_from_the_record_and_a_sent_back_one_is_revised(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "membre@exemple.fr", Role::Membre).await;
    let moderator = member(&app, "mod@exemple.fr", Role::Moderateur).await;
    let (s, csrf) = session(&app, &m.id).await;
    let (ms, mcsrf) = session(&app, &moderator.id).await;
    let page = get_as(
        &app,
        "/contributions/alliances/ptce-vivre-les-mureaux/modifier",
        &s,
    )
    .await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("value=\"La Gerbe\"") && html.contains("value=\"Les Mureaux (78440)\""));
    assert!(
        html.contains("name=\"slug\" type=\"text\" value=\"ptce-vivre-les-mureaux\"")
            && html.contains("readonly")
    );
    // The form as shown, sent back with one change: a proposal of exactly that change.
    let pairs = form_fields(&html);
    let mut body: Vec<(String, String)> = pairs
        .into_iter()
        .map(|(k, v)| {
            if k == "resume" {
                (k, "Un résumé plus court.".to_owned())
            } else {
                (k, v)
            }
        })
        .collect();
    body.push(("action".into(), "envoyer".into()));
    let encoded = form_of(&body);
    let r = post_as(&app, "/contributions/alliances", Some(&s), &encoded).await;
    assert_eq!(r.status, 303, "{}", visible_text(&r.text()));
    let p = propositions::of_author(&app.db.db, &m.id)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(p.cible.as_deref(), Some("ptce-vivre-les-mureaux"));
    let diff = visible_text(
        &get_as(&app, &format!("/moderation/propositions/{}", p.id), &ms)
            .await
            .text(),
    );
    assert!(
        diff.contains("1 champ modifié") && diff.contains("Un résumé plus court."),
        "{diff}"
    );
    // Sent back, revised through the form, waiting again.
    post_as(
        &app,
        &format!("/moderation/propositions/{}/demander", p.id),
        Some(&ms),
        &form(&[("csrf", &mcsrf), ("message", "Gardez la mention du PTCE.")]),
    )
    .await;
    let page = get_as(
        &app,
        &format!("/mon-espace/contributions/{}/reviser", p.id),
        &s,
    )
    .await;
    assert_eq!(page.status, 200);
    assert!(visible_text(&page.text()).contains("Gardez la mention du PTCE."));
    let mut body: Vec<(String, String)> = form_fields(&page.text())
        .into_iter()
        .map(|(k, v)| {
            if k == "resume" {
                (k, "Un PTCE, résumé plus court.".to_owned())
            } else {
                (k, v)
            }
        })
        .collect();
    body.push(("action".into(), "envoyer".into()));
    let encoded = form_of(&body);
    let r = post_as(
        &app,
        &format!("/mon-espace/contributions/{}/reviser", p.id),
        Some(&s),
        &encoded,
    )
    .await;
    assert_eq!(r.status, 303, "{}", visible_text(&r.text()));
    let p = propositions::get(&app.db.db, &p.id).await.unwrap().unwrap();
    assert_eq!(p.statut, "en_attente");
    assert!(p.document.contains("Un PTCE, résumé plus court."));
    let _ = csrf;
    app.remove().await;
}

/// The inputs, selected options, ticked boxes and textareas of a page's first POST form with
/// a `csrf` field, in order, as a browser would send them.
fn form_fields(html: &str) -> Vec<(String, String)> {
    let start = html.find("id=\"formulaire\"").expect("the form");
    let end = html[start..].find("</form>").unwrap() + start;
    let form = &html[start..end];
    let attr = |tag: &str, name: &str| -> Option<String> {
        let key = format!(" {name}=\"");
        let at = tag.find(&key)? + key.len();
        Some(unescape(&tag[at..at + tag[at..].find('"')?]))
    };
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let close = rest.find('>').unwrap();
        let tag = &rest[..=close];
        if tag.starts_with("<input") {
            let kind = attr(tag, "type").unwrap_or_default();
            if let Some(name) = attr(tag, "name")
                && (!matches!(kind.as_str(), "checkbox" | "radio") || tag.contains(" checked"))
            {
                out.push((name, attr(tag, "value").unwrap_or_default()));
            }
        } else if tag.starts_with("<textarea") {
            let name = attr(tag, "name").unwrap();
            let body = &rest[close + 1..];
            out.push((name, unescape(&body[..body.find("</textarea>").unwrap()])));
        } else if tag.starts_with("<select") {
            let name = attr(tag, "name").unwrap();
            let body = &rest[close + 1..rest.find("</select>").unwrap()];
            let value = body
                .split("<option")
                .find(|o| o.contains(" selected"))
                .or_else(|| body.split("<option").nth(1))
                .and_then(|o| attr(o, "value"))
                .unwrap_or_default();
            out.push((name, value));
        }
        rest = &rest[close + 1..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&#38;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&amp;", "&")
}

async fn anyone_reports_an_error_and_robots_are_kept_out(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let path = "/exemples/ptce-vivre-les-mureaux/signaler";
    let page = app.get(path).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("name=\"site_web\""));
    assert!(
        app.get("/exemples/ptce-vivre-les-mureaux")
            .await
            .text()
            .contains(path),
        "every record links to it"
    );
    let r = post_as(&app, path, None, &form(&[("texte", "   ")])).await;
    assert_eq!(r.status, 422);
    assert!(visible_text(&r.text()).contains("aux modérateurs"));
    let r = post_as(
        &app,
        path,
        None,
        &form(&[
            ("texte", "Le PTCE a changé de nom en 2025."),
            ("site_web", ""),
        ]),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(visible_text(&r.text()).contains("Merci"));
    let waiting = |app: &TestApp| {
        let db = app.db.db.clone();
        async move {
            propositions::queue(
                &db,
                &propositions::Queue {
                    statuts: &["en_attente"],
                    genre: Some("signalement"),
                    limit: 50,
                    ..Default::default()
                },
            )
            .await
            .unwrap()
        }
    };
    let reports = waiting(&app).await;
    assert_eq!(reports.len(), 1);
    assert_eq!(
        (reports[0].auteur.as_deref(), reports[0].note.as_deref()),
        (None, Some("Le PTCE a changé de nom en 2025."))
    );
    // A robot fills the hidden field: the same thanks, nothing stored.
    let r = post_as(
        &app,
        path,
        None,
        &form(&[("texte", "spam"), ("site_web", "http://spam")]),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(waiting(&app).await.len(), 1);
    // A client that reports too often waits.
    for _ in 1..Throttle::MAX {
        post_as(&app, path, None, &form(&[("texte", "encore")])).await;
    }
    assert_eq!(
        post_as(&app, path, None, &form(&[("texte", "encore")]))
            .await
            .status,
        429
    );
    // A moderator marks it handled: nothing is published.
    let moderator = member(&app, "mod@exemple.fr", Role::Moderateur).await;
    let (ms, csrf) = session(&app, &moderator.id).await;
    let detail = visible_text(
        &get_as(
            &app,
            &format!("/moderation/propositions/{}", reports[0].id),
            &ms,
        )
        .await
        .text(),
    );
    assert!(
        detail.contains("visiteur sans compte")
            && detail.contains("Le PTCE a changé de nom en 2025."),
        "{detail}"
    );
    // A report is not sent back to its author (there is nothing to revise).
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{}/demander", reports[0].id),
        Some(&ms),
        &form(&[("csrf", &csrf), ("message", "Précisez.")]),
    )
    .await;
    assert_eq!(r.status, 409);
    let r = post_as(
        &app,
        &format!("/moderation/propositions/{}/accepter", reports[0].id),
        Some(&ms),
        &accept_form(&app, &reports[0].id, &ms, &csrf).await,
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        propositions::history(
            &app.db.db,
            propositions::Target::Alliance("ptce-vivre-les-mureaux"),
        )
        .await
        .unwrap()
        .len(),
        1,
        "no revision"
    );
    assert_eq!(
        comptes::actions(&app.db.db, None, 5).await.unwrap()[0].action,
        "traiter"
    );
    app.remove().await;
}

/// Every shipped tool and catalyseur: its change form, as a browser would send it back
/// untouched, is stored as a proposal equal to the record (the page, the form's reader and
/// the import's rules agree).
async fn every_tool_and_catalyseur_goes_through_its_page_unchanged(backend: &Backend) {
    use alliances_domain::catalyseur::Catalyseur;
    use alliances_domain::outil::Outil;
    use alliances_store::documents;
    let app = TestApp::new(backend).await;
    let m = member(&app, "membre@exemple.fr", Role::Membre).await;
    let (s, _) = session(&app, &m.id).await;
    let tools: Vec<documents::Stored<Outil>> =
        documents::all(&app.db.db, documents::OUTIL).await.unwrap();
    let catalyseurs: Vec<documents::Stored<Catalyseur>> =
        documents::all(&app.db.db, documents::CATALYSEUR)
            .await
            .unwrap();
    let mut records: Vec<(&str, String, String)> = Vec::new();
    for t in &tools {
        records.push((
            "outils",
            t.record.slug.clone(),
            serde_json::to_string(&t.record).unwrap(),
        ));
    }
    for c in &catalyseurs {
        records.push((
            "catalyseurs",
            c.record.slug.clone(),
            serde_json::to_string(&c.record).unwrap(),
        ));
    }
    assert!(tools.len() > 50 && catalyseurs.len() > 50);
    let mut differ = Vec::new();
    for (genre, slug, json) in &records {
        let page = get_as(&app, &format!("/contributions/{genre}/{slug}/modifier"), &s).await;
        assert_eq!(page.status, 200, "{genre}/{slug}");
        let fields = form_fields(&page.text());
        let r = post_as(
            &app,
            &format!("/contributions/{genre}"),
            Some(&s),
            &form_of(&fields),
        )
        .await;
        if r.status != 303 {
            differ.push(format!(
                "{slug}: {} {}",
                r.status,
                visible_text(&r.text())
                    .chars()
                    .take(300)
                    .collect::<String>()
            ));
            continue;
        }
        let mine = propositions::of_author(&app.db.db, &m.id).await.unwrap();
        let p = mine
            .iter()
            .find(|p| p.cible.as_deref() == Some(slug.as_str()))
            .unwrap();
        if p.document != *json {
            differ.push(format!("{slug}: {json} → {}", p.document));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} records differ, e.g. {:?}",
        differ.len(),
        records.len(),
        &differ[..differ.len().min(3)]
    );
    app.remove().await;
}

async fn the_tool_and_catalyseur_forms_check_as_an_import(backend: &Backend) {
    let app = TestApp::new(backend).await;
    let m = member(&app, "membre@exemple.fr", Role::Membre).await;
    let (s, csrf) = session(&app, &m.id).await;
    let stored = |app: &TestApp, id: String| {
        let db = app.db.db.clone();
        async move { propositions::of_author(&db, &id).await.unwrap() }
    };

    // A tool: taxonomies as boxes, errors of the import's own rules, typed values kept.
    let page = get_as(&app, "/contributions/outils/nouvelle", &s).await;
    assert_eq!(page.status, 200);
    let text = visible_text(&page.text());
    for label in [
        "Nom de l'outil",
        "Phases",
        "Tous les acteurs",
        "Source 1 : adresse",
    ] {
        assert!(text.contains(label), "{label} in {text}");
    }
    let tool = |slug: &str, nom: &str, extra: &[(&str, &str)]| {
        let mut pairs = vec![
            ("csrf", csrf.as_str()),
            ("nature", "nouvelle"),
            ("action", "envoyer"),
            ("slug", slug),
            ("nom", nom),
            ("editeur", "Réseau Zq7"),
            ("annee", "2024"),
            ("type", "guide"),
            ("phase", "comprendre"),
            ("phase", "construire"),
            ("public", "collectivite"),
            ("public", "association"),
            ("langues", "fr, en"),
            ("acces", "gratuit"),
            ("url", "https://exemple.fr/guide"),
            ("source_url", "https://exemple.fr/guide"),
            ("source_date", "2026-12-01"),
        ];
        pairs.extend_from_slice(extra);
        form(&pairs)
    };
    let bad = tool("Guide Zq7", "Guide Zq7", &[]).replace("annee=2024", "annee=vers+2024");
    let r = post_as(&app, "/contributions/outils", Some(&s), &bad).await;
    assert_eq!(r.status, 422);
    let text = visible_text(&r.text());
    assert!(text.contains("n'est pas une année"), "{text}");
    let bad = tool("Guide Zq7", "Guide Zq7", &[])
        .replace("type=guide", "type=brochure")
        .replace("langues=fr%2C+en", "langues=Fran%C3%A7ais");
    let r = post_as(&app, "/contributions/outils", Some(&s), &bad).await;
    assert_eq!(r.status, 422);
    let text = visible_text(&r.text());
    for message in [
        "type « brochure » inconnu",
        "« Français » n'est pas un code de langue",
        "identifiant",
    ] {
        assert!(text.contains(message), "{message} in {text}");
    }
    assert!(
        r.text().contains("value=\"Réseau Zq7\""),
        "what was typed is kept"
    );
    assert!(
        r.text()
            .contains("id=\"phase-construire\" name=\"phase\" value=\"construire\" checked")
    );
    // A new tool cannot take a published tool's identifier; the form's other errors show too.
    let r = post_as(
        &app,
        "/contributions/outils",
        Some(&s),
        &tool(
            "rameau-referentiel-co-construction-territoriale",
            "Guide Zq7",
            &[],
        )
        .replace("type=guide", "type=brochure"),
    )
    .await;
    assert_eq!(r.status, 422);
    let text = visible_text(&r.text());
    for message in [
        "une fiche porte déjà cet identifiant",
        "type « brochure » inconnu",
    ] {
        assert!(text.contains(message), "{message} in {text}");
    }
    // A name close to a published tool's: shown before sending.
    let r = post_as(
        &app,
        "/contributions/outils",
        Some(&s),
        &tool(
            "referentiel-co-construction-zq7",
            "Référentiel co-construction territoriale",
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(
        r.text()
            .contains("href=\"/outils/rameau-referentiel-co-construction-territoriale\""),
        "{}",
        visible_text(&r.text())
    );
    assert!(
        stored(&app, m.id.clone()).await.is_empty(),
        "nothing stored yet"
    );
    let r = post_as(
        &app,
        "/contributions/outils",
        Some(&s),
        &tool("guide-zq7", "Guide Zq7 des communs", &[]),
    )
    .await;
    assert_eq!(r.status, 303, "{}", visible_text(&r.text()));
    let mine = stored(&app, m.id.clone()).await;
    let o: alliances_domain::outil::Outil = serde_json::from_str(&mine[0].document).unwrap();
    assert_eq!(
        (o.phases.clone(), o.langues.clone(), o.acces.as_deref()),
        (
            vec!["comprendre".to_owned(), "construire".to_owned()],
            vec!["fr".to_owned(), "en".to_owned()],
            Some("gratuit")
        )
    );
    assert_eq!(
        (mine[0].genre.as_str(), mine[0].sujet.as_str()),
        ("outil", "outil")
    );

    // A catalyseur: its territory by name, or régions ticked; a national one has neither.
    let catalyseur = |slug: &str, extra: &[(&str, &str)]| {
        let mut pairs = vec![
            ("csrf", csrf.as_str()),
            ("nature", "nouvelle"),
            ("action", "envoyer"),
            ("slug", slug),
            ("nom", "Maison Zq7 des associations"),
            ("genre", "maison-associations"),
            ("metier", "accompagnements"),
            ("fondation", "2015"),
            ("source_url", "https://exemple.fr/maison"),
            ("source_date", "2026-12-01"),
        ];
        pairs.extend_from_slice(extra);
        form(&pairs)
    };
    let r = post_as(
        &app,
        "/contributions/catalyseurs",
        Some(&s),
        &catalyseur(
            "maison-zq7",
            &[("niveau", "commune"), ("territoire", "Saint-Zq7-sur-Rien")],
        ),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        visible_text(&r.text()).contains("aucun territoire ne s'appelle « Saint-Zq7-sur-Rien »")
    );
    let r = post_as(
        &app,
        "/contributions/catalyseurs",
        Some(&s),
        &catalyseur("maison-zq7", &[("niveau", "departement")]),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        visible_text(&r.text()).contains("indiquez le code INSEE du territoire servi"),
        "{}",
        visible_text(&r.text())
    );
    let r = post_as(
        &app,
        "/contributions/catalyseurs",
        Some(&s),
        &catalyseur(
            "maison-zq7",
            &[("niveau", "commune"), ("territoire", "Les Mureaux")],
        ),
    )
    .await;
    assert_eq!(r.status, 303, "{}", visible_text(&r.text()));
    let r = post_as(
        &app,
        "/contributions/catalyseurs",
        Some(&s),
        &catalyseur(
            "reseau-zq7",
            &[("niveau", "region"), ("region", "region:53")],
        )
        .replace("Maison+Zq7+des+associations", "R%C3%A9seau+Zq7"),
    )
    .await;
    assert_eq!(r.status, 303, "{}", visible_text(&r.text()));
    let mine = stored(&app, m.id.clone()).await;
    let kinds: Vec<alliances_domain::catalyseur::Catalyseur> = mine
        .iter()
        .filter(|p| p.genre == "catalyseur")
        .map(|p| serde_json::from_str(&p.document).unwrap())
        .collect();
    let by = |slug: &str| kinds.iter().find(|c| c.slug == slug).unwrap();
    assert_eq!(by("maison-zq7").territoires[0].code, "78440", "by name");
    assert_eq!(
        (
            by("reseau-zq7").localisation[0].niveau.as_str(),
            by("reseau-zq7").localisation[0].code.as_str()
        ),
        ("region", "53")
    );
    // Reports on a tool and a catalyseur reach the moderators with their kind.
    for path in [
        "/outils/rameau-referentiel-co-construction-territoriale/signaler",
        "/catalyseurs/bordeaux-mecenes-solidaires/signaler",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        let fiche = path.trim_end_matches("/signaler");
        let links = app.get(fiche).await.text();
        for link in [path.to_owned(), format!("{fiche}/historique")] {
            assert!(links.contains(&link), "{fiche} links to {link}");
        }
        let r = post_as(&app, path, None, &form(&[("texte", "L'adresse a changé.")])).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(visible_text(&r.text()).contains("Merci"), "{path}");
    }
    // A member's report is signed with their session's form token only.
    let path = "/outils/rameau-referentiel-co-construction-territoriale/signaler";
    let page = get_as(&app, path, &s).await.text();
    assert!(page.contains(&format!("name=\"csrf\" value=\"{csrf}\"")));
    for (token, texte) in [(csrf.as_str(), "Signé."), ("", "Sans jeton.")] {
        let r = post_as(
            &app,
            path,
            Some(&s),
            &form(&[("csrf", token), ("texte", texte)]),
        )
        .await;
        assert_eq!(r.status, 200);
    }
    let reports = propositions::queue(
        &app.db.db,
        &propositions::Queue {
            statuts: &["en_attente"],
            genre: Some("signalement"),
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let mut subjects: Vec<&str> = reports.iter().map(|p| p.sujet.as_str()).collect();
    subjects.sort_unstable();
    assert_eq!(subjects, ["catalyseur", "outil", "outil", "outil"]);
    let author_of = |texte: &str| {
        reports
            .iter()
            .find(|p| p.note.as_deref() == Some(texte))
            .map(|p| p.auteur.clone())
    };
    assert_eq!(author_of("Signé."), Some(Some(m.id.clone())));
    assert_eq!(author_of("Sans jeton."), Some(None), "a visitor's");
    app.remove().await;
}
