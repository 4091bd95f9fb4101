//! French territories: levels, codes and their validation.
//!
//! A code is always read together with its level: `24` is both a région (Centre-Val de
//! Loire) and a département (Dordogne).

use serde::Serialize;

/// The administrative levels the platform knows, from the largest to the smallest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Region,
    Departement,
    /// Collectivité d'outre-mer (Saint-Pierre-et-Miquelon, Polynésie française…), listed
    /// beside the régions but outside them.
    CollectiviteOutreMer,
    /// EPCI à fiscalité propre and établissements publics territoriaux, by SIREN.
    Epci,
    Commune,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Region,
        Level::Departement,
        Level::CollectiviteOutreMer,
        Level::Epci,
        Level::Commune,
    ];

    /// Stable code stored in the database and returned by the API as `niveau`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Level::Region => "region",
            Level::Departement => "departement",
            Level::CollectiviteOutreMer => "collectivite_outre_mer",
            Level::Epci => "epci",
            Level::Commune => "commune",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Path segment used in URLs and API paths (`/territoires/regions/28`).
    #[must_use]
    pub fn segment(self) -> &'static str {
        match self {
            Level::Region => "regions",
            Level::Departement => "departements",
            Level::CollectiviteOutreMer => "collectivites-outre-mer",
            Level::Epci => "epci",
            Level::Commune => "communes",
        }
    }

    #[must_use]
    pub fn from_segment(segment: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.segment() == segment)
    }

    /// Whether `code` has the shape of a code of this level. Unknown but well-formed codes
    /// are for the reference data to refuse.
    #[must_use]
    pub fn accepts(self, code: &str) -> bool {
        match self {
            Level::Region => code.len() == 2 && code.bytes().all(|b| b.is_ascii_digit()),
            Level::Departement => is_departement_code(code),
            Level::CollectiviteOutreMer => {
                code.len() == 3 && code.starts_with('9') && code.bytes().all(|b| b.is_ascii_digit())
            }
            Level::Epci => is_siren(code),
            Level::Commune => is_commune_code(code),
        }
    }

    /// The HTML page of a territory of this level.
    #[must_use]
    pub fn page_path(self, code: &str) -> String {
        format!("/territoires/{}/{}", self.segment(), code)
    }
}

/// `01`…`95` (without `20`), `2A`, `2B`, `971`…`976`.
#[must_use]
pub fn is_departement_code(code: &str) -> bool {
    match code.len() {
        2 => {
            code == "2A"
                || code == "2B"
                || (code.bytes().all(|b| b.is_ascii_digit()) && code != "00" && code != "20")
        }
        3 => code.starts_with("97") && matches!(code.as_bytes()[2], b'1'..=b'6'),
        _ => false,
    }
}

/// Five characters: digits, or `2A`/`2B` followed by three digits (Corsica).
#[must_use]
pub fn is_commune_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && (b.iter().all(u8::is_ascii_digit)
            || ((code.starts_with("2A") || code.starts_with("2B"))
                && b[2..].iter().all(u8::is_ascii_digit)))
}

/// Nine digits passing the Luhn check, as every SIREN does (La Poste's historical
/// exception, 356000000, passes the modified rule it follows).
#[must_use]
pub fn is_siren(code: &str) -> bool {
    code.len() == 9 && code.bytes().all(|b| b.is_ascii_digit()) && luhn(code)
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let dd = d * 2;
                if dd > 9 { dd - 9 } else { dd }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10) || digits == "356000000"
}

/// Whether an INSEE département or commune code lies overseas.
#[must_use]
pub fn is_outre_mer(code: &str) -> bool {
    code.starts_with("97") || code.starts_with("98")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_codes_and_segments_round_trip() {
        for level in Level::ALL {
            assert_eq!(Level::from_code(level.code()), Some(level));
            assert_eq!(Level::from_segment(level.segment()), Some(level));
        }
        assert_eq!(Level::from_segment("pays"), None);
    }

    #[test]
    fn validates_codes_by_level() {
        assert!(Level::Region.accepts("28"));
        assert!(!Level::Region.accepts("2A"));
        assert!(Level::Departement.accepts("2A"));
        assert!(Level::Departement.accepts("974"));
        assert!(!Level::Departement.accepts("977"));
        assert!(!Level::Departement.accepts("20"));
        assert!(Level::Commune.accepts("2A004"));
        assert!(Level::Commune.accepts("76540"));
        assert!(!Level::Commune.accepts("7654"));
        assert!(!Level::Commune.accepts("2C004"));
        // Real SIRENs: Métropole Rouen Normandie and the Métropole du Grand Paris.
        assert!(Level::Epci.accepts("200023414"));
        assert!(Level::Epci.accepts("200054781"));
        assert!(!Level::Epci.accepts("200023415"));
        assert!(Level::CollectiviteOutreMer.accepts("987"));
    }

    #[test]
    fn flags_overseas_codes() {
        assert!(is_outre_mer("97411"));
        assert!(is_outre_mer("987"));
        assert!(!is_outre_mer("76540"));
    }
}

/// A territory of any level, as the reference data describes it. Parent codes are those
/// of the INSEE geography (commune → EPCI/EPT → département → région, or a collectivité
/// d'outre-mer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Territory {
    pub level: Level,
    pub code: String,
    pub name: String,
    /// `metro`, `drom` or `com`.
    pub zone: Option<String>,
    /// EPCI legal form: `CC`, `CA`, `CU`, `METRO`, `MET69`, `EPT`.
    pub kind: Option<String>,
    pub region: Option<String>,
    pub departement: Option<String>,
    pub com: Option<String>,
    pub epci: Option<String>,
    pub ept: Option<String>,
    /// Commune code of the seat.
    pub chef_lieu: Option<String>,
    /// SIREN of a commune (an EPCI's SIREN is its code).
    pub siren: Option<String>,
    pub postal_codes: Vec<String>,
    /// EPCI tax regime (`FPU`, `FA`).
    pub funding_mode: Option<String>,
    pub population: Option<i64>,
    /// Reference year of `population` when the source states it.
    pub population_year: Option<i64>,
    /// Where `population` comes from: `insee`, `insee-mayotte-2017`, `dgcl`, `somme`.
    pub population_source: Option<String>,
}

impl Territory {
    #[must_use]
    pub fn page_path(&self) -> String {
        self.level.page_path(&self.code)
    }

    #[must_use]
    pub fn is_outre_mer(&self) -> bool {
        matches!(self.zone.as_deref(), Some("drom" | "com"))
    }
}
