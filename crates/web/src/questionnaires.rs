//! The questionnaire definitions: content files (`content/questionnaires/*.toml`, or an
//! operator's folder) validated at start-up, every version kept.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use alliances_domain::questionnaire::{self, Questionnaire};

/// The definitions shipped with the platform: (file name, text).
const EMBEDDED: &[(&str, &str)] = &[
    (
        "content/questionnaires/diagnostic-1.toml",
        include_str!("../../../content/questionnaires/diagnostic-1.toml"),
    ),
    (
        "content/questionnaires/diagnostic-2.toml",
        include_str!("../../../content/questionnaires/diagnostic-2.toml"),
    ),
];

/// Every loaded version of the questionnaire; the highest is the current one. Older
/// versions stay loaded so that drafts and reports keep the version they were made with.
#[derive(Debug)]
pub struct Questionnaires {
    versions: Vec<Arc<Questionnaire>>,
}

fn is_fragility(code: &str) -> bool {
    alliances_store::seed::fragilities()
        .iter()
        .any(|f| f.code == code)
}

impl Questionnaires {
    fn from_files(files: &[(String, String)]) -> Result<Questionnaires, Vec<String>> {
        let mut versions: Vec<Arc<Questionnaire>> = Vec::new();
        let mut errors = Vec::new();
        for (name, text) in files {
            match questionnaire::parse(name, text, &is_fragility) {
                Ok(q) => {
                    if versions.iter().any(|v| v.version == q.version) {
                        errors.push(format!(
                            "{name} : la version {} est déjà définie par un autre fichier",
                            q.version
                        ));
                    } else {
                        versions.push(Arc::new(q));
                    }
                }
                Err(list) => errors.extend(list.iter().map(ToString::to_string)),
            }
        }
        if versions.is_empty() && errors.is_empty() {
            errors.push("aucun questionnaire (fichier .toml) n'a été trouvé".to_owned());
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        versions.sort_by_key(|v| v.version);
        Ok(Questionnaires { versions })
    }

    /// The definitions shipped with the binary (checked by the tests).
    #[must_use]
    pub fn embedded() -> Arc<Questionnaires> {
        static CELL: OnceLock<Arc<Questionnaires>> = OnceLock::new();
        CELL.get_or_init(|| {
            let files: Vec<(String, String)> = EMBEDDED
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                .collect();
            Arc::new(
                Questionnaires::from_files(&files).unwrap_or_else(|e| {
                    panic!("questionnaire embarqué invalide : {}", e.join("; "))
                }),
            )
        })
        .clone()
    }

    /// The embedded definitions, or every `*.toml` of `dir` when the operator gives one.
    /// Every problem is reported with its file, line and question.
    pub fn load(dir: Option<&Path>) -> Result<Arc<Questionnaires>, Vec<String>> {
        let Some(dir) = dir else {
            let files: Vec<(String, String)> = EMBEDDED
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                .collect();
            return Questionnaires::from_files(&files).map(Arc::new);
        };
        let files = crate::content::toml_files(dir, "questionnaires_dir")?;
        Questionnaires::from_files(&files).map(Arc::new)
    }

    #[must_use]
    pub fn current(&self) -> &Arc<Questionnaire> {
        self.versions.last().expect("at least one version")
    }

    #[must_use]
    pub fn get(&self, version: i64) -> Option<&Arc<Questionnaire>> {
        self.versions
            .iter()
            .find(|v| i64::from(v.version) == version)
    }
}
