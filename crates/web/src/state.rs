//! Application state shared by every request.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use alliances_domain::odd::{Goal, Indicator, Target};
use alliances_domain::pagination::Page;
use alliances_domain::territory::{Level, Territory};
use alliances_i18n::Catalog;
use alliances_store::Db;
use alliances_store::odd::OddData;

use crate::cache::PageCache;
use crate::metrics::Metrics;
use crate::middleware::rate_limit::RateLimiter;

/// Operator settings the web layer needs (the binary maps its configuration onto this).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Public base URL (`https://alliances.example.org`), trusted for CSRF and canonical links.
    pub public_url: Option<String>,
    /// Requests per minute and per client for state-changing requests; `None` disables limits.
    pub rate_limit_writes: Option<u32>,
    /// Requests per minute and per client for reads.
    pub rate_limit_reads: Option<u32>,
    /// Take the client address from `X-Forwarded-For` (behind a trusted reverse proxy only).
    pub trust_proxy: bool,
    /// Keep rendered reference pages in memory.
    pub page_cache: bool,
    pub request_timeout: Duration,
    /// Requests handled at once at most; past it, a quick 503 (`None`: no limit).
    pub max_in_flight: Option<usize>,
    /// How late the scheduler may run a task before new requests get a quick 503 (`None`:
    /// never): past it, the processor is saturated and requests queue.
    pub max_queue_delay: Option<Duration>,
    pub body_limit: usize,
    /// One structured log line per request.
    pub log_requests: bool,
    pub legal: Legal,
    /// Where derived state (the search index) lives; `None` keeps it in memory.
    pub data_dir: Option<std::path::PathBuf>,
    /// How often the change log is read to keep the search index current.
    pub follow_every: Duration,
    /// Licence of the open-data dumps.
    pub open_data_licence: String,
    /// The questionnaire definitions (validated at start-up).
    pub questionnaires: Arc<crate::questionnaires::Questionnaires>,
    /// The learning path (validated at start-up).
    pub parcours: Arc<alliances_domain::parcours::Parcours>,
    /// Share of right answers (0–100) a quiz needs to complete its module.
    pub quiz_threshold: u8,
    /// The key that signs Open Badges credentials.
    pub badge_key: crate::badges::BadgeKey,
    /// Where the time comes from.
    pub clock: crate::clock::Clock,
    /// Where mail to members goes (SMTP, or a folder of the data directory).
    pub mailer: crate::mail::Mailer,
    /// The sender of that mail (`Nom <adresse>`).
    pub mail_from: String,
}

/// Every answer right, unless the operator lowers it: a wrong answer shows its explanation
/// and the learner tries again.
pub const DEFAULT_QUIZ_THRESHOLD: u8 = 100;

/// Requests handled at once unless the operator sets another bound: well above what two
/// cores answer within a second or two (see docs/RELIABILITY.md), so that only a flood is
/// shed.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 512;

/// How late tasks may run before the server sheds (see `middleware::shed`).
pub const DEFAULT_MAX_QUEUE_DELAY: Duration = Duration::from_millis(250);

/// The sender of members' mail unless the operator sets one.
pub const DEFAULT_MAIL_FROM: &str = "Alliances <ne-pas-repondre@alliances.invalid>";

/// The licence of the open data unless the operator sets another.
pub const DEFAULT_LICENCE: &str = "Licence Ouverte 2.0 (Etalab)";

impl Default for Settings {
    fn default() -> Self {
        Self {
            public_url: None,
            rate_limit_writes: Some(60),
            rate_limit_reads: Some(1200),
            trust_proxy: false,
            page_cache: true,
            request_timeout: Duration::from_secs(30),
            max_in_flight: Some(DEFAULT_MAX_IN_FLIGHT),
            max_queue_delay: Some(DEFAULT_MAX_QUEUE_DELAY),
            body_limit: 1024 * 1024,
            log_requests: true,
            legal: Legal::default(),
            data_dir: None,
            follow_every: Duration::from_secs(1),
            open_data_licence: DEFAULT_LICENCE.to_owned(),
            questionnaires: crate::questionnaires::Questionnaires::embedded(),
            parcours: crate::parcours::embedded(),
            quiz_threshold: DEFAULT_QUIZ_THRESHOLD,
            badge_key: crate::badges::BadgeKey::default(),
            clock: crate::clock::Clock::System,
            mailer: crate::mail::Mailer::Folder(std::env::temp_dir().join("alliances-courriels")),
            mail_from: DEFAULT_MAIL_FROM.to_owned(),
        }
    }
}

/// What the legal notice shows about the operator of this instance.
#[derive(Debug, Clone, Default)]
pub struct Legal {
    pub publisher: Option<String>,
    pub address: Option<String>,
    pub contact: Option<String>,
    pub director: Option<String>,
    pub host: Option<String>,
}

/// The SDG referential in memory, with indexes.
#[derive(Debug, Default)]
pub struct OddIndex {
    pub data: OddData,
    targets_of_goal: HashMap<u8, Vec<usize>>,
    target_by_code: HashMap<String, usize>,
    indicators_of_target: HashMap<String, Vec<usize>>,
}

impl OddIndex {
    #[must_use]
    pub fn new(data: OddData) -> Self {
        let mut targets_of_goal: HashMap<u8, Vec<usize>> = HashMap::new();
        let mut target_by_code = HashMap::new();
        for (i, t) in data.targets.iter().enumerate() {
            targets_of_goal.entry(t.goal).or_default().push(i);
            target_by_code.insert(t.code.clone(), i);
        }
        let mut indicators_of_target: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, ind) in data.indicators.iter().enumerate() {
            indicators_of_target
                .entry(ind.target.clone())
                .or_default()
                .push(i);
        }
        Self {
            data,
            targets_of_goal,
            target_by_code,
            indicators_of_target,
        }
    }

    #[must_use]
    pub fn goal(&self, number: u8) -> Option<&Goal> {
        self.data.goals.iter().find(|g| g.number == number)
    }

    pub fn targets_of(&self, goal: u8) -> impl Iterator<Item = &Target> {
        self.targets_of_goal
            .get(&goal)
            .into_iter()
            .flatten()
            .map(|i| &self.data.targets[*i])
    }

    #[must_use]
    pub fn target(&self, code: &str) -> Option<&Target> {
        self.target_by_code
            .get(code)
            .map(|i| &self.data.targets[*i])
    }

    pub fn indicators_of(&self, target: &str) -> impl Iterator<Item = &Indicator> {
        self.indicators_of_target
            .get(target)
            .into_iter()
            .flatten()
            .map(|i| &self.data.indicators[*i])
    }
}

/// Every EPCI and commune by code, for names and parents.
#[derive(Debug, Default)]
pub struct Directory {
    pub communes: HashMap<String, Territory>,
    pub epcis: HashMap<String, Territory>,
    /// EPCI → the départements its communes lie in.
    pub epci_departements: HashMap<String, Vec<String>>,
}

impl Directory {
    #[must_use]
    pub fn new(communes: Vec<Territory>, epcis: Vec<Territory>) -> Directory {
        let mut epci_departements: HashMap<String, Vec<String>> = HashMap::new();
        for c in &communes {
            for e in [&c.epci, &c.ept].into_iter().flatten() {
                if let Some(d) = &c.departement {
                    let list = epci_departements.entry(e.clone()).or_default();
                    if !list.contains(d) {
                        list.push(d.clone());
                    }
                }
            }
        }
        for list in epci_departements.values_mut() {
            list.sort();
        }
        Directory {
            communes: communes.into_iter().map(|t| (t.code.clone(), t)).collect(),
            epcis: epcis.into_iter().map(|t| (t.code.clone(), t)).collect(),
            epci_departements,
        }
    }
}

impl Directory {
    /// A commune and the territories it lies in: `(level, code)`.
    #[must_use]
    pub fn parents_of_commune(&self, code: &str) -> Vec<(Level, String)> {
        let Some(c) = self.communes.get(code) else {
            return Vec::new();
        };
        let mut out = vec![(Level::Commune, code.to_owned())];
        for (l, v) in [
            (Level::Epci, &c.epci),
            (Level::Epci, &c.ept),
            (Level::Departement, &c.departement),
            (Level::Region, &c.region),
            (Level::CollectiviteOutreMer, &c.com),
        ] {
            if let Some(v) = v {
                out.push((l, v.clone()));
            }
        }
        out
    }
}

/// What exists once start-up work (migrations, reference data) is done.
pub struct Ready {
    pub odd: OddIndex,
    /// The small levels, kept in memory for names and maps.
    pub regions: Vec<Territory>,
    pub departements: Vec<Territory>,
    pub coms: Vec<Territory>,
    /// Every territory's name, code and postcodes, for the name search.
    pub territory_index: crate::territory_search::TerritoryIndex,
    /// Number of territories per level.
    pub counts: HashMap<Level, u64>,
    pub directory: Directory,
    /// Fragility code → (French label, English label).
    pub fragilities: HashMap<String, (String, String)>,
    pub search: alliances_search::SearchIndex,
    /// Key figures and catalyseurs, reloaded when the database changes.
    pub collections: crate::collections::Shared,
    /// The lieux d'accompagnement (France services), by territory.
    pub lieux: crate::collections::Lieux,
    /// The populations of the key figures.
    pub populations: &'static [alliances_domain::figure::Population],
    /// What checking a record needs (territory codes, SDG targets, fragilities): proposals
    /// are checked as imports are.
    pub referential: alliances_domain::alliance::Referential,
    /// Territories by name, for searches that name one (built at the first such search).
    pub place_names: std::sync::OnceLock<crate::places::PlaceNames>,
}

impl Ready {
    /// A région, département or collectivité d'outre-mer by level and code.
    #[must_use]
    pub fn small(&self, level: Level, code: &str) -> Option<&Territory> {
        let list = match level {
            Level::Region => &self.regions,
            Level::Departement => &self.departements,
            Level::CollectiviteOutreMer => &self.coms,
            Level::Epci | Level::Commune => return None,
        };
        list.iter().find(|t| t.code == code)
    }

    /// Any territory by level and code.
    #[must_use]
    pub fn territory(&self, level: Level, code: &str) -> Option<&Territory> {
        match level {
            Level::Commune => self.directory.communes.get(code),
            Level::Epci => self.directory.epcis.get(code),
            _ => self.small(level, code),
        }
    }

    /// Territories whose name holds every word of `query` (or whose INSEE code or postcode
    /// it is), counted, and a page of them (see `territory_search`).
    #[must_use]
    pub fn find_territories(&self, query: &str, page: Page) -> (u64, Vec<&Territory>) {
        let (total, keys) = self.territory_index.search(query, page);
        let found = keys
            .into_iter()
            .filter_map(|(level, code)| self.territory(level, code))
            .collect();
        (total, found)
    }

    #[must_use]
    pub fn count(&self, level: Level) -> u64 {
        self.counts.get(&level).copied().unwrap_or_default()
    }
}

pub struct Inner {
    pub db: Db,
    pub catalog: Catalog,
    pub settings: Settings,
    pub ready: OnceLock<Ready>,
    /// The OpenAPI document, built once the reference data is ready (its diagnostics body
    /// lists the territory codes and the current questionnaire's answers).
    pub api_doc: OnceLock<axum::body::Bytes>,
    /// Set once the search index has caught up at start-up: only then is the app ready.
    pub searchable: std::sync::atomic::AtomicBool,
    pub cache: PageCache,
    pub metrics: Metrics,
    pub limiter: RateLimiter,
    /// Permits for the requests in flight (`Settings::max_in_flight`).
    pub in_flight: Option<Arc<tokio::sync::Semaphore>>,
    /// How late the scheduler last ran a task, in milliseconds (`middleware::shed::watch`).
    pub queue_delay_ms: std::sync::atomic::AtomicU64,
    pub started: Instant,
}

/// The start-up data, or « service unavailable » until it is ready.
pub fn ready(state: &AppState) -> crate::error::AppResult<&Ready> {
    state.ready().ok_or(crate::error::AppError::Unavailable)
}

/// Cheap to clone: every handler gets one.
#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    #[must_use]
    pub fn new(db: Db, catalog: Catalog, settings: Settings) -> AppState {
        let limiter = RateLimiter::new(settings.rate_limit_reads, settings.rate_limit_writes);
        let in_flight = settings
            .max_in_flight
            .map(|n| Arc::new(tokio::sync::Semaphore::new(n)));
        AppState(Arc::new(Inner {
            db,
            catalog,
            cache: PageCache::new(settings.page_cache),
            settings,
            ready: OnceLock::new(),
            api_doc: OnceLock::new(),
            searchable: std::sync::atomic::AtomicBool::new(false),
            metrics: Metrics::default(),
            limiter,
            in_flight,
            queue_delay_ms: std::sync::atomic::AtomicU64::new(0),
            started: Instant::now(),
        }))
    }

    /// Unix seconds, from the configured clock.
    #[must_use]
    pub fn now(&self) -> i64 {
        self.settings.clock.now()
    }

    /// Today's date (`YYYY-MM-DD`), from the configured clock.
    #[must_use]
    pub fn today(&self) -> String {
        self.settings.clock.today()
    }

    /// The start-up data, once ready.
    #[must_use]
    pub fn ready(&self) -> Option<&Ready> {
        if self.0.searchable.load(std::sync::atomic::Ordering::Acquire) {
            self.0.ready.get()
        } else {
            None
        }
    }
}
