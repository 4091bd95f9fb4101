//! Facet counts: each facet value's documents per segment (a bitset, a sorted list when rare,
//! or a range when the index's order puts them together), built once per segment from the
//! inverted index, and the collector that counts a search's matches against them.

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

/// The documents of one facet value in one segment, in whichever form counts them fastest
/// (see [`Docs::of`]).
pub(crate) enum Docs {
    /// A bitset.
    Bits(Vec<u64>),
    /// The sorted document numbers, when the value is rare: the list is then smaller than a
    /// bitset, and counting reads less memory.
    List(Sorted),
    /// Ranges of documents, and the few others (sorted). The index keeps its documents in
    /// territory order, then by first fragilité, so a région's or a département's alliances
    /// are mostly one range, a fragilité's one range per département, and counting them is
    /// a popcount over those parts of the matches.
    Runs {
        runs: Vec<(DocId, DocId)>,
        rest: Sorted,
    },
}

/// The shortest range worth keeping as a range: below it, probing its documents one by one
/// costs less than a popcount over its words and edges.
const MIN_RUN: usize = 16;

/// Documents a block of the matches covers: 1 024 words.
const BLOCK: u32 = 1 << 16;
const BLOCK_WORDS: usize = BLOCK as usize / 64;

/// A sorted list of document numbers, as 16-bit offsets within blocks of [`BLOCK`]
/// documents: half the memory of 32-bit numbers, and a probe into a block of the matches
/// (a fixed-size array) needs no bounds check. Probing is most of the counting time.
pub(crate) struct Sorted {
    /// Where each block's offsets start in `low`, and the end of the last one.
    starts: Vec<u32>,
    low: Vec<u16>,
}

impl Sorted {
    fn new(list: &[u32]) -> Sorted {
        let blocks = list.last().map_or(0, |d| d / BLOCK + 1);
        let mut starts = Vec::with_capacity(blocks as usize + 1);
        let mut i = 0;
        for b in 0..=blocks {
            starts.push(u32::try_from(i).unwrap_or(u32::MAX));
            while i < list.len() && list[i] / BLOCK == b {
                i += 1;
            }
        }
        Sorted {
            starts,
            low: list.iter().map(|d| (d % BLOCK) as u16).collect(),
        }
    }

    /// Each block's number and offsets.
    fn blocks(&self) -> impl Iterator<Item = (u32, &[u16])> {
        (0u32..).zip(self.starts.windows(2)).map(|(b, w)| {
            let range = w[0] as usize..w[1] as usize;
            (b, self.low.get(range).unwrap_or_default())
        })
    }

    fn iter(&self) -> impl Iterator<Item = DocId> + '_ {
        self.blocks()
            .flat_map(|(b, low)| low.iter().map(move |l| b * BLOCK + u32::from(*l)))
    }

    fn contains(&self, doc: DocId) -> bool {
        self.blocks()
            .nth((doc / BLOCK) as usize)
            .is_some_and(|(_, low)| low.binary_search(&((doc % BLOCK) as u16)).is_ok())
    }

    /// Number of these documents set in `mask` (fastest when the mask is padded to whole
    /// blocks, see [`padded`]).
    fn count_in(&self, mask: &[u64]) -> u32 {
        let mut n = 0;
        for (b, low) in self.blocks() {
            let base = b as usize * BLOCK_WORDS;
            let block = mask
                .get(base..base + BLOCK_WORDS)
                .and_then(|m| <&[u64; BLOCK_WORDS]>::try_from(m).ok());
            match block {
                Some(words) => {
                    for l in low {
                        n += ((words[usize::from(l >> 6)] >> (l & 63)) & 1) as u32;
                    }
                }
                None => {
                    for l in low {
                        let w = mask.get(base + usize::from(l >> 6)).copied().unwrap_or(0);
                        n += ((w >> (l & 63)) & 1) as u32;
                    }
                }
            }
        }
        n
    }
}

/// `bits` lengthened with zeros to whole blocks of [`BLOCK`] documents.
fn padded(mut bits: Vec<u64>) -> Vec<u64> {
    bits.resize(bits.len().div_ceil(BLOCK_WORDS) * BLOCK_WORDS, 0);
    bits
}

/// What counting costs, in list entries: probing one entry, or reading half a bitset word
/// (measured at 1 000 000 documents: 0.85 ns an entry, 1.1 ns a word, and a list is kept
/// below one document in 32, i.e. two entries a word).
const WORD_COST: usize = 2;

impl Docs {
    /// The cheapest form of a value's documents (`list` sorted, in a segment of `max_doc`).
    fn of(list: Vec<u32>, max_doc: u32) -> Docs {
        let words = (max_doc as usize).div_ceil(64);
        let (runs, rest) = split_runs(&list);
        let runs_cost = runs
            .iter()
            .map(|(s, e)| ((e - s) as usize).div_ceil(64) + 2)
            .sum::<usize>()
            * WORD_COST
            + rest.len();
        let list_cost = list.len();
        let bits_cost = words * WORD_COST;
        if !runs.is_empty() && runs_cost < list_cost.min(bits_cost) {
            Docs::Runs {
                runs,
                rest: Sorted::new(&rest),
            }
        } else if list_cost < bits_cost {
            Docs::List(Sorted::new(&list))
        } else {
            let mut bits = vec![0u64; words];
            for d in list {
                bits[d as usize / 64] |= 1 << (d % 64);
            }
            Docs::Bits(bits)
        }
    }

    fn contains(&self, doc: DocId) -> bool {
        match self {
            Docs::Bits(bits) => contains(bits, doc),
            Docs::List(list) => list.contains(doc),
            Docs::Runs { runs, rest } => {
                let i = runs.partition_point(|(start, _)| *start <= doc);
                i.checked_sub(1).is_some_and(|i| doc < runs[i].1) || rest.contains(doc)
            }
        }
    }

    /// Number of these documents set in `mask`.
    fn count_in(&self, mask: &[u64]) -> u32 {
        match self {
            Docs::Bits(bits) => popcount_and(mask, bits),
            Docs::List(list) => list.count_in(mask),
            Docs::Runs { runs, rest } => {
                runs.iter()
                    .map(|(start, end)| count_range(mask, *start, *end))
                    .sum::<u32>()
                    + rest.count_in(mask)
            }
        }
    }

    /// ORs these documents into `acc`.
    fn or_into(&self, acc: &mut [u64]) {
        match self {
            Docs::Bits(bits) => acc.iter_mut().zip(bits).for_each(|(a, b)| *a |= b),
            Docs::List(list) => list
                .iter()
                .for_each(|d| acc[d as usize / 64] |= 1 << (d % 64)),
            Docs::Runs { runs, rest } => {
                let ranges = runs.iter().flat_map(|(start, end)| *start..*end);
                for d in ranges.chain(rest.iter()) {
                    acc[d as usize / 64] |= 1 << (d % 64);
                }
            }
        }
    }
}

/// The ranges of at least [`MIN_RUN`] consecutive numbers of a sorted list, as
/// `start..end`, and the numbers outside them.
fn split_runs(list: &[u32]) -> (Vec<(u32, u32)>, Vec<u32>) {
    let mut runs = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let mut j = i + 1;
        while j < list.len() && list[j] == list[j - 1] + 1 {
            j += 1;
        }
        if j - i >= MIN_RUN {
            runs.push((list[i], list[j - 1] + 1));
        } else {
            rest.extend_from_slice(&list[i..j]);
        }
        i = j;
    }
    (runs, rest)
}

/// Number of bits set in `mask` among `start..end`.
fn count_range(mask: &[u64], start: DocId, end: DocId) -> u32 {
    if start >= end {
        return 0;
    }
    let (first, last) = (start as usize / 64, (end as usize - 1) / 64);
    let low = u64::MAX << (start % 64);
    let high = u64::MAX >> (63 - (end - 1) % 64);
    if first == last {
        return (mask[first] & low & high).count_ones();
    }
    let inner = &mask[first + 1..last];
    (mask[first] & low).count_ones() + popcount_and(inner, inner) + (mask[last] & high).count_ones()
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
        values.push((id, Docs::of(list, max_doc)));
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
            let words = bits.len();
            let (counts, mut all) = FacetSegment {
                table: self.segments.get(&seg.segment_id()).cloned(),
                facet_of: self.facet_of.clone(),
                wanted: self.wanted.clone(),
                active: self.active,
                matched: padded(bits),
            }
            .harvest();
            all.truncate(words);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mask(docs: &[u32], max_doc: u32) -> Vec<u64> {
        let mut m = vec![0u64; (max_doc as usize).div_ceil(64)];
        Docs::List(Sorted::new(docs)).or_into(&mut m);
        m
    }

    #[test]
    fn each_form_counts_and_holds_the_same_documents() {
        let max_doc = 1000;
        // Matches: every third document.
        let matched: Vec<u32> = (0..max_doc).step_by(3).collect();
        let m = mask(&matched, max_doc);
        let cases: Vec<Vec<u32>> = vec![
            // A run; a run and others; spread (a bitset); rare (a list); short runs.
            (100..700).collect(),
            (5..500).chain([3, 990, 999]).collect(),
            (0..max_doc).step_by(7).collect(),
            vec![1, 64, 65, 128, 640],
            (63..65).chain(127..129).chain(200..203).collect(),
            // Several ranges and others.
            (10..40)
                .chain(100..164)
                .chain([70, 71])
                .chain(900..930)
                .collect(),
        ];
        for mut list in cases {
            list.sort_unstable();
            let docs = Docs::of(list.clone(), max_doc);
            let want = list.iter().filter(|d| *d % 3 == 0).count() as u32;
            assert_eq!(docs.count_in(&m), want, "{list:?}");
            let mut acc = vec![0u64; m.len()];
            docs.or_into(&mut acc);
            assert_eq!(acc, mask(&list, max_doc), "{list:?}");
            for d in 0..max_doc {
                assert_eq!(docs.contains(d), list.contains(&d), "{d} in {list:?}");
            }
        }
        assert!(matches!(
            Docs::of((100..700).collect(), max_doc),
            Docs::Runs { .. }
        ));
        let several = (10..40).chain(100..164).chain(900..930).collect();
        assert!(matches!(Docs::of(several, max_doc), Docs::Runs { runs, .. } if runs.len() == 3));
        assert!(matches!(Docs::of(vec![1, 64, 65], max_doc), Docs::List(_)));
        let spread = (0..max_doc).step_by(7).collect();
        assert!(matches!(Docs::of(spread, max_doc), Docs::Bits(_)));
    }

    #[test]
    fn sorted_lists_span_blocks_with_or_without_padding() {
        let max_doc = 3 * BLOCK + 5;
        let list: Vec<u32> = [0, 1, 65_535, 65_536, 70_000, 3 * BLOCK, 3 * BLOCK + 4]
            .into_iter()
            .chain((2 * BLOCK..2 * BLOCK + 300).step_by(7))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let sorted = Sorted::new(&list);
        assert_eq!(sorted.iter().collect::<Vec<_>>(), list);
        for d in [
            0,
            2,
            65_535,
            65_536,
            65_537,
            2 * BLOCK + 7,
            2 * BLOCK + 8,
            3 * BLOCK + 4,
        ] {
            assert_eq!(sorted.contains(d), list.contains(&d), "{d}");
        }
        // Matches: the even documents.
        let even: Vec<u32> = (0..max_doc).step_by(2).collect();
        let m = mask(&even, max_doc);
        let want = list.iter().filter(|d| *d % 2 == 0).count() as u32;
        assert_eq!(sorted.count_in(&m), want);
        assert_eq!(sorted.count_in(&padded(m)), want);
    }

    #[test]
    fn ranges_count_within_words_and_across_them() {
        let m = vec![u64::MAX; 4];
        for (start, end) in [
            (0, 0),
            (0, 1),
            (3, 64),
            (63, 65),
            (0, 256),
            (10, 200),
            (64, 128),
        ] {
            assert_eq!(count_range(&m, start, end), end - start, "{start}..{end}");
        }
        let alternate = vec![0x5555_5555_5555_5555u64; 4];
        assert_eq!(count_range(&alternate, 1, 255), 127);
    }
}
