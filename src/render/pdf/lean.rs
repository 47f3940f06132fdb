//! A lean copy of a TrueType font for embedding: outlines, metrics and the
//! character map only.
//!
//! DejaVu carries hinting programs and per-glyph instructions, layout tables
//! (GSUB, GPOS, kern) this renderer never uses, 60 KB of glyph names and a
//! 15 KB name table with the full licence text. printpdf's subsetter copies
//! the name table and the hinting into every embedded subset, and everything
//! it copies is compressed on every render. Dropping them once per process
//! makes each PDF about half the size and each render markedly faster; glyph
//! shapes and advances are unchanged (viewers do not depend on TrueType
//! hints for PDF text).

use std::collections::BTreeMap;

/// Tables kept (besides the rebuilt `glyf`, `loca`, `name` and `post`).
const KEEP: [&[u8; 4]; 6] = [b"OS/2", b"cmap", b"head", b"hhea", b"hmtx", b"maxp"];

/// Name records kept: copyright, family, subfamily, unique id, full name,
/// version, PostScript name, licence URL.
const KEEP_NAMES: [u16; 8] = [0, 1, 2, 3, 4, 5, 6, 14];

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The lean font, or `None` when `font` is not a TrueType font this
/// understands (the caller then embeds the original).
pub fn lean(font: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(font, 4)?);
    let mut tables: BTreeMap<[u8; 4], &[u8]> = BTreeMap::new();
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
        let offset = u32_at(font, record + 8)? as usize;
        let length = u32_at(font, record + 12)? as usize;
        tables.insert(tag, font.get(offset..offset.checked_add(length)?)?);
    }

    let head = *tables.get(b"head")?;
    let maxp = *tables.get(b"maxp")?;
    let num_glyphs = usize::from(u16_at(maxp, 4)?);
    let long_loca = u16_at(head, 50)? == 1;
    let (glyf, loca) = strip_instructions(
        tables.get(b"glyf")?,
        tables.get(b"loca")?,
        num_glyphs,
        long_loca,
    )?;

    let mut out: BTreeMap<[u8; 4], Vec<u8>> = BTreeMap::new();
    for tag in KEEP {
        out.insert(*tag, tables.get(tag)?.to_vec());
    }
    out.insert(*b"glyf", glyf);
    out.insert(*b"loca", loca);
    out.insert(*b"name", lean_names(tables.get(b"name")?)?);
    // post version 3: the same header, no glyph names.
    let mut post = tables.get(b"post")?.get(..32)?.to_vec();
    post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    out.insert(*b"post", post);
    let head = out.get_mut(b"head")?;
    head.get_mut(8..12)?.copy_from_slice(&[0; 4]);
    head.get_mut(50..52)?.copy_from_slice(&1u16.to_be_bytes());
    // No instructions are left.
    if let Some(max) = out.get_mut(b"maxp")?.get_mut(26..28) {
        max.copy_from_slice(&[0, 0]);
    }

    Some(assemble(&out))
}

/// A subset of the lean font `font` with only the glyphs of the characters
/// `keep` accepts (with the glyphs their composites are built from, and
/// `.notdef`), renumbered, with a character map for just those characters.
/// Advances are unchanged, so text measured with the full font is drawn
/// the same with this one: it is only much cheaper to parse and subset,
/// and is only embedded for text it has every character of.
pub fn core(font: &[u8], keep: impl Fn(char) -> bool) -> Option<Vec<u8>> {
    let face = ttf_parser::Face::parse(font, 0).ok()?;
    let mut chars: BTreeMap<u32, u16> = BTreeMap::new();
    for subtable in face.tables().cmap?.subtables {
        if !subtable.is_unicode() {
            continue;
        }
        subtable.codepoints(|cp| {
            if cp <= 0xFFFF
                && char::from_u32(cp).is_some_and(&keep)
                && let Some(gid) = subtable.glyph_index(cp)
            {
                chars.insert(cp, gid.0);
            }
        });
    }
    let mut tables: BTreeMap<[u8; 4], Vec<u8>> = BTreeMap::new();
    for i in 0..usize::from(u16_at(font, 4)?) {
        let record = 12 + 16 * i;
        let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
        let offset = u32_at(font, record + 8)? as usize;
        let length = u32_at(font, record + 12)? as usize;
        tables.insert(tag, font.get(offset..offset.checked_add(length)?)?.to_vec());
    }
    // The lean font's `loca` is long (see `lean`).
    let glyf = tables.get(b"glyf")?.clone();
    let loca = tables.get(b"loca")?.clone();
    let glyph = |gid: u16| -> Option<&[u8]> {
        let at = 4 * usize::from(gid);
        glyf.get(u32_at(&loca, at)? as usize..u32_at(&loca, at + 4)? as usize)
    };
    // Each composite's components, and the offsets of their glyph ids.
    let components = |data: &[u8]| -> Option<Vec<(usize, u16)>> {
        let mut found = Vec::new();
        if data.is_empty() || (u16_at(data, 0)? as i16) >= 0 {
            return Some(found);
        }
        let mut at = 10;
        loop {
            let flags = u16_at(data, at)?;
            found.push((at + 2, u16_at(data, at + 2)?));
            at += 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
            at += if flags & 0x0008 != 0 {
                2
            } else if flags & 0x0040 != 0 {
                4
            } else if flags & 0x0080 != 0 {
                8
            } else {
                0
            };
            if flags & 0x0020 == 0 {
                return Some(found);
            }
        }
    };
    let mut kept: std::collections::BTreeSet<u16> = chars.values().copied().collect();
    kept.insert(0);
    let mut pending: Vec<u16> = kept.iter().copied().collect();
    while let Some(gid) = pending.pop() {
        for (_, component) in components(glyph(gid)?)? {
            if kept.insert(component) {
                pending.push(component);
            }
        }
    }
    let order: Vec<u16> = kept.into_iter().collect();
    let new_id = |old: u16| {
        order
            .binary_search(&old)
            .ok()
            .and_then(|i| u16::try_from(i).ok())
    };

    // glyf and loca, with components renumbered.
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (order.len() + 1));
    for &old in &order {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let data = glyph(old)?;
        let at = new_glyf.len();
        new_glyf.extend_from_slice(data);
        for (offset, component) in components(data)? {
            new_glyf
                .get_mut(at + offset..at + offset + 2)?
                .copy_from_slice(&new_id(component)?.to_be_bytes());
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    // hmtx: a full metric for every kept glyph.
    let hmtx = tables.get(b"hmtx")?.clone();
    let metrics = usize::from(u16_at(tables.get(b"hhea")?, 34)?).max(1);
    let mut new_hmtx = Vec::with_capacity(4 * order.len());
    for &old in &order {
        let old = usize::from(old);
        let advance = u16_at(&hmtx, 4 * old.min(metrics - 1))?;
        let lsb = if old < metrics {
            u16_at(&hmtx, 4 * old + 2)?
        } else {
            u16_at(&hmtx, 4 * metrics + 2 * (old - metrics))?
        };
        new_hmtx.extend_from_slice(&advance.to_be_bytes());
        new_hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    let count = u16::try_from(order.len()).ok()?;
    tables
        .get_mut(b"hhea")?
        .get_mut(34..36)?
        .copy_from_slice(&count.to_be_bytes());
    tables
        .get_mut(b"maxp")?
        .get_mut(4..6)?
        .copy_from_slice(&count.to_be_bytes());

    // cmap: one format 4 subtable (a segment per run of characters whose
    // glyph ids run alongside), for the Unicode and the Windows Unicode BMP
    // encodings.
    let mut segments: Vec<(u16, u16, u16)> = Vec::new(); // start, end, delta
    for (&cp, &old) in &chars {
        let (Ok(c), Some(gid)) = (u16::try_from(cp), new_id(old)) else {
            continue;
        };
        let delta = gid.wrapping_sub(c);
        match segments.last_mut() {
            Some(last) if last.1.wrapping_add(1) == c && last.2 == delta => last.1 = c,
            _ => segments.push((c, c, delta)),
        }
    }
    segments.push((0xFFFF, 0xFFFF, 1));
    let seg_count = u16::try_from(segments.len()).ok()?;
    let search_range = 2 * (1u16 << (15 - seg_count.leading_zeros() as u16).min(15));
    let entry_selector = (search_range / 2).trailing_zeros() as u16;
    let mut sub = Vec::new();
    let length = u16::try_from(16 + 8 * segments.len()).ok()?;
    for v in [4, length, 0, 2 * seg_count, search_range, entry_selector] {
        sub.extend_from_slice(&v.to_be_bytes());
    }
    sub.extend_from_slice(&(2 * seg_count).wrapping_sub(search_range).to_be_bytes());
    for &(_, end, _) in &segments {
        sub.extend_from_slice(&end.to_be_bytes());
    }
    sub.extend_from_slice(&[0, 0]);
    for &(start, _, _) in &segments {
        sub.extend_from_slice(&start.to_be_bytes());
    }
    for &(_, _, delta) in &segments {
        sub.extend_from_slice(&delta.to_be_bytes());
    }
    for _ in &segments {
        sub.extend_from_slice(&[0, 0]);
    }
    let mut cmap = Vec::new();
    for v in [0u16, 2, 0, 3] {
        cmap.extend_from_slice(&v.to_be_bytes());
    }
    cmap.extend_from_slice(&20u32.to_be_bytes());
    for v in [3u16, 1] {
        cmap.extend_from_slice(&v.to_be_bytes());
    }
    cmap.extend_from_slice(&20u32.to_be_bytes());
    cmap.extend_from_slice(&sub);

    tables.insert(*b"glyf", new_glyf);
    tables.insert(*b"loca", new_loca);
    tables.insert(*b"hmtx", new_hmtx);
    tables.insert(*b"cmap", cmap);
    Some(assemble(&tables))
}

/// `glyf` without hinting instructions, and a long-format `loca` for it.
fn strip_instructions(
    glyf: &[u8],
    loca: &[u8],
    num_glyphs: usize,
    long_loca: bool,
) -> Option<(Vec<u8>, Vec<u8>)> {
    let offset = |i: usize| -> Option<usize> {
        if long_loca {
            u32_at(loca, 4 * i).map(|v| v as usize)
        } else {
            u16_at(loca, 2 * i).map(|v| 2 * usize::from(v))
        }
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (num_glyphs + 1));
    for i in 0..num_glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let (start, end) = (offset(i)?, offset(i + 1)?);
        if end <= start {
            continue;
        }
        let data = glyf.get(start..end)?;
        let at = new_glyf.len();
        if strip_glyph(data, &mut new_glyf).is_none() {
            // Not understood: keep the glyph as it was.
            new_glyf.truncate(at);
            new_glyf.extend_from_slice(data);
        }
        while new_glyf.len() % 4 != 0 {
            new_glyf.push(0);
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    Some((new_glyf, new_loca))
}

/// Appends one glyph without its instructions to `out`.
fn strip_glyph(data: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let contours = u16_at(data, 0)? as i16;
    if contours >= 0 {
        let at = 10 + 2 * contours as usize;
        let length = usize::from(u16_at(data, at)?);
        let rest = data.get(at + 2 + length..)?;
        out.extend_from_slice(data.get(..at)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
        return Some(());
    }
    // A composite: copy the components, clearing WE_HAVE_INSTRUCTIONS, and
    // drop the instructions after the last one.
    out.extend_from_slice(data.get(..10)?);
    let mut at = 10;
    loop {
        let flags = u16_at(data, at)?;
        let mut len = 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
        len += if flags & 0x0008 != 0 {
            2
        } else if flags & 0x0040 != 0 {
            4
        } else if flags & 0x0080 != 0 {
            8
        } else {
            0
        };
        let component = data.get(at..at + len)?;
        out.extend_from_slice(&(flags & !0x0100).to_be_bytes());
        out.extend_from_slice(&component[2..]);
        at += len;
        if flags & 0x0020 == 0 {
            return Some(());
        }
    }
}

/// A `name` table with only the records in [`KEEP_NAMES`].
fn lean_names(name: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(name, 2)?);
    let storage = usize::from(u16_at(name, 4)?);
    let mut records = Vec::new();
    for i in 0..count {
        let r = 6 + 12 * i;
        let id = u16_at(name, r + 6)?;
        if !KEEP_NAMES.contains(&id) {
            continue;
        }
        let length = usize::from(u16_at(name, r + 8)?);
        let offset = usize::from(u16_at(name, r + 10)?);
        let text = name.get(storage + offset..storage + offset + length)?;
        records.push((name.get(r..r + 8)?, text));
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&(records.len() as u16).to_be_bytes());
    out.extend_from_slice(&((6 + 12 * records.len()) as u16).to_be_bytes());
    let mut strings = Vec::new();
    for (head, text) in &records {
        out.extend_from_slice(head);
        out.extend_from_slice(&(text.len() as u16).to_be_bytes());
        out.extend_from_slice(&(strings.len() as u16).to_be_bytes());
        strings.extend_from_slice(text);
    }
    out.extend_from_slice(&strings);
    Some(out)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// Writes an sfnt from its tables (sorted by tag), with checksums.
fn assemble(tables: &BTreeMap<[u8; 4], Vec<u8>>) -> Vec<u8> {
    let count = tables.len() as u16;
    let entry_selector = 15 - count.leading_zeros() as u16;
    let search_range = 16u16 << entry_selector;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&entry_selector.to_be_bytes());
    out.extend_from_slice(&(count * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for data in tables.values() {
        out.extend_from_slice(data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_copy_draws_its_characters_as_the_full_font_does() {
        let full = lean(dejavu::sans::regular()).unwrap();
        let core = core(&full, super::super::core_chars::in_core).expect("a core copy");
        let a = ttf_parser::Face::parse(&full, 0).unwrap();
        let b = ttf_parser::Face::parse(&core, 0).expect("the core copy is a valid font");
        assert!(b.number_of_glyphs() < a.number_of_glyphs() / 2);
        // Composites (é, Ё) keep their components, renumbered.
        for c in "Aé€ЁλąW?—•✓\u{FFFD}".chars() {
            let (ga, gb) = (a.glyph_index(c).unwrap(), b.glyph_index(c).expect("mapped"));
            assert_eq!(a.glyph_hor_advance(ga), b.glyph_hor_advance(gb), "{c}");
            assert_eq!(a.glyph_bounding_box(ga), b.glyph_bounding_box(gb), "{c}");
        }
        // Characters outside the core are not there at all.
        assert!(b.glyph_index('ש').is_none() && b.glyph_index('ა').is_none());
    }

    #[test]
    fn lean_dejavu_keeps_glyphs_and_advances() {
        let original = dejavu::sans::bold();
        let lean = lean(original).expect("DejaVu is a TrueType font");
        assert!(lean.len() < original.len() * 4 / 5, "{}", lean.len());
        let a = ttf_parser::Face::parse(original, 0).unwrap();
        let b = ttf_parser::Face::parse(&lean, 0).unwrap();
        assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
        for c in "Aé€ЖλąW?".chars() {
            let (ga, gb) = (a.glyph_index(c).unwrap(), b.glyph_index(c).unwrap());
            assert_eq!(ga, gb);
            assert_eq!(a.glyph_hor_advance(ga), b.glyph_hor_advance(gb));
            assert_eq!(a.glyph_bounding_box(ga), b.glyph_bounding_box(gb), "{c}");
        }
        // 'é' in DejaVu is a composite glyph.
        let gid = b.glyph_index('é').unwrap();
        struct Count(usize);
        impl ttf_parser::OutlineBuilder for Count {
            fn move_to(&mut self, _: f32, _: f32) {
                self.0 += 1
            }
            fn line_to(&mut self, _: f32, _: f32) {
                self.0 += 1
            }
            fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {
                self.0 += 1
            }
            fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {
                self.0 += 1
            }
            fn close(&mut self) {}
        }
        let (mut ca, mut cb) = (Count(0), Count(0));
        a.outline_glyph(gid, &mut ca);
        b.outline_glyph(gid, &mut cb);
        assert_eq!(ca.0, cb.0);
        assert!(cb.0 > 0);
    }
}
