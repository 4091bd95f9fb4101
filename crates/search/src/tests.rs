//! Tests of the index: text, facets, places, updates, rebuilds and reopening.
use super::*;

fn doc(slug: &str, nom: &str, description: &str, facettes: &[(&'static str, &str)]) -> IndexDoc {
    IndexDoc {
        slug: slug.into(),
        nom: nom.into(),
        resume: String::new(),
        description: description.into(),
        texte: String::new(),
        facettes: facettes
            .iter()
            .map(|(f, c)| (*f, (*c).to_owned()))
            .collect(),
        debut: 0,
        nom_tri: nom.to_lowercase(),
        lieu: 0,
        carte: "{}".into(),
    }
}

fn index() -> SearchIndex {
    let ix = SearchIndex::open(None).unwrap();
    ix.apply(
        &[
            doc(
                "a",
                "Données ouvertes",
                "Des données pour le territoire",
                &[("region", "28"), ("domaine", "social")],
            ),
            doc(
                "b",
                "Épicerie",
                "Aide alimentaire et emplois",
                &[("region", "28"), ("domaine", "economique")],
            ),
            doc(
                "c",
                "Vélo",
                "Atelier de bicyclettes",
                &[("region", "84"), ("domaine", "social")],
            ),
        ],
        &[],
        3,
    )
    .unwrap();
    ix
}

fn slugs(r: &Results) -> Vec<&str> {
    let mut s: Vec<&str> = r.hits.iter().map(|h| h.slug.as_str()).collect();
    s.sort_unstable();
    s
}

#[test]
fn text_facets_and_disjunctive_counts() {
    let ix = index();
    assert_eq!(ix.seq(), 3);
    let q = |q: &str, filters: Vec<(&str, Vec<&str>)>| Query {
        q: q.into(),
        filters: filters
            .into_iter()
            .map(|(f, c)| (f.to_owned(), c.into_iter().map(str::to_owned).collect()))
            .collect(),
        limit: 10,
        facets: true,
        snippets: true,
        ..Query::default()
    };
    let r = ix.search(&q("donnee", vec![])).unwrap();
    assert_eq!(slugs(&r), vec!["a"]);
    assert!(
        r.hits[0]
            .extrait
            .as_deref()
            .unwrap()
            .contains("<mark>données</mark>")
    );
    let r = ix.search(&q("emploi", vec![])).unwrap();
    assert_eq!(slugs(&r), vec!["b"]);
    let r = ix.search(&q("velo", vec![])).unwrap();
    assert_eq!(slugs(&r), vec!["c"]);
    let r = ix.search(&q("", vec![("region", vec!["28"])])).unwrap();
    assert_eq!(r.total, 2);
    let region = &r.facets.iter().find(|(f, _)| *f == "region").unwrap().1;
    // The region facet ignores its own filter.
    assert_eq!(region, &vec![("28".to_owned(), 2), ("84".to_owned(), 1)]);
    let domaine = &r.facets.iter().find(|(f, _)| *f == "domaine").unwrap().1;
    assert_eq!(
        domaine,
        &vec![("economique".to_owned(), 1), ("social".to_owned(), 1)]
    );
    let r = ix
        .search(&q(
            "",
            vec![("region", vec!["28", "84"]), ("domaine", vec!["social"])],
        ))
        .unwrap();
    assert_eq!(slugs(&r), vec!["a", "c"]);
}

#[test]
fn updates_replace_and_similar_explains() {
    let ix = index();
    ix.apply(
        &[doc(
            "b",
            "Épicerie solidaire",
            "Vélos",
            &[("region", "84"), ("domaine", "social")],
        )],
        &[],
        4,
    )
    .unwrap();
    assert_eq!(ix.len(), 3);
    let r = ix
        .search(&Query {
            q: "bicyclette".into(),
            limit: 10,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(slugs(&r), vec!["b", "c"]);
    // Facet counts after an update (a deleted document in a segment), broad and narrow.
    let all = ix
        .search(&Query {
            limit: 1,
            facets: true,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(
        all.facets[3].1,
        vec![("84".to_owned(), 2), ("28".to_owned(), 1)]
    );
    let two = ix
        .search(&Query {
            q: "velo".into(),
            limit: 1,
            facets: true,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(two.total, 2);
    assert_eq!(two.facets[3].1, vec![("84".to_owned(), 2)]);
    let one = ix
        .search(&Query {
            q: "donnees".into(),
            limit: 1,
            facets: true,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(one.facets[3].1, vec![("28".to_owned(), 1)]);
    let sim = ix.similar("c", 2).unwrap();
    assert_eq!(sim[0].hit.slug, "b");
    assert_eq!(sim[0].shared.len(), 2);
}

/// A territory's name as the query: the alliances placed there come first, even when
/// another names the place more often; with `match_alone`, an alliance placed there
/// matches without the word (a commune's name finds its intercommunalité's alliances).
#[test]
fn places_named_rank_first_and_may_match_alone() {
    let ix = SearchIndex::open(None).unwrap();
    let mut elsewhere = doc("ailleurs", "Mayotte Mayotte", "", &[("region", "11")]);
    elsewhere.resume = "Un réseau parisien qui cite Mayotte".into();
    let mut there = doc("sur-place", "Jardins partagés", "", &[("region", "06")]);
    there.texte = "Mayotte".into();
    let epci = doc("epci", "Ressourcerie", "", &[("epci", "244000675")]);
    ix.apply(&[elsewhere, there, epci], &[], 1).unwrap();
    let ask = |q: &str, boosts: &[(&str, &str)], match_alone: bool| {
        let r = ix
            .search(&Query {
                q: q.into(),
                limit: 10,
                places: Places {
                    boosts: boosts
                        .iter()
                        .map(|(f, c)| ((*f).to_owned(), (*c).to_owned(), 1000.0))
                        .collect(),
                    match_alone,
                },
                ..Query::default()
            })
            .unwrap();
        let order: Vec<String> = r.hits.iter().map(|h| h.slug.clone()).collect();
        (r.total, order)
    };
    assert_eq!(ask("Mayotte", &[], false).1, ["ailleurs", "sur-place"]);
    assert_eq!(
        ask("Mayotte", &[("region", "06")], false).1,
        ["sur-place", "ailleurs"]
    );
    // Ranking only: an alliance placed there without the word does not match…
    assert_eq!(ask("Dax", &[("epci", "244000675")], false).0, 0);
    // …unless the places match alone.
    assert_eq!(
        ask("Dax", &[("epci", "244000675")], true),
        (1, vec!["epci".to_owned()])
    );
}

#[test]
fn narrow_and_broad_searches_count_the_same_way() {
    let ix = SearchIndex::open(None).unwrap();
    let docs: Vec<IndexDoc> = (0..40)
        .map(|i| {
            let region = if i % 4 == 0 { "53" } else { "28" };
            let word = if i < 3 { "rare commun" } else { "commun" };
            // One document in 40 has this value: stored as a list, not a bitset.
            let fragilite = if i == 1 { "isolee" } else { "courante" };
            doc(
                &format!("d{i}"),
                "Nom",
                word,
                &[
                    ("region", region),
                    ("domaine", "social"),
                    ("fragilite", fragilite),
                ],
            )
        })
        .collect();
    ix.apply(&docs, &[], 1).unwrap();
    // 3 of 40 match: the by-document walk.
    let narrow = ix
        .search(&Query {
            q: "rare".into(),
            limit: 5,
            facets: true,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(narrow.total, 3);
    assert_eq!(
        narrow.facets[3].1,
        vec![("28".to_owned(), 2), ("53".to_owned(), 1)]
    );
    assert_eq!(narrow.facets[1].1, vec![("social".to_owned(), 3)]);
    assert_eq!(
        narrow.facets[9].1,
        vec![("courante".to_owned(), 2), ("isolee".to_owned(), 1)]
    );
    let filtered = ix
        .search(&Query {
            q: "commun".into(),
            filters: vec![("fragilite".into(), vec!["isolee".into()])],
            limit: 5,
            facets: true,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(filtered.total, 1);
    assert_eq!(filtered.facets[3].1, vec![("28".to_owned(), 1)]);
    assert_eq!(
        filtered.facets[9].1,
        vec![("courante".to_owned(), 39), ("isolee".to_owned(), 1)]
    );
    // All match: the bitset intersections.
    let broad = ix
        .search(&Query {
            q: "commun".into(),
            limit: 5,
            facets: true,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(broad.total, 40);
    assert_eq!(
        broad.facets[3].1,
        vec![("28".to_owned(), 30), ("53".to_owned(), 10)]
    );
}

#[test]
fn an_interrupted_build_is_dropped_by_the_next_one() {
    let ix = SearchIndex::open(None).unwrap();
    let docs = [doc("a", "A", "x", &[]), doc("b", "B", "y", &[])];
    ix.clear().unwrap();
    ix.add(&docs).unwrap();
    // The build fails here; the retry starts over.
    ix.clear().unwrap();
    ix.add(&docs).unwrap();
    ix.apply(&[], &[], 2).unwrap();
    assert_eq!(ix.len(), 2);
}

#[test]
fn popcount_matches_count_ones() {
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut a = Vec::new();
    let mut b = Vec::new();
    for i in 0..1000u64 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        a.push(if i % 7 == 0 { u64::MAX } else { x });
        b.push(if i % 5 == 0 {
            u64::MAX
        } else {
            x.rotate_left(11)
        });
    }
    for n in [0, 1, 15, 16, 17, 999, 1000] {
        let expected: u32 = a[..n]
            .iter()
            .zip(&b[..n])
            .map(|(x, y)| (x & y).count_ones())
            .sum();
        assert_eq!(facets::popcount_and(&a[..n], &b[..n]), expected, "{n}");
    }
}

#[test]
fn reopens_from_disk_with_its_seq() {
    let dir = std::env::temp_dir().join(format!("alliances-search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    {
        let ix = SearchIndex::open(Some(&dir)).unwrap();
        ix.apply(&[doc("a", "Un", "deux", &[("region", "28")])], &[], 7)
            .unwrap();
    }
    let ix = SearchIndex::open(Some(&dir)).unwrap();
    assert_eq!(ix.seq(), 7);
    assert_eq!(ix.len(), 1);
    let r = ix
        .search(&Query {
            limit: 5,
            facets: true,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(r.facets[3].1, vec![("28".to_owned(), 1)]);
    drop(ix);
    std::fs::remove_dir_all(&dir).unwrap();
}
