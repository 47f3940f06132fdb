//! The Unicode bidirectional algorithm (UAX #9) for the PDF, through the
//! `unicode-bidi` crate (the implementation Servo uses): explicit
//! embeddings, isolates and overrides, weak and neutral types, all of it.
//!
//! PDF text is drawn in visual order, so each wrapped line is reordered
//! before it is drawn: the crate resolves each character's embedding level
//! for the line's paragraph direction, runs are reversed level by level
//! (L2), keeping combining marks after their base, and brackets in
//! right-to-left runs are mirrored (L4).

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

/// Whether a character is strongly right to left or an Arabic number.
fn is_rtl_class(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::R
            | BidiClass::AL
            | BidiClass::AN
            | BidiClass::RLE
            | BidiClass::RLO
            | BidiClass::RLI
    )
}

/// Combining marks that belong to the character before them (class NSM).
fn is_mark(c: char) -> bool {
    bidi_class(c) == BidiClass::NSM
}

/// Whether any character needs reordering at all (the common case is no).
pub fn has_rtl(chars: impl IntoIterator<Item = char>) -> bool {
    chars.into_iter().any(is_rtl_class)
}

/// Whether a paragraph runs right to left: its first strong character is
/// (P2, P3; characters inside isolates are skipped, as the rule says).
pub fn paragraph_is_rtl(chars: impl IntoIterator<Item = char>) -> bool {
    let text: String = chars.into_iter().collect();
    unicode_bidi::get_base_direction(text.as_str()) == unicode_bidi::Direction::Rtl
}

/// The mirrored form of a bracket drawn right to left (Bidi_Mirroring_Glyph
/// for the pairs a brief uses).
pub fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        '⁅' => '⁆',
        '⁆' => '⁅',
        '⟨' => '⟩',
        '⟩' => '⟨',
        '≤' => '≥',
        '≥' => '≤',
        other => other,
    }
}

/// Embedding levels for one line (even: left to right, odd: right to
/// left), one per character, resolved by `unicode-bidi` for a paragraph of
/// direction `rtl`.
fn levels(chars: &[char], rtl: bool) -> Vec<u8> {
    let text: String = chars.iter().collect();
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(&text, Some(base));
    // `levels` is per byte; take each character's first byte. Levels past
    // the paragraphs (none: the text is one line) fall back to the base.
    text.char_indices()
        .map(|(i, _)| info.levels.get(i).map_or(base.number(), |l| l.number()))
        .collect()
}

/// Reorders one line of `items` (with `char_of` giving each item's
/// character) from logical into visual order, mirroring brackets in
/// right-to-left runs through `set_char`. Returns each item's embedding
/// level in the new order (empty when the line is all left to right).
pub fn reorder_line<T>(
    items: &mut Vec<T>,
    rtl: bool,
    char_of: impl Fn(&T) -> char,
    set_char: impl Fn(&mut T, char),
) -> Vec<u8> {
    let chars: Vec<char> = items.iter().map(&char_of).collect();
    if !rtl && !has_rtl(chars.iter().copied()) {
        return Vec::new();
    }
    let levels = levels(&chars, rtl);
    // Clusters: a character with the marks after it, moved as one.
    let mut clusters: Vec<(usize, usize, u8)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match clusters.last_mut() {
            Some(last) if is_mark(c) => last.1 = i + 1,
            _ => clusters.push((i, i + 1, levels[i])),
        }
    }
    let max = clusters.iter().map(|c| c.2).max().unwrap_or(0);
    for level in (1..=max).rev() {
        let mut i = 0;
        while i < clusters.len() {
            if clusters[i].2 < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < clusters.len() && clusters[i].2 >= level {
                i += 1;
            }
            clusters[start..i].reverse();
        }
    }
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    let mut visual_levels = Vec::with_capacity(slots.len());
    for (start, end, level) in clusters {
        for slot in &mut slots[start..end] {
            if let Some(mut item) = slot.take() {
                if level % 2 == 1 {
                    let c = mirror(char_of(&item));
                    set_char(&mut item, c);
                }
                items.push(item);
                visual_levels.push(level);
            }
        }
    }
    visual_levels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visual(text: &str) -> String {
        let rtl = paragraph_is_rtl(text.chars());
        let mut chars: Vec<char> = text.chars().collect();
        reorder_line(&mut chars, rtl, |c| *c, |c, m| *c = m);
        chars.into_iter().collect()
    }

    #[test]
    fn left_to_right_text_is_untouched() {
        assert_eq!(visual("Hello (world) 42"), "Hello (world) 42");
    }

    #[test]
    fn hebrew_words_are_reversed_inside_latin_text() {
        assert_eq!(visual("say שלום עולם now"), "say םלוע םולש now");
    }

    #[test]
    fn right_to_left_paragraphs_keep_numbers_and_latin_left_to_right() {
        assert_eq!(visual("שלום 2026 abc"), "abc 2026 םולש");
        assert_eq!(visual("(שלום)"), "(םולש)");
    }

    #[test]
    fn arabic_with_numbers_and_latin() {
        // Arabic letters reversed; the European number keeps its order.
        assert_eq!(visual("مرحبا 42 abc"), "abc 42 ابحرم");
        // Arabic-Indic digits stay left to right inside the run.
        assert_eq!(visual("سعر ١٢٣"), "١٢٣ رعس");
    }

    #[test]
    fn explicit_overrides_and_isolates_are_honoured() {
        // What the full UAX #9 adds over the old subset: a right-to-left
        // override reverses even Latin letters…
        let text = "x \u{202E}abc\u{202C} y";
        assert!(visual(text).contains("cba"), "{:?}", visual(text));
        // …and an isolate keeps its content apart from the text around it:
        // the number after the Hebrew isolate stays in the Latin run.
        assert_eq!(
            visual("a \u{2067}שלום\u{2069} 12 b"),
            "a \u{2067}םולש\u{2069} 12 b"
        );
    }

    #[test]
    fn marks_stay_with_their_base() {
        // Bet with dagesh, then shin.
        assert_eq!(
            visual("\u{05D1}\u{05BC}\u{05E9}"),
            "\u{05E9}\u{05D1}\u{05BC}"
        );
    }
}
