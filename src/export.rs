//! The export document (`briefc export FILE`) and its JSON Schema
//! (`briefc export --schema`).
//!
//! The schema is derived from the model types with `schemars`, so the doc
//! comments on the fields become its descriptions and a field added to the
//! model shows up in it. A few rules the derive cannot see are added here, in
//! one place: objects have a fixed shape (`additionalProperties: false`), a
//! header field that is absent is left out rather than `null` (and `status`
//! is always there), and a section's `content.form` follows from its `kind`.

use crate::model::{Brief, Content, SectionKind};
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use serde::Serialize;
use serde_json::{Map, Value, json};

/// The version of the export format. It changes only when a change could
/// break a consumer: a field removed, renamed or retyped, or a value it could
/// hold no longer meaning the same thing. New optional fields and new enum
/// values do not change it.
pub const VERSION: u32 = 1;

/// One brief as `briefc export` prints it: the typed model of a brief that
/// checked without errors. Spans, diagnostics and computed facts are left
/// out; absent header fields are left out, never `null`.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "BriefcExport", title = "briefc export")]
pub struct Document<'a> {
    /// The version of the export format (`1`); it changes only when a change
    /// could break a consumer.
    #[schemars(extend("const" = VERSION))]
    pub briefc_export: u32,
    /// The brief's path as given on the command line.
    pub file: String,
    /// What the brief says.
    pub brief: &'a Brief,
}

impl<'a> Document<'a> {
    /// The export of `brief`, read from `file`.
    pub fn new(file: String, brief: &'a Brief) -> Self {
        Document {
            briefc_export: VERSION,
            file,
            brief,
        }
    }
}

/// The JSON Schema (draft 2020-12) of [`Document`] as serialised to JSON.
pub fn schema() -> Value {
    let settings = SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(RecursiveTransform(fixed_shape))
        .with_transform(RecursiveTransform(unwrap_description));
    let mut schema = settings
        .into_generator()
        .into_root_schema_for::<Document>()
        .to_value();
    let section = schema
        .pointer_mut("/$defs/Section")
        .and_then(Value::as_object_mut)
        .expect("the schema defines Section");
    section.insert("allOf".into(), Value::Array(form_follows_kind()));
    // Lowering fills in `status: draft` when the brief gives none, so every
    // export has a status; the other header fields are left out when absent.
    let header = schema
        .pointer_mut("/$defs/Header")
        .and_then(Value::as_object_mut)
        .expect("the schema defines Header");
    header.insert("required".into(), json!(["status"]));
    schema
}

/// Objects the derive describes have a fixed shape: no property beyond those
/// listed. A property that is not required is one serde skips when it is
/// `None` (the header fields), so when present it is never `null`.
fn fixed_shape(schema: &mut schemars::Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    let required: Vec<Value> = match object.get("required") {
        Some(Value::Array(required)) => required.clone(),
        _ => Vec::new(),
    };
    let Some(Value::Object(properties)) = object.get_mut("properties") else {
        return;
    };
    for (name, property) in properties.iter_mut() {
        if let Value::Object(property) = property {
            if !required.contains(&Value::String(name.clone())) {
                strip_null(property);
            }
        }
    }
    object
        .entry("additionalProperties")
        .or_insert(Value::Bool(false));
}

/// Joins the lines of a description that a doc comment wrapped, keeping
/// paragraph breaks (also for the report's schema, `crate::pipeline`).
pub(crate) fn unwrap_description(schema: &mut schemars::Schema) {
    if let Some(Value::String(text)) = schema.get_mut("description") {
        *text = text
            .split("\n\n")
            .map(|paragraph| paragraph.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\n\n");
    }
}

/// Removes `null` from a schema `Option<T>` produced: `"type": [T, "null"]`
/// or `"anyOf": [T, {"type": "null"}]`.
fn strip_null(schema: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            schema.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(any_of)) = schema.get_mut("anyOf") {
        any_of.retain(|s| s != &json!({"type": "null"}));
        if let [Value::Object(only)] = any_of.as_slice() {
            let only = only.clone();
            schema.remove("anyOf");
            for (key, value) in only {
                schema.entry(key).or_insert(value);
            }
        }
    }
}

/// `if kind is one of …, then content.form is …`, one rule per form, from
/// the model's own [`SectionKind::form`].
fn form_follows_kind() -> Vec<Value> {
    let mut forms: Vec<(Value, Vec<Value>)> = Vec::new();
    for &kind in SectionKind::ALL {
        let form =
            serde_json::to_value(Content::empty(kind.form())).expect("content serialises")["form"]
                .clone();
        let kind = serde_json::to_value(kind).expect("a section kind serialises");
        match forms.iter_mut().find(|(f, _)| *f == form) {
            Some((_, kinds)) => kinds.push(kind),
            None => forms.push((form, vec![kind])),
        }
    }
    forms
        .into_iter()
        .map(|(form, kinds)| {
            json!({
                "if": {"properties": {"kind": {"enum": kinds}}},
                "then": {"properties": {"content": {"properties": {"form": {"const": form}}}}},
            })
        })
        .collect()
}
