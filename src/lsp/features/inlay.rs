//! Inlay hints: after each scene heading its duration and voiceover fit;
//! after `length:` where the scenes end, when that differs.

use super::facts;
use super::outline::{BlockKind, blocks};
use crate::lsp::document::{Analysis, Document};
use crate::lsp::text::Encoding;
use lsp_types::{InlayHint, InlayHintLabel, Range};

pub fn hints(doc: &Document, analysis: &Analysis, range: Range, enc: Encoding) -> Vec<InlayHint> {
    let text = &*doc.text;
    let settings = analysis.settings();
    let at_end_of_line = |offset: usize, label: String| {
        let line = doc.index.line_span(text, doc.index.line_of(offset))?;
        let position = doc.index.position(text, line.end, enc);
        (range.start.line <= position.line && position.line <= range.end.line).then(|| InlayHint {
            position,
            label: InlayHintLabel::String(label),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
    };
    let mut hints = Vec::new();
    if let (Some(length), Some(label)) = (
        &analysis.checked.brief.header.length,
        facts::scenes_end_hint(analysis),
    ) {
        hints.extend(at_end_of_line(length.span.start, label));
    }
    for block in blocks(text) {
        if block.kind != BlockKind::Scene {
            continue;
        }
        if let Some(scene) = facts::scene_at(analysis, block.heading) {
            hints.extend(at_end_of_line(
                block.heading.start,
                facts::scene_line(scene, settings),
            ));
        }
    }
    hints
}
