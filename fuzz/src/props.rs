//! What each fuzz target asserts, one function per target, each taking the
//! fuzzer's bytes. A broken property panics (libFuzzer reports the input as
//! a crash). Used by `fuzz/fuzz_targets/*.rs` and, by path, by the main
//! crate's `tests/fuzz_regressions.rs`.

use briefc::config::Config;
use briefc::model::Date;
use briefc::render::{RenderOptions, html, pdf};
use briefc::{Checked, check_bytes};
use std::path::Path;

/// The date every check runs on, as the tests' `--today`.
fn today() -> Date {
    Date::parse("2026-11-24").expect("a date")
}

/// Render options as in the tests: a fixed timestamp.
fn options() -> RenderOptions {
    RenderOptions {
        timestamp: 1_790_000_000,
        ..RenderOptions::default()
    }
}

fn check(bytes: &[u8]) -> Checked {
    check_bytes("fuzz.brief", bytes, &Config::default(), today())
}

/// `parse_check`: decode, parse, lower and check never panic; the syntax tree
/// is lossless; every diagnostic span (and related span) lies inside the text
/// on character boundaries, and converts to line/column positions.
pub fn parse_check(bytes: &[u8]) {
    let checked = check(bytes);
    let text = &*checked.source.text;
    let tree = briefc::syntax::parse(text);
    let rebuilt: String = tree
        .lines
        .iter()
        .flat_map(|l| [l.span.text(text), l.eol.text(text)])
        .collect();
    assert_eq!(rebuilt, text, "the syntax tree is not lossless");
    let spans = checked
        .diagnostics
        .iter()
        .flat_map(|d| std::iter::once(d.span).chain(d.related.as_ref().map(|r| r.0)));
    for span in spans {
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "span {span:?} outside the text ({} bytes)",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span {span:?} splits a character"
        );
        let start = checked.source.position(span.start);
        let end = checked.source.position(span.end);
        assert!((start.line, start.column) <= (end.line, end.column));
        let _ = checked.source.utf16_position(span.end);
    }
}

/// What a brief means: its export document (as `briefc export` prints it,
/// whether or not the brief has errors), and its diagnostics as (rule,
/// number of non-blank lines before it), since `fmt` only collapses blank
/// lines, sorted: diagnostics at one place are ordered by their spans'
/// ends, which move when `fmt` trims trailing white space.
fn meaning(text: &str) -> (serde_json::Value, Vec<(&'static str, usize)>) {
    let checked = check(text.as_bytes());
    let doc = briefc::export::Document::new("fuzz.brief".into(), &checked.brief);
    let export = serde_json::to_value(&doc).expect("the export serialises");
    let text = &*checked.source.text;
    let mut diagnostics: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| {
            let before = &text[..d.span.start];
            let filled = before.split('\n').filter(|l| !l.trim().is_empty()).count();
            (d.rule.name(), filled)
        })
        .collect();
    diagnostics.sort_unstable();
    (export, diagnostics)
}

/// `fmt`: on every brief that decodes (UTF-8, no NUL), formatting is
/// idempotent and keeps the meaning: the export document and the
/// diagnostics are the same before and after.
pub fn fmt(bytes: &[u8]) {
    let (source, problem) = briefc::source::SourceFile::decode("fuzz.brief", bytes);
    if problem.is_some() {
        return;
    }
    let text = &*source.text;
    let once = briefc::format::format(text);
    let twice = briefc::format::format(&once);
    assert_eq!(twice, once, "fmt is not idempotent");
    let (before, after) = (meaning(text), meaning(&once));
    assert_eq!(before.0, after.0, "fmt changed the export");
    assert_eq!(before.1, after.1, "fmt changed the diagnostics");
}

/// The export schema, compiled once per process.
fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        jsonschema::validator_for(&briefc::export::schema()).expect("the schema compiles")
    })
}

/// `export`: a brief without errors exports as JSON that its published
/// schema accepts, and as YAML that reads back as the same document.
pub fn export(bytes: &[u8]) {
    let checked = check(bytes);
    if checked.has_errors() {
        return;
    }
    let doc = briefc::export::Document::new("fuzz.brief".into(), &checked.brief);
    let json = serde_json::to_string_pretty(&doc).expect("JSON export");
    let value: serde_json::Value = serde_json::from_str(&json).expect("the JSON reads back");
    if let Err(error) = schema().validate(&value) {
        panic!("the export breaks its schema: {error}\n{json}");
    }
    let yaml = serde_yaml_ng::to_string(&doc).expect("YAML export");
    let from_yaml: serde_json::Value =
        serde_yaml_ng::from_str(&yaml).expect("the YAML export reads back");
    assert_eq!(
        from_yaml, value,
        "the YAML export reads back differently:\n{yaml}"
    );
}

/// `render`: a brief without errors renders to HTML and to PDF (both
/// renderers are pure; an error for a clean brief is a bug too, and the PDF
/// renderer turns a panic underneath into an error, which must not happen).
pub fn render(bytes: &[u8]) {
    let checked = check(bytes);
    if checked.has_errors() {
        return;
    }
    let options = options();
    let page = html::render(&checked.brief, &options).unwrap_or_else(|e| panic!("html: {e}"));
    assert!(page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"));
    let pdf = pdf::render(&checked.brief, &options).unwrap_or_else(|e| panic!("pdf: {e}"));
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
}

/// A brief for checking under fuzzed configs: it has most sections and
/// fields, so that limits, lengths, profiles and rule levels come into play.
const CONFIG_BRIEF: &str = include_str!("../../examples/acme-sync.brief");

/// `config`: `briefc.yaml` parsing never panics; an error points inside the
/// text on a character boundary (the CLI slices the text there to underline
/// it); a config that parses is used to check a brief and to render it.
pub fn config(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match Config::parse(Path::new("briefc.yaml"), text) {
        Err(err) => {
            assert!(
                err.offset <= text.len(),
                "error offset past the end: {err:?}"
            );
            assert!(
                text.is_char_boundary(err.offset),
                "error offset splits a character: {err:?}"
            );
            assert!(!err.message.is_empty());
            let _ = err.to_string();
        }
        Ok(config) => {
            let _ = serde_json::to_string(&config).expect("the config serialises");
            let checked = check_bytes("fuzz.brief", CONFIG_BRIEF.as_bytes(), &config, today());
            if !checked.has_errors() {
                let options = RenderOptions {
                    brand: config.brand.clone(),
                    page: config.page,
                    ..options()
                };
                html::render(&checked.brief, &options).unwrap_or_else(|e| panic!("html: {e}"));
                pdf::render(&checked.brief, &options).unwrap_or_else(|e| panic!("pdf: {e}"));
            }
        }
    }
}

/// One editor change, decoded from the fuzzer's bytes.
#[derive(Debug)]
pub struct Edit {
    pub start: (u32, u32),
    pub end: (u32, u32),
    pub text: String,
}

/// The input of the `lsp` target: the text the editor opens, then edits.
/// Chunks are separated by byte 0xFF (never in UTF-8): the first chunk is the
/// opened text; each later one is an edit, 4 bytes of range (start line,
/// start column, lines to the end, end column; columns in UTF-16 units, as
/// editors send them) and the text to put there. A plain brief is an input
/// with no edits. Bytes that are not UTF-8 are decoded lossily.
pub fn decode_edits(bytes: &[u8]) -> (String, Vec<Edit>) {
    let mut chunks = bytes.split(|&b| b == 0xFF);
    let first = chunks.next().unwrap_or_default();
    let opened = String::from_utf8_lossy(first).into_owned();
    let edits = chunks
        .map(|chunk| {
            let at = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
            Edit {
                start: (at(0), at(1)),
                end: (at(0) + at(2), at(3)),
                text: String::from_utf8_lossy(chunk.get(4..).unwrap_or_default()).into_owned(),
            }
        })
        .collect();
    (opened, edits)
}

/// Applies `edit` to `text` as an editor does, its range converted with the
/// server's `LineIndex::offset` (a line past the end: the end of the text).
pub fn apply_edit(text: &str, edit: &Edit) -> String {
    use crate::lsp::text::{Encoding, LineIndex};
    let index = LineIndex::new(text);
    let offset = |(line, character): (u32, u32)| {
        index
            .offset(
                text,
                lsp_types::Position::new(line, character),
                Encoding::Utf16,
            )
            .unwrap_or(text.len())
    };
    let (a, b) = (offset(edit.start), offset(edit.end));
    let (a, b) = (a.min(b), a.max(b));
    assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
    format!("{}{}{}", &text[..a], edit.text, &text[b..])
}

/// `lsp`: the language server's work on each version of a document, edit
/// after edit. The editor applies each edit (its range converted with the
/// server's own `LineIndex::offset`) and sends the full text (the server
/// asks for full sync); the server drops a leading byte order mark as
/// `briefc check` does (`without_bom`), checks the rest with `check_bytes`
/// and turns each diagnostic span into a protocol range with
/// `LineIndex::range`, in both encodings it offers; and it answers
/// formatting with the edits of `features::format`. Asserted: nothing
/// panics; each range, converted back by the editor in its own text (the
/// mark included), covers exactly the text the span covers; the formatting
/// edits, applied by the editor, give `briefc fmt`'s text (which keeps the
/// mark).
pub fn lsp(bytes: &[u8]) {
    use crate::lsp::document::Document;
    use crate::lsp::text::{BOM, Encoding, LineIndex, without_bom};
    use std::sync::Arc;

    let (opened, edits) = decode_edits(bytes);
    let mut text: Arc<str> = opened.into();
    let mut versions = vec![text.clone()];
    for edit in &edits {
        text = apply_edit(&text, edit).into();
        versions.push(text.clone());
    }
    for editor_text in versions {
        // The editor's own view of its text, independent of the server's.
        let editor = LineIndex::new(&editor_text);
        let (text, index) = without_bom(editor_text.to_string());
        let checked = briefc::check_str("fuzz.brief", &text, &Config::default(), today());
        let source = &*checked.source.text;
        let lead = editor_text.len() - text.len();
        for d in &checked.diagnostics {
            for span in std::iter::once(d.span).chain(d.related.as_ref().map(|r| r.0)) {
                for enc in [Encoding::Utf16, Encoding::Utf8] {
                    let range = index.range(&text, span, enc);
                    assert!(range.start <= range.end, "{range:?} runs backwards");
                    let back = |p| {
                        editor
                            .offset(&editor_text, p, enc)
                            .expect("the line exists")
                    };
                    let (a, b) = (back(range.start), back(range.end));
                    assert!(a >= lead, "the range {range:?} ({enc:?}) starts on the BOM");
                    assert_eq!(
                        editor_text.get(a..b),
                        source.get(span.start..span.end),
                        "the range {range:?} ({enc:?}) of {} covers other text",
                        d.rule.name()
                    );
                }
            }
        }
        let doc = Document {
            index,
            text: text.clone(),
        };
        let mut edits = crate::lsp::features::format::edits(&doc, Encoding::Utf16);
        edits.sort_by_key(|e| std::cmp::Reverse((e.range.start.line, e.range.start.character)));
        let mut formatted = editor_text.to_string();
        for edit in edits {
            let a = editor
                .offset(&editor_text, edit.range.start, Encoding::Utf16)
                .expect("the edit's start line exists");
            let b = editor
                .offset(&editor_text, edit.range.end, Encoding::Utf16)
                .unwrap_or(editor_text.len());
            formatted.replace_range(a..b, &edit.new_text);
        }
        let bom = if lead > 0 {
            BOM.to_string()
        } else {
            String::new()
        };
        assert_eq!(
            formatted,
            bom + &briefc::format::format(&text),
            "the formatting edits do not give fmt's text"
        );
    }
}
