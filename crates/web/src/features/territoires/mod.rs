//! Territories: the map and search at `/territoires`, one page per level, and their API.
//! Both the pages and the API read a territory through [`fiche`].

pub mod api;
pub mod html;

use alliances_domain::territory::{Level, Territory};
use alliances_store::territoires as store;

use crate::error::{AppError, AppResult};
use crate::state::{AppState, ready};

/// A territory with its parents and children, as its page shows it.
pub struct Fiche {
    pub territory: Territory,
    pub region: Option<Territory>,
    pub departement: Option<Territory>,
    pub com: Option<Territory>,
    pub epci: Option<Territory>,
    pub ept: Option<Territory>,
    pub chef_lieu: Option<Territory>,
    pub departements: Vec<Territory>,
    pub epcis: Vec<Territory>,
    pub communes: Vec<Territory>,
    pub commune_count: u64,
}

/// Reads a territory and what its page needs; 404 when the code is unknown at that level.
pub async fn fiche(state: &AppState, level: Level, code: &str) -> AppResult<Fiche> {
    let db = &state.db;
    let ready = ready(state)?;
    let territory = match level {
        Level::Region | Level::Departement | Level::CollectiviteOutreMer => {
            ready.small(level, code).cloned()
        }
        Level::Epci | Level::Commune => store::get(db, level, code).await?,
    }
    .ok_or(AppError::NotFound)?;
    let small = |level: Level, code: &Option<String>| {
        code.as_deref().and_then(|c| ready.small(level, c)).cloned()
    };
    let mut fiche = Fiche {
        region: small(Level::Region, &territory.region),
        departement: small(Level::Departement, &territory.departement),
        com: small(Level::CollectiviteOutreMer, &territory.com),
        epci: None,
        ept: None,
        chef_lieu: None,
        departements: Vec::new(),
        epcis: Vec::new(),
        communes: Vec::new(),
        commune_count: 0,
        territory,
    };
    let code = fiche.territory.code.clone();
    match level {
        Level::Region => {
            fiche.departements = ready
                .departements
                .iter()
                .filter(|d| d.region.as_deref() == Some(&code))
                .cloned()
                .collect();
            fiche.commune_count = store::count_communes_of(db, level, &code).await?;
        }
        Level::Departement => {
            fiche.epcis = store::epci_of_departement(db, &code).await?;
            fiche.communes = store::communes_of(db, level, &code).await?;
            fiche.commune_count = fiche.communes.len() as u64;
        }
        Level::CollectiviteOutreMer | Level::Epci => {
            fiche.communes = store::communes_of(db, level, &code).await?;
            fiche.commune_count = fiche.communes.len() as u64;
            if level == Level::Epci {
                fiche.departements = store::departements_of_epci(db, &code).await?;
            }
        }
        Level::Commune => {
            if let Some(epci) = fiche.territory.epci.clone() {
                fiche.epci = store::get(db, Level::Epci, &epci).await?;
            }
            if let Some(ept) = fiche.territory.ept.clone() {
                fiche.ept = store::get(db, Level::Epci, &ept).await?;
            }
        }
    }
    if level != Level::Commune
        && let Some(seat) = fiche.territory.chef_lieu.clone()
    {
        fiche.chef_lieu = store::get(db, Level::Commune, &seat).await?;
    }
    Ok(fiche)
}
