//! Administration: the accounts and their roles, and the audit log of every moderation and
//! administration action.

pub mod html;
