//! The alliance form: structured fields (partners, territories by name or code, SDG goals and
//! targets, sources as rows; taxonomies as boxes to tick), read into the import's columns and
//! checked by the import's own reader and rules (`Alliance::from_columns`, `validate`), so a
//! form and a file accept and refuse the same records. Works without JavaScript: empty rows
//! are offered, « Ajouter des lignes » offers more.

use alliances_domain::alliance::{Alliance, Origin, STATUSES, column_of};
use alliances_domain::error::FieldError;
use alliances_domain::taxonomy::{
    ACTOR_TYPES, DOMAINS, LIFECYCLE_PHASES, RELATIONAL_MODES, TERRITORIAL_LEVELS,
};

use crate::personal::form_value;
use crate::state::Ready;

/// Empty rows offered under the filled ones (and added by « Ajouter des lignes »).
pub(super) const SPARE: usize = 2;
/// Rows a form may carry at most, per list.
pub(super) const MAX_ROWS: usize = 60;

#[derive(Debug, Clone, Default)]
pub struct Partner {
    pub nom: String,
    pub type_acteur: String,
    pub role: String,
}

#[derive(Debug, Clone, Default)]
pub struct SourceRow {
    pub url: String,
    pub date: String,
}

/// What the form holds, as typed.
#[derive(Debug, Clone, Default)]
pub struct AllianceForm {
    pub slug: String,
    pub nom: String,
    pub resume: String,
    pub description: String,
    pub partenaires: Vec<Partner>,
    pub niveau: String,
    pub territoire_libelle: String,
    /// Each a territory's name or code.
    pub territoires: Vec<String>,
    pub domaines: Vec<String>,
    pub modes: Vec<String>,
    pub objectifs: Vec<String>,
    pub cibles: Vec<String>,
    pub fragilites: Vec<String>,
    pub resultats: String,
    pub leviers: String,
    pub obstacles: String,
    pub reproductibilite: String,
    pub debut: String,
    pub statut: String,
    pub phase: String,
    pub sources: Vec<SourceRow>,
    pub note: String,
    /// Kept from the record as it stands (not edited here).
    pub editorial_modes: Vec<String>,
    /// The record's codes in their order (`mode:…`, `domaine:…`, `fragilite:…`,
    /// `objectif:…`): boxes come back in the page's order, and an unchanged list must read
    /// back the same.
    pub order: Vec<String>,
    pub verifie_le: String,
    pub licence: String,
    /// Empty rows offered in each list (more after « Ajouter des lignes »).
    pub spare: usize,
}

pub(super) fn all(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

pub(super) fn rows(pairs: &[(String, String)], name: &str) -> Vec<String> {
    all(pairs, name).into_iter().take(MAX_ROWS).collect()
}

impl AllianceForm {
    /// The form from its fields (rows keep their order; empty ones are dropped later).
    #[must_use]
    pub fn read(pairs: &[(String, String)]) -> AllianceForm {
        let noms = rows(pairs, "partenaire_nom");
        let types = rows(pairs, "partenaire_type");
        let roles = rows(pairs, "partenaire_role");
        AllianceForm {
            slug: form_value(pairs, "slug").trim().to_owned(),
            nom: form_value(pairs, "nom"),
            resume: form_value(pairs, "resume"),
            description: form_value(pairs, "description"),
            partenaires: noms
                .iter()
                .enumerate()
                .map(|(i, n)| Partner {
                    nom: n.clone(),
                    type_acteur: types.get(i).cloned().unwrap_or_default(),
                    role: roles.get(i).cloned().unwrap_or_default(),
                })
                .collect(),
            niveau: form_value(pairs, "niveau"),
            territoire_libelle: form_value(pairs, "territoire_libelle"),
            territoires: rows(pairs, "territoire"),
            domaines: all(pairs, "domaine"),
            modes: all(pairs, "mode"),
            objectifs: all(pairs, "objectif"),
            cibles: rows(pairs, "cible"),
            fragilites: all(pairs, "fragilite"),
            resultats: form_value(pairs, "resultats"),
            leviers: form_value(pairs, "leviers"),
            obstacles: form_value(pairs, "obstacles"),
            reproductibilite: form_value(pairs, "reproductibilite"),
            debut: form_value(pairs, "debut"),
            statut: form_value(pairs, "statut"),
            phase: form_value(pairs, "phase"),
            sources: read_sources(pairs),
            note: form_value(pairs, "note"),
            editorial_modes: all(pairs, "mode_editorial"),
            order: all(pairs, "ordre"),
            verifie_le: form_value(pairs, "verifie_le"),
            licence: form_value(pairs, "licence"),
            spare: spare_of(pairs),
        }
    }

    /// The form of a record as it stands (a change, a revision).
    #[must_use]
    pub fn of(a: &Alliance, ready: &Ready) -> AllianceForm {
        let name_of = |t: &alliances_domain::alliance::TerritoryRef| {
            t.level()
                .and_then(|l| crate::places::territory(ready, l, &t.code))
                .map_or_else(|| t.code.clone(), |x| format!("{} ({})", x.name, x.code))
        };
        AllianceForm {
            slug: a.slug.clone(),
            nom: a.nom.clone(),
            resume: a.resume.clone().unwrap_or_default(),
            description: a.description.clone().unwrap_or_default(),
            partenaires: a
                .partenaires
                .iter()
                .map(|p| Partner {
                    nom: p.nom.clone(),
                    type_acteur: p.type_acteur.clone(),
                    role: p.role.clone().unwrap_or_default(),
                })
                .collect(),
            niveau: a.niveau_territorial.clone().unwrap_or_default(),
            territoire_libelle: a.territoire_libelle.clone().unwrap_or_default(),
            territoires: a.territoires.iter().map(name_of).collect(),
            domaines: a.domaines.clone(),
            modes: a
                .modes
                .iter()
                .filter(|m| m.origine == Origin::Stated)
                .map(|m| m.code.clone())
                .collect(),
            objectifs: a
                .odd
                .objectifs
                .iter()
                .filter(|g| g.origine == Origin::Stated)
                .map(|g| g.numero.to_string())
                .collect(),
            cibles: a
                .odd
                .cibles
                .iter()
                .filter(|c| c.origine == Origin::Stated)
                .map(|c| c.code.clone())
                .collect(),
            fragilites: a.fragilites.clone(),
            resultats: a.resultats.join("\n"),
            leviers: a.leviers.join("\n"),
            obstacles: a.obstacles.join("\n"),
            reproductibilite: a.reproductibilite.clone().unwrap_or_default(),
            debut: a.debut.clone().unwrap_or_default(),
            statut: a.statut.clone(),
            phase: a.phase.clone().unwrap_or_default(),
            sources: source_rows(&a.sources),
            note: String::new(),
            editorial_modes: a
                .modes
                .iter()
                .filter(|m| m.origine == Origin::Editorial)
                .map(|m| m.code.clone())
                .collect(),
            order: a
                .modes
                .iter()
                .map(|m| format!("mode:{}", m.code))
                .chain(a.domaines.iter().map(|d| format!("domaine:{d}")))
                .chain(a.fragilites.iter().map(|f| format!("fragilite:{f}")))
                .chain(
                    a.odd
                        .objectifs
                        .iter()
                        .map(|g| format!("objectif:{}", g.numero)),
                )
                .collect(),
            verifie_le: a.verifie_le.clone().unwrap_or_default(),
            licence: a.licence.clone().unwrap_or_default(),
            spare: SPARE,
        }
    }

    /// Offers `SPARE` more empty rows in each list.
    pub fn add_rows(&mut self) {
        self.spare = (self.spare + SPARE).min(MAX_ROWS);
    }

    /// The filled rows and `SPARE` empty ones, for the template.
    #[must_use]
    pub fn with_spare_rows(&self) -> AllianceForm {
        let mut f = self.clone();
        f.partenaires = with_spare(&self.partenaires, self.spare, |p| {
            p.nom.trim().is_empty() && p.role.trim().is_empty()
        });
        f.territoires = with_spare(&self.territoires, self.spare, |t| t.trim().is_empty());
        f.cibles = with_spare(&self.cibles, self.spare, |t| t.trim().is_empty());
        f.sources = spare_sources(&self.sources, self.spare);
        f
    }
}

impl AllianceForm {
    /// Where a code stood in the record (new ones after every known one).
    fn rank(&self, kind: &str, code: &str) -> usize {
        let key = format!("{kind}:{code}");
        self.order
            .iter()
            .position(|o| *o == key)
            .unwrap_or(usize::MAX)
    }

    /// Ticked codes in the record's order, new ones after in the page's.
    fn ordered(&self, kind: &str, codes: &[String]) -> Vec<String> {
        in_order(&self.order, kind, codes)
    }
}

/// A territory typed by name or code: the code, or what to fix.
fn territory_code(ready: &Ready, typed: &str) -> Result<String, String> {
    let typed = typed.trim();
    // « Les Mureaux (78440) » as the form shows a record's territory.
    if let Some(code) = typed
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, c)| c.trim())
        .filter(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric()))
    {
        return Ok(code.to_owned());
    }
    if typed.chars().all(|c| c.is_ascii_alphanumeric()) && typed.chars().any(|c| c.is_ascii_digit())
    {
        return Ok(typed.to_uppercase());
    }
    let named = crate::places::named(ready, typed, 4);
    match (named.exact.as_slice(), named.total) {
        ([t], _) => Ok(t.code.clone()),
        (_, 0) => Err(format!(
            "aucun territoire ne s'appelle « {typed} » : vérifiez l'orthographe ou écrivez son code INSEE"
        )),
        _ => {
            let names: Vec<String> = named
                .hits
                .iter()
                .map(|t| format!("{} ({})", t.name, t.code))
                .collect();
            Err(format!(
                "« {typed} » désigne plusieurs territoires ({}) : écrivez le code INSEE de celui que vous voulez",
                names.join(", ")
            ))
        }
    }
}

/// The codes of the territory rows typed by name or code (empty rows skipped); each row
/// that names no single territory is an error of its line.
pub(super) fn territory_codes(
    ready: &Ready,
    rows: &[String],
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut codes = Vec::new();
    for (i, t) in rows
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.trim().is_empty())
    {
        match territory_code(ready, t) {
            Ok(c) => codes.push(c),
            Err(m) => errors.push(FieldError::new(format!("territoires[{i}]"), m)),
        }
    }
    codes
}

/// A separator of the import layout inside one entry would cut it in two.
pub(super) fn separator_error(value: &str) -> Option<&'static str> {
    if value.contains('|') {
        Some("retirez le caractère « | » de cette ligne")
    } else {
        None
    }
}

/// The source rows as the import's `source_urls` and `retrieved` cells; a half-filled row
/// is an error of its line.
pub(super) fn source_columns(rows: &[SourceRow], errors: &mut Vec<FieldError>) -> (String, String) {
    let mut urls = Vec::new();
    let mut dates = Vec::new();
    for (i, s) in rows.iter().enumerate() {
        let (url, date) = (s.url.trim(), s.date.trim());
        if url.is_empty() && date.is_empty() {
            continue;
        }
        if url.is_empty() || date.is_empty() {
            errors.push(FieldError::new(
                format!("sources[{i}]"),
                "donnez l'adresse de la source et la date où vous l'avez consultée (AAAA-MM-JJ)",
            ));
            continue;
        }
        if let Some(m) = separator_error(url).or_else(|| separator_error(date)) {
            errors.push(FieldError::new(format!("sources[{i}]"), m));
            continue;
        }
        urls.push(url.to_owned());
        dates.push(date.to_owned());
    }
    (urls.join(" | "), dates.join(" | "))
}

/// The empty rows a form asks for (`lignes_vides`).
pub(super) fn spare_of(pairs: &[(String, String)]) -> usize {
    form_value(pairs, "lignes_vides")
        .parse::<usize>()
        .map_or(SPARE, |n| n.clamp(SPARE, MAX_ROWS))
}

/// The filled rows of a list and `spare` empty ones (at least three in an empty list).
pub(super) fn with_spare<T: Clone + Default>(
    list: &[T],
    spare: usize,
    empty: impl Fn(&T) -> bool,
) -> Vec<T> {
    let mut out: Vec<T> = list.iter().filter(|x| !empty(x)).cloned().collect();
    let spare = spare.max(SPARE);
    let n = if out.is_empty() { spare.max(3) } else { spare };
    out.extend(std::iter::repeat_n(T::default(), n));
    out
}

/// The filled source rows and `spare` empty ones.
pub(super) fn spare_sources(list: &[SourceRow], spare: usize) -> Vec<SourceRow> {
    with_spare(list, spare, |s| {
        s.url.trim().is_empty() && s.date.trim().is_empty()
    })
}

/// The source rows of a form.
pub(super) fn read_sources(pairs: &[(String, String)]) -> Vec<SourceRow> {
    let urls = rows(pairs, "source_url");
    let dates = rows(pairs, "source_date");
    urls.iter()
        .enumerate()
        .map(|(i, u)| SourceRow {
            url: u.clone(),
            date: dates.get(i).cloned().unwrap_or_default(),
        })
        .collect()
}

/// A record's sources as rows.
pub(super) fn source_rows(sources: &[alliances_domain::alliance::Source]) -> Vec<SourceRow> {
    sources
        .iter()
        .map(|s| SourceRow {
            url: s.url.clone(),
            date: s.consulte_le.clone(),
        })
        .collect()
}

/// Ticked codes in a record's order (`order`: `kind:code` as the record listed them), new
/// ones after in the page's order: an unchanged list reads back the same.
pub(super) fn in_order(order: &[String], kind: &str, codes: &[String]) -> Vec<String> {
    let rank = |code: &str| {
        let key = format!("{kind}:{code}");
        order.iter().position(|o| *o == key).unwrap_or(usize::MAX)
    };
    let mut out = codes.to_vec();
    out.sort_by_key(|c| rank(c));
    out
}

/// The value of a column among `(column, value)` pairs, `None` when empty.
pub(super) fn column(columns: &[(&str, String)], name: &str) -> Option<String> {
    columns
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
}

impl AllianceForm {
    /// The record the form describes, checked as an import row is, or each error with the
    /// form's section it belongs to.
    pub fn to_alliance(&self, ready: &Ready) -> Result<Alliance, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut partners = Vec::new();
        for (i, p) in self.partenaires.iter().enumerate() {
            let (nom, role) = (p.nom.trim(), p.role.trim());
            if nom.is_empty() && role.is_empty() {
                continue;
            }
            if nom.is_empty() {
                errors.push(FieldError::new(
                    format!("partenaires[{i}].nom"),
                    "indiquez le nom de ce partenaire",
                ));
                continue;
            }
            for v in [nom, role] {
                if let Some(m) = separator_error(v).or_else(|| {
                    v.contains(';')
                        .then_some("retirez le caractère « ; » de cette ligne")
                }) {
                    errors.push(FieldError::new(format!("partenaires[{i}].nom"), m));
                }
            }
            partners.push(if role.is_empty() {
                format!("{nom} ({})", p.type_acteur.trim())
            } else {
                format!("{nom} ({}; {role})", p.type_acteur.trim())
            });
        }
        let codes = territory_codes(ready, &self.territoires, &mut errors);
        let mut cibles: Vec<String> = Vec::new();
        for (i, c) in self
            .cibles
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.trim().is_empty())
        {
            match separator_error(c) {
                Some(m) => errors.push(FieldError::new(format!("odd.cibles[{i}]"), m)),
                None => cibles.push(c.trim().to_owned()),
            }
        }
        let (urls, dates) = source_columns(&self.sources, &mut errors);
        let lines = |text: &str, field: &str, errors: &mut Vec<FieldError>| -> String {
            let kept: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            if kept.iter().any(|l| l.contains(" ; ")) {
                errors.push(FieldError::new(
                    field,
                    "une ligne par élément : remplacez « ; » par un retour à la ligne",
                ));
            }
            kept.join(" ; ")
        };
        let resultats = lines(&self.resultats, "resultats", &mut errors);
        let leviers = lines(&self.leviers, "leviers", &mut errors);
        let obstacles = lines(&self.obstacles, "obstacles", &mut errors);
        let mut modes: Vec<(&str, String)> =
            self.modes.iter().map(|m| (m.as_str(), m.clone())).collect();
        modes.extend(
            self.editorial_modes
                .iter()
                .map(|m| (m.as_str(), format!("{m} [editorial]"))),
        );
        modes.sort_by_key(|(code, _)| self.rank("mode", code));
        let modes: Vec<String> = modes.into_iter().map(|(_, m)| m).collect();
        let objectifs = if self.objectifs.is_empty() {
            "not stated".to_owned()
        } else {
            self.ordered("objectif", &self.objectifs).join(" | ")
        };
        let domaines = self.ordered("domaine", &self.domaines).join(" | ");
        let fragilites = self.ordered("fragilite", &self.fragilites).join(" | ");
        if !errors.is_empty() {
            return Err(errors);
        }
        let columns: Vec<(&str, String)> = vec![
            ("id", self.slug.trim().to_owned()),
            ("name", self.nom.trim().to_owned()),
            ("partners", partners.join(" | ")),
            ("territory_name", self.territoire_libelle.trim().to_owned()),
            ("territory_level", self.niveau.trim().to_owned()),
            ("insee_codes", codes.join(" | ")),
            ("region", String::new()),
            ("start_year", self.debut.trim().to_owned()),
            ("domains", domaines),
            ("relational_modes", modes.join(" | ")),
            ("sdgs_stated", objectifs),
            ("fragilities", fragilites),
            ("results", resultats),
            ("source_urls", urls),
            ("retrieved", dates),
            ("cibles", cibles.join(" | ")),
            ("resume", self.resume.trim().to_owned()),
            ("description", self.description.trim().to_owned()),
            ("impacts", String::new()),
            ("leviers", leviers),
            ("obstacles", obstacles),
            ("reproductibilite", self.reproductibilite.trim().to_owned()),
            ("statut", self.statut.trim().to_owned()),
            ("phase", self.phase.trim().to_owned()),
            ("verifie_le", self.verifie_le.trim().to_owned()),
            ("licence", self.licence.trim().to_owned()),
        ];
        let get = |c: &str| column(&columns, c);
        let mut alliance = Alliance::from_columns(&get, &ready.referential)?;
        alliance.validate(&ready.referential)?;
        alliance.derive_editorial(&ready.referential);
        Ok(alliance)
    }
}

/// The form's section an error belongs to (an anchor of the page).
#[must_use]
pub fn section_of(champ: &str) -> &'static str {
    match column_of(champ) {
        "id" => "champ-slug",
        "name" => "champ-nom",
        "resume" => "champ-resume",
        "description" => "champ-description",
        "partners" => "partenaires",
        "territory_level" | "territory_name" | "insee_codes" | "region" => "territoires",
        "domains" | "relational_modes" | "fragilities" => "classements",
        "sdgs_stated" | "cibles" => "odd",
        "results" | "resultats" | "leviers" | "obstacles" | "reproductibilite" => "resultats",
        "start_year" | "statut" | "phase" => "calendrier",
        "source_urls" | "retrieved" | "sources" => "sources",
        _ => "formulaire",
    }
}

/// The choices the template offers, each `(code, label key)`.
pub struct Choices {
    pub types: &'static [&'static str],
    pub niveaux: &'static [&'static str],
    pub domaines: &'static [&'static str],
    pub modes: &'static [&'static str],
    pub phases: &'static [&'static str],
    pub statuts: &'static [&'static str],
}

pub const CHOICES: Choices = Choices {
    types: ACTOR_TYPES.codes,
    niveaux: TERRITORIAL_LEVELS.codes,
    domaines: DOMAINS.codes,
    modes: RELATIONAL_MODES.codes,
    phases: LIFECYCLE_PHASES.codes,
    statuts: STATUSES.codes,
};
