//! Members' accounts: roles, what a sign-up must hold, and the throttle on login and reset
//! attempts. Passwords are hashed at the edge (Argon2id); nothing here does I/O.

use crate::error::Invalid;

/// What an account may do. Each role can do everything the roles before it can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Membre,
    Moderateur,
    Administrateur,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Membre, Role::Moderateur, Role::Administrateur];

    /// The stored code (also the CLI's `--role`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Role::Membre => "membre",
            Role::Moderateur => "moderateur",
            Role::Administrateur => "administrateur",
        }
    }

    /// Reads a stored or typed code (`modérateur` accepted with its accent).
    #[must_use]
    pub fn parse(code: &str) -> Option<Role> {
        match code.trim() {
            "membre" => Some(Role::Membre),
            "moderateur" | "modérateur" => Some(Role::Moderateur),
            "administrateur" => Some(Role::Administrateur),
            _ => None,
        }
    }
}

/// How a member's contributions are signed in public histories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    Pseudonyme,
    Organisation,
}

impl Signature {
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Signature::Pseudonyme => "pseudonyme",
            Signature::Organisation => "organisation",
        }
    }

    #[must_use]
    pub fn parse(code: &str) -> Option<Signature> {
        match code {
            "pseudonyme" => Some(Signature::Pseudonyme),
            "organisation" => Some(Signature::Organisation),
            _ => None,
        }
    }
}

/// The version of the terms a member consents to at sign-up (the privacy notice's date).
pub const CONSENT_VERSION: &str = "2026-12-04";

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;
pub const NAME_MAX: usize = 60;
pub const EMAIL_MAX: usize = 254;

/// A sign-up as typed, before validation.
#[derive(Debug, Clone, Default)]
pub struct SignupForm {
    pub courriel: String,
    pub mot_de_passe: String,
    pub confirmation: String,
    pub pseudonyme: String,
    pub organisation: String,
    pub signature: String,
    pub consentement: bool,
}

/// A valid sign-up: the address normalised, the display names trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signup {
    pub courriel: String,
    pub mot_de_passe: String,
    pub pseudonyme: String,
    pub organisation: Option<String>,
    pub signature: Signature,
}

/// An e-mail address, trimmed and lower-cased, or what to fix.
pub fn email(raw: &str) -> Result<String, String> {
    let value = raw.trim().to_lowercase();
    if value.is_empty() {
        return Err("indiquez votre adresse électronique".into());
    }
    if value.chars().count() > EMAIL_MAX {
        return Err(format!(
            "l'adresse électronique dépasse {EMAIL_MAX} caractères"
        ));
    }
    let valid = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
    }) && !value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c));
    if valid {
        Ok(value)
    } else {
        Err("adresse électronique invalide : écrivez-la sous la forme nom@domaine.fr".into())
    }
}

/// A new password's rules: length only (NIST SP 800-63B), with the confirmation equal.
pub fn password(value: &str, confirmation: &str, invalid: &mut Invalid, champ: &str) {
    let n = value.chars().count();
    if n < PASSWORD_MIN {
        invalid.push(
            champ,
            format!("le mot de passe doit compter au moins {PASSWORD_MIN} caractères"),
        );
    } else if n > PASSWORD_MAX {
        invalid.push(
            champ,
            format!("le mot de passe ne peut dépasser {PASSWORD_MAX} caractères"),
        );
    } else if value != confirmation {
        invalid.push(
            "confirmation",
            "la confirmation ne correspond pas au mot de passe",
        );
    }
}

/// A public name (pseudonym, organisation): trimmed, no control characters, at most
/// [`NAME_MAX`] characters.
fn name(raw: &str, champ: &str, required: bool, invalid: &mut Invalid) -> Option<String> {
    let value = raw.trim();
    if value.is_empty() {
        if required {
            invalid.push(champ, "ce champ est obligatoire");
        }
        return None;
    }
    if value.chars().any(char::is_control) {
        invalid.push(champ, "retirez les caractères de contrôle");
    } else if value.chars().count() > NAME_MAX {
        invalid.push(champ, format!("{NAME_MAX} caractères au plus"));
    }
    Some(value.to_owned())
}

/// The public names of a profile: a pseudonym, an optional organisation and which of the two
/// signs the contributions.
pub fn profile(
    pseudonyme: &str,
    organisation: &str,
    signature: &str,
    invalid: &mut Invalid,
) -> (String, Option<String>, Signature) {
    let pseudonyme = name(pseudonyme, "pseudonyme", true, invalid).unwrap_or_default();
    let organisation = name(organisation, "organisation", false, invalid);
    let signature = match Signature::parse(signature) {
        Some(Signature::Organisation) if organisation.is_none() => {
            invalid.push(
                "organisation",
                "indiquez l'organisation qui signera vos contributions",
            );
            Signature::Organisation
        }
        Some(s) => s,
        None => {
            invalid.push("signature", "choisissez « pseudonyme » ou « organisation »");
            Signature::Pseudonyme
        }
    };
    (pseudonyme, organisation, signature)
}

impl SignupForm {
    /// Every field checked; each error names its field.
    pub fn validate(&self) -> Result<Signup, Invalid> {
        let mut invalid = Invalid::default();
        let courriel = email(&self.courriel)
            .map_err(|m| invalid.push("courriel", m))
            .unwrap_or_default();
        password(
            &self.mot_de_passe,
            &self.confirmation,
            &mut invalid,
            "mot_de_passe",
        );
        let (pseudonyme, organisation, signature) = profile(
            &self.pseudonyme,
            &self.organisation,
            &self.signature,
            &mut invalid,
        );
        if !self.consentement {
            invalid.push(
                "consentement",
                "cochez la case pour accepter la notice de confidentialité",
            );
        }
        invalid.into_result()?;
        Ok(Signup {
            courriel,
            mot_de_passe: self.mot_de_passe.clone(),
            pseudonyme,
            organisation,
            signature,
        })
    }
}

/// How a contribution is signed in public: the organisation or the pseudonym the member
/// chose, « contributeur supprimé » once the account is gone.
#[must_use]
pub fn public_author(
    pseudonyme: Option<&str>,
    organisation: Option<&str>,
    signature: Option<Signature>,
) -> Option<String> {
    match (signature?, organisation) {
        (Signature::Organisation, Some(o)) => Some(o.to_owned()),
        _ => pseudonyme.map(str::to_owned),
    }
}

/// Attempts (logins, resets, sign-ups, reports): at most [`Throttle::MAX`] per address and
/// [`Throttle::CLIENT_MAX`] per client in a window of [`Throttle::WINDOW`] seconds; past it,
/// the key waits for the window's end. Each attempt is counted before it is made; a
/// successful login clears its address's count.
pub struct Throttle;

impl Throttle {
    pub const MAX: i64 = 5;
    pub const CLIENT_MAX: i64 = 20;
    pub const WINDOW: i64 = 15 * 60;

    /// Seconds left to wait, or `None` when an attempt may be made now, for `failures` counted
    /// since `since` against a limit of `max`.
    #[must_use]
    pub fn wait(max: i64, failures: i64, since: i64, now: i64) -> Option<i64> {
        let end = since + Self::WINDOW;
        (failures >= max && now < end).then_some(end - now)
    }

    /// Seconds left to wait when the attempt just counted — the `counted`-th in the window
    /// that began at `since` — goes past the limit `max`; `None` when it may be made.
    #[must_use]
    pub fn wait_after(max: i64, counted: i64, since: i64, now: i64) -> Option<i64> {
        Self::wait(max, counted - 1, since, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SignupForm {
        SignupForm {
            courriel: " Camille@Exemple.FR ".into(),
            mot_de_passe: "une phrase assez longue".into(),
            confirmation: "une phrase assez longue".into(),
            pseudonyme: "Camille".into(),
            organisation: String::new(),
            signature: "pseudonyme".into(),
            consentement: true,
        }
    }

    #[test]
    fn a_valid_signup_is_normalised() {
        let s = form().validate().unwrap();
        assert_eq!(s.courriel, "camille@exemple.fr");
        assert_eq!(s.organisation, None);
        assert_eq!(s.signature, Signature::Pseudonyme);
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = SignupForm {
            courriel: "camille.exemple.fr".into(),
            mot_de_passe: "court".into(),
            confirmation: "court".into(),
            pseudonyme: "  ".into(),
            organisation: String::new(),
            signature: "organisation".into(),
            consentement: false,
        };
        let fields: Vec<String> = bad
            .validate()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.champ)
            .collect();
        assert_eq!(
            fields,
            [
                "courriel",
                "mot_de_passe",
                "pseudonyme",
                "organisation",
                "consentement"
            ]
        );
        let mismatch = SignupForm {
            confirmation: "une autre phrase longue".into(),
            ..form()
        };
        assert_eq!(mismatch.validate().unwrap_err().0[0].champ, "confirmation");
    }

    #[test]
    fn addresses() {
        for bad in [
            "a@b", "@b.fr", "a@.fr", "a b@c.fr", "a@b..fr", "a@b@c.fr", "<a@b.fr>",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
        assert_eq!(
            email("A.B+x@Sub.Exemple.org").unwrap(),
            "a.b+x@sub.exemple.org"
        );
    }

    #[test]
    fn roles_and_authors() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
        assert!(Role::Membre < Role::Moderateur && Role::Moderateur < Role::Administrateur);
        assert_eq!(Role::parse("modérateur"), Some(Role::Moderateur));
        assert_eq!(Role::parse("root"), None);
        assert_eq!(
            public_author(Some("Cam"), Some("Asso"), Some(Signature::Organisation)).as_deref(),
            Some("Asso")
        );
        assert_eq!(
            public_author(Some("Cam"), Some("Asso"), Some(Signature::Pseudonyme)).as_deref(),
            Some("Cam")
        );
        assert_eq!(public_author(None, None, None), None);
    }

    #[test]
    fn the_throttle_opens_after_the_window() {
        assert_eq!(Throttle::wait(Throttle::MAX, 4, 0, 10), None);
        assert_eq!(
            Throttle::wait(Throttle::MAX, 5, 0, 10),
            Some(Throttle::WINDOW - 10)
        );
        assert_eq!(Throttle::wait(Throttle::MAX, 9, 0, Throttle::WINDOW), None);
        assert_eq!(Throttle::wait(Throttle::CLIENT_MAX, 5, 0, 10), None);
        // Counted first: the fifth attempt may be made, the sixth waits.
        assert_eq!(Throttle::wait_after(Throttle::MAX, 5, 0, 10), None);
        assert_eq!(
            Throttle::wait_after(Throttle::MAX, 6, 0, 10),
            Some(Throttle::WINDOW - 10)
        );
    }
}
