//! Full-text and faceted search over the alliances.
//!
//! A tantivy index derived from the database: each app server keeps its own (on disk under
//! the data directory, or in memory), records the last change-log number it applied in the
//! commit payload, and catches up from the change log. Text goes through the French
//! analyser (see [`analyzer`]); facets are terms `facet:code` of one raw field. Each segment
//! keeps, per facet value, the bitset of its documents (built once per segment from the
//! inverted index); a search collects its matching documents into a bitset and each count
//! is a popcount of an intersection, with the usual disjunctive rule: the counts of a facet
//! ignore that facet's own filter, so that choosing a value still shows the others.

pub mod analyzer;
#[cfg(test)]
mod equivalence;
mod facets;
mod matching;
mod order;
mod query;
mod rank;
mod similar;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};

use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::index::SegmentId;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query as TQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentReader,
    TantivyDocument, Term,
};

/// Bump when the schema or the analyser changes: the index is then rebuilt.
const SCHEMA_VERSION: u32 = 5;

/// The facets, in the order pages and the API show them; each is a query parameter.
pub const FACETS: [&str; 11] = [
    "type_acteur",
    "domaine",
    "niveau_territorial",
    "region",
    "departement",
    "odd",
    "cible",
    "mode",
    "impact",
    "fragilite",
    "statut",
];

/// Facets counted like the others but not shown as filters: the SDG goals a source states
/// (territorial syntheses tell stated and editorial goals apart).
pub const COUNTED_ONLY: [&str; 1] = ["odd_declare"];

/// Filters that are not shown as facets (territory pages use them).
pub const HIDDEN_FILTERS: [&str; 3] = ["epci", "commune", "com"];

/// Number of counted facets: [`FACETS`] then [`COUNTED_ONLY`].
const COUNTED: usize = FACETS.len() + COUNTED_ONLY.len();

fn all_facets() -> impl Iterator<Item = &'static &'static str> {
    FACETS
        .iter()
        .chain(COUNTED_ONLY.iter())
        .chain(HIDDEN_FILTERS.iter())
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("index de recherche : {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("index de recherche : {0}")]
    Io(#[from] std::io::Error),
    #[error("index de recherche : {0}")]
    Other(String),
}

pub type Result<T, E = SearchError> = std::result::Result<T, E>;

/// What the index holds of one alliance, built by the caller from the record and the
/// reference data.
#[derive(Debug, Clone, Default)]
pub struct IndexDoc {
    pub slug: String,
    pub nom: String,
    pub resume: String,
    pub description: String,
    /// Partners, territory names with their parents, labels of the classifications.
    pub texte: String,
    /// `(facet, code)`, facets from [`FACETS`], [`COUNTED_ONLY`] or [`HIDDEN_FILTERS`].
    pub facettes: Vec<(&'static str, String)>,
    /// `YYYYMM` of the start date (month 0 when only the year is known), 0 when unknown.
    pub debut: u64,
    /// The name folded, for sorting.
    pub nom_tri: String,
    /// Where the alliance sits, as a key: the index keeps its documents in this order (see
    /// [`order_settings`]), so the caller gives neighbouring keys to the alliances that share
    /// facet values (one région, one département within it, one fragilité within that). Only
    /// speed depends on it.
    pub lieu: u64,
    /// What a result line shows, as JSON, returned as is.
    pub carte: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    /// Most recent start first; unknown dates last.
    Date,
    Name,
}

#[derive(Debug, Clone, Default)]
pub struct Query {
    pub q: String,
    /// `(facet, codes)`: OR within a facet, AND across facets.
    pub filters: Vec<(String, Vec<String>)>,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
    pub facets: bool,
    pub snippets: bool,
    /// The places the text names (a territory's name typed as the query): the alliances
    /// placed there rank first, by weight.
    pub places: Places,
}

/// Places a query names, as facet values with a weight added to the score of the alliances
/// carrying them (a text score stays far below 100).
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// `(facet, code, weight)`.
    pub boosts: Vec<(String, String, f32)>,
    /// Whether the alliances placed there match even when their text does not (a commune's
    /// name finds the alliances of its intercommunalité); otherwise the places only rank.
    pub match_alone: bool,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub slug: String,
    pub nom: String,
    pub resume: String,
    pub carte: String,
    /// HTML (escaped text with `<mark>`), when the description matches.
    pub extrait: Option<String>,
    pub score: f32,
}

#[derive(Debug, Clone, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// For each facet of [`FACETS`] then [`COUNTED_ONLY`], `(code, count)` by decreasing
    /// count then code.
    pub facets: Vec<FacetCounts>,
}

/// A facet and its `(code, count)` pairs.
pub type FacetCounts = (&'static str, Vec<(String, u64)>);

/// A ranked neighbour with the facet values it shares.
#[derive(Debug, Clone)]
pub struct Similar {
    pub hit: Hit,
    pub shared: Vec<(&'static str, String)>,
}

#[derive(Clone, Copy)]
struct Fields {
    slug: Field,
    nom: Field,
    resume: Field,
    description: Field,
    texte: Field,
    facette: Field,
    debut: Field,
    nom_tri: Field,
    lieu: Field,
    carte: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |stored: bool| {
        let o = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer::NAME)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        if stored { o.set_stored() } else { o }
    };
    let fields = Fields {
        slug: b.add_text_field("slug", STRING | STORED),
        nom: b.add_text_field("nom", text(true)),
        resume: b.add_text_field("resume", text(true)),
        // Stored for snippets; its words are indexed in `texte`.
        description: b.add_text_field("description", STORED),
        texte: b.add_text_field("texte", text(false)),
        facette: b.add_text_field("facette", STRING),
        debut: b.add_u64_field("debut", INDEXED | FAST),
        nom_tri: b.add_text_field(
            "nom_tri",
            TextOptions::default().set_fast(tantivy::tokenizer::RAW_TOKENIZER_NAME),
        ),
        lieu: b.add_u64_field(LIEU, FAST),
        carte: b.add_text_field("carte", STORED),
    };
    (b.build(), fields)
}

/// The field the documents are ordered by.
const LIEU: &str = "lieu";

/// The index keeps its documents in the order of [`IndexDoc::lieu`], in every segment and
/// through every merge. The alliances of one région or département are then one range of
/// document numbers, and their facet counts read that range of a search's matches (see
/// [`facets`]) instead of probing each document.
fn order_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        sort_by_field: Some(tantivy::IndexSortByField {
            field: LIEU.to_owned(),
            order: tantivy::Order::Asc,
        }),
        ..tantivy::IndexSettings::default()
    }
}

fn facet_index(name: &str) -> Option<u8> {
    all_facets()
        .position(|f| *f == name)
        .and_then(|i| u8::try_from(i).ok())
}

fn facet_name(i: u8) -> &'static str {
    all_facets().nth(usize::from(i)).copied().unwrap_or("")
}

#[derive(Default)]
struct FacetState {
    dict: facets::Dictionary,
    segments: HashMap<SegmentId, Arc<facets::SegmentFacets>>,
}

/// What one search reads: a searcher and the facet tables of exactly its segments, taken
/// together so that a reload during the search cannot make them disagree.
struct Generation {
    searcher: tantivy::Searcher,
    segments: HashMap<SegmentId, Arc<facets::SegmentFacets>>,
    alive: matching::Alive,
    /// id → (facet index, code)
    terms: Vec<(u8, String)>,
    ids: HashMap<String, u32>,
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    facets: Mutex<FacetState>,
    current: RwLock<Arc<Generation>>,
    /// Last change-log number applied.
    /// The last change-log row reflected: its number and its mark (see `apply_at`).
    seq: RwLock<(i64, Option<String>)>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    schema: u32,
    seq: i64,
    /// The mark of change-log row `seq`; absent in indexes written before marks.
    #[serde(default)]
    mark: Option<String>,
}

impl SearchIndex {
    /// Opens the index in `dir` (created if missing, rebuilt empty if it was made by another
    /// schema version or is unreadable), or in memory without a directory. Returns the index;
    /// [`SearchIndex::seq`] tells from where to catch up (0: rebuild everything).
    pub fn open(dir: Option<&Path>) -> Result<SearchIndex> {
        let (schema, fields) = schema();
        let index = match dir {
            None => Index::builder()
                .schema(schema)
                .settings(order_settings())
                .create_in_ram()?,
            Some(dir) => match Self::open_dir(dir, &schema) {
                Ok(index) => index,
                Err(e) => {
                    tracing::warn!(error = %e, dir = %dir.display(), "index de recherche reconstruit");
                    if dir.exists() {
                        std::fs::remove_dir_all(dir)?;
                    }
                    std::fs::create_dir_all(dir)?;
                    Index::create(
                        MmapDirectory::open(dir).map_err(|e| SearchError::Other(e.to_string()))?,
                        schema,
                        order_settings(),
                    )?
                }
            },
        };
        index
            .tokenizers()
            .register(analyzer::NAME, analyzer::analyzer());
        let seq = index
            .load_metas()?
            .payload
            .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
            .map_or((0, None), |p| (p.seq, p.mark));
        let writer = index.writer_with_num_threads(1, 24_000_000)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let first = reader.searcher();
        let this = SearchIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            facets: Mutex::new(FacetState::default()),
            current: RwLock::new(Arc::new(Generation {
                searcher: first,
                segments: HashMap::new(),
                alive: matching::Alive::new(),
                terms: Vec::new(),
                ids: HashMap::new(),
            })),
            seq: RwLock::new(seq),
        };
        this.refresh()?;
        Ok(this)
    }

    fn open_dir(dir: &Path, schema: &Schema) -> Result<Index> {
        std::fs::create_dir_all(dir)?;
        let mmap = MmapDirectory::open(dir).map_err(|e| SearchError::Other(e.to_string()))?;
        let exists = Index::exists(&mmap).map_err(|e| SearchError::Other(e.to_string()))?;
        let index = if exists {
            Index::open(mmap)?
        } else {
            Index::create(mmap, schema.clone(), order_settings())?
        };
        if index.schema() != *schema || *index.settings() != order_settings() {
            return Err(SearchError::Other(
                "schéma ou ordre des documents différents".to_owned(),
            ));
        }
        let metas = index.load_metas()?;
        let fresh = metas.segments.is_empty() && metas.payload.is_none();
        let version = metas
            .payload
            .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
            .map(|p| p.schema);
        if !fresh && version != Some(SCHEMA_VERSION) {
            return Err(SearchError::Other(format!(
                "version de schéma {version:?}, attendue {SCHEMA_VERSION}"
            )));
        }
        Ok(index)
    }

    /// The last change-log number this index reflects.
    #[must_use]
    pub fn seq(&self) -> i64 {
        self.seq
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .0
    }

    /// The mark of the last change-log row this index reflects (see `apply_at`).
    #[must_use]
    pub fn mark(&self) -> Option<String> {
        self.seq
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .1
            .clone()
    }

    /// Number of documents searchable.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.generation().searcher.num_docs()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn document(&self, d: &IndexDoc) -> TantivyDocument {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.slug, &d.slug);
        doc.add_text(f.nom, &d.nom);
        doc.add_text(f.resume, &d.resume);
        doc.add_text(f.description, &d.description);
        doc.add_text(f.texte, &d.description);
        doc.add_text(f.texte, &d.texte);
        for (facet, code) in &d.facettes {
            doc.add_text(f.facette, format!("{facet}:{code}"));
        }
        doc.add_u64(f.debut, d.debut);
        doc.add_text(f.nom_tri, &d.nom_tri);
        doc.add_u64(f.lieu, d.lieu);
        doc.add_text(f.carte, &d.carte);
        doc
    }

    /// Replaces the documents of `removed` slugs and adds `docs` (an update is a removal and
    /// an addition), then commits with `seq` and makes the result searchable.
    pub fn apply(&self, docs: &[IndexDoc], removed: &[String], seq: i64) -> Result<()> {
        self.apply_at(docs, removed, seq, None)
    }

    /// [`Self::apply`], committing also the mark of change-log row `seq` — what tells that
    /// row from another history's row of the same number, so that a follower sees when
    /// the database under it was replaced (a restore) and rebuilds.
    pub fn apply_at(
        &self,
        docs: &[IndexDoc],
        removed: &[String],
        seq: i64,
        mark: Option<String>,
    ) -> Result<()> {
        {
            let mut w = self
                .writer
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for slug in removed.iter().chain(docs.iter().map(|d| &d.slug)) {
                w.delete_term(Term::from_field_text(self.fields.slug, slug));
            }
            for d in docs {
                w.add_document(self.document(d))?;
            }
            let mut prepared = w.prepare_commit()?;
            let payload = serde_json::to_string(&Payload {
                schema: SCHEMA_VERSION,
                seq,
                mark: mark.clone(),
            })
            .map_err(|e| SearchError::Other(e.to_string()))?;
            prepared.set_payload(&payload);
            prepared.commit()?;
        }
        *self
            .seq
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = (seq, mark);
        self.reader.reload()?;
        self.refresh()
    }

    /// Merges every segment into one (after a full build): fewer segments, less work per
    /// query. Returns once the merge is committed and searchable.
    pub fn merge_all(&self) -> Result<()> {
        let ids = self.index.searchable_segment_ids()?;
        if ids.len() > 1 {
            let mut w = self
                .writer
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            w.merge(&ids).wait()?;
        }
        self.reader.reload()?;
        self.refresh()
    }

    /// Adds documents without making them searchable yet (a full build commits once at the
    /// end with [`SearchIndex::apply`]).
    pub fn add(&self, docs: &[IndexDoc]) -> Result<()> {
        let w = self
            .writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for d in docs {
            w.add_document(self.document(d))?;
        }
        Ok(())
    }

    /// Empties the index (before a full rebuild), dropping first whatever an interrupted
    /// build left uncommitted in the writer.
    pub fn clear(&self) -> Result<()> {
        let mut w = self
            .writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        w.rollback()?;
        w.delete_all_documents()?;
        Ok(())
    }

    /// Builds the facet tables of segments that do not have them yet, forgets the others,
    /// and publishes the searcher with its tables.
    fn refresh(&self) -> Result<()> {
        let mut state = self
            .facets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let searcher = self.reader.searcher();
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(SegmentReader::segment_id)
            .collect();
        state.segments.retain(|id, _| live.contains(id));
        for seg in searcher.segment_readers() {
            if state.segments.contains_key(&seg.segment_id()) {
                continue;
            }
            let built = facets::build_segment_facets(seg, self.fields.facette, &mut state.dict)?;
            state.segments.insert(seg.segment_id(), Arc::new(built));
        }
        let generation = Generation {
            alive: matching::alive(&searcher),
            searcher,
            segments: state.segments.clone(),
            terms: state.dict.terms.clone(),
            ids: state.dict.ids.clone(),
        };
        *self
            .current
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(generation);
        Ok(())
    }

    fn generation(&self) -> Arc<Generation> {
        self.current
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    pub fn search(&self, query: &Query) -> Result<Results> {
        let generation = self.generation();
        let searcher = &generation.searcher;
        // The query's words, analysed once for the three uses below.
        let words = self.word_terms(&query.q);
        let text = self.text_query(&words);
        let base: Box<dyn TQuery> = match &text {
            Some(t) => self.with_places(t.box_clone(), &query.places),
            None => Box::new(AllQuery),
        };
        let with = |filters: &[(String, Vec<String>)]| -> Box<dyn TQuery> {
            let clauses = self.filter_query(filters);
            if clauses.is_empty() {
                base.box_clone()
            } else {
                let mut clauses = clauses;
                clauses.push((Occur::Must, base.box_clone()));
                Box::new(BooleanQuery::new(clauses))
            }
        };
        // Counting pass (no scoring, see `matching`): the documents passing every filter and,
        // when asked, every facet count. Hidden filters narrow the matches; visible ones are
        // applied while counting so that each facet's counts ignore its own filter.
        let (facets, matched, text_matched) = if query.facets {
            let hidden: Vec<(String, Vec<String>)> = query
                .filters
                .iter()
                .filter(|(f, _)| !FACETS.contains(&f.as_str()))
                .cloned()
                .collect();
            let (matched, text) = matching::matched(
                searcher,
                &generation.alive,
                &self.plan(query, &words, &hidden),
            )?;
            let (facets, passing) = self.count_facets(&generation, matched, &query.filters);
            // What the text matches, among the documents passing every filter.
            let text = text.map(|text| {
                text.into_iter()
                    .zip(&passing)
                    .map(|(t, p)| t.iter().zip(p).map(|(a, b)| a & b).collect())
                    .collect()
            });
            (facets, passing, text)
        } else {
            let plan = self.plan(query, &words, &query.filters);
            let (matched, text) = matching::matched(searcher, &generation.alive, &plan)?;
            (Vec::new(), matched, text)
        };
        let total = facets::count(&matched);
        // Ranking pass: the page only, over the documents just matched.
        let limit = query.limit.max(1);
        let terms: Vec<(Term, Score)> = words.iter().flatten().cloned().collect();
        let places: Vec<(Term, Score)> = query
            .places
            .boosts
            .iter()
            .map(|(facet, code, weight)| (self.facet_term(facet, code), *weight))
            .collect();
        let ranked = match (query.sort, &text) {
            // Past the end: nothing to rank.
            _ if query.offset >= total => None,
            (Sort::Relevance, Some(_)) if places.is_empty() => {
                Some(rank::page(searcher, &terms, &matched, query.offset, limit)?)
            }
            (Sort::Relevance, Some(_)) => rank::page_with_places(
                searcher,
                &terms,
                &places,
                &matched,
                text_matched.as_ref(),
                query.offset,
                limit,
            )?,
            _ => None,
        };
        let addresses: Vec<(DocAddress, Score)> = match (query.sort, ranked) {
            // Past the end: nothing to rank.
            _ if query.offset >= total => Vec::new(),
            (_, Some(page)) => page,
            (Sort::Relevance, None) => searcher
                .search(
                    &*with(&query.filters),
                    &TopDocs::with_limit(limit)
                        .and_offset(query.offset)
                        .order_by_score(),
                )?
                .into_iter()
                .map(|(s, a)| (a, s))
                .collect(),
            (Sort::Date | Sort::Name, _) => {
                let key = if query.sort == Sort::Date {
                    order::Key::Date
                } else {
                    order::Key::Name
                };
                order::page(
                    searcher,
                    &generation.segments,
                    &matched,
                    key,
                    query.offset,
                    limit,
                )?
                .into_iter()
                .map(|a| (a, 0.0))
                .collect()
            }
        };
        let snippets = match (&text, query.snippets) {
            (Some(t), true) if !addresses.is_empty() => {
                // The query's terms in `texte`, highlighted in the stored description.
                let mut g = SnippetGenerator::create(searcher, &**t, self.fields.texte)?;
                g.set_max_num_chars(240);
                Some(g)
            }
            _ => None,
        };
        let mut hits = Vec::with_capacity(addresses.len());
        for (address, score) in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            let mut hit = self.hit(&doc, score);
            if let Some(g) = &snippets {
                let description = doc
                    .get_first(self.fields.description)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default();
                let mut s = g.snippet(description);
                if !s.highlighted().is_empty() {
                    s.set_snippet_prefix_postfix("<mark>", "</mark>");
                    hit.extrait = Some(s.to_html());
                }
            }
            hits.push(hit);
        }
        Ok(Results {
            total,
            hits,
            facets,
        })
    }

    fn hit(&self, doc: &TantivyDocument, score: f32) -> Hit {
        let text = |f: Field| {
            doc.get_first(f)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        Hit {
            slug: text(self.fields.slug),
            nom: text(self.fields.nom),
            resume: text(self.fields.resume),
            carte: text(self.fields.carte),
            extrait: None,
            score,
        }
    }

    fn count_facets(
        &self,
        generation: &Generation,
        matched: facets::Matched,
        filters: &[(String, Vec<String>)],
    ) -> (Vec<FacetCounts>, facets::Matched) {
        let n = generation.terms.len();
        let facet_of: Arc<Vec<u8>> = Arc::new(generation.terms.iter().map(|(f, _)| *f).collect());
        // wanted[id] = 1 + facet index when the value is selected.
        let mut wanted = vec![0u8; n];
        let mut active: u32 = 0;
        for (facet, codes) in filters {
            let Some(fi) = facet_index(facet).filter(|i| usize::from(*i) < COUNTED) else {
                continue;
            };
            if codes.is_empty() {
                continue;
            }
            active |= 1 << fi;
            for c in codes {
                if let Some(id) = generation.ids.get(&format!("{facet}:{c}")) {
                    wanted[*id as usize] = fi + 1;
                }
            }
        }
        let collector = facets::FacetCollector {
            segments: generation.segments.clone(),
            facet_of,
            wanted: Arc::new(wanted),
            active,
        };
        let (counts, matched) = collector.count(&generation.searcher, matched);
        let mut by_facet: Vec<FacetCounts> = FACETS
            .iter()
            .chain(COUNTED_ONLY.iter())
            .map(|f| (*f, Vec::new()))
            .collect();
        for (id, count) in counts.iter().enumerate() {
            if *count == 0 {
                continue;
            }
            let (fi, code) = &generation.terms[id];
            if let Some(slot) = by_facet.get_mut(usize::from(*fi)) {
                slot.1.push((code.clone(), u64::from(*count)));
            }
        }
        // Selected values stay listed even when nothing matches them any more.
        for (facet, codes) in filters {
            if let Some(slot) = by_facet.iter_mut().find(|(f, _)| f == facet) {
                for c in codes {
                    if !slot.1.iter().any(|(code, _)| code == c) {
                        slot.1.push((c.clone(), 0));
                    }
                }
            }
        }
        for (_, values) in &mut by_facet {
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        // A selected value no document has leaves its facet's mask empty: nothing passes.
        (by_facet, matched)
    }
}

#[cfg(test)]
mod tests;
