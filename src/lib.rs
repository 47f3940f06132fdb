//! briefc: a compiler for video briefs.
//!
//! The pipeline runs one way, one module per stage:
//!
//! 1. [`source`]: bytes → text (BOM, UTF-8, line index);
//! 2. [`syntax`]: text → lossless list of classified lines;
//! 3. [`model`]: lines → typed [`model::Brief`] + structural diagnostics;
//! 4. [`rules`]: brief + [`config`] → more diagnostics;
//! 5. [`report`] renders diagnostics; [`render`] compiles a clean brief to HTML and PDF.
//!    [`export`] is the document `briefc export` prints for other tools, and its JSON Schema.
//! 6. [`pipeline`] sums up many checked briefs for `briefc report` (HTML page, JSON).
//!
//! Nothing below [`cli`] prints, and nothing below [`cli`] and [`output`]
//! touches the file system, except config lookup in [`config`].

// The pest parser is generated in no-std mode (without its per-call stack
// probe, which cost a fifth of parse time); its code names `alloc`.
extern crate alloc;

pub mod config;
pub mod diagnostic;
pub mod export;
pub mod format;
mod hash;
pub mod labels;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod rules;
pub mod source;
pub mod stats;
pub mod syntax;

use config::Config;
use diagnostic::{Diagnostic, Severity};
use model::{Brief, Date};
use source::SourceFile;

/// A brief after checking: its source, typed model and diagnostics.
#[derive(Debug)]
pub struct Checked {
    /// The decoded source.
    pub source: SourceFile,
    /// The typed brief (complete when there are no errors).
    pub brief: Brief,
    /// Every diagnostic, sorted by position, severities as configured.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Decodes, parses, lowers and checks one brief. Never fails: every problem
/// in the brief is a diagnostic.
pub fn check_bytes(
    path: impl Into<std::path::PathBuf>,
    bytes: &[u8],
    config: &Config,
    today: Date,
) -> Checked {
    let (source, encoding) = SourceFile::decode(path, bytes);
    checked(source, encoding, config, today)
}

/// Checks a brief's text already decoded, without its BOM, as an editor
/// holds it: like [`check_bytes`] on the file's bytes, but a leading U+FEFF
/// in `text` is not dropped (it is a second one in the file).
pub fn check_str(
    path: impl Into<std::path::PathBuf>,
    text: &str,
    config: &Config,
    today: Date,
) -> Checked {
    let (source, encoding) = SourceFile::from_text(path, text);
    checked(source, encoding, config, today)
}

fn checked(
    source: SourceFile,
    encoding: Option<Diagnostic>,
    config: &Config,
    today: Date,
) -> Checked {
    if let Some(diag) = encoding {
        return Checked {
            source,
            brief: Brief::default(),
            diagnostics: vec![diag],
        };
    }
    let (brief, diagnostics) = check_text(&source.text, config, today);
    Checked {
        source,
        brief,
        diagnostics,
    }
}

/// Parses, lowers and checks decoded text.
pub fn check_text(text: &str, config: &Config, today: Date) -> (Brief, Vec<Diagnostic>) {
    let tree = syntax::parse(text);
    let (brief, mut diagnostics) = model::lower(text, &tree);
    rules::run(&brief, text, config, today, &mut diagnostics);
    diagnostics.retain_mut(|d| match config.severity(d.rule) {
        Some(severity) => {
            d.severity = severity;
            true
        }
        None => false,
    });
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end, d.rule));
    (brief, diagnostics)
}

/// What unit tests across the library share.
#[cfg(test)]
pub(crate) mod test_support {
    /// `text` checked under the default config on 2026-11-24: the typed brief.
    pub fn brief(text: &str) -> crate::model::Brief {
        crate::check_bytes(
            "t.brief",
            text.as_bytes(),
            &crate::config::Config::default(),
            crate::model::Date::parse("2026-11-24").expect("a date"),
        )
        .brief
    }
}
