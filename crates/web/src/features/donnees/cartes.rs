//! National maps: choropleths by département or by région of one indicator, each with its
//! legend, overseas insets, the table of every value, the method and the data's date.
//! One path per map (`/donnees/cartes/{echelle}/{indicateur}`), so that each is rendered
//! once and served from the page cache.

use alliances_domain::taxonomy::DOMAINS;
use alliances_domain::territory::{Level, Territory};
use alliances_viz::{Area, MapSpec, View, classes};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::{AppState, Ready, ready};

/// The indicators a map can show, in the order of the form.
pub const INDICATORS: [&str; 7] = [
    "alliances-habitants",
    "alliances-economique",
    "alliances-social",
    "alliances-environnemental",
    "alliances-societal",
    "france-services-habitants",
    "catalyseurs",
];

/// The scales.
pub const SCALES: [&str; 2] = ["departements", "regions"];

/// One area of the map with its value.
pub struct Row {
    pub name: String,
    pub code: String,
    pub href: String,
    pub count: u64,
    pub population: Option<i64>,
    /// The mapped value (a count, or a rate per 100 000 inhabitants), formatted.
    pub value: String,
    pub class: &'static str,
}

#[derive(Template)]
#[template(path = "donnees/cartes.html")]
struct MapPage<'a> {
    ctx: &'a Ctx,
    scale: &'static str,
    indicator: &'static str,
    svg: String,
    legend: Vec<(String, &'static str)>,
    rows: Vec<Row>,
    per_inhabitant: bool,
    options: Vec<(&'static str, String)>,
    scale_links: Vec<(String, String, bool)>,
    total: u64,
    date: String,
}

impl MapPage<'_> {
    fn key(&self, suffix: &str) -> String {
        let base = match self.indicator {
            "alliances-habitants" => "alliances-habitants",
            "france-services-habitants" => "france-services",
            "catalyseurs" => "catalyseurs",
            _ => "alliances-domaine",
        };
        format!("cartes-{base}-{suffix}")
    }

    fn domain_label(&self) -> String {
        self.indicator
            .strip_prefix("alliances-")
            .filter(|d| DOMAINS.contains(d))
            .map(|d| self.ctx.taxo("domaine", d).to_lowercase())
            .unwrap_or_default()
    }

    fn title(&self) -> String {
        let scale = self.ctx.t(format!("cartes-par-{}", self.scale));
        self.ctx
            .state
            .catalog
            .get_with(
                self.ctx.lang,
                &self.key("titre"),
                &[
                    ("echelle", alliances_i18n::text(&scale)),
                    ("domaine", alliances_i18n::text(&self.domain_label())),
                ],
            )
            .into_owned()
    }
}

fn is_rate(indicator: &str) -> bool {
    indicator.ends_with("-habitants")
}

/// The count of each area for an indicator.
fn counts(
    ready: &Ready,
    level: Level,
    areas: &[Territory],
    indicator: &str,
) -> AppResult<Vec<u64>> {
    let facet = crate::places::facet_of(level);
    match indicator {
        "france-services-habitants" => Ok(areas
            .iter()
            .map(|t| ready.lieux.count(level, &t.code) as u64)
            .collect()),
        "catalyseurs" => {
            let c = ready.collections.get();
            Ok(areas
                .iter()
                .map(|t| c.catalyseurs_of(ready, level, &t.code).0.len() as u64)
                .collect())
        }
        _ => {
            let domain = indicator
                .strip_prefix("alliances-")
                .filter(|d| DOMAINS.contains(d));
            let filters = domain
                .map(|d| vec![("domaine".to_owned(), vec![d.to_owned()])])
                .unwrap_or_default();
            let results = crate::synthese::alliance_counts(ready, filters)?;
            let list = crate::synthese::counts(&results, facet);
            Ok(areas
                .iter()
                .map(|t| {
                    list.iter()
                        .find(|(c, _)| *c == t.code)
                        .map_or(0, |(_, n)| *n)
                })
                .collect())
        }
    }
}

fn number(ctx: &Ctx, v: f64, rate: bool) -> String {
    if rate {
        let s = format!("{v:.1}");
        if ctx.lang == alliances_i18n::Lang::Fr {
            s.replace('.', ",")
        } else {
            s
        }
    } else {
        ctx.int(v as i64)
    }
}

async fn render(
    ctx: Ctx,
    state: AppState,
    scale: &'static str,
    indicator: &'static str,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let (level, areas, map) = match scale {
        "regions" => (
            Level::Region,
            &ready.regions,
            alliances_viz::regions_france(),
        ),
        _ => (
            Level::Departement,
            &ready.departements,
            alliances_viz::departements_france(),
        ),
    };
    let counts = counts(ready, level, areas, indicator)?;
    let rate = is_rate(indicator);
    // A rate without a population is unknown, never 0.
    let values: Vec<Option<f64>> = areas
        .iter()
        .zip(&counts)
        .map(|(t, n)| match (rate, t.population) {
            (true, Some(p)) if p > 0 => Some(*n as f64 * 100_000.0 / p as f64),
            (true, _) => None,
            (false, _) => Some(*n as f64),
        })
        .collect();
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let breaks = classes::breaks(&known);
    let mut rows: Vec<Row> = areas
        .iter()
        .zip(counts.iter().zip(&values))
        .map(|(t, (n, v))| Row {
            name: t.name.clone(),
            code: t.code.clone(),
            href: ctx.href(t.page_path()),
            count: *n,
            population: t.population,
            value: v.map_or_else(|| ctx.t("non-renseigne"), |v| number(&ctx, v, rate)),
            class: v.map_or("fond", |v| classes::of(v, &breaks)),
        })
        .collect();
    let unit = if rate {
        ctx.t("cartes-unite-habitants")
    } else {
        String::new()
    };
    let map_areas: Vec<Area> = rows
        .iter()
        .map(|r| Area {
            code: r.code.clone(),
            href: Some(r.href.clone()),
            label: format!("{} : {}{unit}", r.name, r.value),
            class: r.class,
        })
        .collect();
    let insets: Vec<(String, String)> = crate::places::overseas_insets(ready);
    let mut legend = vec![("0".to_owned(), "classe-0")];
    // The first class starts at the smallest value present.
    let smallest = known
        .iter()
        .copied()
        .filter(|v| *v > 0.0)
        .fold(f64::MAX, f64::min);
    let mut low = if rate { smallest } else { 0.0_f64 };
    for b in &breaks {
        let class = classes::of(*b, &breaks);
        let text = if rate && legend.len() == 1 {
            format!("{} – {}", number(&ctx, low, true), number(&ctx, *b, true))
        } else if rate {
            format!("> {} – {}", number(&ctx, low, true), number(&ctx, *b, true))
        } else if (*b - low - 1.0).abs() < f64::EPSILON || *b <= low + 1.0 {
            number(&ctx, *b, false)
        } else {
            format!(
                "{} – {}",
                number(&ctx, low + 1.0, false),
                number(&ctx, *b, false)
            )
        };
        legend.push((text, class));
        low = *b;
    }
    rows.sort_by(|a, b| {
        alliances_domain::text::fold(&a.name).cmp(&alliances_domain::text::fold(&b.name))
    });
    let options = INDICATORS
        .iter()
        .map(|i| (*i, ctx.t(format!("cartes-indicateur-{i}"))))
        .collect();
    let scale_links = SCALES
        .iter()
        .map(|s| {
            (
                ctx.t(format!("cartes-echelle-{s}")),
                ctx.href(format!("/donnees/cartes/{s}/{indicator}")),
                *s == scale,
            )
        })
        .collect();
    let total = counts.iter().sum();
    let mut page = MapPage {
        ctx: &ctx,
        scale,
        indicator,
        svg: String::new(),
        legend,
        rows,
        per_inhabitant: rate,
        options,
        scale_links,
        total,
        date: ctx.date(&state.today()),
    };
    let title = page.title();
    page.svg = alliances_viz::render(
        map,
        &MapSpec {
            id: "carte-nationale",
            title: &title,
            view: View::Whole,
            areas: &map_areas,
            inset_labels: &insets,
            code_labels: false,
        },
    );
    Ok(crate::render(&page)?.into_response())
}

/// `/donnees/cartes`: the default map; with `?echelle=…&indicateur=…` (the form without
/// JavaScript), a redirection to that map's own address.
pub async fn index(
    ctx: Ctx,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    if let Some(q) = query {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(q.as_bytes()).into_owned().collect();
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let scale = SCALES
            .iter()
            .find(|s| Some(**s) == get("echelle"))
            .copied()
            .unwrap_or(SCALES[0]);
        let indicator = INDICATORS
            .iter()
            .find(|i| Some(**i) == get("indicateur"))
            .copied()
            .unwrap_or(INDICATORS[0]);
        let to = ctx.href(format!("/donnees/cartes/{scale}/{indicator}"));
        return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response());
    }
    render(ctx, state, SCALES[0], INDICATORS[0]).await
}

/// `/donnees/cartes/{echelle}/{indicateur}`.
pub async fn map(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((scale, indicator)): Path<(String, String)>,
) -> AppResult<Response> {
    let scale = SCALES
        .iter()
        .find(|s| **s == scale)
        .ok_or(AppError::NotFound)?;
    let indicator = INDICATORS
        .iter()
        .find(|i| **i == indicator)
        .ok_or(AppError::NotFound)?;
    render(ctx, state, scale, indicator).await
}
