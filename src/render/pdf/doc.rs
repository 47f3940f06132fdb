//! printpdf assembly: laid-out pages → PDF bytes, deterministically.
//!
//! printpdf 0.12.8 names fonts, subset tags and the trailer `/ID` from a
//! process-global counter, so the Nth PDF a process builds would differ from
//! a lone build. Here every font is registered under an id derived from the
//! face and the characters drawn with it (its first six letters become the
//! subset tag), and the two `/ID` strings are overwritten with a hash of the
//! file's content (same length, so the xref stays valid). Dates come from
//! the caller's timestamp.

use super::fonts::{self, Face, FontKind};
use super::layout::{Item, Page, Rgb, Shape};
use printpdf::{
    Actions, BorderArray, Color, ColorArray, FontId, HighlightingMode, Line, LinePoint,
    LinkAnnotation, Mm, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, RawImage, Rect, TextItem, TextMatrix, XObject, XObjectId,
    XObjectTransform,
};
use std::collections::{BTreeMap, BTreeSet};

/// Document information.
pub struct Meta<'a> {
    /// The brief's title.
    pub title: &'a str,
    /// Who the document is from (the brand), may be empty.
    pub author: &'a str,
    /// The generator, e.g. `briefc 0.1.0`.
    pub creator: &'a str,
    /// Seconds since the Unix epoch, for every date in the file.
    pub timestamp: i64,
    /// The brand logo, drawn wherever a page has an [`Item::Image`];
    /// embedded once, under a fixed name.
    pub logo: Option<&'a RawImage>,
    /// The document's language (BCP 47), for the catalog's `/Lang`.
    pub language: &'a str,
}

/// The resource name of the logo: fixed, so the bytes are deterministic.
const LOGO_ID: &str = "Logo";

/// Builds the PDF for `pages` of `size_mm` (width, height).
pub fn build(pages: &[Page], size_mm: (f32, f32), meta: &Meta) -> Result<Vec<u8>, String> {
    let page_height = size_mm.1 * 72.0 / 25.4;

    // Which characters each face draws; only used faces are embedded.
    let mut used: [BTreeSet<char>; 3] = Default::default();
    let mut used_fallback: BTreeMap<u16, BTreeSet<u16>> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            match item {
                Item::Text { font, text, .. } => used[font.index()].extend(text.chars()),
                Item::Glyphs { face, glyphs, .. } => used_fallback
                    .entry(*face)
                    .or_default()
                    .extend(glyphs.iter().map(|g| g.0)),
                _ => {}
            }
        }
    }

    let mut doc = PdfDocument::new(meta.title);
    let draws_logo = pages
        .iter()
        .any(|p| p.items.iter().any(|i| matches!(i, Item::Image { .. })));
    if let (true, Some(logo)) = (draws_logo, meta.logo) {
        doc.resources
            .xobjects
            .map
            .insert(XObjectId(LOGO_ID.into()), XObject::Image(logo.clone()));
    }
    let mut ids: [Option<FontId>; 3] = Default::default();
    for kind in FontKind::ALL {
        let chars = &used[kind.index()];
        if chars.is_empty() {
            continue;
        }
        let core = chars.iter().all(|&c| super::core_chars::in_core(c));
        let parsed =
            fonts::parsed(kind, core).ok_or("the embedded DejaVu font could not be loaded")?;
        let id = font_id(kind, chars);
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed.clone()));
        ids[kind.index()] = Some(id);
    }
    let mut fallback_ids: BTreeMap<u16, FontId> = BTreeMap::new();
    for (&face, gids) in &used_fallback {
        let fallback = fonts::fallback_face(face).ok_or("a fallback font went missing")?;
        let parsed = fallback.parsed().ok_or_else(|| {
            format!(
                "the font `{}` could not be read for embedding",
                fallback.file.key
            )
        })?;
        let id = fallback_font_id(&fallback.name, gids);
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed.clone()));
        fallback_ids.insert(face, id);
    }
    let ids = FontIds {
        builtin: ids,
        fallback: fallback_ids,
    };

    let pdf_pages = pages
        .iter()
        .map(|page| {
            PdfPage::new(
                Mm(size_mm.0),
                Mm(size_mm.1),
                page_ops(page, page_height, &ids),
            )
        })
        .collect();
    doc.with_pages(pdf_pages);

    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.timestamp)
        .or_else(|_| printpdf::OffsetDateTime::from_unix_timestamp(0))
        .map_err(|e| e.to_string())?;
    let info = &mut doc.metadata.info;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.author = meta.author.to_string();
    info.creator = meta.creator.to_string();
    info.producer = format!("{} (printpdf)", meta.creator);
    info.subject = "Video brief".to_string();

    let options = PdfSaveOptions {
        // Compressed below, at the default level rather than lopdf's best.
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lopdf = doc.to_lopdf_document(&options, &mut warnings);
    compress(&mut lopdf);
    if !meta.language.is_empty()
        && let Ok(catalog) = lopdf.catalog_mut()
    {
        catalog.set(
            "Lang",
            lopdf::Object::String(
                meta.language.as_bytes().to_vec(),
                lopdf::StringFormat::Literal,
            ),
        );
    }
    let mut bytes = Vec::new();
    lopdf
        .save_to(&mut bytes)
        .map_err(|e| format!("the PDF could not be written: {e}"))?;
    if bytes.is_empty() {
        return Err("printpdf produced an empty file".into());
    }
    set_document_id(&mut bytes)?;
    Ok(bytes)
}

/// Deflates every stream not yet filtered, at zlib's default level (6):
/// within a few percent of level 9 in size, at a fraction of the time. One
/// compressor is reset between streams instead of set up for each.
fn compress(doc: &mut lopdf::Document) {
    let mut deflate = flate2::Compress::new(flate2::Compression::default(), true);
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() || !stream.allows_compression {
            continue;
        }
        deflate.reset();
        // zlib's bound for one call: the input, plus 5 bytes per 16 KB
        // block and the header and checksum.
        let mut out = Vec::with_capacity(stream.content.len() + stream.content.len() / 1000 + 64);
        let done = deflate.compress_vec(&stream.content, &mut out, flate2::FlushCompress::Finish);
        if !matches!(done, Ok(flate2::Status::StreamEnd)) {
            continue;
        }
        if out.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(out);
        }
    }
}

/// A font resource name from the face and the characters drawn with it:
/// six capitals (the subset tag) and the face's letter.
fn font_id(kind: FontKind, chars: &BTreeSet<char>) -> FontId {
    let mut data = String::from(kind.letter());
    data.extend(chars.iter());
    let hash = crate::hash::fnv1a64(data.as_bytes(), crate::hash::FNV_OFFSET);
    FontId(format!("{}{}", tag_letters(hash), kind.letter()))
}

/// Six capitals from `hash`, as a subset tag is written.
fn tag_letters(hash: u64) -> String {
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 10)) % 26) as u8))
        .collect()
}

/// A fallback face's resource name: a subset tag from the face and the
/// glyphs drawn with it, and letters from the face's name.
fn fallback_font_id(name: &str, gids: &BTreeSet<u16>) -> FontId {
    let mut data: Vec<u8> = name.as_bytes().to_vec();
    for gid in gids {
        data.extend(gid.to_be_bytes());
    }
    let hash = crate::hash::fnv1a64(&data, crate::hash::FNV_OFFSET);
    let of_name = crate::hash::fnv1a64(name.as_bytes(), crate::hash::FNV_OFFSET);
    FontId(format!("{}F{}", tag_letters(hash), tag_letters(of_name)))
}

/// The resource names of the fonts a document embeds.
struct FontIds {
    builtin: [Option<FontId>; 3],
    fallback: BTreeMap<u16, FontId>,
}

impl FontIds {
    fn get(&self, face: Face) -> Option<&FontId> {
        match face {
            Face::Builtin(kind) => self.builtin[kind.index()].as_ref(),
            Face::Fallback(id) => self.fallback.get(&id),
        }
    }
}

/// The `ShowText` of shaped glyphs placed `dx` points apart: each glyph
/// followed by the kern that moves the pen from where the PDF viewer puts
/// it (the glyph's `/W` width) to where the next glyph belongs.
fn glyph_run(face: u16, size: f32, glyphs: &[(u16, f32, String)]) -> Vec<printpdf::Codepoint> {
    let advance = |gid: u16| fonts::fallback_face(face).map_or(0.0, |f| f.advance_1000(gid));
    glyphs
        .iter()
        .enumerate()
        .map(|(i, (gid, dx, text))| {
            let offset = match glyphs.get(i + 1) {
                Some((_, next, _)) if size > 0.0 => {
                    let kern = advance(*gid) - (next - dx) * 1000.0 / size;
                    (kern * 100.0).round() / 100.0
                }
                _ => 0.0,
            };
            printpdf::Codepoint {
                gid: *gid,
                offset,
                cid: Some(text.clone()),
            }
        })
        .collect()
}

/// Rounds to hundredths of a point: plenty for print, and smaller streams.
fn r(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c[0].clamp(0.0, 1.0),
        g: c[1].clamp(0.0, 1.0),
        b: c[2].clamp(0.0, 1.0),
        icc_profile: None,
    })
}

/// The content stream of one page: graphics first, then all text in reading order.
fn page_ops(page: &Page, page_height: f32, ids: &FontIds) -> Vec<Op> {
    let flip = |y: f32| r(page_height - y);
    let mut ops = Vec::new();
    let mut fill: Option<Rgb> = None;
    let mut stroke: Option<(Rgb, f32)> = None;

    for item in &page.items {
        match item {
            Item::Shape(Shape::Fill {
                x,
                y,
                w,
                h,
                color: c,
            }) => {
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    fill = Some(*c);
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(r(*x)),
                        y: Pt(flip(y + h)),
                        width: Pt(r(*w)),
                        height: Pt(r(*h)),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
            Item::Shape(Shape::Path {
                points,
                closed,
                color: c,
                width,
            }) => {
                if points.len() < 2 {
                    continue;
                }
                if stroke != Some((*c, *width)) {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    stroke = Some((*c, *width));
                }
                ops.push(Op::DrawLine {
                    line: Line {
                        points: points
                            .iter()
                            .map(|&(px, py)| LinePoint {
                                p: Point {
                                    x: Pt(r(px)),
                                    y: Pt(flip(py)),
                                },
                                bezier: false,
                            })
                            .collect(),
                        is_closed: *closed,
                    },
                });
            }
            Item::Image { x, y, w, h } => {
                // The unit square scaled to the drawn size, its bottom-left
                // corner moved into place (PDF y grows upwards).
                ops.push(Op::UseXobject {
                    id: XObjectId(LOGO_ID.into()),
                    transform: XObjectTransform {
                        translate_x: Some(Pt(r(*x))),
                        translate_y: Some(Pt(flip(y + h))),
                        scale_x: Some(r(*w)),
                        scale_y: Some(r(*h)),
                        no_auto_scale: true,
                        ..XObjectTransform::default()
                    },
                });
            }
            Item::Link { x, y, w, h, uri } => {
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect {
                            x: Pt(r(*x)),
                            y: Pt(flip(y + h)),
                            width: Pt(r(*w)),
                            height: Pt(r(*h)),
                            mode: None,
                            winding_order: None,
                        },
                        Actions::Uri(ascii_uri(uri)),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        Some(HighlightingMode::Invert),
                    ),
                });
            }
            Item::Text { .. } | Item::Glyphs { .. } => {}
        }
    }

    ops.push(Op::StartTextSection);
    let mut font: Option<(Face, f32)> = None;
    for item in &page.items {
        let (x, y, face, size, c, shown, actual) = match item {
            Item::Text {
                x,
                y,
                font,
                size,
                color,
                text,
            } => (
                x,
                y,
                Face::Builtin(*font),
                size,
                color,
                TextItem::Text(text.clone()),
                None,
            ),
            Item::Glyphs {
                x,
                y,
                face,
                size,
                color,
                glyphs,
                text,
            } => (
                x,
                y,
                Face::Fallback(*face),
                size,
                color,
                TextItem::GlyphIds(glyph_run(*face, *size, glyphs)),
                text.as_ref(),
            ),
            _ => continue,
        };
        let Some(id) = ids.get(face) else {
            continue;
        };
        if font != Some((face, *size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(*size),
            });
            font = Some((face, *size));
        }
        if fill != Some(*c) {
            ops.push(Op::SetFillColor { col: color(*c) });
            fill = Some(*c);
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(r(*x)), Pt(flip(*y))),
        });
        // Shaped text reads back as its characters in logical order (a
        // glyph may stand for several characters, or be drawn before the
        // character it follows, as Devanagari's short i is).
        if let Some(text) = actual {
            ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Span".into(),
                properties: printpdf::DictItem::Dict {
                    map: [("ActualText".to_string(), pdf_text_string(text))].into(),
                },
            });
        }
        ops.push(Op::ShowText { items: vec![shown] });
        if actual.is_some() {
            ops.push(Op::EndMarkedContent);
        }
    }
    ops.push(Op::EndTextSection);
    ops
}

/// A PDF text string: UTF-16BE with a byte-order mark, written in hex.
fn pdf_text_string(text: &str) -> printpdf::DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend(unit.to_be_bytes());
    }
    printpdf::DictItem::String {
        data,
        literal: false,
    }
}

/// A URI as PDF wants it: 7-bit ASCII, other bytes percent-encoded.
fn ascii_uri(uri: &str) -> String {
    let mut out = String::with_capacity(uri.len());
    for b in uri.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Replaces the two 32-character strings of the trailer's `/ID` with a hash
/// of everything before the trailer.
fn set_document_id(bytes: &mut [u8]) -> Result<(), String> {
    let trailer = rfind(bytes, b"trailer").ok_or("the PDF has no trailer")?;
    let id_at = find(&bytes[trailer..], b"/ID")
        .map(|i| trailer + i)
        .ok_or("the PDF trailer has no /ID")?;
    let hash = crate::hash::content_hash(&bytes[..trailer]);
    let mut at = id_at;
    for _ in 0..2 {
        let open = find(&bytes[at..], b"(")
            .map(|i| at + i + 1)
            .ok_or("unexpected /ID in the PDF trailer")?;
        let close = find(&bytes[open..], b")")
            .map(|i| open + i)
            .ok_or("unexpected /ID in the PDF trailer")?;
        if close - open != hash.len() {
            return Err("unexpected /ID length in the PDF trailer".into());
        }
        bytes[open..close].copy_from_slice(hash.as_bytes());
        at = close + 1;
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_ids_are_stable_and_tell_faces_apart() {
        let chars: BTreeSet<char> = "Hello".chars().collect();
        let a = font_id(FontKind::Regular, &chars);
        assert_eq!(a, font_id(FontKind::Regular, &chars));
        assert_ne!(a, font_id(FontKind::Bold, &chars));
        assert_eq!(a.0.len(), 7);
        assert!(a.0[..6].bytes().all(|b| b.is_ascii_uppercase()));
    }

    #[test]
    fn uris_are_ascii() {
        assert_eq!(ascii_uri("https://a.example/ü"), "https://a.example/%C3%BC");
    }

    #[test]
    fn replaces_the_trailer_id() {
        let mut pdf = b"%PDF body\ntrailer\n<</ID[(AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA)(BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB)]>>".to_vec();
        set_document_id(&mut pdf).unwrap();
        let text = String::from_utf8(pdf).unwrap();
        let hash = crate::hash::content_hash(b"%PDF body\n");
        assert!(text.contains(&format!("[({hash})({hash})]")), "{text}");
    }
}
