//! Whole-document formatting as the few edits that turn the text into
//! `briefc fmt`'s output: one edit per run of changed lines.

use crate::lsp::document::Document;
use crate::lsp::text::Encoding;
use lsp_types::TextEdit;

pub fn edits(doc: &Document, enc: Encoding) -> Vec<TextEdit> {
    let old = &*doc.text;
    let new = briefc::format::format(old);
    if new == old {
        return Vec::new();
    }
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    // Byte offset where each old line starts, plus the end.
    let mut starts = Vec::with_capacity(old_lines.len() + 1);
    let mut at = 0;
    for line in &old_lines {
        starts.push(at);
        at += line.len();
    }
    starts.push(at);
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old_lines, &new_lines);
    ops.iter()
        .filter(|op| op.tag() != similar::DiffTag::Equal)
        .map(|op| {
            let (old_range, new_range) = (op.old_range(), op.new_range());
            let span = briefc::syntax::Span::new(starts[old_range.start], starts[old_range.end]);
            TextEdit {
                range: doc.index.range(old, span, enc),
                new_text: new_lines[new_range].concat(),
            }
        })
        .collect()
}
