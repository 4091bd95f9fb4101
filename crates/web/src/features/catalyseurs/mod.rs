//! Catalyseurs territoriaux: the directory at `/catalyseurs` (filters, a map by région and
//! the table), a page per catalyseur, and the API. The page and the API read their filters
//! through one parser ([`parse_request`]).

pub mod api;
pub mod html;

use alliances_domain::catalyseur::{Catalyseur, GENRES, LEVELS};
use alliances_domain::error::Invalid;
use alliances_domain::taxonomy::CATALYSE_METIERS;
use alliances_domain::territory::Level;
use alliances_domain::text::fold;
use alliances_i18n::{Catalog, Lang};

use crate::filters::{self, FacetValue, Request, Spec};
use crate::state::Ready;

/// The filters, each a query parameter (repeated: OR).
pub const FILTERS: [&str; 4] = ["genre", "metier", "region", "niveau"];

/// Whether a catalyseur passes the text and every filter of a request but `except`.
#[must_use]
pub fn matches(ready: &Ready, req: &Request, c: &Catalyseur, except: Option<&str>) -> bool {
    (req.q.is_empty() || text_matches(ready, c, &req.q))
        && req.passes(&|p| values_of(ready, c, p), except)
}

/// Every word of the query is in the name, the kind, the territory or its région.
fn text_matches(ready: &Ready, c: &Catalyseur, q: &str) -> bool {
    let mut hay = vec![
        c.nom.clone(),
        c.territoire_libelle.clone().unwrap_or_default(),
        alliances_domain::catalyseur::KINDS
            .iter()
            .find(|(code, _)| *code == c.genre)
            .map(|(_, n)| (*n).to_owned())
            .unwrap_or_default(),
    ];
    for (level, code) in crate::places::places_with_parents(ready, c.places()) {
        if let Some(n) = crate::places::territory_name(ready, level, &code) {
            hay.push(n);
        }
    }
    let hay = fold(&hay.join(" "));
    alliances_domain::text::words(&fold(q)).all(|w| hay.split(' ').any(|h| h.starts_with(w)))
}

/// The codes of a catalyseur for a filter.
#[must_use]
pub fn values_of(ready: &Ready, c: &Catalyseur, param: &str) -> Vec<String> {
    match param {
        "genre" => vec![c.genre.clone()],
        "metier" => c.metiers.clone(),
        "niveau" => vec![c.niveau_territorial.clone()],
        "region" => regions_of(ready, c),
        _ => Vec::new(),
    }
}

/// The régions a catalyseur works in (none when national).
#[must_use]
pub fn regions_of(ready: &Ready, c: &Catalyseur) -> Vec<String> {
    crate::places::places_with_parents(ready, c.places())
        .into_iter()
        .filter(|(l, _)| *l == Level::Region)
        .map(|(_, code)| code)
        .collect()
}

fn valid(ready: &Ready, param: &str, code: &str) -> bool {
    match param {
        "genre" => GENRES.contains(code),
        "metier" => CATALYSE_METIERS.contains(code),
        "niveau" => LEVELS.contains(&code),
        "region" => ready.small(Level::Region, code).is_some(),
        _ => false,
    }
}

/// Reads the query pairs; `strict` (the API) refuses unknown parameters and values.
pub fn parse_request(
    pairs: &[(String, String)],
    ready: &Ready,
    strict: bool,
) -> Result<Request, Invalid> {
    let spec = Spec {
        params: &FILTERS,
        valid: &|param, code| valid(ready, param, code),
        text: true,
        hint: &|_| "",
    };
    filters::parse(pairs, &spec, strict)
}

/// For each filter, its values with the number of catalyseurs each would give.
#[must_use]
pub fn facets(
    ready: &Ready,
    catalog: &Catalog,
    lang: Lang,
    all: &[Catalyseur],
    req: &Request,
) -> Vec<(&'static str, Vec<FacetValue>)> {
    let mut facets = filters::count(
        all,
        req,
        &FILTERS,
        &|c, except| matches(ready, req, c, except),
        &|c, param| values_of(ready, c, param),
        &|param, code| crate::labels::facet_label(catalog, lang, ready, param, code),
    );
    for (param, values) in &mut facets {
        match *param {
            "metier" => {
                values.sort_by_key(|v| CATALYSE_METIERS.codes.iter().position(|c| *c == v.code));
            }
            "niveau" => values.sort_by_key(|v| LEVELS.iter().position(|c| *c == v.code)),
            _ => values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label))),
        }
    }
    facets
}
