//! Open data: the `/donnees-ouvertes` page, the dumps of every dataset with their Table
//! Schema, and `sitemap.xml`.

use alliances_store::alliances as store;
use alliances_store::exchange::{self, xml_escape};
use askama::Template;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::opendata::dump::{Dump, Shape};
use crate::opendata::{self, Field, alliances::Places};
use crate::state::{AppState, ready};

#[derive(Template)]
#[template(path = "pages/donnees_ouvertes.html")]
struct OpenData<'a> {
    ctx: &'a Ctx,
    licence: &'a str,
    fields: &'static [Field],
    figure_fields: &'static [Field],
    catalyseur_fields: &'static [Field],
    outil_fields: &'static [Field],
}

pub async fn page(ctx: Ctx) -> AppResult<Html<String>> {
    let state = ctx.state.clone();
    crate::render(&OpenData {
        ctx: &ctx,
        licence: &state.settings.open_data_licence,
        fields: &opendata::alliances::FIELDS,
        figure_fields: &opendata::chiffres::FIELDS,
        catalyseur_fields: &opendata::catalyseurs::FIELDS,
        outil_fields: &opendata::outils::FIELDS,
    })
}

fn base_url(state: &AppState) -> String {
    state.settings.public_url.clone().unwrap_or_default()
}

fn download(content_type: &'static str, name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

fn json_bytes(value: &impl serde::Serialize) -> AppResult<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| AppError::Internal(format!("sérialisation : {e}")))
}

const CSV: &str = "text/csv; charset=utf-8";
const JSON: &str = "application/json";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `/donnees-ouvertes/{fichier}`: `alliances.{csv,xlsx,json,geojson,jsonld,schema.json}`,
/// `chiffres-cles.{csv,json,schema.json}`, `catalyseurs.{csv,json,schema.json}`,
/// `outils.{csv,xlsx,json,schema.json}`.
pub async fn dump(State(state): State<AppState>, Path(file): Path<String>) -> AppResult<Response> {
    let ready = ready(&state)?;
    let to_internal = |e: std::io::Error| AppError::Internal(e.to_string());
    let licence = &state.settings.open_data_licence;
    match file.as_str() {
        "alliances.schema.json" => {
            return Ok(download(
                JSON,
                &file,
                json_bytes(&opendata::alliances::table_schema())?,
            ));
        }
        "chiffres-cles.schema.json" => {
            return Ok(download(
                JSON,
                &file,
                json_bytes(&opendata::chiffres::table_schema())?,
            ));
        }
        "catalyseurs.schema.json" => {
            return Ok(download(
                JSON,
                &file,
                json_bytes(&opendata::catalyseurs::table_schema())?,
            ));
        }
        "outils.schema.json" => {
            return Ok(download(
                JSON,
                &file,
                json_bytes(&opendata::outils::table_schema())?,
            ));
        }
        "outils.csv" | "outils.xlsx" | "outils.json" => {
            let c = ready.collections.get();
            let tools: Vec<&alliances_domain::outil::Outil> =
                c.outils.iter().map(|(o, _)| o).collect();
            let rows = || tools.iter().map(|o| opendata::outils::row(o));
            let header = opendata::outils::header();
            return Ok(match file.rsplit('.').next() {
                Some("csv") => {
                    let mut body = Vec::new();
                    exchange::write_csv(&mut body, &header, rows(), true).map_err(to_internal)?;
                    download(CSV, &file, body)
                }
                Some("xlsx") => download(
                    XLSX,
                    &file,
                    exchange::write_xlsx("outils", &header, rows()).map_err(to_internal)?,
                ),
                _ => {
                    let body = serde_json::json!({ "licence": licence, "total": tools.len(), "resultats": tools });
                    download(JSON, &file, json_bytes(&body)?)
                }
            });
        }
        "chiffres-cles.csv" | "chiffres-cles.json" => {
            let c = ready.collections.get();
            let figures = &c.observatory.figures;
            return Ok(if file.ends_with(".csv") {
                let mut body = Vec::new();
                exchange::write_csv(
                    &mut body,
                    &opendata::chiffres::header(),
                    figures
                        .iter()
                        .map(|f| opendata::chiffres::row(f, ready.populations)),
                    true,
                )
                .map_err(to_internal)?;
                download(CSV, &file, body)
            } else {
                let body = serde_json::json!({ "licence": licence, "total": figures.len(), "resultats": figures });
                download(JSON, &file, json_bytes(&body)?)
            });
        }
        "catalyseurs.csv" | "catalyseurs.json" => {
            let c = ready.collections.get();
            let places = Places::of(ready);
            return Ok(if file.ends_with(".csv") {
                let mut body = Vec::new();
                exchange::write_csv(
                    &mut body,
                    &alliances_domain::catalyseur::COLUMNS,
                    c.catalyseurs.iter().map(|k| {
                        k.to_columns(&places.region_names_of(k.places()))
                            .into_iter()
                            .map(|(_, v)| v)
                            .collect()
                    }),
                    true,
                )
                .map_err(to_internal)?;
                download(CSV, &file, body)
            } else {
                let body = serde_json::json!({ "licence": licence, "total": c.catalyseurs.len(), "resultats": c.catalyseurs });
                download(JSON, &file, json_bytes(&body)?)
            });
        }
        "alliances.csv" | "alliances.json" | "alliances.geojson" | "alliances.jsonld"
        | "alliances.xlsx" => {}
        _ => return Err(AppError::NotFound),
    }
    let (shape, content_type) = match file.as_str() {
        "alliances.csv" => (Shape::Csv, CSV),
        "alliances.json" => (Shape::Json, JSON),
        "alliances.geojson" => (Shape::Geojson, "application/geo+json"),
        "alliances.jsonld" => (Shape::Jsonld, "application/ld+json"),
        _ => {
            // XLSX: a zip whose sheet is compressed whole, built in memory.
            let stored = store::all(&state.db).await?;
            let places = Places::of(ready);
            let rows = || {
                exchange::alliance_rows(
                    stored
                        .iter()
                        .map(|s| (&s.alliance, places.region_names(&s.alliance))),
                )
            };
            return Ok(download(
                XLSX,
                &file,
                exchange::write_xlsx("alliances", &exchange::columns(), rows())
                    .map_err(to_internal)?,
            ));
        }
    };
    Ok(streamed(state, shape, content_type, &file))
}

/// An alliances dump streamed from the database as it is read (see `opendata::dump`): a
/// task reads page by page and the response body follows, a few pages behind at most. A
/// database error midway ends the download short (and is logged).
fn streamed(state: AppState, shape: Shape, content_type: &'static str, name: &str) -> Response {
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<Vec<u8>>>(4);
    let base = base_url(&state);
    tokio::spawn(async move {
        let Some(ready) = state.ready() else { return };
        let licence = state.settings.open_data_licence.clone();
        let mut dump = Dump::new(shape, Places::of(ready), &base, &licence);
        loop {
            match dump.next_piece(&state.db).await {
                Ok(Some(bytes)) => {
                    if tx.send(Ok(bytes)).await.is_err() {
                        return; // the reader went away
                    }
                }
                Ok(None) => return,
                Err(e) => {
                    tracing::warn!(error = %e, "export des alliances interrompu");
                    let _ = tx.send(Err(e)).await;
                    return;
                }
            }
        }
    });
    let body = Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    }));
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// `/sitemap.xml`: the home page, the module and reference pages, every alliance, goal,
/// key figure, catalyseur, tool, région and département.
pub async fn sitemap(State(state): State<AppState>) -> AppResult<Response> {
    let ready = ready(&state)?;
    let base = base_url(&state);
    let mut urls: Vec<(String, Option<String>)> = [
        "/",
        "/exemples",
        "/methodes",
        "/donnees",
        "/donnees/cartes",
        "/catalyseurs",
        "/outils",
        "/outils/cartographie",
        "/competences",
        "/territoires",
        "/odd",
        "/donnees-ouvertes",
        "/sources-et-licences",
        "/accessibilite",
    ]
    .iter()
    .map(|p| ((*p).to_owned(), None))
    .collect();
    for (slug, modified) in store::slugs(&state.db).await? {
        urls.push((
            format!("/exemples/{slug}"),
            Some(alliances_domain::alliance::civil_from_days(
                modified.div_euclid(86_400),
            )),
        ));
    }
    for n in 1..=17 {
        urls.push((format!("/odd/{n}"), None));
    }
    {
        let c = ready.collections.get();
        for f in &c.observatory.figures {
            urls.push((format!("/donnees/chiffres/{}", f.id), None));
        }
        for k in &c.catalyseurs {
            urls.push((format!("/catalyseurs/{}", k.slug), None));
        }
        for (o, _) in &c.outils {
            urls.push((format!("/outils/{}", o.slug), None));
        }
    }
    let parcours = &state.settings.parcours;
    for v in &parcours.variantes {
        urls.push((format!("/competences/parcours/{}", v.slug), None));
    }
    for m in &parcours.modules {
        urls.push((format!("/competences/modules/{}", m.slug), None));
    }
    for t in ready.regions.iter().chain(&ready.departements) {
        urls.push((t.level.page_path(&t.code), None));
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in urls {
        xml.push_str(&format!(
            "<url><loc>{}</loc>",
            xml_escape(&format!("{base}{path}"))
        ));
        if let Some(d) = lastmod {
            xml.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn schemas_document_every_column_in_order() {
        let names = |schema: serde_json::Value| -> Vec<String> {
            schema["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["name"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(
            names(crate::opendata::alliances::table_schema()),
            alliances_store::exchange::columns()
        );
        assert_eq!(
            names(crate::opendata::catalyseurs::table_schema()),
            alliances_domain::catalyseur::COLUMNS
        );
        assert_eq!(
            names(crate::opendata::chiffres::table_schema()),
            crate::opendata::chiffres::header()
        );
        assert_eq!(
            names(crate::opendata::outils::table_schema()),
            crate::opendata::outils::header()
        );
    }
}
