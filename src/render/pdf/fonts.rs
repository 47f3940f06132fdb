//! The embedded DejaVu Sans faces: loading, glyph coverage and text measuring.
//!
//! The font files come from the `dejavu` crate, slimmed at compile time by
//! `build.rs` ([`super::lean`]), and are parsed at most once per process
//! (`OnceLock`): `ttf-parser` for
//! coverage and advances, printpdf's `ParsedFont` only when a PDF is built.
//! Widths are computed exactly the way a PDF viewer computes them from the
//! `/W` array printpdf writes (advance × 1000 / units-per-em, truncated), so
//! positions derived from our measurements match where the viewer's pen lands.

use std::sync::OnceLock;

/// One of the embedded faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FontKind {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
    /// DejaVu Sans Oblique.
    Oblique,
}

impl FontKind {
    /// Every face, in fallback order.
    pub const ALL: [FontKind; 3] = [FontKind::Regular, FontKind::Bold, FontKind::Oblique];

    /// Position in [`FontKind::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// A letter that tells the faces apart in resource names.
    pub const fn letter(self) -> char {
        match self {
            FontKind::Regular => 'R',
            FontKind::Bold => 'B',
            FontKind::Oblique => 'I',
        }
    }

    /// The font file measured and embedded: the lean copy made at compile
    /// time by `build.rs` with [`super::lean`].
    fn bytes(self) -> &'static [u8] {
        match self {
            FontKind::Regular => {
                include_bytes!(concat!(env!("OUT_DIR"), "/dejavu-sans-regular.ttf"))
            }
            FontKind::Bold => include_bytes!(concat!(env!("OUT_DIR"), "/dejavu-sans-bold.ttf")),
            FontKind::Oblique => {
                include_bytes!(concat!(env!("OUT_DIR"), "/dejavu-sans-oblique.ttf"))
            }
        }
    }
}

/// A parsed face with the numbers the layouter needs.
struct Face {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(kind: FontKind) -> Option<Face> {
        let face = ttf_parser::Face::parse(kind.bytes(), 0).ok()?;
        let units_per_em = f32::from(face.units_per_em().max(1));
        Some(Face { face, units_per_em })
    }

    /// The advance of `c` in thousandths of an em, as the PDF's `/W` array has it.
    fn advance_1000(&self, c: char) -> Option<f32> {
        let gid = self.face.glyph_index(c)?;
        let advance = f32::from(self.face.glyph_hor_advance(gid).unwrap_or(0));
        // Same arithmetic (and truncation) as printpdf's `get_scaled_glyph_width`.
        Some((advance * 1000.0 / self.units_per_em) as i64 as f32)
    }
}

fn face(kind: FontKind) -> Option<&'static Face> {
    static FACES: [OnceLock<Option<Face>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    FACES[kind.index()]
        .get_or_init(|| Face::load(kind))
        .as_ref()
}

/// printpdf's parsed form of `kind`, for embedding.
pub fn parsed(kind: FontKind) -> Option<&'static printpdf::ParsedFont> {
    static PARSED: [OnceLock<Option<printpdf::ParsedFont>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    PARSED[kind.index()]
        .get_or_init(|| printpdf::ParsedFont::from_bytes(kind.bytes(), 0, &mut Vec::new()))
        .as_ref()
}

/// DejaVu's ascender and descender, in em (hhea: 1901 and 483 of 2048).
pub const ASCENT: f32 = 0.928;
/// See [`ASCENT`].
pub const DESCENT: f32 = 0.236;

/// The character drawn in place of one no face can show.
const REPLACEMENT: char = '\u{FFFD}';

/// Whether `kind` has a glyph for `c`. ASCII, most of any brief, is answered
/// from a table built once instead of a cmap search per character.
pub fn has_glyph(kind: FontKind, c: char) -> bool {
    static ASCII: [OnceLock<[bool; 128]>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let lookup = |c: char| face(kind).is_some_and(|f| f.face.glyph_index(c).is_some());
    if c.is_ascii() {
        let table = ASCII[kind.index()]
            .get_or_init(|| std::array::from_fn(|i| lookup(char::from(i as u8))));
        return table[c as usize];
    }
    lookup(c)
}

/// Width of `c` drawn in `kind` at `size` points, or `None` without a glyph.
pub fn char_width(kind: FontKind, c: char, size: f32) -> Option<f32> {
    face(kind)?.advance_1000(c).map(|w| w * size / 1000.0)
}

/// Width of `text` in `kind` at `size` points (characters are resolved first,
/// as they will be drawn).
pub fn text_width(kind: FontKind, text: &str, size: f32) -> f32 {
    text.chars()
        .filter_map(|c| resolve(kind, c))
        .map(|(k, c)| char_width(k, c, size).unwrap_or(0.0))
        .sum()
}

/// Characters that are not drawn at all: zero-width joiners, variation
/// selectors, soft hyphens, byte-order marks and the like.
pub fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{034F}'
        | '\u{061C}'
        | '\u{115F}'..='\u{1160}'
        | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFF8}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}'
    ) || c.is_control()
}

/// Whether some embedded face can show `c` (characters that are never drawn,
/// such as control characters and joiners, count as shown).
pub fn is_supported(c: char) -> bool {
    c.is_whitespace() || is_ignorable(c) || FontKind::ALL.iter().any(|&k| has_glyph(k, c))
}

/// How `c`, wanted in `kind`, is drawn: the face and character to use, or
/// `None` when it is not drawn at all. Falls back to another face that has
/// the glyph, then to U+FFFD (or `?`).
pub fn resolve(kind: FontKind, c: char) -> Option<(FontKind, char)> {
    if c == '\t' {
        return Some((kind, ' '));
    }
    if is_ignorable(c) {
        return None;
    }
    if has_glyph(kind, c) {
        return Some((kind, c));
    }
    if c.is_whitespace() {
        return Some((kind, ' '));
    }
    if let Some(&other) = FontKind::ALL.iter().find(|&&k| has_glyph(k, c)) {
        return Some((other, c));
    }
    if has_glyph(kind, REPLACEMENT) {
        Some((kind, REPLACEMENT))
    } else {
        Some((kind, '?'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_latin_greek_cyrillic_and_polish() {
        for c in "AzÄß€—–•ΔλЖщąęłńóśźż".chars() {
            assert!(has_glyph(FontKind::Regular, c), "{c}");
            assert!(has_glyph(FontKind::Bold, c), "{c}");
        }
        assert!(!is_supported('漢'));
        assert!(!is_supported('🎬'));
        assert!(is_supported('\u{200D}'));
    }

    #[test]
    fn widths_are_positive_and_bold_is_wider() {
        let r = text_width(FontKind::Regular, "Hello", 10.0);
        let b = text_width(FontKind::Bold, "Hello", 10.0);
        assert!(r > 20.0 && b > r, "{r} {b}");
    }

    #[test]
    fn missing_glyphs_resolve_to_a_replacement() {
        let (_, c) = resolve(FontKind::Bold, '漢').unwrap();
        assert!(c == REPLACEMENT || c == '?');
        assert_eq!(resolve(FontKind::Regular, '\u{FE0F}'), None);
    }
}
