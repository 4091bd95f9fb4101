//! Personal links (CONVENTIONS.md): 160-bit secrets, of which the database keeps only the
//! SHA-256. Diagnostics, learning progress and facilitators' groups use them.

use sha2::{Digest, Sha256};

/// A new secret for a personal link: 160 random bits, hex.
#[must_use]
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the system random source works");
    hex(&bytes)
}

/// The partner link of rank `rang` of a collective, derived from the facilitator's secret
/// (one-way: a partner's link reveals neither the facilitator's nor another partner's).
#[must_use]
pub fn partner_secret(facilitator: &str, rang: usize) -> String {
    derived_secret("partenaire", facilitator, rang)
}

/// The link of rank `rang` of a kind (`partenaire`, `apprenant`) derived one-way from a
/// facilitator's secret.
#[must_use]
pub fn derived_secret(kind: &str, facilitator: &str, rang: usize) -> String {
    let digest = Sha256::digest(format!("{kind}:{facilitator}:{rang}").as_bytes());
    hex(&digest[..20])
}

/// What the database stores for a secret: its SHA-256.
#[must_use]
pub fn key_of(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Whether `s` has the shape of a secret (40 lowercase hex digits).
#[must_use]
pub fn is_secret(s: &str) -> bool {
    s.len() == 40
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
