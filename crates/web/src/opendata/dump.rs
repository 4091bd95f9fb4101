//! The alliances' dumps written page by page as the database is read: CSV, JSON, GeoJSON
//! and JSON-LD go out a page at a time (to the response, to a file), so that neither the
//! server nor `alliances export` holds the base. XLSX, a zip whose one sheet must be
//! complete before it is compressed, is the exception: it is built whole.
//!
//! The collection's `total` comes after its list (`{ "licence", "resultats": [ … ],
//! "total" }`): it counts what was written, even if the base moved during the reading.

use alliances_domain::alliance::Alliance;
use alliances_store::{Db, alliances as store, exchange};
use serde_json::json;

use super::alliances::{Places, jsonld_item};

/// Records read per page.
const PAGE: i64 = 500;

/// The text forms a dump streams in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Csv,
    Json,
    Geojson,
    Jsonld,
}

/// Where a dump stands.
enum Step {
    Opening,
    /// Pages after this slug (none: from the first).
    After(Option<String>),
    Done,
}

/// A dump being written: its opening, each page, its end.
pub struct Dump<'a> {
    shape: Shape,
    step: Step,
    places: Places<'a>,
    base_url: String,
    licence: String,
    written: usize,
}

fn io(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

impl<'a> Dump<'a> {
    #[must_use]
    pub fn new(shape: Shape, places: Places<'a>, base_url: &str, licence: &str) -> Dump<'a> {
        Dump {
            shape,
            step: Step::Opening,
            places,
            base_url: base_url.to_owned(),
            licence: licence.to_owned(),
            written: 0,
        }
    }

    fn opening(&self) -> std::io::Result<Vec<u8>> {
        let licence = serde_json::to_string(&self.licence).map_err(io)?;
        Ok(match self.shape {
            Shape::Csv => {
                let mut out = Vec::new();
                exchange::write_csv(&mut out, &exchange::columns(), std::iter::empty(), true)?;
                out
            }
            Shape::Json => format!("{{\"licence\":{licence},\"resultats\":[").into_bytes(),
            Shape::Geojson => {
                format!("{{\"type\":\"FeatureCollection\",\"licence\":{licence},\"features\":[")
                    .into_bytes()
            }
            Shape::Jsonld => format!(
                "{{\"@context\":\"https://schema.org\",\"@type\":\"Dataset\",\"name\":{},\"license\":{licence},\"hasPart\":[",
                json!("Alliances — l'ODD 17 en pratique : exemples d'alliances")
            )
            .into_bytes(),
        })
    }

    fn page(&mut self, records: &[Alliance]) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        if self.shape == Shape::Csv {
            let rows =
                exchange::alliance_rows(records.iter().map(|a| (a, self.places.region_names(a))));
            exchange::write_csv(&mut out, &[], rows, false)?;
            self.written += records.len();
            return Ok(out);
        }
        for a in records {
            out.extend_from_slice(if self.written == 0 { b"\n" } else { b",\n" });
            match self.shape {
                Shape::Json => serde_json::to_writer(&mut out, a),
                Shape::Geojson => {
                    serde_json::to_writer(&mut out, &self.places.feature(a, &self.base_url))
                }
                _ => serde_json::to_writer(&mut out, &jsonld_item(a, &self.base_url)),
            }
            .map_err(io)?;
            self.written += 1;
        }
        Ok(out)
    }

    fn closing(&self) -> Vec<u8> {
        match self.shape {
            Shape::Csv => Vec::new(),
            Shape::Json => format!("\n],\"total\":{}}}\n", self.written).into_bytes(),
            Shape::Geojson | Shape::Jsonld => b"\n]}\n".to_vec(),
        }
    }

    /// The next piece of the dump — its opening, then one page of the base at a time, then
    /// its end — or `None` once it is complete.
    pub async fn next_piece(&mut self, db: &Db) -> std::io::Result<Option<Vec<u8>>> {
        match self.step {
            Step::Opening => {
                self.step = Step::After(None);
                self.opening().map(Some)
            }
            Step::After(ref after) => {
                let page = store::page_after(db, after.as_deref(), PAGE)
                    .await
                    .map_err(io)?;
                let Some(last) = page.last() else {
                    self.step = Step::Done;
                    return Ok(Some(self.closing()));
                };
                self.step = Step::After(Some(last.alliance.slug.clone()));
                let records: Vec<Alliance> = page.into_iter().map(|s| s.alliance).collect();
                self.page(&records).map(Some)
            }
            Step::Done => Ok(None),
        }
    }

    /// How many alliances were written so far.
    #[must_use]
    pub fn written(&self) -> usize {
        self.written
    }
}
