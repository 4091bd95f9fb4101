//! The tool form: taxonomies as boxes to tick, sources as rows, written into the import's
//! columns and checked by the import's own reader and rules (`Outil::from_columns`,
//! `validate`), as the alliance form is.

use alliances_domain::error::FieldError;
use alliances_domain::outil::{ACCESS, EVERYONE, Outil, TYPES};
use alliances_domain::record::Record;
use alliances_domain::taxonomy::{ACTOR_TYPES, LIFECYCLE_PHASES, MATURITY_LEVELS};

use super::form::{
    SPARE, SourceRow, all, column, in_order, read_sources, source_columns, source_rows,
};
use crate::personal::form_value;

/// What the form holds, as typed.
#[derive(Debug, Clone, Default)]
pub struct OutilForm {
    pub slug: String,
    pub nom: String,
    pub editeur: String,
    pub annee: String,
    pub genre: String,
    pub phases: Vec<String>,
    pub publics: Vec<String>,
    pub maturite: Vec<String>,
    /// ISO 639 codes separated by commas or spaces.
    pub langues: String,
    pub acces: String,
    pub licence: String,
    pub url: String,
    pub description: String,
    pub sources: Vec<SourceRow>,
    pub note: String,
    /// The record's codes in their order (`phase:…`, `public:…`, `maturite:…`).
    pub order: Vec<String>,
    pub spare: usize,
}

impl OutilForm {
    #[must_use]
    pub fn read(pairs: &[(String, String)]) -> OutilForm {
        OutilForm {
            slug: form_value(pairs, "slug").trim().to_owned(),
            nom: form_value(pairs, "nom"),
            editeur: form_value(pairs, "editeur"),
            annee: form_value(pairs, "annee"),
            genre: form_value(pairs, "type"),
            phases: all(pairs, "phase"),
            publics: all(pairs, "public"),
            maturite: all(pairs, "maturite"),
            langues: form_value(pairs, "langues"),
            acces: form_value(pairs, "acces"),
            licence: form_value(pairs, "licence"),
            url: form_value(pairs, "url"),
            description: form_value(pairs, "description"),
            sources: read_sources(pairs),
            note: form_value(pairs, "note"),
            order: all(pairs, "ordre"),
            spare: super::form::spare_of(pairs),
        }
    }

    /// The form of a tool as it stands.
    #[must_use]
    pub fn of(o: &Outil) -> OutilForm {
        let order = o
            .phases
            .iter()
            .map(|c| format!("phase:{c}"))
            .chain(o.publics.iter().map(|c| format!("public:{c}")))
            .chain(o.maturite.iter().map(|c| format!("maturite:{c}")))
            .collect();
        OutilForm {
            slug: o.slug.clone(),
            nom: o.nom.clone(),
            editeur: o.editeur.clone().unwrap_or_default(),
            annee: o.annee.map(|y| y.to_string()).unwrap_or_default(),
            genre: o.genre.clone(),
            phases: o.phases.clone(),
            publics: o.publics.clone(),
            maturite: o.maturite.clone(),
            langues: o.langues.join(", "),
            acces: o.acces.clone().unwrap_or_default(),
            licence: o.licence.clone().unwrap_or_default(),
            url: o.url.clone().unwrap_or_default(),
            description: o.description.clone().unwrap_or_default(),
            sources: source_rows(&o.sources),
            note: String::new(),
            order,
            spare: SPARE,
        }
    }

    /// The filled source rows and empty ones, for the template.
    #[must_use]
    pub fn with_spare_rows(&self) -> OutilForm {
        let mut f = self.clone();
        f.sources = super::form::spare_sources(&self.sources, self.spare);
        f
    }

    /// The tool the form describes, checked as an import row is.
    pub fn to_outil(&self) -> Result<Outil, Vec<FieldError>> {
        let mut errors = Vec::new();
        let (urls, dates) = source_columns(&self.sources, &mut errors);
        let langues: Vec<&str> = self
            .langues
            .split([',', ' ', ';', '|'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let list = |kind: &str, codes: &[String]| in_order(&self.order, kind, codes).join(" | ");
        let columns: Vec<(&str, String)> = vec![
            ("id", self.slug.trim().to_owned()),
            ("name", self.nom.trim().to_owned()),
            ("publisher", self.editeur.trim().to_owned()),
            ("year", self.annee.trim().to_owned()),
            ("tool_type", self.genre.trim().to_owned()),
            ("phases", list("phase", &self.phases)),
            ("audiences", list("public", &self.publics)),
            ("maturity", list("maturite", &self.maturite)),
            ("languages", langues.join(" | ")),
            ("access", self.acces.trim().to_owned()),
            ("licence", self.licence.trim().to_owned()),
            ("url", self.url.trim().to_owned()),
            ("source_urls", urls),
            ("retrieved", dates),
            ("description", self.description.trim().to_owned()),
        ];
        let outil = Outil::from_columns(&|c: &str| column(&columns, c), &())?;
        outil.validate(&())?;
        Ok(outil)
    }
}

/// The form's section an error belongs to (an anchor of the page).
#[must_use]
pub fn section_of(champ: &str) -> &'static str {
    match Outil::column_of(champ).as_str() {
        "id" => "champ-slug",
        "name" => "champ-nom",
        "publisher" | "year" => "identite",
        "tool_type" | "phases" | "audiences" | "maturity" => "classements",
        "languages" | "access" | "licence" | "url" | "description" => "acces",
        "source_urls" | "retrieved" => "sources",
        _ => "formulaire",
    }
}

/// The choices the template offers.
pub struct Choices {
    pub types: &'static [&'static str],
    pub phases: &'static [&'static str],
    pub publics: &'static [&'static str],
    pub tous: &'static str,
    pub maturite: &'static [&'static str],
    pub acces: &'static [&'static str],
}

pub const CHOICES: Choices = Choices {
    types: TYPES.codes,
    phases: LIFECYCLE_PHASES.codes,
    publics: ACTOR_TYPES.codes,
    tous: EVERYONE,
    maturite: MATURITY_LEVELS.codes,
    acces: ACCESS.codes,
};
