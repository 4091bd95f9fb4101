//! `/catalyseurs` (filters, map by région, table) and `/catalyseurs/{slug}`.

use alliances_domain::catalyseur::Catalyseur;
use alliances_domain::territory::Level;
use alliances_viz::{Area, MapSpec, View, classes};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::{facets, matches, parse_request, regions_of};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::filters::{FacetView, Request};
use crate::state::{AppState, Ready, ready};

/// A catalyseur as a line of the table.
pub struct Line {
    pub nom: String,
    pub href: String,
    pub genre: String,
    pub territoire: String,
    pub metiers: Vec<String>,
    pub fondation: Option<u16>,
}

/// The part of the page that filters update.
pub struct Zone {
    pub q: String,
    pub total: usize,
    pub base_total: usize,
    pub facets: Vec<FacetView>,
    pub lines: Vec<Line>,
    pub map: String,
    pub map_rows: Vec<(String, String, u64)>,
    pub legend: Vec<(String, &'static str)>,
    pub national: usize,
    pub clear_href: Option<String>,
}

#[derive(Template)]
#[template(path = "catalyseurs/index.html")]
struct IndexPage<'a> {
    ctx: &'a Ctx,
    z: Zone,
}

#[derive(Template)]
#[template(path = "catalyseurs/_zone.html")]
struct ZonePartial<'a> {
    ctx: &'a Ctx,
    z: Zone,
}

/// Where a catalyseur works, in words: its territory as named, and its région.
fn territory_text(ctx: &Ctx, ready: &Ready, c: &Catalyseur) -> String {
    if c.is_national() {
        return c
            .territoire_libelle
            .clone()
            .unwrap_or_else(|| ctx.t("taxo-niveau-national"));
    }
    let mut parts: Vec<String> = Vec::new();
    if let Some(l) = &c.territoire_libelle {
        parts.push(l.clone());
    }
    for r in regions_of(ready, c) {
        if let Some(t) = ready.small(Level::Region, &r)
            && !parts
                .iter()
                .any(|p| alliances_domain::text::fold(p) == alliances_domain::text::fold(&t.name))
        {
            parts.push(t.name.clone());
        }
    }
    parts.join(", ")
}

fn line(ctx: &Ctx, ready: &Ready, c: &Catalyseur) -> Line {
    Line {
        nom: c.nom.clone(),
        href: ctx.href(format!("/catalyseurs/{}", c.slug)),
        genre: ctx.taxo("genre", &c.genre),
        territoire: territory_text(ctx, ready, c),
        metiers: c.metiers.iter().map(|m| ctx.taxo("metier", m)).collect(),
        fondation: c.fondation,
    }
}

fn zone(ctx: &Ctx, ready: &Ready, all: &[Catalyseur], req: &Request) -> Zone {
    let matching: Vec<&Catalyseur> = all
        .iter()
        .filter(|c| matches(ready, req, c, None))
        .collect();
    let mut per_region: Vec<(String, String, u64)> = ready
        .regions
        .iter()
        .map(|r| {
            let n = matching
                .iter()
                .filter(|c| regions_of(ready, c).contains(&r.code))
                .count() as u64;
            (r.name.clone(), r.code.clone(), n)
        })
        .collect();
    let values: Vec<f64> = per_region.iter().map(|(_, _, n)| *n as f64).collect();
    let breaks = classes::breaks(&values);
    let areas: Vec<Area> = per_region
        .iter()
        .map(|(name, code, n)| Area {
            code: code.clone(),
            href: Some(format!("{}?region={code}", ctx.href("/catalyseurs"))),
            label: format!("{name} : {}", ctx.tn("catalyseurs-nb", *n as i64)),
            class: classes::of(*n as f64, &breaks),
        })
        .collect();
    let insets: Vec<(String, String)> = crate::places::overseas_insets(ready);
    let title = ctx.t("catalyseurs-carte-titre");
    let map = alliances_viz::render(
        alliances_viz::regions_france(),
        &MapSpec {
            id: "carte-catalyseurs",
            title: &title,
            view: View::Whole,
            areas: &areas,
            inset_labels: &insets,
            code_labels: false,
        },
    );
    let mut legend = vec![("0".to_owned(), "classe-0")];
    let mut low = 0.0_f64;
    for b in &breaks {
        let text = if *b <= low + 1.0 {
            ctx.int(*b as i64)
        } else {
            format!("{} – {}", ctx.int(low as i64 + 1), ctx.int(*b as i64))
        };
        legend.push((text, classes::of(*b, &breaks)));
        low = *b;
    }
    per_region.retain(|(_, _, n)| *n > 0);
    per_region.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    Zone {
        q: req.q.clone(),
        total: matching.len(),
        base_total: all.len(),
        facets: facets(ready, &ctx.state.catalog, ctx.lang, all, req)
            .into_iter()
            .map(|(name, values)| FacetView {
                legend: ctx.t(format!("catalyseurs-filtre-{name}")),
                name,
                values,
            })
            .collect(),
        national: matching.iter().filter(|c| c.is_national()).count(),
        lines: matching.iter().map(|c| line(ctx, ready, c)).collect(),
        map,
        map_rows: per_region,
        legend,
        clear_href: (!req.is_empty()).then(|| ctx.href("/catalyseurs")),
    }
}

/// `/catalyseurs`.
pub async fn index(
    ctx: Ctx,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let pairs = crate::filters::query_pairs(query.as_deref());
    // The page drops what it cannot read: only a strict parse refuses.
    let req = parse_request(&pairs, ready, false)?;
    let z = zone(&ctx, ready, &collections.catalyseurs, &req);
    let partial = crate::filters::wants_zone(&headers);
    let response = if partial {
        crate::render(&ZonePartial { ctx: &ctx, z })?.into_response()
    } else {
        crate::render(&IndexPage { ctx: &ctx, z })?.into_response()
    };
    Ok(crate::filters::vary_on_htmx(response))
}

#[derive(Template)]
#[template(path = "catalyseurs/fiche.html")]
struct FichePage<'a> {
    ctx: &'a Ctx,
    c: &'a Catalyseur,
    l: Line,
    places: Vec<(String, String)>,
    metiers: Vec<(String, String)>,
    sources: Vec<(String, String)>,
    to_update: bool,
    listing: Option<crate::listing::Listing>,
    json_ld: String,
}

/// `/catalyseurs/{slug}`.
pub async fn fiche(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let c = collections.catalyseur(&slug).ok_or(AppError::NotFound)?;
    let places: Vec<(String, String)> = c
        .places()
        .filter_map(|t| {
            let level = t.level()?;
            Some((
                crate::places::territory_name(ready, level, &t.code)?,
                ctx.href(level.page_path(&t.code)),
            ))
        })
        .collect();
    // The alliances recorded in the catalyseur's own territory (not those of a whole région
    // for a local body: its unit, or the région when that is all the facts give).
    let listing = c
        .places()
        .next()
        .and_then(|t| Some((crate::places::facet_of(t.level()?), t.code.as_str())))
        .map(|(facet, code)| crate::listing::listing(&ctx, ready, &[(facet, code)], 6))
        .transpose()?;
    let (sources, to_update) = ctx.sources_read(&c.sources);
    let base = state.settings.public_url.clone().unwrap_or_default();
    let json_ld = crate::json_ld_script(&serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": format!("{base}/catalyseurs/{}", c.slug),
        "name": c.nom,
        "url": c.site,
        "foundingDate": c.fondation.map(|y| y.to_string()),
        "areaServed": places.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        "subjectOf": c.sources.iter().map(|s| s.url.clone()).collect::<Vec<_>>(),
    }));
    Ok(crate::render(&FichePage {
        l: line(&ctx, ready, c),
        metiers: c
            .metiers
            .iter()
            .map(|m| {
                (
                    ctx.taxo("metier", m),
                    ctx.t(format!("catalyseurs-metier-aide-{m}")),
                )
            })
            .collect(),
        sources,
        to_update,
        ctx: &ctx,
        c,
        places,
        listing,
        json_ld,
    })?
    .into_response())
}
