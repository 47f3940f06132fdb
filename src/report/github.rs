//! GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=RULE::MESSAGE`.

use super::FileReport;
use crate::diagnostic::Severity;
use std::path::Path;

/// One workflow command per diagnostic; paths relative to `cwd` where possible.
pub fn github(reports: &[FileReport], cwd: &Path) -> String {
    let mut out = String::new();
    for report in reports {
        let file = super::relative_path(report.source.path(), cwd);
        for d in &report.diagnostics {
            let start = report.source.position(d.span.start);
            let end = report.source.position(d.span.end);
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut message = d.message.clone();
            if let Some(help) = super::help_text(d, &report.source) {
                message.push_str("\nhelp: ");
                message.push_str(&help);
            }
            out.push_str(&format!(
                "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(&file),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(d.rule.name()),
                escape_data(&message)
            ));
        }
    }
    out
}

/// Escapes a command's message: `%`, `\r`, `\n`. Other control characters
/// (an escape sequence typed into a brief) become `?`: the log would
/// interpret them.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
        .replace(|c: char| c.is_control() && c != '\t', "?")
}

/// Escapes a property value: as data, plus `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("50%\r\nx"), "50%25%0D%0Ax");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("\u{1b}[31m\tx"), "?[31m\tx");
    }
}
