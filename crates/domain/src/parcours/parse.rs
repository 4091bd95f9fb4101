//! Reading the content files: the TOML as written, checked field by field, every problem
//! located by file, line and id.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::{
    Answer, ContentError, DIMENSIONS, DURATION_TOLERANCE, Exercise, Lesson, Link, LinkKind, Module,
    Parcours, Question, SECTIONS, Text, Variant, WORDS_PER_MINUTE,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    slug: Spanned<String>,
    dimensions: Spanned<Vec<String>>,
    titre: Text,
    resume: Text,
    objectifs: Spanned<Vec<Text>>,
    #[serde(default)]
    lecons: Vec<RawLesson>,
    #[serde(default)]
    liens: Vec<RawLink>,
    #[serde(default)]
    activites: Vec<RawExercise>,
    #[serde(default)]
    quiz: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLesson {
    id: Spanned<String>,
    titre: Text,
    texte: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    #[serde(rename = "type")]
    kind: Spanned<String>,
    id: Spanned<String>,
    pourquoi: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    id: Spanned<String>,
    minutes: i64,
    titre: Text,
    consigne: Text,
    lien: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    question: Text,
    #[serde(default)]
    reponses: Vec<RawAnswer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    texte: Text,
    #[serde(default)]
    correcte: bool,
    explication: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariants {
    variantes: Vec<RawVariant>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariant {
    slug: Spanned<String>,
    titre: Text,
    resume: Text,
    duree_visee: i64,
    modules: Vec<String>,
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

struct Errors<'a> {
    file: &'a str,
    source: &'a str,
    list: &'a mut Vec<ContentError>,
}

impl Errors<'_> {
    fn line_of(&self, offset: usize) -> usize {
        crate::error::line_of(self.source, offset)
    }

    fn at(&mut self, offset: usize, id: Option<&str>, message: impl Into<String>) {
        let line = Some(self.line_of(offset));
        self.list.push(ContentError {
            file: self.file.to_owned(),
            line,
            id: id.map(str::to_owned),
            message: message.into(),
        });
    }

    fn texts(&mut self, offset: usize, id: &str, what: &str, texts: &[&Text]) {
        for t in texts {
            if t.fr.trim().is_empty() || t.en.trim().is_empty() {
                self.at(
                    offset,
                    Some(id),
                    format!("{what} : le texte français et le texte anglais sont tous deux requis"),
                );
                return;
            }
        }
    }
}

/// Where an exercise's path points, checked against the records: `None` when it is fine.
fn path_problem(path: &str, exists: &dyn Fn(LinkKind, &str) -> bool) -> Option<String> {
    if !path.starts_with('/') || path.starts_with("//") || path.contains("://") {
        return Some(format!(
            "lien « {path} » : donnez un chemin de la plateforme commençant par « / »"
        ));
    }
    let route = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    let first = segments.first().copied().unwrap_or_default();
    if !SECTIONS.contains(&first) {
        return Some(format!(
            "lien « {path} » : « /{first} » n'est pas une rubrique de la plateforme ({})",
            SECTIONS.join(", ")
        ));
    }
    let record = match segments.as_slice() {
        ["exemples", id] => Some((LinkKind::Alliance, (*id).to_owned())),
        ["outils", id] if *id != "cartographie" => Some((LinkKind::Outil, (*id).to_owned())),
        ["catalyseurs", id] => Some((LinkKind::Catalyseur, (*id).to_owned())),
        ["donnees", "chiffres", id] => Some((LinkKind::Chiffre, (*id).to_owned())),
        ["territoires", level, code] => Some((LinkKind::Territoire, format!("{level}/{code}"))),
        ["reperes", group, code] => Some((LinkKind::Repere, format!("{group}/{code}"))),
        _ => None,
    };
    match record {
        Some((kind, id)) if !exists(kind, &id) => Some(format!(
            "lien « {path} » : {} « {id} » introuvable dans les données",
            kind.code()
        )),
        _ => None,
    }
}

fn parse_module(
    errors: &mut Errors<'_>,
    exists: &dyn Fn(LinkKind, &str) -> bool,
) -> Option<Module> {
    let raw: RawModule = match toml::from_str(errors.source) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            errors.at(offset, None, e.message().trim().to_owned());
            return None;
        }
    };
    let slug = raw.slug.get_ref().clone();
    let at = raw.slug.span().start;
    if !is_slug(&slug) {
        errors.at(
            at,
            Some(&slug),
            "slug invalide : lettres minuscules, chiffres et tirets",
        );
    }
    errors.texts(at, &slug, "titre ou résumé", &[&raw.titre, &raw.resume]);
    let dims_at = raw.dimensions.span().start;
    let dimensions = raw.dimensions.into_inner();
    if dimensions.is_empty() {
        errors.at(
            dims_at,
            Some(&slug),
            format!(
                "« dimensions » : nommez au moins une dimension ({})",
                DIMENSIONS.join(", ")
            ),
        );
    }
    for d in &dimensions {
        if !DIMENSIONS.contains(&d.as_str()) {
            errors.at(
                dims_at,
                Some(&slug),
                format!(
                    "dimension « {d} » inconnue ; valeurs possibles : {}",
                    DIMENSIONS.join(", ")
                ),
            );
        }
    }
    let obj_at = raw.objectifs.span().start;
    let objectifs = raw.objectifs.into_inner();
    if !(2..=5).contains(&objectifs.len()) {
        errors.at(
            obj_at,
            Some(&slug),
            format!(
                "« objectifs » : entre 2 et 5 objectifs (il y en a {})",
                objectifs.len()
            ),
        );
    }
    errors.texts(
        obj_at,
        &slug,
        "objectif",
        &objectifs.iter().collect::<Vec<_>>(),
    );

    let mut ids = HashSet::new();
    let mut unique = |errors: &mut Errors<'_>, id: &Spanned<String>| {
        let v = id.get_ref();
        if !is_slug(v) || !ids.insert(v.clone()) {
            errors.at(
                id.span().start,
                Some(v),
                "identifiant invalide ou répété dans le module",
            );
        }
    };

    if !(2..=5).contains(&raw.lecons.len()) {
        errors.at(
            at,
            Some(&slug),
            format!(
                "entre 2 et 5 leçons par module (il y en a {})",
                raw.lecons.len()
            ),
        );
    }
    let mut lecons = Vec::new();
    for l in raw.lecons {
        unique(errors, &l.id);
        let id = l.id.get_ref().clone();
        errors.texts(l.id.span().start, &id, "leçon", &[&l.titre, &l.texte]);
        let minutes = u32::try_from(words(&l.texte.fr).div_ceil(WORDS_PER_MINUTE)).unwrap_or(0);
        lecons.push(Lesson {
            id,
            titre: l.titre,
            texte: l.texte,
            minutes,
        });
    }

    if raw.liens.len() < 3 {
        errors.at(
            at,
            Some(&slug),
            format!(
                "au moins 3 liens vers la plateforme (il y en a {})",
                raw.liens.len()
            ),
        );
    }
    let mut liens = Vec::new();
    for l in raw.liens {
        let id = l.id.get_ref().clone();
        let kind_code = l.kind.get_ref();
        errors.texts(l.id.span().start, &id, "pourquoi", &[&l.pourquoi]);
        match LinkKind::parse(kind_code) {
            None => errors.at(
                l.kind.span().start,
                Some(&id),
                format!(
                    "type de lien « {kind_code} » inconnu ; valeurs possibles : {}",
                    LinkKind::ALL.map(LinkKind::code).join(", ")
                ),
            ),
            Some(kind) if !exists(kind, &id) => errors.at(
                l.id.span().start,
                Some(&id),
                format!(
                    "{} « {id} » introuvable dans les données : un lien doit mener à une fiche qui existe",
                    kind.code()
                ),
            ),
            Some(kind) => liens.push(Link {
                kind,
                id,
                pourquoi: l.pourquoi,
            }),
        }
    }

    if raw.activites.is_empty() {
        errors.at(at, Some(&slug), "au moins une activité (exercice)");
    }
    let mut activites = Vec::new();
    for a in raw.activites {
        unique(errors, &a.id);
        let id = a.id.get_ref().clone();
        let a_at = a.id.span().start;
        errors.texts(a_at, &id, "activité", &[&a.titre, &a.consigne]);
        let minutes = match u32::try_from(a.minutes) {
            Ok(m) if (1..=240).contains(&m) => m,
            _ => {
                errors.at(
                    a_at,
                    Some(&id),
                    format!("« minutes » : entre 1 et 240 (lu : {})", a.minutes),
                );
                0
            }
        };
        if let Some(p) = a.lien.as_deref().and_then(|p| path_problem(p, exists)) {
            errors.at(a_at, Some(&id), p);
        }
        activites.push(Exercise {
            id,
            minutes,
            titre: a.titre,
            consigne: a.consigne,
            lien: a.lien,
        });
    }

    if raw.quiz.len() < 5 {
        errors.at(
            at,
            Some(&slug),
            format!(
                "le quiz compte au moins 5 questions (il y en a {})",
                raw.quiz.len()
            ),
        );
    }
    let mut quiz = Vec::new();
    for q in raw.quiz {
        unique(errors, &q.id);
        let id = q.id.get_ref().clone();
        let q_at = q.id.span().start;
        errors.texts(q_at, &id, "question", &[&q.question]);
        if !(3..=4).contains(&q.reponses.len()) {
            errors.at(
                q_at,
                Some(&id),
                format!(
                    "3 ou 4 réponses par question (il y en a {})",
                    q.reponses.len()
                ),
            );
        }
        let right = q.reponses.iter().filter(|r| r.correcte).count();
        if right != 1 {
            errors.at(
                q_at,
                Some(&id),
                format!("exactement une réponse « correcte = true » (il y en a {right})"),
            );
        }
        for r in &q.reponses {
            errors.texts(
                q_at,
                &id,
                "réponse et explication",
                &[&r.texte, &r.explication],
            );
        }
        quiz.push(Question {
            id,
            question: q.question,
            reponses: q
                .reponses
                .into_iter()
                .map(|r| Answer {
                    texte: r.texte,
                    correcte: r.correcte,
                    explication: r.explication,
                })
                .collect(),
        });
    }

    Some(Module {
        slug,
        dimensions,
        titre: raw.titre,
        resume: raw.resume,
        objectifs,
        lecons,
        liens,
        activites,
        quiz,
    })
}

/// Parses and validates the path: `modules` are (file name, text) of the module files in
/// their order, `variants` the variants file. `exists` tells whether a record of a kind
/// exists (links are content errors when it does not).
pub fn parse(
    modules: &[(String, String)],
    variants: (&str, &str),
    exists: &dyn Fn(LinkKind, &str) -> bool,
) -> Result<Parcours, Vec<ContentError>> {
    let mut list = Vec::new();
    let mut parsed: Vec<Module> = Vec::new();
    for (file, source) in modules {
        let mut errors = Errors {
            file,
            source,
            list: &mut list,
        };
        if let Some(m) = parse_module(&mut errors, exists) {
            if parsed.iter().any(|p| p.slug == m.slug) {
                errors.at(0, Some(&m.slug), "ce slug est déjà celui d'un autre module");
            }
            parsed.push(m);
        }
    }
    if modules.is_empty() {
        list.push(ContentError {
            file: variants.0.to_owned(),
            line: None,
            id: None,
            message: "aucun module (fichier modules/*.toml) n'a été trouvé".to_owned(),
        });
    }

    let (file, source) = variants;
    let mut errors = Errors {
        file,
        source,
        list: &mut list,
    };
    let mut variantes = Vec::new();
    match toml::from_str::<RawVariants>(source) {
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            errors.at(offset, None, e.message().trim().to_owned());
        }
        Ok(raw) => {
            if raw.variantes.is_empty() {
                errors.at(0, None, "aucune variante n'est définie");
            }
            for v in raw.variantes {
                let slug = v.slug.get_ref().clone();
                let at = v.slug.span().start;
                if !is_slug(&slug) || variantes.iter().any(|o: &Variant| o.slug == slug) {
                    errors.at(at, Some(&slug), "slug invalide ou répété");
                }
                errors.texts(at, &slug, "titre ou résumé", &[&v.titre, &v.resume]);
                if v.modules.is_empty() {
                    errors.at(at, Some(&slug), "une variante compte au moins un module");
                }
                let mut seen = HashSet::new();
                let mut total = 0u32;
                for m in &v.modules {
                    if !seen.insert(m) {
                        errors.at(
                            at,
                            Some(&slug),
                            format!("le module « {m} » figure deux fois"),
                        );
                    }
                    match parsed.iter().find(|p| &p.slug == m) {
                        Some(p) => total += p.minutes(),
                        None => errors.at(
                            at,
                            Some(&slug),
                            format!("module « {m} » inconnu (aucun fichier ne le définit)"),
                        ),
                    }
                }
                let aim = u32::try_from(v.duree_visee).unwrap_or(0);
                if aim == 0 {
                    errors.at(
                        at,
                        Some(&slug),
                        "« duree_visee » : un nombre de minutes positif",
                    );
                } else if (f64::from(total) - f64::from(aim)).abs()
                    > f64::from(aim) * DURATION_TOLERANCE
                {
                    errors.at(
                        at,
                        Some(&slug),
                        format!(
                            "durée de {total} minutes (somme des modules), hors de la visée de {aim} minutes ± 15 % : ajustez les modules ou la visée"
                        ),
                    );
                }
                variantes.push(Variant {
                    slug,
                    titre: v.titre,
                    resume: v.resume,
                    duree_visee: aim,
                    modules: v.modules,
                });
            }
        }
    }
    if list.is_empty() {
        Ok(Parcours {
            modules: parsed,
            variantes,
        })
    } else {
        Err(list)
    }
}
