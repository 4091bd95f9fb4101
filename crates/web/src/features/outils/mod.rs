//! Outils: the tools that help build an alliance, searched and filtered by phase, audience,
//! type, maturity, access, language and publisher, and the cartography of phases × audiences
//! (or maturity levels). The pages ([`html`]) and the API ([`api`]) read their filters
//! through one parser ([`parse_request`]).

pub mod api;
pub mod html;

use alliances_domain::error::Invalid;
use alliances_domain::outil::{ACCESS, EVERYONE, Outil, TYPES};
use alliances_domain::taxonomy::{ACTOR_TYPES, LIFECYCLE_PHASES, MATURITY_LEVELS, Taxonomy};
use alliances_i18n::{Catalog, Lang};

use crate::collections::ToolIndex;
use crate::filters::{self, FacetValue, Request, Spec};
use crate::state::Ready;

/// The filters, each a query parameter (repeated: OR).
pub const FILTERS: [&str; 7] = [
    "phase", "public", "type", "maturite", "acces", "langue", "editeur",
];

/// A request's text, analysed once: each word of the query with its synonyms.
#[must_use]
pub fn query_words(q: &str) -> Vec<Vec<String>> {
    alliances_search::analyzer::tokens(q)
        .iter()
        .map(|t| alliances_search::analyzer::expand(t))
        .collect()
}

/// Whether a tool passes the text (`query`, from [`query_words`]) and every filter of a
/// request but `except`. Every word of the query (or one of its synonyms) must be among the
/// tool's analysed words: « cooperation » finds « coopération », « guides » « guide ».
#[must_use]
pub fn matches(
    query: &[Vec<String>],
    req: &Request,
    o: &Outil,
    index: &ToolIndex,
    except: Option<&str>,
) -> bool {
    query
        .iter()
        .all(|alternatives| alternatives.iter().any(|w| index.words.contains(w)))
        && req.passes(&|p| values_of(o, index, p), except)
}

/// The codes of a tool for a filter. A tool for every audience (`tous`) counts under each
/// actor type, and one with no stated maturity under each level: it fits them all.
#[must_use]
pub fn values_of(o: &Outil, index: &ToolIndex, param: &str) -> Vec<String> {
    let all = |t: Taxonomy| t.codes.iter().map(|c| (*c).to_owned()).collect();
    match param {
        "phase" => o.phases.clone(),
        "public" if o.publics.iter().any(|p| p == EVERYONE) => all(ACTOR_TYPES),
        "public" => o.publics.clone(),
        "type" => vec![o.genre.clone()],
        "maturite" if o.maturite.is_empty() => all(MATURITY_LEVELS),
        "maturite" => o.maturite.clone(),
        "acces" => o.acces.iter().cloned().collect(),
        "langue" => o.langues.clone(),
        "editeur" => index
            .editeurs
            .iter()
            .map(|(code, _)| code.clone())
            .collect(),
        _ => Vec::new(),
    }
}

fn valid(tools: &[(Outil, ToolIndex)], param: &str, code: &str) -> bool {
    match param {
        "phase" => LIFECYCLE_PHASES.contains(code),
        "public" => ACTOR_TYPES.contains(code),
        "type" => TYPES.contains(code),
        "maturite" => MATURITY_LEVELS.contains(code),
        "acces" => ACCESS.contains(code),
        // Values some tool has.
        "langue" => tools
            .iter()
            .any(|(o, _)| o.langues.iter().any(|l| l == code)),
        "editeur" => tools
            .iter()
            .any(|(_, i)| i.editeurs.iter().any(|(e, _)| e == code)),
        _ => false,
    }
}

/// What a filter accepts, for the API's error messages.
fn hint(param: &str) -> &'static str {
    match param {
        "phase" => {
            " ; valeurs possibles : comprendre, se-positionner, trouver-partenaires, construire, formaliser, piloter, evaluer, essaimer"
        }
        "public" => {
            " ; valeurs possibles : un code de type d'acteur (collectivite, entreprise, association…)"
        }
        "type" => {
            " ; valeurs possibles : guide, referentiel, kit, autodiagnostic, checklist, jeu, formation, mooc, plateforme, annuaire, observatoire, etude, fonds, reseau"
        }
        "maturite" => " ; valeurs possibles : decouvrir, experimenter, structurer, catalyser",
        "acces" => " ; valeurs possibles : gratuit, payant, sur-adhesion",
        "langue" => " ; valeurs possibles : un code de langue ISO 639 d'un outil (fr, en…)",
        "editeur" => {
            " ; valeurs possibles : le code d'un éditeur, tel que la facette « editeur » le donne (le-rameau, avise…)"
        }
        _ => "",
    }
}

/// Reads the query pairs; `strict` (the API) refuses unknown parameters and values.
pub fn parse_request(
    pairs: &[(String, String)],
    tools: &[(Outil, ToolIndex)],
    strict: bool,
) -> Result<Request, Invalid> {
    let spec = Spec {
        params: &FILTERS,
        valid: &|param, code| valid(tools, param, code),
        text: true,
        hint: &hint,
    };
    filters::parse(pairs, &spec, strict)
}

/// For each filter, its values with the number of tools each would give (the filter's own
/// selection not applied), in the taxonomy's order.
#[must_use]
pub fn facets(
    ready: &Ready,
    catalog: &Catalog,
    lang: Lang,
    tools: &[(Outil, ToolIndex)],
    req: &Request,
) -> Vec<(&'static str, Vec<FacetValue>)> {
    let query = query_words(&req.q);
    let mut facets = filters::count(
        tools,
        req,
        &FILTERS,
        &|(o, index), except| matches(&query, req, o, index, except),
        &|(o, index), param| values_of(o, index, param),
        &|param, code| match param {
            "editeur" => tools
                .iter()
                .flat_map(|(_, i)| &i.editeurs)
                .find(|(c, _)| c == code)
                .map(|(_, name)| name.clone())
                .unwrap_or_default(),
            _ => crate::labels::facet_label(catalog, lang, ready, param, code),
        },
    );
    for (param, values) in &mut facets {
        let order: Option<&[&str]> = match *param {
            "phase" => Some(LIFECYCLE_PHASES.codes),
            "public" => Some(ACTOR_TYPES.codes),
            "type" => Some(TYPES.codes),
            "maturite" => Some(MATURITY_LEVELS.codes),
            "acces" => Some(ACCESS.codes),
            _ => None,
        };
        match order {
            Some(codes) => values.sort_by_key(|v| codes.iter().position(|c| *c == v.code)),
            None => values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code))),
        }
    }
    facets
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error hints list every code of their taxonomy.
    #[test]
    fn hints_name_every_code() {
        for (param, t) in [
            ("phase", LIFECYCLE_PHASES),
            ("type", TYPES),
            ("maturite", MATURITY_LEVELS),
            ("acces", ACCESS),
        ] {
            let listed: Vec<&str> = hint(param)
                .rsplit(" : ")
                .next()
                .unwrap()
                .split(", ")
                .collect();
            assert_eq!(listed, t.codes, "{param}");
        }
    }
}
