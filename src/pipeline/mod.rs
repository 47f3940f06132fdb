//! `briefc report`: the pipeline of video briefs seen whole, for marketing
//! and sales together.
//!
//! The CLI checks every brief and hands each one in as a [`BriefInput`]
//! (the typed brief, its diagnostics, its settings and the links to its
//! built outputs, which only the CLI can look for); [`Pipeline::new`] sums
//! them up against a `today` the CLI passes in (the library never reads the
//! clock). A [`BriefSummary`] per brief, counts by stage and status, minutes
//! of video per stage, briefs due per week, approvals waiting on each side
//! and the alignment [`Signal`]s. The renderers are pure functions of a
//! [`Pipeline`]: [`json`] (with its JSON Schema, [`schema`]) and [`html`].
//!
//! Every fact a signal rests on is decided by the same function the
//! matching rule calls (`Brief::is_past_due` for `due-in-past`, and so on),
//! so the report and `briefc check` never disagree; a signal does not
//! depend on the rule's severity in `briefc.yaml`, though: a team that turns
//! `due-in-past` off still sees what is late.

mod charts;
mod html;
mod json;

pub use html::html;
pub use json::{VERSION, json, schema};

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::model::{Brief, Date, Side, SignOffState, Stage, Status};
use schemars::JsonSchema;
use serde::Serialize;

/// One checked brief as the CLI hands it in.
pub struct BriefInput<'a> {
    /// The brief's path as reports name it (relative to the working folder).
    pub path: String,
    /// The folder holding it, the same way (`.` for the working folder).
    pub folder: String,
    /// The typed brief.
    pub brief: &'a Brief,
    /// Its diagnostics, severities as configured.
    pub diagnostics: &'a [Diagnostic],
    /// The settings in force for it (its speaking rate times voiceovers).
    pub settings: &'a Settings,
    /// Links to its built outputs, relative to the report.
    pub outputs: Outputs,
}

/// Links to a brief's built outputs that exist, relative to the report's
/// folder (URL paths, percent-encoded).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Outputs {
    /// The HTML page (`briefc build --html`), if one was found.
    pub html: Option<String>,
    /// The PDF (`briefc build --pdf`), if one was found.
    pub pdf: Option<String>,
}

/// A file that could not be read, listed in the report instead of a brief.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Unreadable {
    /// The path as found.
    pub path: String,
    /// Why it could not be read.
    pub reason: String,
}

/// A question the two teams discuss: each brief either raises it or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Signal {
    /// `stage: convert` without a `sales:` owner.
    ConvertWithoutSales,
    /// `status: approved` without a dated sign-off from both sides.
    ApprovedNotSigned,
    /// Due before today and not approved.
    PastDue,
    /// A success metric whose target has no number.
    UnmeasurableMetrics,
    /// A scene whose voiceover takes longer to say than the scene lasts.
    VoiceoverTooLong,
}

impl Signal {
    /// Every signal, in the order the report shows them.
    pub const ALL: [Signal; 5] = [
        Signal::ConvertWithoutSales,
        Signal::ApprovedNotSigned,
        Signal::PastDue,
        Signal::UnmeasurableMetrics,
        Signal::VoiceoverTooLong,
    ];

    /// The id in JSON and in the page's anchors, e.g. `past-due`.
    pub const fn id(self) -> &'static str {
        match self {
            Signal::ConvertWithoutSales => "convert-without-sales",
            Signal::ApprovedNotSigned => "approved-not-signed",
            Signal::PastDue => "past-due",
            Signal::UnmeasurableMetrics => "unmeasurable-metrics",
            Signal::VoiceoverTooLong => "voiceover-too-long",
        }
    }

    /// What the count counts, after the number: "convert-stage briefs
    /// without a sales owner".
    pub const fn title(self) -> &'static str {
        match self {
            Signal::ConvertWithoutSales => "convert-stage briefs without a sales owner",
            Signal::ApprovedNotSigned => "approved briefs not signed by both sides",
            Signal::PastDue => "briefs past due",
            Signal::UnmeasurableMetrics => "briefs with metrics that cannot be measured",
            Signal::VoiceoverTooLong => "briefs whose voiceover does not fit",
        }
    }

    /// What the count counts when it is 1: "convert-stage brief without a
    /// sales owner".
    pub const fn title_one(self) -> &'static str {
        match self {
            Signal::ConvertWithoutSales => "convert-stage brief without a sales owner",
            Signal::ApprovedNotSigned => "approved brief not signed by both sides",
            Signal::PastDue => "brief past due",
            Signal::UnmeasurableMetrics => "brief with metrics that cannot be measured",
            Signal::VoiceoverTooLong => "brief whose voiceover does not fit",
        }
    }

    /// A short tag for a table cell: "no sales owner".
    pub const fn tag(self) -> &'static str {
        match self {
            Signal::ConvertWithoutSales => "no sales owner",
            Signal::ApprovedNotSigned => "not signed",
            Signal::PastDue => "past due",
            Signal::UnmeasurableMetrics => "unmeasurable",
            Signal::VoiceoverTooLong => "voiceover too long",
        }
    }

    /// Why the teams should care, one sentence.
    pub const fn why(self) -> &'static str {
        match self {
            Signal::ConvertWithoutSales => {
                "Videos for the close made without sales are the ones sales ends up redoing."
            }
            Signal::ApprovedNotSigned => {
                "Approved should mean both teams said yes, with a date, in the brief."
            }
            Signal::PastDue => "Move the date, or mark the brief approved if the video is done.",
            Signal::UnmeasurableMetrics => {
                "A target without a number cannot tell anyone whether the video worked."
            }
            Signal::VoiceoverTooLong => {
                "A script too long for its scene gets cut in the edit, usually the wrong part."
            }
        }
    }

    /// The rule of `briefc check` that reports the same thing.
    pub const fn rule(self) -> Rule {
        match self {
            Signal::ConvertWithoutSales => Rule::MissingSalesOwner,
            Signal::ApprovedNotSigned => Rule::MissingSignOff,
            Signal::PastDue => Rule::DueInPast,
            Signal::UnmeasurableMetrics => Rule::UnmeasurableMetric,
            Signal::VoiceoverTooLong => Rule::VoiceoverTooLong,
        }
    }
}

/// Where each side stands in a brief's `## Sign-off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SignOff {
    /// The marketing side.
    pub marketing: SignOffState,
    /// The sales side.
    pub sales: SignOffState,
}

impl SignOff {
    /// The state of `side`.
    pub fn of(self, side: Side) -> SignOffState {
        match side {
            Side::Marketing => self.marketing,
            Side::Sales => self.sales,
        }
    }
}

/// A scene whose voiceover does not fit it.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Overrun {
    /// The scene's title.
    pub scene: String,
    /// How long the scene lasts, in seconds.
    pub scene_seconds: u32,
    /// How long its voiceover takes to say at the speaking rate, in
    /// seconds, to a tenth.
    pub voiceover_seconds: f64,
}

/// One brief, as the report's table and the JSON show it.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct BriefSummary {
    /// The brief's path as given or found, relative to the working folder.
    pub path: String,
    /// The folder holding it (`.`: the working folder).
    pub folder: String,
    /// The title; empty when the brief has none (`missing-title`).
    pub title: String,
    /// The buying-journey stage, when given and valid.
    pub stage: Option<Stage>,
    /// The approval status (`draft` when the brief gives none).
    pub status: Status,
    /// The stated length in seconds (a range's lower bound), when valid.
    pub length_seconds: Option<u32>,
    /// The stated length's upper bound in seconds (the same as
    /// `length_seconds` unless the length is a range).
    pub length_max_seconds: Option<u32>,
    /// The shorter versions cut from the video, in seconds.
    pub cutdowns_seconds: Vec<u32>,
    /// The delivery date, when given and valid.
    pub due: Option<Date>,
    /// Days past `due` when the brief is past due (see `signals`), else `null`.
    pub days_overdue: Option<u32>,
    /// The marketing owner.
    pub marketing: Option<String>,
    /// The sales owner.
    pub sales: Option<String>,
    /// Where each side stands in `## Sign-off`.
    pub sign_off: SignOff,
    /// Diagnostics of severity error, as `briefc check` reports them.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
    /// The alignment signals this brief raises.
    pub signals: Vec<Signal>,
    /// The names of the success metrics that cannot be measured.
    pub unmeasurable_metrics: Vec<String>,
    /// The scenes whose voiceover does not fit.
    pub voiceover_overruns: Vec<Overrun>,
    /// Links to the built outputs that exist, relative to the report.
    pub outputs: Outputs,
}

impl BriefSummary {
    /// The summary of one checked brief on `today`.
    pub fn new(input: BriefInput<'_>, today: Date) -> BriefSummary {
        let brief = input.brief;
        let header = &brief.header;
        let rate = input.settings.speaking_rate_wpm;
        let count = |severity| {
            input
                .diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .count()
        };
        let sign_off = SignOff {
            marketing: brief.sign_off(Side::Marketing),
            sales: brief.sign_off(Side::Sales),
        };
        let unmeasurable_metrics: Vec<String> = brief
            .metrics()
            .iter()
            .filter(|m| !m.is_measurable())
            .map(|m| m.name.clone())
            .collect();
        let voiceover_overruns: Vec<Overrun> = brief
            .scenes()
            .iter()
            .filter_map(|scene| {
                let (_, needed) = scene.voiceover_overrun(rate)?;
                Some(Overrun {
                    scene: scene.title.trim().to_string(),
                    scene_seconds: scene.time?.duration().seconds,
                    voiceover_seconds: (needed * 10.0).round() / 10.0,
                })
            })
            .collect();
        let past_due = brief.is_past_due(today);
        let approved_unsigned = brief.status() == Status::Approved
            && Side::ALL
                .iter()
                .any(|&side| sign_off.of(side) != SignOffState::Signed);
        let signals = Signal::ALL
            .into_iter()
            .filter(|signal| match signal {
                Signal::ConvertWithoutSales => brief.lacks_sales_owner(),
                Signal::ApprovedNotSigned => approved_unsigned,
                Signal::PastDue => past_due,
                Signal::UnmeasurableMetrics => !unmeasurable_metrics.is_empty(),
                Signal::VoiceoverTooLong => !voiceover_overruns.is_empty(),
            })
            .collect();
        let due = header.due.as_ref().map(|d| d.value);
        let length = header.length.as_ref().map(|l| l.value);
        BriefSummary {
            path: input.path,
            folder: input.folder,
            title: brief.title.value.trim().to_string(),
            stage: header.stage.as_ref().map(|s| s.value),
            status: brief.status(),
            length_seconds: length.map(|l| l.min.seconds),
            length_max_seconds: length.map(|l| l.max.seconds),
            cutdowns_seconds: header
                .cutdowns
                .as_ref()
                .map(|c| c.value.iter().map(|d| d.seconds).collect())
                .unwrap_or_default(),
            due,
            days_overdue: due.filter(|_| past_due).map(|due| {
                u32::try_from(today.days_since_epoch() - due.days_since_epoch()).unwrap_or(0)
            }),
            marketing: header.marketing.as_ref().map(|m| m.value.clone()),
            sales: header.sales.as_ref().map(|s| s.value.clone()),
            sign_off,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            signals,
            unmeasurable_metrics,
            voiceover_overruns,
            outputs: input.outputs,
        }
    }

    /// Whether the brief raises `signal`.
    pub fn has(&self, signal: Signal) -> bool {
        self.signals.contains(&signal)
    }

    /// Whether the brief waits for `side` to sign: it is in review or
    /// approved, and no entry for the side has a date.
    pub fn waits_on(&self, side: Side) -> bool {
        self.status != Status::Draft && self.sign_off.of(side) != SignOffState::Signed
    }
}

/// Briefs counted by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ByStatus {
    /// `status: draft` (or none).
    pub draft: usize,
    /// `status: review`.
    pub review: usize,
    /// `status: approved`.
    pub approved: usize,
}

impl ByStatus {
    /// One more brief of `status`.
    fn add(&mut self, status: Status) {
        match status {
            Status::Draft => self.draft += 1,
            Status::Review => self.review += 1,
            Status::Approved => self.approved += 1,
        }
    }

    /// All of them.
    pub fn total(self) -> usize {
        self.draft + self.review + self.approved
    }

    /// The count of `status`.
    pub fn of(self, status: Status) -> usize {
        match status {
            Status::Draft => self.draft,
            Status::Review => self.review,
            Status::Approved => self.approved,
        }
    }
}

/// The briefs of one buying stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StageRow {
    /// The stage; `null` for briefs that give no (valid) stage.
    pub stage: Option<Stage>,
    /// The briefs, by status.
    pub briefs: ByStatus,
    /// Their stated lengths added up, in seconds (ranges: lower bounds).
    pub length_seconds: u64,
    /// Their stated lengths added up, in seconds (ranges: upper bounds).
    pub length_max_seconds: u64,
    /// Briefs of the stage without a valid `length`, counted in neither sum.
    pub without_length: usize,
}

/// The briefs due in one week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Week {
    /// The first day counted: today for the first week, else a Monday.
    pub start: Date,
    /// The last day counted, a Sunday.
    pub end: Date,
    /// The briefs due from `start` to `end`, by status.
    pub briefs: ByStatus,
}

/// When the briefs are due, from today on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Due {
    /// Briefs past due: due before today and not approved.
    pub overdue: ByStatus,
    /// The next twelve weeks: today to Sunday, then Monday to Sunday.
    pub weeks: Vec<Week>,
    /// Briefs due after the last week.
    pub later: usize,
    /// Approved briefs whose due date has passed (done, counted nowhere above).
    pub done: usize,
    /// Briefs without a (valid) due date.
    pub undated: usize,
}

/// Briefs in review or approved that wait for a side's dated sign-off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Waiting {
    /// Waiting on marketing (including those waiting on both).
    pub marketing: usize,
    /// Waiting on sales (including those waiting on both).
    pub sales: usize,
    /// Waiting on both sides.
    pub both: usize,
}

/// One alignment signal over every brief.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SignalCount {
    /// Which signal.
    pub signal: Signal,
    /// What it counts, e.g. "briefs past due".
    pub title: &'static str,
    /// The rule of `briefc check` that reports the same thing.
    pub rule: &'static str,
    /// How many briefs raise it.
    pub count: usize,
    /// Their paths, in the order of `briefs`.
    pub briefs: Vec<String>,
}

/// Totals over every brief.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Totals {
    /// Briefs read.
    pub briefs: usize,
    /// Briefs by status.
    pub by_status: ByStatus,
    /// Briefs with at least one error.
    pub briefs_with_errors: usize,
    /// Errors over every brief.
    pub errors: usize,
    /// Warnings over every brief.
    pub warnings: usize,
    /// Stated lengths added up, in seconds (ranges: lower bounds).
    pub length_seconds: u64,
    /// Stated lengths added up, in seconds (ranges: upper bounds).
    pub length_max_seconds: u64,
}

/// Everything the report shows.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Pipeline {
    /// The day the report is about (due dates are compared with it).
    pub today: Date,
    /// Totals over every brief.
    pub totals: Totals,
    /// One row per stage in journey order, then briefs without a stage.
    pub stages: Vec<StageRow>,
    /// When briefs are due.
    pub due: Due,
    /// Approvals waiting on each side.
    pub waiting: Waiting,
    /// Every signal with the briefs that raise it.
    pub signals: Vec<SignalCount>,
    /// Every brief, in the order found (folder by folder, names sorted).
    pub briefs: Vec<BriefSummary>,
    /// Files that could not be read.
    pub unreadable: Vec<Unreadable>,
}

/// How many weeks [`Due::weeks`] covers.
pub const WEEKS: usize = 12;

impl Pipeline {
    /// Sums up `briefs` on `today`.
    pub fn new(briefs: Vec<BriefSummary>, unreadable: Vec<Unreadable>, today: Date) -> Pipeline {
        let mut totals = Totals {
            briefs: briefs.len(),
            ..Totals::default()
        };
        let stage_keys: Vec<Option<Stage>> = Stage::ALL
            .iter()
            .copied()
            .map(Some)
            .chain(std::iter::once(None))
            .collect();
        let mut stages: Vec<StageRow> = stage_keys
            .iter()
            .map(|&stage| StageRow {
                stage,
                briefs: ByStatus::default(),
                length_seconds: 0,
                length_max_seconds: 0,
                without_length: 0,
            })
            .collect();
        let monday = today.monday();
        let mut due = Due {
            overdue: ByStatus::default(),
            weeks: (0..WEEKS as i64)
                .map(|i| Week {
                    start: if i == 0 {
                        today
                    } else {
                        monday.add_days(7 * i)
                    },
                    end: monday.add_days(7 * i + 6),
                    briefs: ByStatus::default(),
                })
                .collect(),
            later: 0,
            done: 0,
            undated: 0,
        };
        let mut waiting = Waiting::default();
        for b in &briefs {
            totals.by_status.add(b.status);
            totals.errors += b.errors;
            totals.warnings += b.warnings;
            totals.briefs_with_errors += usize::from(b.errors > 0);
            let row = stages
                .iter_mut()
                .find(|r| r.stage == b.stage)
                .expect("a row for every stage and none");
            row.briefs.add(b.status);
            match (b.length_seconds, b.length_max_seconds) {
                (Some(min), Some(max)) => {
                    row.length_seconds += u64::from(min);
                    row.length_max_seconds += u64::from(max);
                    totals.length_seconds += u64::from(min);
                    totals.length_max_seconds += u64::from(max);
                }
                _ => row.without_length += 1,
            }
            match b.due {
                None => due.undated += 1,
                Some(_) if b.has(Signal::PastDue) => due.overdue.add(b.status),
                Some(date) if date < today => due.done += 1,
                Some(date) => match due.weeks.iter_mut().find(|w| date <= w.end) {
                    Some(week) => week.briefs.add(b.status),
                    None => due.later += 1,
                },
            }
            let (marketing, sales) = (b.waits_on(Side::Marketing), b.waits_on(Side::Sales));
            waiting.marketing += usize::from(marketing);
            waiting.sales += usize::from(sales);
            waiting.both += usize::from(marketing && sales);
        }
        let signals = Signal::ALL
            .into_iter()
            .map(|signal| {
                let paths: Vec<String> = briefs
                    .iter()
                    .filter(|b| b.has(signal))
                    .map(|b| b.path.clone())
                    .collect();
                SignalCount {
                    signal,
                    title: signal.title(),
                    rule: signal.rule().name(),
                    count: paths.len(),
                    briefs: paths,
                }
            })
            .collect();
        Pipeline {
            today,
            totals,
            stages,
            due,
            waiting,
            signals,
            briefs,
            unreadable,
        }
    }
}

#[cfg(test)]
mod tests;
