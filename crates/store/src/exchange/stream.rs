//! Records read as the file streams: each row validated into its domain type and handed out
//! in batches, every error kept with its line and column, so that an importer writes batch
//! after batch inside one transaction and commits only if the whole file was valid. What
//! the reading keeps grows with the file only by a 16-byte hash and a line number per
//! record (to refuse an identifier seen twice), and by the errors.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor};

use alliances_domain::error::FieldError;
use alliances_domain::record::Record;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::sources::{self, JsonElements, Rows};
use super::{Format, LineError, line_error};

/// What a file is read from.
pub enum Input<'a> {
    Bytes(&'a [u8]),
    File(std::fs::File),
}

/// Large enough for any header line, so that the separator is seen in one look.
const BUFFER: usize = 1 << 16;

impl<'a> Input<'a> {
    fn buffered(self) -> Box<dyn BufRead + 'a> {
        match self {
            Input::Bytes(b) => Box::new(b),
            Input::File(f) => Box::new(BufReader::with_capacity(BUFFER, f)),
        }
    }
}

enum Items<'a> {
    /// A table's rows and the position of each canonical column.
    Table {
        index: HashMap<String, usize>,
        rows: Rows<'a>,
    },
    Json {
        elements: JsonElements<'a>,
        number: usize,
    },
}

/// Records of kind `R` read from a file, batch by batch.
pub struct RecordStream<'a, R: Record> {
    context: &'a R::Context,
    items: Items<'a>,
    /// The hash of each identifier read (96 bits: no collision to fear at any file size),
    /// with its line: 16 bytes a record.
    seen: HashMap<[u8; 12], u32>,
    /// Identifiers pointed at that were not in the base when read: looked up among the
    /// file's own at the end.
    pointing: Vec<(usize, &'static str, String)>,
    errors: Vec<LineError>,
    valid: usize,
}

fn hash(id: &str) -> [u8; 12] {
    let digest = Sha256::digest(id.as_bytes());
    let mut first = [0u8; 12];
    first.copy_from_slice(&digest[..12]);
    first
}

/// Checks a table's header against a kind's columns; returns each canonical column's
/// position.
fn columns<R: Record>(raw: &[String]) -> Result<HashMap<String, usize>, Vec<LineError>> {
    let mut errors = Vec::new();
    // Columns under another accepted name are read as their canonical column.
    let header: Vec<String> = raw
        .iter()
        .map(|h| R::alias(h).map_or_else(|| h.clone(), str::to_owned))
        .collect();
    for c in R::required_columns() {
        if !header.iter().any(|h| h == c) {
            errors.push(line_error(
                1,
                Some(c),
                "colonne obligatoire absente de l'en-tête (les colonnes des tables de faits sont toutes requises, même vides).",
            ));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (h, original) in header.iter().zip(raw) {
        let known = R::required_columns().contains(&h.as_str())
            || R::optional_columns().contains(&h.as_str());
        if !known {
            let optional = R::optional_columns();
            errors.push(line_error(
                1,
                Some(original),
                if optional.is_empty() {
                    format!(
                        "colonne inconnue ; colonnes attendues : {}.",
                        R::required_columns().join(", ")
                    )
                } else {
                    format!(
                        "colonne inconnue ; colonnes facultatives acceptées : {}.",
                        optional.join(", ")
                    )
                },
            ));
        } else if !seen.insert(h) {
            errors.push(line_error(1, Some(original), "colonne en double."));
        }
    }
    if errors.is_empty() {
        Ok(header
            .into_iter()
            .enumerate()
            .map(|(i, h)| (h, i))
            .collect())
    } else {
        Err(errors)
    }
}

impl<'a, R: Record + DeserializeOwned> RecordStream<'a, R> {
    /// Opens a file; a header that does not fit the kind (or a file that cannot be opened as
    /// its format) is refused at once.
    pub fn open(
        format: Format,
        input: Input<'a>,
        context: &'a R::Context,
    ) -> Result<Self, Vec<LineError>> {
        let items = match format {
            Format::Csv => {
                let table = sources::csv(input.buffered())?;
                Items::Table {
                    index: columns::<R>(&table.header)?,
                    rows: table.rows,
                }
            }
            Format::Xlsx => {
                let table = match input {
                    Input::Bytes(b) => sources::xlsx(Cursor::new(b))?,
                    Input::File(f) => sources::xlsx(BufReader::with_capacity(BUFFER, f))?,
                };
                Items::Table {
                    index: columns::<R>(&table.header)?,
                    rows: table.rows,
                }
            }
            Format::Json => Items::Json {
                elements: JsonElements::new(input.buffered(), R::NOUN)?,
                number: 0,
            },
            Format::Geojson | Format::JsonLd => {
                return Err(vec![line_error(
                    1,
                    None,
                    "le GeoJSON et le JSON-LD sont des formats d'export seulement ; importez du CSV, du JSON ou du XLSX.",
                )]);
            }
        };
        Ok(RecordStream {
            context,
            items,
            seen: HashMap::new(),
            pointing: Vec::new(),
            errors: Vec::new(),
            valid: 0,
        })
    }

    /// Whether an error was found so far (an importer stops writing then).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Up to `n` more valid records, with their lines; empty at the end of the file.
    pub fn next_batch(&mut self, n: usize) -> Vec<(usize, R)> {
        let mut out = Vec::with_capacity(n.min(1024));
        while out.len() < n {
            let Some((line, read)) = self.next_item() else {
                break;
            };
            let record = match read {
                Ok(r) => r,
                Err(errs) => {
                    self.errors.extend(errs);
                    continue;
                }
            };
            let mut record = record;
            if let Err(errs) = record.validate(self.context) {
                self.field_errors(line, errs);
                self.remember(line, record.id());
                continue;
            }
            record.complete(self.context);
            self.remember(line, record.id());
            for (field, id) in record.references() {
                if !R::exists(self.context, &id) {
                    self.pointing.push((line, field, id));
                }
            }
            self.valid += 1;
            out.push((line, record));
        }
        out
    }

    /// A record's field errors at its line: under its column in a table, under its field's
    /// path in JSON.
    fn field_errors(&mut self, line: usize, errs: Vec<FieldError>) {
        let json = matches!(self.items, Items::Json { .. });
        for e in errs {
            self.errors.push(LineError {
                ligne: line,
                colonne: Some(if json {
                    e.champ
                } else {
                    R::column_of(&e.champ)
                }),
                message: e.message,
            });
        }
    }

    /// Records an identifier; a second one is an error naming the first line.
    fn remember(&mut self, line: usize, id: &str) {
        let id = id.trim();
        if id.is_empty() {
            return;
        }
        let at = u32::try_from(line).unwrap_or(u32::MAX);
        let first = *self.seen.entry(hash(id)).or_insert(at);
        if first != at {
            self.errors.push(LineError {
                ligne: line,
                colonne: Some("id".into()),
                message: format!(
                    "l'identifiant « {id} » figure déjà ligne {first} : chaque {} n'apparaît qu'une fois par fichier.",
                    R::NOUN
                ),
            });
        }
    }

    /// The next row or element read into a record (syntax only), or its errors.
    #[allow(clippy::type_complexity)]
    fn next_item(&mut self) -> Option<(usize, Result<R, Vec<LineError>>)> {
        match &mut self.items {
            Items::Table { index, rows } => {
                let (line, cells) = match rows.next()? {
                    Ok(row) => row,
                    Err(e) => return Some((e.ligne, Err(vec![e]))),
                };
                let get = |c: &str| index.get(c).and_then(|i| cells.get(*i)).cloned();
                match R::from_columns(&get, self.context) {
                    Ok(r) => Some((line, Ok(r))),
                    Err(errs) => {
                        // The identifier still counts for duplicates.
                        let id = get("id").unwrap_or_default();
                        self.remember(line, &id);
                        Some((
                            line,
                            Err(errs
                                .into_iter()
                                .map(|e| LineError {
                                    ligne: line,
                                    colonne: Some(R::column_of(&e.champ)),
                                    message: e.message,
                                })
                                .collect()),
                        ))
                    }
                }
            }
            Items::Json { elements, number } => {
                let (line, bytes) = match elements.next()? {
                    Ok(e) => e,
                    Err(e) => return Some((e.ligne, Err(vec![e]))),
                };
                *number += 1;
                let n = *number;
                let value: serde_json::Value = match serde_json::from_slice(&bytes) {
                    Ok(v) => v,
                    Err(e) => {
                        return Some((
                            line,
                            Err(vec![line_error(
                                line + e.line() - 1,
                                None,
                                format!("JSON invalide (colonne {}) : {e}", e.column()),
                            )]),
                        ));
                    }
                };
                let id = value[R::JSON_ID].as_str().unwrap_or_default().to_owned();
                match serde_json::from_value::<R>(value) {
                    Ok(r) => Some((line, Ok(r))),
                    Err(e) => {
                        self.remember(line, &id);
                        Some((
                            line,
                            Err(vec![line_error(
                                line,
                                None,
                                format!("{} n° {n} illisible : {e}", R::NOUN),
                            )]),
                        ))
                    }
                }
            }
        }
    }

    /// Ends the reading: the number of valid records, or every error sorted by line
    /// (identifiers pointed at that neither the base nor the file holds included).
    pub fn finish(mut self) -> Result<usize, Vec<LineError>> {
        for (line, field, id) in std::mem::take(&mut self.pointing) {
            if !self.seen.contains_key(&hash(id.trim())) {
                self.errors.push(LineError {
                    ligne: line,
                    colonne: Some(R::column_of(field)),
                    message: format!(
                        "« {id} » n'existe ni dans ce fichier ni dans la base : écrivez l'identifiant d'un(e) {} existant(e).",
                        R::NOUN
                    ),
                });
            }
        }
        if self.errors.is_empty() {
            Ok(self.valid)
        } else {
            self.errors.sort_by_key(|e| e.ligne);
            Err(self.errors)
        }
    }
}
