//! Stage 1: source text → a lossless list of classified lines.
//!
//! The grammar in `grammar/brief.pest` classifies each physical line (blank,
//! comment, heading, list item, field, …). Parsing never fails: every byte of
//! the input belongs to exactly one [`Line`] (content plus line ending), so a
//! formatter can rebuild the file from the tree. Structure and diagnostics are
//! built from these lines by [`crate::model`].

mod span;

pub use span::{Span, Spanned};

use pest::Parser as _;
use pest::iterators::Pair;
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/brief.pest"]
struct LineParser;

/// What a physical line is, with the spans of its parts (trailing blanks trimmed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Only blanks.
    Blank,
    /// `// text`; `text` is what follows the slashes.
    Comment {
        /// The comment text after `//`.
        text: Span,
    },
    /// `#`, `##` or `###` followed by a space and `text`.
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The heading text.
        text: Span,
    },
    /// `- [ ] text` or `- [x] text`.
    CheckItem {
        /// Whether the box is ticked.
        done: bool,
        /// The item text.
        text: Span,
    },
    /// `- text` or `* text`.
    ListItem {
        /// The item text.
        text: Span,
    },
    /// A line indented by two or more spaces or a tab.
    Continuation {
        /// The text after the indentation.
        text: Span,
    },
    /// `key: value`.
    Field {
        /// The key, as written.
        key: Span,
        /// The value, possibly empty.
        value: Span,
    },
    /// Any other non-blank line.
    Text {
        /// The line's text.
        text: Span,
    },
}

/// One physical line of a brief.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line's content, without its line ending.
    pub span: Span,
    /// The line ending (`\n`, `\r\n`, or empty on a last line without one).
    pub eol: Span,
    /// What the line is.
    pub kind: LineKind,
}

/// The lossless syntax tree of a brief: its lines in order.
#[derive(Clone, Debug, Default)]
pub struct SyntaxTree {
    /// Every line of the file; their spans and line endings cover every byte.
    pub lines: Vec<Line>,
}

/// Classifies every line of `source`. Never fails.
pub fn parse(source: &str) -> SyntaxTree {
    let mut lines = Vec::with_capacity(source.len() / 32 + 1);
    match LineParser::parse(Rule::file, source) {
        Ok(mut pairs) => {
            let file = pairs.next().expect("the file rule always yields one pair");
            let mut pending: Option<Line> = None;
            for pair in file.into_inner() {
                match pair.as_rule() {
                    Rule::eol => {
                        if let Some(mut line) = pending.take() {
                            line.eol = span_of(&pair);
                            lines.push(line);
                        }
                    }
                    Rule::EOI => {}
                    _ => {
                        if let Some(line) = pending.take() {
                            lines.push(line);
                        }
                        pending = Some(classify(pair, source));
                    }
                }
            }
            lines.extend(pending);
        }
        // The grammar has a catch-all, so this cannot happen; if it ever did,
        // treating every line as plain text keeps the "never fails" promise.
        Err(_) => lines = fallback_lines(source),
    }
    SyntaxTree { lines }
}

fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.end())
}

/// The span of `pair` with trailing blanks removed.
fn trimmed(pair: &Pair<'_, Rule>, source: &str) -> Span {
    let span = span_of(pair);
    let text = span.text(source);
    Span::new(span.start, span.start + text.trim_end().len())
}

fn classify(pair: Pair<'_, Rule>, source: &str) -> Line {
    let span = span_of(&pair);
    let end_of_line = Span::new(span.end, span.end);
    let rule = pair.as_rule();
    let mut inner = pair.into_inner();
    // Finds the first inner pair of rule `r` (or an empty span at line end).
    let mut find = |r: Rule| {
        inner
            .find(|p| p.as_rule() == r)
            .map(|p| trimmed(&p, source))
            .unwrap_or(end_of_line)
    };
    let kind = match rule {
        Rule::blank => LineKind::Blank,
        Rule::comment => LineKind::Comment {
            text: find(Rule::rest),
        },
        Rule::heading => {
            let level = span.text(source).bytes().take_while(|&b| b == b'#').count() as u8;
            LineKind::Heading {
                level,
                text: find(Rule::rest),
            }
        }
        Rule::check_item => {
            // The box is the first `[`…`]` on the line: `- [x] text`.
            let line = span.text(source);
            let done = line
                .find('[')
                .and_then(|i| line[i + 1..].chars().next())
                .is_some_and(|c| c != ' ');
            LineKind::CheckItem {
                done,
                text: find(Rule::rest),
            }
        }
        Rule::list_item => LineKind::ListItem {
            text: find(Rule::rest),
        },
        Rule::continuation => LineKind::Continuation {
            text: find(Rule::rest),
        },
        Rule::field => {
            let key = find(Rule::field_key);
            if looks_like_key(key.text(source)) {
                LineKind::Field {
                    key,
                    value: find(Rule::rest),
                }
            } else {
                text_line(span, source)
            }
        }
        _ => bold_field(span, source).unwrap_or_else(|| text_line(span, source)),
    };
    Line {
        span,
        eol: end_of_line,
        kind,
    }
}

fn text_line(span: Span, source: &str) -> LineKind {
    LineKind::Text {
        text: Span::new(span.start, span.start + span.text(source).trim_end().len()),
    }
}

/// `**Visual:** text` or `**Visual**: text`: a field whose name was set in
/// bold, as people paste it from a document. It is read as the field, and
/// `briefc fmt` drops the asterisks.
fn bold_field(span: Span, source: &str) -> Option<LineKind> {
    let text = span.text(source);
    let inner = text.strip_prefix("**")?;
    let close = inner.find("**")?;
    let name = &inner[..close];
    let after = &inner[close + 2..];
    let (key, after) = match name.strip_suffix(':') {
        Some(key) => (key, after),
        None => (name, after.strip_prefix(':')?),
    };
    if !looks_like_key(key) || key.ends_with(' ') {
        return None;
    }
    let key_start = span.start + 2;
    let value_start = span.end - after.trim_start().len();
    let value = Span::new(value_start, value_start + after.trim().len());
    Some(LineKind::Field {
        key: Span::new(key_start, key_start + key.len()),
        value,
    })
}

/// Whether a field key the grammar found looks like a name: a letter first,
/// then letters, digits, `-`, `_` and single spaces (`On screen`, `lenght`,
/// `Клієнт`), not `1`, `(see` or `e.g.`.
fn looks_like_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        && !key.contains("  ")
}

fn fallback_lines(source: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in source.split_inclusive('\n') {
        let content = piece.trim_end_matches('\n').trim_end_matches('\r');
        let span = Span::new(start, start + content.len());
        let eol = Span::new(span.end, start + piece.len());
        lines.push(Line {
            span,
            eol,
            kind: LineKind::Text { text: span },
        });
        start += piece.len();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<LineKind> {
        parse(src).lines.into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn lines_cover_every_byte() {
        let src = "# T\r\n\nlength: 90s\n## Goal\n- a\n  b\n// c\n### 0:00-0:10 x\nVO: hi\nlast";
        let tree = parse(src);
        let mut rebuilt = String::new();
        for line in &tree.lines {
            rebuilt.push_str(line.span.text(src));
            rebuilt.push_str(line.eol.text(src));
        }
        assert_eq!(rebuilt, src);
        assert_eq!(tree.lines.len(), 10);
    }

    #[test]
    fn classifies_lines() {
        let src = "# Title \n\nLength: 90 s\nhttps://x.y\n- [x] done\n* item\n  more\n\tmore\n1:30 here\n#nospace\n";
        let k = kinds(src);
        assert!(matches!(k[0], LineKind::Heading { level: 1, text } if text.text(src) == "Title"));
        assert_eq!(k[1], LineKind::Blank);
        assert!(
            matches!(k[2], LineKind::Field { key, value } if key.text(src) == "Length" && value.text(src) == "90 s")
        );
        assert!(matches!(k[3], LineKind::Text { .. }));
        assert!(
            matches!(k[4], LineKind::CheckItem { done: true, text } if text.text(src) == "done")
        );
        assert!(matches!(k[5], LineKind::ListItem { text } if text.text(src) == "item"));
        assert!(matches!(k[6], LineKind::Continuation { .. }));
        assert!(matches!(k[7], LineKind::Continuation { .. }));
        assert!(matches!(k[8], LineKind::Text { .. }));
        assert!(matches!(k[9], LineKind::Text { .. }));
    }

    #[test]
    fn no_break_spaces_bullets_and_bold_fields() {
        let src = "##\u{a0}Goal\n-\u{a0}item\n• a\n+ b\n1. c\n12) d\n1.5 minutes\n**Visual:** Logo\n**On screen**:  Hi \n**Bold** text\nlength:\u{a0}90s\n";
        let k = kinds(src);
        assert!(matches!(k[0], LineKind::Heading { level: 2, text } if text.text(src) == "Goal"));
        for (i, want) in [(1, "item"), (2, "a"), (3, "b"), (4, "c"), (5, "d")] {
            assert!(
                matches!(k[i], LineKind::ListItem { text } if text.text(src) == want),
                "{i}: {:?}",
                k[i]
            );
        }
        assert!(matches!(k[6], LineKind::Text { .. }));
        assert!(
            matches!(k[7], LineKind::Field { key, value } if key.text(src) == "Visual" && value.text(src) == "Logo")
        );
        assert!(
            matches!(k[8], LineKind::Field { key, value } if key.text(src) == "On screen" && value.text(src) == "Hi")
        );
        assert!(matches!(k[9], LineKind::Text { .. }));
        assert!(
            matches!(k[10], LineKind::Field { key, value } if key.text(src) == "length" && value.text(src) == "90s")
        );
    }

    #[test]
    fn empty_and_odd_inputs_never_fail() {
        assert!(parse("").lines.is_empty());
        for src in [
            "\n", "\r\n\r\n", "-", "- ", "- [ ]", "#", "##", "a:", ":", "\r", "\u{0}",
        ] {
            let tree = parse(src);
            let covered: usize = tree.lines.iter().map(|l| l.span.len() + l.eol.len()).sum();
            assert_eq!(covered, src.len(), "{src:?}");
        }
    }
}
