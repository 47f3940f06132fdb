//! `briefc check` end to end: the real binary on real files in temporary
//! folders. Finding briefs, config lookup, output formats, flags, exit codes,
//! severity configuration, profiles, and snapshots of the reports.

mod support;

use support::{Brief, CLEAN, TODAY, briefc, with_error, with_warning};

/// `check --format json --today TODAY`, then `extra`.
fn json_check<'a>(extra: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    ["check", "--format", "json", "--today", TODAY]
        .into_iter()
        .chain(extra)
        .map(String::from)
        .collect()
}

// ---------------------------------------------------------------- finding briefs

#[test]
fn walks_folders_recursively_and_honours_gitignore_outside_a_git_repo() {
    let b = Brief::new()
        .file("a.brief", with_warning())
        .file("sub/b.brief", with_warning())
        .file("sub/deep/c.brief", with_warning())
        .file("drafts/d.brief", with_warning())
        .file("sub/old.brief", with_warning())
        .file(".gitignore", "drafts/\nold.brief\n");
    assert!(
        !b.path(".git").exists(),
        "the folder must not be a git repo"
    );
    let out = b.args(json_check([])).run();
    out.code(0);
    assert_eq!(out.json()["files"], 3, "{}", out.dump());
    assert_eq!(
        out.files(),
        ["a.brief", "sub/b.brief", "sub/deep/c.brief"],
        "{}",
        out.dump()
    );
}

#[test]
fn only_files_ending_in_dot_brief_are_checked_in_folders() {
    let out = Brief::new()
        .file("a.brief", with_warning())
        .file("notes.txt", "not a brief")
        .file("b.brief.bak", "# old\n")
        .file("c.md", "# readme\n")
        .file("briefs/readme", "hello")
        .args(json_check([]))
        .run();
    out.code(0);
    assert_eq!(out.json()["files"], 1, "{}", out.dump());
    assert_eq!(out.files(), ["a.brief"]);
}

#[test]
fn an_explicit_file_is_checked_whatever_its_name_and_even_if_ignored() {
    let out = Brief::new()
        .file("draft.txt", with_error())
        .file(".gitignore", "*.txt\n")
        .args(json_check(["draft.txt"]))
        .run();
    out.code(1).has_diagnostic("too-many-items", "error");
    assert_eq!(out.files(), ["draft.txt"]);
}

#[test]
fn briefs_are_reported_in_sorted_order() {
    // Created in reverse order, so the file system's order is unlikely to be sorted.
    let out = Brief::new()
        .file("z.brief", with_warning())
        .file("m/b.brief", with_warning())
        .file("m/a.brief", with_warning())
        .file("b.brief", with_warning())
        .file("a.brief", with_warning())
        .args(json_check(["z.brief", "m", "."]))
        .run();
    out.code(0);
    assert_eq!(
        out.files(),
        ["a.brief", "b.brief", "m/a.brief", "m/b.brief", "z.brief"],
        "every brief once, sorted\n{}",
        out.dump()
    );
    assert_eq!(out.json()["files"], 5);
}

#[test]
fn the_default_path_is_the_current_folder() {
    let out = Brief::new()
        .file("project/a.brief", with_warning())
        .file("project/sub/b.brief", with_warning())
        .file("elsewhere/c.brief", with_warning())
        .current_dir("project")
        .args(json_check([]))
        .run();
    out.code(0);
    // Paths are shown without a leading `./`.
    assert_eq!(out.files(), ["a.brief", "sub/b.brief"], "{}", out.dump());
}

// ---------------------------------------------------------------- config lookup

#[test]
fn config_is_looked_up_from_the_briefs_folder_upward() {
    let out = Brief::new()
        .file("a/briefc.yaml", "rules:\n  scene-gap: off\n")
        .file("a/b/c/deep.brief", with_warning())
        .file("outside.brief", with_warning())
        .args(json_check([]))
        .run();
    out.code(0);
    // Only the brief outside `a/` still reports the gap.
    assert_eq!(out.files(), ["outside.brief"], "{}", out.dump());
}

#[test]
fn the_nearest_config_wins() {
    let out = Brief::new()
        .file("a/briefc.yaml", "rules:\n  scene-gap: off\n")
        .file("a/b/briefc.yaml", "rules:\n  scene-gap: error\n")
        .file("a/top.brief", with_warning())
        .file("a/b/c/deep.brief", with_warning())
        .args(json_check([]))
        .run();
    out.code(1);
    let doc = out.json();
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{}", out.dump());
    assert_eq!(diags[0]["file"], "a/b/c/deep.brief");
    assert_eq!(diags[0]["rule"], "scene-gap");
    assert_eq!(diags[0]["severity"], "error");
}

#[test]
fn config_flag_overrides_the_lookup() {
    let out = Brief::new()
        .file("a/briefc.yaml", "rules:\n  scene-gap: off\n")
        .file("a/x.brief", with_warning())
        .file("strict.yaml", "rules:\n  scene-gap: error\n")
        .args(json_check(["--config", "strict.yaml", "a"]))
        .run();
    out.code(1).has_diagnostic("scene-gap", "error");
}

// ---------------------------------------------------------------- severities and profiles

#[test]
fn a_rule_set_to_off_is_silenced() {
    Brief::new()
        .file("a.brief", with_warning())
        .file("briefc.yaml", "rules: {scene-gap: off}\n")
        .args(json_check([]))
        .run()
        .code(0)
        .no_diagnostics();
}

#[test]
fn a_warning_rule_set_to_error_is_an_error() {
    let words = "word ".repeat(30);
    let brief = CLEAN.replace(
        "Visual: Sync-error pop-ups.\n",
        &format!("Visual: Sync-error pop-ups.\nVoiceover: {}\n", words.trim()),
    );
    // By default a warning: exit 0.
    Brief::new()
        .file("a.brief", &brief)
        .args(json_check([]))
        .run()
        .code(0)
        .has_diagnostic("voiceover-too-long", "warning");
    // Raised to an error: exit 1.
    let out = Brief::new()
        .file("a.brief", &brief)
        .file("briefc.yaml", "rules:\n  voiceover-too-long: error\n")
        .args(json_check([]))
        .run();
    out.code(1).has_diagnostic("voiceover-too-long", "error");
    assert_eq!(out.json()["errors"], 1);
    assert_eq!(out.json()["warnings"], 0);
}

#[test]
fn an_error_rule_set_to_warning_no_longer_fails() {
    Brief::new()
        .file("a.brief", with_error())
        .file("briefc.yaml", "rules:\n  too-many-items: warning\n")
        .args(json_check([]))
        .run()
        .code(0)
        .has_diagnostic("too-many-items", "warning");
}

#[test]
fn a_structural_rule_cannot_be_turned_off() {
    let out = Brief::new()
        .file("a.brief", CLEAN)
        .file(
            "briefc.yaml",
            "rules:\n  scene-gap: off\n  stray-text: off\n",
        )
        .args(["check", "a.brief"])
        .run();
    out.cannot_run(&["stray-text", "structural", "briefc.yaml:3:3"]);
}

const SOCIAL: &str = "profiles: { social: { length: { max: 60s }, limits: { benefits: 1 } } }\n";

#[test]
fn a_profile_sets_the_length_range_and_the_limits() {
    let brief = CLEAN
        .replace("length: 30s", "profile: social\nlength: 90s")
        .replace(
            "- Set up in minutes, not days\n",
            "- Set up in minutes, not days\n- Works offline\n",
        );
    let out = Brief::new()
        .file("a.brief", &brief)
        .file("briefc.yaml", SOCIAL)
        .args(json_check([]))
        .run();
    out.code(1)
        .has_diagnostic("length-out-of-range", "error")
        .has_diagnostic("too-many-items", "error");
    let doc = out.json();
    let message = |rule: &str| {
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == rule)
            .map(|d| d["message"].as_str().unwrap().to_string())
            .unwrap()
    };
    // The messages carry the numbers and name the profile.
    let length = message("length-out-of-range");
    assert!(
        length.contains("1 min 30 s") && length.contains("1 min") && length.contains("social"),
        "{length}"
    );
    let items = message("too-many-items");
    assert!(
        items.contains("2 items") && items.contains("limit is 1") && items.contains("social"),
        "{items}"
    );

    // Without the profile, the same brief is fine on those two counts.
    Brief::new()
        .file("a.brief", brief.replace("profile: social\n", ""))
        .file("briefc.yaml", SOCIAL)
        .args(json_check([]))
        .run()
        .lacks_rule("length-out-of-range")
        .lacks_rule("too-many-items");
}

#[test]
fn an_unknown_profile_is_an_invalid_value() {
    let out = Brief::new()
        .file(
            "a.brief",
            CLEAN.replace("length: 30s", "length: 30s\nprofile: socail"),
        )
        .file("briefc.yaml", SOCIAL)
        .args(json_check([]))
        .run();
    out.code(1).has_diagnostic("invalid-value", "error");
    let doc = out.json();
    let d = &doc["diagnostics"][0];
    assert_eq!(d["line"], 4);
    assert!(d["message"].as_str().unwrap().contains("socail"), "{d}");
    assert_eq!(d["help"], "did you mean `social`?");
}

#[test]
fn a_profile_without_any_config_is_an_invalid_value() {
    Brief::new()
        .file(
            "a.brief",
            CLEAN.replace("length: 30s", "length: 30s\nprofile: social"),
        )
        .args(json_check([]))
        .run()
        .code(1)
        .has_diagnostic("invalid-value", "error");
}

// ---------------------------------------------------------------- formats

#[test]
fn json_is_one_document_with_the_spec_field_names() {
    let out = Brief::new()
        .file("briefs/a.brief", with_error())
        .file("briefs/b.brief", CLEAN)
        .args(json_check([]))
        .run();
    out.code(1).stderr_empty();
    let doc = out.json();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&doc), ["diagnostics", "errors", "files", "warnings"]);
    assert_eq!(doc["files"], 2);
    assert_eq!(doc["errors"], 1);
    assert_eq!(doc["warnings"], 1);
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 2);
    for d in diags {
        assert_eq!(
            keys(d),
            [
                "column",
                "end_column",
                "end_line",
                "file",
                "help",
                "line",
                "message",
                "rule",
                "severity"
            ]
        );
        assert_eq!(d["file"], "briefs/a.brief");
        for n in ["line", "column", "end_line", "end_column"] {
            assert!(d[n].as_u64().is_some_and(|n| n >= 1), "{n} in {d}");
        }
        assert!(d["help"].is_string(), "{d}");
    }
    // The fourth benefit, `- Cheap`, is on line 18: `- ` at column 1, end after `Cheap`.
    let too_many = diags
        .iter()
        .find(|d| d["rule"] == "too-many-items")
        .unwrap();
    assert_eq!(too_many["severity"], "error");
    assert_eq!(
        too_many["message"],
        "Key benefits has 4 items; the limit is 3"
    );
    assert_eq!(
        (
            &too_many["line"],
            &too_many["column"],
            &too_many["end_line"],
            &too_many["end_column"]
        ),
        (&18.into(), &1.into(), &18.into(), &8.into())
    );
}

#[test]
fn json_columns_count_characters_not_bytes() {
    // `é` and `—` are several bytes each; the value `ébogus` runs from character 9 to 14.
    let brief = CLEAN
        .replace("# Acme Sync launch teaser", "# Café — teaser")
        .replace("stage: awareness", "stage:  ébogus");
    let out = Brief::new()
        .file("a.brief", brief)
        .args(json_check([]))
        .run();
    let d = &out.json()["diagnostics"][0];
    assert_eq!(d["rule"], "invalid-value", "{}", out.dump());
    assert_eq!(
        (&d["line"], &d["column"], &d["end_column"]),
        (&4.into(), &9.into(), &15.into())
    );
}

#[test]
fn a_clean_run_prints_an_empty_json_report() {
    let out = Brief::new()
        .file("a.brief", CLEAN)
        .args(json_check([]))
        .run();
    out.code(0).stderr_empty();
    assert_eq!(
        out.json(),
        serde_json::json!({"files": 1, "errors": 0, "warnings": 0, "diagnostics": []})
    );
}

#[test]
fn github_format_prints_one_workflow_command_per_diagnostic() {
    let b = Brief::new().file("briefs/a.brief", with_error());
    // An absolute path is shown relative to the current folder.
    let abs = b.path("briefs/a.brief").canonicalize().unwrap();
    let out = b
        .args(["check", "--format", "github", "--today", TODAY])
        .args([abs])
        .run();
    out.code(1).stderr_empty();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "::warning file=briefs/a.brief,line=17,col=1,endLine=17,endColumn=18,title=benefits-per-length::Key benefits has 4 items; a 30 s video carries at most 2 (15 s per benefit)%0Ahelp: keep 2 benefits or make the video longer",
            "::error file=briefs/a.brief,line=18,col=1,endLine=18,endColumn=8,title=too-many-items::Key benefits has 4 items; the limit is 3%0Ahelp: keep the 3 that matter most; the rest belong in another video",
        ],
        "{}",
        out.dump()
    );
}

#[test]
fn github_format_escapes_data_and_properties() {
    // A file name with `,` and `:`; a value with `%` and a lone carriage return.
    let brief = CLEAN.replace("length: 30s", "length: 50%\r0");
    let out = Brief::new()
        .file("odd,name:1.brief", brief)
        .args([
            "check",
            "--format",
            "github",
            "--today",
            TODAY,
            "odd,name:1.brief",
        ])
        .run();
    out.code(1);
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("title=invalid-value"))
        .unwrap_or_else(|| panic!("no invalid-value line\n{}", out.dump()));
    assert!(
        line.starts_with("::error file=odd%2Cname%3A1.brief,line=3,col=9,"),
        "{line}"
    );
    assert!(
        line.contains("::`50%25%0D0` is not a length%0Ahelp: "),
        "{line}"
    );
    // One physical line per command.
    assert_eq!(
        out.stdout.lines().count(),
        out.stdout.matches("::").count() / 2
    );
    assert!(!out.stdout.contains('\r'));
}

#[test]
fn human_format_shows_rule_place_help_and_summary() {
    let out = Brief::new()
        .file("a.brief", with_error())
        .args(["check", "--today", TODAY])
        .run();
    out.code(1)
        .stdout_has("too-many-items")
        .stdout_has("Key benefits has 4 items; the limit is 3")
        .stdout_has("[a.brief:18:1]")
        .stdout_has("help: keep the 3 that matter most")
        .stdout_has("1 error, 1 warning in 1 brief")
        .stdout_lacks("\u{1b}[");
}

#[test]
fn quiet_drops_the_summary_line() {
    Brief::new()
        .file("a.brief", CLEAN)
        .args(["check", "--quiet", "--today", TODAY])
        .run()
        .code(0)
        .stdout_empty();
    Brief::new()
        .file("a.brief", with_error())
        .args(["check", "-q", "--today", TODAY])
        .run()
        .code(1)
        .stdout_has("too-many-items")
        .stdout_lacks("in 1 brief");
}

// ---------------------------------------------------------------- flags and exit codes

#[test]
fn exit_0_when_clean() {
    Brief::new()
        .file("a.brief", CLEAN)
        .args(["check", "--today", TODAY])
        .run()
        .code(0)
        .stdout_has("0 errors, 0 warnings in 1 brief");
}

#[test]
fn exit_0_with_warnings_only() {
    Brief::new()
        .file("a.brief", with_warning())
        .args(["check", "--today", TODAY])
        .run()
        .code(0)
        .stdout_has("scene-gap")
        .stdout_has("0 errors, 1 warning in 1 brief");
}

#[test]
fn exit_1_with_errors() {
    Brief::new()
        .file("a.brief", with_error())
        .file("b.brief", CLEAN)
        .args(["check", "--today", TODAY])
        .run()
        .code(1)
        .stdout_has("1 error, 1 warning in 2 briefs");
}

#[test]
fn deny_warnings_makes_warnings_fail() {
    let b = Brief::new().file("a.brief", with_warning());
    b.args(["check", "--deny-warnings", "--today", TODAY])
        .run()
        .code(1)
        .stdout_has("scene-gap");
    Brief::new()
        .file("a.brief", CLEAN)
        .args(["check", "--deny-warnings", "--today", TODAY])
        .run()
        .code(0);
}

#[test]
fn today_sets_the_date_due_in_past_compares_against() {
    let brief = CLEAN.replace("length: 30s", "length: 30s\ndue: 2026-11-20");
    let run = |today: &str| {
        Brief::new()
            .file("a.brief", &brief)
            .args(["check", "--format", "json", "--today", today])
            .run()
    };
    let out = run("2026-11-24");
    out.code(0).has_diagnostic("due-in-past", "warning");
    let message = out.json()["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.contains("2026-11-20") && message.contains("2026-11-24"),
        "{message}"
    );
    run("2026-11-20").code(0).no_diagnostics();
    run("2026-01-01").code(0).no_diagnostics();
}

#[test]
fn exit_2_for_a_path_that_does_not_exist() {
    Brief::new()
        .file("a.brief", CLEAN)
        .args(["check", "a.brief", "missing.brief"])
        .run()
        .cannot_run(&["missing.brief", "no such file"]);
}

#[test]
fn exit_2_for_an_explicit_folder_without_briefs() {
    Brief::new()
        .file("a.brief", CLEAN)
        .file("empty/readme.txt", "nothing here")
        .args(["check", "a.brief", "empty"])
        .run()
        .cannot_run(&["empty", ".brief"]);
}

#[cfg(unix)]
#[test]
fn exit_2_for_an_unreadable_file() {
    let b = Brief::new().file("locked.brief", CLEAN);
    support::make_unreadable(&b.path("locked.brief"));
    // Root reads a chmod-000 file; `unprivileged` drops that power (and
    // skips only outside CI when it cannot).
    let Some(b) = b.unprivileged() else {
        return;
    };
    b.args(["check", "locked.brief"])
        .run()
        .cannot_run(&["locked.brief", "permission denied"]);
}

/// Faults that no user, root included, can read through.
#[cfg(unix)]
#[test]
fn exit_2_for_paths_that_cannot_be_briefs_even_for_root() {
    let long = format!("{}.brief", "a".repeat(300));
    let b = Brief::new()
        .file("a.brief", CLEAN)
        .file("file", "a regular file")
        .dir("folder.brief");
    let fifo = support::mkfifo(&b.path("pipe.brief"));
    // ENOTDIR: a path through a regular file.
    b.run_with(["check", "a.brief", "file/x.brief"])
        .cannot_run(&["`file/x.brief`", "not a directory"]);
    // ENAMETOOLONG: a name longer than the file system allows.
    b.run_with(["check", "a.brief", &long])
        .cannot_run(&["file name too long"]);
    // A folder where a file is expected: a folder without briefs.
    b.run_with(["check", "a.brief", "folder.brief"])
        .cannot_run(&["`folder.brief`", ".brief"]);
    // A FIFO would block forever: refused without being opened.
    if fifo {
        b.run_with(["check", "a.brief", "pipe.brief"])
            .cannot_run(&["`pipe.brief`", "not a regular file"]);
    }
    // (`cannot_run` also asserts an empty stdout: `a.brief` was not checked.)
}

#[test]
fn exit_2_for_a_bad_flag() {
    Brief::new()
        .file("a.brief", CLEAN)
        .args(["check", "--deny-warning"])
        .run()
        .cannot_run(&["--deny-warning"]);
    Brief::new()
        .file("a.brief", CLEAN)
        .args(["check", "--format", "xml"])
        .run()
        .cannot_run(&["xml", "json"]);
}

#[test]
fn exit_2_for_a_bad_today() {
    for bad in ["2026-13-01", "tomorrow", "24.11.2026"] {
        Brief::new()
            .file("a.brief", CLEAN)
            .args(["check", "--today", bad])
            .run()
            .cannot_run(&[bad, "--today", "YYYY-MM-DD"]);
    }
}

#[test]
fn exit_2_for_an_unknown_config_key_with_did_you_mean() {
    Brief::new()
        .file("a.brief", CLEAN)
        .file("briefc.yaml", "limits:\n  benfits: 3\n")
        .args(["check"])
        .run()
        .cannot_run(&["briefc.yaml:2:3", "benfits", "did you mean `benefits`?"]);
}

#[test]
fn exit_2_for_a_config_value_of_the_wrong_type() {
    Brief::new()
        .file("a.brief", CLEAN)
        .file("briefc.yaml", "speaking_rate_wpm: fast\n")
        .args(["check"])
        .run()
        .cannot_run(&["briefc.yaml:1:20", "speaking_rate_wpm", "expected a number"]);
    Brief::new()
        .file("a.brief", CLEAN)
        .file("briefc.yaml", "limits:\n  goal: many\n")
        .args(["check"])
        .run()
        .cannot_run(&["briefc.yaml:2:9", "limits.goal", "whole number"]);
}

#[test]
fn exit_2_for_a_length_range_inside_a_profile_at_its_line() {
    Brief::new()
        .file("a.brief", CLEAN)
        .file(
            "briefc.yaml",
            "profiles:\n  social:\n    limits: {benefits: 1}\n    length: {min: 2m, max: 1m}\n",
        )
        .args(["check"])
        .run()
        .cannot_run(&[
            "briefc.yaml:4:14",
            "`profiles.social.length`: the minimum `2m` is above the maximum `1m`",
            "length: {min: 1m, max: 2m}",
        ]);
}

#[test]
fn exit_2_for_a_rule_given_twice_in_the_config() {
    Brief::new()
        .file("a.brief", CLEAN)
        .file(
            "briefc.yaml",
            "rules:\n  scene-gap: off\n  scene-gap: error\n",
        )
        .args(["check"])
        .run()
        .cannot_run(&["briefc.yaml:3:3", "scene-gap"]);
}

#[test]
fn exit_2_for_a_missing_config_file() {
    Brief::new()
        .file("a.brief", CLEAN)
        .args(["check", "--config", "nope.yaml", "a.brief"])
        .run()
        .cannot_run(&["nope.yaml", "no such file"]);
}

// ---------------------------------------------------------------- examples and snapshots

#[test]
fn the_examples_check_clean() {
    let out = briefc(["check", "examples/", "--today", TODAY]);
    out.code(0).stdout_has("0 errors, 0 warnings in");
    let out = briefc(["check", "--format", "json", "--today", TODAY, "examples/"]);
    out.code(0).no_diagnostics();
}

/// Snapshots of the reports for a few bad briefs, human and JSON.
#[test]
fn report_snapshots() {
    for (name, path) in [
        ("many_errors", "tests/fixtures/bad/many-errors.brief"),
        (
            "voiceover_too_long",
            "tests/fixtures/rules/voiceover-too-long.fire.brief",
        ),
        (
            "missing_sign_off",
            "tests/fixtures/rules/missing-sign-off.fire.brief",
        ),
        (
            "scene_overlap",
            "tests/fixtures/rules/scene-overlap.fire.brief",
        ),
        (
            "benefits_per_length",
            "tests/fixtures/rules/benefits-per-length.fire.brief",
        ),
    ] {
        let human = briefc(["check", "--today", TODAY, path]);
        human.no_panic();
        insta::assert_snapshot!(format!("human_{name}"), human.stdout);
        let json = briefc(["check", "--format", "json", "--today", TODAY, path]);
        json.no_panic();
        insta::assert_snapshot!(format!("json_{name}"), json.stdout);
        let github = briefc(["check", "--format", "github", "--today", TODAY, path]);
        insta::assert_snapshot!(format!("github_{name}"), github.stdout);
    }
}
