//! `briefc new`, `briefc export` and `briefc explain` through the real binary.

mod support;

use support::{briefc_in as briefc, root};

#[test]
fn new_writes_a_clean_skeleton_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    briefc(dir.path())
        .args(["new", "briefs/spring-promo.brief"])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("briefs/spring-promo.brief")).unwrap();
    assert!(text.starts_with("# Spring Promo\n"));
    // Clean but for its placeholders, which `--deny-warnings` refuses.
    let out = briefc(dir.path())
        .args(["check", "--today", "2026-11-24"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = briefc(dir.path())
        .args(["check", "--deny-warnings", "--today", "2026-11-24"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));

    std::fs::write(dir.path().join("briefs/spring-promo.brief"), "mine").unwrap();
    let out = briefc(dir.path())
        .args(["new", "briefs/spring-promo.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("briefs/spring-promo.brief")).unwrap(),
        "mine"
    );

    let out = briefc(dir.path())
        .args(["new", "notes.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn export_json_and_yaml() {
    let root = root();
    let out = briefc(&root)
        .args(["export", "examples/acme-sync.brief", "--to", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["briefc_export"], 1);
    assert_eq!(
        doc["brief"]["title"],
        "Acme Sync — 90-second overview for sales follow-up"
    );
    assert_eq!(doc["brief"]["header"]["length_seconds"], 90);
    assert_eq!(doc["brief"]["header"]["stage"], "convert");
    let scenes = doc["brief"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "scenes")
        .unwrap();
    assert_eq!(scenes["content"]["items"][1]["time"]["start_seconds"], 10);
    assert_eq!(
        scenes["content"]["items"][1]["fields"][1]["kind"],
        "voiceover"
    );

    let out = briefc(&root)
        .args(["export", "examples/acme-sync.brief", "--to", "yaml"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains("length_seconds: 90"), "{yaml}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.brief"), "no title\n").unwrap();
    let out = briefc(dir.path())
        .args(["export", "bad.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "a brief with errors must not be exported"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing-title"));
}

#[test]
fn explain_prints_the_rule_and_suggests_on_typos() {
    let root = root();
    let out = briefc(&root)
        .args(["explain", "too-many-items"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("too-many-items\n") && text.contains("Why") && text.contains("Example"),
        "{text}"
    );

    let out = briefc(&root).args(["explain", "--list"]).output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        briefc::diagnostic::Rule::ALL.len()
    );

    let out = briefc(&root)
        .args(["explain", "scene-gpa"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `scene-gap`?"));
}
