//! Exemples: the base of real alliances — search with facets at `/exemples`, one page per
//! alliance, the API and the Atom feed. The index that serves them is kept current by the
//! shared layer (`crate::indexing`).

pub mod api;
pub mod feed;
pub mod html;

use alliances_domain::alliance::STATUSES;
use alliances_domain::error::Invalid;
use alliances_domain::pagination::Page;
use alliances_domain::territory::Level;
use alliances_search::{FACETS, HIDDEN_FILTERS, Query, Results, Sort};

use crate::error::{AppError, AppResult};
use crate::state::Ready;

/// Results the pages reach by paging (page × par_page); the API has no such limit.
pub const MAX_OFFSET: u64 = 10_000;

/// A search as the page and the API receive it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub q: String,
    pub filters: Vec<(String, Vec<String>)>,
    /// `None`: relevance with a query, most recent without.
    pub sort: Option<Sort>,
    pub page: Page,
}

impl SearchRequest {
    #[must_use]
    pub fn sort(&self) -> Sort {
        self.sort.unwrap_or(if self.q.trim().is_empty() {
            Sort::Date
        } else {
            Sort::Relevance
        })
    }

    /// The selected codes of one facet.
    #[must_use]
    pub fn selected(&self, facet: &str) -> &[String] {
        self.filters
            .iter()
            .find(|(f, _)| f == facet)
            .map_or(&[], |(_, c)| c.as_slice())
    }

    /// The query string of this search (page left out), for links.
    #[must_use]
    pub fn query_string(&self, without: Option<(&str, &str)>) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            s.append_pair("q", &self.q);
        }
        for (facet, codes) in &self.filters {
            for c in codes {
                if without != Some((facet.as_str(), c.as_str())) {
                    s.append_pair(facet, c);
                }
            }
        }
        if let Some(sort) = self.sort {
            s.append_pair("tri", sort_code(sort));
        }
        if self.page.per_page != alliances_domain::pagination::DEFAULT_PER_PAGE {
            s.append_pair("par_page", &self.page.per_page.to_string());
        }
        s.finish()
    }
}

#[must_use]
pub fn sort_code(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "pertinence",
        Sort::Date => "date",
        Sort::Name => "nom",
    }
}

/// Whether `code` is a value of `facet`.
#[must_use]
pub fn valid_code(ready: &Ready, facet: &str, code: &str) -> bool {
    if let Some(valid) = alliances_domain::taxonomy::facet_code(facet, code) {
        return valid;
    }
    match facet {
        "statut" => STATUSES.contains(code),
        "region" => ready.small(Level::Region, code).is_some(),
        "departement" => ready.small(Level::Departement, code).is_some(),
        "epci" => ready.directory.epcis.contains_key(code),
        "commune" => ready.directory.communes.contains_key(code),
        "com" => ready.small(Level::CollectiviteOutreMer, code).is_some(),
        "odd" => code.parse::<u8>().is_ok_and(|n| (1..=17).contains(&n)) && !code.starts_with('0'),
        "cible" => ready.odd.target(code).is_some(),
        "fragilite" => alliances_domain::alliance::is_slug(code),
        _ => false,
    }
}

/// Reads the query pairs. `strict` (the API) refuses unknown parameters and values;
/// otherwise (the pages, whose forms only offer valid values) they are dropped.
pub fn parse_request(
    pairs: &[(String, String)],
    ready: &Ready,
    strict: bool,
) -> Result<SearchRequest, Invalid> {
    let mut errors = Invalid::default();
    let mut req = SearchRequest::default();
    let (mut page, mut per_page) = (None, None);
    for (key, value) in pairs {
        let value = value.trim();
        match key.as_str() {
            "q" => {
                if value.chars().count() > 200 {
                    errors.push("q", "la recherche dépasse 200 caractères ; raccourcissez-la.");
                } else {
                    req.q = value.to_owned();
                }
            }
            "tri" => match value {
                "pertinence" => req.sort = Some(Sort::Relevance),
                "date" => req.sort = Some(Sort::Date),
                "nom" => req.sort = Some(Sort::Name),
                "" => {}
                _ if strict => errors.push(
                    "tri",
                    format!("tri « {value} » inconnu ; valeurs possibles : pertinence, date, nom."),
                ),
                _ => {}
            },
            "page" => page = Some(value.to_owned()),
            "par_page" => per_page = Some(value.to_owned()),
            facet if FACETS.contains(&facet) || HIDDEN_FILTERS.contains(&facet) => {
                if value.is_empty() {
                    continue;
                }
                if !valid_code(ready, facet, value) {
                    if strict {
                        errors.push(
                            facet,
                            format!("« {value} » n'est pas une valeur de « {facet} »."),
                        );
                    }
                    continue;
                }
                match req.filters.iter_mut().find(|(f, _)| f == facet) {
                    Some((_, codes)) => {
                        if !codes.iter().any(|c| c == value) {
                            codes.push(value.to_owned());
                        }
                    }
                    None => req.filters.push((facet.to_owned(), vec![value.to_owned()])),
                }
            }
            other if strict => errors.push(
                other,
                format!(
                    "paramètre « {other} » inconnu ; paramètres acceptés : q, tri, page, par_page, {}.",
                    FACETS.join(", ")
                ),
            ),
            _ => {}
        }
    }
    let parse = if strict {
        Page::parse_strict
    } else {
        Page::parse
    };
    match parse(page.as_deref(), per_page.as_deref()) {
        // The pages link no further than the first 10 000 results (a search that long
        // should be narrowed); the API serves every page its bounds allow, a page past the
        // end being empty.
        Ok(p) if !strict && p.offset() >= MAX_OFFSET => {}
        Ok(p) => req.page = p,
        Err(e) if strict => errors.0.extend(e.0),
        Err(_) => {}
    }
    errors.into_result()?;
    Ok(req)
}

/// Runs a search.
pub fn run(ready: &Ready, req: &SearchRequest, facets: bool, snippets: bool) -> AppResult<Results> {
    let page = req.page;
    ready
        .search
        .search(&Query {
            q: req.q.clone(),
            filters: req.filters.clone(),
            sort: req.sort(),
            offset: usize::try_from(page.offset()).unwrap_or(usize::MAX),
            limit: usize::try_from(page.limit()).unwrap_or(20),
            facets,
            snippets,
            places: crate::places::named_in_query(ready, &req.q),
        })
        .map_err(|e| AppError::Internal(e.to_string()))
}

pub use crate::labels::facet_label;
