//! Méthodes: the questioning kit. Definitions are content files
//! (`content/questionnaires/*.toml`, or an operator's folder) validated at start-up; the
//! engine is `alliances_domain::diagnostic`; this module adds what needs the server:
//! personal links, territory resolution, the report with its personal path (ranked by the
//! search engine) and the collective synthesis.

pub mod api;
pub mod body_schema;
pub mod html;
pub mod path;
pub mod path_modules;
pub mod path_tools;
pub mod say;

use std::collections::BTreeMap;

use alliances_domain::diagnostic::{self, Answer, Answers, Checked, Confidence, Place, Places};
use alliances_domain::pagination::Page;
use alliances_domain::questionnaire::{Kind, Questionnaire};
use alliances_domain::territory::{Level, Territory};
use alliances_domain::text::fold;
use alliances_i18n::{Catalog, Lang};
use serde::{Deserialize, Serialize};

use crate::labels::facet_label;
pub use crate::links::{is_secret, key_of, new_secret, partner_secret};
pub use crate::questionnaires::Questionnaires;
use crate::state::Ready;

// ----- territories -----

/// Territory answers resolved against the reference data in memory.
pub struct ReadyPlaces<'a>(pub &'a Ready);

/// The canonical answer for a territory: `niveau/code` as in URLs (`communes/31555`).
#[must_use]
pub fn canonical(level: Level, code: &str) -> String {
    format!("{}/{code}", level.segment())
}

impl ReadyPlaces<'_> {
    /// Level and code of an answer: `segment/code`, or a bare code read by its shape
    /// (9 digits: EPCI; 5 characters: commune; 2–3: département, else collectivité
    /// d'outre-mer).
    fn parse(&self, value: &str) -> Option<(Level, String)> {
        let value = value.trim();
        if let Some((segment, code)) = value.split_once('/') {
            let level = Level::ALL.into_iter().find(|l| l.segment() == segment)?;
            return self
                .0
                .territory(level, code)
                .map(|_| (level, code.to_owned()));
        }
        let code = value.to_ascii_uppercase();
        let level = match code.len() {
            9 => Level::Epci,
            5 => Level::Commune,
            2 | 3 if self.0.small(Level::Departement, &code).is_some() => Level::Departement,
            3 => Level::CollectiviteOutreMer,
            _ => return None,
        };
        self.0.territory(level, &code).map(|_| (level, code))
    }

    /// The place of a known territory, with the search facets it matches (closest first).
    #[must_use]
    pub fn place(&self, level: Level, code: &str) -> Option<Place> {
        let t = self.0.territory(level, code)?;
        let mut facettes: Vec<(String, String)> = Vec::new();
        let mut push = |f: &str, c: &Option<String>| {
            if let Some(c) = c {
                let pair = (f.to_owned(), c.clone());
                if !facettes.contains(&pair) {
                    facettes.push(pair);
                }
            }
        };
        match level {
            Level::Commune => {
                push("commune", &Some(t.code.clone()));
                push("epci", &t.epci);
                push("departement", &t.departement);
                push("region", &t.region);
            }
            Level::Epci => {
                push("epci", &Some(t.code.clone()));
                for d in self
                    .0
                    .directory
                    .epci_departements
                    .get(&t.code)
                    .into_iter()
                    .flatten()
                {
                    push("departement", &Some(d.clone()));
                    let region = self
                        .0
                        .small(Level::Departement, d)
                        .and_then(|x| x.region.clone());
                    push("region", &region);
                }
            }
            Level::Departement => {
                push("departement", &Some(t.code.clone()));
                push("region", &t.region);
            }
            Level::Region => push("region", &Some(t.code.clone())),
            Level::CollectiviteOutreMer => {}
        }
        Some(Place {
            niveau: level,
            code: t.code.clone(),
            nom: t.name.clone(),
            facettes,
        })
    }

    /// Territories whose name matches `text` (accents and case ignored), found by the
    /// territory search of the /territoires pages: the exact names when there are some,
    /// else the names that start with it; at most `n`.
    pub fn by_name(&self, text: &str, n: usize) -> Vec<Place> {
        let wanted = fold(text);
        if wanted.is_empty() {
            return Vec::new();
        }
        // Exact names come first in that search, then names starting with the text.
        let page = Page {
            page: 1,
            per_page: 50,
        };
        let (_, found) = self.0.find_territories(text, page);
        let exact: Vec<&Territory> = found
            .iter()
            .copied()
            .filter(|t| fold(&t.name) == wanted)
            .collect();
        let list = if exact.is_empty() {
            found
                .into_iter()
                .filter(|t| fold(&t.name).starts_with(&wanted))
                .collect()
        } else {
            exact
        };
        list.into_iter()
            .take(n)
            .filter_map(|t| self.place(t.level, &t.code))
            .collect()
    }

    /// A short description to tell apart territories of the same name.
    #[must_use]
    pub fn describe(&self, ctx_lang: Lang, catalog: &Catalog, p: &Place) -> String {
        let level = catalog
            .get(ctx_lang, &format!("terr-niveau-{}", p.niveau.code()))
            .into_owned();
        let dep = p
            .facettes
            .iter()
            .find(|(f, _)| f == "departement")
            .map(|(_, c)| c.clone());
        match (p.niveau, dep) {
            (Level::Commune | Level::Epci, Some(d)) => format!("{} ({d}) — {level}", p.nom),
            _ => format!("{} — {level}", p.nom),
        }
    }
}

impl Places for ReadyPlaces<'_> {
    fn resolve(&self, value: &str) -> Option<Place> {
        let (level, code) = self.parse(value)?;
        self.place(level, &code)
    }
}

// ----- the report -----

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = TerritoireDuProfil)]
pub struct TerritoireRef {
    pub niveau: String,
    pub code: String,
    pub nom: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Profil {
    pub type_acteur: String,
    /// « Collectivité territoriale · Commune », in French: stored by reports made before
    /// reports became language-neutral; said at the edge otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub libelle: String,
    /// Overall maturity code (`decouvrir` … `catalyser`).
    pub niveau: String,
    pub territoire: Option<TerritoireRef>,
    /// The answers the profile card shows (question id → answer).
    pub reponses: BTreeMap<String, Answer>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = CibleParcours)]
pub struct Cible {
    pub id: String,
    pub titre: String,
    pub url: String,
}

/// A reason in data form (a facet value shared with the profile, a phase, a dimension…),
/// so that a page can say it in its own language.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(as = MotifParcours)]
pub struct Motif {
    pub facette: String,
    pub code: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Recommandation {
    /// `alliance`, `territoire`, `chiffre`, `repere`, `catalyseur`, `outil`, `module`,
    /// `methode`.
    #[serde(rename = "type")]
    pub kind: String,
    pub cible: Cible,
    /// Why it was chosen, said in the reader's language at the edge (reports made before
    /// reports became language-neutral stored it in French).
    #[serde(default)]
    pub raison: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub motifs: Vec<Motif>,
}

/// A completed diagnostic as stored: codes, levels and answers, never a sentence. The
/// personal path is computed when the report is read (see [`path::compute`]); reports
/// made before that stored theirs, and keep it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Rapport {
    pub version: u32,
    /// Date of completion (ISO 8601): the date of the answers.
    pub date: String,
    pub profil: Profil,
    /// Level 1–4 per dimension and `globale`.
    pub maturite: BTreeMap<String, u8>,
    /// Per dimension: scored answers and « je ne sais pas ».
    #[serde(default)]
    pub confiance: BTreeMap<String, Confidence>,
    /// The path stored by reports made before paths were computed on reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommandations: Vec<Recommandation>,
    /// Answers ignored because their question's condition did not hold.
    pub ignorees: Vec<String>,
    /// The answers the report was computed from (a later edit of the draft does not
    /// change the report until it is completed again).
    #[serde(default)]
    pub reponses: Answers,
}

impl Rapport {
    /// The date of the path this report shows: today for a path computed on reading, the
    /// date of the answers for a report that stored its path.
    #[must_use]
    pub fn path_date(&self, today: String) -> String {
        if self.recommandations.is_empty() {
            today
        } else {
            self.date.clone()
        }
    }
}

/// Computes the report of checked answers: levels per dimension with their confidence,
/// the profile in codes.
#[must_use]
pub fn build_report(
    ready: &Ready,
    def: &Questionnaire,
    checked: &Checked,
    date: String,
) -> Rapport {
    let answers = &checked.answers;
    let maturity = diagnostic::score(def, answers);
    let place = path::place_of(ready, def, answers);
    let territoire = place.as_ref().map(|p| TerritoireRef {
        niveau: p.niveau.code().to_owned(),
        code: p.code.clone(),
        nom: p.nom.clone(),
        url: format!("/territoires/{}/{}", p.niveau.segment(), p.code),
    });
    let type_acteur = path::actor_of(def, answers);
    let mut maturite: BTreeMap<String, u8> = maturity.dimensions.iter().cloned().collect();
    maturite.insert("globale".into(), maturity.globale);
    let reponses = def
        .profil
        .questions
        .iter()
        .filter_map(|id| answers.get(id).map(|a| (id.clone(), a.clone())))
        .collect();
    Rapport {
        version: def.version,
        date,
        profil: Profil {
            libelle: String::new(),
            type_acteur,
            niveau: level_code(maturity.globale).to_owned(),
            territoire,
            reponses,
        },
        maturite,
        confiance: maturity.confiance.into_iter().collect(),
        recommandations: Vec::new(),
        ignorees: checked.ignored.clone(),
        reponses: answers.clone(),
    }
}

/// The path a report shows today: the one it stored when it has one (reports made before
/// paths were computed on reading), else computed from its answers and the base of today.
pub fn path_of(
    ready: &Ready,
    parcours: &alliances_domain::parcours::Parcours,
    def: &Questionnaire,
    r: &Rapport,
) -> Result<Vec<Recommandation>, alliances_search::SearchError> {
    if r.recommandations.is_empty() {
        path::compute(ready, parcours, def, &r.reponses)
    } else {
        Ok(r.recommandations.clone())
    }
}

/// `decouvrir` … `catalyser`.
#[must_use]
pub fn level_code(level: u8) -> &'static str {
    alliances_domain::taxonomy::MATURITY_LEVELS
        .codes
        .get(usize::from(level.clamp(1, 4)) - 1)
        .copied()
        .unwrap_or("decouvrir")
}

/// The actor type and the answers that refine it (questions conditioned on the type).
#[must_use]
pub fn profile_label(def: &Questionnaire, answers: &Answers, lang: Lang) -> String {
    let l = lang.code();
    let mut parts = Vec::new();
    for q in def.questions() {
        let refines = q.id == def.profil.type_acteur
            || def.profil.questions.contains(&q.id)
                && q.condition
                    .as_ref()
                    .is_some_and(|c| c.question == def.profil.type_acteur);
        if !refines || !q.kind.has_options() || !diagnostic::applies(q, answers) {
            continue;
        }
        if let Some(a) = answers.get(&q.id) {
            for v in a.values() {
                if let Some(o) = q.option(v) {
                    parts.push(o.libelle.get(l).to_owned());
                }
            }
        }
    }
    parts.join(" · ")
}

/// « Points communs avec votre profil : … » from shared facet values.
#[must_use]
pub fn reason(catalog: &Catalog, lang: Lang, ready: &Ready, motifs: &[Motif]) -> String {
    // One group per facet, in the order of the strongest reason.
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for m in motifs {
        let value = facet_label(catalog, lang, ready, &m.facette, &m.code);
        match groups.iter_mut().find(|(f, _)| *f == m.facette) {
            Some((_, values)) => values.push(value),
            None => groups.push((&m.facette, vec![value])),
        }
    }
    let items: Vec<String> = groups
        .iter()
        .map(|(facet, values)| {
            let name = catalog
                .get(lang, &format!("exemples-facette-{facet}"))
                .to_lowercase();
            format!("{name}{}{}", punct(lang).colon, values.join(", "))
        })
        .collect();
    format!(
        "{} {}",
        catalog.get(lang, "methodes-raison-alliance"),
        items.join(punct(lang).semicolon)
    )
}

/// The punctuation of a language: French spaces its colons and semicolons and quotes with
/// guillemets; English does not.
pub struct Punct {
    pub colon: &'static str,
    pub semicolon: &'static str,
    pub open: &'static str,
    pub close: &'static str,
}

#[must_use]
pub fn punct(lang: Lang) -> Punct {
    match lang {
        Lang::Fr => Punct {
            // No-break spaces: a colon or a semicolon never starts a line.
            colon: "\u{a0}: ",
            semicolon: "\u{a0}; ",
            open: "«\u{a0}",
            close: "\u{a0}»",
        },
        Lang::En => Punct {
            colon: ": ",
            semicolon: "; ",
            open: "“",
            close: "”",
        },
    }
}

/// The text of an answer in `lang` (labels of chosen options, territory name, text).
#[must_use]
pub fn answer_text(def: &Questionnaire, ready: &Ready, id: &str, a: &Answer, lang: Lang) -> String {
    let Some(q) = def.question(id) else {
        return String::new();
    };
    let l = lang.code();
    match q.kind {
        Kind::Territoire => a
            .values()
            .first()
            .and_then(|v| ReadyPlaces(ready).resolve(v))
            .map_or_else(|| a.values().join(", "), |p| p.nom),
        Kind::Texte => a.values().join(""),
        _ => a
            .values()
            .iter()
            .map(|v| {
                q.option(v)
                    .map_or_else(|| v.clone(), |o| o.libelle.get(l).to_owned())
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

// ----- collective synthesis -----

/// One dimension across the partners who completed their diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    pub dimension: String,
    /// Level per completed partner, in rank order.
    pub levels: Vec<u8>,
    pub min: u8,
    pub max: u8,
}

impl Spread {
    #[must_use]
    pub fn gap(&self) -> u8 {
        self.max - self.min
    }
}

/// The spread of each dimension (definition order) over the partners' reports.
#[must_use]
pub fn spreads(def: &Questionnaire, reports: &[&Rapport]) -> Vec<Spread> {
    def.dimensions
        .iter()
        .map(|d| {
            let levels: Vec<u8> = reports
                .iter()
                .map(|r| r.maturite.get(&d.id).copied().unwrap_or(1))
                .collect();
            Spread {
                dimension: d.id.clone(),
                min: levels.iter().copied().min().unwrap_or(1),
                max: levels.iter().copied().max().unwrap_or(1),
                levels,
            }
        })
        .collect()
}
