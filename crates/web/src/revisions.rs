//! What several features show of contributions: an alliance's revisions with who published
//! them and which fields changed, and how a contributor is named in public.

use alliances_domain::alliance::{Alliance, changed_fields};
use alliances_domain::compte::{Signature, public_author};
use alliances_store::{comptes, propositions};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{AppError, AppResult};
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

/// The fields a record sets, for a first revision.
fn fields_set(a: &Alliance) -> Vec<String> {
    a.to_columns(&[])
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, _)| k.to_owned())
        .collect()
}

/// A record's revisions, oldest first, with who and what changed.
pub async fn history(state: &AppState, slug: &str) -> AppResult<Vec<(Revision, Alliance)>> {
    let revisions = propositions::history(&state.db, slug).await?;
    let mut out: Vec<(Revision, Alliance)> = Vec::with_capacity(revisions.len());
    for r in revisions {
        let alliance: Alliance = serde_json::from_str(&r.document)
            .map_err(|e| AppError::Internal(format!("révision {} de {slug} : {e}", r.revision)))?;
        let champs = match out.last() {
            Some((_, before)) => changed_fields(before, &alliance)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            None => fields_set(&alliance),
        };
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
            alliance,
        ));
    }
    Ok(out)
}
