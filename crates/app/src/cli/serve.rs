//! `alliances serve`: binds first (so that `/healthz` answers and `/readyz` says 503 while
//! the database is prepared), then migrates, loads the reference data and marks ready.

use std::net::SocketAddr;

use anyhow::Context as _;
use axum::ServiceExt as _;

use alliances_store::{Db, redact_url};
use alliances_web::AppState;

use crate::config::Config;

pub async fn run(
    config: Config,
    questionnaires: std::sync::Arc<alliances_web::questionnaires::Questionnaires>,
    parcours: std::sync::Arc<alliances_domain::parcours::Parcours>,
) -> anyhow::Result<()> {
    super::init_logging(&config);
    alliances_web::content::validate().map_err(anyhow::Error::msg)?;
    // One server per data directory (its search index and its key): held until exit.
    let data_dir = config.data_dir();
    let _lock = lock_data_dir(&data_dir)?;
    let catalog = alliances_i18n::Catalog::load().map_err(anyhow::Error::msg)?;
    let db = Db::connect(&config.database_url, &super::connect_options(&config))
        .await
        .with_context(|| format!("connexion à {}", redact_url(&config.database_url)))?;
    let mut settings = config.web_settings();
    settings.questionnaires = questionnaires;
    settings.parcours = parcours;
    // The key that signs certificates: created at first start in the data directory.
    let key = alliances_web::badges::IssuerKey::load_or_create(&data_dir).map_err(|e| {
        anyhow::anyhow!(
            "clé de signature des certificats : {e} (data_dir = {} ; vérifiez les droits du dossier, ou supprimez un fichier de clé abîmé pour en créer une nouvelle : les certificats déjà téléchargés ne se vérifieront plus)",
            data_dir.display()
        )
    })?;
    settings.badge_key = alliances_web::badges::BadgeKey::Loaded(std::sync::Arc::new(key));
    let state = AppState::new(db.clone(), catalog, settings);
    let listener = tokio::net::TcpListener::bind(&config.bind)
        .await
        .with_context(|| format!("écoute sur {}", config.bind))?;
    let address = listener.local_addr()?;
    println!(
        "Alliances écoute sur http://{address} (base : {}).",
        redact_url(&config.database_url)
    );

    if let alliances_web::mail::Mailer::Folder(dir) = &state.settings.mailer {
        tracing::info!(
            dossier = %dir.display(),
            "courriels aux membres écrits en fichiers .eml dans ce dossier (aucun smtp_url configuré)"
        );
    }
    let preparing = state.clone();
    let migrate = config.migrate_on_start;
    let prepare = tokio::spawn(async move {
        let started = std::time::Instant::now();
        alliances_web::prepare(&preparing, migrate).await?;
        tracing::info!(duree_ms = started.elapsed().as_millis(), "prêt");
        Ok::<_, alliances_store::StoreError>(())
    });

    let app = alliances_web::app(state);
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal());
    let server = tokio::spawn(async move { server.await });

    match prepare.await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            db.close().await;
            return Err(anyhow::Error::new(e).context("préparation de la base"));
        }
        Err(e) => anyhow::bail!("préparation de la base interrompue : {e}"),
    }
    server.await.context("serveur")?.context("serveur")?;
    db.close().await;
    tracing::info!("arrêt");
    Ok(())
}

/// The name of the lock file a server holds in its data directory.
pub const LOCK_FILE: &str = "serveur.verrou";

/// Takes the data directory for this server: an exclusive lock on `serveur.verrou`, released
/// by the system when the process ends, however it ends. A directory another server holds is
/// refused with the directory and the fix.
fn lock_data_dir(dir: &std::path::Path) -> anyhow::Result<std::fs::File> {
    std::fs::create_dir_all(dir).with_context(|| {
        format!(
            "dossier de données {} : création impossible (data_dir, ALLIANCES_DATA_DIR ou --data-dir)",
            dir.display()
        )
    })?;
    let path = dir.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("dossier de données {} : {}", dir.display(), path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "le dossier de données {} est déjà utilisé par un autre serveur alliances. Chaque serveur garde son propre index de recherche : donnez à celui-ci un autre dossier (option --data-dir, variable ALLIANCES_DATA_DIR ou clé data_dir), ou arrêtez l'autre serveur.",
            dir.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => Err(anyhow::Error::new(e).context(format!(
            "dossier de données {} : verrou {} impossible",
            dir.display(),
            path.display()
        ))),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
