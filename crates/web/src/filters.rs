//! Filtered lists held in memory (the key figures, the catalyseurs): one request parser for
//! a page and its API, and facet counts with the conventions' rules (a repeated parameter
//! is OR, different parameters AND; a facet's own selection does not narrow its counts).

use std::collections::BTreeMap;

use alliances_domain::error::Invalid;
use alliances_domain::pagination::Page;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

use crate::api_shapes::ValeurFacette;

/// The pairs of a raw query string, in order (a parameter may repeat).
#[must_use]
pub fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

/// Whether htmx asks for the part of a page that its filters update (a history restore
/// wants the whole page).
#[must_use]
pub fn wants_zone(headers: &HeaderMap) -> bool {
    headers.get("hx-request").is_some_and(|v| v == "true")
        && headers.get("hx-history-restore-request").is_none()
}

/// Tells caches that the body depends on `HX-Request` (a zone or the whole page).
#[must_use]
pub fn vary_on_htmx(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("hx-request"));
    response
}

/// What a request asks: an optional text, the selected values of each parameter, a page.
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

    /// The request as a query string (text and filters, not the page), leaving out one
    /// selected value: the link that removes it.
    #[must_use]
    pub fn query_string(&self, without: Option<(&str, &str)>) -> String {
        let mut qs = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            qs.append_pair("q", &self.q);
        }
        for (param, codes) in &self.filters {
            for c in codes {
                if without != Some((*param, c.as_str())) {
                    qs.append_pair(param, c);
                }
            }
        }
        qs.finish()
    }

    /// Whether a record whose values for a parameter are `values_of(param)` passes every
    /// filter but `except`.
    #[must_use]
    pub fn passes(&self, values_of: &dyn Fn(&str) -> Vec<String>, except: Option<&str>) -> bool {
        self.filters
            .iter()
            .filter(|(p, codes)| Some(*p) != except && !codes.is_empty())
            .all(|(p, codes)| {
                let values = values_of(p);
                codes.iter().any(|c| values.contains(c))
            })
    }
}

/// How a list reads its query: its parameters, which values are valid, whether it takes a
/// text, and what to add to the message of an invalid value.
pub struct Spec<'a> {
    pub params: &'static [&'static str],
    pub valid: &'a dyn Fn(&str, &str) -> bool,
    pub text: bool,
    pub hint: &'a dyn Fn(&str) -> &'static str,
}

/// Reads the query pairs. `strict` (the API) refuses unknown parameters and values with a
/// French message naming each; the page drops them (its form offers valid values only) and
/// keeps the first 200 characters of a longer text.
pub fn parse(
    pairs: &[(String, String)],
    spec: &Spec<'_>,
    strict: bool,
) -> Result<Request, Invalid> {
    let mut errors = Invalid::default();
    let mut req = Request::default();
    let (mut page, mut per_page) = (None, None);
    for (key, value) in pairs {
        let value = value.trim();
        match key.as_str() {
            "q" if spec.text => {
                if value.chars().count() <= 200 {
                    req.q = value.to_owned();
                } else if strict {
                    errors.push("q", "la recherche dépasse 200 caractères ; raccourcissez-la.");
                } else {
                    req.q = value.chars().take(200).collect();
                }
            }
            "page" => page = Some(value.to_owned()),
            "par_page" => per_page = Some(value.to_owned()),
            other => match spec.params.iter().copied().find(|p| *p == other) {
                Some(_) if value.is_empty() => {}
                // The page drops an invalid value; the API names it.
                Some(param) if !(spec.valid)(param, value) && !strict => {}
                Some(param) if !(spec.valid)(param, value) => errors.push(
                    param,
                    format!(
                        "« {value} » n'est pas une valeur de « {param} »{}.",
                        (spec.hint)(param)
                    ),
                ),
                Some(param) => match req.filters.iter_mut().find(|(p, _)| *p == param) {
                    Some((_, codes)) => {
                        if !codes.iter().any(|c| c == value) {
                            codes.push(value.to_owned());
                        }
                    }
                    None => req.filters.push((param, vec![value.to_owned()])),
                },
                None if strict => errors.push(
                    other,
                    format!(
                        "paramètre « {other} » inconnu ; paramètres acceptés : {}{}, page, par_page.",
                        if spec.text { "q, " } else { "" },
                        spec.params.join(", ")
                    ),
                ),
                None => {}
            },
        }
    }
    let parse = if strict {
        Page::parse_strict
    } else {
        Page::parse
    };
    match parse(page.as_deref(), per_page.as_deref()) {
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

/// A facet as a form shows it.
pub struct FacetView {
    pub name: &'static str,
    pub legend: String,
    pub values: Vec<FacetValue>,
}

/// Values a facet shows before « show more » (a facet of up to two more shows them all).
const SHOWN: usize = 8;

impl FacetView {
    fn split(&self) -> usize {
        if self.values.len() > SHOWN + 2 {
            SHOWN
        } else {
            self.values.len()
        }
    }

    #[must_use]
    pub fn first(&self) -> &[FacetValue] {
        &self.values[..self.split()]
    }

    /// The values behind « show more ».
    #[must_use]
    pub fn more(&self) -> &[FacetValue] {
        &self.values[self.split()..]
    }

    /// The id of a value's checkbox: unique on the page with its `prefix` (a code's dots
    /// become dashes: « 17.17 » gives `f-cible-17-17`).
    #[must_use]
    pub fn dom_id(&self, prefix: &str, v: &FacetValue) -> String {
        format!("{prefix}-{}-{}", self.name, v.code.replace('.', "-"))
    }

    /// Whether « show more » starts open: one of its values is selected.
    #[must_use]
    pub fn open(&self) -> bool {
        self.more().iter().any(|v| v.checked)
    }
}

/// A selected filter as a chip that removes it.
pub struct Active {
    pub label: String,
    pub remove_href: String,
}

/// The chips of a request's selected filters, `legend` naming each filter, `base` the
/// page's address.
#[must_use]
pub fn active(req: &Request, facets: &[FacetView], base: &str) -> Vec<Active> {
    let mut out = Vec::new();
    for (param, codes) in &req.filters {
        let Some(f) = facets.iter().find(|f| f.name == *param) else {
            continue;
        };
        for c in codes {
            let Some(v) = f.values.iter().find(|v| v.code == *c) else {
                continue;
            };
            let qs = req.query_string(Some((param, c)));
            out.push(Active {
                label: format!("{} : {}", f.legend, v.label),
                remove_href: if qs.is_empty() {
                    base.to_owned()
                } else {
                    format!("{base}?{qs}")
                },
            });
        }
    }
    out
}

/// For each parameter, its values with the number of records each would give (the
/// parameter's own selection not applied); selected values stay listed at 0.
pub fn count<T>(
    items: &[T],
    req: &Request,
    params: &[&'static str],
    passes: &dyn Fn(&T, Option<&str>) -> bool,
    values_of: &dyn Fn(&T, &str) -> Vec<String>,
    label: &dyn Fn(&str, &str) -> String,
) -> Vec<(&'static str, Vec<FacetValue>)> {
    params
        .iter()
        .map(|param| {
            let mut counts: BTreeMap<String, u64> = BTreeMap::new();
            for item in items.iter().filter(|i| passes(i, Some(param))) {
                for v in values_of(item, param) {
                    *counts.entry(v).or_default() += 1;
                }
            }
            for c in req.selected(param) {
                counts.entry(c.clone()).or_default();
            }
            let values = counts
                .into_iter()
                .map(|(code, count)| FacetValue {
                    label: label(param, &code),
                    checked: req.selected(param).contains(&code),
                    code,
                    count,
                })
                .collect();
            (*param, values)
        })
        .collect()
}

/// Facet counts in the API's shape.
#[must_use]
pub fn to_api(
    facets: Vec<(&'static str, Vec<FacetValue>)>,
) -> BTreeMap<String, Vec<ValeurFacette>> {
    facets
        .into_iter()
        .map(|(param, values)| {
            (
                param.to_owned(),
                values
                    .into_iter()
                    .map(|v| ValeurFacette {
                        code: v.code,
                        libelle: v.label,
                        nombre: v.count,
                    })
                    .collect(),
            )
        })
        .collect()
}
