//! The learning path « Alliances et Territoires »: content files (`content/parcours/`, or an
//! operator's folder) validated at start-up — structure, both languages, durations, and every
//! link checked against the records and territories shipped in `data/`. Read by
//! « Compétences » and by the features that point to its modules (Méthodes, Outils, repères).

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use alliances_domain::parcours::{self, LinkKind, Module, Parcours};
use alliances_domain::taxonomy;
use alliances_domain::territory::Level;

include!(concat!(env!("OUT_DIR"), "/parcours_modules.rs"));

const VARIANTS_FILE: &str = "content/parcours/parcours.toml";
const VARIANTS: &str = include_str!("../../../content/parcours/parcours.toml");

/// What content may link to: the records and territories of the shipped data.
struct Known {
    ids: alliances_store::seed::SeedIds,
    territories: HashSet<(Level, String)>,
}

impl Known {
    fn read() -> Result<Known, Vec<String>> {
        let territories = alliances_store::reference::parse_territories()
            .map_err(|e| vec![format!("données de référence illisibles : {e}")])?
            .into_iter()
            .map(|t| (t.level, t.code))
            .collect();
        Ok(Known {
            ids: alliances_store::seed::seed_ids(),
            territories,
        })
    }

    fn exists(&self, kind: LinkKind, id: &str) -> bool {
        match kind {
            LinkKind::Alliance => self.ids.alliances.contains(id),
            LinkKind::Outil => self.ids.outils.contains(id),
            LinkKind::Chiffre => self.ids.chiffres.contains(id),
            LinkKind::Catalyseur => self.ids.catalyseurs.contains(id),
            LinkKind::Territoire => id.split_once('/').is_some_and(|(segment, code)| {
                Level::from_segment(segment)
                    .is_some_and(|l| self.territories.contains(&(l, code.to_owned())))
            }),
            LinkKind::Repere => match id.split_once('/') {
                Some(("acteurs", code)) => taxonomy::ACTOR_TYPES.contains(code),
                Some(("domaines", code)) => taxonomy::DOMAINS.contains(code),
                _ => false,
            },
        }
    }
}

fn from_files(
    modules: &[(String, String)],
    variants: (&str, &str),
) -> Result<Arc<Parcours>, Vec<String>> {
    let known = Known::read()?;
    parcours::parse(modules, variants, &|k, id| known.exists(k, id))
        .map(Arc::new)
        .map_err(|list| list.iter().map(ToString::to_string).collect())
}

fn embedded_files() -> Vec<(String, String)> {
    PARCOURS_MODULES
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect()
}

/// The shipped path, read and checked once per process (`serve` validates it at start-up,
/// then its settings take it from here).
fn shipped() -> &'static Result<Arc<Parcours>, Vec<String>> {
    static CELL: OnceLock<Result<Arc<Parcours>, Vec<String>>> = OnceLock::new();
    CELL.get_or_init(|| from_files(&embedded_files(), (VARIANTS_FILE, VARIANTS)))
}

/// The path shipped with the binary (checked by the tests).
#[must_use]
pub fn embedded() -> Arc<Parcours> {
    shipped()
        .clone()
        .unwrap_or_else(|e| panic!("parcours embarqué invalide : {}", e.join("; ")))
}

/// The embedded path, or the operator's folder (`parcours.toml` and `modules/*.toml`).
/// Every problem is reported with its file, line and id.
pub fn load(dir: Option<&Path>) -> Result<Arc<Parcours>, Vec<String>> {
    let Some(dir) = dir else {
        return shipped().clone();
    };
    let variants_path = dir.join("parcours.toml");
    let variants = std::fs::read_to_string(&variants_path).map_err(|e| {
        vec![format!(
            "{} : fichier illisible ({e})",
            variants_path.display()
        )]
    })?;
    let modules = crate::content::toml_files(&dir.join("modules"), "parcours_dir")?;
    from_files(&modules, (&variants_path.display().to_string(), &variants))
}

/// « 1 h 35 », « 45 min ».
#[must_use]
pub fn duration(ctx: &crate::ctx::Ctx, minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => ctx.tn("competences-duree-min", i64::from(m)),
        (h, 0) => ctx.tn("competences-duree-h", i64::from(h)),
        (h, m) => format!(
            "{} {}",
            ctx.tn("competences-duree-h", i64::from(h)),
            ctx.tn("competences-duree-min", i64::from(m))
        ),
    }
}

/// A module as other pages point to it (tool pages, fiches repères, a personal path).
pub struct ModuleRef {
    pub titre: String,
    pub href: String,
    pub duree: String,
}

impl ModuleRef {
    #[must_use]
    pub fn of(ctx: &crate::ctx::Ctx, m: &Module) -> ModuleRef {
        ModuleRef {
            titre: m.titre.get(ctx.lang.code()).to_owned(),
            href: ctx.href(format!("/competences/modules/{}", m.slug)),
            duree: duration(ctx, m.minutes()),
        }
    }
}

/// The modules whose links point to the record `id` of `kind`, in the path's order.
#[must_use]
pub fn citing(ctx: &crate::ctx::Ctx, kind: LinkKind, id: &str) -> Vec<ModuleRef> {
    ctx.state
        .settings
        .parcours
        .linking_to(kind, id)
        .map(|m| ModuleRef::of(ctx, m))
        .collect()
}
