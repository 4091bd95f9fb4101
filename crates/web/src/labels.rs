//! Labels of codes in the reader's language: facet values of the search (taxonomies,
//! territories, SDGs, fragilities).

use alliances_domain::territory::Level;
use alliances_i18n::{Catalog, Lang};

use crate::state::Ready;

/// The label of a facet value, in the reader's language.
#[must_use]
pub fn facet_label(
    catalog: &Catalog,
    lang: Lang,
    ready: &Ready,
    facet: &str,
    code: &str,
) -> String {
    let t = |key: String| catalog.get(lang, &key).into_owned();
    match facet {
        "type_acteur" => t(format!("taxo-acteur-{code}")),
        "domaine" => t(format!("taxo-domaine-{code}")),
        "niveau_territorial" | "niveau" => t(format!("taxo-niveau-{code}")),
        "theme" => t(format!("taxo-theme-{code}")),
        "programme" => t(format!("taxo-programme-{code}")),
        "genre" => t(format!("taxo-genre-{code}")),
        "metier" => t(format!("taxo-metier-{code}")),
        "population" => {
            crate::collections::population_label(ready.populations, code, lang == Lang::En)
        }
        "mode" => t(format!("taxo-mode-{code}")),
        "impact" => t(format!("taxo-impact-{code}")),
        "statut" => t(format!("taxo-statut-{code}")),
        "phase" => t(format!("taxo-phase-{code}")),
        "public" => t(format!("taxo-acteur-{code}")),
        "type" => t(format!("taxo-type-outil-{code}")),
        "maturite" => t(format!("taxo-maturite-{code}")),
        "acces" => t(format!("taxo-acces-{code}")),
        // A language the catalogues do not name yet shows its ISO code.
        "langue" if catalog.has(lang, &format!("langue-{code}")) => t(format!("langue-{code}")),
        "langue" => code.to_owned(),
        "region" | "departement" | "epci" | "commune" | "com" => {
            let level = match facet {
                "region" => Level::Region,
                "departement" => Level::Departement,
                "epci" => Level::Epci,
                "com" => Level::CollectiviteOutreMer,
                _ => Level::Commune,
            };
            let name = crate::places::territory_name(ready, level, code).unwrap_or_default();
            if facet == "departement" {
                format!("{name} ({code})")
            } else {
                name
            }
        }
        "odd" => code
            .parse::<u8>()
            .ok()
            .and_then(|n| ready.odd.goal(n))
            .map_or_else(
                || code.to_owned(),
                |g| {
                    let short = match lang {
                        Lang::Fr => &g.short_fr,
                        Lang::En => &g.short_en,
                    };
                    format!("{} {} — {short}", t("exemples-odd-abrege".into()), g.number)
                },
            ),
        "cible" => code.to_owned(),
        "fragilite" => ready.fragilities.get(code).map_or_else(
            || code.replace('-', " "),
            |(fr, en)| match lang {
                Lang::Fr => fr.clone(),
                Lang::En => en.clone(),
            },
        ),
        _ => code.to_owned(),
    }
}
