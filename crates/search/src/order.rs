//! Pages sorted by date or by name without a sort per search: each segment keeps its
//! documents in both orders (built once per segment from the fast fields, like the facet
//! tables), and a page is read by walking an order and keeping the documents the search
//! matched. Ties go to the lower document address, as tantivy's own sorted collectors do.
//!
//! At 1 000 000 alliances, ordering every match by date took about 10 ms a search
//! (`alliances-bench phases`); walking the order stops at the page's last document.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::{DocAddress, DocId, Searcher, SegmentReader};

use crate::facets::{Matched, SegmentFacets, contains};
use crate::{Result, SearchError};

/// One segment's documents by date (most recent first) and by name, and each document's
/// place in both (4 bytes a document each: 16 MB at 1 000 000 alliances).
#[derive(Default)]
pub(crate) struct Orders {
    by_date: Vec<DocId>,
    by_name: Vec<DocId>,
    date_rank: Vec<u32>,
    name_rank: Vec<u32>,
}

/// Each document's place in `order`.
fn ranks(order: &[DocId]) -> Vec<u32> {
    let mut rank = vec![0u32; order.len()];
    for (place, d) in (0u32..).zip(order) {
        rank[*d as usize] = place;
    }
    rank
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// `debut`, descending.
    Date,
    /// `nom_tri`, ascending.
    Name,
}

/// Reads a segment's two orders from its fast fields.
pub(crate) fn build(seg: &SegmentReader) -> Result<Orders> {
    let max = seg.max_doc();
    let dates = date_column(seg)?;
    let names = name_column(seg)?;
    let date_of: Vec<u64> = (0..max).map(|d| dates.first(d).unwrap_or(0)).collect();
    let name_of: Vec<u64> = (0..max)
        .map(|d| names.ords().first(d).unwrap_or(u64::MAX))
        .collect();
    let mut by_date: Vec<DocId> = (0..max).collect();
    // Stable sorts over ascending documents: ties keep the lower document first.
    by_date.sort_by(|a, b| date_of[*b as usize].cmp(&date_of[*a as usize]));
    let mut by_name: Vec<DocId> = (0..max).collect();
    by_name.sort_by_key(|d| name_of[*d as usize]);
    Ok(Orders {
        date_rank: ranks(&by_date),
        name_rank: ranks(&by_name),
        by_date,
        by_name,
    })
}

fn date_column(seg: &SegmentReader) -> Result<tantivy::columnar::Column<u64>> {
    Ok(seg.fast_fields().u64("debut")?)
}

fn name_column(seg: &SegmentReader) -> Result<tantivy::columnar::StrColumn> {
    seg.fast_fields()
        .str("nom_tri")?
        .ok_or_else(|| SearchError::Other("colonne nom_tri absente".into()))
}

/// The documents of `matched` ranked `offset..offset + limit` in the order `key`.
pub(crate) fn page(
    searcher: &Searcher,
    tables: &HashMap<SegmentId, Arc<SegmentFacets>>,
    matched: &Matched,
    key: Key,
    offset: usize,
    limit: usize,
) -> Result<Vec<DocAddress>> {
    let want = offset.saturating_add(limit);
    // Per segment, its first `want` matches in order, with what orders them across segments.
    let mut found: Vec<(SortValue, DocAddress)> = Vec::new();
    let segments = searcher.segment_readers();
    for (ord, seg) in segments.iter().enumerate() {
        let (Some(bits), Some(table)) = (matched.get(ord), tables.get(&seg.segment_id())) else {
            continue;
        };
        let o = &table.orders;
        let docs = match key {
            Key::Date => first_matches(&o.by_date, &o.date_rank, bits, want),
            Key::Name => first_matches(&o.by_name, &o.name_rank, bits, want),
        };
        let segment_ord = u32::try_from(ord).map_err(|e| SearchError::Other(e.to_string()))?;
        if segments.len() == 1 {
            return Ok(docs
                .into_iter()
                .skip(offset)
                .map(|d| DocAddress::new(segment_ord, d))
                .collect());
        }
        let values = sort_values(seg, key, &docs)?;
        found.extend(
            values
                .into_iter()
                .zip(docs)
                .map(|(v, d)| (v, DocAddress::new(segment_ord, d))),
        );
    }
    found.sort_by(|(va, a), (vb, b)| va.cmp(vb).then(a.cmp(b)));
    Ok(found
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(_, a)| a)
        .collect())
}

/// The first `want` documents of `order` set in `bits`. When the matches are few (under
/// one document in 64), sorting them by their place costs less than walking the order.
fn first_matches(order: &[DocId], rank: &[u32], bits: &[u64], want: usize) -> Vec<DocId> {
    let count: usize = bits.iter().map(|w| w.count_ones() as usize).sum();
    if count.saturating_mul(64) < order.len() {
        let mut docs: Vec<DocId> = Vec::with_capacity(count);
        for (base, w) in (0u32..).step_by(64).zip(bits) {
            let mut w = *w;
            while w != 0 {
                docs.push(base + w.trailing_zeros());
                w &= w - 1;
            }
        }
        docs.sort_unstable_by_key(|d| rank.get(*d as usize).copied().unwrap_or(u32::MAX));
        docs.truncate(want);
        return docs;
    }
    order
        .iter()
        .copied()
        .filter(|d| contains(bits, *d))
        .take(want)
        .collect()
}

/// What orders documents of different segments: the date reversed (most recent first) or
/// the name.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    Date(std::cmp::Reverse<u64>),
    Name(String),
}

fn sort_values(seg: &SegmentReader, key: Key, docs: &[DocId]) -> Result<Vec<SortValue>> {
    match key {
        Key::Date => {
            let dates = date_column(seg)?;
            Ok(docs
                .iter()
                .map(|d| SortValue::Date(std::cmp::Reverse(dates.first(*d).unwrap_or(0))))
                .collect())
        }
        Key::Name => {
            let names = name_column(seg)?;
            docs.iter()
                .map(|d| {
                    let mut name = String::new();
                    if let Some(o) = names.ords().first(*d) {
                        names.ord_to_str(o, &mut name)?;
                    }
                    Ok(SortValue::Name(name))
                })
                .collect()
        }
    }
}
