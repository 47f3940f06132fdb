//! A brief's text as read from disk, and positions in it.
//!
//! Decoding happens here: a BOM is dropped, and bytes that are not UTF-8 give
//! an `invalid-encoding` diagnostic instead of an error.

use crate::diagnostic::Diagnostic;
use crate::diagnostic::Rule;
use crate::syntax::Span;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// U+FEFF: a byte order mark when a file starts with it (dropped when the
/// file is read), an ordinary character anywhere else.
pub const BOM: char = '\u{FEFF}';

/// [`BOM`] as the UTF-8 bytes a file starts with.
pub const BOM_UTF8: &[u8] = b"\xEF\xBB\xBF";

/// A line and column, both 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
}

/// The text of one brief with a line index.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user gave it (used in every report).
    pub path: PathBuf,
    /// The text, without a BOM. Invalid UTF-8 was replaced by U+FFFD.
    pub text: Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps already-decoded text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        let text: Arc<str> = text.into();
        let mut line_starts = vec![0];
        // `match_indices` with a one-byte pattern searches with memchr.
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Decodes raw bytes. Returns the source and, when the bytes are not UTF-8
    /// text, the `invalid-encoding` diagnostic (the source then holds a lossy
    /// decoding so the report can still show where).
    pub fn decode(path: impl Into<PathBuf>, bytes: &[u8]) -> (SourceFile, Option<Diagnostic>) {
        let bytes = bytes.strip_prefix(BOM_UTF8).unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => SourceFile::from_text(path, text),
            Err(_) if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") => {
                let source = SourceFile::new(path, String::from_utf8_lossy(bytes).into_owned());
                let diag = Diagnostic::new(
                    Rule::InvalidEncoding,
                    Span::new(0, '\u{FFFD}'.len_utf8().min(source.text.len())),
                    "the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8",
                )
                .with_help("re-save the file as UTF-8 (most editors offer \"Save with encoding\")");
                (source, Some(diag))
            }
            Err(err) => {
                let at = err.valid_up_to();
                let bad = err.error_len().unwrap_or(bytes.len() - at);
                let byte = bytes[at];
                let source = SourceFile::new(path, String::from_utf8_lossy(bytes).into_owned());
                let pos = source.position(at);
                let diag = Diagnostic::new(
                    Rule::InvalidEncoding,
                    Span::new(at, at + '\u{FFFD}'.len_utf8().min(source.text.len() - at)),
                    format!("the file is not valid UTF-8: byte 0x{byte:02X} at line {}, column {} ({} invalid byte{})", pos.line, pos.column, bad, if bad == 1 { "" } else { "s" }),
                )
                .with_help("re-save the file as UTF-8 (most editors offer \"Save with encoding\")");
                (source, Some(diag))
            }
        }
    }

    /// Wraps text already decoded, without its BOM (an editor's buffer). A
    /// leading U+FEFF left in `text` is a character of the brief. Returns
    /// the `invalid-encoding` diagnostic when the text holds a NUL.
    pub fn from_text(path: impl Into<PathBuf>, text: &str) -> (SourceFile, Option<Diagnostic>) {
        let source = SourceFile::new(path, text);
        let diag = text.find('\0').map(|at| {
            Diagnostic::new(
                Rule::InvalidEncoding,
                Span::new(at, at + 1),
                "the file holds a NUL byte: it looks like a binary file, not a brief",
            )
            .with_help("briefs are plain UTF-8 text; check that this is the file you meant")
        });
        (source, diag)
    }

    /// The display path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |t| t.chars().count())
            + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// 0-based line and UTF-16 column of byte `offset`, as the Language Server
    /// Protocol counts positions.
    pub fn utf16_position(&self, offset: usize) -> (usize, usize) {
        let pos = self.position(offset);
        let start = self.line_starts[pos.line - 1];
        let column = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(0, |t| t.encode_utf16().count());
        (pos.line - 1, column)
    }

    /// The byte span of 1-based `line` without its line ending.
    pub fn line_span(&self, line: usize) -> Span {
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let text = &self.text[start..end];
        Span::new(start, start + text.trim_end_matches(['\n', '\r']).len())
    }
}

/// The largest brief briefc reads, in bytes (10 MiB). A brief is a few
/// kilobytes; a larger file is refused before it is read (by every command
/// and by the language server), so a huge or endless file cannot exhaust
/// memory.
pub const MAX_BRIEF_BYTES: usize = 10 * 1024 * 1024;

/// Why a brief of `size` bytes is not read, or `None` when it is at most
/// [`MAX_BRIEF_BYTES`].
pub fn brief_too_large(size: u64) -> Option<String> {
    (size > MAX_BRIEF_BYTES as u64).then(|| over_limit(Some(size), MAX_BRIEF_BYTES, "briefs"))
}

/// "the file is 12.5 MiB, over the 10 MiB limit for briefs"; without the
/// size when it is unknown (a stream) or rounds to the limit.
pub fn over_limit(size: Option<u64>, limit: usize, what: &str) -> String {
    let limit = human_size(limit as u64);
    match size.map(human_size) {
        Some(size) if size != limit => {
            format!("the file is {size}, over the {limit} limit for {what}")
        }
        _ => format!("the file is over the {limit} limit for {what}"),
    }
}

/// A size for people: `512 bytes`, `3 KiB`, `12.5 MiB`, `2 GiB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit {
            let tenths = bytes * 10 / unit;
            return if tenths % 10 == 0 {
                format!("{} {name}", tenths / 10)
            } else {
                format!("{}.{} {name}", tenths / 10, tenths % 10)
            };
        }
    }
    format!("{bytes} bytes")
}

/// A short, human reason for an I/O error ("no such file or directory").
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match err.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "it is a directory".into(),
        _ => {
            // Drop Rust's " (os error N)" suffix.
            let text = err.to_string();
            match text.find(" (os error") {
                Some(pos) => text[..pos].to_lowercase(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let src = SourceFile::new("a.brief", "# Tïtle\nΓειά 😀x\n");
        assert_eq!(src.position(0), Position { line: 1, column: 1 });
        let x = src.text.find('x').unwrap();
        assert_eq!(src.position(x), Position { line: 2, column: 7 });
        assert_eq!(src.utf16_position(x), (1, 7));
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(256 * 1024), "256 KiB");
        assert_eq!(human_size(10 * 1024 * 1024), "10 MiB");
        assert_eq!(human_size(12 * 1024 * 1024 + 600 * 1024), "12.5 MiB");
        assert_eq!(brief_too_large(MAX_BRIEF_BYTES as u64), None);
        assert_eq!(
            brief_too_large(20 << 20).unwrap(),
            "the file is 20 MiB, over the 10 MiB limit for briefs"
        );
        assert_eq!(
            brief_too_large(MAX_BRIEF_BYTES as u64 + 1).unwrap(),
            "the file is over the 10 MiB limit for briefs"
        );
    }

    #[test]
    fn decodes_bom_and_rejects_bad_bytes() {
        let (src, diag) = SourceFile::decode("a", b"\xEF\xBB\xBF# T\r\n");
        assert!(diag.is_none());
        assert_eq!(&*src.text, "# T\r\n");
        let (_, diag) = SourceFile::decode("a", b"# T\nab\xFFc");
        let diag = diag.unwrap();
        assert_eq!(diag.rule, Rule::InvalidEncoding);
        assert!(
            diag.message.contains("line 2, column 3"),
            "{}",
            diag.message
        );
        assert!(SourceFile::decode("a", b"# T\0").1.is_some());
    }

    #[test]
    fn text_from_an_editor_keeps_a_second_bom() {
        // The editor dropped the file's BOM; a U+FEFF left is the brief's.
        let (source, diag) = SourceFile::from_text("a", "\u{FEFF}# T");
        assert_eq!(&*source.text, "\u{FEFF}# T");
        assert!(diag.is_none());
        let (decoded, _) = SourceFile::decode("a", "\u{FEFF}\u{FEFF}# T".as_bytes());
        assert_eq!(decoded.text, source.text);
        assert!(SourceFile::from_text("a", "# T\0").1.is_some());
    }
}
