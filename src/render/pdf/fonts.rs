//! The faces text is drawn in: the embedded DejaVu Sans faces, and the
//! fallback faces a [`FontSource`] finds for characters DejaVu lacks;
//! loading, glyph coverage and text measuring.
//!
//! Fallback faces are looked up only when a character needs one, through
//! the source installed for the current render ([`use_source`]), and are
//! kept for the life of the process (a brief's fonts are few).
//!
//! The font files come from the `dejavu` crate, slimmed at compile time by
//! `build.rs` ([`super::lean`]), and are parsed at most once per process
//! (`OnceLock`): `ttf-parser` for
//! coverage and advances, printpdf's `ParsedFont` only when a PDF is built.
//! Widths are computed exactly the way a PDF viewer computes them from the
//! `/W` array printpdf writes (advance × 1000 / units-per-em, truncated), so
//! positions derived from our measurements match where the viewer's pen lands.

use crate::render::{FontFile, FontSource};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

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

    /// The core copy of [`FontKind::bytes`], made by `build.rs`.
    fn core_bytes(self) -> &'static [u8] {
        match self {
            FontKind::Regular => {
                include_bytes!(concat!(env!("OUT_DIR"), "/dejavu-sans-regular-core.ttf"))
            }
            FontKind::Bold => {
                include_bytes!(concat!(env!("OUT_DIR"), "/dejavu-sans-bold-core.ttf"))
            }
            FontKind::Oblique => {
                include_bytes!(concat!(env!("OUT_DIR"), "/dejavu-sans-oblique-core.ttf"))
            }
        }
    }
}

/// A parsed face with the numbers the layouter needs.
struct BuiltinFace {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl BuiltinFace {
    fn load(kind: FontKind) -> Option<BuiltinFace> {
        let face = ttf_parser::Face::parse(kind.bytes(), 0).ok()?;
        let units_per_em = f32::from(face.units_per_em().max(1));
        Some(BuiltinFace { face, units_per_em })
    }

    /// The advance of `c` in thousandths of an em, as the PDF's `/W` array has it.
    fn advance_1000(&self, c: char) -> Option<f32> {
        let gid = self.face.glyph_index(c)?;
        Some(scaled_advance(
            self.face.glyph_hor_advance(gid).unwrap_or(0),
            self.units_per_em,
        ))
    }
}

fn face(kind: FontKind) -> Option<&'static BuiltinFace> {
    static FACES: [OnceLock<Option<BuiltinFace>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    FACES[kind.index()]
        .get_or_init(|| BuiltinFace::load(kind))
        .as_ref()
}

/// printpdf's parsed form of `kind`, for embedding: the core copy when
/// `core` (every character drawn in the face is in it: see
/// [`super::core_chars`]), which is far cheaper to parse and subset, else
/// the full face. Both have the same glyph ids and advances.
pub fn parsed(kind: FontKind, core: bool) -> Option<&'static printpdf::ParsedFont> {
    static PARSED: [OnceLock<Option<printpdf::ParsedFont>>; 6] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let bytes = if core {
        kind.core_bytes()
    } else {
        kind.bytes()
    };
    PARSED[kind.index() * 2 + usize::from(core)]
        .get_or_init(|| printpdf::ParsedFont::from_bytes(bytes, 0, &mut Vec::new()))
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

/// Width of `c` drawn in `face` at `size` points, or `None` without a glyph.
pub fn char_width(face: Face, c: char, size: f32) -> Option<f32> {
    let w = match face {
        Face::Builtin(kind) if c.is_ascii() => {
            // ASCII, most of any brief, from a table built once per face.
            static ASCII: [OnceLock<[Option<f32>; 128]>; 3] =
                [OnceLock::new(), OnceLock::new(), OnceLock::new()];
            ASCII[kind.index()].get_or_init(|| {
                std::array::from_fn(|i| {
                    self::face(kind).and_then(|f| f.advance_1000(char::from(i as u8)))
                })
            })[c as usize]?
        }
        Face::Builtin(kind) => self::face(kind)?.advance_1000(c)?,
        Face::Fallback(id) => {
            let f = fallback_face(id)?;
            f.advance_1000(f.shaper.glyph_index(c)?.0)
        }
    };
    Some(w * size / 1000.0)
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

/// Whether some face can show `c`: a built-in one or a fallback the
/// current source finds (characters that are never drawn, such as control
/// characters and joiners, count as shown).
pub fn is_supported(c: char) -> bool {
    c.is_whitespace()
        || is_ignorable(c)
        || FontKind::ALL.iter().any(|&k| has_glyph(k, c))
        || fallback(c, false).is_some()
}

/// Scripts that need a shaping engine's font tables (joining, conjuncts,
/// reordered vowels), which the built-in faces are stripped of: their
/// characters are drawn in a fallback face whenever one is found.
pub fn needs_shaping(c: char) -> bool {
    matches!(u32::from(c),
        0x0600..=0x08FF      // Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic
        | 0x0900..=0x0DFF    // Devanagari … Sinhala
        | 0x0E00..=0x0FFF    // Thai, Lao, Tibetan
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0xA8E0..=0xA8FF    // Devanagari Extended
        | 0xFB50..=0xFDFF    // Arabic presentation forms A
        | 0xFE70..=0xFEFF    // Arabic presentation forms B
    ) && !is_ignorable(c)
}

/// What a character is drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// One of the embedded DejaVu faces.
    Builtin(FontKind),
    /// A fallback face found through the [`FontSource`], by its number in
    /// this process.
    Fallback(u16),
}

/// How `c`, wanted in `kind`, is drawn: the face and character to use, or
/// `None` when it is not drawn at all. Uses `kind` when it has the glyph
/// (unless the script needs shaping and a fallback face has it), then a
/// fallback face from the source, then another built-in face, then U+FFFD
/// (or `?`).
pub fn resolve(kind: FontKind, c: char) -> Option<(Face, char)> {
    if c == '\t' {
        return Some((Face::Builtin(kind), ' '));
    }
    if is_ignorable(c) {
        return None;
    }
    let shaping = needs_shaping(c);
    if !shaping && has_glyph(kind, c) {
        return Some((Face::Builtin(kind), c));
    }
    if c.is_whitespace() {
        return Some((Face::Builtin(kind), ' '));
    }
    if let Some(face) = fallback(c, kind == FontKind::Bold) {
        return Some((face, c));
    }
    if has_glyph(kind, c) {
        return Some((Face::Builtin(kind), c));
    }
    if let Some(&other) = FontKind::ALL.iter().find(|&&k| has_glyph(k, c)) {
        return Some((Face::Builtin(other), c));
    }
    if has_glyph(kind, REPLACEMENT) {
        Some((Face::Builtin(kind), REPLACEMENT))
    } else {
        Some((Face::Builtin(kind), '?'))
    }
}

/// A fallback face: a face of a font file the source found, parsed once.
pub struct FallbackFace {
    /// The file.
    pub file: FontFile,
    /// The face, for shaping, coverage and advances.
    pub shaper: rustybuzz::Face<'static>,
    /// Font units per em.
    pub units_per_em: f32,
    /// The PostScript name (or the key), for the PDF's font resource name.
    pub name: String,
    parsed: OnceLock<Option<printpdf::ParsedFont>>,
}

impl FallbackFace {
    /// printpdf's parsed form of the face, for embedding (parsed once).
    pub fn parsed(&self) -> Option<&printpdf::ParsedFont> {
        self.parsed
            .get_or_init(|| {
                printpdf::ParsedFont::from_bytes(
                    self.file.data,
                    self.file.index as usize,
                    &mut Vec::new(),
                )
            })
            .as_ref()
    }

    /// The advance of glyph `gid` in thousandths of an em, as the PDF's
    /// `/W` array has it.
    pub fn advance_1000(&self, gid: u16) -> f32 {
        scaled_advance(
            self.shaper
                .glyph_hor_advance(ttf_parser::GlyphId(gid))
                .unwrap_or(0),
            self.units_per_em,
        )
    }
}

/// An advance in font units as thousandths of an em, with the same
/// arithmetic (and truncation) as printpdf's `get_scaled_glyph_width`.
fn scaled_advance(advance: u16, units_per_em: f32) -> f32 {
    (f32::from(advance) * 1000.0 / units_per_em) as i64 as f32
}

/// Every fallback face this process has used, numbered in order of first use.
static FALLBACKS: RwLock<Vec<&'static FallbackFace>> = RwLock::new(Vec::new());

/// The fallback face numbered `id`.
pub fn fallback_face(id: u16) -> Option<&'static FallbackFace> {
    FALLBACKS
        .read()
        .ok()
        .and_then(|faces| faces.get(usize::from(id)).copied())
}

/// The number of `file`'s face, parsing it on first use; `None` when it is
/// not a font this can read.
fn register(file: FontFile) -> Option<Face> {
    let find = |faces: &[&FallbackFace]| {
        faces
            .iter()
            .position(|f| f.file.key == file.key)
            .and_then(|i| u16::try_from(i).ok())
    };
    if let Some(id) = FALLBACKS.read().ok().and_then(|faces| find(&faces)) {
        return Some(Face::Fallback(id));
    }
    let shaper = rustybuzz::Face::from_slice(file.data, file.index)?;
    let name = shaper
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .and_then(|n| n.to_string())
        .unwrap_or_else(|| file.key.to_string());
    let face = FallbackFace {
        file,
        units_per_em: shaper.units_per_em().max(1) as f32,
        shaper,
        name,
        parsed: OnceLock::new(),
    };
    let mut faces = FALLBACKS.write().ok()?;
    if let Some(id) = find(&faces) {
        return Some(Face::Fallback(id));
    }
    let id = u16::try_from(faces.len()).ok()?;
    faces.push(Box::leak(Box::new(face)));
    Some(Face::Fallback(id))
}

/// The font source of the render running on this thread, with what it
/// has answered so far.
struct Lookup {
    source: Arc<dyn FontSource>,
    language: String,
    found: HashMap<(char, bool), Option<Face>>,
    /// The fallback faces this render has used, in order, and whether bold.
    used: Vec<(Face, bool)>,
}

thread_local! {
    static LOOKUP: RefCell<Option<Lookup>> = const { RefCell::new(None) };
}

/// Restores the previous font source of the thread when dropped.
pub struct SourceGuard {
    previous: Option<Lookup>,
}

impl Drop for SourceGuard {
    fn drop(&mut self) {
        let previous = self.previous.take();
        LOOKUP.with(|l| *l.borrow_mut() = previous);
    }
}

/// Makes `source` the font source of everything measured and drawn on this
/// thread until the guard is dropped (`None`: built-in faces only).
/// Renders run on one thread each, so parallel renders never share one.
pub fn use_source(source: Option<Arc<dyn FontSource>>, language: &str) -> SourceGuard {
    let next = source.map(|source| Lookup {
        source,
        language: language.to_string(),
        found: HashMap::new(),
        used: Vec::new(),
    });
    let previous = LOOKUP.with(|l| std::mem::replace(&mut *l.borrow_mut(), next));
    SourceGuard { previous }
}

/// The fallback face for `c`: a face this render already uses when it has
/// the glyph (punctuation shared by several scripts stays in the face of
/// the text around it), else the one the current source finds. Decided
/// once per character and weight in a render.
fn fallback(c: char, bold: bool) -> Option<Face> {
    LOOKUP.with(|l| {
        let mut l = l.borrow_mut();
        let lookup = l.as_mut()?;
        if let Some(&face) = lookup.found.get(&(c, bold)) {
            return face;
        }
        let face = lookup
            .used
            .iter()
            .find(|&&(face, b)| b == bold && face_has_glyph(face, c))
            .map(|&(face, _)| face)
            .or_else(|| {
                lookup
                    .source
                    .find(c, bold, &lookup.language)
                    .and_then(register)
                    .filter(|&face| face_has_glyph(face, c))
            });
        if let Some(face) = face
            && !lookup.used.contains(&(face, bold))
        {
            lookup.used.push((face, bold));
        }
        lookup.found.insert((c, bold), face);
        face
    })
}

/// Whether `face` has a glyph for `c`.
fn face_has_glyph(face: Face, c: char) -> bool {
    match face {
        Face::Builtin(kind) => has_glyph(kind, c),
        Face::Fallback(id) => fallback_face(id).is_some_and(|f| f.shaper.glyph_index(c).is_some()),
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
