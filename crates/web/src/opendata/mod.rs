//! Open data shared by the dumps of `/donnees-ouvertes`, the CLI exports and the pages
//! that document them: one module per dataset, each with its field documentation, its
//! Table Schema and its writers.

pub mod alliances;
pub mod catalyseurs;
pub mod chiffres;
pub mod dump;
pub mod outils;

use serde_json::{Value, json};

/// One documented column: (name, Table Schema type, French description).
pub type Field = (&'static str, &'static str, &'static str);

/// A Frictionless Table Schema: `required` columns must be filled, `key` is unique.
#[must_use]
pub fn table_schema(fields: &[Field], key: &str, required: &[&str]) -> Value {
    json!({
        "fields": fields.iter().map(|(name, kind, doc)| {
            let mut f = json!({ "name": name, "type": kind, "description": doc });
            if required.contains(name) || *name == key {
                f["constraints"] = json!({ "required": true });
            }
            if *name == key {
                f["constraints"]["unique"] = json!(true);
                f["constraints"]["pattern"] = json!("^[a-z0-9]+(-[a-z0-9]+)*$");
            }
            f
        }).collect::<Vec<_>>(),
        "primaryKey": key,
        "missingValues": [""],
    })
}
