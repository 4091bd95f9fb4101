//! Données: the observatory of key figures (`/donnees`, a page per figure), the national
//! maps (`/donnees/cartes/…`) and the API of the figures. The page and the API read their
//! filters through one parser ([`parse_request`]) and filter through [`FigureRequest`].

pub mod api;
pub mod cartes;
pub mod html;

use std::collections::BTreeMap;

use alliances_domain::error::Invalid;
use alliances_domain::figure::{KeyFigure, Observatory, PROGRAMMES, THEMES};
use alliances_domain::pagination::Page;
use alliances_domain::territory::Level;
use alliances_i18n::Lang;

use crate::collections::population_label;
use crate::state::Ready;

/// The filters of the observatory, each a query parameter (repeated: OR).
pub const FILTERS: [&str; 5] = ["theme", "population", "programme", "annee", "region"];

/// The value of `annee` for figures without a year.
pub const NO_YEAR: &str = "non-precisee";

/// What a request asks of the figures.
#[derive(Debug, Clone, Default)]
pub struct FigureRequest {
    pub filters: Vec<(&'static str, Vec<String>)>,
    pub page: Page,
}

impl FigureRequest {
    #[must_use]
    pub fn selected(&self, param: &str) -> &[String] {
        self.filters
            .iter()
            .find(|(p, _)| *p == param)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// Whether a figure passes every filter but `except`.
    #[must_use]
    pub fn matches(&self, f: &KeyFigure, except: Option<&str>) -> bool {
        self.filters
            .iter()
            .filter(|(p, codes)| Some(*p) != except && !codes.is_empty())
            .all(|(p, codes)| {
                let value = value_of(f, p);
                codes.iter().any(|c| Some(c.as_str()) == value.as_deref())
            })
    }

    /// The query string of this request (page left out), without one value.
    #[must_use]
    pub fn query_string(&self, without: Option<(&str, &str)>) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (p, codes) in &self.filters {
            for c in codes {
                if without != Some((*p, c.as_str())) {
                    s.append_pair(p, c);
                }
            }
        }
        s.finish()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.filters.iter().all(|(_, v)| v.is_empty())
    }
}

/// The code of a figure for a filter.
fn value_of(f: &KeyFigure, param: &str) -> Option<String> {
    match param {
        "theme" => f.theme.clone(),
        "population" => f.population.clone(),
        "programme" => f.programme.clone(),
        "annee" => Some(
            f.annee
                .map_or_else(|| NO_YEAR.to_owned(), |y| y.to_string()),
        ),
        "region" => f.region.clone(),
        _ => None,
    }
}

fn valid(ready: &Ready, obs: &Observatory, param: &str, code: &str) -> bool {
    match param {
        "theme" => THEMES.contains(code),
        "programme" => PROGRAMMES.contains(code),
        "population" => ready.populations.iter().any(|p| p.code == code),
        "annee" => {
            code == NO_YEAR
                || obs
                    .figures
                    .iter()
                    .any(|f| f.annee.map(|y| y.to_string()).as_deref() == Some(code))
        }
        "region" => ready.small(Level::Region, code).is_some(),
        _ => false,
    }
}

/// Reads the query pairs. `strict` (the API) refuses unknown parameters and values; the
/// page drops them (its form only offers valid values).
pub fn parse_request(
    pairs: &[(String, String)],
    ready: &Ready,
    obs: &Observatory,
    strict: bool,
) -> Result<FigureRequest, Invalid> {
    let mut errors = Invalid::default();
    let mut req = FigureRequest::default();
    let (mut page, mut per_page) = (None, None);
    for (key, value) in pairs {
        let value = value.trim();
        match key.as_str() {
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
                if !valid(ready, obs, param, value) {
                    if strict {
                        errors.push(
                            param,
                            format!(
                                "« {value} » n'est pas une valeur de « {param} »{}.",
                                if param == "annee" {
                                    " : écrivez une année où des chiffres existent, ou « non-precisee »"
                                } else {
                                    ""
                                }
                            ),
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
                    "paramètre « {other} » inconnu ; paramètres acceptés : {}, page, par_page.",
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

/// One facet value with its count.
pub struct FacetValue {
    pub code: String,
    pub label: String,
    pub count: u64,
    pub checked: bool,
}

/// The label of a filter value.
#[must_use]
pub fn label(
    ready: &Ready,
    catalog: &alliances_i18n::Catalog,
    lang: Lang,
    param: &str,
    code: &str,
) -> String {
    match param {
        "theme" => catalog
            .get(lang, &format!("taxo-theme-{code}"))
            .into_owned(),
        "programme" => catalog
            .get(lang, &format!("taxo-programme-{code}"))
            .into_owned(),
        "population" => population_label(ready.populations, code, lang == Lang::En),
        "annee" if code == NO_YEAR => catalog.get(lang, "donnees-annee-non-precisee").into_owned(),
        "region" => ready
            .small(Level::Region, code)
            .map_or_else(|| code.to_owned(), |r| r.name.clone()),
        _ => code.to_owned(),
    }
}

/// Facet counts: for each filter, its values with the number of figures each would give
/// (the filter's own selection not applied), in a stable order.
#[must_use]
pub fn facets(
    ready: &Ready,
    catalog: &alliances_i18n::Catalog,
    lang: Lang,
    obs: &Observatory,
    req: &FigureRequest,
) -> Vec<(&'static str, Vec<FacetValue>)> {
    FILTERS
        .iter()
        .map(|param| {
            let mut counts: BTreeMap<String, u64> = BTreeMap::new();
            for f in obs.figures.iter().filter(|f| req.matches(f, Some(param))) {
                if let Some(v) = value_of(f, param) {
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
                "theme" => values.sort_by_key(|v| THEMES.codes.iter().position(|c| *c == v.code)),
                "programme" => {
                    values.sort_by_key(|v| PROGRAMMES.codes.iter().position(|c| *c == v.code));
                }
                // Most recent first, « non précisée » last.
                "annee" => values.sort_by(|a, b| {
                    (a.code == NO_YEAR)
                        .cmp(&(b.code == NO_YEAR))
                        .then_with(|| b.code.cmp(&a.code))
                }),
                _ => {
                    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)))
                }
            }
            (*param, values)
        })
        .collect()
}
