//! Keeps this server's search index current: a full build when the index is new (or the
//! database was replaced), then the change log every second.

use std::collections::BTreeSet;
use std::time::Duration;

use alliances_domain::alliance::Alliance;
use alliances_domain::territory::Level;
use alliances_i18n::Lang;
use alliances_search::IndexDoc;
use alliances_store::alliances::{self as store, Stored};

use super::Card;
use crate::state::{AppState, Ready};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How many records are read and indexed at a time.
const BATCH: i64 = 1000;

/// The territories an alliance touches, with their parents: `(level, code)`.
pub fn places(ready: &Ready, a: &Alliance) -> BTreeSet<(Level, String)> {
    let mut out = BTreeSet::new();
    for t in &a.territoires {
        let Some(level) = t.level() else { continue };
        out.insert((level, t.code.clone()));
        match level {
            Level::Commune => {
                if let Some(c) = ready.directory.communes.get(&t.code) {
                    for (l, code) in [
                        (Level::Epci, &c.epci),
                        (Level::Epci, &c.ept),
                        (Level::Departement, &c.departement),
                        (Level::Region, &c.region),
                        (Level::CollectiviteOutreMer, &c.com),
                    ] {
                        if let Some(code) = code {
                            out.insert((l, code.clone()));
                        }
                    }
                }
            }
            Level::Epci => {
                for d in ready
                    .directory
                    .epci_departements
                    .get(&t.code)
                    .into_iter()
                    .flatten()
                {
                    out.insert((Level::Departement, d.clone()));
                    if let Some(r) = ready
                        .small(Level::Departement, d)
                        .and_then(|d| d.region.clone())
                    {
                        out.insert((Level::Region, r));
                    }
                }
            }
            Level::Departement => {
                if let Some(r) = ready
                    .small(Level::Departement, &t.code)
                    .and_then(|d| d.region.clone())
                {
                    out.insert((Level::Region, r));
                }
            }
            Level::Region | Level::CollectiviteOutreMer => {}
        }
    }
    out
}

/// The name of a territory of any level.
pub fn territory_name(ready: &Ready, level: Level, code: &str) -> Option<String> {
    match level {
        Level::Commune => ready.directory.communes.get(code).map(|t| t.name.clone()),
        Level::Epci => ready.directory.epcis.get(code).map(|t| t.name.clone()),
        _ => ready.small(level, code).map(|t| t.name.clone()),
    }
}

/// What the index holds of one record.
pub fn index_doc(state: &AppState, ready: &Ready, stored: &Stored) -> IndexDoc {
    let a = &stored.alliance;
    let fr = |key: String| state.catalog.get(Lang::Fr, &key).into_owned();
    let mut texte = Vec::new();
    for p in &a.partenaires {
        texte.push(p.nom.clone());
        if let Some(r) = &p.role {
            texte.push(r.clone());
        }
        if let Some(r) = &p.apports {
            texte.push(r.clone());
        }
    }
    if let Some(l) = &a.territoire_libelle {
        texte.push(l.clone());
    }
    let places = places(ready, a);
    let mut facettes: Vec<(&'static str, String)> = Vec::new();
    for (level, code) in &places {
        if let Some(name) = territory_name(ready, *level, code) {
            texte.push(name);
        }
        let facet = match level {
            Level::Region => "region",
            Level::Departement => "departement",
            Level::Epci => "epci",
            Level::Commune => "commune",
            Level::CollectiviteOutreMer => continue,
        };
        facettes.push((facet, code.clone()));
    }
    for t in a.actor_types() {
        texte.push(fr(format!("taxo-acteur-{t}")));
        facettes.push(("type_acteur", t.to_owned()));
    }
    for d in &a.domaines {
        texte.push(fr(format!("taxo-domaine-{d}")));
        facettes.push(("domaine", d.clone()));
    }
    if let Some(n) = &a.niveau_territorial {
        facettes.push(("niveau_territorial", n.clone()));
    }
    for m in &a.modes {
        texte.push(fr(format!("taxo-mode-{}", m.code)));
        facettes.push(("mode", m.code.clone()));
    }
    for g in &a.odd.objectifs {
        facettes.push(("odd", g.numero.to_string()));
    }
    for c in &a.odd.cibles {
        facettes.push(("cible", c.code.clone()));
    }
    for i in &a.impacts {
        facettes.push(("impact", i.clone()));
    }
    for f in &a.fragilites {
        texte.push(
            ready
                .fragilities
                .get(f)
                .map_or_else(|| f.replace('-', " "), |l| l.0.clone()),
        );
        facettes.push(("fragilite", f.clone()));
    }
    facettes.push(("statut", a.statut.clone()));
    texte.extend(a.resultats.iter().cloned());
    let debut = a.debut.as_deref().map_or(0, |d| {
        let year: u64 = d.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        let month: u64 = d.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
        year * 100 + month
    });
    let card = Card::of(ready, a);
    IndexDoc {
        slug: a.slug.clone(),
        nom: a.nom.clone(),
        resume: a.resume.clone().unwrap_or_default(),
        description: a.description.clone().unwrap_or_default(),
        texte: texte.join(" \n "),
        facettes,
        debut,
        nom_tri: alliances_domain::text::fold(&a.nom),
        carte: serde_json::to_string(&card).unwrap_or_default(),
    }
}

/// Brings the index up to the change log; returns how many records were (re)indexed.
pub async fn catch_up(state: &AppState) -> Result<usize, BoxError> {
    let ready = state.0.ready.get().ok_or("pas encore prêt")?;
    let search = &ready.search;
    let last = store::last_change(&state.db).await?;
    let seq = search.seq();
    if seq == last {
        return Ok(0);
    }
    if seq == 0 || last < seq {
        return rebuild(state, ready, last).await;
    }
    let mut done = 0;
    let mut from = seq;
    loop {
        let changes = store::changes_since(&state.db, from, BATCH).await?;
        let Some(max) = changes.last().map(|c| c.seq) else {
            break;
        };
        let slugs: Vec<String> = changes
            .into_iter()
            .map(|c| c.slug)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let found = store::by_slugs(&state.db, &slugs).await?;
        let removed: Vec<String> = slugs
            .iter()
            .filter(|s| !found.iter().any(|f| &f.alliance.slug == *s))
            .cloned()
            .collect();
        let docs: Vec<IndexDoc> = found.iter().map(|s| index_doc(state, ready, s)).collect();
        done += docs.len();
        search.apply(&docs, &removed, max)?;
        from = max;
    }
    Ok(done)
}

async fn rebuild(state: &AppState, ready: &Ready, last: i64) -> Result<usize, BoxError> {
    let search = &ready.search;
    search.clear()?;
    let mut after: Option<String> = None;
    let mut done = 0;
    loop {
        let page = store::page_after(&state.db, after.as_deref(), BATCH).await?;
        let Some(tail) = page.last() else { break };
        after = Some(tail.alliance.slug.clone());
        let docs: Vec<IndexDoc> = page.iter().map(|s| index_doc(state, ready, s)).collect();
        done += docs.len();
        search.add(&docs)?;
    }
    // One commit at the end: an interrupted build leaves the index as it was and starts over.
    search.apply(&[], &[], last)?;
    search.merge_all()?;
    tracing::info!(alliances = done, "index de recherche construit");
    Ok(done)
}

/// Follows the change log for as long as the server runs; pages that list alliances are
/// dropped from the page cache whenever the index moves, and once a day (a record page says
/// « à actualiser » from the day it turns 24 months old).
pub fn spawn_follower(state: AppState, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut day = super::api::today();
        loop {
            tick.tick().await;
            let today = super::api::today();
            if today != day {
                day = today;
                state.cache.clear();
            }
            match catch_up(&state).await {
                Ok(0) => {}
                Ok(n) => {
                    state.cache.clear();
                    tracing::info!(alliances = n, "index de recherche mis à jour");
                }
                Err(e) => tracing::warn!(error = %e, "suivi du journal des alliances"),
            }
        }
    });
}
