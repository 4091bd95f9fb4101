//! The Sustainable Development Goals (ODD): goals, targets, indicators, and the thematic
//! groups of SDG 17's nineteen targets.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub number: u8,
    pub short_fr: String,
    pub title_fr: String,
    pub short_en: String,
    pub title_en: String,
    /// Official colour, `#RRGGBB`.
    pub color: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// `17.16`, `1.a`…
    pub code: String,
    pub goal: u8,
    pub title_fr: String,
    pub title_en: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// `17.16.1`
    pub code: String,
    pub target: String,
    pub title_fr: String,
    pub title_en: String,
    /// `false` for the indicators retired by the 2020 comprehensive review.
    pub active: bool,
    /// Codes of the same indicator repeated under other targets.
    pub repeats: Vec<String>,
}

/// The thematic groups of SDG 17's targets (Finance 17.1–17.5, Technologie 17.6–17.8,
/// Renforcement des capacités 17.9, Commerce 17.10–17.12, Questions structurelles
/// 17.13–17.19), with the sub-groups of the structural issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sdg17Group {
    Finance,
    Technologie,
    RenforcementCapacites,
    Commerce,
    QuestionsStructurelles,
}

impl Sdg17Group {
    pub const ALL: [Sdg17Group; 5] = [
        Sdg17Group::Finance,
        Sdg17Group::Technologie,
        Sdg17Group::RenforcementCapacites,
        Sdg17Group::Commerce,
        Sdg17Group::QuestionsStructurelles,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Sdg17Group::Finance => "finance",
            Sdg17Group::Technologie => "technologie",
            Sdg17Group::RenforcementCapacites => "renforcement-capacites",
            Sdg17Group::Commerce => "commerce",
            Sdg17Group::QuestionsStructurelles => "questions-structurelles",
        }
    }

    /// The group of an SDG 17 target code (`17.1` … `17.19`), `None` otherwise.
    #[must_use]
    pub fn of_target(code: &str) -> Option<Sdg17Group> {
        let n: u8 = code.strip_prefix("17.")?.parse().ok()?;
        Some(match n {
            1..=5 => Sdg17Group::Finance,
            6..=8 => Sdg17Group::Technologie,
            9 => Sdg17Group::RenforcementCapacites,
            10..=12 => Sdg17Group::Commerce,
            13..=19 => Sdg17Group::QuestionsStructurelles,
            _ => return None,
        })
    }
}

/// Sub-groups of the « Questions structurelles » targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StructuralSubGroup {
    CoherencePolitiques,
    PartenariatsMultipartites,
    DonneesSuivi,
}

impl StructuralSubGroup {
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            StructuralSubGroup::CoherencePolitiques => "coherence-politiques",
            StructuralSubGroup::PartenariatsMultipartites => "partenariats-multipartites",
            StructuralSubGroup::DonneesSuivi => "donnees-suivi",
        }
    }

    #[must_use]
    pub fn of_target(code: &str) -> Option<StructuralSubGroup> {
        let n: u8 = code.strip_prefix("17.")?.parse().ok()?;
        Some(match n {
            13..=15 => StructuralSubGroup::CoherencePolitiques,
            16..=17 => StructuralSubGroup::PartenariatsMultipartites,
            18..=19 => StructuralSubGroup::DonneesSuivi,
            _ => return None,
        })
    }
}

/// Whether `code` has the shape of a target code: goal number 1–17, a dot, then a number
/// or a lower-case letter (`6.a`).
#[must_use]
pub fn is_target_code(code: &str) -> bool {
    let Some((goal, rest)) = code.split_once('.') else {
        return false;
    };
    matches!(goal.parse::<u8>(), Ok(1..=17))
        && !goal.starts_with('0')
        && !rest.is_empty()
        && rest.len() <= 2
        && (rest.bytes().all(|b| b.is_ascii_digit()) && !rest.starts_with('0')
            || (rest.len() == 1 && rest.as_bytes()[0].is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_every_sdg17_target() {
        let groups: Vec<_> = (1..=19)
            .map(|n| Sdg17Group::of_target(&format!("17.{n}")).unwrap())
            .collect();
        assert_eq!(
            groups.iter().filter(|g| **g == Sdg17Group::Finance).count(),
            5
        );
        assert_eq!(
            groups
                .iter()
                .filter(|g| **g == Sdg17Group::Technologie)
                .count(),
            3
        );
        assert_eq!(
            groups
                .iter()
                .filter(|g| **g == Sdg17Group::RenforcementCapacites)
                .count(),
            1
        );
        assert_eq!(
            groups
                .iter()
                .filter(|g| **g == Sdg17Group::Commerce)
                .count(),
            3
        );
        assert_eq!(
            groups
                .iter()
                .filter(|g| **g == Sdg17Group::QuestionsStructurelles)
                .count(),
            7
        );
        assert_eq!(Sdg17Group::of_target("17.20"), None);
        assert_eq!(Sdg17Group::of_target("16.1"), None);
        assert_eq!(
            StructuralSubGroup::of_target("17.17"),
            Some(StructuralSubGroup::PartenariatsMultipartites)
        );
    }

    #[test]
    fn recognises_target_codes() {
        for ok in ["1.1", "17.19", "6.a", "14.c"] {
            assert!(is_target_code(ok), "{ok}");
        }
        for bad in [
            "", "17", "18.1", "0.1", "17.", "17.01", "1.A", "17.1.1", "x.1",
        ] {
            assert!(!is_target_code(bad), "{bad}");
        }
    }
}
