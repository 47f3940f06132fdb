//! Behaviour fixed after review, each pinned by a test.

use assert_cmd::Command;
use briefc::config::Config;
use briefc::model::Date;
use std::path::Path;

const BASE: &str = "# T\nlength: 50s\nstage: engage\nmarketing: M\nsales: S\n\n## Goal\nG.\n\n## Audience\nA.\n\n## Key benefits\n- B\n\n## Success metrics\n- Views: 10\n\n";

fn rules(text: &str) -> Vec<(String, usize)> {
    let checked = briefc::check_bytes(
        "t.brief",
        text.as_bytes(),
        &Config::default(),
        Date::parse("2026-11-24").unwrap(),
    );
    checked
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.name().to_string(),
                checked.source.position(d.span.start).line,
            )
        })
        .collect()
}

fn briefc(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("briefc").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1790000000");
    cmd
}

#[test]
fn a_scene_running_past_length_is_exceed_even_when_a_later_scene_ends_earlier() {
    let text = format!(
        "{BASE}## Scenes\n### 0:00-1:00 Long\nVisual: v\n### 0:30-0:40 Inside\nVisual: v\n"
    );
    let found = rules(&text);
    assert!(found.contains(&("scene-overlap".into(), 22)), "{found:?}");
    assert!(
        found.contains(&("scenes-exceed-length".into(), 20)),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(r, _)| r == "scenes-short-of-length"),
        "{found:?}"
    );
}

#[test]
fn a_valid_scene_after_bad_ones_is_not_measured_against_them() {
    // One mistake, one diagnostic: the unreadable scene already fired
    // `scene-timecode`; a gap measured across it would report it again.
    let text =
        format!("{BASE}## Scenes\n### 0:10-0:05 Bad\nVisual: v\n### 0:05-0:50 Good\nVisual: v\n");
    let checked = briefc::check_bytes(
        "t.brief",
        text.as_bytes(),
        &Config::default(),
        Date::parse("2026-11-24").unwrap(),
    );
    let rules: Vec<&str> = checked.diagnostics.iter().map(|d| d.rule.name()).collect();
    assert_eq!(rules, ["scene-timecode"]);
}

#[test]
fn empty_list_items_are_reported() {
    let text = BASE.replace("- B\n", "- \n-\n");
    let found = rules(&(text + "## Scenes\n### 0:00-0:50 S\nVisual: v\n"));
    assert_eq!(
        found.iter().filter(|(r, _)| r == "invalid-value").count(),
        2,
        "{found:?}"
    );
}

#[test]
fn headings_and_fields_without_their_space() {
    let text = format!("{BASE}##Notes\n## Scenes\n### 0:00-0:50 S\nVisual:Laptop on a train\n");
    let checked = briefc::check_bytes(
        "t.brief",
        text.as_bytes(),
        &Config::default(),
        Date::parse("2026-11-24").unwrap(),
    );
    let names: Vec<&str> = checked.diagnostics.iter().map(|d| d.rule.name()).collect();
    assert_eq!(names, ["stray-text"], "{:?}", checked.diagnostics);
    assert_eq!(
        checked.diagnostics[0].help.as_deref(),
        Some("write `## Notes`")
    );
    let scene = &checked.brief.scenes()[0];
    assert_eq!(
        scene
            .field(briefc::model::SceneFieldKind::Visual)
            .as_deref(),
        Some("Laptop on a train")
    );
    // A URL is never a field.
    let tree = briefc::syntax::parse("https://example.com\n");
    assert!(matches!(
        tree.lines[0].kind,
        briefc::syntax::LineKind::Text { .. }
    ));
}

#[test]
fn status_defaults_to_draft_in_every_output() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = briefc(root.as_ref())
        .args(["export", "examples/explainer.brief"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let status = doc["brief"]["header"]["status"].clone();
    assert!(
        status == "draft" || status == "review" || status == "approved",
        "{status}"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.brief"),
        format!("{BASE}## Scenes\n### 0:00-0:50 S\nVisual: v\n"),
    )
    .unwrap();
    let out = briefc(dir.path())
        .args(["export", "a.brief"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["brief"]["header"]["status"], "draft");
}

#[test]
fn html_links_keep_balanced_parentheses() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{BASE}## Scenes\n### 0:00-0:50 S\nVisual: v\n\n## References\n- (see https://en.wikipedia.org/wiki/Foo_(bar)).\n"
    );
    std::fs::write(dir.path().join("a.brief"), text).unwrap();
    briefc(dir.path())
        .args(["build", "--html", "a.brief"])
        .assert()
        .success();
    let page = std::fs::read_to_string(dir.path().join("a.html")).unwrap();
    assert!(
        page.contains("href=\"https://en.wikipedia.org/wiki/Foo_(bar)\""),
        "{page}"
    );
}

#[test]
fn build_refuses_two_briefs_that_would_write_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/social-cut.brief"),
            dir.path().join(sub).join("x.brief"),
        )
        .unwrap();
    }
    let out = briefc(dir.path())
        .args(["build", "a/x.brief", "b/x.brief", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("would both be written"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.path().join("out").exists());
    // Without -o they go next to their briefs: no clash.
    briefc(dir.path())
        .args(["build", "a/x.brief", "b/x.brief"])
        .assert()
        .success();
}

#[test]
fn empty_source_date_epoch_counts_as_unset() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/social-cut.brief"),
        dir.path().join("s.brief"),
    )
    .unwrap();
    briefc(dir.path())
        .env("SOURCE_DATE_EPOCH", "")
        .args(["build", "--html", "s.brief"])
        .assert()
        .success();
}

#[test]
fn github_paths_drop_leading_dot_slash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.brief"), "no title\n").unwrap();
    let out = briefc(dir.path())
        .args(["check", "--format", "github", "./a.brief"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("::error file=a.brief,"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn config_limits_must_be_positive_and_page_ignores_case() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/social-cut.brief"),
        dir.path().join("s.brief"),
    )
    .unwrap();
    std::fs::write(dir.path().join("briefc.yaml"), "limits:\n  benefits: 0\n").unwrap();
    let out = briefc(dir.path()).args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("greater than 0"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(dir.path().join("briefc.yaml"), "page: Letter\n").unwrap();
    briefc(dir.path())
        .args(["check", "--today", "2026-11-24"])
        .assert()
        .success();
}

#[cfg(unix)]
#[test]
fn a_fifo_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.brief");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let out = briefc(dir.path())
        .args(["check", "pipe.brief"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn logos_are_checked_and_only_needed_for_html() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/social-cut.brief"),
        dir.path().join("s.brief"),
    )
    .unwrap();
    std::fs::write(dir.path().join("briefc.yaml"), "brand:\n  logo: logo.png\n").unwrap();
    // Missing logo: the PDF does not use it.
    briefc(dir.path())
        .args(["build", "--pdf", "s.brief"])
        .assert()
        .success();
    std::fs::write(dir.path().join("logo.png"), "not a png").unwrap();
    let out = briefc(dir.path())
        .args(["build", "--html", "s.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a valid PNG file"));
}

#[test]
fn a_briefc_yml_is_named_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/social-cut.brief"),
        dir.path().join("s.brief"),
    )
    .unwrap();
    std::fs::write(dir.path().join("briefc.yml"), "page: letter\n").unwrap();
    let out = briefc(dir.path())
        .args(["check", "s.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("briefc.yml: this file is not read")
            && stderr.contains("mv briefc.yml briefc.yaml"),
        "{stderr}"
    );
}

#[test]
fn template_render_errors_name_the_overrides_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/social-cut.brief"),
        dir.path().join("s.brief"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(dir.path().join("tpl/brief.html"), "{{ brief.nothing }}").unwrap();
    let out = briefc(dir.path())
        .args(["build", "--html", "--templates", "tpl", "s.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a template in `tpl` failed") && stderr.contains("Available variables"),
        "{stderr}"
    );
    let out = briefc(dir.path())
        .args(["build", "--html", "--templates", "nowhere", "s.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("the templates folder `nowhere` does not exist")
    );
}
