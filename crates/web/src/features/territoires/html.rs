//! Territory pages.

use alliances_domain::pagination::Page;
use alliances_domain::territory::{Level, Territory};
use alliances_viz::{Area, MapSpec, View};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{Fiche, fiche};
use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::places::attachment;
use crate::state::{AppState, Ready, ready};
use alliances_i18n::text;

/// One search result line.
pub struct Hit {
    pub territory: Territory,
    pub attachment: Option<String>,
}

/// The search results block (the whole of it is swapped by htmx).
pub struct Results {
    pub query: String,
    pub total: u64,
    pub hits: Vec<Hit>,
    pub pages: u64,
    /// « Page 2 sur 7 ».
    pub position: String,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    /// The query had no letter or digit.
    pub blank: bool,
}

#[derive(Template)]
#[template(path = "territoires/index.html")]
struct Index<'a> {
    ctx: &'a Ctx,
    ready: &'a Ready,
    map: String,
    results: Option<Results>,
}

#[derive(Template)]
#[template(path = "territoires/_resultats.html")]
struct ResultsPartial<'a> {
    ctx: &'a Ctx,
    results: &'a Results,
}

#[derive(Debug, Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    page: Option<String>,
}

fn label(ctx: &Ctx, t: &Territory) -> String {
    format!("{} — {}", t.name, ctx.population(t.population))
}

/// The map of France by région, every région a link.
fn regions_map(ctx: &Ctx, ready: &Ready, id: &str, active: Option<&str>) -> String {
    let areas: Vec<Area> = ready
        .regions
        .iter()
        .map(|r| Area {
            code: r.code.clone(),
            href: Some(ctx.href(r.page_path())),
            label: label(ctx, r),
            class: if active == Some(r.code.as_str()) {
                "actif"
            } else {
                "lien"
            },
        })
        .collect();
    let inset_labels: Vec<(String, String)> = crate::places::overseas_insets(ready);
    let title = ctx.t("terr-carte-nom");
    alliances_viz::render(
        alliances_viz::regions_france(),
        &MapSpec {
            id,
            title: &title,
            view: View::Whole,
            areas: &areas,
            inset_labels: &inset_labels,
            code_labels: false,
        },
    )
}

/// The départements of one région, zoomed, each a link; `active` highlighted.
fn region_zoom(
    ctx: &Ctx,
    ready: &Ready,
    region: &str,
    active: &[String],
    id: &str,
    title: &str,
) -> String {
    let deps: Vec<&Territory> = ready
        .departements
        .iter()
        .filter(|d| d.region.as_deref() == Some(region))
        .collect();
    let areas: Vec<Area> = deps
        .iter()
        .map(|d| Area {
            code: d.code.clone(),
            href: Some(ctx.href(d.page_path())),
            label: label(ctx, d),
            class: if active.contains(&d.code) {
                "actif"
            } else {
                "lien"
            },
        })
        .collect();
    let codes = deps.iter().map(|d| d.code.clone()).collect();
    alliances_viz::render(
        alliances_viz::departements(),
        &MapSpec {
            id,
            title,
            view: View::Zoom(codes),
            areas: &areas,
            inset_labels: &[],
            code_labels: true,
        },
    )
}

pub async fn index(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let results = match params.q.as_deref() {
        None => None,
        Some(q) => {
            let page = Page::parse(params.page.as_deref(), None).unwrap_or_default();
            let query = q.trim().chars().take(100).collect::<String>();
            let (total, found) = ready.find_territories(&query, page);
            let blank = alliances_domain::text::fold(&query).is_empty();
            let hits = found
                .into_iter()
                .map(|t| Hit {
                    attachment: attachment(ready, t),
                    territory: t.clone(),
                })
                .collect();
            let pages = page.count(total);
            let current = u64::from(page.page);
            let (current_text, pages_text) = (ctx.int(current), ctx.int(pages));
            let position = state
                .catalog
                .get_with(
                    ctx.lang,
                    "pagination-position",
                    &[("page", text(&current_text)), ("pages", text(&pages_text))],
                )
                .into_owned();
            Some(Results {
                prev_href: (current > 1).then(|| page_href(&ctx, &query, current - 1)),
                next_href: (current < pages).then(|| page_href(&ctx, &query, current + 1)),
                position,
                pages,
                query,
                total,
                hits,
                blank,
            })
        }
    };
    let partial = crate::filters::wants_zone(&headers);
    let response = match (&results, partial) {
        (Some(r), true) => crate::render(&ResultsPartial {
            ctx: &ctx,
            results: r,
        })?
        .into_response(),
        _ => {
            let map = regions_map(&ctx, ready, "carte-regions", None);
            crate::render(&Index {
                ctx: &ctx,
                ready,
                map,
                results,
            })?
            .into_response()
        }
    };
    Ok(crate::filters::vary_on_htmx(response))
}

/// The URL of another page of the same search.
fn page_href(ctx: &Ctx, query: &str, page: u64) -> String {
    let mut q = String::new();
    for b in query.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                q.push(b as char)
            }
            b' ' => q.push('+'),
            _ => q.push_str(&format!("%{b:02X}")),
        }
    }
    format!("{}?q={q}&page={page}", ctx.href("/territoires"))
}

impl Index<'_> {
    /// « 18 régions, 101 départements, … ».
    fn counts(&self) -> String {
        let n = |level| text_owned(self.ctx.int(self.ready.count(level)));
        self.ctx
            .state
            .catalog
            .get_with(
                self.ctx.lang,
                "terr-chiffres",
                &[
                    ("regions", n(Level::Region)),
                    ("departements", n(Level::Departement)),
                    ("epci", n(Level::Epci)),
                    ("communes", n(Level::Commune)),
                ],
            )
            .into_owned()
    }
}

fn text_owned(s: String) -> alliances_i18n::Value<'static> {
    alliances_i18n::Value::from(s)
}

#[derive(Template)]
#[template(path = "territoires/fiche.html")]
struct FichePage<'a> {
    ctx: &'a Ctx,
    f: &'a Fiche,
    map: Option<String>,
    locator: Option<String>,
    /// For a département: (EPCI, how many of its communes lie in the département).
    epci_rows: Vec<(&'a Territory, usize)>,
    /// The alliances of this territory and of the territories inside it.
    listing: Option<crate::listing::Listing>,
    listing_title: String,
    listing_note: Option<String>,
    sv: crate::synthese::View,
}

impl FichePage<'_> {
    fn level_key(&self) -> String {
        format!("terr-niveau-{}", self.f.territory.level.code())
    }

    fn is(&self, level: &str) -> bool {
        self.f.territory.level.code() == level
    }

    fn api_href(&self) -> String {
        format!(
            "/api/v1/territoires/{}/{}",
            self.f.territory.level.segment(),
            self.f.territory.code
        )
    }
}

async fn show(ctx: Ctx, state: AppState, level: Level, code: String) -> AppResult<Response> {
    let f = fiche(&state, level, &code).await?;
    let ready = ready(&state)?;
    let t = &f.territory;
    let (map, locator) = match level {
        Level::Region => {
            let title = ctx.t("terr-carte-region");
            (
                Some(region_zoom(
                    &ctx,
                    ready,
                    &t.code,
                    &[],
                    "carte-region",
                    &title,
                )),
                Some(regions_map(&ctx, ready, "carte-situation", Some(&t.code))),
            )
        }
        Level::Departement => {
            let title = ctx.t("terr-carte-departement");
            let region = t.region.clone().unwrap_or_default();
            (
                Some(region_zoom(
                    &ctx,
                    ready,
                    &region,
                    std::slice::from_ref(&t.code),
                    "carte-departement",
                    &title,
                )),
                None,
            )
        }
        Level::Commune => match (&t.region, &t.departement) {
            (Some(region), Some(dep)) => {
                let title = ctx.t("terr-carte-commune");
                (
                    Some(region_zoom(
                        &ctx,
                        ready,
                        region,
                        std::slice::from_ref(dep),
                        "carte-commune",
                        &title,
                    )),
                    None,
                )
            }
            _ => (None, None),
        },
        Level::Epci => {
            let region = f.departements.first().and_then(|d| d.region.clone());
            match region {
                Some(region) => {
                    let active: Vec<String> =
                        f.departements.iter().map(|d| d.code.clone()).collect();
                    let title = ctx.t("terr-carte-departement");
                    (
                        Some(region_zoom(
                            &ctx,
                            ready,
                            &region,
                            &active,
                            "carte-epci",
                            &title,
                        )),
                        None,
                    )
                }
                None => (None, None),
            }
        }
        Level::CollectiviteOutreMer => (None, None),
    };
    let epci_rows = f
        .epcis
        .iter()
        .map(|e| {
            let inside = f
                .communes
                .iter()
                .filter(|c| c.epci.as_deref() == Some(&e.code) || c.ept.as_deref() == Some(&e.code))
                .count();
            (e, inside)
        })
        .collect();
    let facet = crate::places::facet_of(level);
    let listing = Some(crate::listing::listing(
        &ctx,
        ready,
        &[(facet, t.code.as_str())],
        12,
    )?);
    let listing_title = ctx.ta("exemples-liste-territoire", "nom", &t.name);
    let synthese = crate::synthese::of(ready, t.clone())?;
    let sv = crate::synthese::View::new(&ctx, ready, &synthese);
    let listing_note = (level != Level::Commune).then(|| ctx.t("exemples-liste-territoire-aide"));
    Ok(crate::render(&FichePage {
        ctx: &ctx,
        f: &f,
        map,
        locator,
        epci_rows,
        listing,
        listing_title,
        listing_note,
        sv,
    })?
    .into_response())
}

pub async fn region(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Response> {
    show(ctx, state, Level::Region, code).await
}

pub async fn departement(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Response> {
    show(ctx, state, Level::Departement, code).await
}

pub async fn epci(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Response> {
    show(ctx, state, Level::Epci, code).await
}

pub async fn commune(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Response> {
    show(ctx, state, Level::Commune, code).await
}

pub async fn com(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Response> {
    show(ctx, state, Level::CollectiviteOutreMer, code).await
}
