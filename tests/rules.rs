//! Every rule of spec section 4 fires on its `.fire.brief` fixture, at the
//! expected line and default severity, and stays quiet on its `.quiet.brief`.
//!
//! One data-driven test: it checks every fixture and reports every failure at
//! once, so a single run shows everything that is wrong.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use support::{TODAY, briefc, repo};

/// The rules of spec section 4 with their default severities, copied from the
/// spec (not from the code, so that a wrong default in the code is caught).
const SPEC_RULES: [(&str, &str); 28] = [
    ("invalid-encoding", "error"),
    ("missing-title", "error"),
    ("stray-text", "error"),
    ("unknown-field", "error"),
    ("duplicate-field", "error"),
    ("invalid-value", "error"),
    ("missing-field", "error"),
    ("unknown-section", "error"),
    ("duplicate-section", "error"),
    ("missing-section", "error"),
    ("empty-section", "error"),
    ("too-long", "error"),
    ("too-many-items", "error"),
    ("length-out-of-range", "error"),
    ("benefits-per-length", "warning"),
    ("malformed-metric", "error"),
    ("unmeasurable-metric", "warning"),
    ("scene-timecode", "error"),
    ("scene-overlap", "error"),
    ("scene-gap", "warning"),
    ("scenes-exceed-length", "error"),
    ("scenes-short-of-length", "warning"),
    ("voiceover-too-long", "warning"),
    ("missing-sales-owner", "error"),
    ("unchecked-item", "error"),
    ("missing-sign-off", "error"),
    ("due-in-past", "warning"),
    ("invalid-url", "error"),
];

/// Rules briefc adds to the spec that `check` can fire, with their default
/// severities; they have fixtures too.
const EXTENSION_RULES: [(&str, &str); 6] = [
    ("inline-markup", "warning"),
    ("placeholder", "warning"),
    ("language-without-labels", "warning"),
    // Language 1.1.
    ("open-question", "error"),
    ("milestone-after-due", "warning"),
    ("milestones-out-of-order", "warning"),
];

fn spec_severity(rule: &str) -> Option<&'static str> {
    SPEC_RULES
        .iter()
        .chain(&EXTENSION_RULES)
        .find(|(r, _)| *r == rule)
        .map(|(_, s)| *s)
}

/// The `// expect: RULE LINE` lines of a fixture. The invalid-encoding fixture
/// cannot carry a comment (it is not UTF-8); the README fixes its expectation.
fn expectations(rule: &str, bytes: &[u8]) -> Result<Vec<(String, u64)>, String> {
    if rule == "invalid-encoding" {
        return Ok(vec![(rule.to_string(), 1)]);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.trim().strip_prefix("// expect:") else {
            continue;
        };
        let mut parts = rest.split_whitespace();
        match (
            parts.next(),
            parts.next().map(str::parse::<u64>),
            parts.next(),
        ) {
            (Some(r), Some(Ok(n)), None) => out.push((r.to_string(), n)),
            _ => return Err(format!("malformed expectation {line:?}")),
        }
    }
    if out.first().map(|(r, _)| r.as_str()) != Some(rule) {
        return Err(format!(
            "the first `// expect:` line must name `{rule}`, found {out:?}"
        ));
    }
    Ok(out)
}

/// Checks one fixture; returns its failures.
fn check_fixture(rule: &str, path: &Path, fire: bool) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return vec![format!("{name}: missing ({e})")],
    };
    let out = briefc([
        "check".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        "--today".as_ref(),
        TODAY.as_ref(),
        path.as_os_str(),
    ]);
    if out.stderr.contains("panicked") {
        return vec![format!("{name}: briefc panicked:\n{}", out.stderr)];
    }
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(&out.stdout) else {
        return vec![format!("{name}: stdout is not JSON:\n{}", out.dump())];
    };
    let found: Vec<(String, u64, String, String)> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("?").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["severity"].as_str().unwrap_or("?").to_string(),
                d["message"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect();
    let show = |found: &[(String, u64, String, String)]| -> String {
        found
            .iter()
            .map(|(r, l, s, m)| format!("\n      {s} {r} line {l}: {m}"))
            .collect()
    };
    let mut failures = Vec::new();

    if !fire {
        if !found.is_empty() {
            failures.push(format!(
                "{name}: expected no diagnostics, got:{}",
                show(&found)
            ));
        }
        if out.status != 0 {
            failures.push(format!("{name}: exit status {} (expected 0)", out.status));
        }
        return failures;
    }

    let expected = match expectations(rule, &bytes) {
        Ok(e) => e,
        Err(e) => return vec![format!("{name}: {e}")],
    };
    // Every expected diagnostic, at its line and the spec's default severity.
    for (r, line) in &expected {
        let severity = spec_severity(r).unwrap_or("?");
        let hit = found
            .iter()
            .any(|(fr, fl, fs, _)| fr == r && fl == line && fs == severity);
        if !hit {
            failures.push(format!(
                "{name}: expected {severity} `{r}` on line {line}, got:{}",
                show(&found)
            ));
        }
    }
    // And nothing else: the expectations list every diagnostic.
    for (r, l, s, m) in &found {
        if !expected.iter().any(|(er, el)| er == r && el == l) {
            failures.push(format!("{name}: unexpected {s} `{r}` on line {l}: {m}"));
        }
    }
    if found.len() != expected.len() {
        failures.push(format!(
            "{name}: expected {} diagnostics, got {}:{}",
            expected.len(),
            found.len(),
            show(&found)
        ));
    }
    // Exit 1 when an error fired, 0 when only warnings did.
    let want_status = if found.iter().any(|d| d.2 == "error") {
        1
    } else {
        0
    };
    if out.status != want_status {
        failures.push(format!(
            "{name}: exit status {} (expected {want_status})",
            out.status
        ));
    }
    failures
}

#[test]
fn every_rule_fires_on_its_fixture_and_stays_quiet_on_its_twin() {
    let dir = repo("tests/fixtures/rules");
    let mut failures = Vec::new();

    // The code knows every rule of the spec, with the spec's default severity,
    // in the spec's order. (It may know more, such as `build`-only rules.)
    let code_rules: Vec<(&str, String)> = briefc::diagnostic::Rule::ALL
        .iter()
        .map(|r| (r.name(), r.default_severity().to_string()))
        .filter(|(name, _)| SPEC_RULES.iter().any(|(r, _)| r == name))
        .collect();
    let spec_rules: Vec<(&str, String)> = SPEC_RULES
        .iter()
        .map(|(r, s)| (*r, s.to_string()))
        .collect();
    if code_rules != spec_rules {
        failures.push(format!(
            "Rule::ALL differs from spec section 4:\n  code: {code_rules:?}\n  spec: {spec_rules:?}"
        ));
    }
    for (rule, _) in SPEC_RULES {
        let structural = briefc::diagnostic::Rule::from_name(rule).map(|r| r.is_structural());
        let spec_structural = SPEC_RULES.iter().position(|(r, _)| *r == rule)
            < SPEC_RULES.iter().position(|(r, _)| *r == "too-long");
        if structural.is_some_and(|s| s != spec_structural) {
            failures.push(format!(
                "`{rule}`: structural is {structural:?}; the spec says {spec_structural} (rules above `too-long` are structural)"
            ));
        }
    }

    for (rule, severity) in EXTENSION_RULES {
        match briefc::diagnostic::Rule::from_name(rule) {
            Some(r) if r.default_severity().to_string() == severity => {}
            other => failures.push(format!(
                "extension rule `{rule}`: expected default {severity}, found {other:?}"
            )),
        }
    }
    for (rule, _) in SPEC_RULES.iter().chain(&EXTENSION_RULES) {
        for fire in [true, false] {
            let kind = if fire { "fire" } else { "quiet" };
            let path = dir.join(format!("{rule}.{kind}.brief"));
            failures.extend(check_fixture(rule, &path, fire));
        }
    }

    // No stray fixtures for rules that do not exist.
    let known: BTreeSet<String> = SPEC_RULES
        .iter()
        .chain(&EXTENSION_RULES)
        .flat_map(|(r, _)| [format!("{r}.fire.brief"), format!("{r}.quiet.brief")])
        .collect();
    for entry in std::fs::read_dir(&dir).expect("fixtures folder") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".brief") && !known.contains(&name) {
            failures.push(format!("{name}: no rule of that name in the spec"));
        }
    }

    assert!(
        failures.is_empty(),
        "{} rule fixture failure(s):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}
