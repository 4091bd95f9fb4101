//! SDG pages.

use alliances_domain::odd::{Goal, Indicator, Sdg17Group, StructuralSubGroup, Target};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::{AppState, OddIndex};

fn referential(state: &AppState) -> AppResult<&OddIndex> {
    state.ready().map(|r| &r.odd).ok_or(AppError::Unavailable)
}

/// A goal with the number of its targets, for the index.
struct GoalCard<'a> {
    goal: &'a Goal,
    targets: usize,
}

#[derive(Template)]
#[template(path = "odd/index.html")]
struct Index<'a> {
    ctx: &'a Ctx,
    goals: Vec<GoalCard<'a>>,
}

pub async fn index(ctx: Ctx, State(state): State<AppState>) -> AppResult<Html<String>> {
    let odd = referential(&state)?;
    let goals = odd
        .data
        .goals
        .iter()
        .map(|g| GoalCard {
            goal: g,
            targets: odd.targets_of(g.number).count(),
        })
        .collect();
    crate::render(&Index { ctx: &ctx, goals })
}

/// A target with its indicators count, and for SDG 17 its thematic group.
pub struct TargetRow<'a> {
    pub target: &'a Target,
    pub indicators: usize,
}

/// A titled group of targets (SDG 17's themes; one untitled group for other goals).
pub struct Group<'a> {
    pub title_key: Option<String>,
    pub subgroups: Vec<(Option<String>, Vec<TargetRow<'a>>)>,
}

#[derive(Template)]
#[template(path = "odd/goal.html")]
struct GoalPage<'a> {
    ctx: &'a Ctx,
    goal: &'a Goal,
    groups: Vec<Group<'a>>,
    target_count: usize,
    previous: Option<&'a Goal>,
    next: Option<&'a Goal>,
}

fn parse_goal(raw: &str) -> Option<u8> {
    // Only the canonical form: « 17 », not « 017 » or « +17 ».
    let n: u8 = raw.parse().ok()?;
    (n.to_string() == raw && (1..=17).contains(&n)).then_some(n)
}

pub async fn goal(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(numero): Path<String>,
) -> AppResult<Html<String>> {
    let odd = referential(&state)?;
    let n = parse_goal(&numero).ok_or(AppError::NotFound)?;
    let goal = odd.goal(n).ok_or(AppError::NotFound)?;
    let rows: Vec<TargetRow<'_>> = odd
        .targets_of(n)
        .map(|t| TargetRow {
            target: t,
            indicators: odd.indicators_of(&t.code).filter(|i| i.active).count(),
        })
        .collect();
    let target_count = rows.len();
    let groups = if n == 17 {
        let mut groups: Vec<Group<'_>> = Vec::new();
        for group in Sdg17Group::ALL {
            let members: Vec<TargetRow<'_>> = rows
                .iter()
                .filter(|r| Sdg17Group::of_target(&r.target.code) == Some(group))
                .map(|r| TargetRow {
                    target: r.target,
                    indicators: r.indicators,
                })
                .collect();
            let subgroups = if group == Sdg17Group::QuestionsStructurelles {
                let mut subs: Vec<(Option<String>, Vec<TargetRow<'_>>)> = Vec::new();
                for row in members {
                    let sub = StructuralSubGroup::of_target(&row.target.code)
                        .map(|s| format!("odd-sousgroupe-{}", s.code()));
                    match subs.last_mut() {
                        Some((key, list)) if *key == sub => list.push(row),
                        _ => subs.push((sub, vec![row])),
                    }
                }
                subs
            } else {
                vec![(None, members)]
            };
            groups.push(Group {
                title_key: Some(format!("odd-groupe-{}", group.code())),
                subgroups,
            });
        }
        groups
    } else {
        vec![Group {
            title_key: None,
            subgroups: vec![(None, rows)],
        }]
    };
    crate::render(&GoalPage {
        ctx: &ctx,
        goal,
        groups,
        target_count,
        previous: n.checked_sub(1).and_then(|p| odd.goal(p)),
        next: odd.goal(n + 1),
    })
}

#[derive(Template)]
#[template(path = "odd/target.html")]
struct TargetPage<'a> {
    ctx: &'a Ctx,
    goal: &'a Goal,
    target: &'a Target,
    indicators: Vec<&'a Indicator>,
    group_key: Option<String>,
    listing: crate::listing::Listing,
    listing_title: String,
    listing_note: Option<String>,
}

pub async fn target(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Html<String>> {
    let odd = referential(&state)?;
    let target = odd.target(&code).ok_or(AppError::NotFound)?;
    let goal = odd.goal(target.goal).ok_or(AppError::NotFound)?;
    let ready = crate::state::ready(&state)?;
    let listing = crate::listing::listing(&ctx, ready, &[("cible", target.code.as_str())], 12)?;
    crate::render(&TargetPage {
        listing,
        listing_title: ctx.ta("exemples-liste-cible", "code", &target.code),
        listing_note: Some(ctx.t("exemples-liste-cible-aide")),
        ctx: &ctx,
        goal,
        target,
        indicators: odd.indicators_of(&target.code).collect(),
        group_key: Sdg17Group::of_target(&target.code).map(|g| format!("odd-groupe-{}", g.code())),
    })
}

#[cfg(test)]
mod tests {
    use super::parse_goal;

    #[test]
    fn goal_numbers_are_canonical() {
        assert_eq!(parse_goal("17"), Some(17));
        assert_eq!(parse_goal("1"), Some(1));
        for bad in ["0", "18", "017", "+17", "x", ""] {
            assert_eq!(parse_goal(bad), None, "{bad}");
        }
    }
}
