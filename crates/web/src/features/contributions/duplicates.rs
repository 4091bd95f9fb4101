//! Likely duplicates of a proposed new record, shown before it is sent: for an alliance,
//! the search index's answers to its name in the same département (else région); for a
//! catalyseur, a similar name in the same région (or national); for a tool (no territory),
//! a similar name.

use std::collections::BTreeSet;

use alliances_domain::alliance::{Alliance, TerritoryRef};
use alliances_domain::territory::Level;
use alliances_domain::text::fold;

use crate::revisions::Doc;
use crate::state::Ready;

/// At most this many are shown.
const LIMIT: usize = 5;

/// `(slug, name)` of published records likely to be the one proposed.
#[must_use]
pub fn likely(ready: &Ready, doc: &Doc) -> Vec<(String, String)> {
    match doc {
        Doc::Alliance(a) => alliances(ready, a),
        Doc::Outil(o) => {
            let c = ready.collections.get();
            c.outils
                .iter()
                .map(|(t, _)| t)
                .filter(|t| t.slug != o.slug && similar(&t.nom, &o.nom))
                .take(LIMIT)
                .map(|t| (t.slug.clone(), t.nom.clone()))
                .collect()
        }
        Doc::Catalyseur(k) => {
            let c = ready.collections.get();
            let regions = regions_of(ready, k.places());
            c.catalyseurs
                .iter()
                .filter(|x| x.slug != k.slug && similar(&x.nom, &k.nom))
                .filter(|x| {
                    let theirs = regions_of(ready, x.places());
                    (regions.is_empty() && theirs.is_empty()) || !regions.is_disjoint(&theirs)
                })
                .take(LIMIT)
                .map(|x| (x.slug.clone(), x.nom.clone()))
                .collect()
        }
    }
}

fn alliances(ready: &Ready, a: &Alliance) -> Vec<(String, String)> {
    let mut filters = Vec::new();
    if let Some(place) = a.places().next()
        && let Some(level) = place.level()
    {
        let parents = crate::places::with_parents(ready, level, &place.code);
        let wide = parents
            .iter()
            .find(|(l, _)| *l == Level::Departement)
            .or_else(|| parents.iter().find(|(l, _)| *l == Level::Region))
            .cloned()
            .unwrap_or((level, place.code.clone()));
        filters.push((crate::places::facet_of(wide.0).to_owned(), vec![wide.1]));
    }
    let found = ready.search.search(&alliances_search::Query {
        q: a.nom.clone(),
        filters,
        limit: LIMIT,
        ..Default::default()
    });
    found
        .map(|r| r.hits)
        .unwrap_or_default()
        .into_iter()
        .filter(|h| h.slug != a.slug)
        .map(|h| (h.slug, h.nom))
        .collect()
}

/// The régions (and collectivités d'outre-mer) some places lie in.
fn regions_of<'a>(
    ready: &Ready,
    places: impl Iterator<Item = &'a TerritoryRef>,
) -> BTreeSet<(Level, String)> {
    let mut found = crate::places::places_with_parents(ready, places);
    found.retain(|(l, _)| matches!(l, Level::Region | Level::CollectiviteOutreMer));
    found
}

/// The words of a name that tell it apart (folded, three letters or more).
fn words(name: &str) -> BTreeSet<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_owned)
        .collect()
}

/// Two names alike: one's words all in the other's, or two thirds of their words shared.
fn similar(a: &str, b: &str) -> bool {
    let (x, y) = (words(a), words(b));
    if x.is_empty() || y.is_empty() {
        return fold(a) == fold(b);
    }
    let shared = x.intersection(&y).count();
    shared == x.len().min(y.len()) || 3 * shared >= 2 * x.len().max(y.len())
}

#[cfg(test)]
mod tests {
    use super::similar;

    #[test]
    fn names_alike_share_most_of_their_words() {
        assert!(similar(
            "Guide des partenariats",
            "Le guide des partenariats territoriaux"
        ));
        assert!(similar("CRESS Bretagne", "Cress de Bretagne"));
        assert!(!similar("CRESS Bretagne", "CRESS Occitanie"));
        assert!(!similar(
            "Fondation de France",
            "Fondation territoriale du Grand Est"
        ));
    }
}
