//! The French analyser: words split on anything not a letter or digit, lowercased, accents
//! and ligatures folded (œ → oe, æ → ae), stop words and elided articles dropped, then
//! stemmed (Snowball French) so that singular and plural meet. Synonyms are expanded at
//! query time from `synonymes.txt`.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Name under which the analyser is registered on the index.
pub const NAME: &str = "fr";

/// Our list of French function words, written folded (the filter runs after folding),
/// plus the letters left by elisions (l', d', qu'…).
const STOP_WORDS: &str = include_str!("stopwords-fr.txt");
const SYNONYMS: &str = include_str!("synonymes.txt");

/// The analyser the index registers: [`chain`] behind a cache of each word's result.
#[must_use]
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::from(Cached::new())
}

/// Words, then the filters, one word at a time. Every filter reads only the word it
/// transforms, so a word always gives the same result: [`Cached`] remembers it.
fn chain() -> TextAnalyzer {
    let stop: Vec<String> = STOP_WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(|l| l.split_whitespace())
        .map(str::to_owned)
        .collect();
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(stop))
        .filter(PluralFilter)
        .filter(Stemmer::new(Language::French))
        .build()
}

/// Most entries the cache keeps before it starts again (about 10 MB of short strings).
const CACHE_LIMIT: usize = 200_000;

/// What each word became (or `None`: dropped), shared by every copy of the analyser.
type Memory = Arc<RwLock<HashMap<String, Option<String>>>>;

fn memory() -> Memory {
    static CELL: OnceLock<Memory> = OnceLock::new();
    CELL.get_or_init(Memory::default).clone()
}

/// The analyser with a memory of what each word became. Indexing spent about half its time
/// in the French stemmer on the same few thousand words, and a search about a sixth of its
/// time analysing the descriptions it highlights (measured with `perf` and
/// `alliances-bench phases` at 1 000 000 alliances); looking a word up costs a hash. The
/// memory is shared by the indexing thread and every search. Positions and offsets are the
/// tokenizer's, as in [`chain`].
#[derive(Clone)]
struct Cached {
    words: SimpleTokenizer,
    chain: TextAnalyzer,
    memory: Memory,
}

impl Cached {
    fn new() -> Cached {
        Cached {
            words: SimpleTokenizer::default(),
            chain: chain(),
            memory: memory(),
        }
    }
}

impl Tokenizer for Cached {
    type TokenStream<'a> = CachedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CachedStream<'a> {
        let Cached {
            words,
            chain,
            memory,
        } = self;
        CachedStream {
            words: words.token_stream(text),
            analyser: Analyse { chain, memory },
        }
    }
}

struct Analyse<'a> {
    chain: &'a mut TextAnalyzer,
    memory: &'a Memory,
}

impl Analyse<'_> {
    fn analyse(&mut self, word: &str) -> Option<String> {
        let known = self
            .memory
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(word)
            .cloned();
        if let Some(known) = known {
            return known;
        }
        // A word of the tokenizer is one word for the chain too.
        let mut stream = self.chain.token_stream(word);
        let analysed = stream.next().map(|t| t.text.clone());
        let mut memory = self
            .memory
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if memory.len() >= CACHE_LIMIT {
            memory.clear();
        }
        memory.insert(word.to_owned(), analysed.clone());
        analysed
    }
}

struct CachedStream<'a> {
    words: <SimpleTokenizer as Tokenizer>::TokenStream<'a>,
    analyser: Analyse<'a>,
}

impl TokenStream for CachedStream<'_> {
    fn advance(&mut self) -> bool {
        while self.words.advance() {
            if let Some(text) = self.analyser.analyse(&self.words.token().text) {
                self.words.token_mut().text = text;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.words.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.words.token_mut()
    }
}

/// Drops a final plural `s` or `x` before stemming: Snowball French keeps the `s` after a
/// vowel (« emplois » stays apart from « emploi »), and plural must meet singular. Applied
/// alike to documents and queries, so the rare word it shortens wrongly still matches.
#[derive(Clone)]
struct PluralFilter;

impl TokenFilter for PluralFilter {
    type Tokenizer<T: Tokenizer> = PluralTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PluralTokenizer<T> {
        PluralTokenizer(tokenizer)
    }
}

#[derive(Clone)]
struct PluralTokenizer<T>(T);

impl<T: Tokenizer> Tokenizer for PluralTokenizer<T> {
    type TokenStream<'a> = PluralStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PluralStream(self.0.token_stream(text))
    }
}

struct PluralStream<S>(S);

impl<S: TokenStream> TokenStream for PluralStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let text = &mut self.0.token_mut().text;
        // « -aux » is left to the stemmer, which turns it into « -al » (ruraux → rural).
        if text.len() > 3
            && (text.ends_with('s') || text.ends_with('x'))
            && !text.ends_with("ss")
            && !text.ends_with("aux")
        {
            text.pop();
        }
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

/// The analysed tokens of a text, in order, without repeats.
#[must_use]
pub fn tokens(text: &str) -> Vec<String> {
    let mut a = analyzer();
    let mut stream = a.token_stream(text);
    let mut out: Vec<String> = Vec::new();
    while let Some(t) = stream.next() {
        if !out.contains(&t.text) {
            out.push(t.text.clone());
        }
    }
    out
}

/// Analysed token → the analysed tokens of its synonyms (single words only).
fn synonyms() -> &'static HashMap<String, Vec<String>> {
    static CELL: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for line in SYNONYMS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let group: Vec<String> = line
                .split(',')
                .filter_map(|w| tokens(w.trim()).into_iter().next())
                .collect();
            for w in &group {
                let entry = map.entry(w.clone()).or_default();
                for other in &group {
                    if other != w && !entry.contains(other) {
                        entry.push(other.clone());
                    }
                }
            }
        }
        map
    })
}

/// A token and its synonyms.
#[must_use]
pub fn expand(token: &str) -> Vec<String> {
    let mut out = vec![token.to_owned()];
    if let Some(more) = synonyms().get(token) {
        out.extend(more.iter().cloned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_ligatures_and_stems() {
        assert_eq!(tokens("Données"), tokens("donnees"));
        assert_eq!(tokens("alliances"), tokens("Alliance"));
        assert_eq!(tokens("emplois"), tokens("emploi"));
        assert_eq!(tokens("réseaux"), tokens("réseau"));
        assert_eq!(tokens("cœur"), tokens("coeur"));
        assert_eq!(tokens("Lætitia"), tokens("laetitia"));
        assert_eq!(tokens("territoires ruraux"), tokens("territoire rural"));
        assert_eq!(tokens("l'emploi des jeunes"), tokens("emploi jeune"));
        assert!(tokens("le la les de du").is_empty());
    }

    /// The cached analyser gives what the chain gives, positions and offsets included, the
    /// second time a word comes as the first.
    #[test]
    fn the_cache_changes_nothing() {
        let text = "Les réseaux d'entreprises et l'emploi des jeunes : les Réseaux, encore. \
                    Cœur de ville, Lætitia, territoires ruraux ; le la les 12 000 habitants.";
        let all = |mut a: TextAnalyzer, text: &str| {
            let mut out = Vec::new();
            let mut s = a.token_stream(text);
            while let Some(t) = s.next() {
                out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            }
            out
        };
        let expected = all(chain(), text);
        assert!(expected.len() > 10);
        let mut cached = analyzer();
        for _ in 0..2 {
            let mut got = Vec::new();
            let mut s = cached.token_stream(text);
            while let Some(t) = s.next() {
                got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            }
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn synonyms_are_symmetric() {
        let velo = tokens("vélo").remove(0);
        let bicyclette = tokens("bicyclette").remove(0);
        assert!(expand(&velo).contains(&bicyclette));
        assert!(expand(&bicyclette).contains(&velo));
        // « St Martin » is how many write Saint-Martin.
        let saint = tokens("Saint").remove(0);
        assert!(expand(&tokens("St").remove(0)).contains(&saint));
    }
}
