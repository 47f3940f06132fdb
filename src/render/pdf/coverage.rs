//! Which characters of a brief the embedded fonts cannot show.

use super::fonts;
use crate::model::{Brief, Content};
use crate::syntax::Span;
use std::collections::HashSet;

/// Every character in the brief's text that no embedded face has a glyph
/// for, each once, with the span of the text it first appears in (in
/// document order).
pub fn unsupported_chars(brief: &Brief) -> Vec<(char, Span)> {
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    let mut check = |text: &str, span: Span| {
        for c in text.chars() {
            if !fonts::is_supported(c) && seen.insert(c) {
                found.push((c, span));
            }
        }
    };

    check(&brief.title.value, brief.title.span);
    let h = &brief.header;
    for field in [
        &h.client,
        &h.product,
        &h.version,
        &h.profile,
        &h.budget,
        &h.marketing,
        &h.sales,
    ]
    .into_iter()
    .flatten()
    {
        check(&field.value, field.span);
    }
    if let Some(channels) = &h.channels {
        for channel in &channels.value {
            check(channel, channels.span);
        }
    }

    for section in &brief.sections {
        match &section.content {
            Content::Prose(items) | Content::List(items) => {
                for item in items {
                    check(&item.value, item.span);
                }
            }
            Content::Checklist(items) => {
                for item in items {
                    check(&item.text.value, item.text.span);
                }
            }
            Content::Metrics(metrics) => {
                for m in metrics {
                    check(&m.name, m.span);
                    check(&m.target, m.span);
                    if let Some(source) = &m.source {
                        check(source, m.span);
                    }
                }
            }
            Content::Scenes(scenes) => {
                for scene in scenes {
                    check(&scene.title, scene.heading);
                    for field in &scene.fields {
                        check(&field.text.value, field.text.span);
                    }
                }
            }
            Content::SignOff(entries) => {
                for entry in entries {
                    check(&entry.name, entry.span);
                    check(&entry.role, entry.span);
                }
            }
            Content::Milestones(milestones) => {
                for m in milestones {
                    check(&m.text, m.span);
                }
            }
        }
    }
    found
}

/// Which language's forms of Chinese characters a text wants, for
/// choosing among fonts that draw them differently: Japanese when it has
/// kana, Korean when it has Hangul, else Chinese ("" without any).
pub fn han_language_of(chars: impl IntoIterator<Item = char>) -> &'static str {
    let mut han = false;
    for c in chars {
        match u32::from(c) {
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => return "ja",
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => return "ko",
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => han = true,
            _ => {}
        }
    }
    if han { "zh" } else { "" }
}

/// [`han_language_of`] the characters of the brief the built-in faces lack.
pub fn han_language(brief: &Brief) -> &'static str {
    han_language_of(unsupported_chars(brief).into_iter().map(|(c, _)| c))
}

/// The characters of one line of the source that no embedded face can
/// show, for one `missing-glyph` warning per line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineGlyphs {
    /// The first such character on the line.
    pub first: Span,
    /// Every such character of the line, each once, in order.
    pub chars: Vec<char>,
    /// How many times they occur on the line in all.
    pub occurrences: usize,
}

/// The lines of `source` (comments aside: they never reach the PDF) with
/// characters no embedded face can show, in order.
pub fn missing_glyphs(source: &str) -> Vec<LineGlyphs> {
    let mut found = Vec::new();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let at = start;
        start += line.len();
        if line.trim_start().starts_with("//") || line.is_ascii() {
            continue;
        }
        let mut here: Option<LineGlyphs> = None;
        for (i, c) in line.char_indices() {
            if fonts::is_supported(c) {
                continue;
            }
            let entry = here.get_or_insert_with(|| LineGlyphs {
                first: Span::new(at + i, at + i + c.len_utf8()),
                chars: Vec::new(),
                occurrences: 0,
            });
            entry.occurrences += 1;
            if !entry.chars.contains(&c) {
                entry.chars.push(c);
            }
        }
        found.extend(here);
    }
    found
}

/// The writing system of a character the built-in fonts lack, in words,
/// for messages.
pub fn script_name(c: char) -> &'static str {
    match u32::from(c) {
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => "Korean",
        0x3040..=0x30FF | 0x31F0..=0x31FF => "Japanese",
        0x2E80..=0x2FFF
        | 0x3000..=0x303F
        | 0x3400..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF => "Chinese, Japanese and Korean",
        0x0900..=0x097F => "Devanagari",
        0x0980..=0x09FF => "Bengali",
        0x0B80..=0x0BFF => "Tamil",
        0x0E00..=0x0E7F => "Thai",
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            "Arabic"
        }
        0x1F000..=0x1FAFF | 0x2600..=0x27BF => "emoji and symbol",
        _ => "these",
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;

    #[test]
    fn one_report_per_line_at_the_first_missing_character() {
        let source = "# 日本語のブリーフ\n\n// 漢字 in a comment is never drawn\nlength: 30s\nGoal: 漢字 and 漢 again\n";
        let found = missing_glyphs(source);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(&source[found[0].first.start..found[0].first.end], "日");
        assert_eq!(found[0].chars.len(), 8);
        assert_eq!(found[0].occurrences, 8);
        assert_eq!(&source[found[1].first.start..found[1].first.end], "漢");
        assert_eq!(found[1].chars, ['漢', '字']);
        assert_eq!(found[1].occurrences, 3);
        assert!(missing_glyphs("# Zażółć — Ω\n").is_empty());
        assert_eq!(script_name('日'), "Chinese, Japanese and Korean");
        assert_eq!(script_name('ব'), "Bengali");
    }
}
