//! French and English message catalogues (Project Fluent), embedded in the binary.
//!
//! French is the reference: every message exists in French; a message missing from the
//! English catalogue falls back to French (a test keeps the two key sets equal). Templates
//! reach messages through the web layer's page context.

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use fluent_bundle::FluentValue as Value;

/// The languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// BCP 47 code, as in `<html lang>`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The URL prefix of the language: French pages live at unprefixed paths.
    #[must_use]
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::Fr => "",
            Lang::En => "/en",
        }
    }

    #[must_use]
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// An ISO date in words: « 3 décembre 2026 », « 3 December 2026 »; a partial date
    /// (`2017-09`, `2017`) keeps only what it has; anything else is returned as is.
    #[must_use]
    pub fn date(self, iso: &str) -> String {
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let parts: Vec<&str> = iso.split('-').collect();
        let month = |m: &str| {
            m.parse::<usize>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .map(|m| match self {
                    Lang::Fr => FR[m - 1],
                    Lang::En => EN[m - 1],
                })
        };
        match parts.as_slice() {
            [y, m, d] => match (month(m), d.parse::<u32>()) {
                (Some(m), Ok(d)) => match (self, d) {
                    (Lang::Fr, 1) => format!("1er {m} {y}"),
                    _ => format!("{d} {m} {y}"),
                },
                _ => iso.to_owned(),
            },
            [y, m] => month(m).map_or_else(|| iso.to_owned(), |m| format!("{m} {y}")),
            _ => iso.to_owned(),
        }
    }

    /// Formats an integer with the language's digit grouping (« 12 463 067 » with narrow
    /// no-break spaces in French, « 12,463,067 » in English).
    #[must_use]
    pub fn int(self, n: i64) -> String {
        let sep = match self {
            Lang::Fr => "\u{202f}",
            Lang::En => ",",
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }
}

/// The embedded catalogue files, by language.
const FILES: &[(&str, &str, &str)] = &[
    ("fr", "commun.ftl", include_str!("../locales/fr/commun.ftl")),
    (
        "fr",
        "exemples.ftl",
        include_str!("../locales/fr/exemples.ftl"),
    ),
    (
        "fr",
        "methodes.ftl",
        include_str!("../locales/fr/methodes.ftl"),
    ),
    (
        "fr",
        "accueil.ftl",
        include_str!("../locales/fr/accueil.ftl"),
    ),
    (
        "fr",
        "modules.ftl",
        include_str!("../locales/fr/modules.ftl"),
    ),
    (
        "fr",
        "competences.ftl",
        include_str!("../locales/fr/competences.ftl"),
    ),
    ("fr", "compte.ftl", include_str!("../locales/fr/compte.ftl")),
    (
        "fr",
        "contributions.ftl",
        include_str!("../locales/fr/contributions.ftl"),
    ),
    ("fr", "odd.ftl", include_str!("../locales/fr/odd.ftl")),
    (
        "fr",
        "territoires.ftl",
        include_str!("../locales/fr/territoires.ftl"),
    ),
    (
        "fr",
        "taxonomies.ftl",
        include_str!("../locales/fr/taxonomies.ftl"),
    ),
    (
        "fr",
        "donnees.ftl",
        include_str!("../locales/fr/donnees.ftl"),
    ),
    (
        "fr",
        "catalyseurs.ftl",
        include_str!("../locales/fr/catalyseurs.ftl"),
    ),
    ("fr", "outils.ftl", include_str!("../locales/fr/outils.ftl")),
    ("en", "commun.ftl", include_str!("../locales/en/commun.ftl")),
    (
        "en",
        "exemples.ftl",
        include_str!("../locales/en/exemples.ftl"),
    ),
    (
        "en",
        "methodes.ftl",
        include_str!("../locales/en/methodes.ftl"),
    ),
    (
        "en",
        "accueil.ftl",
        include_str!("../locales/en/accueil.ftl"),
    ),
    (
        "en",
        "modules.ftl",
        include_str!("../locales/en/modules.ftl"),
    ),
    (
        "en",
        "competences.ftl",
        include_str!("../locales/en/competences.ftl"),
    ),
    ("en", "compte.ftl", include_str!("../locales/en/compte.ftl")),
    (
        "en",
        "contributions.ftl",
        include_str!("../locales/en/contributions.ftl"),
    ),
    ("en", "odd.ftl", include_str!("../locales/en/odd.ftl")),
    (
        "en",
        "territoires.ftl",
        include_str!("../locales/en/territoires.ftl"),
    ),
    (
        "en",
        "taxonomies.ftl",
        include_str!("../locales/en/taxonomies.ftl"),
    ),
    (
        "en",
        "donnees.ftl",
        include_str!("../locales/en/donnees.ftl"),
    ),
    (
        "en",
        "catalyseurs.ftl",
        include_str!("../locales/en/catalyseurs.ftl"),
    ),
    ("en", "outils.ftl", include_str!("../locales/en/outils.ftl")),
];

/// An error in a catalogue file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError(pub String);

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CatalogError {}

pub struct Catalog {
    fr: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Catalog")
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())]
        .bytes()
        .filter(|b| *b == b'\n')
        .count()
        + 1
}

impl Catalog {
    /// Parses the embedded catalogues; an error names the file and the line.
    pub fn load() -> Result<Catalog, CatalogError> {
        let mut fr = FluentBundle::new_concurrent(vec!["fr".parse().expect("valid language id")]);
        let mut en = FluentBundle::new_concurrent(vec!["en".parse().expect("valid language id")]);
        fr.set_use_isolating(false);
        en.set_use_isolating(false);
        for (lang, name, text) in FILES {
            let resource = FluentResource::try_new((*text).to_owned()).map_err(|(_, errors)| {
                let e = &errors[0];
                CatalogError(format!(
                    "locales/{lang}/{name}, ligne {} : erreur de syntaxe Fluent ({:?})",
                    line_of(text, e.pos.start),
                    e.kind
                ))
            })?;
            let bundle = if *lang == "fr" { &mut fr } else { &mut en };
            bundle
                .add_resource(resource)
                .map_err(|errors| CatalogError(format!("locales/{lang}/{name} : {errors:?}")))?;
        }
        Ok(Catalog { fr, en })
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Whether a message exists in `lang`'s catalogue (without fallback).
    #[must_use]
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).has_message(key)
    }

    /// The message `key` in `lang` (French when English lacks it; the key itself, logged by
    /// the tests, when both lack it).
    #[must_use]
    pub fn get<'a>(&'a self, lang: Lang, key: &'a str) -> Cow<'a, str> {
        self.format(lang, key, None)
    }

    /// The message `key` with named arguments.
    #[must_use]
    pub fn get_with<'a>(
        &'a self,
        lang: Lang,
        key: &'a str,
        args: &[(&str, Value<'a>)],
    ) -> Cow<'a, str> {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            fa.set(*name, value.clone());
        }
        self.format(lang, key, Some(&fa))
    }

    fn format<'a>(&'a self, lang: Lang, key: &'a str, args: Option<&FluentArgs>) -> Cow<'a, str> {
        let (bundle, message) = match self.bundle(lang).get_message(key) {
            Some(m) => (self.bundle(lang), m),
            None => match self.fr.get_message(key) {
                Some(m) => (&self.fr, m),
                None => return Cow::Borrowed(key),
            },
        };
        let Some(pattern) = message.value() else {
            return Cow::Borrowed(key);
        };
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, args, &mut errors);
        match out {
            Cow::Borrowed(s) => Cow::Borrowed(s),
            Cow::Owned(s) => Cow::Owned(s),
        }
    }

    /// Every message id of a language, sorted (for consistency tests).
    #[must_use]
    pub fn keys(lang: Lang) -> Vec<String> {
        let mut keys = Vec::new();
        for (l, _, text) in FILES {
            if *l != lang.code() {
                continue;
            }
            for line in text.lines() {
                let Some(first) = line.chars().next() else {
                    continue;
                };
                if first.is_ascii_alphabetic()
                    && let Some((id, _)) = line.split_once('=')
                {
                    keys.push(id.trim().to_owned());
                }
            }
        }
        keys.sort();
        keys
    }
}

/// Shorthand for a number argument.
#[must_use]
pub fn num(n: i64) -> Value<'static> {
    FluentValue::from(n)
}

/// Shorthand for a text argument.
#[must_use]
pub fn text(s: &str) -> Value<'_> {
    FluentValue::from(s)
}

#[cfg(test)]
mod date_tests {
    use super::Lang;

    #[test]
    fn dates_in_words() {
        assert_eq!(Lang::Fr.date("2026-12-03"), "3 décembre 2026");
        assert_eq!(Lang::Fr.date("2024-08-01"), "1er août 2024");
        assert_eq!(Lang::En.date("2024-08-01"), "1 August 2024");
        assert_eq!(Lang::Fr.date("2017-09"), "septembre 2017");
        assert_eq!(Lang::Fr.date("2017"), "2017");
        assert_eq!(Lang::Fr.date("n'importe"), "n'importe");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_parse_and_have_the_same_keys() {
        let catalog = Catalog::load().expect("catalogues parse");
        let fr = Catalog::keys(Lang::Fr);
        let en = Catalog::keys(Lang::En);
        let missing_en: Vec<_> = fr.iter().filter(|k| !en.contains(k)).collect();
        let missing_fr: Vec<_> = en.iter().filter(|k| !fr.contains(k)).collect();
        assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
        assert!(missing_fr.is_empty(), "missing in French: {missing_fr:?}");
        let mut dedup = fr.clone();
        dedup.dedup();
        assert_eq!(dedup.len(), fr.len(), "a French key is defined twice");
        for key in &fr {
            assert!(catalog.has(Lang::Fr, key), "{key}");
            assert!(catalog.has(Lang::En, key), "{key}");
        }
    }

    #[test]
    fn formats_numbers_and_plurals() {
        assert_eq!(Lang::Fr.int(12_463_067), "12\u{202f}463\u{202f}067");
        assert_eq!(Lang::En.int(12_463_067), "12,463,067");
        assert_eq!(Lang::Fr.int(-5), "-5");
        assert_eq!(Lang::Fr.int(999), "999");
        let c = Catalog::load().unwrap();
        let count = |lang: Lang, n: i64| {
            let nf = lang.int(n);
            c.get_with(lang, "nombre-communes", &[("n", num(n)), ("nf", text(&nf))])
                .into_owned()
        };
        assert_eq!(count(Lang::Fr, 1), "1 commune");
        assert_eq!(count(Lang::Fr, 0), "0 commune");
        assert_eq!(count(Lang::Fr, 1266), "1\u{202f}266 communes");
        assert_eq!(count(Lang::En, 0), "0 municipalities");
        assert_eq!(count(Lang::En, 1), "1 municipality");
        assert_eq!(c.get(Lang::En, "cle-inexistante"), "cle-inexistante");
    }
}
