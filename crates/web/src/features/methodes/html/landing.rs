//! The landing page: what the kit asks, the start, « reprendre » and the territory
//! suggestions of the territory field.

use super::*;

pub struct StepSummary {
    pub titre: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "methodes/index.html")]
pub(super) struct Landing<'a> {
    ctx: &'a Ctx,
    titre: String,
    introduction: String,
    steps: Vec<StepSummary>,
    dimensions: Vec<(String, String)>,
    questions: usize,
    error: Option<String>,
    form_nom: String,
    form_partenaires: String,
}

pub(super) fn landing_page<'a>(
    ctx: &'a Ctx,
    error: Option<String>,
    nom: &str,
    partenaires: &str,
) -> Landing<'a> {
    let def = definitions(&ctx.state).current();
    let l = ctx.lang.code();
    Landing {
        ctx,
        titre: def.titre.get(l).to_owned(),
        introduction: def.introduction.get(l).to_owned(),
        steps: def
            .etapes
            .iter()
            .map(|s| StepSummary {
                titre: s.titre.get(l).to_owned(),
                count: s.questions.iter().filter(|q| q.condition.is_none()).count(),
            })
            .collect(),
        dimensions: def
            .dimensions
            .iter()
            .map(|d| (d.titre.get(l).to_owned(), d.description.get(l).to_owned()))
            .collect(),
        questions: most_questions(def),
        error,
        form_nom: nom.to_owned(),
        form_partenaires: partenaires.to_owned(),
    }
}

/// The most questions one respondent can be asked: the questions each actor type sees
/// (a condition on another question counted as met), for the actor type that sees most.
pub(super) fn most_questions(def: &Questionnaire) -> usize {
    let Some(actor) = def.question(&def.profil.type_acteur) else {
        return def.questions().count();
    };
    actor
        .options
        .iter()
        .map(|o| {
            let mut a = Answers::new();
            a.insert(actor.id.clone(), Answer::One(o.valeur.clone()));
            def.questions()
                .filter(|q| {
                    q.condition
                        .as_ref()
                        .is_none_or(|c| c.question != actor.id || diagnostic::applies(q, &a))
                })
                .count()
        })
        .max()
        .unwrap_or(0)
}

pub async fn index(ctx: Ctx) -> AppResult<Response> {
    let html = crate::render(&landing_page(&ctx, None, "", ""))?;
    Ok(html.into_response())
}

/// `POST /methodes/diagnostics`: a new draft, then its first step.
pub async fn start(ctx: Ctx, State(state): State<AppState>) -> AppResult<Response> {
    let secret = new_secret();
    let version = i64::from(definitions(&state).current().version);
    store::create(&state.db, &key_of(&secret), version, state.now()).await?;
    Ok(see_other(
        &ctx.href(format!("/methodes/diagnostics/{secret}/etapes/1")),
    ))
}

/// `GET /methodes/reprendre?lien=…`: the personal link or its code, pasted.
pub async fn resume(ctx: Ctx, Query(q): Query<crate::personal::Pasted>) -> AppResult<Response> {
    match q.path("/methodes", "collectifs", "diagnostics") {
        Some(path) => Ok(see_other(&ctx.href(path))),
        None => {
            let template = landing_page(&ctx, Some(ctx.t("methodes-reprendre-invalide")), "", "");
            page(StatusCode::UNPROCESSABLE_ENTITY, &template)
        }
    }
}

/// `GET /methodes/territoires?<field>=text`: up to 8 territories whose name starts with the
/// text, as `<option>`s for the territory field's `<datalist>` (htmx fills it as one
/// types; without JavaScript the field works alone). Each value is the label a step
/// reads back as that very territory.
pub async fn suggestions(
    ctx: Ctx,
    State(state): State<AppState>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let text = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .map(|(_, v)| v.into_owned())
        .next()
        .unwrap_or_default();
    let places = ReadyPlaces(ready);
    let mut html = String::new();
    if text.trim().chars().count() >= 2 {
        for p in places.by_name(text.trim(), 8) {
            html.push_str("<option value=\"");
            html.push_str(&xml_escape(&places.describe(ctx.lang, &state.catalog, &p)));
            html.push_str("\"></option>");
        }
    }
    Ok(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response())
}
