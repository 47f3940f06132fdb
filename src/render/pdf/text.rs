//! Styled text and line wrapping by real glyph widths.
//!
//! A [`Rich`] text is a list of runs, each in one [`Style`]. [`wrap`] breaks
//! it into [`LineBox`]es at spaces; a word wider than the line (a long URL,
//! say) is broken between characters, preferably after `/`, `-` or `.`.
//! Characters are resolved to the face that can draw them first, so the
//! widths measured here are the widths drawn; lines with right-to-left
//! text are put into visual order ([`super::bidi`]).

use super::bidi;
use super::fonts::{self, Face, FontKind};
use super::layout::{LineBox, Piece, Rgb, Shape};
use super::shaping;
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

/// One unit as it will be drawn: a character, or a cluster of characters
/// that a shaping engine draws together (a joined Arabic letter, a
/// Devanagari conjunct, a base with its marks).
#[derive(Clone)]
struct Glyph {
    /// The (first) character: what line breaking and bidi look at.
    c: char,
    face: Face,
    run: usize,
    width: f32,
    /// A shaped cluster's characters (`None`: just `c`, drawn as is).
    cluster: Option<Box<str>>,
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

/// Characters of scripts written without spaces between words, where a
/// line may break between any two of them (Chinese, Japanese).
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x2E80..=0x2FFF | 0x3000..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Characters a line must not start with (closing punctuation, small kana).
fn no_break_before(c: char) -> bool {
    "、。，．！？：；）」』】〕〉》｝〙〗ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・…‥,.!?:;)]}%"
        .contains(c)
}

/// Characters a line must not end with (opening punctuation).
fn no_break_after(c: char) -> bool {
    "（「『【〔〈《｛〘〖([{".contains(c)
}

/// Whether a line may break between `before` and `after` with no space.
fn breaks_between(before: char, after: char) -> bool {
    (is_cjk(before) || is_cjk(after)) && !no_break_before(after) && !no_break_after(before)
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
        let space = if cur.is_empty() {
            None
        } else {
            word.space.clone()
        };
        let sw = space.as_ref().map_or(0.0, |g| g.width);
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
    let mixed = rtl || bidi::has_rtl(glyphs.iter().map(|g| g.c));

    let default_size = rich.runs.first().map_or(10.0, |(s, _)| s.size);
    lines
        .into_iter()
        .map(|mut line| {
            let levels = if mixed {
                // Shaped clusters are mirrored by the shaping engine.
                bidi::reorder_line(
                    &mut line,
                    rtl,
                    |g| g.c,
                    |g, c| {
                        if g.cluster.is_none() {
                            g.c = c;
                        }
                    },
                )
            } else {
                Vec::new()
            };
            let mut built = build_line(rich, &line, &levels, line_height, default_size);
            if rtl && width < 1e5 {
                built.shift((width - built.text_width()).max(0.0));
            }
            built
        })
        .collect()
}

/// Resolves every character, shapes the runs drawn in fallback faces, and
/// splits the text into words.
fn shape(rich: &Rich) -> (Vec<Glyph>, Vec<Word>) {
    let mut out = Words::default();
    for (run, (style, text)) in rich.runs.iter().enumerate() {
        // Characters waiting to be shaped together in one fallback face.
        let mut segment = String::new();
        let mut segment_face = None;
        for c in text.chars() {
            let resolved = if (c.is_whitespace() && !is_no_break_space(c)) || c.is_control() {
                None
            } else {
                fonts::resolve(style.font, c)
            };
            if let Some((face @ Face::Fallback(_), _)) = resolved {
                if segment_face != Some(face) {
                    out.push_shaped(run, style, segment_face, &segment);
                    segment.clear();
                    segment_face = Some(face);
                }
                segment.push(c);
                continue;
            }
            out.push_shaped(run, style, segment_face.take(), &segment);
            segment.clear();
            if (c.is_whitespace() && !is_no_break_space(c)) || c.is_control() {
                if c.is_whitespace() || c == '\t' {
                    out.space(run, style);
                }
                continue;
            }
            let Some((face, drawn)) = resolved else {
                continue;
            };
            out.push(Glyph {
                c: drawn,
                face,
                run,
                width: fonts::char_width(face, drawn, style.size).unwrap_or(0.0),
                cluster: None,
            });
        }
        out.push_shaped(run, style, segment_face, &segment);
    }
    (out.glyphs, out.words)
}

/// Glyphs split into words as they come.
#[derive(Default)]
struct Words {
    glyphs: Vec<Glyph>,
    words: Vec<Word>,
    pending_space: Option<Glyph>,
    in_word: bool,
}

impl Words {
    /// A space (or a run of them) between words.
    fn space(&mut self, run: usize, style: &Style) {
        self.in_word = false;
        if self.pending_space.is_none() {
            let face = Face::Builtin(style.font);
            self.pending_space = Some(Glyph {
                c: ' ',
                face,
                run,
                width: fonts::char_width(face, ' ', style.size).unwrap_or(0.0),
                cluster: None,
            });
        }
    }

    /// Appends a glyph, starting a new word after a space or where a line
    /// may break without one.
    fn push(&mut self, glyph: Glyph) {
        let starts_word = !self.in_word
            || self.glyphs.last().is_some_and(|last| {
                let before = last.cluster.as_deref().and_then(|t| t.chars().last());
                breaks_between(before.unwrap_or(last.c), glyph.c)
            });
        if starts_word {
            let space = if self.in_word || self.words.is_empty() {
                None
            } else {
                self.pending_space.take()
            };
            self.pending_space = None;
            self.words.push(Word {
                space,
                glyphs: self.glyphs.len()..self.glyphs.len(),
            });
            self.in_word = true;
        }
        self.glyphs.push(glyph);
        if let Some(word) = self.words.last_mut() {
            word.glyphs.end = self.glyphs.len();
        }
    }

    /// Shapes `text` in `face` and appends its clusters.
    fn push_shaped(&mut self, run: usize, style: &Style, face: Option<Face>, text: &str) {
        let Some(face @ Face::Fallback(id)) = face else {
            return;
        };
        if text.is_empty() {
            return;
        }
        let Some(fallback) = fonts::fallback_face(id) else {
            return;
        };
        for (range, advance) in shaping::clusters(fallback, text) {
            let cluster = &text[range];
            self.push(Glyph {
                c: cluster.chars().next().unwrap_or(' '),
                face,
                run,
                width: advance * style.size,
                cluster: Some(cluster.into()),
            });
        }
    }
}

/// Breaks a word wider than `width` into chunks that fit (each holds at
/// least one character), preferring to break after punctuation.
fn split_long(word: &[Glyph], width: f32) -> Vec<Vec<Glyph>> {
    let mut chunks = Vec::new();
    let mut chunk: Vec<Glyph> = Vec::new();
    let mut chunk_w = 0.0f32;
    for g in word {
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
        chunk.push(g.clone());
        chunk_w += g.width;
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    chunks
}

/// Turns glyphs in visual order (with their bidi `levels`, empty when the
/// line is all left to right) into a line of pieces, one per style run,
/// face and direction. Pieces in fallback faces are shaped again as drawn.
fn build_line(
    rich: &Rich,
    glyphs: &[Glyph],
    levels: &[u8],
    line_height: f32,
    default_size: f32,
) -> LineBox {
    let mut pieces: Vec<Piece> = Vec::new();
    // The clusters of each shaped piece, in visual order, and its direction.
    let mut shaped: Vec<(usize, Vec<&str>, bool)> = Vec::new();
    let mut x = 0.0f32;
    let mut key: Option<(usize, Face, bool)> = None;
    for (i, g) in glyphs.iter().enumerate() {
        let style = &rich.runs[g.run].0;
        let rtl = levels.get(i).is_some_and(|l| l % 2 == 1);
        if key != Some((g.run, g.face, rtl)) {
            if matches!(g.face, Face::Fallback(_)) {
                shaped.push((pieces.len(), Vec::new(), rtl));
            }
            pieces.push(Piece {
                x,
                width: 0.0,
                text: String::new(),
                font: g.face,
                size: style.size,
                color: style.color,
                link: style.link.clone(),
                glyphs: Vec::new(),
                rtl,
            });
            key = Some((g.run, g.face, rtl));
        }
        if let Some(p) = pieces.last_mut() {
            match &g.cluster {
                Some(cluster) => {
                    if let Some((_, clusters, _)) = shaped.last_mut() {
                        clusters.push(cluster);
                    }
                }
                None => p.text.push(g.c),
            }
            p.width += g.width;
        }
        x += g.width;
    }
    for (at, mut clusters, rtl) in shaped {
        let piece = &mut pieces[at];
        if rtl {
            clusters.reverse();
        }
        piece.text = clusters.concat();
        if let Face::Fallback(id) = piece.font
            && let Some(face) = fonts::fallback_face(id)
        {
            piece.glyphs = shaping::place(face, &piece.text, rtl, piece.size);
        }
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
            .and_then(|(face, c)| fonts::char_width(face, c, size))
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
