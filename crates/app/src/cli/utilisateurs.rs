//! `alliances utilisateurs creer`: an account made by the operator (the first administrator),
//! its address taken as confirmed, its password read from standard input. Logged in the audit
//! log as an action without an actor.

use std::io::BufRead as _;

use anyhow::Context as _;

use alliances_domain::compte::{self, CONSENT_VERSION, Role};
use alliances_domain::error::Invalid;
use alliances_store::comptes::{self, Account};
use alliances_store::{Db, migrate, redact_url};

use crate::config::Config;

/// Exit code of a refused account (bad value, address taken): nothing written.
pub const EXIT_INVALID: u8 = 3;

/// Creates the account; `Ok(false)` when refused (each reason printed in French).
pub async fn create(
    config: Config,
    courriel: &str,
    role: &str,
    pseudonyme: Option<&str>,
) -> anyhow::Result<bool> {
    super::init_logging(&config);
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .context("lecture du mot de passe sur l'entrée standard")?;
    let password = password.trim_end_matches(['\n', '\r']).to_owned();
    let mut invalid = Invalid::default();
    let typed = courriel;
    let courriel = compte::email(courriel)
        .map_err(|m| invalid.push("--courriel", m))
        .unwrap_or_default();
    let role = Role::parse(role);
    if role.is_none() {
        invalid.push("--role", "choisissez membre, moderateur ou administrateur");
    }
    compte::password(
        &password,
        &password,
        &mut invalid,
        "mot de passe (entrée standard)",
    );
    let pseudonyme = pseudonyme.map(str::to_owned).unwrap_or_else(|| {
        typed
            .trim()
            .split('@')
            .next()
            .unwrap_or_default()
            .to_owned()
    });
    let (pseudonyme, _, signature) = compte::profile(&pseudonyme, "", "pseudonyme", &mut invalid);
    for e in &mut invalid.0 {
        if e.champ == "pseudonyme" {
            e.champ = "--pseudonyme".into();
        }
    }
    if !invalid.0.is_empty() {
        for e in invalid.0 {
            eprintln!("{} : {}", e.champ, e.message);
        }
        return Ok(false);
    }
    let db = Db::connect(&config.database_url, &super::connect_options(&config))
        .await
        .with_context(|| format!("connexion à {}", redact_url(&config.database_url)))?;
    migrate::run(&db).await?;
    let now = alliances_web::clock::Clock::System.now();
    let role = role.unwrap_or(Role::Membre);
    let account = Account {
        id: alliances_web::accounts::new_id(),
        courriel: courriel.clone(),
        mot_de_passe: alliances_web::accounts::hash_password(password)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?,
        role: role.code().to_owned(),
        pseudonyme,
        organisation: None,
        signature: signature.code().to_owned(),
        consentement_le: now,
        consentement_version: CONSENT_VERSION.to_owned(),
        verifie_le: Some(now),
        cree_le: now,
        connecte_le: now,
    };
    if !comptes::create(&db, &account).await? {
        eprintln!("--courriel : un compte utilise déjà l'adresse {courriel}");
        db.close().await;
        return Ok(false);
    }
    let details = serde_json::json!({ "role": role.code() }).to_string();
    comptes::log_action(&db, None, "compte-cree", &account.id, &details, now).await?;
    println!("Compte {} créé ({}).", courriel, role.code());
    db.close().await;
    Ok(true)
}
