//! Données: the observatory of key figures (`/donnees`, a page per figure), the national
//! maps (`/donnees/cartes/…`) and the API of the figures. The page and the API read their
//! filters through one parser ([`parse_request`]) and filter through [`matches`].

pub mod api;
pub mod cartes;
pub mod html;

use alliances_domain::error::Invalid;
use alliances_domain::figure::{KeyFigure, Observatory, PROGRAMMES, THEMES};
use alliances_domain::territory::Level;
use alliances_i18n::Lang;

use crate::filters::{self, FacetValue, Request, Spec};
use crate::state::Ready;

/// The filters of the observatory, each a query parameter (repeated: OR).
pub const FILTERS: [&str; 5] = ["theme", "population", "programme", "annee", "region"];

/// The value of `annee` for figures without a year.
pub const NO_YEAR: &str = "non-precisee";

/// Whether a figure passes every filter of a request but `except`.
#[must_use]
pub fn matches(req: &Request, f: &KeyFigure, except: Option<&str>) -> bool {
    req.passes(&|p| value_of(f, p).into_iter().collect(), except)
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

/// Reads the query pairs (the observatory takes no text). `strict` (the API) refuses
/// unknown parameters and values; the page drops them (its form only offers valid values).
pub fn parse_request(
    pairs: &[(String, String)],
    ready: &Ready,
    obs: &Observatory,
    strict: bool,
) -> Result<Request, Invalid> {
    let spec = Spec {
        params: &FILTERS,
        valid: &|param, code| valid(ready, obs, param, code),
        text: false,
        hint: &|param| {
            if param == "annee" {
                " : écrivez une année où des chiffres existent, ou « non-precisee »"
            } else {
                ""
            }
        },
    };
    filters::parse(pairs, &spec, strict)
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
    if param == "annee" && code == NO_YEAR {
        catalog.get(lang, "donnees-annee-non-precisee").into_owned()
    } else {
        crate::labels::facet_label(catalog, lang, ready, param, code)
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
    req: &Request,
) -> Vec<(&'static str, Vec<FacetValue>)> {
    let mut facets = filters::count(
        &obs.figures,
        req,
        &FILTERS,
        &|f, except| matches(req, f, except),
        &|f, param| value_of(f, param).into_iter().collect(),
        &|param, code| label(ready, catalog, lang, param, code),
    );
    for (param, values) in &mut facets {
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
            _ => values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label))),
        }
    }
    facets
}
