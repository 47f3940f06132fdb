//! The requests the server answers, one file per feature.

mod actions;
mod complete;
mod facts;
mod format;
mod hover;
mod inlay;
mod outline;
mod preview;

use super::{Failure, Server, params};
use lsp_server::ErrorCode;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    DiagnosticOptions, DiagnosticServerCapabilities, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, FoldingRangeProviderCapability, FullDocumentDiagnosticReport,
    HoverProviderCapability, OneOf, PositionEncodingKind, RelatedFullDocumentDiagnosticReport,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
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
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "#".into()]),
            ..Default::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
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
                .diagnosed(&p.text_document.uri)
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
                .filter(|doc| !doc.is_config() && doc.too_large().is_none())
                .map(|doc| format::edits(doc, server.encoding))
                .unwrap_or_default();
            to_value(edits)
        }
        "textDocument/documentSymbol" => {
            let p: lsp_types::DocumentSymbolParams = params(method, raw)?;
            let enc = server.encoding;
            let symbols = server
                .analysed(&p.text_document.uri)
                .map(|(analysis, doc)| outline::symbols(doc, &analysis, enc))
                .unwrap_or_default();
            to_value(lsp_types::DocumentSymbolResponse::Nested(symbols))
        }
        "textDocument/foldingRange" => {
            let p: lsp_types::FoldingRangeParams = params(method, raw)?;
            let ranges = server
                .workspace
                .get(&p.text_document.uri)
                .filter(|doc| !doc.is_config() && doc.too_large().is_none())
                .map(outline::folding)
                .unwrap_or_default();
            to_value(ranges)
        }
        "textDocument/hover" => {
            let p: lsp_types::HoverParams = params(method, raw)?;
            let at = p.text_document_position_params;
            let enc = server.encoding;
            let hover = server
                .analysed(&at.text_document.uri)
                .and_then(|(analysis, doc)| hover::hover(doc, &analysis, at.position, enc));
            to_value(hover)
        }
        "textDocument/inlayHint" => {
            let p: lsp_types::InlayHintParams = params(method, raw)?;
            let enc = server.encoding;
            let hints = server
                .analysed(&p.text_document.uri)
                .map(|(analysis, doc)| inlay::hints(doc, &analysis, p.range, enc))
                .unwrap_or_default();
            to_value(hints)
        }
        "textDocument/completion" => {
            let p: lsp_types::CompletionParams = params(method, raw)?;
            let at = p.text_document_position;
            let enc = server.encoding;
            let today = server.workspace.today();
            let items = server
                .analysed(&at.text_document.uri)
                .map(|(analysis, doc)| complete::complete(doc, &analysis, at.position, enc, today))
                .unwrap_or_default();
            to_value(items)
        }
        "textDocument/codeAction" => {
            let p: lsp_types::CodeActionParams = params(method, raw)?;
            let enc = server.encoding;
            let today = server.workspace.today();
            let actions = server
                .analysed(&p.text_document.uri)
                .map(|(analysis, doc)| actions::actions(doc, &analysis, p.range, enc, today))
                .unwrap_or_default();
            to_value(actions)
        }
        "briefc/preview" => {
            let p: PreviewParams = params(method, raw)?;
            match server.analysed(&p.text_document.uri) {
                Some((analysis, _)) => Ok(serde_json::json!({ "html": preview::html(&analysis)? })),
                None => Ok(Value::Null),
            }
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

/// `briefc/preview`'s parameters: `{"textDocument": {"uri": …}}`.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct PreviewParams {
    text_document: lsp_types::TextDocumentIdentifier,
}
