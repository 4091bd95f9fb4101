//! The fiches repères and their index.

use alliances_domain::figure::{KeyFigure, Observatory};
use alliances_domain::parcours::LinkKind;
use alliances_domain::taxonomy::{ACTOR_TYPES, DOMAINS};
use alliances_domain::territory::Level;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::figures::{FigureView, view};
use crate::listing::{Listing, listing};
use crate::state::{AppState, Ready, ready};
use crate::synthese::CountRow;

/// Figures of one statement, for a compact table.
pub struct FigureGroup {
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub rows: Vec<FigureView>,
}

/// The figures of some rows, grouped by statement in id order.
fn groups(ctx: &Ctx, ready: &Ready, obs: &Observatory, rows: &[&KeyFigure]) -> Vec<FigureGroup> {
    let mut out: Vec<(String, FigureGroup)> = Vec::new();
    for f in rows {
        let key = f.statement_key();
        let v = view(ctx, ready, obs, f);
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => g.rows.push(v),
            None => {
                let (title, title_lang) = crate::figures::label_of(ctx, f);
                out.push((
                    key,
                    FigureGroup {
                        title: title.to_owned(),
                        title_lang,
                        rows: vec![v],
                    },
                ));
            }
        }
    }
    out.into_iter().map(|(_, g)| g).collect()
}

/// Counts of the alliances matching `filters`, by facet, with bars and links.
struct AllianceCounts {
    total: u64,
    tables: Vec<(String, Vec<CountRow>)>,
}

fn alliance_counts(
    ctx: &Ctx,
    ready: &Ready,
    filters: &[(&str, &str)],
    facets: &[(&str, &str)],
) -> AppResult<AllianceCounts> {
    let results = crate::synthese::alliance_counts(
        ready,
        filters
            .iter()
            .map(|(f, c)| ((*f).to_owned(), vec![(*c).to_owned()]))
            .collect(),
    )?;
    let tables = facets
        .iter()
        .map(|(facet, title_key)| {
            let counts = crate::synthese::counts(&results, facet);
            let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64;
            let rows = counts
                .iter()
                .map(|(code, n)| {
                    let mut qs = form_urlencoded::Serializer::new(String::new());
                    for (f, c) in filters {
                        qs.append_pair(f, c);
                    }
                    qs.append_pair(facet, code);
                    CountRow {
                        label: crate::labels::facet_label(
                            &ctx.state.catalog,
                            ctx.lang,
                            ready,
                            facet,
                            code,
                        ),
                        count: *n,
                        bar: alliances_viz::chart::inline_bar(*n as f64, max),
                        href: format!("{}?{}", ctx.href("/exemples"), qs.finish()),
                    }
                })
                .collect();
            (ctx.t(title_key), rows)
        })
        .collect();
    Ok(AllianceCounts {
        total: results.total as u64,
        tables,
    })
}

#[derive(Template)]
#[template(path = "reperes/acteur.html")]
struct ActorPage<'a> {
    ctx: &'a Ctx,
    code: String,
    title: String,
    figures: Vec<FigureGroup>,
    populations: Vec<String>,
    total: u64,
    tables: Vec<(String, Vec<CountRow>)>,
    listing: Listing,
    tools: Vec<ToolRow>,
    /// Tools meant for every actor type (listed with the filtered list, not here).
    tools_for_all: usize,
    modules: Vec<(crate::parcours::ModuleRef, String)>,
    date: String,
}

/// A tool in a fiche's table.
pub struct ToolRow {
    pub nom: String,
    pub href: String,
    pub genre: String,
    pub phases: String,
    pub acces: String,
}

/// The tools meant for an actor type by name, by phase then name, and how many serve every
/// actor type.
fn tools_for(ctx: &Ctx, ready: &Ready, actor: &str) -> (Vec<ToolRow>, usize) {
    let collections = ready.collections.get();
    let mut named: Vec<&alliances_domain::outil::Outil> = collections
        .outils
        .iter()
        .map(|(o, _)| o)
        .filter(|o| o.publics.iter().any(|p| p == actor))
        .collect();
    let first_phase = |o: &alliances_domain::outil::Outil| {
        o.phases
            .iter()
            .filter_map(|p| {
                alliances_domain::taxonomy::LIFECYCLE_PHASES
                    .codes
                    .iter()
                    .position(|c| c == p)
            })
            .min()
            .unwrap_or(usize::MAX)
    };
    named.sort_by_key(|o| first_phase(o));
    let rows = named
        .iter()
        .map(|o| ToolRow {
            nom: o.nom.clone(),
            href: ctx.href(format!("/outils/{}", o.slug)),
            genre: ctx.taxo("type-outil", &o.genre),
            phases: o
                .phases
                .iter()
                .map(|p| ctx.taxo("phase", p))
                .collect::<Vec<_>>()
                .join(", "),
            acces: o
                .acces
                .as_deref()
                .map_or_else(|| ctx.t("outils-non-precise"), |a| ctx.taxo("acces", a)),
        })
        .collect();
    let for_all = collections
        .outils
        .iter()
        .filter(|(o, _)| {
            o.publics
                .iter()
                .any(|p| p == alliances_domain::outil::EVERYONE)
        })
        .count();
    (rows, for_all)
}

/// The modules of the learning path for a fiche: those that cite it first, then those whose
/// links `related` recognises (it says why), each once.
fn modules_for(
    ctx: &Ctx,
    (kind, id, reason): (LinkKind, &str, &str),
    related: &dyn Fn(&alliances_domain::parcours::Link) -> Option<String>,
) -> Vec<(crate::parcours::ModuleRef, String)> {
    let p = &ctx.state.settings.parcours;
    p.modules
        .iter()
        .filter_map(|m| {
            let why = if m.links_to(kind, id) {
                Some(ctx.t(reason))
            } else {
                m.liens.iter().find_map(related)
            }?;
            Some((crate::parcours::ModuleRef::of(ctx, m), why))
        })
        .collect()
}

/// `/reperes/acteurs/{type}`.
pub async fn acteur(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    if !ACTOR_TYPES.contains(&code) {
        return Err(AppError::NotFound);
    }
    let collections = ready.collections.get();
    let obs = &collections.observatory;
    let rows: Vec<&KeyFigure> = obs.figures_for_actor(ready.populations, &code).collect();
    let populations = ready
        .populations
        .iter()
        .filter(|p| {
            p.type_acteur == code
                && rows
                    .iter()
                    .any(|f| f.population.as_deref() == Some(p.code.as_str()))
        })
        .map(|p| ctx.pick(&p.label_fr, &p.label_en).to_owned())
        .collect();
    let filters = [("type_acteur", code.as_str())];
    let counts = alliance_counts(
        &ctx,
        ready,
        &filters,
        &[
            ("domaine", "reperes-par-domaine"),
            ("mode", "reperes-par-mode"),
            ("region", "reperes-par-region"),
        ],
    )?;
    let list = listing(&ctx, ready, &filters, 6)?;
    let (tools, tools_for_all) = tools_for(&ctx, ready, &code);
    let named: Vec<(String, String)> = collections
        .outils
        .iter()
        .filter(|(o, _)| o.publics.contains(&code))
        .map(|(o, _)| (o.slug.clone(), o.nom.clone()))
        .collect();
    let fiche = format!("acteurs/{code}");
    let modules = modules_for(
        &ctx,
        (LinkKind::Repere, &fiche, "reperes-module-cite"),
        &|l| {
            (l.kind == LinkKind::Outil)
                .then(|| named.iter().find(|(slug, _)| *slug == l.id))
                .flatten()
                .map(|(_, nom)| ctx.ta("reperes-module-outil", "outil", nom))
        },
    );
    Ok(crate::render(&ActorPage {
        modules,
        title: ctx.taxo("acteur", &code),
        tools,
        tools_for_all,
        code: code.clone(),
        figures: groups(&ctx, ready, obs, &rows),
        populations,
        total: counts.total,
        tables: counts.tables,
        listing: list,
        date: ctx.date(&state.today()),
        ctx: &ctx,
    })?
    .into_response())
}

#[derive(Template)]
#[template(path = "reperes/domaine.html")]
struct DomainPage<'a> {
    ctx: &'a Ctx,
    title: String,
    total: u64,
    tables: Vec<(String, Vec<CountRow>)>,
    listing: Listing,
    modules: Vec<(crate::parcours::ModuleRef, String)>,
    date: String,
}

/// `/reperes/domaines/{code}`.
pub async fn domaine(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    if !DOMAINS.contains(&code) {
        return Err(AppError::NotFound);
    }
    let filters = [("domaine", code.as_str())];
    let counts = alliance_counts(
        &ctx,
        ready,
        &filters,
        &[
            ("mode", "reperes-par-mode"),
            ("type_acteur", "reperes-par-acteur"),
            ("region", "reperes-par-region"),
            ("fragilite", "reperes-par-fragilite"),
        ],
    )?;
    let list = listing(&ctx, ready, &filters, 6)?;
    let fiche = format!("domaines/{code}");
    let modules = modules_for(
        &ctx,
        (LinkKind::Repere, &fiche, "reperes-module-cite"),
        &|l| {
            (l.kind == LinkKind::Repere && l.id.starts_with("domaines/"))
                .then(|| ctx.t("reperes-module-domaines"))
        },
    );
    Ok(crate::render(&DomainPage {
        modules,
        title: ctx.taxo("domaine", &code),
        total: counts.total,
        tables: counts.tables,
        listing: list,
        date: ctx.date(&state.today()),
        ctx: &ctx,
    })?
    .into_response())
}

#[derive(Template)]
#[template(path = "reperes/territoire.html")]
struct TerritoryPage<'a> {
    ctx: &'a Ctx,
    name: String,
    level_label: String,
    page_href: String,
    population: Option<i64>,
    sv: crate::synthese::View,
    listing: Listing,
    modules: Vec<(crate::parcours::ModuleRef, String)>,
    date: String,
}

/// `/reperes/territoires/{niveau}/{code}`.
pub async fn territoire(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((segment, code)): Path<(String, String)>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let level = Level::from_segment(&segment).ok_or(AppError::NotFound)?;
    let t = crate::places::territory(ready, level, &code)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let s = crate::synthese::of(ready, t.clone())?;
    let sv = crate::synthese::View::new(&ctx, ready, &s);
    let list = listing(
        &ctx,
        ready,
        &[(crate::places::facet_of(level), code.as_str())],
        8,
    )?;
    let here = format!("{segment}/{code}");
    let modules = modules_for(
        &ctx,
        (LinkKind::Territoire, &here, "reperes-module-territoire"),
        &|l| (l.kind == LinkKind::Territoire).then(|| ctx.t("reperes-module-territoires")),
    );
    Ok(crate::render(&TerritoryPage {
        modules,
        name: t.name.clone(),
        level_label: ctx.t(format!("terr-niveau-{}", level.code())),
        page_href: ctx.href(t.page_path()),
        population: t.population,
        sv,
        listing: list,
        date: ctx.date(&state.today()),
        ctx: &ctx,
    })?
    .into_response())
}

#[derive(Template)]
#[template(path = "reperes/index.html")]
struct IndexPage<'a> {
    ctx: &'a Ctx,
    ready: &'a Ready,
}

/// `/reperes`: every fiche.
pub async fn index(ctx: Ctx, State(state): State<AppState>) -> AppResult<Response> {
    let ready = ready(&state)?;
    Ok(crate::render(&IndexPage { ctx: &ctx, ready })?.into_response())
}

impl IndexPage<'_> {
    fn actors(&self) -> &'static [&'static str] {
        ACTOR_TYPES.codes
    }

    fn domains(&self) -> &'static [&'static str] {
        DOMAINS.codes
    }
}
