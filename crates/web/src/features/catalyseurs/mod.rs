//! Catalyseurs territoriaux: the directory at `/catalyseurs` (filters, a map by région and
//! the table), a page per catalyseur, and the API. The page and the API read their filters
//! through one parser ([`parse_request`]).

pub mod api;
pub mod html;

use std::collections::BTreeMap;

use alliances_domain::catalyseur::{Catalyseur, GENRES, LEVELS};
use alliances_domain::error::Invalid;
use alliances_domain::pagination::Page;
use alliances_domain::taxonomy::CATALYSE_METIERS;
use alliances_domain::territory::Level;
use alliances_domain::text::fold;
use alliances_i18n::{Catalog, Lang};

use crate::state::Ready;

/// The filters, each a query parameter (repeated: OR).
pub const FILTERS: [&str; 4] = ["genre", "metier", "region", "niveau"];

/// A request to the directory.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub q: String,
    pub filters: Vec<(&'static str, Vec<String>)>,
    pub page: Page,
}

impl Request {
    #[must_use]
    pub fn selected(&self, param: &str) -> &[String] {
        self.filters
            .iter()
            .find(|(p, _)| *p == param)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.q.is_empty() && self.filters.iter().all(|(_, v)| v.is_empty())
    }

    /// Whether a catalyseur passes the text and every filter but `except`.
    #[must_use]
    pub fn matches(&self, ready: &Ready, c: &Catalyseur, except: Option<&str>) -> bool {
        if !self.q.is_empty() && !text_matches(ready, c, &self.q) {
            return false;
        }
        self.filters
            .iter()
            .filter(|(p, codes)| Some(*p) != except && !codes.is_empty())
            .all(|(p, codes)| {
                let values = values_of(ready, c, p);
                codes.iter().any(|code| values.contains(code))
            })
    }
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
    let mut errors = Invalid::default();
    let mut req = Request::default();
    let (mut page, mut per_page) = (None, None);
    for (key, value) in pairs {
        let value = value.trim();
        match key.as_str() {
            "q" => {
                if value.chars().count() > 200 {
                    errors.push(
                        "q",
                        "la recherche dépasse 200 caractères ; raccourcissez-la.",
                    );
                } else {
                    req.q = value.to_owned();
                }
            }
            "page" => page = Some(value.to_owned()),
            "par_page" => per_page = Some(value.to_owned()),
            param if FILTERS.contains(&param) => {
                if value.is_empty() {
                    continue;
                }
                let param = FILTERS
                    .iter()
                    .copied()
                    .find(|p| *p == param)
                    .unwrap_or_default();
                if !valid(ready, param, value) {
                    if strict {
                        errors.push(
                            param,
                            format!("« {value} » n'est pas une valeur de « {param} »."),
                        );
                    }
                    continue;
                }
                match req.filters.iter_mut().find(|(p, _)| *p == param) {
                    Some((_, codes)) => {
                        if !codes.iter().any(|c| c == value) {
                            codes.push(value.to_owned());
                        }
                    }
                    None => req.filters.push((param, vec![value.to_owned()])),
                }
            }
            other if strict => errors.push(
                other,
                format!(
                    "paramètre « {other} » inconnu ; paramètres acceptés : q, {}, page, par_page.",
                    FILTERS.join(", ")
                ),
            ),
            _ => {}
        }
    }
    match Page::parse(page.as_deref(), per_page.as_deref()) {
        Ok(p) => req.page = p,
        Err(e) if strict => errors.0.extend(e.0),
        Err(_) => {}
    }
    errors.into_result()?;
    Ok(req)
}

/// The label of a filter value.
#[must_use]
pub fn label(ready: &Ready, catalog: &Catalog, lang: Lang, param: &str, code: &str) -> String {
    match param {
        "genre" => catalog
            .get(lang, &format!("taxo-genre-{code}"))
            .into_owned(),
        "metier" => catalog
            .get(lang, &format!("taxo-metier-{code}"))
            .into_owned(),
        "niveau" => catalog
            .get(lang, &format!("taxo-niveau-{code}"))
            .into_owned(),
        "region" => ready
            .small(Level::Region, code)
            .map_or_else(|| code.to_owned(), |r| r.name.clone()),
        _ => code.to_owned(),
    }
}

/// One facet value with its count.
pub struct FacetValue {
    pub code: String,
    pub label: String,
    pub count: u64,
    pub checked: bool,
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
    FILTERS
        .iter()
        .map(|param| {
            let mut counts: BTreeMap<String, u64> = BTreeMap::new();
            for c in all.iter().filter(|c| req.matches(ready, c, Some(param))) {
                for v in values_of(ready, c, param) {
                    *counts.entry(v).or_default() += 1;
                }
            }
            for c in req.selected(param) {
                counts.entry(c.clone()).or_default();
            }
            let mut values: Vec<FacetValue> = counts
                .into_iter()
                .map(|(code, count)| FacetValue {
                    label: label(ready, catalog, lang, param, &code),
                    checked: req.selected(param).contains(&code),
                    code,
                    count,
                })
                .collect();
            match *param {
                "metier" => {
                    values.sort_by_key(|v| CATALYSE_METIERS.codes.iter().position(|c| *c == v.code))
                }
                "niveau" => values.sort_by_key(|v| LEVELS.iter().position(|c| *c == v.code)),
                _ => {
                    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)))
                }
            }
            (*param, values)
        })
        .collect()
}
