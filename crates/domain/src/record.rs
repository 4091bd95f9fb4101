//! What every kind of imported record (alliances, key figures, catalyseurs…) offers the one
//! import pipeline: read a table row → validate into the domain type → (the store) write all
//! or nothing. The pipeline itself lives in `alliances_store::exchange`.

use crate::error::FieldError;

/// A kind of record read from tables (CSV, XLSX) and written back in the same layout.
pub trait Record: Sized {
    /// What the validation needs to know (reference data, taxonomies…).
    type Context;

    /// The French noun of one record, for messages (« alliance », « chiffre clé »).
    const NOUN: &'static str;
    /// The key of the identifier in the JSON form (`slug`, `id`).
    const JSON_ID: &'static str;

    /// The identifier, unique within its kind.
    fn id(&self) -> &str;

    /// Columns every table must have (empty values allowed where the rules say so).
    fn required_columns() -> &'static [&'static str];

    /// Columns a table may have.
    fn optional_columns() -> &'static [&'static str];

    /// Another name accepted for a column on import (`label_fr` for `statement_fr`…).
    #[must_use]
    fn alias(_column: &str) -> Option<&'static str> {
        None
    }

    /// Reads a record from the cells of one row (`get(column)`); syntax errors only.
    fn from_columns(
        get: &dyn Fn(&str) -> Option<String>,
        context: &Self::Context,
    ) -> Result<Self, Vec<FieldError>>;

    /// Checks every field against the taxonomies and the reference data.
    fn validate(&self, context: &Self::Context) -> Result<(), Vec<FieldError>>;

    /// Completes a valid record (editorial classifications…). Idempotent.
    fn complete(&mut self, _context: &Self::Context) {}

    /// Identifiers of records of the same kind this one points at, with the field that
    /// holds each: the import checks they exist in the file or in the base.
    #[must_use]
    fn references(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// Whether a record of this kind with this identifier is already stored.
    #[must_use]
    fn exists(_context: &Self::Context, _id: &str) -> bool {
        false
    }

    /// Rules over a whole file (relations between its rows): `(row index, field, message)`.
    #[must_use]
    fn check_set(_records: &[&Self]) -> Vec<(usize, &'static str, String)> {
        Vec::new()
    }

    /// The column a field error is reported in.
    #[must_use]
    fn column_of(field: &str) -> String {
        field.split(['[', '.']).next().unwrap_or(field).to_owned()
    }
}

/// The values of a list outside a taxonomy (`extra`: a code allowed besides), as
/// `(field[i], message)` naming what the list may hold.
#[must_use]
pub fn unknown_codes(
    field: &str,
    what: &str,
    values: &[String],
    taxonomy: crate::taxonomy::Taxonomy,
    extra: Option<&str>,
) -> Vec<(String, String)> {
    let mut allowed: Vec<&str> = taxonomy.codes.to_vec();
    allowed.extend(extra);
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| !allowed.contains(&v.as_str()))
        .map(|(i, v)| {
            (
                format!("{field}[{i}]"),
                format!(
                    "{what} « {v} » inconnu ; valeurs possibles : {}.",
                    allowed.join(", ")
                ),
            )
        })
        .collect()
}

/// Splits a list cell (`a | b`) into trimmed, non-empty values.
#[must_use]
pub fn split_list(value: &str, sep: &str) -> Vec<String> {
    value
        .split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A trimmed value, `None` when empty.
#[must_use]
pub fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// An optional year cell: none when empty; a malformed one is an error of `field`.
pub fn read_year(cell: Option<&str>, field: &str, errors: &mut Vec<FieldError>) -> Option<u16> {
    let y = non_empty(cell)?;
    parse_year(&y)
        .map_err(|m| errors.push(FieldError::new(field, m)))
        .ok()
}

/// A four-digit year between 1800 and 2200.
pub fn parse_year(value: &str) -> Result<u16, String> {
    let v = value.trim();
    match v.parse::<u16>() {
        Ok(y) if v.len() == 4 && (1800..=2200).contains(&y) => Ok(y),
        _ => Err(format!(
            "« {v} » n'est pas une année : écrivez quatre chiffres, par exemple 2019."
        )),
    }
}
