//! `briefc report`: the pipeline page and its JSON, run through the real
//! binary on a generated repository where every alignment signal has a
//! brief that raises it and one that stays quiet; the page's validity,
//! escaping, policy and determinism; its errors; and, in headless Chromium,
//! its layout at 1280 and 375 px and the filter and sort script.

mod support;

use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use support::{Brief, EPOCH, EPOCH_DATE, TODAY};

/// A brief that checks clean on [`TODAY`] except for what `header` and
/// `sections` add; `## Success metrics` is written unless `sections` has
/// one.
fn brief(title: &str, header: &str, sections: &str) -> String {
    let metrics = if sections.contains("## Success metrics") {
        ""
    } else {
        "## Success metrics\n- Views past 10 seconds: 10,000 in the first month\n\n"
    };
    format!(
        "# {title}\n\nlength: 30s\n{header}\n\n## Goal\nMake IT managers aware that Acme Sync exists.\n\n\
         ## Audience\nIT managers at companies of 200 to 2,000 seats.\n\n\
         ## Key benefits\n- Set up in minutes, not days\n\n{metrics}{sections}"
    )
}

const SIGNED: &str =
    "## Sign-off\n- Priya Shah (marketing) 2026-11-20\n- Tom Becker (sales) 2026-11-21\n";
const OWNERS: &str = "marketing: Priya Shah\nsales: Tom Becker";

/// The briefs that raise each signal, and those that must not.
const FIRES: &[(&str, &str)] = &[
    ("convert-without-sales", "briefs/convert/no-sales.brief"),
    ("approved-not-signed", "briefs/approved/half-signed.brief"),
    ("past-due", "briefs/due/late.brief"),
    ("unmeasurable-metrics", "briefs/metrics/vague.brief"),
    ("voiceover-too-long", "briefs/voiceover/long.brief"),
];

/// The title with markup in it, and what the page must show of it.
const XSS_TITLE: &str = "<script>alert(\"x\")</script> & <b>bold</b> 'launch'";
const XSS_OWNER: &str = "<img src=x onerror=alert(1)>";

/// A repository with a firing and a quiet brief for every signal, a brief
/// with errors, one with markup in every text, and built outputs next to
/// one brief and in `out/`.
fn signal_repo() -> Brief {
    Brief::new()
        .file(
            "briefs/convert/no-sales.brief",
            brief("Close video without sales", "stage: convert\nmarketing: Priya Shah", ""),
        )
        .file(
            "briefs/convert/with-sales.brief",
            brief("Close video with sales", &format!("stage: convert\n{OWNERS}"), ""),
        )
        .file(
            "briefs/approved/half-signed.brief",
            brief(
                "Approved, sales not signed",
                &format!("stage: engage\nstatus: approved\n{OWNERS}"),
                "## Sign-off\n- Priya Shah (marketing) 2026-11-20\n- Tom Becker (sales)\n",
            ),
        )
        .file(
            "briefs/approved/signed.brief",
            brief(
                "Approved and signed",
                &format!("stage: engage\nstatus: approved\ndue: 2026-12-02\n{OWNERS}"),
                SIGNED,
            ),
        )
        .file(
            "briefs/due/late.brief",
            brief(
                "Late teaser",
                &format!("stage: awareness\nstatus: review\ndue: 2026-11-01\n{OWNERS}"),
                "",
            ),
        )
        .file(
            "briefs/due/on-time.brief",
            brief(
                "On-time teaser",
                &format!("stage: awareness\nstatus: review\ndue: 2026-12-10\n{OWNERS}"),
                "",
            ),
        )
        .file(
            "briefs/due/done.brief",
            brief(
                "Done and dusted",
                &format!("stage: retain\nstatus: approved\ndue: 2026-11-01\n{OWNERS}"),
                SIGNED,
            ),
        )
        .file(
            "briefs/metrics/vague.brief",
            brief(
                "Vague metrics",
                &format!("stage: engage\n{OWNERS}"),
                "## Success metrics\n- Awareness: grow it by 2027-04-30\n- Views: 10,000\n",
            ),
        )
        .file(
            "briefs/metrics/numbers.brief",
            brief(
                "Numbers in every metric",
                &format!("stage: engage\n{OWNERS}"),
                "## Success metrics\n- Views: 10,000 by 2027-04-30\n",
            ),
        )
        .file(
            "briefs/voiceover/long.brief",
            brief(
                "Too much to say",
                &format!("stage: retain\n{OWNERS}"),
                "## Scenes\n### 0:00-0:02 Hook\nVoiceover: one two three four five six seven eight nine ten\n\n\
                 ### 0:02-0:30 Body\nVisual: The app.\n",
            ),
        )
        .file(
            "briefs/voiceover/fits.brief",
            brief(
                "Just enough to say",
                &format!("stage: retain\ncutdowns: 15s, 6s\n{OWNERS}"),
                "## Scenes\n### 0:00-0:10 Hook\nVoiceover: one two three\n\n### 0:10-0:30 Body\nVisual: The app.\n",
            ),
        )
        .file(
            "briefs/broken.brief",
            "# Broken\n\nlength: soon\nstage: engage\n",
        )
        .file(
            "briefs/markup.brief",
            brief(
                XSS_TITLE,
                &format!("stage: convert\nmarketing: {XSS_OWNER}\nsales: Tom & \"Sons\""),
                "",
            ),
        )
        // Built outputs: HTML next to a brief, a PDF in `out/`.
        .file("briefs/due/on-time.html", "<!DOCTYPE html><title>x</title>")
        .file("out/on-time.pdf", "%PDF-1.7")
        // Not a brief: ignored like everything `check` ignores.
        .file("briefs/notes.txt", "not a brief")
}

fn json_of(repo: &Brief, extra: &[&str]) -> Value {
    let mut args = vec![
        "report", "briefs", "--format", "json", "-o", "-", "--today", TODAY,
    ];
    args.extend_from_slice(extra);
    let out = repo.run_with(args);
    out.code(0).stderr_empty();
    out.json()
}

fn html_of(repo: &Brief) -> String {
    let out = repo.run_with(["report", "briefs", "-o", "-", "--today", TODAY]);
    out.code(0).stderr_empty();
    out.stdout
}

fn paths(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|p| p.as_str().expect("a path").to_string())
        .collect()
}

#[test]
fn every_signal_fires_on_its_brief_and_nowhere_else() {
    let repo = signal_repo();
    let doc = json_of(&repo, &[]);
    let signals = doc["signals"].as_array().expect("signals");
    assert_eq!(signals.len(), FIRES.len());
    for (signal, path) in FIRES {
        let found = signals
            .iter()
            .find(|s| s["signal"] == *signal)
            .unwrap_or_else(|| panic!("no {signal} in {signals:?}"));
        let expected = BTreeSet::from([path.to_string()]);
        assert_eq!(paths(&found["briefs"]), expected, "{signal}");
        assert_eq!(found["count"], 1, "{signal}");
        // The same brief carries the signal in its own summary.
        let summary = doc["briefs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["path"] == *path)
            .unwrap();
        assert_eq!(summary["signals"], serde_json::json!([signal]), "{path}");
    }
    // `check` agrees: each firing brief gets the rule the signal names.
    for (signal, path) in FIRES {
        let rule = signals.iter().find(|s| s["signal"] == *signal).unwrap()["rule"]
            .as_str()
            .unwrap()
            .to_string();
        let rules = repo
            .run_with(["check", "--format", "json", "--today", TODAY, path])
            .rules();
        assert!(rules.contains(&rule), "{path}: {rules:?} lacks {rule}");
    }
}

#[test]
fn totals_weeks_and_waiting_add_up() {
    let doc = json_of(&signal_repo(), &[]);
    let totals = &doc["totals"];
    assert_eq!(totals["briefs"], 13);
    // broken.brief, and the errors of `missing-sales-owner` and `missing-sign-off`.
    assert_eq!(totals["briefs_with_errors"], 3, "{totals}");
    assert_eq!(doc["today"], TODAY);
    assert_eq!(doc["briefc_report"], 1);
    // 2026-11-24 is a Tuesday: the first week runs to Sunday the 29th.
    let weeks = doc["due"]["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks[0]["start"], TODAY);
    assert_eq!(weeks[0]["end"], "2026-11-29");
    assert_eq!(weeks[1]["start"], "2026-11-30");
    assert_eq!(
        weeks[1]["briefs"]["approved"], 1,
        "signed.brief, due 2026-12-02"
    );
    assert_eq!(
        weeks[2]["briefs"]["review"], 1,
        "on-time.brief, due 2026-12-10"
    );
    assert_eq!(doc["due"]["overdue"]["review"], 1, "late.brief");
    assert_eq!(doc["due"]["done"], 1, "done.brief");
    // In review or approved without a dated sign-off: late, on-time, half-signed.
    assert_eq!(doc["waiting"]["marketing"], 2, "{}", doc["waiting"]);
    assert_eq!(doc["waiting"]["sales"], 3, "{}", doc["waiting"]);
    assert_eq!(doc["waiting"]["both"], 2, "{}", doc["waiting"]);
    // Stages: 13 briefs at 30 s each, one with an unreadable length.
    let stages = doc["stages"].as_array().unwrap();
    let engage = stages.iter().find(|s| s["stage"] == "engage").unwrap();
    assert_eq!(engage["without_length"], 1, "broken.brief");
    let seconds: u64 = stages
        .iter()
        .map(|s| s["length_seconds"].as_u64().unwrap())
        .sum();
    assert_eq!(seconds, 12 * 30);
}

#[test]
fn json_validates_against_the_schema() {
    let out = support::briefc(["report", "--schema"]);
    out.code(0).stderr_empty();
    let schema = out.json();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let doc = json_of(&signal_repo(), &["--builds", "out"]);
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // Strict enough that a drifted document fails.
    let mut drifted = doc.clone();
    drifted["briefs"][0]["owner"] = Value::from("someone");
    assert!(!validator.is_valid(&drifted), "an unknown field passes");
    let mut drifted = doc.clone();
    drifted["briefs"][0]["status"] = Value::from("done");
    assert!(!validator.is_valid(&drifted), "an unknown status passes");
    let mut drifted = doc;
    drifted["signals"][0]
        .as_object_mut()
        .unwrap()
        .remove("count");
    assert!(!validator.is_valid(&drifted), "a missing count passes");
}

#[test]
fn json_snapshot() {
    let doc = json_of(&signal_repo(), &["--builds", "out"]);
    insta::assert_json_snapshot!("report.json", doc);
}

#[test]
fn the_page_is_valid_html_and_every_value_is_escaped() {
    let page = html_of(&signal_repo());
    let html = Html::parse_document(&page);
    assert!(
        html.errors.is_empty(),
        "HTML parse errors: {:?}",
        html.errors
    );
    // One script, the page's own; the title is text, not markup.
    let scripts = Selector::parse("script").unwrap();
    assert_eq!(html.select(&scripts).count(), 1);
    assert!(!page.contains("<script>alert"), "a title became markup");
    assert!(!page.contains("<img src=x"), "an owner became markup");
    assert!(!page.contains("<b>bold"), "markup in a title became markup");
    let titles = Selector::parse("td.title > span[dir]").unwrap();
    let shown: Vec<String> = html.select(&titles).map(|e| e.text().collect()).collect();
    assert!(shown.contains(&XSS_TITLE.to_string()), "{shown:?}");
    let cells = Selector::parse("tbody td").unwrap();
    let texts: Vec<String> = html.select(&cells).map(|e| e.text().collect()).collect();
    assert!(texts.iter().any(|t| t == XSS_OWNER), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Tom & \"Sons\""));
    // Every brief is a row, every signal a count linking to its list.
    let rows = Selector::parse("#briefs-table tbody tr").unwrap();
    assert_eq!(html.select(&rows).count(), 13);
    for (signal, _) in FIRES {
        let link = Selector::parse(&format!(".signals a[href=\"#signal-{signal}\"]")).unwrap();
        let count: String = html
            .select(&link)
            .next()
            .expect("a signal link")
            .text()
            .collect();
        assert!(count.trim_start().starts_with("1 "), "{signal}: {count}");
        let list = Selector::parse(&format!("#signal-{signal} li a")).unwrap();
        let target = html.select(&list).next().expect("a listed brief");
        let row = target.value().attr("href").unwrap().trim_start_matches('#');
        assert!(
            page.contains(&format!("<tr id=\"{row}\"")),
            "{signal} links to a row"
        );
    }
    // One of a kind is said in the singular.
    let sections = Selector::parse("#signals, #lists").unwrap();
    let words: String = html.select(&sections).flat_map(|e| e.text()).collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("1 brief past due") && !words.contains("1 briefs"),
        "{words}"
    );
    // Readable without the script: the filters are hidden until it runs,
    // and nothing in the table needs it.
    let form = Selector::parse("form#filters[hidden]").unwrap();
    assert_eq!(html.select(&form).count(), 1);
    // The charts: four, each with its figures as a table.
    let charts = Selector::parse("figure svg.chart[role=img][aria-label]").unwrap();
    assert_eq!(html.select(&charts).count(), 4);
    assert!(
        !page.contains(" style="),
        "a style attribute, which the policy blocks"
    );
}

#[test]
fn the_policy_names_the_style_and_the_script_by_hash() {
    use base64::Engine as _;
    use sha2::Digest as _;
    let page = html_of(&signal_repo());
    let hash = |open: &str, close: &str| {
        let start = page.find(open).expect("the block") + open.len();
        let end = start + page[start..].find(close).unwrap();
        let digest = sha2::Sha256::digest(&page.as_bytes()[start..end]);
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    let meta_start = page
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("a policy");
    let meta = &page[meta_start..meta_start + page[meta_start..].find('>').unwrap()];
    assert!(
        meta.contains(&format!("style-src {};", hash("<style>", "</style>"))),
        "{meta}"
    );
    assert!(
        meta.contains(&format!("script-src {};", hash("<script>", "</script>"))),
        "{meta}"
    );
    assert!(
        meta.contains("default-src 'none'") && !meta.contains("unsafe-inline"),
        "{meta}"
    );
    assert!(meta_start < page.find("<style>").unwrap());
}

#[test]
fn the_same_briefs_give_the_same_bytes() {
    let repo = signal_repo();
    // No `--today`: SOURCE_DATE_EPOCH decides it, so the date is known.
    let repo = repo.env("SOURCE_DATE_EPOCH", EPOCH);
    let first = {
        repo.run_with(["report", "briefs", "-o", "a.html"]).code(0);
        std::fs::read(repo.path("a.html")).unwrap()
    };
    repo.run_with(["report", "briefs", "-o", "b.html"]).code(0);
    assert_eq!(first, std::fs::read(repo.path("b.html")).unwrap());
    let page = String::from_utf8(first).unwrap();
    assert!(
        page.contains(&format!("stands on {EPOCH_DATE}")),
        "the date of SOURCE_DATE_EPOCH"
    );
    let json = |name: &str| {
        repo.run_with(["report", "briefs", "--format", "json", "-o", name])
            .code(0);
        std::fs::read(repo.path(name)).unwrap()
    };
    assert_eq!(json("a.json"), json("b.json"));
}

#[test]
fn links_to_built_outputs_are_relative_to_the_report() {
    let repo = signal_repo()
        .file("briefs/due/a b#1.brief", brief("Odd name", OWNERS, ""))
        .file("briefs/due/a b#1.html", "x")
        .dir("site");
    let out = repo.run_with([
        "report",
        "briefs",
        "--format",
        "json",
        "-o",
        "site/r.json",
        "--builds",
        "out",
        "--today",
        TODAY,
    ]);
    out.code(0);
    let doc: Value =
        serde_json::from_slice(&std::fs::read(repo.path("site/r.json")).unwrap()).unwrap();
    let outputs = |path: &str| {
        doc["briefs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["path"] == path)
            .unwrap()["outputs"]
            .clone()
    };
    assert_eq!(
        outputs("briefs/due/on-time.brief"),
        serde_json::json!({"html": "../briefs/due/on-time.html", "pdf": "../out/on-time.pdf"})
    );
    assert_eq!(
        outputs("briefs/due/a b#1.brief"),
        serde_json::json!({"html": "../briefs/due/a%20b%231.html", "pdf": null})
    );
    assert_eq!(
        outputs("briefs/due/late.brief"),
        serde_json::json!({"html": null, "pdf": null})
    );
    // In the page, as links.
    let page = html_of(&repo);
    assert!(
        page.contains("<a href=\"briefs/due/on-time.html\" rel=\"noopener noreferrer\">HTML</a>"),
        "relative to the working folder with -o -"
    );
    // Every link, to an output or within the page, opens nothing that can
    // reach back.
    let doc = Html::parse_document(&page);
    let anchors = Selector::parse("a").unwrap();
    let mut count = 0;
    for a in doc.select(&anchors) {
        assert_eq!(
            a.value().attr("rel"),
            Some("noopener noreferrer"),
            "{}",
            a.html()
        );
        count += 1;
    }
    assert!(count > 10, "{count} links");
}

#[test]
fn written_even_with_errors_and_said_so() {
    let repo = signal_repo();
    let out = repo.run_with(["report", "briefs", "--today", TODAY]);
    out.code(0).stdout_empty();
    out.stderr_has("wrote report.html: 13 briefs; 1 no sales owner, 1 not signed, 1 past due, 1 unmeasurable, 1 voiceover too long");
    assert!(repo.path("report.html").is_file());
    let out = repo.run_with([
        "report", "briefs", "--format", "json", "--quiet", "--today", TODAY,
    ]);
    out.code(0).stdout_empty().stderr_empty();
    assert!(repo.path("report.json").is_file());
    // A folder given with a file in it that cannot be read: listed, written, exit 0.
    #[cfg(unix)]
    {
        let repo = signal_repo();
        std::os::unix::fs::symlink("nowhere.brief", repo.path("briefs/gone.brief")).unwrap();
        let out = repo.run_with(["report", "briefs", "-o", "-", "--today", TODAY]);
        out.code(0).stderr_has("gone.brief");
        out.stdout_has("1 file could not be read");
    }
}

#[test]
fn what_stops_it_is_said_with_a_fix() {
    let repo = signal_repo().dir("a-folder");
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["report", "missing"],
            &["`missing`", "check that the path exists"],
        ),
        (
            &["report", "briefs", "-o", "nowhere/r.html"],
            &["the folder `nowhere` does not exist", "mkdir -p nowhere"],
        ),
        (
            &["report", "briefs", "-o", "a-folder"],
            &["it is a folder", "a-folder/report.html"],
        ),
        (
            &["report", "briefs", "-o", "briefs/due/late.brief"],
            &["is a brief", "-o report.html"],
        ),
        (
            &["report", "briefs", "--builds", "nope"],
            &["`--builds nope` does not exist"],
        ),
        (
            &["report", "briefs", "--today", "24/11/2026"],
            &["not a date", "YYYY-MM-DD"],
        ),
    ];
    for (args, says) in cases {
        repo.run_with(*args).cannot_run(says);
    }
    let repo = repo.env("SOURCE_DATE_EPOCH", "yesterday");
    repo.run_with(["report", "briefs"])
        .cannot_run(&["SOURCE_DATE_EPOCH is `yesterday`"]);
    // Nothing was written by any of them.
    assert!(!repo.path("report.html").exists());
    assert_eq!(
        std::fs::read_to_string(repo.path("briefs/due/late.brief"))
            .unwrap()
            .lines()
            .next(),
        Some("# Late teaser")
    );
}

#[cfg(unix)]
#[test]
fn an_unwritable_folder_is_exit_2_and_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let Some(repo) = signal_repo().dir("locked").unprivileged() else {
        return;
    };
    std::fs::set_permissions(repo.path("locked"), std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = repo.run_with(["report", "briefs", "-o", "locked/r.html", "--today", TODAY]);
    out.cannot_run(&["cannot write `locked/r.html`", "-o FILE"]);
    assert_eq!(std::fs::read_dir(repo.path("locked")).unwrap().count(), 0);
}

// ------------------------------------------------------------- Chromium

/// `page` with `driver` run after the page's own script, allowed by the
/// policy through its hash like the page's script is.
fn with_driver(page: &str, driver: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(driver.as_bytes()));
    page.replacen("script-src ", &format!("script-src 'sha256-{hash}' "), 1)
        .replacen("</body>", &format!("<script>{driver}</script>\n</body>"), 1)
}

/// The DOM after the page's scripts and `driver` ran, at `width` px.
fn dom_after(chromium: &str, dir: &Path, page: &str, driver: &str, width: u32, name: &str) -> Html {
    let file = dir.join(format!("{name}.html"));
    let driver = driver.replace("__WIDTH__", &width.to_string());
    std::fs::write(&file, with_driver(page, &driver)).unwrap();
    let size = format!("--window-size={width},900");
    Html::parse_document(&support::chromium_dom(chromium, dir, name, &file, &[size]))
}

/// What the driver script wrote into `<pre id="driver">`.
fn driver_result(dom: &Html) -> Value {
    let pre = Selector::parse("pre#driver").unwrap();
    let text: String = dom
        .select(&pre)
        .next()
        .expect("the driver ran (is the policy blocking it?)")
        .text()
        .collect();
    serde_json::from_str(&text).expect("the driver's JSON")
}

const DRIVER: &str = r##"(function () {
  var out = {};
  var form = document.getElementById("filters");
  function visible() {
    return Array.prototype.filter.call(document.querySelectorAll("#briefs-table tbody tr"),
      function (r) { return !r.hidden; }).map(function (r) { return r.id; });
  }
  function set(name, value, type) {
    form.elements[name].value = value;
    form.elements[name].dispatchEvent(new Event(type, { bubbles: true }));
  }
  function heading(text) {
    return Array.prototype.find.call(document.querySelectorAll("#briefs-table thead th"),
      function (th) { return th.textContent.trim() === text; });
  }
  out.formShown = !form.hidden;
  out.all = visible();
  set("signal", "past-due", "change");
  out.pastDue = visible();
  out.shownText = document.getElementById("shown").textContent;
  set("signal", "errors", "change");
  out.errors = visible();
  set("signal", "", "change");
  set("stage", "convert", "change");
  out.convert = visible();
  set("stage", "", "change");
  set("q", "TOM & \"SONS\"", "input");
  out.query = visible();
  set("q", "", "input");
  var due = heading("Due");
  due.querySelector("button").click();
  out.dueAscending = visible();
  out.dueSort = due.getAttribute("aria-sort");
  due.querySelector("button").click();
  out.dueDescending = visible();
  heading("Brief").querySelector("button").click();
  out.byTitle = Array.prototype.map.call(document.querySelectorAll("#briefs-table tbody tr td.title > span[dir]"),
    function (s) { return s.textContent; });
  document.querySelector('.show-in-table[data-signal="convert-without-sales"]').click();
  out.showInTable = visible();
  out.signalChoice = form.elements.signal.value;
  // Headless Chromium lays a page out at 500 px at least: narrower, the
  // body is made as wide as the phone (the media queries of 375 px apply
  // from 640 px down already), and nothing may stick out of it.
  var width = __WIDTH__;
  if (window.innerWidth > width) {
    document.body.style.width = width + "px";
  }
  out.pageWidth = Math.max(document.body.scrollWidth, document.documentElement.scrollWidth > window.innerWidth ? document.documentElement.scrollWidth : 0);
  out.viewport = Math.min(window.innerWidth, width);
  var wrap = document.querySelector(".table-wrap");
  out.tableScrolls = wrap.scrollWidth > wrap.clientWidth;
  var pre = document.createElement("pre");
  pre.id = "driver";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();"##;

/// The row id of the brief at `path` in `page` (rows are numbered in the
/// order briefs were found).
fn row_of(page: &Html, title: &str) -> String {
    let rows = Selector::parse("#briefs-table tbody tr").unwrap();
    let span = Selector::parse("td.title > span[dir]").unwrap();
    page.select(&rows)
        .find(|r| {
            r.select(&span)
                .next()
                .is_some_and(|s| s.text().collect::<String>() == title)
        })
        .and_then(|r| r.value().attr("id"))
        .unwrap_or_else(|| panic!("no row titled {title}"))
        .to_string()
}

#[test]
fn the_script_filters_and_sorts_in_chromium() {
    let Some(chromium) = support::chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = html_of(&signal_repo());
    let html = Html::parse_document(&page);
    let row = |title: &str| Value::from(row_of(&html, title));
    let dom = dom_after(chromium, dir.path(), &page, DRIVER, 1280, "wide");
    let r = driver_result(&dom);
    assert_eq!(r["formShown"], true);
    assert_eq!(r["all"].as_array().unwrap().len(), 13);
    assert_eq!(r["pastDue"], Value::Array(vec![row("Late teaser")]), "{r}");
    assert_eq!(r["shownText"], "1 of 13 briefs shown");
    assert_eq!(
        r["errors"],
        Value::Array(vec![
            row("Approved, sales not signed"),
            row("Broken"),
            row("Close video without sales")
        ]),
        "{r}"
    );
    assert_eq!(
        r["convert"],
        Value::Array(vec![
            row("Close video without sales"),
            row("Close video with sales"),
            row(XSS_TITLE)
        ]),
        "{r}"
    );
    assert_eq!(r["query"], Value::Array(vec![row(XSS_TITLE)]), "{r}");
    // By due date: earliest first, briefs without one last either way.
    let ascending: Vec<Value> = r["dueAscending"].as_array().unwrap()[..4].to_vec();
    assert_eq!(
        ascending,
        [
            row("Done and dusted"),
            row("Late teaser"),
            row("Approved and signed"),
            row("On-time teaser")
        ],
        "ties keep the order found: {r}"
    );
    assert_eq!(r["dueSort"], "ascending");
    let descending: Vec<Value> = r["dueDescending"].as_array().unwrap()[..4].to_vec();
    assert_eq!(
        descending,
        [
            row("On-time teaser"),
            row("Approved and signed"),
            row("Done and dusted"),
            row("Late teaser")
        ],
        "ties keep the order found: {r}"
    );
    let titles: Vec<&str> = r["byTitle"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted);
    assert_eq!(
        r["showInTable"],
        Value::Array(vec![row("Close video without sales")]),
        "{r}"
    );
    assert_eq!(r["signalChoice"], "convert-without-sales");
}

#[test]
fn no_page_scroll_at_375_px_the_table_scrolls_in_its_box() {
    let Some(chromium) = support::chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = html_of(&signal_repo());
    for (width, table_scrolls) in [(375, true), (1280, false)] {
        let r = driver_result(&dom_after(
            chromium,
            dir.path(),
            &page,
            DRIVER,
            width,
            &format!("w{width}"),
        ));
        assert_eq!(r["viewport"], width, "{r}");
        assert!(
            r["pageWidth"].as_u64().unwrap() <= u64::from(width),
            "the page scrolls sideways at {width} px: {r}"
        );
        assert_eq!(r["tableScrolls"], table_scrolls, "{width} px: {r}");
    }
}

#[test]
fn a_script_the_policy_does_not_name_does_not_run() {
    let Some(chromium) = support::chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = html_of(&signal_repo());
    // Injected without its hash in the policy: blocked, and the page's own
    // script still runs (it unhides the filters).
    let injected = page.replacen(
        "</body>",
        "<script>document.body.setAttribute('data-pwned', 'yes')</script></body>",
        1,
    );
    let file = dir.path().join("injected.html");
    std::fs::write(&file, injected).unwrap();
    let dom = support::chromium_dom(chromium, dir.path(), "injected", &file, &[]);
    assert!(!dom.contains("data-pwned=\"yes\""), "an unnamed script ran");
    assert!(
        dom.contains("<form id=\"filters\" class=\"filters\">"),
        "the page's own script did not run"
    );
}

#[test]
fn screenshots_at_1280_and_375_px() {
    let Some(chromium) = support::chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // `BRIEFC_SCREENSHOTS=DIR` keeps the pictures for a person to look at.
    let keep = std::env::var_os("BRIEFC_SCREENSHOTS").map(std::path::PathBuf::from);
    let repo = signal_repo();
    repo.run_with(["report", "briefs", "-o", "report.html", "--today", TODAY])
        .code(0);
    for (width, height) in [(1280, 2600), (375, 5200)] {
        let shot = dir.path().join(format!("report-{width}.png"));
        let out = support::chromium_command(chromium, dir.path(), &format!("shot{width}"))
            .arg(format!("--window-size={width},{height}"))
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("file://{}", repo.path("report.html").display()))
            .output()
            .unwrap();
        assert!(
            shot.is_file(),
            "no screenshot: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&shot).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
        let info = decoder.read_info().unwrap().info().clone();
        assert_eq!((info.width, info.height), (width, height));
        if let Some(keep) = &keep {
            std::fs::create_dir_all(keep).unwrap();
            std::fs::copy(&shot, keep.join(format!("report-{width}.png"))).unwrap();
        }
    }
}
