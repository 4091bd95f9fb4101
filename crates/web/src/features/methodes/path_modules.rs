//! The modules of a personal path: 2 or 3 modules of the learning path « Alliances et
//! Territoires » for the respondent's weakest dimensions, each with its reason (the
//! dimension and its level), kept as codes so that each language says it.

use alliances_domain::parcours::Parcours;
use alliances_domain::questionnaire::Questionnaire;
use alliances_i18n::{Catalog, Lang};

use super::{Cible, Motif, Recommandation};

/// Modules on a personal path, at most (at least 2 when the path has them).
pub const PATH_MODULES: usize = 3;

/// Picks modules for the weakest dimensions first: for each dimension from the lowest level
/// (questionnaire order among equals), the modules that strengthen it — those naming it
/// first before those naming it among others, then the path's order — until 3 are chosen,
/// at most 2 for one dimension while another is as weak.
#[must_use]
pub fn recommend(
    parcours: &Parcours,
    catalog: &Catalog,
    def: &Questionnaire,
    dimensions: &[(String, u8)],
) -> Vec<Recommandation> {
    let mut order: Vec<(usize, &(String, u8))> = dimensions.iter().enumerate().collect();
    order.sort_by_key(|(i, (_, level))| (*level, *i));
    let mut chosen: Vec<(&alliances_domain::parcours::Module, &str, u8)> = Vec::new();
    let lowest = order.first().map(|(_, (_, l))| *l);
    let several_weakest = order
        .iter()
        .filter(|(_, (_, l))| Some(*l) == lowest)
        .count()
        > 1;
    for (_, (dimension, level)) in &order {
        let mut fitting: Vec<(usize, usize, &alliances_domain::parcours::Module)> = parcours
            .modules
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let rank = m.dimensions.iter().position(|d| d == dimension)?;
                Some((rank, i, m))
            })
            .filter(|(_, _, m)| !chosen.iter().any(|(c, _, _)| c.slug == m.slug))
            .collect();
        fitting.sort_by_key(|(rank, i, _)| (*rank, *i));
        let per_dimension = if several_weakest && Some(*level) == lowest {
            1
        } else {
            2
        };
        for (_, _, m) in fitting.into_iter().take(per_dimension) {
            if chosen.len() < PATH_MODULES {
                chosen.push((m, dimension.as_str(), *level));
            }
        }
        if chosen.len() >= PATH_MODULES {
            break;
        }
    }
    chosen
        .into_iter()
        .map(|(m, dimension, level)| {
            let motifs = vec![
                Motif {
                    facette: "dimension".into(),
                    code: dimension.to_owned(),
                },
                Motif {
                    facette: "niveau".into(),
                    code: level.to_string(),
                },
            ];
            let title = def.dimension(dimension).map(|d| d.titre.get("fr"));
            Recommandation {
                kind: "module".into(),
                cible: Cible {
                    id: m.slug.clone(),
                    titre: m.titre.get("fr").to_owned(),
                    url: format!("/competences/modules/{}", m.slug),
                },
                raison: reason(catalog, Lang::Fr, title, &motifs),
                motifs,
            }
        })
        .collect()
}

/// Why a module is on the path, in `lang`: the dimension it strengthens (its title in that
/// language, from the questionnaire) and the respondent's level there.
#[must_use]
pub fn reason(catalog: &Catalog, lang: Lang, dimension: Option<&str>, motifs: &[Motif]) -> String {
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
