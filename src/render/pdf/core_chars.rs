//! The characters of the "core" copies of the built-in faces: what nearly
//! every brief is written in. Shared by `build.rs`, which makes the core
//! copies, and the PDF writer, which embeds a core copy when every
//! character drawn in a face is in it (the full face otherwise).

/// Whether `c` is drawn from the core copy of a built-in face.
pub fn in_core(c: char) -> bool {
    matches!(u32::from(c),
        0x0000..=0x024F      // Latin, Latin-1, Latin Extended-A and -B
        | 0x0300..=0x036F    // combining diacritical marks
        | 0x0370..=0x03FF    // Greek
        | 0x0400..=0x052F    // Cyrillic and its supplement
        | 0x1E00..=0x1EFF    // Latin Extended Additional (Vietnamese…)
        | 0x2000..=0x206F    // general punctuation
        | 0x20A0..=0x20CF    // currency
        | 0x2100..=0x214F    // letterlike symbols (™, №)
        | 0x2190..=0x21FF    // arrows
        | 0x2200..=0x22FF    // mathematical operators
        | 0x25A0..=0x25FF    // geometric shapes
        | 0x2600..=0x27BF    // symbols and dingbats (✓, ★)
        | 0xFFFD             // the replacement character
    )
}
