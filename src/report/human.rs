//! The human report: miette's graphical diagnostics plus a summary line.

use super::{FileReport, Totals};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// How the human report looks.
#[derive(Clone, Copy, Debug)]
pub struct HumanStyle {
    /// ANSI colours on.
    pub color: bool,
    /// Unicode box drawing (else ASCII).
    pub unicode: bool,
    /// Wrap width in columns.
    pub width: usize,
}

impl Default for HumanStyle {
    fn default() -> Self {
        HumanStyle {
            color: false,
            unicode: true,
            width: 100,
        }
    }
}

/// Renders every diagnostic of every report.
pub fn human(reports: &[FileReport], style: HumanStyle) -> String {
    let theme = match (style.unicode, style.color) {
        (true, true) => GraphicalTheme::unicode(),
        (true, false) => GraphicalTheme::unicode_nocolor(),
        (false, true) => GraphicalTheme::ascii(),
        (false, false) => GraphicalTheme::none(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .tab_width(4);
    let mut out = String::new();
    for report in reports {
        let text = match printable(&report.source.text) {
            Cow::Borrowed(_) => report.source.text.clone(),
            Cow::Owned(text) => Arc::from(text),
        };
        let path = report.source.path().display().to_string();
        let named = NamedSource::new(printable(&path), text);
        for diag in &report.diagnostics {
            let item = Item {
                diag,
                source: &named,
                file: &report.source,
            };
            if !out.is_empty() {
                out.push('\n');
            }
            // Rendering into a String cannot fail; if it somehow did, fall back to one line.
            if handler.render_report(&mut out, &item).is_err() {
                out.push_str(&format!("{}: {}\n", diag.severity, diag.message));
            }
        }
    }
    out
}

/// "2 errors, 1 warning in 14 briefs".
pub fn summary(totals: Totals) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {} in {}",
        plural(totals.errors, "error"),
        plural(totals.warnings, "warning"),
        plural(totals.files, "brief")
    )
}

struct Item<'a> {
    diag: &'a Diagnostic,
    source: &'a NamedSource<Arc<str>>,
    file: &'a SourceFile,
}

/// The text as shown in a terminal: control characters other than tab and
/// line endings (`\n`, `\r\n`) become `?`, one per byte, so that spans
/// still fit and a brief (or a binary file) cannot send escape sequences to
/// the terminal.
fn printable(text: &str) -> Cow<'_, str> {
    let bad = |(i, c): (usize, char)| {
        c.is_control() && c != '\t' && c != '\n' && !(c == '\r' && text[i + 1..].starts_with('\n'))
    };
    if !text.char_indices().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if bad((i, c)) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

impl fmt::Debug for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.diag.message))
    }
}

impl fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.diag.message))
    }
}

impl std::error::Error for Item<'_> {}

impl miette::Diagnostic for Item<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diag.rule.name()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        super::help_text(self.diag, self.file)
            .map(|h| Box::new(printable(&h).into_owned()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.diag.span;
        // Point at one line at most, so a long paragraph does not flood the terminal.
        let text = &self.file.text;
        let end = text[span.start.min(text.len())..span.end.min(text.len())]
            .find('\n')
            .map_or(span.end, |n| span.start + n);
        let label = LabeledSpan::new_primary_with_span(
            Some(self.diag.rule.name().to_string()),
            SourceSpan::from(span.start..end.max(span.start)),
        );
        Some(Box::new(std::iter::once(label)))
    }
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn control_characters_are_not_printed() {
        assert_eq!(printable("a\tb\r\nc\n"), "a\tb\r\nc\n");
        assert_eq!(printable("\u{1b}[31mred\r\0"), "?[31mred??");
        // Same byte length, so spans still fit: U+009B is two bytes.
        assert_eq!(printable("x\u{9b}y"), "x??y");
    }
}
