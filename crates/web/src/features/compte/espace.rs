//! « Mon espace »: the member's profile, the personal links they attached (diagnostics,
//! collectives, learning progress with its certificates, groups), personal API tokens, all
//! their data as JSON, and deleting the account.

use alliances_domain::compte;
use alliances_domain::error::{FieldError, Invalid};
use alliances_store::comptes::{self, Usage};
use alliances_store::{diagnostics, parcours};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{Field, place_errors, send_link};
use crate::accounts::{self, Member, Signed};
use crate::clock::iso_date;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::personal::{absolute, form_pairs, form_value, page, see_other};
use crate::state::AppState;

/// The kinds of personal link an account can hold, with the path that opens each.
const KINDS: &[(&str, &str)] = &[
    ("diagnostic", "/methodes/diagnostics/"),
    ("collectif", "/methodes/collectifs/"),
    ("suivi", "/competences/suivis/"),
    ("groupe", "/competences/groupes/"),
];

/// A pasted personal link: its kind and secret, or `None`.
fn read_link(text: &str) -> Option<(&'static str, String)> {
    let lower = text.trim().to_ascii_lowercase();
    KINDS.iter().find_map(|(kind, path)| {
        let at = lower.find(path)?;
        let secret: String = lower[at + path.len()..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        crate::links::is_secret(&secret).then_some((*kind, secret))
    })
}

/// Whether the link still opens something (it may have been deleted or purged).
async fn link_alive(state: &AppState, kind: &str, secret: &str) -> AppResult<bool> {
    let key = crate::links::key_of(secret);
    Ok(match kind {
        "diagnostic" => diagnostics::get(&state.db, &key).await?.is_some(),
        "collectif" => diagnostics::get_collective(&state.db, &key)
            .await?
            .is_some(),
        "suivi" => parcours::get(&state.db, &key).await?.is_some(),
        "groupe" => parcours::group(&state.db, &key).await?.is_some(),
        _ => false,
    })
}

pub struct LinkView {
    pub genre: &'static str,
    pub lien: String,
    pub href: String,
    pub ajoute: String,
    pub vivant: bool,
    /// A learning progress's certificates: code and holder page.
    pub certificats: Vec<(String, String)>,
}

pub struct TokenView {
    pub cle: String,
    pub libelle: String,
    pub cree: String,
    pub utilise: Option<String>,
}

#[derive(Template)]
#[template(path = "compte/espace.html")]
struct SpacePage {
    ctx: Ctx,
    member: Member,
    csrf: String,
    role_label: String,
    /// The moderation and administration pages are offered.
    moderator: bool,
    admin: bool,
    ok: Option<String>,
    profile: Vec<Field>,
    signature: String,
    profile_errors: Vec<FieldError>,
    links: Vec<LinkView>,
    link_error: Option<String>,
    link_typed: String,
    tokens: Vec<TokenView>,
    token_error: Option<String>,
    /// A token just created: shown once.
    new_token: Option<String>,
    sessions: i64,
}

impl SpacePage {
    fn has_errors(&self) -> bool {
        !self.profile_errors.is_empty()
            || self.link_error.is_some()
            || self.token_error.is_some()
            || self.profile.iter().any(|f| f.error.is_some())
    }
}

/// A form as typed (its pairs) and its errors.
type Typed = (Vec<(String, String)>, Vec<FieldError>);

/// What the page shows besides the stored state: a form's errors, a new token.
#[derive(Default)]
struct Extra {
    ok: Option<String>,
    profile: Option<Typed>,
    link: Option<(String, String)>,
    token_error: Option<String>,
    new_token: Option<String>,
}

async fn space(
    ctx: Ctx,
    state: &AppState,
    member: Member,
    status: StatusCode,
    extra: Extra,
) -> AppResult<Response> {
    let a = &member.account;
    let (typed, errors) = extra.profile.unwrap_or_else(|| {
        (
            vec![
                ("pseudonyme".into(), a.pseudonyme.clone()),
                (
                    "organisation".into(),
                    a.organisation.clone().unwrap_or_default(),
                ),
                ("signature".into(), a.signature.clone()),
            ],
            Vec::new(),
        )
    });
    let mut profile = vec![
        Field::new("pseudonyme", ctx.t("compte-pseudonyme"), "text")
            .value(form_value(&typed, "pseudonyme"))
            .autocomplete("nickname")
            .hint(ctx.t("compte-pseudonyme-aide")),
        Field::new("organisation", ctx.t("compte-organisation"), "text")
            .value(form_value(&typed, "organisation"))
            .autocomplete("organization")
            .optional(),
    ];
    let profile_errors = place_errors(&mut profile, errors);
    let mut links = Vec::new();
    for l in comptes::attached(&state.db, &a.id).await? {
        let Some((genre, path)) = KINDS.iter().find(|(k, _)| *k == l.genre) else {
            continue;
        };
        let vivant = link_alive(state, genre, &l.lien).await?;
        let certificats = if *genre == "suivi" && vivant {
            parcours::certificates_of(&state.db, &crate::links::key_of(&l.lien))
                .await?
                .into_iter()
                .filter(|c| c.revoque_le.is_none())
                .map(|c| {
                    let href = ctx.href(format!("{path}{}/certificats/{}", l.lien, c.code));
                    (c.code, href)
                })
                .collect()
        } else {
            Vec::new()
        };
        links.push(LinkView {
            genre,
            href: ctx.href(format!("{path}{}", l.lien)),
            lien: l.lien,
            ajoute: ctx.date(&iso_date(l.ajoute_le)),
            vivant,
            certificats,
        });
    }
    let tokens = comptes::api_tokens(&state.db, &a.id)
        .await?
        .into_iter()
        .map(|t| TokenView {
            cle: t.cle,
            libelle: t.libelle,
            cree: ctx.date(&iso_date(t.cree_le)),
            utilise: t.utilise_le.map(|u| ctx.date(&iso_date(u))),
        })
        .collect();
    let (link_typed, link_error) = match extra.link {
        Some((typed, error)) => (typed, Some(error)),
        None => (String::new(), None),
    };
    let sessions = comptes::session_count(&state.db, &a.id, state.now()).await?;
    let t = SpacePage {
        ok: extra.ok.map(|k| ctx.t(format!("espace-ok-{k}"))),
        signature: form_value(&typed, "signature"),
        profile,
        profile_errors,
        links,
        link_error,
        link_typed,
        tokens,
        token_error: extra.token_error,
        new_token: extra.new_token,
        sessions,
        csrf: member.csrf().to_owned(),
        role_label: ctx.t(format!("role-{}", member.account.role)),
        moderator: member.role >= alliances_domain::compte::Role::Moderateur,
        admin: member.role >= alliances_domain::compte::Role::Administrateur,
        member,
        ctx,
    };
    page(status, &t)
}

#[derive(serde::Deserialize)]
pub struct Done {
    ok: Option<String>,
}

/// `GET /mon-espace`.
pub async fn index(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let ok = done.ok.filter(|k| {
        matches!(
            k.as_str(),
            "profil" | "verification" | "lien" | "lien-retire" | "jeton-retire" | "mot-de-passe"
        )
    });
    let extra = Extra {
        ok,
        ..Extra::default()
    };
    space(ctx, &state, member, StatusCode::OK, extra).await
}

/// `POST /mon-espace/profil`: pseudonym, organisation, which one signs.
pub async fn profile(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    body: Bytes,
) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    let mut invalid = Invalid::default();
    let (pseudonyme, organisation, signature) = compte::profile(
        &form_value(&pairs, "pseudonyme"),
        &form_value(&pairs, "organisation"),
        &form_value(&pairs, "signature"),
        &mut invalid,
    );
    if !invalid.0.is_empty() {
        let extra = Extra {
            profile: Some((pairs, invalid.0)),
            ..Extra::default()
        };
        return space(ctx, &state, member, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    comptes::set_profile(
        &state.db,
        &member.account.id,
        &pseudonyme,
        organisation.as_deref(),
        signature.code(),
    )
    .await?;
    Ok(see_other(&ctx.href("/mon-espace?ok=profil#profil")))
}

/// `POST /mon-espace/verification`: a new confirmation link.
pub async fn resend(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    headers: HeaderMap,
) -> AppResult<Response> {
    if !member.verified() {
        let base = absolute(&state, &headers, "");
        send_link(
            &state,
            ctx.lang,
            &base,
            &member.account.id,
            &member.account.courriel,
            Usage::Verification,
        )
        .await?;
    }
    Ok(see_other(&ctx.href("/mon-espace?ok=verification")))
}

/// `POST /mon-espace/liens`: attaches a pasted personal link that still opens something.
pub async fn attach(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    body: Bytes,
) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    let typed = form_value(&pairs, "lien");
    let error = match read_link(&typed) {
        None => Some(ctx.t("espace-lien-illisible")),
        Some((kind, secret)) if link_alive(&state, kind, &secret).await? => {
            comptes::attach(&state.db, &member.account.id, kind, &secret, state.now()).await?;
            None
        }
        Some(_) => Some(ctx.t("espace-lien-inconnu")),
    };
    match error {
        None => Ok(see_other(&ctx.href("/mon-espace?ok=lien#liens"))),
        Some(e) => {
            let extra = Extra {
                link: Some((typed, e)),
                ..Extra::default()
            };
            space(ctx, &state, member, StatusCode::UNPROCESSABLE_ENTITY, extra).await
        }
    }
}

/// `POST /mon-espace/liens/retirer`: forgets a link (what it opens stays, for whoever holds
/// it).
pub async fn detach(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    body: Bytes,
) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    // Removing a link already gone changes nothing and says the same.
    comptes::detach(
        &state.db,
        &member.account.id,
        &form_value(&pairs, "genre"),
        &form_value(&pairs, "lien"),
    )
    .await?;
    Ok(see_other(&ctx.href("/mon-espace?ok=lien-retire#liens")))
}

/// `POST /mon-espace/jetons`: a new personal API token, shown once on the page.
pub async fn create_token(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    body: Bytes,
) -> AppResult<Response> {
    if !member.verified() {
        return Err(AppError::ForbiddenBecause(
            "Confirmez d'abord votre adresse électronique (lien reçu par courriel) : les jetons d'accès sont réservés aux comptes confirmés.".into(),
        ));
    }
    let pairs = form_pairs(&body);
    let libelle = form_value(&pairs, "libelle").trim().to_owned();
    let error = if libelle.is_empty() {
        Some(ctx.t("espace-jeton-libelle-vide"))
    } else if libelle.chars().count() > compte::NAME_MAX || libelle.chars().any(char::is_control) {
        Some(ctx.tn("espace-jeton-libelle-long", compte::NAME_MAX as i64))
    } else {
        None
    };
    if let Some(e) = error {
        let extra = Extra {
            token_error: Some(e),
            ..Extra::default()
        };
        return space(ctx, &state, member, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    let secret = crate::links::new_secret();
    comptes::create_api_token(
        &state.db,
        &crate::links::key_of(&secret),
        &member.account.id,
        &libelle,
        state.now(),
    )
    .await?;
    let extra = Extra {
        new_token: Some(secret),
        ..Extra::default()
    };
    space(ctx, &state, member, StatusCode::CREATED, extra).await
}

/// `POST /mon-espace/jetons/retirer`.
pub async fn revoke_token(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    body: Bytes,
) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    // Only the member's own tokens match; one already revoked changes nothing.
    comptes::revoke_api_token(&state.db, &member.account.id, &form_value(&pairs, "cle")).await?;
    Ok(see_other(&ctx.href("/mon-espace?ok=jeton-retire#jetons")))
}

/// `GET /mon-espace/donnees.json`: everything the platform holds about the member.
pub async fn export(State(state): State<AppState>, Signed(member): Signed) -> AppResult<Response> {
    let a = &member.account;
    let links = comptes::attached(&state.db, &a.id).await?;
    let tokens = comptes::api_tokens(&state.db, &a.id).await?;
    let actions = comptes::actions(&state.db, Some(&a.id), 10_000).await?;
    let proposals = alliances_store::propositions::of_author(&state.db, &a.id).await?;
    let date = crate::clock::rfc3339;
    let body = serde_json::json!({
        "exporte_le": date(state.now()),
        "compte": {
            "courriel": a.courriel,
            "role": a.role,
            "pseudonyme": a.pseudonyme,
            "organisation": a.organisation,
            "signature": a.signature,
            "cree_le": date(a.cree_le),
            "courriel_verifie_le": a.verifie_le.map(date),
            "derniere_connexion": date(a.connecte_le),
            "consentement": { "le": date(a.consentement_le), "version": a.consentement_version },
        },
        "sessions_ouvertes": comptes::session_count(&state.db, &a.id, state.now()).await?,
        "liens_personnels": links.iter().map(|l| serde_json::json!({
            "genre": l.genre,
            "lien": KINDS.iter().find(|(k, _)| *k == l.genre).map(|(_, p)| format!("{p}{}", l.lien)),
            "ajoute_le": date(l.ajoute_le),
        })).collect::<Vec<_>>(),
        "jetons_api": tokens.iter().map(|t| serde_json::json!({
            "libelle": t.libelle,
            "cree_le": date(t.cree_le),
            "utilise_le": t.utilise_le.map(date),
        })).collect::<Vec<_>>(),
        "propositions": proposals.iter().map(|p| serde_json::json!({
            "genre": p.genre,
            "sujet": p.sujet,
            "fiche": p.cible,
            "nom": p.nom,
            "statut": p.statut,
            "note": p.note,
            "message_moderateur": p.message,
            "revision_publiee": p.revision,
            "cree_le": date(p.cree_le),
            "modifie_le": date(p.modifie_le),
            "document": serde_json::from_str::<serde_json::Value>(&p.document).unwrap_or(serde_json::Value::Null),
        })).collect::<Vec<_>>(),
        "actions": actions.iter().map(|x| serde_json::json!({
            "date": date(x.date),
            "action": x.action,
            "cible": x.cible,
            "details": serde_json::from_str::<serde_json::Value>(&x.details).unwrap_or(serde_json::Value::Null),
        })).collect::<Vec<_>>(),
    });
    let mut response = (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        serde_json::to_string_pretty(&body).map_err(|e| AppError::Internal(e.to_string()))?,
    )
        .into_response();
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"mes-donnees-alliances.json\""),
    );
    Ok(response)
}

#[derive(Template)]
#[template(path = "compte/supprimer.html")]
struct DeletePage {
    ctx: Ctx,
    csrf: String,
    error: Option<String>,
    deleted: bool,
}

/// `GET /mon-espace/supprimer`: what deletion removes and keeps, and the password to confirm.
pub async fn confirm_delete(ctx: Ctx, Signed(member): Signed) -> AppResult<Response> {
    let t = DeletePage {
        csrf: member.csrf().to_owned(),
        error: None,
        deleted: false,
        ctx,
    };
    page(StatusCode::OK, &t)
}

/// `POST /mon-espace/supprimer`: with the password, the account and everything personal tied
/// to it are deleted at once.
pub async fn delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
    body: Bytes,
) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    let ok = accounts::verify_password(
        Some(member.account.mot_de_passe.clone()),
        form_value(&pairs, "mot_de_passe"),
    )
    .await?;
    if !ok {
        let t = DeletePage {
            csrf: member.csrf().to_owned(),
            error: Some(ctx.t("espace-supprimer-mot-de-passe")),
            deleted: false,
            ctx,
        };
        return page(StatusCode::UNPROCESSABLE_ENTITY, &t);
    }
    comptes::delete(&state.db, &member.account.id).await?;
    let t = DeletePage {
        csrf: String::new(),
        error: None,
        deleted: true,
        ctx,
    };
    let mut response = page(StatusCode::OK, &t)?;
    response
        .headers_mut()
        .insert(header::SET_COOKIE, accounts::cleared_cookie());
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::read_link;

    #[test]
    fn pasted_links_are_read() {
        let s = "0123456789abcdef0123456789abcdef01234567";
        assert_eq!(
            read_link(&format!("https://x.fr/methodes/diagnostics/{s}/etapes/2")),
            Some(("diagnostic", s.to_owned()))
        );
        assert_eq!(
            read_link(&format!(" /en/competences/suivis/{}?a", s.to_uppercase())),
            Some(("suivi", s.to_owned()))
        );
        assert_eq!(read_link("https://x.fr/methodes/diagnostics/abc"), None);
        assert_eq!(read_link(s), None);
    }
}
