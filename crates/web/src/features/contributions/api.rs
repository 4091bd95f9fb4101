//! `POST /api/v1/propositions` and `PUT /api/v1/propositions/{id}` (a member, by session or
//! API token) and the public histories `GET /api/v1/{alliances|outils|catalyseurs}/{slug}/historique`.

use alliances_domain::error::{FieldError, Invalid};
use alliances_store::propositions;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use crate::revisions::{Doc, Historique, Kind, Revision, history};

use crate::accounts::Signed;
use crate::error::{AppError, AppResult};
use crate::state::{AppState, ready};

/// A proposal just made.
#[derive(Serialize, ToSchema)]
pub struct PropositionCreee {
    #[schema(example = "3f9c0a1b2c3d4e5f60718293a4b5c6d7")]
    pub id: String,
    /// `en_attente` until a moderator decides.
    #[schema(example = "en_attente")]
    pub statut: String,
}

/// `?genre=` of a proposal.
#[derive(serde::Deserialize)]
pub struct GenreParam {
    genre: Option<String>,
}

/// The kind named by `?genre=` (alliance when absent, as the first version of this
/// operation took alliances only), or what to write.
fn kind_param(p: &GenreParam) -> Result<Kind, Invalid> {
    match p.genre.as_deref() {
        None | Some("") => Ok(Kind::Alliance),
        Some(g) => Kind::parse(g).ok_or_else(|| {
            Invalid(vec![FieldError::new(
                "genre",
                format!("genre « {g} » inconnu ; valeurs possibles : alliance, outil, catalyseur."),
            )])
        }),
    }
}

/// Proposes a new record (alliance, tool, catalyseur), or a change to one: the body has the
/// shape of `GET /api/v1/{alliances|outils|catalyseurs}/{slug}`; a known slug makes it a
/// change of that record.
#[utoipa::path(post, path = "/api/v1/propositions", summary = "Proposer une alliance, un outil, un catalyseur ou une modification",
    description = "Corps au format de GET /api/v1/alliances/{slug} (ou, avec genre=outil, de GET /api/v1/outils/{slug} ; avec genre=catalyseur, de GET /api/v1/catalyseurs/{slug}) ; les champs ajoutés par l'API — noms et liens des territoires, url, provenance — sont ignorés. Un identifiant existant propose une modification de la fiche, un nouvel identifiant une nouvelle fiche. Vérifiée comme une ligne d'import ; rien n'est publié avant la décision d'un modérateur. Authentification : session (cookie) ou jeton personnel (Authorization: Bearer) d'un compte à l'adresse confirmée.",
    tag = "Contributions",
    params(("genre" = Option<String>, Query, description = "Le genre de fiche proposée : alliance (par défaut), outil ou catalyseur.")),
    request_body(content = serde_json::Value, description = "La fiche proposée", content_type = "application/json"),
    security(("jeton" = []), ("session" = [])),
    responses(
        (status = 201, description = "Proposition enregistrée, en attente de modération", body = PropositionCreee),
        (status = 401, description = "Connexion ou jeton requis"),
        (status = 403, description = "Adresse électronique non confirmée"),
        (status = 415, description = "Avec la session, le corps doit être du JSON"),
        (status = 422, description = "Corps ou genre invalide : chaque champ en erreur est nommé, rien n'est enregistré")))]
pub async fn create(
    State(state): State<AppState>,
    Signed(member): Signed,
    Query(genre): Query<GenreParam>,
    body: Bytes,
) -> AppResult<(StatusCode, Json<PropositionCreee>)> {
    let ready = ready(&state)?;
    super::may_propose(&member)?;
    let kind = kind_param(&genre)?;
    let doc = Doc::read_api(ready, kind, &body)?;
    let proposal = super::submit(&state, &member, &doc, None).await?;
    Ok((
        StatusCode::CREATED,
        Json(PropositionCreee {
            id: proposal.id,
            statut: proposal.statut,
        }),
    ))
}

/// A new version of one's proposal that the moderators sent back: same body as the proposal;
/// it waits for moderation again.
#[utoipa::path(put, path = "/api/v1/propositions/{id}", summary = "Réviser une proposition renvoyée",
    description = "Après une demande de modifications d'un modérateur, le contributeur envoie la nouvelle version (même format que la proposition, même genre et même identifiant de fiche) ; elle attend à nouveau la modération.",
    tag = "Contributions",
    params(("id" = String, Path, description = "Identifiant de la proposition")),
    request_body(content = serde_json::Value, description = "La nouvelle version", content_type = "application/json"),
    security(("jeton" = []), ("session" = [])),
    responses(
        (status = 200, description = "Proposition révisée, de nouveau en attente", body = PropositionCreee),
        (status = 401, description = "Connexion ou jeton requis"),
        (status = 403, description = "Adresse électronique non confirmée"),
        (status = 404, description = "Aucune proposition de ce compte sous cet identifiant"),
        (status = 409, description = "La proposition n'attend pas de révision"),
        (status = 415, description = "Avec la session, le corps doit être du JSON"),
        (status = 422, description = "Corps invalide : chaque champ en erreur est nommé")))]
pub async fn revise(
    State(state): State<AppState>,
    Signed(member): Signed,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<Json<PropositionCreee>> {
    let ready = ready(&state)?;
    super::may_propose(&member)?;
    let p = propositions::get(&state.db, &id)
        .await?
        .filter(|p| p.auteur.as_deref() == Some(member.account.id.as_str()))
        .ok_or_else(|| {
            AppError::NotFoundBecause("Aucune de vos propositions n'a cet identifiant.".into())
        })?;
    let doc = Doc::read_api(ready, Kind::of_proposal(&p)?, &body)?;
    super::revise(&state, &member, &p, &doc, p.note.as_deref()).await?;
    Ok(Json(PropositionCreee {
        id,
        statut: alliances_domain::proposition::Statut::EnAttente
            .code()
            .into(),
    }))
}

/// A record's history in the API's shape; 404 for an unknown identifier.
async fn history_of(state: &AppState, kind: Kind, slug: &str) -> AppResult<Json<Historique>> {
    let revisions = history(state, kind, slug).await?;
    if revisions.is_empty() {
        return Err(AppError::NotFound);
    }
    let resultats: Vec<Revision> = revisions.into_iter().map(|(r, _)| r).collect();
    Ok(Json(Historique {
        total: resultats.len(),
        resultats,
    }))
}

/// The history of an alliance: every revision, who published it and which fields changed.
#[utoipa::path(get, path = "/api/v1/alliances/{slug}/historique", summary = "Historique d'une alliance",
    description = "Chaque révision publiée de la fiche, la plus ancienne d'abord : sa date, son auteur (pseudonyme ou organisation, au choix du contributeur ; « contributeur supprimé » si son compte a été supprimé ; null pour les données importées) et les champs modifiés (colonnes du format d'import).",
    tag = "Exemples",
    params(("slug" = String, Path, description = "Identifiant de l'alliance")),
    responses((status = 200, description = "Les révisions", body = Historique), (status = 404, description = "Identifiant inconnu")))]
pub async fn historique(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<Historique>> {
    history_of(&state, Kind::Alliance, &slug).await
}

/// The history of a tool.
#[utoipa::path(get, path = "/api/v1/outils/{slug}/historique", summary = "Historique d'un outil",
    description = "Chaque révision publiée de la fiche de l'outil, la plus ancienne d'abord : sa date, son auteur (pseudonyme ou organisation ; « contributeur supprimé » ; null pour les données importées) et les champs modifiés (colonnes du format d'import).",
    tag = "Outils",
    params(("slug" = String, Path, description = "Identifiant de l'outil")),
    responses((status = 200, description = "Les révisions", body = Historique), (status = 404, description = "Identifiant inconnu")))]
pub async fn historique_outil(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<Historique>> {
    history_of(&state, Kind::Outil, &slug).await
}

/// The history of a catalyseur.
#[utoipa::path(get, path = "/api/v1/catalyseurs/{slug}/historique", summary = "Historique d'un catalyseur",
    description = "Chaque révision publiée de la fiche du catalyseur, la plus ancienne d'abord : sa date, son auteur (pseudonyme ou organisation ; « contributeur supprimé » ; null pour les données importées) et les champs modifiés (colonnes du format d'import).",
    tag = "Données",
    params(("slug" = String, Path, description = "Identifiant du catalyseur")),
    responses((status = 200, description = "Les révisions", body = Historique), (status = 404, description = "Identifiant inconnu")))]
pub async fn historique_catalyseur(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<Historique>> {
    history_of(&state, Kind::Catalyseur, &slug).await
}
