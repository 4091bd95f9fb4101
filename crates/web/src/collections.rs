//! The small collections every server keeps in memory: the key figures (the observatory),
//! the catalyseurs and the tools, read from the database and reloaded when its change log moves, and the
//! lieux d'accompagnement (static reference data), each indexed by territory.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use alliances_domain::catalyseur::Catalyseur;
use alliances_domain::figure::{KeyFigure, Observatory, Population};
use alliances_domain::lieu::Lieu;
use alliances_domain::outil::Outil;
use alliances_domain::territory::Level;
use alliances_store::{Db, documents};

use crate::places::{Relation, relation};
use crate::state::Ready;

/// What a tool is searched and filtered by, computed once when the tools are read.
#[derive(Debug, Default)]
pub struct ToolIndex {
    /// The analysed words of its name, publisher, type and our description (French
    /// analysis: accents, plurals).
    pub words: std::collections::HashSet<String>,
    /// The organisations that publish it, `(code, name)` (`Outil::editeurs`).
    pub editeurs: Vec<(String, String)>,
}

impl ToolIndex {
    fn of(o: &Outil) -> Self {
        let text = [
            o.nom.as_str(),
            o.editeur.as_deref().unwrap_or_default(),
            &o.genre,
            o.description.as_deref().unwrap_or_default(),
        ]
        .join(" ");
        Self {
            words: alliances_search::analyzer::tokens(&text)
                .into_iter()
                .collect(),
            editeurs: o.editeurs(),
        }
    }
}

/// Key figures, catalyseurs and tools as last read, with the change-log number they reflect.
#[derive(Debug, Default)]
pub struct Collections {
    pub observatory: Observatory,
    /// Catalyseurs by name.
    pub catalyseurs: Vec<Catalyseur>,
    /// Tools by name, each with what it is searched and filtered by.
    pub outils: Vec<(Outil, ToolIndex)>,
    /// The last change-log row read: its number and mark (`documents::position`).
    pub seq: i64,
    pub mark: Option<String>,
}

impl Collections {
    /// Reads both kinds from the database.
    pub async fn load(db: &Db) -> alliances_store::Result<Collections> {
        let (seq, mark) = documents::position(db).await?;
        let figures: Vec<KeyFigure> = documents::all(db, documents::KEY_FIGURE)
            .await?
            .into_iter()
            .map(|s| s.record)
            .collect();
        let mut catalyseurs: Vec<Catalyseur> = documents::all(db, documents::CATALYSEUR)
            .await?
            .into_iter()
            .map(|s| s.record)
            .collect();
        catalyseurs.sort_by_key(|c| alliances_domain::text::fold(&c.nom));
        let mut outils: Vec<(Outil, ToolIndex)> = documents::all::<Outil>(db, documents::OUTIL)
            .await?
            .into_iter()
            .map(|s| {
                let index = ToolIndex::of(&s.record);
                (s.record, index)
            })
            .collect();
        outils.sort_by_key(|(o, _)| alliances_domain::text::fold(&o.nom));
        Ok(Collections {
            observatory: Observatory::new(figures),
            catalyseurs,
            outils,
            seq,
            mark,
        })
    }

    #[must_use]
    pub fn outil(&self, slug: &str) -> Option<&Outil> {
        self.outils.iter().map(|(o, _)| o).find(|o| o.slug == slug)
    }

    #[must_use]
    pub fn catalyseur(&self, slug: &str) -> Option<&Catalyseur> {
        self.catalyseurs.iter().find(|c| c.slug == slug)
    }

    /// The catalyseurs active in a territory: those placed in it or inside it, then those
    /// whose territory contains it. A catalyseur placed by its région only (its facts give
    /// no code) lies somewhere in that région: it is inside the région, but covers none of
    /// its départements. National ones are not listed.
    #[must_use]
    pub fn catalyseurs_of<'a>(
        &'a self,
        ready: &Ready,
        level: Level,
        code: &str,
    ) -> (Vec<&'a Catalyseur>, Vec<&'a Catalyseur>) {
        let (inside, covering) = self.catalyseur_indices_of(ready, level, code);
        let at = |v: Vec<usize>| v.into_iter().map(|i| &self.catalyseurs[i]).collect();
        (at(inside), at(covering))
    }

    /// [`Collections::catalyseurs_of`] as positions in `catalyseurs`.
    #[must_use]
    pub fn catalyseur_indices_of(
        &self,
        ready: &Ready,
        level: Level,
        code: &str,
    ) -> (Vec<usize>, Vec<usize>) {
        let mut inside = Vec::new();
        let mut covering = Vec::new();
        for (i, c) in self.catalyseurs.iter().enumerate() {
            let exact = c
                .territoires
                .iter()
                .map(|p| relation(ready, p, level, code));
            let located = c
                .localisation
                .iter()
                .map(|p| relation(ready, p, level, code).filter(|r| *r == Relation::Inside));
            let relations: Vec<Relation> = exact.chain(located).flatten().collect();
            if relations.contains(&Relation::Inside) {
                inside.push(i);
            } else if relations.contains(&Relation::Covering) {
                covering.push(i);
            }
        }
        (inside, covering)
    }

    /// The national catalyseurs.
    pub fn national(&self) -> impl Iterator<Item = &Catalyseur> {
        self.catalyseurs.iter().filter(|c| c.is_national())
    }
}

/// The current collections, swapped whole when the database changes.
#[derive(Debug, Default)]
pub struct Shared(RwLock<Arc<Collections>>);

impl Shared {
    #[must_use]
    pub fn new(c: Collections) -> Shared {
        Shared(RwLock::new(Arc::new(c)))
    }

    /// The collections as they are now (a cheap clone of a pointer).
    #[must_use]
    pub fn get(&self) -> Arc<Collections> {
        match self.0.read() {
            Ok(g) => Arc::clone(&g),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn set(&self, c: Collections) {
        match self.0.write() {
            Ok(mut g) => *g = Arc::new(c),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(c),
        }
    }

    /// Reloads when the change log moved; true when something changed.
    pub async fn refresh(&self, db: &Db) -> alliances_store::Result<bool> {
        // The mark too: a restore may replace the history with one as long.
        let (last, mark) = documents::position(db).await?;
        let current = self.get();
        if last == current.seq && mark == current.mark {
            return Ok(false);
        }
        self.set(Collections::load(db).await?);
        Ok(true)
    }
}

/// The lieux d'accompagnement, with the ones inside each territory.
#[derive(Debug, Default)]
pub struct Lieux {
    pub all: Vec<Lieu>,
    inside: HashMap<(Level, String), Vec<usize>>,
}

impl Lieux {
    /// Indexes each place under its commune and every territory that contains it.
    #[must_use]
    pub fn new(all: Vec<Lieu>, ready_places: impl Fn(&str) -> Vec<(Level, String)>) -> Lieux {
        let mut inside: HashMap<(Level, String), Vec<usize>> = HashMap::new();
        for (i, l) in all.iter().enumerate() {
            for key in ready_places(&l.commune) {
                inside.entry(key).or_default().push(i);
            }
        }
        Lieux { all, inside }
    }

    /// The places inside a territory (the territory's own included).
    #[must_use]
    pub fn of(&self, level: Level, code: &str) -> Vec<&Lieu> {
        self.inside
            .get(&(level, code.to_owned()))
            .map(|v| v.iter().map(|i| &self.all[*i]).collect())
            .unwrap_or_default()
    }

    #[must_use]
    pub fn count(&self, level: Level, code: &str) -> usize {
        self.inside
            .get(&(level, code.to_owned()))
            .map_or(0, Vec::len)
    }
}

/// The label of a population in a language.
#[must_use]
pub fn population_label(populations: &[Population], code: &str, english: bool) -> String {
    populations.iter().find(|p| p.code == code).map_or_else(
        || code.to_owned(),
        |p| {
            if english {
                p.label_en.clone()
            } else {
                p.label_fr.clone()
            }
        },
    )
}
