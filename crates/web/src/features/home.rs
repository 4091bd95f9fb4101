//! The home page: the argumentaire and the way into M.E.D.O.C.

use alliances_domain::taxonomy::{self, Taxonomy};
use askama::Template;
use axum::response::Html;

use crate::ctx::Ctx;
use crate::error::AppResult;

#[derive(Template)]
#[template(path = "home.html")]
struct Home<'a> {
    ctx: &'a Ctx,
    domains: Taxonomy,
    levels: Taxonomy,
    actors: Taxonomy,
    impacts: Taxonomy,
    medoc: Taxonomy,
}

pub async fn page(ctx: Ctx) -> AppResult<Html<String>> {
    crate::render(&Home {
        ctx: &ctx,
        domains: taxonomy::DOMAINS,
        levels: taxonomy::TERRITORIAL_LEVELS,
        actors: taxonomy::ACTOR_TYPES,
        impacts: taxonomy::IMPACTS,
        medoc: taxonomy::MEDOC,
    })
}
