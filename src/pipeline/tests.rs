//! The summary of a brief and the sums over many, on briefs written here.

use super::*;
use crate::config::Config;

const TODAY: &str = "2026-11-24";

fn today() -> Date {
    Date::parse(TODAY).expect("a date")
}

/// A brief with `header` lines and `body` sections, summed up as `path`.
fn summary(path: &str, header: &str, body: &str) -> BriefSummary {
    let text = format!("# {path}\n\nlength: 30s\n{header}\n{body}");
    let config = Config::default();
    let checked = crate::check_bytes(path, text.as_bytes(), &config, today());
    BriefSummary::new(
        BriefInput {
            path: path.into(),
            folder: ".".into(),
            brief: &checked.brief,
            diagnostics: &checked.diagnostics,
            settings: config.settings_for(&checked.brief),
            outputs: Outputs::default(),
        },
        today(),
    )
}

const SIGNED: &str =
    "## Sign-off\n- Priya Shah (marketing) 2026-11-20\n- Tom Becker (sales) 2026-11-21\n";

/// The header lines and sections of a brief.
type Parts = (&'static str, &'static str);

#[test]
fn each_signal_fires_and_stays_quiet() {
    let cases: &[(Signal, Parts, Parts)] = &[
        (
            Signal::ConvertWithoutSales,
            ("stage: convert\nmarketing: Priya Shah", ""),
            ("stage: convert\nsales: Tom Becker", ""),
        ),
        (
            Signal::ApprovedNotSigned,
            (
                "status: approved",
                "## Sign-off\n- Priya Shah (marketing) 2026-11-20\n- Tom Becker (sales)\n",
            ),
            ("status: approved", SIGNED),
        ),
        (
            Signal::PastDue,
            ("due: 2026-11-01\nstatus: review", ""),
            ("due: 2026-11-24\nstatus: review", ""),
        ),
        (
            Signal::UnmeasurableMetrics,
            (
                "",
                "## Success metrics\n- Awareness: grow it by 2027-04-30\n- Views: 10,000\n",
            ),
            ("", "## Success metrics\n- Views: 10,000 by 2027-04-30\n"),
        ),
        (
            Signal::VoiceoverTooLong,
            (
                "",
                "## Scenes\n### 0:00-0:02 Hook\nVoiceover: one two three four five six seven eight nine ten\n",
            ),
            (
                "",
                "## Scenes\n### 0:00-0:10 Hook\nVoiceover: one two three\n",
            ),
        ),
    ];
    for (signal, fire, quiet) in cases {
        let fired = summary("fire.brief", fire.0, fire.1);
        assert_eq!(fired.signals, [*signal], "{signal:?} fires alone");
        let quiet = summary("quiet.brief", quiet.0, quiet.1);
        assert!(
            quiet.signals.is_empty(),
            "{signal:?} stays quiet: {quiet:?}"
        );
    }
}

#[test]
fn a_summary_holds_what_the_table_shows() {
    let b = summary(
        "a.brief",
        "stage: engage\nstatus: review\ndue: 2026-11-20\nmarketing: Priya Shah\nsales: Tom Becker\ncutdowns: 15s, 6s",
        "## Success metrics\n- Awareness: more\n\n## Scenes\n### 0:00-0:02 Hook\nVoiceover: one two three four five six seven eight nine ten\n\n## Sign-off\n- Priya Shah (marketing) 2026-11-20\n",
    );
    assert_eq!(b.stage, Some(Stage::Engage));
    assert_eq!(
        (b.length_seconds, b.length_max_seconds),
        (Some(30), Some(30))
    );
    assert_eq!(b.cutdowns_seconds, [15, 6]);
    assert_eq!(b.days_overdue, Some(4));
    assert_eq!(b.sign_off.marketing, SignOffState::Signed);
    assert_eq!(b.sign_off.sales, SignOffState::Unlisted);
    assert_eq!(b.unmeasurable_metrics, ["Awareness"]);
    assert_eq!(b.voiceover_overruns.len(), 1);
    assert_eq!(b.voiceover_overruns[0].scene, "Hook");
    assert_eq!(b.voiceover_overruns[0].voiceover_seconds, 4.0);
    assert!(b.waits_on(Side::Sales) && !b.waits_on(Side::Marketing));
    // The diagnostics are counted as `check` reports them.
    assert!(b.warnings > 0, "{b:?}");
}

#[test]
fn sums_by_stage_week_and_side() {
    let briefs = vec![
        summary(
            "overdue.brief",
            "stage: convert\nsales: T\ndue: 2026-11-01\nstatus: review",
            "",
        ),
        summary(
            "this-week.brief",
            "stage: convert\nsales: T\ndue: 2026-11-29",
            "",
        ),
        summary(
            "next-week.brief",
            "stage: awareness\ndue: 2026-11-30\nstatus: approved",
            SIGNED,
        ),
        summary("week-12.brief", "due: 2027-02-14", ""),
        summary("later.brief", "due: 2027-02-15", ""),
        summary("done.brief", "due: 2026-11-01\nstatus: approved", SIGNED),
        summary("undated.brief", "status: review", ""),
    ];
    let p = Pipeline::new(briefs, Vec::new(), today());
    assert_eq!(p.totals.briefs, 7);
    assert_eq!(p.totals.length_seconds, 7 * 30);
    let convert = p
        .stages
        .iter()
        .find(|r| r.stage == Some(Stage::Convert))
        .unwrap();
    assert_eq!((convert.briefs.draft, convert.briefs.review), (1, 1));
    let none = p.stages.last().unwrap();
    assert_eq!((none.stage, none.briefs.total()), (None, 4));
    assert_eq!(p.due.overdue.review, 1);
    assert_eq!(p.due.weeks.len(), WEEKS);
    assert_eq!(p.due.weeks[0].start, today());
    assert_eq!(p.due.weeks[0].end.to_string(), "2026-11-29");
    assert_eq!(p.due.weeks[0].briefs.draft, 1);
    assert_eq!(p.due.weeks[1].briefs.approved, 1);
    assert_eq!(p.due.weeks[11].end.to_string(), "2027-02-14");
    assert_eq!(p.due.weeks[11].briefs.total(), 1);
    assert_eq!((p.due.later, p.due.done, p.due.undated), (1, 1, 1));
    // In review without sign-off: overdue.brief and undated.brief wait on both.
    assert_eq!(
        (p.waiting.marketing, p.waiting.sales, p.waiting.both),
        (2, 2, 2)
    );
    let past_due = p
        .signals
        .iter()
        .find(|s| s.signal == Signal::PastDue)
        .unwrap();
    assert_eq!(past_due.briefs, ["overdue.brief"]);
    assert_eq!(past_due.rule, "due-in-past");
}
