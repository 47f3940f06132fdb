//! `briefc build` end to end: both outputs, flags, page size, determinism
//! across processes, missing glyphs, and nothing written for a bad brief.

mod support;

use std::path::{Path, PathBuf};
use support::{briefc_in as briefc, root};

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn build_writes_both_next_to_the_brief_by_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/acme-sync.brief"),
        dir.path().join("acme-sync.brief"),
    )
    .unwrap();
    let out = briefc(dir.path())
        .args(["build", "acme-sync.brief"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "wrote acme-sync.html, acme-sync.pdf\n"
    );
    assert_eq!(
        names(dir.path()),
        ["acme-sync.brief", "acme-sync.html", "acme-sync.pdf"]
    );
    let pdf = std::fs::read(dir.path().join("acme-sync.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 150_000, "acme PDF is {} bytes", pdf.len());
}

#[test]
fn flags_choose_the_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let acme = root().join("examples/acme-sync.brief");
    briefc(dir.path())
        .args(["build", "--pdf", "-o", "pdf"])
        .arg(&acme)
        .assert()
        .success();
    assert_eq!(names(&dir.path().join("pdf")), ["acme-sync.pdf"]);
    briefc(dir.path())
        .args(["build", "--html", "-o", "html"])
        .arg(&acme)
        .assert()
        .success();
    assert_eq!(names(&dir.path().join("html")), ["acme-sync.html"]);
    briefc(dir.path())
        .args(["build", "--html", "--pdf", "-q", "-o", "both"])
        .arg(&acme)
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        names(&dir.path().join("both")),
        ["acme-sync.html", "acme-sync.pdf"]
    );
}

#[test]
fn page_size_from_flag_and_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/social-cut.brief"),
        dir.path().join("s.brief"),
    )
    .unwrap();
    // (config, flags, expected page size in points)
    for (config, flags, size) in [
        (None, &[][..], support::A4),
        (None, &["--page", "letter"][..], support::LETTER),
        (Some("page: letter\n"), &[][..], support::LETTER),
        (Some("page: letter\n"), &["--page", "a4"][..], support::A4),
    ] {
        if let Some(config) = config {
            std::fs::write(dir.path().join("briefc.yaml"), config).unwrap();
        }
        briefc(dir.path())
            .args(["build", "--pdf", "s.brief"])
            .args(flags)
            .assert()
            .success();
        let Some(info) = support::pdfinfo(&dir.path().join("s.pdf")) else {
            return;
        };
        info.assert_size(size, &format!("{config:?} {flags:?}"));
    }
    std::fs::write(dir.path().join("briefc.yaml"), "page: legal\n").unwrap();
    let out = briefc(dir.path())
        .args(["build", "--pdf", "s.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("briefc.yaml:1:7"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn same_input_same_bytes_across_processes_and_batches() {
    let dir = tempfile::tempdir().unwrap();
    let briefs: Vec<PathBuf> = ["acme-sync", "kyiv-launch", "explainer"]
        .iter()
        .map(|n| root().join(format!("examples/{n}.brief")))
        .collect();
    briefc(dir.path())
        .args(["build", "-o", "together"])
        .args(&briefs)
        .assert()
        .success();
    for brief in &briefs {
        briefc(dir.path())
            .args(["build", "-o", "alone"])
            .arg(brief)
            .assert()
            .success();
    }
    for name in names(&dir.path().join("together")) {
        let a = std::fs::read(dir.path().join("together").join(&name)).unwrap();
        let b = std::fs::read(dir.path().join("alone").join(&name)).unwrap();
        assert!(
            a == b,
            "{name} differs between a batch build and a lone build"
        );
    }
    let pdf = std::fs::read(dir.path().join("alone/acme-sync.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("D:20260921"),
        "creation date not taken from SOURCE_DATE_EPOCH"
    );
}

#[test]
fn bad_source_date_epoch_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = briefc(dir.path())
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["build"])
        .arg(root().join("examples/acme-sync.brief"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH"));
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

#[test]
fn missing_glyphs_are_warnings_naming_the_character_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("examples/social-cut.brief")).unwrap();
    let text = text.replacen("## Goal\n", "## Goal\nShow 漢 to the team.\n", 1);
    std::fs::write(dir.path().join("cjk.brief"), &text).unwrap();
    let line = text.lines().position(|l| l.contains('漢')).unwrap() + 1;
    let out = briefc(dir.path())
        .env("BRIEFC_SYSTEM_FONTS", "0")
        .args(["build", "--pdf", "cjk.brief"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("missing-glyph") && stdout.contains("`漢` (U+6F22)"),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("cjk.brief:{line}:")), "{stdout}");
    assert!(dir.path().join("cjk.pdf").exists());
    // HTML-only builds need no PDF glyphs, so no warning.
    let out = briefc(dir.path())
        .args(["build", "--html", "cjk.brief"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("missing-glyph"));
}

#[test]
fn errors_mean_nothing_written_and_old_outputs_untouched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.brief"), "# B\nlength: 30s\n").unwrap();
    std::fs::write(dir.path().join("b.pdf"), "OLD PDF").unwrap();
    let out = briefc(dir.path())
        .args(["build", "b.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b.pdf")).unwrap(),
        "OLD PDF"
    );
    assert!(!dir.path().join("b.html").exists());
}

#[test]
fn usage_errors_are_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["build"],
        vec!["build", "nope.brief"],
        vec!["build", "."],
        vec!["build", "--page", "a3", "x.brief"],
    ] {
        let out = briefc(dir.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("error"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

// ------------------------------------------------------------ progress bar

/// Three clean briefs in one folder.
fn three_briefs() -> support::Brief {
    let clean = std::fs::read_to_string(root().join("examples/acme-sync.brief")).unwrap();
    support::Brief::new()
        .file("a.brief", &clean)
        .file("b.brief", &clean)
        .file("c.brief", &clean)
}

const BUILD_THREE: [&str; 6] = ["build", "a.brief", "b.brief", "c.brief", "-o", "out"];

#[test]
fn a_build_of_many_briefs_shows_a_progress_bar_on_a_terminal() {
    let b = three_briefs();
    let Some((code, out)) = support::on_a_terminal(&b, &BUILD_THREE, &[]) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("building"), "no progress bar:\n{out}");
    assert!(
        out.contains("3/3 c.brief"),
        "the bar counts to the last brief:\n{out}"
    );
    // It is cleared (erase-line) before the summary.
    let summary = out.find("wrote out/a.html").expect("the summary");
    assert!(out[..summary].ends_with("\r\x1b[2K"), "{out:?}");
    // Without colour, the bar has none either.
    let (_, plain) =
        support::on_a_terminal(&b, &BUILD_THREE, &[("NO_COLOR", "1")]).expect("script ran");
    assert!(plain.contains("building ["), "{plain:?}");
    assert!(!plain.contains("\x1b[3"), "coloured: {plain:?}");
}

#[test]
fn no_progress_bar_in_ci_logs_pipes_quiet_runs_or_for_one_brief() {
    let b = three_briefs();
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);
    let cases: [Case; 3] = [
        // A CI runner's log is not a terminal that redraws.
        (&BUILD_THREE, &[("CI", "true")]),
        (
            &[
                "build", "a.brief", "b.brief", "c.brief", "-o", "out", "--quiet",
            ],
            &[],
        ),
        (&["build", "a.brief", "-o", "out"], &[]),
    ];
    for (args, env) in cases {
        let Some((code, out)) = support::on_a_terminal(&b, args, env) else {
            return;
        };
        assert_eq!(code, 0, "{out}");
        assert!(!out.contains("building"), "{args:?} {env:?}:\n{out}");
    }
    // Piped: nothing on standard error but the summary's absence.
    let out = b.run_with(BUILD_THREE);
    out.code(0);
    out.stdout_has("wrote out/a.html");
    assert!(!out.dump().contains("building"), "{}", out.dump());
}
