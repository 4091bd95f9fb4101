//! The personal path: what a report proposes in each of the five modules, each item with
//! its reason kept as codes (`motifs`) so that each language says it at the edge.
//!
//! It is computed when a report is read, from the answers it keeps and the base of today
//! (a new alliance, tool or catalyseur enters the paths at once). Stated wishes lead:
//! the modes, partners, enjeux and resources of the answers weigh more than the maturity
//! rules in the ranking of alliances; the phase of the respondent's alliance picks the
//! tools; the weakest dimensions (and an obstacle named) the modules; the support wished
//! the catalyseurs; the territory and the actor type the key figures and the fiches
//! repères; partners already engaged bring the collective diagnostic.

use alliances_domain::catalyseur::Catalyseur;
use alliances_domain::diagnostic::{self, Answers, Maturity, Place, Places};
use alliances_domain::figure::KeyFigure;
use alliances_domain::parcours::Parcours;
use alliances_domain::questionnaire::{
    DIMENSION_FACET, NO_PROJECT, NONE, Questionnaire, TERRITORY_FACET,
};
use alliances_domain::taxonomy::{CATALYSE_METIERS, LIFECYCLE_PHASES};
use alliances_domain::territory::Level;

use super::{Cible, Motif, ReadyPlaces, Recommandation, canonical, level_code};
use crate::state::Ready;

/// Number of alliances on a personal path: up to 5, at least 3 when the base has them.
pub const PATH_ALLIANCES: usize = 5;
pub const PATH_MIN_ALLIANCES: usize = 3;
/// Key figures on a personal path, at most.
pub const PATH_FIGURES: usize = 3;
/// Catalyseurs on a personal path, at most.
pub const PATH_CATALYSEURS: usize = 3;

/// The order in which the themes of the key figures speak to a respondent.
const FIGURE_THEMES: [&str; 5] = [
    "regards",
    "co-construction",
    "pratiques",
    "modes",
    "entreprises",
];

fn motif(facette: &str, code: &str) -> Motif {
    Motif {
        facette: facette.to_owned(),
        code: code.to_owned(),
    }
}

fn item(kind: &str, id: &str, titre: &str, url: String, motifs: Vec<Motif>) -> Recommandation {
    Recommandation {
        kind: kind.to_owned(),
        cible: Cible {
            id: id.to_owned(),
            titre: titre.to_owned(),
            url,
        },
        raison: String::new(),
        motifs,
    }
}

/// The values answered to question `id`, when it applies.
fn values<'a>(def: &Questionnaire, answers: &'a Answers, id: Option<&String>) -> Vec<&'a str> {
    id.and_then(|id| {
        let q = def.question(id)?;
        if !diagnostic::applies(q, answers) {
            return None;
        }
        answers.get(id)
    })
    .map(|a| a.values().iter().map(String::as_str).collect())
    .unwrap_or_default()
}

/// The respondent's territory, when the territory question applies and names one.
#[must_use]
pub fn place_of(ready: &Ready, def: &Questionnaire, answers: &Answers) -> Option<Place> {
    values(def, answers, Some(&def.profil.territoire))
        .first()
        .and_then(|v| ReadyPlaces(ready).resolve(v))
}

/// The respondent's actor type (a code; empty in an incomplete draft).
#[must_use]
pub fn actor_of(def: &Questionnaire, answers: &Answers) -> String {
    values(def, answers, Some(&def.profil.type_acteur))
        .first()
        .map(|s| (*s).to_owned())
        .unwrap_or_default()
}

/// The path of checked answers, every kind of item with its motifs.
pub fn compute(
    ready: &Ready,
    parcours: &Parcours,
    def: &Questionnaire,
    answers: &Answers,
) -> Result<Vec<Recommandation>, alliances_search::SearchError> {
    let maturity = diagnostic::score(def, answers);
    let place = place_of(ready, def, answers);
    let actor = actor_of(def, answers);
    let mut path = alliances(ready, def, answers, &maturity, place.as_ref())?;
    path.extend(territories(ready, place.as_ref()));
    path.extend(figures(ready, &actor, place.as_ref()));
    path.extend(reperes(&actor, place.as_ref()));
    let declared = values(def, answers, def.souhaits.phase.as_ref())
        .first()
        .filter(|p| LIFECYCLE_PHASES.contains(p))
        .map(|p| (*p).to_owned());
    let level = level_code(maturity.globale);
    if let Some(phase) = declared {
        path.extend(super::path_tools::recommend(
            ready,
            &phase,
            super::path_tools::Why::Declared,
            &actor,
            level,
        ));
    } else if let Some((phase, dimension)) = super::path_tools::phase_of(def, &maturity.dimensions)
    {
        let why = match &dimension {
            Some(d) => super::path_tools::Why::Weakest(d),
            None => super::path_tools::Why::Top,
        };
        path.extend(super::path_tools::recommend(
            ready, &phase, why, &actor, level,
        ));
    }
    path.extend(catalyseurs(
        ready,
        place.as_ref(),
        &values(def, answers, def.souhaits.appuis.as_ref()),
    ));
    path.extend(super::path_modules::recommend(
        parcours,
        &maturity.dimensions,
        &obstacles(def, answers),
    ));
    path.extend(collective(def, answers));
    Ok(path)
}

/// The obstacles named, each with the dimension whose module helps with it.
fn obstacles(def: &Questionnaire, answers: &Answers) -> Vec<(String, String)> {
    let Some(q) = def
        .souhaits
        .obstacles
        .as_ref()
        .and_then(|id| def.question(id))
    else {
        return Vec::new();
    };
    values(def, answers, def.souhaits.obstacles.as_ref())
        .into_iter()
        .filter_map(|v| {
            let o = q.option(v)?;
            let (_, d) = o.correspond.iter().find(|(f, _)| f == DIMENSION_FACET)?;
            Some((v.to_owned(), d.clone()))
        })
        .collect()
}

/// The alliances most like the profile and its wishes (search ranking by shared facet
/// values); completed with the most recent ones, said as such, when too few share any.
fn alliances(
    ready: &Ready,
    def: &Questionnaire,
    answers: &Answers,
    maturity: &Maturity,
    place: Option<&Place>,
) -> Result<Vec<Recommandation>, alliances_search::SearchError> {
    let wanted = diagnostic::criteria(def, answers, maturity, place);
    let refs: Vec<(&str, String, f32)> = wanted
        .iter()
        .map(|(f, c, w)| (f.as_str(), c.clone(), *w))
        .collect();
    let mut out: Vec<Recommandation> = ready
        .search
        .rank_by_facets(&refs, &[], PATH_ALLIANCES)?
        .into_iter()
        .map(|s| {
            let motifs = s.shared.iter().map(|(f, c)| motif(f, c)).collect();
            item(
                "alliance",
                &s.hit.slug,
                &s.hit.nom,
                format!("/exemples/{}", s.hit.slug),
                motifs,
            )
        })
        .collect();
    if out.len() < PATH_MIN_ALLIANCES {
        let recent = ready.search.search(&alliances_search::Query {
            q: String::new(),
            filters: Vec::new(),
            sort: alliances_search::Sort::Date,
            offset: 0,
            limit: PATH_ALLIANCES,
            facets: false,
            snippets: false,
            places: alliances_search::Places::default(),
        })?;
        for hit in recent.hits {
            if out.len() >= PATH_MIN_ALLIANCES {
                break;
            }
            if !out.iter().any(|r| r.cible.id == hit.slug) {
                out.push(item(
                    "alliance",
                    &hit.slug,
                    &hit.nom,
                    format!("/exemples/{}", hit.slug),
                    Vec::new(),
                ));
            }
        }
    }
    Ok(out)
}

/// The territory's page and the département around a commune or an intercommunality; for
/// a respondent acting at a wide scale (no territory named), the territories' index.
fn territories(ready: &Ready, place: Option<&Place>) -> Vec<Recommandation> {
    let Some(p) = place else {
        return vec![item(
            "territoire",
            "france",
            "France",
            "/territoires".into(),
            vec![motif("raison", "sans-lieu")],
        )];
    };
    let mut out = vec![item(
        "territoire",
        &canonical(p.niveau, &p.code),
        &p.nom,
        format!("/territoires/{}/{}", p.niveau.segment(), p.code),
        vec![motif("raison", "territoire")],
    )];
    if matches!(p.niveau, Level::Commune | Level::Epci)
        && let Some((_, d)) = p.facettes.iter().find(|(f, _)| f == "departement")
        && let Some(t) = ready.small(Level::Departement, d)
    {
        out.push(item(
            "territoire",
            &canonical(Level::Departement, &t.code),
            &t.name,
            format!("/territoires/departements/{}", t.code),
            vec![motif("raison", "departement")],
        ));
    }
    out
}

/// Key figures: a fact measured in the respondent's région first, then national
/// measurements among their actor type (the most recent, the themes that speak most to a
/// newcomer first), then national measurements of any population; one per statement.
fn figures(ready: &Ready, actor: &str, place: Option<&Place>) -> Vec<Recommandation> {
    let collections = ready.collections.get();
    let obs = &collections.observatory;
    let region = place.and_then(|p| {
        if p.niveau == Level::Region {
            Some(p.code.clone())
        } else {
            p.facettes
                .iter()
                .find(|(f, _)| f == "region")
                .map(|(_, c)| c.clone())
        }
    });
    let usable = |f: &&KeyFigure| f.is_measurement() && !f.non_corrobore;
    let by_recency = |list: &mut Vec<&KeyFigure>| {
        list.sort_by_key(|f| {
            (
                std::cmp::Reverse(f.annee.unwrap_or(0)),
                f.theme
                    .as_deref()
                    .and_then(|t| FIGURE_THEMES.iter().position(|x| *x == t))
                    .unwrap_or(FIGURE_THEMES.len()),
            )
        });
    };
    let mut chosen: Vec<(&KeyFigure, Motif)> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if let Some(r) = &region {
        let mut regional: Vec<&KeyFigure> = obs
            .figures
            .iter()
            .filter(usable)
            .filter(|f| f.region.as_deref() == Some(r.as_str()))
            .collect();
        by_recency(&mut regional);
        take(
            &mut chosen,
            &mut seen,
            regional,
            &|f| motif("region", f.region.as_deref().unwrap_or_default()),
            1,
        );
    }
    let national = |f: &&KeyFigure| usable(f) && f.valeur.is_some() && f.region.is_none();
    let mut own: Vec<&KeyFigure> = obs
        .figures_for_actor(ready.populations, actor)
        .filter(national)
        .collect();
    by_recency(&mut own);
    let population =
        |f: &KeyFigure| motif("population", f.population.as_deref().unwrap_or_default());
    take(&mut chosen, &mut seen, own, &population, PATH_FIGURES);
    // Figures measured among other populations: one per study, each said with the
    // population it was measured among.
    let mut any: Vec<&KeyFigure> = obs.figures.iter().filter(national).collect();
    by_recency(&mut any);
    let mut studies: Vec<Option<&str>> = chosen.iter().map(|(f, _)| f.etude.as_deref()).collect();
    any.retain(|f| {
        let study = f.etude.as_deref();
        if study.is_some() && studies.contains(&study) {
            false
        } else {
            studies.push(study);
            true
        }
    });
    take(
        &mut chosen,
        &mut seen,
        any,
        &|f| match &f.population {
            Some(p) => motif("population", p),
            None => motif("raison", "general"),
        },
        PATH_FIGURES,
    );
    chosen
        .into_iter()
        .map(|(f, m)| {
            item(
                "chiffre",
                &f.id,
                &f.libelle,
                format!("/donnees/chiffres/{}", f.id),
                vec![m],
            )
        })
        .collect()
}

/// Adds up to `max` figures of `list` whose statement is not yet chosen, each with its
/// motif, while the path has room.
fn take<'a>(
    chosen: &mut Vec<(&'a KeyFigure, Motif)>,
    seen: &mut Vec<String>,
    list: Vec<&'a KeyFigure>,
    why: &dyn Fn(&KeyFigure) -> Motif,
    max: usize,
) {
    let mut n = 0;
    for f in list {
        let key = f.statement_key();
        if chosen.len() >= PATH_FIGURES || n >= max || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        chosen.push((f, why(f)));
        n += 1;
    }
}

/// The printable fiches repères of the respondent's actor type and territory.
fn reperes(actor: &str, place: Option<&Place>) -> Vec<Recommandation> {
    let mut out = Vec::new();
    if alliances_domain::taxonomy::ACTOR_TYPES.contains(actor) {
        out.push(item(
            "repere",
            &format!("acteurs/{actor}"),
            "",
            format!("/reperes/acteurs/{actor}"),
            vec![motif("type_acteur", actor)],
        ));
    }
    if let Some(p) = place {
        out.push(item(
            "repere",
            &format!("territoires/{}/{}", p.niveau.segment(), p.code),
            &p.nom,
            format!("/reperes/territoires/{}/{}", p.niveau.segment(), p.code),
            vec![motif(TERRITORY_FACET, &canonical(p.niveau, &p.code))],
        ));
    }
    out
}

/// How many of the wished métiers a catalyseur practises.
fn matching(c: &Catalyseur, wished: &[&str]) -> Vec<String> {
    c.metiers
        .iter()
        .filter(|m| wished.contains(&m.as_str()))
        .cloned()
        .collect()
}

/// Catalyseurs: in the respondent's territory, around it, then elsewhere in their région;
/// for a respondent without territory, the national ones. The support wished leads: those
/// practising the métiers asked for come first (the nearest first among equals).
fn catalyseurs(ready: &Ready, place: Option<&Place>, appuis: &[&str]) -> Vec<Recommandation> {
    let collections = ready.collections.get();
    let wished: Vec<&str> = appuis
        .iter()
        .copied()
        .filter(|a| *a != NONE && CATALYSE_METIERS.contains(a))
        .collect();
    let mut near: Vec<(&Catalyseur, &str)> = Vec::new();
    if let Some(p) = place {
        let (inside, covering) = collections.catalyseurs_of(ready, p.niveau, &p.code);
        near.extend(inside.into_iter().map(|c| (c, "ici")));
        near.extend(covering.into_iter().map(|c| (c, "autour")));
        let region = crate::places::with_parents(ready, p.niveau, &p.code)
            .into_iter()
            .find(|(l, _)| *l == Level::Region);
        if let Some((_, r)) = region {
            for c in collections.catalyseurs_of(ready, Level::Region, &r).0 {
                if !near.iter().any(|(x, _)| x.slug == c.slug) {
                    near.push((c, "region"));
                }
            }
        }
    }
    for c in collections.catalyseurs.iter().filter(|c| c.is_national()) {
        if !near.iter().any(|(x, _)| x.slug == c.slug) {
            near.push((c, "national"));
        }
    }
    // Stable: the nearest first among catalyseurs practising as many wished métiers.
    near.sort_by_key(|(c, _)| std::cmp::Reverse(matching(c, &wished).len()));
    near.into_iter()
        .take(PATH_CATALYSEURS)
        .map(|(c, where_)| {
            let mut motifs = vec![motif("raison", where_)];
            motifs.extend(matching(c, &wished).iter().map(|m| motif("metier", m)));
            item(
                "catalyseur",
                &c.slug,
                &c.nom,
                format!("/catalyseurs/{}", c.slug),
                motifs,
            )
        })
        .collect()
}

/// The collective diagnostic, for a respondent who names partners already engaged or an
/// alliance under way: comparing levels is where a partnership starts talking.
fn collective(def: &Questionnaire, answers: &Answers) -> Vec<Recommandation> {
    let phase = values(def, answers, def.souhaits.phase.as_ref());
    let under_way = phase.first().is_some_and(|p| *p != NO_PROJECT);
    if def.souhaits.phase.is_none() || !under_way {
        return Vec::new();
    }
    vec![item(
        "methode",
        "diagnostic-collectif",
        "",
        "/methodes#collectif-titre".into(),
        vec![motif("phase", phase[0])],
    )]
}
