//! `page` (from 1) and `par_page` (default 20, at most 1000), as every collection reads them.

use crate::error::Invalid;

pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 1000;
/// The last page a collection serves (a million pages of one item is more than any holds).
pub const MAX_PAGE: u32 = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub page: u32,
    pub per_page: u32,
}

impl Default for Page {
    fn default() -> Self {
        Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl Page {
    /// Reads the raw query values; a missing value takes its default, a bad one is an error
    /// naming the parameter.
    pub fn parse(page: Option<&str>, per_page: Option<&str>) -> Result<Page, Invalid> {
        let mut errors = Invalid::default();
        let page = match page.map(str::trim).filter(|s| !s.is_empty()) {
            None => 1,
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
                _ => {
                    errors.push(
                        "page",
                        "« page » doit être un nombre entier entre 1 et 1 000 000.",
                    );
                    1
                }
            },
        };
        let per_page = match per_page.map(str::trim).filter(|s| !s.is_empty()) {
            None => DEFAULT_PER_PAGE,
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=MAX_PER_PAGE).contains(&n) => n,
                _ => {
                    errors.push(
                        "par_page",
                        format!(
                            "« par_page » doit être un nombre entier entre 1 et {MAX_PER_PAGE}."
                        ),
                    );
                    DEFAULT_PER_PAGE
                }
            },
        };
        errors.into_result()?;
        Ok(Page { page, per_page })
    }

    /// As [`Page::parse`], for the API: a value given empty is an error too (the document
    /// types both as integers), where a page's form may send one for its default.
    pub fn parse_strict(page: Option<&str>, per_page: Option<&str>) -> Result<Page, Invalid> {
        let mut errors = Invalid::default();
        for (name, value) in [("page", page), ("par_page", per_page)] {
            if value.is_some_and(|v| v.trim().is_empty()) {
                errors.push(
                    name,
                    format!(
                        "« {name} » est vide : donnez un nombre entier, ou retirez le paramètre."
                    ),
                );
            }
        }
        match Page::parse(page, per_page) {
            Ok(p) if errors.0.is_empty() => Ok(p),
            Ok(_) => Err(errors),
            Err(e) => {
                errors.0.extend(e.0);
                Err(errors)
            }
        }
    }

    #[must_use]
    pub fn offset(self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }

    #[must_use]
    pub fn limit(self) -> u64 {
        u64::from(self.per_page)
    }

    /// Number of pages for `total` items (at least 1).
    #[must_use]
    pub fn count(self, total: u64) -> u64 {
        total.div_ceil(u64::from(self.per_page)).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_refuses_an_empty_value() {
        assert_eq!(Page::parse(Some(""), Some(" ")), Ok(Page::default()));
        let e = Page::parse_strict(Some(""), Some("5")).unwrap_err();
        assert_eq!(e.0.len(), 1);
        assert_eq!(e.0[0].champ, "page");
        let e = Page::parse_strict(Some("2"), Some(" ")).unwrap_err();
        assert_eq!(e.0[0].champ, "par_page");
        assert_eq!(
            Page::parse_strict(Some("2"), Some("5")),
            Ok(Page {
                page: 2,
                per_page: 5
            })
        );
        assert_eq!(Page::parse_strict(None, None), Ok(Page::default()));
    }

    #[test]
    fn defaults_and_bounds() {
        assert_eq!(
            Page::parse(None, None).unwrap(),
            Page {
                page: 1,
                per_page: 20
            }
        );
        assert_eq!(Page::parse(Some("3"), Some("1000")).unwrap().offset(), 2000);
        let err = Page::parse(Some("0"), Some("1001")).unwrap_err();
        let fields: Vec<_> = err.0.iter().map(|e| e.champ.as_str()).collect();
        assert_eq!(fields, ["page", "par_page"]);
        assert!(Page::parse(Some("abc"), None).is_err());
        assert_eq!(Page::default().count(0), 1);
        assert_eq!(Page::default().count(41), 3);
    }
}
