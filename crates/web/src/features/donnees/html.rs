//! `/donnees` (the observatory: figures by theme and statement, filters, charts with their
//! tables) and `/donnees/chiffres/{id}` (one figure with its whole provenance).

use std::collections::BTreeMap;

use alliances_domain::figure::{KeyFigure, Observatory, THEMES};
use alliances_domain::territory::Level;
use alliances_viz::chart::{Bar, bars, timeline};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::{facets, matches, parse_request};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::figures::{FigureView, label_of, population_text, value_text, view};
use crate::filters::{FacetView, Request};
use crate::state::{AppState, Ready, ready};

/// A source: a link when it is an address, the document's reference otherwise.
pub struct SourceLink {
    pub text: String,
    pub href: Option<String>,
}

fn sources_of<'a>(list: impl Iterator<Item = &'a String>) -> Vec<SourceLink> {
    let mut out: Vec<SourceLink> = Vec::new();
    for s in list {
        if out.iter().any(|o| o.text == *s) {
            continue;
        }
        out.push(SourceLink {
            text: s.clone(),
            href: alliances_domain::alliance::is_url(s).then(|| s.clone()),
        });
    }
    out
}

/// One row of a statement's table.
pub struct RowView {
    pub f: FigureView,
    /// « reprise de kf-029 », « autre valeur : kf-056 », « non corroboré ».
    pub marks: Vec<String>,
}

/// All figures of one statement: chart, reading, table, notes, sources.
pub struct StatementView {
    pub anchor: String,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub chart: Option<String>,
    /// Timelines (SVG, caption), one per population measured in several years.
    pub timelines: Vec<(String, String)>,
    /// Heading level of the statement's title (it sits under a theme or a section).
    pub heading: u8,
    pub reading: Option<String>,
    pub rows: Vec<RowView>,
    /// Notes that must travel with the figures (conflicts, not corroborated, re-quotes).
    pub notes: Vec<(String, Option<&'static str>)>,
    pub sources: Vec<SourceLink>,
}

/// A région's perceived fragilities by rank.
pub struct FragilityRow {
    pub region: String,
    pub href: String,
    /// Ranks 1, 2, 3, then unranked: each a list of (label, value, href).
    pub cells: Vec<Vec<(String, Option<String>, String)>>,
    pub provenance: String,
}

/// A theme with its statements (or its table for the regional themes).
pub struct ThemeView {
    pub code: String,
    pub title: String,
    pub count: usize,
    pub statements: Vec<StatementView>,
    pub fragilities: Vec<FragilityRow>,
    pub fragility_sources: Vec<SourceLink>,
    pub counts: Vec<FigureView>,
}

#[derive(Template)]
#[template(path = "donnees/index.html")]
struct IndexPage<'a> {
    ctx: &'a Ctx,
    z: Zone,
}

#[derive(Template)]
#[template(path = "donnees/_zone.html")]
struct ZonePartial<'a> {
    ctx: &'a Ctx,
    z: Zone,
}

/// The part of the page that filters update.
pub struct Zone {
    pub total: usize,
    pub base_total: usize,
    pub facets: Vec<FacetView>,
    pub themes: Vec<ThemeView>,
    pub clear_href: Option<String>,
    pub measurements: usize,
    pub requotes: usize,
}

fn statement_view(
    ctx: &Ctx,
    ready: &Ready,
    obs: &Observatory,
    rows: &[&KeyFigure],
) -> StatementView {
    let first = rows[0];
    let (title, title_lang) = label_of(ctx, first);
    let title = title.to_owned();
    // The chart draws independent measurements with a value; re-quotes stay in the table.
    let measured: Vec<&KeyFigure> = rows
        .iter()
        .copied()
        .filter(|f| f.is_measurement() && f.valeur.is_some() && f.unite.as_deref() == Some("%"))
        .collect();
    // Bars of the same population (and région) are told apart by their study and year; a
    // regional fact names its région.
    let mut labels: Vec<String> = Vec::new();
    for f in &measured {
        let mut label = population_text(ctx, ready, f).unwrap_or_default();
        if let Some(r) = f
            .region
            .as_deref()
            .and_then(|r| ready.small(Level::Region, r))
        {
            label = format!("{label} — {}", r.name);
        }
        let twin = measured
            .iter()
            .filter(|o| o.population == f.population && o.region == f.region)
            .count()
            > 1;
        if twin {
            let qualifiers: Vec<String> = [
                f.etude.clone().unwrap_or_default(),
                crate::figures::year_text(ctx, f),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
            label = format!("{label} ({})", qualifiers.join(", "));
        }
        labels.push(label);
    }
    let texts: Vec<String> = measured
        .iter()
        .map(|f| value_text(ctx, f).unwrap_or_default())
        .collect();
    let anchor = format!("enonce-{}", first.id);
    let chart = (measured.len() >= 2).then(|| {
        let seen_conflict = |i: usize| {
            measured[..i]
                .iter()
                .any(|o| obs.conflicts(measured[i]).iter().any(|c| c.id == o.id))
        };
        let items: Vec<Bar<'_>> = measured
            .iter()
            .enumerate()
            .map(|(i, f)| Bar {
                label: &labels[i],
                value: f.valeur,
                text: &texts[i],
                class: if seen_conflict(i) { "barre-alt" } else { "" },
            })
            .collect();
        bars(
            &items,
            100.0,
            &ctx.ta("donnees-graphique-titre", "libelle", &title),
            &format!("{anchor}-graphique"),
        )
    });
    // A timeline per population measured in several years.
    let mut timelines: Vec<(String, String)> = Vec::new();
    let mut drawn: Vec<(Option<&str>, Option<&str>)> = Vec::new();
    for f in &measured {
        let key = (f.population.as_deref(), f.region.as_deref());
        if drawn.contains(&key) {
            continue;
        }
        if let Some(points) = obs.timeline(f) {
            drawn.push(key);
            let pts: Vec<(u16, f64, String)> = points
                .iter()
                .map(|p| {
                    (
                        p.annee,
                        p.figure.valeur.unwrap_or_default(),
                        value_text(ctx, p.figure).unwrap_or_default(),
                    )
                })
                .collect();
            let pop = population_text(ctx, ready, f).unwrap_or_default();
            let caption = ctx.ta("donnees-evolution-titre", "population", &pop);
            let id = format!("{anchor}-evolution-{}", timelines.len() + 1);
            timelines.push((timeline(&pts, 100.0, &caption, &id), caption));
        }
    }
    let views: Vec<RowView> = rows
        .iter()
        .map(|f| {
            let v = view(ctx, ready, obs, f);
            let mut marks = Vec::new();
            if let Some((id, _)) = &v.reprise_de {
                marks.push(ctx.ta("donnees-marque-reprise", "id", id));
            }
            for (id, _, value) in &v.ecarts {
                marks.push(
                    ctx.state
                        .catalog
                        .get_with(
                            ctx.lang,
                            "donnees-marque-ecart",
                            &[
                                ("id", alliances_i18n::text(id)),
                                ("valeur", alliances_i18n::text(value)),
                            ],
                        )
                        .into_owned(),
                );
            }
            if f.non_corrobore {
                marks.push(ctx.t("donnees-marque-non-corrobore"));
            }
            RowView { f: v, marks }
        })
        .collect();
    let mut notes: Vec<(String, Option<&'static str>)> = Vec::new();
    for r in &views {
        if !r.marks.is_empty()
            && let Some(n) = &r.f.note
        {
            let line = format!("{} — {n}", r.f.id);
            if !notes.iter().any(|(x, _)| *x == line) {
                notes.push((line, r.f.note_lang));
            }
        }
    }
    let reading = measured
        .first()
        .map(|f| view(ctx, ready, obs, f).reading)
        .or_else(|| views.first().map(|r| r.f.reading.clone()));
    StatementView {
        anchor,
        title,
        title_lang,
        chart,
        timelines,
        heading: 4,
        reading,
        notes,
        sources: sources_of(rows.iter().flat_map(|f| f.sources.iter())),
        rows: views,
    }
}

fn theme_view(
    ctx: &Ctx,
    ready: &Ready,
    obs: &Observatory,
    code: &str,
    rows: &[&KeyFigure],
) -> ThemeView {
    let mut theme = ThemeView {
        code: code.to_owned(),
        title: ctx.taxo("theme", code),
        count: rows.len(),
        statements: Vec::new(),
        fragilities: Vec::new(),
        fragility_sources: Vec::new(),
        counts: Vec::new(),
    };
    match code {
        "fragilites" => {
            let mut by_region: BTreeMap<String, Vec<&KeyFigure>> = BTreeMap::new();
            for f in rows {
                by_region
                    .entry(f.region.clone().unwrap_or_default())
                    .or_default()
                    .push(f);
            }
            let mut list: Vec<FragilityRow> = by_region
                .into_iter()
                .map(|(region, figures)| {
                    let mut cells: Vec<Vec<(String, Option<String>, String)>> = vec![Vec::new(); 4];
                    for f in &figures {
                        let slot = match f.rang {
                            Some(r @ 1..=3) => usize::from(r) - 1,
                            _ => 3,
                        };
                        cells[slot].push((
                            label_of(ctx, f).0.to_owned(),
                            value_text(ctx, f),
                            ctx.href(format!("/donnees/chiffres/{}", f.id)),
                        ));
                    }
                    let mut provenance: Vec<String> = figures
                        .iter()
                        .map(|f| {
                            format!(
                                "{}, {}",
                                f.etude.clone().unwrap_or_default(),
                                crate::figures::year_text(ctx, f)
                            )
                        })
                        .collect();
                    provenance.dedup();
                    let t = ready.small(Level::Region, &region);
                    FragilityRow {
                        region: t.map_or_else(|| region.clone(), |t| t.name.clone()),
                        href: t.map_or_else(String::new, |t| ctx.href(t.page_path())),
                        cells,
                        provenance: provenance.join(" ; "),
                    }
                })
                .collect();
            list.sort_by(|a, b| a.region.cmp(&b.region));
            theme.fragilities = list;
            theme.fragility_sources = sources_of(rows.iter().flat_map(|f| f.sources.iter()));
        }
        "dynamiques" => {
            theme.counts = rows.iter().map(|f| view(ctx, ready, obs, f)).collect();
            theme
                .counts
                .sort_by(|a, b| a.region.cmp(&b.region).then_with(|| a.id.cmp(&b.id)));
        }
        _ => {
            let mut order: Vec<String> = Vec::new();
            let mut groups: BTreeMap<String, Vec<&KeyFigure>> = BTreeMap::new();
            for f in rows {
                let key = f.statement_key();
                if !groups.contains_key(&key) {
                    order.push(key.clone());
                }
                groups.entry(key).or_default().push(f);
            }
            theme.statements = order
                .iter()
                .filter_map(|k| groups.get(k))
                .map(|g| statement_view(ctx, ready, obs, g))
                .collect();
        }
    }
    theme
}

fn zone(ctx: &Ctx, ready: &Ready, obs: &Observatory, req: &Request) -> Zone {
    let matching: Vec<&KeyFigure> = obs
        .figures
        .iter()
        .filter(|f| matches(req, f, None))
        .collect();
    let themes = THEMES
        .codes
        .iter()
        .filter_map(|code| {
            let rows: Vec<&KeyFigure> = matching
                .iter()
                .copied()
                .filter(|f| f.theme.as_deref() == Some(code))
                .collect();
            (!rows.is_empty()).then(|| theme_view(ctx, ready, obs, code, &rows))
        })
        .chain({
            let rows: Vec<&KeyFigure> = matching
                .iter()
                .copied()
                .filter(|f| f.theme.is_none())
                .collect();
            (!rows.is_empty()).then(|| {
                let mut t = theme_view(ctx, ready, obs, "autres", &rows);
                t.title = ctx.t("donnees-theme-autres");
                t
            })
        })
        .collect();
    let facets = facets(ready, &ctx.state.catalog, ctx.lang, obs, req)
        .into_iter()
        .map(|(name, values)| FacetView {
            legend: ctx.t(format!("donnees-filtre-{name}")),
            name,
            values,
        })
        .collect();
    Zone {
        total: matching.len(),
        base_total: obs.figures.len(),
        facets,
        themes,
        clear_href: (!req.is_empty()).then(|| ctx.href("/donnees")),
        measurements: matching.iter().filter(|f| f.is_measurement()).count(),
        requotes: matching.iter().filter(|f| !f.is_measurement()).count(),
    }
}

/// `/donnees`: every figure, by theme and statement; filters as query parameters.
pub async fn index(
    ctx: Ctx,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let obs = &collections.observatory;
    let pairs = crate::filters::query_pairs(query.as_deref());
    // The page drops what it cannot read: only a strict parse refuses.
    let req = parse_request(&pairs, ready, obs, false)?;
    let z = zone(&ctx, ready, obs, &req);
    let partial = crate::filters::wants_zone(&headers);
    let response = if partial {
        crate::render(&ZonePartial { ctx: &ctx, z })?.into_response()
    } else {
        crate::render(&IndexPage { ctx: &ctx, z })?.into_response()
    };
    Ok(crate::filters::vary_on_htmx(response))
}

#[derive(Template)]
#[template(path = "donnees/chiffre.html")]
struct FigurePage<'a> {
    ctx: &'a Ctx,
    f: FigureView,
    k: &'a KeyFigure,
    theme: Option<String>,
    nature: String,
    programme: Option<String>,
    sources: Vec<SourceLink>,
    citations: Vec<FigureView>,
    ecarts: Vec<FigureView>,
    statement: StatementView,
    actor: Option<(String, String)>,
    region_href: Option<String>,
    json_ld: String,
}

/// `/donnees/chiffres/{id}`.
pub async fn chiffre(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let obs = &collections.observatory;
    let k = obs.get(&id).ok_or(AppError::NotFound)?;
    let f = view(&ctx, ready, obs, k);
    let citations = obs
        .citations(k)
        .into_iter()
        .map(|c| view(&ctx, ready, obs, c))
        .collect();
    let ecarts = obs
        .conflicts(k)
        .into_iter()
        .map(|c| view(&ctx, ready, obs, c))
        .collect();
    let same = obs.same_statement(k);
    let mut statement = statement_view(&ctx, ready, obs, &same);
    statement.heading = 3;
    let actor = k
        .population
        .as_deref()
        .and_then(|p| ready.populations.iter().find(|x| x.code == p))
        .map(|p| {
            (
                ctx.taxo("acteur", &p.type_acteur),
                ctx.href(format!("/reperes/acteurs/{}", p.type_acteur)),
            )
        });
    let region_href = k
        .region
        .as_deref()
        .map(|r| ctx.href(Level::Region.page_path(r)));
    let json_ld = json_ld(&ctx, obs, k, &f);
    Ok(crate::render(&FigurePage {
        theme: k.theme.as_deref().map(|t| ctx.taxo("theme", t)),
        nature: ctx.taxo("nature", &k.nature),
        programme: k.programme.as_deref().map(|p| ctx.taxo("programme", p)),
        sources: sources_of(k.sources.iter()),
        ctx: &ctx,
        f,
        k,
        citations,
        ecarts,
        statement,
        actor,
        region_href,
        json_ld,
    })?
    .into_response())
}

/// schema.org `Observation` of the figure, escaped for a `<script>` element. A re-quote
/// describes the measurement it quotes (its page, its date), this publication being one of
/// its citations: never an observation of its own.
fn json_ld(ctx: &Ctx, obs: &Observatory, k: &KeyFigure, f: &FigureView) -> String {
    let base = ctx.state.settings.public_url.clone().unwrap_or_default();
    let m = obs.measurement(k);
    let urls = |x: &KeyFigure| -> Vec<String> {
        x.sources
            .iter()
            .filter(|s| alliances_domain::alliance::is_url(s))
            .cloned()
            .collect()
    };
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Observation",
        "@id": format!("{base}/donnees/chiffres/{}", m.id),
        "name": m.libelle,
        "value": m.valeur,
        "unitText": m.unite,
        "observationDate": m.annee.map(|y| y.to_string()),
        "measuredProperty": m.libelle,
        "observationAbout": f.population,
        "isBasedOn": urls(m),
        "inLanguage": "fr",
    });
    if m.id != k.id
        && let serde_json::Value::Object(o) = &mut v
    {
        o.insert("citation".into(), serde_json::json!(urls(k)));
    }
    crate::json_ld_script(&v)
}
