//! Pure types and rules of the Alliances platform. Nothing here does I/O: the store, the
//! web layer and the command line build on these types.

pub mod alliance;
pub mod catalyseur;
pub mod compte;
pub mod diagnostic;
pub mod error;
pub mod figure;
pub mod lieu;
pub mod observatory;
pub mod odd;
pub mod outil;
pub mod pagination;
pub mod parcours;
pub mod proposition;
pub mod questionnaire;
pub mod record;
pub mod taxonomy;
pub mod territory;
pub mod text;
