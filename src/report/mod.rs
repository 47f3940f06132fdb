//! Renderers of diagnostics: human (miette's graphical report), JSON and
//! GitHub Actions workflow commands. Each is a pure function from checked
//! briefs to text; printing is the CLI's job.

mod github;
mod human;
mod json;
mod sarif;
mod stats;

pub use github::github;
pub use human::{HumanStyle, human, summary};
pub use json::json;
pub use sarif::sarif;
pub use stats::stats_table;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;

/// One checked brief: its source and its diagnostics (sorted by position).
#[derive(Debug)]
pub struct FileReport {
    /// The brief's text.
    pub source: SourceFile,
    /// What was found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Error and warning counts over many reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Briefs checked.
    pub files: usize,
    /// Diagnostics of severity error.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
}

impl Totals {
    /// Counts `reports`.
    pub fn of(reports: &[FileReport]) -> Totals {
        let mut t = Totals {
            files: reports.len(),
            ..Totals::default()
        };
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
            }
        }
        t
    }
}

/// The help line of `d` as reports show it: with the line of the place it
/// refers to, computed now from the source (the model holds spans only).
pub fn help_text(d: &Diagnostic, source: &SourceFile) -> Option<String> {
    let related = d.related.as_ref().map(|(span, phrase)| {
        let line = source.position(span.start).line;
        format!("{phrase} is on line {line}")
    });
    match (&d.help, related) {
        (Some(help), Some(related)) => Some(format!("{help}; {related}")),
        (Some(help), None) => Some(help.clone()),
        (None, related) => related,
    }
}

/// `path` as reports name it: relative to `cwd` where it lies below it,
/// without `./` components (`./a.brief` is `a.brief` to GitHub).
pub fn relative_path(path: &std::path::Path, cwd: &std::path::Path) -> String {
    let path = path.strip_prefix(cwd).unwrap_or(path);
    let path: std::path::PathBuf = path
        .components()
        .filter(|c| *c != std::path::Component::CurDir)
        .collect();
    path.display().to_string()
}
