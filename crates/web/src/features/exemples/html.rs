//! `/exemples` (search, facets, map) and `/exemples/{slug}` (one alliance).

use alliances_domain::alliance::{Alliance, Origin, needs_update};
use alliances_domain::territory::Level;
use alliances_search::{FACETS, Results};
use alliances_viz::{Area, MapSpec, View};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::{SearchRequest, facet_label, parse_request, run, sort_code};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::filters::{Active, FacetValue, FacetView};
use crate::listing::{ResultView, result_view};
use crate::state::ready;
use crate::state::{AppState, Ready};

pub struct MapRow {
    pub name: String,
    pub count: u64,
    pub href: String,
}

pub struct MapView {
    /// The map at the chosen scale (one at a time: each is a large part of the page).
    pub svg: String,
    pub by_departement: bool,
    pub regions_href: String,
    pub departements_href: String,
    pub regions: Vec<MapRow>,
    pub departements: Vec<MapRow>,
    /// Range of each colour class, for the legend.
    pub legend: Vec<(String, &'static str)>,
}

const CLASSES: [&str; 5] = ["classe-1", "classe-2", "classe-3", "classe-4", "classe-5"];

/// The range of counts each colour class covers, classes that cover nothing left out.
fn legend(ctx: &Ctx, max: u64) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for i in 1..=5u64 {
        let hi = (max * i) / 5;
        let lo = (max * (i - 1)) / 5 + 1;
        if hi < lo {
            continue;
        }
        let text = if lo == hi {
            ctx.int(hi)
        } else {
            format!("{} – {}", ctx.int(lo), ctx.int(hi))
        };
        out.push((text, CLASSES[i as usize - 1]));
    }
    out
}

#[derive(Template)]
#[template(path = "exemples/index.html")]
struct IndexPage<'a> {
    ctx: &'a Ctx,
    z: Zone,
}

#[derive(Template)]
#[template(path = "exemples/_zone.html")]
struct ZonePartial<'a> {
    ctx: &'a Ctx,
    z: Zone,
}

/// The part of the page that a search updates (facets, results or map).
pub struct Zone {
    pub q: String,
    pub sort: &'static str,
    pub map_view: bool,
    pub total: usize,
    pub facets: Vec<FacetView>,
    pub results: Vec<ResultView>,
    pub active: Vec<Active>,
    pub clear_href: Option<String>,
    pub list_href: String,
    pub map_href: String,
    pub position: String,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    pub map: Option<MapView>,
    pub base_total: u64,
}

fn href_with(ctx: &Ctx, qs: &str, extra: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(qs.to_owned());
    for (k, v) in extra {
        s.append_pair(k, v);
    }
    let qs = s.finish();
    if qs.is_empty() {
        ctx.href("/exemples")
    } else {
        format!("{}?{qs}", ctx.href("/exemples"))
    }
}

/// Class i covers the counts in ((i-1)·max/5, i·max/5], as [`legend`] states.
fn class_of(n: u64, max: u64) -> &'static str {
    if n == 0 || max == 0 {
        return "fond";
    }
    let i = (1..=5u64).find(|i| n * 5 <= max * i).unwrap_or(5);
    CLASSES[i as usize - 1]
}

fn map_view(
    ctx: &Ctx,
    ready: &Ready,
    req: &SearchRequest,
    results: &Results,
    by_departement: bool,
) -> MapView {
    let counts = |facet: &str| -> Vec<(String, u64)> {
        results
            .facets
            .iter()
            .find(|(f, _)| *f == facet)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut without = req.clone();
    without
        .filters
        .retain(|(f, _)| f != "region" && f != "departement");
    let base = without.query_string(None);
    let link = |facet: &str, code: &str| href_with(ctx, &base, &[(facet, code)]);
    let region_counts = counts("region");
    let dep_counts = counts("departement");
    let count_of = |list: &[(String, u64)], code: &str| {
        list.iter().find(|(c, _)| c == code).map_or(0, |(_, n)| *n)
    };
    let rmax = region_counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let dmax = dep_counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let area = |code: &str, name: &str, n: u64, max: u64, facet: &str| Area {
        code: code.to_owned(),
        href: (n > 0).then(|| link(facet, code)),
        label: format!("{name} — {}", ctx.tn("exemples-nb-alliances", n as i64)),
        class: class_of(n, max),
    };
    let region_areas: Vec<Area> = ready
        .regions
        .iter()
        .map(|r| {
            area(
                &r.code,
                &r.name,
                count_of(&region_counts, &r.code),
                rmax,
                "region",
            )
        })
        .collect();
    let dep_areas: Vec<Area> = ready
        .departements
        .iter()
        .map(|d| {
            area(
                &d.code,
                &d.name,
                count_of(&dep_counts, &d.code),
                dmax,
                "departement",
            )
        })
        .collect();
    let insets: Vec<(String, String)> = crate::places::overseas_insets(ready);
    let title_r = ctx.t("exemples-carte-regions");
    let title_d = ctx.t("exemples-carte-departements");
    let svg = if by_departement {
        alliances_viz::render(
            alliances_viz::departements_france(),
            &MapSpec {
                id: "carte-exemples-departements",
                title: &title_d,
                view: View::Whole,
                areas: &dep_areas,
                inset_labels: &insets,
                code_labels: false,
            },
        )
    } else {
        alliances_viz::render(
            alliances_viz::regions_france(),
            &MapSpec {
                id: "carte-exemples-regions",
                title: &title_r,
                view: View::Whole,
                areas: &region_areas,
                inset_labels: &insets,
                code_labels: false,
            },
        )
    };
    let qs = req.query_string(None);
    let rows = |list: &[(String, u64)], level: Level, facet: &str| -> Vec<MapRow> {
        let mut rows: Vec<MapRow> = list
            .iter()
            .filter_map(|(code, n)| {
                let t = ready.small(level, code)?;
                Some(MapRow {
                    name: if level == Level::Departement {
                        format!("{} ({})", t.name, t.code)
                    } else {
                        t.name.clone()
                    },
                    count: *n,
                    href: link(facet, code),
                })
            })
            .filter(|r| r.count > 0)
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        rows
    };
    MapView {
        svg,
        by_departement,
        regions_href: href_with(ctx, &qs, &[("vue", "carte")]),
        departements_href: href_with(ctx, &qs, &[("vue", "carte"), ("echelle", "departements")]),
        regions: rows(&region_counts, Level::Region, "region"),
        departements: rows(&dep_counts, Level::Departement, "departement"),
        legend: legend(ctx, if by_departement { dmax } else { rmax }),
    }
}

fn zone(ctx: &Ctx, state: &AppState, ready: &Ready, pairs: &[(String, String)]) -> AppResult<Zone> {
    let is_map = pairs.iter().any(|(k, v)| k == "vue" && v == "carte");
    let by_departement = pairs
        .iter()
        .any(|(k, v)| k == "echelle" && v == "departements");
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| k != "vue" && k != "echelle")
        .cloned()
        .collect();
    let req = parse_request(&pairs, ready, false)?;
    let results = run(ready, &req, true, true)?;
    let qs = req.query_string(None);
    let facets = FACETS
        .iter()
        .filter_map(|facet| {
            let values = results.facets.iter().find(|(f, _)| f == facet)?.1.clone();
            if values.is_empty() {
                return None;
            }
            let selected = req.selected(facet);
            let mut all: Vec<FacetValue> = values
                .into_iter()
                .map(|(code, count)| FacetValue {
                    label: facet_label(&state.catalog, ctx.lang, ready, facet, &code),
                    checked: selected.contains(&code),
                    code,
                    count,
                })
                .collect();
            if *facet == "odd" {
                all.sort_by_key(|v| v.code.parse::<u8>().unwrap_or(0));
            }
            Some(FacetView {
                name: facet,
                legend: ctx.t(format!("exemples-facette-{facet}")),
                values: all,
            })
        })
        .collect();
    let mut active = Vec::new();
    for (facet, codes) in &req.filters {
        for c in codes {
            active.push(Active {
                label: format!(
                    "{} : {}",
                    ctx.t(format!("exemples-facette-{facet}")),
                    facet_label(&state.catalog, ctx.lang, ready, facet, c)
                ),
                remove_href: href_with(ctx, &req.query_string(Some((facet, c))), &[]),
            });
        }
    }
    let page = req.page;
    let pages = (results.total as u64)
        .div_ceil(u64::from(page.per_page))
        .max(1);
    let current = u64::from(page.page);
    let page_href = |n: u64| {
        let mut extra = vec![("page", n.to_string())];
        if is_map {
            extra.push(("vue", "carte".into()));
        }
        let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
        href_with(ctx, &qs, &extra)
    };
    let base_total = ready.search.len();
    Ok(Zone {
        q: req.q.clone(),
        sort: sort_code(req.sort()),
        map_view: is_map,
        total: results.total,
        results: results
            .hits
            .iter()
            .map(|h| result_view(ctx, h))
            .collect::<Result<_, _>>()?,
        facets,
        clear_href: (!req.filters.is_empty() || !req.q.is_empty()).then(|| ctx.href("/exemples")),
        active,
        list_href: href_with(ctx, &qs, &[]),
        map_href: href_with(ctx, &qs, &[("vue", "carte")]),
        position: ctx
            .state
            .catalog
            .get_with(
                ctx.lang,
                "pagination-position",
                &[
                    ("page", alliances_i18n::Value::from(ctx.int(current))),
                    ("pages", alliances_i18n::Value::from(ctx.int(pages))),
                ],
            )
            .into_owned(),
        prev_href: (current > 1 && !is_map).then(|| page_href(current - 1)),
        next_href: (current < pages && !is_map).then(|| page_href(current + 1)),
        map: is_map.then(|| map_view(ctx, ready, &req, &results, by_departement)),
        base_total,
    })
}

pub async fn index(
    ctx: Ctx,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let pairs = crate::filters::query_pairs(query.as_deref());
    let z = zone(&ctx, &state, ready, &pairs)?;
    let partial = crate::filters::wants_zone(&headers);
    let response = if partial {
        crate::render(&ZonePartial { ctx: &ctx, z })?.into_response()
    } else {
        crate::render(&IndexPage { ctx: &ctx, z })?.into_response()
    };
    Ok(crate::filters::vary_on_htmx(response))
}

impl Zone {
    fn sort_is(&self, code: &str) -> bool {
        self.sort == code
    }

    fn sorts(&self) -> [(&'static str, &'static str); 3] {
        [
            ("pertinence", "exemples-tri-pertinence"),
            ("date", "exemples-tri-date"),
            ("nom", "exemples-tri-nom"),
        ]
    }
}

pub struct PartnerRow {
    pub nom: String,
    pub type_label: String,
    pub role: Option<String>,
    pub apports: Option<String>,
}

pub struct Tag {
    pub label: String,
    pub href: String,
    pub editorial: bool,
}

pub struct SdgBadge {
    pub number: u8,
    pub title: String,
    pub href: String,
    pub editorial: bool,
}

pub struct SimilarView {
    pub result: ResultView,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "exemples/fiche.html")]
struct FichePage<'a> {
    ctx: &'a Ctx,
    a: &'a Alliance,
    paragraphs: Vec<String>,
    /// The territory as the source names it, unless it is just the name of a linked one.
    libelle: Option<String>,
    territories: Vec<(String, Option<String>)>,
    partners: Vec<PartnerRow>,
    modes: Vec<Tag>,
    goals: Vec<SdgBadge>,
    targets: Vec<Tag>,
    fragilities: Vec<Tag>,
    domains: Vec<Tag>,
    to_update: bool,
    similar: Vec<SimilarView>,
    json_ld: String,
    /// « Importée de X (par Y) le DATE ».
    provenance: String,
}

impl FichePage<'_> {
    fn any_editorial(&self) -> bool {
        self.modes.iter().any(|t| t.editorial)
            || self.goals.iter().any(|g| g.editorial)
            || self.targets.iter().any(|t| t.editorial)
    }
}

/// Why a similar alliance was chosen: the values it shares.
fn reason(ctx: &Ctx, state: &AppState, ready: &Ready, shared: &[(&'static str, String)]) -> String {
    let labels: Vec<String> = shared
        .iter()
        .take(4)
        .map(|(facet, code)| facet_label(&state.catalog, ctx.lang, ready, facet, code))
        .collect();
    if labels.is_empty() {
        String::new()
    } else {
        ctx.ta("exemples-similaire-raison", "points", labels.join(", "))
    }
}

fn json_ld(ctx: &Ctx, ready: &Ready, a: &Alliance) -> String {
    let base = ctx.state.settings.public_url.clone().unwrap_or_default();
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Project",
        "name": a.nom,
        "url": format!("{base}/exemples/{}", a.slug),
        "identifier": a.slug,
        "inLanguage": "fr",
        "member": a.partenaires.iter().map(|p| serde_json::json!({
            "@type": "Organization", "name": p.nom, "description": p.role,
        })).collect::<Vec<_>>(),
        "areaServed": a.places().filter_map(|t| {
            let name = crate::places::territory_name(ready, t.level()?, &t.code)?;
            Some(serde_json::json!({ "@type": "AdministrativeArea", "name": name, "identifier": t.code }))
        }).collect::<Vec<_>>(),
        "citation": a.sources.iter().map(|s| s.url.clone()).collect::<Vec<_>>(),
    });
    if let serde_json::Value::Object(o) = &mut v {
        if let Some(r) = &a.resume {
            o.insert("description".into(), r.clone().into());
        }
        if let Some(d) = &a.debut {
            o.insert("foundingDate".into(), d.clone().into());
        }
        if let Some(d) = &a.verifie_le {
            o.insert("dateModified".into(), d.clone().into());
        }
    }
    crate::json_ld_script(&v)
}

pub async fn fiche(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let stored = alliances_store::alliances::get(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let a = &stored.alliance;
    let filter = |facet: &str, code: &str| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        s.append_pair(facet, code);
        format!("{}?{}", ctx.href("/exemples"), s.finish())
    };
    let territories: Vec<(String, Option<String>)> = a
        .places()
        .map(|t| {
            let level = t.level();
            let name = level
                .and_then(|l| crate::places::territory_name(ready, l, &t.code))
                .unwrap_or_else(|| t.code.clone());
            (name, level.map(|l| ctx.href(l.page_path(&t.code))))
        })
        .collect();
    let fold = alliances_domain::text::fold;
    let libelle = a
        .territoire_libelle
        .clone()
        .filter(|l| !territories.iter().any(|(n, _)| fold(n) == fold(l)));
    let partners = a
        .partenaires
        .iter()
        .map(|p| PartnerRow {
            nom: p.nom.clone(),
            type_label: ctx.taxo("acteur", &p.type_acteur),
            role: p.role.clone(),
            apports: p.apports.clone(),
        })
        .collect();
    let modes = a
        .modes
        .iter()
        .map(|m| Tag {
            label: ctx.taxo("mode", &m.code),
            href: filter("mode", &m.code),
            editorial: m.origine == Origin::Editorial,
        })
        .collect();
    let mut goals: Vec<SdgBadge> = a
        .odd
        .objectifs
        .iter()
        .filter_map(|g| {
            let goal = ready.odd.goal(g.numero)?;
            Some(SdgBadge {
                number: g.numero,
                title: ctx.pick(&goal.short_fr, &goal.short_en).to_owned(),
                href: ctx.href(format!("/odd/{}", g.numero)),
                editorial: g.origine == Origin::Editorial,
            })
        })
        .collect();
    goals.sort_by_key(|g| g.number);
    let targets = a
        .odd
        .cibles
        .iter()
        .map(|c| Tag {
            label: c.code.clone(),
            href: ctx.href(format!("/odd/cibles/{}", c.code)),
            editorial: c.origine == Origin::Editorial,
        })
        .collect();
    let fragilities = a
        .fragilites
        .iter()
        .map(|f| Tag {
            label: facet_label(&state.catalog, ctx.lang, ready, "fragilite", f),
            href: filter("fragilite", f),
            editorial: false,
        })
        .collect();
    let domains = a
        .domaines
        .iter()
        .map(|d| Tag {
            label: ctx.taxo("domaine", d),
            href: filter("domaine", d),
            editorial: false,
        })
        .collect();
    let similar = ready
        .search
        .similar(&a.slug, 5)
        .map_err(|e| AppError::Internal(e.to_string()))?
        .into_iter()
        .filter(|s| !s.shared.is_empty())
        .map(|s| {
            Ok(SimilarView {
                reason: reason(&ctx, &state, ready, &s.shared),
                result: result_view(&ctx, &s.hit)?,
            })
        })
        .collect::<AppResult<_>>()?;
    let paragraphs = a
        .description
        .as_deref()
        .unwrap_or_default()
        .split("\n\n")
        .map(|p| p.trim().replace('\n', " "))
        .filter(|p| !p.is_empty())
        .collect();
    let page = FichePage {
        ctx: &ctx,
        a,
        paragraphs,
        libelle,
        territories,
        partners,
        modes,
        goals,
        targets,
        fragilities,
        domains,
        to_update: needs_update(a.verifie_le.as_deref(), &state.today()),
        similar,
        json_ld: json_ld(&ctx, ready, a),
        provenance: {
            let date =
                alliances_domain::alliance::civil_from_days(stored.modifie_le.div_euclid(86_400));
            let from = if stored.origine == alliances_store::seed::SEED_ORIGIN {
                ctx.t("exemples-provenance-amorce")
            } else {
                stored.origine.clone()
            };
            match &stored.importe_par {
                Some(who) => ctx
                    .state
                    .catalog
                    .get_with(
                        ctx.lang,
                        "exemples-provenance-par",
                        &[
                            ("origine", alliances_i18n::text(&from)),
                            ("par", alliances_i18n::text(who)),
                            ("date", alliances_i18n::text(&date)),
                        ],
                    )
                    .into_owned(),
                None => ctx
                    .state
                    .catalog
                    .get_with(
                        ctx.lang,
                        "exemples-provenance",
                        &[
                            ("origine", alliances_i18n::text(&from)),
                            ("date", alliances_i18n::text(&date)),
                        ],
                    )
                    .into_owned(),
            }
        },
    };
    Ok(crate::render(&page)?.into_response())
}

impl FichePage<'_> {
    fn status_label(&self) -> String {
        self.ctx.taxo("statut", &self.a.statut)
    }
}
