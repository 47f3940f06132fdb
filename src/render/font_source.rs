//! Fonts beyond the built-in DejaVu faces: the PDF asks a [`FontSource`]
//! for a font only when a character needs one.
//!
//! The library does no I/O, so it does not search font folders itself: the
//! front-end passes a source (the CLI's looks in the `fonts:` folder of
//! `briefc.yaml` and the fonts installed on the machine). A source must
//! answer the same query the same way every time, so that the same brief
//! always gives the same bytes.

/// One face of a font file, found by a [`FontSource`].
#[derive(Clone, Copy, Debug)]
pub struct FontFile {
    /// What tells this face apart from every other: its path and index.
    pub key: &'static str,
    /// The whole file (a collection holds several faces).
    pub data: &'static [u8],
    /// The face's index in the file (0 unless it is a collection).
    pub index: u32,
}

/// Where the PDF renderer finds fonts for characters DejaVu Sans lacks.
pub trait FontSource: Send + Sync + std::fmt::Debug {
    /// A face that has a glyph for `c`, bold when `bold` and a bold face
    /// exists. `language` (a BCP 47 tag or "") picks among faces that draw
    /// the same character differently, as Chinese and Japanese do.
    fn find(&self, c: char, bold: bool, language: &str) -> Option<FontFile>;
}
