//! `alliances`: the one binary of the platform.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;
mod config;

use cli::records::Kind;
use config::{Config, ConfigError};

/// mimalloc rather than glibc's allocator: with the search index built by several threads
/// at start-up, glibc's per-thread arenas kept about 80 MB more resident (measured in
/// bench/search.sh at 100 000 alliances).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "alliances",
    version,
    about = "Alliances — l'ODD 17 en pratique : la plateforme pour apprendre à faire alliance."
)]
struct Cli {
    /// Fichier de configuration TOML (aussi ALLIANCES_CONFIG).
    #[arg(long, global = true, value_name = "FICHIER")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Sert le site et l'API ; sur une base vide, applique les migrations et charge les données de référence.
    Serve {
        /// Adresse de la base (remplace ALLIANCES_DATABASE_URL).
        #[arg(long, value_name = "URL")]
        database: Option<String>,
        /// Adresse d'écoute HÔTE:PORT (remplace ALLIANCES_BIND).
        #[arg(long, value_name = "ADRESSE")]
        bind: Option<String>,
        /// Dossier des données dérivées (remplace ALLIANCES_DATA_DIR).
        #[arg(long, value_name = "DOSSIER")]
        data_dir: Option<String>,
    },
    /// Applique les migrations en attente et charge les données de référence, puis s'arrête.
    Migrate {
        /// Adresse de la base (remplace ALLIANCES_DATABASE_URL).
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
    /// Importe des données dans la base (tout ou rien).
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Exporte des données de la base.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Sauvegarde toute la base dans un fichier : un instantané cohérent, même pendant que des serveurs écrivent.
    Sauvegarder {
        /// Fichier à écrire (JSON Lines compressé par gzip).
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Adresse de la base (remplace ALLIANCES_DATABASE_URL).
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
    /// Restaure une sauvegarde, tout ou rien, vérifiée par les comptes et sommes de contrôle du fichier.
    Restaurer {
        /// Fichier écrit par « alliances sauvegarder ».
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Efface d'abord le contenu d'une base qui n'est pas vide.
        #[arg(long)]
        remplacer: bool,
        /// Adresse de la base (remplace ALLIANCES_DATABASE_URL).
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
    /// Copie toute la base vers une autre (de SQLite vers PostgreSQL), comptes et sommes de contrôle comparés.
    MigrerBase {
        /// Adresse de la base cible, par exemple postgres://utilisateur@hote/base.
        #[arg(long, value_name = "URL")]
        vers: String,
        /// Efface d'abord le contenu d'une base cible qui n'est pas vide.
        #[arg(long)]
        remplacer: bool,
        /// Adresse de la base d'origine (remplace ALLIANCES_DATABASE_URL).
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
    /// Comptes des membres.
    Utilisateurs {
        #[command(subcommand)]
        action: UtilisateursAction,
    },
    /// Configuration.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
}

/// What `import` reads.
#[derive(clap::Args)]
struct ImportArgs {
    /// Fichier à importer.
    #[arg(value_name = "FICHIER")]
    file: PathBuf,
    /// Vérifie le fichier sans rien écrire.
    #[arg(long)]
    dry_run: bool,
    /// Format du fichier ; par défaut, son extension.
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
    /// Qui importe (gardé avec chaque fiche) ; par défaut l'utilisateur du système.
    #[arg(long, value_name = "NOM")]
    par: Option<String>,
    /// Adresse de la base (remplace ALLIANCES_DATABASE_URL).
    #[arg(long, value_name = "URL")]
    database: Option<String>,
}

#[derive(Subcommand)]
enum ImportWhat {
    /// Alliances en CSV (disposition des tables de faits, virgule ou point-virgule, avec ou sans BOM), JSON ou XLSX. Un identifiant déjà présent est mis à jour.
    Alliances(ImportArgs),
    /// Chiffres clés en CSV ou XLSX (disposition de la table des chiffres clés ou des faits régionaux, ou celle de l'export). Un identifiant déjà présent est mis à jour.
    Chiffres(ImportArgs),
    /// Catalyseurs territoriaux en CSV ou XLSX (disposition de la table de faits des catalyseurs). Un identifiant déjà présent est mis à jour.
    Catalyseurs(ImportArgs),
    /// Outils en CSV, JSON ou XLSX (disposition de la table de faits des outils, avec ou sans la colonne description). Un identifiant déjà présent est mis à jour.
    Outils(ImportArgs),
}

/// What `export` writes.
#[derive(clap::Args)]
struct ExportArgs {
    /// csv, json ou xlsx (alliances : aussi geojson et jsonld).
    #[arg(long, value_name = "FORMAT", default_value = "csv")]
    format: String,
    /// Fichier de sortie ; la sortie standard par défaut.
    #[arg(long, value_name = "FICHIER")]
    output: Option<PathBuf>,
    /// Adresse de la base (remplace ALLIANCES_DATABASE_URL).
    #[arg(long, value_name = "URL")]
    database: Option<String>,
}

#[derive(Subcommand)]
enum ExportWhat {
    /// Toutes les alliances.
    Alliances(ExportArgs),
    /// Tous les chiffres clés, dans la disposition que lit l'import.
    Chiffres(ExportArgs),
    /// Tous les catalyseurs, dans la disposition que lit l'import.
    Catalyseurs(ExportArgs),
    /// Tous les outils, dans la disposition que lit l'import.
    Outils(ExportArgs),
}

#[derive(Subcommand)]
enum UtilisateursAction {
    /// Crée un compte à l'adresse confirmée (le premier administrateur, par exemple). Le mot
    /// de passe est lu sur l'entrée standard (une ligne, 12 caractères au moins).
    Creer {
        /// Adresse électronique du compte.
        #[arg(long, value_name = "ADRESSE")]
        courriel: String,
        /// membre, moderateur ou administrateur.
        #[arg(long, value_name = "RÔLE")]
        role: String,
        /// Pseudonyme qui signe les contributions ; par défaut, la partie de l'adresse avant « @ ».
        #[arg(long, value_name = "NOM")]
        pseudonyme: Option<String>,
        /// Adresse de la base (remplace ALLIANCES_DATABASE_URL).
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
}

#[derive(Subcommand)]
enum ConfigAction {
    /// Vérifie la configuration (fichier, environnement) et affiche les valeurs retenues.
    Check,
    /// Affiche la liste des clés de configuration (Markdown).
    Keys,
}

/// Exit code of a configuration error.
const EXIT_CONFIG: u8 = 2;

fn env_vars() -> Vec<(String, String)> {
    std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().unwrap_or_default())))
        .collect()
}

fn load(
    cli_config: Option<PathBuf>,
    flags: &[(&str, String)],
) -> Result<(Config, Option<PathBuf>), ConfigError> {
    let env = env_vars();
    let file = Config::file_from(cli_config, &env);
    Ok((Config::load(file.as_deref(), &env, flags)?, file))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (flags, run): (Vec<(&str, String)>, _) = match cli.command {
        Command::Serve {
            database,
            bind,
            data_dir,
        } => {
            let mut f = Vec::new();
            if let Some(v) = database {
                f.push(("database_url", v));
            }
            if let Some(v) = bind {
                f.push(("bind", v));
            }
            if let Some(v) = data_dir {
                f.push(("data_dir", v));
            }
            (f, Run::Serve)
        }
        Command::Migrate { database } => (
            database
                .map(|v| vec![("database_url", v)])
                .unwrap_or_default(),
            Run::Migrate,
        ),
        Command::Import { what } => {
            let (kind, args) = match what {
                ImportWhat::Alliances(a) => (Kind::Alliances, a),
                ImportWhat::Chiffres(a) => (Kind::Chiffres, a),
                ImportWhat::Catalyseurs(a) => (Kind::Catalyseurs, a),
                ImportWhat::Outils(a) => (Kind::Outils, a),
            };
            (
                args.database
                    .map(|v| vec![("database_url", v)])
                    .unwrap_or_default(),
                Run::Import {
                    kind,
                    file: args.file,
                    dry_run: args.dry_run,
                    format: args.format,
                    par: args.par,
                },
            )
        }
        Command::Export { what } => {
            let (kind, args) = match what {
                ExportWhat::Alliances(a) => (Kind::Alliances, a),
                ExportWhat::Chiffres(a) => (Kind::Chiffres, a),
                ExportWhat::Catalyseurs(a) => (Kind::Catalyseurs, a),
                ExportWhat::Outils(a) => (Kind::Outils, a),
            };
            (
                args.database
                    .map(|v| vec![("database_url", v)])
                    .unwrap_or_default(),
                Run::Export {
                    kind,
                    format: args.format,
                    output: args.output,
                },
            )
        }
        Command::Sauvegarder { file, database } => (
            database
                .map(|v| vec![("database_url", v)])
                .unwrap_or_default(),
            Run::Save { file },
        ),
        Command::Restaurer {
            file,
            remplacer,
            database,
        } => (
            database
                .map(|v| vec![("database_url", v)])
                .unwrap_or_default(),
            Run::Restore {
                file,
                replace: remplacer,
            },
        ),
        Command::MigrerBase {
            vers,
            remplacer,
            database,
        } => {
            if let Err(e) = alliances_store::Backend::of_url(&vers) {
                eprintln!("Erreur de configuration : --vers : {e}");
                return ExitCode::from(EXIT_CONFIG);
            }
            (
                database
                    .map(|v| vec![("database_url", v)])
                    .unwrap_or_default(),
                Run::Copy {
                    to: vers,
                    replace: remplacer,
                },
            )
        }
        Command::Utilisateurs {
            action:
                UtilisateursAction::Creer {
                    courriel,
                    role,
                    pseudonyme,
                    database,
                },
        } => (
            database
                .map(|v| vec![("database_url", v)])
                .unwrap_or_default(),
            Run::CreateUser {
                courriel,
                role,
                pseudonyme,
            },
        ),
        Command::Config {
            action: ConfigAction::Check,
        } => (Vec::new(), Run::Check),
        Command::Config {
            action: ConfigAction::Keys,
        } => {
            print!("{}", Config::keys_markdown());
            return ExitCode::SUCCESS;
        }
    };
    let (config, file) = match load(cli.config, &flags) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("Erreur de configuration : {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    // The questionnaires are content the server refuses to start without: checked before
    // anything else, every problem named with its file, line and question.
    let questionnaires = if matches!(run, Run::Check | Run::Serve) {
        let dir = config
            .questionnaires_dir
            .as_deref()
            .map(std::path::Path::new);
        match alliances_web::questionnaires::Questionnaires::load(dir) {
            Ok(q) => q,
            Err(errors) => {
                eprintln!("Erreur de configuration : questionnaire invalide.");
                for e in errors {
                    eprintln!("  {e}");
                }
                return ExitCode::from(EXIT_CONFIG);
            }
        }
    } else {
        alliances_web::questionnaires::Questionnaires::embedded()
    };
    // The learning path likewise: structure, both languages, durations and every link.
    let parcours = if matches!(run, Run::Check | Run::Serve) {
        let dir = config.parcours_dir.as_deref().map(std::path::Path::new);
        match alliances_web::parcours::load(dir) {
            Ok(p) => Some(p),
            Err(errors) => {
                eprintln!("Erreur de configuration : parcours d'apprentissage invalide.");
                for e in errors {
                    eprintln!("  {e}");
                }
                return ExitCode::from(EXIT_CONFIG);
            }
        }
    } else {
        None
    };
    match run {
        Run::Check => {
            match &file {
                Some(f) => println!(
                    "Configuration valide (fichier {}, puis environnement).",
                    f.display()
                ),
                None => println!(
                    "Configuration valide (aucun fichier ; valeurs par défaut et environnement)."
                ),
            }
            print!("{}", config.describe());
            ExitCode::SUCCESS
        }
        Run::Serve => cli::run(cli::serve::run(
            config,
            questionnaires,
            parcours.unwrap_or_else(alliances_web::parcours::embedded),
        )),
        Run::Migrate => cli::run(cli::migrate::run(config)),
        Run::Import {
            kind,
            file,
            dry_run,
            format,
            par,
        } => {
            let refused = std::sync::atomic::AtomicBool::new(false);
            let code = cli::run(async {
                let outcome = cli::import::import(
                    config,
                    kind,
                    &file,
                    format.as_deref(),
                    par.as_deref(),
                    dry_run,
                )
                .await?;
                if matches!(outcome, cli::import::Imported::Refused) {
                    refused.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                Ok(())
            });
            if refused.load(std::sync::atomic::Ordering::Relaxed) {
                ExitCode::from(cli::import::EXIT_INVALID)
            } else {
                code
            }
        }
        Run::Export {
            kind,
            format,
            output,
        } => cli::run(cli::records::export(
            config,
            kind,
            &format,
            output.as_deref(),
        )),
        Run::Save { file } => cli::run(cli::sauvegarde::save(config, &file)),
        Run::Restore { file, replace } => {
            cli::run(cli::sauvegarde::restore(config, &file, replace))
        }
        Run::Copy { to, replace } => cli::run(cli::sauvegarde::copy(config, &to, replace)),
        Run::CreateUser {
            courriel,
            role,
            pseudonyme,
        } => {
            let refused = std::sync::atomic::AtomicBool::new(false);
            let code = cli::run(async {
                if !cli::utilisateurs::create(config, &courriel, &role, pseudonyme.as_deref())
                    .await?
                {
                    refused.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                Ok(())
            });
            if refused.load(std::sync::atomic::Ordering::Relaxed) {
                ExitCode::from(cli::utilisateurs::EXIT_INVALID)
            } else {
                code
            }
        }
    }
}

enum Run {
    Serve,
    Migrate,
    Check,
    Import {
        kind: Kind,
        file: PathBuf,
        dry_run: bool,
        format: Option<String>,
        par: Option<String>,
    },
    Export {
        kind: Kind,
        format: String,
        output: Option<PathBuf>,
    },
    Save {
        file: PathBuf,
    },
    Restore {
        file: PathBuf,
        replace: bool,
    },
    Copy {
        to: String,
        replace: bool,
    },
    CreateUser {
        courriel: String,
        role: String,
        pseudonyme: Option<String>,
    },
}
