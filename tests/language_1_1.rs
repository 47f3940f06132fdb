//! Language 1.1, end to end through the real binary: length ranges,
//! cutdowns, `version`, timecodes in seconds, the new sections and their
//! rules, `fmt`, and the HTML and PDF of the example that uses them all.

mod support;

use support::{Brief, CLEAN, TODAY, briefc_fmt};

/// `CLEAN` (a 30 s brief with scenes to 0:30) with its `length:` replaced.
fn with_length(length: &str) -> String {
    CLEAN.replace("length: 30s", &format!("length: {length}"))
}

/// `check --format json` of one brief: its `(rule, line, severity)` list.
fn check(text: &str) -> Vec<(String, u64, String)> {
    let out = Brief::new()
        .file("a.brief", text)
        .args(["check", "--format", "json", "--today", TODAY, "a.brief"])
        .run();
    out.no_panic();
    out.diagnostics()
}

/// The message and help of the only diagnostic of `text`.
fn only(text: &str) -> (String, String, String) {
    let out = Brief::new()
        .file("a.brief", text)
        .args(["check", "--format", "json", "--today", TODAY, "a.brief"])
        .run();
    let doc = out.json();
    let diags = doc["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 1, "{}", out.dump());
    let d = &diags[0];
    let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
    (s("rule"), s("message"), s("help"))
}

fn rules(text: &str) -> Vec<String> {
    check(text).into_iter().map(|d| d.0).collect()
}

#[test]
fn a_range_around_the_scenes_is_quiet() {
    for length in ["20-40s", "30s-1m", "0:20-0:30", "30-45 s", "20s to 30s"] {
        assert_eq!(
            rules(&with_length(length)),
            Vec::<String>::new(),
            "{length}"
        );
    }
}

#[test]
fn scenes_are_held_to_both_ends_of_a_range() {
    // Scenes end at 0:30.
    let (rule, message, _) = only(&with_length("10-20s"));
    assert_eq!(rule, "scenes-exceed-length");
    assert_eq!(
        message,
        "the scenes run to 0:30, 10 s past the longest length of 0:20 (10–20 s)"
    );
    let (rule, message, help) = only(&with_length("40-50s"));
    assert_eq!(rule, "scenes-short-of-length");
    assert_eq!(
        message,
        "the last scene ends at 0:30, 10 s before the shortest length of 0:40 (40–50 s)"
    );
    assert_eq!(help, "plan the scenes up to 0:40, or shorten `length`");
}

#[test]
fn length_out_of_range_checks_both_ends() {
    let text = |length: &str| {
        with_length(length).replace(
            "### 0:00-0:10 Hook\nVisual: Sync-error pop-ups.\n\n### 0:10-0:30 End card\nVisual: Logo and URL.\n",
            "",
        )
    };
    assert_eq!(rules(&text("3-30s")), ["length-out-of-range"]);
    assert_eq!(rules(&text("10m-25m")), ["length-out-of-range"]);
    let (_, message, _) = only(&text("10m-25m"));
    assert_eq!(message, "the length is 10–25 min; the maximum is 20 min");
    assert!(rules(&text("5s-20m")).is_empty());
}

#[test]
fn benefits_per_length_uses_the_lower_bound() {
    let three = CLEAN.replace(
        "- Set up in minutes, not days\n",
        "- Set up in minutes\n- Works offline\n- SOC 2 certified\n",
    );
    // 30-60 s: the lower bound carries two benefits.
    let text = three.replace("length: 30s", "length: 30-60s");
    assert_eq!(rules(&text), ["benefits-per-length"]);
    let text = three
        .replace("length: 30s", "length: 45-60s")
        .replace("0:10-0:30 End", "0:10-0:45 End");
    assert!(rules(&text).is_empty());
}

#[test]
fn a_reversed_range_is_one_invalid_value_read_the_right_way_round() {
    let (rule, message, help) = only(&with_length("40-20s"));
    assert_eq!(rule, "invalid-value");
    assert_eq!(
        message,
        "the length range `40-20s` starts at 40 s, above its end at 20 s"
    );
    assert_eq!(help, "write the shorter length first: `length: 20-40s`");
}

#[test]
fn plain_lengths_behave_as_in_1_0() {
    let (rule, message, _) = only(&with_length("20s"));
    assert_eq!(rule, "scenes-exceed-length");
    assert_eq!(
        message,
        "the scenes run to 0:30, 10 s past the length of 0:20 (20 s)"
    );
    let (rule, message, _) = only(&with_length("40s"));
    assert_eq!(rule, "scenes-short-of-length");
    assert_eq!(
        message,
        "the last scene ends at 0:30, 10 s before the length of 0:40"
    );
    let (_, message, help) = only(&with_length("ninety"));
    assert_eq!(message, "`ninety` is not a length");
    assert!(help.contains("`60-90s`"), "{help}");
}

#[test]
fn cutdowns_must_be_durations_shorter_than_the_video() {
    let with = |cutdowns: &str| {
        CLEAN.replace(
            "length: 30s\n",
            &format!("length: 30s\ncutdowns: {cutdowns}\n"),
        )
    };
    assert!(rules(&with("15s, 6s")).is_empty());
    let (rule, message, help) = only(&with("30s, 15s, 45s"));
    assert_eq!(rule, "invalid-value");
    assert_eq!(
        message,
        "the cutdowns `30s`, `45s` are not shorter than the video's length of 30 s"
    );
    assert!(help.starts_with("a cutdown is a shorter version"), "{help}");
    let (_, message, _) = only(&with("15s, soon"));
    assert_eq!(message, "`soon` is not a duration");
    // Against a range: its lower bound.
    let text = with("20s").replace("length: 30s", "length: 20-40s");
    let (_, message, _) = only(&text);
    assert_eq!(
        message,
        "the cutdown `20s` is not shorter than the shortest length of the video, 20 s"
    );
}

#[test]
fn timecodes_in_seconds_are_read_and_formatted() {
    let text = CLEAN
        .replace("### 0:00-0:10 Hook", "### 0-10s Hook")
        .replace("### 0:10-0:30 End card", "### 10s-30s End card");
    assert!(rules(&text).is_empty());
    assert_eq!(briefc_fmt(&text), CLEAN);
    // Mixed forms, and one that overlaps, are timed like any other.
    let text = CLEAN.replace("### 0:10-0:30 End card", "### 8s-0:30 End card");
    assert_eq!(rules(&text), ["scene-overlap"]);
    // No `s` at all: still no timecodes, as in 1.0.
    let text = CLEAN.replace("### 0:00-0:10 Hook", "### 0-10 Hook");
    assert_eq!(rules(&text), ["scene-timecode"]);
}

#[test]
fn new_sections_are_read_and_their_aliases_formatted() {
    let text = format!(
        "{CLEAN}\n## Don'ts\n- Stock handshakes\n\n## Background\nThe phone line is busy.\n\n## Assets\n- Logo pack by 2027-02-01\n\n## Open questions\n- Spanish cut?\n"
    );
    assert!(rules(&text).is_empty(), "{:?}", check(&text));
    let formatted = briefc_fmt(&text);
    assert!(
        formatted.contains("\n## Avoid\n- Stock handshakes\n"),
        "{formatted}"
    );
    assert_eq!(briefc_fmt(&formatted), formatted);
}

#[test]
fn bad_dates_in_assets_and_milestones_are_invalid_values_with_the_fix() {
    let text = format!("{CLEAN}\n## Assets\n- Logo pack by 01/02/2027\n");
    let (rule, message, help) = only(&text);
    assert_eq!(rule, "invalid-value");
    assert_eq!(
        message,
        "the deadline `01/02/2027` is not written YYYY-MM-DD"
    );
    assert!(help.contains("YYYY-MM-DD"), "{help}");

    let text = format!(
        "{CLEAN}\n## Milestones\n- 2027-02-30: Shoot\n- Kick-off\n- 2027/03/01: Delivery\n"
    );
    let found = check(&text);
    let lines: Vec<(String, u64)> = found.iter().map(|d| (d.0.clone(), d.1)).collect();
    assert_eq!(
        lines,
        [
            ("invalid-value".to_string(), 28),
            ("invalid-value".to_string(), 29),
            ("invalid-value".to_string(), 30)
        ]
    );
    let out = Brief::new()
        .file("a.brief", &text)
        .args(["check", "--format", "json", "--today", TODAY, "a.brief"])
        .run();
    let doc = out.json();
    let help: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["help"].as_str().unwrap_or(""))
        .collect();
    assert!(help[0].contains("February 2027 has 28 days"), "{help:?}");
    assert!(
        help[1].starts_with("write milestones as `- YYYY-MM-DD: what happens`"),
        "{help:?}"
    );
    assert_eq!(help[2], "write `- 2027-03-01: Delivery`");
}

#[test]
fn milestones_read_as_a_schedule() {
    // The fixed date of a misspelt milestone is used: no out-of-order on top.
    let text = format!(
        "{}\n## Milestones\n- 2027-01-10: Kick-off\n- 2027/01/20: Script\n- 2027-01-30 — Shoot\n- 2027-02-01\n- 2027-02-02 Client review: final cut\n",
        CLEAN.replace("length: 30s\n", "length: 30s\ndue: 2027-02-14\n")
    );
    assert_eq!(rules(&text), ["invalid-value"]);
    let out = Brief::new()
        .file("a.brief", &text)
        .args(["export", "a.brief"])
        .run();
    out.code(1);
    let fixed = text.replace("2027/01/20", "2027-01-20");
    let out = Brief::new()
        .file("a.brief", &fixed)
        .args(["export", "a.brief"])
        .run();
    out.code(0);
    let doc = out.json();
    let sections = doc["brief"]["sections"].as_array().unwrap();
    let milestones = sections.iter().find(|s| s["kind"] == "milestones").unwrap();
    assert_eq!(
        milestones["content"]["items"],
        serde_json::json!([
            {"date": "2027-01-10", "text": "Kick-off"},
            {"date": "2027-01-20", "text": "Script"},
            {"date": "2027-01-30", "text": "Shoot"},
            {"date": "2027-02-01", "text": ""},
            {"date": "2027-02-02", "text": "Client review: final cut"}
        ])
    );
}

#[test]
fn version_and_cutdowns_and_ranges_are_exported() {
    let text = CLEAN.replace(
        "length: 30s\n",
        "version: v3\nlength: 20-40s\ncutdowns: 15s, 6s\n",
    );
    let out = Brief::new()
        .file("a.brief", &text)
        .args(["export", "a.brief"])
        .run();
    out.code(0);
    let header = &out.json()["brief"]["header"];
    assert_eq!(header["version"], "v3");
    assert_eq!(header["length_seconds"], 20);
    assert_eq!(header["length_max_seconds"], 40);
    assert_eq!(header["cutdowns_seconds"], serde_json::json!([15, 6]));
    // A single length exports as in 1.0: no `length_max_seconds`.
    let out = Brief::new()
        .file("a.brief", CLEAN)
        .args(["export", "a.brief"])
        .run();
    assert!(
        out.json()["brief"]["header"]
            .get("length_max_seconds")
            .is_none()
    );
}

#[test]
fn stats_give_each_briefs_running_time_and_the_totals() {
    let b = Brief::new().file("a.brief", CLEAN).file(
        "b.brief",
        CLEAN.replace("length: 30s", "length: 30-45s").replace(
            "Visual: Logo and URL.",
            "Visual: Logo.\nVoiceover: Book your demo today at acme.example/demo.",
        ),
    );
    let out = b.run_with(["check", "--stats", "--today", TODAY, "a.brief", "b.brief"]);
    out.code(0);
    let table: Vec<&str> = out.stdout.lines().take(4).collect();
    assert_eq!(
        table,
        [
            "brief               length  scenes  scene total  voiceover",
            "a.brief               0:30       2         0:30       0:00",
            "b.brief          0:30–0:45       2         0:30       0:04",
            "total, 2 briefs  1:00–1:15       4         1:00       0:04",
        ]
    );
    let out = b.run_with([
        "check", "--stats", "--format", "json", "--today", TODAY, "a.brief", "b.brief",
    ]);
    let stats = &out.json()["stats"];
    assert_eq!(stats["briefs"][1]["file"], "b.brief");
    assert_eq!(stats["briefs"][1]["length_max_seconds"], 45);
    assert_eq!(stats["total"]["scenes"], 4);
    assert_eq!(stats["total"]["scene_seconds"], 60);
    // Asked for, the table is printed with --quiet too (without the summary).
    let out = b.run_with(["check", "--stats", "-q", "--today", TODAY, "a.brief"]);
    assert!(out.stdout.starts_with("brief "), "{}", out.dump());
    assert!(!out.stdout.contains("0 errors"), "{}", out.dump());
    // Without --stats the JSON document is as before.
    let out = b.run_with(["check", "--format", "json", "--today", TODAY, "a.brief"]);
    assert!(out.json().get("stats").is_none());
}

#[test]
fn the_1_1_example_shows_every_addition_in_html_and_pdf() {
    let example = std::fs::read_to_string(support::repo("examples/harbor-clinic.brief")).unwrap();
    let b = Brief::new().file("harbor.brief", &example);
    let out = b.run_with(["build", "--today", TODAY, "harbor.brief"]);
    out.code(0);
    let html = std::fs::read_to_string(b.path("harbor.html")).unwrap();
    for shown in [
        "<dt>Version</dt><dd dir=\"auto\">v3</dd>",
        "<dt>Length</dt><dd dir=\"auto\">60–90 s</dd>",
        "<dt>Cutdowns</dt><dd dir=\"auto\">30 s, 15 s, 6 s</dd>",
        "<h2>Background</h2>",
        "<h2>Avoid</h2>",
        "<h2>Assets</h2>",
        "<h2>Open questions</h2>",
        "<table class=\"milestones\">",
        "<time datetime=\"2027-02-20\">2027-02-20</time>",
        "<span class=\"tc\">0:10–0:35</span>",
    ] {
        assert!(html.contains(shown), "the HTML lacks {shown}");
    }
    let Some(text) = support::pdftotext(&b.path("harbor.pdf")) else {
        return;
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for shown in [
        "v3",
        "60–90 s",
        "30 s, 15 s, 6 s",
        "Background",
        "Avoid",
        "Stock footage of doctors with stethoscopes",
        "Assets",
        "Milestones",
        "2027-02-20 Shoot day at the Harbor Street clinic",
        "Open questions",
        "0:10–0:35",
    ] {
        assert!(text.contains(shown), "the PDF text lacks {shown}:\n{text}");
    }
}

#[test]
fn the_readme_shows_what_check_stats_prints() {
    let readme = std::fs::read_to_string(support::repo("README.md")).unwrap();
    let command = "$ briefc check --stats examples/\n";
    let start = readme.find(command).expect("the example in the README") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = support::briefc(["check", "--stats", "--today", "2026-12-01", "examples/"]);
    assert_eq!(
        out.stdout, shown,
        "README.md shows another table than briefc prints"
    );
}
