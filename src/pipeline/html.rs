//! The report as one standalone HTML page: the alignment signals, four
//! charts, the table of briefs (sortable and filterable by a small inline
//! script, readable without it) and the list of briefs behind each signal.
//!
//! The [`Pipeline`] is turned into a view model of strings, the charts are
//! drawn by [`super::charts`], and the Tera template `templates/report.html`
//! (with `report.css` and `report.js`) renders it with autoescaping on: a
//! brief's text is always data. The page's Content-Security-Policy names its
//! one style block and its one script by SHA-256 and allows nothing else;
//! every link carries `rel="noopener noreferrer"`.

use super::charts::{self, Part, Row, Tone};
use super::{BriefSummary, Pipeline, Signal, WEEKS};
use crate::model::{Date, Duration, SignOffState, Stage, Status, capitalise, month_name};
use crate::render::html::{
    OwnScripts, TemplateError, error_chain, with_content_security_policy, with_safe_links,
};
use serde::Serialize;
use std::sync::OnceLock;

/// The report's templates, embedded in the binary.
const TEMPLATES: &[(&str, &str)] = &[
    ("report.html", include_str!("../../templates/report.html")),
    ("report.css", include_str!("../../templates/report.css")),
    ("report.js", include_str!("../../templates/report.js")),
];

/// The report as a complete HTML document. `version` is briefc's, shown in
/// the footer.
pub fn html(report: &Pipeline, version: &str) -> Result<String, TemplateError> {
    static TERA: OnceLock<Result<tera::Tera, String>> = OnceLock::new();
    let fail = |message: String| TemplateError {
        path: None,
        message,
    };
    let tera = TERA
        .get_or_init(|| {
            let mut tera = tera::Tera::default();
            tera.autoescape_on(vec![".html"]);
            tera.add_raw_templates(TEMPLATES.iter().copied())
                .map_err(|e| error_chain(&e))?;
            Ok(tera)
        })
        .as_ref()
        .map_err(|e| fail(e.clone()))?;
    let page = Page::new(report, version);
    let context = tera::Context::from_serialize(&page).map_err(|e| fail(error_chain(&e)))?;
    let text = tera
        .render("report.html", &context)
        .map_err(|e| fail(error_chain(&e)))?;
    Ok(with_content_security_policy(
        &with_safe_links(&text),
        OwnScripts::ByHash,
    ))
}

/// What the template sees.
#[derive(Serialize)]
struct Page<'a> {
    version: &'a str,
    today: String,
    headline: Vec<Fact>,
    signals: Vec<SignalView>,
    charts: Vec<ChartView>,
    stages: Vec<Choice>,
    statuses: Vec<Choice>,
    signal_choices: Vec<Choice>,
    rows: Vec<RowView<'a>>,
    unreadable: &'a [super::Unreadable],
}

/// A figure in the headline: "37 briefs".
#[derive(Serialize)]
struct Fact {
    value: String,
    label: String,
}

/// An option of a filter.
#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: String,
}

#[derive(Serialize)]
struct SignalView {
    id: &'static str,
    title: &'static str,
    why: &'static str,
    rule: &'static str,
    count: usize,
    items: Vec<SignalItem>,
}

#[derive(Serialize)]
struct SignalItem {
    row: String,
    title: String,
    path: String,
    detail: String,
}

#[derive(Serialize)]
struct ChartView {
    id: &'static str,
    title: &'static str,
    /// What the bars measure and what is left out.
    note: String,
    /// The SVG, built and escaped by `charts`.
    svg: String,
    legend: Vec<Legend>,
    figures: Figures,
}

#[derive(Serialize)]
struct Legend {
    class: &'static str,
    label: &'static str,
}

/// The chart's numbers as a table, under the chart.
#[derive(Serialize)]
struct Figures {
    head: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

#[derive(Serialize)]
struct RowView<'a> {
    id: String,
    title: &'a str,
    file: &'a str,
    folder: &'a str,
    stage: &'static str,
    length: String,
    length_sort: String,
    cutdowns: String,
    status: &'static str,
    due: String,
    due_sort: String,
    late: String,
    marketing: Option<&'a str>,
    sales: Option<&'a str>,
    no_sales: bool,
    sign_off: [SideView; 2],
    sign_off_sort: u8,
    errors: usize,
    warnings: usize,
    problems_sort: usize,
    signals: String,
    tags: Vec<Tag>,
    html: Option<&'a str>,
    pdf: Option<&'a str>,
}

#[derive(Serialize)]
struct SideView {
    side: &'static str,
    state: &'static str,
    text: &'static str,
}

#[derive(Serialize)]
struct Tag {
    id: &'static str,
    text: &'static str,
}

impl<'a> Page<'a> {
    fn new(report: &'a Pipeline, version: &'a str) -> Page<'a> {
        let totals = &report.totals;
        let minutes = minutes_range(totals.length_seconds, totals.length_max_seconds);
        let mut headline = vec![
            Fact {
                value: totals.briefs.to_string(),
                label: plural(totals.briefs, "brief", "briefs").into(),
            },
            Fact {
                value: minutes,
                label: "of video".into(),
            },
        ];
        for status in Status::ALL {
            headline.push(Fact {
                value: totals.by_status.of(*status).to_string(),
                label: status.name().into(),
            });
        }
        headline.push(Fact {
            value: totals.briefs_with_errors.to_string(),
            label: format!(
                "{} with errors",
                plural(totals.briefs_with_errors, "brief", "briefs")
            ),
        });
        Page {
            version,
            today: report.today.to_string(),
            headline,
            signals: signal_views(report),
            charts: vec![
                stage_status_chart(report),
                minutes_chart(report),
                weeks_chart(report),
                waiting_chart(report),
            ],
            stages: Stage::ALL
                .iter()
                .map(|s| Choice {
                    value: s.name(),
                    label: capitalise(s.name()),
                })
                .chain(std::iter::once(Choice {
                    value: "none",
                    label: "No stage".into(),
                }))
                .collect(),
            statuses: Status::ALL
                .iter()
                .map(|s| Choice {
                    value: s.name(),
                    label: capitalise(s.name()),
                })
                .collect(),
            signal_choices: Signal::ALL
                .iter()
                .map(|s| Choice {
                    value: s.id(),
                    label: capitalise(s.title()),
                })
                .chain([
                    Choice {
                        value: "errors",
                        label: "Briefs with errors".into(),
                    },
                    Choice {
                        value: "warnings",
                        label: "Briefs with warnings".into(),
                    },
                ])
                .collect(),
            rows: report
                .briefs
                .iter()
                .enumerate()
                .map(|(i, b)| row_view(i, b))
                .collect(),
            unreadable: &report.unreadable,
        }
    }
}

/// The anchor of the `i`th brief's row.
fn row_id(i: usize) -> String {
    format!("brief-{}", i + 1)
}

fn row_view(i: usize, b: &BriefSummary) -> RowView<'_> {
    let file = b.path.rsplit(['/', '\\']).next().unwrap_or(&b.path);
    let side = |side: &'static str, state: SignOffState| SideView {
        side,
        state: match state {
            SignOffState::Signed => "signed",
            SignOffState::Unsigned => "unsigned",
            SignOffState::Unlisted => "unlisted",
        },
        text: match state {
            SignOffState::Signed => "signed",
            SignOffState::Unsigned => "not yet",
            SignOffState::Unlisted => "not listed",
        },
    };
    let signed = [b.sign_off.marketing, b.sign_off.sales]
        .iter()
        .filter(|s| **s == SignOffState::Signed)
        .count();
    let mut signals: Vec<&str> = b.signals.iter().map(|s| s.id()).collect();
    if b.errors > 0 {
        signals.push("errors");
    }
    if b.warnings > 0 {
        signals.push("warnings");
    }
    RowView {
        id: row_id(i),
        title: &b.title,
        file,
        folder: &b.folder,
        stage: b.stage.map_or("none", Stage::name),
        length: length_text(b.length_seconds, b.length_max_seconds),
        length_sort: b.length_seconds.map(|s| s.to_string()).unwrap_or_default(),
        cutdowns: b
            .cutdowns_seconds
            .iter()
            .map(|&s| Duration::from_secs(s).timecode())
            .collect::<Vec<_>>()
            .join(", "),
        status: b.status.name(),
        due: b.due.map(|d| d.to_string()).unwrap_or_default(),
        due_sort: b.due.map(|d| d.to_string()).unwrap_or_default(),
        late: b
            .days_overdue
            .map(|d| format!("{d} {} late", plural(d as usize, "day", "days")))
            .unwrap_or_default(),
        marketing: b.marketing.as_deref(),
        sales: b.sales.as_deref(),
        no_sales: b.has(Signal::ConvertWithoutSales),
        sign_off: [
            side("Marketing", b.sign_off.marketing),
            side("Sales", b.sign_off.sales),
        ],
        sign_off_sort: signed as u8,
        errors: b.errors,
        warnings: b.warnings,
        problems_sort: b.errors * 100_000 + b.warnings,
        signals: signals.join(" "),
        tags: b
            .signals
            .iter()
            .map(|s| Tag {
                id: s.id(),
                text: s.tag(),
            })
            .collect(),
        html: b.outputs.html.as_deref(),
        pdf: b.outputs.pdf.as_deref(),
    }
}

fn signal_views(report: &Pipeline) -> Vec<SignalView> {
    report
        .signals
        .iter()
        .map(|count| {
            let signal = count.signal;
            let items = report
                .briefs
                .iter()
                .enumerate()
                .filter(|(_, b)| b.has(signal))
                .map(|(i, b)| SignalItem {
                    row: row_id(i),
                    title: b.title.clone(),
                    path: b.path.clone(),
                    detail: signal_detail(signal, b),
                })
                .collect();
            SignalView {
                id: signal.id(),
                title: if count.count == 1 {
                    signal.title_one()
                } else {
                    signal.title()
                },
                why: signal.why(),
                rule: count.rule,
                count: count.count,
                items,
            }
        })
        .collect()
}

/// What the brief lacks, in a few words, for the list under a signal.
fn signal_detail(signal: Signal, b: &BriefSummary) -> String {
    match signal {
        Signal::ConvertWithoutSales => match &b.marketing {
            Some(owner) => format!("marketing owner {owner}; no sales owner"),
            None => "no owner on either side".into(),
        },
        Signal::ApprovedNotSigned => {
            let missing: Vec<&str> = [
                ("marketing", b.sign_off.marketing),
                ("sales", b.sign_off.sales),
            ]
            .into_iter()
            .filter(|(_, state)| *state != SignOffState::Signed)
            .map(|(side, _)| side)
            .collect();
            format!("no dated sign-off from {}", missing.join(" or "))
        }
        Signal::PastDue => {
            let days = b.days_overdue.unwrap_or(0);
            format!(
                "due {}, {days} {} ago; {}",
                b.due.map(|d| d.to_string()).unwrap_or_default(),
                plural(days as usize, "day", "days"),
                status_words(b.status)
            )
        }
        Signal::UnmeasurableMetrics => format!(
            "no number in the target of {}",
            quoted_list(&b.unmeasurable_metrics)
        ),
        Signal::VoiceoverTooLong => b
            .voiceover_overruns
            .iter()
            .map(|o| {
                format!(
                    "“{}” takes {} s to say, the scene lasts {} s",
                    o.scene,
                    charts::number(o.voiceover_seconds),
                    o.scene_seconds
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn quoted_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("“{i}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The status parts of a bar, draft to approved, each with its number.
fn status_parts(counts: super::ByStatus) -> Vec<Part> {
    [
        (Status::Draft, Tone::Draft),
        (Status::Review, Tone::Review),
        (Status::Approved, Tone::Approved),
    ]
    .into_iter()
    .map(|(status, tone)| {
        let n = counts.of(status);
        Part {
            value: n as f64,
            tone,
            text: Some(n.to_string()),
            title: format!("{n} {}", status_words(status)),
        }
    })
    .collect()
}

/// A bar of briefs by status labelled `label`, and its line in the figures
/// (labelled `figure`); `alert` marks the label.
fn status_bar(
    label: String,
    figure: String,
    counts: super::ByStatus,
    alert: bool,
) -> (Row, Vec<String>) {
    let line = vec![
        figure,
        counts.draft.to_string(),
        counts.review.to_string(),
        counts.approved.to_string(),
        counts.total().to_string(),
    ];
    let bar = Row {
        label,
        parts: status_parts(counts),
        total: counts.total().to_string(),
        alert,
    };
    (bar, line)
}

fn status_words(status: Status) -> &'static str {
    match status {
        Status::Draft => "draft",
        Status::Review => "in review",
        Status::Approved => "approved",
    }
}

fn status_legend() -> Vec<Legend> {
    vec![
        Legend {
            class: "t-draft",
            label: "draft",
        },
        Legend {
            class: "t-review",
            label: "in review",
        },
        Legend {
            class: "t-approved",
            label: "approved",
        },
    ]
}

fn stage_label(stage: Option<Stage>) -> String {
    stage.map_or_else(|| "No stage".to_string(), |s| capitalise(s.name()))
}

/// The stage rows a chart shows: the four stages always, "no stage" only
/// when a brief has none.
fn shown_stages(report: &Pipeline) -> impl Iterator<Item = &super::StageRow> {
    report
        .stages
        .iter()
        .filter(|r| r.stage.is_some() || r.briefs.total() > 0)
}

fn stage_status_chart(report: &Pipeline) -> ChartView {
    let mut rows = Vec::new();
    let mut figures = Vec::new();
    for row in shown_stages(report) {
        let label = stage_label(row.stage);
        let (bar, figure) = status_bar(label.clone(), label, row.briefs, false);
        rows.push(bar);
        figures.push(figure);
    }
    status_chart(
        ("chart-stages", "Briefs by buying stage and status", "Stage"),
        "Each bar is one stage of the buying journey, split by approval status; the number after it counts its briefs.".into(),
        &rows,
        figures,
    )
}

/// A chart of bars split by status: `(id, title, what the first column
/// of its figures holds)`, its note, its bars and its figures.
fn status_chart(
    (id, title, first): (&'static str, &'static str, &'static str),
    note: String,
    rows: &[Row],
    figures: Vec<Vec<String>>,
) -> ChartView {
    ChartView {
        id,
        title,
        note,
        svg: charts::bars(title, "briefs", rows),
        legend: status_legend(),
        figures: Figures {
            head: vec![first, "Draft", "In review", "Approved", "Briefs"],
            rows: figures,
        },
    }
}

fn minutes_chart(report: &Pipeline) -> ChartView {
    let mut rows = Vec::new();
    let mut figures = Vec::new();
    let mut without = 0;
    let mut any_range = false;
    for row in shown_stages(report) {
        let label = stage_label(row.stage);
        let (min, max) = (row.length_seconds, row.length_max_seconds);
        any_range |= max > min;
        without += row.without_length;
        let text = minutes_range(min, max);
        figures.push(vec![
            label.clone(),
            row.briefs.total().to_string(),
            text.clone(),
            row.without_length.to_string(),
        ]);
        rows.push(Row {
            label,
            parts: vec![
                Part {
                    value: min as f64 / 60.0,
                    tone: Tone::Length,
                    text: None,
                    title: format!("{} stated", minutes(min)),
                },
                Part {
                    value: (max - min) as f64 / 60.0,
                    tone: Tone::Range,
                    text: None,
                    title: format!("up to {} with length ranges", minutes(max)),
                },
            ],
            total: text,
            alert: false,
        });
    }
    let mut note =
        "The stated lengths of the briefs added up, in minutes (cutdowns not counted).".to_string();
    if any_range {
        note.push_str(" A brief with a length range counts its shortest length in the solid bar; the pale part reaches its longest.");
    }
    if without > 0 {
        note.push_str(&format!(
            " {without} {} without a valid length {} not counted.",
            plural(without, "brief", "briefs"),
            if without == 1 { "is" } else { "are" }
        ));
    }
    let mut legend = vec![Legend {
        class: "t-length",
        label: "minutes stated",
    }];
    if any_range {
        legend.push(Legend {
            class: "t-range",
            label: "up to the longest of a range",
        });
    }
    ChartView {
        id: "chart-minutes",
        title: "Minutes of video by stage",
        note,
        svg: charts::bars("Minutes of video by stage", "minutes", &rows),
        legend,
        figures: Figures {
            head: vec!["Stage", "Briefs", "Minutes", "Without a length"],
            rows: figures,
        },
    }
}

fn weeks_chart(report: &Pipeline) -> ChartView {
    let due = &report.due;
    let overdue = due.overdue;
    let (bar, figure) = status_bar(
        "Overdue".into(),
        "Overdue".into(),
        overdue,
        overdue.total() > 0,
    );
    let (mut rows, mut figures) = (vec![bar], vec![figure]);
    for (i, week) in due.weeks.iter().enumerate() {
        let days = day_range(week.start, week.end);
        let (bar, figure) = if i == 0 {
            let figure = format!("This week ({days})");
            status_bar("This week".into(), figure, week.briefs, false)
        } else {
            status_bar(days.clone(), days, week.briefs, false)
        };
        rows.push(bar);
        figures.push(figure);
    }
    let mut note = format!(
        "Briefs by due date, from today ({}) for {WEEKS} weeks (Monday to Sunday). Overdue: due before today and not approved.",
        report.today
    );
    let rest: Vec<String> = [
        (due.later, "due later"),
        (due.undated, "without a due date"),
        (due.done, "approved and past their due date"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if !rest.is_empty() {
        note.push_str(&format!(" Not shown: {}.", rest.join(", ")));
    }
    status_chart(
        ("chart-weeks", "Briefs due per week", "Week"),
        note,
        &rows,
        figures,
    )
}

fn waiting_chart(report: &Pipeline) -> ChartView {
    let w = report.waiting;
    let row = |label: &str, n: usize, tone| Row {
        label: label.into(),
        parts: vec![Part {
            value: n as f64,
            tone,
            text: Some(n.to_string()),
            title: format!("{n} waiting on {}", label.to_lowercase()),
        }],
        total: n.to_string(),
        alert: false,
    };
    let rows = [
        row("Marketing", w.marketing, Tone::Marketing),
        row("Sales", w.sales, Tone::Sales),
    ];
    let note = format!(
        "Briefs in review or approved that have no dated sign-off from the side yet (drafts are not counted). {} {} on both sides, counted in both bars.",
        w.both,
        if w.both == 1 { "waits" } else { "wait" }
    );
    ChartView {
        id: "chart-waiting",
        title: "Approvals waiting on marketing and on sales",
        note,
        svg: charts::bars("Approvals waiting on each side", "briefs", &rows),
        legend: vec![
            Legend {
                class: "t-marketing",
                label: "waiting on marketing",
            },
            Legend {
                class: "t-sales",
                label: "waiting on sales",
            },
        ],
        figures: Figures {
            head: vec!["Waiting on", "Briefs"],
            rows: vec![
                vec!["Marketing".into(), w.marketing.to_string()],
                vec!["Sales".into(), w.sales.to_string()],
                vec!["Both".into(), w.both.to_string()],
            ],
        },
    }
}

/// `1:30`, `1:00–1:30`, or empty.
fn length_text(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(min), Some(max)) if max > min => format!(
            "{}–{}",
            Duration::from_secs(min).timecode(),
            Duration::from_secs(max).timecode()
        ),
        (Some(min), _) => Duration::from_secs(min).timecode(),
        _ => String::new(),
    }
}

/// `12 min`, `12.5 min`.
fn minutes(seconds: u64) -> String {
    format!("{} min", minutes_number(seconds))
}

fn minutes_number(seconds: u64) -> String {
    let tenths = (seconds * 10 + 30) / 60;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// `12 min`, or `12–15 min` when the upper bounds add up to more.
fn minutes_range(min: u64, max: u64) -> String {
    if max > min && minutes_number(max) != minutes_number(min) {
        format!("{}–{} min", minutes_number(min), minutes_number(max))
    } else {
        minutes(min)
    }
}

/// `24–29 Nov`, `30 Nov–6 Dec`.
fn day_range(start: Date, end: Date) -> String {
    let month = |d: Date| &month_name(d.month)[..3];
    if start.month == end.month {
        format!("{}–{} {}", start.day, end.day, month(end))
    } else {
        format!("{} {}–{} {}", start.day, month(start), end.day, month(end))
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_numbers() {
        assert_eq!(minutes(90), "1.5 min");
        assert_eq!(minutes(600), "10 min");
        assert_eq!(minutes_range(600, 900), "10–15 min");
        assert_eq!(minutes_range(600, 601), "10 min");
        let d = |t| Date::parse(t).unwrap();
        assert_eq!(day_range(d("2026-11-24"), d("2026-11-29")), "24–29 Nov");
        assert_eq!(day_range(d("2026-11-30"), d("2026-12-06")), "30 Nov–6 Dec");
        assert_eq!(length_text(Some(60), Some(90)), "1:00–1:30");
        assert_eq!(length_text(Some(30), Some(30)), "0:30");
    }
}
