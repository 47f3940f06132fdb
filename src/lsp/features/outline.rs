//! The outline (title → sections → scenes) and folding ranges, read from
//! the lossless line tree so that unknown sections appear too.

use super::facts;
use crate::lsp::document::{Analysis, Document};
use crate::lsp::text::Encoding;
use briefc::model::SectionKind;
use briefc::syntax::{LineKind, Span};
use lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};

/// What a block of lines is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    /// A `##` section (`None`: a name the language does not know).
    Section(Option<SectionKind>),
    /// A `###` scene inside `## Scenes`.
    Scene,
}

/// A heading and the lines under it.
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// The heading's text (after the `#`s).
    pub name: String,
    /// The heading line.
    pub heading: Span,
    /// From the heading to the end of the last line that is not blank.
    pub span: Span,
}

/// Every title, section and scene heading with its extent, in order.
pub fn blocks(text: &str) -> Vec<Block> {
    let tree = briefc::syntax::parse(text);
    let mut blocks: Vec<Block> = Vec::new();
    // Indexes into `blocks` of the open section and scene.
    let mut section: Option<usize> = None;
    let mut scene: Option<usize> = None;
    let mut in_scenes = false;
    for line in &tree.lines {
        if line.kind == LineKind::Blank || line.span.text(text).trim().is_empty() {
            continue;
        }
        let first = blocks.is_empty();
        let mut new_block = |kind, name: Span| {
            blocks.push(Block {
                kind,
                name: name.text(text).to_string(),
                heading: line.span,
                span: line.span,
            });
            blocks.len() - 1
        };
        match line.kind {
            LineKind::Heading { level: 1, text: t } if first => {
                new_block(BlockKind::Title, t);
                continue;
            }
            LineKind::Heading { level: 2, text: t } => {
                let kind = SectionKind::parse(t.text(text));
                in_scenes = kind == Some(SectionKind::Scenes);
                section = Some(new_block(BlockKind::Section(kind), t));
                scene = None;
                continue;
            }
            LineKind::Heading { level: 3, text: t } if in_scenes => {
                scene = Some(new_block(BlockKind::Scene, t));
                continue;
            }
            _ => {}
        }
        for open in [section, scene].into_iter().flatten() {
            blocks[open].span.end = line.span.end;
        }
    }
    blocks
}

/// The nested outline.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written.
pub fn symbols(doc: &Document, analysis: &Analysis, enc: Encoding) -> Vec<DocumentSymbol> {
    let text = &*doc.text;
    let symbol = |block: &Block, kind, detail: Option<String>| DocumentSymbol {
        name: if block.name.trim().is_empty() {
            "(untitled)".into()
        } else {
            block.name.clone()
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: doc.index.range(text, block.span, enc),
        selection_range: doc.index.range(text, block.heading, enc),
        children: None,
    };
    let settings = analysis.settings();
    let mut title: Option<DocumentSymbol> = None;
    let mut sections: Vec<DocumentSymbol> = Vec::new();
    for block in blocks(text) {
        match block.kind {
            BlockKind::Title => {
                let detail = analysis
                    .checked
                    .brief
                    .header
                    .length
                    .as_ref()
                    .map(|l| l.value.to_string());
                title = Some(symbol(&block, SymbolKind::FILE, detail));
            }
            BlockKind::Section(kind) => {
                let detail = match kind {
                    Some(kind) => facts::section_detail(analysis, kind, settings),
                    None => Some("unknown section".into()),
                };
                sections.push(symbol(&block, SymbolKind::NAMESPACE, detail));
            }
            BlockKind::Scene => {
                let detail = match facts::scene_at(analysis, block.heading) {
                    Some(scene) => scene.time.map(|t| t.duration().to_string()),
                    None => None,
                };
                let scene = symbol(&block, SymbolKind::EVENT, detail);
                match sections.last_mut() {
                    Some(section) => section.children.get_or_insert_with(Vec::new).push(scene),
                    None => sections.push(scene),
                }
            }
        }
    }
    match title {
        Some(mut title) => {
            // The title spans the whole brief.
            if let Some(last) = sections.last() {
                title.range.end = last.range.end.max(title.range.end);
            }
            title.children = (!sections.is_empty()).then_some(sections);
            vec![title]
        }
        None => sections,
    }
}

/// Sections and scenes that span more than one line.
pub fn folding(doc: &Document) -> Vec<FoldingRange> {
    let text = &*doc.text;
    blocks(text)
        .into_iter()
        .filter(|b| b.kind != BlockKind::Title)
        .filter_map(|b| {
            let start = doc.index.line_of(b.span.start) as u32;
            let end = doc.index.line_of(b.span.end) as u32;
            (end > start).then(|| FoldingRange {
                start_line: start,
                end_line: end,
                kind: Some(FoldingRangeKind::Region),
                collapsed_text: Some(b.name.clone()),
                ..Default::default()
            })
        })
        .collect()
}
