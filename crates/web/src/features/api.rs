//! The JSON API under `/api/v1`, its OpenAPI document at `/api/openapi.json` (generated from
//! the same route table), and 404s in problem+json for unknown API paths.

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{
    catalyseurs, competences, contributions, donnees, exemples, methodes, odd, outils, territoires,
};
use crate::error::AppResult;
use crate::state::{AppState, ready};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "API Alliances — l'ODD 17 en pratique",
        description = "Données de référence (objectifs de développement durable, territoires), base des \
                       alliances, chiffres clés de l'observatoire, catalyseurs territoriaux, outils et parcours d'apprentissage de la plateforme Alliances. Clés en français ; collections `{ total, resultats }` paginées par `page` et \
                       `par_page` (1 000 au plus) ; erreurs au format RFC 9457 (problem+json) avec un `detail` en français.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later")
    ),
    components(schemas(crate::api_shapes::Langue, exemples::api::TriAlliances)),
    tags(
        (name = "ODD", description = "Objectifs, cibles et indicateurs"),
        (name = "Territoires", description = "Régions, départements, intercommunalités, communes"),
        (name = "Exemples", description = "La base des alliances réelles : recherche à facettes et fiches"),
        (name = "Méthodes", description = "Le questionnaire de maturité partenariale et les diagnostics"),
        (name = "Données", description = "L'observatoire : chiffres clés avec leur étude, leur population, leur année et leur source ; synthèses territoriales ; catalyseurs"),
        (name = "Outils", description = "Les outils pour faire alliance, classés par phase, public, type et niveau de maturité"),
        (name = "Compétences", description = "Le parcours « Alliances et Territoires » : variantes, modules et vérification des certificats"),
        (name = "Contributions", description = "Propositions d'alliances et de modifications par les membres, publiées après modération")
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
        .routes(routes!(contributions::api::historique))
        .routes(routes!(donnees::api::chiffres))
        .routes(routes!(donnees::api::chiffre_detail))
        .routes(routes!(territoires::api::synthese))
        .routes(routes!(catalyseurs::api::catalyseurs))
        .routes(routes!(catalyseurs::api::catalyseur_detail))
        .routes(routes!(contributions::api::historique_catalyseur))
        .routes(routes!(outils::api::outils))
        .routes(routes!(outils::api::outil_detail))
        .routes(routes!(contributions::api::historique_outil))
        .routes(routes!(methodes::api::questionnaire))
        .routes(routes!(methodes::api::create))
        .routes(routes!(methodes::api::get, methodes::api::delete))
        .routes(routes!(competences::api::parcours))
        .routes(routes!(competences::api::parcours_detail))
        .routes(routes!(competences::api::module))
        .routes(routes!(competences::api::certificat))
}

/// Operations that need an account: their routes sit behind the access layer (`access.rs`).
fn protected_api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(contributions::api::create))
        .routes(routes!(contributions::api::revise))
}

/// Links between operations (OpenAPI `links`), so that a client — and the stateful phase
/// of schemathesis — can follow a list to its items and a created diagnostic to its reading
/// and deletion: from (path, method, status), a name, to (path, method), and the target's
/// parameter with the response expression that gives it.
struct Link {
    from: (&'static str, &'static str, &'static str),
    name: &'static str,
    to: (&'static str, &'static str),
    param: (&'static str, &'static str),
}

const fn link(
    from: (&'static str, &'static str, &'static str),
    name: &'static str,
    to: (&'static str, &'static str),
    param: (&'static str, &'static str),
) -> Link {
    Link {
        from,
        name,
        to,
        param,
    }
}

const LINKS: &[Link] = &[
    link(
        ("/api/v1/diagnostics", "post", "201"),
        "LireLeDiagnostic",
        ("/api/v1/diagnostics/{id}", "get"),
        ("id", "$response.body#/id"),
    ),
    link(
        ("/api/v1/diagnostics", "post", "201"),
        "SupprimerLeDiagnostic",
        ("/api/v1/diagnostics/{id}", "delete"),
        ("id", "$response.body#/id"),
    ),
    link(
        ("/api/v1/odd/objectifs", "get", "200"),
        "Objectif",
        ("/api/v1/odd/objectifs/{numero}", "get"),
        ("numero", "$response.body#/resultats/0/numero"),
    ),
    link(
        ("/api/v1/odd/objectifs", "get", "200"),
        "CiblesDeLObjectif",
        ("/api/v1/odd/objectifs/{numero}/cibles", "get"),
        ("numero", "$response.body#/resultats/0/numero"),
    ),
    link(
        ("/api/v1/odd/objectifs/{numero}/cibles", "get", "200"),
        "Cible",
        ("/api/v1/odd/cibles/{code}", "get"),
        ("code", "$response.body#/resultats/0/code"),
    ),
    link(
        ("/api/v1/alliances", "get", "200"),
        "Alliance",
        ("/api/v1/alliances/{slug}", "get"),
        ("slug", "$response.body#/resultats/0/slug"),
    ),
    link(
        ("/api/v1/chiffres-cles", "get", "200"),
        "ChiffreCle",
        ("/api/v1/chiffres-cles/{id}", "get"),
        ("id", "$response.body#/resultats/0/id"),
    ),
    link(
        ("/api/v1/catalyseurs", "get", "200"),
        "Catalyseur",
        ("/api/v1/catalyseurs/{slug}", "get"),
        ("slug", "$response.body#/resultats/0/slug"),
    ),
    link(
        ("/api/v1/outils", "get", "200"),
        "Outil",
        ("/api/v1/outils/{slug}", "get"),
        ("slug", "$response.body#/resultats/0/slug"),
    ),
    link(
        ("/api/v1/parcours", "get", "200"),
        "Parcours",
        ("/api/v1/parcours/{slug}", "get"),
        ("slug", "$response.body#/resultats/0/slug"),
    ),
    link(
        ("/api/v1/parcours/{slug}", "get", "200"),
        "Module",
        ("/api/v1/modules/{slug}", "get"),
        ("slug", "$response.body#/modules/0/slug"),
    ),
    link(
        ("/api/v1/territoires/regions", "get", "200"),
        "Region",
        ("/api/v1/territoires/regions/{code}", "get"),
        ("code", "$response.body#/resultats/0/code"),
    ),
    link(
        ("/api/v1/territoires/departements", "get", "200"),
        "Departement",
        ("/api/v1/territoires/departements/{code}", "get"),
        ("code", "$response.body#/resultats/0/code"),
    ),
    link(
        ("/api/v1/territoires/collectivites-outre-mer", "get", "200"),
        "CollectiviteOutreMer",
        ("/api/v1/territoires/collectivites-outre-mer/{code}", "get"),
        ("code", "$response.body#/resultats/0/code"),
    ),
    link(
        ("/api/v1/territoires/epci", "get", "200"),
        "Epci",
        ("/api/v1/territoires/epci/{code}", "get"),
        ("code", "$response.body#/resultats/0/code"),
    ),
    link(
        ("/api/v1/territoires/communes", "get", "200"),
        "Commune",
        ("/api/v1/territoires/communes/{code}", "get"),
        ("code", "$response.body#/resultats/0/code"),
    ),
    link(
        ("/api/v1/territoires/epci", "get", "200"),
        "SyntheseEpci",
        ("/api/v1/territoires/{niveau}/{code}/synthese", "get"),
        ("code", "$response.body#/resultats/0/code"),
    ),
];

/// The document as generated from the route table, with the links between operations.
fn document() -> serde_json::Value {
    let (_, doc) = api_router().merge(protected_api_router()).split_for_parts();
    let mut v = serde_json::to_value(&doc).expect("the OpenAPI document serialises");
    // How the protected operations authenticate.
    v["components"]["securitySchemes"] = serde_json::json!({
        "jeton": { "type": "http", "scheme": "bearer", "description": "Jeton personnel créé dans « mon espace »" },
        "session": { "type": "apiKey", "in": "cookie", "name": crate::accounts::COOKIE, "description": "Session ouverte par la connexion au site" }
    });
    for &Link {
        from: (path, method, status),
        name,
        to: (target, target_method),
        param: (param, expr),
    } in LINKS
    {
        let response = &mut v["paths"][path][method]["responses"][status];
        assert!(
            response.is_object(),
            "lien « {name} » : pas de réponse {status} à {method} {path}"
        );
        assert!(
            v["paths"][target][target_method].is_object(),
            "lien « {name} » : pas d'opération {target_method} {target}"
        );
        let pointer = format!(
            "#/paths/{}/{target_method}",
            target.replace('~', "~0").replace('/', "~1")
        );
        let mut parameters = serde_json::json!({ param: expr });
        if target.contains("{niveau}") {
            parameters["niveau"] = serde_json::json!("epci");
        }
        v["paths"][path][method]["responses"][status]["links"][name] =
            serde_json::json!({ "operationRef": pointer, "parameters": parameters });
    }
    v
}

/// The served document: the generated one, with what the running instance gives — the
/// diagnostics body from the current questionnaire, the territory codes, and for each
/// list's facet parameters the values its data holds (read from the list's own facet
/// counts, so every value listed is one the server accepts) — built once the reference
/// data is ready.
async fn openapi(State(state): State<AppState>) -> AppResult<Response> {
    let ready = ready(&state)?;
    if let Some(bytes) = state.api_doc.get() {
        return Ok(json_bytes(bytes.clone()));
    }
    let facets = [
        (
            "/api/v1/alliances",
            exemples::api::alliances(State(state.clone()), RawQuery(None))
                .await?
                .0
                .facettes,
        ),
        (
            "/api/v1/catalyseurs",
            catalyseurs::api::catalyseurs(State(state.clone()), RawQuery(None))
                .await?
                .0
                .facettes,
        ),
        (
            "/api/v1/chiffres-cles",
            donnees::api::chiffres(State(state.clone()), RawQuery(None))
                .await?
                .0
                .facettes,
        ),
        (
            "/api/v1/outils",
            outils::api::outils(State(state.clone()), RawQuery(None))
                .await?
                .0
                .facettes,
        ),
    ];
    let mut doc = document();
    for (name, schema) in methodes::api::document_schemas(&state, ready) {
        doc["components"]["schemas"][name] = schema;
    }
    for (path, facettes) in facets {
        let Some(parameters) = doc["paths"][path]["get"]["parameters"].as_array_mut() else {
            continue;
        };
        for p in parameters {
            let Some(values) = p["name"].as_str().and_then(|n| facettes.get(n)) else {
                continue;
            };
            // An empty value means no filter (as the search forms send it).
            let codes: Vec<&str> = std::iter::once("")
                .chain(values.iter().map(|v| v.code.as_str()))
                .collect();
            p["schema"]["items"]["enum"] = serde_json::json!(codes);
        }
    }
    let bytes = state.api_doc.get_or_init(|| {
        axum::body::Bytes::from(serde_json::to_vec(&doc).expect("the OpenAPI document serialises"))
    });
    Ok(json_bytes(bytes.clone()))
}

fn json_bytes(bytes: axum::body::Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

/// The API routes and the document route.
pub fn router() -> Router<AppState> {
    let (api, _) = api_router().split_for_parts();
    api.route("/api/openapi.json", get(openapi))
}

/// The API routes that need an account, for the router behind the access layer.
pub fn protected_router() -> Router<AppState> {
    protected_api_router().split_for_parts().0
}
