//! Saying a report at the edge: each item of a personal path in the reader's language,
//! from its kind and its motifs (codes), for the report page and the API alike. Reports
//! made before reports became language-neutral stored French reasons; they are said from
//! their motifs too, the stored text kept only where a record has since gone.

use alliances_domain::questionnaire::Questionnaire;
use alliances_domain::territory::Level;

use super::{Cible, Rapport, Recommandation, reason};
use crate::ctx::Ctx;
use crate::state::Ready;

/// One item of a path, said.
pub struct Said {
    pub titre: String,
    pub raison: String,
}

/// The module of M.E.D.O.C. an item of a path leads into.
#[must_use]
pub fn medoc_of(kind: &str) -> &'static str {
    match kind {
        "alliance" => "exemples",
        "territoire" | "chiffre" | "repere" => "donnees",
        "outil" | "catalyseur" => "outils",
        "module" => "competences",
        _ => "methodes",
    }
}

fn code<'a>(x: &'a Recommandation, facet: &str) -> Option<&'a str> {
    x.motifs
        .iter()
        .find(|m| m.facette == facet)
        .map(|m| m.code.as_str())
}

/// The item `x` of report `r` (read with definition `def`), said in `ctx.lang`.
#[must_use]
pub fn say(ctx: &Ctx, ready: &Ready, def: &Questionnaire, r: &Rapport, x: &Recommandation) -> Said {
    let l = ctx.lang.code();
    let stored = || Said {
        titre: x.cible.titre.clone(),
        raison: x.raison.clone(),
    };
    let dimension_title = || {
        code(x, "dimension")
            .and_then(|d| def.dimension(d))
            .map(|d| d.titre.get(l))
    };
    let collections = ready.collections.get();
    match x.kind.as_str() {
        "alliance" => Said {
            titre: x.cible.titre.clone(),
            raison: if x.motifs.is_empty() {
                ctx.t("methodes-raison-complement")
            } else {
                reason(&ctx.state.catalog, ctx.lang, ready, &x.motifs)
            },
        },
        "territoire" => {
            let why = code(x, "raison").unwrap_or_else(|| {
                // Stored before motifs: the département around a commune or an EPCI.
                let around = x.cible.url.contains("/departements/")
                    && r.profil
                        .territoire
                        .as_ref()
                        .is_some_and(|t| t.niveau != "departement");
                if around { "departement" } else { "territoire" }
            });
            Said {
                titre: if why == "sans-lieu" {
                    ctx.t("methodes-parcours-territoires-titre")
                } else {
                    x.cible.titre.clone()
                },
                raison: ctx.t(format!("methodes-raison-{why}")),
            }
        }
        "chiffre" => match collections.observatory.get(&x.cible.id) {
            Some(f) => {
                let v = crate::figures::view(ctx, ready, &collections.observatory, f);
                let why = if let Some(region) = code(x, "region") {
                    let name = ready
                        .small(Level::Region, region)
                        .map_or_else(|| region.to_owned(), |t| t.name.clone());
                    ctx.ta("methodes-raison-chiffre-region", "region", name)
                } else if code(x, "raison") == Some("general") {
                    ctx.t("methodes-raison-chiffre-general")
                } else {
                    ctx.ta(
                        "methodes-raison-chiffre",
                        "population",
                        v.population.clone().unwrap_or_default(),
                    )
                };
                Said {
                    // A count's number is the head of its label.
                    titre: if v.is_count {
                        v.label.clone()
                    } else {
                        let p = super::punct(ctx.lang);
                        format!("{} — {}{}{}", v.value, p.open, v.label, p.close)
                    },
                    raison: format!("{why} ({})", v.provenance),
                }
            }
            None => stored(),
        },
        "repere" => match (code(x, "type_acteur"), code(x, "territoire")) {
            (Some(actor), _) => Said {
                titre: ctx.ta(
                    "methodes-parcours-repere-titre",
                    "sujet",
                    ctx.taxo("acteur", actor),
                ),
                raison: ctx.t("methodes-raison-repere-acteur"),
            },
            (None, Some(_)) => Said {
                titre: ctx.ta("methodes-parcours-repere-titre", "sujet", &x.cible.titre),
                raison: ctx.t("methodes-raison-repere-territoire"),
            },
            _ => stored(),
        },
        "catalyseur" => {
            let titre = collections
                .catalyseurs
                .iter()
                .find(|c| c.slug == x.cible.id)
                .map_or_else(|| x.cible.titre.clone(), |c| c.nom.clone());
            let Some(where_) = code(x, "raison") else {
                return stored();
            };
            // Stored before codes were short: the i18n key itself.
            let mut raison = if where_.starts_with("methodes-") {
                ctx.t(where_)
            } else {
                ctx.t(format!("methodes-raison-catalyseur-{where_}"))
            };
            let metiers: Vec<String> = x
                .motifs
                .iter()
                .filter(|m| m.facette == "metier")
                .map(|m| ctx.taxo("metier", &m.code).to_lowercase())
                .collect();
            if !metiers.is_empty() {
                raison.push(' ');
                raison.push_str(&ctx.ta(
                    "methodes-raison-catalyseur-metiers",
                    "metiers",
                    metiers.join(", "),
                ));
            }
            Said { titre, raison }
        }
        "outil" => Said {
            titre: collections
                .outil(&x.cible.id)
                .map_or_else(|| x.cible.titre.clone(), |o| o.nom.clone()),
            raison: super::path_tools::reason(
                &ctx.state.catalog,
                ctx.lang,
                dimension_title(),
                &x.motifs,
            ),
        },
        "module" => {
            let obstacle = code(x, "obstacle").and_then(|o| {
                let q = def.question(def.souhaits.obstacles.as_ref()?)?;
                Some(q.option(o)?.libelle.get(l).to_owned())
            });
            Said {
                titre: ctx
                    .state
                    .settings
                    .parcours
                    .module(&x.cible.id)
                    .map_or_else(|| x.cible.titre.clone(), |m| m.titre.get(l).to_owned()),
                raison: super::path_modules::reason(
                    &ctx.state.catalog,
                    ctx.lang,
                    dimension_title(),
                    obstacle.as_deref(),
                    &x.motifs,
                ),
            }
        }
        "methode" => Said {
            titre: ctx.t("methodes-parcours-collectif-titre"),
            raison: ctx.ta(
                "methodes-raison-collectif",
                "phase",
                ctx.taxo("phase", code(x, "phase").unwrap_or_default())
                    .to_lowercase(),
            ),
        },
        _ => stored(),
    }
}

/// An item of the personal path as the API and the JSON download give it: its codes, and
/// its title and reason said in the reader's language.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct RecommandationJson {
    /// `alliance`, `territoire`, `chiffre`, `repere`, `catalyseur`, `outil`, `module` or
    /// `methode`.
    #[serde(rename = "type")]
    #[schema(example = "alliance")]
    pub kind: String,
    /// The M.E.D.O.C. module it leads to: `methodes`, `exemples`, `donnees`, `outils` or
    /// `competences`.
    #[schema(example = "exemples")]
    pub module: &'static str,
    pub cible: Cible,
    pub raison: String,
    pub motifs: Vec<super::Motif>,
}

/// The item `x` as the API and the JSON download give it: its codes, and its title and
/// reason said in `ctx.lang`.
#[must_use]
pub fn json(
    ctx: &Ctx,
    ready: &Ready,
    def: &Questionnaire,
    r: &Rapport,
    x: &Recommandation,
) -> RecommandationJson {
    let said = say(ctx, ready, def, r, x);
    RecommandationJson {
        kind: x.kind.clone(),
        module: medoc_of(&x.kind),
        cible: Cible {
            id: x.cible.id.clone(),
            titre: said.titre,
            url: x.cible.url.clone(),
        },
        raison: said.raison,
        motifs: x.motifs.clone(),
    }
}
