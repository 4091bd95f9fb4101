//! The JSON API under `/api/v1`, its OpenAPI document at `/api/openapi.json` (generated from
//! the same route table), and 404s in problem+json for unknown API paths.

use std::sync::OnceLock;

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{catalyseurs, competences, donnees, exemples, methodes, odd, outils, territoires};
use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "API Alliances — l'ODD 17 en pratique",
        description = "Données de référence (objectifs de développement durable, territoires), base des \
                       alliances, chiffres clés de l'observatoire, catalyseurs territoriaux, outils et parcours d'apprentissage de la plateforme Alliances. Clés en français ; collections `{ total, resultats }` paginées par `page` et \
                       `par_page` (1 000 au plus) ; erreurs au format RFC 9457 (problem+json) avec un `detail` en français.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later")
    ),
    tags(
        (name = "ODD", description = "Objectifs, cibles et indicateurs"),
        (name = "Territoires", description = "Régions, départements, intercommunalités, communes"),
        (name = "Exemples", description = "La base des alliances réelles : recherche à facettes et fiches"),
        (name = "Méthodes", description = "Le questionnaire de maturité partenariale et les diagnostics"),
        (name = "Données", description = "L'observatoire : chiffres clés avec leur étude, leur population, leur année et leur source ; synthèses territoriales ; catalyseurs"),
        (name = "Outils", description = "Les outils pour faire alliance, classés par phase, public, type et niveau de maturité"),
        (name = "Compétences", description = "Le parcours « Alliances et Territoires » : variantes, modules et vérification des certificats")
    )
)]
struct ApiDoc;

fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(odd::api::objectifs))
        .routes(routes!(odd::api::objectif_detail))
        .routes(routes!(odd::api::cibles))
        .routes(routes!(odd::api::cible_detail))
        .routes(routes!(territoires::api::regions))
        .routes(routes!(territoires::api::region))
        .routes(routes!(territoires::api::departements))
        .routes(routes!(territoires::api::departement))
        .routes(routes!(territoires::api::coms))
        .routes(routes!(territoires::api::com))
        .routes(routes!(territoires::api::epcis))
        .routes(routes!(territoires::api::epci))
        .routes(routes!(territoires::api::communes))
        .routes(routes!(territoires::api::commune))
        .routes(routes!(territoires::api::recherche))
        .routes(routes!(exemples::api::alliances))
        .routes(routes!(exemples::api::alliance))
        .routes(routes!(donnees::api::chiffres))
        .routes(routes!(donnees::api::chiffre_detail))
        .routes(routes!(territoires::api::synthese))
        .routes(routes!(catalyseurs::api::catalyseurs))
        .routes(routes!(catalyseurs::api::catalyseur_detail))
        .routes(routes!(outils::api::outils))
        .routes(routes!(outils::api::outil_detail))
        .routes(routes!(methodes::api::questionnaire))
        .routes(routes!(methodes::api::create))
        .routes(routes!(methodes::api::get, methodes::api::delete))
        .routes(routes!(competences::api::parcours))
        .routes(routes!(competences::api::parcours_detail))
        .routes(routes!(competences::api::module))
        .routes(routes!(competences::api::certificat))
}

/// The OpenAPI document, serialised once.
#[must_use]
pub fn openapi_json() -> &'static [u8] {
    static DOC: OnceLock<Vec<u8>> = OnceLock::new();
    DOC.get_or_init(|| {
        let (_, doc) = api_router().split_for_parts();
        serde_json::to_vec_pretty(&doc).expect("the OpenAPI document serialises")
    })
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], openapi_json()).into_response()
}

/// The API routes and the document route.
pub fn router() -> Router<AppState> {
    let (api, _) = api_router().split_for_parts();
    api.route("/api/openapi.json", get(openapi))
}
