//! What several features show of contributions: the kinds of records open to them (`kind`),
//! a record's revisions with who published them and which fields changed, and how a
//! contributor is named in public.

pub mod kind;

pub use kind::{Doc, Kind};

use alliances_domain::compte::{Signature, public_author};
use alliances_store::{comptes, propositions};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppResult;
use crate::state::AppState;

/// How a contribution whose account was deleted is signed.
pub const DELETED: &str = "contributeur supprimé";

/// A contributor as they chose to sign (pseudonym or organisation); [`DELETED`] once their
/// account is gone.
pub async fn public_name(state: &AppState, auteur: Option<&str>) -> AppResult<String> {
    let Some(id) = auteur else {
        return Ok(DELETED.to_owned());
    };
    Ok(match comptes::by_id(&state.db, id).await? {
        Some(a) => public_author(
            Some(&a.pseudonyme),
            a.organisation.as_deref(),
            Signature::parse(&a.signature),
        )
        .unwrap_or_default(),
        None => DELETED.to_owned(),
    })
}

/// One revision of a record.
#[derive(Serialize, ToSchema)]
pub struct Revision {
    #[schema(example = 2)]
    pub revision: i64,
    /// When it was published (ISO 8601, UTC).
    #[schema(example = "2026-12-04T10:15:00Z")]
    pub date: String,
    /// Who proposed it, as they chose to sign (pseudonym or organisation);
    /// « contributeur supprimé » once their account is gone; null for imported data.
    pub auteur: Option<String>,
    /// `import`, `proposition` or `restauration`.
    #[schema(example = "proposition")]
    pub source: String,
    /// The fields that changed from the revision before (for the first: the fields it sets).
    pub champs_modifies: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Historique {
    pub total: usize,
    pub resultats: Vec<Revision>,
}

/// A record's revisions, oldest first, with who and what changed.
pub async fn history(state: &AppState, kind: Kind, slug: &str) -> AppResult<Vec<(Revision, Doc)>> {
    let ready = crate::state::ready(state)?;
    let revisions = propositions::history(&state.db, kind.target(slug)).await?;
    let mut out: Vec<(Revision, Doc)> = Vec::with_capacity(revisions.len());
    for r in revisions {
        let doc = Doc::from_json(kind, &r.document)?;
        let champs = kind::changed_columns(ready, out.last().map(|(_, d)| d), &doc)
            .into_iter()
            .map(|(k, _, _)| k.to_owned())
            .collect();
        let auteur = if r.auteur.is_none() && r.source == "import" {
            None
        } else {
            Some(public_name(state, r.auteur.as_deref()).await?)
        };
        out.push((
            Revision {
                revision: r.revision,
                date: crate::clock::rfc3339(r.le),
                auteur,
                source: r.source,
                champs_modifies: champs,
            },
            doc,
        ));
    }
    Ok(out)
}
