//! Keeps this server's search index of the alliances current: a full build when the index
//! is new (or the database was replaced), then the change log (see `crate::follow`).

use std::collections::BTreeSet;

use alliances_i18n::Lang;
use alliances_search::IndexDoc;
use alliances_store::alliances::{self as store, Stored};

use crate::listing::Card;
use crate::state::{AppState, Ready};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How many records are read and indexed at a time.
const BATCH: i64 = 1000;

/// What the index holds of one record; a card that cannot be written is an error, never an
/// empty one.
pub fn index_doc(
    state: &AppState,
    ready: &Ready,
    stored: &Stored,
) -> Result<IndexDoc, serde_json::Error> {
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
    let places = crate::places::places_with_parents(ready, a.places());
    let mut facettes: Vec<(&'static str, String)> = Vec::new();
    for (level, code) in &places {
        if let Some(name) = crate::places::territory_name(ready, *level, code) {
            texte.push(name);
        }
        facettes.push((crate::places::facet_of(*level), code.clone()));
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
        if g.origine == alliances_domain::alliance::Origin::Stated {
            facettes.push(("odd_declare", g.numero.to_string()));
        }
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
    Ok(IndexDoc {
        slug: a.slug.clone(),
        nom: a.nom.clone(),
        resume: a.resume.clone().unwrap_or_default(),
        description: a.description.clone().unwrap_or_default(),
        texte: texte.join(" \n "),
        facettes,
        debut,
        nom_tri: alliances_domain::text::fold(&a.nom),
        lieu: crate::places::order_key(ready, &places, &a.fragilites),
        carte: serde_json::to_string(&card)?,
    })
}

/// Brings the index up to the change log; returns how many records were (re)indexed.
pub async fn catch_up(state: &AppState) -> Result<usize, BoxError> {
    let ready = state.0.ready.get().ok_or("pas encore prêt")?;
    let search = &ready.search;
    let last = store::last_change(&state.db).await?;
    let seq = search.seq();
    if seq == 0 && last == 0 {
        return Ok(0);
    }
    // The change log is followed from the index's last row only if that row is still the
    // one it read: a restore or a copy may have replaced the history under it, with as
    // many rows or more.
    if seq == 0 || last < seq || store::mark_at(&state.db, seq).await? != search.mark() {
        return rebuild(state, ready, last).await;
    }
    if seq == last {
        return Ok(0);
    }
    let mut done = 0;
    let mut from = seq;
    loop {
        let changes = store::changes_since(&state.db, from, BATCH).await?;
        let Some((max, mark)) = changes.last().map(|c| (c.seq, c.mark())) else {
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
        let docs: Vec<IndexDoc> = found
            .iter()
            .map(|s| index_doc(state, ready, s))
            .collect::<Result<_, _>>()?;
        done += docs.len();
        search.apply_at(&docs, &removed, max, Some(mark))?;
        from = max;
    }
    Ok(done)
}

async fn rebuild(state: &AppState, ready: &Ready, last: i64) -> Result<usize, BoxError> {
    let search = &ready.search;
    let mark = store::mark_at(&state.db, last).await?;
    search.clear()?;
    let mut after: Option<String> = None;
    let mut done = 0;
    loop {
        let page = store::page_after(&state.db, after.as_deref(), BATCH).await?;
        let Some(tail) = page.last() else { break };
        after = Some(tail.alliance.slug.clone());
        let docs: Vec<IndexDoc> = page
            .iter()
            .map(|s| index_doc(state, ready, s))
            .collect::<Result<_, _>>()?;
        done += docs.len();
        search.add(&docs)?;
    }
    // One commit at the end: an interrupted build leaves the index as it was and starts over.
    search.apply_at(&[], &[], last, mark)?;
    search.merge_all()?;
    tracing::info!(alliances = done, "index de recherche construit");
    Ok(done)
}
