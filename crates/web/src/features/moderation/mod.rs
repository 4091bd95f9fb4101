//! Moderation: the queue of proposals (filters: kind, territory, age), each with a field-level
//! diff against the published record; accept (a new revision, through the change log), reject
//! with a reason, ask for changes; restore an earlier revision. Every decision goes to the
//! audit log.

pub mod html;
