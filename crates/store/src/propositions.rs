//! Proposals and the records' revisions (alliances, tools, catalyseurs): a proposal waits for
//! a moderator, who accepts it (a new revision is published through the change log, in the
//! same transaction), rejects it with a reason, or asks for changes; a moderator may restore
//! any earlier revision.

use crate::{Db, Result, Tx, fingerprint, on_read, on_tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub id: String,
    /// `alliance`, `outil`, `catalyseur`, or `signalement` (an error report).
    pub genre: String,
    /// The kind of record it is about (`genre` but for a report: the kind reported).
    pub sujet: String,
    pub cible: Option<String>,
    pub base: Option<i64>,
    /// The proposed record (JSON).
    pub document: String,
    pub nom: String,
    /// `niveau:code` of each territory the record names, space-separated.
    pub territoires: String,
    pub statut: String,
    pub message: Option<String>,
    pub note: Option<String>,
    pub auteur: Option<String>,
    pub moderateur: Option<String>,
    pub revision: Option<i64>,
    pub cree_le: i64,
    pub modifie_le: i64,
}

const COLUMNS: &str = "id, genre, cible, base, document, nom, territoires, statut, message, note, \
     auteur, moderateur, revision, cree_le, modifie_le, sujet";
type Row = (
    String,
    String,
    Option<String>,
    Option<i64>,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
    i64,
    String,
);

fn proposal(r: Row) -> Proposal {
    Proposal {
        id: r.0,
        genre: r.1,
        cible: r.2,
        base: r.3,
        document: r.4,
        nom: r.5,
        territoires: r.6,
        statut: r.7,
        message: r.8,
        note: r.9,
        auteur: r.10,
        moderateur: r.11,
        revision: r.12,
        cree_le: r.13,
        modifie_le: r.14,
        sujet: r.15,
    }
}

pub async fn create(db: &Db, p: &Proposal) -> Result<()> {
    let sql = format!(
        "INSERT INTO propositions ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
    );
    crate::on_write!(db, c => sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&p.id)
        .bind(&p.genre)
        .bind(&p.cible)
        .bind(p.base)
        .bind(&p.document)
        .bind(&p.nom)
        .bind(&p.territoires)
        .bind(&p.statut)
        .bind(&p.message)
        .bind(&p.note)
        .bind(&p.auteur)
        .bind(&p.moderateur)
        .bind(p.revision)
        .bind(p.cree_le)
        .bind(p.modifie_le)
        .bind(&p.sujet)
        .execute(c)
        .await?
        .rows_affected());
    Ok(())
}

pub async fn get(db: &Db, id: &str) -> Result<Option<Proposal>> {
    let sql = format!("SELECT {COLUMNS} FROM propositions WHERE id = $1");
    let row: Option<Row> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(p)
        .await?);
    Ok(row.map(proposal))
}

/// What the moderation queue shows: proposals in these states, of a kind (`signalement`:
/// the reports; a kind of record: its proposals and reports), naming a territory
/// (`niveau:code`), made at or before `before`; oldest first.
#[derive(Debug, Clone, Default)]
pub struct Queue<'a> {
    pub statuts: &'a [&'a str],
    pub genre: Option<&'a str>,
    pub territoire: Option<&'a str>,
    pub before: Option<i64>,
    pub limit: i64,
}

pub async fn queue(db: &Db, q: &Queue<'_>) -> Result<Vec<Proposal>> {
    let statuts = q.statuts.join(",");
    let territoire = q.territoire.map(|t| format!("% {t} %"));
    let sql = format!(
        "SELECT {COLUMNS} FROM propositions \
         WHERE (',' || $1 || ',') LIKE ('%,' || statut || ',%') \
           AND ($2 IS NULL OR genre = $2 OR sujet = $2) \
           AND ($3 IS NULL OR (' ' || territoires || ' ') LIKE $3) \
           AND ($4 IS NULL OR cree_le <= $4) \
         ORDER BY cree_le, id LIMIT $5"
    );
    let rows: Vec<Row> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(&statuts)
        .bind(q.genre)
        .bind(territoire)
        .bind(q.before)
        .bind(q.limit)
        .fetch_all(p)
        .await?);
    Ok(rows.into_iter().map(proposal).collect())
}

/// A contributor's proposals, latest first.
pub async fn of_author(db: &Db, auteur: &str) -> Result<Vec<Proposal>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM propositions WHERE auteur = $1 ORDER BY modifie_le DESC, id"
    );
    let rows: Vec<Row> = on_read!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(auteur)
        .fetch_all(p)
        .await?);
    Ok(rows.into_iter().map(proposal).collect())
}

/// The audit-log row of a moderator's decision, written in the decision's transaction (the
/// moderator is its actor).
#[derive(Debug, Clone)]
pub struct Audit<'a> {
    /// `accepter`, `refuser`, `demander`, `traiter`, `restaurer`.
    pub action: &'a str,
    /// What it is about (`outil/guide-des-communs`, a proposal's name…).
    pub cible: &'a str,
    /// Codes and ids (JSON object); a publication adds the revision it wrote.
    pub details: serde_json::Value,
}

const AUDIT_SQL: &str = "INSERT INTO journal_actions (date, acteur, action, cible, details) VALUES ($1, $2, $3, $4, $5)";

/// Moves a proposal from `from` to `to` with a moderator and a message, and logs it, in one
/// transaction; `Ok(false)` (nothing written) when it was no longer in `from` (someone else
/// decided first).
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    db: &Db,
    id: &str,
    from: &str,
    to: &str,
    moderateur: &str,
    message: Option<&str>,
    now: i64,
    audit: &Audit<'_>,
) -> Result<bool> {
    let details = audit.details.to_string();
    let mut tx = Tx::begin_write(db).await?;
    let n = on_tx!(&mut tx, c => {
        let n = sqlx::query(
            "UPDATE propositions SET statut = $3, moderateur = $4, message = $5, modifie_le = $6 \
             WHERE id = $1 AND statut = $2")
            .bind(id)
            .bind(from)
            .bind(to)
            .bind(moderateur)
            .bind(message)
            .bind(now)
            .execute(&mut *c)
            .await?
            .rows_affected();
        if n == 1 {
            sqlx::query(AUDIT_SQL)
                .bind(now)
                .bind(moderateur)
                .bind(audit.action)
                .bind(audit.cible)
                .bind(&details)
                .execute(&mut *c)
                .await?;
        }
        n
    });
    tx.commit().await?;
    Ok(n == 1)
}

/// A contributor's new version of a proposal.
pub struct Revised<'a> {
    pub document: &'a str,
    pub nom: &'a str,
    pub territoires: &'a str,
    pub note: Option<&'a str>,
}

/// The contributor's new version of a proposal the moderators sent back: waiting again.
pub async fn revise(db: &Db, id: &str, auteur: &str, r: &Revised<'_>, now: i64) -> Result<bool> {
    let n = crate::on_write!(db, p => sqlx::query(
        "UPDATE propositions SET document = $3, nom = $4, territoires = $5, note = $6, \
         statut = 'en_attente', modifie_le = $7 \
         WHERE id = $1 AND auteur = $2 AND statut = 'changements_demandes'")
        .bind(id)
        .bind(auteur)
        .bind(r.document)
        .bind(r.nom)
        .bind(r.territoires)
        .bind(r.note)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected());
    Ok(n == 1)
}

// ----- revisions -----

/// A record that has revisions: an alliance (tables `alliances`, `alliances_journal`,
/// `alliances_revisions`) or a document of another kind (`documents`, `documents_journal`,
/// `documents_revisions`, keyed by kind and identifier).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Alliance(&'a str),
    Document { genre: &'a str, id: &'a str },
}

impl<'a> Target<'a> {
    /// The record a proposal of kind `genre` is about: `alliance`, or a kind of `documents`.
    #[must_use]
    pub fn of(genre: &'a str, id: &'a str) -> Target<'a> {
        if genre == "alliance" {
            Target::Alliance(id)
        } else {
            Target::Document { genre, id }
        }
    }

    #[must_use]
    pub fn id(&self) -> &'a str {
        match self {
            Target::Alliance(id) | Target::Document { id, .. } => id,
        }
    }

    fn records(&self) -> &'static str {
        match self {
            Target::Alliance(_) => "alliances",
            Target::Document { .. } => "documents",
        }
    }

    fn revisions(&self) -> &'static str {
        match self {
            Target::Alliance(_) => "alliances_revisions",
            Target::Document { .. } => "documents_revisions",
        }
    }

    fn journal(&self) -> &'static str {
        match self {
            Target::Alliance(_) => "alliances_journal",
            Target::Document { .. } => "documents_journal",
        }
    }

    /// The key's columns in a table.
    fn key_columns(&self) -> &'static str {
        match self {
            Target::Alliance(_) => "slug",
            Target::Document { .. } => "id, genre",
        }
    }

    /// The key's placeholders from `$n` (bound last, by `bind_key!`).
    fn key_values(&self, n: usize) -> String {
        match self {
            Target::Alliance(_) => format!("${n}"),
            Target::Document { .. } => format!("${n}, ${}", n + 1),
        }
    }

    /// The condition on the key, with placeholders from `$n`.
    fn key_is(&self, n: usize) -> String {
        match self {
            Target::Alliance(_) => format!("slug = ${n}"),
            Target::Document { .. } => format!("id = ${n} AND genre = ${}", n + 1),
        }
    }
}

/// Binds a target's key after a statement's other parameters (`key_is`, `key_values`).
macro_rules! bind_key {
    ($q:expr, $t:expr) => {
        match $t {
            Target::Alliance(slug) => $q.bind(slug),
            Target::Document { genre, id } => $q.bind(id).bind(genre),
        }
    };
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub revision: i64,
    pub document: String,
    pub le: i64,
    pub source: String,
    pub auteur: Option<String>,
    pub proposition: Option<String>,
}

type RevisionRow = (i64, String, i64, String, Option<String>, Option<String>);

/// A record's revisions, oldest first. A record no contribution has touched has one:
/// itself as stored (never written to a revisions table until something changes it).
pub async fn history(db: &Db, target: Target<'_>) -> Result<Vec<Revision>> {
    let sql = format!(
        "SELECT revision, document, le, source, auteur, proposition FROM {} WHERE {} ORDER BY revision",
        target.revisions(),
        target.key_is(1)
    );
    let rows: Vec<RevisionRow> = on_read!(db, p => {
        bind_key!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), target)
        .fetch_all(p)
        .await?
    });
    if rows.is_empty() {
        let sql = format!(
            "SELECT document, modifie_le FROM {} WHERE {}",
            target.records(),
            target.key_is(1)
        );
        let current: Option<(String, i64)> = on_read!(db, p => {
            bind_key!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), target)
            .fetch_optional(p)
            .await?
        });
        return Ok(current
            .map(|(document, le)| Revision {
                revision: 1,
                document,
                le,
                source: "import".into(),
                auteur: None,
                proposition: None,
            })
            .into_iter()
            .collect());
    }
    Ok(rows
        .into_iter()
        .map(|r| Revision {
            revision: r.0,
            document: r.1,
            le: r.2,
            source: r.3,
            auteur: r.4,
            proposition: r.5,
        })
        .collect())
}

/// What a new revision is made of.
pub struct Publish<'a> {
    pub target: Target<'a>,
    /// The record's name (the `alliances` table keeps it beside the document).
    pub nom: &'a str,
    /// The record (JSON, as its kind serialises it).
    pub document: &'a str,
    /// A new record: nothing may be published under its identifier yet.
    pub create: bool,
    /// `proposition` or `restauration`.
    pub source: &'a str,
    pub auteur: Option<&'a str>,
    pub proposition: Option<&'a str>,
    pub now: i64,
}

/// What a publication did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// The new revision's number.
    Revision(i64),
    /// The proposal was decided or revised in between.
    NotWaiting,
    /// A record was published under the new record's identifier in between.
    Taken,
}

/// Writes a new revision of a record in one transaction: its first revision (the record as
/// it stood) when it had none, the record itself, a change-log row (every server follows
/// it: the search index for alliances, the in-memory collections for the other kinds), the
/// revision, for a proposal its acceptance by `moderateur`, and the audit-log row. Nothing
/// is written unless the proposal is still waiting with this very document, and a new
/// record's identifier is still free.
pub async fn publish(
    db: &Db,
    p: &Publish<'_>,
    moderateur: &str,
    audit: &Audit<'_>,
) -> Result<Published> {
    let t = p.target;
    let empreinte = fingerprint(&[p.document.as_bytes()]);
    let (records, revisions, journal) = (t.records(), t.revisions(), t.journal());
    let taken_sql = format!("SELECT COUNT(*) FROM {records} WHERE {}", t.key_is(1));
    let last_sql = format!(
        "SELECT MAX(revision) FROM {revisions} WHERE {}",
        t.key_is(1)
    );
    let first_sql = format!(
        "INSERT INTO {revisions} ({keys}, revision, document, le, source) \
         SELECT {keys}, 1, document, modifie_le, 'import' FROM {records} WHERE {}",
        t.key_is(1),
        keys = t.key_columns()
    );
    let upsert_sql = match t {
        Target::Alliance(_) => {
            "INSERT INTO alliances (nom, document, empreinte, origine, importe_par, cree_le, modifie_le, slug) \
             VALUES ($1, $2, $3, 'contribution', NULL, $4, $4, $5) \
             ON CONFLICT (slug) DO UPDATE SET nom = excluded.nom, document = excluded.document, \
             empreinte = excluded.empreinte, origine = excluded.origine, importe_par = NULL, \
             modifie_le = excluded.modifie_le"
        }
        Target::Document { .. } => {
            "INSERT INTO documents (document, empreinte, origine, importe_par, cree_le, modifie_le, id, genre) \
             VALUES ($1, $2, 'contribution', NULL, $3, $3, $4, $5) \
             ON CONFLICT (genre, id) DO UPDATE SET document = excluded.document, \
             empreinte = excluded.empreinte, origine = excluded.origine, importe_par = NULL, \
             modifie_le = excluded.modifie_le"
        }
    };
    let journal_sql = format!(
        "INSERT INTO {journal} (operation, le, {}) VALUES ('ecriture', $1, {})",
        t.key_columns(),
        t.key_values(2)
    );
    let revision_sql = format!(
        "INSERT INTO {revisions} (revision, document, le, source, auteur, proposition, {}) \
         VALUES ($1, $2, $3, $4, $5, $6, {})",
        t.key_columns(),
        t.key_values(7)
    );
    let lock_sql = format!("LOCK TABLE {journal} IN EXCLUSIVE MODE");
    let mut tx = Tx::begin_write(db).await?;
    if let Tx::Pg(c) = &mut tx {
        // The same lock as an import: change-log numbers commit in order.
        sqlx::query(sqlx::AssertSqlSafe(lock_sql))
            .execute(&mut **c)
            .await?;
    }
    let revision = on_tx!(&mut tx, c => {
        if let Some(id) = p.proposition {
            let n = sqlx::query(
                "UPDATE propositions SET statut = 'acceptee', moderateur = $2, message = NULL, modifie_le = $3 \
                 WHERE id = $1 AND statut = 'en_attente' AND document = $4")
                .bind(id)
                .bind(moderateur)
                .bind(p.now)
                .bind(p.document)
                .execute(&mut *c)
                .await?
                .rows_affected();
            if n != 1 {
                return Ok(Published::NotWaiting);
            }
        }
        if p.create {
            let taken: i64 = bind_key!(sqlx::query_scalar(sqlx::AssertSqlSafe(taken_sql)), t)
            .fetch_one(&mut *c)
            .await?;
            if taken > 0 {
                return Ok(Published::Taken);
            }
        }
        let last: Option<i64> = bind_key!(sqlx::query_scalar(sqlx::AssertSqlSafe(last_sql)), t)
        .fetch_one(&mut *c)
        .await?;
        let mut next = last.unwrap_or(0) + 1;
        if last.is_none() {
            // The record as it stood becomes revision 1.
            let n = bind_key!(sqlx::query(sqlx::AssertSqlSafe(first_sql)), t)
                .execute(&mut *c)
                .await?
                .rows_affected();
            next += i64::try_from(n).unwrap_or(0);
        }
        let q = sqlx::query(upsert_sql);
        let q = match t {
            Target::Alliance(_) => q.bind(p.nom),
            Target::Document { .. } => q,
        };
        bind_key!(q.bind(p.document).bind(&empreinte).bind(p.now), t)
            .execute(&mut *c)
            .await?;
        bind_key!(sqlx::query(sqlx::AssertSqlSafe(journal_sql)).bind(p.now), t)
            .execute(&mut *c)
            .await?;
        let q = sqlx::query(sqlx::AssertSqlSafe(revision_sql))
            .bind(next)
            .bind(p.document)
            .bind(p.now)
            .bind(p.source)
            .bind(p.auteur)
            .bind(p.proposition);
        bind_key!(q, t).execute(&mut *c).await?;
        if let Some(id) = p.proposition {
            sqlx::query("UPDATE propositions SET revision = $2 WHERE id = $1")
                .bind(id)
                .bind(next)
                .execute(&mut *c)
                .await?;
        }
        let mut details = audit.details.clone();
        if let Some(o) = details.as_object_mut() {
            o.insert("revision".into(), next.into());
        }
        sqlx::query(AUDIT_SQL)
            .bind(p.now)
            .bind(moderateur)
            .bind(audit.action)
            .bind(audit.cible)
            .bind(details.to_string())
            .execute(&mut *c)
            .await?;
        next
    });
    tx.commit().await?;
    Ok(Published::Revision(revision))
}

/// The current revision number of a record (1 when it has no history yet), `None` when the
/// record does not exist.
pub async fn current_revision(db: &Db, target: Target<'_>) -> Result<Option<i64>> {
    let exists_sql = format!(
        "SELECT COUNT(*) FROM {} WHERE {}",
        target.records(),
        target.key_is(1)
    );
    let last_sql = format!(
        "SELECT MAX(revision) FROM {} WHERE {}",
        target.revisions(),
        target.key_is(1)
    );
    let exists: i64 = on_read!(db, p => {
        bind_key!(sqlx::query_scalar(sqlx::AssertSqlSafe(exists_sql)), target)
        .fetch_one(p)
        .await?
    });
    if exists == 0 {
        return Ok(None);
    }
    let last: Option<i64> = on_read!(db, p => {
        bind_key!(sqlx::query_scalar(sqlx::AssertSqlSafe(last_sql)), target)
        .fetch_one(p)
        .await?
    });
    Ok(Some(last.unwrap_or(1)))
}
