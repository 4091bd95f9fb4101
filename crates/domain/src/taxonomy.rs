//! The taxonomies the platform ships with (see docs/DOMAIN.md): stable codes only. Labels
//! are translatable and live in the i18n catalogues under `taxo-<taxonomy>-<code>`.

/// A named list of stable codes.
#[derive(Debug, Clone, Copy)]
pub struct Taxonomy {
    /// Key used in message ids: `taxo-{key}-{code}`.
    pub key: &'static str,
    pub codes: &'static [&'static str],
}

impl Taxonomy {
    #[must_use]
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains(&code)
    }

    /// Message id of a code's label.
    #[must_use]
    pub fn label_key(&self, code: &str) -> String {
        format!("taxo-{}-{}", self.key, code)
    }
}

pub const ACTOR_TYPES: Taxonomy = Taxonomy {
    key: "acteur",
    codes: &[
        "collectivite",
        "etat",
        "entreprise",
        "association",
        "fondation",
        "academique",
        "financeur",
        "reseau",
        "citoyens",
        "accompagnateur",
        "media",
        "autre",
    ],
};

pub const DOMAINS: Taxonomy = Taxonomy {
    key: "domaine",
    codes: &["economique", "social", "environnemental", "societal"],
};

pub const TERRITORIAL_LEVELS: Taxonomy = Taxonomy {
    key: "niveau",
    codes: &[
        "micro-local",
        "commune",
        "intercommunalite",
        "departement",
        "region",
        "national",
        "international",
    ],
};

pub const RELATIONAL_MODES: Taxonomy = Taxonomy {
    key: "mode",
    codes: &[
        "mecenat",
        "pratiques-responsables",
        "cooperation-economique",
        "innovation-societale",
        "co-construction-territoriale",
    ],
};

pub const IMPACTS: Taxonomy = Taxonomy {
    key: "impact",
    codes: &["performance", "innovation", "confiance"],
};

pub const MATURITY_LEVELS: Taxonomy = Taxonomy {
    key: "maturite",
    codes: &["decouvrir", "experimenter", "structurer", "catalyser"],
};

pub const LIFECYCLE_PHASES: Taxonomy = Taxonomy {
    key: "phase",
    codes: &[
        "comprendre",
        "se-positionner",
        "trouver-partenaires",
        "construire",
        "formaliser",
        "piloter",
        "evaluer",
        "essaimer",
    ],
};

/// The four métiers of a catalyseur territorial.
pub const CATALYSE_METIERS: Taxonomy = Taxonomy {
    key: "metier",
    codes: &[
        "dialogue-territorial",
        "experimentations-collectives",
        "accompagnements",
        "gestion-lieu",
    ],
};

/// The five modules of M.E.D.O.C.
pub const MEDOC: Taxonomy = Taxonomy {
    key: "medoc",
    codes: &["methodes", "exemples", "donnees", "outils", "competences"],
};

/// Whether `code` is a value of a search facet backed by a taxonomy; `None` for the
/// facets whose values are data (fragilities, places, SDGs…).
#[must_use]
pub fn facet_code(facet: &str, code: &str) -> Option<bool> {
    let taxonomy = match facet {
        "type_acteur" => ACTOR_TYPES,
        "domaine" => DOMAINS,
        "niveau_territorial" => TERRITORIAL_LEVELS,
        "mode" => RELATIONAL_MODES,
        "impact" => IMPACTS,
        _ => return None,
    };
    Some(taxonomy.contains(code))
}

pub const ALL: [Taxonomy; 15] = [
    ACTOR_TYPES,
    DOMAINS,
    TERRITORIAL_LEVELS,
    RELATIONAL_MODES,
    IMPACTS,
    MATURITY_LEVELS,
    LIFECYCLE_PHASES,
    MEDOC,
    CATALYSE_METIERS,
    crate::figure::NATURES,
    crate::figure::PROGRAMMES,
    crate::figure::THEMES,
    crate::catalyseur::GENRES,
    crate::outil::TYPES,
    crate::outil::ACCESS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_lowercase_slugs() {
        for t in ALL {
            let mut seen = std::collections::HashSet::new();
            for c in t.codes {
                assert!(seen.insert(*c), "{} repeats {c}", t.key);
                assert!(
                    c.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                    "{c}"
                );
            }
        }
        assert!(IMPACTS.contains("confiance"));
        assert_eq!(IMPACTS.label_key("confiance"), "taxo-impact-confiance");
    }
}
