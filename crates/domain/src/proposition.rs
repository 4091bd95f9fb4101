//! Contributions: the moderation state machine of a proposal, and what a moderator's message
//! must hold.
//!
//! ```text
//!   en_attente ──accepter──▶ acceptee
//!      │  ▲  └────refuser───▶ refusee
//!      │  └──────reviser─────┐
//!      └─demander─▶ changements_demandes
//! ```

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statut {
    EnAttente,
    ChangementsDemandes,
    Acceptee,
    Refusee,
}

impl Statut {
    pub const ALL: [Statut; 4] = [
        Statut::EnAttente,
        Statut::ChangementsDemandes,
        Statut::Acceptee,
        Statut::Refusee,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Statut::EnAttente => "en_attente",
            Statut::ChangementsDemandes => "changements_demandes",
            Statut::Acceptee => "acceptee",
            Statut::Refusee => "refusee",
        }
    }

    #[must_use]
    pub fn parse(code: &str) -> Option<Statut> {
        Statut::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What a moderator or the contributor does to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Publish it as a new revision (moderator).
    Accepter,
    /// Close it, with a reason (moderator).
    Refuser,
    /// Send it back with a message (moderator).
    DemanderChangements,
    /// A new version after a request for changes (contributor).
    Reviser,
}

impl Decision {
    /// The state a decision leads to from `from`, or `None` when it cannot be taken there.
    #[must_use]
    pub fn apply(self, from: Statut) -> Option<Statut> {
        match (self, from) {
            (Decision::Accepter, Statut::EnAttente) => Some(Statut::Acceptee),
            (Decision::Refuser, Statut::EnAttente) => Some(Statut::Refusee),
            (Decision::DemanderChangements, Statut::EnAttente) => Some(Statut::ChangementsDemandes),
            (Decision::Reviser, Statut::ChangementsDemandes) => Some(Statut::EnAttente),
            _ => None,
        }
    }

    /// The audit log's action code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Decision::Accepter => "accepter",
            Decision::Refuser => "refuser",
            Decision::DemanderChangements => "demander",
            Decision::Reviser => "reviser",
        }
    }

    /// Whether the decision needs a message (a reason, what to change).
    #[must_use]
    pub fn needs_message(self) -> bool {
        matches!(self, Decision::Refuser | Decision::DemanderChangements)
    }
}

/// A message to the contributor or to the moderators: at most this many characters.
pub const MESSAGE_MAX: usize = 2_000;

/// A message, trimmed, or what to fix (French).
pub fn message(raw: &str, required: bool) -> Result<Option<String>, String> {
    let value = raw.trim();
    if value.is_empty() {
        return if required {
            Err(
                "écrivez un message qui dit au contributeur ce qui ne va pas ou quoi changer"
                    .into(),
            )
        } else {
            Ok(None)
        };
    }
    if value.chars().count() > MESSAGE_MAX {
        return Err(format!("{MESSAGE_MAX} caractères au plus"));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err("retirez les caractères de contrôle".into());
    }
    Ok(Some(value.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_machine() {
        use Decision::*;
        use Statut::*;
        assert_eq!(Accepter.apply(EnAttente), Some(Acceptee));
        assert_eq!(Refuser.apply(EnAttente), Some(Refusee));
        assert_eq!(
            DemanderChangements.apply(EnAttente),
            Some(ChangementsDemandes)
        );
        assert_eq!(Reviser.apply(ChangementsDemandes), Some(EnAttente));
        // Nothing leaves a closed proposal, and a sent-back one waits for its contributor.
        for d in [Accepter, Refuser, DemanderChangements, Reviser] {
            assert_eq!(d.apply(Acceptee), None);
            assert_eq!(d.apply(Refusee), None);
        }
        assert_eq!(Accepter.apply(ChangementsDemandes), None);
        assert_eq!(Reviser.apply(EnAttente), None);
        for s in Statut::ALL {
            assert_eq!(Statut::parse(s.code()), Some(s));
        }
    }

    #[test]
    fn messages() {
        assert!(message("  ", true).is_err());
        assert_eq!(message("  ", false), Ok(None));
        assert_eq!(message(" Merci ", true), Ok(Some("Merci".into())));
        assert!(message(&"a".repeat(MESSAGE_MAX + 1), true).is_err());
        assert!(message("a\u{7}b", true).is_err());
        assert!(message("ligne\nautre", true).is_ok());
    }
}
