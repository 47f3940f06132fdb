//! SARIF 2.1.0 (the static-analysis results format GitHub code scanning
//! reads): one run, the whole rule catalogue as `tool.driver.rules`, one
//! result per diagnostic.

use super::{FileReport, help_text, relative_path};
use crate::diagnostic::{Rule, Severity};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::Path;

/// The SARIF document for `reports`, paths relative to `cwd`
/// (`uriBaseId: %SRCROOT%`), pretty-printed and ending with a newline.
pub fn sarif(reports: &[FileReport], cwd: &Path) -> String {
    let rules: Vec<Value> = Rule::ALL.iter().map(|&rule| rule_entry(rule)).collect();
    let mut results = Vec::new();
    for report in reports {
        let uri = uri_of(&relative_path(report.source.path(), cwd));
        // Fingerprints name the rule, the file and the flagged line's text
        // (not its number), so an alert keeps its identity when lines move;
        // the count tells repeats on identical lines apart.
        let mut seen: HashMap<String, usize> = HashMap::new();
        for d in &report.diagnostics {
            let start = report.source.position(d.span.start);
            let end = report.source.position(d.span.end);
            let line_text = report
                .source
                .text
                .lines()
                .nth(start.line.saturating_sub(1))
                .unwrap_or("")
                .trim();
            let key = format!("{}\0{uri}\0{line_text}", d.rule.name());
            let count = seen.entry(key.clone()).or_insert(0);
            *count += 1;
            let fingerprint = crate::hash::content_hash(format!("{key}\0{count}").as_bytes());
            let mut message = d.message.clone();
            if let Some(help) = help_text(d, &report.source) {
                message.push_str("\nhelp: ");
                message.push_str(&help);
            }
            let index = Rule::ALL.iter().position(|&r| r == d.rule).unwrap_or(0);
            results.push(json!({
                "ruleId": d.rule.name(),
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                        "region": {
                            "startLine": start.line,
                            "startColumn": start.column,
                            "endLine": end.line,
                            "endColumn": end.column.max(1),
                        }
                    }
                }],
                "partialFingerprints": { "briefcLineHash/v1": fingerprint },
            }));
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "briefc",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn rule_entry(rule: Rule) -> Value {
    json!({
        "id": rule.name(),
        "name": rule_name(rule),
        "shortDescription": { "text": rule.summary() },
        "fullDescription": { "text": format!("{} {}", rule.summary(), rule.rationale()) },
        "help": { "text": rule.explanation() },
        "defaultConfiguration": { "level": level(rule.default_severity()) },
    })
}

/// `too-many-items` → `TooManyItems` (SARIF rule names are identifiers).
fn rule_name(rule: Rule) -> String {
    rule.name()
        .split('-')
        .map(crate::model::capitalise)
        .collect()
}

/// A relative path as a URI reference: `/` separators, and every byte that
/// may not stand in a URI path percent-encoded.
fn uri_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for part in path.split(['/', '\\']).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('/');
        }
        for b in part.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(uri_of("briefs/a b.brief"), "briefs/a%20b.brief");
        assert_eq!(uri_of("dir\\ü.brief"), "dir/%C3%BC.brief");
        assert_eq!(rule_name(Rule::TooManyItems), "TooManyItems");
    }
}
