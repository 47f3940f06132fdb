//! A small subset of the Unicode bidirectional algorithm (UAX #9), enough to
//! draw Hebrew and Arabic words right to left inside a line.
//!
//! PDF text is drawn in visual order, so each wrapped line is reordered
//! before it is drawn: runs of right-to-left text are reversed (keeping
//! combining marks with their base and numbers left to right), brackets in
//! them are mirrored, and a paragraph whose first strong character is
//! right-to-left runs right to left as a whole. Explicit embeddings and
//! overrides are not interpreted, and Arabic letters are not joined (no
//! shaping): they are drawn in their isolated forms.

/// The bidirectional class of a character, simplified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Strong left-to-right (letters of most scripts).
    L,
    /// Strong right-to-left (Hebrew, Arabic, …).
    R,
    /// A digit.
    Number,
    /// Spaces, punctuation, symbols, marks.
    Neutral,
}

fn class(c: char) -> Class {
    let cp = u32::from(c);
    if c.is_ascii_digit() || (0x0660..=0x0669).contains(&cp) || (0x06F0..=0x06F9).contains(&cp) {
        return Class::Number;
    }
    if is_rtl(cp) {
        return Class::R;
    }
    if c.is_alphabetic() {
        Class::L
    } else {
        Class::Neutral
    }
}

fn is_rtl(cp: u32) -> bool {
    matches!(cp,
        0x0590..=0x08FF
        | 0xFB1D..=0xFDFF
        | 0xFE70..=0xFEFF
        | 0x10800..=0x10FFF
        | 0x1E800..=0x1EFFF)
}

/// Combining marks that belong to the character before them.
fn is_mark(c: char) -> bool {
    matches!(u32::from(c),
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x05BF
        | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5
        | 0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F)
}

/// Whether any character needs reordering at all (the common case is no).
pub fn has_rtl(chars: impl IntoIterator<Item = char>) -> bool {
    chars.into_iter().any(|c| is_rtl(u32::from(c)))
}

/// Whether a paragraph runs right to left: its first strong character is.
pub fn paragraph_is_rtl(chars: impl IntoIterator<Item = char>) -> bool {
    chars
        .into_iter()
        .map(class)
        .find(|c| matches!(c, Class::L | Class::R))
        == Some(Class::R)
}

/// The mirrored form of a bracket drawn right to left.
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
        other => other,
    }
}

/// Embedding levels for one line (even: left to right, odd: right to left).
fn levels(chars: &[char], rtl: bool) -> Vec<u8> {
    let base: u8 = u8::from(rtl);
    let mut classes: Vec<Class> = chars.iter().map(|&c| class(c)).collect();
    // Marks take the class of their base (W1).
    for i in 1..classes.len() {
        if is_mark(chars[i]) {
            classes[i] = classes[i - 1];
        }
    }
    // Numbers after left-to-right text (or at the start of a left-to-right
    // paragraph) are left-to-right text (W7).
    let mut last_strong = if rtl { Class::R } else { Class::L };
    for class in classes.iter_mut() {
        match *class {
            Class::L | Class::R => last_strong = *class,
            Class::Number if last_strong == Class::L => *class = Class::L,
            _ => {}
        }
    }
    // Neutrals take the direction of the text around them when both sides
    // agree (numbers count as right to left here), else the paragraph's (N1, N2).
    let direction = |c: Class| match c {
        Class::L => Some(false),
        Class::R | Class::Number => Some(true),
        Class::Neutral => None,
    };
    let mut resolved: Vec<bool> = Vec::with_capacity(classes.len());
    let mut i = 0;
    while i < classes.len() {
        if let Some(d) = direction(classes[i]) {
            resolved.push(d);
            i += 1;
            continue;
        }
        let start = i;
        while i < classes.len() && direction(classes[i]).is_none() {
            i += 1;
        }
        let before = resolved.last().copied().unwrap_or(rtl);
        let after = classes.get(i).and_then(|&c| direction(c)).unwrap_or(rtl);
        let d = if before == after { before } else { rtl };
        resolved.extend(std::iter::repeat_n(d, i - start));
    }
    // Implicit levels (I1, I2).
    classes
        .iter()
        .zip(&resolved)
        .map(|(&class, &r)| match (base, class, r) {
            (0, Class::Number, _) => 2,
            (0, _, true) => 1,
            (0, _, false) => 0,
            (_, Class::Number, _) => 2,
            (_, _, false) => 2,
            _ => 1,
        })
        .collect()
}

/// Reorders one line of `items` (with `char_of` giving each item's
/// character) from logical into visual order, mirroring brackets in
/// right-to-left runs through `set_char`.
pub fn reorder_line<T>(
    items: &mut Vec<T>,
    rtl: bool,
    char_of: impl Fn(&T) -> char,
    set_char: impl Fn(&mut T, char),
) {
    let chars: Vec<char> = items.iter().map(&char_of).collect();
    if !rtl && !has_rtl(chars.iter().copied()) {
        return;
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
    for (start, end, level) in clusters {
        for slot in &mut slots[start..end] {
            if let Some(mut item) = slot.take() {
                if level % 2 == 1 {
                    let c = mirror(char_of(&item));
                    set_char(&mut item, c);
                }
                items.push(item);
            }
        }
    }
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
    fn marks_stay_with_their_base() {
        // Bet with dagesh, then shin.
        assert_eq!(
            visual("\u{05D1}\u{05BC}\u{05E9}"),
            "\u{05E9}\u{05D1}\u{05BC}"
        );
    }
}
