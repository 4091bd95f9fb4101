//! The page context every template receives: language, messages, links and assets.

use alliances_i18n::{Lang, num, text};
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;

use crate::state::AppState;

pub struct Ctx {
    pub lang: Lang,
    pub state: AppState,
    /// Path of the page without the language prefix (`/odd/17`).
    pub path: String,
    pub query: Option<String>,
}

impl<S> FromRequestParts<S> for Ctx
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ok(Ctx::new(
            AppState::from_ref(state),
            parts.extensions.get::<Lang>().copied().unwrap_or_default(),
            parts.uri.path(),
            parts.uri.query(),
        ))
    }
}

impl Ctx {
    #[must_use]
    pub fn new(state: AppState, lang: Lang, path: &str, query: Option<&str>) -> Ctx {
        Ctx {
            lang,
            state,
            path: path.to_owned(),
            query: query.map(str::to_owned),
        }
    }

    /// A message.
    #[must_use]
    pub fn t(&self, key: impl AsRef<str>) -> String {
        self.state.catalog.get(self.lang, key.as_ref()).into_owned()
    }

    /// A message with a count: `$n` selects the plural, `$nf` is the formatted number.
    #[must_use]
    pub fn tn(&self, key: impl AsRef<str>, n: impl AsNum) -> String {
        let key = key.as_ref();
        let n = n.as_i64();
        let nf = self.lang.int(n);
        self.state
            .catalog
            .get_with(self.lang, key, &[("n", num(n)), ("nf", text(&nf))])
            .into_owned()
    }

    /// A message with one text argument.
    #[must_use]
    pub fn ta(&self, key: impl AsRef<str>, name: &str, value: impl AsRef<str>) -> String {
        self.state
            .catalog
            .get_with(self.lang, key.as_ref(), &[(name, text(value.as_ref()))])
            .into_owned()
    }

    /// The language's link to an unprefixed path.
    #[must_use]
    pub fn href(&self, path: impl AsRef<str>) -> String {
        link(self.lang, path.as_ref())
    }

    /// This page in the other language.
    #[must_use]
    pub fn switch_href(&self) -> String {
        let base = link(self.lang.other(), &self.path);
        match &self.query {
            Some(q) if !q.is_empty() => format!("{base}?{q}"),
            _ => base,
        }
    }

    #[must_use]
    pub fn other_lang_code(&self) -> &'static str {
        self.lang.other().code()
    }

    #[must_use]
    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// A grouped integer.
    #[must_use]
    pub fn int(&self, n: impl AsNum) -> String {
        self.lang.int(n.as_i64())
    }

    /// A population, or « non renseignée ».
    #[must_use]
    pub fn population(&self, p: impl std::borrow::Borrow<Option<i64>>) -> String {
        match *p.borrow() {
            Some(n) => self.tn("habitants", n),
            None => self.t("population-non-renseignee"),
        }
    }

    /// The fingerprinted URL of an embedded asset.
    #[must_use]
    pub fn asset(&self, path: &str) -> String {
        crate::assets::url(path)
    }

    /// The navigation section the page belongs to, for `aria-current`.
    #[must_use]
    pub fn in_section(&self, section: &str) -> bool {
        if section == "/" {
            return self.path == "/";
        }
        self.path == section || self.path.starts_with(&format!("{section}/"))
    }

    /// Label of a code in a taxonomy.
    #[must_use]
    pub fn taxo(&self, taxonomy: &str, code: &str) -> String {
        self.t(format!("taxo-{taxonomy}-{code}"))
    }

    /// Sources as a record's page lists them — each address with the date it was read, in
    /// words — and whether the page is « à actualiser » (its most recent read is more than
    /// two years old).
    #[must_use]
    pub fn sources_read(
        &self,
        sources: &[alliances_domain::alliance::Source],
    ) -> (Vec<(String, String)>, bool) {
        let verified = sources.iter().map(|s| s.consulte_le.clone()).max();
        (
            sources
                .iter()
                .map(|s| (s.url.clone(), self.date(&s.consulte_le)))
                .collect(),
            alliances_domain::alliance::needs_update(verified.as_deref(), &self.state.today()),
        )
    }

    /// An ISO date in words, in the page's language.
    #[must_use]
    pub fn date(&self, iso: &str) -> String {
        self.lang.date(iso)
    }

    /// The French or English variant of a bilingual value.
    #[must_use]
    pub fn pick<'a>(&self, fr: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// `path` (unprefixed) in `lang`: `/odd` → `/en/odd`, `/` → `/en`.
/// The link to an unprefixed path in a language.
#[must_use]
pub fn link(lang: Lang, path: &str) -> String {
    match (lang, path) {
        (Lang::En, "/") => "/en".to_owned(),
        (lang, p) => format!("{}{p}", lang.prefix()),
    }
}

/// Integers templates may pass by value or by reference.
pub trait AsNum {
    fn as_i64(&self) -> i64;
}

macro_rules! as_num {
    ($($t:ty),*) => {$(
        impl AsNum for $t {
            #[allow(clippy::cast_possible_wrap, clippy::cast_lossless)]
            fn as_i64(&self) -> i64 {
                *self as i64
            }
        }
    )*};
}
as_num!(i64, u64, usize, i32, u32, u8);

impl<T: AsNum + ?Sized> AsNum for &T {
    fn as_i64(&self) -> i64 {
        (**self).as_i64()
    }
}
