//! `alliances sauvegarder`, `restaurer` and `migrer-base`: every table of a database to a
//! file, back, or into another database, checked by counts and checksums.

use std::path::Path;

use anyhow::Context as _;

use alliances_store::backup::{self, Tally};
use alliances_store::{Db, redact_url};

use crate::config::Config;

async fn connect(url: &str, config: &Config) -> anyhow::Result<Db> {
    Db::connect(url, &super::connect_options(config))
        .await
        .with_context(|| format!("connexion à {}", redact_url(url)))
}

fn print(tallies: &[Tally]) {
    for t in tallies {
        println!("  {t}");
    }
}

fn rows(tallies: &[Tally]) -> u64 {
    tallies.iter().map(|t| t.lignes).sum()
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Writes a snapshot of the configured database to `file`, through a temporary file
/// beside it, renamed once complete: an interrupted backup never looks like a finished one.
pub async fn save(config: Config, file: &Path) -> anyhow::Result<()> {
    let db = connect(&config.database_url, &config).await?;
    let mut partial = file.as_os_str().to_owned();
    partial.push(".partiel");
    let partial = std::path::PathBuf::from(partial);
    let out = std::fs::File::create(&partial)
        .with_context(|| format!("création de {}", partial.display()))?;
    let result = backup::save(&db, std::io::BufWriter::new(out), now()).await;
    db.close().await;
    let tallies = match result {
        Ok(t) => t,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e.into());
        }
    };
    std::fs::rename(&partial, file)
        .with_context(|| format!("renommage de {} en {}", partial.display(), file.display()))?;
    let size = std::fs::metadata(file).map_or(0, |m| m.len());
    println!(
        "Sauvegarde écrite : {} ({} tables, {} lignes, {:.1} Mo). Comptes et sommes de contrôle :",
        file.display(),
        tallies.len(),
        rows(&tallies),
        size as f64 / 1_000_000.0
    );
    print(&tallies);
    Ok(())
}

/// Restores `file` into the configured database, all or nothing.
pub async fn restore(config: Config, file: &Path, replace: bool) -> anyhow::Result<()> {
    let input =
        std::fs::File::open(file).with_context(|| format!("lecture de {}", file.display()))?;
    let db = connect(&config.database_url, &config).await?;
    let result = backup::restore(&db, std::io::BufReader::new(input), replace).await;
    db.close().await;
    let tallies = result.with_context(|| format!("restauration de {}", file.display()))?;
    println!(
        "Sauvegarde restaurée dans {} : {} tables, {} lignes, comptes et sommes de contrôle identiques à ceux du fichier :",
        redact_url(&config.database_url),
        tallies.len(),
        rows(&tallies)
    );
    print(&tallies);
    println!(
        "Les serveurs qui suivent cette base reconstruisent leur index de recherche d'eux-mêmes."
    );
    Ok(())
}

/// Copies every table of the configured database into the one at `to`.
pub async fn copy(config: Config, to: &str, replace: bool) -> anyhow::Result<()> {
    if to == config.database_url {
        anyhow::bail!("--vers : la base cible est la base d'origine ; donnez une autre adresse");
    }
    let from = connect(&config.database_url, &config).await?;
    let target = connect(to, &config).await?;
    let result = backup::copy(&from, &target, replace).await;
    from.close().await;
    target.close().await;
    let tallies = result.with_context(|| format!("copie vers {}", redact_url(to)))?;
    println!(
        "Base copiée de {} vers {} : {} tables, {} lignes, comptes et sommes de contrôle identiques des deux côtés :",
        redact_url(&config.database_url),
        redact_url(to),
        tallies.len(),
        rows(&tallies)
    );
    print(&tallies);
    println!(
        "Pour servir la nouvelle base, donnez son adresse à database_url (ou ALLIANCES_DATABASE_URL) et redémarrez les serveurs."
    );
    Ok(())
}
