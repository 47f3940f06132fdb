//! `briefc new` through the real binary: the starter brief checks clean but
//! for its `placeholder` warnings at every stage and length, its scenes add
//! up to the length, and it never replaces a file without `--force`.

mod support;

use briefc::model::placeholder as ph;
use support::{Brief, TODAY};

const STAGES: [&str; 4] = ["awareness", "engage", "convert", "retain"];

/// `(--length, seconds)`: the ends of the default range, the edges of the
/// scene proportions (hook and call to action take a tenth, 1 s to 15 s) and
/// of the benefits a length carries (one per 15 s).
const LENGTHS: [(&str, u64); 16] = [
    ("6s", 6),
    ("7s", 7),
    ("10s", 10),
    ("15s", 15),
    ("29s", 29),
    ("30s", 30),
    ("59s", 59),
    ("60s", 60),
    ("61s", 61),
    ("90s", 90),
    ("2m", 120),
    ("2m30s", 150),
    ("5m", 300),
    ("10m", 600),
    ("19m59s", 1199),
    ("20m", 1200),
];

/// The scenes of `file` as `(start, end)` seconds, read back through
/// `briefc export`, with the exported length.
fn exported_scenes(b: &Brief, file: &str) -> (u64, Vec<(u64, u64)>) {
    let out = b.run_with(["export", file, "--to", "json"]);
    out.code(0);
    let doc = out.json();
    let length = doc["brief"]["header"]["length_seconds"]
        .as_u64()
        .unwrap_or_else(|| panic!("no length\n{}", out.dump()));
    let scenes = doc["brief"]["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["kind"] == "scenes")
        .unwrap_or_else(|| panic!("no scenes\n{}", out.dump()));
    let times = scenes["content"]["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|scene| {
            (
                scene["time"]["start_seconds"].as_u64().unwrap(),
                scene["time"]["end_seconds"].as_u64().unwrap(),
            )
        })
        .collect();
    (length, times)
}

#[test]
fn every_stage_and_length_checks_clean_but_for_placeholders() {
    let b = Brief::new();
    for stage in STAGES {
        for (length, seconds) in LENGTHS {
            let file = format!("{stage}-{length}.brief");
            b.run_with(["new", &file, "--stage", stage, "--length", length])
                .code(0);

            let out = b.run_with(["check", "--format", "json", "--today", TODAY, &file]);
            out.code(0);
            let found = out.diagnostics();
            assert!(!found.is_empty(), "no placeholder reported\n{}", out.dump());
            for (rule, _, severity) in &found {
                assert!(
                    rule == "placeholder" && severity == "warning",
                    "{stage} {length}: unexpected {severity} `{rule}`\n{}",
                    out.dump()
                );
            }
            let text = std::fs::read_to_string(b.path(&file)).unwrap();
            assert_eq!(
                text.contains("\nsales: "),
                stage == "convert",
                "{stage}: a `sales:` line only for convert\n{text}"
            );

            b.run_with([
                "check",
                "--deny-warnings",
                "--quiet",
                "--today",
                TODAY,
                &file,
            ])
            .code(1);

            // The scenes run from 0:00 to the length, with no gap or overlap.
            let (exported, scenes) = exported_scenes(&b, &file);
            assert_eq!(exported, seconds, "{file}");
            assert_eq!(scenes.len(), 3, "{file}: hook, body, call to action");
            assert_eq!(scenes[0].0, 0, "{file}: {scenes:?}");
            assert_eq!(scenes[2].1, seconds, "{file}: {scenes:?}");
            for pair in scenes.windows(2) {
                assert_eq!(pair[0].1, pair[1].0, "{file}: {scenes:?}");
            }
            let total: u64 = scenes.iter().map(|(start, end)| end - start).sum();
            assert_eq!(total, seconds, "{file}: {scenes:?}");
        }
    }
    // And every one is in canonical form: `fmt --check` changes nothing.
    b.run_with(["fmt", "--check", "."]).code(0);
}

#[test]
fn a_thirty_second_brief_has_the_documented_skeleton() {
    let b = Brief::new();
    b.run_with([
        "new",
        "promo.brief",
        "--length",
        "30s",
        "--title",
        "Spring teaser",
    ])
    .code(0)
    .stdout_has("wrote promo.brief");
    let text = std::fs::read_to_string(b.path("promo.brief")).unwrap();
    assert!(text.starts_with("# Spring teaser\n"), "{text}");
    for line in [
        "stage: engage",
        "length: 30s",
        "### 0:00-0:03 Hook",
        "### 0:03-0:27 Body",
        "### 0:27-0:30 Call to action",
    ] {
        assert!(text.lines().any(|l| l == line), "no `{line}` in\n{text}");
    }
    // Every section, once, in canonical order.
    let sections: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    assert_eq!(
        sections,
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
            "Deliverables",
            "References",
            "Checklist",
            "Sign-off",
            "Notes"
        ]
    );
    // The defaults: 60 s, engage, a title from the file name.
    b.run_with(["new", "briefs/q3_launch-video.brief"]).code(0);
    let text = std::fs::read_to_string(b.path("briefs/q3_launch-video.brief")).unwrap();
    assert!(text.starts_with("# Q3 Launch Video\n"), "{text}");
    assert!(text.contains("\nlength: 1m\n") && text.contains("\nstage: engage\n"));
}

#[test]
fn placeholders_point_at_the_text_to_replace() {
    let b = Brief::new();
    b.run_with(["new", "a.brief", "--stage", "convert"]).code(0);
    let out = b.run_with(["check", "--format", "json", "--today", TODAY, "a.brief"]);
    let doc = out.json();
    let client = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("[Client name]"))
        .unwrap_or_else(|| panic!("no diagnostic for [Client name]\n{}", out.dump()));
    let text = std::fs::read_to_string(b.path("a.brief")).unwrap();
    let line = text
        .lines()
        .position(|l| l == "client: [Client name]")
        .unwrap() as u64
        + 1;
    assert_eq!(client["line"], line);
    assert_eq!(client["column"], 9);
    assert_eq!(client["severity"], "warning");
    assert!(
        client["help"]
            .as_str()
            .unwrap()
            .starts_with("replace it with the client's name"),
        "{client}"
    );

    // Filled in, it is clean: the placeholders were the only warnings.
    let mut filled = text.clone();
    for (placeholder, value) in [
        (&ph::METRIC_TARGET, "25 per month"),
        (&ph::REFERENCE, "Pace: https://example.com/pace"),
    ] {
        filled = filled.replace(placeholder.text, value);
    }
    for placeholder in ph::ALL {
        filled = filled.replace(placeholder.text, "Filled in");
    }
    let b = b.file("filled.brief", &filled);
    b.run_with([
        "check",
        "--deny-warnings",
        "--format",
        "json",
        "--today",
        TODAY,
        "filled.brief",
    ])
    .code(0)
    .no_diagnostics();
}

#[test]
fn refuses_to_overwrite_without_force() {
    let b = Brief::new().file("promo.brief", "mine\n");
    b.run_with(["new", "promo.brief"])
        .cannot_run(&["promo.brief", "already exists", "--force"]);
    assert_eq!(std::fs::read(b.path("promo.brief")).unwrap(), b"mine\n");
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(b.path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["promo.brief"]);

    // `--force` replaces it with a new brief.
    b.run_with(["new", "promo.brief", "--force", "--length", "15s"])
        .code(0)
        .stdout_has("replaced promo.brief");
    let text = std::fs::read_to_string(b.path("promo.brief")).unwrap();
    assert!(
        text.starts_with("# Promo\n") && text.contains("\nlength: 15s\n"),
        "{text}"
    );
    // `--force` on a file that is not there writes it.
    b.run_with(["new", "fresh.brief", "--force"])
        .code(0)
        .stdout_has("wrote fresh.brief");
}

#[cfg(unix)]
#[test]
fn force_writes_through_a_link_and_keeps_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let b = Brief::new().file("shared/promo.brief", "old\n");
    std::fs::set_permissions(
        b.path("shared/promo.brief"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    std::os::unix::fs::symlink("shared/promo.brief", b.path("promo.brief")).unwrap();
    b.run_with(["new", "promo.brief", "--force"]).code(0);
    assert!(
        b.path("promo.brief")
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let target = b.path("shared/promo.brief");
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("# Promo\n")
    );
    assert_eq!(
        target.metadata().unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn bad_length_stage_or_title_cannot_run() {
    let b = Brief::new();
    for bad in ["ninety", "90", "1.5", "0s", "2s", ""] {
        let out = b.run_with(["new", "a.brief", "--length", bad]);
        out.code(2).stdout_empty();
        if bad.ends_with('s') {
            out.stderr_has("at least `3s`");
        } else {
            for form in ["`90s`", "`2m`", "`1m30s`", "`1:30`"] {
                out.stderr_has(form);
            }
        }
    }
    b.run_with(["new", "a.brief", "--length", "90"])
        .stderr_has("did you mean `1m30s`?");
    let out = b.run_with(["new", "a.brief", "--stage", "decide"]);
    out.code(2).stdout_empty();
    for stage in STAGES {
        out.stderr_has(stage);
    }
    for title in ["", "  ", "Two\nlines"] {
        b.run_with(["new", "a.brief", "--title", title])
            .cannot_run(&["title"]);
    }
    assert!(!b.path("a.brief").exists());
    // Stages are read in any case.
    b.run_with(["new", "a.brief", "--stage", "Convert"]).code(0);
    let text = std::fs::read_to_string(b.path("a.brief")).unwrap();
    assert!(text.contains("\nstage: convert\nlength: 1m\n"), "{text}");
}

#[test]
fn build_warns_about_placeholders_before_writing() {
    let b = Brief::new();
    b.run_with(["new", "promo.brief"]).code(0);
    let out = b.run_with(["build", "--html", "--today", TODAY, "promo.brief"]);
    out.code(0);
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(all.contains("placeholder"), "{}", out.dump());
}
