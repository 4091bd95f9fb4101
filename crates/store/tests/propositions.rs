//! Proposals and revisions on both back-ends: the queue's filters, decisions taken once,
//! publishing (first revision kept, change log written), restoring, imports after a
//! contribution.

use alliances_store::alliances as store_alliances;
use alliances_store::propositions::{self, Proposal, Publish, Published, Queue, Revised};
use alliances_testkit::{Backend, loaded_db};

alliances_testkit::both_backends!(
    the_queue_filters_by_state_kind_territory_and_age,
    publishing_keeps_the_first_revision_and_writes_the_change_log,
    an_import_of_a_record_with_a_history_adds_a_revision,
);

const T0: i64 = 1_800_000_000;

fn proposal(id: &str, territoires: &str, cree_le: i64) -> Proposal {
    Proposal {
        id: id.into(),
        genre: "alliance".into(),
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
    // A decision is taken once; a proposal sent back is revised by its author only.
    assert!(
        propositions::decide(
            db,
            "a",
            "en_attente",
            "changements_demandes",
            "m",
            Some("Sources ?"),
            T0 + 5
        )
        .await
        .unwrap()
    );
    assert!(
        !propositions::decide(db, "a", "en_attente", "refusee", "m", None, T0 + 6)
            .await
            .unwrap()
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
        propositions::history(db, "ptce-vivre-les-mureaux")
            .await
            .unwrap()
            .len(),
        1,
        "the record itself"
    );
    assert_eq!(
        propositions::current_revision(db, "ptce-vivre-les-mureaux")
            .await
            .unwrap(),
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
        alliance: &changed,
        source: "proposition",
        auteur: None,
        proposition: Some("p1"),
        now: T0 + 10,
    };
    assert_eq!(
        propositions::publish(db, &publish, "mod").await.unwrap(),
        Published::Revision(2)
    );
    assert_eq!(
        propositions::publish(db, &publish, "mod").await.unwrap(),
        Published::NotWaiting,
        "accepted once"
    );
    let history = propositions::history(db, "ptce-vivre-les-mureaux")
        .await
        .unwrap();
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
        alliance: &first,
        source: "restauration",
        auteur: Some("mod"),
        proposition: None,
        now: T0 + 20,
    };
    assert_eq!(
        propositions::publish(db, &restore, "mod").await.unwrap(),
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
        alliance: &changed,
        source: "proposition",
        auteur: None,
        proposition: None,
        now: T0,
    };
    propositions::publish(db, &publish, "mod").await.unwrap();
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
    let history = propositions::history(db, "ptce-vivre-les-mureaux")
        .await
        .unwrap();
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
    let h = propositions::history(db, &other.slug).await.unwrap();
    assert_eq!((h.len(), h[0].le), (1, T0 + 10));
    t.remove().await;
}
