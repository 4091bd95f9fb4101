//! Account pages: sign-up, address verification, login, logout, forgotten password and reset.
//! Answers never tell whether an address has an account (sign-up and reset say « see your
//! mail » either way); failed logins and reset requests are throttled per address and client.

use alliances_domain::compte::{self, CONSENT_VERSION, Role};
use alliances_domain::error::{FieldError, Invalid};
use alliances_store::comptes::{self, Account, Usage};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{Field, HONEYPOT, place_errors, safe_return, send, send_link, signup_form};
use crate::accounts::{self, Signed, Viewer};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::personal::{absolute, form_pairs, form_value, page, see_other};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "compte/formulaire.html")]
struct FormPage {
    ctx: Ctx,
    titre: String,
    intro: Option<String>,
    action: String,
    fields: Vec<Field>,
    /// Errors not tied to a shown field, and a general one.
    general: Option<String>,
    rest: Vec<FieldError>,
    bouton: String,
    /// Sign-up only: the signature choice, the consent box, the honeypot.
    signup: Option<SignupExtras>,
    retour: Option<String>,
    /// Links under the form (label, href).
    liens: Vec<(String, String)>,
}

impl FormPage {
    fn has_errors(&self) -> bool {
        self.general.is_some()
            || !self.rest.is_empty()
            || self.fields.iter().any(|f| f.error.is_some())
            || self
                .signup
                .as_ref()
                .is_some_and(|s| s.consent_error.is_some() || s.signature_error.is_some())
    }
}

struct SignupExtras {
    signature: String,
    consent: bool,
    consent_error: Option<String>,
    signature_error: Option<String>,
}

#[derive(Template)]
#[template(path = "compte/message.html")]
struct MessagePage {
    ctx: Ctx,
    titre: String,
    texte: String,
    /// A form with one button (verification), or a link.
    bouton: Option<(String, String)>,
    lien: Option<(String, String)>,
}

fn message(ctx: Ctx, status: StatusCode, titre: &str, texte: &str) -> AppResult<Response> {
    let t = MessagePage {
        titre: ctx.t(titre),
        texte: ctx.t(texte),
        bouton: None,
        lien: Some((
            ctx.t("compte-aller-connexion"),
            ctx.href("/compte/connexion"),
        )),
        ctx,
    };
    page(status, &t)
}

// ----- sign-up -----

fn signup_page(
    ctx: Ctx,
    status: StatusCode,
    typed: &compte::SignupForm,
    errors: Vec<FieldError>,
) -> AppResult<Response> {
    let mut fields = vec![
        Field::new("courriel", ctx.t("compte-courriel"), "email")
            .value(typed.courriel.clone())
            .autocomplete("email")
            .hint(ctx.t("compte-courriel-aide")),
        Field::new("mot_de_passe", ctx.t("compte-mot-de-passe"), "password")
            .autocomplete("new-password")
            .hint(ctx.tn("compte-mot-de-passe-aide", compte::PASSWORD_MIN as i64)),
        Field::new("confirmation", ctx.t("compte-confirmation"), "password")
            .autocomplete("new-password"),
        Field::new("pseudonyme", ctx.t("compte-pseudonyme"), "text")
            .value(typed.pseudonyme.clone())
            .autocomplete("nickname")
            .hint(ctx.t("compte-pseudonyme-aide")),
        Field::new("organisation", ctx.t("compte-organisation"), "text")
            .value(typed.organisation.clone())
            .autocomplete("organization")
            .hint(ctx.t("compte-organisation-aide"))
            .optional(),
    ];
    let mut rest = place_errors(&mut fields, errors);
    let take = |rest: &mut Vec<FieldError>, champ: &str| {
        let at = rest.iter().position(|e| e.champ == champ)?;
        Some(rest.remove(at).message)
    };
    let signup = SignupExtras {
        signature: if typed.signature.is_empty() {
            "pseudonyme".into()
        } else {
            typed.signature.clone()
        },
        consent: typed.consentement,
        consent_error: take(&mut rest, "consentement"),
        signature_error: take(&mut rest, "signature"),
    };
    let t = FormPage {
        titre: ctx.t("compte-inscription-titre"),
        intro: Some(ctx.t("compte-inscription-intro")),
        action: ctx.href("/compte/inscription"),
        fields,
        general: None,
        rest,
        bouton: ctx.t("compte-inscription-bouton"),
        signup: Some(signup),
        retour: None,
        liens: vec![(ctx.t("compte-deja-inscrit"), ctx.href("/compte/connexion"))],
        ctx,
    };
    page(status, &t)
}

/// `GET /compte/inscription`.
pub async fn signup_form_page(ctx: Ctx, Viewer(viewer): Viewer) -> AppResult<Response> {
    if viewer.is_some() {
        return Ok(see_other(&ctx.href("/mon-espace")));
    }
    signup_page(
        ctx,
        StatusCode::OK,
        &compte::SignupForm::default(),
        Vec::new(),
    )
}

/// `POST /compte/inscription`: the account (member, address to confirm) and the mail that
/// confirms it; an address already known gets a mail saying so instead.
pub async fn signup(
    ctx: Ctx,
    State(state): State<AppState>,
    request: Request,
) -> AppResult<Response> {
    let (headers, client, pairs) = crate::personal::client_form(&state, request).await?;
    let typed = signup_form(&pairs);
    if !form_value(&pairs, HONEYPOT).is_empty() {
        // A robot: the same answer as a person gets, nothing stored or sent.
        return message(
            ctx,
            StatusCode::OK,
            "compte-inscrit-titre",
            "compte-inscrit-texte",
        );
    }
    let valid = match typed.validate() {
        Ok(v) => v,
        Err(Invalid(errors)) => {
            return signup_page(ctx, StatusCode::UNPROCESSABLE_ENTITY, &typed, errors);
        }
    };
    let keys = crate::throttle::keys("inscription", &valid.courriel, client);
    crate::throttle::take(&state, &keys).await?;
    let now = state.now();
    let account = Account {
        id: accounts::new_id(),
        courriel: valid.courriel.clone(),
        mot_de_passe: accounts::hash_password(valid.mot_de_passe.clone()).await?,
        role: Role::Membre.code().to_owned(),
        pseudonyme: valid.pseudonyme.clone(),
        organisation: valid.organisation.clone(),
        signature: valid.signature.code().to_owned(),
        consentement_le: now,
        consentement_version: CONSENT_VERSION.to_owned(),
        verifie_le: None,
        cree_le: now,
        connecte_le: now,
    };
    let base = absolute(&state, &headers, "");
    if comptes::create(&state.db, &account).await? {
        send_link(
            &state,
            ctx.lang,
            &base,
            &account.id,
            &account.courriel,
            Usage::Verification,
        )
        .await?;
    } else {
        let login = format!("{base}{}", ctx.href("/compte/mot-de-passe-oublie"));
        send(
            &state,
            ctx.lang,
            "courriel-deja-inscrit",
            &valid.courriel,
            &login,
        )
        .await?;
    }
    message(
        ctx,
        StatusCode::OK,
        "compte-inscrit-titre",
        "compte-inscrit-texte",
    )
}

// ----- verification -----

/// `GET /compte/verification/{jeton}`: a button, so that a mail scanner opening the link does
/// not confirm the address for its owner.
pub async fn verify_page(ctx: Ctx, Path(jeton): Path<String>) -> AppResult<Response> {
    let t = MessagePage {
        titre: ctx.t("compte-verification-titre"),
        texte: ctx.t("compte-verification-texte"),
        bouton: Some((
            ctx.href(format!("/compte/verification/{jeton}")),
            ctx.t("compte-verification-bouton"),
        )),
        lien: None,
        ctx,
    };
    page(StatusCode::OK, &t)
}

/// `POST /compte/verification/{jeton}`.
pub async fn verify(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(jeton): Path<String>,
) -> AppResult<Response> {
    let compte = if crate::links::is_secret(&jeton) {
        comptes::take_token(
            &state.db,
            &crate::links::key_of(&jeton),
            Usage::Verification,
            state.now(),
        )
        .await?
    } else {
        None
    };
    let Some(compte) = compte else {
        return Err(AppError::NotFoundBecause(
            "Ce lien de confirmation n'est plus valable (il sert une fois, 24 heures) : connectez-vous et demandez-en un nouveau depuis « mon espace ».".into(),
        ));
    };
    comptes::set_verified(&state.db, &compte, state.now()).await?;
    let t = MessagePage {
        titre: ctx.t("compte-verifie-titre"),
        texte: ctx.t("compte-verifie-texte"),
        bouton: None,
        lien: Some((ctx.t("compte-aller-espace"), ctx.href("/mon-espace"))),
        ctx,
    };
    page(StatusCode::OK, &t)
}

// ----- login -----

#[derive(serde::Deserialize)]
pub struct Back {
    retour: Option<String>,
}

fn login_page(
    ctx: Ctx,
    status: StatusCode,
    courriel: &str,
    retour: &str,
    general: Option<String>,
) -> AppResult<Response> {
    let t = FormPage {
        titre: ctx.t("compte-connexion-titre"),
        intro: None,
        action: ctx.href("/compte/connexion"),
        fields: vec![
            Field::new("courriel", ctx.t("compte-courriel"), "email")
                .value(courriel)
                .autocomplete("email"),
            Field::new("mot_de_passe", ctx.t("compte-mot-de-passe"), "password")
                .autocomplete("current-password"),
        ],
        general,
        rest: Vec::new(),
        bouton: ctx.t("compte-connexion-bouton"),
        signup: None,
        retour: Some(retour.to_owned()),
        liens: vec![
            (
                ctx.t("compte-oubli-lien"),
                ctx.href("/compte/mot-de-passe-oublie"),
            ),
            (ctx.t("compte-creer-lien"), ctx.href("/compte/inscription")),
        ],
        ctx,
    };
    page(status, &t)
}

/// `GET /compte/connexion`.
pub async fn login_form(
    ctx: Ctx,
    Viewer(viewer): Viewer,
    Query(back): Query<Back>,
) -> AppResult<Response> {
    let retour = safe_return(back.retour.as_deref().unwrap_or_default());
    if viewer.is_some() {
        return Ok(see_other(&ctx.href(&retour)));
    }
    login_page(ctx, StatusCode::OK, "", &retour, None)
}

/// `POST /compte/connexion`: a new session (never the one the browser came with), or the form
/// again with one message for a wrong address or password alike.
pub async fn login(
    ctx: Ctx,
    State(state): State<AppState>,
    request: Request,
) -> AppResult<Response> {
    let (headers, client, pairs) = crate::personal::client_form(&state, request).await?;
    let courriel = form_value(&pairs, "courriel").trim().to_lowercase();
    let retour = safe_return(&form_value(&pairs, "retour"));
    let keys = crate::throttle::keys("connexion", &courriel, client);
    // Counted before the password is checked: a burst in parallel cannot pass the limit.
    crate::throttle::take(&state, &keys).await?;
    let account = comptes::by_email(&state.db, &courriel).await?;
    let ok = accounts::verify_password(
        account.as_ref().map(|a| a.mot_de_passe.clone()),
        form_value(&pairs, "mot_de_passe"),
    )
    .await?;
    let Some(account) = account.filter(|_| ok) else {
        let general = Some(ctx.t("compte-connexion-echec"));
        return login_page(ctx, StatusCode::UNAUTHORIZED, &courriel, &retour, general);
    };
    // A success: the address starts afresh, the client's attempt is taken back.
    comptes::clear_failures(&state.db, &keys[0].0).await?;
    crate::throttle::release(&state, &keys[1..]).await?;
    let secret = accounts::open_session(&state, &headers, &account.id).await?;
    let mut response = see_other(&ctx.href(&retour));
    response
        .headers_mut()
        .insert(header::SET_COOKIE, accounts::session_cookie(&secret));
    Ok(response)
}

/// `POST /compte/deconnexion`.
pub async fn logout(
    ctx: Ctx,
    State(state): State<AppState>,
    Signed(member): Signed,
) -> AppResult<Response> {
    if let Some((key, _)) = &member.session {
        comptes::close_session(&state.db, key).await?;
    }
    let mut response = see_other(&ctx.href("/"));
    response
        .headers_mut()
        .insert(header::SET_COOKIE, accounts::cleared_cookie());
    Ok(response)
}

// ----- forgotten password -----

fn forgot_page(
    ctx: Ctx,
    status: StatusCode,
    courriel: &str,
    error: Option<String>,
) -> AppResult<Response> {
    let mut field = Field::new("courriel", ctx.t("compte-courriel"), "email")
        .value(courriel)
        .autocomplete("email");
    field.error = error;
    let t = FormPage {
        titre: ctx.t("compte-oubli-titre"),
        intro: Some(ctx.t("compte-oubli-intro")),
        action: ctx.href("/compte/mot-de-passe-oublie"),
        fields: vec![field],
        general: None,
        rest: Vec::new(),
        bouton: ctx.t("compte-oubli-bouton"),
        signup: None,
        retour: None,
        liens: vec![(
            ctx.t("compte-aller-connexion"),
            ctx.href("/compte/connexion"),
        )],
        ctx,
    };
    page(status, &t)
}

/// `GET /compte/mot-de-passe-oublie`.
pub async fn forgot_form(ctx: Ctx) -> AppResult<Response> {
    forgot_page(ctx, StatusCode::OK, "", None)
}

/// `POST /compte/mot-de-passe-oublie`: a reset link to the address if it has an account; the
/// same answer either way. Every request counts against the throttle (no mail flood).
pub async fn forgot(
    ctx: Ctx,
    State(state): State<AppState>,
    request: Request,
) -> AppResult<Response> {
    let (headers, client, pairs) = crate::personal::client_form(&state, request).await?;
    let raw = form_value(&pairs, "courriel");
    let courriel = match compte::email(&raw) {
        Ok(c) => c,
        Err(m) => return forgot_page(ctx, StatusCode::UNPROCESSABLE_ENTITY, &raw, Some(m)),
    };
    let keys = crate::throttle::keys("reinitialisation", &courriel, client);
    crate::throttle::take(&state, &keys).await?;
    if let Some(account) = comptes::by_email(&state.db, &courriel).await? {
        // Sent beside the answer: neither its time nor a mail server's failure tells the
        // visitor whether the address has an account.
        let base = absolute(&state, &headers, "");
        let (state, lang) = (state.clone(), ctx.lang);
        tokio::spawn(async move {
            let sent = send_link(
                &state,
                lang,
                &base,
                &account.id,
                &account.courriel,
                Usage::Reinitialisation,
            )
            .await;
            if let Err(e) = sent {
                tracing::warn!(error = ?e, "lien de réinitialisation non envoyé");
            }
        });
    }
    message(
        ctx,
        StatusCode::OK,
        "compte-oubli-envoye-titre",
        "compte-oubli-envoye-texte",
    )
}

fn expired_reset() -> AppError {
    AppError::NotFoundBecause(
        "Ce lien de réinitialisation n'est plus valable (il sert une fois, pendant une heure) : demandez-en un nouveau depuis « Mot de passe oublié ».".into(),
    )
}

fn reset_page(
    ctx: Ctx,
    status: StatusCode,
    jeton: &str,
    errors: Vec<FieldError>,
) -> AppResult<Response> {
    let mut fields = vec![
        Field::new(
            "mot_de_passe",
            ctx.t("compte-nouveau-mot-de-passe"),
            "password",
        )
        .autocomplete("new-password")
        .hint(ctx.tn("compte-mot-de-passe-aide", compte::PASSWORD_MIN as i64)),
        Field::new("confirmation", ctx.t("compte-confirmation"), "password")
            .autocomplete("new-password"),
    ];
    let rest = place_errors(&mut fields, errors);
    let t = FormPage {
        titre: ctx.t("compte-reinitialisation-titre"),
        intro: None,
        action: ctx.href(format!("/compte/reinitialisation/{jeton}")),
        fields,
        general: None,
        rest,
        bouton: ctx.t("compte-reinitialisation-bouton"),
        signup: None,
        retour: None,
        liens: Vec::new(),
        ctx,
    };
    page(status, &t)
}

fn reset_key(jeton: &str) -> AppResult<String> {
    if crate::links::is_secret(jeton) {
        Ok(crate::links::key_of(jeton))
    } else {
        Err(expired_reset())
    }
}

/// `GET /compte/reinitialisation/{jeton}`.
pub async fn reset_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(jeton): Path<String>,
) -> AppResult<Response> {
    let key = reset_key(&jeton)?;
    if !comptes::token_valid(&state.db, &key, Usage::Reinitialisation, state.now()).await? {
        return Err(expired_reset());
    }
    reset_page(ctx, StatusCode::OK, &jeton, Vec::new())
}

/// `POST /compte/reinitialisation/{jeton}`: the new password; every session of the account
/// ends and a new one opens here.
pub async fn reset(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(jeton): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    let key = reset_key(&jeton)?;
    let pairs = form_pairs(&body);
    let password = form_value(&pairs, "mot_de_passe");
    let mut invalid = Invalid::default();
    compte::password(
        &password,
        &form_value(&pairs, "confirmation"),
        &mut invalid,
        "mot_de_passe",
    );
    if !invalid.0.is_empty() {
        return reset_page(ctx, StatusCode::UNPROCESSABLE_ENTITY, &jeton, invalid.0);
    }
    let Some(compte_id) =
        comptes::take_token(&state.db, &key, Usage::Reinitialisation, state.now()).await?
    else {
        return Err(expired_reset());
    };
    let hash = accounts::hash_password(password).await?;
    comptes::set_password(&state.db, &compte_id, &hash).await?;
    // The mail reached its owner: the address is confirmed too.
    comptes::set_verified(&state.db, &compte_id, state.now()).await?;
    if let Some(account) = comptes::by_id(&state.db, &compte_id).await? {
        let keys = crate::throttle::keys(
            "connexion",
            &account.courriel,
            std::net::IpAddr::from([0, 0, 0, 0]),
        );
        comptes::clear_failures(&state.db, &keys[0].0).await?;
    }
    let secret = accounts::open_session(&state, &headers, &compte_id).await?;
    let mut response = see_other(&ctx.href("/mon-espace?ok=mot-de-passe"));
    response
        .headers_mut()
        .insert(header::SET_COOKIE, accounts::session_cookie(&secret));
    Ok(response.into_response())
}
