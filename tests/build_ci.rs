//! `briefc build` in a pipeline: `--format` and `--deny-warnings` like
//! `check`, so a job that builds the PDFs also annotates and fails on
//! warnings.

mod support;

use support::{Brief, CLEAN, with_warning};

#[test]
fn deny_warnings_stops_a_brief_with_warnings() {
    let dir = Brief::new().file("a.brief", with_warning());
    let out = dir.run_with(["build", "--deny-warnings", "a.brief"]);
    out.code(1).stdout_has("scene-gap");
    assert!(
        out.stderr
            .contains("has warnings (--deny-warnings) and was not compiled"),
        "{}",
        out.dump()
    );
    assert!(!dir.path("a.html").exists() && !dir.path("a.pdf").exists());
    // Without the flag the same brief builds, warnings shown, exit 0.
    let out = dir.run_with(["build", "a.brief"]);
    out.code(0).stdout_has("scene-gap");
    assert!(dir.path("a.html").exists() && dir.path("a.pdf").exists());
    // A clean brief builds under the flag.
    let clean = Brief::new().file("b.brief", CLEAN);
    clean
        .run_with(["build", "--deny-warnings", "b.brief"])
        .code(0);
}

#[test]
fn machine_formats_keep_stdout_one_document() {
    let dir = Brief::new().file("a.brief", with_warning());
    let out = dir.run_with(["build", "--html", "--format", "json", "a.brief"]);
    out.code(0);
    let doc: serde_json::Value =
        serde_json::from_str(&out.stdout).unwrap_or_else(|_| panic!("{}", out.dump()));
    assert_eq!(doc["warnings"], 1);
    assert_eq!(doc["diagnostics"][0]["rule"], "scene-gap");
    assert!(out.stderr.contains("wrote a.html"), "{}", out.dump());

    let out = dir.run_with(["build", "--html", "--format", "github", "a.brief"]);
    out.code(0);
    assert!(
        out.stdout.starts_with("::warning file=a.brief,"),
        "{}",
        out.dump()
    );

    let out = dir.run_with(["build", "--html", "--format", "sarif", "a.brief"]);
    let doc: serde_json::Value =
        serde_json::from_str(&out.stdout).unwrap_or_else(|_| panic!("{}", out.dump()));
    assert_eq!(doc["runs"][0]["results"][0]["ruleId"], "scene-gap");
}
