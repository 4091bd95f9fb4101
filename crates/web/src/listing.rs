//! Alliances as lines of a list: the card stored in the search index with each alliance,
//! its rendering, and the short listings that territory, target and repère pages show.

use alliances_domain::alliance::Alliance;
use alliances_search::{Query, Sort};
use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::Ready;

/// What a result line shows, stored in the index with each alliance.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Card {
    /// The territory as the source names it, or the names of its territories.
    pub territoire: Option<String>,
    pub debut: Option<String>,
    pub niveau: Option<String>,
    pub types_acteur: Vec<String>,
    pub domaines: Vec<String>,
    pub odd: Vec<u8>,
    pub partenaires: usize,
    /// The status when the facts give one (`termine`): a reader must not take an ended
    /// alliance for a running one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statut: Option<String>,
}

impl Card {
    /// The card the index keeps for a hit; one that does not read back is an error (the
    /// index is then rebuilt from the database), never an empty card.
    pub fn read(hit: &alliances_search::Hit) -> crate::error::AppResult<Card> {
        serde_json::from_str(&hit.carte).map_err(|e| {
            crate::error::AppError::Internal(format!(
                "index de recherche : fiche « {} » illisible : {e}",
                hit.slug
            ))
        })
    }

    #[must_use]
    pub fn of(ready: &Ready, a: &Alliance) -> Card {
        let territoire = a.territoire_libelle.clone().or_else(|| {
            let names: Vec<String> = a
                .places()
                .filter_map(|t| crate::places::territory_name(ready, t.level()?, &t.code))
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        });
        let mut odd: Vec<u8> = a.odd.objectifs.iter().map(|g| g.numero).collect();
        odd.sort_unstable();
        odd.dedup();
        Card {
            territoire,
            debut: a.debut.clone(),
            niveau: a.niveau_territorial.clone(),
            types_acteur: a.actor_types().into_iter().map(str::to_owned).collect(),
            domaines: a.domaines.clone(),
            odd,
            partenaires: a.partenaires.len(),
            statut: (a.statut != "inconnu").then(|| a.statut.clone()),
        }
    }
}

/// One line of a list of alliances.
pub struct ResultView {
    pub href: String,
    pub nom: String,
    pub resume: String,
    /// Escaped HTML with `<mark>`, from the index.
    pub extrait: Option<String>,
    pub meta: Vec<String>,
    pub tags: Vec<String>,
}

/// One line of the results.
pub fn result_view(ctx: &Ctx, hit: &alliances_search::Hit) -> crate::error::AppResult<ResultView> {
    let card = Card::read(hit)?;
    let mut meta = Vec::new();
    if let Some(t) = &card.territoire {
        meta.push(t.clone());
    }
    if let Some(d) = &card.debut {
        meta.push(ctx.ta("exemples-depuis", "date", d));
    }
    meta.push(ctx.tn("exemples-nb-partenaires", card.partenaires as i64));
    if let Some(s) = &card.statut {
        meta.push(ctx.taxo("statut", s));
    }
    let mut tags: Vec<String> = card
        .domaines
        .iter()
        .map(|d| ctx.taxo("domaine", d))
        .collect();
    tags.extend(card.types_acteur.iter().map(|t| ctx.taxo("acteur", t)));
    Ok(ResultView {
        href: ctx.href(format!("/exemples/{}", hit.slug)),
        nom: hit.nom.clone(),
        resume: hit.resume.clone(),
        extrait: hit.extrait.clone(),
        meta,
        tags,
    })
}

/// The first alliances matching some filters, by name, and the link to all of them.
pub struct Listing {
    pub total: usize,
    pub results: Vec<ResultView>,
    pub all_href: String,
}

/// The alliances where `facet` is one of `codes` (OR), by name, `limit` at most.
pub fn listing(
    ctx: &Ctx,
    ready: &Ready,
    filters: &[(&str, &str)],
    limit: usize,
) -> AppResult<Listing> {
    let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
    for (facet, code) in filters {
        match grouped.iter_mut().find(|(f, _)| f == facet) {
            Some((_, codes)) => codes.push((*code).to_owned()),
            None => grouped.push(((*facet).to_owned(), vec![(*code).to_owned()])),
        }
    }
    let results = ready
        .search
        .search(&Query {
            q: String::new(),
            filters: grouped,
            sort: Sort::Name,
            offset: 0,
            limit: limit.max(1),
            facets: false,
            snippets: false,
            places: alliances_search::Places::default(),
        })
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut qs = form_urlencoded::Serializer::new(String::new());
    for (facet, code) in filters {
        qs.append_pair(facet, code);
    }
    let qs = qs.finish();
    Ok(Listing {
        total: results.total,
        results: results
            .hits
            .iter()
            .map(|h| result_view(ctx, h))
            .collect::<Result<_, _>>()?,
        all_href: format!("{}?{qs}", ctx.href("/exemples")),
    })
}
