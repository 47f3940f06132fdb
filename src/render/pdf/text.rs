//! Styled text and line wrapping by real glyph widths.
//!
//! A [`Rich`] text is a list of runs, each in one [`Style`]. [`wrap`] breaks
//! it into [`LineBox`]es at spaces; a word wider than the line (a long URL,
//! say) is broken between characters, preferably after `/`, `-` or `.`.
//! Characters are resolved to the face that can draw them first, so the
//! widths measured here are the widths drawn; lines with right-to-left
//! text are put into visual order ([`super::bidi`]).

use super::bidi;
use super::fonts::{self, FontKind};
use super::layout::{LineBox, Piece, Rgb, Shape};
use std::ops::Range;

/// How a run of text looks.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    /// The face.
    pub font: FontKind,
    /// Size in points.
    pub size: f32,
    /// Text colour.
    pub color: Rgb,
    /// A URL the text links to.
    pub link: Option<String>,
}

impl Style {
    /// Unlinked text in `font` at `size` in `color`.
    pub fn new(font: FontKind, size: f32, color: Rgb) -> Style {
        Style {
            font,
            size,
            color,
            link: None,
        }
    }

    /// The same style in another colour.
    pub fn with_color(&self, color: Rgb) -> Style {
        Style {
            color,
            ..self.clone()
        }
    }

    /// The same style in another face.
    pub fn with_font(&self, font: FontKind) -> Style {
        Style {
            font,
            ..self.clone()
        }
    }
}

/// Text made of styled runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rich {
    /// The runs, in order.
    pub runs: Vec<(Style, String)>,
}

impl Rich {
    /// An empty text.
    pub fn new() -> Rich {
        Rich::default()
    }

    /// `text` in one style.
    pub fn plain(style: &Style, text: &str) -> Rich {
        let mut rich = Rich::new();
        rich.push(style, text);
        rich
    }

    /// Appends `text` in `style`.
    pub fn push(&mut self, style: &Style, text: &str) -> &mut Rich {
        if !text.is_empty() {
            match self.runs.last_mut() {
                Some((last, run)) if last == style => run.push_str(text),
                _ => self.runs.push((style.clone(), text.to_string())),
            }
        }
        self
    }

    /// Appends `text` in `style`, with every URL in it linked and drawn in
    /// `link_color`.
    pub fn push_linked(&mut self, style: &Style, link_color: Rgb, text: &str) -> &mut Rich {
        let mut at = 0;
        for url in find_urls(text) {
            self.push(style, &text[at..url.start]);
            let linked = Style {
                color: link_color,
                link: Some(text[url.clone()].to_string()),
                ..style.clone()
            };
            self.push(&linked, &text[url.clone()]);
            at = url.end;
        }
        self.push(style, &text[at..]);
        self
    }
}

pub use crate::model::find_urls;

/// One character as it will be drawn.
#[derive(Clone, Copy)]
struct Glyph {
    c: char,
    font: FontKind,
    run: usize,
    width: f32,
}

/// A word and the space glyph before it (if any).
struct Word {
    space: Option<Glyph>,
    glyphs: Range<usize>,
}

/// Characters that look like spaces but must not break a line.
fn is_no_break_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}')
}

/// Characters after which a too-long word may be broken.
fn is_break_after(c: char) -> bool {
    matches!(
        c,
        '/' | '-' | '.' | '?' | '&' | '=' | '_' | ',' | '#' | '–' | '—'
    )
}

/// Wraps `rich` into lines at most `width` wide, each `line_height` tall.
/// Always returns at least one line.
pub fn wrap(rich: &Rich, width: f32, line_height: f32) -> Vec<LineBox> {
    let width = width.max(1.0);
    let (glyphs, words) = shape(rich);

    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    let mut cur: Vec<Glyph> = Vec::new();
    let mut cur_w = 0.0f32;
    for word in &words {
        let w_glyphs = &glyphs[word.glyphs.clone()];
        let ww: f32 = w_glyphs.iter().map(|g| g.width).sum();
        let space = if cur.is_empty() { None } else { word.space };
        let sw = space.map_or(0.0, |g| g.width);
        if cur_w + sw + ww <= width + 0.01 {
            cur.extend(space);
            cur.extend_from_slice(w_glyphs);
            cur_w += sw + ww;
        } else if ww <= width + 0.01 {
            lines.push(std::mem::take(&mut cur));
            cur.extend_from_slice(w_glyphs);
            cur_w = ww;
        } else {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            let mut chunks = split_long(w_glyphs, width);
            cur = chunks.pop().unwrap_or_default();
            cur_w = cur.iter().map(|g| g.width).sum();
            lines.extend(chunks);
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }

    // Right-to-left scripts: reorder each line into visual order, and run
    // right-to-left paragraphs from the right edge.
    let rtl = bidi::paragraph_is_rtl(glyphs.iter().map(|g| g.c));
    if rtl || bidi::has_rtl(glyphs.iter().map(|g| g.c)) {
        for line in &mut lines {
            bidi::reorder_line(line, rtl, |g| g.c, |g, c| g.c = c);
        }
    }

    let default_size = rich.runs.first().map_or(10.0, |(s, _)| s.size);
    lines
        .iter()
        .map(|line| {
            let mut built = build_line(rich, line, line_height, default_size);
            if rtl && width < 1e5 {
                built.shift((width - built.text_width()).max(0.0));
            }
            built
        })
        .collect()
}

/// Resolves every character and splits the text into words.
fn shape(rich: &Rich) -> (Vec<Glyph>, Vec<Word>) {
    let mut glyphs = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut pending_space: Option<Glyph> = None;
    let mut in_word = false;
    for (run, (style, text)) in rich.runs.iter().enumerate() {
        for c in text.chars() {
            if (c.is_whitespace() && !is_no_break_space(c)) || c.is_control() {
                if c.is_whitespace() || c == '\t' {
                    in_word = false;
                    if pending_space.is_none() {
                        pending_space = Some(Glyph {
                            c: ' ',
                            font: style.font,
                            run,
                            width: fonts::char_width(style.font, ' ', style.size).unwrap_or(0.0),
                        });
                    }
                }
                continue;
            }
            let Some((font, drawn)) = fonts::resolve(style.font, c) else {
                continue;
            };
            let glyph = Glyph {
                c: drawn,
                font,
                run,
                width: fonts::char_width(font, drawn, style.size).unwrap_or(0.0),
            };
            if !in_word {
                words.push(Word {
                    space: if words.is_empty() {
                        None
                    } else {
                        pending_space
                    },
                    glyphs: glyphs.len()..glyphs.len(),
                });
                pending_space = None;
                in_word = true;
            }
            glyphs.push(glyph);
            if let Some(word) = words.last_mut() {
                word.glyphs.end = glyphs.len();
            }
        }
    }
    (glyphs, words)
}

/// Breaks a word wider than `width` into chunks that fit (each holds at
/// least one character), preferring to break after punctuation.
fn split_long(word: &[Glyph], width: f32) -> Vec<Vec<Glyph>> {
    let mut chunks = Vec::new();
    let mut chunk: Vec<Glyph> = Vec::new();
    let mut chunk_w = 0.0f32;
    for &g in word {
        if !chunk.is_empty() && chunk_w + g.width > width + 0.01 {
            // Break after the last punctuation in the second half of the chunk.
            let cut = chunk
                .iter()
                .rposition(|x| is_break_after(x.c))
                .filter(|&i| i + 1 >= chunk.len() / 2 && i + 1 < chunk.len())
                .map_or(chunk.len(), |i| i + 1);
            let rest = chunk.split_off(cut);
            chunks.push(std::mem::replace(&mut chunk, rest));
            chunk_w = chunk.iter().map(|x| x.width).sum();
        }
        chunk.push(g);
        chunk_w += g.width;
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    chunks
}

/// Turns resolved glyphs into a line of pieces, one per style run.
fn build_line(rich: &Rich, glyphs: &[Glyph], line_height: f32, default_size: f32) -> LineBox {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut x = 0.0f32;
    let mut key: Option<(usize, FontKind)> = None;
    for g in glyphs {
        let style = &rich.runs[g.run].0;
        if key != Some((g.run, g.font)) {
            pieces.push(Piece {
                x,
                width: 0.0,
                text: String::new(),
                font: g.font,
                size: style.size,
                color: style.color,
                link: style.link.clone(),
            });
            key = Some((g.run, g.font));
        }
        if let Some(p) = pieces.last_mut() {
            p.text.push(g.c);
            p.width += g.width;
        }
        x += g.width;
    }
    let size = pieces
        .iter()
        .map(|p| p.size)
        .fold(0.0f32, f32::max)
        .max(if pieces.is_empty() { default_size } else { 0.0 });
    let baseline = baseline_for(line_height, size);
    let deco = pieces
        .iter()
        .filter(|p| p.link.is_some())
        .map(|p| {
            let y = baseline + p.size * 0.14;
            Shape::Path {
                points: vec![(p.x, y), (p.x + p.width, y)],
                closed: false,
                color: p.color,
                width: (p.size * 0.06).max(0.4),
            }
        })
        .collect();
    LineBox {
        height: line_height,
        baseline,
        pieces,
        deco,
    }
}

/// The baseline offset that centres `size`-point DejaVu text in a line box.
pub fn baseline_for(line_height: f32, size: f32) -> f32 {
    (line_height - size * (fonts::ASCENT + fonts::DESCENT)) / 2.0 + size * fonts::ASCENT
}

/// A single unwrapped line of `rich` (for labels that must not wrap).
pub fn line(rich: &Rich, line_height: f32) -> LineBox {
    wrap(rich, f32::MAX, line_height)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// `text` in `font` at `size`, cut short with "…" so that it is at most
/// `width` wide (whitespace before the ellipsis dropped); unchanged when it
/// fits. Widths are those drawn: characters are resolved as [`wrap`] does.
pub fn ellipsize(font: FontKind, text: &str, size: f32, width: f32) -> String {
    if fonts::text_width(font, text, size) <= width + 0.01 {
        return text.to_string();
    }
    let room = width - fonts::text_width(font, "…", size);
    let mut used = 0.0f32;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let w = fonts::resolve(font, c)
            .and_then(|(k, c)| fonts::char_width(k, c, size))
            .unwrap_or(0.0);
        if used + w > room + 0.01 {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    format!("{}…", text[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> Style {
        Style::new(FontKind::Regular, 10.0, [0.0; 3])
    }

    fn texts(lines: &[LineBox]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let rich = Rich::plain(&style(), "one two three four five six seven eight nine ten");
        let lines = wrap(&rich, 80.0, 14.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(line.text_width() <= 80.01, "{}", line.text_width());
        }
        assert_eq!(
            texts(&lines).join(" "),
            "one two three four five six seven eight nine ten"
        );
    }

    #[test]
    fn breaks_a_word_wider_than_the_line() {
        let url = "https://example.com/a/very/long/path/that/never/ends/at/all/ever";
        let lines = wrap(&Rich::plain(&style(), url), 60.0, 14.0);
        assert!(lines.len() > 2);
        assert_eq!(texts(&lines).concat(), url);
        for line in &lines {
            assert!(line.text_width() <= 60.01);
        }
        // Even a width smaller than one character makes progress.
        let lines = wrap(&Rich::plain(&style(), "WWW"), 1.0, 14.0);
        assert_eq!(texts(&lines), ["W", "W", "W"]);
    }

    #[test]
    fn empty_text_gives_one_empty_line() {
        let lines = wrap(&Rich::new(), 100.0, 14.0);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].pieces.is_empty());
    }

    #[test]
    fn links_keep_their_target_across_lines() {
        let mut rich = Rich::new();
        rich.push_linked(
            &style(),
            [0.0, 0.0, 1.0],
            "go to https://example.com/some/long/path now",
        );
        let lines = wrap(&rich, 70.0, 14.0);
        let linked: Vec<&Piece> = lines
            .iter()
            .flat_map(|l| &l.pieces)
            .filter(|p| p.link.is_some())
            .collect();
        assert!(linked.len() >= 2);
        assert!(
            linked
                .iter()
                .all(|p| p.link.as_deref() == Some("https://example.com/some/long/path"))
        );
    }

    #[test]
    fn ellipsize_cuts_to_the_width() {
        let text = "A very long title that will never fit on one short line";
        assert_eq!(ellipsize(FontKind::Bold, text, 8.0, 1000.0), text);
        let cut = ellipsize(FontKind::Bold, text, 8.0, 80.0);
        assert!(cut.ends_with('…') && !cut.ends_with(" …"), "{cut}");
        assert!(
            fonts::text_width(FontKind::Bold, &cut, 8.0) <= 80.01,
            "{cut}"
        );
        assert!(text.starts_with(cut.trim_end_matches('…')));
        // Nothing fits: just the ellipsis.
        assert_eq!(ellipsize(FontKind::Regular, text, 8.0, 1.0), "…");
    }
}
