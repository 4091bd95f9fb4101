//! `alliances-bench`: the search benchmark's tools.
//!
//! - `corpus N` writes N synthetic alliances as CSV (the import layout) on standard output.
//!   Each is built from a real seed alliance chosen at random — its partners, domains,
//!   modes, fragilities and texts, so every field keeps the seed's distribution — moved to
//!   a random territory of the same level (communes weighted by population), and flagged
//!   synthetic in its id, name, summary, description and source address.
//! - `engines --database URL --pg URL [--tasks 8] [--seconds 20]` compares our search with
//!   PostgreSQL full-text search on the same documents and the same 20 queries, each with
//!   all facet counts and the top 20, under the same number of concurrent tasks.
//! - `diagnostics --database URL [--count 2000]` computes that many reports of the
//!   questioning kit in process, on one thread (checking the answers, scoring, ranking the
//!   personal path with the search engine), from random complete answer sets, and prints
//!   the latency distribution.
//! - `phases --index DIR [--runs 20]` tells where a search's time goes (see `phases.rs`).

mod phases;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use alliances_search::{FACETS, IndexDoc, Query, Sort};
use alliances_web::indexing::index_doc;
use alliances_web::{AppState, Settings};

/// The 20 queries: common single words (each matching at least 10 % of the corpus), two-word
/// queries, place names, and the empty query.
pub const QUERIES: [&str; 20] = [
    "emploi",
    "association",
    "territoire",
    "entreprises",
    "insertion",
    "énergie",
    "habitants",
    "projet",
    "énergie citoyenne",
    "insertion professionnelle",
    "quartiers prioritaires",
    "mécénat compétences",
    "aide alimentaire",
    "économie circulaire",
    "Bretagne",
    "Marseille",
    "Seine-Saint-Denis",
    "Occitanie",
    "Lyon",
    "",
];

/// A search as the API runs one of the queries: no filter, the default sort, the first 20
/// with every facet count and snippets.
pub fn api_query(q: &str, places: alliances_search::Places) -> Query {
    Query {
        q: q.to_owned(),
        filters: Vec::new(),
        sort: if q.is_empty() {
            Sort::Date
        } else {
            Sort::Relevance
        },
        offset: 0,
        limit: 20,
        facets: true,
        snippets: true,
        places,
    }
}

/// xorshift64*: deterministic, good enough to draw a corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn read_csv(path: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let headers = r.headers().expect("header").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("row");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

/// Territories of one level: (code, name), with cumulative weights for drawing.
struct Pool {
    items: Vec<(String, String)>,
    cumulative: Vec<u64>,
}

impl Pool {
    fn new(rows: &[HashMap<String, String>], code: &str, weighted: bool) -> Pool {
        let mut items = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0u64;
        for r in rows {
            let w = if weighted {
                r.get("population")
                    .and_then(|p| p.parse::<u64>().ok())
                    .unwrap_or(1)
                    .max(1)
            } else {
                1
            };
            total += w;
            items.push((r[code].clone(), r["nom"].clone()));
            cumulative.push(total);
        }
        Pool { items, cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> &(String, String) {
        let total = *self.cumulative.last().unwrap_or(&1);
        let x = rng.next() % total;
        let i = self.cumulative.partition_point(|c| *c <= x);
        &self.items[i.min(self.items.len() - 1)]
    }
}

fn corpus(n: usize) {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../data");
    let seed = read_csv(&format!("{data}/alliances/alliances.csv"));
    let communes = Pool::new(
        &read_csv(&format!("{data}/territoires/communes.csv")),
        "code",
        true,
    );
    let epci = Pool::new(
        &read_csv(&format!("{data}/territoires/epci.csv")),
        "siren",
        true,
    );
    let deps = Pool::new(
        &read_csv(&format!("{data}/territoires/departements.csv")),
        "code",
        false,
    );
    let regions = Pool::new(
        &read_csv(&format!("{data}/territoires/regions.csv")),
        "code",
        false,
    );
    let columns: Vec<&str> = alliances_store::exchange::columns()
        .into_iter()
        .filter(|c| {
            alliances_domain::alliance::FACT_COLUMNS.contains(c)
                || ["resume", "description"].contains(c)
        })
        .collect();
    let mut out = csv::Writer::from_writer(std::io::stdout().lock());
    out.write_record(&columns).expect("write");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..n {
        let t = &seed[rng.below(seed.len())];
        let level = t["territory_level"].as_str();
        let count = t["insee_codes"]
            .split(" | ")
            .filter(|c| !c.is_empty())
            .count();
        let pool = match level {
            "commune" | "micro-local" => Some(&communes),
            "intercommunalite" => Some(&epci),
            "departement" => Some(&deps),
            "region" => Some(&regions),
            _ => None,
        };
        let mut codes: Vec<String> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        if let Some(pool) = pool {
            for _ in 0..count {
                let (code, name) = pool.draw(&mut rng);
                if !codes.contains(code) {
                    codes.push(code.clone());
                    names.push(name.clone());
                }
            }
        }
        let place = if names.is_empty() {
            t["territory_name"].clone()
        } else {
            names.join(", ")
        };
        let start = match t["start_year"].get(..4).and_then(|y| y.parse::<i64>().ok()) {
            Some(y) => (y + (rng.below(9) as i64) - 4)
                .clamp(1980, 2026)
                .to_string(),
            None => String::new(),
        };
        let row: Vec<String> = columns
            .iter()
            .map(|c| match *c {
                "id" => format!("synthetique-{i:06}"),
                "name" => format!("{} (synthétique n° {i})", t["name"]),
                "territory_name" => place.clone(),
                "insee_codes" => codes.join(" | "),
                // Placed by its codes; without codes, where the seed is placed (its région).
                "region" if codes.is_empty() => t["region"].clone(),
                "region" => String::new(),
                "start_year" => start.clone(),
                "source_urls" => format!("https://example.invalid/synthetique/{i}"),
                "resume" => format!("Donnée synthétique de test. {}", t["resume"]),
                "description" => format!(
                    "{}\n\nFiche synthétique, générée pour les mesures de performance à partir de la fiche « {} » et placée à {place}.",
                    t["description"], t["name"]
                ),
                other => t.get(other).cloned().unwrap_or_default(),
            })
            .collect();
        out.write_record(&row).expect("write");
    }
    out.flush().expect("flush");
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

async fn pg_setup(pool: &sqlx::PgPool, docs: &[IndexDoc]) {
    let statements = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "DROP TABLE IF EXISTS bench_facettes",
        "DROP TABLE IF EXISTS bench_docs",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS fr_unaccent",
        "CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french)",
        "ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem",
        "CREATE TABLE bench_docs (id INTEGER PRIMARY KEY, slug TEXT NOT NULL, nom TEXT NOT NULL, resume TEXT NOT NULL, tsv TSVECTOR NOT NULL)",
        "CREATE TABLE bench_facettes (id INTEGER NOT NULL, facette TEXT NOT NULL, code TEXT NOT NULL)",
    ];
    for s in statements {
        sqlx::query(s).execute(pool).await.expect(s);
    }
    for (chunk_no, chunk) in docs.chunks(500).enumerate() {
        let mut qb =
            sqlx::QueryBuilder::new("INSERT INTO bench_docs (id, slug, nom, resume, tsv) ");
        qb.push_values(chunk.iter().enumerate(), |mut b, (i, d)| {
            b.push_bind(i32::try_from(chunk_no * 500 + i).unwrap_or(0))
                .push_bind(&d.slug)
                .push_bind(&d.nom)
                .push_bind(&d.resume)
                .push("setweight(to_tsvector('fr_unaccent', ")
                .push_bind_unseparated(&d.nom)
                .push_unseparated("), 'A') || setweight(to_tsvector('fr_unaccent', ")
                .push_bind_unseparated(&d.resume)
                .push_unseparated("), 'B') || setweight(to_tsvector('fr_unaccent', ")
                .push_bind_unseparated(&d.description)
                .push_unseparated("), 'C') || setweight(to_tsvector('fr_unaccent', ")
                .push_bind_unseparated(&d.texte)
                .push_unseparated("), 'D')");
        });
        qb.build().execute(pool).await.expect("insert docs");
        let rows: Vec<(i32, &str, &str)> = chunk
            .iter()
            .enumerate()
            .flat_map(|(i, d)| {
                let id = i32::try_from(chunk_no * 500 + i).unwrap_or(0);
                d.facettes
                    .iter()
                    .filter(|(f, _)| FACETS.contains(f))
                    .map(move |(f, c)| (id, *f, c.as_str()))
            })
            .collect();
        for part in rows.chunks(10_000) {
            let mut qb = sqlx::QueryBuilder::new("INSERT INTO bench_facettes (id, facette, code) ");
            qb.push_values(part, |mut b, (id, f, c)| {
                b.push_bind(*id).push_bind(*f).push_bind(*c);
            });
            qb.build().execute(pool).await.expect("insert facets");
        }
    }
    for s in [
        "CREATE INDEX bench_docs_tsv ON bench_docs USING GIN (tsv)",
        "CREATE INDEX bench_facettes_id ON bench_facettes (id)",
        "ANALYZE bench_docs",
        "ANALYZE bench_facettes",
    ] {
        sqlx::query(s).execute(pool).await.expect(s);
    }
}

/// One query on PostgreSQL: total, top 20 by ts_rank, facet counts by GROUP BY.
async fn pg_query(pool: &sqlx::PgPool, q: &str) -> (i64, usize, usize) {
    if q.is_empty() {
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bench_docs")
            .fetch_one(pool)
            .await
            .expect("count");
        let top: Vec<(String,)> =
            sqlx::query_as("SELECT slug FROM bench_docs ORDER BY id DESC LIMIT 20")
                .fetch_all(pool)
                .await
                .expect("top");
        let facets: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT facette, code, COUNT(*) FROM bench_facettes GROUP BY facette, code",
        )
        .fetch_all(pool)
        .await
        .expect("facets");
        return (total, top.len(), facets.len());
    }
    let total: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM bench_docs WHERE tsv @@ plainto_tsquery('fr_unaccent', $1)",
    )
    .bind(q)
    .fetch_one(pool)
    .await
    .expect("count");
    let top: Vec<(String, f32)> = sqlx::query_as(
        "SELECT slug, ts_rank(tsv, query) AS r FROM bench_docs, plainto_tsquery('fr_unaccent', $1) query \
         WHERE tsv @@ query ORDER BY r DESC LIMIT 20",
    )
    .bind(q)
    .fetch_all(pool)
    .await
    .expect("top");
    let facets: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT f.facette, f.code, COUNT(*) FROM bench_facettes f JOIN bench_docs d ON d.id = f.id \
         WHERE d.tsv @@ plainto_tsquery('fr_unaccent', $1) GROUP BY f.facette, f.code",
    )
    .bind(q)
    .fetch_all(pool)
    .await
    .expect("facets");
    (total, top.len(), facets.len())
}

fn ours(state: &AppState, q: &str) -> (usize, usize, usize) {
    let ready = state.ready().expect("ready");
    let r = ready
        .search
        .search(&Query {
            snippets: false,
            // As the API does: a query naming a territory ranks its alliances first.
            ..api_query(q, alliances_web::places::named_in_query(ready, q))
        })
        .expect("search");
    (
        r.total,
        r.hits.len(),
        r.facets.iter().map(|(_, v)| v.len()).sum(),
    )
}

/// Runs `tasks` concurrent loops over the 20 queries for `seconds`; queries per second.
async fn throughput<F, Fut>(tasks: usize, seconds: u64, run: F) -> f64
where
    F: Fn(&'static str) -> Fut + Send + Sync + 'static + Clone,
    Fut: std::future::Future<Output = ()> + Send,
{
    let done = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    let mut handles = Vec::new();
    for t in 0..tasks {
        let (done, stop, run) = (done.clone(), stop.clone(), run.clone());
        handles.push(tokio::spawn(async move {
            let mut i = t;
            while !stop.load(Ordering::Relaxed) {
                run(QUERIES[i % QUERIES.len()]).await;
                done.fetch_add(1, Ordering::Relaxed);
                i += 1;
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    for h in handles {
        let _ = h.await;
    }
    done.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64()
}

/// The application state on `database`, prepared (migrations, seed, search index in memory).
async fn prepared(database: &str) -> AppState {
    let db = alliances_store::Db::connect(database, &alliances_store::ConnectOptions::default())
        .await
        .expect("open the database");
    let settings = Settings {
        rate_limit_reads: None,
        rate_limit_writes: None,
        log_requests: false,
        ..Settings::default()
    };
    let state = AppState::new(
        db,
        alliances_i18n::Catalog::load().expect("catalogues"),
        settings,
    );
    alliances_web::prepare(&state, true).await.expect("prepare");
    state
}

async fn engines(args: &[String]) {
    let database = arg(args, "--database").expect("--database URL");
    let pg_url = arg(args, "--pg");
    let tasks: usize = arg(args, "--tasks")
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let seconds: u64 = arg(args, "--seconds")
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);

    let t = Instant::now();
    let state = prepared(&database).await;
    let db = state.db.clone();
    let ready = state.ready().expect("ready");
    let n = ready.search.len();
    println!(
        "== Corpus: {n} alliances; our index built in memory in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    println!(
        "== One thread, each query alone (mean of 30 runs, with facet counts and the top 20; snippets too, as the API does; for a query naming a territory, also without ranking its alliances first):"
    );
    let mean_ms = |q: &str, places: &alliances_search::Places| {
        let t = Instant::now();
        for _ in 0..30 {
            let _ = ready.search.search(&api_query(q, places.clone()));
        }
        t.elapsed().as_secs_f64() * 1000.0 / 30.0
    };
    for q in QUERIES {
        let places = alliances_web::places::named_in_query(ready, q);
        let label = if q.is_empty() { "(vide)" } else { q };
        if places.boosts.is_empty() {
            println!("   {label:<28} {:>6.2} ms", mean_ms(q, &places));
        } else {
            let with = mean_ms(q, &places);
            let without = mean_ms(q, &alliances_search::Places::default());
            println!(
                "   {label:<28} {with:>6.2} ms   (text only: {without:.2} ms; {} place term(s){})",
                places.boosts.len(),
                if places.match_alone {
                    ", matching alone"
                } else {
                    ""
                }
            );
        }
    }
    let Some(pg_url) = pg_url else {
        return;
    };
    let docs: Vec<IndexDoc> = alliances_store::alliances::all(&db)
        .await
        .expect("read")
        .iter()
        .map(|s| index_doc(&state, ready, s).expect("index document"))
        .collect();
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(u32::try_from(tasks).unwrap_or(8))
        .connect(&pg_url)
        .await
        .expect("connect to PostgreSQL");
    let t = Instant::now();
    pg_setup(&pool, &docs).await;
    println!(
        "== PostgreSQL: same {} documents loaded (tsvector 'french' + unaccent, weights A–D, GIN) in {:.1} s",
        docs.len(),
        t.elapsed().as_secs_f64()
    );
    drop(docs);

    println!("== The 20 queries (matches: ours · PostgreSQL; share of the corpus by ours)");
    for q in QUERIES {
        let (ours_total, _, ours_facets) = ours(&state, q);
        let (pg_total, _, pg_facets) = pg_query(&pool, q).await;
        println!(
            "   {:<28} {:>7} · {:>7}  ({:>5.1} %)  facet values {} · {}",
            if q.is_empty() { "(vide)" } else { q },
            ours_total,
            pg_total,
            100.0 * ours_total as f64 / n as f64,
            ours_facets,
            pg_facets
        );
    }

    let st = state.clone();
    let ours_qps = throughput(tasks, seconds, move |q| {
        let st = st.clone();
        async move {
            let _ = tokio::task::spawn_blocking(move || ours(&st, q)).await;
        }
    })
    .await;
    let p = pool.clone();
    let pg_qps = throughput(tasks, seconds, move |q| {
        let p = p.clone();
        async move {
            pg_query(&p, q).await;
        }
    })
    .await;
    println!(
        "== Throughput, {tasks} concurrent tasks, {seconds} s each, queries with all facet counts and the top 20:"
    );
    println!("   ours (tantivy + facet tables)   {ours_qps:>10.1} queries/s");
    println!("   PostgreSQL full-text search     {pg_qps:>10.1} queries/s");
    println!("== Ratio ours / PostgreSQL: {:.1}", ours_qps / pg_qps);
    for s in ["DROP TABLE bench_facettes", "DROP TABLE bench_docs"] {
        let _ = sqlx::query(s).execute(&pool).await;
    }
}

/// A random complete answer set: every applicable question answered (optional ones three
/// times out of four), territories drawn among `places`.
fn random_answers(
    def: &alliances_domain::questionnaire::Questionnaire,
    rng: &mut Rng,
    places: &[String],
) -> alliances_domain::diagnostic::Answers {
    use alliances_domain::diagnostic::{self, Answer};
    use alliances_domain::questionnaire::Kind;
    let mut out = diagnostic::Answers::new();
    for q in def.questions() {
        if !diagnostic::applies(q, &out) || (!q.obligatoire && rng.below(4) == 0) {
            continue;
        }
        let a = match q.kind {
            Kind::Territoire => Answer::One(places[rng.below(places.len())].clone()),
            Kind::Texte => Answer::One("Texte libre de test (synthétique).".into()),
            Kind::ChoixMultiple => {
                let first = &q.options[rng.below(q.options.len())];
                let mut chosen = vec![first.valeur.clone()];
                if !first.exclusif {
                    for o in &q.options {
                        let room = q.max_choix.is_none_or(|m| chosen.len() < m);
                        if room && !o.exclusif && !chosen.contains(&o.valeur) && rng.below(3) == 0 {
                            chosen.push(o.valeur.clone());
                        }
                    }
                }
                Answer::Many(chosen)
            }
            _ => Answer::One(q.options[rng.below(q.options.len())].valeur.clone()),
        };
        out.insert(q.id.clone(), a);
    }
    out
}

async fn diagnostics(args: &[String]) {
    use alliances_domain::diagnostic::{self, Answers, Scope};
    use alliances_web::features::methodes::{ReadyPlaces, build_report, path_of};
    let database = arg(args, "--database").expect("--database URL");
    let count: usize = arg(args, "--count")
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let state = prepared(&database).await;
    let ready = state.ready().expect("ready");
    let def = state.settings.questionnaires.current().clone();
    // Communes (most answers) and départements.
    let mut places: Vec<String> = ready
        .directory
        .communes
        .keys()
        .take(5000)
        .cloned()
        .collect();
    places.extend(
        ready
            .departements
            .iter()
            .map(|d| format!("departements/{}", d.code)),
    );
    places.sort();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let sets: Vec<Answers> = (0..count)
        .map(|_| random_answers(&def, &mut rng, &places))
        .collect();
    println!(
        "== {} alliances in the index; {count} random complete answer sets (questionnaire v{})",
        ready.search.len(),
        def.version
    );
    // Warm-up, then one report at a time on this thread.
    let report = |a: &Answers| {
        let checked = diagnostic::check(
            &def,
            a,
            &Answers::new(),
            &ReadyPlaces(ready),
            Scope::Complete,
        )
        .expect("valid answers");
        // The report, then its path as a reading computes it.
        let r = build_report(ready, &def, &checked, "2026-01-01".into());
        path_of(ready, &state.settings.parcours, &def, &r).expect("path")
    };
    for a in sets.iter().take(50) {
        let _ = report(a);
    }
    let mut times: Vec<f64> = Vec::with_capacity(count);
    let mut recommended = 0usize;
    for a in &sets {
        let t = Instant::now();
        let r = report(a);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        recommended += r.iter().filter(|x| x.kind == "alliance").count();
    }
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!(
        "   report: mean {mean:.3} ms · {} ({:.1} alliances recommended on average)",
        spread(&mut times),
        recommended as f64 / count as f64
    );
}

/// Percentiles of sorted durations in milliseconds.
fn spread(times: &mut [f64]) -> String {
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    format!(
        "p50 {:.3} ms · p99 {:.3} ms · max {:.3} ms",
        at(0.5),
        at(0.99),
        times[times.len() - 1]
    )
}

/// The territory name search as a territory field types it: every prefix (2 characters
/// and more) of real names, in memory (`Ready::find_territories`) and, for a share of the
/// same queries, through the database query it replaced; one query at a time on this
/// thread.
async fn territoires(args: &[String]) {
    use alliances_domain::pagination::Page;
    let database = arg(args, "--database").expect("--database URL");
    let count: usize = arg(args, "--count")
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let state = prepared(&database).await;
    let ready = state.ready().expect("ready");
    let mut names: Vec<&str> = ready
        .directory
        .communes
        .values()
        .chain(ready.directory.epcis.values())
        .map(|t| t.name.as_str())
        .collect();
    names.sort_unstable();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut queries: Vec<String> = Vec::with_capacity(count);
    while queries.len() < count {
        let name: Vec<char> = names[rng.below(names.len())].chars().collect();
        for end in 2..=name.len() {
            queries.push(name[..end].iter().collect());
        }
    }
    queries.truncate(count);
    let page = Page {
        page: 1,
        per_page: 8,
    };
    println!(
        "== {} territories in memory; {count} queries (prefixes of real names, as typed)",
        ready.territory_index.len()
    );
    for q in queries.iter().take(200) {
        let _ = ready.find_territories(q, page);
    }
    let mut memory: Vec<f64> = Vec::with_capacity(count);
    for q in &queries {
        let t = Instant::now();
        let found = ready.find_territories(q, page);
        memory.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(found);
    }
    let mean_memory = memory.iter().sum::<f64>() / memory.len() as f64;
    println!(
        "   in memory: mean {mean_memory:.3} ms · {}",
        spread(&mut memory)
    );
    let sample: Vec<&String> = queries.iter().step_by(40).collect();
    let mut database: Vec<f64> = Vec::with_capacity(sample.len());
    for q in &sample {
        let t = Instant::now();
        let found = alliances_store::territoires::search(&state.db, q, page)
            .await
            .expect("search");
        database.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(found);
    }
    let mean_database = database.iter().sum::<f64>() / database.len() as f64;
    println!(
        "   database query (before), {} of the same queries: mean {mean_database:.3} ms · {}",
        sample.len(),
        spread(&mut database)
    );
    println!(
        "   mean ratio database / memory: {:.0}×",
        mean_database / mean_memory
    );
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("corpus") => {
            let n = args.get(2).and_then(|v| v.parse().ok()).unwrap_or(100_000);
            corpus(n);
        }
        Some("engines") => engines(&args).await,
        Some("diagnostics") => diagnostics(&args).await,
        Some("territoires") => territoires(&args).await,
        Some("phases") => phases::run(&args),
        Some("paths") => {
            for q in QUERIES {
                let enc: String = q
                    .bytes()
                    .map(|b| match b {
                        b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
                        b' ' => "+".to_owned(),
                        _ => format!("%{b:02X}"),
                    })
                    .collect();
                println!("/api/v1/alliances?q={enc}");
            }
        }
        _ => {
            eprintln!("usage : alliances-bench corpus N > corpus.csv");
            eprintln!("        alliances-bench paths   (the 20 queries as API paths)");
            eprintln!(
                "        alliances-bench engines --database URL [--pg URL] [--tasks 8] [--seconds 20]"
            );
            eprintln!("        alliances-bench diagnostics --database URL [--count 2000]");
            eprintln!("        alliances-bench territoires --database URL [--count 20000]");
            eprintln!("        alliances-bench phases --index DOSSIER [--runs 20]");
            std::process::exit(2);
        }
    }
}
