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

use tantivy::query::{BooleanQuery, BoostQuery, EnableScoring, Query as TQuery, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, Term};

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
        if let Some(bits) = matched.get(ord as usize) {
            found.extend(segment_top(&*union, seg, ord, bits, 0.0, want)?);
        }
    }
    Ok(ranked(found, offset, limit))
}

/// The best `want` of a segment's documents in `bits`, scored by `union` plus `lift`.
fn segment_top(
    union: &dyn Weight,
    seg: &SegmentReader,
    ord: u32,
    bits: &[u64],
    lift: Score,
    want: usize,
) -> Result<Vec<(Score, DocAddress)>> {
    if bits.iter().all(|w| *w == 0) {
        return Ok(Vec::new());
    }
    let mut top = Top::new(want);
    union.for_each_pruning(Score::MIN, seg, &mut |doc, score| {
        if contains(bits, doc) {
            top.offer(doc, score + lift);
        }
        // In text scores; with a lift, a little lower than exact: rounding never prunes a
        // winner.
        if top.threshold == Score::MIN || lift == 0.0 {
            top.threshold
        } else {
            top.threshold - lift - top.threshold.abs() * 1e-6
        }
    })?;
    Ok(top
        .heap
        .into_iter()
        .map(|c| (c.score, DocAddress::new(ord, c.doc)))
        .collect())
}

/// The page `offset..offset + limit` of candidates: by score, ties to the lower address.
fn ranked(
    mut found: Vec<(Score, DocAddress)>,
    offset: usize,
    limit: usize,
) -> Vec<(DocAddress, Score)> {
    found.sort_by(|(sa, a), (sb, b)| sb.total_cmp(sa).then(a.cmp(b)));
    found
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(s, a)| (a, s))
        .collect()
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

/// The documents of one segment that receive the same lift: the sum of the weights of the
/// places they carry.
struct Level {
    lift: Score,
    docs: Vec<u64>,
}

/// [`page`] for a query that names places (each a term and the weight added to the score of
/// the alliances carrying it), ranking as tantivy ranks the text query with the places as
/// constant-score clauses; `text` is what the text alone matches when places match alone.
///
/// The places split the matches into levels of equal lift. When the gap between two levels
/// exceeds the best text score the terms can reach, every document of a level ranks above
/// every document of the next one; each level is then ranked with block-max WAND like a
/// plain text query, the lift added, and the levels below the page are never scored.
/// tantivy's own path scores every match (a place query ran 1.5 to 3 times as long as its
/// text alone at 1 000 000 alliances). Returns `None` when the levels are too close to be
/// ranked apart: the caller then lets tantivy rank.
pub(crate) fn page_with_places(
    searcher: &Searcher,
    terms: &[(Term, Score)],
    places: &[(Term, Score)],
    matched: &Matched,
    text: Option<&Matched>,
    offset: usize,
    limit: usize,
) -> Result<Option<Vec<(DocAddress, Score)>>> {
    let want = offset.saturating_add(limit).max(1);
    let mut levels = Vec::with_capacity(matched.len());
    for (seg, bits) in searcher.segment_readers().iter().zip(matched) {
        levels.push(segment_levels(seg, places, bits)?);
    }
    let mut lifts: Vec<Score> = levels.iter().flatten().map(|l| l.lift).collect();
    lifts.sort_by(|a, b| b.total_cmp(a));
    lifts.dedup();
    let bound = text_bound(searcher, terms)?;
    if lifts.windows(2).any(|w| w[0] - w[1] <= bound) {
        return Ok(None);
    }
    let scoring = EnableScoring::enabled_from_searcher(searcher);
    let union = BooleanQuery::union(terms.iter().map(scored).collect()).weight(scoring)?;
    let mut found: Vec<(Score, DocAddress)> = Vec::new();
    for lift in lifts {
        for (ord, seg) in (0u32..).zip(searcher.segment_readers()) {
            let Some(level) = levels[ord as usize].iter().find(|l| l.lift == lift) else {
                continue;
            };
            let mut scored_docs = level.docs.clone();
            if let Some(text) = text.and_then(|t| t.get(ord as usize)) {
                scored_docs.iter_mut().zip(text).for_each(|(a, b)| *a &= b);
                // Matched by a place alone: the lift is the whole score, and among equal
                // scores the first documents come first.
                let alone = level
                    .docs
                    .iter()
                    .zip(text)
                    .enumerate()
                    .flat_map(|(w, (l, t))| bits_of(w, l & !t))
                    .take(want)
                    .map(|doc| (lift, DocAddress::new(ord, doc)));
                found.extend(alone);
            }
            found.extend(segment_top(&*union, seg, ord, &scored_docs, lift, want)?);
        }
        // Every level below ranks under every document found so far.
        if found.len() >= want {
            break;
        }
    }
    Ok(Some(ranked(found, offset, limit)))
}

/// The matches of one segment split by lift (levels of no document left out). Each place
/// splits every level in two: the documents carrying it move up by its weight.
fn segment_levels(
    seg: &SegmentReader,
    places: &[(Term, Score)],
    matched: &[u64],
) -> Result<Vec<Level>> {
    let mut levels = vec![Level {
        lift: 0.0,
        docs: matched.to_vec(),
    }];
    for (term, weight) in places {
        let carry = crate::matching::union(seg, std::slice::from_ref(term))?;
        let mut next: Vec<Level> = Vec::new();
        for level in levels {
            let with: Vec<u64> = level.docs.iter().zip(&carry).map(|(a, b)| a & b).collect();
            let without: Vec<u64> = level.docs.iter().zip(&carry).map(|(a, b)| a & !b).collect();
            for (lift, docs) in [(level.lift + weight, with), (level.lift, without)] {
                if docs.iter().all(|w| *w == 0) {
                    continue;
                }
                match next.iter_mut().find(|l| l.lift == lift) {
                    Some(same) => same.docs.iter_mut().zip(&docs).for_each(|(a, b)| *a |= b),
                    None => next.push(Level { lift, docs }),
                }
            }
        }
        levels = next;
    }
    Ok(levels)
}

/// The documents set in word `w` of a bitset, in order.
fn bits_of(w: usize, mut word: u64) -> impl Iterator<Item = DocId> {
    std::iter::from_fn(move || {
        if word == 0 {
            return None;
        }
        let bit = word.trailing_zeros();
        word &= word - 1;
        u32::try_from(w * 64).ok().map(|base| base + bit)
    })
}

/// A score no document can reach on `terms`: BM25 stays below the term's weight
/// `idf × (1 + k1)` whatever its frequency and length, and a document scores at most every
/// term.
fn text_bound(searcher: &Searcher, terms: &[(Term, Score)]) -> Result<Score> {
    const K1: Score = 1.2;
    let docs: u64 = searcher
        .segment_readers()
        .iter()
        .map(|s| u64::from(s.max_doc()))
        .sum();
    let mut bound = 0.0;
    for (term, weight) in terms {
        let freq = searcher.doc_freq(term)?.min(docs);
        let idf = (1.0 + ((docs - freq) as Score + 0.5) / (freq as Score + 0.5)).ln();
        bound += weight.abs() * idf * (1.0 + K1);
    }
    // A margin for rounding.
    Ok(bound * 1.01)
}
