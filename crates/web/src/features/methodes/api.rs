//! `/api/v1/questionnaires/courant` (the current definition) and `/api/v1/diagnostics`
//! (compute and store a report from a full set of answers; read or delete it by its id).

use alliances_domain::diagnostic::{self, Answer, Answers, Scope};
use alliances_domain::error::FieldError;
use alliances_domain::questionnaire::Questionnaire;
use alliances_store::diagnostics as store;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::{Rapport, ReadyPlaces, build_report, is_secret, key_of, new_secret};
use crate::api_shapes::Langue;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::{AppState, Ready, ready};
use alliances_i18n::Lang;

/// The current questionnaire in the API's shape (French texts).
#[derive(Serialize, ToSchema)]
pub struct DefinitionQuestionnaire {
    #[schema(example = 2)]
    pub version: u32,
    pub titre: String,
    pub dimensions: Vec<DimensionMaturite>,
    pub etapes: Vec<EtapeQuestionnaire>,
}

/// A maturity dimension.
#[derive(Serialize, ToSchema)]
pub struct DimensionMaturite {
    #[schema(example = "gouvernance")]
    pub id: String,
    pub titre: String,
    pub description: String,
}

/// A step and its questions, in order.
#[derive(Serialize, ToSchema)]
pub struct EtapeQuestionnaire {
    #[schema(example = "qui")]
    pub id: String,
    pub titre: String,
    pub questions: Vec<QuestionDiagnostic>,
}

/// A question of the questionnaire.
#[derive(Serialize, ToSchema)]
pub struct QuestionDiagnostic {
    #[schema(example = "type_acteur")]
    pub id: String,
    /// `choix_unique`, `choix_multiple`, `echelle`, `territoire` or `texte`.
    #[serde(rename = "type")]
    #[schema(example = "choix_unique")]
    pub kind: &'static str,
    pub obligatoire: bool,
    pub libelle: String,
    pub aide: Option<String>,
    /// Asked only when an earlier answer is among `parmi`; null when always asked.
    pub condition: Option<ConditionQuestion>,
    /// At most this many options (multiple choice); null when unbounded.
    pub max_choix: Option<usize>,
    pub options: Vec<OptionDiagnostic>,
}

/// When a question is asked.
#[derive(Serialize, ToSchema)]
pub struct ConditionQuestion {
    #[schema(example = "type_acteur")]
    pub question: String,
    pub parmi: Vec<String>,
}

/// An option of a question (a scale lists its points).
#[derive(Serialize, ToSchema)]
pub struct OptionDiagnostic {
    pub valeur: String,
    pub libelle: String,
    /// The dimension a scored question counts for; null when not scored.
    pub dimension: Option<String>,
    /// 1 to 4 for a scored option, else null.
    pub niveau: Option<u8>,
    /// Cannot be combined with another option (« aucun »).
    pub exclusif: bool,
    /// « Je ne sais pas »: not scored, lowers the confidence shown instead.
    pub inconnu: bool,
}

/// The definition in the API's shape (French texts).
#[must_use]
pub fn definition_json(def: &Questionnaire) -> DefinitionQuestionnaire {
    let question = |q: &alliances_domain::questionnaire::Question| QuestionDiagnostic {
        id: q.id.clone(),
        kind: q.kind.code(),
        obligatoire: q.obligatoire,
        libelle: q.libelle.fr.clone(),
        aide: q.aide.as_ref().map(|t| t.fr.clone()),
        condition: q.condition.as_ref().map(|c| ConditionQuestion {
            question: c.question.clone(),
            parmi: c.parmi.clone(),
        }),
        max_choix: q.max_choix,
        options: q
            .options
            .iter()
            .map(|o| OptionDiagnostic {
                valeur: o.valeur.clone(),
                libelle: o.libelle.fr.clone(),
                dimension: q.dimension.clone(),
                niveau: o.niveau,
                exclusif: o.exclusif,
                inconnu: o.inconnu,
            })
            .collect(),
    };
    DefinitionQuestionnaire {
        version: def.version,
        titre: def.titre.fr.clone(),
        dimensions: def
            .dimensions
            .iter()
            .map(|d| DimensionMaturite {
                id: d.id.clone(),
                titre: d.titre.fr.clone(),
                description: d.description.fr.clone(),
            })
            .collect(),
        etapes: def
            .etapes
            .iter()
            .map(|s| EtapeQuestionnaire {
                id: s.id.clone(),
                titre: s.titre.fr.clone(),
                questions: s.questions.iter().map(question).collect(),
            })
            .collect(),
    }
}

/// The current questionnaire: steps, questions, conditions, options with the dimension and
/// level each scored option contributes.
#[utoipa::path(get, path = "/api/v1/questionnaires/courant", summary = "Le questionnaire en vigueur", description = "Ses étapes, questions, conditions et options, avec la dimension et le niveau auxquels chaque option notée contribue.", tag = "Méthodes",
    responses((status = 200, description = "La définition du questionnaire en vigueur : `etapes[].questions[]` avec `type` (choix_unique, choix_multiple, echelle, territoire, texte), `obligatoire`, `condition` ({ question, parmi } ou null) et `options[]` ({ valeur, libelle, dimension, niveau, exclusif, inconnu } ; `niveau` 1 à 4 pour une option notée, sinon null ; `inconnu` vrai pour « je ne sais pas », qui n'est pas notée ; une échelle liste ses points).", body = DefinitionQuestionnaire)))]
pub async fn questionnaire(State(state): State<AppState>) -> Json<DefinitionQuestionnaire> {
    Json(definition_json(state.settings.questionnaires.current()))
}

/// An answer: one value (single choice, scale, territory, text) or a list (multiple choice).
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum ReponseJson {
    Une(String),
    Plusieurs(Vec<String>),
}

impl ReponseJson {
    fn map(answers: &std::collections::BTreeMap<String, Answer>) -> BTreeMap<String, ReponseJson> {
        answers
            .iter()
            .map(|(k, a)| {
                let v = match a {
                    Answer::One(v) => ReponseJson::Une(v.clone()),
                    Answer::Many(v) => ReponseJson::Plusieurs(v.clone()),
                };
                (k.clone(), v)
            })
            .collect()
    }
}

/// The profile of a report.
#[derive(Serialize, ToSchema)]
pub struct ProfilJson {
    #[schema(example = "collectivite")]
    pub type_acteur: String,
    /// The profile said in the requested language.
    pub libelle: String,
    /// Overall maturity code: `decouvrir`, `structurer`, `cooperer` or `catalyser`.
    #[schema(example = "structurer")]
    pub niveau: String,
    /// The territory of action, when the answers give one.
    pub territoire: Option<super::TerritoireRef>,
    /// The answers the profile card shows (question → answer).
    pub reponses: BTreeMap<String, ReponseJson>,
}

/// How a dimension's level was reached.
#[derive(Serialize, ToSchema)]
pub struct ConfianceJson {
    /// Scored answers of the dimension.
    pub notees: u8,
    /// « Je ne sais pas » answers of the dimension.
    pub inconnues: u8,
}

/// A report as the API returns it: the stored codes, the profile label and the path of
/// today said in the reader's language.
#[derive(Serialize, ToSchema)]
pub struct DiagnosticJson {
    /// The secret id: whoever holds it can read and delete the report.
    pub id: String,
    /// The report page (personal link).
    pub url: String,
    pub version: u32,
    /// The date of the answers.
    pub date: String,
    /// The date the path was computed (today), or the date of the answers for a report
    /// that stored its path.
    pub date_parcours: String,
    pub profil: ProfilJson,
    /// Level 1 to 4 per dimension and `globale`.
    pub maturite: BTreeMap<String, u8>,
    pub confiance: BTreeMap<String, ConfianceJson>,
    /// Today's personal path through the five modules.
    pub recommandations: Vec<super::say::RecommandationJson>,
    /// Answers ignored because their question's condition did not hold.
    pub ignorees: Vec<String>,
    /// The answers kept.
    pub reponses: BTreeMap<String, ReponseJson>,
}

/// Says report `r` (behind `id`) in `lang`.
fn output(
    state: &AppState,
    ready: &Ready,
    def: &Questionnaire,
    id: &str,
    r: &Rapport,
    lang: Lang,
) -> AppResult<DiagnosticJson> {
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
    Ok(DiagnosticJson {
        id: id.to_owned(),
        url: format!("/methodes/diagnostics/{id}"),
        version: r.version,
        date: r.date.clone(),
        date_parcours: r.path_date(state.today()),
        profil: ProfilJson {
            type_acteur: r.profil.type_acteur.clone(),
            libelle,
            niveau: r.profil.niveau.clone(),
            territoire: r.profil.territoire.clone(),
            reponses: ReponseJson::map(&r.profil.reponses),
        },
        maturite: r.maturite.clone(),
        confiance: r
            .confiance
            .iter()
            .map(|(k, c)| {
                (
                    k.clone(),
                    ConfianceJson {
                        notees: c.notees,
                        inconnues: c.inconnues,
                    },
                )
            })
            .collect(),
        recommandations,
        ignorees: r.ignorees.clone(),
        reponses: ReponseJson::map(&r.reponses),
    })
}

/// The body of `POST /api/v1/diagnostics`. The document served at `/api/openapi.json`
/// replaces this schema with the one the current questionnaire gives (see `body_schema`):
/// each question with its values, and the answers required for each profile.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct CorpsDiagnostic {
    /// Question → answer.
    reponses: BTreeMap<String, ReponseJson>,
}

/// The schemas the served OpenAPI document takes from the running instance: the body of
/// `POST /api/v1/diagnostics` from the current questionnaire, and the territory codes the
/// answers may name. The codes listed are those of the régions (`regions/CODE`),
/// départements and collectivités d'outre-mer: listing the 35 000 communes and 1 250
/// intercommunalités as well made the document 520 kB and schemathesis ran out of memory
/// walking it, so the description says they are accepted too.
#[must_use]
pub fn document_schemas(state: &AppState, ready: &Ready) -> Vec<(&'static str, Value)> {
    let candidates: Vec<String> = ready
        .regions
        .iter()
        .map(|t| format!("regions/{}", t.code))
        .chain(
            ready
                .departements
                .iter()
                .chain(&ready.coms)
                .map(|t| t.code.clone()),
        )
        .collect();
    let places = ReadyPlaces(ready);
    vec![
        (
            "CorpsDiagnostic",
            super::body_schema::schema(state.settings.questionnaires.current()),
        ),
        (
            "CodeTerritoire",
            super::body_schema::territory_schema(candidates, |c| {
                alliances_domain::diagnostic::Places::resolve(&places, c).is_some()
            }),
        ),
    ]
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
#[utoipa::path(post, path = "/api/v1/diagnostics", summary = "Établir un diagnostic", description = "Calcule le rapport (niveaux, confiance, profil, parcours personnel) et l'enregistre sous un nouvel identifiant impossible à deviner. Les réponses à une question dont la condition ne tient pas sont vérifiées, puis ignorées et listées dans `ignorees`. Une question inconnue, une valeur impossible ou une réponse obligatoire manquante donne une erreur 422 qui nomme chaque question, et rien n'est enregistré.", tag = "Méthodes",
    params(("lang" = Option<Langue>, Query, description = "Langue des textes rendus : `fr` (par défaut) ou `en`")),
    request_body(content = CorpsDiagnostic, description = "`{ \"reponses\": { \"<question>\": <valeur> } }` : une chaîne pour un choix unique ou une échelle, une liste pour un choix multiple, un code INSEE pour un territoire (commune `31555`, SIREN d'intercommunalité, département `31`, ou `regions/76`), un texte (2 000 caractères au plus)."),
    responses(
        (status = 201, description = "Le rapport : `id`, `url`, `version`, `date` (des réponses), `date_parcours`, `profil`, `maturite` ({ <dimension>: 1–4, globale: 1–4 }), `confiance` ({ <dimension>: { notees, inconnues } }), `recommandations` ([{ type, module, cible: { id, titre, url }, raison, motifs }] : le parcours du jour à travers les cinq modules, chaque raison dite dans la langue demandée), `ignorees`, `reponses` (les réponses retenues).", body = DiagnosticJson),
        (status = 422, description = "Réponses invalides : chaque question en cause est nommée dans `erreurs`.")))]
pub async fn create(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> AppResult<Response> {
    let ready = ready(&state)?;
    let lang = crate::api_shapes::lang_of(query.as_deref())?;
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
#[utoipa::path(get, path = "/api/v1/diagnostics/{id}", summary = "Un rapport enregistré, avec ses réponses", tag = "Méthodes",
    params(("id" = String, Path, description = "Identifiant secret rendu à la création"),
        ("lang" = Option<Langue>, Query, description = "Langue des textes rendus (libellé du profil, titres et raisons du parcours) : `fr` (par défaut) ou `en`")),
    responses((status = 200, description = "Le rapport, dans la forme de la création : le parcours est celui du jour, recalculé à partir des réponses (`date` est la date des réponses, `date_parcours` celle du calcul)", body = DiagnosticJson), (status = 422, description = "Langue inconnue"), (status = 404, description = "Identifiant inconnu")))]
pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let lang = crate::api_shapes::lang_of(query.as_deref())?;
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
#[utoipa::path(delete, path = "/api/v1/diagnostics/{id}", summary = "Supprimer un rapport", description = "Quiconque détient son identifiant peut le supprimer.", tag = "Méthodes",
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
