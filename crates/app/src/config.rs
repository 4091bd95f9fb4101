//! Configuration: defaults < TOML file < `ALLIANCES_*` environment < command-line flags.
//!
//! Keys are flat (`bind`, `database_url`…); the environment variable of a key is its name in
//! upper case behind `ALLIANCES_` (`ALLIANCES_BIND`). An unknown key, in the file or the
//! environment, is an error, as is a bad value: each message is French and names the key,
//! and for the file the line and column.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use alliances_web::{Legal, Settings};

/// Every setting with its effective value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    pub data_dir: Option<String>,
    pub public_url: Option<String>,
    pub migrate_on_start: bool,
    /// State-changing requests per minute and per client; `None` = off.
    pub rate_limit: Option<u32>,
    pub rate_limit_reads: u32,
    pub trust_proxy: bool,
    pub page_cache: bool,
    pub request_timeout_secs: u32,
    pub max_requests_in_flight: u32,
    pub max_queue_delay_ms: u32,
    pub body_limit_bytes: u32,
    pub db_max_connections: u32,
    pub log_level: String,
    pub log_format: String,
    pub log_requests: bool,
    pub legal_publisher: Option<String>,
    pub legal_address: Option<String>,
    pub legal_contact: Option<String>,
    pub legal_director: Option<String>,
    pub legal_host: Option<String>,
    /// Licence of the open-data dumps; `None` = Licence Ouverte 2.0.
    pub open_data_licence: Option<String>,
    /// The operator's SMTP server; `None`: mail is written to `DATA_DIR/courriels`.
    pub smtp_url: Option<String>,
    pub courriel_expediteur: Option<String>,
    pub questionnaires_dir: Option<String>,
    pub parcours_dir: Option<String>,
    pub seuil_quiz: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: "sqlite://alliances.db".into(),
            bind: "127.0.0.1:8080".into(),
            data_dir: None,
            public_url: None,
            migrate_on_start: true,
            rate_limit: Some(60),
            rate_limit_reads: 1200,
            trust_proxy: false,
            page_cache: true,
            request_timeout_secs: 30,
            max_requests_in_flight: alliances_web::state::DEFAULT_MAX_IN_FLIGHT as u32,
            max_queue_delay_ms: alliances_web::state::DEFAULT_MAX_QUEUE_DELAY.as_millis() as u32,
            body_limit_bytes: 1024 * 1024,
            db_max_connections: 8,
            log_level: "info".into(),
            log_format: "text".into(),
            log_requests: true,
            legal_publisher: None,
            legal_address: None,
            legal_contact: None,
            legal_director: None,
            legal_host: None,
            open_data_licence: None,
            smtp_url: None,
            courriel_expediteur: None,
            questionnaires_dir: None,
            parcours_dir: None,
            seuil_quiz: u32::from(alliances_web::state::DEFAULT_QUIZ_THRESHOLD),
        }
    }
}

/// The kinds of values, with what the error message says is expected.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    DatabaseUrl,
    Address,
    PublicUrl,
    Bool,
    Int { min: i64, max: i64 },
    RateLimit,
    Choice(&'static [&'static str]),
}

/// (key, kind, one-line documentation for `config check` and OPERATING.md).
const KEYS: &[(&str, Kind, &str)] = &[
    (
        "database_url",
        Kind::DatabaseUrl,
        "sqlite://CHEMIN (créé s'il manque) ou postgres://…",
    ),
    ("bind", Kind::Address, "adresse d'écoute HÔTE:PORT"),
    (
        "data_dir",
        Kind::Text,
        "dossier des données dérivées (index, caches)",
    ),
    (
        "public_url",
        Kind::PublicUrl,
        "adresse publique du site, https://…",
    ),
    (
        "migrate_on_start",
        Kind::Bool,
        "appliquer les migrations au démarrage de serve",
    ),
    (
        "rate_limit",
        Kind::RateLimit,
        "requêtes d'écriture par minute et par client, ou off",
    ),
    (
        "rate_limit_reads",
        Kind::Int {
            min: 1,
            max: 1_000_000,
        },
        "requêtes de lecture par minute et par client",
    ),
    (
        "trust_proxy",
        Kind::Bool,
        "lire l'adresse du client dans X-Forwarded-For (derrière un mandataire de confiance)",
    ),
    (
        "page_cache",
        Kind::Bool,
        "garder en mémoire les pages de référence rendues",
    ),
    (
        "request_timeout_secs",
        Kind::Int { min: 1, max: 3600 },
        "durée maximale d'une requête, en secondes",
    ),
    (
        "max_requests_in_flight",
        Kind::Int {
            min: 0,
            max: 100_000,
        },
        "requêtes traitées en même temps au plus ; au-delà, réponse 503 immédiate avec Retry-After (0 : sans limite)",
    ),
    (
        "max_queue_delay_ms",
        Kind::Int {
            min: 0,
            max: 60_000,
        },
        "retard de l'ordonnanceur, en millisecondes, au-delà duquel les nouvelles requêtes reçoivent une réponse 503 immédiate (0 : jamais)",
    ),
    (
        "body_limit_bytes",
        Kind::Int {
            min: 1024,
            max: 1_073_741_824,
        },
        "taille maximale d'un corps de requête, en octets",
    ),
    (
        "db_max_connections",
        Kind::Int { min: 1, max: 1000 },
        "connexions à la base (lecteurs SQLite, ou total PostgreSQL)",
    ),
    (
        "log_level",
        Kind::Choice(&["error", "warn", "info", "debug", "trace"]),
        "niveau des journaux",
    ),
    (
        "log_format",
        Kind::Choice(&["text", "json"]),
        "format des journaux",
    ),
    (
        "log_requests",
        Kind::Bool,
        "une ligne de journal par requête",
    ),
    (
        "legal_publisher",
        Kind::Text,
        "éditeur de l'instance (mentions légales)",
    ),
    ("legal_address", Kind::Text, "adresse de l'éditeur"),
    ("legal_contact", Kind::Text, "contact de l'éditeur"),
    (
        "legal_director",
        Kind::Text,
        "directeur ou directrice de la publication",
    ),
    ("legal_host", Kind::Text, "hébergeur de l'instance"),
    (
        "open_data_licence",
        Kind::Text,
        "licence des jeux de données ouverts (Licence Ouverte 2.0 si non défini)",
    ),
    (
        "smtp_url",
        Kind::Text,
        "serveur SMTP des courriels aux membres, smtps://UTILISATEUR:MOT_DE_PASSE@HÔTE ou smtp://HÔTE:25 (si non défini : fichiers .eml dans DATA_DIR/courriels)",
    ),
    (
        "courriel_expediteur",
        Kind::Text,
        "expéditeur des courriels aux membres, « Nom <adresse> »",
    ),
    (
        "questionnaires_dir",
        Kind::Text,
        "dossier de questionnaires (*.toml) remplaçant ceux livrés, vérifiés au démarrage",
    ),
    (
        "parcours_dir",
        Kind::Text,
        "dossier du parcours d'apprentissage (parcours.toml et modules/*.toml) remplaçant celui livré, vérifié au démarrage",
    ),
    (
        "seuil_quiz",
        Kind::Int { min: 1, max: 100 },
        "part des bonnes réponses (en %) qui termine un module du parcours (100 : toutes)",
    ),
];

/// Variables with the prefix that are not configuration keys.
const NON_KEYS: &[&str] = &["ALLIANCES_CONFIG"];

/// A configuration error, in French, naming what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// A raw value before conversion.
enum Raw<'a> {
    Str(&'a str),
    Int(i64),
    Bool(bool),
    /// Another TOML type, by name.
    Other(&'static str),
}

fn expected(kind: Kind) -> String {
    match kind {
        Kind::Text => "un texte".into(),
        Kind::DatabaseUrl => {
            "une adresse sqlite://CHEMIN ou postgres://UTILISATEUR@HÔTE/BASE".into()
        }
        Kind::Address => "une adresse HÔTE:PORT, par exemple 127.0.0.1:8080".into(),
        Kind::PublicUrl => "une adresse commençant par http:// ou https://".into(),
        Kind::Bool => "true ou false".into(),
        Kind::Int { min, max } => format!("un nombre entier entre {min} et {max}"),
        Kind::RateLimit => "un nombre entier de requêtes par minute (1 ou plus) ou off".into(),
        Kind::Choice(values) => format!("l'une des valeurs {}", values.join(", ")),
    }
}

fn describe(raw: &Raw<'_>) -> String {
    match raw {
        Raw::Str(s) => format!("« {s} »"),
        Raw::Int(i) => i.to_string(),
        Raw::Bool(b) => b.to_string(),
        Raw::Other(t) => format!("une valeur de type {t}"),
    }
}

impl Config {
    /// Sets `key` from `raw`; `Err` holds the reason (the caller adds where it came from).
    fn set(&mut self, key: &str, kind: Kind, raw: &Raw<'_>) -> Result<(), String> {
        let bad = || {
            format!(
                "valeur {} invalide : attendu {}",
                describe(raw),
                expected(kind)
            )
        };
        let text = || match raw {
            Raw::Str(s) => Ok((*s).to_owned()),
            _ => Err(bad()),
        };
        let boolean = || match raw {
            Raw::Bool(b) => Ok(*b),
            Raw::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "oui" | "on" => Ok(true),
                "false" | "0" | "no" | "non" => Ok(false),
                _ => Err(bad()),
            },
            _ => Err(bad()),
        };
        let integer = |min: i64, max: i64| -> Result<u32, String> {
            let n = match raw {
                Raw::Int(i) => *i,
                Raw::Str(s) => s.trim().parse::<i64>().map_err(|_| bad())?,
                _ => return Err(bad()),
            };
            if n < min || n > max {
                return Err(bad());
            }
            u32::try_from(n).map_err(|_| bad())
        };
        match kind {
            Kind::DatabaseUrl => {
                let v = text()?;
                alliances_store::Backend::of_url(&v).map_err(|_| bad())?;
                self.database_url = v;
            }
            Kind::Address => {
                let v = text()?;
                v.parse::<SocketAddr>().map_err(|_| bad())?;
                self.bind = v;
            }
            Kind::PublicUrl => {
                let v = text()?;
                if !(v.starts_with("http://") || v.starts_with("https://")) || v.len() < 10 {
                    return Err(bad());
                }
                self.public_url = Some(v.trim_end_matches('/').to_owned());
            }
            Kind::RateLimit => {
                self.rate_limit = match raw {
                    Raw::Str(s) if s.trim().eq_ignore_ascii_case("off") => None,
                    _ => Some(integer(1, 1_000_000)?),
                };
            }
            Kind::Choice(values) => {
                let v = text()?;
                if !values.contains(&v.as_str()) {
                    return Err(bad());
                }
                match key {
                    "log_level" => self.log_level = v,
                    _ => self.log_format = v,
                }
            }
            Kind::Bool => {
                let v = boolean()?;
                match key {
                    "migrate_on_start" => self.migrate_on_start = v,
                    "trust_proxy" => self.trust_proxy = v,
                    "page_cache" => self.page_cache = v,
                    _ => self.log_requests = v,
                }
            }
            Kind::Int { min, max } => {
                let v = integer(min, max)?;
                match key {
                    "rate_limit_reads" => self.rate_limit_reads = v,
                    "request_timeout_secs" => self.request_timeout_secs = v,
                    "max_requests_in_flight" => self.max_requests_in_flight = v,
                    "max_queue_delay_ms" => self.max_queue_delay_ms = v,
                    "body_limit_bytes" => self.body_limit_bytes = v,
                    "seuil_quiz" => self.seuil_quiz = v,
                    _ => self.db_max_connections = v,
                }
            }
            Kind::Text => {
                let v = Some(text()?).filter(|s| !s.trim().is_empty());
                if let Some(value) = &v {
                    let valid = match key {
                        "smtp_url" => alliances_web::mail::Mailer::smtp(value).is_ok(),
                        "courriel_expediteur" => alliances_web::mail::valid_sender(value),
                        _ => true,
                    };
                    if !valid {
                        return Err(bad());
                    }
                }
                match key {
                    "smtp_url" => self.smtp_url = v,
                    "courriel_expediteur" => self.courriel_expediteur = v,
                    "data_dir" => self.data_dir = v,
                    "legal_publisher" => self.legal_publisher = v,
                    "legal_address" => self.legal_address = v,
                    "legal_contact" => self.legal_contact = v,
                    "legal_director" => self.legal_director = v,
                    "open_data_licence" => self.open_data_licence = v,
                    "questionnaires_dir" => self.questionnaires_dir = v,
                    "parcours_dir" => self.parcours_dir = v,
                    _ => self.legal_host = v,
                }
            }
        }
        Ok(())
    }

    fn lookup(key: &str) -> Option<Kind> {
        KEYS.iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, kind, _)| *kind)
    }

    fn known_keys() -> String {
        KEYS.iter()
            .map(|(k, _, _)| *k)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Applies a TOML document.
    fn apply_toml(&mut self, file: &Path, text: &str) -> Result<(), ConfigError> {
        let name = file.display();
        let position = |offset: usize| {
            let before = &text[..offset.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, column)
        };
        let spanned = toml::de::DeTable::parse(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| position(s.start));
            ConfigError(format!(
                "{name}, ligne {line}, colonne {column} : erreur de syntaxe TOML ({}). Corrigez le fichier.",
                e.message().trim()
            ))
        })?;
        for (key, value) in spanned.get_ref() {
            let (line, column) = position(key.span().start);
            let k = key.get_ref().as_ref();
            let Some(kind) = Config::lookup(k) else {
                return Err(ConfigError(format!(
                    "{name}, ligne {line}, colonne {column} : clé inconnue « {k} ». Clés possibles : {}.",
                    Config::known_keys()
                )));
            };
            let int_text;
            let raw = match value.get_ref() {
                toml::de::DeValue::String(s) => Raw::Str(s.as_ref()),
                toml::de::DeValue::Boolean(b) => Raw::Bool(*b),
                toml::de::DeValue::Integer(i) => {
                    int_text = i.as_str().replace('_', "");
                    let int_text = int_text.trim_start_matches(['+']);
                    let int_text = ["0x", "0o", "0b"]
                        .iter()
                        .fold(int_text, |t, p| t.strip_prefix(p).unwrap_or(t));
                    match i64::from_str_radix(int_text, i.radix()) {
                        Ok(n) => Raw::Int(n),
                        Err(_) => Raw::Other("entier hors limites"),
                    }
                }
                toml::de::DeValue::Float(_) => Raw::Other("nombre décimal"),
                toml::de::DeValue::Datetime(_) => Raw::Other("date"),
                toml::de::DeValue::Array(_) => Raw::Other("liste"),
                toml::de::DeValue::Table(_) => Raw::Other("table"),
            };
            self.set(k, kind, &raw).map_err(|reason| {
                ConfigError(format!("{name}, ligne {line}, clé « {k} » : {reason}."))
            })?;
        }
        Ok(())
    }

    /// Applies `ALLIANCES_*` variables.
    fn apply_env(&mut self, vars: &[(String, String)]) -> Result<(), ConfigError> {
        let mut vars: Vec<&(String, String)> = vars
            .iter()
            .filter(|(k, _)| k.starts_with("ALLIANCES_"))
            .collect();
        vars.sort();
        for (var, value) in vars {
            if NON_KEYS.contains(&var.as_str()) {
                continue;
            }
            let key = var["ALLIANCES_".len()..].to_ascii_lowercase();
            let Some(kind) = Config::lookup(&key) else {
                return Err(ConfigError(format!(
                    "variable d'environnement inconnue {var}. Variables possibles : {}.",
                    KEYS.iter()
                        .map(|(k, _, _)| format!("ALLIANCES_{}", k.to_ascii_uppercase()))
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            };
            self.set(&key, kind, &Raw::Str(value)).map_err(|reason| {
                ConfigError(format!("variable d'environnement {var} : {reason}."))
            })?;
        }
        Ok(())
    }

    /// Loads the configuration: `file` (when given, it must exist), then `env`, then the
    /// flags (`(key, value)` pairs, for `--database`, `--bind`…).
    pub fn load(
        file: Option<&Path>,
        env: &[(String, String)],
        flags: &[(&str, String)],
    ) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|e| {
                ConfigError(format!(
                    "fichier de configuration {} illisible : {e}",
                    path.display()
                ))
            })?;
            config.apply_toml(path, &text)?;
        }
        config.apply_env(env)?;
        for (key, value) in flags {
            let kind = Config::lookup(key).expect("flags map onto known keys");
            config.set(key, kind, &Raw::Str(value)).map_err(|reason| {
                ConfigError(format!("option --{} : {reason}.", key.replace('_', "-")))
            })?;
        }
        Ok(config)
    }

    /// The file named by `--config` or `ALLIANCES_CONFIG`.
    #[must_use]
    pub fn file_from(flag: Option<PathBuf>, env: &[(String, String)]) -> Option<PathBuf> {
        flag.or_else(|| {
            env.iter()
                .find(|(k, _)| k == "ALLIANCES_CONFIG")
                .map(|(_, v)| PathBuf::from(v))
                .filter(|p| !p.as_os_str().is_empty())
        })
    }

    /// Where derived state lives: `data_dir`, else next to the SQLite file, else `./data-cache`.
    #[must_use]
    pub fn data_dir(&self) -> PathBuf {
        if let Some(dir) = &self.data_dir {
            return PathBuf::from(dir);
        }
        if let Some(path) = self
            .database_url
            .strip_prefix("sqlite://")
            .or_else(|| self.database_url.strip_prefix("sqlite:"))
        {
            let path = path.split('?').next().unwrap_or(path);
            if let Some(parent) = Path::new(path).parent() {
                return if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                };
            }
        }
        PathBuf::from("./data-cache")
    }

    /// The settings of the web layer.
    #[must_use]
    pub fn web_settings(&self) -> Settings {
        Settings {
            public_url: self.public_url.clone(),
            rate_limit_writes: self.rate_limit,
            rate_limit_reads: self.rate_limit.map(|_| self.rate_limit_reads),
            trust_proxy: self.trust_proxy,
            page_cache: self.page_cache,
            request_timeout: Duration::from_secs(u64::from(self.request_timeout_secs)),
            max_in_flight: (self.max_requests_in_flight > 0)
                .then_some(self.max_requests_in_flight as usize),
            max_queue_delay: (self.max_queue_delay_ms > 0)
                .then(|| Duration::from_millis(u64::from(self.max_queue_delay_ms))),
            body_limit: self.body_limit_bytes as usize,
            log_requests: self.log_requests,
            data_dir: Some(self.data_dir()),
            open_data_licence: self
                .open_data_licence
                .clone()
                .unwrap_or_else(|| alliances_web::DEFAULT_LICENCE.to_owned()),
            follow_every: Duration::from_secs(1),
            questionnaires: alliances_web::questionnaires::Questionnaires::embedded(),
            parcours: alliances_web::parcours::embedded(),
            quiz_threshold: u8::try_from(self.seuil_quiz).unwrap_or(100),
            badge_key: alliances_web::badges::BadgeKey::default(),
            clock: alliances_web::clock::Clock::System,
            mailer: match &self.smtp_url {
                Some(url) => alliances_web::mail::Mailer::smtp(url)
                    .expect("smtp_url is checked when the configuration is read"),
                None => alliances_web::mail::Mailer::Folder(self.data_dir().join("courriels")),
            },
            mail_from: self
                .courriel_expediteur
                .clone()
                .unwrap_or_else(|| alliances_web::state::DEFAULT_MAIL_FROM.to_owned()),
            legal: Legal {
                publisher: self.legal_publisher.clone(),
                address: self.legal_address.clone(),
                contact: self.legal_contact.clone(),
                director: self.legal_director.clone(),
                host: self.legal_host.clone(),
            },
        }
    }

    /// The effective configuration as TOML, passwords hidden.
    #[must_use]
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let mut line = |k: &str, v: String| {
            let _ = writeln!(out, "{k} = {v}");
        };
        let s = |v: &str| format!("{v:?}");
        let opt = |v: &Option<String>| {
            v.as_deref()
                .map_or_else(|| "# non défini".to_owned(), |v| format!("{v:?}"))
        };
        line(
            "database_url",
            s(&alliances_store::redact_url(&self.database_url)),
        );
        line("bind", s(&self.bind));
        line("data_dir", s(&self.data_dir().display().to_string()));
        line("public_url", opt(&self.public_url));
        line("migrate_on_start", self.migrate_on_start.to_string());
        line(
            "rate_limit",
            self.rate_limit.map_or_else(|| s("off"), |n| n.to_string()),
        );
        line("rate_limit_reads", self.rate_limit_reads.to_string());
        line("trust_proxy", self.trust_proxy.to_string());
        line("page_cache", self.page_cache.to_string());
        line(
            "request_timeout_secs",
            self.request_timeout_secs.to_string(),
        );
        line(
            "max_requests_in_flight",
            self.max_requests_in_flight.to_string(),
        );
        line("max_queue_delay_ms", self.max_queue_delay_ms.to_string());
        line("body_limit_bytes", self.body_limit_bytes.to_string());
        line("db_max_connections", self.db_max_connections.to_string());
        line("log_level", s(&self.log_level));
        line("log_format", s(&self.log_format));
        line("log_requests", self.log_requests.to_string());
        line("legal_publisher", opt(&self.legal_publisher));
        line("legal_address", opt(&self.legal_address));
        line("legal_contact", opt(&self.legal_contact));
        line("legal_director", opt(&self.legal_director));
        line("legal_host", opt(&self.legal_host));
        line("open_data_licence", opt(&self.open_data_licence));
        line(
            "smtp_url",
            opt(&self.smtp_url.as_deref().map(alliances_store::redact_url)),
        );
        line("courriel_expediteur", opt(&self.courriel_expediteur));
        line("questionnaires_dir", opt(&self.questionnaires_dir));
        line("parcours_dir", opt(&self.parcours_dir));
        line("seuil_quiz", self.seuil_quiz.to_string());
        out
    }

    /// The documentation table of every key (Markdown), for OPERATING.md.
    #[must_use]
    pub fn keys_markdown() -> String {
        let defaults = Config::default().describe();
        let mut out =
            String::from("| Clé | Variable | Attendu | Rôle | Défaut |\n|---|---|---|---|---|\n");
        for (key, kind, doc) in KEYS {
            let default = defaults
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{key} = ")))
                .unwrap_or("")
                .replace('|', "\\|");
            let _ = writeln!(
                out,
                "| `{key}` | `ALLIANCES_{}` | {} | {doc} | `{default}` |",
                key.to_ascii_uppercase(),
                expected(*kind)
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn toml_file(text: &str) -> tempfile_lite::TempFile {
        tempfile_lite::TempFile::with(text)
    }

    mod tempfile_lite {
        pub struct TempFile(pub std::path::PathBuf);
        impl TempFile {
            pub fn with(text: &str) -> TempFile {
                static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
                let path = std::env::temp_dir().join(format!(
                    "alliances-config-{}-{}.toml",
                    std::process::id(),
                    N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                ));
                std::fs::write(&path, text).unwrap();
                TempFile(path)
            }
        }
        impl Drop for TempFile {
            fn drop(&mut self) {
                let _ = std::fs::remove_file(&self.0);
            }
        }
    }

    #[test]
    fn layers_defaults_file_env_and_flags() {
        let f = toml_file("bind = \"0.0.0.0:9000\"\nrate_limit = 10\npage_cache = false\n");
        let c = Config::load(Some(&f.0), &env(&[]), &[]).unwrap();
        assert_eq!(
            (c.bind.as_str(), c.rate_limit, c.page_cache),
            ("0.0.0.0:9000", Some(10), false)
        );
        assert_eq!(c.database_url, "sqlite://alliances.db");
        let c = Config::load(
            Some(&f.0),
            &env(&[
                ("ALLIANCES_BIND", "127.0.0.1:7000"),
                ("ALLIANCES_RATE_LIMIT", "off"),
            ]),
            &[],
        )
        .unwrap();
        assert_eq!((c.bind.as_str(), c.rate_limit), ("127.0.0.1:7000", None));
        let c = Config::load(
            Some(&f.0),
            &env(&[("ALLIANCES_BIND", "127.0.0.1:7000")]),
            &[("bind", "127.0.0.1:6000".into())],
        )
        .unwrap();
        assert_eq!(c.bind, "127.0.0.1:6000");
        assert_eq!(
            Config::load(None, &env(&[("PATH", "/bin")]), &[]).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn an_empty_file_is_valid() {
        let f = toml_file("");
        assert_eq!(
            Config::load(Some(&f.0), &[], &[]).unwrap(),
            Config::default()
        );
        let f = toml_file("# rien\n\n");
        assert!(Config::load(Some(&f.0), &[], &[]).is_ok());
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let f = toml_file("bind = \"127.0.0.1:8080\"\nrate_limit = = 3\n");
        let e = Config::load(Some(&f.0), &[], &[]).unwrap_err().0;
        assert!(e.contains("ligne 2, colonne"), "{e}");
        assert!(e.contains("syntaxe TOML"), "{e}");
    }

    #[test]
    fn unknown_and_bad_keys_are_named() {
        let f = toml_file("\n\nbinds = \"x\"\n");
        let e = Config::load(Some(&f.0), &[], &[]).unwrap_err().0;
        assert!(
            e.contains("ligne 3") && e.contains("clé inconnue « binds »"),
            "{e}"
        );
        let f = toml_file("bind = \"pas une adresse\"\n");
        let e = Config::load(Some(&f.0), &[], &[]).unwrap_err().0;
        assert!(e.contains("« bind »") && e.contains("HÔTE:PORT"), "{e}");
        let f = toml_file("[server]\nport = 1\n");
        let e = Config::load(Some(&f.0), &[], &[]).unwrap_err().0;
        assert!(e.contains("« server »"), "{e}");
        let f = toml_file("rate_limit = 1.5\n");
        let e = Config::load(Some(&f.0), &[], &[]).unwrap_err().0;
        assert!(
            e.contains("« rate_limit »") && e.contains("nombre décimal"),
            "{e}"
        );
        let e = Config::load(None, &env(&[("ALLIANCES_DATABASE_URL", "mysql://x")]), &[])
            .unwrap_err()
            .0;
        assert!(e.contains("ALLIANCES_DATABASE_URL"), "{e}");
        let e = Config::load(None, &env(&[("ALLIANCES_BINDE", "x")]), &[])
            .unwrap_err()
            .0;
        assert!(e.contains("inconnue ALLIANCES_BINDE"), "{e}");
        let e = Config::load(None, &env(&[("ALLIANCES_PAGE_CACHE", "peut-être")]), &[])
            .unwrap_err()
            .0;
        assert!(e.contains("true ou false"), "{e}");
        let e = Config::load(Some(Path::new("/nonexistent/alliances.toml")), &[], &[])
            .unwrap_err()
            .0;
        assert!(e.contains("illisible"), "{e}");
    }

    #[test]
    fn derives_the_data_dir() {
        let mut c = Config::default();
        assert_eq!(c.data_dir(), PathBuf::from("."));
        c.database_url = "sqlite:///var/lib/alliances/base.db".into();
        assert_eq!(c.data_dir(), PathBuf::from("/var/lib/alliances"));
        c.database_url = "postgres://a@b/c".into();
        assert_eq!(c.data_dir(), PathBuf::from("./data-cache"));
        c.data_dir = Some("/srv/cache".into());
        assert_eq!(c.data_dir(), PathBuf::from("/srv/cache"));
    }

    #[test]
    fn describe_hides_passwords_and_documents_every_key() {
        let c = Config {
            database_url: "postgres://al:secret@h/db".into(),
            ..Config::default()
        };
        assert!(!c.describe().contains("secret"));
        let doc = Config::keys_markdown();
        for (key, _, _) in KEYS {
            assert!(doc.contains(&format!("`{key}`")));
        }
    }
}

#[cfg(test)]
mod docs {
    /// OPERATING.md carries the key table exactly as `alliances config keys` prints it.
    #[test]
    fn operating_guide_lists_every_key() {
        let guide = include_str!("../../../docs/OPERATING.md");
        assert!(
            guide.contains(&super::Config::keys_markdown()),
            "docs/OPERATING.md is out of date: paste the output of `alliances config keys`"
        );
    }
}
