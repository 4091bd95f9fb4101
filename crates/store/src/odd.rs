//! Queries over the SDG tables. The referential is small and read-only: the web layer
//! loads it once with [`load_all`] and serves it from memory.

use crate::{Db, Result, on_read};
use alliances_domain::odd::{Goal, Indicator, Target};

/// Goals, targets and indicators in their official order.
#[derive(Debug, Clone, Default)]
pub struct OddData {
    pub goals: Vec<Goal>,
    pub targets: Vec<Target>,
    pub indicators: Vec<Indicator>,
}

pub async fn load_all(db: &Db) -> Result<OddData> {
    let goals: Vec<(i64, String, String, String, String, String)> = on_read!(db, p => sqlx::query_as(
        "SELECT numero, court_fr, titre_fr, court_en, titre_en, couleur FROM odd_objectifs ORDER BY numero",
    )
    .fetch_all(p)
    .await?);
    let targets: Vec<(String, i64, String, String)> = on_read!(db, p => sqlx::query_as(
        "SELECT code, objectif, titre_fr, titre_en FROM odd_cibles ORDER BY objectif, rang",
    )
    .fetch_all(p)
    .await?);
    let indicators: Vec<(String, String, String, String, String, Option<String>)> = on_read!(db, p => sqlx::query_as(
        "SELECT i.code, i.cible, i.titre_fr, i.titre_en, i.statut, i.repetitions \
         FROM odd_indicateurs i JOIN odd_cibles c ON c.code = i.cible \
         ORDER BY c.objectif, c.rang, i.rang",
    )
    .fetch_all(p)
    .await?);
    Ok(OddData {
        goals: goals
            .into_iter()
            .map(|(n, short_fr, title_fr, short_en, title_en, color)| Goal {
                number: u8::try_from(n).unwrap_or_default(),
                short_fr,
                title_fr,
                short_en,
                title_en,
                color,
            })
            .collect(),
        targets: targets
            .into_iter()
            .map(|(code, goal, title_fr, title_en)| Target {
                code,
                goal: u8::try_from(goal).unwrap_or_default(),
                title_fr,
                title_en,
            })
            .collect(),
        indicators: indicators
            .into_iter()
            .map(
                |(code, target, title_fr, title_en, status, repeats)| Indicator {
                    code,
                    target,
                    title_fr,
                    title_en,
                    active: status == "active",
                    repeats: repeats
                        .map(|r| r.split_whitespace().map(str::to_owned).collect())
                        .unwrap_or_default(),
                },
            )
            .collect(),
    })
}
