//! The JSON report of spec section 5: one document on stdout.

use super::{FileReport, Totals};
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<Entry<'a>>,
    /// With `--stats` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    stats: Option<super::stats::StatsDoc>,
}

#[derive(Serialize)]
struct Entry<'a> {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    severity: crate::diagnostic::Severity,
    rule: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
}

/// Renders the JSON document (pretty-printed, ending with a newline), with
/// a `stats` object when `stats` (one per report) is given.
pub fn json(reports: &[FileReport], stats: Option<&[crate::stats::Stats]>) -> String {
    let totals = Totals::of(reports);
    let mut diagnostics = Vec::new();
    for report in reports {
        let file = report.source.path().display().to_string();
        for d in &report.diagnostics {
            let start = report.source.position(d.span.start);
            let end = report.source.position(d.span.end);
            diagnostics.push(Entry {
                file: file.clone(),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                severity: d.severity,
                rule: d.rule.name(),
                message: &d.message,
                help: super::help_text(d, &report.source),
            });
        }
    }
    let doc = Document {
        files: totals.files,
        errors: totals.errors,
        warnings: totals.warnings,
        diagnostics,
        stats: stats.map(|s| super::stats::StatsDoc::new(reports, s)),
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}
