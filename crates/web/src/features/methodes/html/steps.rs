//! The questionnaire, one step per page: reading a step's form, checking it with the
//! engine, saving the draft, and the report at the last step.

use super::*;

pub struct OptionView {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct QuestionView {
    pub id: String,
    pub kind: &'static str,
    pub label: String,
    pub help: Option<String>,
    pub required: bool,
    pub max_choix: Option<usize>,
    pub options: Vec<OptionView>,
    /// Territory and free text: the value typed.
    pub text: String,
    pub error: Option<String>,
    /// Territory: the places matching an ambiguous name.
    pub candidates: Vec<OptionView>,
    /// Territory: the saved answer (`communes/32013`), sent back with its name so that an
    /// unchanged name keeps the same territory.
    pub code: Option<String>,
}

pub struct StepNav {
    pub number: usize,
    pub titre: String,
    pub href: Option<String>,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "methodes/etape.html")]
pub(super) struct StepPage<'a> {
    ctx: &'a Ctx,
    number: usize,
    total: usize,
    titre: String,
    introduction: Option<String>,
    nav: Vec<StepNav>,
    questions: Vec<QuestionView>,
    errors: Vec<(String, String, String)>,
    general: Option<String>,
    action: String,
    link: String,
    collective: Option<String>,
    last: bool,
}

pub(super) struct Draft {
    pub(super) secret: String,
    pub(super) key: String,
    pub(super) row: store::Diagnostic,
    pub(super) def: std::sync::Arc<Questionnaire>,
    pub(super) answers: Answers,
}

/// A diagnostic made with a version of the questionnaire this instance no longer loads.
pub(super) fn version_gone(state: &AppState, lang: Lang, version: i64) -> AppError {
    tracing::warn!(version, "diagnostic d'une version de questionnaire absente");
    AppError::NotFoundBecause(
        state
            .catalog
            .get_with(
                lang,
                "methodes-version-absente",
                &[("version", alliances_i18n::num(version))],
            )
            .into_owned(),
    )
}

/// The draft behind a link, or a 404 that says the link is unknown (forged, mistyped or
/// deleted).
pub(super) async fn draft(state: &AppState, secret: &str, lang: Lang) -> AppResult<Draft> {
    let unknown = || {
        AppError::NotFoundBecause(
            state
                .catalog
                .get(lang, "methodes-lien-inconnu")
                .into_owned(),
        )
    };
    if !is_secret(secret) {
        return Err(unknown());
    }
    let key = key_of(secret);
    let row = store::get(&state.db, &key).await?.ok_or_else(unknown)?;
    if let Some(c) = &row.collectif {
        // A partner's use keeps the whole collective alive.
        store::touch_collective(&state.db, c, state.now()).await?;
    }
    let def = definitions(state)
        .get(row.version)
        .cloned()
        .ok_or_else(|| version_gone(state, lang, row.version))?;
    let answers: Answers = serde_json::from_str(&row.reponses)
        .map_err(|e| AppError::Internal(format!("réponses illisibles : {e}")))?;
    Ok(Draft {
        secret: secret.to_owned(),
        key,
        row,
        def,
        answers,
    })
}

pub(super) fn question_view(
    ctx: &Ctx,
    ready: &Ready,
    q: &Question,
    value: Option<&Answer>,
    typed: Option<&str>,
    error: Option<String>,
    candidates: &[(String, String)],
) -> QuestionView {
    let l = ctx.lang.code();
    let chosen: Vec<String> = value.map(|a| a.values().to_vec()).unwrap_or_default();
    let saved = (q.kind == Kind::Territoire)
        .then(|| value.and_then(|a| a.values().first().cloned()))
        .flatten()
        .and_then(|v| diagnostic::Places::resolve(&ReadyPlaces(ready), &v));
    let text = match (q.kind, typed) {
        (_, Some(t)) => t.to_owned(),
        (Kind::Territoire, None) => saved.as_ref().map(|p| p.nom.clone()).unwrap_or_default(),
        (Kind::Texte, None) => chosen.first().cloned().unwrap_or_default(),
        _ => String::new(),
    };
    QuestionView {
        id: q.id.clone(),
        kind: q.kind.code(),
        label: q.libelle.get(l).to_owned(),
        help: q.aide.as_ref().map(|t| t.get(l).to_owned()),
        required: q.obligatoire,
        max_choix: q.max_choix,
        options: q
            .options
            .iter()
            .map(|o| OptionView {
                id: format!("q-{}-{}", q.id, o.valeur),
                value: o.valeur.clone(),
                label: o.libelle.get(l).to_owned(),
                checked: chosen.contains(&o.valeur),
            })
            .collect(),
        text,
        error,
        candidates: candidates
            .iter()
            .enumerate()
            .map(|(i, (value, label))| OptionView {
                id: format!("q-{}-choix-{i}", q.id),
                value: value.clone(),
                label: label.clone(),
                checked: false,
            })
            .collect(),
        code: saved.map(|p| canonical(p.niveau, &p.code)),
    }
}

/// Everything a step page shows besides its questions.
#[allow(clippy::too_many_arguments)]
pub(super) fn step_page<'a>(
    ctx: &'a Ctx,
    state: &AppState,
    headers: &HeaderMap,
    d: &Draft,
    index: usize,
    questions: Vec<QuestionView>,
    general: Option<String>,
    collective: Option<String>,
) -> StepPage<'a> {
    let l = ctx.lang.code();
    let step = &d.def.etapes[index];
    let reached = usize::try_from(d.row.etape).unwrap_or(0);
    let errors = questions
        .iter()
        .filter_map(|q| {
            q.error
                .as_ref()
                .map(|e| (format!("q-{}", q.id), q.label.clone(), e.clone()))
        })
        .collect();
    StepPage {
        ctx,
        number: index + 1,
        total: d.def.etapes.len(),
        titre: step.titre.get(l).to_owned(),
        introduction: step.introduction.as_ref().map(|t| t.get(l).to_owned()),
        nav: d
            .def
            .etapes
            .iter()
            .enumerate()
            .map(|(i, s)| StepNav {
                number: i + 1,
                titre: s.titre.get(l).to_owned(),
                href: (i <= reached && i != index).then(|| {
                    ctx.href(format!(
                        "/methodes/diagnostics/{}/etapes/{}",
                        d.secret,
                        i + 1
                    ))
                }),
                current: i == index,
            })
            .collect(),
        questions,
        errors,
        general,
        action: ctx.href(format!(
            "/methodes/diagnostics/{}/etapes/{}",
            d.secret,
            index + 1
        )),
        link: absolute(
            state,
            headers,
            &ctx.href(format!("/methodes/diagnostics/{}", d.secret)),
        ),
        collective,
        last: index + 1 == d.def.etapes.len(),
    }
}

pub(super) async fn collective_name(
    state: &AppState,
    row: &store::Diagnostic,
) -> AppResult<Option<String>> {
    Ok(match &row.collectif {
        Some(c) => store::get_collective(&state.db, c).await?.map(|c| c.nom),
        None => None,
    })
}

pub(super) fn step_index(def: &Questionnaire, n: usize) -> AppResult<usize> {
    if n >= 1 && n <= def.etapes.len() {
        Ok(n - 1)
    } else {
        Err(AppError::NotFound)
    }
}

/// Whether step `index` asks this respondent anything.
fn has_questions(def: &Questionnaire, index: usize, answers: &Answers) -> bool {
    def.etapes[index]
        .questions
        .iter()
        .any(|q| diagnostic::applies(q, answers))
}

/// The first step after `index` that asks this respondent something (steps of questions
/// for other actor types only are skipped).
fn next_step(def: &Questionnaire, index: usize, answers: &Answers) -> Option<usize> {
    (index + 1..def.etapes.len()).find(|&i| has_questions(def, i, answers))
}

pub async fn step(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((secret, n)): Path<(String, usize)>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let d = draft(&state, &secret, ctx.lang).await?;
    let index = step_index(&d.def, n)?;
    store::touch(&state.db, &d.key, state.now()).await?;
    if !has_questions(&d.def, index, &d.answers) {
        // Nothing to answer here (a link kept from another profile): the next step that
        // asks something, else the last one.
        let to = next_step(&d.def, index, &d.answers).unwrap_or(d.def.etapes.len() - 1);
        if to != index {
            return Ok(see_other(&ctx.href(format!(
                "/methodes/diagnostics/{secret}/etapes/{}",
                to + 1
            ))));
        }
    }
    let questions = d.def.etapes[index]
        .questions
        .iter()
        .filter(|q| diagnostic::applies(q, &d.answers))
        .map(|q| question_view(&ctx, ready, q, d.answers.get(&q.id), None, None, &[]))
        .collect();
    let collective = collective_name(&state, &d.row).await?;
    page(
        StatusCode::OK,
        &step_page(
            &ctx, &state, &headers, &d, index, questions, None, collective,
        ),
    )
}

/// What a step's form sent, read question by question.
pub(super) struct Posted {
    answers: Answers,
    /// Values as typed (territory names), to show them back.
    typed: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
    candidates: BTreeMap<String, Vec<(String, String)>>,
    unknown: Vec<String>,
}

pub(super) fn read_step(
    ctx: &Ctx,
    ready: &Ready,
    def: &Questionnaire,
    index: usize,
    pairs: &[(String, String)],
) -> Posted {
    let mut posted = Posted {
        answers: Answers::new(),
        typed: BTreeMap::new(),
        errors: BTreeMap::new(),
        candidates: BTreeMap::new(),
        unknown: Vec::new(),
    };
    let step = &def.etapes[index];
    for (k, _) in pairs {
        let known = k == "action"
            || step.questions.iter().any(|q| {
                q.id == *k
                    || q.kind == Kind::Territoire
                        && (*k == format!("{}__choix", q.id) || *k == format!("{}__code", q.id))
            });
        if !known && !posted.unknown.contains(k) {
            posted.unknown.push(k.clone());
        }
    }
    let places = ReadyPlaces(ready);
    for q in &step.questions {
        let values: Vec<&str> = pairs
            .iter()
            .filter(|(k, _)| *k == q.id)
            .map(|(_, v)| v.as_str())
            .collect();
        match q.kind {
            Kind::ChoixMultiple => {
                if !values.is_empty() {
                    posted.answers.insert(
                        q.id.clone(),
                        Answer::Many(values.iter().map(|v| (*v).to_owned()).collect()),
                    );
                }
            }
            Kind::ChoixUnique | Kind::Echelle | Kind::Texte => match values.as_slice() {
                [] => {}
                [v] => {
                    if !(q.kind == Kind::Texte && v.trim().is_empty()) {
                        // Browsers send line breaks as CRLF; count them once, as typed.
                        let value = if q.kind == Kind::Texte {
                            v.replace("\r\n", "\n")
                        } else {
                            (*v).to_owned()
                        };
                        posted.answers.insert(q.id.clone(), Answer::One(value));
                    }
                }
                _ => {
                    posted
                        .errors
                        .insert(q.id.clone(), ctx.t("methodes-erreur-une-valeur"));
                }
            },
            Kind::Territoire => {
                let chosen = pairs
                    .iter()
                    .find(|(k, _)| *k == format!("{}__choix", q.id))
                    .map(|(_, v)| v.trim().to_owned());
                let typed = values
                    .first()
                    .map(|v| v.trim().to_owned())
                    .unwrap_or_default();
                // The saved territory, shown again by name: unchanged name, same territory.
                let saved = pairs
                    .iter()
                    .find(|(k, _)| *k == format!("{}__code", q.id))
                    .and_then(|(_, v)| diagnostic::Places::resolve(&places, v.trim()))
                    .filter(|p| fold(&p.nom) == fold(&typed));
                if let Some(code) = chosen.filter(|c| !c.is_empty()) {
                    // A candidate picked after an ambiguous name: checked like any value.
                    posted.answers.insert(q.id.clone(), Answer::One(code));
                } else if let Some(p) = saved {
                    posted
                        .answers
                        .insert(q.id.clone(), Answer::One(canonical(p.niveau, &p.code)));
                } else if typed.is_empty() {
                } else if let Some(p) = diagnostic::Places::resolve(&places, &typed) {
                    posted
                        .answers
                        .insert(q.id.clone(), Answer::One(canonical(p.niveau, &p.code)));
                } else if let Some(p) = suggested(ctx, &places, &typed) {
                    posted
                        .answers
                        .insert(q.id.clone(), Answer::One(canonical(p.niveau, &p.code)));
                } else {
                    let found = places.by_name(&typed, 12);
                    match found.as_slice() {
                        [one] => {
                            posted.answers.insert(
                                q.id.clone(),
                                Answer::One(canonical(one.niveau, &one.code)),
                            );
                        }
                        [] => {
                            posted
                                .errors
                                .insert(q.id.clone(), ctx.t("methodes-erreur-territoire-inconnu"));
                        }
                        many => {
                            posted
                                .errors
                                .insert(q.id.clone(), ctx.t("methodes-erreur-territoire-ambigu"));
                            posted.candidates.insert(
                                q.id.clone(),
                                many.iter()
                                    .map(|p| {
                                        (
                                            canonical(p.niveau, &p.code),
                                            places.describe(ctx.lang, &ctx.state.catalog, p),
                                        )
                                    })
                                    .collect(),
                            );
                        }
                    }
                    posted.typed.insert(q.id.clone(), typed);
                }
            }
        }
    }
    posted
}

/// The territory whose suggestion label (« Saint-Denis (93) — Commune ») is `typed`.
pub(super) fn suggested(ctx: &Ctx, places: &ReadyPlaces<'_>, typed: &str) -> Option<Place> {
    // The name is what comes before « (dep) » or « — level ».
    let cut = typed
        .find(" (")
        .or_else(|| typed.find(" — "))
        .unwrap_or(typed.len());
    places
        .by_name(&typed[..cut], 50)
        .into_iter()
        .find(|p| places.describe(ctx.lang, &ctx.state.catalog, p) == typed)
}

/// A French (or English) sentence for an engine error.
pub(super) fn engine_message(ctx: &Ctx, e: &FieldError) -> String {
    if ctx.lang == Lang::Fr {
        let mut chars = e.message.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    } else if e.message.starts_with("réponse obligatoire") {
        ctx.t("methodes-erreur-obligatoire")
    } else {
        ctx.t("methodes-erreur-valeur")
    }
}

pub async fn save_step(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((secret, n)): Path<(String, usize)>,
    body: Bytes,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let d = draft(&state, &secret, ctx.lang).await?;
    let index = step_index(&d.def, n)?;
    let pairs = parse_form(&body);
    let back = pairs.iter().any(|(k, v)| k == "action" && v == "precedent");
    let posted = read_step(&ctx, ready, &d.def, index, &pairs);
    let mut errors = posted.errors.clone();
    let mut checked_answers = Answers::new();
    match diagnostic::check(
        &d.def,
        &posted.answers,
        &d.answers,
        &ReadyPlaces(ready),
        Scope::Step {
            index,
            required: !back,
        },
    ) {
        Ok(c) => checked_answers = c.answers,
        Err(list) => {
            for e in list {
                errors
                    .entry(e.champ.clone())
                    .or_insert_with(|| engine_message(&ctx, &e));
            }
        }
    }
    let general = (!posted.unknown.is_empty()).then(|| {
        ctx.ta(
            "methodes-erreur-champ-inconnu",
            "champs",
            posted.unknown.join(", "),
        )
    });
    if !errors.is_empty() || general.is_some() {
        // Show the step again with every problem; nothing is saved.
        let mut context = d.answers.clone();
        for (k, v) in &posted.answers {
            context.insert(k.clone(), v.clone());
        }
        let questions = d.def.etapes[index]
            .questions
            .iter()
            .filter(|q| diagnostic::applies(q, &context))
            .map(|q| {
                question_view(
                    &ctx,
                    ready,
                    q,
                    posted.answers.get(&q.id),
                    posted.typed.get(&q.id).map(String::as_str),
                    errors.get(&q.id).cloned(),
                    posted.candidates.get(&q.id).map_or(&[], Vec::as_slice),
                )
            })
            .collect();
        let collective = collective_name(&state, &d.row).await?;
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &step_page(
                &ctx, &state, &headers, &d, index, questions, general, collective,
            ),
        );
    }
    // Replace this step's answers, keep the others.
    let mut answers = d.answers.clone();
    for q in &d.def.etapes[index].questions {
        answers.remove(&q.id);
    }
    answers.extend(checked_answers);
    let json = serde_json::to_string(&answers).map_err(|e| AppError::Internal(e.to_string()))?;
    let reached = if back {
        d.row.etape
    } else {
        d.row.etape.max(i64::try_from(index + 1).unwrap_or(0))
    };
    let now = state.now();
    if back {
        store::save_answers(&state.db, &d.key, &json, reached, now).await?;
        let to = (0..index)
            .rev()
            .find(|&i| has_questions(&d.def, i, &answers))
            .unwrap_or(0);
        return Ok(see_other(&ctx.href(format!(
            "/methodes/diagnostics/{secret}/etapes/{}",
            to + 1
        ))));
    }
    if let Some(next) = next_step(&d.def, index, &answers) {
        store::save_answers(&state.db, &d.key, &json, reached, now).await?;
        return Ok(see_other(&ctx.href(format!(
            "/methodes/diagnostics/{secret}/etapes/{}",
            next + 1
        ))));
    }
    // The last step: check everything (a step may have been skipped) and compute the report.
    match diagnostic::check(
        &d.def,
        &answers,
        &Answers::new(),
        &ReadyPlaces(ready),
        Scope::Complete,
    ) {
        Ok(checked) => {
            let report = build_report(ready, &d.def, &checked, state.today());
            let report_json =
                serde_json::to_string(&report).map_err(|e| AppError::Internal(e.to_string()))?;
            let answers_json = serde_json::to_string(&checked.answers)
                .map_err(|e| AppError::Internal(e.to_string()))?;
            store::complete(&state.db, &d.key, &answers_json, &report_json, now).await?;
            Ok(see_other(
                &ctx.href(format!("/methodes/diagnostics/{secret}")),
            ))
        }
        Err(list) => {
            // Keep this step's answers (they passed its check), create no report, and send
            // the person to the first step with a missing answer.
            store::save_answers(&state.db, &d.key, &json, reached, now).await?;
            let first = list
                .iter()
                .filter_map(|e| d.def.question(&e.champ))
                .map(|q| q.step)
                .min()
                .unwrap_or(0);
            let by_id: BTreeMap<String, String> = list
                .iter()
                .map(|e| (e.champ.clone(), engine_message(&ctx, e)))
                .collect();
            let questions = d.def.etapes[first]
                .questions
                .iter()
                .filter(|q| diagnostic::applies(q, &answers))
                .map(|q| {
                    question_view(
                        &ctx,
                        ready,
                        q,
                        answers.get(&q.id),
                        None,
                        by_id.get(&q.id).cloned(),
                        &[],
                    )
                })
                .collect();
            let collective = collective_name(&state, &d.row).await?;
            page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &step_page(
                    &ctx,
                    &state,
                    &headers,
                    &d,
                    first,
                    questions,
                    Some(ctx.t("methodes-erreur-incomplet")),
                    collective,
                ),
            )
        }
    }
}
