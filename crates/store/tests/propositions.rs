//! Proposals and revisions on both back-ends: the queue's filters, decisions taken once,
//! publishing (first revision kept, change log written), restoring, imports after a
//! contribution.

use alliances_store::alliances as store_alliances;
use alliances_store::propositions::{
    self, Audit, Proposal, Publish, Published, Queue, Revised, Target,
};
use alliances_testkit::{Backend, loaded_db};

alliances_testkit::both_backends!(
    the_queue_filters_by_state_kind_territory_and_age,
    publishing_keeps_the_first_revision_and_writes_the_change_log,
    an_import_of_a_record_with_a_history_adds_a_revision,
    a_tool_keeps_its_revisions_as_an_alliance_does,
);

const T0: i64 = 1_800_000_000;
const MUREAUX: Target<'static> = Target::Alliance("ptce-vivre-les-mureaux");

fn proposal(id: &str, territoires: &str, cree_le: i64) -> Proposal {
    Proposal {
        id: id.into(),
        genre: "alliance".into(),
        sujet: "alliance".into(),
        cible: None,
        base: None,
        document: "{}".into(),
        nom: format!("Nom {id}"),
        territoires: territoires.into(),
        statut: "en_attente".into(),
        message: None,
        note: None,
        auteur: None,
        moderateur: None,
        revision: None,
        cree_le,
        modifie_le: cree_le,
    }
}

/// Accounts the proposals and revisions refer to.
async fn accounts(db: &alliances_store::Db, ids: &[&str]) {
    for id in ids {
        let a = alliances_store::comptes::Account {
            id: (*id).into(),
            courriel: format!("{id}@exemple.fr"),
            mot_de_passe: "$argon2id$x".into(),
            role: "moderateur".into(),
            pseudonyme: (*id).into(),
            organisation: None,
            signature: "pseudonyme".into(),
            consentement_le: T0,
            consentement_version: "2026-12-04".into(),
            verifie_le: Some(T0),
            cree_le: T0,
            connecte_le: T0,
        };
        assert!(alliances_store::comptes::create(db, &a).await.unwrap());
    }
}

/// The audit-log row a test decision writes.
fn audit() -> Audit<'static> {
    Audit {
        action: "test",
        cible: "test",
        details: serde_json::json!({}),
    }
}

fn json(a: &alliances_domain::alliance::Alliance) -> String {
    serde_json::to_string(a).unwrap()
}

async fn ids(db: &alliances_store::Db, q: Queue<'_>) -> Vec<String> {
    propositions::queue(db, &q)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect()
}

async fn the_queue_filters_by_state_kind_territory_and_age(backend: &Backend) {
    let t = loaded_db(backend).await;
    let db = &t.db;
    accounts(db, &["m", "mod", "autre"]).await;
    propositions::create(db, &proposal("a", "commune:78440 departement:78", T0))
        .await
        .unwrap();
    propositions::create(db, &proposal("b", "region:84", T0 + 100))
        .await
        .unwrap();
    let waiting = Queue {
        statuts: &["en_attente"],
        limit: 10,
        ..Queue::default()
    };
    assert_eq!(ids(db, waiting.clone()).await, ["a", "b"]);
    assert_eq!(
        ids(
            db,
            Queue {
                territoire: Some("departement:78"),
                ..waiting.clone()
            }
        )
        .await,
        ["a"]
    );
    assert_eq!(
        ids(
            db,
            Queue {
                territoire: Some("departement:7"),
                ..waiting.clone()
            }
        )
        .await,
        Vec::<String>::new(),
        "whole codes only"
    );
    assert_eq!(
        ids(
            db,
            Queue {
                before: Some(T0 + 50),
                ..waiting.clone()
            }
        )
        .await,
        ["a"]
    );
    assert_eq!(
        ids(
            db,
            Queue {
                genre: Some("outil"),
                ..waiting.clone()
            }
        )
        .await,
        Vec::<String>::new()
    );
    // A tool's proposal and a report on a tool: the kind « outil » finds both, the kind
    // « signalement » the report only.
    let mut tool = proposal("o", "", T0 + 200);
    (tool.genre, tool.sujet) = ("outil".into(), "outil".into());
    propositions::create(db, &tool).await.unwrap();
    let mut report = proposal("s", "", T0 + 300);
    (report.genre, report.sujet) = ("signalement".into(), "outil".into());
    propositions::create(db, &report).await.unwrap();
    for (genre, expected) in [("outil", vec!["o", "s"]), ("signalement", vec!["s"])] {
        let q = Queue {
            genre: Some(genre),
            ..waiting.clone()
        };
        assert_eq!(ids(db, q).await, expected, "{genre}");
    }
    for id in ["o", "s"] {
        assert!(
            propositions::decide(db, id, "en_attente", "refusee", "m", None, T0, &audit())
                .await
                .unwrap()
        );
    }
    // A decision is taken once; a proposal sent back is revised by its author only.
    assert!(
        propositions::decide(
            db,
            "a",
            "en_attente",
            "changements_demandes",
            "m",
            Some("Sources ?"),
            T0 + 5,
            &audit()
        )
        .await
        .unwrap()
    );
    assert!(
        !propositions::decide(
            db,
            "a",
            "en_attente",
            "refusee",
            "m",
            None,
            T0 + 6,
            &audit()
        )
        .await
        .unwrap()
    );
    assert_eq!(
        alliances_store::comptes::actions(db, Some("m"), 10)
            .await
            .unwrap()
            .len(),
        3,
        "a row for each decision taken (two refusals, a request), none for the late one"
    );
    assert_eq!(ids(db, waiting.clone()).await, ["b"]);
    let r = Revised {
        document: "{\"v\":2}",
        nom: "Nom a2",
        territoires: "region:11",
        note: None,
    };
    assert!(
        !propositions::revise(db, "a", "autre", &r, T0 + 7)
            .await
            .unwrap()
    );
    t.remove().await;
}

async fn publishing_keeps_the_first_revision_and_writes_the_change_log(backend: &Backend) {
    let t = loaded_db(backend).await;
    let db = &t.db;
    accounts(db, &["m", "mod", "autre"]).await;
    let stored = store_alliances::get(db, "ptce-vivre-les-mureaux")
        .await
        .unwrap()
        .unwrap();
    let before = store_alliances::last_change(db).await.unwrap();
    assert_eq!(
        propositions::history(db, MUREAUX).await.unwrap().len(),
        1,
        "the record itself"
    );
    assert_eq!(
        propositions::current_revision(db, MUREAUX).await.unwrap(),
        Some(1)
    );
    let mut changed = stored.alliance.clone();
    changed.resume = Some("Résumé modifié.".into());
    let mut p = proposal("p1", "commune:78440", T0);
    p.cible = Some(changed.slug.clone());
    p.document = serde_json::to_string(&changed).unwrap();
    propositions::create(db, &p).await.unwrap();
    let publish = Publish {
        create: false,
        target: Target::Alliance(&changed.slug),
        nom: &changed.nom,
        document: &json(&changed),
        source: "proposition",
        auteur: None,
        proposition: Some("p1"),
        now: T0 + 10,
    };
    assert_eq!(
        propositions::publish(db, &publish, "mod", &audit())
            .await
            .unwrap(),
        Published::Revision(2)
    );
    assert_eq!(
        propositions::publish(db, &publish, "mod", &audit())
            .await
            .unwrap(),
        Published::NotWaiting,
        "accepted once"
    );
    // The audit-log row is written with the publication, once, with the revision.
    let logged = alliances_store::comptes::actions(db, Some("mod"), 10)
        .await
        .unwrap();
    assert_eq!(logged.len(), 1, "one row for one publication");
    assert_eq!(logged[0].details, r#"{"revision":2}"#);
    let history = propositions::history(db, MUREAUX).await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|r| (r.revision, r.source.as_str()))
            .collect::<Vec<_>>(),
        [(1, "import"), (2, "proposition")]
    );
    assert_eq!(history[0].le, stored.modifie_le);
    assert_eq!(store_alliances::last_change(db).await.unwrap(), before + 1);
    let p = propositions::get(db, "p1").await.unwrap().unwrap();
    assert_eq!(
        (p.statut.as_str(), p.revision, p.moderateur.as_deref()),
        ("acceptee", Some(2), Some("mod"))
    );
    // A restoration publishes revision 1 again as revision 3.
    let first: alliances_domain::alliance::Alliance =
        serde_json::from_str(&history[0].document).unwrap();
    let restore = Publish {
        create: false,
        target: Target::Alliance(&first.slug),
        nom: &first.nom,
        document: &json(&first),
        source: "restauration",
        auteur: Some("mod"),
        proposition: None,
        now: T0 + 20,
    };
    assert_eq!(
        propositions::publish(db, &restore, "mod", &audit())
            .await
            .unwrap(),
        Published::Revision(3)
    );
    assert_eq!(
        store_alliances::get(db, "ptce-vivre-les-mureaux")
            .await
            .unwrap()
            .unwrap()
            .alliance,
        stored.alliance
    );
    t.remove().await;
}

async fn an_import_of_a_record_with_a_history_adds_a_revision(backend: &Backend) {
    let t = loaded_db(backend).await;
    let db = &t.db;
    accounts(db, &["m", "mod", "autre"]).await;
    let stored = store_alliances::get(db, "ptce-vivre-les-mureaux")
        .await
        .unwrap()
        .unwrap();
    let mut changed = stored.alliance.clone();
    changed.resume = Some("Par une contribution.".into());
    let publish = Publish {
        create: false,
        target: Target::Alliance(&changed.slug),
        nom: &changed.nom,
        document: &json(&changed),
        source: "proposition",
        auteur: None,
        proposition: None,
        now: T0,
    };
    propositions::publish(db, &publish, "mod", &audit())
        .await
        .unwrap();
    // An import changes it, and another record without a history.
    let mut imported = changed.clone();
    imported.resume = Some("Par un import.".into());
    let mut other = store_alliances::all(db)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.alliance.slug != changed.slug)
        .unwrap()
        .alliance;
    other.resume = Some("Autre import.".into());
    store_alliances::upsert_all(db, &[imported, other.clone()], "fichier.csv", T0 + 10)
        .await
        .unwrap();
    let history = propositions::history(db, MUREAUX).await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|r| (r.revision, r.source.as_str(), r.le))
            .collect::<Vec<_>>(),
        [
            (1, "import", stored.modifie_le),
            (2, "proposition", T0),
            (3, "import", T0 + 10)
        ]
    );
    assert!(history[2].document.contains("Par un import."));
    // The other keeps no revision row: its history is itself.
    let h = propositions::history(db, Target::Alliance(&other.slug))
        .await
        .unwrap();
    assert_eq!((h.len(), h[0].le), (1, T0 + 10));
    t.remove().await;
}

async fn a_tool_keeps_its_revisions_as_an_alliance_does(backend: &Backend) {
    use alliances_domain::outil::Outil;
    use alliances_store::documents::{self, OUTIL};
    let t = loaded_db(backend).await;
    let db = &t.db;
    accounts(db, &["m", "mod"]).await;
    let tools: Vec<documents::Stored<Outil>> = documents::all(db, OUTIL).await.unwrap();
    let stored = tools[0].clone();
    let target = Target::Document {
        genre: OUTIL,
        id: &stored.record.slug,
    };
    assert_eq!(
        propositions::history(db, target).await.unwrap().len(),
        1,
        "the record itself"
    );
    assert_eq!(
        propositions::current_revision(
            db,
            Target::Document {
                genre: OUTIL,
                id: "inconnu"
            }
        )
        .await
        .unwrap(),
        None
    );
    let before = documents::last_change(db).await.unwrap();
    let mut changed = stored.record.clone();
    changed.description = Some("Une description proposée.".into());
    let document = serde_json::to_string(&changed).unwrap();
    let mut p = proposal("t1", "", T0);
    (p.genre, p.sujet, p.cible) = ("outil".into(), "outil".into(), Some(changed.slug.clone()));
    p.document = document.clone();
    propositions::create(db, &p).await.unwrap();
    let publish = Publish {
        target,
        nom: &changed.nom,
        document: &document,
        create: false,
        source: "proposition",
        auteur: Some("m"),
        proposition: Some("t1"),
        now: T0 + 10,
    };
    assert_eq!(
        propositions::publish(db, &publish, "mod", &audit())
            .await
            .unwrap(),
        Published::Revision(2)
    );
    // Published in `documents`, through their change log (every server reloads its tools).
    assert_eq!(documents::last_change(db).await.unwrap(), before + 1);
    let now: Vec<documents::Stored<Outil>> =
        documents::by_ids(db, OUTIL, std::slice::from_ref(&changed.slug))
            .await
            .unwrap();
    assert_eq!(
        (&now[0].record, now[0].origine.as_str()),
        (&changed, "contribution")
    );
    // A new tool under a taken identifier is refused.
    let create = Publish {
        create: true,
        proposition: None,
        ..publish
    };
    assert_eq!(
        propositions::publish(db, &create, "mod", &audit())
            .await
            .unwrap(),
        Published::Taken
    );
    // An import of the tool appends a revision; the alliances' history is untouched.
    let mut imported = changed.clone();
    imported.description = Some("Par un import.".into());
    documents::upsert_all(db, OUTIL, &[imported], "outils.csv", None, T0 + 20)
        .await
        .unwrap();
    let history = propositions::history(db, target).await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|r| (r.revision, r.source.as_str(), r.auteur.as_deref()))
            .collect::<Vec<_>>(),
        [
            (1, "import", None),
            (2, "proposition", Some("m")),
            (3, "import", None)
        ]
    );
    assert_eq!(propositions::history(db, MUREAUX).await.unwrap().len(), 1);
    // Restoring the first revision publishes it again.
    let restore = Publish {
        target,
        nom: &stored.record.nom,
        document: &history[0].document,
        create: false,
        source: "restauration",
        auteur: Some("mod"),
        proposition: None,
        now: T0 + 30,
    };
    assert_eq!(
        propositions::publish(db, &restore, "mod", &audit())
            .await
            .unwrap(),
        Published::Revision(4)
    );
    let back: Vec<documents::Stored<Outil>> =
        documents::by_ids(db, OUTIL, std::slice::from_ref(&changed.slug))
            .await
            .unwrap();
    assert_eq!(back[0].record, stored.record);
    t.remove().await;
}
