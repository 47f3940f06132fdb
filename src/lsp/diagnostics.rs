//! briefc diagnostics as protocol diagnostics.

use super::document::{Analysis, Document};
use super::text::{Encoding, path_to_uri};
use briefc::diagnostic::Severity;
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Range,
};

/// Every diagnostic of `analysis`: the message, then `help: …` on a second
/// line (the same help `briefc check` prints, with the line of a related
/// place); the related place is also given as related information, so
/// editors can jump to it. A broken `briefc.yaml` is one diagnostic at the
/// top of the brief naming the file, line and problem.
pub fn to_lsp(analysis: &Analysis, doc: &Document, enc: Encoding) -> Vec<lsp_types::Diagnostic> {
    let text = &*doc.text;
    if let Some(why) = &analysis.too_large {
        return vec![lsp_types::Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String("too-large".into())),
            source: Some("briefc".into()),
            message: format!(
                "this brief is not checked: {why}\nhelp: a brief is a few kilobytes of text; split it, or check that this is the file you meant"
            ),
            ..Default::default()
        }];
    }
    if let Some(err) = &analysis.config_error {
        let anchor = analysis.checked.brief.anchor;
        let range = doc.index.range(text, anchor, enc);
        let mut message =
            format!("the config file cannot be used, so the brief was not checked: {err}");
        if let Some(help) = &err.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let related = path_to_uri(&err.path).map(|uri| {
            let line = err.line.saturating_sub(1) as u32;
            let column = err.column.saturating_sub(1) as u32;
            vec![DiagnosticRelatedInformation {
                location: Location::new(
                    uri,
                    Range::new(Position::new(line, column), Position::new(line, column)),
                ),
                message: err.message.clone(),
            }]
        });
        return vec![lsp_types::Diagnostic {
            range,
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String("config".into())),
            source: Some("briefc".into()),
            message,
            related_information: related,
            ..Default::default()
        }];
    }
    analysis
        .diagnostics()
        .iter()
        .map(|d| to_lsp_one(analysis, doc, d, enc))
        .collect()
}

/// One briefc diagnostic of `analysis` as the protocol's.
pub fn to_lsp_one(
    analysis: &Analysis,
    doc: &Document,
    d: &briefc::diagnostic::Diagnostic,
    enc: Encoding,
) -> lsp_types::Diagnostic {
    let text = &*doc.text;
    let mut message = d.message.clone();
    if let Some(help) = briefc::report::help_text(d, &analysis.checked.source) {
        message.push_str("\nhelp: ");
        message.push_str(&help);
    }
    let related = d.related.as_ref().map(|(span, phrase)| {
        vec![DiagnosticRelatedInformation {
            location: Location::new(doc.uri.clone(), doc.index.range(text, *span, enc)),
            message: phrase.clone(),
        }]
    });
    lsp_types::Diagnostic {
        range: doc.index.range(text, d.span, enc),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.rule.name().into())),
        source: Some("briefc".into()),
        message,
        related_information: related,
        ..Default::default()
    }
}
