//! Positions as the protocol counts them, and document URIs.
//!
//! Spans are byte offsets; the protocol counts lines (ended by `\n`, `\r\n`
//! or a lone `\r`) and columns in the negotiated encoding: UTF-8 bytes or
//! UTF-16 code units.
//!
//! A document the editor sends with a byte order mark (U+FEFF) is checked
//! without it, as `briefc check` reads a file: spans count from the first
//! character after the mark. The editor still counts the mark, so the index
//! of such a text adds its width to columns on the first line, and takes it
//! off positions the editor sends.

pub use briefc::source::BOM;
use briefc::syntax::Span;
use lsp_types::{Position, Range, Uri};
use std::path::PathBuf;
use std::sync::Arc;

/// The negotiated position encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// Line starts of one text, for converting offsets and positions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// The editor's text starts with a byte order mark that `text` lacks.
    bom: bool,
}

impl LineIndex {
    /// The index of `text` as the editor holds it.
    pub fn new(text: &str) -> LineIndex {
        LineIndex::with_bom(text, false)
    }

    /// The index of `text`, which the editor holds with a byte order mark
    /// before it when `bom` is true.
    pub fn with_bom(text: &str, bom: bool) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            len: text.len(),
            bom,
        }
    }

    /// Whether the editor's text has a byte order mark before the indexed
    /// text.
    pub fn has_bom(&self) -> bool {
        self.bom
    }

    /// The columns the byte order mark takes on `line`, in `enc`'s units.
    fn lead(&self, line: usize, enc: Encoding) -> usize {
        if !self.bom || line != 0 {
            return 0;
        }
        match enc {
            Encoding::Utf8 => BOM.len_utf8(),
            Encoding::Utf16 => BOM.len_utf16(),
        }
    }

    /// The byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset.min(self.len)) - 1
    }

    /// The span of 0-based `line` without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = self.line_start(line)?;
        let end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let content = text[start..end].trim_end_matches(['\n', '\r']);
        Some(Span::new(start, start + content.len()))
    }

    /// The protocol position of byte `offset` (clamped to the text; an
    /// offset inside a character counts from its start).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line];
        let before = &text[start..offset];
        let character = self.lead(line, enc)
            + match enc {
                Encoding::Utf8 => before.len(),
                Encoding::Utf16 => before.encode_utf16().count(),
            };
        Position::new(line as u32, character as u32)
    }

    /// The protocol range of `span`.
    pub fn range(&self, text: &str, span: Span, enc: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, enc),
            self.position(text, span.end, enc),
        )
    }

    /// The byte offset of a protocol position; `None` when the line does not
    /// exist. A column past the end of the line is the line's end; one inside
    /// a character (half a surrogate pair, a byte inside a UTF-8 sequence)
    /// is that character's start. A column on the byte order mark is the
    /// text's start.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> Option<usize> {
        let line = self.line_span(text, pos.line as usize)?;
        let mut units = 0usize;
        let want = (pos.character as usize).saturating_sub(self.lead(pos.line as usize, enc));
        for (i, c) in line.text(text).char_indices() {
            let width = match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > want {
                return Some(line.start + i);
            }
            units += width;
        }
        Some(line.end)
    }

    /// The byte offset of a position that must lie inside the text: `None`
    /// for a line past the end or a column past the end of its line.
    pub fn offset_strict(&self, text: &str, pos: Position, enc: Encoding) -> Option<usize> {
        let line = self.line_span(text, pos.line as usize)?;
        let end = self.position(text, line.end, enc);
        (pos.character <= end.character).then(|| self.offset(text, pos, enc))?
    }
}

/// The editor's `text` without its byte order mark, and the index that
/// converts between positions in the editor's text and offsets in the
/// returned one.
pub fn without_bom(text: String) -> (Arc<str>, LineIndex) {
    match text.strip_prefix(BOM) {
        Some(rest) => (rest.into(), LineIndex::with_bom(rest, true)),
        None => {
            let index = LineIndex::new(&text);
            (text.into(), index)
        }
    }
}

/// The file a `file:` URI names; `None` for other schemes (`untitled:`).
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text
        .strip_prefix("file://")
        .or_else(|| text.strip_prefix("FILE://"))?;
    // `file:///path` or `file://localhost/path`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = percent_decode(rest)?;
    let decoded = String::from_utf8(bytes).ok()?;
    // `/C:/Users/…` on Windows.
    let windows_drive = decoded.len() >= 3
        && decoded.as_bytes()[2] == b':'
        && decoded.as_bytes()[1].is_ascii_alphabetic();
    if cfg!(windows) && windows_drive {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of `path` (made absolute).
pub fn path_to_uri(path: &std::path::Path) -> Option<Uri> {
    let absolute = std::path::absolute(path).ok()?;
    let text = absolute.to_str()?;
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        // `C:\dir` on Windows.
        out.push('/');
    }
    for b in text.bytes() {
        match b {
            b'\\' if cfg!(windows) => out.push('/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out.parse().ok()
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_both_encodings() {
        let text = "# T\r\nПривіт 😀 x\rlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_start(2), Some(text.find("last").unwrap()));
        let x = text.find('x').unwrap();
        assert_eq!(
            index.position(text, x, Encoding::Utf16),
            Position::new(1, 10)
        );
        assert_eq!(
            index.position(text, x, Encoding::Utf8),
            Position::new(1, 18)
        );
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let pos = index.position(text, x, enc);
            assert_eq!(index.offset(text, pos, enc), Some(x));
        }
        let last = text.find("last").unwrap();
        assert_eq!(
            index.position(text, last, Encoding::Utf16),
            Position::new(2, 0)
        );
        // Inside the surrogate pair: the emoji's start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(
            index.offset(text, Position::new(1, 8), Encoding::Utf16),
            Some(emoji)
        );
        assert_eq!(
            index.offset(text, Position::new(0, 99), Encoding::Utf16),
            Some(3)
        );
        assert_eq!(
            index.offset_strict(text, Position::new(0, 99), Encoding::Utf16),
            None
        );
        assert_eq!(
            index.offset(text, Position::new(3, 0), Encoding::Utf16),
            None
        );
    }

    #[test]
    fn a_byte_order_mark_shifts_the_first_line_only() {
        // The editor holds "\u{FEFF}# Tï\nx"; the index is of the text
        // after the mark.
        let text = "# Tï\nx";
        let index = LineIndex::with_bom(text, true);
        let t = text.find('T').unwrap();
        assert_eq!(
            index.position(text, t, Encoding::Utf16),
            Position::new(0, 3)
        );
        assert_eq!(index.position(text, t, Encoding::Utf8), Position::new(0, 5));
        assert_eq!(
            index.position(text, 0, Encoding::Utf16),
            Position::new(0, 1)
        );
        let x = text.find('x').unwrap();
        assert_eq!(
            index.position(text, x, Encoding::Utf16),
            Position::new(1, 0)
        );
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for offset in [0, t, text.find('ï').unwrap(), x, text.len()] {
                let pos = index.position(text, offset, enc);
                assert_eq!(
                    index.offset(text, pos, enc),
                    Some(offset),
                    "{enc:?} {offset}"
                );
                assert_eq!(index.offset_strict(text, pos, enc), Some(offset));
            }
        }
        // A position on the mark itself is the text's start.
        assert_eq!(
            index.offset(text, Position::new(0, 0), Encoding::Utf16),
            Some(0)
        );
        // The end of the first line counts the mark too.
        assert_eq!(
            index.offset_strict(text, Position::new(0, 5), Encoding::Utf16),
            Some(text.find('\n').unwrap())
        );
        assert_eq!(
            index.offset_strict(text, Position::new(0, 6), Encoding::Utf16),
            None
        );
    }

    #[test]
    fn file_uris() {
        let uri: Uri = "file:///tmp/a%20b/%D0%BF.brief".parse().unwrap();
        assert_eq!(uri_to_path(&uri), Some(PathBuf::from("/tmp/a b/п.brief")));
        assert_eq!(
            path_to_uri(std::path::Path::new("/tmp/a b/п.brief")).map(|u| u.as_str().to_string()),
            Some("file:///tmp/a%20b/%D0%BF.brief".to_string())
        );
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(uri_to_path(&untitled), None);
    }
}
