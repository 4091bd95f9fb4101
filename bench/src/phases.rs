//! `phases --index DIR [--runs 20]`: where a search's time goes, in process, on one thread,
//! over an index a server built (stop the server first: the index admits one writer). For
//! each of the 20 queries, the mean time of the whole search (total, every facet count, top
//! 20 with snippets) and of the same search with one part left out: the snippets, the facet
//! counts (the total is then a plain count), the ranking (a page past the end). The places a
//! query names are left out (the server adds them to five of the queries).

use std::path::Path;
use std::time::Instant;

use alliances_search::{Query, SearchIndex};

use crate::QUERIES;

pub fn run(args: &[String]) {
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let Some(dir) = arg("--index") else {
        eprintln!("usage : alliances-bench phases --index DOSSIER [--runs 20]");
        std::process::exit(2);
    };
    let runs: u32 = arg("--runs").and_then(|v| v.parse().ok()).unwrap_or(20);
    let index = SearchIndex::open(Some(Path::new(&dir))).expect("open the index");
    println!(
        "== {} documents in {dir}; mean of {runs} runs, one thread",
        index.len()
    );
    println!(
        "   {:<28} {:>8} {:>14} {:>14} {:>14}",
        "query", "whole", "no snippets", "no facets", "no ranking"
    );
    let mut sums = [0.0f64; 4];
    for q in QUERIES {
        let base = crate::api_query(q, alliances_search::Places::default());
        let variants = [
            base.clone(),
            Query {
                snippets: false,
                ..base.clone()
            },
            Query {
                facets: false,
                ..base.clone()
            },
            Query {
                offset: usize::MAX / 2,
                ..base.clone()
            },
        ];
        let mut ms = [0.0f64; 4];
        for (slot, query) in ms.iter_mut().zip(&variants) {
            index.search(query).expect("search");
            let t = Instant::now();
            for _ in 0..runs {
                index.search(query).expect("search");
            }
            *slot = t.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
        }
        for (s, m) in sums.iter_mut().zip(ms) {
            *s += m;
        }
        let label = if q.is_empty() { "(vide)" } else { q };
        println!(
            "   {label:<28} {:>5.2} ms {:>11.2} ms {:>11.2} ms {:>11.2} ms",
            ms[0], ms[1], ms[2], ms[3]
        );
    }
    let n = QUERIES.len() as f64;
    println!(
        "   {:<28} {:>5.2} ms {:>11.2} ms {:>11.2} ms {:>11.2} ms",
        "mean",
        sums[0] / n,
        sums[1] / n,
        sums[2] / n,
        sums[3] / n
    );
}
