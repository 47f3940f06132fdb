//! `docs/rules.md` is generated from the rule registry, the same text
//! `briefc explain` prints. This test fails when the file is stale;
//! `UPDATE_DOCS=1 cargo test --test docs` rewrites it (and then still
//! compares what is on disk with the generated text).

mod support;

use briefc::diagnostic::Rule;
use std::path::Path;

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

/// Compares the file at `path` with `expected`, after writing `expected`
/// there when `update` is set. Err says what differs (a missing or
/// unreadable file is a difference, not an empty file).
fn check_generated(path: &Path, expected: &str, update: bool) -> Result<(), String> {
    if update {
        std::fs::write(path, expected).map_err(|e| format!("cannot write {path:?}: {e}"))?;
    }
    let actual = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
    if actual == expected {
        return Ok(());
    }
    let line = actual
        .lines()
        .zip(expected.lines())
        .position(|(a, e)| a != e)
        .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
    Err(format!(
        "{path:?} differs from the generated text at line {}:\n  on disk:   {:?}\n  generated: {:?}",
        line + 1,
        actual.lines().nth(line).unwrap_or("<end of file>"),
        expected.lines().nth(line).unwrap_or("<end of file>"),
    ))
}

#[test]
fn rules_doc_is_up_to_date() {
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    if let Err(diff) = check_generated(&support::repo("docs/rules.md"), &render(), update) {
        panic!("docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`\n{diff}");
    }
}

#[test]
fn a_stale_or_missing_doc_fails_and_update_rewrites_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rules.md");
    let expected = render();
    // Missing: a failure, not a match with "".
    assert!(check_generated(&path, &expected, false).is_err());
    // Stale by one character: a failure that names the line.
    std::fs::write(&path, expected.replacen("error", "errors", 1)).unwrap();
    let err = check_generated(&path, &expected, false).unwrap_err();
    assert!(err.contains("errors"), "{err}");
    // Longer than the generated text: a failure too.
    std::fs::write(&path, format!("{expected}extra\n")).unwrap();
    assert!(check_generated(&path, &expected, false).is_err());
    // UPDATE_DOCS: rewritten, then compared.
    check_generated(&path, &expected, true).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    check_generated(&path, &expected, false).unwrap();
}

#[test]
fn rules_doc_says_what_explain_prints() {
    let doc = std::fs::read_to_string(support::repo("docs/rules.md")).unwrap();
    // `explain` wraps its paragraphs: compare with whitespace collapsed.
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for rule in Rule::ALL {
        let out = support::briefc(["explain", rule.name()]);
        out.code(0);
        let explained = flat(&out.stdout);
        let section = doc
            .split(&format!("\n## {}\n", rule.name()))
            .nth(1)
            .unwrap_or_else(|| panic!("docs/rules.md has no section for `{}`", rule.name()));
        let section = flat(section.split("\n## ").next().unwrap());
        for text in [rule.summary(), rule.rationale()] {
            let text = flat(text);
            assert!(
                explained.contains(&text),
                "explain lacks {text:?}\n{}",
                out.dump()
            );
            assert!(
                section.contains(&text),
                "docs/rules.md `{}` lacks {text:?}",
                rule.name()
            );
        }
    }
}
