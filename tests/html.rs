//! `briefc build --html`: the standalone page, run through the real binary.

mod support;

use scraper::{Html, Selector};
use std::path::Path;
use support::{briefc_in as briefc, root};

/// Builds `brief` (a path under the repo) to HTML in a fresh folder; returns the page.
fn build(brief: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = briefc(dir.path())
        .args(["build", "--html", "-o", "out"])
        .arg(root().join(brief))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stem = Path::new(brief).file_stem().unwrap().to_str().unwrap();
    std::fs::read_to_string(dir.path().join("out").join(format!("{stem}.html"))).unwrap()
}

/// Builds `examples/acme-sync.brief` with each `(from, to)` replaced once; returns the page.
fn build_edited(edits: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(root().join("examples/acme-sync.brief")).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "{from:?} not in the example");
        text = text.replacen(from, to, 1);
    }
    std::fs::write(dir.path().join("a.brief"), text).unwrap();
    let out = briefc(dir.path())
        .args(["build", "--html", "a.brief"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::read_to_string(dir.path().join("a.html")).unwrap()
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    html.select(&sel)
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn acme_page_snapshot() {
    insta::assert_snapshot!("acme-sync.html", build("examples/acme-sync.brief"));
}

#[test]
fn pages_are_valid_html_and_carry_everything() {
    for brief in [
        "examples/acme-sync.brief",
        "examples/explainer.brief",
        "examples/kyiv-launch.brief",
        "examples/social-cut.brief",
    ] {
        let page = build(brief);
        let html = Html::parse_document(&page);
        assert!(
            html.errors.is_empty(),
            "{brief}: HTML parse errors: {:?}",
            html.errors
        );
        assert_eq!(texts(&html, "h1").len(), 1);
        assert!(!texts(&html, "footer").is_empty());
    }
    let html = Html::parse_document(&build("examples/acme-sync.brief"));
    assert_eq!(
        texts(&html, "h1"),
        ["Acme Sync — 90-second overview for sales follow-up"]
    );
    let fields = texts(&html, ".fields .field");
    for expected in [
        "Length 1 min 30 s",
        "Formats 16:9, 1:1",
        "Due 2027-02-14",
        "Sales Tom Becker",
        "Stage Convert",
    ] {
        assert!(
            fields.iter().any(|f| f == expected),
            "missing field {expected:?} in {fields:?}"
        );
    }
    assert_eq!(texts(&html, ".status"), ["review"]);
    let headings = texts(&html, "h2");
    assert_eq!(
        headings,
        [
            "Goal",
            "Audience",
            "Key message",
            "Key benefits",
            "Call to action",
            "Success metrics",
            "Scenes",
            "Look and feel",
            "Mandatory",
            "References",
            "Checklist",
            "Sign-off"
        ]
    );
    assert_eq!(
        texts(&html, ".scene .tc"),
        [
            "0:00–0:10",
            "0:10–0:35",
            "0:35–1:00",
            "1:00–1:20",
            "1:20–1:30"
        ]
    );
    assert_eq!(
        texts(&html, ".scene .dur"),
        ["10 s", "25 s", "25 s", "20 s", "10 s"]
    );
    assert_eq!(texts(&html, ".sf-on-screen dd"), ["Sick of sync errors?"]);
    assert_eq!(texts(&html, ".checklist .done").len(), 2);
    assert_eq!(texts(&html, ".checklist .open").len(), 2);
    assert_eq!(
        texts(&html, ".signoff .signed td:last-child"),
        ["✓ 2026-11-20"]
    );
    assert_eq!(
        texts(&html, ".signoff .unsigned td:last-child"),
        ["Not signed yet"]
    );
    let links: Vec<_> = html
        .select(&Selector::parse("a[href]").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links, ["https://example.com/videos/pacing-we-like"]);
    assert_eq!(
        texts(&html, "footer"),
        ["Compiled by briefc 0.1.0 on 2026-09-21."]
    );
}

#[test]
fn standalone_no_scripts_no_fetches() {
    let page = build("examples/acme-sync.brief");
    let html = Html::parse_document(&page);
    for selector in [
        "script",
        "link",
        "iframe",
        "object",
        "embed",
        "[src^='http']",
        "[src^='//']",
    ] {
        assert_eq!(
            html.select(&Selector::parse(selector).unwrap()).count(),
            0,
            "found {selector}"
        );
    }
    let css: String = texts(&html, "style").concat();
    for forbidden in ["url(", "@import", "@font-face", "http://", "https://"] {
        assert!(!css.contains(forbidden), "CSS contains {forbidden}");
    }
}

#[test]
fn user_text_appears_exactly_as_typed() {
    let page = build("tests/fixtures/bad/special-chars.brief");
    let html = Html::parse_document(&page);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    assert_eq!(
        html.select(&Selector::parse("script").unwrap()).count(),
        0,
        "user text became a script element"
    );
    let text: String = html.root_element().text().collect();
    let source =
        std::fs::read_to_string(root().join("tests/fixtures/bad/special-chars.brief")).unwrap();
    for needle in [
        "<script>alert(1)</script>",
        "{{ 7*7 }}",
        "{% if x %}",
        "&amp;",
        "🎬",
        "Tom &amp; Jerry's <b>Shop</b>",
    ] {
        // The fixture is the known input: a needle missing from it is a
        // broken test, not a pass.
        assert!(
            source.contains(needle),
            "{needle:?} is no longer in special-chars.brief"
        );
        assert!(text.contains(needle), "{needle:?} not shown as typed");
    }
    // Right-to-left text keeps its characters, in order, inside an element
    // with `dir="auto"`.
    let auto = texts(&html, "[dir=auto]");
    for rtl in [
        "שרה כהן",
        "עברית — קהל צעיר",
        "العربية — جمهور شاب",
        "30 שניות / 30 ثانية / 30 seconds",
        "A phone showing עברית and العربية side by side.",
        "שלום · مرحبا · hello",
    ] {
        assert!(
            source.contains(rtl),
            "{rtl:?} is no longer in special-chars.brief"
        );
        assert!(
            auto.iter().any(|t| t.contains(rtl)),
            "{rtl:?} is not inside a dir=\"auto\" element: {auto:#?}"
        );
    }
}

#[test]
fn deterministic_and_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let acme = root().join("examples/acme-sync.brief");
    let run = || {
        briefc(dir.path())
            .args(["build", "--html", "-o", "out"])
            .arg(&acme)
            .assert()
            .success();
        std::fs::read(dir.path().join("out/acme-sync.html")).unwrap()
    };
    let first = run();
    let second = run();
    assert_eq!(first, second);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["acme-sync.html"], "temporary files left behind");
}

#[test]
fn brief_with_errors_is_not_compiled_and_old_output_survives() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::fs::write(dir.path().join("out/broken.html"), "OLD").unwrap();
    std::fs::write(dir.path().join("broken.brief"), "# Broken\nlenght: 30s\n").unwrap();
    let out = briefc(dir.path())
        .args(["build", "--html", "-o", "out", "broken.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("unknown-field") && stdout.contains("did you mean `length`?"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("was not compiled"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/broken.html")).unwrap(),
        "OLD"
    );
}

#[test]
fn unwritable_output_folder_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("file"), "x").unwrap();
    let out = briefc(dir.path())
        .args(["build", "--html", "-o", "file/sub"])
        .arg(root().join("examples/acme-sync.brief"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot create the output folder `file/sub`"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn brand_logo_and_color_from_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("brand")).unwrap();
    std::fs::write(dir.path().join("brand/logo.png"), b"\x89PNG\r\n\x1a\nfake").unwrap();
    std::fs::write(
        dir.path().join("briefc.yaml"),
        "brand:\n  name: Acme Corp\n  color: \"#FF5500\"\n  logo: brand/logo.png\n",
    )
    .unwrap();
    std::fs::copy(
        root().join("examples/acme-sync.brief"),
        dir.path().join("a.brief"),
    )
    .unwrap();
    briefc(dir.path())
        .args(["build", "--html", "a.brief"])
        .assert()
        .success();
    let page = std::fs::read_to_string(dir.path().join("a.html")).unwrap();
    assert!(page.contains("--accent: #FF5500;"));
    assert!(page.contains("src=\"data:image/png;base64,iVBORw0KGgpmYWtl\""));
    let html = Html::parse_document(&page);
    assert_eq!(texts(&html, ".brand"), ["Acme Corp"]);

    std::fs::remove_file(dir.path().join("brand/logo.png")).unwrap();
    let out = briefc(dir.path())
        .args(["build", "--html", "a.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the brand logo"));
}

#[test]
fn template_overrides_and_broken_templates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(
        dir.path().join("tpl/brief.html"),
        "{% extends \"base/brief.html\" %}{% block footer %}<footer>House footer for {{ title }}</footer>{% endblock footer %}",
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/fixtures/bad/special-chars.brief"),
        dir.path().join("a.brief"),
    )
    .unwrap();
    briefc(dir.path())
        .args(["build", "--html", "--templates", "tpl", "a.brief"])
        .assert()
        .success();
    let page = std::fs::read_to_string(dir.path().join("a.html")).unwrap();
    assert!(
        page.contains("<footer>House footer for Launch &lt;script&gt;"),
        "override not used or not escaped"
    );

    // The same folder named in briefc.yaml.
    std::fs::write(dir.path().join("briefc.yaml"), "templates: tpl\n").unwrap();
    std::fs::remove_file(dir.path().join("a.html")).unwrap();
    briefc(dir.path())
        .args(["build", "--html", "a.brief"])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(dir.path().join("a.html"))
            .unwrap()
            .contains("House footer")
    );

    let before = std::fs::read(dir.path().join("a.html")).unwrap();
    std::fs::write(
        dir.path().join("tpl/brief.html"),
        "<p>\n{% if title %}\n{{ title \n</p>",
    )
    .unwrap();
    let out = briefc(dir.path())
        .args(["build", "--html", "a.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("tpl/brief.html"), "{stderr}");
    assert!(
        stderr.contains("brief.html:4:1"),
        "no line and column in: {stderr}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("a.html")).unwrap(),
        before,
        "a failed build touched the old output"
    );
}

/// Screenshots of the acme page at desktop and phone widths, as a person would
/// look at them. Needs Chromium (installed by `.ci/run`); without it the test
/// says why and skips, unless `CI` is set.
#[test]
fn chromium_screenshots() {
    let Some(chromium) = support::chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    briefc(dir.path())
        .args(["build", "--html", "-o", "."])
        .arg(root().join("examples/acme-sync.brief"))
        .assert()
        .success();
    for width in [1280, 375] {
        let shot = dir.path().join(format!("shot-{width}.png"));
        let status = std::process::Command::new(chromium)
            .args(support::CHROMIUM_FLAGS)
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join(format!("profile-{width}")).display()
            ))
            .arg(format!("--window-size={width},2000"))
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!(
                "file://{}",
                dir.path().join("acme-sync.html").display()
            ))
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "chromium failed: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        let png = std::fs::read(&shot).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let png_width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        assert_eq!(png_width, width);
        assert!(
            png.len() > 20_000,
            "screenshot at {width} px looks blank ({} bytes)",
            png.len()
        );
    }
}

#[test]
fn a_capitalised_deadline_is_shown_once() {
    for (written, target) in [
        ("25 per month By 2027-04-30", "25 per month"),
        ("25 per month BY 2027-04-30.", "25 per month."),
        ("25 per month by 2027-04-30", "25 per month"),
    ] {
        let page = build_edited(&[("25 per month by 2027-04-30", written)]);
        let html = Html::parse_document(&page);
        assert_eq!(page.matches("2027-04-30").count(), 1, "{written}");
        assert_eq!(
            texts(&html, "td[data-label=Target]")[0],
            target,
            "{written}"
        );
        assert_eq!(
            texts(&html, "td[data-label=Deadline]")[0],
            "2027-04-30",
            "{written}"
        );
    }
}

#[test]
fn a_url_in_angle_brackets_links_without_them() {
    let page = build_edited(&[(
        "- https://example.com/videos/pacing-we-like — pacing and tone",
        "- <https://example.com/videos/pacing-we-like> — pacing and tone\n- see \"https://example.com/q\", [https://example.com/s] and 'https://example.com/t'.",
    )]);
    let html = Html::parse_document(&page);
    let links: Vec<(String, String)> = html
        .select(&Selector::parse("a[href]").unwrap())
        .map(|a| {
            (
                a.value().attr("href").unwrap().to_string(),
                a.text().collect(),
            )
        })
        .collect();
    let expected = [
        "https://example.com/videos/pacing-we-like",
        "https://example.com/q",
        "https://example.com/s",
        "https://example.com/t",
    ];
    assert_eq!(
        links,
        expected.map(|u| (u.to_string(), u.to_string())),
        "{page}"
    );
    // The brackets stay as text around the link.
    assert!(
        page.contains("&lt;<a href=\"https://example.com/videos/pacing-we-like\""),
        "{page}"
    );
}

#[test]
fn urls_in_metric_targets_and_sources_are_links() {
    let page = build_edited(&[
        (
            "25 per month by 2027-04-30",
            "25 per month by 2027-04-30, tracked at https://example.com/crm",
        ),
        (
            "(source: CRM activity)",
            "(source: https://example.com/activity)",
        ),
    ]);
    let html = Html::parse_document(&page);
    let hrefs: Vec<String> = html
        .select(&Selector::parse("td a[href]").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        hrefs,
        ["https://example.com/crm", "https://example.com/activity"]
    );
}
