//! Open data: full dumps of the base, the Table Schema of the CSV, the Atom feed of the
//! latest alliances and `sitemap.xml`.

use alliances_domain::alliance::Alliance;
use alliances_store::alliances as store;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use alliances_store::exchange::xml_escape;

use super::export::{Places, jsonld, table_schema};
use crate::error::{AppError, AppResult};
use crate::features::territoires::ready;
use crate::state::{AppState, Ready};

pub fn places(ready: &Ready) -> Places<'_> {
    Places {
        directory: &ready.directory,
        regions: &ready.regions,
        departements: &ready.departements,
    }
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

/// `/donnees-ouvertes/{fichier}`: `alliances.csv`, `alliances.json`, `alliances.geojson`,
/// `alliances.jsonld`, `alliances.xlsx`, `alliances.schema.json`.
pub async fn dump(State(state): State<AppState>, Path(file): Path<String>) -> AppResult<Response> {
    let ready = ready(&state)?;
    if file == "alliances.schema.json" {
        let body = serde_json::to_vec_pretty(&table_schema()).unwrap_or_default();
        return Ok(download("application/json", &file, body));
    }
    let known = [
        "alliances.csv",
        "alliances.json",
        "alliances.geojson",
        "alliances.jsonld",
        "alliances.xlsx",
    ];
    if !known.contains(&file.as_str()) {
        return Err(AppError::NotFound);
    }
    let stored = store::all(&state.db).await?;
    let records: Vec<&Alliance> = stored.iter().map(|s| &s.alliance).collect();
    let places = places(ready);
    let licence = &state.settings.open_data_licence;
    let base = base_url(&state);
    let to_internal = |e: std::io::Error| AppError::Internal(e.to_string());
    Ok(match file.as_str() {
        "alliances.csv" => {
            let mut body = Vec::new();
            alliances_store::exchange::write_csv(
                &mut body,
                records.iter().map(|a| (*a, places.region_names(a))),
                true,
            )
            .map_err(to_internal)?;
            download("text/csv; charset=utf-8", &file, body)
        }
        "alliances.xlsx" => download(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &file,
            alliances_store::exchange::write_xlsx(
                records.iter().map(|a| (*a, places.region_names(a))),
            )
            .map_err(to_internal)?,
        ),
        "alliances.json" => {
            let body = serde_json::json!({
                "licence": licence,
                "total": records.len(),
                "resultats": records,
            });
            download(
                "application/json",
                &file,
                serde_json::to_vec(&body).unwrap_or_default(),
            )
        }
        "alliances.geojson" => download(
            "application/geo+json",
            &file,
            serde_json::to_vec(&places.geojson(&records, &base, licence)).unwrap_or_default(),
        ),
        _ => download(
            "application/ld+json",
            &file,
            serde_json::to_vec(&jsonld(&records, &base, licence)).unwrap_or_default(),
        ),
    })
}

/// RFC 3339 of a Unix time.
fn rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        alliances_domain::alliance::civil_from_days(days),
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// `/exemples/flux.atom`: the 30 alliances most recently added.
pub async fn feed(State(state): State<AppState>) -> AppResult<Response> {
    let latest = store::latest(&state.db, 30).await?;
    let base = base_url(&state);
    let updated = latest.iter().map(|s| s.modifie_le).max().unwrap_or(0);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n",
    );
    xml.push_str(&format!(
        "<title>Alliances — dernières alliances ajoutées</title>\n<id>{base}/exemples/flux.atom</id>\n<link rel=\"self\" href=\"{base}/exemples/flux.atom\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{base}/exemples\"/>\n<updated>{}</updated>\n<author><name>Alliances — l'ODD 17 en pratique</name></author>\n",
        rfc3339(updated)
    ));
    for s in &latest {
        let a = &s.alliance;
        let url = format!("{base}/exemples/{}", a.slug);
        xml.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<published>{}</published>\n<updated>{}</updated>\n<summary>{}</summary>\n</entry>\n",
            xml_escape(&a.nom),
            xml_escape(&url),
            xml_escape(&url),
            rfc3339(s.cree_le),
            rfc3339(s.modifie_le),
            xml_escape(a.resume.as_deref().unwrap_or_default()),
        ));
    }
    xml.push_str("</feed>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

/// `/sitemap.xml`: the home page, the module and reference pages, every alliance, goal,
/// région and département.
pub async fn sitemap(State(state): State<AppState>) -> AppResult<Response> {
    let ready = ready(&state)?;
    let base = base_url(&state);
    let mut urls: Vec<(String, Option<String>)> = [
        "/",
        "/exemples",
        "/methodes",
        "/donnees",
        "/outils",
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
    use super::*;

    #[test]
    fn times_and_escaping() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_694_400), "2026-11-26T12:00:00Z");
    }

    #[test]
    fn schema_documents_every_column_in_order() {
        let schema = table_schema();
        let names: Vec<&str> = schema["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, alliances_store::exchange::columns());
    }
}
