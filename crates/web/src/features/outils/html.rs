//! `/outils` (search and facets), `/outils/cartographie` (phases × audiences or maturity
//! levels) and `/outils/{slug}` (one tool).

use alliances_domain::outil::{EVERYONE, Outil};
use alliances_domain::taxonomy::{ACTOR_TYPES, LIFECYCLE_PHASES, MATURITY_LEVELS, Taxonomy};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::{facets, matches, parse_request, query_words, values_of};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::filters::{Active, FacetView, Request};
use crate::state::{AppState, Ready, ready};

/// A tool as the list shows it.
pub struct Card {
    pub nom: String,
    pub href: String,
    /// Type, and year when known.
    pub kicker: String,
    pub editeur: Option<String>,
    pub description: Option<String>,
    pub phases: Vec<String>,
    pub publics: String,
    pub acces: Option<String>,
    pub sans_lien: bool,
}

/// The part of `/outils` that filters update.
pub struct Zone {
    pub q: String,
    pub total: usize,
    pub base_total: usize,
    pub facets: Vec<FacetView>,
    pub active: Vec<Active>,
    pub clear_href: Option<String>,
    pub cards: Vec<Card>,
    /// « Page 2 sur 5 » and the links around it.
    pub position: String,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

#[derive(Template)]
#[template(path = "outils/index.html")]
struct IndexPage<'a> {
    ctx: &'a Ctx,
    z: Zone,
}

#[derive(Template)]
#[template(path = "outils/_zone.html")]
struct ZonePartial<'a> {
    ctx: &'a Ctx,
    z: Zone,
}

/// The audiences of a tool in words: « tous les acteurs » or the actor types.
fn publics_text(ctx: &Ctx, o: &Outil) -> String {
    if o.publics.iter().any(|p| p == EVERYONE) {
        return ctx.t("outils-public-tous");
    }
    o.publics
        .iter()
        .map(|p| ctx.taxo("acteur", p))
        .collect::<Vec<_>>()
        .join(", ")
}

fn card(ctx: &Ctx, o: &Outil) -> Card {
    let genre = ctx.taxo("type-outil", &o.genre);
    Card {
        nom: o.nom.clone(),
        href: ctx.href(format!("/outils/{}", o.slug)),
        kicker: match o.annee {
            Some(y) => format!("{genre} · {y}"),
            None => genre,
        },
        editeur: o.editeur.clone(),
        description: o.description.clone(),
        phases: o.phases.iter().map(|p| ctx.taxo("phase", p)).collect(),
        publics: publics_text(ctx, o),
        acces: o.acces.as_deref().map(|a| ctx.taxo("acces", a)),
        sans_lien: o.url.is_none(),
    }
}

fn zone(
    ctx: &Ctx,
    ready: &Ready,
    all: &[(Outil, crate::collections::ToolIndex)],
    req: &Request,
) -> Zone {
    let query = query_words(&req.q);
    let matching: Vec<&Outil> = all
        .iter()
        .filter(|(o, index)| matches(&query, req, o, index, None))
        .map(|(o, _)| o)
        .collect();
    let cards: Vec<Card> = crate::api_shapes::slice(&matching, req.page)
        .iter()
        .map(|o| card(ctx, o))
        .collect();
    let pages = (matching.len() as u64)
        .div_ceil(u64::from(req.page.per_page))
        .max(1);
    let current = u64::from(req.page.page);
    let qs = req.query_string(None);
    let page_href = |n: u64| {
        let sep = if qs.is_empty() { "" } else { "&" };
        format!("{}?{qs}{sep}page={n}", ctx.href("/outils"))
    };
    let facets: Vec<FacetView> = facets(ready, &ctx.state.catalog, ctx.lang, all, req)
        .into_iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(name, values)| FacetView {
            legend: ctx.t(format!("outils-filtre-{name}")),
            name,
            values,
        })
        .collect();
    let base = ctx.href("/outils");
    Zone {
        q: req.q.clone(),
        total: matching.len(),
        position: ctx
            .state
            .catalog
            .get_with(
                ctx.lang,
                "pagination-position",
                &[
                    ("page", alliances_i18n::text(&ctx.int(current))),
                    ("pages", alliances_i18n::text(&ctx.int(pages))),
                ],
            )
            .into_owned(),
        prev_href: (current > 1).then(|| page_href(current - 1)),
        next_href: (current < pages).then(|| page_href(current + 1)),
        base_total: all.len(),
        active: crate::filters::active(req, &facets, &base),
        facets,
        clear_href: (!req.is_empty()).then_some(base),
        cards,
    }
}

/// `/outils`.
pub async fn index(
    ctx: Ctx,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let pairs = crate::filters::query_pairs(query.as_deref());
    // The page drops what it cannot read: only the API refuses.
    let req = parse_request(&pairs, &collections.outils, false)?;
    let z = zone(&ctx, ready, &collections.outils, &req);
    let response = if crate::filters::wants_zone(&headers) {
        crate::render(&ZonePartial { ctx: &ctx, z })?.into_response()
    } else {
        crate::render(&IndexPage { ctx: &ctx, z })?.into_response()
    };
    Ok(crate::filters::vary_on_htmx(response))
}

/// A cell of the cartography: how many tools fit a phase and a column, and the list they
/// make.
pub struct Cell {
    pub count: usize,
    pub href: String,
    /// What the cell says in full, for a screen reader and the phone layout.
    pub label: String,
    pub highlight: bool,
    /// Both the visitor's row and column: their crossing.
    pub crossing: bool,
}

pub struct Column {
    pub label: String,
    pub short: String,
    pub href: String,
    pub count: usize,
    pub highlight: bool,
}

pub struct Row {
    pub label: String,
    pub href: String,
    pub count: usize,
    pub cells: Vec<Cell>,
    pub highlight: bool,
}

#[derive(Template)]
#[template(path = "outils/cartographie.html")]
struct MapPage<'a> {
    ctx: &'a Ctx,
    /// `public` or `maturite`: the columns.
    by_maturity: bool,
    columns: Vec<Column>,
    rows: Vec<Row>,
    total: usize,
    publics_href: String,
    maturity_href: String,
    /// The visitor's own phase, audience and level (from a diagnostic), in words.
    highlighted: Vec<String>,
    /// The list filtered by the highlighted row and column.
    mine_href: Option<String>,
}

/// The value of a highlight parameter, when it is a code of its taxonomy.
fn chosen(pairs: &[(String, String)], param: &str, t: Taxonomy) -> Option<String> {
    pairs
        .iter()
        .find(|(k, v)| k == param && t.contains(v))
        .map(|(_, v)| v.clone())
}

fn list_href(ctx: &Ctx, params: &[(&str, &str)]) -> String {
    let mut qs = form_urlencoded::Serializer::new(String::new());
    for (k, v) in params {
        qs.append_pair(k, v);
    }
    format!("{}?{}", ctx.href("/outils"), qs.finish())
}

/// `/outils/cartographie`: the tools by phase (rows) and audience or maturity level
/// (columns). A cell counts the tools the list filtered by its row and column gives, with
/// the same rules (a tool for every audience or level counts in each column).
pub async fn cartographie(
    ctx: Ctx,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let tools = &collections.outils;
    let pairs = crate::filters::query_pairs(query.as_deref());
    let by_maturity = pairs.iter().any(|(k, v)| k == "vue" && v == "maturite");
    let (param, taxonomy, taxo_key) = if by_maturity {
        ("maturite", MATURITY_LEVELS, "maturite")
    } else {
        ("public", ACTOR_TYPES, "acteur")
    };
    let my_phase = chosen(&pairs, "phase", LIFECYCLE_PHASES);
    let my_public = chosen(&pairs, "public", ACTOR_TYPES);
    let my_level = chosen(&pairs, "maturite", MATURITY_LEVELS);
    let my_column = if by_maturity { &my_level } else { &my_public };
    // Each tool's phases and column codes, read once with the filters' own rule.
    let values: Vec<(Vec<String>, Vec<String>)> = tools
        .iter()
        .map(|(o, index)| (values_of(o, index, "phase"), values_of(o, index, param)))
        .collect();
    let in_phase = |v: &(Vec<String>, Vec<String>), phase: &str| v.0.iter().any(|c| c == phase);
    let in_column = |v: &(Vec<String>, Vec<String>), code: &str| v.1.iter().any(|c| c == code);
    let columns: Vec<Column> = taxonomy
        .codes
        .iter()
        .map(|c| Column {
            label: ctx.taxo(taxo_key, c),
            short: if by_maturity {
                ctx.taxo(taxo_key, c)
            } else {
                ctx.t(format!("outils-public-court-{c}"))
            },
            href: list_href(&ctx, &[(param, c)]),
            count: values.iter().filter(|v| in_column(v, c)).count(),
            highlight: my_column.as_deref() == Some(*c),
        })
        .collect();
    let rows: Vec<Row> = LIFECYCLE_PHASES
        .codes
        .iter()
        .map(|phase| {
            let phase_label = ctx.taxo("phase", phase);
            Row {
                href: list_href(&ctx, &[("phase", phase)]),
                count: values.iter().filter(|v| in_phase(v, phase)).count(),
                cells: taxonomy
                    .codes
                    .iter()
                    .zip(&columns)
                    .map(|(c, column)| {
                        let count = values
                            .iter()
                            .filter(|v| in_phase(v, phase) && in_column(v, c))
                            .count();
                        Cell {
                            count,
                            href: list_href(&ctx, &[("phase", phase), (param, c)]),
                            label: ctx
                                .state
                                .catalog
                                .get_with(
                                    ctx.lang,
                                    "outils-carte-cellule",
                                    &[
                                        ("nombre", alliances_i18n::num(count as i64)),
                                        ("phase", alliances_i18n::text(&phase_label)),
                                        ("colonne", alliances_i18n::text(&column.label)),
                                    ],
                                )
                                .into_owned(),
                            highlight: my_phase.as_deref() == Some(*phase) || column.highlight,
                            crossing: my_phase.as_deref() == Some(*phase) && column.highlight,
                        }
                    })
                    .collect(),
                label: phase_label,
                highlight: my_phase.as_deref() == Some(*phase),
            }
        })
        .collect();
    let mut highlighted = Vec::new();
    let mut mine: Vec<(&str, &str)> = Vec::new();
    if let Some(p) = &my_phase {
        highlighted.push(ctx.taxo("phase", p));
        mine.push(("phase", p));
    }
    if let Some(a) = &my_public {
        highlighted.push(ctx.taxo("acteur", a));
        mine.push(("public", a));
    }
    if let Some(m) = &my_level {
        highlighted.push(ctx.taxo("maturite", m));
        mine.push(("maturite", m));
    }
    // The switch between views keeps the visitor's highlight.
    let keep: Vec<(&str, &str)> = mine.clone();
    let view_href = |maturity: bool| {
        let mut params = keep.clone();
        if maturity {
            params.push(("vue", "maturite"));
        }
        let mut qs = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &params {
            qs.append_pair(k, v);
        }
        let qs = qs.finish();
        let base = ctx.href("/outils/cartographie");
        if qs.is_empty() {
            base
        } else {
            format!("{base}?{qs}")
        }
    };
    let page = MapPage {
        publics_href: view_href(false),
        maturity_href: view_href(true),
        mine_href: (!mine.is_empty()).then(|| list_href(&ctx, &mine)),
        ctx: &ctx,
        by_maturity,
        columns,
        rows,
        total: tools.len(),
        highlighted,
    };
    Ok(crate::render(&page)?.into_response())
}

/// An alliance related to a tool, with why.
pub struct Related {
    pub nom: String,
    pub href: String,
    pub raison: String,
}

#[derive(Template)]
#[template(path = "outils/fiche.html")]
struct FichePage<'a> {
    ctx: &'a Ctx,
    o: &'a Outil,
    c: Card,
    publics: Vec<String>,
    maturite: Vec<String>,
    langues: Vec<String>,
    sources: Vec<(String, String)>,
    to_update: bool,
    related: Vec<Related>,
    /// The modules of the learning path that use the tool.
    modules: Vec<crate::parcours::ModuleRef>,
    json_ld: String,
}

/// `/outils/{slug}`.
pub async fn fiche(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let collections = ready.collections.get();
    let o = collections.outil(&slug).ok_or(AppError::NotFound)?;
    let (sources, to_update) = ctx.sources_read(&o.sources);
    let related = related(&ctx, &state, ready, o).await?;
    let base = state.settings.public_url.clone().unwrap_or_default();
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": format!("{base}/outils/{}", o.slug),
        "name": o.nom,
        "description": o.description,
        "publisher": o.editeurs().iter().map(|(_, n)| serde_json::json!({
            "@type": "Organization", "name": n })).collect::<Vec<_>>(),
        "datePublished": o.annee.map(|y| y.to_string()),
        "inLanguage": o.langues,
        "url": o.url,
        "license": o.licence,
        "isAccessibleForFree": o.acces.as_deref().map(|a| a == "gratuit"),
        "genre": ctx.taxo("type-outil", &o.genre),
        "audience": o.publics.iter().filter(|p| *p != EVERYONE).map(|p| serde_json::json!({
            "@type": "Audience", "audienceType": ctx.taxo("acteur", p) })).collect::<Vec<_>>(),
        "subjectOf": o.sources.iter().map(|s| s.url.clone()).collect::<Vec<_>>(),
    });
    // Leave out what the facts do not give (no null, no empty list).
    if let Some(map) = ld.as_object_mut() {
        map.retain(|_, v| !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)));
    }
    let json_ld = crate::json_ld_script(&ld);
    Ok(crate::render(&FichePage {
        c: card(&ctx, o),
        publics: if o.publics.iter().any(|p| p == EVERYONE) {
            vec![ctx.t("outils-public-tous")]
        } else {
            o.publics.iter().map(|p| ctx.taxo("acteur", p)).collect()
        },
        maturite: o.maturite.iter().map(|m| ctx.taxo("maturite", m)).collect(),
        langues: o
            .langues
            .iter()
            .map(|l| crate::labels::facet_label(&state.catalog, ctx.lang, ready, "langue", l))
            .collect(),
        sources,
        to_update,
        modules: crate::parcours::citing(
            &ctx,
            alliances_domain::parcours::LinkKind::Outil,
            &o.slug,
        ),
        ctx: &ctx,
        o,
        related,
        json_ld,
    })?
    .into_response())
}

/// Alliances at most on a tool's page.
const RELATED: usize = 6;

/// The alliances a tool's page points to, each with its reason: those whose description
/// names the tool, then those one of its publishers is a partner of. The search proposes
/// candidates; each is checked against the stored record, so a reason is always true.
/// (Alliances carry no phase in the data yet, and tools no domain: those links would be
/// guesses.)
async fn related(ctx: &Ctx, state: &AppState, ready: &Ready, o: &Outil) -> AppResult<Vec<Related>> {
    let search = |q: &str| -> AppResult<Vec<String>> {
        let results = ready
            .search
            .search(&alliances_search::Query {
                q: q.to_owned(),
                filters: Vec::new(),
                sort: alliances_search::Sort::Relevance,
                offset: 0,
                limit: 20,
                facets: false,
                snippets: false,
                places: alliances_search::Places::default(),
            })
            .map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(results.hits.into_iter().map(|h| h.slug).collect())
    };
    let fold = alliances_domain::text::fold;
    let contains_words = |haystack: &str, needle: &str| {
        !needle.is_empty() && format!(" {haystack} ").contains(&format!(" {needle} "))
    };
    let name = fold(&o.nom);
    let mut slugs: Vec<String> = search(&o.nom)?;
    let publishers = o.editeurs();
    for (_, publisher) in &publishers {
        for slug in search(publisher)? {
            if !slugs.contains(&slug) {
                slugs.push(slug);
            }
        }
    }
    let mut stored = alliances_store::alliances::by_slugs(&state.db, &slugs)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    // In the search's order: the best candidates first.
    stored.sort_by_key(|s| slugs.iter().position(|x| *x == s.alliance.slug));
    let mut out: Vec<Related> = Vec::new();
    let push =
        |out: &mut Vec<Related>, a: &alliances_domain::alliance::Alliance, raison: String| {
            if out.len() < RELATED
                && !out
                    .iter()
                    .any(|r| r.href.ends_with(&format!("/{}", a.slug)))
            {
                out.push(Related {
                    nom: a.nom.clone(),
                    href: ctx.href(format!("/exemples/{}", a.slug)),
                    raison,
                });
            }
        };
    // The tool named in the alliance's own text (a name of at least two words: a one-word
    // name would match by chance).
    if name.split(' ').count() >= 2 {
        for s in &stored {
            let a = &s.alliance;
            let text = fold(&format!(
                "{} {}",
                a.resume.as_deref().unwrap_or_default(),
                a.description.as_deref().unwrap_or_default()
            ));
            if contains_words(&text, &name) {
                push(&mut out, a, ctx.ta("outils-lien-cite", "outil", &o.nom));
            }
        }
    }
    for (_, publisher) in &publishers {
        let p = fold(publisher);
        for s in &stored {
            let a = &s.alliance;
            if a.partenaires
                .iter()
                .any(|x| contains_words(&fold(&x.nom), &p))
            {
                push(
                    &mut out,
                    a,
                    ctx.ta("outils-lien-editeur", "editeur", publisher),
                );
            }
        }
    }
    Ok(out)
}
