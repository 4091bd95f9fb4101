//! The modules of a personal path: 2 or 3 modules of the learning path « Alliances et
//! Territoires » for the respondent's weakest dimensions and an obstacle they named, each
//! with its reason (the dimension and its level, the obstacle), kept as codes so that each
//! language says it.

use alliances_domain::parcours::{Module, Parcours};
use alliances_i18n::{Catalog, Lang};

use super::{Cible, Motif, Recommandation};

/// Modules on a personal path, at most (at least 2 when the path has them).
pub const PATH_MODULES: usize = 3;

/// Picks modules for the weakest dimensions first: for each dimension from the lowest level
/// (questionnaire order among equals), the modules that strengthen it — those naming it
/// first before those naming it among others, then the path's order — until 3 are chosen,
/// at most 2 for one dimension while another is as weak. An obstacle the respondent named
/// (with the dimension whose module helps with it) takes the last place when its module is
/// not already chosen.
#[must_use]
pub fn recommend(
    parcours: &Parcours,
    dimensions: &[(String, u8)],
    obstacles: &[(String, String)],
) -> Vec<Recommandation> {
    let level_of = |d: &str| {
        dimensions
            .iter()
            .find(|(x, _)| x == d)
            .map_or(1, |(_, l)| *l)
    };
    let fitting = |dimension: &str, chosen: &[Chosen<'_>]| -> Vec<&Module> {
        let mut list: Vec<(usize, usize, &Module)> = parcours
            .modules
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let rank = m.dimensions.iter().position(|d| d == dimension)?;
                Some((rank, i, m))
            })
            .filter(|(_, _, m)| !chosen.iter().any(|c| c.module.slug == m.slug))
            .collect();
        list.sort_by_key(|(rank, i, _)| (*rank, *i));
        list.into_iter().map(|(_, _, m)| m).collect()
    };
    let obstacle = obstacles.iter().find_map(|(o, d)| {
        fitting(d, &[]).first().map(|m| Chosen {
            module: m,
            dimension: d.clone(),
            level: level_of(d),
            obstacle: Some(o.clone()),
        })
    });
    let room = PATH_MODULES - usize::from(obstacle.is_some());
    let mut order: Vec<(usize, &(String, u8))> = dimensions.iter().enumerate().collect();
    order.sort_by_key(|(i, (_, level))| (*level, *i));
    let mut chosen: Vec<Chosen<'_>> = Vec::new();
    let lowest = order.first().map(|(_, (_, l))| *l);
    let several_weakest = order
        .iter()
        .filter(|(_, (_, l))| Some(*l) == lowest)
        .count()
        > 1;
    for (_, (dimension, level)) in &order {
        let per_dimension = if several_weakest && Some(*level) == lowest {
            1
        } else {
            2
        };
        for m in fitting(dimension, &chosen).into_iter().take(per_dimension) {
            if chosen.len() < room {
                chosen.push(Chosen {
                    module: m,
                    dimension: dimension.clone(),
                    level: *level,
                    obstacle: None,
                });
            }
        }
        if chosen.len() >= room {
            break;
        }
    }
    if let Some(o) = obstacle {
        match chosen.iter_mut().find(|c| c.module.slug == o.module.slug) {
            Some(c) => c.obstacle = o.obstacle,
            None => chosen.push(o),
        }
    }
    chosen
        .into_iter()
        .map(|c| {
            let mut motifs = vec![
                Motif {
                    facette: "dimension".into(),
                    code: c.dimension.clone(),
                },
                Motif {
                    facette: "niveau".into(),
                    code: c.level.to_string(),
                },
            ];
            if let Some(o) = c.obstacle {
                motifs.push(Motif {
                    facette: "obstacle".into(),
                    code: o,
                });
            }
            Recommandation {
                kind: "module".into(),
                cible: Cible {
                    id: c.module.slug.clone(),
                    titre: c.module.titre.get("fr").to_owned(),
                    url: format!("/competences/modules/{}", c.module.slug),
                },
                raison: String::new(),
                motifs,
            }
        })
        .collect()
}

/// A module on the path and why.
struct Chosen<'a> {
    module: &'a Module,
    dimension: String,
    level: u8,
    obstacle: Option<String>,
}

/// Why a module is on the path, in `lang`: the obstacle it helps with (its label in that
/// language), else the dimension it strengthens (its title in that language, from the
/// questionnaire) and the respondent's level there.
#[must_use]
pub fn reason(
    catalog: &Catalog,
    lang: Lang,
    dimension: Option<&str>,
    obstacle: Option<&str>,
    motifs: &[Motif],
) -> String {
    if let Some(o) = obstacle {
        return catalog
            .get_with(
                lang,
                "methodes-raison-module-obstacle",
                &[("obstacle", alliances_i18n::text(o))],
            )
            .into_owned();
    }
    let level = motifs
        .iter()
        .find(|m| m.facette == "niveau")
        .and_then(|m| m.code.parse::<i64>().ok())
        .unwrap_or(1);
    let key = if level >= 4 {
        "methodes-raison-module-sommet"
    } else {
        "methodes-raison-module"
    };
    catalog
        .get_with(
            lang,
            key,
            &[
                (
                    "dimension",
                    alliances_i18n::text(dimension.unwrap_or_default()),
                ),
                ("niveau", alliances_i18n::num(level)),
            ],
        )
        .into_owned()
}
