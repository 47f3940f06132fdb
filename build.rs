//! Prepares the embedded PDF fonts at compile time: DejaVu Sans (regular,
//! bold, oblique) from the `dejavu` crate, slimmed by
//! `src/render/pdf/lean.rs` (no hinting, layout tables or licence text), so
//! no process pays for that work at run time; and a core copy of each
//! with outlines only for the characters of `core_chars.rs`.

#[path = "src/render/pdf/lean.rs"]
#[allow(dead_code)]
mod lean;

#[path = "src/render/pdf/core_chars.rs"]
mod core_chars;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=src/render/pdf/lean.rs");
    println!("cargo::rerun-if-changed=src/render/pdf/core_chars.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, font) in [
        ("regular", dejavu::sans::regular()),
        ("bold", dejavu::sans::bold()),
        ("oblique", dejavu::sans::oblique()),
    ] {
        // A font the slimmer does not understand is embedded as it is.
        let bytes = lean::lean(font).unwrap_or_else(|| font.to_vec());
        // The core copy (see core_chars.rs); the full font when it cannot be made.
        let core = lean::core(&bytes, core_chars::in_core).unwrap_or_else(|| bytes.clone());
        std::fs::write(out.join(format!("dejavu-sans-{name}.ttf")), bytes)
            .expect("write the font to OUT_DIR");
        std::fs::write(out.join(format!("dejavu-sans-{name}-core.ttf")), core)
            .expect("write the font to OUT_DIR");
    }
}
