//! Editorial and legal pages, and the API documentation page.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use crate::content;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::{AppState, Legal};

#[derive(Template)]
#[template(path = "pages/content.html")]
struct ContentPage<'a> {
    ctx: &'a Ctx,
    page: &'static content::Page,
}

async fn content_page(ctx: Ctx, slug: &str) -> AppResult<Html<String>> {
    let page = content::page(ctx.lang, slug).ok_or(AppError::NotFound)?;
    crate::render(&ContentPage { ctx: &ctx, page })
}

pub async fn accessibilite(ctx: Ctx) -> AppResult<Html<String>> {
    content_page(ctx, "accessibilite").await
}

pub async fn confidentialite(ctx: Ctx) -> AppResult<Html<String>> {
    content_page(ctx, "confidentialite").await
}

#[derive(Template)]
#[template(path = "pages/mentions.html")]
struct Mentions<'a> {
    ctx: &'a Ctx,
    legal: &'a Legal,
}

pub async fn mentions_legales(ctx: Ctx, State(state): State<AppState>) -> AppResult<Html<String>> {
    crate::render(&Mentions {
        ctx: &ctx,
        legal: &state.settings.legal,
    })
}

/// One dataset shipped with the platform, as the « Sources et licences » page lists it.
pub struct Dataset {
    /// Message id prefix: `sources-{key}-nom`, `-origine`, `-licence`, `-traitement`, `-mention`.
    pub key: &'static str,
    /// Files under `data/` that come from it.
    pub files: &'static [&'static str],
}

pub const DATASETS: &[Dataset] = &[
    Dataset {
        key: "odd",
        files: &["data/odd/odd.json"],
    },
    Dataset {
        key: "territoires",
        files: &[
            "data/territoires/regions.csv",
            "data/territoires/departements.csv",
            "data/territoires/collectivites-outre-mer.csv",
            "data/territoires/epci.csv",
            "data/territoires/communes.csv",
        ],
    },
    Dataset {
        key: "contours",
        files: &[
            "data/geo/carte-regions.json",
            "data/geo/carte-departements.json",
            "data/geo/france-regions.json",
            "data/geo/france-departements.json",
        ],
    },
    Dataset {
        key: "chiffres",
        files: &[
            "data/observatoire/chiffres-cles.csv",
            "data/observatoire/populations.csv",
        ],
    },
    Dataset {
        key: "catalyseurs",
        files: &["data/catalyseurs/catalyseurs.csv"],
    },
    Dataset {
        key: "franceservices",
        files: &["data/lieux/france-services.csv"],
    },
];

/// Licence texts served as plain text: (file name, message id of its title, text).
const LICENCES: &[(&str, &str, &str)] = &[
    (
        "licence-ouverte-2.0.md",
        "sources-texte-lo",
        include_str!("../../../../data/licences/licence-ouverte-2.0.md"),
    ),
    (
        "mit-open-sdg.txt",
        "sources-texte-mit-sdg",
        include_str!("../../../../data/licences/mit-open-sdg.txt"),
    ),
    (
        "mit-etalab-decoupage-administratif.txt",
        "sources-texte-mit-etalab",
        include_str!("../../../../data/licences/mit-etalab-decoupage-administratif.txt"),
    ),
];

#[derive(Template)]
#[template(path = "pages/sources.html")]
struct Sources<'a> {
    ctx: &'a Ctx,
    datasets: &'static [Dataset],
    licences: &'static [(&'static str, &'static str, &'static str)],
}

impl Sources<'_> {
    fn key(&self, dataset: &Dataset, suffix: &str) -> String {
        format!("sources-{}-{suffix}", dataset.key)
    }
}

pub async fn sources(ctx: Ctx) -> AppResult<Html<String>> {
    crate::render(&Sources {
        ctx: &ctx,
        datasets: DATASETS,
        licences: LICENCES,
    })
}

pub async fn licence_text(Path(file): Path<String>) -> AppResult<Response> {
    let (_, _, text) = LICENCES
        .iter()
        .find(|(name, _, _)| *name == file)
        .ok_or(AppError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], *text).into_response())
}

#[derive(Template)]
#[template(path = "pages/api_docs.html")]
struct ApiDocs<'a> {
    ctx: &'a Ctx,
}

pub async fn api_docs(ctx: Ctx) -> AppResult<Html<String>> {
    crate::render(&ApiDocs { ctx: &ctx })
}
