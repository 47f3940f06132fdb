//! The requests the server answers, one file per feature.

mod format;

use super::{Failure, Server, params};
use lsp_server::ErrorCode;
use lsp_types::{
    DiagnosticOptions, DiagnosticServerCapabilities, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, FullDocumentDiagnosticReport, OneOf, PositionEncodingKind,
    RelatedFullDocumentDiagnosticReport, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};
use serde_json::Value;

/// What the server offers.
pub fn capabilities(encoding: PositionEncodingKind) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("briefc".into()),
            // A brief's diagnostics depend on its briefc.yaml.
            inter_file_dependencies: true,
            workspace_diagnostics: false,
            ..Default::default()
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        ..Default::default()
    }
}

/// Answers a request; unknown methods get `MethodNotFound`.
pub fn request(server: &mut Server, method: &str, raw: Value) -> Result<Value, Failure> {
    match method {
        "textDocument/diagnostic" => {
            let p: lsp_types::DocumentDiagnosticParams = params(method, raw)?;
            let enc = server.encoding;
            let items = server
                .analysed(&p.text_document.uri)
                .map(|(analysis, doc)| super::diagnostics::to_lsp(&analysis, doc, enc))
                .unwrap_or_default();
            let report = DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
                RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport {
                        result_id: None,
                        items,
                    },
                },
            ));
            to_value(report)
        }
        "textDocument/formatting" => {
            let p: lsp_types::DocumentFormattingParams = params(method, raw)?;
            let edits = server
                .workspace
                .get(&p.text_document.uri)
                .filter(|doc| !doc.is_config())
                .map(|doc| format::edits(doc, server.encoding))
                .unwrap_or_default();
            to_value(edits)
        }
        _ => Err((
            ErrorCode::MethodNotFound,
            format!("briefc lsp does not handle `{method}`"),
        )),
    }
}

fn to_value(value: impl serde::Serialize) -> Result<Value, Failure> {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}
