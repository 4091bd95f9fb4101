//! Contributions: a member proposes a new alliance, tool or catalyseur, or a change to one
//! (API, forms), sees their proposals and the moderators' messages, and revises one sent
//! back. Proposals are read and checked once (`revisions::Doc`), as an import checks its rows.

pub mod api;
pub mod duplicates;
pub mod form;
pub mod form_catalyseur;
pub mod form_outil;
pub mod form_pages;
pub mod html;

use alliances_domain::error::{FieldError, Invalid};
use alliances_domain::proposition::Statut;
use alliances_store::propositions::{self, Proposal};

use crate::accounts::Member;
use crate::error::{AppError, AppResult};
use crate::revisions::Doc;
use crate::state::AppState;

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

/// Stores a new proposal of a record by `member`: a change when its identifier is a
/// published record's, a new record otherwise. Returns the proposal.
pub async fn submit(
    state: &AppState,
    member: &Member,
    doc: &Doc,
    note: Option<String>,
) -> AppResult<Proposal> {
    let kind = doc.kind();
    let base = propositions::current_revision(&state.db, kind.target(doc.slug())).await?;
    let now = state.now();
    let proposal = Proposal {
        id: crate::accounts::new_id(),
        genre: kind.code().into(),
        sujet: kind.code().into(),
        cible: base.map(|_| doc.slug().to_owned()),
        base,
        document: doc.to_json()?,
        nom: doc.nom().to_owned(),
        territoires: doc.places(),
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

/// A new version of one's proposal that a moderator sent back: the same record, waiting
/// again for moderation.
pub async fn revise(
    state: &AppState,
    member: &Member,
    p: &Proposal,
    doc: &Doc,
    note: Option<&str>,
) -> AppResult<()> {
    if p.genre == "signalement" {
        return Err(AppError::Conflict(
            "Un signalement ne se révise pas : proposez une modification de la fiche.".into(),
        ));
    }
    if p.genre != doc.kind().code()
        || crate::revisions::kind::slug_of(p).as_deref() != Some(doc.slug())
    {
        return Err(AppError::Invalid(Invalid(vec![FieldError::new(
            "slug",
            "une révision garde le genre et l'identifiant de la fiche proposée",
        )])));
    }
    let document = doc.to_json()?;
    let places = doc.places();
    let revised = propositions::revise(
        &state.db,
        &p.id,
        &member.account.id,
        &propositions::Revised {
            document: &document,
            nom: doc.nom(),
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
