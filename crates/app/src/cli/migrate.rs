//! `alliances migrate`: pending migrations, then the reference data.

use anyhow::Context as _;

use alliances_store::reference::LoadOutcome;
use alliances_store::{Db, migrate, redact_url, reference};

use crate::config::Config;

pub async fn run(config: Config) -> anyhow::Result<()> {
    super::init_logging(&config);
    let db = Db::connect(&config.database_url, &super::connect_options(&config))
        .await
        .with_context(|| format!("connexion à {}", redact_url(&config.database_url)))?;
    let report = migrate::run(&db).await?;
    if report.applied.is_empty() {
        println!(
            "Schéma à jour ({} migration(s) déjà appliquée(s)).",
            report.already
        );
    } else {
        println!("Migrations appliquées : {:?}.", report.applied);
    }
    match reference::ensure_loaded(&db).await? {
        LoadOutcome::AlreadyCurrent => println!(
            "Données de référence à jour (version {}).",
            reference::version()
        ),
        LoadOutcome::Loaded {
            territories,
            goals,
            targets,
            indicators,
        } => println!(
            "Données de référence chargées : {goals} objectifs, {targets} cibles, {indicators} indicateurs, {territories} territoires."
        ),
    }
    db.close().await;
    Ok(())
}
