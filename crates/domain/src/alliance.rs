//! An alliance (« exemple inspirant »): a typed, multi-party record where every
//! classification says whether the source states it or whether it is ours (`editorial`).
//!
//! The same record is read from the fact-table CSV layout (`from_columns`), from JSON
//! (serde), validated against the reference data (`validate`), completed with the
//! editorial tags we derive (`derive_editorial`), and written back to columns
//! (`to_columns`) so that export → import leaves every content field unchanged.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::record::{Record, non_empty as opt, split_list};
use crate::taxonomy::{
    ACTOR_TYPES, DOMAINS, IMPACTS, LIFECYCLE_PHASES, RELATIONAL_MODES, TERRITORIAL_LEVELS,
};
use crate::territory::Level;

/// The SDG target every alliance serves by construction (multi-stakeholder partnerships).
pub const PARTNERSHIP_TARGET: &str = "17.17";

pub const STATUSES: crate::taxonomy::Taxonomy = crate::taxonomy::Taxonomy {
    key: "statut",
    codes: &["actif", "termine", "inconnu"],
};

/// Whether the source says so or the classification is ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Origine))]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Stated,
    Editorial,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Classement))]
pub struct Classification {
    pub code: String,
    pub origine: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Partenaire))]
pub struct Partner {
    pub nom: String,
    pub type_acteur: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apports: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TerritoryRef {
    pub niveau: String,
    pub code: String,
}

impl TerritoryRef {
    #[must_use]
    pub fn level(&self) -> Option<Level> {
        Level::from_code(&self.niveau)
    }
}

/// SDG tags. `non_precise` (the source says nothing) is distinct from an empty list
/// stated by the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = EtiquettesOdd))]
pub struct SdgTags {
    pub non_precise: bool,
    #[serde(default)]
    pub objectifs: Vec<SdgGoalTag>,
    #[serde(default)]
    pub cibles: Vec<Classification>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ObjectifEtiquete))]
pub struct SdgGoalTag {
    pub numero: u8,
    pub origine: Origin,
}

/// The error of a record's web address (a site, an official page), if it is not a full one.
#[must_use]
pub fn web_address_error(url: &str) -> Option<String> {
    (!is_url(url)).then(|| format!("« {url} » n'est pas une adresse web complète (https://…)."))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SourceFiche))]
pub struct Source {
    pub url: String,
    /// ISO date the page was read.
    pub consulte_le: String,
}

impl Source {
    /// Reads the `source_urls` and `retrieved` cells: one date for every source, or one
    /// per source in the same order.
    pub fn read_cells(urls: &str, dates: &str) -> Result<Vec<Self>, String> {
        let urls = split_list(urls, LIST_SEP);
        let dates = split_list(dates, LIST_SEP);
        if dates.len() > 1 && dates.len() != urls.len() {
            return Err(format!(
                "{} dates pour {} sources : donnez une seule date, ou une date par source dans le même ordre.",
                dates.len(),
                urls.len()
            ));
        }
        Ok(urls
            .into_iter()
            .enumerate()
            .map(|(i, url)| Self {
                url,
                consulte_le: dates
                    .get(if dates.len() > 1 { i } else { 0 })
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect())
    }

    /// The sources of a table row (`source_urls`, `retrieved`); a malformed pair is an
    /// error of `retrieved`.
    pub fn read_row(text: &dyn Fn(&str) -> String, errors: &mut Vec<FieldError>) -> Vec<Self> {
        Self::read_cells(&text("source_urls"), &text("retrieved")).unwrap_or_else(|m| {
            errors.push(FieldError::new("retrieved", m));
            Vec::new()
        })
    }

    /// The `source_urls` and `retrieved` cells of a list of sources (one date when all
    /// are the same).
    #[must_use]
    pub fn write_cells(sources: &[Self]) -> (String, String) {
        let dates: Vec<&str> = sources.iter().map(|s| s.consulte_le.as_str()).collect();
        let retrieved = if dates.windows(2).all(|w| w[0] == w[1]) {
            dates.first().copied().unwrap_or_default().to_owned()
        } else {
            dates.join(LIST_SEP)
        };
        let urls: Vec<&str> = sources.iter().map(|s| s.url.as_str()).collect();
        (urls.join(LIST_SEP), retrieved)
    }

    /// The errors of a record's sources, as `(field, message)`: at least one source, each
    /// a full web address, read on an ISO date (the first bad date only).
    #[must_use]
    pub fn errors(sources: &[Self]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if sources.is_empty() {
            out.push((
                "sources".to_owned(),
                "au moins une source (adresse http ou https) est obligatoire : chaque fiche doit être sourcée.".to_owned(),
            ));
        }
        for (i, s) in sources.iter().enumerate() {
            if !is_url(&s.url) {
                out.push((
                    format!("sources[{i}]"),
                    format!(
                        "« {} » n'est pas une adresse web complète (commençant par http:// ou https://).",
                        s.url
                    ),
                ));
            }
        }
        if let Some(s) = sources.iter().find(|s| !is_date(&s.consulte_le)) {
            out.push((
                "retrieved".to_owned(),
                format!(
                    "« {} » : écrivez la date de consultation des sources au format AAAA-MM-JJ.",
                    s.consulte_le
                ),
            ));
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alliance {
    pub slug: String,
    pub nom: String,
    #[serde(default)]
    pub resume: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub partenaires: Vec<Partner>,
    /// TerritorialLevel code.
    #[serde(default)]
    pub niveau_territorial: Option<String>,
    /// The territory as the source names it.
    #[serde(default)]
    pub territoire_libelle: Option<String>,
    #[serde(default)]
    pub territoires: Vec<TerritoryRef>,
    /// Where the record lies when its facts give no INSEE code: the départements its
    /// territory's name gives within the régions (or collectivités d'outre-mer) its
    /// `region` column names, else those régions. Empty when it has codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub localisation: Vec<TerritoryRef>,
    #[serde(default)]
    pub domaines: Vec<String>,
    #[serde(default)]
    pub modes: Vec<Classification>,
    #[serde(default)]
    pub odd: SdgTags,
    #[serde(default)]
    pub fragilites: Vec<String>,
    #[serde(default)]
    pub impacts: Vec<String>,
    /// Results as stated by the sources, figures included.
    #[serde(default)]
    pub resultats: Vec<String>,
    #[serde(default)]
    pub leviers: Vec<String>,
    #[serde(default)]
    pub obstacles: Vec<String>,
    #[serde(default)]
    pub reproductibilite: Option<String>,
    /// Partial ISO date: `2017` or `2017-09`.
    #[serde(default)]
    pub debut: Option<String>,
    #[serde(default = "unknown_status")]
    pub statut: String,
    #[serde(default)]
    pub phase: Option<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub verifie_le: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
}

fn unknown_status() -> String {
    "inconnu".to_owned()
}

/// What validation needs to know about the reference data.
#[derive(Debug, Default, Clone)]
pub struct Referential {
    pub territories: HashSet<(Level, String)>,
    /// Folded name (`crate::text::fold`) of each région and collectivité d'outre-mer →
    /// its level and code, to place a record by the `region` column.
    pub region_names: HashMap<String, (Level, String)>,
    /// Each département: its folded name, its code and its région's code, to place a
    /// record whose territory names one (« Pays basque (Pyrénées-Atlantiques) »).
    pub departements: Vec<(String, String, String)>,
    pub targets: HashSet<String>,
    /// Fragility code → SDG goals (the documented editorial mapping).
    pub fragility_goals: HashMap<String, Vec<u8>>,
}

impl Referential {
    /// The départements a territory's name gives, within the régions a record is placed in:
    /// those named between brackets (« Biovallée (Drôme) »), or anywhere in the name when the
    /// record's level is the département (« Lyon et Rhône »). Whole words only; a name the
    /// régions do not contain is not read.
    #[must_use]
    pub fn departements_named(
        &self,
        territory_name: &str,
        territorial_level: &str,
        regions: &[TerritoryRef],
    ) -> Vec<TerritoryRef> {
        let mut texts: Vec<String> = Vec::new();
        if territorial_level == "departement" {
            texts.push(territory_name.to_owned());
        }
        let mut rest = territory_name;
        while let Some(open) = rest.find('(') {
            let after = &rest[open + 1..];
            let close = after.find(')').unwrap_or(after.len());
            texts.push(after[..close].to_owned());
            rest = &after[close..];
        }
        let mut out: Vec<TerritoryRef> = Vec::new();
        for text in texts {
            let folded = format!(" {} ", crate::text::fold(&text));
            for (name, code, region) in &self.departements {
                let in_region = regions
                    .iter()
                    .any(|r| r.niveau == Level::Region.code() && r.code == *region);
                if in_region && folded.contains(&format!(" {name} ")) {
                    let t = TerritoryRef {
                        niveau: Level::Departement.code().to_owned(),
                        code: code.clone(),
                    };
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
        // « Loire » inside « Loire-Atlantique » is not a second département.
        let names: Vec<(String, TerritoryRef)> = out
            .iter()
            .filter_map(|t| {
                self.departements
                    .iter()
                    .find(|(_, c, _)| *c == t.code)
                    .map(|(n, _, _)| (n.clone(), t.clone()))
            })
            .collect();
        out.retain(|t| {
            let own = names.iter().find(|(_, x)| x == t).map(|(n, _)| n.as_str());
            !names.iter().any(|(other, x)| {
                x != t && own.is_some_and(|o| other.len() > o.len() && other.contains(o))
            })
        });
        out
    }

    /// Places where each région of one département only (the overseas régions) is replaced
    /// by its département: the same land, at the more precise level.
    #[must_use]
    pub fn with_sole_departements(&self, places: Vec<TerritoryRef>) -> Vec<TerritoryRef> {
        places
            .into_iter()
            .map(|t| {
                let deps: Vec<&String> = self
                    .departements
                    .iter()
                    .filter(|(_, _, r)| t.niveau == Level::Region.code() && *r == t.code)
                    .map(|(_, c, _)| c)
                    .collect();
                match deps.as_slice() {
                    [only] => TerritoryRef {
                        niveau: Level::Departement.code().to_owned(),
                        code: (*only).clone(),
                    },
                    _ => t,
                }
            })
            .collect()
    }

    #[must_use]
    pub fn has(&self, level: Level, code: &str) -> bool {
        self.territories.contains(&(level, code.to_owned()))
    }

    /// Places named in a `region` cell (` | `-separated names of régions or collectivités
    /// d'outre-mer; `national` and `international` name no place). An unknown name is an
    /// error that lists what the cell may hold.
    pub fn places_named(&self, cell: &str) -> Result<Vec<TerritoryRef>, String> {
        let mut out: Vec<TerritoryRef> = Vec::new();
        for name in split_list(cell, LIST_SEP) {
            let folded = crate::text::fold(&name);
            if matches!(folded.as_str(), "national" | "international" | "france") {
                continue;
            }
            match self.region_names.get(&folded) {
                Some((level, code)) => {
                    let r = TerritoryRef {
                        niveau: level.code().to_owned(),
                        code: code.clone(),
                    };
                    if !out.contains(&r) {
                        out.push(r);
                    }
                }
                None => {
                    return Err(format!(
                        "région « {name} » inconnue : écrivez le nom officiel d'une région ou d'une collectivité d'outre-mer (par exemple « Occitanie », « La Réunion », « Saint-Martin »), plusieurs séparés par « | », ou « national »."
                    ));
                }
            }
        }
        Ok(out)
    }
}

/// Columns of the fact tables, in their order; all must be present in a CSV import.
pub const FACT_COLUMNS: [&str; 15] = [
    "id",
    "name",
    "partners",
    "territory_name",
    "territory_level",
    "insee_codes",
    "region",
    "start_year",
    "domains",
    "relational_modes",
    "sdgs_stated",
    "fragilities",
    "results",
    "source_urls",
    "retrieved",
];

/// Our optional extra columns, written by the export after the fact columns.
pub const EXTRA_COLUMNS: [&str; 11] = [
    "cibles",
    "resume",
    "description",
    "impacts",
    "leviers",
    "obstacles",
    "reproductibilite",
    "statut",
    "phase",
    "verifie_le",
    "licence",
];

const LIST_SEP: &str = " | ";
const STATEMENT_SEP: &str = " ; ";
const EDITORIAL_MARK: &str = "[editorial]";

/// The column a record field is read from, to report CSV errors where the user can fix them.
#[must_use]
pub fn column_of(field: &str) -> &str {
    let root = field.split(['[', '.']).next().unwrap_or(field);
    match root {
        "slug" => "id",
        "nom" => "name",
        "partenaires" => "partners",
        "territoire_libelle" => "territory_name",
        "niveau_territorial" => "territory_level",
        "territoires" => "insee_codes",
        "localisation" => "region",
        "debut" => "start_year",
        "domaines" => "domains",
        "modes" => "relational_modes",
        "fragilites" => "fragilities",
        "resultats" => "results",
        "sources" => "source_urls",
        "odd" if field.contains("cibles") => "cibles",
        "odd" => "sdgs_stated",
        other => other,
    }
}

/// `code` or `code [editorial]`.
fn classification(token: &str) -> Classification {
    match token.strip_suffix(EDITORIAL_MARK) {
        Some(code) => Classification {
            code: code.trim().to_owned(),
            origine: Origin::Editorial,
        },
        None => Classification {
            code: token.trim().to_owned(),
            origine: Origin::Stated,
        },
    }
}

fn write_classification(c: &Classification) -> String {
    match c.origine {
        Origin::Stated => c.code.clone(),
        Origin::Editorial => format!("{} {EDITORIAL_MARK}", c.code),
    }
}

/// `Organisation (type; rôle)` or `Organisation (type; rôle; apports)`.
fn parse_partner(token: &str) -> Result<Partner, String> {
    let token = token.trim();
    let bad = || {
        format!(
            "partenaire « {token} » : écrivez « Organisation (type; rôle) », par exemple « Mairie de Lunas (collectivite; membre) »."
        )
    };
    if !token.ends_with(')') {
        return Err(bad());
    }
    let mut depth = 0i32;
    let mut open = None;
    for (i, c) in token.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    open = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let open = open.ok_or_else(bad)?;
    let name = token[..open].trim();
    let inner = &token[open + 1..token.len() - 1];
    if name.is_empty() {
        return Err(bad());
    }
    let mut parts = inner.splitn(3, ';').map(str::trim);
    let kind = parts.next().unwrap_or_default();
    Ok(Partner {
        nom: name.to_owned(),
        type_acteur: kind.to_owned(),
        role: opt(parts.next()),
        apports: opt(parts.next()),
    })
}

fn write_partner(p: &Partner) -> String {
    let mut s = format!("{} ({}", p.nom, p.type_acteur);
    if p.role.is_some() || p.apports.is_some() {
        s.push_str("; ");
        s.push_str(p.role.as_deref().unwrap_or(""));
    }
    if let Some(a) = &p.apports {
        s.push_str("; ");
        s.push_str(a);
    }
    s.push(')');
    s
}

/// Reads the ` | `-separated INSEE codes of a cell, each at its own level: a record may name
/// places of several levels at once (a département and an EPCI in it). Syntax only:
/// `validate` checks existence. See [`code_level`].
pub fn read_codes(
    territorial_level: &str,
    cell: &str,
    referential: &Referential,
) -> Result<Vec<TerritoryRef>, Vec<String>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for code in split_list(cell, LIST_SEP) {
        match code_level(territorial_level, &code, referential) {
            Some(l) => out.push(TerritoryRef {
                niveau: l.code().to_owned(),
                code,
            }),
            None => errors.push(format!(
                "code « {code} » : indiquez un territory_level parmi micro-local, commune, intercommunalite, departement ou region pour lire ce code."
            )),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The level of one code of a record, read by its shape: 9 digits an EPCI, 5 characters a
/// commune, 2–3 characters a département — or a région when the record's territorial level
/// is `region` — or else a collectivité d'outre-mer (`978` Saint-Martin). `None` when the
/// territorial level does not allow codes (national, international, empty).
#[must_use]
pub fn code_level(territorial_level: &str, code: &str, referential: &Referential) -> Option<Level> {
    let allowed = code_levels(territorial_level);
    let by_shape: &[Level] = match code.chars().count() {
        9 => &[Level::Epci],
        5 => &[Level::Commune],
        _ if territorial_level == "region" => &[
            Level::Region,
            Level::CollectiviteOutreMer,
            Level::Departement,
        ],
        _ => &[Level::Departement, Level::CollectiviteOutreMer],
    };
    let candidates = || by_shape.iter().filter(|l| allowed.contains(l));
    candidates()
        .find(|l| l.accepts(code) && referential.has(**l, code))
        .or_else(|| candidates().find(|l| l.accepts(code)))
        .or_else(|| candidates().next())
        .copied()
}

/// The levels the codes of a record may have, from its territorial level: every level below
/// the région (and the collectivités d'outre-mer) for a local record, every level for a
/// regional one; none for a national or international one.
#[must_use]
pub fn code_levels(territorial_level: &str) -> &'static [Level] {
    const LOCAL: &[Level] = &[
        Level::Commune,
        Level::Epci,
        Level::Departement,
        Level::CollectiviteOutreMer,
    ];
    match territorial_level {
        "micro-local" | "commune" | "intercommunalite" | "departement" => LOCAL,
        "region" => &Level::ALL,
        _ => &[],
    }
}

impl Alliance {
    /// Reads a record from the columns of the fact-table layout (plus ours). Syntax errors
    /// only; `validate` checks the codes against the reference data.
    pub fn from_columns(
        get: &dyn Fn(&str) -> Option<String>,
        referential: &Referential,
    ) -> Result<Alliance, Vec<FieldError>> {
        let mut errors = Vec::new();
        let text = |c: &str| get(c).map(|v| v.trim().to_owned()).unwrap_or_default();
        let mut partenaires = Vec::new();
        for token in split_list(&text("partners"), LIST_SEP) {
            match parse_partner(&token) {
                Ok(p) => partenaires.push(p),
                Err(m) => errors.push(FieldError::new("partners", m)),
            }
        }
        let level = text("territory_level");
        let territoires = match read_codes(&level, &text("insee_codes"), referential) {
            Ok(t) => t,
            Err(messages) => {
                errors.extend(
                    messages
                        .into_iter()
                        .map(|m| FieldError::new("insee_codes", m)),
                );
                Vec::new()
            }
        };
        // Without codes, the `region` column is where the record lies.
        let mut localisation = Vec::new();
        if territoires.is_empty() {
            match referential.places_named(&text("region")) {
                Ok(places) => {
                    // The most precise level the facts give: a département the territory's
                    // name gives, else the régions.
                    let deps =
                        referential.departements_named(&text("territory_name"), &level, &places);
                    localisation = if deps.is_empty() {
                        referential.with_sole_departements(places)
                    } else {
                        deps
                    };
                }
                Err(m) => errors.push(FieldError::new("region", m)),
            }
        }
        let mut odd = SdgTags::default();
        let sdgs = text("sdgs_stated");
        let tokens = split_list(&sdgs, LIST_SEP);
        let mut stated_none = false;
        for token in &tokens {
            let folded = token.to_lowercase();
            if matches!(
                folded.as_str(),
                "not stated" | "non précisé" | "non precise"
            ) {
                odd.non_precise = true;
                continue;
            }
            if matches!(folded.as_str(), "none" | "aucun") {
                stated_none = true;
                continue;
            }
            let c = classification(token);
            match c.code.parse::<u8>() {
                Ok(n) => odd.objectifs.push(SdgGoalTag {
                    numero: n,
                    origine: c.origine,
                }),
                Err(_) => errors.push(FieldError::new(
                    "sdgs_stated",
                    format!(
                        "« {token} » n'est pas un objectif : écrivez des numéros de 1 à 17 séparés par « | », « not stated » ou « aucun »."
                    ),
                )),
            }
        }
        if !stated_none && !odd.objectifs.iter().any(|g| g.origine == Origin::Stated) {
            odd.non_precise = true;
        }
        odd.cibles = split_list(&text("cibles"), LIST_SEP)
            .iter()
            .map(|t| classification(t))
            .collect();
        let sources = Source::read_row(&text, &mut errors);
        let record = Alliance {
            slug: text("id"),
            nom: text("name"),
            resume: opt(get("resume").as_deref()),
            description: opt(get("description").as_deref()),
            partenaires,
            niveau_territorial: opt(Some(&level)),
            territoire_libelle: opt(get("territory_name").as_deref()),
            territoires,
            localisation,
            domaines: split_list(&text("domains"), LIST_SEP),
            modes: split_list(&text("relational_modes"), LIST_SEP)
                .iter()
                .map(|t| classification(t))
                .collect(),
            odd,
            fragilites: split_list(&text("fragilities"), LIST_SEP),
            impacts: split_list(&text("impacts"), LIST_SEP),
            resultats: split_list(&text("results"), STATEMENT_SEP),
            leviers: split_list(&text("leviers"), STATEMENT_SEP),
            obstacles: split_list(&text("obstacles"), STATEMENT_SEP),
            reproductibilite: opt(get("reproductibilite").as_deref()),
            debut: opt(Some(&text("start_year"))),
            statut: opt(get("statut").as_deref()).unwrap_or_else(unknown_status),
            phase: opt(get("phase").as_deref()),
            sources,
            verifie_le: opt(get("verifie_le").as_deref()),
            licence: opt(get("licence").as_deref()),
        };
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(errors)
        }
    }

    /// Writes the record in the column layout `from_columns` reads (fact columns, then ours).
    /// `region_names` gives the informative `region` column.
    #[must_use]
    pub fn to_columns(&self, region_names: &[String]) -> Vec<(&'static str, String)> {
        let join = |v: &[String], sep: &str| v.join(sep);
        let mut sdgs: Vec<String> = Vec::new();
        if self.odd.non_precise {
            sdgs.push("not stated".to_owned());
        } else if !self
            .odd
            .objectifs
            .iter()
            .any(|g| g.origine == Origin::Stated)
        {
            sdgs.push("aucun".to_owned());
        }
        for g in &self.odd.objectifs {
            sdgs.push(write_classification(&Classification {
                code: g.numero.to_string(),
                origine: g.origine,
            }));
        }
        let (urls, retrieved) = Source::write_cells(&self.sources);
        vec![
            ("id", self.slug.clone()),
            ("name", self.nom.clone()),
            (
                "partners",
                self.partenaires
                    .iter()
                    .map(write_partner)
                    .collect::<Vec<_>>()
                    .join(LIST_SEP),
            ),
            (
                "territory_name",
                self.territoire_libelle.clone().unwrap_or_default(),
            ),
            (
                "territory_level",
                self.niveau_territorial.clone().unwrap_or_default(),
            ),
            (
                "insee_codes",
                self.territoires
                    .iter()
                    .map(|t| t.code.clone())
                    .collect::<Vec<_>>()
                    .join(LIST_SEP),
            ),
            ("region", region_names.join(LIST_SEP)),
            ("start_year", self.debut.clone().unwrap_or_default()),
            ("domains", join(&self.domaines, LIST_SEP)),
            (
                "relational_modes",
                self.modes
                    .iter()
                    .map(write_classification)
                    .collect::<Vec<_>>()
                    .join(LIST_SEP),
            ),
            ("sdgs_stated", sdgs.join(LIST_SEP)),
            ("fragilities", join(&self.fragilites, LIST_SEP)),
            ("results", join(&self.resultats, STATEMENT_SEP)),
            ("source_urls", urls),
            ("retrieved", retrieved),
            (
                "cibles",
                self.odd
                    .cibles
                    .iter()
                    .map(write_classification)
                    .collect::<Vec<_>>()
                    .join(LIST_SEP),
            ),
            ("resume", self.resume.clone().unwrap_or_default()),
            ("description", self.description.clone().unwrap_or_default()),
            ("impacts", join(&self.impacts, LIST_SEP)),
            ("leviers", join(&self.leviers, STATEMENT_SEP)),
            ("obstacles", join(&self.obstacles, STATEMENT_SEP)),
            (
                "reproductibilite",
                self.reproductibilite.clone().unwrap_or_default(),
            ),
            ("statut", self.statut.clone()),
            ("phase", self.phase.clone().unwrap_or_default()),
            ("verifie_le", self.verifie_le.clone().unwrap_or_default()),
            ("licence", self.licence.clone().unwrap_or_default()),
        ]
    }

    /// Checks every field against the taxonomies and the reference data. Field names are
    /// the record's (`territoires[0]`); `column_of` maps them to CSV columns.
    pub fn validate(&self, referential: &Referential) -> Result<(), Vec<FieldError>> {
        let mut e = Vec::new();
        let mut push = |champ: String, message: String| e.push(FieldError::new(champ, message));
        if let Some(m) = slug_error(&self.slug, "ptce-vivre-les-mureaux") {
            push("slug".into(), m);
        }
        if let Some(m) = name_error(&self.nom) {
            push("nom".into(), m);
        }
        if let Some(r) = &self.resume
            && r.chars().count() > 400
        {
            push("resume".into(), "le résumé dépasse 400 caractères.".into());
        }
        if let Some(d) = &self.description
            && d.chars().count() > 20_000
        {
            push(
                "description".into(),
                "la description dépasse 20 000 caractères.".into(),
            );
        }
        // The separators of the column layout cannot appear inside a value, or an export
        // would not read back the same.
        let mut separators = |champ: String, value: &str, forbidden: &[&str]| {
            if let Some(sep) = forbidden.iter().find(|sep| value.contains(**sep)) {
                e.push(FieldError::new(
                    champ,
                    format!("« {value} » contient « {} », qui sépare les valeurs d'une colonne : retirez-le.", sep.trim()),
                ));
            }
        };
        for (i, p) in self.partenaires.iter().enumerate() {
            separators(format!("partenaires[{i}].nom"), &p.nom, &[LIST_SEP]);
            if let Some(r) = &p.role {
                separators(format!("partenaires[{i}].role"), r, &[LIST_SEP, ";"]);
            }
            if let Some(a) = &p.apports {
                separators(format!("partenaires[{i}].apports"), a, &[LIST_SEP]);
            }
        }
        for (field, list) in [
            ("resultats", &self.resultats),
            ("leviers", &self.leviers),
            ("obstacles", &self.obstacles),
        ] {
            for (i, v) in list.iter().enumerate() {
                separators(format!("{field}[{i}]"), v, &[STATEMENT_SEP]);
            }
        }
        let mut push = |champ: String, message: String| e.push(FieldError::new(champ, message));
        for (i, p) in self.partenaires.iter().enumerate() {
            if p.nom.trim().is_empty() {
                push(
                    format!("partenaires[{i}]"),
                    "le nom du partenaire est vide.".into(),
                );
            }
            if !ACTOR_TYPES.contains(&p.type_acteur) {
                push(
                    format!("partenaires[{i}].type_acteur"),
                    format!(
                        "type d'acteur « {} » inconnu pour « {} » ; valeurs possibles : {}.",
                        p.type_acteur,
                        p.nom,
                        ACTOR_TYPES.codes.join(", ")
                    ),
                );
            }
        }
        if let Some(level) = &self.niveau_territorial
            && !TERRITORIAL_LEVELS.contains(level)
        {
            push(
                "niveau_territorial".into(),
                format!(
                    "niveau territorial « {level} » inconnu ; valeurs possibles : {}.",
                    TERRITORIAL_LEVELS.codes.join(", ")
                ),
            );
        }
        let expected = code_levels(self.niveau_territorial.as_deref().unwrap_or(""));
        if expected.is_empty() && !self.territoires.is_empty() {
            push(
                "niveau_territorial".into(),
                "des codes de territoire sont donnés : indiquez l'échelle qui permet de les lire (micro-local, commune, intercommunalite, departement ou region).".into(),
            );
        }
        let mut seen = HashSet::new();
        for (i, t) in self.territoires.iter().enumerate() {
            let champ = format!("territoires[{i}]");
            let Some(level) = t.level() else {
                push(champ, format!("niveau « {} » inconnu.", t.niveau));
                continue;
            };
            if !seen.insert((level, t.code.clone())) {
                push(champ, format!("le code « {} » est répété.", t.code));
                continue;
            }
            if !expected.is_empty() && !expected.contains(&level) {
                push(
                    champ,
                    format!(
                        "le code « {} » ne correspond pas au niveau « {} ».",
                        t.code,
                        self.niveau_territorial.as_deref().unwrap_or_default()
                    ),
                );
            } else if !level.accepts(&t.code) || !referential.has(level, &t.code) {
                let what = match level {
                    Level::Commune => "code commune INSEE (5 caractères, par exemple 34144)",
                    Level::Epci => "SIREN d'EPCI (9 chiffres, par exemple 243500139)",
                    Level::Departement => "code de département (01 à 95, 2A, 2B, 971 à 976)",
                    Level::Region => "code de région (2 chiffres, par exemple 28)",
                    Level::CollectiviteOutreMer => "code de collectivité d'outre-mer",
                };
                push(
                    champ,
                    format!(
                        "« {} » n'est pas un {what} connu du Code officiel géographique.",
                        t.code
                    ),
                );
            }
        }
        if !self.territoires.is_empty() && !self.localisation.is_empty() {
            push(
                "localisation".into(),
                "une fiche qui a des codes de territoire est placée par ses codes : laissez la localisation vide.".into(),
            );
        }
        for (i, t) in self.localisation.iter().enumerate() {
            let known = t
                .level()
                .filter(|l| {
                    matches!(
                        l,
                        Level::Region | Level::Departement | Level::CollectiviteOutreMer
                    )
                })
                .is_some_and(|l| referential.has(l, &t.code));
            if !known {
                push(
                    format!("localisation[{i}]"),
                    format!(
                        "« {} » ({}) n'est pas une région, un département ni une collectivité d'outre-mer connus du Code officiel géographique.",
                        t.code, t.niveau
                    ),
                );
            }
        }
        check_codes(&mut push, "domaines", &self.domaines, &DOMAINS, "domaine");
        for (i, m) in self.modes.iter().enumerate() {
            if !RELATIONAL_MODES.contains(&m.code) {
                push(
                    format!("modes[{i}]"),
                    format!(
                        "mode relationnel « {} » inconnu ; valeurs possibles : {} (suivies de « [editorial] » si la classification est la nôtre).",
                        m.code,
                        RELATIONAL_MODES.codes.join(", ")
                    ),
                );
            }
        }
        for (i, g) in self.odd.objectifs.iter().enumerate() {
            if !(1..=17).contains(&g.numero) {
                push(
                    format!("odd.objectifs[{i}]"),
                    format!(
                        "l'objectif {} n'existe pas : les ODD vont de 1 à 17.",
                        g.numero
                    ),
                );
            }
        }
        for (i, c) in self.odd.cibles.iter().enumerate() {
            if !referential.targets.contains(&c.code) {
                push(
                    format!("odd.cibles[{i}]"),
                    format!(
                        "la cible « {} » n'existe pas ; écrivez un code de cible ODD comme 17.17 ou 8.5.",
                        c.code
                    ),
                );
            }
        }
        for (i, f) in self.fragilites.iter().enumerate() {
            if !is_slug(f) {
                push(
                    format!("fragilites[{i}]"),
                    format!(
                        "« {f} » : une fragilité s'écrit comme un code (minuscules sans accent et tirets, par exemple « precarite-energetique »)."
                    ),
                );
            }
        }
        check_codes(&mut push, "impacts", &self.impacts, &IMPACTS, "impact");
        if let Some(d) = &self.debut
            && !is_partial_date(d)
        {
            push(
                "debut".into(),
                format!("« {d} » : écrivez une année (2017) ou une année et un mois (2017-09)."),
            );
        }
        if !STATUSES.contains(&self.statut) {
            push(
                "statut".into(),
                format!(
                    "statut « {} » inconnu ; valeurs possibles : actif, termine, inconnu.",
                    self.statut
                ),
            );
        }
        if let Some(p) = &self.phase
            && !LIFECYCLE_PHASES.contains(p)
        {
            push(
                "phase".into(),
                format!(
                    "phase « {p} » inconnue ; valeurs possibles : {}.",
                    LIFECYCLE_PHASES.codes.join(", ")
                ),
            );
        }
        for (champ, message) in Source::errors(&self.sources) {
            push(champ, message);
        }
        if let Some(d) = &self.verifie_le
            && !is_date(d)
        {
            push(
                "verifie_le".into(),
                format!("« {d} » : écrivez une date au format AAAA-MM-JJ."),
            );
        }
        if e.is_empty() { Ok(()) } else { Err(e) }
    }

    /// Adds the classifications we derive: SDG goals from the fragilities when the source
    /// states none, and target 17.17 for every alliance. Idempotent.
    pub fn derive_editorial(&mut self, referential: &Referential) {
        if self.odd.non_precise {
            for f in &self.fragilites {
                for &n in referential
                    .fragility_goals
                    .get(f)
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                {
                    if !self.odd.objectifs.iter().any(|g| g.numero == n) {
                        self.odd.objectifs.push(SdgGoalTag {
                            numero: n,
                            origine: Origin::Editorial,
                        });
                    }
                }
            }
        }
        if !self.odd.cibles.iter().any(|c| c.code == PARTNERSHIP_TARGET) {
            self.odd.cibles.push(Classification {
                code: PARTNERSHIP_TARGET.to_owned(),
                origine: Origin::Editorial,
            });
        }
        if !self.odd.objectifs.iter().any(|g| g.numero == 17) {
            self.odd.objectifs.push(SdgGoalTag {
                numero: 17,
                origine: Origin::Editorial,
            });
        }
        if self.verifie_le.is_none() {
            self.verifie_le = self.sources.iter().map(|s| s.consulte_le.clone()).max();
        }
    }

    /// Where the record lies: its territories, or the régions it is placed in when its facts
    /// give no INSEE code.
    pub fn places(&self) -> impl Iterator<Item = &TerritoryRef> {
        self.territoires.iter().chain(&self.localisation)
    }

    /// The start year, for sorting and the date facet.
    #[must_use]
    pub fn start_year(&self) -> Option<u16> {
        self.debut.as_deref()?.get(..4)?.parse().ok()
    }

    /// Distinct actor types of the partners, in taxonomy order.
    #[must_use]
    pub fn actor_types(&self) -> Vec<&'static str> {
        ACTOR_TYPES
            .codes
            .iter()
            .copied()
            .filter(|c| self.partenaires.iter().any(|p| p.type_acteur == *c))
            .collect()
    }
}

impl Record for Alliance {
    type Context = Referential;
    const NOUN: &'static str = "alliance";
    const JSON_ID: &'static str = "slug";

    fn id(&self) -> &str {
        &self.slug
    }

    fn required_columns() -> &'static [&'static str] {
        &FACT_COLUMNS
    }

    fn optional_columns() -> &'static [&'static str] {
        &EXTRA_COLUMNS
    }

    fn from_columns(
        get: &dyn Fn(&str) -> Option<String>,
        context: &Referential,
    ) -> Result<Self, Vec<FieldError>> {
        Alliance::from_columns(get, context)
    }

    fn validate(&self, context: &Referential) -> Result<(), Vec<FieldError>> {
        Alliance::validate(self, context)
    }

    fn complete(&mut self, context: &Referential) {
        self.derive_editorial(context);
    }

    fn column_of(field: &str) -> String {
        column_of(field).to_owned()
    }
}

fn check_codes(
    push: &mut impl FnMut(String, String),
    field: &str,
    values: &[String],
    taxonomy: &crate::taxonomy::Taxonomy,
    what: &str,
) {
    for (i, v) in values.iter().enumerate() {
        if !taxonomy.contains(v) {
            push(
                format!("{field}[{i}]"),
                format!(
                    "{what} « {v} » inconnu ; valeurs possibles : {}.",
                    taxonomy.codes.join(", ")
                ),
            );
        }
    }
}

/// Why `value` is not an identifier (see [`is_slug`]); `example` shows a good one.
#[must_use]
pub fn slug_error(value: &str, example: &str) -> Option<String> {
    (!is_slug(value)).then(|| {
        format!(
            "« {value} » n'est pas un identifiant valide : lettres minuscules sans accent, chiffres et tirets (1 à 120 caractères), par exemple « {example} »."
        )
    })
}

/// Why a record's name is refused: empty or longer than 300 characters.
#[must_use]
pub fn name_error(nom: &str) -> Option<String> {
    if nom.trim().is_empty() {
        Some("le nom est obligatoire.".into())
    } else if nom.chars().count() > 300 {
        Some("le nom dépasse 300 caractères.".into())
    } else {
        None
    }
}

/// Lowercase ASCII letters and digits in words joined by single hyphens, 1–120 characters.
#[must_use]
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `YYYY-MM-DD`, a real calendar day.
#[must_use]
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        s[..4].parse::<u32>(),
        s[5..7].parse::<u32>(),
        s[8..].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1800..=2200).contains(&y) && (1..=days).contains(&d)
}

/// `YYYY` or `YYYY-MM`.
#[must_use]
pub fn is_partial_date(s: &str) -> bool {
    match s.len() {
        4 => {
            s.bytes().all(|b| b.is_ascii_digit())
                && s.parse::<u32>().is_ok_and(|y| (1800..=2200).contains(&y))
        }
        7 => is_date(&format!("{s}-01")),
        _ => false,
    }
}

/// An absolute http(s) URL with a host and no whitespace.
#[must_use]
pub fn is_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            host.contains('.') && !s.chars().any(char::is_whitespace) && s.len() <= 2000
        }
        None => false,
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
#[must_use]
pub fn days_from_civil(date: &str) -> Option<i64> {
    if !is_date(date) {
        return None;
    }
    let y: i64 = date[..4].parse().ok()?;
    let m: i64 = date[5..7].parse().ok()?;
    let d: i64 = date[8..].parse().ok()?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// `YYYY-MM-DD` of a day count since 1970-01-01.
#[must_use]
pub fn civil_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whether a record last verified on `verified` (ISO date) is due for an update on `today`:
/// 24 months or more without verification, or never verified.
#[must_use]
pub fn needs_update(verified: Option<&str>, today: &str) -> bool {
    let Some(v) = verified.filter(|v| is_date(v)) else {
        return true;
    };
    let (vy, vm, vd): (i32, i32, i32) = (
        v[..4].parse().unwrap_or(0),
        v[5..7].parse().unwrap_or(0),
        v[8..].parse().unwrap_or(0),
    );
    let (ty, tm, td): (i32, i32, i32) = (
        today[..4].parse().unwrap_or(0),
        today[5..7].parse().unwrap_or(0),
        today[8..].parse().unwrap_or(0),
    );
    let months = (ty - vy) * 12 + (tm - vm) - i32::from(td < vd);
    months >= 24
}

/// Field-by-field differences of two records, for tests and the import report.
#[must_use]
pub fn changed_fields(a: &Alliance, b: &Alliance) -> Vec<&'static str> {
    let ca: BTreeMap<_, _> = a.to_columns(&[]).into_iter().collect();
    let cb: BTreeMap<_, _> = b.to_columns(&[]).into_iter().collect();
    ca.iter()
        .filter(|(k, v)| cb.get(*k) != Some(*v))
        .map(|(k, _)| *k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn referential() -> Referential {
        let mut r = Referential::default();
        r.territories.insert((Level::Commune, "34144".into()));
        r.territories.insert((Level::Departement, "33".into()));
        r.territories
            .insert((Level::CollectiviteOutreMer, "978".into()));
        r.targets.insert("17.17".into());
        r.targets.insert("8.5".into());
        r.fragility_goals.insert("emploi".into(), vec![8]);
        r
    }

    fn row(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k| map.get(k).cloned()
    }

    fn sample() -> Vec<(&'static str, &'static str)> {
        vec![
            ("id", "reagir-lunas"),
            ("name", "RéAgir"),
            (
                "partners",
                "RéAgir (association; porteur) | Mairie de Lunas (collectivite; membre, chauffage (école))",
            ),
            ("territory_name", "Lunas"),
            ("territory_level", "commune"),
            ("insee_codes", "34144"),
            ("start_year", "2018"),
            ("domains", "environnemental | social"),
            (
                "relational_modes",
                "co-construction-territoriale [editorial] | mecenat",
            ),
            ("sdgs_stated", "not stated"),
            ("fragilities", "emploi | ruralite"),
            (
                "results",
                "analyse réalisée en mars 2017 ; association créée en 2018",
            ),
            (
                "source_urls",
                "https://example.org/a | https://example.org/b",
            ),
            ("retrieved", "2026-11-26"),
        ]
    }

    #[test]
    fn reads_the_fact_layout_and_derives_editorial_tags() {
        let r = referential();
        let mut a = Alliance::from_columns(&row(&sample()), &r).unwrap();
        a.validate(&r).unwrap();
        a.derive_editorial(&r);
        assert_eq!(a.partenaires.len(), 2);
        assert_eq!(
            a.partenaires[1].role.as_deref(),
            Some("membre, chauffage (école)")
        );
        assert_eq!(a.territoires[0].niveau, "commune");
        assert_eq!(a.modes[0].origine, Origin::Editorial);
        assert_eq!(a.modes[1].origine, Origin::Stated);
        assert!(a.odd.non_precise);
        assert_eq!(
            a.odd.objectifs,
            vec![
                SdgGoalTag {
                    numero: 8,
                    origine: Origin::Editorial
                },
                SdgGoalTag {
                    numero: 17,
                    origine: Origin::Editorial
                }
            ]
        );
        assert_eq!(a.odd.cibles[0].code, "17.17");
        assert_eq!(a.resultats.len(), 2);
        assert_eq!(a.verifie_le.as_deref(), Some("2026-11-26"));
        assert_eq!(a.start_year(), Some(2018));
    }

    #[test]
    fn columns_round_trip() {
        let r = referential();
        let mut a = Alliance::from_columns(&row(&sample()), &r).unwrap();
        a.derive_editorial(&r);
        let cols = a.to_columns(&[]);
        let map: HashMap<String, String> = cols
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        let mut b = Alliance::from_columns(&|k: &str| map.get(k).cloned(), &r).unwrap();
        b.derive_editorial(&r);
        assert_eq!(a, b);
    }

    #[test]
    fn reports_every_bad_field() {
        let r = referential();
        let mut s = sample();
        s[2].1 = "X (inconnu; rôle) | sans parenthèses";
        let errs = Alliance::from_columns(&row(&s), &r).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].champ, "partners");
        let mut s = sample();
        s[2].1 = "X (inconnu; rôle)";
        s[5].1 = "99999";
        s[7].1 = "économique";
        s[9].1 = "18";
        s[12].1 = "ftp://x";
        let a = Alliance::from_columns(&row(&s), &r).unwrap();
        let errs = a.validate(&r).unwrap_err();
        let cols: Vec<&str> = errs.iter().map(|e| column_of(&e.champ)).collect();
        assert_eq!(
            cols,
            vec![
                "partners",
                "insee_codes",
                "domains",
                "sdgs_stated",
                "source_urls"
            ]
        );
    }

    #[test]
    fn values_that_would_not_read_back_are_refused() {
        let r = referential();
        let mut a = Alliance::from_columns(&row(&sample()), &r).unwrap();
        a.partenaires[0].role = Some("pilote; financeur".into());
        a.resultats.push("12 emplois ; 3 bénévoles".into());
        a.niveau_territorial = Some("national".into());
        let fields: Vec<String> = a
            .validate(&r)
            .unwrap_err()
            .into_iter()
            .map(|e| e.champ)
            .collect();
        assert_eq!(
            fields,
            ["partenaires[0].role", "resultats[2]", "niveau_territorial"]
        );
    }

    #[test]
    fn sources_keep_their_own_dates() {
        let r = referential();
        let mut s = sample();
        s[13].1 = "2026-11-26 | 2025-06-01";
        let mut a = Alliance::from_columns(&row(&s), &r).unwrap();
        a.validate(&r).unwrap();
        assert_eq!(a.sources[1].consulte_le, "2025-06-01");
        a.derive_editorial(&r);
        let cols: HashMap<String, String> = a
            .to_columns(&[])
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(cols["retrieved"], "2026-11-26 | 2025-06-01");
        let b = Alliance::from_columns(&|k: &str| cols.get(k).cloned(), &r).unwrap();
        assert_eq!(a.sources, b.sources);
        s[13].1 = "2026-11-26 | 2025-06-01 | 2024-01-01";
        assert_eq!(
            Alliance::from_columns(&row(&s), &r).unwrap_err()[0].champ,
            "retrieved"
        );
    }

    #[test]
    fn com_codes_are_read_beside_regions() {
        let r = referential();
        let mut s = sample();
        s[4].1 = "region";
        s[5].1 = "978";
        let a = Alliance::from_columns(&row(&s), &r).unwrap();
        a.validate(&r).unwrap();
        assert_eq!(a.territoires[0].niveau, "collectivite_outre_mer");
    }

    /// Five rows of the fact tables name places of several levels at once: each code keeps
    /// its own level, read by its shape; a 2-character code is a région only when the
    /// record's level says so.
    #[test]
    fn each_code_keeps_its_own_level() {
        let mut r = referential();
        r.territories.insert((Level::Epci, "200072304".into()));
        r.territories.insert((Level::Region, "24".into()));
        r.territories.insert((Level::Departement, "24".into()));
        let mut s = sample();
        s[4].1 = "departement";
        s[5].1 = "33 | 200072304 | 34144 | 978";
        let a = Alliance::from_columns(&row(&s), &r).unwrap();
        a.validate(&r).unwrap();
        let levels: Vec<&str> = a.territoires.iter().map(|t| t.niveau.as_str()).collect();
        assert_eq!(
            levels,
            ["departement", "epci", "commune", "collectivite_outre_mer"]
        );
        s[5].1 = "24";
        let a = Alliance::from_columns(&row(&s), &r).unwrap();
        assert_eq!(a.territoires[0].niveau, "departement");
        s[4].1 = "region";
        let a = Alliance::from_columns(&row(&s), &r).unwrap();
        assert_eq!(a.territoires[0].niveau, "region");
        // A national record names no place by code.
        s[4].1 = "national";
        let errors = Alliance::from_columns(&row(&s), &r).unwrap_err();
        assert_eq!(errors[0].champ, "insee_codes");
    }

    #[test]
    fn dates() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(is_partial_date("2017-09"));
        assert!(!is_partial_date("2017-13"));
        assert!(!is_partial_date("2017-+9"));
        assert!(!is_date("2025-+6-01"));
        assert_eq!(
            civil_from_days(days_from_civil("2026-11-26").unwrap()),
            "2026-11-26"
        );
        assert!(needs_update(Some("2024-11-26"), "2026-11-26"));
        assert!(!needs_update(Some("2024-11-27"), "2026-11-26"));
        assert!(needs_update(None, "2026-11-26"));
    }

    #[test]
    fn urls_and_slugs() {
        assert!(is_url("https://fonda.asso.fr/ressources/x?y=1"));
        assert!(!is_url("fonda.asso.fr"));
        assert!(!is_url("https://localhost"));
        assert!(is_slug("log-ins-ares-gxo"));
        assert!(!is_slug("Log-ins"));
        assert!(!is_slug("a--b"));
    }

    #[test]
    fn without_codes_a_record_lies_in_the_most_precise_place_its_facts_give() {
        let mut r = referential();
        for (code, name) in [
            ("84", "Auvergne-Rhône-Alpes"),
            ("03", "Guyane"),
            ("52", "Pays de la Loire"),
        ] {
            r.territories.insert((Level::Region, code.into()));
            r.region_names
                .insert(crate::text::fold(name), (Level::Region, code.into()));
        }
        for (code, name, region) in [
            ("26", "Drôme", "84"),
            ("69", "Rhône", "84"),
            ("42", "Loire", "84"),
            ("973", "Guyane", "03"),
            ("44", "Loire-Atlantique", "52"),
        ] {
            r.territories.insert((Level::Departement, code.into()));
            r.departements
                .push((crate::text::fold(name), code.into(), region.into()));
        }
        let place = |name: &str, level: &str, region: &str| {
            let mut cells = sample();
            for (k, v) in [
                ("territory_name", name),
                ("territory_level", level),
                ("insee_codes", ""),
                ("region", region),
            ] {
                cells.retain(|(c, _)| *c != k);
                cells.push((k, v));
            }
            let a = Alliance::from_columns(&row(&cells), &r).unwrap();
            a.validate(&r).unwrap();
            a.localisation
                .iter()
                .map(|t| format!("{}:{}", t.niveau, t.code))
                .collect::<Vec<_>>()
        };
        // A département between brackets, or named by a département-level record.
        assert_eq!(
            place(
                "Biovallée (Drôme)",
                "intercommunalite",
                "Auvergne-Rhône-Alpes"
            ),
            ["departement:26"]
        );
        assert_eq!(
            place("Lyon et Rhône", "departement", "Auvergne-Rhône-Alpes"),
            ["departement:69"]
        );
        // Only whole names, only in the named région, the longer name winning.
        assert_eq!(
            place("Val de Loire", "intercommunalite", "Auvergne-Rhône-Alpes"),
            ["region:84"]
        );
        assert_eq!(
            place(
                "Nord (Loire-Atlantique)",
                "intercommunalite",
                "Pays de la Loire"
            ),
            ["departement:44"]
        );
        // An overseas région is its one département.
        assert_eq!(
            place("Sud Guyane", "intercommunalite", "Guyane"),
            ["departement:973"]
        );
        assert!(place("France", "national", "national").is_empty());
        let mut cells = sample();
        cells.retain(|(c, _)| *c != "insee_codes" && *c != "region");
        cells.push(("insee_codes", ""));
        cells.push(("region", "Atlantide"));
        let errs = Alliance::from_columns(&row(&cells), &r).unwrap_err();
        assert_eq!(column_of(&errs[0].champ), "region");
    }
}
