//! Behaviour fixed after review, each pinned by a test.

mod support;

use std::path::Path;
use support::{briefc_in as briefc, check_text, repo};

const BASE: &str = "# T\nlength: 50s\nstage: engage\nmarketing: M\nsales: S\n\n## Goal\nG.\n\n## Audience\nA.\n\n## Key benefits\n- B\n\n## Success metrics\n- Views: 10\n\n";

fn rules(text: &str) -> Vec<(String, usize)> {
    let checked = check_text("t.brief", text);
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
    let checked = check_text("t.brief", &text);
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
    let checked = check_text("t.brief", &text);
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
    // A status that is given is the one exported.
    let out = briefc(&support::root())
        .args(["export", "examples/explainer.brief"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["brief"]["header"]["status"], "review",
        "explainer.brief says `status: review`"
    );

    // None given: `draft` in both exports, the HTML badge and the PDF header.
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{BASE}## Scenes\n### 0:00-0:50 S\nVisual: v\n");
    assert!(!text.contains("status"));
    std::fs::write(dir.path().join("a.brief"), text).unwrap();
    let out = briefc(dir.path())
        .args(["export", "a.brief"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["brief"]["header"]["status"], "draft");
    let out = briefc(dir.path())
        .args(["export", "a.brief", "--to", "yaml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.lines().any(|l| l.trim() == "status: draft"), "{yaml}");

    briefc(dir.path())
        .args(["build", "a.brief"])
        .assert()
        .success();
    let page = std::fs::read_to_string(dir.path().join("a.html")).unwrap();
    assert!(
        page.contains("<span class=\"status status-draft\">draft</span>"),
        "{page}"
    );
    if let Some(text) = support::pdftotext(&dir.path().join("a.pdf")) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("Status Draft"), "{text}");
    }
}

/// Builds acme-sync.brief (HTML and PDF) in a fresh folder with
/// `SOURCE_DATE_EPOCH` set to `epoch`, or unset for `None`.
fn build_acme(epoch: Option<&str>) -> (tempfile::TempDir, Vec<u8>, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = briefc(dir.path());
    match epoch {
        Some(epoch) => cmd.env("SOURCE_DATE_EPOCH", epoch),
        None => cmd.env_remove("SOURCE_DATE_EPOCH"),
    };
    cmd.args(["build", "-o", "."])
        .arg(repo("examples/acme-sync.brief"))
        .assert()
        .success();
    let html = std::fs::read(dir.path().join("acme-sync.html")).unwrap();
    let pdf = std::fs::read(dir.path().join("acme-sync.pdf")).unwrap();
    (dir, html, pdf)
}

/// The PDF's `/CreationDate`, e.g. `D:20260921141320+00'00'`.
fn creation_date(pdf: &[u8]) -> String {
    let raw = String::from_utf8_lossy(pdf);
    let at = raw.find("/CreationDate").expect("a /CreationDate") + "/CreationDate".len();
    let value = raw[at..]
        .trim_start()
        .strip_prefix('(')
        .expect("a PDF string");
    value[..value.find(')').expect("a closed string")].to_string()
}

/// The date shown in the HTML colophon, the PDF's creation date and every PDF page footer.
fn assert_shows_date(dir: &Path, html: &[u8], date: &str) {
    let version = env!("CARGO_PKG_VERSION");
    let page = String::from_utf8_lossy(html);
    assert!(
        page.contains(&format!("Compiled by briefc {version} on {date}")),
        "the HTML does not show {date}:\n{page}"
    );
    let pdf = dir.join("acme-sync.pdf");
    let created = creation_date(&std::fs::read(&pdf).unwrap());
    assert!(
        created.starts_with(&format!("D:{}", date.replace('-', ""))),
        "the PDF's creation date {created} is not {date}"
    );
    if let (Some(text), Some(info)) = (support::pdftotext(&pdf), support::pdfinfo(&pdf)) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let footer = format!("compiled by briefc {version} · {date}");
        assert_eq!(
            text.matches(&footer).count(),
            info.pages,
            "not every page footer says {footer:?}:\n{text}"
        );
    }
}

#[test]
fn source_date_epoch_is_the_printed_date_and_changes_nothing_else() {
    // 1790000000 is 2026-09-21 14:13:20 UTC; a day later is 2026-09-22.
    let (dir, html, pdf) = build_acme(Some(support::EPOCH));
    assert_eq!(support::utc_date(1_790_000_000), support::EPOCH_DATE);
    assert_shows_date(dir.path(), &html, support::EPOCH_DATE);
    assert_eq!(creation_date(&pdf), "D:20260921141320+00'00'");

    // Two builds, two processes: the same bytes.
    let (_again, html_again, pdf_again) = build_acme(Some(support::EPOCH));
    assert!(html_again == html, "two HTML builds differ");
    assert!(pdf_again == pdf, "two PDF builds differ");

    // Another epoch: other bytes, and the only difference is the date.
    let (later_dir, later_html, later_pdf) = build_acme(Some("1790086400"));
    assert_shows_date(later_dir.path(), &later_html, "2026-09-22");
    assert_ne!(later_pdf, pdf);
    let page = String::from_utf8(html).unwrap();
    assert_eq!(
        page.matches("2026-09-21").count(),
        1,
        "the date is shown once"
    );
    assert_eq!(
        String::from_utf8(later_html).unwrap(),
        page.replace("2026-09-21", "2026-09-22"),
        "the HTML differs in more than the date"
    );
    let (Some(text), Some(later_text)) = (
        support::pdftotext(&dir.path().join("acme-sync.pdf")),
        support::pdftotext(&later_dir.path().join("acme-sync.pdf")),
    ) else {
        return;
    };
    assert_eq!(
        later_text,
        text.replace("· 2026-09-21", "· 2026-09-22"),
        "the PDF text differs in more than the date"
    );
    // Uncompressed, the two PDFs differ line by line only in the document
    // dates, the document ID (a hash of the content) and the page footers.
    let (Some(plain), Some(later_plain)) = (
        support::qpdf_uncompressed(&dir.path().join("acme-sync.pdf")),
        support::qpdf_uncompressed(&later_dir.path().join("acme-sync.pdf")),
    ) else {
        return;
    };
    let (lines, later_lines): (Vec<&str>, Vec<&str>) =
        (plain.lines().collect(), later_plain.lines().collect());
    assert_eq!(
        lines.len(),
        later_lines.len(),
        "the PDFs differ in structure"
    );
    let changed: Vec<(&str, &str)> = lines
        .iter()
        .zip(&later_lines)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    let pages = support::pdfinfo(&dir.path().join("acme-sync.pdf"))
        .unwrap()
        .pages;
    let mut footers = 0;
    for (a, b) in &changed {
        let a = a.trim();
        if a.starts_with("/CreationDate") || a.starts_with("/ModDate") {
            assert_eq!(a.replace("D:20260921", "D:20260922"), b.trim());
        } else if a.ends_with(" Tj") {
            footers += 1;
        } else {
            assert!(
                a.starts_with("/ID ["),
                "changed beyond the date: {a:?} → {b:?}"
            );
        }
    }
    assert_eq!(footers, pages, "{changed:#?}");
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
            repo("examples/social-cut.brief"),
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
    // Unset, the date is the start of today (UTC): the same bytes all day.
    // A build that straddles midnight is tried again.
    for _ in 0..3 {
        let today = support::utc_today();
        let (dir, html, pdf) = build_acme(None);
        let (blank_dir, blank_html, blank_pdf) = build_acme(Some(""));
        let (_, spaces_html, spaces_pdf) = build_acme(Some("  "));
        if support::utc_today() != today {
            continue;
        }
        assert_shows_date(dir.path(), &html, &today);
        assert_shows_date(blank_dir.path(), &blank_html, &today);
        assert_eq!(
            creation_date(&pdf),
            format!("D:{}000000+00'00'", today.replace('-', "")),
            "unset is not the start of the UTC day"
        );
        assert!(
            blank_html == html && spaces_html == html,
            "the HTML differs"
        );
        assert!(blank_pdf == pdf && spaces_pdf == pdf, "the PDF differs");
        return;
    }
    panic!("the date kept changing during the builds");
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
        repo("examples/social-cut.brief"),
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
    if !support::mkfifo(&fifo) {
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
fn logos_are_checked_for_the_outputs_that_draw_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo("examples/social-cut.brief"),
        dir.path().join("s.brief"),
    )
    .unwrap();
    // A missing SVG logo: the PDF does not draw SVG, so it does not need it.
    std::fs::write(dir.path().join("briefc.yaml"), "brand:\n  logo: logo.svg\n").unwrap();
    briefc(dir.path())
        .args(["build", "--pdf", "s.brief"])
        .assert()
        .success();
    // A missing PNG logo: the PDF draws PNG logos, so it is an error.
    std::fs::write(dir.path().join("briefc.yaml"), "brand:\n  logo: logo.png\n").unwrap();
    let out = briefc(dir.path())
        .args(["build", "--pdf", "s.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the brand logo `logo.png`"));
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
        repo("examples/social-cut.brief"),
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
        repo("examples/social-cut.brief"),
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
