//! The collective diagnostic: creation, the facilitator's page, opening the answers to
//! the group, deletion.

use super::*;

pub struct PartnerView {
    pub label: String,
    pub link: String,
    pub done: bool,
}

#[derive(Template)]
#[template(path = "methodes/collectif.html")]
pub(super) struct CollectivePage<'a> {
    ctx: &'a Ctx,
    nom: String,
    link: String,
    partners: Vec<PartnerView>,
    synthesis: Option<Synthesis>,
    open: bool,
    open_action: String,
    delete_href: String,
    done: usize,
}

/// `POST /methodes/collectifs`: the alliance's name and one partner per line.
pub async fn create_collective(
    ctx: Ctx,
    State(state): State<AppState>,
    body: Bytes,
) -> AppResult<Response> {
    let pairs = parse_form(&body);
    let nom = form_value(&pairs, "nom").trim().to_owned();
    let raw = form_value(&pairs, "partenaires");
    let partners = crate::personal::labels(&raw);
    let error = if nom.is_empty() || nom.chars().count() > 120 {
        Some(ctx.t("methodes-collectif-erreur-nom"))
    } else if !(MIN_PARTNERS..=MAX_PARTNERS).contains(&partners.len()) {
        Some(ctx.t("methodes-collectif-erreur-partenaires"))
    } else {
        None
    };
    if let Some(error) = error {
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &landing_page(&ctx, Some(error), &nom, &raw),
        );
    }
    let secret = new_secret();
    let keys: Vec<(String, String)> = partners
        .iter()
        .enumerate()
        .map(|(i, label)| (key_of(&partner_secret(&secret, i)), label.clone()))
        .collect();
    let version = i64::from(definitions(&state).current().version);
    store::create_collective(
        &state.db,
        &key_of(&secret),
        &nom,
        version,
        &keys,
        state.now(),
    )
    .await?;
    Ok(see_other(
        &ctx.href(format!("/methodes/collectifs/{secret}")),
    ))
}

pub(super) async fn collective_of(
    state: &AppState,
    secret: &str,
    lang: Lang,
) -> AppResult<store::Collective> {
    let unknown = || {
        AppError::NotFoundBecause(
            state
                .catalog
                .get(lang, "methodes-collectif-inconnu")
                .into_owned(),
        )
    };
    let key = crate::personal::key_of_link(secret).ok_or_else(unknown)?;
    store::get_collective(&state.db, &key)
        .await?
        .ok_or_else(unknown)
}

pub async fn collective(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let c = collective_of(&state, &secret, ctx.lang).await?;
    store::touch_collective(&state.db, &c.cle, state.now()).await?;
    let def = definitions(&state)
        .get(c.version)
        .cloned()
        .ok_or_else(|| version_gone(&state, ctx.lang, c.version))?;
    let members = store::members(&state.db, &c.cle).await?;
    let partners = members
        .iter()
        .map(|m| {
            let rang = usize::try_from(m.rang.unwrap_or(0)).unwrap_or(0);
            PartnerView {
                label: m.partenaire.clone().unwrap_or_default(),
                link: absolute(
                    &state,
                    &headers,
                    &ctx.href(format!(
                        "/methodes/diagnostics/{}",
                        partner_secret(&secret, rang)
                    )),
                ),
                done: m.rapport.is_some(),
            }
        })
        .collect::<Vec<_>>();
    let base = format!("/methodes/collectifs/{secret}");
    page(
        StatusCode::OK,
        &CollectivePage {
            ctx: &ctx,
            nom: c.nom.clone(),
            link: absolute(&state, &headers, &ctx.href(&base)),
            done: partners.iter().filter(|p| p.done).count(),
            partners,
            synthesis: synthesis(&ctx, ready, &def, &members, c.reponses_ouvertes)?,
            open: c.reponses_ouvertes,
            open_action: ctx.href(format!("{base}/ouverture")),
            delete_href: ctx.href(format!("{base}/supprimer")),
        },
    )
}

/// `POST …/ouverture` with `ouvrir=1` or `0`.
pub async fn set_open(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let c = collective_of(&state, &secret, ctx.lang).await?;
    let pairs = parse_form(&body);
    let open = match pairs
        .iter()
        .find(|(k, _)| k == "ouvrir")
        .map(|(_, v)| v.as_str())
    {
        Some("1") => true,
        Some("0") => false,
        _ => {
            let mut invalid = alliances_domain::error::Invalid::default();
            invalid.push("ouvrir", "valeur attendue : 1 (ouvrir) ou 0 (refermer)");
            return Err(AppError::Invalid(invalid));
        }
    };
    store::set_open(&state.db, &c.cle, open, state.now()).await?;
    Ok(see_other(
        &ctx.href(format!("/methodes/collectifs/{secret}")),
    ))
}

pub async fn confirm_delete_collective(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    collective_of(&state, &secret, ctx.lang).await?;
    confirm_page(
        &ctx,
        ctx.href(format!("/methodes/collectifs/{secret}")),
        true,
    )
}

pub async fn delete_collective(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let c = collective_of(&state, &secret, ctx.lang).await?;
    store::delete_collective(&state.db, &c.cle).await?;
    page(StatusCode::OK, &DeletedPage { ctx: &ctx })
}
