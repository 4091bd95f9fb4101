//! Facet counts: each facet value's documents per segment (a bitset, or a sorted list when
//! rare), built once per segment from the inverted index, and the collector that counts a
//! search's matches against them.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Searcher, SegmentReader};

use crate::{COUNTED, Result, facet_index};

/// Dense ids for `facet:code` terms, shared by all segments.
#[derive(Default)]
pub(crate) struct Dictionary {
    pub(crate) ids: HashMap<String, u32>,
    /// id → (facet index, code)
    pub(crate) terms: Vec<(u8, String)>,
}

impl Dictionary {
    fn intern(&mut self, term: &str) -> Option<u32> {
        if let Some(id) = self.ids.get(term) {
            return Some(*id);
        }
        let (facet, code) = term.split_once(':')?;
        // Hidden filters (epci, commune, com) are applied by the query, never counted.
        let f = facet_index(facet).filter(|i| usize::from(*i) < COUNTED)?;
        let id = u32::try_from(self.terms.len()).ok()?;
        self.terms.push((f, code.to_owned()));
        self.ids.insert(term.to_owned(), id);
        Some(id)
    }
}

/// The documents of one facet value in one segment: a bitset, or the sorted list of
/// document numbers when the value is rare (fewer than one document in 32: the list is then
/// smaller, and counting reads less memory).
pub(crate) enum Docs {
    Bits(Vec<u64>),
    List(Vec<u32>),
}

impl Docs {
    fn contains(&self, doc: DocId) -> bool {
        match self {
            Docs::Bits(bits) => contains(bits, doc),
            Docs::List(list) => list.binary_search(&doc).is_ok(),
        }
    }

    /// Number of these documents set in `mask`.
    fn count_in(&self, mask: &[u64]) -> u32 {
        match self {
            Docs::Bits(bits) => popcount_and(mask, bits),
            Docs::List(list) => list
                .iter()
                .map(|d| ((mask[*d as usize / 64] >> (d % 64)) & 1) as u32)
                .sum(),
        }
    }

    /// ORs these documents into `acc`.
    fn or_into(&self, acc: &mut [u64]) {
        match self {
            Docs::Bits(bits) => acc.iter_mut().zip(bits).for_each(|(a, b)| *a |= b),
            Docs::List(list) => list
                .iter()
                .for_each(|d| acc[*d as usize / 64] |= 1 << (d % 64)),
        }
    }
}

/// For one segment: each facet value present (dense id) with its documents.
pub(crate) struct SegmentFacets {
    values: Vec<(u32, Docs)>,
    /// The segment's documents by date and by name (see [`crate::order`]).
    pub(crate) orders: crate::order::Orders,
}

impl SegmentFacets {
    /// The values of one document.
    pub(crate) fn of(&self, doc: DocId) -> impl Iterator<Item = u32> + '_ {
        self.values
            .iter()
            .filter(move |(_, docs)| docs.contains(doc))
            .map(|(id, _)| *id)
    }
}

/// Number of bits set in `a AND b`. Written with the SWAR bit count so that it vectorises on
/// the baseline x86-64 target, which has no popcount instruction (`count_ones` becomes a
/// dozen scalar operations per word there, and this loop runs over every facet value).
pub(crate) fn popcount_and(a: &[u64], b: &[u64]) -> u32 {
    const M1: u64 = 0x5555_5555_5555_5555;
    const M2: u64 = 0x3333_3333_3333_3333;
    const M4: u64 = 0x0f0f_0f0f_0f0f_0f0f;
    let mut total = 0u64;
    // Per word each byte holds at most 8; 16 words keep every byte of `acc` under 256.
    for (ca, cb) in a.chunks(16).zip(b.chunks(16)) {
        let mut acc = 0u64;
        for (x, y) in ca.iter().zip(cb) {
            let mut v = x & y;
            v -= (v >> 1) & M1;
            v = (v & M2) + ((v >> 2) & M2);
            acc += (v + (v >> 4)) & M4;
        }
        // Bytes → 16-bit lanes (each ≤ 256), then the sum of the four lanes (≤ 1024).
        let lanes = (acc & 0x00ff_00ff_00ff_00ff) + ((acc >> 8) & 0x00ff_00ff_00ff_00ff);
        total += lanes.wrapping_mul(0x0001_0001_0001_0001) >> 48;
    }
    u32::try_from(total).unwrap_or(u32::MAX)
}

pub(crate) fn build_segment_facets(
    seg: &SegmentReader,
    field: Field,
    dict: &mut Dictionary,
) -> Result<SegmentFacets> {
    use tantivy::DocSet;
    let inverted = seg.inverted_index(field)?;
    let max_doc = seg.max_doc();
    let words = (max_doc as usize).div_ceil(64);
    let mut values = Vec::new();
    let mut stream = inverted.terms().stream()?;
    while stream.advance() {
        let term = String::from_utf8_lossy(stream.key()).into_owned();
        let Some(id) = dict.intern(&term) else {
            continue;
        };
        let info = stream.value();
        let mut postings = inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)?;
        let mut list = Vec::with_capacity(info.doc_freq as usize);
        let mut doc = postings.doc();
        while doc != tantivy::TERMINATED {
            list.push(doc);
            doc = postings.advance();
        }
        let docs = if (list.len() as u64) * 32 < u64::from(max_doc) {
            Docs::List(list)
        } else {
            let mut bits = vec![0u64; words];
            Docs::List(list).or_into(&mut bits);
            Docs::Bits(bits)
        };
        values.push((id, docs));
    }
    Ok(SegmentFacets {
        values,
        orders: crate::order::build(seg)?,
    })
}

/// The documents a search matched, per segment (indexed by segment ordinal), as bitsets:
/// what the counting pass found, reused to rank a page without running the query again.
pub(crate) type Matched = Vec<Vec<u64>>;

/// Counts the facet values of a search's matches (each facet's counts ignoring its own
/// filter), and keeps the documents that pass every filter.
pub(crate) struct FacetCollector {
    pub(crate) segments: HashMap<SegmentId, Arc<SegmentFacets>>,
    pub(crate) facet_of: Arc<Vec<u8>>,
    /// `1 + facet index` for the selected values, 0 for the others.
    pub(crate) wanted: Arc<Vec<u8>>,
    /// Bit `i` set: facet `i` has a filter.
    pub(crate) active: u32,
}

/// One segment's matches, to count.
struct FacetSegment {
    table: Option<Arc<SegmentFacets>>,
    facet_of: Arc<Vec<u8>>,
    wanted: Arc<Vec<u8>>,
    active: u32,
    matched: Vec<u64>,
}

impl FacetCollector {
    /// Counts over the documents each segment matched; returns the counts of every value
    /// and the documents passing every filter.
    pub(crate) fn count(&self, searcher: &Searcher, matched: Matched) -> (Vec<u32>, Matched) {
        let mut total = vec![0u32; self.facet_of.len()];
        let mut passing = Vec::with_capacity(matched.len());
        for (seg, bits) in searcher.segment_readers().iter().zip(matched) {
            let (counts, all) = FacetSegment {
                table: self.segments.get(&seg.segment_id()).cloned(),
                facet_of: self.facet_of.clone(),
                wanted: self.wanted.clone(),
                active: self.active,
                matched: bits,
            }
            .harvest();
            for (t, c) in total.iter_mut().zip(counts) {
                *t += c;
            }
            passing.push(all);
        }
        (total, passing)
    }
}

impl FacetSegment {
    /// The count of each value among the matches (each facet's ignoring its own filter),
    /// and the matches passing every filter.
    fn harvest(self) -> (Vec<u32>, Vec<u64>) {
        let mut counts = vec![0u32; self.facet_of.len()];
        let Some(table) = &self.table else {
            return (counts, Vec::new());
        };
        let words = self.matched.len();
        // For each filtered facet, the documents having one of its selected values.
        let mut selected: HashMap<u8, Vec<u64>> = HashMap::new();
        for (id, docs) in &table.values {
            let w = self.wanted.get(*id as usize).copied().unwrap_or(0);
            if w != 0 {
                docs.or_into(selected.entry(w - 1).or_insert_with(|| vec![0; words]));
            }
        }
        let facets_with_filter: Vec<u8> =
            (0..32u8).filter(|f| self.active & (1 << f) != 0).collect();
        // The documents that pass every filter except (optionally) one facet's.
        let mask = |except: Option<u8>| -> Vec<u64> {
            let mut m = self.matched.clone();
            for f in &facets_with_filter {
                if Some(*f) == except {
                    continue;
                }
                match selected.get(f) {
                    Some(sel) => {
                        for (a, b) in m.iter_mut().zip(sel) {
                            *a &= b;
                        }
                    }
                    None => m.iter_mut().for_each(|a| *a = 0),
                }
            }
            m
        };
        let all = mask(None);
        let mut per_facet: HashMap<u8, Vec<u64>> = HashMap::new();
        for f in &facets_with_filter {
            per_facet.insert(*f, mask(Some(*f)));
        }
        for (id, docs) in &table.values {
            let facet = self.facet_of.get(*id as usize).copied().unwrap_or(u8::MAX);
            let m = per_facet.get(&facet).unwrap_or(&all);
            if let Some(c) = counts.get_mut(*id as usize) {
                *c = docs.count_in(m);
            }
        }
        (counts, all)
    }
}

/// Number of documents in `matched`.
pub(crate) fn count(matched: &Matched) -> usize {
    matched
        .iter()
        .flatten()
        .map(|w| w.count_ones() as usize)
        .sum()
}

/// Whether `doc` of a segment is in its matched set.
pub(crate) fn contains(bits: &[u64], doc: DocId) -> bool {
    bits.get(doc as usize / 64)
        .is_some_and(|w| w & (1 << (doc % 64)) != 0)
}
