//! Issue 8: never lose or damage a user's file, and CLI defects. Every test
//! runs the real binary on real files in a temporary folder and asserts exit
//! codes, file bytes and file modes exactly.

mod support;

use support::{Brief, CLEAN};

/// A brief that `fmt` changes (`Length:90s` → `length: 90s`, `VO:` → `Voiceover:`).
const MESSY: &str =
    "# T\nLength:90s\n## objective\nWhy: this.\n## Shot list\n### 0:00 – 0:10 Hook\nVO: hi\n";
/// [`MESSY`] after `fmt`.
const TIDY: &str =
    "# T\nlength: 90s\n## Goal\nWhy: this.\n## Scenes\n### 0:00-0:10 Hook\nVoiceover: hi\n";

fn read(b: &Brief, path: &str) -> Vec<u8> {
    std::fs::read(b.path(path)).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

// ---------------------------------------------------------------- item 7

#[test]
fn explain_without_a_rule_lists_every_rule_like_list() {
    let b = Brief::new();
    let bare = b.run_with(["explain"]);
    bare.code(0).stderr_empty();
    let list = b.run_with(["explain", "--list"]);
    list.code(0);
    assert_eq!(bare.stdout, list.stdout);
    assert_eq!(bare.stdout.lines().count(), briefc::rules::Rule::ALL.len());
    assert!(
        bare.stdout.starts_with("invalid-encoding "),
        "{}",
        bare.dump()
    );
}

// ---------------------------------------------------------------- item 8

#[test]
fn fmt_without_a_path_means_the_current_folder() {
    let b = Brief::new()
        .file("a.brief", TIDY)
        .file("sub/b.brief", MESSY)
        .file("sub/notes.txt", MESSY);
    let out = b.run_with(["fmt", "--check"]);
    out.code(1).stdout_has("would reformat sub/b.brief\n");
    assert_eq!(out.stdout, "would reformat sub/b.brief\n");
    assert_eq!(read(&b, "sub/b.brief"), MESSY.as_bytes(), "--check wrote");

    let out = b.run_with(["fmt"]);
    out.code(0);
    assert_eq!(out.stdout, "formatted 1 of 2 briefs\n");
    assert_eq!(read(&b, "sub/b.brief"), TIDY.as_bytes());
    assert_eq!(read(&b, "a.brief"), TIDY.as_bytes());
    assert_eq!(read(&b, "sub/notes.txt"), MESSY.as_bytes(), "not a brief");
    b.run_with(["fmt", "--check"]).code(0).stdout_empty();
    let _ = CLEAN;
}
