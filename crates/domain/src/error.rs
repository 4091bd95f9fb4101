//! Validation errors shared by every module: each names the field and says, in French,
//! what to fix.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub champ: String,
    pub message: String,
}

impl FieldError {
    pub fn new(champ: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            champ: champ.into(),
            message: message.into(),
        }
    }
}

/// A list of field errors; empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("{} champ(s) invalide(s)", .0.len())]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    pub fn push(&mut self, champ: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(champ, message));
    }

    /// `Ok(())` when no error was pushed.
    pub fn into_result(self) -> Result<(), Invalid> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// The line (from 1) of a byte offset in a content file, for errors that name it.
#[must_use]
pub fn line_of(source: &str, offset: usize) -> usize {
    source.as_bytes()[..offset.min(source.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
