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
    assert_eq!(
        bare.stdout.lines().count(),
        briefc::diagnostic::Rule::ALL.len()
    );
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
    support::briefc_in(dir)
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

// ---------------------------------------------------------------- item 2

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn fmt_writes_through_a_symbolic_link_to_its_target() {
    let b = Brief::new()
        .file("real/target.brief", MESSY)
        .file("other/t2.brief", MESSY)
        .dir("briefs");
    std::os::unix::fs::symlink("real/target.brief", b.path("link.brief")).unwrap();
    std::os::unix::fs::symlink("../other/t2.brief", b.path("briefs/l2.brief")).unwrap();

    // A link given by name.
    b.run_with(["fmt", "link.brief"])
        .code(0)
        .stdout_has("formatted 1 of 1 brief\n");
    let link = b.path("link.brief");
    assert!(
        link.symlink_metadata().unwrap().file_type().is_symlink(),
        "the link was replaced"
    );
    assert_eq!(
        std::fs::read_link(&link).unwrap(),
        std::path::Path::new("real/target.brief")
    );
    assert_eq!(read(&b, "real/target.brief"), TIDY.as_bytes());

    // A link found in a folder walk.
    b.run_with(["fmt", "briefs"])
        .code(0)
        .stdout_has("formatted 1 of 1 brief\n");
    let link = b.path("briefs/l2.brief");
    assert!(
        link.symlink_metadata().unwrap().file_type().is_symlink(),
        "the link was replaced"
    );
    assert_eq!(read(&b, "other/t2.brief"), TIDY.as_bytes());
    // No temporary file is left next to either target or link.
    for dir in ["", "real", "other", "briefs"] {
        for entry in std::fs::read_dir(b.path(dir)).unwrap() {
            let name = entry.unwrap().file_name();
            assert!(
                !name.to_string_lossy().contains(".tmp"),
                "{name:?} left behind"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn fmt_keeps_the_file_mode() {
    let b = Brief::new()
        .file("private.brief", MESSY)
        .file("group.brief", MESSY)
        .file("target.brief", MESSY);
    set_mode(&b.path("private.brief"), 0o600);
    set_mode(&b.path("group.brief"), 0o664);
    set_mode(&b.path("target.brief"), 0o640);
    std::os::unix::fs::symlink("target.brief", b.path("link.brief")).unwrap();
    b.run_with(["fmt", "private.brief", "group.brief", "link.brief"])
        .code(0)
        .stdout_has("formatted 3 of 3 briefs\n");
    for (name, want) in [
        ("private.brief", 0o600),
        ("group.brief", 0o664),
        ("target.brief", 0o640),
    ] {
        assert_eq!(read(&b, name), TIDY.as_bytes(), "{name}");
        assert_eq!(
            mode(&b.path(name)),
            want,
            "{name}: mode {:o}",
            mode(&b.path(name))
        );
    }
}

// ---------------------------------------------------------------- item 3

#[test]
fn new_prints_a_check_command_that_a_shell_can_run() {
    let b = Brief::new();
    let out = b.run_with(["new", "my brief.brief"]);
    out.code(0).stderr_empty();
    assert_eq!(
        out.stdout,
        "wrote my brief.brief — fill it in, then run `briefc check 'my brief.brief'`\n"
    );
    #[cfg(unix)]
    assert_eq!(mode(&b.path("my brief.brief")), 0o644);
    // Paste the command into a shell (with the binary's path for `briefc`).
    let command = out.stdout.split('`').nth(1).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("briefc");
    let script = command.replacen("briefc", &format!("'{}'", bin.display()), 1);
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{script} --quiet --today {}", support::TODAY))
        .current_dir(b.path(""))
        .env("NO_COLOR", "1")
        .status()
        .expect("run sh");
    assert_eq!(status.code(), Some(0), "{script}");

    // A plain name is not quoted.
    let out = b.run_with(["new", "briefs/spring-promo.brief"]);
    out.code(0);
    assert_eq!(
        out.stdout,
        "wrote briefs/spring-promo.brief — fill it in, then run `briefc check briefs/spring-promo.brief`\n"
    );
}

#[cfg(unix)]
#[test]
fn new_does_not_replace_a_dangling_symbolic_link() {
    let b = Brief::new();
    std::os::unix::fs::symlink("nowhere.brief", b.path("link.brief")).unwrap();
    b.run_with(["new", "link.brief"])
        .cannot_run(&["link.brief", "already exists"]);
    assert_eq!(
        std::fs::read_link(b.path("link.brief")).unwrap(),
        std::path::Path::new("nowhere.brief")
    );
    assert!(!b.path("nowhere.brief").exists());
}

#[test]
fn new_racing_itself_writes_the_file_exactly_once() {
    // Eight `briefc new` start at once on one path. Each may pass the
    // "already exists" check before another writes; the no-clobber rename
    // still lets exactly one of them create the file.
    let b = Brief::new();
    let bin = assert_cmd::cargo::cargo_bin("briefc");
    for round in 0..5 {
        let name = format!("race-{round}.brief");
        let children: Vec<_> = (0..8)
            .map(|_| {
                std::process::Command::new(&bin)
                    .args(["new", &name])
                    .current_dir(b.path(""))
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn briefc")
            })
            .collect();
        let outputs: Vec<_> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let codes: Vec<_> = outputs.iter().map(|o| o.status.code()).collect();
        assert_eq!(
            codes.iter().filter(|c| **c == Some(0)).count(),
            1,
            "{codes:?}"
        );
        assert_eq!(
            codes.iter().filter(|c| **c == Some(2)).count(),
            7,
            "{codes:?}"
        );
        for out in outputs.iter().filter(|o| o.status.code() == Some(2)) {
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("already exists"),
                "{out:?}"
            );
        }
    }
    // No temporary files are left behind.
    let mut names: Vec<_> = std::fs::read_dir(b.path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "race-0.brief",
            "race-1.brief",
            "race-2.brief",
            "race-3.brief",
            "race-4.brief"
        ]
    );
}

// ---------------------------------------------------------------- item 10

/// [`CLEAN`] with a CJK character, which the built-in DejaVu font lacks.
fn with_cjk() -> String {
    CLEAN.replace("sets up in minutes.", "sets up in minutes (快).")
}

#[test]
fn missing_glyph_follows_the_config_severity() {
    let build = ["build", "a.brief", "--today", support::TODAY];

    // Default: a warning; both outputs are written.
    let b = Brief::new().file("a.brief", with_cjk());
    let out = b.run_with(build);
    out.code(0).stdout_has("missing-glyph").stdout_has("U+5FEB");
    assert!(b.path("a.html").is_file() && b.path("a.pdf").is_file());

    // Off: not reported; both outputs are written.
    let b = Brief::new()
        .file("a.brief", with_cjk())
        .file("briefc.yaml", "rules: {missing-glyph: off}\n");
    let out = b.run_with(build);
    out.code(0)
        .stdout_lacks("missing-glyph")
        .stdout_lacks("U+5FEB");
    assert_eq!(out.stdout, "wrote a.html, a.pdf\n", "{}", out.dump());
    assert!(b.path("a.html").is_file() && b.path("a.pdf").is_file());

    // Error: the build fails, writes nothing and leaves earlier outputs alone.
    let b = Brief::new()
        .file("a.brief", with_cjk())
        .file("a.html", "earlier html")
        .file("briefc.yaml", "rules: {missing-glyph: error}\n");
    let out = b.run_with(build);
    out.code(1)
        .stdout_has("missing-glyph")
        .stdout_has("U+5FEB")
        .stdout_lacks("wrote")
        .stderr_has("`a.brief` has errors and was not compiled");
    assert_eq!(read(&b, "a.html"), b"earlier html");
    assert!(!b.path("a.pdf").exists());

    // Building only HTML does not need the PDF font, so nothing is reported.
    let out = b.run_with(["build", "a.brief", "--html", "--today", support::TODAY]);
    out.code(0).stdout_lacks("missing-glyph");
}

// ---------------------------------------------------------------- item 1

/// Every file under the temporary folder with its bytes, to show that a
/// refused command wrote nothing (and created no folder).
fn snapshot(b: &Brief) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &std::path::Path, base: &std::path::Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.strip_prefix(base).unwrap().display().to_string();
            if path.is_dir() {
                out.push((format!("{name}/"), Vec::new()));
                walk(&path, base, out);
            } else {
                out.push((name, std::fs::read(&path).unwrap_or_default()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&b.path(""), &b.path(""), &mut out);
    out.sort();
    out
}

#[test]
fn build_refuses_to_write_over_the_brief_itself() {
    let b = Brief::new().file("x.html", CLEAN);
    let before = snapshot(&b);
    for args in [
        vec!["build", "x.html"],
        vec!["build", "x.html", "-o", "."],
        vec!["build", "x.html", "-o", "./"],
        vec!["build", "./x.html", "--html"],
    ] {
        let out = b.run_with(args);
        out.cannot_run(&[
            "x.html`",
            "the brief itself",
            "nothing was written",
            "-o DIR",
        ]);
        assert_eq!(
            out.stderr,
            format!(
                "error: `{}` would be compiled to `{}`, which is the brief itself; briefc never writes over its inputs, so nothing was written\n  \
                 help: rename the brief to `x.brief`, or write the outputs to another folder with `-o DIR`\n",
                out.command.split(' ').nth(2).unwrap(),
                out.stderr.split('`').nth(3).unwrap(),
            )
        );
        assert_eq!(snapshot(&b), before, "{}", out.dump());
    }
    // A PDF-only build does not touch `x.html`, and `-o` elsewhere is fine.
    b.run_with(["build", "x.html", "--pdf"]).code(0);
    assert_eq!(read(&b, "x.html"), CLEAN.as_bytes());
    b.run_with(["build", "x.html", "-o", "out"]).code(0);
    assert_eq!(read(&b, "x.html"), CLEAN.as_bytes());
    assert!(b.path("out/x.html").is_file() && b.path("out/x.pdf").is_file());
}

#[test]
fn build_refuses_to_write_over_another_input_brief_by_canonical_path() {
    // `a.brief`'s HTML would land on the brief `sub/../a.html`.
    let b = Brief::new()
        .file("a.brief", CLEAN)
        .file("a.html", CLEAN)
        .dir("sub");
    let before = snapshot(&b);
    let out = b.run_with(["build", "a.brief", "sub/../a.html", "-o", "out"]);
    // (With `-o out` both would write `out/a.*`: a clash of its own.)
    out.cannot_run(&["would both be written"]);
    let out = b.run_with(["build", "a.brief", "sub/../a.html"]);
    out.cannot_run(&[
        "`a.brief` would be compiled to `a.html`, which is the brief `sub/../a.html`",
        "-o DIR",
    ]);
    assert_eq!(snapshot(&b), before);

    // Same through `-o` naming the brief's folder by another spelling.
    let b = Brief::new()
        .file("briefs/a.brief", CLEAN)
        .file("briefs/a.pdf", CLEAN);
    let before = snapshot(&b);
    b.run_with(["build", "briefs/a.brief", "briefs/a.pdf", "-o", "briefs/../briefs"])
        .cannot_run(&[
            "`briefs/a.brief` would be compiled to `briefs/../briefs/a.pdf`, which is the brief `briefs/a.pdf`",
        ]);
    b.run_with(["build", "briefs/a.pdf", "briefs/a.brief"])
        .cannot_run(&[
            "`briefs/a.pdf` would be compiled to `briefs/a.pdf`, which is the brief itself",
        ]);
    assert_eq!(snapshot(&b), before);
}

#[test]
fn build_refuses_to_write_over_a_template_or_the_config() {
    let b = Brief::new()
        .file("brief.brief", CLEAN)
        .file("tpl/brief.html", "{% extends \"base/brief.html\" %}\n");
    let before = snapshot(&b);
    b.run_with(["build", "brief.brief", "-o", "tpl", "--templates", "tpl"])
        .cannot_run(&[
            "`brief.brief` would be compiled to `tpl/brief.html`, which is the template `tpl/brief.html`",
            "-o DIR",
        ]);
    assert_eq!(snapshot(&b), before);
    // The same through the config's `templates:`.
    let b = b.file("briefc.yaml", "templates: tpl\n");
    let before = snapshot(&b);
    b.run_with(["build", "brief.brief", "-o", "./tpl/"])
        .cannot_run(&["which is the template", "brief.html", "-o DIR"]);
    assert_eq!(snapshot(&b), before);

    // `--config a.html`: the config file is an input too.
    let b = Brief::new()
        .file("a.brief", CLEAN)
        .file("a.html", "page: a4\n");
    let before = snapshot(&b);
    b.run_with(["build", "a.brief", "--config", "a.html"])
        .cannot_run(&["which is the config file `a.html`"]);
    assert_eq!(snapshot(&b), before);
}

#[test]
fn build_of_one_brief_given_twice_builds_it_once() {
    let b = Brief::new().file("a.brief", CLEAN);
    let out = b.run_with(["build", "a.brief", "./a.brief", "--today", support::TODAY]);
    out.code(0);
    assert_eq!(out.stdout, "wrote a.html, a.pdf\n");
}

// ---------------------------------------------------------------- item 6

#[cfg(unix)]
#[test]
fn a_dangling_link_is_reported_after_the_other_briefs_and_exits_2() {
    let b = Brief::new()
        .file("a.brief", support::with_error())
        .file("b.brief", support::with_warning())
        .dir("sub");
    std::os::unix::fs::symlink("nowhere.brief", b.path("sub/dangling.brief")).unwrap();
    // A dangling link not named like a brief is not one: it is skipped.
    std::os::unix::fs::symlink("nowhere.txt", b.path("notes.txt")).unwrap();
    let dangling = "error: cannot read `sub/dangling.brief`: the symbolic link points to \
                    `nowhere.brief`, a file that does not exist\n  \
                    help: point the link at an existing brief, or remove it\n";

    let out = b.run_with(["check", ".", "--today", support::TODAY]);
    out.code(2)
        .stdout_has("too-many-items")
        .stdout_has("scene-gap")
        .stdout_has("\n1 error, 2 warnings in 2 briefs; 1 file could not be read\n");
    assert_eq!(out.stderr, dangling);

    let out = b.run_with(["check", "--format", "json", "--today", support::TODAY]);
    out.code(2);
    assert_eq!(out.stderr, dangling);
    assert_eq!(out.files(), ["a.brief", "b.brief"]);
    assert_eq!(out.json()["files"], 2);

    // `fmt` does the same: the other briefs are formatted.
    let b = b.file("c.brief", MESSY);
    let out = b.run_with(["fmt", "."]);
    out.code(2).stdout_has("formatted 1 of 3 briefs\n");
    assert_eq!(out.stderr, dangling);
    assert_eq!(read(&b, "c.brief"), TIDY.as_bytes());

    // Named on the command line, the link stops the run (nothing checked).
    b.run_with(["check", "a.brief", "sub/dangling.brief"])
        .cannot_run(&["`sub/dangling.brief`", "a file that does not exist"]);

    // Without the dangling brief, the dangling `notes.txt` changes nothing.
    std::fs::remove_file(b.path("sub/dangling.brief")).unwrap();
    b.run_with(["check", "b.brief", ".", "--today", support::TODAY, "-q"])
        .code(1)
        .stderr_empty();
}

#[cfg(unix)]
#[test]
fn an_unreadable_brief_in_a_folder_is_reported_after_the_others() {
    let b = Brief::new()
        .file("a.brief", support::with_warning())
        .file("locked/b.brief", CLEAN);
    support::make_unreadable(&b.path("locked/b.brief"));
    // Root reads a chmod-000 file; `unprivileged` drops that power (and
    // skips only outside CI when it cannot).
    let Some(b) = b.unprivileged() else {
        return;
    };
    let out = b.run_with(["check", "--today", support::TODAY]);
    out.code(2)
        .stdout_has("scene-gap")
        .stdout_has("0 errors, 1 warning in 1 brief; 1 file could not be read\n");
    assert_eq!(
        out.stderr,
        "error: cannot read `locked/b.brief`: permission denied\n  \
         help: check that the path exists and is readable\n"
    );
}

#[test]
fn one_brief_given_under_two_spellings_is_checked_once() {
    let b = Brief::new()
        .file("a.brief", support::with_warning())
        .dir("sub");
    let out = b.run_with([
        "check",
        "--format",
        "json",
        "--today",
        support::TODAY,
        "a.brief",
        "./a.brief",
        "sub/../a.brief",
        ".",
    ]);
    out.code(0);
    assert_eq!(out.json()["files"], 1);
    assert_eq!(out.rules(), ["scene-gap"]);
    assert_eq!(out.files(), ["a.brief"], "the first spelling is kept");

    let out = b.run_with(["check", "--today", support::TODAY, "./a.brief", "a.brief"]);
    out.code(0).stdout_has("0 errors, 1 warning in 1 brief\n");
    out.stdout_has("[./a.brief:");
}

// ---------------------------------------------------------------- item 5

const ESC: &str = "\x1b[";

#[test]
fn color_never_is_honoured_for_errors_that_stop_a_command() {
    let bad_config = Brief::new()
        .file("a.brief", support::with_warning())
        .file("briefc.yaml", "limits:\n  benfits: 3\n");
    let fine = Brief::new().file("a.brief", support::with_warning());
    let runs: [(&Brief, &[&str], i32); 4] = [
        // A bad config: miette's report.
        (&bad_config, &["check"], 2),
        // A missing path: a plain `error:` line.
        (&fine, &["check", "missing.brief"], 2),
        // A usage error: clap's message.
        (&fine, &["check", "--deny-warning"], 2),
        // And the report of a run that goes through.
        (&fine, &["check", "--today", support::TODAY], 0),
    ];
    for (b, args, code) in runs {
        // On a terminal, `auto` colours: the test can see colour at all.
        let Some((status, out)) = support::on_a_terminal(b, args, &[]) else {
            return;
        };
        assert_eq!(status, code, "{args:?}: {out}");
        assert!(
            out.contains(ESC),
            "{args:?}: no colour on a terminal\n{out}"
        );

        // `--color never`, wherever it stands, and `NO_COLOR`: none at all.
        for extra in [&["--color", "never"][..], &["--color=never"]] {
            let args: Vec<&str> = args.iter().chain(extra).copied().collect();
            let (status, out) = support::on_a_terminal(b, &args, &[]).unwrap();
            assert_eq!(status, code, "{args:?}: {out}");
            assert!(!out.contains(ESC), "{args:?}: colour printed\n{out:?}");
        }
        let args: Vec<&str> = ["--color", "never"].iter().chain(args).copied().collect();
        let (status, out) = support::on_a_terminal(b, &args, &[]).unwrap();
        assert_eq!(status, code, "{args:?}: {out}");
        assert!(!out.contains(ESC), "{args:?}: colour printed\n{out:?}");
        let (status, out) = support::on_a_terminal(b, &args, &[("NO_COLOR", "1")]).unwrap();
        assert_eq!(status, code);
        assert!(
            !out.contains(ESC),
            "NO_COLOR {args:?}: colour printed\n{out:?}"
        );
    }

    // Not a terminal: `auto` gives none, `always` colours errors as well.
    let out = bad_config.run_with(["check"]);
    out.code(2);
    assert!(!out.stderr.contains(ESC), "{}", out.dump());
    let out = bad_config.run_with(["check", "--color", "always"]);
    out.code(2);
    assert!(out.stderr.contains(ESC), "{}", out.dump());
    let out = fine.run_with(["check", "missing.brief", "--color", "always"]);
    out.code(2);
    assert!(
        out.stderr
            .contains("\x1b[1;31merror\x1b[0m: cannot read `missing.brief`"),
        "{}",
        out.dump()
    );
}
