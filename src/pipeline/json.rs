//! The report as JSON (`briefc report --format json`) and its JSON Schema
//! (`briefc report --schema`), derived from the types with schemars as the
//! export's is.

use super::Pipeline;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use serde::Serialize;
use serde_json::Value;

/// The version of the report's JSON format. It changes only when a change
/// could break a consumer: a field removed, renamed or retyped. New fields
/// and new enum values (a new signal) do not change it.
pub const VERSION: u32 = 1;

/// The document `briefc report --format json` prints.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "BriefcReport", title = "briefc report")]
struct Document<'a> {
    /// The version of the report format (`1`).
    #[schemars(extend("const" = VERSION))]
    briefc_report: u32,
    /// The report.
    #[serde(flatten)]
    report: &'a Pipeline,
}

/// `report` as pretty-printed JSON, ending with a newline.
pub fn json(report: &Pipeline) -> String {
    let doc = Document {
        briefc_report: VERSION,
        report,
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("the report serialises");
    text.push('\n');
    text
}

/// The JSON Schema (draft 2020-12) of what [`json`] prints. Every property
/// is always there (`null` when there is nothing to say), and no object has
/// properties beyond those listed.
pub fn schema() -> Value {
    SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(RecursiveTransform(fixed_and_complete))
        .with_transform(RecursiveTransform(crate::export::unwrap_description))
        .into_generator()
        .into_root_schema_for::<Document>()
        .to_value()
}

/// Objects list every property as required and allow no others: the
/// report always writes every field.
fn fixed_and_complete(schema: &mut schemars::Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    let Some(Value::Object(properties)) = object.get("properties") else {
        return;
    };
    let required: Vec<Value> = properties.keys().cloned().map(Value::String).collect();
    object.insert("required".into(), Value::Array(required));
    object.insert("additionalProperties".into(), Value::Bool(false));
}
