//! Text in fallback faces run through a shaping engine (`rustybuzz`, the
//! Rust port of HarfBuzz): Arabic letters join, Devanagari and Thai
//! clusters form, combining marks sit on their base.
//!
//! Text is shaped twice: in logical order to measure the clusters line
//! breaking works with, and once per drawn piece, in the piece's direction,
//! for the glyphs and their positions.

use super::fonts::FallbackFace;
use std::collections::BTreeMap;
use std::ops::Range;

/// One glyph of a shaped piece, placed relative to the piece's start.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedGlyph {
    /// The glyph in the fallback face.
    pub gid: u16,
    /// Where its origin is, in points right of the piece's start.
    pub x: f32,
    /// How far above the baseline it is raised, in points (marks).
    pub y: f32,
    /// The characters it stands for, for copying text out of the PDF: a
    /// cluster's text on its first glyph, empty on the others. Right to
    /// left, a cluster of several characters (a lam-alef ligature) is given
    /// in visual order, as readers reverse the whole line.
    pub text: String,
}

fn shape(face: &FallbackFace, text: &str, rtl: Option<bool>) -> rustybuzz::GlyphBuffer {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    if let Some(rtl) = rtl {
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
    }
    rustybuzz::shape(&face.shaper, &[], buffer)
}

/// The clusters of `text` in logical order: the byte range of each and
/// its advance in em.
pub fn clusters(face: &FallbackFace, text: &str) -> Vec<(Range<usize>, f32)> {
    let shaped = shape(face, text, None);
    // Cluster values are byte offsets of the cluster's first character.
    let mut advances: BTreeMap<usize, i32> = BTreeMap::new();
    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        *advances.entry(info.cluster as usize).or_default() += pos.x_advance;
    }
    advances.insert(0, advances.get(&0).copied().unwrap_or(0));
    let starts: Vec<(usize, i32)> = advances
        .into_iter()
        .filter(|&(at, _)| text.is_char_boundary(at) && at < text.len())
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, &(at, advance))| {
            let end = starts.get(i + 1).map_or(text.len(), |&(next, _)| next);
            (at..end, advance as f32 / face.units_per_em)
        })
        .collect()
}

/// The glyphs of `text` drawn at `size` points, in visual order, shaped in
/// the given direction.
pub fn place(face: &FallbackFace, text: &str, rtl: bool, size: f32) -> Vec<PlacedGlyph> {
    let shaped = shape(face, text, Some(rtl));
    let scale = size / face.units_per_em;
    let mut pen = 0i32;
    let mut labelled: Vec<u32> = Vec::new();
    let infos = shaped.glyph_infos();
    // Each cluster's text ends where the next cluster (in logical order) starts.
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    infos
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| {
            let at = info.cluster as usize;
            let text = if labelled.contains(&info.cluster) {
                String::new()
            } else {
                labelled.push(info.cluster);
                let end = starts
                    .iter()
                    .find(|&&s| s > at)
                    .copied()
                    .unwrap_or(text.len());
                let cluster = text.get(at..end).unwrap_or("");
                if rtl {
                    cluster.chars().rev().collect()
                } else {
                    cluster.to_string()
                }
            };
            let glyph = PlacedGlyph {
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                x: (pen + pos.x_offset) as f32 * scale,
                y: pos.y_offset as f32 * scale,
                text,
            };
            pen += pos.x_advance;
            glyph
        })
        .collect()
}
