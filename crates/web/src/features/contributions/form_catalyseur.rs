//! The catalyseur form: the territory served by name or code, the régions ticked when no
//! code applies, métiers as boxes, sources as rows; written into the import's columns and
//! checked by the import's own reader and rules (`Catalyseur::from_columns`, `validate`).

use alliances_domain::catalyseur::{Catalyseur, KINDS, LEVELS};
use alliances_domain::error::FieldError;
use alliances_domain::record::Record;
use alliances_domain::taxonomy::CATALYSE_METIERS;
use alliances_domain::territory::Level;

use super::form::{
    SPARE, SourceRow, all, column, in_order, read_sources, rows, source_columns, source_rows,
    territory_codes, with_spare,
};
use crate::personal::form_value;
use crate::state::Ready;

/// What the form holds, as typed.
#[derive(Debug, Clone, Default)]
pub struct CatalyseurForm {
    pub slug: String,
    pub nom: String,
    pub genre: String,
    pub genre_precision: String,
    pub territoire_libelle: String,
    pub niveau: String,
    /// Each a territory's name or code.
    pub territoires: Vec<String>,
    /// `niveau:code` of the régions (or collectivités d'outre-mer) ticked.
    pub regions: Vec<String>,
    pub metiers: Vec<String>,
    pub fondation: String,
    pub site: String,
    pub sources: Vec<SourceRow>,
    pub note: String,
    /// The record's codes in their order (`metier:…`, `region:…`).
    pub order: Vec<String>,
    pub spare: usize,
}

impl CatalyseurForm {
    #[must_use]
    pub fn read(pairs: &[(String, String)]) -> CatalyseurForm {
        CatalyseurForm {
            slug: form_value(pairs, "slug").trim().to_owned(),
            nom: form_value(pairs, "nom"),
            genre: form_value(pairs, "genre"),
            genre_precision: form_value(pairs, "genre_precision"),
            territoire_libelle: form_value(pairs, "territoire_libelle"),
            niveau: form_value(pairs, "niveau"),
            territoires: rows(pairs, "territoire"),
            regions: all(pairs, "region"),
            metiers: all(pairs, "metier"),
            fondation: form_value(pairs, "fondation"),
            site: form_value(pairs, "site"),
            sources: read_sources(pairs),
            note: form_value(pairs, "note"),
            order: all(pairs, "ordre"),
            spare: super::form::spare_of(pairs),
        }
    }

    /// The form of a catalyseur as it stands.
    #[must_use]
    pub fn of(c: &Catalyseur, ready: &Ready) -> CatalyseurForm {
        let name_of = |t: &alliances_domain::alliance::TerritoryRef| {
            t.level()
                .and_then(|l| crate::places::territory(ready, l, &t.code))
                .map_or_else(|| t.code.clone(), |x| format!("{} ({})", x.name, x.code))
        };
        let regions: Vec<String> = c
            .localisation
            .iter()
            .map(|t| format!("{}:{}", t.niveau, t.code))
            .collect();
        CatalyseurForm {
            slug: c.slug.clone(),
            nom: c.nom.clone(),
            genre: c.genre.clone(),
            genre_precision: c.genre_precision.clone().unwrap_or_default(),
            territoire_libelle: c.territoire_libelle.clone().unwrap_or_default(),
            niveau: c.niveau_territorial.clone(),
            territoires: c.territoires.iter().map(name_of).collect(),
            order: c
                .metiers
                .iter()
                .map(|m| format!("metier:{m}"))
                .chain(regions.iter().map(|r| format!("region:{r}")))
                .collect(),
            regions,
            metiers: c.metiers.clone(),
            fondation: c.fondation.map(|y| y.to_string()).unwrap_or_default(),
            site: c.site.clone().unwrap_or_default(),
            sources: source_rows(&c.sources),
            note: String::new(),
            spare: SPARE,
        }
    }

    /// The filled rows and empty ones, for the template.
    #[must_use]
    pub fn with_spare_rows(&self) -> CatalyseurForm {
        let mut f = self.clone();
        f.territoires = with_spare(&self.territoires, self.spare, |t| t.trim().is_empty());
        f.sources = super::form::spare_sources(&self.sources, self.spare);
        f
    }

    /// The catalyseur the form describes, checked as an import row is.
    pub fn to_catalyseur(&self, ready: &Ready) -> Result<Catalyseur, Vec<FieldError>> {
        let mut errors = Vec::new();
        let codes = territory_codes(ready, &self.territoires, &mut errors);
        let mut regions = Vec::new();
        for r in in_order(&self.order, "region", &self.regions) {
            let named = r.split_once(':').and_then(|(niveau, code)| {
                Level::from_code(niveau).and_then(|l| ready.small(l, code))
            });
            match named {
                Some(t) => regions.push(t.name.clone()),
                None => errors.push(FieldError::new(
                    "localisation",
                    format!("région « {r} » inconnue : cochez une région de la liste"),
                )),
            }
        }
        // Free text in one cell each, never split: kept as typed.
        let precision = self.genre_precision.trim();
        let (urls, dates) = source_columns(&self.sources, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let kind = if precision.is_empty() {
            self.genre.trim().to_owned()
        } else {
            format!("{} ({precision})", self.genre.trim())
        };
        let niveau = self.niveau.trim();
        let columns: Vec<(&str, String)> = vec![
            ("id", self.slug.trim().to_owned()),
            ("name", self.nom.trim().to_owned()),
            ("kind", kind),
            ("territory_name", self.territoire_libelle.trim().to_owned()),
            ("territory_level", niveau.to_owned()),
            ("insee_codes", codes.join(" | ")),
            (
                "region",
                if niveau == "national" {
                    "national".to_owned()
                } else {
                    regions.join(" | ")
                },
            ),
            (
                "metiers",
                in_order(&self.order, "metier", &self.metiers).join(" | "),
            ),
            ("founded_year", self.fondation.trim().to_owned()),
            ("website", self.site.trim().to_owned()),
            ("source_urls", urls),
            ("retrieved", dates),
        ];
        let c = Catalyseur::from_columns(&|k: &str| column(&columns, k), &ready.referential)?;
        c.validate(&ready.referential)?;
        Ok(c)
    }
}

/// The form's section an error belongs to (an anchor of the page).
#[must_use]
pub fn section_of(champ: &str) -> &'static str {
    match Catalyseur::column_of(champ).as_str() {
        "id" | "slug" => "champ-slug",
        "name" | "nom" => "champ-nom",
        "kind" | "genre" | "metiers" | "fondation" | "founded_year" | "website" | "site" => {
            "identite"
        }
        "territory_name" | "territory_level" | "niveau_territorial" | "insee_codes"
        | "territoires" | "region" | "localisation" => "territoires",
        "source_urls" | "retrieved" | "sources" => "sources",
        _ => "formulaire",
    }
}

/// The choices the template offers.
pub struct Choices {
    pub genres: &'static [(&'static str, &'static str)],
    pub niveaux: &'static [&'static str],
    pub metiers: &'static [&'static str],
}

pub const CHOICES: Choices = Choices {
    genres: &KINDS,
    niveaux: &LEVELS,
    metiers: CATALYSE_METIERS.codes,
};
