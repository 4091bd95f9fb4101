//! Alliances alike: ranking by the facet values they share with a record or a profile,
//! rarer values weighing more, with the values shared as reasons.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use crate::{Result, SearchIndex, Similar, facet_index, facet_name};

impl SearchIndex {
    /// The facet values of one alliance.
    fn facets_of(&self, slug: &str) -> Result<Option<Vec<(u8, String)>>> {
        let generation = self.generation();
        let searcher = &generation.searcher;
        let found = searcher.search(
            &TermQuery::new(
                Term::from_field_text(self.fields.slug, slug),
                IndexRecordOption::Basic,
            ),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, address)) = found.first() else {
            return Ok(None);
        };
        let seg = searcher.segment_reader(address.segment_ord);
        let Some(table) = generation.segments.get(&seg.segment_id()) else {
            return Ok(Some(Vec::new()));
        };
        Ok(Some(
            table
                .of(address.doc_id)
                .filter_map(|id| generation.terms.get(id as usize).cloned())
                .collect(),
        ))
    }

    /// Ranks alliances by the weighted facet values they have among `wanted` (rarer values
    /// weigh more, as in any tf-idf ranking), skipping `exclude`. Each result lists the
    /// values it shares, so that a page can say why it was chosen.
    pub fn rank_by_facets(
        &self,
        wanted: &[(&str, String, f32)],
        exclude: &[String],
        n: usize,
    ) -> Result<Vec<Similar>> {
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = wanted
            .iter()
            .map(|(facet, code, weight)| {
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(
                            self.facet_term(facet, code),
                            IndexRecordOption::WithFreqs,
                        )),
                        *weight,
                    )) as Box<dyn TQuery>,
                )
            })
            .collect();
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        for slug in exclude {
            clauses.push((
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.slug, slug),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let generation = self.generation();
        let searcher = &generation.searcher;
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(n).order_by_score(),
        )?;
        let mut out = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let hit = self.hit(&doc, score);
            let have = self.facets_of(&hit.slug)?.unwrap_or_default();
            let mut shared: Vec<(&(&str, String, f32), &'static str)> = wanted
                .iter()
                .filter(|(facet, code, _)| {
                    have.iter()
                        .any(|(fi, c)| facet_name(*fi) == *facet && c == code)
                })
                .map(|w| (w, facet_name(facet_index(w.0).unwrap_or(0))))
                .collect();
            // The strongest reasons first.
            shared.sort_by(|a, b| b.0.2.total_cmp(&a.0.2));
            let shared = shared
                .into_iter()
                .map(|((_, code, _), facet)| (facet, code.clone()))
                .collect();
            out.push(Similar { hit, shared });
        }
        Ok(out)
    }

    /// Alliances most like `slug`: shared fragilities, modes, places, domains and partner
    /// types, rarer ones weighing more.
    pub fn similar(&self, slug: &str, n: usize) -> Result<Vec<Similar>> {
        let Some(values) = self.facets_of(slug)? else {
            return Ok(Vec::new());
        };
        let wanted: Vec<(&str, String, f32)> = values
            .into_iter()
            .filter_map(|(fi, code)| {
                let facet = facet_name(fi);
                let weight = match facet {
                    "fragilite" => 3.0,
                    "departement" => 2.0,
                    "mode" | "region" => 1.5,
                    "domaine" | "type_acteur" | "odd" => 1.0,
                    _ => return None,
                };
                // Every alliance carries SDG 17: it tells nothing about likeness.
                (!(facet == "odd" && code == "17")).then_some((facet, code, weight))
            })
            .collect();
        self.rank_by_facets(&wanted, &[slug.to_owned()], n)
    }
}
