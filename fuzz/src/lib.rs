//! The fuzz targets' properties, shared with the main crate's
//! `tests/fuzz_regressions.rs` (which includes `props.rs` and `lsp.rs` by
//! path, so that `cargo test` replays the same checks without the fuzzer).

pub mod lsp;
pub mod props;

/// Without the fuzzer runtime: runs `property` on every file named on the
/// command line (folders: every file in them), printing each name first, so
/// a crash names its input.
pub fn replay_main(property: fn(&[u8])) {
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        let path = std::path::PathBuf::from(arg);
        if path.is_dir() {
            let mut inside: Vec<_> = std::fs::read_dir(&path)
                .expect("a readable folder")
                .map(|e| e.expect("a folder entry").path())
                .filter(|p| p.is_file())
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path);
        }
    }
    for file in &files {
        eprintln!("{}", file.display());
        let bytes = std::fs::read(file).expect("a readable file");
        property(&bytes);
    }
    eprintln!("replayed {} input(s)", files.len());
}
