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

/// Runs `briefc ARGS` in `dir` with `input` on standard input.
fn with_stdin(dir: &std::path::Path, args: &[&str], input: &[u8]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("briefc")
        .expect("the briefc binary")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .write_stdin(input)
        .output()
        .expect("run briefc")
}

// ---------------------------------------------------------------- item 4

#[test]
fn fmt_check_agrees_on_a_bom_file_and_the_same_bytes_on_stdin() {
    let bom = |text: &str| [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let b = Brief::new()
        .file("tidy.brief", bom(TIDY))
        .file("messy.brief", bom(MESSY));

    // Already formatted: both say so, with exit 0 and no output.
    b.run_with(["fmt", "--check", "tidy.brief"])
        .code(0)
        .stdout_empty();
    let out = with_stdin(b.path("").as_path(), &["fmt", "--check", "-"], &bom(TIDY));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    // And `fmt -` gives the bytes back unchanged, BOM included.
    let out = with_stdin(b.path("").as_path(), &["fmt", "-"], &bom(TIDY));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, bom(TIDY));

    // Not formatted: both say it would change, with exit 1.
    b.run_with(["fmt", "--check", "messy.brief"])
        .code(1)
        .stdout_has("would reformat messy.brief\n");
    let out = with_stdin(b.path("").as_path(), &["fmt", "--check", "-"], &bom(MESSY));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(out.stdout, b"would reformat <stdin>\n");
    // Formatting keeps the BOM, on a file and on stdin alike.
    let out = with_stdin(b.path("").as_path(), &["fmt", "-"], &bom(MESSY));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, bom(TIDY));
    b.run_with(["fmt", "messy.brief"]).code(0);
    assert_eq!(read(&b, "messy.brief"), bom(TIDY));
}

// ---------------------------------------------------------------- item 9

#[test]
fn fmt_diff_prints_a_unified_diff_and_changes_nothing() {
    let b = Brief::new()
        .file("sub/messy.brief", MESSY)
        .file("tidy.brief", TIDY);
    let expected = "\
--- a/sub/messy.brief
+++ b/sub/messy.brief
@@ -1,7 +1,7 @@
 # T
-Length:90s
-## objective
+length: 90s
+## Goal
 Why: this.
-## Shot list
-### 0:00 – 0:10 Hook
-VO: hi
+## Scenes
+### 0:00-0:10 Hook
+Voiceover: hi
";
    for args in [["fmt", "--check", "--diff"], ["fmt", "--diff", "."]] {
        let out = b.run_with(args);
        out.code(1).stderr_empty();
        assert_eq!(out.stdout, expected, "{}", out.dump());
        assert_eq!(
            read(&b, "sub/messy.brief"),
            MESSY.as_bytes(),
            "--diff wrote"
        );
    }
    b.run_with(["fmt", "--diff", "tidy.brief"])
        .code(0)
        .stdout_empty();

    // Standard input too.
    let out = with_stdin(
        b.path("").as_path(),
        &["fmt", "--diff", "-"],
        MESSY.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("--- a/<stdin>\n+++ b/<stdin>\n@@ "),
        "{out:?}"
    );
}
