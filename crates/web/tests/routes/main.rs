//! HTTP tests, laid out like the routes. Every case runs on SQLite and, when
//! `TEST_POSTGRES_URL` is set, on PostgreSQL.

mod acces;
mod api_competences;
mod api_contributions;
mod api_document;
mod api_donnees;
mod api_exemples;
mod api_methodes;
mod api_odd;
mod api_outils;
mod api_territoires;
mod compte_kit;
mod donnees_ouvertes;
mod methodes_kit;
mod operations;
mod pages_competences;
mod pages_compte;
mod pages_contributions;
mod pages_donnees;
mod pages_exemples;
mod pages_methodes;
mod pages_odd;
mod pages_outils;
mod pages_site;
mod pages_territoires;
mod security;

/// The text of an HTML page with tags removed and whitespace collapsed, for content checks.
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
