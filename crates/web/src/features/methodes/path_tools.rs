//! The tools of a personal path: for the phase the respondent's main alliance is at (from
//! version 2, decision 012), else the phase where their diagnostic leaves the most room,
//! meant for their actor type and fitting their level (decision 010).

use alliances_domain::outil::{EVERYONE, Outil};
use alliances_domain::questionnaire::Questionnaire;
use alliances_domain::taxonomy::LIFECYCLE_PHASES;
use alliances_i18n::{Catalog, Lang};

use super::{Cible, Motif, Recommandation};
use crate::state::Ready;

/// Tools on a personal path: 2 to 4 (3 when the base has them).
pub const PATH_TOOLS: usize = 3;

/// The phase to work on: that of the weakest dimension (the earliest phase among equals);
/// `essaimer` when every dimension is at the top level. Returns the phase and the
/// dimension it comes from.
#[must_use]
pub fn phase_of(
    def: &Questionnaire,
    dimensions: &[(String, u8)],
) -> Option<(String, Option<String>)> {
    let lowest = dimensions.iter().map(|(_, l)| *l).min()?;
    if lowest >= 4 {
        return Some(("essaimer".to_owned(), None));
    }
    dimensions
        .iter()
        .filter(|(_, l)| *l == lowest)
        .filter_map(|(id, _)| {
            let phase = def.dimension(id)?.phase.clone()?;
            let order = LIFECYCLE_PHASES.codes.iter().position(|c| *c == phase)?;
            Some((order, phase, id.clone()))
        })
        .min()
        .map(|(_, phase, id)| (phase, Some(id)))
}

/// How well a tool fits: meant for this actor type by name rather than for everyone, then a
/// stated level rather than none, then free access.
fn fit(o: &Outil, actor: &str, level: &str) -> u8 {
    u8::from(o.publics.iter().any(|p| p == actor)) * 4
        + u8::from(o.maturite.iter().any(|m| m == level)) * 2
        + u8::from(o.acces.as_deref() == Some("gratuit"))
}

/// Why the path works on a phase.
#[derive(Debug, Clone, Copy)]
pub enum Why<'a> {
    /// The phase of the respondent's main alliance, as they said it.
    Declared,
    /// The phase of the weakest dimension (its id).
    Weakest(&'a str),
    /// Every dimension at the top level: passing it on.
    Top,
}

/// The tools for `phase`, `actor` and `level` (the best fits first, then by name), and when
/// fewer than two fit, those of the nearest phases (the next ones first), each said as such
/// through its motifs.
#[must_use]
pub fn recommend(
    ready: &Ready,
    phase: &str,
    why: Why<'_>,
    actor: &str,
    level: &str,
) -> Vec<Recommandation> {
    let collections = ready.collections.get();
    let start = LIFECYCLE_PHASES
        .codes
        .iter()
        .position(|c| *c == phase)
        .unwrap_or(0);
    let mut chosen: Vec<(&Outil, &str)> = Vec::new();
    // The phase, then the next ones, then the earlier ones from the nearest.
    let order = LIFECYCLE_PHASES.codes[start..]
        .iter()
        .chain(LIFECYCLE_PHASES.codes[..start].iter().rev());
    for p in order {
        let mut fitting: Vec<&Outil> = collections
            .outils
            .iter()
            .map(|(o, _)| o)
            .filter(|o| {
                o.phases.iter().any(|x| x == p)
                    && o.serves(actor)
                    && o.fits(level)
                    && !chosen.iter().any(|(c, _)| c.slug == o.slug)
            })
            .collect();
        fitting.sort_by_key(|o| std::cmp::Reverse(fit(o, actor, level)));
        let room = PATH_TOOLS - chosen.len();
        chosen.extend(fitting.into_iter().take(room).map(|o| (o, *p)));
        if chosen.len() >= 2 {
            break;
        }
    }
    chosen
        .into_iter()
        .map(|(o, p)| {
            let mut motifs = vec![Motif {
                facette: "phase".into(),
                code: p.to_owned(),
            }];
            if p == phase {
                motifs.push(match why {
                    Why::Declared => Motif {
                        facette: "declaree".into(),
                        code: p.to_owned(),
                    },
                    Why::Weakest(d) => Motif {
                        facette: "dimension".into(),
                        code: d.to_owned(),
                    },
                    Why::Top => Motif {
                        facette: "sommet".into(),
                        code: "4".into(),
                    },
                });
            }
            motifs.push(Motif {
                facette: "public".into(),
                code: if o.publics.iter().any(|x| x == actor) {
                    actor.to_owned()
                } else {
                    EVERYONE.to_owned()
                },
            });
            if o.maturite.iter().any(|m| m == level) {
                motifs.push(Motif {
                    facette: "maturite".into(),
                    code: level.to_owned(),
                });
            }
            Recommandation {
                kind: "outil".into(),
                cible: Cible {
                    id: o.slug.clone(),
                    titre: o.nom.clone(),
                    url: format!("/outils/{}", o.slug),
                },
                raison: String::new(),
                motifs,
            }
        })
        .collect()
}

/// Why a tool is on the path, in `lang`, from its motifs; `dimension` is the title of the
/// dimension a phase comes from, when the page knows it.
#[must_use]
pub fn reason(catalog: &Catalog, lang: Lang, dimension: Option<&str>, motifs: &[Motif]) -> String {
    let code = |facet: &str| {
        motifs
            .iter()
            .find(|m| m.facette == facet)
            .map(|m| m.code.as_str())
    };
    let t = |key: String| catalog.get(lang, &key).into_owned();
    let mut parts = Vec::new();
    if let Some(p) = code("phase") {
        let phase = t(format!("taxo-phase-{p}"));
        let text = match (code("dimension"), dimension) {
            _ if code("declaree").is_some() => catalog.get_with(
                lang,
                "methodes-raison-outil-phase-declaree",
                &[("phase", alliances_i18n::text(&phase))],
            ),
            (Some(_), Some(d)) => catalog.get_with(
                lang,
                "methodes-raison-outil-phase-dimension",
                &[
                    ("phase", alliances_i18n::text(&phase)),
                    ("dimension", alliances_i18n::text(d)),
                ],
            ),
            (Some(_), None) => catalog.get_with(
                lang,
                "methodes-raison-outil-phase-faible",
                &[("phase", alliances_i18n::text(&phase))],
            ),
            _ if code("sommet").is_some() => catalog.get_with(
                lang,
                "methodes-raison-outil-phase-sommet",
                &[("phase", alliances_i18n::text(&phase))],
            ),
            _ => catalog.get_with(
                lang,
                "methodes-raison-outil-phase",
                &[("phase", alliances_i18n::text(&phase))],
            ),
        };
        parts.push(text.into_owned());
    }
    match code("public") {
        Some(EVERYONE) => parts.push(t("methodes-raison-outil-tous".into())),
        Some(a) => parts.push(
            catalog
                .get_with(
                    lang,
                    "methodes-raison-outil-public",
                    &[(
                        "public",
                        alliances_i18n::text(&t(format!("taxo-acteur-{a}"))),
                    )],
                )
                .into_owned(),
        ),
        None => {}
    }
    if let Some(m) = code("maturite") {
        parts.push(
            catalog
                .get_with(
                    lang,
                    "methodes-raison-outil-niveau",
                    &[(
                        "niveau",
                        alliances_i18n::text(&t(format!("taxo-maturite-{m}"))),
                    )],
                )
                .into_owned(),
        );
    }
    let mut text = parts.join(super::punct(lang).semicolon);
    text.push('.');
    text
}
