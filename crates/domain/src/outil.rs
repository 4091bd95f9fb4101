//! Outils: the tools that help build an alliance (référentiels, guides, kits, funds,
//! networks, trainings, platforms…), classified by the phases of an alliance they serve,
//! their audiences and the maturity they fit.

use serde::{Deserialize, Serialize};

use crate::alliance::{Source, name_error, slug_error, web_address_error};
use crate::error::FieldError;
use crate::record::{Record, non_empty, read_year, split_list, unknown_codes};
use crate::taxonomy::{ACTOR_TYPES, LIFECYCLE_PHASES, MATURITY_LEVELS, Taxonomy};

/// Kinds of tools.
pub const TYPES: Taxonomy = Taxonomy {
    key: "type-outil",
    codes: &[
        "guide",
        "referentiel",
        "kit",
        "autodiagnostic",
        "checklist",
        "jeu",
        "formation",
        "mooc",
        "plateforme",
        "annuaire",
        "observatoire",
        "etude",
        "fonds",
        "reseau",
    ],
};

/// How a tool can be reached.
pub const ACCESS: Taxonomy = Taxonomy {
    key: "acces",
    codes: &["gratuit", "payant", "sur-adhesion"],
};

/// The audience code of a tool meant for every actor type.
pub const EVERYONE: &str = "tous";

pub const COLUMNS: [&str; 14] = [
    "id",
    "name",
    "publisher",
    "year",
    "tool_type",
    "phases",
    "audiences",
    "maturity",
    "languages",
    "access",
    "licence",
    "url",
    "source_urls",
    "retrieved",
];

/// Ours, written from the row's facts.
pub const EXTRA_COLUMNS: [&str; 1] = ["description"];

const LIST_SEP: &str = " | ";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outil {
    pub slug: String,
    pub nom: String,
    /// Who publishes it, as the sources name them (with partners in brackets); none when
    /// the sources do not say.
    #[serde(default)]
    pub editeur: Option<String>,
    #[serde(default)]
    pub annee: Option<u16>,
    /// Type code.
    #[serde(rename = "type")]
    pub genre: String,
    /// Phases of an alliance it serves (editorial classification).
    #[serde(default)]
    pub phases: Vec<String>,
    /// Actor types, or `tous` (editorial classification).
    #[serde(default)]
    pub publics: Vec<String>,
    /// Maturity levels it fits; empty: every level (editorial classification).
    #[serde(default)]
    pub maturite: Vec<String>,
    /// ISO 639 codes.
    #[serde(default)]
    pub langues: Vec<String>,
    /// `gratuit`, `payant`, `sur-adhesion`; none when the sources do not say.
    #[serde(default)]
    pub acces: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
    /// The official page; none when no official page was found.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Our description, written from the facts.
    #[serde(default)]
    pub description: Option<String>,
}

impl Outil {
    /// Whether the tool is meant for this actor type (a tool for `tous` fits every one).
    #[must_use]
    pub fn serves(&self, actor_type: &str) -> bool {
        self.publics
            .iter()
            .any(|p| p == EVERYONE || p == actor_type)
    }

    /// Whether the tool fits this maturity level (no level stated: every level).
    #[must_use]
    pub fn fits(&self, maturity: &str) -> bool {
        self.maturite.is_empty() || self.maturite.iter().any(|m| m == maturity)
    }

    /// The organisations that publish the tool, each as `(code, name)`: the publisher text
    /// split where the sources list several (« ; », « , », « avec »), notes in brackets left
    /// out. « Le RAMEAU (avec CGET, FNCE) » gives Le RAMEAU; « RTES ; ESS France » both.
    #[must_use]
    pub fn editeurs(&self) -> Vec<(String, String)> {
        let Some(text) = &self.editeur else {
            return Vec::new();
        };
        let mut plain = String::with_capacity(text.len());
        let mut depth = 0_u32;
        for c in text.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ';' | ',' if depth == 0 => plain.push('\u{1f}'),
                _ if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        let mut out: Vec<(String, String)> = Vec::new();
        for part in plain.replace(" avec ", "\u{1f}").split('\u{1f}') {
            let name = part.split_whitespace().collect::<Vec<_>>().join(" ");
            let code = crate::text::fold(&name).replace(' ', "-");
            if !code.is_empty() && !out.iter().any(|(c, _)| *c == code) {
                out.push((code, name));
            }
        }
        out
    }

    /// The columns of the table layout.
    #[must_use]
    pub fn to_columns(&self) -> Vec<(&'static str, String)> {
        let (urls, retrieved) = Source::write_cells(&self.sources);
        vec![
            ("id", self.slug.clone()),
            ("name", self.nom.clone()),
            ("publisher", self.editeur.clone().unwrap_or_default()),
            (
                "year",
                self.annee.map(|y| y.to_string()).unwrap_or_default(),
            ),
            ("tool_type", self.genre.clone()),
            ("phases", self.phases.join(LIST_SEP)),
            ("audiences", self.publics.join(LIST_SEP)),
            ("maturity", self.maturite.join(LIST_SEP)),
            ("languages", self.langues.join(LIST_SEP)),
            ("access", self.acces.clone().unwrap_or_default()),
            ("licence", self.licence.clone().unwrap_or_default()),
            ("url", self.url.clone().unwrap_or_default()),
            ("source_urls", urls),
            ("retrieved", retrieved),
            ("description", self.description.clone().unwrap_or_default()),
        ]
    }
}

/// An ISO 639 language code: two or three lower-case letters.
fn is_language(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

impl Record for Outil {
    type Context = ();
    const NOUN: &'static str = "outil";
    const JSON_ID: &'static str = "slug";

    fn id(&self) -> &str {
        &self.slug
    }

    fn required_columns() -> &'static [&'static str] {
        &COLUMNS
    }

    fn optional_columns() -> &'static [&'static str] {
        &EXTRA_COLUMNS
    }

    fn from_columns(
        get: &dyn Fn(&str) -> Option<String>,
        (): &(),
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let text = |c: &str| get(c).map(|v| v.trim().to_owned()).unwrap_or_default();
        let annee = read_year(get("year").as_deref(), "annee", &mut errors);
        let sources = Source::read_row(&text, &mut errors);
        let record = Outil {
            slug: text("id"),
            nom: text("name"),
            editeur: non_empty(get("publisher").as_deref()),
            annee,
            genre: text("tool_type"),
            phases: split_list(&text("phases"), LIST_SEP),
            publics: split_list(&text("audiences"), LIST_SEP),
            maturite: split_list(&text("maturity"), LIST_SEP),
            langues: split_list(&text("languages"), LIST_SEP),
            acces: non_empty(get("access").as_deref()),
            licence: non_empty(get("licence").as_deref()),
            url: non_empty(get("url").as_deref()),
            sources,
            description: non_empty(get("description").as_deref()),
        };
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(errors)
        }
    }

    fn validate(&self, (): &()) -> Result<(), Vec<FieldError>> {
        let mut e = Vec::new();
        let mut push = |champ: String, message: String| e.push(FieldError::new(champ, message));
        if let Some(m) = slug_error(&self.slug, "guide-cooperation-territoriale") {
            push("slug".into(), m);
        }
        if let Some(m) = name_error(&self.nom) {
            push("nom".into(), m);
        }
        if !TYPES.contains(&self.genre) {
            push(
                "type".into(),
                format!(
                    "type « {} » inconnu ; valeurs possibles : {}.",
                    self.genre,
                    TYPES.codes.join(", ")
                ),
            );
        }
        if self.phases.is_empty() {
            push(
                "phases".into(),
                format!(
                    "indiquez au moins une phase : {}.",
                    LIFECYCLE_PHASES.codes.join(", ")
                ),
            );
        }
        if self.publics.is_empty() {
            push(
                "publics".into(),
                "indiquez au moins un public : un type d'acteur, ou « tous ».".into(),
            );
        }
        let lists = [
            unknown_codes("phases", "phase", &self.phases, LIFECYCLE_PHASES, None),
            unknown_codes(
                "publics",
                "public",
                &self.publics,
                ACTOR_TYPES,
                Some(EVERYONE),
            ),
            unknown_codes(
                "maturite",
                "niveau de maturité",
                &self.maturite,
                MATURITY_LEVELS,
                None,
            ),
        ];
        for (champ, message) in lists.into_iter().flatten() {
            push(champ, message);
        }
        for (i, l) in self.langues.iter().enumerate() {
            if !is_language(l) {
                push(
                    format!("langues[{i}]"),
                    format!("« {l} » n'est pas un code de langue ISO 639 (fr, en, de…)."),
                );
            }
        }
        if let Some(a) = &self.acces
            && !ACCESS.contains(a)
        {
            push(
                "acces".into(),
                format!(
                    "accès « {a} » inconnu ; valeurs possibles : {}.",
                    ACCESS.codes.join(", ")
                ),
            );
        }
        if let Some(m) = self.url.as_deref().and_then(web_address_error) {
            push("url".into(), m);
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
            "editeur" => "publisher",
            "annee" => "year",
            "type" => "tool_type",
            "publics" => "audiences",
            "maturite" => "maturity",
            "langues" => "languages",
            "acces" => "access",
            "sources" => "source_urls",
            other => return other.to_owned(),
        }
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn row(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k| map.get(k).cloned()
    }

    fn sample() -> Vec<(&'static str, &'static str)> {
        vec![
            ("id", "guide-des-partenariats"),
            ("name", "Guide des partenariats"),
            ("publisher", "Le RAMEAU"),
            ("year", "2019"),
            ("tool_type", "guide"),
            ("phases", "comprendre | construire"),
            ("audiences", "tous"),
            ("maturity", ""),
            ("languages", "fr"),
            ("access", "gratuit"),
            ("licence", ""),
            ("url", "https://www.lerameau.fr/guide/"),
            (
                "source_urls",
                "https://www.lerameau.fr/guide/ | https://example.org/a",
            ),
            ("retrieved", "2026-11-26"),
        ]
    }

    #[test]
    fn reads_validates_and_writes_back_the_fact_layout() {
        let o = Outil::from_columns(&row(&sample()), &()).unwrap();
        o.validate(&()).unwrap();
        assert_eq!(o.phases, ["comprendre", "construire"]);
        assert!(o.serves("collectivite") && o.serves("entreprise"));
        assert!(o.fits("structurer"), "no maturity stated: every level");
        assert_eq!(o.sources.len(), 2);
        let columns: HashMap<&str, String> = o.to_columns().into_iter().collect();
        let back = Outil::from_columns(&|c: &str| columns.get(c).cloned(), &()).unwrap();
        assert_eq!(back, o);
    }

    #[test]
    fn names_every_bad_field_in_french() {
        let mut s = sample();
        s[4].1 = "brochure";
        s[5].1 = "comprendre | rever";
        s[6].1 = "collectivite | martiens";
        s[7].1 = "expert";
        s[8].1 = "Français";
        s[9].1 = "offert";
        s[11].1 = "www.lerameau.fr";
        let o = Outil::from_columns(&row(&s), &()).unwrap();
        let errors = o.validate(&()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.champ.as_str()).collect();
        assert_eq!(
            fields,
            [
                "type",
                "phases[1]",
                "publics[1]",
                "maturite[0]",
                "langues[0]",
                "acces",
                "url"
            ]
        );
        assert!(errors[1].message.contains("valeurs possibles"));
        assert_eq!(Outil::column_of("publics[1]"), "audiences");
        s[3].1 = "vers 2019";
        let errors = Outil::from_columns(&row(&s), &()).unwrap_err();
        assert_eq!(errors[0].champ, "annee");
    }

    #[test]
    fn a_tool_for_some_audiences_and_levels_fits_only_those() {
        let mut s = sample();
        s[6].1 = "collectivite | association";
        s[7].1 = "decouvrir";
        let o = Outil::from_columns(&row(&s), &()).unwrap();
        assert!(o.serves("association") && !o.serves("entreprise"));
        assert!(o.fits("decouvrir") && !o.fits("structurer"));
    }

    #[test]
    fn publishers_are_split_where_the_sources_list_several() {
        let mut o = Outil::from_columns(&row(&sample()), &()).unwrap();
        let names =
            |o: &Outil| -> Vec<String> { o.editeurs().into_iter().map(|(_, n)| n).collect() };
        o.editeur = Some("Le RAMEAU (avec Caisse des Dépôts, CGET)".into());
        assert_eq!(names(&o), ["Le RAMEAU"]);
        assert_eq!(o.editeurs()[0].0, "le-rameau");
        o.editeur = Some("RTES ; ESS France".into());
        assert_eq!(names(&o), ["RTES", "ESS France"]);
        o.editeur = Some("UN DESA avec The Partnering Initiative, UNOSD".into());
        assert_eq!(names(&o), ["UN DESA", "The Partnering Initiative", "UNOSD"]);
        o.editeur = Some("Secrétariat d'État chargé de l'ESS et de la vie associative".into());
        assert_eq!(names(&o).len(), 1, "« et » inside a name does not split it");
        o.editeur = None;
        assert!(o.editeurs().is_empty());
    }
}
