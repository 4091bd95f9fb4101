//! The storage conformance suite: every case runs against SQLite and PostgreSQL.

use alliances_domain::pagination::Page;
use alliances_domain::territory::Level;
use alliances_store::reference::{self, LoadOutcome};
use alliances_store::{Db, alliances, diagnostics, migrate, odd, seed, territoires};
use alliances_testkit::{Backend, empty_db, loaded_db};

alliances_testkit::both_backends!(
    migrations_apply_once,
    schema_is_the_same_on_both_backends,
    reference_data_loads_once_and_is_idempotent,
    reference_upgrade_removes_rows_gone_from_the_data,
    odd_referential_is_complete_and_ordered,
    territories_are_read_with_their_level,
    territory_hierarchy_queries,
    territory_search_ranks_exact_names_first,
    territory_search_handles_codes_and_pages,
    seed_alliances_are_loaded_once,
    documents_are_seeded_once_and_logged,
    upsert_updates_by_slug_and_logs_each_write,
    diagnostics_drafts_reports_and_deletion,
    collectives_keep_partners_together,
    purge_follows_the_retention_rules,
);

async fn count(db: &Db, table: &str) -> i64 {
    let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}"));
    match db {
        Db::Sqlite(s) => sqlx::query_scalar(sql).fetch_one(&s.read).await.unwrap(),
        Db::Pg(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
    }
}

async fn migrations_apply_once(backend: &Backend) {
    let t = empty_db(backend).await;
    assert_eq!(
        migrate::pending(&t.db).await.unwrap(),
        vec![1, 2, 3, 4, 5, 6, 7, 8]
    );
    let first = migrate::run(&t.db).await.unwrap();
    assert_eq!(first.applied, vec![1, 2, 3, 4, 5, 6, 7, 8]);
    let second = migrate::run(&t.db).await.unwrap();
    assert!(second.applied.is_empty());
    assert_eq!(second.already, 8);
    assert!(migrate::pending(&t.db).await.unwrap().is_empty());
    // A new SQLite file is made with the larger pages the import at 1 000 000 rows needs.
    if let Db::Sqlite(s) = &t.db {
        let size: i64 = sqlx::query_scalar("PRAGMA page_size")
            .fetch_one(&s.read)
            .await
            .unwrap();
        assert_eq!(size, i64::from(alliances_store::SQLITE_PAGE_SIZE));
    }
    t.remove().await;
}

/// Tables, columns with nullability, and index names, as the back-end reports them.
async fn schema(db: &Db) -> Vec<String> {
    let mut out: Vec<String> = match db {
        Db::Sqlite(s) => {
            let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
                "SELECT m.name, p.name, p.\"notnull\", p.pk FROM sqlite_master m \
                 JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            )
            .fetch_all(&s.read)
            .await
            .unwrap();
            let mut cols: Vec<String> = rows
                .into_iter()
                .map(|(t, c, nn, pk)| {
                    format!(
                        "{t}.{c} {}",
                        if nn == 1 || pk > 0 {
                            "NOT NULL"
                        } else {
                            "NULL"
                        }
                    )
                })
                .collect();
            let idx: Vec<(String,)> = sqlx::query_as(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'",
            )
            .fetch_all(&s.read)
            .await
            .unwrap();
            cols.extend(idx.into_iter().map(|(i,)| format!("index {i}")));
            cols
        }
        Db::Pg(p) => {
            let rows: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
                 WHERE table_schema = 'public'",
            )
            .fetch_all(p)
            .await
            .unwrap();
            let mut cols: Vec<String> = rows
                .into_iter()
                .map(|(t, c, n)| format!("{t}.{c} {}", if n == "NO" { "NOT NULL" } else { "NULL" }))
                .collect();
            let idx: Vec<(String,)> = sqlx::query_as(
                "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'",
            )
            .fetch_all(p)
            .await
            .unwrap();
            cols.extend(idx.into_iter().map(|(i,)| format!("index {i}")));
            cols
        }
    };
    out.sort();
    out
}

async fn schema_is_the_same_on_both_backends(backend: &Backend) {
    // Compare this back-end's schema with SQLite's (the reference), so that running the
    // PostgreSQL suite proves the two migration folders agree.
    let t = empty_db(backend).await;
    migrate::run(&t.db).await.unwrap();
    let this = schema(&t.db).await;
    let reference = empty_db(&Backend::Sqlite).await;
    migrate::run(&reference.db).await.unwrap();
    let sqlite = schema(&reference.db).await;
    // SQLite keeps a unique index for the primary key of `meta` and `schema_migrations`
    // under an sqlite_ name, filtered above; PostgreSQL's are *_pkey, filtered too.
    assert_eq!(this, sqlite);
    assert!(this.iter().any(|c| c == "territoires.nom NOT NULL"));
    t.remove().await;
    reference.remove().await;
}

async fn reference_data_loads_once_and_is_idempotent(backend: &Backend) {
    let t = empty_db(backend).await;
    migrate::run(&t.db).await.unwrap();
    match reference::ensure_loaded(&t.db).await.unwrap() {
        LoadOutcome::Loaded {
            territories,
            goals,
            targets,
            indicators,
        } => {
            assert!(territories > 36_000, "{territories}");
            assert_eq!((goals, targets), (17, 169));
            assert!(indicators >= 231);
        }
        other => panic!("expected a first load, got {other:?}"),
    }
    let before = (
        count(&t.db, "territoires").await,
        count(&t.db, "odd_cibles").await,
    );
    assert_eq!(
        reference::ensure_loaded(&t.db).await.unwrap(),
        LoadOutcome::AlreadyCurrent
    );
    let after = (
        count(&t.db, "territoires").await,
        count(&t.db, "odd_cibles").await,
    );
    assert_eq!(before, after);
    t.remove().await;
}

async fn reference_upgrade_removes_rows_gone_from_the_data(backend: &Backend) {
    let t = loaded_db(backend).await;
    let total = count(&t.db, "territoires").await;
    // A commune that an older data release had, and an older version stamp.
    let stale = "INSERT INTO territoires (niveau, code, nom, nom_normalise, version) \
                 VALUES ('commune', '99998', 'Commune disparue', 'commune disparue', 'ancienne')";
    let old = "UPDATE meta SET value = 'ancienne' WHERE key = 'reference_version'";
    match &t.db {
        Db::Sqlite(s) => {
            sqlx::query(stale).execute(&s.write).await.unwrap();
            sqlx::query(old).execute(&s.write).await.unwrap();
        }
        Db::Pg(p) => {
            sqlx::query(stale).execute(p).await.unwrap();
            sqlx::query(old).execute(p).await.unwrap();
        }
    }
    assert_eq!(count(&t.db, "territoires").await, total + 1);
    assert!(matches!(
        reference::ensure_loaded(&t.db).await.unwrap(),
        LoadOutcome::Loaded { .. }
    ));
    assert_eq!(count(&t.db, "territoires").await, total);
    assert!(
        territoires::get(&t.db, Level::Commune, "99998")
            .await
            .unwrap()
            .is_none()
    );
    t.remove().await;
}

async fn odd_referential_is_complete_and_ordered(backend: &Backend) {
    let t = loaded_db(backend).await;
    let data = odd::load_all(&t.db).await.unwrap();
    assert_eq!(data.goals.len(), 17);
    assert_eq!(data.goals[16].number, 17);
    assert_eq!(data.goals[16].color, "#19486A");
    assert_eq!(
        data.goals[16].short_fr,
        "Partenariats pour la réalisation des objectifs"
    );
    let sdg17: Vec<&str> = data
        .targets
        .iter()
        .filter(|c| c.goal == 17)
        .map(|c| c.code.as_str())
        .collect();
    let expected: Vec<String> = (1..=19).map(|n| format!("17.{n}")).collect();
    assert_eq!(sdg17, expected);
    let goal1: Vec<&str> = data
        .targets
        .iter()
        .filter(|c| c.goal == 1)
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(goal1, ["1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b"]);
    let retired = data.indicators.iter().find(|i| i.code == "17.6.2").unwrap();
    assert!(!retired.active);
    let repeated = data.indicators.iter().find(|i| i.code == "1.5.1").unwrap();
    assert!(repeated.repeats.contains(&"13.1.1".to_owned()));
    t.remove().await;
}

async fn territories_are_read_with_their_level(backend: &Backend) {
    let t = loaded_db(backend).await;
    let region = territoires::get(&t.db, Level::Region, "24")
        .await
        .unwrap()
        .unwrap();
    let departement = territoires::get(&t.db, Level::Departement, "24")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(region.name, "Centre-Val de Loire");
    assert_eq!(departement.name, "Dordogne");
    assert!(
        territoires::get(&t.db, Level::Commune, "99999")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        territoires::get(&t.db, Level::Commune, "abc")
            .await
            .unwrap()
            .is_none()
    );
    let (total, regions) = territoires::list(&t.db, Level::Region, Page::default())
        .await
        .unwrap();
    assert_eq!((total, regions.len()), (18, 18));
    assert!(regions.iter().all(|r| r.population.is_some()));
    assert_eq!(
        territoires::count(&t.db, Level::Departement).await.unwrap(),
        101
    );
    assert_eq!(
        territoires::count(&t.db, Level::CollectiviteOutreMer)
            .await
            .unwrap(),
        8
    );
    let mayotte = territoires::get(&t.db, Level::Region, "06")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mayotte.population_year, Some(2017));
    assert_eq!(region.population_year, None);
    let marcq = territoires::get(&t.db, Level::Commune, "59378")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(marcq.name, "Marcq-en-Barœul");
    assert_eq!(marcq.departement.as_deref(), Some("59"));
    assert_eq!(marcq.region.as_deref(), Some("32"));
    assert!(marcq.epci.is_some());
    t.remove().await;
}

async fn territory_hierarchy_queries(backend: &Backend) {
    let t = loaded_db(backend).await;
    let deps = territoires::departements_of_region(&t.db, "28")
        .await
        .unwrap();
    let codes: Vec<&str> = deps.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["14", "27", "50", "61", "76"]);
    let communes = territoires::communes_of(&t.db, Level::Departement, "2A")
        .await
        .unwrap();
    assert!(communes.len() > 100);
    assert!(
        communes
            .iter()
            .all(|c| c.departement.as_deref() == Some("2A"))
    );
    let epcis = territoires::epci_of_departement(&t.db, "93").await.unwrap();
    // Seine-Saint-Denis: the Métropole du Grand Paris and its EPT.
    assert!(epcis.iter().any(|e| e.kind.as_deref() == Some("METRO")));
    assert!(epcis.iter().any(|e| e.kind.as_deref() == Some("EPT")));
    let plaine_commune = territoires::communes_of(&t.db, Level::Epci, "200057867")
        .await
        .unwrap();
    assert_eq!(plaine_commune.len(), 9 - 1);
    let spread = territoires::departements_of_epci(&t.db, "200054781")
        .await
        .unwrap();
    assert_eq!(
        spread.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(),
        ["75", "91", "92", "93", "94", "95"]
    );
    let spm = territoires::communes_of(&t.db, Level::CollectiviteOutreMer, "975")
        .await
        .unwrap();
    assert_eq!(spm.len(), 2);
    t.remove().await;
}

async fn territory_search_ranks_exact_names_first(backend: &Backend) {
    let t = loaded_db(backend).await;
    let (total, found) = territoires::search(&t.db, "saint etienne", Page::default())
        .await
        .unwrap();
    assert!(total > 10, "{total}");
    assert_eq!(
        (found[0].level, found[0].code.as_str()),
        (Level::Commune, "42218")
    );
    let (_, found) = territoires::search(&t.db, "marcq en baroeul", Page::default())
        .await
        .unwrap();
    assert_eq!(found[0].code, "59378");
    let (_, found) = territoires::search(&t.db, "NORMANDIE", Page::default())
        .await
        .unwrap();
    assert_eq!(
        (found[0].level, found[0].code.as_str()),
        (Level::Region, "28")
    );
    let (_, found) = territoires::search(&t.db, "st gildas des bois", Page::default())
        .await
        .unwrap();
    assert!(
        found.iter().any(|f| f.level == Level::Epci),
        "EPCI names abbreviate « St »"
    );
    let (total, found) = territoires::search(&t.db, "  ", Page::default())
        .await
        .unwrap();
    assert_eq!((total, found.len()), (0, 0));
    t.remove().await;
}

async fn territory_search_handles_codes_and_pages(backend: &Backend) {
    let t = loaded_db(backend).await;
    let (_, found) = territoires::search(&t.db, "76540", Page::default())
        .await
        .unwrap();
    assert_eq!(found[0].name, "Rouen");
    let (_, found) = territoires::search(&t.db, "42000", Page::default())
        .await
        .unwrap();
    assert!(
        found.iter().any(|f| f.code == "42218"),
        "postal code finds Saint-Étienne"
    );
    let (total, first) = territoires::search(
        &t.db,
        "saint",
        Page {
            page: 1,
            per_page: 5,
        },
    )
    .await
    .unwrap();
    let (_, second) = territoires::search(
        &t.db,
        "saint",
        Page {
            page: 2,
            per_page: 5,
        },
    )
    .await
    .unwrap();
    assert!(total > 1000);
    assert_eq!((first.len(), second.len()), (5, 5));
    assert!(first.iter().all(|a| {
        second
            .iter()
            .all(|b| a.code != b.code || a.level != b.level)
    }));
    t.remove().await;
}

async fn seed_alliances_are_loaded_once(backend: &Backend) {
    let t = loaded_db(backend).await;
    let n = alliances::count(&t.db).await.unwrap();
    assert_eq!(usize::try_from(n).unwrap(), seed::seed_len());
    assert!(n >= 300);
    assert_eq!(
        seed::ensure_seeded(&t.db, 1).await.unwrap(),
        seed::SeedOutcome::AlreadyCurrent
    );
    let a = alliances::get(&t.db, "ptce-vivre-les-mureaux")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.alliance.nom, "PTCE Vivre Les Mureaux");
    assert_eq!(a.alliance.territoires[0].code, "78440");
    assert!(a.alliance.resume.is_some() && a.alliance.description.is_some());
    assert_eq!(a.origine, seed::SEED_ORIGIN);
    t.remove().await;
}

async fn upsert_updates_by_slug_and_logs_each_write(backend: &Backend) {
    let t = loaded_db(backend).await;
    let before = alliances::count(&t.db).await.unwrap();
    let last = alliances::last_change(&t.db).await.unwrap();
    let mut a = alliances::get(&t.db, "repareseb")
        .await
        .unwrap()
        .unwrap()
        .alliance;
    // Same content: nothing written, nothing logged.
    let same = alliances::upsert_all(&t.db, std::slice::from_ref(&a), "test", 10)
        .await
        .unwrap();
    assert_eq!(same.unchanged, 1);
    assert_eq!(alliances::last_change(&t.db).await.unwrap(), last);
    a.nom = "RépareSeb (modifié)".into();
    let mut b = a.clone();
    b.slug = "nouvelle-alliance".into();
    let out = alliances::upsert_all(&t.db, &[a, b], "test", 20)
        .await
        .unwrap();
    assert_eq!((out.created, out.updated), (1, 1));
    assert_eq!(alliances::count(&t.db).await.unwrap(), before + 1);
    let changes = alliances::changes_since(&t.db, last, 100).await.unwrap();
    let slugs: Vec<&str> = changes.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(slugs, vec!["repareseb", "nouvelle-alliance"]);
    let stored = alliances::get(&t.db, "repareseb").await.unwrap().unwrap();
    assert_eq!(stored.alliance.nom, "RépareSeb (modifié)");
    assert_eq!((stored.cree_le, stored.modifie_le), (0, 20));
    // A new seed version never overwrites a record imported since.
    forget_seed_version(&t.db).await;
    assert!(matches!(
        seed::ensure_seeded(&t.db, 30).await.unwrap(),
        seed::SeedOutcome::Loaded(_)
    ));
    let kept = alliances::get(&t.db, "repareseb").await.unwrap().unwrap();
    assert_eq!(kept.alliance.nom, "RépareSeb (modifié)");
    assert_eq!(kept.origine, "test");
    let page = alliances::page_after(&t.db, Some("repareseb"), 2)
        .await
        .unwrap();
    assert!(page.iter().all(|s| s.alliance.slug.as_str() > "repareseb"));
    t.remove().await;
}

/// Forgets the seed version, as a new release with another seed would.
async fn forget_seed_version(db: &Db) {
    alliances_store::meta::set(db, "amorce_alliances_version", "ancienne")
        .await
        .unwrap();
}

async fn diagnostics_drafts_reports_and_deletion(backend: &Backend) {
    let t = loaded_db(backend).await;
    let db = &t.db;
    diagnostics::create(db, "k1", 1, 100).await.unwrap();
    let d = diagnostics::get(db, "k1").await.unwrap().unwrap();
    assert_eq!(
        (d.version, d.reponses.as_str(), d.etape, d.rapport),
        (1, "{}", 0, None)
    );
    assert!(
        diagnostics::save_answers(db, "k1", r#"{"a":"b"}"#, 2, 150)
            .await
            .unwrap()
    );
    assert!(
        !diagnostics::save_answers(db, "absent", "{}", 1, 150)
            .await
            .unwrap()
    );
    let d = diagnostics::get(db, "k1").await.unwrap().unwrap();
    assert_eq!(
        (d.reponses.as_str(), d.etape, d.utilise_le),
        (r#"{"a":"b"}"#, 2, 150)
    );
    assert!(
        diagnostics::complete(db, "k1", r#"{"a":"c"}"#, r#"{"r":1}"#, 200)
            .await
            .unwrap()
    );
    let d = diagnostics::get(db, "k1").await.unwrap().unwrap();
    assert_eq!(d.rapport.as_deref(), Some(r#"{"r":1}"#));
    assert_eq!(d.termine_le, Some(200));
    diagnostics::insert_complete(db, "k2", 1, "{}", "{}", 300)
        .await
        .unwrap();
    diagnostics::touch(db, "k2", 400).await.unwrap();
    assert_eq!(
        diagnostics::get(db, "k2")
            .await
            .unwrap()
            .unwrap()
            .utilise_le,
        400
    );
    assert!(diagnostics::delete(db, "k1").await.unwrap());
    assert!(!diagnostics::delete(db, "k1").await.unwrap());
    assert!(diagnostics::get(db, "k1").await.unwrap().is_none());
    // A key is unique.
    assert!(diagnostics::create(db, "k2", 1, 500).await.is_err());
    t.remove().await;
}

async fn collectives_keep_partners_together(backend: &Backend) {
    let t = loaded_db(backend).await;
    let db = &t.db;
    let partners: Vec<(String, String)> = ["p0", "p1", "p2"]
        .iter()
        .zip(["Mairie", "Association", "Entreprise"])
        .map(|(k, l)| ((*k).to_owned(), l.to_owned()))
        .collect();
    diagnostics::create_collective(db, "c", "Alliance du plateau", 1, &partners, 100)
        .await
        .unwrap();
    let c = diagnostics::get_collective(db, "c").await.unwrap().unwrap();
    assert_eq!(
        (c.nom.as_str(), c.reponses_ouvertes),
        ("Alliance du plateau", false)
    );
    let members = diagnostics::members(db, "c").await.unwrap();
    let labels: Vec<_> = members
        .iter()
        .map(|m| m.partenaire.clone().unwrap())
        .collect();
    assert_eq!(labels, ["Mairie", "Association", "Entreprise"]);
    assert!(members.iter().all(|m| m.collectif.as_deref() == Some("c")));
    assert!(diagnostics::set_open(db, "c", true, 150).await.unwrap());
    assert!(
        diagnostics::get_collective(db, "c")
            .await
            .unwrap()
            .unwrap()
            .reponses_ouvertes
    );
    assert!(diagnostics::delete_collective(db, "c").await.unwrap());
    for key in ["p0", "p1", "p2"] {
        assert!(
            diagnostics::get(db, key).await.unwrap().is_none(),
            "{key} deleted with its collective"
        );
    }
    t.remove().await;
}

async fn purge_follows_the_retention_rules(backend: &Backend) {
    let t = loaded_db(backend).await;
    let db = &t.db;
    let day = 86_400;
    let now = 1_000 * day;
    // A draft unused for 91 days goes; one used 89 days ago stays.
    diagnostics::create(db, "old-draft", 1, now - 91 * day)
        .await
        .unwrap();
    diagnostics::create(db, "recent-draft", 1, now - 89 * day)
        .await
        .unwrap();
    // A report unused for 13 months goes; one used 11 months ago stays, even if old.
    diagnostics::insert_complete(db, "old-report", 1, "{}", "{}", now - 400 * day)
        .await
        .unwrap();
    diagnostics::insert_complete(db, "kept-report", 1, "{}", "{}", now - 500 * day)
        .await
        .unwrap();
    diagnostics::touch(db, "kept-report", now - 330 * day)
        .await
        .unwrap();
    // A collective follows its facilitator's use: its partners' drafts stay with it.
    let partners = vec![
        ("cp".to_owned(), "A".to_owned()),
        ("cq".to_owned(), "B".to_owned()),
    ];
    diagnostics::create_collective(db, "used", "Utilisé", 1, &partners, now - 200 * day)
        .await
        .unwrap();
    diagnostics::touch_collective(db, "used", now - day)
        .await
        .unwrap();
    // In a used collective, a partner's draft left for 91 days loses its answers, not its place.
    diagnostics::save_answers(
        db,
        "cp",
        r#"{"type_acteur":"association"}"#,
        1,
        now - 91 * day,
    )
    .await
    .unwrap();
    let gone = vec![
        ("gp".to_owned(), "A".to_owned()),
        ("gq".to_owned(), "B".to_owned()),
    ];
    diagnostics::create_collective(db, "unused", "Oublié", 1, &gone, now - 370 * day)
        .await
        .unwrap();
    let purged = diagnostics::purge(db, now).await.unwrap();
    assert_eq!(
        (purged.drafts, purged.reports, purged.collectives),
        (2, 1, 1)
    );
    assert_eq!(
        diagnostics::get(db, "cp").await.unwrap().unwrap().reponses,
        "{}"
    );
    for (key, kept) in [
        ("old-draft", false),
        ("recent-draft", true),
        ("old-report", false),
        ("kept-report", true),
        ("cp", true),
        ("cq", true),
        ("gp", false),
        ("gq", false),
    ] {
        assert_eq!(
            diagnostics::get(db, key).await.unwrap().is_some(),
            kept,
            "{key}"
        );
    }
    assert!(
        diagnostics::get_collective(db, "used")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        diagnostics::get_collective(db, "unused")
            .await
            .unwrap()
            .is_none()
    );
    t.remove().await;
}

async fn documents_are_seeded_once_and_logged(backend: &Backend) {
    use alliances_domain::catalyseur::Catalyseur;
    use alliances_domain::figure::KeyFigure;
    use alliances_store::documents;
    let t = loaded_db(backend).await;
    let figures: Vec<documents::Stored<KeyFigure>> =
        documents::all(&t.db, documents::KEY_FIGURE).await.unwrap();
    let catalyseurs: Vec<documents::Stored<Catalyseur>> =
        documents::all(&t.db, documents::CATALYSEUR).await.unwrap();
    assert_eq!((figures.len(), catalyseurs.len()), (121, 72));
    assert!(figures.iter().all(|s| s.origine == seed::SEED_ORIGIN));
    let outils: Vec<documents::Stored<alliances_domain::outil::Outil>> =
        documents::all(&t.db, documents::OUTIL).await.unwrap();
    assert_eq!(outils.len(), 82);
    assert!(outils.iter().all(|s| s.record.description.is_some()));
    let again = seed::ensure_documents_seeded(&t.db, 1).await.unwrap();
    assert_eq!(again.figures, seed::SeedOutcome::AlreadyCurrent);
    assert_eq!(again.catalyseurs, seed::SeedOutcome::AlreadyCurrent);
    assert_eq!(again.outils, seed::SeedOutcome::AlreadyCurrent);
    // Same content: nothing written, nothing logged.
    let last = documents::last_change(&t.db).await.unwrap();
    let mut f = figures
        .iter()
        .find(|s| s.record.id == "kf-052")
        .unwrap()
        .record
        .clone();
    let same = documents::upsert_all(
        &t.db,
        documents::KEY_FIGURE,
        std::slice::from_ref(&f),
        "test",
        None,
        10,
    )
    .await
    .unwrap();
    assert_eq!(same.unchanged, 1);
    assert_eq!(documents::last_change(&t.db).await.unwrap(), last);
    // A change is written and logged once; a new identifier is created.
    f.note_fr = Some("Note modifiée".into());
    let mut g = f.clone();
    g.id = "kf-900".into();
    let out = documents::upsert_all(
        &t.db,
        documents::KEY_FIGURE,
        &[f, g],
        "import.csv",
        Some("Équipe"),
        20,
    )
    .await
    .unwrap();
    assert_eq!((out.created, out.updated, out.unchanged), (1, 1, 0));
    assert_eq!(documents::last_change(&t.db).await.unwrap(), last + 2);
    let stored: Vec<documents::Stored<KeyFigure>> = documents::by_ids(
        &t.db,
        documents::KEY_FIGURE,
        &["kf-052".into(), "kf-900".into(), "kf-inconnu".into()],
    )
    .await
    .unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0].record.note_fr.as_deref(), Some("Note modifiée"));
    assert_eq!(stored[0].origine, "import.csv");
    assert_eq!(stored[0].importe_par.as_deref(), Some("Équipe"));
    assert_eq!((stored[0].cree_le, stored[0].modifie_le), (0, 20));
    // Kinds are apart: a catalyseur with the same identifier would not collide.
    assert_eq!(
        documents::ids(&t.db, documents::CATALYSEUR)
            .await
            .unwrap()
            .len(),
        72
    );
    // A new seed version never overwrites what was imported since.
    alliances_store::meta::set(&t.db, "amorce_chiffres_version", "ancienne")
        .await
        .unwrap();
    let reseeded = seed::ensure_documents_seeded(&t.db, 30).await.unwrap();
    assert!(matches!(reseeded.figures, seed::SeedOutcome::Loaded(_)));
    let kept: Vec<documents::Stored<KeyFigure>> =
        documents::by_ids(&t.db, documents::KEY_FIGURE, &["kf-052".into()])
            .await
            .unwrap();
    assert_eq!(kept[0].record.note_fr.as_deref(), Some("Note modifiée"));
    assert_eq!(kept[0].origine, "import.csv");
    t.remove().await;
}
