//! The colours of a document: the brand's accent (or a default blue) and
//! the neutral greys, greens and ambers around it.

use super::layout::Rgb;

/// The colours of one document.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// Headings, links, bullets, ticks, the top strip.
    pub accent: Rgb,
    /// Background of table header rows.
    pub header_fill: Rgb,
    /// Body text.
    pub text: Rgb,
    /// Labels, roles, secondary text.
    pub muted: Rgb,
    /// Hairlines and grid lines.
    pub rule: Rgb,
    /// Background of the header grid.
    pub panel: Rgb,
    /// Every other table row.
    pub zebra: Rgb,
    /// Text of the "signed" badge.
    pub ok_fg: Rgb,
    /// Background of the "signed" badge.
    pub ok_bg: Rgb,
    /// Text of the "not signed yet" badge.
    pub warn_fg: Rgb,
    /// Background of the "not signed yet" badge.
    pub warn_bg: Rgb,
}

/// The accent when the brand has none.
const DEFAULT_ACCENT: Rgb = [10.0 / 255.0, 95.0 / 255.0, 1.0];

impl Theme {
    /// The theme for a brand colour `#RRGGBB` or `#RGB` (the default blue
    /// when absent or malformed), read as the HTML reads it.
    pub fn new(brand_color: Option<&str>) -> Theme {
        let accent = readable(brand_color.and_then(parse_hex).unwrap_or(DEFAULT_ACCENT));
        Theme {
            accent,
            header_fill: mix(accent, [1.0; 3], 0.90),
            text: rgb(0x1F, 0x29, 0x37),
            muted: rgb(0x5B, 0x64, 0x72),
            rule: rgb(0xD5, 0xDA, 0xE1),
            panel: rgb(0xF3, 0xF5, 0xF8),
            zebra: rgb(0xF8, 0xF9, 0xFB),
            ok_fg: rgb(0x16, 0x65, 0x34),
            ok_bg: rgb(0xDC, 0xF5, 0xE3),
            warn_fg: rgb(0x9A, 0x3F, 0x07),
            warn_bg: rgb(0xFD, 0xEB, 0xD3),
        }
    }
}

fn rgb(r: u8, g: u8, b: u8) -> Rgb {
    [
        f32::from(r) / 255.0,
        f32::from(g) / 255.0,
        f32::from(b) / 255.0,
    ]
}

/// Reads `#RRGGBB` or `#RGB` with the colour reader the config and the HTML use.
fn parse_hex(text: &str) -> Option<Rgb> {
    crate::config::parse_color(text).map(|[r, g, b]| rgb(r, g, b))
}

/// `a` moved towards `b` by `t` (0–1).
fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

/// Darkens a colour until white-background text in it is readable.
fn readable(mut color: Rgb) -> Rgb {
    let luminance = |c: Rgb| 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    for _ in 0..16 {
        if luminance(color) <= 0.45 {
            break;
        }
        color = color.map(|v| v * 0.85);
    }
    color
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brand_colours_and_keeps_them_readable() {
        assert_eq!(parse_hex("#0A5FFF"), Some(DEFAULT_ACCENT));
        assert_eq!(parse_hex("blue"), None);
        assert_eq!(parse_hex("#12345"), None);
        assert_eq!(parse_hex("#C00"), Some([0.8, 0.0, 0.0]));
        assert_eq!(parse_hex("#c00"), parse_hex("#CC0000"));
        assert_eq!(Theme::new(Some("#C00")).accent, [0.8, 0.0, 0.0]);
        let yellow = readable([1.0, 1.0, 0.0]);
        assert!(yellow[0] < 0.7, "{yellow:?}");
    }
}
