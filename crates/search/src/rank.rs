//! Ranking a page by relevance over the documents the counting pass matched.
//!
//! A query of several words is an intersection of unions (each word in any field, or a
//! synonym), and tantivy scores every document of an intersection of unions. Its score is the
//! sum of the scores of the terms a document has, which is also what the plain union of all
//! the terms scores. So the page is ranked over that union with block-max WAND (which skips
//! the blocks that cannot reach the page), keeping only the documents already known to
//! match. Same documents, same scores, same order (ties to the lower document address).
//!
//! Scoring the matches alone instead (each term's list moved to each match) was tried for
//! the selective queries of several words: at 1 000 000 alliances it was slower for the
//! benchmark's queries (« énergie citoyenne » 18 ms against 8 ms), so it is not kept.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use tantivy::query::{BooleanQuery, BoostQuery, EnableScoring, Query as TQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, Term};

use crate::Result;
use crate::facets::{Matched, contains};

/// A candidate in a segment's heap; the greatest is the one to drop first (the lowest score,
/// then the higher document).
#[derive(PartialEq)]
struct Candidate {
    score: Score,
    doc: DocId,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.doc.cmp(&other.doc))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A term's query, scored (BM25, term frequencies read) and weighted.
pub(crate) fn scored((term, weight): &(Term, Score)) -> Box<dyn TQuery> {
    Box::new(BoostQuery::new(
        Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
        *weight,
    ))
}

/// The documents of `matched` ranked `offset..offset + limit` by the sum of the scores of
/// `terms` (each term with its weight).
pub(crate) fn page(
    searcher: &Searcher,
    terms: &[(Term, Score)],
    matched: &Matched,
    offset: usize,
    limit: usize,
) -> Result<Vec<(DocAddress, Score)>> {
    let want = offset.saturating_add(limit).max(1);
    let scoring = EnableScoring::enabled_from_searcher(searcher);
    let queries: Vec<Box<dyn TQuery>> = terms.iter().map(scored).collect();
    let union = BooleanQuery::union(queries).weight(scoring)?;
    let mut found: Vec<(Score, DocAddress)> = Vec::new();
    for (ord, seg) in (0u32..).zip(searcher.segment_readers()) {
        let Some(bits) = matched.get(ord as usize) else {
            continue;
        };
        if bits.iter().all(|w| *w == 0) {
            continue;
        }
        let mut top = Top::new(want);
        union.for_each_pruning(Score::MIN, seg, &mut |doc, score| {
            if contains(bits, doc) {
                top.offer(doc, score);
            }
            top.threshold
        })?;
        found.extend(
            top.heap
                .into_iter()
                .map(|c| (c.score, DocAddress::new(ord, c.doc))),
        );
    }
    found.sort_by(|(sa, a), (sb, b)| sb.total_cmp(sa).then(a.cmp(b)));
    Ok(found
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(s, a)| (a, s))
        .collect())
}

/// The best `want` documents offered so far (documents come in ascending order).
struct Top {
    heap: BinaryHeap<Candidate>,
    want: usize,
    /// The score to beat once the heap is full.
    threshold: Score,
}

impl Top {
    fn new(want: usize) -> Top {
        Top {
            heap: BinaryHeap::with_capacity(want + 1),
            want,
            threshold: Score::MIN,
        }
    }

    fn offer(&mut self, doc: DocId, score: Score) {
        if self.heap.len() == self.want && score <= self.threshold {
            return;
        }
        self.heap.push(Candidate { score, doc });
        if self.heap.len() > self.want {
            self.heap.pop();
        }
        if self.heap.len() == self.want {
            self.threshold = self.heap.peek().map_or(Score::MIN, |c| c.score);
        }
    }
}
