//! The Atom feed of the latest alliances.

use alliances_store::alliances as store;
use alliances_store::exchange::xml_escape;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::AppResult;
use crate::state::AppState;

/// RFC 3339 of a Unix time.
pub fn rfc3339(secs: i64) -> String {
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
    let base = state.settings.public_url.clone().unwrap_or_default();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_694_400), "2026-11-26T12:00:00Z");
    }
}
