//! `briefc fmt`: rewrites a brief in its canonical spelling, line for line.
//!
//! Works on the lossless syntax tree, so every comment, blank line and line
//! ending survives; only spellings change: section aliases become canonical
//! names (`## Objective` → `## Goal`), header keys lower case, scene fields
//! their canonical names (`VO:` → `Voiceover:`), `key:value` gets its space,
//! bullets become `- `, ticks `[x]`, scene headings `### 0:00-0:10 Title`,
//! continuation lines a two-space indent, trailing blanks go, a run of blank
//! lines becomes one, and blank lines before the title or at the end of the
//! file go. The typed
//! brief is the same before and after (tested on every fixture), and
//! formatting is idempotent.

use crate::model::{FieldKey, SceneFieldKind, SectionKind};
use crate::source::BOM;
use crate::syntax::{Line, LineKind, Span, SyntaxTree};

/// Formats `source` (already decoded, without BOM). Never fails.
pub fn format(source: &str) -> String {
    let tree = crate::syntax::parse(source);
    let formatted = format_tree(source, &tree);
    // Blank lines before the title go, but not all of them when the first
    // line kept starts with U+FEFF: at the start of the file it would be
    // read as a byte order mark and dropped, where here it is text.
    if formatted.starts_with(BOM) && !source.starts_with(BOM) {
        let first_eol = tree.lines.first().map_or("\n", |l| l.eol.text(source));
        return [first_eol, &formatted].concat();
    }
    formatted
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    BeforeTitle,
    Header,
    /// A section of this kind (`None`: unknown, left as written).
    Section(Option<SectionKind>),
}

/// What ends a formatted line: its own line ending, else (the last line)
/// the one used before it, so the file ends with a line break. Not after a
/// lone `\r` at the very end: with `\n` after it, it would become a CRLF
/// line ending, and the text before it would change on the next run.
fn line_end<'a>(formatted: &str, eol: &'a str, last_eol: &'a str) -> &'a str {
    match eol {
        "" if formatted.ends_with('\r') => "",
        "" => last_eol,
        _ => eol,
    }
}

fn format_tree(src: &str, tree: &SyntaxTree) -> String {
    let mut out = String::with_capacity(src.len() + 16);
    let mut context = Context::BeforeTitle;
    let mut last_eol = "\n";
    // A run of blank lines is written as one, before the next line that is
    // not blank; blank lines before the title and at the end of the file go.
    let mut blank_pending = false;
    for line in &tree.lines {
        let text = |s: Span| s.text(src);
        let eol = line.eol.text(src);
        if !eol.is_empty() {
            last_eol = eol;
        }
        // Also blank: a line of other white space (U+3000, a lone `\r`).
        if line.kind == LineKind::Blank || line.span.text(src).trim().is_empty() {
            blank_pending |= context != Context::BeforeTitle;
            continue;
        }
        if std::mem::take(&mut blank_pending) {
            out.push_str(last_eol);
        }
        // A section heading written another way (`# Audience`): lowering
        // reads the lines below it as that section, and so must `fmt`.
        if context != Context::BeforeTitle
            && let Some((kind, _)) = crate::model::misplaced_section(src, line)
        {
            context = Context::Section(Some(kind));
            let formatted = trimmed(src, line);
            out.push_str(&formatted);
            out.push_str(line_end(&formatted, eol, last_eol));
            continue;
        }
        let formatted = match (line.kind, context) {
            (LineKind::Comment { .. }, _) => trimmed(src, line),
            (LineKind::Heading { level: 1, text: t }, Context::BeforeTitle) => {
                context = Context::Header;
                format!("# {}", text(t))
            }
            (LineKind::Heading { level: 2, text: t }, _) => {
                let kind = SectionKind::parse(text(t));
                context = Context::Section(kind);
                format!("## {}", kind.map_or(text(t), |k| k.name()))
            }
            (
                LineKind::Heading { level: 3, text: t },
                Context::Section(Some(SectionKind::Scenes)),
            ) => scene_heading(text(t)).unwrap_or_else(|| format!("### {}", text(t))),
            (LineKind::Field { key, value }, Context::Header | Context::BeforeTitle) => {
                context = Context::Header;
                match FieldKey::parse(text(key)) {
                    Some(k) => field(k.name(), text(value)),
                    None => trimmed(src, line),
                }
            }
            (LineKind::Field { key, value }, Context::Section(Some(SectionKind::Scenes))) => {
                match SceneFieldKind::parse_key(text(key)) {
                    Some(k) => field(k.name(), text(value)),
                    None => trimmed(src, line),
                }
            }
            (LineKind::ListItem { text: t }, Context::Section(Some(kind))) if is_list(kind) => {
                format!("- {}", text(t))
            }
            (
                LineKind::CheckItem { done, text: t },
                Context::Section(Some(SectionKind::Checklist)),
            ) => trim_ws_end(&format!("- [{}] {}", if done { 'x' } else { ' ' }, text(t)))
                .to_string(),
            (LineKind::Continuation { text: t }, Context::Section(_) | Context::Header) => {
                format!("  {}", text(t))
            }
            // An empty heading keeps the space after its marker: without
            // it, `#` is text, not a heading.
            (LineKind::Heading { text: t, .. }, _) if t.is_empty() => {
                format!("{} ", trimmed(src, line))
            }
            _ => trimmed(src, line),
        };
        // Lowering takes the first line that is not blank or a comment as
        // the title line, whatever it holds (`#Title` is a title with the
        // wrong marker): the header starts after it.
        if context == Context::BeforeTitle && !matches!(line.kind, LineKind::Comment { .. }) {
            context = Context::Header;
        }
        out.push_str(&formatted);
        out.push_str(line_end(&formatted, eol, last_eol));
    }
    out
}

fn is_list(kind: SectionKind) -> bool {
    !matches!(
        kind.form(),
        crate::model::ContentForm::Prose
            | crate::model::ContentForm::Scenes
            | crate::model::ContentForm::Checklist
    )
}

/// The line without trailing white space — only the white space the
/// grammar reads as such (`ws`: space, tab, no-break space). Trimming more
/// (a lone `\r`, U+3000) could change what the line is: `-` followed by a
/// lone `\r` is text, `-` alone an empty list item.
fn trimmed(src: &str, line: &Line) -> String {
    trim_ws_end(line.span.text(src)).to_string()
}

fn trim_ws_end(text: &str) -> &str {
    text.trim_end_matches([' ', '\t', '\u{A0}'])
}

fn field(key: &str, value: &str) -> String {
    if value.is_empty() {
        format!("{key}:")
    } else {
        format!("{key}: {value}")
    }
}

/// `### 0:00 – 0:10   Hook` → `### 0:00-0:10 Hook`, when the timecodes parse.
fn scene_heading(text: &str) -> Option<String> {
    crate::model::parse_scene_heading(text)
        .ok()
        .map(|h| h.canonical())
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn trailing_white_space_the_grammar_does_not_read_is_kept() {
        // `-` then lone carriage returns is text (stray), not an empty item:
        // trimming the `\r`s would make it one (a fuzz finding).
        let src = "# T\n\n## Sign-off\n-\r\r\n-\u{3000}\n- x  \n";
        assert_eq!(format(src), "# T\n\n## Sign-off\n-\r\r\n-\u{3000}\n- x\n");
    }

    #[test]
    fn canonical_spellings_same_lines() {
        let src = "// keep me  \n#  Title\r\nLength:90s\nSTAGE: convert\n\n## objective\nWhy: because.  \n## Benefits\n*   one\n\tmore\n## Shot list\n### 0:00 – 0:10   Hook\nVO: hi\non screen:Text\n## checklist\n- [X] done\n* [ ] open\n## Notes\nKey: stays as written\n";
        let want = "// keep me\n# Title\r\nlength: 90s\nstage: convert\n\n## Goal\nWhy: because.\n## Key benefits\n- one\n  more\n## Scenes\n### 0:00-0:10 Hook\nVoiceover: hi\nOn screen: Text\n## Checklist\n- [x] done\n- [ ] open\n## Notes\nKey: stays as written\n";
        assert_eq!(format(src), want);
        assert_eq!(format(want), want, "idempotent");
    }

    #[test]
    fn other_bullets_and_bold_names_become_canonical() {
        let src = "# T\n**Length:** 30s\n## Benefits\n• one\n+ two\n1. three\n12) four\n-\u{a0}five\n## Scenes\n### 0:00-0:30 A\n**Visual**: x\n**VO:** y\n## Goal\n1. stays in prose\n";
        let want = "# T\nlength: 30s\n## Key benefits\n- one\n- two\n- three\n- four\n- five\n## Scenes\n### 0:00-0:30 A\nVisual: x\nVoiceover: y\n## Goal\n1. stays in prose\n";
        assert_eq!(format(src), want);
        assert_eq!(format(want), want, "idempotent");
    }

    #[test]
    fn runs_of_blank_lines_become_one() {
        let src =
            "\n\n// c\n\n# T\n\n\n\nlength: 9s\n \n\u{3000}\n## Goal\nA\nB\n\n\n// kept\n\nC\n\n\n";
        let want = "// c\n# T\n\nlength: 9s\n\n## Goal\nA\nB\n\n// kept\n\nC\n";
        assert_eq!(format(src), want);
        assert_eq!(format(want), want, "idempotent");
        let crlf = "# T\r\n\r\n\r\nlength: 9s\r\n\r\n";
        assert_eq!(format(crlf), "# T\r\n\r\nlength: 9s\r\n");
    }

    #[test]
    fn adds_a_final_newline_and_keeps_crlf() {
        assert_eq!(format("# T\r\nlength: 9s"), "# T\r\nlength: 9s\r\n");
        assert_eq!(format(""), "");
    }

    #[test]
    fn a_title_with_the_wrong_marker_ends_the_header_too() {
        // `#Title` is the title for lowering, so `# Audience` after it is a
        // misplaced section whose lines are text, not header fields.
        let src = "#[ T\n\n# Audience\nIT managers\nversion:1\nlength:30s\n";
        assert_eq!(
            format(src),
            "#[ T\n\n# Audience\nIT managers\nversion:1\nlength:30s\n"
        );
        // A comment before the title changes nothing.
        assert_eq!(format("// c\n# T\nlength:9s\n"), "// c\n# T\nlength: 9s\n");
    }

    #[test]
    fn a_lone_carriage_return_at_the_end_stays_text() {
        // `\r` is not a line ending for the grammar; a `\n` after it would
        // make one, and `e ` would lose its space on the next run.
        assert_eq!(format("# T\ne \r"), "# T\ne \r");
        assert_eq!(format("e \r"), "e \r");
        assert_eq!(format(&format("# T\r\n-\r")), format("# T\r\n-\r"));
    }

    #[test]
    fn a_feff_after_blank_lines_is_not_made_a_byte_order_mark() {
        // Text, not a BOM: dropping the blank line before it would make it
        // one, and the next read would drop it.
        assert_eq!(format("\n\u{FEFF}"), "\n\u{FEFF}\n");
        assert_eq!(format("\r\n\r\n\u{FEFF}# T\r\n"), "\r\n\u{FEFF}# T\r\n");
        assert_eq!(format("\u{FEFF}# T\n"), "\u{FEFF}# T\n");
    }
}
