//! The SDG referential: `/odd`, `/odd/{n}`, `/odd/cibles/{code}` and their API.

pub mod api;
pub mod html;
