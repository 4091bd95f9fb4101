//! The one import pipeline of every kind of record (alliances, key figures, catalyseurs,
//! tools): read a table (CSV in the fact-table layout, UTF-8 with or without BOM, comma or
//! semicolon; XLSX; JSON) as it streams (`sources`), validate each row into its domain type
//! ([`Record`]) and hand records out batch by batch (`stream`), every error kept with its
//! line and column. The store writes the batches in one transaction and commits only when the
//! whole file was valid: all or nothing. Also the CSV and XLSX writers of the same layouts
//! (`write`).

use std::fmt;

use alliances_domain::alliance::{Alliance, EXTRA_COLUMNS, FACT_COLUMNS, Referential};
use alliances_domain::record::Record;
use serde::de::DeserializeOwned;

mod sources;
mod stream;
mod write;

pub use stream::{Input, RecordStream};
pub use write::{neutralise_cell, restore_cell, write_csv, write_xlsx, xml_escape};

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

/// Reads a file of any kind of record whole; all errors or all records, the rules over the
/// whole file ([`Record::check_set`]) included. For files too large to hold, an importer
/// reads a [`RecordStream`] batch by batch instead (kinds without such rules only).
pub fn read_records<R: Record + DeserializeOwned>(
    format: Format,
    bytes: &[u8],
    context: &R::Context,
) -> Result<Parsed<R>, Vec<LineError>> {
    read_all(RecordStream::open(format, Input::Bytes(bytes), context)?)
}

/// Every record of a stream, then the rules over the whole file.
pub fn read_all<R: Record + DeserializeOwned>(
    mut stream: RecordStream<'_, R>,
) -> Result<Parsed<R>, Vec<LineError>> {
    let mut parsed = Vec::new();
    loop {
        let batch = stream.next_batch(1024);
        if batch.is_empty() {
            break;
        }
        parsed.extend(batch);
    }
    stream.finish()?;
    let rows: Vec<&R> = parsed.iter().map(|(_, r)| r).collect();
    let mut errors: Vec<LineError> = R::check_set(&rows)
        .into_iter()
        .map(|(i, field, message)| LineError {
            ligne: parsed[i].0,
            colonne: Some(R::column_of(field)),
            message,
        })
        .collect();
    if errors.is_empty() {
        Ok(parsed)
    } else {
        errors.sort_by_key(|e| e.ligne);
        Err(errors)
    }
}

fn line_error(ligne: usize, colonne: Option<&str>, message: impl Into<String>) -> LineError {
    LineError {
        ligne,
        colonne: colonne.map(str::to_owned),
        message: message.into(),
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

#[cfg(test)]
mod tests {
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
