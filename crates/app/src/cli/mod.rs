//! One file per subcommand that does I/O.

use std::process::ExitCode;

pub mod import;
pub mod migrate;
pub mod records;
pub mod sauvegarde;
pub mod serve;
pub mod utilisateurs;

/// Runs a subcommand on a multi-threaded runtime; an error is printed in French and exits 1.
pub fn run(future: impl Future<Output = anyhow::Result<()>>) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("Erreur : impossible de démarrer le moteur d'exécution : {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(future) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Erreur : {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Logs to standard error, as text or JSON lines.
pub fn init_logging(config: &crate::config::Config) {
    use tracing_subscriber::filter::LevelFilter;
    let level = match config.log_level.as_str() {
        "error" => LevelFilter::ERROR,
        "warn" => LevelFilter::WARN,
        "debug" => LevelFilter::DEBUG,
        "trace" => LevelFilter::TRACE,
        _ => LevelFilter::INFO,
    };
    let builder = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_target(false);
    if config.log_format == "json" {
        builder.json().flatten_event(true).init();
    } else {
        builder.init();
    }
}

pub fn connect_options(config: &crate::config::Config) -> alliances_store::ConnectOptions {
    alliances_store::ConnectOptions {
        max_connections: config.db_max_connections,
        ..Default::default()
    }
}
