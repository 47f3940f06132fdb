//! Prepares the embedded PDF fonts at compile time: DejaVu Sans (regular,
//! bold, oblique) from the `dejavu` crate, slimmed by
//! `src/render/pdf/lean.rs` (no hinting, layout tables or licence text), so
//! no process pays for that work at run time.

#[path = "src/render/pdf/lean.rs"]
#[allow(dead_code)]
mod lean;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=src/render/pdf/lean.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, font) in [
        ("regular", dejavu::sans::regular()),
        ("bold", dejavu::sans::bold()),
        ("oblique", dejavu::sans::oblique()),
    ] {
        // A font the slimmer does not understand is embedded as it is.
        let bytes = lean::lean(font).unwrap_or_else(|| font.to_vec());
        std::fs::write(out.join(format!("dejavu-sans-{name}.ttf")), bytes)
            .expect("write the font to OUT_DIR");
    }
}
