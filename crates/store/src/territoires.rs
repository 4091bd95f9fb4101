//! Queries over the `territoires` table.

use sqlx::QueryBuilder;

use crate::{Db, Result, StoreError, on_read};
use alliances_domain::pagination::Page;
use alliances_domain::territory::{Level, Territory};
use alliances_domain::text::{fold, words};

const COLUMNS: &str = "niveau, code, nom, zone, type, region, departement, com, epci, ept, \
     chef_lieu, siren, codes_postaux, mode_financement, population, population_annee, population_source";

macro_rules! territory_from_row {
    ($row:expr) => {{
        use sqlx::Row;
        let r = $row;
        let niveau: String = r.try_get(0)?;
        let postal: Option<String> = r.try_get(12)?;
        Territory {
            level: Level::from_code(&niveau)
                .ok_or_else(|| StoreError::Reference(format!("niveau inconnu « {niveau} »")))?,
            code: r.try_get(1)?,
            name: r.try_get(2)?,
            zone: r.try_get(3)?,
            kind: r.try_get(4)?,
            region: r.try_get(5)?,
            departement: r.try_get(6)?,
            com: r.try_get(7)?,
            epci: r.try_get(8)?,
            ept: r.try_get(9)?,
            chef_lieu: r.try_get(10)?,
            siren: r.try_get(11)?,
            postal_codes: postal
                .map(|s| s.split_whitespace().map(str::to_owned).collect())
                .unwrap_or_default(),
            funding_mode: r.try_get(13)?,
            population: r.try_get(14)?,
            population_year: r.try_get(15)?,
            population_source: r.try_get(16)?,
        }
    }};
}

/// Runs a SELECT of `COLUMNS` built by `build` and maps every row.
macro_rules! fetch_territories {
    ($db:expr, |$qb:ident| $build:block) => {
        on_read!($db, p => {
            let mut $qb = QueryBuilder::new(format!("SELECT {COLUMNS} FROM territoires "));
            $build
            let rows = $qb.build().fetch_all(p).await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                out.push(territory_from_row!(row));
            }
            out
        })
    };
}

/// One territory by level and code.
pub async fn get(db: &Db, level: Level, code: &str) -> Result<Option<Territory>> {
    if !level.accepts(code) {
        return Ok(None);
    }
    let mut found = fetch_territories!(db, |qb| {
        qb.push("WHERE niveau = ").push_bind(level.code());
        qb.push(" AND code = ").push_bind(code);
    });
    Ok(found.pop())
}

/// Every territory of a level, by code, one page at a time; with the total.
pub async fn list(db: &Db, level: Level, page: Page) -> Result<(u64, Vec<Territory>)> {
    let total = count(db, level).await?;
    let items = fetch_territories!(db, |qb| {
        qb.push("WHERE niveau = ").push_bind(level.code());
        qb.push(" ORDER BY code LIMIT ")
            .push_bind(i64::try_from(page.limit()).unwrap_or(i64::MAX))
            .push(" OFFSET ")
            .push_bind(i64::try_from(page.offset()).unwrap_or(i64::MAX));
    });
    Ok((total, items))
}

/// Every territory of a level (for the small ones: régions, départements, COM).
pub async fn all(db: &Db, level: Level) -> Result<Vec<Territory>> {
    Ok(fetch_territories!(db, |qb| {
        qb.push("WHERE niveau = ").push_bind(level.code());
        qb.push(" ORDER BY code");
    }))
}

pub async fn count(db: &Db, level: Level) -> Result<u64> {
    let n: i64 = on_read!(db, p => sqlx::query_scalar("SELECT COUNT(*) FROM territoires WHERE niveau = $1")
        .bind(level.code())
        .fetch_one(p)
        .await?);
    Ok(u64::try_from(n).unwrap_or_default())
}

/// The départements of a région, by code.
pub async fn departements_of_region(db: &Db, region: &str) -> Result<Vec<Territory>> {
    Ok(fetch_territories!(db, |qb| {
        qb.push("WHERE niveau = 'departement' AND region = ")
            .push_bind(region);
        qb.push(" ORDER BY code");
    }))
}

/// The current communes of a département, EPCI/EPT or collectivité d'outre-mer, by name.
pub async fn communes_of(db: &Db, level: Level, code: &str) -> Result<Vec<Territory>> {
    Ok(fetch_territories!(db, |qb| {
        qb.push("WHERE niveau = 'commune' AND ");
        match level {
            Level::Epci => {
                qb.push("(epci = ")
                    .push_bind(code)
                    .push(" OR ept = ")
                    .push_bind(code)
                    .push(")");
            }
            Level::CollectiviteOutreMer => {
                qb.push("com = ").push_bind(code);
            }
            Level::Region => {
                qb.push("region = ").push_bind(code);
            }
            Level::Departement | Level::Commune => {
                qb.push("departement = ").push_bind(code);
            }
        }
        qb.push(" ORDER BY nom_normalise, code");
    }))
}

/// The EPCI and EPT with at least one commune in a département, by name.
pub async fn epci_of_departement(db: &Db, departement: &str) -> Result<Vec<Territory>> {
    Ok(fetch_territories!(db, |qb| {
        qb.push("WHERE niveau = 'epci' AND code IN (SELECT epci FROM territoires WHERE niveau = 'commune' AND departement = ")
            .push_bind(departement)
            .push(" AND epci IS NOT NULL UNION SELECT ept FROM territoires WHERE niveau = 'commune' AND departement = ")
            .push_bind(departement)
            .push(" AND ept IS NOT NULL) ORDER BY nom_normalise");
    }))
}

/// The départements an EPCI or EPT spreads over, by code.
pub async fn departements_of_epci(db: &Db, siren: &str) -> Result<Vec<Territory>> {
    Ok(fetch_territories!(db, |qb| {
        qb.push("WHERE niveau = 'departement' AND code IN (SELECT departement FROM territoires WHERE niveau = 'commune' AND (epci = ")
            .push_bind(siren)
            .push(" OR ept = ")
            .push_bind(siren)
            .push(")) ORDER BY code");
    }))
}

/// At most this many words of a query are used.
const MAX_WORDS: usize = 8;

/// Accent- and ligature-insensitive search over every level's names (and codes and
/// postal codes). Exact name matches come first, then names starting with the query,
/// then the others; within each group the larger levels, then the larger populations.
pub async fn search(db: &Db, query: &str, page: Page) -> Result<(u64, Vec<Territory>)> {
    let folded = fold(query);
    let raw = query.trim().to_uppercase();
    let ws: Vec<&str> = words(&folded).take(MAX_WORDS).collect();
    if ws.is_empty() {
        return Ok((0, Vec::new()));
    }
    let exact = ws.join(" ");
    let is_code =
        !raw.is_empty() && raw.len() <= 9 && raw.bytes().all(|b| b.is_ascii_alphanumeric());
    macro_rules! push_where {
        ($qb:ident) => {
            $qb.push("WHERE (");
            for (i, w) in ws.iter().enumerate() {
                if i > 0 {
                    $qb.push(" AND ");
                }
                $qb.push("nom_normalise LIKE ").push_bind(format!("%{w}%"));
            }
            $qb.push(")");
            if is_code {
                $qb.push(" OR code = ").push_bind(raw.clone());
                $qb.push(" OR (' ' || codes_postaux || ' ') LIKE ")
                    .push_bind(format!("% {raw} %"));
            }
        };
    }
    let total: i64 = on_read!(db, p => {
        let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM territoires ");
        push_where!(qb);
        qb.build_query_scalar().fetch_one(p).await?
    });
    let items = fetch_territories!(db, |qb| {
        push_where!(qb);
        qb.push(" ORDER BY CASE WHEN code = ")
            .push_bind(raw.clone());
        qb.push(" THEN 0 WHEN nom_normalise = ")
            .push_bind(exact.clone());
        qb.push(" THEN 1 WHEN nom_normalise LIKE ")
            .push_bind(format!("{exact}%"));
        qb.push(
            " THEN 2 ELSE 3 END, CASE niveau WHEN 'region' THEN 0 WHEN 'departement' THEN 1 \
                 WHEN 'collectivite_outre_mer' THEN 2 WHEN 'epci' THEN 3 ELSE 4 END, \
                 population DESC NULLS LAST, nom_normalise, code LIMIT ",
        )
        .push_bind(i64::try_from(page.limit()).unwrap_or(i64::MAX))
        .push(" OFFSET ")
        .push_bind(i64::try_from(page.offset()).unwrap_or(i64::MAX));
    });
    Ok((u64::try_from(total).unwrap_or_default(), items))
}

/// How many current communes a territory holds.
pub async fn count_communes_of(db: &Db, level: Level, code: &str) -> Result<u64> {
    let column = match level {
        Level::Region => "region = $1",
        Level::Departement | Level::Commune => "departement = $1",
        Level::CollectiviteOutreMer => "com = $1",
        Level::Epci => "(epci = $1 OR ept = $1)",
    };
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM territoires WHERE niveau = 'commune' AND {column}"
    ));
    let n: i64 = on_read!(db, p => sqlx::query_scalar(sql).bind(code).fetch_one(p).await?);
    Ok(u64::try_from(n).unwrap_or_default())
}
