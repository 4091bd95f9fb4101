//! Territories seen from the records: names, where a place belongs, and which places
//! contain which. Shared by every feature that places something on the map.

use std::collections::BTreeSet;

use alliances_domain::alliance::TerritoryRef;
use alliances_domain::territory::{Level, Territory};

use crate::state::Ready;

/// The name of a territory of any level.
#[must_use]
pub fn territory_name(ready: &Ready, level: Level, code: &str) -> Option<String> {
    territory(ready, level, code).map(|t| t.name.clone())
}

/// A territory of any level, from memory.
#[must_use]
pub fn territory<'a>(ready: &'a Ready, level: Level, code: &str) -> Option<&'a Territory> {
    match level {
        Level::Commune => ready.directory.communes.get(code),
        Level::Epci => ready.directory.epcis.get(code),
        _ => ready.small(level, code),
    }
}

/// A territory and every territory it lies in: `(level, code)`, the place itself
/// included. An EPCI lies in each département its communes are in.
#[must_use]
pub fn with_parents(ready: &Ready, level: Level, code: &str) -> BTreeSet<(Level, String)> {
    let mut out = BTreeSet::new();
    out.insert((level, code.to_owned()));
    match level {
        Level::Commune => out.extend(ready.directory.parents_of_commune(code)),
        Level::Epci => {
            for d in ready
                .directory
                .epci_departements
                .get(code)
                .into_iter()
                .flatten()
            {
                out.insert((Level::Departement, d.clone()));
                if let Some(r) = ready
                    .small(Level::Departement, d)
                    .and_then(|d| d.region.clone())
                {
                    out.insert((Level::Region, r));
                }
            }
        }
        Level::Departement => {
            if let Some(r) = ready
                .small(Level::Departement, code)
                .and_then(|d| d.region.clone())
            {
                out.insert((Level::Region, r));
            }
        }
        Level::Region | Level::CollectiviteOutreMer => {}
    }
    out
}

/// The territories some places touch, with their parents.
#[must_use]
pub fn places_with_parents<'a>(
    ready: &Ready,
    places: impl Iterator<Item = &'a TerritoryRef>,
) -> BTreeSet<(Level, String)> {
    let mut out = BTreeSet::new();
    for t in places {
        if let Some(level) = t.level() {
            out.extend(with_parents(ready, level, &t.code));
        }
    }
    out
}

/// The key the search index orders its documents by (see `alliances_search::IndexDoc::lieu`):
/// the région, then the département, of the first département among `places` (or the first
/// région when there is none), then the first of `fragilites`, so that the alliances of one
/// région, of one département within it, and of one fragilité within that, are neighbours.
/// Alliances placed nowhere in a région come last.
#[must_use]
pub fn order_key(ready: &Ready, places: &BTreeSet<(Level, String)>, fragilites: &[String]) -> u64 {
    // The first bytes of a code, in order: « 2A » after « 19 », « 971 » after « 95 ».
    let code = |c: &str, bytes: usize| {
        c.bytes()
            .chain(std::iter::repeat(0))
            .take(bytes)
            .fold(0u64, |k, b| k << 8 | u64::from(b))
    };
    let first = |level: Level| places.iter().find(|(l, _)| *l == level).map(|(_, c)| c);
    // Région (two bytes), département (three bytes).
    let place = match first(Level::Departement) {
        Some(d) => {
            let region = ready
                .small(Level::Departement, d)
                .and_then(|t| t.region.as_deref())
                .map_or(0, |r| code(r, 2));
            region << 24 | code(d, 3)
        }
        None => first(Level::Region).map_or(u64::MAX >> 24, |r| code(r, 2) << 24),
    };
    // A fragilité's code hashed to three bytes (FNV-1a): the same code, the same number.
    let fragility = fragilites.iter().min().map_or(0, |f| {
        f.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        }) & 0xff_ffff
    });
    place << 24 | fragility
}

/// How a place relates to a territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The place is the territory or lies inside it.
    Inside,
    /// The place contains the territory.
    Covering,
}

/// Whether `place` lies in the territory `(level, code)` or contains it.
#[must_use]
pub fn relation(ready: &Ready, place: &TerritoryRef, level: Level, code: &str) -> Option<Relation> {
    let place_level = place.level()?;
    if with_parents(ready, place_level, &place.code).contains(&(level, code.to_owned())) {
        return Some(Relation::Inside);
    }
    if with_parents(ready, level, code).contains(&(place_level, place.code.clone())) {
        return Some(Relation::Covering);
    }
    None
}

/// The overseas régions, drawn as insets of the maps: `(code, name)`.
#[must_use]
pub fn overseas_insets(ready: &Ready) -> Vec<(String, String)> {
    ready
        .regions
        .iter()
        .filter(|r| r.zone.as_deref() == Some("drom"))
        .map(|r| (r.code.clone(), r.name.clone()))
        .collect()
}

/// A short description of where a territory belongs, for search results.
#[must_use]
pub fn attachment(ready: &Ready, t: &Territory) -> Option<String> {
    let name = |level: Level, code: &Option<String>| {
        code.as_deref()
            .and_then(|c| ready.small(level, c))
            .map(|p| format!("{} ({})", p.name, p.code))
    };
    match t.level {
        Level::Region | Level::CollectiviteOutreMer => None,
        Level::Departement => name(Level::Region, &t.region),
        Level::Epci => None,
        Level::Commune => name(Level::Departement, &t.departement)
            .or_else(|| name(Level::CollectiviteOutreMer, &t.com)),
    }
}

/// The territories a typed name finds (at most `limit`, out of `total`), and those of them
/// whose name is exactly the one typed (accents and case aside): what forms and filters that
/// take a territory by name decide from.
pub struct Named<'a> {
    pub total: u64,
    pub hits: Vec<&'a Territory>,
    pub exact: Vec<&'a Territory>,
}

#[must_use]
pub fn named<'a>(ready: &'a Ready, typed: &str, limit: u32) -> Named<'a> {
    let (total, found) = ready.territory_index.search(
        typed,
        alliances_domain::pagination::Page {
            page: 1,
            per_page: limit,
        },
    );
    let hits: Vec<&Territory> = found
        .iter()
        .filter_map(|(level, code)| territory(ready, *level, code))
        .collect();
    let folded = alliances_domain::text::fold(typed);
    let exact = hits
        .iter()
        .copied()
        .filter(|t| alliances_domain::text::fold(&t.name) == folded)
        .collect();
    Named { total, hits, exact }
}

/// The search filter that selects the records placed in a territory of this level.
#[must_use]
pub fn facet_of(level: Level) -> &'static str {
    match level {
        Level::Region => "region",
        Level::Departement => "departement",
        Level::Epci => "epci",
        Level::Commune => "commune",
        Level::CollectiviteOutreMer => "com",
    }
}

/// Weight added to the score of an alliance placed in the territory a query names (text
/// scores stay far below), and of one placed in the intercommunalité (or collectivité
/// d'outre-mer) of a commune it names.
const NAMED: f32 = 1000.0;
const AROUND: f32 = 500.0;

/// Territories by the key of their name (see [`name_key`]): régions, départements and
/// collectivités d'outre-mer apart from communes, which a name reaches only when no larger
/// territory bears it (« Saint-Martin » is the collectivité before the communes).
#[derive(Debug, Default)]
pub struct PlaceNames {
    large: std::collections::HashMap<String, Vec<(Level, String)>>,
    communes: std::collections::HashMap<String, Vec<String>>,
}

impl PlaceNames {
    fn build(ready: &Ready) -> PlaceNames {
        let mut names = PlaceNames::default();
        for t in ready
            .regions
            .iter()
            .chain(&ready.departements)
            .chain(&ready.coms)
        {
            names
                .large
                .entry(name_key(&t.name))
                .or_default()
                .push((t.level, t.code.clone()));
        }
        for c in ready.directory.communes.values() {
            names
                .communes
                .entry(name_key(&c.name))
                .or_default()
                .push(c.code.clone());
        }
        names
    }
}

/// How a query and a territory's name compare: folded (accents, case, « St » for
/// « Saint »), a leading article dropped (« Réunion » finds « La Réunion »).
fn name_key(name: &str) -> String {
    let folded = alliances_domain::text::fold(name);
    let words: Vec<&str> = alliances_domain::text::words(&folded).collect();
    match words.split_first() {
        Some((first, rest)) if !rest.is_empty() && matches!(*first, "la" | "le" | "les" | "l") => {
            rest.join(" ")
        }
        _ => words.join(" "),
    }
}

/// The territories a search's whole text names, for ranking: a région, département or
/// collectivité d'outre-mer ranks the alliances placed there first; a commune brings in
/// the alliances placed in it, then those of its intercommunalité (or, overseas, of its
/// collectivité), even when their text does not name it.
#[must_use]
pub fn named_in_query(ready: &Ready, q: &str) -> alliances_search::Places {
    let key = name_key(q);
    if key.is_empty() {
        return alliances_search::Places::default();
    }
    let names = ready.place_names.get_or_init(|| PlaceNames::build(ready));
    let boost = |level: Level, code: &str, weight: f32| {
        (facet_of(level).to_owned(), code.to_owned(), weight)
    };
    if let Some(found) = names.large.get(&key) {
        return alliances_search::Places {
            boosts: found.iter().map(|(l, c)| boost(*l, c, NAMED)).collect(),
            match_alone: false,
        };
    }
    let mut boosts = Vec::new();
    for code in names.communes.get(&key).into_iter().flatten() {
        boosts.push(boost(Level::Commune, code, NAMED));
        for (level, parent) in ready.directory.parents_of_commune(code) {
            if matches!(level, Level::Epci | Level::CollectiviteOutreMer) {
                boosts.push(boost(level, &parent, AROUND));
            }
        }
    }
    alliances_search::Places {
        match_alone: !boosts.is_empty(),
        boosts,
    }
}
