//! The territory name search, in memory: the territory pages' search box, `GET
//! /api/v1/territoires/recherche` and the suggestions of the diagnostic's territory field
//! (one request per keystroke). It matches and orders exactly as the database query it
//! replaces (`alliances_store::territoires::search`, kept as the reference the tests compare
//! with):
//! - every folded word of the query (accent-, ligature- and « St »-insensitive, at most 8)
//!   inside the folded name, or the query as an INSEE code or a postcode;
//! - the code itself first, then the exact name, then names starting with the query, then
//!   the others; within each, régions, départements, COM, EPCI, communes; then the larger
//!   population, the name, the code.
//!
//! Under load the database query was the bottleneck (11–27 ms a query, a scan of the
//! communes each time); here one vectorised pass over the 36 000 folded names, held in one
//! text, finds the candidates.

use std::collections::HashMap;

use alliances_domain::pagination::Page;
use alliances_domain::territory::{Level, Territory};
use alliances_domain::text::{fold, words};
use memchr::memmem;

/// The most words of a query taken into account (as the database query).
const MAX_WORDS: usize = 8;

struct Entry {
    /// Where its folded name (`nom_normalise`) lies in `TerritoryIndex::text`.
    start: u32,
    end: u32,
    code: Box<str>,
    level: Level,
}

/// Every territory, in the order results come in within a match class, with every folded
/// name in one text (one pass of a vectorised substring search finds a word in all of
/// them), and the codes and postcodes in maps.
pub struct TerritoryIndex {
    entries: Vec<Entry>,
    /// The folded names, each followed by a line break (no name holds one).
    text: String,
    by_code: HashMap<Box<str>, Vec<u32>>,
    by_postcode: HashMap<Box<str>, Vec<u32>>,
}

fn level_rank(level: Level) -> u8 {
    match level {
        Level::Region => 0,
        Level::Departement => 1,
        Level::CollectiviteOutreMer => 2,
        Level::Epci => 3,
        Level::Commune => 4,
    }
}

impl TerritoryIndex {
    #[must_use]
    pub fn new<'a>(territories: impl Iterator<Item = &'a Territory>) -> TerritoryIndex {
        let mut sorted: Vec<(&Territory, String)> =
            territories.map(|t| (t, fold(&t.name))).collect();
        sorted.sort_by(|(a, an), (b, bn)| {
            level_rank(a.level)
                .cmp(&level_rank(b.level))
                .then_with(|| {
                    // Larger populations first, unknown ones last.
                    (a.population.is_none(), std::cmp::Reverse(a.population))
                        .cmp(&(b.population.is_none(), std::cmp::Reverse(b.population)))
                })
                .then_with(|| an.as_bytes().cmp(bn.as_bytes()))
                .then_with(|| a.code.as_bytes().cmp(b.code.as_bytes()))
        });
        let mut index = TerritoryIndex {
            entries: Vec::with_capacity(sorted.len()),
            text: String::new(),
            by_code: HashMap::new(),
            by_postcode: HashMap::new(),
        };
        for (i, (t, name)) in sorted.into_iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            let start = u32::try_from(index.text.len()).unwrap_or(u32::MAX);
            index.text.push_str(&name);
            let end = u32::try_from(index.text.len()).unwrap_or(u32::MAX);
            index.text.push('\n');
            index.entries.push(Entry {
                start,
                end,
                code: t.code.clone().into_boxed_str(),
                level: t.level,
            });
            index
                .by_code
                .entry(t.code.clone().into_boxed_str())
                .or_default()
                .push(i);
            for p in &t.postal_codes {
                let list = index
                    .by_postcode
                    .entry(p.clone().into_boxed_str())
                    .or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        index
    }

    fn name(&self, e: &Entry) -> &str {
        &self.text[e.start as usize..e.end as usize]
    }

    /// The entries whose name holds every word, in order.
    fn by_name(&self, ws: &[&str]) -> Vec<u32> {
        // The longest word finds the fewest candidates; the others are checked on them.
        let Some(longest) = ws.iter().max_by_key(|w| w.len()) else {
            return Vec::new();
        };
        let finder = memmem::Finder::new(longest.as_bytes());
        let others: Vec<memmem::Finder<'_>> = ws
            .iter()
            .filter(|w| !std::ptr::eq(*w, longest))
            .map(|w| memmem::Finder::new(w.as_bytes()))
            .collect();
        let mut out = Vec::new();
        let mut next_start = 0usize;
        for at in finder.find_iter(self.text.as_bytes()) {
            if at < next_start {
                continue; // another occurrence in a name already taken
            }
            let i = self
                .entries
                .partition_point(|e| e.start as usize <= at)
                .saturating_sub(1);
            let e = &self.entries[i];
            next_start = e.end as usize;
            let name = self.name(e).as_bytes();
            if others.iter().all(|f| f.find(name).is_some()) {
                out.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        out
    }

    /// How many territories match `query`, and the `page` of them: each as its level and
    /// code.
    #[must_use]
    pub fn search(&self, query: &str, page: Page) -> (u64, Vec<(Level, &str)>) {
        let folded = fold(query);
        let ws: Vec<&str> = words(&folded).take(MAX_WORDS).collect();
        if ws.is_empty() {
            return (0, Vec::new());
        }
        let exact = ws.join(" ");
        let raw = query.trim().to_uppercase();
        let is_code =
            !raw.is_empty() && raw.len() <= 9 && raw.bytes().all(|b| b.is_ascii_alphanumeric());
        let mut found = self.by_name(&ws);
        if is_code {
            let coded = self.by_code.get(raw.as_str()).into_iter().flatten();
            let posted = self.by_postcode.get(raw.as_str()).into_iter().flatten();
            found.extend(coded.chain(posted));
            found.sort_unstable();
            found.dedup();
        }
        let mut classes: [Vec<u32>; 4] = Default::default();
        for i in found {
            let e = &self.entries[i as usize];
            let name = self.name(e);
            let class = if *e.code == *raw {
                0
            } else if name == exact {
                1
            } else if name.starts_with(&exact) {
                2
            } else {
                3
            };
            classes[class].push(i);
        }
        let total = classes.iter().map(Vec::len).sum::<usize>();
        let found = classes
            .iter()
            .flatten()
            .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
            .take(usize::try_from(page.limit()).unwrap_or(usize::MAX))
            .map(|&i| {
                (
                    self.entries[i as usize].level,
                    &*self.entries[i as usize].code,
                )
            })
            .collect();
        (total as u64, found)
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
