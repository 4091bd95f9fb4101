//! The JSON Schema of `POST /api/v1/diagnostics`'s body, built from the current
//! questionnaire so that the OpenAPI document allows exactly what the server accepts:
//! each question with its values, and the answers required for each profile.
//!
//! Conditions read single-choice, required, unconditional questions (the questionnaire's
//! parser enforces it), so every profile is a choice of one value per such question. The
//! values of a question that switch on the same questions are grouped, and the body is one
//! of the groups' combinations (9 groups of actor types × 2 of scopes = 18 for the shipped
//! questionnaire): in each, the questions that apply and are required must be there and
//! not empty, the others may be given (checked, then ignored). A territory is one of the
//! codes the server resolves, listed once as the `CodeTerritoire` component (see
//! `document_schemas` for which). Decision 013 says why.

use std::collections::BTreeMap;

use alliances_domain::diagnostic::{self, Answer, Answers};
use alliances_domain::questionnaire::{Kind, MAX_TEXT, Question, Questionnaire};
use serde_json::{Map, Value, json};

/// Where the territory codes are listed in the document.
pub const TERRITORY_REF: &str = "#/components/schemas/CodeTerritoire";

/// The body's schema for `def`: every question with its values (required and not empty
/// when it always applies), and one variant per profile that pins the switching questions
/// to a group of values and requires the conditional questions that then apply.
#[must_use]
pub fn schema(def: &Questionnaire) -> Value {
    let switches = switch_groups(def);
    // Every combination of one group of values per switching question.
    let mut profiles: Vec<Profile<'_>> = vec![Vec::new()];
    for (id, groups) in &switches {
        profiles = profiles
            .iter()
            .flat_map(|p| {
                groups.iter().map(move |g| {
                    let mut p = p.clone();
                    p.push((id.as_str(), g.as_slice()));
                    p
                })
            })
            .collect();
    }
    let mut properties = Map::new();
    let mut required = Vec::new();
    for q in def.questions() {
        let always = q.obligatoire && q.condition.is_none();
        let value = value_schema(q);
        properties.insert(
            q.id.clone(),
            if always {
                not_empty(value, q.kind)
            } else {
                value
            },
        );
        if always {
            required.push(Value::String(q.id.clone()));
        }
    }
    let variants: Vec<Value> = profiles
        .iter()
        .map(|profile| variant(def, profile))
        .collect();
    json!({
        "type": "object",
        "description": "`{ \"reponses\": { \"<question>\": <valeur> } }` : une chaîne pour un choix unique, une échelle, un territoire ou un texte, une liste pour un choix multiple. Les questions qui s'appliquent dépendent du profil (type d'acteur, portée) : `oneOf` en donne une variante par profil, avec les réponses alors obligatoires.",
        "required": ["reponses"],
        "properties": { "reponses": {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
            "oneOf": variants,
        } },
    })
}

/// The schema of the territory codes: every code `resolves` accepts among `candidates`.
#[must_use]
pub fn territory_schema(candidates: Vec<String>, resolves: impl Fn(&str) -> bool) -> Value {
    let codes: Vec<String> = candidates.into_iter().filter(|c| resolves(c)).collect();
    json!({
        "type": "string",
        "description": "Un territoire : `regions/CODE` pour une région, le code d'un département (`31`) ou d'une collectivité d'outre-mer (`975`), tous énumérés ici ; le code INSEE d'une commune (`31555`) et le SIREN d'une intercommunalité (`243100518`) sont aussi acceptés, mais pas énumérés (36 000 codes, voir /api/v1/territoires/communes et /api/v1/territoires/epci).",
        "enum": codes,
    })
}

/// A profile: each switching question with the group of values it is pinned to.
type Profile<'a> = Vec<(&'a str, &'a [String])>;

/// For each question a condition reads, in the definition's order, its values grouped by
/// the questions they switch on.
fn switch_groups(def: &Questionnaire) -> Vec<(String, Vec<Vec<String>>)> {
    let conditions: Vec<_> = def
        .questions()
        .filter_map(|q| q.condition.as_ref())
        .collect();
    def.questions()
        .filter(|target| conditions.iter().any(|c| c.question == target.id))
        .map(|target| {
            let mut groups: BTreeMap<Vec<bool>, Vec<String>> = BTreeMap::new();
            for o in &target.options {
                let switched: Vec<bool> = conditions
                    .iter()
                    .filter(|c| c.question == target.id)
                    .map(|c| c.parmi.contains(&o.valeur))
                    .collect();
                groups.entry(switched).or_default().push(o.valeur.clone());
            }
            (target.id.clone(), groups.into_values().collect())
        })
        .collect()
}

/// One profile: the switching questions pinned to their group, and the conditional
/// questions that then apply required and not empty.
fn variant(def: &Questionnaire, profile: &[(&str, &[String])]) -> Value {
    let mut properties = Map::new();
    let mut answers = Answers::new();
    for &(id, group) in profile {
        properties.insert(id.to_owned(), json!({ "enum": group }));
        // The values of a group switch on the same questions: the first stands for all.
        answers.insert(id.to_owned(), Answer::One(group[0].clone()));
    }
    let mut required = Vec::new();
    for q in def.questions() {
        if q.obligatoire && q.condition.is_some() && diagnostic::applies(q, &answers) {
            properties.insert(q.id.clone(), non_empty_constraint(q.kind));
            required.push(Value::String(q.id.clone()));
        }
    }
    json!({ "properties": properties, "required": required })
}

/// What a question accepts, empty included (an empty answer counts as none).
fn value_schema(q: &Question) -> Value {
    let values: Vec<&str> = q.options.iter().map(|o| o.valeur.as_str()).collect();
    match q.kind {
        Kind::ChoixUnique | Kind::Echelle => {
            let mut with_empty = values;
            with_empty.push("");
            json!({ "type": "string", "enum": with_empty })
        }
        Kind::ChoixMultiple => {
            let mut s = json!({
                "type": "array",
                "uniqueItems": true,
                "items": { "type": "string", "enum": values },
            });
            if let Some(max) = q.max_choix {
                s["maxItems"] = json!(max);
            }
            let alone: Vec<&str> = q
                .options
                .iter()
                .filter(|o| !o.exclusif)
                .map(|o| o.valeur.as_str())
                .collect();
            if alone.len() < q.options.len() {
                // An exclusive option (« aucun ») comes alone.
                s["anyOf"] = json!([{ "maxItems": 1 }, { "items": { "enum": alone } }]);
            }
            s
        }
        Kind::Territoire => json!({ "anyOf": [{ "$ref": TERRITORY_REF }, { "const": "" }] }),
        Kind::Texte => json!({ "type": "string", "maxLength": MAX_TEXT }),
    }
}

/// `schema` without the empty answer (a required answer that applies).
fn not_empty(schema: Value, kind: Kind) -> Value {
    json!({ "allOf": [schema, non_empty_constraint(kind)] })
}

/// What an answer must also be to count as given: a list with an item, a string with a
/// character other than a space.
fn non_empty_constraint(kind: Kind) -> Value {
    match kind {
        Kind::ChoixMultiple => json!({ "minItems": 1 }),
        _ => json!({ "pattern": "\\S" }),
    }
}
