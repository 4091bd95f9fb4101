//! Where an import's rows come from, one at a time: a CSV read as it streams, the first sheet
//! of an XLSX workbook, or the elements of a JSON list cut out one by one with the line each
//! starts on. Only XLSX is held whole (the format keeps every distinct text in one shared
//! table that a sheet's cells point into).

use std::io::{BufRead, Read, Seek};

use super::{LineError, line_error, restore_cell};

/// A row's line and cells.
pub(super) type Row = (usize, Vec<String>);
pub(super) type Rows<'a> = Box<dyn Iterator<Item = Result<Row, LineError>> + 'a>;

/// A table: its header, then its rows as they are read.
pub(super) struct Table<'a> {
    pub header: Vec<String>,
    pub rows: Rows<'a>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn unreadable(e: &std::io::Error) -> Vec<LineError> {
    vec![line_error(1, None, format!("lecture impossible : {e}"))]
}

const NOT_UTF8: &str = "le fichier n'est pas en UTF-8 ; enregistrez-le en « CSV UTF-8 ».";

/// A CSV (UTF-8 with or without BOM; the separator, comma or semicolon, is the one the
/// header line uses more), read record by record. A line that is not UTF-8 ends the reading
/// with one error: the rest of such a file would only repeat it.
pub(super) fn csv<'a>(mut input: Box<dyn BufRead + 'a>) -> Result<Table<'a>, Vec<LineError>> {
    if input
        .fill_buf()
        .map_err(|e| unreadable(&e))?
        .starts_with(BOM)
    {
        input.consume(BOM.len());
    }
    let buffered = input.fill_buf().map_err(|e| unreadable(&e))?;
    let first_line = buffered.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.iter().filter(|b| **b == b';').count()
        > first_line.iter().filter(|b| **b == b',').count()
    {
        b';'
    } else {
        b','
    };
    let mut records = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(input)
        .into_records();
    let header: Vec<String> = match records.next() {
        Some(Ok(r)) => r.iter().map(|s| s.trim().to_owned()).collect(),
        Some(Err(e)) if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) => {
            return Err(vec![line_error(1, None, NOT_UTF8)]);
        }
        Some(Err(e)) => {
            return Err(vec![line_error(
                1,
                None,
                format!("en-tête illisible : {e}"),
            )]);
        }
        None => return Err(vec![line_error(1, None, "le fichier est vide.")]),
    };
    let width = header.len();
    let mut stopped = false;
    let rows = std::iter::from_fn(move || {
        if stopped {
            return None;
        }
        Some(match records.next()? {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                if r.len() == width {
                    Ok((line, r.iter().map(|c| restore_cell(c).to_owned()).collect()))
                } else {
                    let spans = r
                        .iter()
                        .any(|f| f.contains('\n') || f.contains(char::from(delimiter)));
                    let hint = if r.len() < width && spans {
                        "un guillemet ouvert n'est pas refermé : la suite du fichier a été lue comme une seule valeur"
                    } else if r.len() < width {
                        "il manque des valeurs ; une valeur contenant le séparateur ou un retour à la ligne doit être entre guillemets"
                    } else {
                        "une valeur contient le séparateur sans être entre guillemets"
                    };
                    Err(line_error(
                        line,
                        None,
                        format!("{} valeurs pour {width} colonnes : {hint}.", r.len()),
                    ))
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    stopped = true;
                    Err(line_error(line, None, NOT_UTF8))
                } else {
                    Err(line_error(line, None, format!("ligne illisible : {e}")))
                }
            }
        })
    });
    Ok(Table {
        header,
        rows: Box::new(rows),
    })
}

/// The first sheet of a workbook (empty rows skipped).
pub(super) fn xlsx<'a>(input: impl Read + Seek) -> Result<Table<'a>, Vec<LineError>> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(input).map_err(|e| {
        vec![line_error(
            1,
            None,
            format!("classeur XLSX illisible : {e}"),
        )]
    })?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| vec![line_error(1, None, "le classeur n'a aucune feuille.")])?
        .map_err(|e| vec![line_error(1, None, format!("feuille illisible : {e}"))])?;
    let cell = |d: &Data| match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        // A date typed in a spreadsheet: its serial day number (from 1899-12-30) → AAAA-MM-JJ.
        Data::DateTime(d) => {
            alliances_domain::alliance::civil_from_days(d.as_f64().floor() as i64 - 25_569)
        }
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        other => other.to_string(),
    };
    let start = range.start().map_or(0, |(r, _)| r as usize);
    let mut rows = range.rows().enumerate();
    let header = match rows.next() {
        Some((_, r)) => r.iter().map(|c| cell(c).trim().to_owned()).collect(),
        None => return Err(vec![line_error(1, None, "la feuille est vide.")]),
    };
    let rows: Vec<Row> = rows
        .filter(|(_, r)| r.iter().any(|c| !matches!(c, Data::Empty)))
        .map(|(i, r)| (start + i + 1, r.iter().map(cell).collect()))
        .collect();
    Ok(Table {
        header,
        rows: Box::new(rows.into_iter().map(Ok)),
    })
}

/// Where the list of records sits in a JSON file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Nothing read yet.
    Unknown,
    /// A bare list: its elements at depth 1.
    List,
    /// The collection shape of the API and the dumps, `{ …, "resultats": [ … ] }`: elements
    /// at depth 2 once the list under that key opens.
    Object,
}

/// The elements of a JSON list, each as its bytes with the line it starts on, cut out of
/// the stream without reading the file whole. Each element is then parsed on its own; what
/// lies around the list is only scanned for brackets and strings.
pub(super) struct JsonElements<'a> {
    input: Box<dyn BufRead + 'a>,
    line: usize,
    depth: i32,
    in_str: bool,
    escaped: bool,
    shape: Shape,
    /// The depth of the elements, once the list is found.
    list: Option<i32>,
    /// In the object shape: the last key read at depth 1, and whether its colon followed.
    key: Vec<u8>,
    reading_key: bool,
    after_key: bool,
    finished: bool,
    /// The noun of one record, for the message of a file without a list.
    noun: &'static str,
}

impl<'a> JsonElements<'a> {
    pub(super) fn new(
        mut input: Box<dyn BufRead + 'a>,
        noun: &'static str,
    ) -> Result<Self, Vec<LineError>> {
        if input
            .fill_buf()
            .map_err(|e| unreadable(&e))?
            .starts_with(BOM)
        {
            input.consume(BOM.len());
        }
        Ok(JsonElements {
            input,
            line: 1,
            depth: 0,
            in_str: false,
            escaped: false,
            shape: Shape::Unknown,
            list: None,
            key: Vec::new(),
            reading_key: false,
            after_key: false,
            finished: false,
            noun,
        })
    }

    fn byte(&mut self) -> Result<Option<u8>, LineError> {
        let buf = self
            .input
            .fill_buf()
            .map_err(|e| line_error(self.line, None, format!("lecture impossible : {e}")))?;
        let Some(&b) = buf.first() else {
            return Ok(None);
        };
        self.input.consume(1);
        if b == b'\n' {
            self.line += 1;
        }
        Ok(Some(b))
    }

    fn fail(&mut self, e: LineError) -> Option<Result<(usize, Vec<u8>), LineError>> {
        self.finished = true;
        Some(Err(e))
    }

    /// Follows strings (escapes included); returns whether `b` was inside one.
    fn string(&mut self, b: u8) -> bool {
        if self.in_str {
            match (self.escaped, b) {
                (true, _) => self.escaped = false,
                (false, b'\\') => self.escaped = true,
                (false, b'"') => self.in_str = false,
                _ => {}
            }
            return true;
        }
        if b == b'"' {
            self.in_str = true;
            return true;
        }
        false
    }
}

impl Iterator for JsonElements<'_> {
    type Item = Result<(usize, Vec<u8>), LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let mut element: Option<(usize, Vec<u8>)> = None;
        loop {
            let b = match self.byte() {
                Ok(Some(b)) => b,
                Ok(None) => {
                    return if self.list.is_none() {
                        let e = line_error(self.line, None, expected_list(self.noun));
                        self.fail(e)
                    } else {
                        let line = self.line;
                        self.fail(line_error(
                            line,
                            None,
                            "le JSON s'arrête avant la fin de la liste : le fichier est tronqué.",
                        ))
                    };
                }
                Err(e) => return self.fail(e),
            };
            if let Some((start, bytes)) = &mut element {
                // Inside an element: keep every byte until its brackets close.
                let scalar = !matches!(bytes.first(), Some(b'[' | b'{'));
                let at_list = Some(self.depth) == self.list;
                if !self.in_str && scalar && at_list && matches!(b, b',' | b']') {
                    if b == b']' {
                        self.depth -= 1;
                        self.finished = true;
                    }
                    let mut scalar = std::mem::take(bytes);
                    scalar.truncate(scalar.trim_ascii_end().len());
                    return Some(Ok((*start, scalar)));
                }
                bytes.push(b);
                if self.string(b) {
                    continue;
                }
                match b {
                    b'[' | b'{' => self.depth += 1,
                    b']' | b'}' => {
                        self.depth -= 1;
                        if Some(self.depth) == self.list {
                            return Some(Ok((*start, std::mem::take(bytes))));
                        }
                    }
                    _ => {}
                }
                continue;
            }
            if self.list == Some(self.depth) && !self.in_str {
                // Between elements.
                match b {
                    b' ' | b'\t' | b'\r' | b'\n' | b',' => {}
                    b']' => {
                        self.finished = true;
                        return None;
                    }
                    _ => {
                        element = Some((self.line, vec![b]));
                        if self.string(b) {
                            continue;
                        }
                        if matches!(b, b'[' | b'{') {
                            self.depth += 1;
                        }
                    }
                }
                continue;
            }
            // Around the list: find it.
            let was_in_str = self.in_str;
            if self.string(b) {
                if self.shape == Shape::Object && self.depth == 1 {
                    if !was_in_str {
                        self.key.clear();
                        self.reading_key = true;
                        self.after_key = false;
                    } else if self.in_str {
                        if self.reading_key {
                            self.key.push(b);
                        }
                    } else {
                        self.reading_key = false;
                    }
                }
                continue;
            }
            match (self.shape, b) {
                (_, b' ' | b'\t' | b'\r' | b'\n') => {}
                (Shape::Unknown, b'[') => {
                    self.shape = Shape::List;
                    self.depth = 1;
                    self.list = Some(1);
                }
                (Shape::Unknown, b'{') => {
                    self.shape = Shape::Object;
                    self.depth = 1;
                }
                (Shape::Unknown, _) => {
                    let e = line_error(self.line, None, expected_list(self.noun));
                    return self.fail(e);
                }
                (_, b':') if self.depth == 1 => self.after_key = true,
                (_, b'[') => {
                    self.depth += 1;
                    if self.depth == 2 && self.after_key && self.key == b"resultats" {
                        self.list = Some(2);
                    }
                }
                (_, b'{') => self.depth += 1,
                (_, b']' | b'}') => self.depth -= 1,
                (_, b',') if self.depth == 1 => self.after_key = false,
                _ => {}
            }
        }
    }
}

/// The message of a file whose records are not in a list, for a kind's noun.
fn expected_list(noun: &str) -> String {
    format!(
        "attendu : une liste (chaque élément : un(e) {noun}), ou un objet {{ \"resultats\": [ … ] }}."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elements(text: &str) -> Vec<Result<(usize, String), String>> {
        JsonElements::new(Box::new(text.as_bytes()), "alliance")
            .unwrap()
            .map(|r| {
                r.map(|(l, b)| (l, String::from_utf8(b).unwrap()))
                    .map_err(|e| e.to_string())
            })
            .collect()
    }

    #[test]
    fn cuts_a_bare_list_and_the_collection_shape_with_lines() {
        assert_eq!(
            elements("[\n {\"a\": \"]},[\"},\n {\"b\": [1, {\"c\": 2}]}\n]"),
            vec![
                Ok((2, "{\"a\": \"]},[\"}".to_owned())),
                Ok((3, "{\"b\": [1, {\"c\": 2}]}".to_owned()))
            ]
        );
        let dump = "{\n \"licence\": \"x [\\\"resultats\\\"]\",\n \"meta\": {\"resultats\": [9]},\n \"resultats\": [\n  {\"slug\": \"a\"},\n  {\"slug\": \"b\"}\n ],\n \"total\": 2\n}";
        assert_eq!(
            elements(dump),
            vec![
                Ok((5, "{\"slug\": \"a\"}".to_owned())),
                Ok((6, "{\"slug\": \"b\"}".to_owned()))
            ]
        );
        assert_eq!(
            elements("\u{feff}[1, \"x\" ,{}]"),
            vec![
                Ok((1, "1".to_owned())),
                Ok((1, "\"x\"".to_owned())),
                Ok((1, "{}".to_owned()))
            ]
        );
        assert_eq!(elements("[]"), vec![]);
    }

    #[test]
    fn a_missing_list_or_a_cut_file_is_an_error() {
        for text in ["{\"total\": 1}", "\"x\"", ""] {
            let all = elements(text);
            assert_eq!(all.len(), 1, "{text}");
            assert!(all[0].as_ref().unwrap_err().contains("attendu : une liste"));
        }
        let all = elements("[{\"a\": 1},\n{\"b\":");
        assert_eq!(all.len(), 2);
        assert!(all[1].as_ref().unwrap_err().contains("tronqué"), "{all:?}");
    }
}
