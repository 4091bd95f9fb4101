//! The report behind its personal link (or the draft's summary), and its JSON export.

use super::*;

pub struct DimensionView {
    pub titre: String,
    pub description: String,
    pub level: u8,
    pub level_label: String,
    pub sens: String,
    pub next: String,
    /// Said when some answers were « je ne sais pas ».
    pub confidence: Option<String>,
}

pub struct RecView {
    pub titre: String,
    pub href: String,
    pub raison: String,
    /// `lang` of a title not in the page's language (alliance names are French).
    pub lang: Option<&'static str>,
}

/// The items of a path that lead into one module of M.E.D.O.C.
pub struct PathGroup {
    pub code: &'static str,
    pub letter: char,
    pub titre: String,
    pub intro: String,
    pub items: Vec<RecView>,
    /// Further links: (href, label).
    pub more: Vec<(String, String)>,
}

pub struct AnswerRow {
    pub question: String,
    pub answer: String,
}

pub struct AnswerBlock {
    pub titre: String,
    pub rows: Vec<AnswerRow>,
}

pub struct SynthRow {
    pub titre: String,
    pub levels: Vec<String>,
    pub gap: u8,
    pub status: String,
    pub status_class: &'static str,
}

pub struct Synthesis {
    pub partners: Vec<String>,
    pub rows: Vec<SynthRow>,
    /// Dimension title and its discussion prompts, largest gaps first.
    pub prompts: Vec<(String, u8, Vec<String>)>,
    /// The partners' answers, when the facilitator opened them.
    pub answers: Vec<(String, Vec<AnswerBlock>)>,
}

#[derive(Template)]
#[template(path = "methodes/rapport.html")]
pub(super) struct ReportPage<'a> {
    ctx: &'a Ctx,
    profile: Vec<(String, String)>,
    profile_label: String,
    level: u8,
    level_label: String,
    radar: String,
    dimensions: Vec<DimensionView>,
    /// The personal path, one group per module in the order the horizon sets.
    path: Vec<PathGroup>,
    /// « Établi aujourd'hui à partir de vos réponses du … » (a path computed on reading).
    path_dates: Option<String>,
    /// Why the path starts where it does (the horizon stated).
    horizon_note: Option<String>,
    answers: Vec<AnswerBlock>,
    link: String,
    json_href: String,
    edit_href: String,
    delete_href: String,
    date: String,
    collective: Option<String>,
    synthesis: Option<Synthesis>,
    waiting: usize,
    ignored: usize,
    /// An edit of the answers is in progress: where to go on with it.
    editing: Option<String>,
}

#[derive(Template)]
#[template(path = "methodes/brouillon.html")]
pub(super) struct DraftPage<'a> {
    ctx: &'a Ctx,
    link: String,
    resume_href: String,
    delete_href: String,
    answered: usize,
    collective: Option<String>,
}

/// The answers step by step; `with_text` includes free text (only for the link holder).
pub(super) fn answer_blocks(
    ctx: &Ctx,
    ready: &Ready,
    def: &Questionnaire,
    answers: &Answers,
    with_text: bool,
) -> Vec<AnswerBlock> {
    let l = ctx.lang.code();
    def.etapes
        .iter()
        .map(|s| AnswerBlock {
            titre: s.titre.get(l).to_owned(),
            rows: s
                .questions
                .iter()
                .filter(|q| diagnostic::applies(q, answers) && (with_text || q.kind != Kind::Texte))
                .filter_map(|q| {
                    answers.get(&q.id).map(|a| AnswerRow {
                        question: q.libelle.get(l).to_owned(),
                        answer: answer_text(def, ready, &q.id, a, ctx.lang),
                    })
                })
                .collect(),
        })
        .filter(|b| !b.rows.is_empty())
        .collect()
}

/// The synthesis of a collective's completed reports (two at least).
pub(super) fn synthesis(
    ctx: &Ctx,
    ready: &Ready,
    def: &Questionnaire,
    members: &[store::Diagnostic],
    open: bool,
) -> AppResult<Option<Synthesis>> {
    let l = ctx.lang.code();
    // A stored report that does not read back is an error, not a partner left out.
    let mut done: Vec<(&store::Diagnostic, Rapport)> = Vec::new();
    for m in members {
        if let Some(json) = m.rapport.as_deref() {
            let r: Rapport = serde_json::from_str(json)
                .map_err(|e| AppError::Internal(format!("rapport illisible : {e}")))?;
            done.push((m, r));
        }
    }
    if done.len() < MIN_PARTNERS {
        return Ok(None);
    }
    let reports: Vec<&Rapport> = done.iter().map(|(_, r)| r).collect();
    let spreads: Vec<Spread> = spreads(def, &reports);
    let rows = spreads
        .iter()
        .map(|s| {
            let (status, class) = match s.gap() {
                0 => (ctx.t("methodes-convergence"), "ecart-0"),
                1 => (ctx.t("methodes-proche"), "ecart-1"),
                _ => (ctx.t("methodes-divergence"), "ecart-2"),
            };
            SynthRow {
                titre: def
                    .dimension(&s.dimension)
                    .map(|d| d.titre.get(l).to_owned())
                    .unwrap_or_default(),
                levels: s
                    .levels
                    .iter()
                    .map(|n| format!("{n} · {}", ctx.taxo("maturite", level_code(*n))))
                    .collect(),
                gap: s.gap(),
                status,
                status_class: class,
            }
        })
        .collect();
    let mut by_gap: Vec<&Spread> = spreads.iter().filter(|s| s.gap() > 0).collect();
    by_gap.sort_by_key(|s| std::cmp::Reverse(s.gap()));
    let prompts = by_gap
        .into_iter()
        .take(3)
        .filter_map(|s| {
            let d = def.dimension(&s.dimension)?;
            Some((
                d.titre.get(l).to_owned(),
                s.gap(),
                d.discussion.iter().map(|t| t.get(l).to_owned()).collect(),
            ))
        })
        .collect();
    let answers = if open {
        // The answers each report was computed from; free text stays with its author.
        done.iter()
            .map(|(m, r)| {
                (
                    m.partenaire.clone().unwrap_or_default(),
                    answer_blocks(ctx, ready, def, &r.reponses, false),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Some(Synthesis {
        partners: done
            .iter()
            .map(|(m, _)| m.partenaire.clone().unwrap_or_default())
            .collect(),
        rows,
        prompts,
        answers,
    }))
}

pub async fn report(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let d = draft(&state, &secret, ctx.lang).await?;
    store::touch(&state.db, &d.key, state.now()).await?;
    let base = format!("/methodes/diagnostics/{secret}");
    let link = absolute(&state, &headers, &ctx.href(&base));
    let delete_href = ctx.href(format!("{base}/supprimer"));
    let collective_row = match &d.row.collectif {
        Some(c) => store::get_collective(&state.db, c).await?,
        None => None,
    };
    let collective = collective_row.as_ref().map(|c| c.nom.clone());
    let Some(json) = &d.row.rapport else {
        let reached = usize::try_from(d.row.etape)
            .unwrap_or(0)
            .min(d.def.etapes.len() - 1);
        return page(
            StatusCode::OK,
            &DraftPage {
                ctx: &ctx,
                link,
                resume_href: ctx.href(format!("{base}/etapes/{}", reached + 1)),
                delete_href,
                answered: d.answers.len(),
                collective,
            },
        );
    };
    let members = match &collective_row {
        Some(c) => store::members(&state.db, &c.cle).await?,
        None => Vec::new(),
    };
    let r: Rapport = serde_json::from_str(json)
        .map_err(|e| AppError::Internal(format!("rapport illisible : {e}")))?;
    let l = ctx.lang.code();
    let def = &d.def;
    // The page shows the answers the report was computed from; an edit in progress is
    // announced, and only completing it changes the report.
    let answers = &r.reponses;
    let editing = (d.answers != r.reponses).then(|| {
        let reached = usize::try_from(d.row.etape)
            .unwrap_or(0)
            .min(def.etapes.len() - 1);
        ctx.href(format!("{base}/etapes/{}", reached + 1))
    });
    let dimensions = dimension_views(&ctx, def, &r);
    let radar = alliances_viz::radar::svg(
        &dimensions
            .iter()
            .map(|d| (d.titre.clone(), d.level))
            .collect::<Vec<_>>(),
        4,
        &ctx.t("methodes-radar-titre"),
        "radar-titre",
    );
    let items = super::super::path_of(ready, &ctx.state.settings.parcours, def, &r)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let path_dates = r.recommandations.is_empty().then(|| {
        ctx.state
            .catalog
            .get_with(
                ctx.lang,
                "methodes-parcours-dates",
                &[
                    ("aujourdhui", alliances_i18n::text(&ctx.state.today())),
                    ("date", alliances_i18n::text(&r.date)),
                ],
            )
            .into_owned()
    });
    let horizon = def
        .souhaits
        .horizon
        .as_ref()
        .and_then(|id| answers.get(id))
        .and_then(|a| a.values().first().cloned());
    let path = path_groups(&ctx, ready, def, &r, &items, horizon.as_deref());
    let horizon_note = horizon.map(|h| ctx.t(format!("methodes-parcours-horizon-{h}")));
    let profile = def
        .profil
        .questions
        .iter()
        .filter_map(|id| {
            let q = def.question(id)?;
            let a = r.profil.reponses.get(id)?;
            Some((
                q.libelle.get(l).to_owned(),
                answer_text(def, ready, id, a, ctx.lang),
            ))
        })
        .collect();
    let (synthesis_view, waiting) = match &collective_row {
        Some(c) => {
            let waiting = members.iter().filter(|m| m.rapport.is_none()).count();
            (
                synthesis(&ctx, ready, def, &members, c.reponses_ouvertes)?,
                waiting,
            )
        }
        None => (None, 0),
    };
    let level = r.maturite.get("globale").copied().unwrap_or(1);
    page(
        StatusCode::OK,
        &ReportPage {
            ctx: &ctx,
            profile,
            profile_label: super::super::profile_label(def, answers, ctx.lang),
            level,
            level_label: ctx.taxo("maturite", level_code(level)),
            radar,
            dimensions,
            path,
            path_dates,
            horizon_note,
            answers: answer_blocks(&ctx, ready, def, answers, true),
            editing,
            link,
            json_href: ctx.href(format!("{base}/rapport.json")),
            edit_href: ctx.href(format!("{base}/etapes/1")),
            delete_href,
            date: r.date.clone(),
            collective,
            synthesis: synthesis_view,
            waiting,
            ignored: r.ignorees.len(),
        },
    )
}

/// Each dimension's level with what it means, the next step, and the confidence when some
/// answers were « je ne sais pas ».
fn dimension_views(ctx: &Ctx, def: &Questionnaire, r: &Rapport) -> Vec<DimensionView> {
    let l = ctx.lang.code();
    def.dimensions
        .iter()
        .map(|dim| {
            let level = r.maturite.get(&dim.id).copied().unwrap_or(1);
            let text = &dim.niveaux[usize::from(level.clamp(1, 4)) - 1];
            let confidence = r
                .confiance
                .get(&dim.id)
                .filter(|c| c.inconnues > 0)
                .map(|c| {
                    ctx.state
                        .catalog
                        .get_with(
                            ctx.lang,
                            "methodes-confiance",
                            &[
                                (
                                    "confiance",
                                    alliances_i18n::text(
                                        &ctx.t(format!("methodes-confiance-{}", c.code())),
                                    ),
                                ),
                                ("inconnues", alliances_i18n::num(i64::from(c.inconnues))),
                                (
                                    "total",
                                    alliances_i18n::num(i64::from(c.inconnues + c.notees)),
                                ),
                            ],
                        )
                        .into_owned()
                });
            DimensionView {
                titre: dim.titre.get(l).to_owned(),
                description: dim.description.get(l).to_owned(),
                level,
                level_label: ctx.taxo("maturite", level_code(level)),
                sens: text.sens.get(l).to_owned(),
                next: text.prochaine_etape.get(l).to_owned(),
                confidence,
            }
        })
        .collect()
}

/// The order of the five modules on a path: where the stated horizon says to start (act
/// now: tools first; explore: data first), the five always there.
fn medoc_order(horizon: Option<&str>) -> [&'static str; 5] {
    match horizon {
        Some("maintenant") => ["outils", "exemples", "competences", "donnees", "methodes"],
        Some("prochains-mois") => ["exemples", "outils", "competences", "donnees", "methodes"],
        Some("plus-tard") => ["competences", "exemples", "donnees", "outils", "methodes"],
        Some("exploration") => ["donnees", "exemples", "competences", "outils", "methodes"],
        _ => ["exemples", "donnees", "outils", "competences", "methodes"],
    }
}

/// The path's items said in the page's language, grouped by the module they lead into,
/// each group with its further links.
fn path_groups(
    ctx: &Ctx,
    ready: &Ready,
    def: &Questionnaire,
    r: &Rapport,
    items: &[super::super::Recommandation],
    horizon: Option<&str>,
) -> Vec<PathGroup> {
    medoc_order(horizon)
        .into_iter()
        .map(|code| {
            let views: Vec<RecView> = items
                .iter()
                .filter(|x| super::super::say::medoc_of(&x.kind) == code)
                .map(|x| {
                    let said = super::super::say::say(ctx, ready, def, r, x);
                    RecView {
                        titre: said.titre,
                        href: ctx.href(&x.cible.url),
                        raison: said.raison,
                        lang: (x.kind == "alliance" && ctx.lang != Lang::Fr).then_some("fr"),
                    }
                })
                .collect();
            PathGroup {
                code,
                letter: code.chars().next().unwrap_or('M').to_ascii_uppercase(),
                titre: ctx.t(format!("nav-{code}")),
                intro: ctx.t(format!("methodes-parcours-groupe-{code}")),
                items: views,
                more: more_links(ctx, ready, r, items, code),
            }
        })
        .collect()
}

/// The links that go further in one module: every alliance like the profile, the tools'
/// cartography highlighted for the respondent, the observatory, the whole learning path,
/// the collective diagnostic.
fn more_links(
    ctx: &Ctx,
    ready: &Ready,
    r: &Rapport,
    items: &[super::super::Recommandation],
    code: &str,
) -> Vec<(String, String)> {
    match code {
        "exemples" => {
            // « All the alliances like you »: the profile's type and place as filters.
            let mut qs = form_urlencoded::Serializer::new(String::new());
            if !r.profil.type_acteur.is_empty() {
                qs.append_pair("type_acteur", &r.profil.type_acteur);
            }
            if let Some(t) = &r.profil.territoire {
                let place = ReadyPlaces(ready).place(
                    alliances_domain::territory::Level::from_code(&t.niveau)
                        .unwrap_or(alliances_domain::territory::Level::Region),
                    &t.code,
                );
                if let Some((_, c)) = place
                    .as_ref()
                    .and_then(|p| p.facettes.iter().find(|(f, _)| f == "region"))
                {
                    qs.append_pair("region", c);
                }
            }
            vec![(
                format!("{}?{}", ctx.href("/exemples"), qs.finish()),
                ctx.t("methodes-parcours-toutes"),
            )]
        }
        "outils" => items
            .iter()
            .filter(|x| x.kind == "outil")
            .find_map(|x| x.motifs.iter().find(|m| m.facette == "phase"))
            .map(|phase| {
                let mut qs = form_urlencoded::Serializer::new(String::new());
                qs.append_pair("phase", &phase.code);
                if !r.profil.type_acteur.is_empty() {
                    qs.append_pair("public", &r.profil.type_acteur);
                }
                qs.append_pair("maturite", &r.profil.niveau);
                (
                    format!("{}?{}", ctx.href("/outils/cartographie"), qs.finish()),
                    ctx.t("methodes-parcours-outils-carte"),
                )
            })
            .into_iter()
            .collect(),
        "donnees" => vec![(
            ctx.href("/donnees"),
            ctx.t("methodes-parcours-observatoire"),
        )],
        "competences" => vec![(
            ctx.href("/competences"),
            ctx.t("methodes-parcours-modules-tous"),
        )],
        _ => Vec::new(),
    }
}

/// `GET …/rapport.json`: the report with the answers and the path of today (each item with
/// its codes and its reason said in the page's language), as a download.
pub async fn report_json(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let d = draft(&state, &secret, ctx.lang).await?;
    let Some(json) = &d.row.rapport else {
        return Err(AppError::NotFound);
    };
    let r: Rapport = serde_json::from_str(json)
        .map_err(|e| AppError::Internal(format!("rapport illisible : {e}")))?;
    let path = super::super::path_of(ready, &state.settings.parcours, &d.def, &r)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let parcours: Vec<super::super::say::RecommandationJson> = path
        .iter()
        .map(|x| super::super::say::json(&ctx, ready, &d.def, &r, x))
        .collect();
    let body = serde_json::json!({
        "reponses": r.reponses,
        "rapport": r,
        "parcours": parcours,
        "date_parcours": r.path_date(state.today()),
    });
    let bytes = serde_json::to_vec_pretty(&body).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(private(
        (
            [
                (header::CONTENT_TYPE, "application/json"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"diagnostic.json\"",
                ),
            ],
            bytes,
        )
            .into_response(),
    ))
}
