//! The kinds of records members contribute to — alliances, tools, catalyseurs — and one
//! record of any of them: read from the API's JSON and checked as an import row is, written
//! to a proposal, compared column by column, fetched as published.

use alliances_domain::alliance::Alliance;
use alliances_domain::catalyseur::Catalyseur;
use alliances_domain::error::{FieldError, Invalid};
use alliances_domain::outil::Outil;
use alliances_domain::record::Record;
use alliances_store::documents;
use alliances_store::propositions::Target;

use crate::error::{AppError, AppResult};
use crate::state::{AppState, Ready};

/// A kind of record open to contributions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Alliance,
    Outil,
    Catalyseur,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Alliance, Kind::Outil, Kind::Catalyseur];
    /// Each kind's place in [`Kind::ALL`]: handlers shared by the kinds take it as a const
    /// parameter (`history::<{ Kind::OUTIL }>`), one route per kind.
    pub const ALLIANCE: usize = 0;
    pub const OUTIL: usize = 1;
    pub const CATALYSEUR: usize = 2;

    /// As stored in a proposal's `genre` (and, for tools and catalyseurs, in `documents`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Kind::Alliance => "alliance",
            Kind::Outil => documents::OUTIL,
            Kind::Catalyseur => documents::CATALYSEUR,
        }
    }

    #[must_use]
    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The plural in paths: `/contributions/{plural}`, `/moderation/{plural}/…`, `/api/v1/{plural}`.
    #[must_use]
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Alliance => "alliances",
            Kind::Outil => "outils",
            Kind::Catalyseur => "catalyseurs",
        }
    }

    /// The public page of a record (without the language prefix).
    #[must_use]
    pub fn fiche(self, slug: &str) -> String {
        match self {
            Kind::Alliance => format!("/exemples/{slug}"),
            Kind::Outil => format!("/outils/{slug}"),
            Kind::Catalyseur => format!("/catalyseurs/{slug}"),
        }
    }

    #[must_use]
    pub fn target(self, slug: &str) -> Target<'_> {
        Target::of(self.code(), slug)
    }

    /// The kind of record a proposal (or a report) is about.
    pub fn of_proposal(p: &alliances_store::propositions::Proposal) -> AppResult<Kind> {
        Kind::parse(&p.sujet).ok_or_else(|| {
            AppError::Internal(format!(
                "proposition {} : sujet « {} » inconnu",
                p.id, p.sujet
            ))
        })
    }

    /// The API path of one record, named in messages.
    #[must_use]
    pub fn api_path(self) -> String {
        format!("GET /api/v1/{}/{{slug}}", self.plural())
    }
}

/// One record of a contributable kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Doc {
    Alliance(Box<Alliance>),
    Outil(Outil),
    Catalyseur(Catalyseur),
}

/// A JSON body read into a record of type `R`; each type error names its field.
fn deserialize<R: serde::de::DeserializeOwned>(kind: Kind, body: &[u8]) -> Result<R, Invalid> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Invalid(vec![FieldError::new(
            "corps",
            format!(
                "JSON illisible : {e} ; envoyez un objet comme celui de {}",
                kind.api_path()
            ),
        )])
    })?;
    if !value.is_object() {
        return Err(Invalid(vec![FieldError::new(
            "corps",
            format!("envoyez un objet JSON comme celui de {}", kind.api_path()),
        )]));
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let champ = e.path().to_string();
        let champ = if champ == "." {
            "corps".to_owned()
        } else {
            champ
        };
        Invalid(vec![FieldError::new(
            champ,
            format!("valeur illisible : {}", e.inner()),
        )])
    })
}

impl Doc {
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self {
            Doc::Alliance(_) => Kind::Alliance,
            Doc::Outil(_) => Kind::Outil,
            Doc::Catalyseur(_) => Kind::Catalyseur,
        }
    }

    #[must_use]
    pub fn slug(&self) -> &str {
        match self {
            Doc::Alliance(a) => &a.slug,
            Doc::Outil(o) => &o.slug,
            Doc::Catalyseur(c) => &c.slug,
        }
    }

    #[must_use]
    pub fn nom(&self) -> &str {
        match self {
            Doc::Alliance(a) => &a.nom,
            Doc::Outil(o) => &o.nom,
            Doc::Catalyseur(c) => &c.nom,
        }
    }

    /// A record in the API's shape (`GET /api/v1/{kind}/{slug}`; what only the API adds —
    /// names and links of territories, `url`, `provenance` — is ignored), checked as the
    /// imports check a row, completed as they complete it (editorial classifications).
    pub fn read_api(ready: &Ready, kind: Kind, body: &[u8]) -> Result<Doc, Invalid> {
        let doc = match kind {
            Kind::Alliance => Doc::Alliance(Box::new(deserialize(kind, body)?)),
            Kind::Outil => Doc::Outil(deserialize(kind, body)?),
            Kind::Catalyseur => Doc::Catalyseur(deserialize(kind, body)?),
        };
        doc.checked(ready).map_err(Invalid)
    }

    /// The record checked by its kind's import rules, then completed.
    pub fn checked(mut self, ready: &Ready) -> Result<Doc, Vec<FieldError>> {
        let r = &ready.referential;
        match &mut self {
            Doc::Alliance(a) => {
                a.validate(r)?;
                a.derive_editorial(r);
            }
            Doc::Outil(o) => {
                o.validate(&())?;
                o.complete(&());
            }
            Doc::Catalyseur(c) => {
                c.validate(r)?;
                c.complete(r);
            }
        }
        Ok(self)
    }

    /// The record a proposal holds.
    pub fn of_proposal(p: &alliances_store::propositions::Proposal) -> AppResult<Doc> {
        Doc::from_json(Kind::of_proposal(p)?, &p.document)
    }

    /// As stored in a proposal or a revision.
    pub fn from_json(kind: Kind, json: &str) -> AppResult<Doc> {
        let read = match kind {
            Kind::Alliance => serde_json::from_str(json).map(|a| Doc::Alliance(Box::new(a))),
            Kind::Outil => serde_json::from_str(json).map(Doc::Outil),
            Kind::Catalyseur => serde_json::from_str(json).map(Doc::Catalyseur),
        };
        read.map_err(|e| AppError::Internal(format!("{} illisible : {e}", kind.code())))
    }

    pub fn to_json(&self) -> AppResult<String> {
        match self {
            Doc::Alliance(a) => serde_json::to_string(a),
            Doc::Outil(o) => serde_json::to_string(o),
            Doc::Catalyseur(c) => serde_json::to_string(c),
        }
        .map_err(|e| AppError::Internal(e.to_string()))
    }

    /// `niveau:code` of each place the record names, for the queue's territory filter.
    #[must_use]
    pub fn places(&self) -> String {
        let places: Vec<&alliances_domain::alliance::TerritoryRef> = match self {
            Doc::Alliance(a) => a.places().collect(),
            Doc::Outil(_) => Vec::new(),
            Doc::Catalyseur(c) => c.places().collect(),
        };
        places
            .iter()
            .map(|t| format!("{}:{}", t.niveau, t.code))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The record in its kind's import layout (what the moderators' diff and the history
    /// compare).
    #[must_use]
    pub fn columns(&self, ready: &Ready) -> Vec<(&'static str, String)> {
        match self {
            Doc::Alliance(a) => a.to_columns(&[]),
            Doc::Outil(o) => o.to_columns(),
            Doc::Catalyseur(c) => {
                let places = crate::opendata::alliances::Places::of(ready);
                c.to_columns(&places.region_names_of(c.places()))
            }
        }
    }

    /// The published record of a kind under this identifier.
    pub async fn published(state: &AppState, kind: Kind, slug: &str) -> AppResult<Option<Doc>> {
        Ok(match kind {
            Kind::Alliance => alliances_store::alliances::get(&state.db, slug)
                .await?
                .map(|s| Doc::Alliance(Box::new(s.alliance))),
            Kind::Outil => {
                first(documents::by_ids(&state.db, kind.code(), &[slug.to_owned()]).await?)
                    .map(Doc::Outil)
            }
            Kind::Catalyseur => {
                first(documents::by_ids(&state.db, kind.code(), &[slug.to_owned()]).await?)
                    .map(Doc::Catalyseur)
            }
        })
    }
}

/// The identifier of the record a proposal is about (its target, else its document's).
#[must_use]
pub fn slug_of(p: &alliances_store::propositions::Proposal) -> Option<String> {
    p.cible.clone().or_else(|| {
        serde_json::from_str::<serde_json::Value>(&p.document)
            .ok()
            .and_then(|d| d["slug"].as_str().map(str::to_owned))
    })
}

fn first<R>(found: Vec<documents::Stored<R>>) -> Option<R> {
    found.into_iter().next().map(|s| s.record)
}

/// The fields (columns of the import layout) that differ between two versions of a record;
/// for a first version (`before` none), the fields it sets.
#[must_use]
pub fn changed_columns(
    ready: &Ready,
    before: Option<&Doc>,
    after: &Doc,
) -> Vec<(&'static str, String, String)> {
    let old: std::collections::BTreeMap<&str, String> = before
        .map(|d| d.columns(ready).into_iter().collect())
        .unwrap_or_default();
    after
        .columns(ready)
        .into_iter()
        .filter(|(k, v)| old.get(k).map_or(!v.is_empty(), |o| o != v))
        .map(|(k, v)| (k, old.get(k).cloned().unwrap_or_default(), v))
        .collect()
}
