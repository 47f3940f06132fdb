//! PDF output: a brief typeset on A4 or Letter pages.
//!
//! A pure function from brief and options to bytes, split by concern:
//!
//! - `fonts`: the embedded DejaVu Sans faces and the fallback faces a
//!   font source finds, glyph coverage, widths;
//! - `lean`: the faces without hinting, layout tables and glyph names;
//! - `text`: styled text, URL detection, wrapping by glyph widths;
//! - `shaping`: text in fallback faces shaped (joining, clusters, marks);
//! - `bidi`: right-to-left runs put into visual order;
//! - `layout`: positioned items on pages and the flow cursor;
//! - `table`: tables whose rows break across pages;
//! - `running`: the running header (title, version, status mark);
//! - `theme`: the colours, from the brand's accent;
//! - `timeline`: the scene timeline strip at the top of the Scenes section;
//! - `compose`: the brief's parts laid out on the pages;
//! - `doc`: printpdf assembly, metadata and the determinism fixes;
//! - `coverage`: characters no embedded face can show;
//! - `image`: the brand logo (PNG, JPEG) decoded for embedding.
//!
//! The same brief and options always give the same bytes, whatever else the
//! process renders before or in parallel.

mod bidi;
mod compose;
mod core_chars;
mod coverage;
mod doc;
mod fonts;
mod image;
mod layout;
// Used by `build.rs` (which includes the file) to slim the fonts; compiled
// here only for its tests.
#[cfg(test)]
mod lean;
mod running;
mod shaping;
mod table;
mod text;
mod theme;
mod timeline;

use super::{FontSource, RenderOptions, VERSION};
use crate::model::Brief;
use crate::syntax::Span;
use std::sync::Arc;

/// Renders `brief` as a PDF document. Pure: no I/O.
///
/// Characters the fonts cannot show are drawn as U+FFFD; see
/// [`unsupported_chars`] to warn about them.
pub fn render(brief: &Brief, options: &RenderOptions) -> Result<Vec<u8>, String> {
    // Layout is written not to panic; this is the safety net for the PDF
    // library underneath, so that one odd brief cannot take the CLI down.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        render_inner(brief, options)
    }))
    .unwrap_or_else(|_| Err("internal error while writing the PDF".into()))
}

fn render_inner(brief: &Brief, options: &RenderOptions) -> Result<Vec<u8>, String> {
    // The brief's language picks the forms of Chinese characters; without
    // one, its kana or Hangul tell.
    let language = match &brief.header.language {
        Some(language) => language.value.as_str(),
        None => coverage::han_language(brief),
    };
    let _fonts = fonts::use_source(options.fonts.clone(), language);
    let (width, height) = options.page.size_mm();
    let geo = layout::Geometry::for_page(width, height);
    let logo = match &options.logo {
        Some(logo) => image::decode(logo)?,
        None => None,
    };
    let pages = compose::compose(brief, options, geo, logo.as_ref());
    let creator = format!("briefc {VERSION}");
    let meta = doc::Meta {
        title: brief.title.value.trim(),
        author: options.brand.name.as_deref().unwrap_or(""),
        creator: &creator,
        timestamp: options.timestamp,
        logo: logo.as_ref().map(|l| &l.raw),
        language: RenderOptions::lang_of(brief),
    };
    doc::build(&pages, (width, height), &meta)
}

pub use coverage::{LineGlyphs, script_name};

/// The lines of a brief's source whose characters no font can show (the
/// embedded ones, nor those `fonts` finds): one entry per line, at its
/// first such character (for `missing-glyph`).
pub fn missing_glyphs(source: &str, fonts: Option<Arc<dyn FontSource>>) -> Vec<LineGlyphs> {
    let _fonts = fonts::use_source(fonts, coverage::han_language_of(source.chars()));
    coverage::missing_glyphs(source)
}

/// Characters in the brief's text that the embedded fonts cannot show, with
/// the span of the text they are in (first occurrence of each char).
pub fn unsupported_chars(brief: &Brief) -> Vec<(char, Span)> {
    coverage::unsupported_chars(brief)
}
