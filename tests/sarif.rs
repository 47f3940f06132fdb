//! `briefc check --format sarif`: SARIF 2.1.0 for GitHub code scanning.
//! Shape, rule catalogue, locations and fingerprints here; validity is
//! judged by Microsoft's SARIF Multitool (with GitHub's ingestion rules)
//! when it is installed (`.ci/run` installs it, so under CI it must be).

mod support;

use serde_json::Value;
use std::path::PathBuf;
use support::{Brief, TODAY, briefc};

fn sarif_of(args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "sarif", "--today", TODAY];
    all.extend_from_slice(args);
    let out = briefc(all);
    out.no_panic();
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", out.dump()))
}

#[test]
fn one_run_with_the_whole_rule_catalogue() {
    let doc = sarif_of(&["tests/fixtures/bad/many-errors.brief"]);
    assert_eq!(doc["version"], "2.1.0");
    let runs = doc["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "briefc");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), briefc::diagnostic::Rule::ALL.len());
    for (rule, entry) in briefc::diagnostic::Rule::ALL.iter().zip(rules) {
        assert_eq!(entry["id"], rule.name());
        assert_eq!(entry["shortDescription"]["text"], rule.summary());
        assert!(
            entry["fullDescription"]["text"]
                .as_str()
                .unwrap()
                .contains(rule.rationale())
        );
        assert_eq!(entry["help"]["text"], rule.explanation());
        assert_eq!(
            entry["defaultConfiguration"]["level"],
            rule.default_severity().to_string()
        );
    }
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 10);
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "tests/fixtures/bad/many-errors.brief"
        );
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(location["region"]["startColumn"].as_u64().unwrap() >= 1);
        assert!(matches!(r["level"].as_str(), Some("error" | "warning")));
        assert!(r["partialFingerprints"]["briefcLineHash/v1"].is_string());
    }
}

#[test]
fn the_same_input_gives_the_same_bytes_and_a_clean_brief_no_results() {
    let a = briefc(["check", "--format", "sarif", "--today", TODAY, "examples"]);
    let b = briefc(["check", "--format", "sarif", "--today", TODAY, "examples"]);
    a.code(0);
    assert_eq!(a.stdout, b.stdout);
    let doc: Value = serde_json::from_str(&a.stdout).unwrap();
    assert_eq!(doc["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn fingerprints_follow_an_alert_when_lines_move() {
    let brief = "# T\nlength: 30s\nlenght: 30s\n## Goal\nG.\n## Audience\nA.\n## Key benefits\n- B\n## Success metrics\n- Views: 10\n";
    let moved = brief.replace("# T\n", "# T\n// a new comment\n\n");
    let fingerprints = |text: &str| -> Vec<(u64, String)> {
        let dir = Brief::new().file("a.brief", text);
        let out = dir.run_with(["check", "--format", "sarif", "a.brief"]);
        let doc: Value = serde_json::from_str(&out.stdout).unwrap();
        doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                    r["partialFingerprints"]["briefcLineHash/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    let (before, after) = (fingerprints(brief), fingerprints(&moved));
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].0 + 2, after[0].0, "the line moved");
    assert_eq!(before[0].1, after[0].1, "the fingerprint did not");
}

/// The SARIF Multitool's native binary: `SARIF_MULTITOOL`, or where
/// `.ci/run` installs it.
fn multitool() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("SARIF_MULTITOOL").map(PathBuf::from),
        std::env::var_os("HOME").map(|h| {
            PathBuf::from(h).join(
                ".cache/briefc-ci/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool",
            )
        }),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

#[test]
fn the_sarif_multitool_with_github_rules_finds_no_errors() {
    let Some(tool) = multitool() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the SARIF Multitool is not installed (.ci/run installs it)"
        );
        eprintln!("skipped: the SARIF Multitool is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("bad", vec!["tests/fixtures/bad"]),
        ("rules", vec!["tests/fixtures/rules"]),
        ("examples", vec!["examples"]),
    ] {
        let doc = sarif_of(&args);
        let input = dir.path().join(format!("{name}.sarif"));
        let output = dir.path().join(format!("{name}.out.sarif"));
        std::fs::write(&input, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        let run = std::process::Command::new(&tool)
            .args(["validate", "--rule-kind", "Sarif;Gh", "-o"])
            .arg(&output)
            .arg(&input)
            .output()
            .expect("run the SARIF Multitool");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stdout)
        );
        let report: Value = serde_json::from_slice(&std::fs::read(&output).unwrap()).unwrap();
        let errors: Vec<String> = report["runs"][0]["results"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["level"].as_str().unwrap_or("warning") == "error")
            .map(|r| r["message"].to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}
