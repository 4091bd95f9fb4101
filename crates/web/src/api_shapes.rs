//! Shapes every JSON API of the features shares: pagination parameters, the slice of a
//! page, and a facet value (CONVENTIONS.md).

use alliances_domain::error::Invalid;
use alliances_domain::pagination::Page;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `page` and `par_page` as given, validated by [`Page::parse_strict`].
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, 1 to 1 000 000 (default 1).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1_000_000)]
    pub page: Option<String>,
    /// Items per page, 1 to 1000 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    pub par_page: Option<String>,
}

impl PageParams {
    /// `page` and `par_page` from a raw query string (the last value wins when one is
    /// repeated, as in every list's parser).
    #[must_use]
    pub fn from_query(query: Option<&str>) -> PageParams {
        let mut p = PageParams::default();
        for (k, v) in crate::filters::query_pairs(query) {
            match k.as_str() {
                "page" => p.page = Some(v),
                "par_page" => p.par_page = Some(v),
                _ => {}
            }
        }
        p
    }

    pub fn parse(&self) -> Result<Page, Invalid> {
        Page::parse_strict(self.page.as_deref(), self.par_page.as_deref())
    }
}

/// The slice of `items` a page shows.
#[must_use]
pub fn slice<T>(items: &[T], page: Page) -> &[T] {
    let start = usize::try_from(page.offset())
        .unwrap_or(usize::MAX)
        .min(items.len());
    let end = start
        .saturating_add(usize::try_from(page.limit()).unwrap_or(usize::MAX))
        .min(items.len());
    &items[start..end]
}

/// One facet value.
#[derive(Serialize, ToSchema)]
pub struct ValeurFacette {
    #[schema(example = "association")]
    pub code: String,
    #[schema(example = "Association")]
    pub libelle: String,
    #[schema(example = 212)]
    pub nombre: u64,
}

/// A source with the date it was read.
#[derive(Serialize, ToSchema)]
pub struct SourceLue {
    pub url: String,
    /// ISO date.
    pub consulte_le: String,
}

impl SourceLue {
    #[must_use]
    pub fn of(sources: &[alliances_domain::alliance::Source]) -> Vec<SourceLue> {
        sources
            .iter()
            .map(|s| SourceLue {
                url: s.url.clone(),
                consulte_le: s.consulte_le.clone(),
            })
            .collect()
    }
}

/// The languages of the API's texts, as `lang` gives them (the document's enumeration).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Langue {
    Fr,
    En,
}

/// Reads `lang` from a raw query: French when absent, English for `en`; any other value
/// (an empty one included) is a 422 naming the parameter and its values.
pub fn lang_of(query: Option<&str>) -> crate::error::AppResult<alliances_i18n::Lang> {
    use alliances_i18n::Lang;
    let pairs = crate::filters::query_pairs(query);
    match pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.as_str())
    {
        None | Some("fr") => Ok(Lang::Fr),
        Some("en") => Ok(Lang::En),
        Some(other) => Err(crate::error::AppError::InvalidBecause(
            format!("Langue « {other} » inconnue : lang=fr ou lang=en."),
            Invalid(vec![alliances_domain::error::FieldError::new(
                "lang",
                "valeurs possibles : fr, en",
            )]),
        )),
    }
}
