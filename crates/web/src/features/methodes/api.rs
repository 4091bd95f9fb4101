//! `/api/v1/questionnaires/courant` (the current definition) and `/api/v1/diagnostics`
//! (compute and store a report from a full set of answers; read or delete it by its id).

use alliances_domain::diagnostic::{self, Answer, Answers, Scope};
use alliances_domain::error::FieldError;
use alliances_domain::questionnaire::Questionnaire;
use alliances_store::diagnostics as store;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

use super::{Rapport, ReadyPlaces, build_report, is_secret, key_of, new_secret};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::{AppState, Ready, ready};
use alliances_i18n::Lang;

/// The definition in the API's shape (French texts).
#[must_use]
pub fn definition_json(def: &Questionnaire) -> Value {
    let etapes: Vec<Value> = def
        .etapes
        .iter()
        .map(|s| {
            let questions: Vec<Value> = s
                .questions
                .iter()
                .map(|q| {
                    let options: Vec<Value> = q
                        .options
                        .iter()
                        .map(|o| {
                            json!({
                                "valeur": o.valeur,
                                "libelle": o.libelle.fr,
                                "dimension": q.dimension,
                                "niveau": o.niveau,
                                "exclusif": o.exclusif,
                                "inconnu": o.inconnu,
                            })
                        })
                        .collect();
                    json!({
                        "id": q.id,
                        "type": q.kind.code(),
                        "obligatoire": q.obligatoire,
                        "libelle": q.libelle.fr,
                        "aide": q.aide.as_ref().map(|t| &t.fr),
                        "condition": q.condition,
                        "max_choix": q.max_choix,
                        "options": options,
                    })
                })
                .collect();
            json!({ "id": s.id, "titre": s.titre.fr, "questions": questions })
        })
        .collect();
    let dimensions: Vec<Value> = def
        .dimensions
        .iter()
        .map(|d| json!({ "id": d.id, "titre": d.titre.fr, "description": d.description.fr }))
        .collect();
    json!({
        "version": def.version,
        "titre": def.titre.fr,
        "dimensions": dimensions,
        "etapes": etapes,
    })
}

/// The current questionnaire: steps, questions, conditions, options with the dimension and
/// level each scored option contributes.
#[utoipa::path(get, path = "/api/v1/questionnaires/courant", tag = "Méthodes",
    responses((status = 200, description = "La définition du questionnaire en vigueur : `etapes[].questions[]` avec `type` (choix_unique, choix_multiple, echelle, territoire, texte), `obligatoire`, `condition` ({ question, parmi } ou null) et `options[]` ({ valeur, libelle, dimension, niveau, exclusif, inconnu } ; `niveau` 1 à 4 pour une option notée, sinon null ; `inconnu` vrai pour « je ne sais pas », qui n'est pas notée ; une échelle liste ses points).", body = Object)))]
pub async fn questionnaire(State(state): State<AppState>) -> Json<Value> {
    Json(definition_json(state.settings.questionnaires.current()))
}

/// A report as the API returns it: the stored codes, the profile label and the path of
/// today said in the reader's language.
#[derive(Serialize)]
struct Output<'a> {
    id: &'a str,
    /// The report page (personal link).
    url: String,
    version: u32,
    /// The date of the answers.
    date: &'a str,
    /// The date the path was computed (today), or the date of the answers for a report
    /// that stored its path.
    date_parcours: String,
    profil: Value,
    maturite: &'a std::collections::BTreeMap<String, u8>,
    confiance: Value,
    recommandations: Vec<Value>,
    ignorees: &'a [String],
    reponses: &'a Answers,
}

/// `?lang=en` or `?lang=fr` (French when absent).
#[derive(serde::Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

fn lang_of(q: &LangQuery) -> AppResult<Lang> {
    match q.lang.as_deref() {
        None | Some("fr") => Ok(Lang::Fr),
        Some("en") => Ok(Lang::En),
        Some(other) => Err(invalid(
            &format!("Langue « {other} » inconnue : lang=fr ou lang=en."),
            vec![FieldError::new("lang", "valeurs possibles : fr, en")],
        )),
    }
}

/// Says report `r` (behind `id`) in `lang`.
fn output<'a>(
    state: &AppState,
    ready: &Ready,
    def: &Questionnaire,
    id: &'a str,
    r: &'a Rapport,
    lang: Lang,
) -> AppResult<Output<'a>> {
    let ctx = Ctx {
        lang,
        state: state.clone(),
        path: String::new(),
        query: None,
    };
    let path = super::path_of(ready, &state.settings.parcours, def, r)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let recommandations = path
        .iter()
        .map(|x| super::say::json(&ctx, ready, def, r, x))
        .collect();
    let libelle = if r.profil.libelle.is_empty() || lang != Lang::Fr {
        super::profile_label(def, &r.reponses, lang)
    } else {
        r.profil.libelle.clone()
    };
    let mut profil =
        serde_json::to_value(&r.profil).map_err(|e| AppError::Internal(e.to_string()))?;
    profil["libelle"] = Value::String(libelle);
    Ok(Output {
        id,
        url: format!("/methodes/diagnostics/{id}"),
        version: r.version,
        date: &r.date,
        date_parcours: r.path_date(state.today()),
        profil,
        maturite: &r.maturite,
        confiance: serde_json::to_value(&r.confiance)
            .map_err(|e| AppError::Internal(e.to_string()))?,
        recommandations,
        ignorees: &r.ignorees,
        reponses: &r.reponses,
    })
}

/// A 422 with the sentence that says what to send and each field in question.
fn invalid(detail: &str, erreurs: Vec<FieldError>) -> AppError {
    AppError::InvalidBecause(detail.to_owned(), alliances_domain::error::Invalid(erreurs))
}

/// Reads `{ "reponses": { id: valeur } }`: strings or lists of strings.
fn read_answers(body: &[u8]) -> AppResult<Answers> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        invalid(
            &format!("Le corps n'est pas un JSON valide ({e}) : envoyez {{ \"reponses\": {{ \"<question>\": <valeur> }} }}."),
            Vec::new(),
        )
    })?;
    let Some(map) = value.get("reponses").and_then(Value::as_object) else {
        return Err(invalid(
            "Champ « reponses » manquant : envoyez {\"reponses\": {\"<question>\": <valeur>}}.",
            vec![FieldError::new(
                "reponses",
                "objet attendu : identifiant de question → réponse",
            )],
        ));
    };
    let mut answers = Answers::new();
    let mut errors = Vec::new();
    for (id, v) in map {
        match v {
            Value::String(s) => {
                answers.insert(id.clone(), Answer::One(s.clone()));
            }
            Value::Array(items) if items.iter().all(Value::is_string) => {
                answers.insert(
                    id.clone(),
                    Answer::Many(items.iter().filter_map(|i| i.as_str().map(str::to_owned)).collect()),
                );
            }
            _ => errors.push(FieldError::new(
                id,
                "valeur attendue : une chaîne (choix unique, échelle, territoire, texte) ou une liste de chaînes (choix multiple)",
            )),
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(invalid("Certaines réponses n'ont pas le bon type.", errors))
    }
}

/// Checks a full set of answers, computes the report (maturity per dimension and overall,
/// profile, personal path) and stores it behind a new unguessable id. Answers to questions
/// whose condition does not hold are checked, then ignored and listed in `ignorees`. Any
/// unknown question, impossible value or missing required answer gives a 422 naming each
/// question, and nothing is stored.
#[utoipa::path(post, path = "/api/v1/diagnostics", tag = "Méthodes",
    params(("lang" = Option<String>, Query, description = "Langue des textes rendus : `fr` (par défaut) ou `en`")),
    request_body(content = Object, description = "`{ \"reponses\": { \"<question>\": <valeur> } }` : une chaîne pour un choix unique ou une échelle, une liste pour un choix multiple, un code INSEE pour un territoire (commune `31555`, SIREN d'intercommunalité, département `31`, ou `regions/76`), un texte (2 000 caractères au plus)."),
    responses(
        (status = 201, description = "Le rapport : `id`, `url`, `version`, `date` (des réponses), `date_parcours`, `profil`, `maturite` ({ <dimension>: 1–4, globale: 1–4 }), `confiance` ({ <dimension>: { notees, inconnues } }), `recommandations` ([{ type, module, cible: { id, titre, url }, raison, motifs }] : le parcours du jour à travers les cinq modules, chaque raison dite dans la langue demandée), `ignorees`, `reponses` (les réponses retenues).", body = Object),
        (status = 422, description = "Réponses invalides : chaque question en cause est nommée dans `erreurs`.")))]
pub async fn create(
    State(state): State<AppState>,
    Query(q): Query<LangQuery>,
    body: Bytes,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let lang = lang_of(&q)?;
    let answers = read_answers(&body)?;
    let def = state.settings.questionnaires.current().clone();
    let checked = match diagnostic::check(
        &def,
        &answers,
        &Answers::new(),
        &ReadyPlaces(ready),
        Scope::Complete,
    ) {
        Ok(c) => c,
        Err(errors) => {
            return Err(invalid(
                "Les réponses ne correspondent pas au questionnaire en vigueur : corrigez chaque question citée (GET /api/v1/questionnaires/courant donne les options).",
                errors,
            ));
        }
    };
    let rapport = build_report(ready, &def, &checked, state.today());
    let secret = new_secret();
    let out = output(&state, ready, &def, &secret, &rapport, lang)?;
    store::insert_complete(
        &state.db,
        &key_of(&secret),
        i64::from(def.version),
        &serde_json::to_string(&checked.answers).map_err(|e| AppError::Internal(e.to_string()))?,
        &serde_json::to_string(&rapport).map_err(|e| AppError::Internal(e.to_string()))?,
        state.now(),
    )
    .await?;
    let mut response = private((StatusCode::CREATED, Json(out)).into_response());
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/diagnostics/{secret}")) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}

async fn stored(state: &AppState, id: &str) -> AppResult<(String, i64, Rapport)> {
    if !is_secret(id) {
        return Err(AppError::NotFound);
    }
    let key = key_of(id);
    let row = store::get(&state.db, &key)
        .await?
        .ok_or(AppError::NotFound)?;
    let json = row.rapport.ok_or(AppError::NotFound)?;
    let r = serde_json::from_str(&json).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((key, row.version, r))
}

/// A response that carries a personal id: never cached, never sent on as a referrer.
fn private(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    r
}

/// A stored report, with its answers.
#[utoipa::path(get, path = "/api/v1/diagnostics/{id}", tag = "Méthodes",
    params(("id" = String, Path, description = "Identifiant secret rendu à la création"),
        ("lang" = Option<String>, Query, description = "Langue des textes rendus (libellé du profil, titres et raisons du parcours) : `fr` (par défaut) ou `en`")),
    responses((status = 200, description = "Le rapport, dans la forme de la création : le parcours est celui du jour, recalculé à partir des réponses (`date` est la date des réponses, `date_parcours` celle du calcul)", body = Object), (status = 422, description = "Langue inconnue"), (status = 404, description = "Identifiant inconnu")))]
pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<LangQuery>,
) -> AppResult<Response> {
    let lang = lang_of(&q)?;
    let ready = ready(&state)?;
    let (key, version, rapport) = stored(&state, &id).await?;
    let def = state
        .settings
        .questionnaires
        .get(version)
        .cloned()
        .ok_or_else(|| AppError::Internal(format!("questionnaire version {version} absent")))?;
    store::touch(&state.db, &key, state.now()).await?;
    Ok(private(
        Json(output(&state, ready, &def, &id, &rapport, lang)?).into_response(),
    ))
}

/// Deletes a report (whoever holds its id may).
#[utoipa::path(delete, path = "/api/v1/diagnostics/{id}", tag = "Méthodes",
    params(("id" = String, Path, description = "Identifiant secret rendu à la création")),
    responses((status = 204, description = "Supprimé"), (status = 404, description = "Identifiant inconnu")))]
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    if !is_secret(&id) || !store::delete(&state.db, &key_of(&id)).await? {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}
