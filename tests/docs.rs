//! `docs/rules.md` is generated from the rule registry, the same text
//! `briefc explain` prints. This test fails when the file is stale;
//! `UPDATE_DOCS=1 cargo test --test docs` rewrites it.

use briefc::diagnostic::Rule;

fn render() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from src/rules/registry.rs by tests/docs.rs: do not edit by hand. -->\n\n\
         Every rule `briefc check` knows. Structural rules always stay errors; the others can be set to\n\
         `off`, `warning` or `error` under `rules:` in `briefc.yaml`. `briefc explain RULE` prints the same text.\n\n\
         | rule | default | fires when |\n|---|---|---|\n",
    );
    for rule in Rule::ALL {
        let default = if rule.is_structural() {
            "error (fixed)".to_string()
        } else {
            rule.default_severity().to_string()
        };
        out.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} |\n",
            rule.name(),
            default,
            rule.summary().replace('|', "\\|")
        ));
    }
    for rule in Rule::ALL {
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n**Why:** {}\n\n```text\n{}\n```\n",
            rule.name(),
            rule.summary(),
            rule.rationale(),
            rule.example()
        ));
    }
    out
}

#[test]
fn rules_doc_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let expected = render();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).expect("write docs/rules.md");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}
