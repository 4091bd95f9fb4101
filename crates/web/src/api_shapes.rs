//! Shapes every JSON API of the features shares: pagination parameters, the slice of a
//! page, and a facet value (CONVENTIONS.md).

use alliances_domain::error::Invalid;
use alliances_domain::pagination::Page;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `page` and `par_page` as given, validated by [`Page::parse`].
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1.
    pub page: Option<String>,
    /// Items per page, 1 to 1000 (default 20).
    pub par_page: Option<String>,
}

impl PageParams {
    pub fn parse(&self) -> Result<Page, Invalid> {
        Page::parse(self.page.as_deref(), self.par_page.as_deref())
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
