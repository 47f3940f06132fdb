//! Hover: a diagnostic's rule explained; a section's counts against its
//! limits; a scene's duration and voiceover time.

use super::facts;
use super::outline::{BlockKind, blocks};
use crate::lsp::document::{Analysis, Document};
use crate::lsp::text::Encoding;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

pub fn hover(doc: &Document, analysis: &Analysis, pos: Position, enc: Encoding) -> Option<Hover> {
    let text = &*doc.text;
    let offset = doc.index.offset_strict(text, pos, enc)?;
    let markdown = |value: String, span| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(doc.index.range(text, span, enc)),
    };
    let hits: Vec<_> = analysis
        .diagnostics()
        .iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end)
        .collect();
    if let Some(first) = hits.first() {
        let mut out = String::new();
        let mut seen = Vec::new();
        for d in &hits {
            if !out.is_empty() {
                out.push_str("\n---\n\n");
            }
            out.push_str(&format!(
                "**{}** ({}): {}\n",
                d.rule.name(),
                d.severity,
                facts::md(&d.message)
            ));
            // Each rule's explanation once.
            if !seen.contains(&d.rule) {
                seen.push(d.rule);
                out.push_str(&format!("\n```text\n{}```\n", d.rule.explanation()));
            }
        }
        return Some(markdown(out, first.span));
    }
    let line = doc.index.line_span(text, doc.index.line_of(offset))?;
    let block = blocks(text).into_iter().find(|b| b.heading == line)?;
    let settings = analysis.settings();
    let value = match block.kind {
        BlockKind::Section(Some(_)) => {
            facts::section_hover(analysis, facts::section_at(analysis, line)?, settings)
        }
        BlockKind::Scene => facts::scene_hover(facts::scene_at(analysis, line)?, settings),
        _ => return None,
    };
    Some(markdown(value, line))
}
