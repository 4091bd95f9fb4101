//! Contributions: a member proposes a new alliance or a change to one (API, forms), sees
//! their proposals and the moderators' messages, and revises one sent back. Proposals are
//! read and checked here, once, as an import checks its rows.

pub mod api;
pub mod form;
pub mod html;

use alliances_domain::alliance::Alliance;
use alliances_domain::error::{FieldError, Invalid};
use alliances_domain::proposition::Statut;
use alliances_store::propositions::{self, Proposal};

use crate::accounts::Member;
use crate::error::{AppError, AppResult};
use crate::state::{AppState, Ready};

/// A proposed alliance from a JSON object in the API's shape (`GET /api/v1/alliances/{slug}`;
/// what only the API adds — names and links of territories, `url`, `provenance` — is
/// ignored), checked as the imports check a row, its editorial classifications derived.
pub fn read_json(ready: &Ready, body: &[u8]) -> Result<Alliance, Invalid> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Invalid(vec![FieldError::new(
            "corps",
            format!("JSON illisible : {e} ; envoyez un objet comme celui de GET /api/v1/alliances/{{slug}}"),
        )])
    })?;
    if !value.is_object() {
        return Err(Invalid(vec![FieldError::new(
            "corps",
            "envoyez un objet JSON comme celui de GET /api/v1/alliances/{slug}",
        )]));
    }
    let mut alliance: Alliance = serde_path_to_error::deserialize(value).map_err(|e| {
        let champ = e.path().to_string();
        let champ = if champ == "." {
            "corps".to_owned()
        } else {
            champ
        };
        Invalid(vec![FieldError::new(
            champ,
            format!("valeur illisible : {}", e.inner()),
        )])
    })?;
    alliance.validate(&ready.referential).map_err(Invalid)?;
    alliance.derive_editorial(&ready.referential);
    Ok(alliance)
}

/// `niveau:code` of each place a record names, for the queue's territory filter.
#[must_use]
pub fn places_of(alliance: &Alliance) -> String {
    alliance
        .places()
        .map(|t| format!("{}:{}", t.niveau, t.code))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A member may propose once their address is confirmed.
pub fn may_propose(member: &Member) -> AppResult<()> {
    if member.verified() {
        Ok(())
    } else {
        Err(AppError::ForbiddenBecause(
            "Confirmez d'abord votre adresse électronique (lien reçu par courriel, ou « Renvoyer le lien » dans « mon espace ») : les propositions viennent de comptes confirmés.".into(),
        ))
    }
}

/// Stores a new proposal of `alliance` by `member`: a change when its slug is a record's,
/// a new record otherwise. Returns the proposal.
pub async fn submit(
    state: &AppState,
    member: &Member,
    alliance: &Alliance,
    note: Option<String>,
) -> AppResult<Proposal> {
    let base = propositions::current_revision(&state.db, &alliance.slug).await?;
    let now = state.now();
    let proposal = Proposal {
        id: crate::accounts::new_id(),
        genre: "alliance".into(),
        cible: base.map(|_| alliance.slug.clone()),
        base,
        document: serde_json::to_string(alliance).map_err(|e| AppError::Internal(e.to_string()))?,
        nom: alliance.nom.clone(),
        territoires: places_of(alliance),
        statut: Statut::EnAttente.code().into(),
        message: None,
        note,
        auteur: Some(member.account.id.clone()),
        moderateur: None,
        revision: None,
        cree_le: now,
        modifie_le: now,
    };
    propositions::create(&state.db, &proposal).await?;
    Ok(proposal)
}

/// The slug of the record a proposal is about (its target, else its JSON's).
pub(super) fn slug_of(p: &Proposal) -> Option<String> {
    p.cible.clone().or_else(|| {
        serde_json::from_str::<serde_json::Value>(&p.document)
            .ok()
            .and_then(|d| d["slug"].as_str().map(str::to_owned))
    })
}

/// A new version of one's proposal that a moderator sent back: the same record, waiting
/// again for moderation.
pub async fn revise(
    state: &AppState,
    member: &Member,
    p: &Proposal,
    alliance: &Alliance,
    note: Option<&str>,
) -> AppResult<()> {
    if slug_of(p).as_deref() != Some(alliance.slug.as_str()) {
        return Err(AppError::Invalid(Invalid(vec![FieldError::new(
            "slug",
            "une révision garde l'identifiant de la fiche proposée",
        )])));
    }
    let document =
        serde_json::to_string(alliance).map_err(|e| AppError::Internal(e.to_string()))?;
    let places = places_of(alliance);
    let revised = propositions::revise(
        &state.db,
        &p.id,
        &member.account.id,
        &propositions::Revised {
            document: &document,
            nom: &alliance.nom,
            territoires: &places,
            note,
        },
        state.now(),
    )
    .await?;
    if revised {
        Ok(())
    } else {
        Err(AppError::Conflict(
            "Cette proposition n'attend pas de révision : seule une proposition renvoyée par un modérateur peut être révisée.".into(),
        ))
    }
}
