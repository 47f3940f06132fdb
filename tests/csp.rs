//! The HTML page's Content-Security-Policy: it allows its own inline styles
//! (by hash) and nothing else, and Chromium honours it. Judged by
//! screenshots: the page with its policy looks exactly like the page without
//! one, and a style block the policy does not name is not applied.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

fn screenshot(chromium: &str, dir: &Path, page: &Path, name: &str) -> Vec<u8> {
    let shot = dir.join(format!("{name}.png"));
    let out = support::chromium_command(chromium, dir, name)
        .arg("--window-size=800,1200")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        shot.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(shot).unwrap()
}

#[test]
fn the_policy_allows_the_pages_own_styles_and_nothing_else() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(assert_cmd::cargo::cargo_bin("briefc"))
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1790000000")
        .args(["build", "--html", "-o", "."])
        .arg(root.join("examples/acme-sync.brief"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let page = std::fs::read_to_string(dir.path().join("acme-sync.html")).unwrap();
    let meta_start = page
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("a policy");
    let meta_end = meta_start + page[meta_start..].find('>').unwrap() + 2;
    let meta = &page[meta_start..meta_end];
    assert!(
        meta.contains("default-src 'none'") && meta.contains("style-src 'sha256-"),
        "{meta}"
    );
    assert!(
        !meta.contains("unsafe-inline") && !meta.contains("script-src"),
        "{meta}"
    );
    assert!(
        meta_start < page.find("<style>").unwrap(),
        "the policy comes before the styles"
    );

    let Some(chromium) = support::chromium() else {
        return;
    };
    let without = page.replacen(meta, "", 1);
    // A style block the policy does not name: blocked, so the page looks the same.
    let injected = page.replacen(
        "</head>",
        "<style>body{background:#f00 !important}</style></head>",
        1,
    );
    let files = [
        ("with", &page),
        ("without", &without),
        ("injected", &injected),
    ];
    let mut shots = Vec::new();
    for (name, text) in files {
        let path = dir.path().join(format!("{name}.html"));
        std::fs::write(&path, text).unwrap();
        shots.push(screenshot(chromium, dir.path(), &path, name));
    }
    assert_eq!(
        shots[0], shots[1],
        "the policy blocks the page's own styles"
    );
    assert_eq!(
        shots[0], shots[2],
        "a style the policy does not name was applied"
    );
    // And it is not so that nothing is applied: without the policy, the
    // injected style shows.
    let open = without.replacen(
        "</head>",
        "<style>body{background:#f00 !important}</style></head>",
        1,
    );
    let path = dir.path().join("open.html");
    std::fs::write(&path, open).unwrap();
    assert_ne!(shots[0], screenshot(chromium, dir.path(), &path, "open"));
}

/// `briefc build --html` of the acme example in `dir`, with the templates
/// of `templates` into `out` (both relative to `dir`); it must succeed.
fn build_acme_with(dir: &Path, templates: &str, out: &str) -> std::process::Output {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(assert_cmd::cargo::cargo_bin("briefc"))
        .current_dir(dir)
        .args(["build", "--html", "-o", out, "--templates", templates])
        .arg(root.join("examples/acme-sync.brief"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    output
}

#[test]
fn a_script_in_a_template_override_does_not_run() {
    // A team's template may hold a script, inline or as an event handler;
    // the brief's page names no script in its policy, so neither runs.
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("tpl");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("brief.html"),
        "<!doctype html><html><head><meta charset=\"utf-8\"><style>p{color:#123}</style></head>\
         <body onload=\"document.body.setAttribute('data-handler', 'ran')\"><p>{{ title }}</p>\
         <script>document.body.setAttribute('data-script', 'ran')</script></body></html>",
    )
    .unwrap();
    let out = build_acme_with(dir.path(), "tpl", ".");
    // Said at build time, so nobody wonders why it does nothing.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "warning: the template `tpl/brief.html` holds a <script>, which will not run"
        ),
        "{stderr}"
    );
    let page = std::fs::read_to_string(dir.path().join("acme-sync.html")).unwrap();
    assert!(page.contains("<script>"), "the override's script is kept");
    // An override without a script: no warning.
    let quiet = dir.path().join("quiet");
    std::fs::create_dir(&quiet).unwrap();
    std::fs::write(quiet.join("brief.html"), "<p>{{ title }}</p>").unwrap();
    let out = build_acme_with(dir.path(), "quiet", "quiet");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("warning"),
        "{out:?}"
    );
    let meta_start = page
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("a policy");
    let meta = &page[meta_start..meta_start + page[meta_start..].find('>').unwrap()];
    assert!(meta.contains("default-src 'none'"), "{meta}");
    assert!(!meta.contains("script-src"), "{meta}");

    let Some(chromium) = support::chromium() else {
        return;
    };
    let path = dir.path().join("acme-sync.html");
    let dom = support::chromium_dom(chromium, dir.path(), "with", &path, &[]);
    assert!(dom.contains("Acme Sync"), "the page rendered: {dom}");
    assert!(
        !dom.contains("data-script=\"ran\""),
        "the override's script ran"
    );
    assert!(
        !dom.contains("data-handler=\"ran\""),
        "the override's handler ran"
    );
    // Without the policy both run: the test can tell.
    let open = dir.path().join("open.html");
    std::fs::write(&open, page.replacen(meta, "<meta", 1)).unwrap();
    let dom = support::chromium_dom(chromium, dir.path(), "open", &open, &[]);
    assert!(dom.contains("data-script=\"ran\""), "{dom}");
    assert!(dom.contains("data-handler=\"ran\""), "{dom}");
}
