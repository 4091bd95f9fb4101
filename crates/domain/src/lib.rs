//! Pure types and rules of the Alliances platform. Nothing here does I/O: the store, the
//! web layer and the command line build on these types.

pub mod alliance;
pub mod diagnostic;
pub mod error;
pub mod odd;
pub mod pagination;
pub mod questionnaire;
pub mod taxonomy;
pub mod territory;
pub mod text;
