//! Accounts: sign-up with consent, address verification and password reset by mail, login
//! with a throttle, logout (`html`), and the member's own space: profile, attached personal
//! links, API tokens, their data as JSON, deletion (`espace`). What the forms send is read
//! here, once.

pub mod espace;
pub mod html;

use alliances_domain::compte::SignupForm;
use alliances_domain::error::FieldError;
use alliances_i18n::Lang;
use alliances_store::comptes::{self, Usage};

use crate::error::{AppError, AppResult};
use crate::mail::Mail;
use crate::personal::form_value;
use crate::state::AppState;

/// The honeypot field: hidden from people, filled by robots.
pub const HONEYPOT: &str = "site_web";

/// A sign-up form from its fields.
#[must_use]
pub fn signup_form(pairs: &[(String, String)]) -> SignupForm {
    SignupForm {
        courriel: form_value(pairs, "courriel"),
        mot_de_passe: form_value(pairs, "mot_de_passe"),
        confirmation: form_value(pairs, "confirmation"),
        pseudonyme: form_value(pairs, "pseudonyme"),
        organisation: form_value(pairs, "organisation"),
        signature: form_value(pairs, "signature"),
        consentement: !form_value(pairs, "consentement").is_empty(),
    }
}

/// A local path to come back to after login (`/mon-espace` unless a safe one is given).
#[must_use]
pub fn safe_return(raw: &str) -> String {
    let ok = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.contains('\\')
        && !raw.chars().any(char::is_control)
        && !raw.starts_with("/compte/");
    if ok {
        raw.to_owned()
    } else {
        "/mon-espace".to_owned()
    }
}

/// One input of a form as templates draw it.
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub kind: &'static str,
    pub value: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub autocomplete: &'static str,
    pub required: bool,
}

impl Field {
    #[must_use]
    pub fn new(name: &'static str, label: String, kind: &'static str) -> Field {
        Field {
            name,
            label,
            kind,
            value: String::new(),
            hint: None,
            error: None,
            autocomplete: "off",
            required: true,
        }
    }

    #[must_use]
    pub fn value(mut self, v: impl Into<String>) -> Field {
        self.value = v.into();
        self
    }

    #[must_use]
    pub fn hint(mut self, h: String) -> Field {
        self.hint = Some(h);
        self
    }

    #[must_use]
    pub fn autocomplete(mut self, a: &'static str) -> Field {
        self.autocomplete = a;
        self
    }

    #[must_use]
    pub fn optional(mut self) -> Field {
        self.required = false;
        self
    }
}

/// Puts each error on its field; errors of fields not shown are returned.
pub fn place_errors(fields: &mut [Field], errors: Vec<FieldError>) -> Vec<FieldError> {
    let mut rest = Vec::new();
    for e in errors {
        match fields.iter_mut().find(|f| f.name == e.champ) {
            Some(f) if f.error.is_none() => f.error = Some(e.message),
            Some(_) => {}
            None => rest.push(e),
        }
    }
    rest
}

/// Creates a one-time link of that use for an account and mails it, in the reader's language.
pub async fn send_link(
    state: &AppState,
    lang: Lang,
    base: &str,
    account: &str,
    to: &str,
    usage: Usage,
) -> AppResult<()> {
    let secret = crate::links::new_secret();
    comptes::create_token(
        &state.db,
        &crate::links::key_of(&secret),
        account,
        usage,
        state.now(),
    )
    .await?;
    let (path, key) = match usage {
        Usage::Verification => ("/compte/verification", "courriel-verification"),
        Usage::Reinitialisation => ("/compte/reinitialisation", "courriel-reinitialisation"),
    };
    let link = format!(
        "{base}{}",
        crate::ctx::link(lang, &format!("{path}/{secret}"))
    );
    send(state, lang, key, to, &link).await
}

/// Sends the mail `key` (`KEY-sujet`, `KEY-corps` with `$lien`) in a language.
pub async fn send(state: &AppState, lang: Lang, key: &str, to: &str, link: &str) -> AppResult<()> {
    let catalog = &state.catalog;
    let mail = Mail {
        to: to.to_owned(),
        subject: catalog.get(lang, &format!("{key}-sujet")).into_owned(),
        body: catalog
            .get_with(
                lang,
                &format!("{key}-corps"),
                &[("lien", alliances_i18n::text(link))],
            )
            .into_owned(),
    };
    state
        .settings
        .mailer
        .send(&state.settings.mail_from, &mail)
        .await
        .map_err(|e| AppError::Internal(format!("courriel non envoyé : {e}")))
}

#[cfg(test)]
mod tests {
    use super::safe_return;

    #[test]
    fn only_local_paths_come_back() {
        assert_eq!(safe_return("/exemples?q=a"), "/exemples?q=a");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "",
            "/compte/connexion",
        ] {
            assert_eq!(safe_return(bad), "/mon-espace", "{bad}");
        }
    }
}
