//! The learning path « Alliances et Territoires »: modules (lessons, links to the platform,
//! exercises, a quiz) and the variants that chain them, read from content files (TOML).
//! `parse` validates everything — structure, both languages, links to records, durations of
//! the variants — and names the file, the line and the id of each problem, so that a server
//! refuses to start on broken content. Durations are computed, never typed: reading at
//! [`WORDS_PER_MINUTE`], one minute per quiz question, exercises at their stated time.

use std::collections::HashMap;
use std::fmt;

pub use crate::questionnaire::Text;

/// Reading speed used for lesson durations (French text).
pub const WORDS_PER_MINUTE: usize = 200;
/// Minutes counted per quiz question.
pub const MINUTES_PER_QUESTION: u32 = 1;
/// A variant's duration may differ from its aim by this share at most.
pub const DURATION_TOLERANCE: f64 = 0.15;
/// Dimensions of the diagnostic a module may strengthen.
pub const DIMENSIONS: [&str; 6] = [
    "vision",
    "pratique",
    "gouvernance",
    "evaluation",
    "ancrage",
    "competences",
];
/// First path segments an exercise may point to.
const SECTIONS: [&str; 10] = [
    "exemples",
    "donnees",
    "territoires",
    "catalyseurs",
    "outils",
    "methodes",
    "odd",
    "reperes",
    "competences",
    "donnees-ouvertes",
];

/// What a link of a module points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    Alliance,
    Outil,
    Chiffre,
    Territoire,
    Catalyseur,
    Repere,
}

impl LinkKind {
    pub const ALL: [LinkKind; 6] = [
        LinkKind::Alliance,
        LinkKind::Outil,
        LinkKind::Chiffre,
        LinkKind::Territoire,
        LinkKind::Catalyseur,
        LinkKind::Repere,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            LinkKind::Alliance => "alliance",
            LinkKind::Outil => "outil",
            LinkKind::Chiffre => "chiffre",
            LinkKind::Territoire => "territoire",
            LinkKind::Catalyseur => "catalyseur",
            LinkKind::Repere => "repere",
        }
    }

    #[must_use]
    pub fn parse(code: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The platform path of the record `id` of this kind.
    #[must_use]
    pub fn path(self, id: &str) -> String {
        match self {
            LinkKind::Alliance => format!("/exemples/{id}"),
            LinkKind::Outil => format!("/outils/{id}"),
            LinkKind::Chiffre => format!("/donnees/chiffres/{id}"),
            LinkKind::Territoire => format!("/territoires/{id}"),
            LinkKind::Catalyseur => format!("/catalyseurs/{id}"),
            LinkKind::Repere => format!("/reperes/{id}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub id: String,
    pub titre: Text,
    /// Markdown.
    pub texte: Text,
    /// Reading time of the French text, rounded up.
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    pub id: String,
    pub pourquoi: Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    pub id: String,
    pub minutes: u32,
    pub titre: Text,
    /// Markdown.
    pub consigne: Text,
    /// A path of the platform where the exercise is done.
    pub lien: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub texte: Text,
    pub correcte: bool,
    pub explication: Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub question: Text,
    pub reponses: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub slug: String,
    pub dimensions: Vec<String>,
    pub titre: Text,
    pub resume: Text,
    pub objectifs: Vec<Text>,
    pub lecons: Vec<Lesson>,
    pub liens: Vec<Link>,
    pub activites: Vec<Exercise>,
    pub quiz: Vec<Question>,
}

impl Module {
    #[must_use]
    pub fn reading_minutes(&self) -> u32 {
        self.lecons.iter().map(|l| l.minutes).sum()
    }

    #[must_use]
    pub fn quiz_minutes(&self) -> u32 {
        u32::try_from(self.quiz.len()).unwrap_or(u32::MAX) * MINUTES_PER_QUESTION
    }

    #[must_use]
    pub fn exercise_minutes(&self) -> u32 {
        self.activites.iter().map(|a| a.minutes).sum()
    }

    /// The module's duration: reading + quiz + exercises.
    #[must_use]
    pub fn minutes(&self) -> u32 {
        self.reading_minutes() + self.quiz_minutes() + self.exercise_minutes()
    }

    /// Whether the module links to the record `id` of `kind`.
    #[must_use]
    pub fn links_to(&self, kind: LinkKind, id: &str) -> bool {
        self.liens.iter().any(|l| l.kind == kind && l.id == id)
    }

    /// Grades answers (question id → index of the chosen answer) against `threshold`
    /// (a share of right answers, 0–100).
    #[must_use]
    pub fn grade(&self, answers: &HashMap<String, usize>, threshold: u8) -> Grade {
        let lines: Vec<GradedQuestion> = self
            .quiz
            .iter()
            .map(|q| {
                let chosen = answers
                    .get(&q.id)
                    .copied()
                    .filter(|&i| i < q.reponses.len());
                GradedQuestion {
                    id: q.id.clone(),
                    chosen,
                    right: chosen.is_some_and(|i| q.reponses[i].correcte),
                }
            })
            .collect();
        let right = lines.iter().filter(|l| l.right).count();
        let total = lines.len();
        Grade {
            passed: total > 0 && right * 100 >= usize::from(threshold) * total,
            right,
            total,
            lines,
        }
    }
}

/// The result of a quiz attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    pub lines: Vec<GradedQuestion>,
    pub right: usize,
    pub total: usize,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradedQuestion {
    pub id: String,
    pub chosen: Option<usize>,
    pub right: bool,
}

/// A curated variant of the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub slug: String,
    pub titre: Text,
    pub resume: Text,
    /// The duration aimed at, in minutes.
    pub duree_visee: u32,
    /// Module slugs, in order.
    pub modules: Vec<String>,
}

/// The whole path: modules in their order and the variants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parcours {
    pub modules: Vec<Module>,
    pub variantes: Vec<Variant>,
}

impl Parcours {
    #[must_use]
    pub fn module(&self, slug: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.slug == slug)
    }

    #[must_use]
    pub fn variant(&self, slug: &str) -> Option<&Variant> {
        self.variantes.iter().find(|v| v.slug == slug)
    }

    /// The modules of a variant, in order.
    pub fn modules_of<'a>(&'a self, v: &'a Variant) -> impl Iterator<Item = &'a Module> + 'a {
        v.modules.iter().filter_map(|s| self.module(s))
    }

    /// A variant's duration: the sum of its modules'.
    #[must_use]
    pub fn minutes(&self, v: &Variant) -> u32 {
        self.modules_of(v).map(Module::minutes).sum()
    }

    /// The modules linking to the record `id` of `kind`.
    pub fn linking_to<'a>(
        &'a self,
        kind: LinkKind,
        id: &'a str,
    ) -> impl Iterator<Item = &'a Module> + 'a {
        self.modules.iter().filter(move |m| m.links_to(kind, id))
    }
}

/// One problem in a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: Option<usize>,
    /// The id of the module, lesson, link, exercise or question concerned.
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", ligne {line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, ", « {id} »")?;
        }
        write!(f, " : {}", self.message)
    }
}

mod parse;
pub use parse::parse;

#[cfg(test)]
mod tests;
