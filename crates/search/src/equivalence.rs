//! The pages ranked over the counting pass's matches ([`crate::rank`], [`crate::order`]) are
//! the pages tantivy's own collectors give for the same query: random corpora spread over
//! several segments (with deletions), random queries, filters, places, sorts and pages; the
//! totals of the set operations ([`crate::matching`]) are tantivy's counts.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery};
use tantivy::{DocAddress, Order, Score};

use super::*;

const WORDS: [&str; 12] = [
    "emploi",
    "insertion",
    "énergie",
    "citoyenne",
    "quartier",
    "habitants",
    "réseau",
    "travail",
    "vélo",
    "bicyclette",
    "alimentaire",
    "jeunes",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).unwrap()
    }

    fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| WORDS[self.next(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn corpus(rng: &mut Rng, from: usize, n: usize) -> Vec<IndexDoc> {
    (from..from + n)
        .map(|i| {
            let (len, nom, resume, texte) =
                (1 + rng.next(30), 1 + rng.next(3), rng.next(6), rng.next(4));
            let region = rng.next(4);
            IndexDoc {
                slug: format!("a{i:05}"),
                nom: rng.words(nom),
                resume: rng.words(resume),
                description: rng.words(len),
                texte: rng.words(texte),
                facettes: [
                    Some(("region", format!("{region}"))),
                    // Now and then a second région: outside its range of documents.
                    (rng.next(40) == 0).then(|| ("region", format!("{}", (region + 1) % 4))),
                    Some(("domaine", format!("d{}", rng.next(3)))),
                ]
                .into_iter()
                .flatten()
                .collect(),
                // Few distinct dates and names: many ties.
                debut: 201_900 + rng.next(5) as u64,
                nom_tri: format!("n{}", rng.next(40)),
                // Stored by région: its values are counted as ranges.
                lieu: region as u64,
                carte: "{}".into(),
            }
        })
        .collect()
}

/// The total and the page as tantivy's collectors give them, on the query that filters
/// everything.
fn reference(ix: &SearchIndex, q: &Query) -> (usize, Vec<(DocAddress, Score)>) {
    let searcher = ix.generation().searcher.clone();
    let text = ix.text_query(&ix.word_terms(&q.q));
    let base: Box<dyn TQuery> = match text {
        Some(t) => ix.with_places(t, &q.places),
        None => Box::new(tantivy::query::AllQuery),
    };
    let mut clauses = ix.filter_query(&q.filters);
    clauses.push((Occur::Must, base));
    let query = BooleanQuery::new(clauses);
    let total = searcher.search(&query, &tantivy::collector::Count).unwrap();
    let top = TopDocs::with_limit(q.limit).and_offset(q.offset);
    let page = match q.sort {
        Sort::Relevance => searcher
            .search(&query, &top.order_by_score())
            .unwrap()
            .into_iter()
            .map(|(s, a)| (a, s))
            .collect(),
        Sort::Date => searcher
            .search(
                &query,
                &top.order_by_fast_field::<u64>("debut", Order::Desc),
            )
            .unwrap()
            .into_iter()
            .map(|(_, a)| (a, 0.0))
            .collect(),
        Sort::Name => searcher
            .search(
                &query,
                &top.order_by_string_fast_field("nom_tri", Order::Asc),
            )
            .unwrap()
            .into_iter()
            .map(|(_, a)| (a, 0.0))
            .collect(),
    };
    (total, page)
}

fn slug(ix: &SearchIndex, a: DocAddress) -> String {
    let doc: TantivyDocument = ix.generation().searcher.doc(a).unwrap();
    ix.hit(&doc, 0.0).slug
}

#[test]
fn pages_are_those_of_tantivys_collectors() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let ix = SearchIndex::open(None).unwrap();
    // Four commits: four segments, and updates that delete earlier documents.
    let mut seq = 0;
    for (from, n) in [(0, 700), (700, 500), (300, 200), (1200, 300)] {
        seq += 1;
        ix.apply(&corpus(&mut rng, from, n), &[], seq).unwrap();
    }
    assert!(ix.generation().searcher.segment_readers().len() > 1);
    let mut compared = 0;
    let mut counted = 0;
    for round in 0..400 {
        let words = rng.next(4);
        let mut filters = Vec::new();
        if rng.next(3) == 0 {
            filters.push(("region".to_owned(), vec![format!("{}", rng.next(4))]));
        }
        if rng.next(4) == 0 {
            filters.push(("domaine".to_owned(), vec!["d0".to_owned(), "d2".to_owned()]));
        }
        let q = Query {
            q: rng.words(words),
            filters,
            sort: [Sort::Relevance, Sort::Date, Sort::Name][rng.next(3)],
            offset: [0, 0, 7, 20, 150][rng.next(5)],
            limit: [1, 10, 20][rng.next(3)],
            facets: round % 2 == 0,
            snippets: false,
            // A place named now and then, matching alone or only ranking.
            // Weights far above the text scores (ranked level by level, see
            // `rank::page_with_places`) or not (ranked by tantivy).
            places: if rng.next(2) == 0 {
                let mut weight = || [1000.0, 500.0, 100.0][rng.next(3)];
                let (first, second) = (weight(), weight());
                let mut boosts = vec![("region".to_owned(), format!("{}", rng.next(4)), first)];
                if rng.next(2) == 0 {
                    boosts.push(("domaine".to_owned(), format!("d{}", rng.next(3)), second));
                }
                Places {
                    boosts,
                    match_alone: rng.next(2) == 0,
                }
            } else {
                Places::default()
            },
        };
        let got = ix.search(&q).unwrap();
        let (total, want) = reference(&ix, &q);
        assert_eq!(got.total, total, "{q:?}");
        let want_slugs: Vec<String> = want.iter().map(|(a, _)| slug(&ix, *a)).collect();
        let got_slugs: Vec<String> = got.hits.iter().map(|h| h.slug.clone()).collect();
        assert_eq!(got.hits.len(), want.len(), "{q:?}");
        for (i, ((_, ws), h)) in want.iter().zip(&got.hits).enumerate() {
            // Scores summed in another order may differ in the last bits: a tie may then
            // swap, but each place keeps its score.
            assert!(
                (ws - h.score).abs() <= 1e-4 * ws.abs().max(1.0),
                "{q:?} #{i}"
            );
            let tied = want
                .iter()
                .enumerate()
                .any(|(j, (_, s))| j != i && (s - ws).abs() <= 1e-4 * ws.abs().max(1.0));
            if q.sort != Sort::Relevance || !tied {
                assert_eq!(got_slugs[i], want_slugs[i], "{q:?} #{i}");
            }
        }
        compared += want.len();
        if q.facets {
            counted += facet_counts_match(&ix, &q, &got);
        }
    }
    assert!(counted > 1000, "only {counted} facet counts compared");
    assert!(compared > 2000, "only {compared} results compared");
}

/// Each facet value's count against tantivy's count of the query with the filters of the
/// other facets and that value; returns how many values were compared.
fn facet_counts_match(ix: &SearchIndex, q: &Query, got: &Results) -> usize {
    let mut compared = 0;
    for (facet, codes) in [("region", 4), ("domaine", 3)] {
        let counts = &got.facets.iter().find(|(f, _)| *f == facet).unwrap().1;
        for i in 0..codes {
            let code = if facet == "domaine" {
                format!("d{i}")
            } else {
                format!("{i}")
            };
            let others: Vec<(String, Vec<String>)> = q
                .filters
                .iter()
                .filter(|(f, _)| f != facet)
                .cloned()
                .chain([(facet.to_owned(), vec![code.clone()])])
                .collect();
            let reference = reference(
                ix,
                &Query {
                    filters: others,
                    ..q.clone()
                },
            )
            .0;
            let counted = counts
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(0, |(_, n)| *n);
            assert_eq!(counted, reference as u64, "{q:?} {facet}:{code}");
            compared += 1;
        }
    }
    compared
}
