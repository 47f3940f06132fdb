//! `briefc export --schema`: the schema is valid draft 2020-12, every export
//! of the examples and of the clean rule fixtures validates against it, and
//! it is strict enough that a drifted export does not.

mod support;

use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::PathBuf;
use support::{Brief, CLEAN, TODAY, briefc, repo};

const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema `briefc export --schema` prints.
fn schema() -> Value {
    let out = briefc(["export", "--schema"]);
    out.code(0).stderr_empty();
    out.json()
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles")
}

/// The examples and the clean rule fixtures, sorted.
fn clean_briefs() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for (dir, suffix) in [
        ("examples", ".brief"),
        ("tests/fixtures/rules", ".quiet.brief"),
    ] {
        for entry in std::fs::read_dir(repo(dir)).expect("read the folder") {
            let path = entry.expect("a folder entry").path();
            if path.to_string_lossy().ends_with(suffix) {
                paths.push(path);
            }
        }
    }
    paths.sort();
    assert!(paths.len() > 20, "too few briefs found: {paths:?}");
    paths
}

/// `briefc export PATH` as JSON (exit 0 required).
fn export(path: &std::path::Path) -> Value {
    let out = briefc([
        "export".as_ref(),
        path.as_os_str(),
        "--today".as_ref(),
        TODAY.as_ref(),
    ]);
    out.code(0);
    out.json()
}

/// The exports of [`clean_briefs`], and of a brief that names a profile
/// (which needs a `briefc.yaml`), labelled for failure messages.
fn clean_exports() -> Vec<(String, Value)> {
    let mut exports: Vec<(String, Value)> = clean_briefs()
        .iter()
        .map(|path| (path.display().to_string(), export(path)))
        .collect();
    let with_profile = CLEAN.replace("stage: awareness\n", "stage: awareness\nprofile: social\n");
    let out = Brief::new()
        .file(
            "briefc.yaml",
            "profiles: { social: { length: { max: 60s } } }\n",
        )
        .file("profile.brief", with_profile)
        .args(["export", "profile.brief", "--today", TODAY])
        .run();
    out.code(0);
    exports.push(("profile.brief".into(), out.json()));
    exports
}

/// Every validation error, one per line, for failure messages.
fn errors(validator: &jsonschema::Validator, doc: &Value) -> String {
    validator
        .iter_errors(doc)
        .map(|e| format!("  at `{}`: {e}", e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let schema = schema();
    assert_eq!(schema["$schema"], DRAFT_2020_12);
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("the schema is not valid draft 2020-12: {e}");
    }
    validator(&schema);
}

#[test]
fn schema_output_is_deterministic_and_yaml_says_the_same() {
    let first = briefc(["export", "--schema"]);
    let second = briefc(["export", "--schema"]);
    first.code(0);
    assert_eq!(first.stdout, second.stdout, "two runs differ");
    assert!(first.stdout.ends_with("}\n"));

    let yaml = briefc(["export", "--schema", "--to", "yaml"]);
    yaml.code(0).stderr_empty();
    let yaml: Value = serde_yaml_ng::from_str(&yaml.stdout).expect("the YAML parses");
    assert_eq!(yaml, first.json());
}

#[test]
fn schema_and_file_are_exclusive_and_one_is_needed() {
    let path = repo("examples/acme-sync.brief");
    briefc(["export".as_ref(), "--schema".as_ref(), path.as_os_str()])
        .code(2)
        .stdout_empty()
        .stderr_has("--schema");
    briefc(["export"]).code(2).stdout_empty().stderr_has("FILE");
}

#[test]
fn every_example_and_clean_fixture_validates() {
    let schema = schema();
    let validator = validator(&schema);
    let mut failures = Vec::new();
    for (name, doc) in clean_exports() {
        if !validator.is_valid(&doc) {
            failures.push(format!("{name}:\n{}", errors(&validator, &doc)));
        }
    }
    assert!(
        failures.is_empty(),
        "exports that do not match the schema:\n{}",
        failures.join("\n")
    );
}

/// The object properties a schema names, as `Definition.property`.
fn schema_properties(schema: &Value) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut add = |owner: &str, object: &Value| {
        for (name, _) in object["properties"].as_object().into_iter().flatten() {
            names.insert(format!("{owner}.{name}"));
        }
    };
    add("BriefcExport", schema);
    for (def, body) in schema["$defs"].as_object().expect("$defs") {
        add(def, body);
        for variant in body["oneOf"].as_array().into_iter().flatten() {
            add(def, variant);
        }
    }
    names
}

/// Every `"description"` a schema object should have and lacks, by JSON pointer.
fn undescribed(schema: &Value, pointer: &str, missing: &mut Vec<String>) {
    let Some(object) = schema.as_object() else {
        return;
    };
    if let Some(Value::Object(properties)) = object.get("properties") {
        for (name, property) in properties {
            let at = format!("{pointer}/properties/{name}");
            let described = property["description"]
                .as_str()
                .is_some_and(|d| !d.trim().is_empty());
            // The tag of a section's content is described by its variant.
            if !described && name != "form" && name != "items" {
                missing.push(at.clone());
            }
            undescribed(property, &at, missing);
        }
    }
    if let Some(Value::Object(defs)) = object.get("$defs") {
        for (name, def) in defs {
            let at = format!("{pointer}/$defs/{name}");
            if def["description"]
                .as_str()
                .is_none_or(|d| d.trim().is_empty())
            {
                missing.push(at.clone());
            }
            undescribed(def, &at, missing);
        }
    }
    for (key, value) in object {
        if let ("oneOf" | "anyOf" | "allOf", Value::Array(items)) = (key.as_str(), value) {
            for (i, item) in items.iter().enumerate() {
                undescribed(item, &format!("{pointer}/{key}/{i}"), missing);
            }
        }
    }
}

#[test]
fn every_property_and_definition_is_described() {
    let mut missing = Vec::new();
    undescribed(&schema(), "#", &mut missing);
    assert!(missing.is_empty(), "no description: {missing:#?}");
}

/// The properties that occur in `doc`, named as in [`schema_properties`],
/// found by walking `doc` beside the schema.
fn seen(schema: &Value, node: &Value, doc: &Value, out: &mut BTreeSet<String>) {
    let resolve = |node: &Value| -> (String, Value) {
        let name = node["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .map(str::to_string);
        match name {
            Some(name) => (name.clone(), schema["$defs"][&name].clone()),
            None => (String::new(), node.clone()),
        }
    };
    let (mut owner, mut node) = resolve(node);
    if owner.is_empty() && node.get("$schema").is_some() {
        owner = "BriefcExport".into();
    }
    // A nullable reference: follow the branch that is not `null`.
    if let (Some(any_of), false) = (node["anyOf"].as_array().cloned(), doc.is_null()) {
        let (o, n) = resolve(&any_of[0]);
        (owner, node) = (o, n);
    }
    // Content: the variant whose `form` matches.
    if let Some(variants) = node["oneOf"].as_array().cloned() {
        if let Some(variant) = variants
            .iter()
            .find(|v| v["properties"]["form"]["const"] == doc["form"])
        {
            node = variant.clone();
        }
    }
    match doc {
        Value::Object(fields) => {
            for (name, value) in fields {
                out.insert(format!("{owner}.{name}"));
                seen(schema, &node["properties"][name], value, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                seen(schema, &node["items"], item, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_briefs_checked_use_every_property_and_content_form() {
    // So that `every_example_and_clean_fixture_validates` exercises the
    // whole schema, not a corner of it.
    let schema = schema();
    let mut used = BTreeSet::new();
    let mut forms = BTreeSet::new();
    for (_, doc) in clean_exports() {
        seen(&schema, &schema, &doc, &mut used);
        for section in doc["brief"]["sections"].as_array().into_iter().flatten() {
            forms.insert(
                section["content"]["form"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            );
        }
    }
    let unused: Vec<_> = schema_properties(&schema)
        .difference(&used)
        .cloned()
        .collect();
    assert!(unused.is_empty(), "no checked brief exports {unused:?}");
    let expected: BTreeSet<String> = [
        "prose",
        "list",
        "checklist",
        "metrics",
        "scenes",
        "sign_off",
        "milestones",
    ]
    .map(String::from)
    .into();
    assert_eq!(forms, expected);
}

/// Sets `pointer` in `doc` to `value`, adding the key if it is new, or
/// removes the key when `value` is `None`.
fn set(doc: &mut Value, pointer: &str, value: Option<Value>) {
    let (parent, key) = pointer.rsplit_once('/').expect("a JSON pointer");
    let parent = doc
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at `{parent}`"));
    match value {
        Some(value) => parent.insert(key.to_string(), value),
        None => parent.remove(key),
    };
}

#[test]
fn a_drifted_export_fails_validation() {
    let schema = schema();
    let validator = validator(&schema);
    let good = export(&repo("examples/acme-sync.brief"));
    assert!(validator.is_valid(&good), "{}", errors(&validator, &good));

    let scenes = good["brief"]["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .position(|s| s["kind"] == "scenes")
        .expect("acme-sync has scenes");
    let section = format!("/brief/sections/{scenes}");
    let scene = format!("{section}/content/items/0");
    let header = "/brief/header";
    let drifts = [
        (
            "an unknown stage",
            format!("{header}/stage"),
            Some(json!("consideration")),
        ),
        (
            "an unknown status",
            format!("{header}/status"),
            Some(json!("done")),
        ),
        (
            "an extra top-level property",
            "/extra".into(),
            Some(json!(true)),
        ),
        (
            "an extra header field",
            format!("{header}/owner"),
            Some(json!("Priya")),
        ),
        (
            "an absent header field as null",
            format!("{header}/budget"),
            Some(Value::Null),
        ),
        (
            "another format version",
            "/briefc_export".into(),
            Some(json!(2)),
        ),
        ("no file", "/file".into(), None),
        ("no status", format!("{header}/status"), None),
        ("no title", "/brief/title".into(), None),
        ("an empty title", "/brief/title".into(), Some(json!(""))),
        (
            "a length as text",
            format!("{header}/length_seconds"),
            Some(json!("90s")),
        ),
        (
            "a date in another spelling",
            format!("{header}/due"),
            Some(json!("14/02/2027")),
        ),
        (
            "an unknown scene field",
            format!("{scene}/fields/0/kind"),
            Some(json!("camera")),
        ),
        ("a scene without time", format!("{scene}/time"), None),
        (
            "a span left in a scene",
            format!("{scene}/span"),
            Some(json!({"start": 0, "end": 4})),
        ),
        (
            "an unknown section",
            format!("{section}/kind"),
            Some(json!("appendix")),
        ),
        (
            "scenes holding prose",
            format!("{section}/content"),
            Some(json!({"form": "prose", "items": ["text"]})),
        ),
    ];
    for (what, pointer, value) in drifts {
        let mut doc = good.clone();
        set(&mut doc, &pointer, value);
        assert_ne!(doc, good, "{what}: the mutation changed nothing");
        assert!(
            !validator.is_valid(&doc),
            "{what}: the schema accepts the drifted export"
        );
    }
}

/// The body of the first fenced block opened by `fence` after `heading`.
fn block<'a>(text: &'a str, heading: &str, fence: &str) -> &'a str {
    let from = text
        .find(heading)
        .unwrap_or_else(|| panic!("no `{heading}`"));
    let text = &text[from..];
    let start = text.find(fence).unwrap_or_else(|| panic!("no {fence}")) + fence.len() + 1;
    let len = text[start..].find("\n```").expect("a closing fence") + 1;
    &text[start..start + len]
}

#[test]
fn the_docs_example_is_the_real_export_and_validates() {
    let docs = std::fs::read_to_string(repo("docs/export.md")).expect("read docs/export.md");
    let brief = block(&docs, "## An example", "```text");
    let shown = block(&docs, "## An example", "```json");
    let out = Brief::new()
        .file("spring-promo.brief", brief)
        .args(["export", "spring-promo.brief", "--today", TODAY])
        .run();
    out.code(0);
    assert_eq!(
        out.stdout, shown,
        "docs/export.md shows another export than briefc prints"
    );
    let schema = schema();
    let doc = out.json();
    assert!(
        validator(&schema).is_valid(&doc),
        "{}",
        errors(&validator(&schema), &doc)
    );
}

#[test]
fn the_docs_name_every_property() {
    let docs = std::fs::read_to_string(repo("docs/export.md")).expect("read docs/export.md");
    let unnamed: Vec<String> = schema_properties(&schema())
        .into_iter()
        .filter(|p| {
            let name = p.rsplit('.').next().unwrap_or(p);
            !docs.contains(&format!("`{name}`")) && !docs.contains(&format!("\"{name}\""))
        })
        .collect();
    assert!(
        unnamed.is_empty(),
        "docs/export.md does not name {unnamed:?}"
    );
}
