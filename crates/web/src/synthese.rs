//! The synthesis of a territory: what the platform knows about it — its alliances (and
//! those of the territories inside it) counted by domain, mode and actor type, the SDGs
//! they serve (stated and editorial apart), the région's perceived fragilities, the lieux
//! d'accompagnement and the catalyseurs. Shared by the territory pages, their API, the
//! fiches repères and the diagnostic's personal path.

use std::sync::Arc;

use alliances_domain::catalyseur::Catalyseur;
use alliances_domain::figure::KeyFigure;
use alliances_domain::lieu::Lieu;
use alliances_domain::territory::{Level, Territory};
use alliances_search::{Query, Sort};

use crate::collections::Collections;
use crate::error::{AppError, AppResult};
use crate::places::facet_of;
use crate::state::Ready;

/// Counts of one facet: `(code, count)` by decreasing count.
pub type Counts = Vec<(String, u64)>;

/// One SDG with the number of alliances serving it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SdgCount {
    pub numero: u8,
    /// Alliances for which a source states the goal.
    pub declares: u64,
    /// Alliances that serve it by our classification only.
    pub editoriaux: u64,
}

impl SdgCount {
    #[must_use]
    pub fn total(&self) -> u64 {
        self.declares + self.editoriaux
    }
}

/// Everything a territory's synthesis shows.
pub struct Synthese {
    pub territory: Territory,
    /// The région whose regional facts apply (the territory itself for a région).
    pub region: Option<Territory>,
    pub alliances: u64,
    pub par_domaine: Counts,
    pub par_mode: Counts,
    pub par_type_acteur: Counts,
    /// The 17 goals, in order.
    pub odd: Vec<SdgCount>,
    /// The regional facts of the région (perceived fragilities, figures, counts).
    collections: Arc<Collections>,
    regional: Vec<usize>,
    /// The lieux listed by name (none for a région: see `lieux_par_departement`).
    pub lieux: Vec<Lieu>,
    pub lieux_total: usize,
    /// For a région: each département with its number of lieux.
    pub lieux_par_departement: Vec<(Territory, usize)>,
    /// Catalyseurs placed in the territory or inside it.
    inside: Vec<usize>,
    /// Catalyseurs whose territory contains this one.
    covering: Vec<usize>,
    pub nationaux: usize,
}

/// At most this many lieux are listed by name (the others are counted).
pub const LIEUX_LISTED: usize = 200;

impl Synthese {
    /// The regional facts of the territory's région, in id order.
    pub fn regional(&self) -> impl Iterator<Item = &KeyFigure> {
        self.regional
            .iter()
            .map(|i| &self.collections.observatory.figures[*i])
    }

    /// The perceived fragilities of the région, by rank (unranked last).
    #[must_use]
    pub fn fragilities(&self) -> Vec<&KeyFigure> {
        let mut v: Vec<&KeyFigure> = self
            .regional()
            .filter(|f| f.nature == "fragilite-percue")
            .collect();
        v.sort_by_key(|f| (f.rang.unwrap_or(u8::MAX), f.id.clone()));
        v
    }

    /// The région's other facts (figures and counts).
    #[must_use]
    pub fn other_regional(&self) -> Vec<&KeyFigure> {
        self.regional()
            .filter(|f| f.nature != "fragilite-percue")
            .collect()
    }

    pub fn catalyseurs_inside(&self) -> impl Iterator<Item = &Catalyseur> {
        self.inside
            .iter()
            .map(|i| &self.collections.catalyseurs[*i])
    }

    pub fn catalyseurs_covering(&self) -> impl Iterator<Item = &Catalyseur> {
        self.covering
            .iter()
            .map(|i| &self.collections.catalyseurs[*i])
    }

    /// Catalyseurs active in the territory (inside it or covering it), national ones apart.
    #[must_use]
    pub fn catalyseurs_total(&self) -> usize {
        self.inside.len() + self.covering.len()
    }

    /// The largest SDG count, for scaling the grid.
    #[must_use]
    pub fn odd_max(&self) -> u64 {
        self.odd.iter().map(SdgCount::total).max().unwrap_or(0)
    }
}

/// The number of alliances passing `filters`, with every facet's counts (no hits read).
pub fn alliance_counts(
    ready: &Ready,
    filters: Vec<(String, Vec<String>)>,
) -> AppResult<alliances_search::Results> {
    ready
        .search
        .search(&Query {
            q: String::new(),
            filters,
            sort: Sort::Name,
            offset: 0,
            limit: 1,
            facets: true,
            snippets: false,
            places: alliances_search::Places::default(),
        })
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// The counts of one facet of a search.
#[must_use]
pub fn counts(results: &alliances_search::Results, facet: &str) -> Counts {
    results
        .facets
        .iter()
        .find(|(f, _)| *f == facet)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// The synthesis of a territory known to be `territory` (its level and code).
pub fn of(ready: &Ready, territory: Territory) -> AppResult<Synthese> {
    let level = territory.level;
    let code = territory.code.clone();
    let results = alliance_counts(
        ready,
        vec![(facet_of(level).to_owned(), vec![code.clone()])],
    )?;
    let all_goals = counts(&results, "odd");
    let stated = counts(&results, "odd_declare");
    let count_of = |v: &Counts, n: u8| {
        v.iter()
            .find(|(c, _)| c.parse::<u8>().ok() == Some(n))
            .map_or(0, |(_, k)| *k)
    };
    let odd = (1..=17u8)
        .map(|n| {
            let total = count_of(&all_goals, n);
            let declares = count_of(&stated, n).min(total);
            SdgCount {
                numero: n,
                declares,
                editoriaux: total - declares,
            }
        })
        .collect();
    let region_code = match level {
        Level::Region => Some(code.clone()),
        Level::Departement | Level::Commune => territory.region.clone(),
        Level::Epci => ready
            .directory
            .epci_departements
            .get(&code)
            .and_then(|d| d.first())
            .and_then(|d| ready.small(Level::Departement, d))
            .and_then(|d| d.region.clone()),
        Level::CollectiviteOutreMer => None,
    };
    let region = region_code
        .as_deref()
        .and_then(|r| ready.small(Level::Region, r))
        .cloned();
    let collections = ready.collections.get();
    let regional = match &region_code {
        Some(r) => collections
            .observatory
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| f.region.as_deref() == Some(r.as_str()))
            .map(|(i, _)| i)
            .collect(),
        None => Vec::new(),
    };
    let (inside, covering) = collections.catalyseur_indices_of(ready, level, &code);
    let nationaux = collections.national().count();
    let all_lieux = ready.lieux.of(level, &code);
    let lieux_total = all_lieux.len();
    let mut lieux: Vec<Lieu> = all_lieux.into_iter().cloned().collect();
    lieux.sort_by(|a, b| {
        a.commune_nom
            .cmp(&b.commune_nom)
            .then_with(|| a.nom.cmp(&b.nom))
    });
    let mut lieux_par_departement = Vec::new();
    if level == Level::Region {
        lieux.clear();
        for d in ready
            .departements
            .iter()
            .filter(|d| d.region.as_deref() == Some(code.as_str()))
        {
            lieux_par_departement.push((d.clone(), ready.lieux.count(Level::Departement, &d.code)));
        }
    }
    lieux.truncate(LIEUX_LISTED);
    Ok(Synthese {
        alliances: results.total as u64,
        par_domaine: counts(&results, "domaine"),
        par_mode: counts(&results, "mode"),
        par_type_acteur: counts(&results, "type_acteur"),
        odd,
        region,
        regional,
        lieux,
        lieux_total,
        lieux_par_departement,
        inside,
        covering,
        nationaux,
        collections,
        territory,
    })
}

/// One row of a counted facet, ready to show: label, number, bar, link to the alliances.
pub struct CountRow {
    pub label: String,
    pub count: u64,
    pub bar: String,
    pub href: String,
}

/// One cell of the 17-goal grid.
pub struct SdgCell {
    pub numero: u8,
    pub title: String,
    pub swatch: String,
    pub declares: u64,
    pub editoriaux: u64,
    pub total: u64,
    pub href: String,
}

/// A catalyseur as a synthesis lists it.
pub struct CatalyseurLine {
    pub nom: String,
    pub href: String,
    pub genre: String,
    pub territoire: Option<String>,
}

/// The synthesis ready for the templates (territory pages and fiches repères).
pub struct View {
    pub alliances: u64,
    pub alliances_href: String,
    /// The alliances counted by domain, by relational mode and by actor type: (title, rows).
    pub tables: Vec<(String, Vec<CountRow>)>,
    pub odd: Vec<SdgCell>,
    pub fragilites: Vec<crate::figures::FigureView>,
    pub autres_regionaux: Vec<crate::figures::FigureView>,
    pub region_nom: Option<String>,
    pub lieux: Vec<Lieu>,
    pub lieux_total: usize,
    pub lieux_par_departement: Vec<(String, String, usize)>,
    pub catalyseurs_dans: Vec<CatalyseurLine>,
    pub catalyseurs_autour: Vec<CatalyseurLine>,
    pub catalyseurs_total: usize,
    pub nationaux: usize,
    /// The fiche repère of this territory.
    pub repere_href: String,
    pub api_href: String,
}

impl View {
    #[must_use]
    pub fn new(ctx: &crate::ctx::Ctx, ready: &Ready, s: &Synthese) -> View {
        let t = &s.territory;
        let facet = facet_of(t.level);
        let filter = |extra: Option<(&str, &str)>| {
            let mut qs = form_urlencoded::Serializer::new(String::new());
            qs.append_pair(facet, &t.code);
            if let Some((k, v)) = extra {
                qs.append_pair(k, v);
            }
            format!("{}?{}", ctx.href("/exemples"), qs.finish())
        };
        let rows = |counts: &Counts, param: &str, taxonomy: &str| -> Vec<CountRow> {
            let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64;
            counts
                .iter()
                .map(|(code, n)| CountRow {
                    label: ctx.taxo(taxonomy, code),
                    count: *n,
                    bar: alliances_viz::chart::inline_bar(*n as f64, max),
                    href: filter(Some((param, code))),
                })
                .collect()
        };
        let odd = s
            .odd
            .iter()
            .map(|c| {
                let goal = ready.odd.goal(c.numero);
                SdgCell {
                    numero: c.numero,
                    title: goal.map_or_else(String::new, |g| {
                        ctx.pick(&g.short_fr, &g.short_en).to_owned()
                    }),
                    swatch: alliances_viz::chart::swatch(
                        goal.map_or("#777777", |g| g.color.as_str()),
                    ),
                    declares: c.declares,
                    editoriaux: c.editoriaux,
                    total: c.total(),
                    href: filter(Some(("odd", &c.numero.to_string()))),
                }
            })
            .collect();
        let obs = &s.collections.observatory;
        let line = |c: &Catalyseur| CatalyseurLine {
            nom: c.nom.clone(),
            href: ctx.href(format!("/catalyseurs/{}", c.slug)),
            genre: ctx.taxo("genre", &c.genre),
            territoire: c.territoire_libelle.clone(),
        };
        View {
            alliances: s.alliances,
            alliances_href: filter(None),
            tables: vec![
                (
                    ctx.t("synth-par-domaine"),
                    rows(&s.par_domaine, "domaine", "domaine"),
                ),
                (ctx.t("synth-par-mode"), rows(&s.par_mode, "mode", "mode")),
                (
                    ctx.t("synth-par-acteur"),
                    rows(&s.par_type_acteur, "type_acteur", "acteur"),
                ),
            ],
            odd,
            fragilites: s
                .fragilities()
                .into_iter()
                .map(|f| crate::figures::view(ctx, ready, obs, f))
                .collect(),
            autres_regionaux: s
                .other_regional()
                .into_iter()
                .map(|f| crate::figures::view(ctx, ready, obs, f))
                .collect(),
            region_nom: s.region.as_ref().map(|r| r.name.clone()),
            lieux: s.lieux.clone(),
            lieux_total: s.lieux_total,
            lieux_par_departement: s
                .lieux_par_departement
                .iter()
                .map(|(d, n)| (d.name.clone(), ctx.href(d.page_path()), *n))
                .collect(),
            catalyseurs_dans: s.catalyseurs_inside().map(line).collect(),
            catalyseurs_autour: s.catalyseurs_covering().map(line).collect(),
            catalyseurs_total: s.catalyseurs_total(),
            nationaux: s.nationaux,
            repere_href: ctx.href(format!(
                "/reperes/territoires/{}/{}",
                t.level.segment(),
                t.code
            )),
            api_href: format!(
                "/api/v1/territoires/{}/{}/synthese",
                t.level.segment(),
                t.code
            ),
        }
    }

    /// Whether the synthesis has any SDG to show.
    #[must_use]
    pub fn has_odd(&self) -> bool {
        self.odd.iter().any(|c| c.total > 0)
    }
}
