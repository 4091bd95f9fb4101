//! The one import pipeline of every kind of record (alliances, key figures, catalyseurs):
//! read a table (CSV in the fact-table layout, UTF-8 with or without BOM, comma or
//! semicolon; XLSX; JSON), validate each row into its domain type ([`Record`]), and hand
//! back all records or all errors. The store then writes all or nothing. Also the CSV and
//! XLSX writers of the same layouts.
//!
//! Reading is all-or-nothing: every error of every line is collected, with its line and
//! column, before anything is written.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{Cursor, Write};

use alliances_domain::alliance::{Alliance, EXTRA_COLUMNS, FACT_COLUMNS, Referential};
use alliances_domain::error::FieldError;
use alliances_domain::record::Record;
use serde::de::DeserializeOwned;

/// One import error: `ligne N, colonne « X » : message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub ligne: usize,
    pub colonne: Option<String>,
    pub message: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.colonne {
            Some(c) => write!(
                f,
                "ligne {}, colonne « {c} » : {}",
                self.ligne, self.message
            ),
            None => write!(f, "ligne {} : {}", self.ligne, self.message),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Xlsx,
    Geojson,
    /// schema.org JSON-LD (export only).
    JsonLd,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "xlsx" => Some(Format::Xlsx),
            "geojson" => Some(Format::Geojson),
            "jsonld" => Some(Format::JsonLd),
            _ => None,
        }
    }

    /// From a file name's extension.
    pub fn of_path(path: &str) -> Option<Format> {
        Format::parse(path.rsplit('.').next()?)
    }

    /// The name `parse` reads.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Geojson => "geojson",
            Format::JsonLd => "jsonld",
        }
    }
}

/// Records read from a file, with the line each starts on.
pub type Parsed<R = Alliance> = Vec<(usize, R)>;

/// Reads a file of alliances; all errors or all records.
pub fn read(
    format: Format,
    bytes: &[u8],
    referential: &Referential,
) -> Result<Parsed, Vec<LineError>> {
    read_records::<Alliance>(format, bytes, referential)
}

/// Reads a file of any kind of record; all errors or all records.
pub fn read_records<R: Record + DeserializeOwned>(
    format: Format,
    bytes: &[u8],
    context: &R::Context,
) -> Result<Parsed<R>, Vec<LineError>> {
    let parsed = match format {
        Format::Csv => read_table::<R>(csv_rows(bytes)?, context),
        Format::Xlsx => read_table::<R>(xlsx_rows(bytes)?, context),
        Format::Json => read_json::<R>(bytes, context),
        Format::Geojson | Format::JsonLd => Err(vec![LineError {
            ligne: 1,
            colonne: None,
            message: "le GeoJSON et le JSON-LD sont des formats d'export seulement ; importez du CSV, du JSON ou du XLSX.".into(),
        }]),
    }?;
    check_references(&parsed, context)?;
    let rows: Vec<&R> = parsed.iter().map(|(_, r)| r).collect();
    let mut errors: Vec<LineError> = R::check_set(&rows)
        .into_iter()
        .map(|(i, field, message)| LineError {
            ligne: parsed[i].0,
            colonne: Some(R::column_of(field)),
            message,
        })
        .collect();
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.ligne);
        return Err(errors);
    }
    Ok(parsed)
}

/// Every identifier a record points at exists in the file or in the base.
fn check_references<R: Record>(
    parsed: &Parsed<R>,
    context: &R::Context,
) -> Result<(), Vec<LineError>> {
    let ids: HashSet<&str> = parsed.iter().map(|(_, r)| r.id()).collect();
    let mut errors = Vec::new();
    for (line, r) in parsed {
        for (field, id) in r.references() {
            if !ids.contains(id.as_str()) && !R::exists(context, &id) {
                errors.push(LineError {
                    ligne: *line,
                    colonne: Some(R::column_of(field)),
                    message: format!(
                        "« {id} » n'existe ni dans ce fichier ni dans la base : écrivez l'identifiant d'un(e) {} existant(e).",
                        R::NOUN
                    ),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The error of an identifier seen before in the same file.
fn duplicate(
    seen: &mut HashMap<String, usize>,
    id: &str,
    line: usize,
    noun: &str,
) -> Option<LineError> {
    let id = id.trim();
    if id.is_empty() {
        return None;
    }
    let first = *seen.entry(id.to_owned()).or_insert(line);
    (first != line).then(|| LineError {
        ligne: line,
        colonne: Some("id".into()),
        message: format!(
            "l'identifiant « {id} » figure déjà ligne {first} : chaque {noun} n'apparaît qu'une fois par fichier."
        ),
    })
}

/// A header and rows of cells, each row with its line number, and the lines that could
/// not be read as rows (reported with the others).
struct Table {
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
    broken: Vec<LineError>,
}

fn line_error(ligne: usize, colonne: Option<&str>, message: impl Into<String>) -> LineError {
    LineError {
        ligne,
        colonne: colonne.map(str::to_owned),
        message: message.into(),
    }
}

fn csv_rows(bytes: &[u8]) -> Result<Table, Vec<LineError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(bytes).is_err() {
        return Err(vec![line_error(
            1,
            None,
            "le fichier n'est pas en UTF-8 ; enregistrez-le en « CSV UTF-8 ».",
        )]);
    }
    // The separator is the one the header line uses.
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.iter().filter(|b| **b == b';').count()
        > first_line.iter().filter(|b| **b == b',').count()
    {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(r)) => r.iter().map(|s| s.trim().to_owned()).collect(),
        Some(Err(e)) => {
            return Err(vec![line_error(
                1,
                None,
                format!("en-tête illisible : {e}"),
            )]);
        }
        None => return Err(vec![line_error(1, None, "le fichier est vide.")]),
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for record in records {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                if r.len() != header.len() {
                    let spans = r
                        .iter()
                        .any(|f| f.contains('\n') || f.contains(char::from(delimiter)));
                    let hint = if r.len() < header.len() && spans {
                        "un guillemet ouvert n'est pas refermé : la suite du fichier a été lue comme une seule valeur"
                    } else if r.len() < header.len() {
                        "il manque des valeurs ; une valeur contenant le séparateur ou un retour à la ligne doit être entre guillemets"
                    } else {
                        "une valeur contient le séparateur sans être entre guillemets"
                    };
                    errors.push(line_error(
                        line,
                        None,
                        format!(
                            "{} valeurs pour {} colonnes : {hint}.",
                            r.len(),
                            header.len()
                        ),
                    ));
                    continue;
                }
                rows.push((line, r.iter().map(|c| restore_cell(c).to_owned()).collect()));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                errors.push(line_error(line, None, format!("ligne illisible : {e}")));
            }
        }
    }
    Ok(Table {
        header,
        rows,
        broken: errors,
    })
}

fn xlsx_rows(bytes: &[u8]) -> Result<Table, Vec<LineError>> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
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
    let rows = rows
        .filter(|(_, r)| r.iter().any(|c| !matches!(c, Data::Empty)))
        .map(|(i, r)| (start + i + 1, r.iter().map(cell).collect()))
        .collect();
    Ok(Table {
        header,
        rows,
        broken: Vec::new(),
    })
}

fn read_table<R: Record>(table: Table, context: &R::Context) -> Result<Parsed<R>, Vec<LineError>> {
    let mut errors = Vec::new();
    // Columns under another accepted name are read as their canonical column.
    let header: Vec<String> = table
        .header
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
    let mut seen = HashSet::new();
    for (h, raw) in header.iter().zip(&table.header) {
        let known = R::required_columns().contains(&h.as_str())
            || R::optional_columns().contains(&h.as_str());
        if !known {
            let optional = R::optional_columns();
            errors.push(line_error(
                1,
                Some(raw),
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
            errors.push(line_error(1, Some(raw), "colonne en double."));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    errors = table.broken;
    let index: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.as_str(), i))
        .collect();
    let mut out = Vec::with_capacity(table.rows.len());
    let mut seen = HashMap::new();
    for (line, cells) in &table.rows {
        let get = |c: &str| index.get(c).and_then(|i| cells.get(*i)).cloned();
        if let Some(e) = duplicate(&mut seen, &get("id").unwrap_or_default(), *line, R::NOUN) {
            errors.push(e);
        }
        let push_all = |errors: &mut Vec<LineError>, errs: Vec<FieldError>| {
            for e in errs {
                errors.push(LineError {
                    ligne: *line,
                    colonne: Some(R::column_of(&e.champ)),
                    message: e.message,
                });
            }
        };
        match R::from_columns(&get, context) {
            Ok(mut r) => match r.validate(context) {
                Ok(()) => {
                    r.complete(context);
                    out.push((*line, r));
                }
                Err(errs) => push_all(&mut errors, errs),
            },
            Err(errs) => push_all(&mut errors, errs),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.sort_by_key(|e| e.ligne);
        Err(errors)
    }
}

/// The line on which each element of a top-level JSON array starts.
fn element_lines(bytes: &[u8]) -> Vec<usize> {
    let (mut line, mut depth, mut in_str, mut escaped) = (1usize, 0i32, false, false);
    let mut starts = Vec::new();
    let mut expecting = false;
    for &b in bytes {
        if b == b'\n' {
            line += 1;
        }
        if in_str {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                if depth == 1 && expecting {
                    starts.push(line);
                    expecting = false;
                }
                depth += 1;
                if depth == 1 && b == b'[' {
                    expecting = true;
                }
            }
            b']' | b'}' => depth -= 1,
            b',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    starts
}

fn read_json<R: Record + DeserializeOwned>(
    bytes: &[u8],
    context: &R::Context,
) -> Result<Parsed<R>, Vec<LineError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        vec![line_error(
            e.line(),
            None,
            format!("JSON invalide (colonne {}) : {e}", e.column()),
        )]
    })?;
    // A bare array, or the collection shape of the API and the dumps.
    let (items, lines) = match value {
        serde_json::Value::Array(items) => (items, element_lines(bytes)),
        serde_json::Value::Object(mut o) if o.get("resultats").is_some_and(|v| v.is_array()) => {
            let text = std::str::from_utf8(bytes).unwrap_or_default();
            let offset = text.find("\"resultats\"").unwrap_or(0);
            let before = text[..offset].matches('\n').count();
            let lines = element_lines(&bytes[offset + "\"resultats\"".len()..])
                .into_iter()
                .map(|l| l + before)
                .collect();
            match o.remove("resultats") {
                Some(serde_json::Value::Array(items)) => (items, lines),
                _ => unreachable!("checked above"),
            }
        }
        _ => {
            return Err(vec![line_error(
                1,
                None,
                format!(
                    "attendu : une liste (chaque élément : un(e) {}), ou un objet {{ \"resultats\": [ … ] }}.",
                    R::NOUN
                ),
            )]);
        }
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashMap::new();
    for (i, item) in items.into_iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        if let Some(e) = duplicate(
            &mut seen,
            item[R::JSON_ID].as_str().unwrap_or_default(),
            line,
            R::NOUN,
        ) {
            errors.push(e);
        }
        match serde_json::from_value::<R>(item) {
            Ok(mut a) => match a.validate(context) {
                Ok(()) => {
                    a.complete(context);
                    out.push((line, a));
                }
                Err(errs) => errors.extend(errs.into_iter().map(|e| LineError {
                    ligne: line,
                    colonne: Some(e.champ),
                    message: e.message,
                })),
            },
            Err(e) => errors.push(line_error(
                line,
                None,
                format!("{} n° {} illisible : {e}", R::NOUN, i + 1),
            )),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The export columns of alliances: the fact-table layout, then ours.
#[must_use]
pub fn columns() -> Vec<&'static str> {
    FACT_COLUMNS
        .iter()
        .chain(EXTRA_COLUMNS.iter())
        .copied()
        .collect()
}

/// Alliances as CSV rows in the import layout, each with the names of its régions.
pub fn alliance_rows<'a>(
    records: impl Iterator<Item = (&'a Alliance, Vec<String>)>,
) -> impl Iterator<Item = Vec<String>> {
    records.map(|(a, regions)| a.to_columns(&regions).into_iter().map(|(_, v)| v).collect())
}

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written to a CSV file: text a spreadsheet would run as a formula (`=`, `+`,
/// `-`, `@`, tab or carriage return first) gets a leading apostrophe, as spreadsheet users
/// expect; a number (`-3`, `+1.5`) is left as it is.
#[must_use]
pub fn neutralise_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    // Apostrophes first count too (`'=x` is written `''=x`), so that reading back removes
    // exactly the one added here.
    let formula = cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
        && cell.trim().parse::<f64>().is_err();
    if formula {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A CSV cell as read: the apostrophe [`neutralise_cell`] adds is removed, so that an
/// export imports back unchanged.
#[must_use]
pub fn restore_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// CSV with a header (UTF-8 with BOM so that spreadsheets read the accents); every cell
/// neutralised against formulas ([`neutralise_cell`]).
pub fn write_csv(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
    with_header: bool,
) -> std::io::Result<()> {
    if with_header {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut w = csv::WriterBuilder::new().from_writer(out);
    if with_header {
        w.write_record(header)?;
    }
    for row in rows {
        w.write_record(row.iter().map(|c| neutralise_cell(c).into_owned()))?;
    }
    w.flush()
}

/// Text escaped for XML content and attributes; control characters XML 1.0 cannot hold
/// (all but tab and newline) are dropped.
#[must_use]
pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => o.push(c),
        }
    }
    o
}

/// A minimal XLSX workbook (one sheet named `sheet_name`, inline strings): a header row,
/// then the rows.
pub fn write_xlsx(
    sheet_name: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> std::io::Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let col = |mut i: usize| {
        let mut s = Vec::new();
        loop {
            s.push(b'A' + (i % 26) as u8);
            if i < 26 {
                break;
            }
            i = i / 26 - 1;
        }
        s.reverse();
        String::from_utf8(s).unwrap_or_default()
    };
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    let mut row = |n: usize, cells: Vec<String>| {
        sheet.push_str(&format!("<row r=\"{n}\">"));
        for (i, v) in cells.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            sheet.push_str(&format!(
                "<c r=\"{}{n}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                col(i),
                xml_escape(v)
            ));
        }
        sheet.push_str("</row>");
    };
    row(1, header.iter().map(|h| (*h).to_owned()).collect());
    for (i, cells) in rows.enumerate() {
        row(i + 2, cells);
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = SimpleFileOptions::default();
        let workbook = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            xml_escape(sheet_name)
        );
        let files: [(&str, &str); 5] = [
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
            ),
            (
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            ("xl/workbook.xml", workbook.as_str()),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
            ("xl/worksheets/sheet1.xml", sheet.as_str()),
        ];
        for (name, content) in files {
            z.start_file(name, o).map_err(std::io::Error::other)?;
            z.write_all(content.as_bytes())?;
        }
        z.finish().map_err(std::io::Error::other)?;
    }
    Ok(buf.into_inner())
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_neutralised_in_csv_and_read_back_unchanged() {
        for (value, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+33 1 23", "'+33 1 23"),
            ("- 30 % de déchets", "'- 30 % de déchets"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("'=déjà", "''=déjà"),
            ("''+x", "'''+x"),
            ("-3", "-3"),
            ("+1.5", "+1.5"),
            ("Réseau", "Réseau"),
            ("l'alliance", "l'alliance"),
        ] {
            assert_eq!(super::neutralise_cell(value), written, "{value}");
            assert_eq!(super::restore_cell(written), value, "{written}");
        }
        // Through the writer and the reader.
        let mut out = Vec::new();
        super::write_csv(
            &mut out,
            &["a", "b"],
            [vec!["=1+1".to_owned(), "-2".to_owned()]].into_iter(),
            true,
        )
        .unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.contains("'=1+1,-2"), "{text}");
        let table = super::csv_rows(&out).unwrap();
        assert_eq!(table.rows[0].1, vec!["=1+1".to_owned(), "-2".to_owned()]);
    }

    use super::*;
    use alliances_domain::territory::Level;

    fn referential() -> Referential {
        let mut r = Referential::default();
        r.territories.insert((Level::Commune, "34144".into()));
        r.targets.insert("17.17".into());
        r
    }

    const HEADER: &str = "id,name,partners,territory_name,territory_level,insee_codes,region,start_year,domains,relational_modes,sdgs_stated,fragilities,results,source_urls,retrieved";

    #[test]
    fn reads_csv_with_bom_semicolons_and_multiline_fields() {
        let csv = format!(
            "\u{feff}{}\nreagir;\"RéAgir;\nLunas\";\"A (association; porteur)\";Lunas;commune;34144;Occitanie;2018;social;;not stated;;;https://example.org/a;2026-11-26\n",
            HEADER.replace(',', ";")
        );
        let parsed = read(Format::Csv, csv.as_bytes(), &referential()).unwrap();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].1.nom, "RéAgir;\nLunas");
    }

    #[test]
    fn reports_lines_and_columns() {
        let csv = format!(
            "{HEADER}\na,A,X (association; r),,commune,99999,,,social,,17,,,https://e.org/a,2026-11-26\nb,B,,,,,,,oops,,,,,https://e.org/b,2026-11-26\na,A2,,,,,,,,,,,,https://e.org/a,2026-11-26\n"
        );
        let errs = read(Format::Csv, csv.as_bytes(), &referential()).unwrap_err();
        let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert!(
            shown[0].starts_with("ligne 2, colonne « insee_codes »"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("ligne 3, colonne « domains »"),
            "{shown:?}"
        );
        let csv = format!("{HEADER}\na,\"A,B,,,\n");
        let errs = read(Format::Csv, csv.as_bytes(), &referential()).unwrap_err();
        assert_eq!(errs[0].ligne, 2);
        let errs = read(Format::Csv, b"id,name\n", &referential()).unwrap_err();
        assert_eq!(errs.len(), FACT_COLUMNS.len() - 2);
    }

    #[test]
    fn duplicate_slugs_inside_a_file_are_refused() {
        let csv = format!(
            "{HEADER}\na,A,,,,,,,,,,,,https://e.org/a,2026-11-26\na,A2,,,,,,,,,,,,https://e.org/a,2026-11-26\n"
        );
        let errs = read(Format::Csv, csv.as_bytes(), &referential()).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].ligne, 3);
        assert!(errs[0].message.contains("ligne 2"));
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn xlsx_and_json_round_trip() {
        let csv = format!(
            "{HEADER}\nreagir,RéAgir <&>,A (association; porteur),Lunas,commune,34144,Occitanie,2018-09,social,mecenat [editorial],not stated,emploi,x ; y,https://example.org/a,2026-11-26\n"
        );
        let r = referential();
        let parsed = read(Format::Csv, csv.as_bytes(), &r).unwrap();
        let a = &parsed[0].1;
        let xlsx = write_xlsx(
            "alliances",
            &columns(),
            alliance_rows(std::iter::once((a, vec!["Occitanie".to_owned()]))),
        )
        .unwrap();
        let back = read(Format::Xlsx, &xlsx, &r).unwrap();
        assert_eq!(&back[0].1, a);
        assert_eq!(back[0].0, 2);
        let json = serde_json::to_vec_pretty(&serde_json::json!({ "total": 1, "resultats": [a] }))
            .unwrap();
        let back = read(Format::Json, &json, &r).unwrap();
        assert_eq!(&back[0].1, a);
        assert_eq!(back[0].0, 3);
    }
}
