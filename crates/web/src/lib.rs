//! HTTP layer of the Alliances platform: HTML pages (askama, French at unprefixed paths,
//! English under `/en`), the JSON API under `/api/v1` with its OpenAPI document, and the
//! middleware every route shares.

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{StatusCode, Uri};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use tower::ServiceBuilder;
use tower::util::MapRequest;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use alliances_domain::territory::Level;
use alliances_i18n::Lang;
use alliances_store::territoires as territoires_store;

pub mod access;
pub mod accounts;
pub mod api_shapes;
pub mod assets;
pub mod badges;
pub mod cache;
pub mod clock;
pub mod collections;
pub mod content;
pub mod ctx;
pub mod error;
pub mod features;
pub mod figures;
pub mod filters;
pub mod follow;
pub mod indexing;
pub mod labels;
pub mod links;
pub mod listing;
pub mod mail;
pub mod metrics;
pub mod middleware;
pub mod opendata;
pub mod parcours;
pub mod personal;
pub mod places;
pub mod questionnaires;
pub mod revisions;
pub mod state;
pub mod synthese;
pub mod territory_search;
pub mod throttle;

pub use state::{AppState, DEFAULT_LICENCE, Legal, Settings};

/// The JSON crate the API uses (for tests and tools).
pub use serde_json as json;

use crate::error::{AppError, AppResult};
use crate::features::{
    admin, catalyseurs, competences, compte, contributions, donnees, donnees_ouvertes, exemples,
    home, methodes, moderation, odd, ops, outils, pages, reperes, territoires,
};
use crate::revisions::Kind;

/// Renders a template into an HTML response.
pub fn render<T: askama::Template>(template: &T) -> AppResult<Html<String>> {
    template
        .render()
        .map(Html)
        .map_err(|e| AppError::Internal(format!("rendu du gabarit : {e}")))
}

/// JSON-LD for a `<script type="application/ld+json">` element: nothing in the data can
/// end or reshape the element, as `<`, `>` and `&` are written as JSON escapes.
#[must_use]
pub fn json_ld_script(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The whole application: the router behind the language prefix.
pub type App = MapRequest<Router, fn(Request) -> Request>;

/// Builds the application for a state.
pub fn app(state: AppState) -> App {
    ServiceBuilder::new()
        .map_request(split_language as fn(Request) -> Request)
        .service(router(state))
}

/// English pages live under `/en`: strip the prefix before routing and remember the
/// language. French pages are at unprefixed paths, never behind a redirect.
fn split_language(mut request: Request) -> Request {
    let path = request.uri().path();
    let stripped = if path == "/en" || path == "/en/" {
        Some("/".to_owned())
    } else {
        path.strip_prefix("/en/").map(|rest| format!("/{rest}"))
    };
    let lang = if let Some(new_path) = stripped {
        let rebuilt = match request.uri().query() {
            Some(q) => format!("{new_path}?{q}"),
            None => new_path,
        };
        if let Ok(uri) = rebuilt.parse::<Uri>() {
            *request.uri_mut() = uri;
        }
        Lang::En
    } else {
        Lang::Fr
    };
    request.extensions_mut().insert(lang);
    request
}

fn router(state: AppState) -> Router {
    let settings = state.settings.clone();
    // Pages that depend only on their path and the reference data: rendered once.
    let cached = Router::new()
        .route("/", get(home::page))
        .route("/odd", get(odd::html::index))
        .route("/odd/{numero}", get(odd::html::goal))
        .route("/odd/cibles/{code}", get(odd::html::target))
        .route("/territoires", get(territoires::html::index))
        .route(
            "/territoires/regions/{code}",
            get(territoires::html::region),
        )
        .route(
            "/territoires/departements/{code}",
            get(territoires::html::departement),
        )
        .route(
            "/territoires/collectivites-outre-mer/{code}",
            get(territoires::html::com),
        )
        .route("/exemples/{slug}", get(exemples::html::fiche))
        .route("/donnees/cartes", get(donnees::cartes::index))
        .route(
            "/donnees/cartes/{echelle}/{indicateur}",
            get(donnees::cartes::map),
        )
        .route("/donnees/chiffres/{id}", get(donnees::html::chiffre))
        .route("/catalyseurs/{slug}", get(catalyseurs::html::fiche))
        .route("/reperes", get(reperes::html::index))
        .route("/reperes/acteurs/{code}", get(reperes::html::acteur))
        .route("/reperes/domaines/{code}", get(reperes::html::domaine))
        .route("/outils/{slug}", get(outils::html::fiche))
        .route("/competences", get(competences::html::index))
        .route(
            "/competences/parcours/{slug}",
            get(competences::html::variant),
        )
        .route(
            "/competences/modules/{slug}",
            get(competences::html::module),
        )
        .route("/accessibilite", get(pages::accessibilite))
        .route("/confidentialite", get(pages::confidentialite))
        .route("/mentions-legales", get(pages::mentions_legales))
        .route("/sources-et-licences", get(pages::sources))
        .route("/donnees-ouvertes", get(donnees_ouvertes::page))
        .route_layer(from_fn_with_state(state.clone(), cache::layer));
    let dynamic = Router::new()
        .route("/exemples", get(exemples::html::index))
        .route("/donnees", get(donnees::html::index))
        .route("/catalyseurs", get(catalyseurs::html::index))
        .route("/outils", get(outils::html::index))
        .route("/outils/cartographie", get(outils::html::cartographie))
        // One per territory of every level: too many to keep in the page cache.
        .route(
            "/reperes/territoires/{niveau}/{code}",
            get(reperes::html::territoire),
        )
        .route("/methodes", get(methodes::html::index))
        .route("/methodes/reprendre", get(methodes::html::resume))
        .route("/methodes/territoires", get(methodes::html::suggestions))
        .route("/methodes/diagnostics", post(methodes::html::start))
        .route(
            "/methodes/diagnostics/{secret}",
            get(methodes::html::report),
        )
        .route(
            "/methodes/diagnostics/{secret}/etapes/{n}",
            get(methodes::html::step).post(methodes::html::save_step),
        )
        .route(
            "/methodes/diagnostics/{secret}/rapport.json",
            get(methodes::html::report_json),
        )
        .route(
            "/methodes/diagnostics/{secret}/supprimer",
            get(methodes::html::confirm_delete).post(methodes::html::delete),
        )
        .route(
            "/methodes/collectifs",
            post(methodes::html::create_collective),
        )
        .route(
            "/methodes/collectifs/{secret}",
            get(methodes::html::collective),
        )
        .route(
            "/methodes/collectifs/{secret}/ouverture",
            post(methodes::html::set_open),
        )
        .route(
            "/methodes/collectifs/{secret}/supprimer",
            get(methodes::html::confirm_delete_collective).post(methodes::html::delete_collective),
        )
        .route(
            "/competences/modules/{slug}/quiz",
            post(competences::html::try_quiz),
        )
        .route("/competences/reprendre", get(competences::html::resume))
        .route("/competences/suivis", post(competences::html::start))
        .route(
            "/competences/suivis/{secret}",
            get(competences::html::progress),
        )
        .route(
            "/competences/suivis/{secret}/parcours",
            post(competences::html::change_variant),
        )
        .route(
            "/competences/suivis/{secret}/modules/{slug}",
            get(competences::html::progress_module),
        )
        .route(
            "/competences/suivis/{secret}/modules/{slug}/quiz",
            post(competences::html::progress_quiz),
        )
        .route(
            "/competences/suivis/{secret}/supprimer",
            get(competences::html::confirm_delete).post(competences::html::delete),
        )
        .route(
            "/competences/suivis/{secret}/certificats",
            post(competences::certificats::issue),
        )
        .route(
            "/competences/suivis/{secret}/certificats/{code}",
            get(competences::certificats::holder),
        )
        .route(
            "/competences/suivis/{secret}/certificats/{code}/openbadge.jwt",
            get(competences::certificats::download),
        )
        .route(
            "/competences/suivis/{secret}/certificats/{code}/supprimer",
            post(competences::certificats::revoke),
        )
        .route(
            "/competences/groupes",
            post(competences::html::create_group),
        )
        .route(
            "/competences/groupes/{secret}",
            get(competences::html::group),
        )
        .route(
            "/competences/groupes/{secret}/supprimer",
            get(competences::html::confirm_delete_group).post(competences::html::delete_group),
        )
        .route("/certificats", get(competences::certificats::verify_form))
        .route("/certificats/{code}", get(competences::certificats::verify))
        .route(
            "/.well-known/jwks.json",
            get(competences::certificats::jwks),
        )
        .route("/exemples/flux.atom", get(exemples::feed::feed))
        .route(
            "/exemples/{slug}/historique",
            get(contributions::html::history::<{ Kind::ALLIANCE }>),
        )
        .route(
            "/outils/{slug}/historique",
            get(contributions::html::history::<{ Kind::OUTIL }>),
        )
        .route(
            "/catalyseurs/{slug}/historique",
            get(contributions::html::history::<{ Kind::CATALYSEUR }>),
        )
        .route(
            "/exemples/{slug}/signaler",
            get(contributions::html::report_form::<{ Kind::ALLIANCE }>)
                .post(contributions::html::report::<{ Kind::ALLIANCE }>),
        )
        .route(
            "/outils/{slug}/signaler",
            get(contributions::html::report_form::<{ Kind::OUTIL }>)
                .post(contributions::html::report::<{ Kind::OUTIL }>),
        )
        .route(
            "/catalyseurs/{slug}/signaler",
            get(contributions::html::report_form::<{ Kind::CATALYSEUR }>)
                .post(contributions::html::report::<{ Kind::CATALYSEUR }>),
        )
        .route("/sitemap.xml", get(donnees_ouvertes::sitemap))
        .route("/donnees-ouvertes/{fichier}", get(donnees_ouvertes::dump))
        .route("/territoires/epci/{siren}", get(territoires::html::epci))
        .route(
            "/territoires/communes/{code}",
            get(territoires::html::commune),
        )
        .route("/sources-et-licences/{fichier}", get(pages::licence_text))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/robots.txt", get(ops::robots))
        .route("/static/{*path}", get(assets::serve))
        .route("/api/docs", get(pages::api_docs))
        .route(
            "/compte/inscription",
            get(compte::html::signup_form_page).post(compte::html::signup),
        )
        .route(
            "/compte/verification/{jeton}",
            get(compte::html::verify_page).post(compte::html::verify),
        )
        .route(
            "/compte/connexion",
            get(compte::html::login_form).post(compte::html::login),
        )
        .route(
            "/compte/mot-de-passe-oublie",
            get(compte::html::forgot_form).post(compte::html::forgot),
        )
        .route(
            "/compte/reinitialisation/{jeton}",
            get(compte::html::reset_form).post(compte::html::reset),
        )
        .merge(features::api::router());
    // Routes that need an account: each is in `access::TABLE`, which the layer enforces.
    let protected = Router::new()
        .route("/compte/deconnexion", post(compte::html::logout))
        .route("/mon-espace", get(compte::espace::index))
        .route("/mon-espace/profil", post(compte::espace::profile))
        .route("/mon-espace/verification", post(compte::espace::resend))
        .route("/mon-espace/liens", post(compte::espace::attach))
        .route("/mon-espace/liens/retirer", post(compte::espace::detach))
        .route("/mon-espace/jetons", post(compte::espace::create_token))
        .route(
            "/mon-espace/jetons/retirer",
            post(compte::espace::revoke_token),
        )
        .route("/mon-espace/donnees.json", get(compte::espace::export))
        .route(
            "/mon-espace/supprimer",
            get(compte::espace::confirm_delete).post(compte::espace::delete),
        )
        .route("/admin/comptes", get(admin::html::accounts))
        .route("/admin/comptes/{id}/role", post(admin::html::set_role))
        .route("/admin/journal", get(admin::html::journal))
        .route("/mon-espace/contributions", get(contributions::html::mine))
        .route(
            "/mon-espace/contributions/{id}/reviser",
            get(contributions::form_pages::revise_form)
                .post(contributions::form_pages::revise_submit),
        )
        .route(
            "/contributions/{genre}/nouvelle",
            get(contributions::form_pages::new_form),
        )
        .route(
            "/contributions/{genre}/{slug}/modifier",
            get(contributions::form_pages::change_form),
        )
        .route(
            "/contributions/{genre}",
            post(contributions::form_pages::submit_form),
        )
        .route("/moderation", get(moderation::html::queue))
        .route(
            "/moderation/propositions/{id}",
            get(moderation::html::proposal),
        )
        .route(
            "/moderation/propositions/{id}/accepter",
            post(moderation::html::accept),
        )
        .route(
            "/moderation/propositions/{id}/demander",
            post(moderation::html::ask),
        )
        .route(
            "/moderation/propositions/{id}/refuser",
            post(moderation::html::reject),
        )
        .route(
            "/moderation/alliances/{slug}/restaurer",
            post(moderation::html::restore::<{ Kind::ALLIANCE }>),
        )
        .route(
            "/moderation/outils/{slug}/restaurer",
            post(moderation::html::restore::<{ Kind::OUTIL }>),
        )
        .route(
            "/moderation/catalyseurs/{slug}/restaurer",
            post(moderation::html::restore::<{ Kind::CATALYSEUR }>),
        )
        .merge(features::api::protected_router())
        .route_layer(from_fn_with_state(state.clone(), access::layer));

    Router::new()
        .merge(cached)
        .merge(dynamic)
        .merge(protected)
        .fallback(not_found)
        // Innermost first: the last layer added runs first.
        .layer(from_fn_with_state(state.clone(), middleware::csrf::layer))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::rate_limit::layer,
        ))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::readiness::layer,
        ))
        .layer(DefaultBodyLimit::max(settings.body_limit))
        .layer(RequestBodyLimitLayer::new(settings.body_limit))
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            settings.request_timeout,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("panique pendant le traitement d'une requête");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }))
        .layer(from_fn_with_state(state.clone(), middleware::shed::layer))
        .layer(from_fn_with_state(state.clone(), middleware::errors::layer))
        .layer(from_fn(middleware::security::layer))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::request_log::layer,
        ))
        .with_state(state)
}

async fn not_found() -> Response {
    AppError::NotFound.into_response()
}

/// Start-up work: migrations (unless `migrate` is false, in which case pending migrations
/// are an error), reference data, and the in-memory referential. Marks the state ready.
pub async fn prepare(state: &AppState, migrate: bool) -> Result<(), alliances_store::StoreError> {
    let db = &state.db;
    if migrate {
        alliances_store::migrate::run(db).await?;
    } else {
        let pending = alliances_store::migrate::pending(db).await?;
        if !pending.is_empty() {
            return Err(alliances_store::StoreError::Migration {
                version: pending[0],
                name: "en attente".into(),
                reason: "la base n'est pas à jour : lancez « alliances migrate » ou activez migrate_on_start".into(),
            });
        }
    }
    alliances_store::reference::ensure_loaded(db).await?;
    let odd = alliances_store::odd::load_all(db).await?;
    let mut counts = std::collections::HashMap::new();
    for level in Level::ALL {
        counts.insert(level, territoires_store::count(db, level).await?);
    }
    let now = state.now();
    // The communes (some 35 000 rows) load while the seeds are checked.
    let seeding = async {
        alliances_store::seed::ensure_seeded(db, now).await?;
        alliances_store::seed::ensure_documents_seeded(db, now).await?;
        Ok::<_, alliances_store::StoreError>(())
    };
    let directory = async {
        Ok::<_, alliances_store::StoreError>(state::Directory::new(
            territoires_store::all(db, Level::Commune).await?,
            territoires_store::all(db, Level::Epci).await?,
        ))
    };
    let ((), directory) = tokio::try_join!(seeding, directory)?;
    for version in alliances_store::diagnostics::versions_in_use(db).await? {
        if state.settings.questionnaires.get(version).is_none() {
            tracing::warn!(
                version,
                "des diagnostics ont été faits avec une version du questionnaire que cette instance ne charge plus : remettez son fichier dans questionnaires_dir"
            );
        }
    }
    let search_dir = state
        .settings
        .data_dir
        .as_ref()
        .map(|d| d.join("recherche"));
    let search = alliances_search::SearchIndex::open(search_dir.as_deref())
        .map_err(|e| alliances_store::StoreError::Reference(e.to_string()))?;
    let lieux = collections::Lieux::new(alliances_store::reference::france_services()?, |c| {
        directory.parents_of_commune(c)
    });
    let regions = territoires_store::all(db, Level::Region).await?;
    let departements = territoires_store::all(db, Level::Departement).await?;
    let coms = territoires_store::all(db, Level::CollectiviteOutreMer).await?;
    let territory_index = territory_search::TerritoryIndex::new(
        regions
            .iter()
            .chain(&departements)
            .chain(&coms)
            .chain(directory.epcis.values())
            .chain(directory.communes.values()),
    );
    let ready = state::Ready {
        odd: state::OddIndex::new(odd),
        regions,
        departements,
        coms,
        territory_index,
        counts,
        directory,
        fragilities: alliances_store::seed::fragilities()
            .iter()
            .map(|f| (f.code.clone(), (f.label_fr.clone(), f.label_en.clone())))
            .collect(),
        search,
        collections: collections::Shared::new(collections::Collections::load(db).await?),
        lieux,
        populations: alliances_store::seed::populations(),
        referential: alliances_store::seed::referential(db).await?,
        place_names: std::sync::OnceLock::new(),
    };
    // Not ready for requests until the index is built: readiness reads `searchable`.
    let _ = state.0.ready.set(ready);
    indexing::catch_up(state)
        .await
        .map_err(|e| alliances_store::StoreError::Reference(e.to_string()))?;
    state
        .0
        .searchable
        .store(true, std::sync::atomic::Ordering::Release);
    follow::spawn(state.clone(), state.settings.follow_every);
    middleware::shed::watch(state.clone());
    spawn_purge(state.clone());
    Ok(())
}

/// Removes personal diagnostics, learning progress and accounts past their retention (and
/// expired sessions, tokens and attempts), at start and then daily.
fn spawn_purge(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(86_400));
        loop {
            every.tick().await;
            match alliances_store::diagnostics::purge(&state.db, state.now()).await {
                Ok(p) => tracing::info!(
                    brouillons = p.drafts,
                    rapports = p.reports,
                    collectifs = p.collectives,
                    "purge des diagnostics"
                ),
                Err(e) => tracing::warn!(error = %e, "purge des diagnostics"),
            }
            match alliances_store::parcours::purge(&state.db, state.now()).await {
                Ok(p) => tracing::info!(
                    suivis = p.progress,
                    groupes = p.groups,
                    certificats = p.certificates,
                    "purge des parcours"
                ),
                Err(e) => tracing::warn!(error = %e, "purge des parcours"),
            }
            let window = alliances_domain::compte::Throttle::WINDOW;
            match alliances_store::comptes::purge(&state.db, state.now(), window).await {
                Ok(p) => tracing::info!(
                    comptes = p.accounts,
                    sessions = p.sessions,
                    jetons = p.tokens,
                    tentatives = p.attempts,
                    "purge des comptes"
                ),
                Err(e) => tracing::warn!(error = %e, "purge des comptes"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use alliances_i18n::{Catalog, Lang};

    /// Every message id written literally in a template exists in both catalogues.
    #[test]
    fn template_message_ids_exist() {
        let catalog = Catalog::load().unwrap();
        let mut checked = 0;
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for call in ["ctx.t(\"", "ctx.ta(\"", "ctx.tn(\""] {
                    for (at, _) in text.match_indices(call) {
                        let rest = &text[at + call.len()..];
                        let key = &rest[..rest.find('"').unwrap()];
                        for lang in Lang::ALL {
                            assert!(
                                catalog.has(lang, key),
                                "{}: « {key} » missing in {}",
                                path.display(),
                                lang.code()
                            );
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100, "only {checked} message uses found");
    }
}

#[cfg(test)]
mod taxonomy_labels {
    use alliances_i18n::{Catalog, Lang};

    /// Every code of every taxonomy has its label in both catalogues.
    #[test]
    fn every_code_has_a_label() {
        let catalog = Catalog::load().unwrap();
        for t in alliances_domain::taxonomy::ALL {
            for code in t.codes {
                for lang in Lang::ALL {
                    assert!(
                        catalog.has(lang, &t.label_key(code)),
                        "« {} » missing in {}",
                        t.label_key(code),
                        lang.code()
                    );
                }
            }
        }
    }
}
