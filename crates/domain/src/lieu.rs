//! Lieux d'accompagnement: places where people are helped with their procedures and
//! projects, starting with the France services structures (ANCT), each placed in its
//! commune.

/// One place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lieu {
    pub id: String,
    pub nom: String,
    pub adresse: String,
    pub code_postal: String,
    /// The commune's name as the source writes it.
    pub commune_nom: String,
    /// The current commune (an arrondissement municipal or a commune déléguée of the source
    /// is placed in its parent commune).
    pub commune: String,
    /// `principal` or `antenne`.
    pub genre: String,
    /// How the place works: `Fixe`, `Multisites`, `Itinérante`…
    pub format: String,
}
