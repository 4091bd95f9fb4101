//! « Compétences »: the learning path « Alliances et Territoires » — variants, module pages
//! with their quiz (plain forms), progress behind a personal link, facilitators' groups,
//! certificates verifiable on our page and as Open Badges 3.0 credentials (JWT, RS256).
//! What the HTML pages and the API share lives here: views of variants and modules, the
//! quiz form's reader, certificate codes and the credential.

pub mod api;
pub mod certificats;
pub mod html;

use std::collections::HashMap;

use alliances_domain::parcours::{LinkKind, Module, Parcours, Variant};
use alliances_domain::territory::Level;
use alliances_store::parcours::Certificate;
use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::state::{AppState, ready};

pub use crate::links::{is_secret, key_of, new_secret};
pub use crate::parcours::duration;

/// Learners of one group.
pub const MAX_LEARNERS: usize = 40;

/// A variant for templates and the API.
pub struct VariantView {
    pub slug: String,
    pub titre: String,
    pub resume: String,
    pub minutes: u32,
    pub duree: String,
    pub href: String,
    pub modules: Vec<ModuleSummary>,
}

/// A module in a list.
pub struct ModuleSummary {
    pub slug: String,
    pub titre: String,
    pub resume: String,
    pub minutes: u32,
    pub duree: String,
    pub href: String,
    pub done: bool,
}

/// A link of a module to a record of the platform, with its title in the reader's language.
pub struct LinkView {
    pub kind: &'static str,
    pub kind_label: String,
    pub titre: String,
    pub href: String,
    pub pourquoi: String,
}

#[must_use]
pub fn module_summary(ctx: &Ctx, m: &Module, href: String, done: bool) -> ModuleSummary {
    let l = ctx.lang.code();
    ModuleSummary {
        slug: m.slug.clone(),
        titre: m.titre.get(l).to_owned(),
        resume: m.resume.get(l).to_owned(),
        minutes: m.minutes(),
        duree: duration(ctx, m.minutes()),
        href,
        done,
    }
}

/// A variant with its modules; `module_href` gives each module's page (public or behind a
/// progress link) and `done` the completed ones.
pub fn variant_view(
    ctx: &Ctx,
    p: &Parcours,
    v: &Variant,
    module_href: &dyn Fn(&str) -> String,
    done: &[String],
) -> VariantView {
    let l = ctx.lang.code();
    let minutes = p.minutes(v);
    VariantView {
        slug: v.slug.clone(),
        titre: v.titre.get(l).to_owned(),
        resume: v.resume.get(l).to_owned(),
        minutes,
        duree: duration(ctx, minutes),
        href: ctx.href(format!("/competences/parcours/{}", v.slug)),
        modules: p
            .modules_of(v)
            .map(|m| module_summary(ctx, m, module_href(&m.slug), done.contains(&m.slug)))
            .collect(),
    }
}

/// The links of a module whose record exists in the live base, titled in the reader's
/// language (a record removed since start-up is left out rather than linked to nothing).
pub async fn link_views(ctx: &Ctx, state: &AppState, m: &Module) -> AppResult<Vec<LinkView>> {
    let ready = ready(state)?;
    let collections = ready.collections.get();
    let l = ctx.lang.code();
    let slugs: Vec<String> = m
        .liens
        .iter()
        .filter(|k| k.kind == LinkKind::Alliance)
        .map(|k| k.id.clone())
        .collect();
    let alliances: HashMap<String, String> = if slugs.is_empty() {
        HashMap::new()
    } else {
        alliances_store::alliances::by_slugs(&state.db, &slugs)
            .await?
            .into_iter()
            .map(|s| (s.alliance.slug.clone(), s.alliance.nom.clone()))
            .collect()
    };
    let mut out = Vec::new();
    for link in &m.liens {
        let titre = match link.kind {
            LinkKind::Alliance => alliances.get(&link.id).cloned(),
            LinkKind::Outil => collections.outil(&link.id).map(|o| o.nom.clone()),
            LinkKind::Catalyseur => collections.catalyseur(&link.id).map(|c| c.nom.clone()),
            LinkKind::Chiffre => collections
                .observatory
                .get(&link.id)
                .map(|f| crate::figures::label_of(ctx, f).0.to_owned()),
            LinkKind::Territoire => link.id.split_once('/').and_then(|(segment, code)| {
                Level::from_segment(segment)
                    .and_then(|level| crate::places::territory_name(ready, level, code))
            }),
            LinkKind::Repere => link.id.split_once('/').map(|(group, code)| {
                let taxonomy = if group == "acteurs" {
                    "acteur"
                } else {
                    "domaine"
                };
                ctx.taxo(taxonomy, code)
            }),
        };
        if let Some(titre) = titre {
            out.push(LinkView {
                kind: link.kind.code(),
                kind_label: ctx.t(format!("competences-lien-{}", link.kind.code())),
                titre,
                href: ctx.href(link.kind.path(&link.id)),
                pourquoi: link.pourquoi.get(l).to_owned(),
            });
        }
    }
    Ok(out)
}

/// The quiz form's answers: each question's field (its id) holds the index of the chosen
/// answer. Unknown fields, repeated fields and values that are not an answer's index are
/// ignored (the question then counts as unanswered).
#[must_use]
pub fn read_answers(m: &Module, pairs: &[(String, String)]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for q in &m.quiz {
        let mut values = pairs.iter().filter(|(k, _)| *k == q.id).map(|(_, v)| v);
        if let (Some(v), None) = (values.next(), values.next())
            && let Ok(i) = v.parse::<usize>()
            && i < q.reponses.len()
        {
            out.insert(q.id.clone(), i);
        }
    }
    out
}

// ----- certificate codes -----

/// Crockford's base 32: no I, L, O or U to misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new verification code: 80 random bits as `XXXX-XXXX-XXXX-XXXX`.
#[must_use]
pub fn new_code() -> String {
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes).expect("the system random source works");
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(b);
    }
    let chars: Vec<char> = (0..16)
        .map(|i| char::from(ALPHABET[((bits >> (75 - 5 * i)) & 31) as usize]))
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed (any case, spaces or hyphens, O for 0, I or L for 1) in its canonical
/// form, or `None` when it cannot be one.
#[must_use]
pub fn normalize_code(typed: &str) -> Option<String> {
    let chars: Vec<char> = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    if chars.len() != 16 || !chars.iter().all(|c| ALPHABET.contains(&(*c as u8))) {
        return None;
    }
    Some(
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-"),
    )
}

/// The module slugs a certificate lists; a list that does not read back is an error, never
/// an empty certificate.
pub fn certificate_modules(c: &Certificate) -> crate::error::AppResult<Vec<String>> {
    serde_json::from_str(&c.modules).map_err(|e| {
        crate::error::AppError::Internal(format!(
            "certificat {} : modules illisibles : {e}",
            c.code
        ))
    })
}

pub use crate::clock::iso_date;

/// The Open Badges 3.0 `OpenBadgeCredential` of a certificate (unsigned), for the base URL of
/// the instance. Its registered JWT claims (`iss`, `jti`, `nbf`) sit beside the credential's
/// own members, as the specification's JWT proof format requires.
pub fn credential(
    ctx: &Ctx,
    base: &str,
    p: &Parcours,
    c: &Certificate,
    v: &Variant,
    instance_name: &str,
) -> crate::error::AppResult<Value> {
    let l = ctx.lang.code();
    let base = base.trim_end_matches('/');
    let id = format!("{base}/certificats/{}", c.code);
    let issuer = format!("{base}/");
    let slugs = certificate_modules(c)?;
    let modules: Vec<String> = slugs
        .iter()
        .filter_map(|s| p.module(s))
        .map(|m| m.titre.get(l).to_owned())
        .collect();
    let minutes: u32 = slugs
        .iter()
        .filter_map(|s| p.module(s))
        .map(Module::minutes)
        .sum();
    let titre = format!("{} — {}", ctx.t("competences-parcours-nom"), v.titre.get(l));
    let criteria = ctx.ta("competences-badge-criteres", "modules", modules.join(" ; "));
    let mut subject = json!({
        "type": ["AchievementSubject"],
        "achievement": {
            "id": format!("{base}/competences/parcours/{}", v.slug),
            "type": ["Achievement"],
            "name": titre,
            "description": v.resume.get(l),
            "criteria": { "narrative": criteria },
            "achievementType": "LearningProgram",
            "humanCode": v.slug,
            "fieldOfStudy": ctx.t("competences-badge-domaine"),
        },
    });
    // Open Badges 3.0 asks for the subject's `id` or at least one `identifier`: the learner
    // has no account, so the issuer's own identifier (the certificate's code), and the name
    // only when the learner chose to show one.
    let mut identifiers = vec![json!({
        "type": "IdentityObject",
        "identityType": "issuerId",
        "hashed": false,
        "identityHash": c.code,
    })];
    if let Some(nom) = &c.nom {
        identifiers.push(json!({
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": false,
            "identityHash": nom,
        }));
    }
    subject["identifier"] = json!(identifiers);
    let valid_from = crate::clock::rfc3339(c.delivre_le);
    Ok(json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": titre,
        "description": ctx.ta("competences-badge-description", "duree", duration(ctx, minutes)),
        "issuer": {
            "id": issuer,
            "type": ["Profile"],
            "name": instance_name,
            "url": issuer,
        },
        "validFrom": valid_from,
        "credentialSubject": subject,
        "iss": issuer,
        "jti": id,
        "nbf": c.delivre_le,
    }))
}
