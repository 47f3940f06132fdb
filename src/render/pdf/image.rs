//! The brand logo as a PDF image: PNG and JPEG files decoded to pixels
//! (the `png` and `jpeg-decoder` crates), which printpdf embeds once as an
//! image XObject, compressed with Flate and with its alpha channel as a soft
//! mask. SVG, GIF and WebP logos are shown in the HTML only: the PDF would
//! need a renderer for them, and the CLI says so when it builds a PDF.

use crate::render::Logo;
use printpdf::{RawImage, RawImageData, RawImageFormat};

/// The logo's height on the page, in points (about 9 mm): fixed, so logos of
/// any resolution look alike; the width follows the aspect ratio.
pub const LOGO_HEIGHT: f32 = 26.0;

/// The widest a logo may be, in points, however wide its aspect ratio.
pub const LOGO_MAX_WIDTH: f32 = 170.0;

/// Pixels beyond which a logo is refused (a 4096 × 4096 image): a logo that
/// large is a mistake, and decoding it would cost memory for nothing.
const MAX_PIXELS: u64 = 4096 * 4096;

/// A decoded logo.
#[derive(Clone, Debug)]
pub struct Image {
    /// The pixels printpdf embeds.
    pub raw: RawImage,
}

impl Image {
    /// The size drawn on the page: [`LOGO_HEIGHT`] high, capped at
    /// [`LOGO_MAX_WIDTH`] wide (then less high), in points.
    pub fn drawn_size(&self) -> (f32, f32) {
        let (w, h) = (self.raw.width.max(1) as f32, self.raw.height.max(1) as f32);
        let width = LOGO_HEIGHT * w / h;
        if width <= LOGO_MAX_WIDTH {
            (width, LOGO_HEIGHT)
        } else {
            (LOGO_MAX_WIDTH, LOGO_MAX_WIDTH * h / w)
        }
    }
}

/// Decodes a PNG or JPEG logo; `Ok(None)` for the types the PDF does not
/// show; `Err` with the reason for a file that is not what it claims.
pub fn decode(logo: &Logo) -> Result<Option<Image>, String> {
    let raw = match logo.mime {
        "image/png" => png(&logo.bytes),
        "image/jpeg" => jpeg(&logo.bytes),
        _ => return Ok(None),
    }?;
    Ok(Some(Image { raw }))
}

fn too_large(width: usize, height: usize) -> Result<(), String> {
    if width == 0 || height == 0 {
        return Err("the brand logo has no pixels".into());
    }
    if width as u64 * height as u64 > MAX_PIXELS {
        return Err(format!(
            "the brand logo is {width} × {height} pixels; the PDF takes logos up to 4096 × 4096"
        ));
    }
    Ok(())
}

fn png(bytes: &[u8]) -> Result<RawImage, String> {
    let bad = |e: png::DecodingError| format!("the brand logo is not a readable PNG file: {e}");
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    // Palettes and low bit depths expanded, 16 bits cut to 8: 8-bit gray,
    // gray + alpha, RGB or RGBA out.
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let header = decoder.read_header_info().map_err(bad)?;
    too_large(header.width as usize, header.height as usize)?;
    let mut reader = decoder.read_info().map_err(bad)?;
    let size = reader
        .output_buffer_size()
        .ok_or("the brand logo is too large to decode")?;
    let mut pixels = vec![0; size];
    let info = reader.next_frame(&mut pixels).map_err(bad)?;
    pixels.truncate(info.buffer_size());
    let format = match info.color_type {
        png::ColorType::Grayscale => RawImageFormat::R8,
        png::ColorType::GrayscaleAlpha => RawImageFormat::RG8,
        png::ColorType::Rgb => RawImageFormat::RGB8,
        png::ColorType::Rgba => RawImageFormat::RGBA8,
        png::ColorType::Indexed => {
            return Err("the brand logo's PNG palette could not be expanded".into());
        }
    };
    // Rows may carry padding past `width × channels` only for bit depths
    // below 8, which the transformation above expands away.
    Ok(raw(
        pixels,
        info.width as usize,
        info.height as usize,
        format,
    ))
}

fn jpeg(bytes: &[u8]) -> Result<RawImage, String> {
    let mut decoder = jpeg_decoder::Decoder::new(std::io::Cursor::new(bytes));
    decoder
        .read_info()
        .map_err(|e| format!("the brand logo is not a readable JPEG file: {e}"))?;
    let info = decoder.info().ok_or("the brand logo's JPEG has no frame")?;
    too_large(usize::from(info.width), usize::from(info.height))?;
    let pixels = decoder
        .decode()
        .map_err(|e| format!("the brand logo is not a readable JPEG file: {e}"))?;
    let (pixels, format) = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => (pixels, RawImageFormat::R8),
        jpeg_decoder::PixelFormat::L16 => (
            // Big-endian 16-bit samples: keep the high byte.
            pixels.chunks_exact(2).map(|p| p[0]).collect(),
            RawImageFormat::R8,
        ),
        jpeg_decoder::PixelFormat::RGB24 => (pixels, RawImageFormat::RGB8),
        jpeg_decoder::PixelFormat::CMYK32 => (
            pixels
                .chunks_exact(4)
                .flat_map(|p| {
                    let k = 255 - u16::from(p[3]);
                    let c = |v: u8| ((255 - u16::from(v)) * k / 255) as u8;
                    [c(p[0]), c(p[1]), c(p[2])]
                })
                .collect(),
            RawImageFormat::RGB8,
        ),
    };
    Ok(raw(
        pixels,
        usize::from(info.width),
        usize::from(info.height),
        format,
    ))
}

fn raw(pixels: Vec<u8>, width: usize, height: usize, format: RawImageFormat) -> RawImage {
    RawImage {
        pixels: RawImageData::U8(pixels),
        width,
        height,
        data_format: format,
        tag: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3 × 2 RGBA PNG, written with the `png` crate.
    pub(crate) fn tiny_png() -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, 3, 2);
            encoder.set_color(png::ColorType::Rgba);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header().unwrap();
            writer.write_image_data(&[200u8; 3 * 2 * 4]).unwrap();
        }
        out
    }

    #[test]
    fn decodes_png_and_sizes_it() {
        let logo = Logo {
            mime: "image/png",
            bytes: tiny_png(),
        };
        let image = decode(&logo).unwrap().unwrap();
        assert_eq!((image.raw.width, image.raw.height), (3, 2));
        assert_eq!(image.raw.data_format, RawImageFormat::RGBA8);
        assert_eq!(image.drawn_size(), (39.0, LOGO_HEIGHT));
    }

    #[test]
    fn refuses_broken_files_and_skips_svg() {
        let broken = Logo {
            mime: "image/png",
            bytes: b"\x89PNG\r\n\x1a\nnot really".to_vec(),
        };
        assert!(
            decode(&broken)
                .unwrap_err()
                .starts_with("the brand logo is not a readable PNG")
        );
        let jpeg = Logo {
            mime: "image/jpeg",
            bytes: b"\xFF\xD8\xFF\xE0 nothing".to_vec(),
        };
        assert!(
            decode(&jpeg)
                .unwrap_err()
                .starts_with("the brand logo is not a readable JPEG")
        );
        let svg = Logo {
            mime: "image/svg+xml",
            bytes: b"<svg/>".to_vec(),
        };
        assert!(decode(&svg).unwrap().is_none());
    }

    #[test]
    fn very_wide_logos_are_capped() {
        let image = Image {
            raw: raw(vec![0; 1000 * 10 * 3], 1000, 10, RawImageFormat::RGB8),
        };
        assert_eq!(image.drawn_size(), (LOGO_MAX_WIDTH, 1.7));
    }
}
