//! The counting pass as set operations: which documents a search matches, per segment, as
//! bitsets built straight from the posting lists — each word is the union of its terms'
//! documents, the words intersect, a filter intersects the union of its values — then the
//! deleted documents are removed.
//!
//! tantivy's scorers reach the same set by moving through the lists document by document,
//! seeking from one list into the others; at 1 000 000 alliances that walk was about a third
//! of a search's time (`perf` on `alliances-bench phases`), where decoding each list once
//! into a bitset costs a few operations per document.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, SegmentReader, Term};

use crate::Result;
use crate::facets::Matched;

/// What a search matches, as terms.
#[derive(Default)]
pub(crate) struct Plan {
    /// Each word of the text: its alternative terms. No word: every document.
    pub(crate) words: Vec<Vec<Term>>,
    /// Terms that match alone besides the text (the places a query names, when they do).
    pub(crate) alone: Vec<Term>,
    /// Each filter: its alternative terms.
    pub(crate) filters: Vec<Vec<Term>>,
}

/// The alive documents of the segments that have deletions, as bitsets (built when a
/// searcher is published, so a search does not rebuild them).
pub(crate) type Alive = HashMap<SegmentId, Arc<Vec<u64>>>;

pub(crate) fn alive(searcher: &Searcher) -> Alive {
    searcher
        .segment_readers()
        .iter()
        .filter_map(|seg| {
            let alive = seg.alive_bitset()?;
            let mut bits = vec![0u64; words(seg)];
            for doc in alive.iter_alive() {
                set(&mut bits, doc);
            }
            Some((seg.segment_id(), Arc::new(bits)))
        })
        .collect()
}

fn words(seg: &SegmentReader) -> usize {
    (seg.max_doc() as usize).div_ceil(64)
}

fn set(bits: &mut [u64], doc: u32) {
    if let Some(w) = bits.get_mut(doc as usize / 64) {
        *w |= 1 << (doc % 64);
    }
}

/// The documents `plan` matches in each segment (indexed by segment ordinal) and, when
/// places match alone, those its text matches (with the same filters).
pub(crate) fn matched(
    searcher: &Searcher,
    alive: &Alive,
    plan: &Plan,
) -> Result<(Matched, Option<Matched>)> {
    let alone = !plan.alone.is_empty() && !plan.words.is_empty();
    let mut all = Vec::new();
    let mut text = Vec::new();
    for seg in searcher.segment_readers() {
        let mut words = match plan.words.split_first() {
            None => self::all(seg),
            Some((first, rest)) => {
                let mut bits = union(seg, first)?;
                for word in rest {
                    intersect(&mut bits, &union(seg, word)?);
                }
                bits
            }
        };
        let mut places = if alone {
            Some(union(seg, &plan.alone)?)
        } else {
            None
        };
        for filter in &plan.filters {
            let f = union(seg, filter)?;
            intersect(&mut words, &f);
            if let Some(p) = &mut places {
                intersect(p, &f);
            }
        }
        if let Some(alive) = alive.get(&seg.segment_id()) {
            intersect(&mut words, alive);
            if let Some(p) = &mut places {
                intersect(p, alive);
            }
        }
        match places {
            Some(mut p) => {
                for (a, b) in p.iter_mut().zip(&words) {
                    *a |= b;
                }
                all.push(p);
                text.push(words);
            }
            None => all.push(words),
        }
    }
    Ok((all, alone.then_some(text)))
}

fn intersect(acc: &mut [u64], other: &[u64]) {
    for (a, b) in acc.iter_mut().zip(other) {
        *a &= b;
    }
}

/// Every document of the segment (deleted ones are removed afterwards).
fn all(seg: &SegmentReader) -> Vec<u64> {
    let mut bits = vec![u64::MAX; words(seg)];
    let tail = seg.max_doc() % 64;
    if let (Some(last), true) = (bits.last_mut(), tail != 0) {
        *last = (1u64 << tail) - 1;
    }
    bits
}

/// The documents having any of `terms`, read block by block from their posting lists.
pub(crate) fn union(seg: &SegmentReader, terms: &[Term]) -> Result<Vec<u64>> {
    let mut bits = vec![0u64; words(seg)];
    for term in terms {
        let inverted = seg.inverted_index(term.field())?;
        let Some(mut postings) = inverted.read_block_postings(term, IndexRecordOption::Basic)?
        else {
            continue;
        };
        while !postings.docs().is_empty() {
            for doc in postings.docs() {
                set(&mut bits, *doc);
            }
            postings.advance();
        }
    }
    Ok(bits)
}
