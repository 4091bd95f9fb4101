//! The report behind its personal link (or the draft's summary), and its JSON export.

use super::*;

pub struct DimensionView {
    pub titre: String,
    pub description: String,
    pub level: u8,
    pub level_label: String,
    pub sens: String,
    pub next: String,
}

pub struct RecView {
    pub titre: String,
    pub href: String,
    pub raison: String,
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
    alliances: Vec<RecView>,
    territories: Vec<RecView>,
    figures: Vec<RecView>,
    catalyseurs: Vec<RecView>,
    tools: Vec<RecView>,
    /// The cartography of tools with the respondent's phase, actor type and level
    /// highlighted.
    tools_map_href: Option<String>,
    modules: Vec<RecView>,
    exemples_href: String,
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
) -> Option<Synthesis> {
    let l = ctx.lang.code();
    let done: Vec<(&store::Diagnostic, Rapport)> = members
        .iter()
        .filter_map(|m| {
            let r: Rapport = serde_json::from_str(m.rapport.as_deref()?).ok()?;
            Some((m, r))
        })
        .collect();
    if done.len() < MIN_PARTNERS {
        return None;
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
    Some(Synthesis {
        partners: done
            .iter()
            .map(|(m, _)| m.partenaire.clone().unwrap_or_default())
            .collect(),
        rows,
        prompts,
        answers,
    })
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
    let dimensions: Vec<DimensionView> = def
        .dimensions
        .iter()
        .map(|dim| {
            let level = r.maturite.get(&dim.id).copied().unwrap_or(1);
            let text = &dim.niveaux[usize::from(level.clamp(1, 4)) - 1];
            DimensionView {
                titre: dim.titre.get(l).to_owned(),
                description: dim.description.get(l).to_owned(),
                level,
                level_label: ctx.taxo("maturite", level_code(level)),
                sens: text.sens.get(l).to_owned(),
                next: text.prochaine_etape.get(l).to_owned(),
            }
        })
        .collect();
    let radar = alliances_viz::radar::svg(
        &dimensions
            .iter()
            .map(|d| (d.titre.clone(), d.level))
            .collect::<Vec<_>>(),
        4,
        &ctx.t("methodes-radar-titre"),
        "radar-titre",
    );
    let rec = |kind: &str| -> Vec<RecView> {
        r.recommandations
            .iter()
            .filter(|x| x.kind == kind)
            .map(|x| RecView {
                titre: x.cible.titre.clone(),
                href: ctx.href(&x.cible.url),
                raison: if x.motifs.is_empty() && kind == "alliance" {
                    ctx.t("methodes-raison-complement")
                } else if x.motifs.is_empty() {
                    if kind == "territoire"
                        && x.cible.url.contains("/departements/")
                        && r.profil
                            .territoire
                            .as_ref()
                            .is_some_and(|t| t.niveau != "departement")
                    {
                        ctx.t("methodes-raison-departement")
                    } else {
                        ctx.t("methodes-raison-territoire")
                    }
                } else {
                    reason(&ctx.state.catalog, ctx.lang, ready, &x.motifs)
                },
            })
            .collect()
    };
    let alliances = rec("alliance");
    let territories = rec("territoire");
    // Figures and catalyseurs are read again in the page's language; a record removed
    // since keeps the text stored with the report.
    let collections = ready.collections.get();
    let figures: Vec<RecView> = r
        .recommandations
        .iter()
        .filter(|x| x.kind == "chiffre")
        .map(|x| match collections.observatory.get(&x.cible.id) {
            Some(f) => {
                let v = crate::figures::view(&ctx, ready, &collections.observatory, f);
                RecView {
                    titre: format!("{} — « {} »", v.value, v.label),
                    href: v.href,
                    raison: ctx.ta(
                        "methodes-raison-chiffre",
                        "population",
                        v.population.unwrap_or_default(),
                    ) + &format!(" ({})", v.provenance),
                }
            }
            None => RecView {
                titre: x.cible.titre.clone(),
                href: ctx.href(&x.cible.url),
                raison: x.raison.clone(),
            },
        })
        .collect();
    let catalyseurs: Vec<RecView> = r
        .recommandations
        .iter()
        .filter(|x| x.kind == "catalyseur")
        .map(|x| RecView {
            titre: x.cible.titre.clone(),
            href: ctx.href(&x.cible.url),
            raison: x
                .motifs
                .first()
                .map_or_else(|| x.raison.clone(), |m| ctx.t(&m.code)),
        })
        .collect();
    // The title, in the page's language, of the dimension a recommendation's reason names.
    let dimension_title = |x: &super::super::Recommandation| {
        x.motifs
            .iter()
            .find(|m| m.facette == "dimension")
            .and_then(|m| def.dimension(&m.code))
            .map(|d| d.titre.get(l))
    };
    let tools: Vec<RecView> = r
        .recommandations
        .iter()
        .filter(|x| x.kind == "outil")
        .map(|x| RecView {
            titre: collections
                .outil(&x.cible.id)
                .map_or_else(|| x.cible.titre.clone(), |o| o.nom.clone()),
            href: ctx.href(&x.cible.url),
            raison: super::super::path_tools::reason(
                &ctx.state.catalog,
                ctx.lang,
                dimension_title(x),
                &x.motifs,
            ),
        })
        .collect();
    let tools_map_href = r
        .recommandations
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
            format!("{}?{}", ctx.href("/outils/cartographie"), qs.finish())
        });
    let modules: Vec<RecView> = r
        .recommandations
        .iter()
        .filter(|x| x.kind == "module")
        .map(|x| {
            let module = ctx.state.settings.parcours.module(&x.cible.id);
            RecView {
                titre: module.map_or_else(|| x.cible.titre.clone(), |m| m.titre.get(l).to_owned()),
                href: ctx.href(&x.cible.url),
                raison: super::super::path_modules::reason(
                    &ctx.state.catalog,
                    ctx.lang,
                    dimension_title(x),
                    &x.motifs,
                ),
            }
        })
        .collect();
    // « All the alliances like you »: the profile's type and place as search filters.
    let mut qs = form_urlencoded::Serializer::new(String::new());
    qs.append_pair("type_acteur", &r.profil.type_acteur);
    if let Some(t) = &r.profil.territoire {
        let place = ReadyPlaces(ready).place(
            alliances_domain::territory::Level::from_code(&t.niveau)
                .unwrap_or(alliances_domain::territory::Level::Region),
            &t.code,
        );
        if let Some((_, code)) = place
            .as_ref()
            .and_then(|p| p.facettes.iter().find(|(f, _)| f == "region"))
        {
            qs.append_pair("region", code);
        }
    }
    let exemples_href = format!("{}?{}", ctx.href("/exemples"), qs.finish());
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
                synthesis(&ctx, ready, def, &members, c.reponses_ouvertes),
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
            alliances,
            territories,
            figures,
            catalyseurs,
            tools,
            tools_map_href,
            modules,
            exemples_href,
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

/// `GET …/rapport.json`: the report with the answers, as a download.
pub async fn report_json(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let d = draft(&state, &secret, ctx.lang).await?;
    let Some(json) = &d.row.rapport else {
        return Err(AppError::NotFound);
    };
    let report: serde_json::Value =
        serde_json::from_str(json).map_err(|e| AppError::Internal(e.to_string()))?;
    let body = serde_json::json!({
        "reponses": report["reponses"],
        "rapport": report,
    });
    let mut response = (
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"diagnostic.json\"",
            ),
        ],
        serde_json::to_vec_pretty(&body).unwrap_or_default(),
    )
        .into_response();
    response = private(response);
    Ok(response)
}
