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
