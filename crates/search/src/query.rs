//! A search as queries: each word's terms (the word and its synonyms in each text field,
//! weighted), the text query and the places it names for tantivy, the filters, and the
//! same as terms for the set operations of [`crate::matching`].

use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Score, Term};

use crate::{Places, Query, SearchIndex, analyzer, matching, rank};

impl SearchIndex {
    /// The text query: every word (in any field, or a synonym) must match.
    pub(crate) fn text_query(&self, words: &[Vec<(Term, Score)>]) -> Option<Box<dyn TQuery>> {
        if words.is_empty() {
            return None;
        }
        let all = words
            .iter()
            .map(|alternatives| {
                Box::new(BooleanQuery::union(
                    alternatives.iter().map(rank::scored).collect(),
                )) as Box<dyn TQuery>
            })
            .collect();
        Some(Box::new(BooleanQuery::intersection(all)))
    }

    /// For each word of `q`, its terms with their weight: the word and its synonyms, in each
    /// text field.
    pub(crate) fn word_terms(&self, q: &str) -> Vec<Vec<(Term, Score)>> {
        let f = self.fields;
        analyzer::tokens(q)
            .iter()
            .map(|token| {
                let mut alternatives = Vec::new();
                for (i, word) in analyzer::expand(token).iter().enumerate() {
                    // A synonym counts a little less than the word typed.
                    let base = if i == 0 { 1.0 } else { 0.7 };
                    for (field, boost) in [(f.nom, 3.0), (f.resume, 2.0), (f.texte, 1.0)] {
                        alternatives.push((Term::from_field_text(field, word), boost * base));
                    }
                }
                alternatives
            })
            .collect()
    }

    /// What `query` matches as terms, with `filters` (see [`matching`]).
    pub(crate) fn plan(
        &self,
        query: &Query,
        words: &[Vec<(Term, Score)>],
        filters: &[(String, Vec<String>)],
    ) -> matching::Plan {
        let words: Vec<Vec<Term>> = words
            .iter()
            .map(|w| w.iter().map(|(t, _)| t.clone()).collect())
            .collect();
        let alone = if query.places.match_alone && !words.is_empty() {
            query
                .places
                .boosts
                .iter()
                .map(|(facet, code, _)| self.facet_term(facet, code))
                .collect()
        } else {
            Vec::new()
        };
        let filters = filters
            .iter()
            .filter(|(_, codes)| !codes.is_empty())
            .map(|(facet, codes)| codes.iter().map(|c| self.facet_term(facet, c)).collect())
            .collect();
        matching::Plan {
            words,
            alone,
            filters,
        }
    }

    /// The text query, with the alliances placed in the places it names ranked first (and
    /// matched, when the places match alone).
    pub(crate) fn with_places(&self, text: Box<dyn TQuery>, places: &Places) -> Box<dyn TQuery> {
        if places.boosts.is_empty() {
            return text;
        }
        let text_occur = if places.match_alone {
            Occur::Should
        } else {
            Occur::Must
        };
        let mut clauses = vec![(text_occur, text)];
        for (facet, code, weight) in &places.boosts {
            clauses.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(
                    Box::new(TermQuery::new(
                        self.facet_term(facet, code),
                        IndexRecordOption::Basic,
                    )),
                    *weight,
                )),
            ));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    pub(crate) fn facet_term(&self, facet: &str, code: &str) -> Term {
        Term::from_field_text(self.fields.facette, &format!("{facet}:{code}"))
    }

    /// The filters as required clauses that add nothing to the score (a filter chosen does
    /// not reorder the results; scored, a rarer value would have lifted its documents).
    pub(crate) fn filter_query(
        &self,
        filters: &[(String, Vec<String>)],
    ) -> Vec<(Occur, Box<dyn TQuery>)> {
        filters
            .iter()
            .filter(|(_, codes)| !codes.is_empty())
            .map(|(facet, codes)| {
                let alternatives: Vec<Box<dyn TQuery>> = codes
                    .iter()
                    .map(|c| {
                        Box::new(TermQuery::new(
                            self.facet_term(facet, c),
                            IndexRecordOption::Basic,
                        )) as Box<dyn TQuery>
                    })
                    .collect();
                (
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(
                        Box::new(BooleanQuery::union(alternatives)),
                        0.0,
                    )) as Box<dyn TQuery>,
                )
            })
            .collect()
    }
}
