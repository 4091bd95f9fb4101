//! Editorial pages written as Markdown files with a TOML front matter, under
//! `content/pages/{fr,en}/`, embedded in the binary and rendered once.

use std::sync::OnceLock;

use alliances_i18n::Lang;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct FrontMatter {
    title: String,
    description: String,
}

#[derive(Debug)]
pub struct Page {
    pub title: String,
    pub description: String,
    /// Rendered from our own Markdown files (never from user input).
    pub html: String,
}

const FILES: &[(&str, &str, &str)] = &[
    (
        "fr",
        "accessibilite",
        include_str!("../../../content/pages/fr/accessibilite.md"),
    ),
    (
        "fr",
        "confidentialite",
        include_str!("../../../content/pages/fr/confidentialite.md"),
    ),
    (
        "en",
        "accessibilite",
        include_str!("../../../content/pages/en/accessibilite.md"),
    ),
    (
        "en",
        "confidentialite",
        include_str!("../../../content/pages/en/confidentialite.md"),
    ),
];

/// Splits `+++ front matter +++ body` and renders the body.
fn parse(lang: &str, slug: &str, text: &str) -> Result<Page, String> {
    let place = || format!("content/pages/{lang}/{slug}.md");
    let rest = text
        .strip_prefix("+++\n")
        .ok_or_else(|| format!("{} : le fichier doit commencer par +++", place()))?;
    let (front, body) = rest
        .split_once("\n+++\n")
        .ok_or_else(|| format!("{} : bloc +++ non refermé", place()))?;
    let meta: FrontMatter =
        toml::from_str(front).map_err(|e| format!("{} : en-tête invalide : {e}", place()))?;
    let mut html = String::with_capacity(body.len() * 2);
    let parser = pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES);
    pulldown_cmark::html::push_html(&mut html, parser);
    Ok(Page {
        title: meta.title,
        description: meta.description,
        html,
    })
}

/// Markdown of a content file (lessons, exercises) as HTML; raw HTML in the text is shown as
/// text, never interpreted, and headings start at `h3` (the page owns `h1` and `h2`).
#[must_use]
pub fn markdown(text: &str) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
    let shift = |level: HeadingLevel| match level {
        HeadingLevel::H1 | HeadingLevel::H2 => HeadingLevel::H3,
        other => other,
    };
    let parser = pulldown_cmark::Parser::new(text).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: shift(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
        other => other,
    });
    let mut html = String::with_capacity(text.len() * 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

/// Every `*.toml` file of an operator's content folder, sorted by name, as (path, text);
/// `key` is the configuration key that named the folder, for the error.
pub fn toml_files(dir: &std::path::Path, key: &str) -> Result<Vec<(String, String)>, Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![format!(
            "{key} : dossier « {} » illisible ({e})",
            dir.display()
        )]
    })?;
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            std::fs::read_to_string(&p)
                .map(|text| (p.display().to_string(), text))
                .map_err(|e| vec![format!("{} : fichier illisible ({e})", p.display())])
        })
        .collect()
}

fn pages() -> &'static Vec<((Lang, &'static str), Page)> {
    static P: OnceLock<Vec<((Lang, &'static str), Page)>> = OnceLock::new();
    P.get_or_init(|| {
        FILES
            .iter()
            .map(|(lang, slug, text)| {
                let l = if *lang == "en" { Lang::En } else { Lang::Fr };
                let page = parse(lang, slug, text).unwrap_or_else(|e| panic!("{e}"));
                ((l, *slug), page)
            })
            .collect()
    })
}

/// Checks every content file; the binary calls this at start-up so that a broken file stops
/// the server with its name rather than failing on first request.
pub fn validate() -> Result<(), String> {
    for (lang, slug, text) in FILES {
        parse(lang, slug, text)?;
    }
    Ok(())
}

#[must_use]
pub fn page(lang: Lang, slug: &str) -> Option<&'static Page> {
    let find = |l: Lang| {
        pages()
            .iter()
            .find(|((pl, ps), _)| *pl == l && *ps == slug)
            .map(|(_, p)| p)
    };
    find(lang).or_else(|| find(Lang::Fr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_of_content_shows_raw_html_as_text() {
        let html = markdown("# Titre\n\nUn <script>x</script> **gras**");
        assert!(html.contains("<h3>Titre</h3>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<strong>gras</strong>"), "{html}");
    }

    #[test]
    fn every_page_parses_in_both_languages() {
        validate().unwrap();
        for slug in ["accessibilite", "confidentialite"] {
            for lang in Lang::ALL {
                let p = page(lang, slug).unwrap();
                assert!(!p.title.is_empty() && p.html.contains("<h2>"), "{slug}");
            }
        }
        assert!(
            parse("fr", "x", "pas d'en-tête")
                .unwrap_err()
                .contains("content/pages/fr/x.md")
        );
    }
}
