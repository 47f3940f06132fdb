//! `briefc fmt`: idempotent, lossless for meaning, and safe on disk.

mod support;

use std::path::PathBuf;
use support::{briefc_in, check_text};

fn briefs() -> Vec<PathBuf> {
    let root = support::root();
    let mut out = Vec::new();
    for dir in ["examples", "tests/fixtures/rules", "tests/fixtures/bad"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "brief") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The rules and lines of the diagnostics, and the exported model.
fn meaning(text: &str) -> (Vec<(String, usize)>, serde_json::Value) {
    let checked = check_text("a.brief", text);
    let diags = checked
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.name().to_string(),
                checked.source.position(d.span.start).line,
            )
        })
        .collect();
    (diags, serde_json::to_value(&checked.brief).unwrap())
}

#[test]
fn formatting_keeps_meaning_lines_and_is_idempotent() {
    let mut checked = 0;
    for path in briefs() {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        if text.contains('\0') {
            continue;
        }
        let once = briefc::format::format(text);
        assert_eq!(
            briefc::format::format(&once),
            once,
            "{}: not idempotent",
            path.display()
        );
        assert_eq!(
            meaning(text),
            meaning(&once),
            "{}: formatting changed the meaning",
            path.display()
        );
        let comments = |t: &str| {
            t.lines()
                .filter(|l| l.trim_start().starts_with("//"))
                .map(str::trim_end)
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            comments(text),
            comments(&once),
            "{}: comments changed",
            path.display()
        );
        // Lines stay where they are; only runs of blank lines shrink.
        let filled = |t: &str| t.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(
            filled(text),
            filled(&once),
            "{}: the number of non-blank lines changed",
            path.display()
        );
        checked += 1;
    }
    assert!(checked > 50, "only {checked} briefs formatted");
}

#[test]
fn fmt_check_then_fmt_then_clean() {
    let dir = tempfile::tempdir().unwrap();
    let messy = "# T\r\nLength:90s\r\n// note\r\n## objective\r\nWhy: this.\r\n## Shot list\r\n### 0:00 – 0:10 Hook\r\nVO: hi\r\n";
    std::fs::write(dir.path().join("a.brief"), messy).unwrap();
    briefc_in(dir.path())
        .args(["fmt", "--check", "."])
        .assert()
        .code(1)
        .stdout("would reformat a.brief\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.brief")).unwrap(),
        messy,
        "--check wrote"
    );

    briefc_in(dir.path())
        .args(["fmt", "a.brief"])
        .assert()
        .success()
        .stdout("formatted 1 of 1 brief\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.brief")).unwrap(),
        "# T\r\nlength: 90s\r\n// note\r\n## Goal\r\nWhy: this.\r\n## Scenes\r\n### 0:00-0:10 Hook\r\nVoiceover: hi\r\n"
    );
    briefc_in(dir.path())
        .args(["fmt", "--check", "a.brief"])
        .assert()
        .success()
        .stdout("");

    briefc_in(dir.path())
        .args(["fmt", "-"])
        .write_stdin("#  T\n* a\n")
        .assert()
        .success()
        .stdout("# T\n* a\n");
}

#[test]
fn fmt_refuses_non_text_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.brief"), b"# T\n\xff\n").unwrap();
    let out = briefc_in(dir.path())
        .args(["fmt", "bad.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid-encoding"));
    assert_eq!(
        std::fs::read(dir.path().join("bad.brief")).unwrap(),
        b"# T\n\xff\n"
    );
}

#[test]
fn fmt_collapses_blank_lines_through_stdin_keeping_bom_and_crlf() {
    let messy = "\u{FEFF}\r\n\r\n# T\r\n\r\n\r\n\r\nlength: 9s\r\n## Goal\r\nA\r\n\r\n\r\n// kept\r\nB\r\n\r\n\r\n";
    let out = assert_cmd::Command::cargo_bin("briefc")
        .unwrap()
        .args(["fmt", "-"])
        .write_stdin(messy)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "\u{FEFF}# T\r\n\r\nlength: 9s\r\n## Goal\r\nA\r\n\r\n// kept\r\nB\r\n"
    );
    // The same bytes in a file: the same result, written in place.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.brief");
    std::fs::write(&path, messy).unwrap();
    let out = assert_cmd::Command::cargo_bin("briefc")
        .unwrap()
        .args(["fmt"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "\u{FEFF}# T\r\n\r\nlength: 9s\r\n## Goal\r\nA\r\n\r\n// kept\r\nB\r\n"
    );
}
