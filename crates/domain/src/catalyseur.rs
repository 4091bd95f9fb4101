//! Catalyseurs territoriaux: the organisations whose job includes bringing the actors of a
//! territory together, with their kind, territory and métiers.

use serde::{Deserialize, Serialize};

use crate::alliance::{
    Referential, Source, TerritoryRef, name_error, read_codes, slug_error, web_address_error,
};
use crate::error::FieldError;
use crate::record::{Record, non_empty, read_year, split_list, unknown_codes};
use crate::taxonomy::{CATALYSE_METIERS, Taxonomy};
use crate::territory::Level;
use crate::text::fold;

/// Kinds of catalyseurs, with the French names the fact tables use.
pub const KINDS: [(&str, &str); 16] = [
    ("cress", "CRESS"),
    ("reseau-tiers-lieux", "réseau de tiers-lieux"),
    ("tiers-lieu", "tiers-lieu"),
    (
        "centre-ressources-politique-ville",
        "centre de ressources politique de la ville",
    ),
    ("fondation-territoriale", "fondation territoriale"),
    (
        "fonds-dotation-territorial",
        "fonds de dotation territorial",
    ),
    ("club-entreprises", "club d'entreprises"),
    ("ptce", "PTCE"),
    ("maison-associations", "maison des associations"),
    (
        "reseau-maisons-associations",
        "réseau de maisons des associations",
    ),
    ("france-active", "France Active territoriale"),
    ("dla", "DLA"),
    ("reseau-ess", "réseau ESS"),
    ("agence-developpement", "agence de développement"),
    ("reseau-catalyseurs", "réseau de catalyseurs territoriaux"),
    (
        "laboratoire",
        "laboratoire de recherche et d'expérimentation",
    ),
];

pub const GENRES: Taxonomy = Taxonomy {
    key: "genre",
    codes: &[
        "cress",
        "reseau-tiers-lieux",
        "tiers-lieu",
        "centre-ressources-politique-ville",
        "fondation-territoriale",
        "fonds-dotation-territorial",
        "club-entreprises",
        "ptce",
        "maison-associations",
        "reseau-maisons-associations",
        "france-active",
        "dla",
        "reseau-ess",
        "agence-developpement",
        "reseau-catalyseurs",
        "laboratoire",
    ],
};

/// The levels a catalyseur's territory is given at.
pub const LEVELS: [&str; 5] = [
    "commune",
    "intercommunalite",
    "departement",
    "region",
    "national",
];

pub const COLUMNS: [&str; 12] = [
    "id",
    "name",
    "kind",
    "territory_name",
    "territory_level",
    "insee_codes",
    "region",
    "metiers",
    "founded_year",
    "website",
    "source_urls",
    "retrieved",
];

const LIST_SEP: &str = " | ";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalyseur {
    pub slug: String,
    pub nom: String,
    /// Kind code.
    pub genre: String,
    /// What the source adds to the kind (« fondation tête de réseau »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre_precision: Option<String>,
    /// The territory served, as the source names it (`territoire` in the API).
    #[serde(default, alias = "territoire")]
    pub territoire_libelle: Option<String>,
    /// `commune`, `intercommunalite`, `departement`, `region` or `national`.
    pub niveau_territorial: String,
    /// The units served, when the territory is made of current units.
    #[serde(default)]
    pub territoires: Vec<TerritoryRef>,
    /// The région(s) named by the facts when there is no code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub localisation: Vec<TerritoryRef>,
    #[serde(default)]
    pub metiers: Vec<String>,
    #[serde(default)]
    pub fondation: Option<u16>,
    #[serde(default)]
    pub site: Option<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

impl Catalyseur {
    /// Where the catalyseur works: its unit, or the régions named; nothing when national.
    pub fn places(&self) -> impl Iterator<Item = &TerritoryRef> {
        self.territoires.iter().chain(&self.localisation)
    }

    #[must_use]
    pub fn is_national(&self) -> bool {
        self.niveau_territorial == "national"
    }

    /// The French name of the kind as the fact tables write it, with its precision.
    #[must_use]
    pub fn kind_cell(&self) -> String {
        let name = KINDS
            .iter()
            .find(|(c, _)| *c == self.genre)
            .map_or(self.genre.as_str(), |(_, n)| n);
        match &self.genre_precision {
            Some(p) => format!("{name} ({p})"),
            None => name.to_owned(),
        }
    }

    /// The columns of the table layout; `region_names` fills the informative `region`
    /// column of a record placed by its code.
    #[must_use]
    pub fn to_columns(&self, region_names: &[String]) -> Vec<(&'static str, String)> {
        let region = if self.is_national() {
            "national".to_owned()
        } else {
            region_names.join(LIST_SEP)
        };
        let (urls, retrieved) = Source::write_cells(&self.sources);
        vec![
            ("id", self.slug.clone()),
            ("name", self.nom.clone()),
            ("kind", self.kind_cell()),
            (
                "territory_name",
                self.territoire_libelle.clone().unwrap_or_default(),
            ),
            ("territory_level", self.niveau_territorial.clone()),
            (
                "insee_codes",
                self.territoires
                    .iter()
                    .map(|t| t.code.clone())
                    .collect::<Vec<_>>()
                    .join(LIST_SEP),
            ),
            ("region", region),
            ("metiers", self.metiers.join(LIST_SEP)),
            (
                "founded_year",
                self.fondation.map(|y| y.to_string()).unwrap_or_default(),
            ),
            ("website", self.site.clone().unwrap_or_default()),
            ("source_urls", urls),
            ("retrieved", retrieved),
        ]
    }
}

/// A kind cell: a code or a French name, with an optional precision in brackets.
fn read_kind(cell: &str) -> Option<(String, Option<String>)> {
    let cell = cell.trim();
    let (name, precision) = match cell.strip_suffix(')').and_then(|c| c.split_once(" (")) {
        Some((n, p)) => (n.trim(), non_empty(Some(p))),
        None => (cell, None),
    };
    let folded = fold(name);
    KINDS
        .iter()
        .find(|(c, n)| *c == name || fold(n) == folded)
        .map(|(c, _)| ((*c).to_owned(), precision))
}

impl Record for Catalyseur {
    type Context = Referential;
    const NOUN: &'static str = "catalyseur";
    const JSON_ID: &'static str = "slug";

    fn id(&self) -> &str {
        &self.slug
    }

    fn required_columns() -> &'static [&'static str] {
        &COLUMNS
    }

    fn optional_columns() -> &'static [&'static str] {
        &[]
    }

    fn from_columns(
        get: &dyn Fn(&str) -> Option<String>,
        referential: &Referential,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let text = |c: &str| get(c).map(|v| v.trim().to_owned()).unwrap_or_default();
        let kind = text("kind");
        let (genre, genre_precision) = match read_kind(&kind) {
            Some(k) => k,
            None => {
                errors.push(FieldError::new(
                    "genre",
                    format!(
                        "genre « {kind} » inconnu ; valeurs possibles : {}.",
                        KINDS.map(|(_, n)| n).join(", ")
                    ),
                ));
                (String::new(), None)
            }
        };
        let level = text("territory_level");
        let territoires = match read_codes(&level, &text("insee_codes"), referential) {
            Ok(t) => t,
            Err(messages) => {
                errors.extend(
                    messages
                        .into_iter()
                        .map(|m| FieldError::new("territoires", m)),
                );
                Vec::new()
            }
        };
        let mut localisation = Vec::new();
        if territoires.is_empty() && level != "national" {
            match referential.places_named(&text("region")) {
                Ok(p) => localisation = p,
                Err(m) => errors.push(FieldError::new("localisation", m)),
            }
        }
        let fondation = read_year(get("founded_year").as_deref(), "fondation", &mut errors);
        let sources = Source::read_row(&text, &mut errors);
        let record = Catalyseur {
            slug: text("id"),
            nom: text("name"),
            genre,
            genre_precision,
            territoire_libelle: non_empty(get("territory_name").as_deref()),
            niveau_territorial: level,
            territoires,
            localisation,
            metiers: split_list(&text("metiers"), LIST_SEP),
            fondation,
            site: non_empty(get("website").as_deref()),
            sources,
        };
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(errors)
        }
    }

    fn validate(&self, referential: &Referential) -> Result<(), Vec<FieldError>> {
        let mut e = Vec::new();
        let mut push = |champ: String, message: String| e.push(FieldError::new(champ, message));
        if let Some(m) = slug_error(&self.slug, "cress-bretagne") {
            push("slug".into(), m);
        }
        if let Some(m) = name_error(&self.nom) {
            push("nom".into(), m);
        }
        if !GENRES.contains(&self.genre) {
            push("genre".into(), format!("genre « {} » inconnu.", self.genre));
        }
        if !LEVELS.contains(&self.niveau_territorial.as_str()) {
            push(
                "niveau_territorial".into(),
                format!(
                    "niveau « {} » inconnu ; valeurs possibles : {}.",
                    self.niveau_territorial,
                    LEVELS.join(", ")
                ),
            );
        }
        if self.is_national() && !(self.territoires.is_empty() && self.localisation.is_empty()) {
            push(
                "territoires".into(),
                "un catalyseur national n'a ni code de territoire ni région.".into(),
            );
        }
        if !self.is_national() && self.territoires.is_empty() && self.localisation.is_empty() {
            push(
                "localisation".into(),
                "indiquez le code INSEE du territoire servi ou, à défaut, sa région (colonne region).".into(),
            );
        }
        let expected = crate::alliance::code_levels(&self.niveau_territorial);
        for (i, t) in self.territoires.iter().enumerate() {
            let ok = t
                .level()
                .filter(|l| expected.contains(l))
                .is_some_and(|l| l.accepts(&t.code) && referential.has(l, &t.code));
            if !ok {
                push(
                    format!("territoires[{i}]"),
                    format!(
                        "« {} » n'est pas un code connu du Code officiel géographique au niveau « {} ».",
                        t.code, self.niveau_territorial
                    ),
                );
            }
        }
        for (i, t) in self.localisation.iter().enumerate() {
            let ok = t
                .level()
                .filter(|l| matches!(l, Level::Region | Level::CollectiviteOutreMer))
                .is_some_and(|l| referential.has(l, &t.code));
            if !ok {
                push(
                    format!("localisation[{i}]"),
                    format!("« {} » n'est pas une région connue.", t.code),
                );
            }
        }
        for (champ, message) in
            unknown_codes("metiers", "métier", &self.metiers, CATALYSE_METIERS, None)
        {
            push(champ, message);
        }
        if let Some(m) = self.site.as_deref().and_then(web_address_error) {
            push("site".into(), m);
        }
        for (champ, message) in Source::errors(&self.sources) {
            push(champ, message);
        }
        if e.is_empty() { Ok(()) } else { Err(e) }
    }

    fn column_of(field: &str) -> String {
        match field.split(['[', '.']).next().unwrap_or(field) {
            "slug" => "id",
            "nom" => "name",
            "genre" => "kind",
            "territoire_libelle" => "territory_name",
            "niveau_territorial" => "territory_level",
            "territoires" => "insee_codes",
            "localisation" => "region",
            "fondation" => "founded_year",
            "site" => "website",
            "sources" => "source_urls",
            other => return other.to_owned(),
        }
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn referential() -> Referential {
        let mut r = Referential::default();
        r.territories.insert((Level::Departement, "33".into()));
        r.territories.insert((Level::Region, "75".into()));
        r.region_names
            .insert("nouvelle aquitaine".into(), (Level::Region, "75".into()));
        r
    }

    fn row(over: &[(&str, &str)]) -> Result<Catalyseur, Vec<FieldError>> {
        let mut cells: Vec<(&str, &str)> = vec![
            ("id", "bordeaux-mecenes-solidaires"),
            ("name", "Bordeaux Mécènes Solidaires"),
            ("kind", "fonds de dotation territorial"),
            ("territory_name", "Gironde"),
            ("territory_level", "departement"),
            ("insee_codes", "33"),
            ("region", "Nouvelle-Aquitaine"),
            ("metiers", "dialogue-territorial | accompagnements"),
            ("founded_year", ""),
            ("website", ""),
            ("source_urls", "https://e.org/a | https://e.org/b"),
            ("retrieved", "2026-11-26"),
        ];
        for (k, v) in over {
            cells.iter_mut().find(|(c, _)| c == k).unwrap().1 = v;
        }
        let r = referential();
        let get = |c: &str| {
            cells
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, v)| (*v).to_owned())
        };
        let c = Catalyseur::from_columns(&get, &r)?;
        c.validate(&r)?;
        Ok(c)
    }

    #[test]
    fn reads_a_row_and_writes_it_back() {
        let c = row(&[]).unwrap();
        assert_eq!(c.genre, "fonds-dotation-territorial");
        assert_eq!(c.territoires[0].niveau, "departement");
        assert_eq!(c.sources.len(), 2);
        let cols = c.to_columns(&["Nouvelle-Aquitaine".into()]);
        let get = |k: &str| cols.iter().find(|(c, _)| *c == k).map(|(_, v)| v.clone());
        assert_eq!(Catalyseur::from_columns(&get, &referential()).unwrap(), c);
    }

    #[test]
    fn without_a_code_the_region_places_it() {
        let c = row(&[
            ("insee_codes", ""),
            ("territory_level", "region"),
            ("kind", "club d'entreprises (fondation tête de réseau)"),
        ])
        .unwrap();
        assert!(c.territoires.is_empty());
        assert_eq!(c.localisation[0].code, "75");
        assert_eq!(
            c.genre_precision.as_deref(),
            Some("fondation tête de réseau")
        );
    }

    #[test]
    fn errors_name_their_column() {
        let errs = row(&[
            ("kind", "guilde"),
            ("metiers", "danse"),
            ("founded_year", "vers 2000"),
            ("website", "www.example.org"),
        ])
        .unwrap_err();
        let cols: Vec<String> = errs
            .iter()
            .map(|e| Catalyseur::column_of(&e.champ))
            .collect();
        assert!(cols.contains(&"kind".to_owned()), "{cols:?}");
        assert!(cols.contains(&"founded_year".to_owned()), "{cols:?}");
        let errs = row(&[("metiers", "danse"), ("website", "www.example.org")]).unwrap_err();
        let cols: Vec<String> = errs
            .iter()
            .map(|e| Catalyseur::column_of(&e.champ))
            .collect();
        assert_eq!(cols, ["metiers", "website"]);
        let errs = row(&[("insee_codes", ""), ("region", "Atlantide")]).unwrap_err();
        assert_eq!(Catalyseur::column_of(&errs[0].champ), "region");
    }
}
