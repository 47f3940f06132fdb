//! The scene timeline at the top of the Scenes section, as a
//! device-independent model both outputs draw (`html.rs` as inline SVG,
//! `pdf/timeline.rs` with the PDF's shapes).
//!
//! Everything is measured in seconds and placed as fractions of the axis
//! (0 = the video's start, 1 = its end: the upper bound of `length`, or the
//! last scene's end when the scenes run past it). The marks follow the timing
//! rules: a gap is time before a scene that no earlier scene covers (and the
//! planned time left after the last scene, up to the length's lower bound),
//! an overrun is scene time past the upper bound, and a voiceover is timed at
//! the speaking rate as `voiceover-too-long` times it.
//!
//! What fits where depends on the device; the helpers [`fit_text`] and
//! [`place_labels`] make that decision the same way in both outputs, given
//! each output's own widths.

use crate::labels::Labels;
use crate::model::{Brief, Duration, Length, Scene};

/// The timeline of a brief's scenes.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// Seconds the axis covers (more than 0).
    pub span: u32,
    /// The brief's `length`, if given.
    pub length: Option<Length>,
    /// The speaking rate the voiceovers are timed at, words per minute.
    pub rate: f64,
    /// The scenes with readable timecodes, in brief order.
    pub segments: Vec<Segment>,
    /// Stretches no scene covers.
    pub gaps: Vec<Stretch>,
    /// Scene time past the length's upper bound.
    pub overrun: Option<Stretch>,
    /// Axis ticks, some labelled.
    pub ticks: Vec<Tick>,
}

/// One scene on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The scene's number in the brief (1-based, as the scene table counts).
    pub number: usize,
    /// The scene's title (may be empty).
    pub title: String,
    /// Start and end, in seconds.
    pub start: u32,
    /// See `start`.
    pub end: u32,
    /// Start and end as fractions of the axis.
    pub from: f64,
    /// See `from`.
    pub to: f64,
    /// The voiceover against the scene's duration, when the scene has one.
    pub voiceover: Option<Voiceover>,
}

/// A scene's voiceover timed at the speaking rate.
#[derive(Clone, Debug, PartialEq)]
pub struct Voiceover {
    /// Seconds it takes to say.
    pub seconds: f64,
    /// How much of the scene it fills, 0–1 (1 when it is too long).
    pub fill: f64,
    /// Whole seconds (rounded up) it runs past the scene's end, if it does.
    pub over: Option<u32>,
}

/// A stretch of the axis: a gap or the overrun.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stretch {
    /// Start and end, in seconds.
    pub start: u32,
    /// See `start`.
    pub end: u32,
    /// Start and end as fractions of the axis.
    pub from: f64,
    /// See `from`.
    pub to: f64,
}

/// A tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Its time.
    pub seconds: u32,
    /// Its place on the axis.
    pub at: f64,
    /// `0:30`, on every few ticks.
    pub label: Option<String>,
}

/// What a mark under the bar says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// Time no scene covers.
    Gap,
    /// Scenes past the length.
    Overrun,
    /// A voiceover longer than its scene.
    Voiceover,
    /// The lower bound of a length range.
    Min,
    /// The upper bound of a length range.
    Max,
}

impl MarkKind {
    /// A short lowercase name (CSS classes, tests).
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Gap => "gap",
            MarkKind::Overrun => "overrun",
            MarkKind::Voiceover => "vo-over",
            MarkKind::Min => "min",
            MarkKind::Max => "max",
        }
    }
}

/// A text label under the bar, centred on `at`.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// What it marks.
    pub kind: MarkKind,
    /// Where, as a fraction of the axis.
    pub at: f64,
    /// The words: `gap 2 s`, `VO +3 s`, `+10 s over`, `min 1:00`.
    pub text: String,
}

/// One line of the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The mark it explains (`None` for scenes, `Some(Voiceover)` is the
    /// too-long voiceover; the voiceover bar itself is `voiceover: true`).
    pub kind: LegendKind,
    /// The words.
    pub text: String,
}

/// The swatch a legend line shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendKind {
    /// A scene segment.
    Scene,
    /// A voiceover bar.
    Voiceover,
    /// A mark of [`MarkKind`].
    Mark(MarkKind),
}

impl LegendKind {
    /// A short lowercase name (CSS classes).
    pub fn name(self) -> &'static str {
        match self {
            LegendKind::Scene => "scene",
            LegendKind::Voiceover => "vo",
            LegendKind::Mark(kind) => kind.name(),
        }
    }
}

impl Timeline {
    /// The timeline of `brief`'s scenes with voiceovers timed at `rate` words
    /// per minute; `None` when no scene has readable timecodes.
    pub fn of(brief: &Brief, rate: f64) -> Option<Timeline> {
        Timeline::new(
            brief.scenes(),
            brief.header.length.as_ref().map(|l| l.value),
            rate,
        )
    }

    /// The timeline of `scenes` against `length`.
    pub fn new(scenes: &[Scene], length: Option<Length>, rate: f64) -> Option<Timeline> {
        let last_end = scenes
            .iter()
            .filter_map(|s| s.time)
            .map(|t| t.end.seconds)
            .max()?;
        let span = last_end.max(length.map_or(0, |l| l.max.seconds));
        if span == 0 {
            return None;
        }
        let frac = |s: u32| f64::from(s) / f64::from(span);
        let stretch = |start: u32, end: u32| Stretch {
            start,
            end,
            from: frac(start),
            to: frac(end),
        };

        let mut segments = Vec::new();
        let mut gaps = Vec::new();
        // As `scene-gap` measures: against the latest end so far, and not
        // across a scene whose timecodes could not be read.
        let mut previous_end = 0;
        let mut after_unreadable = false;
        let mut any_unreadable = false;
        for (i, scene) in scenes.iter().enumerate() {
            let Some(time) = scene.time else {
                after_unreadable = true;
                any_unreadable = true;
                continue;
            };
            let (start, end) = (time.start.seconds, time.end.seconds);
            if !std::mem::take(&mut after_unreadable) && start > previous_end {
                gaps.push(stretch(previous_end, start));
            }
            previous_end = previous_end.max(end);
            let duration = f64::from(end.saturating_sub(start));
            let voiceover = scene.voiceover_seconds(rate).map(|seconds| {
                let over = seconds - duration;
                Voiceover {
                    seconds,
                    fill: if duration > 0.0 {
                        (seconds / duration).clamp(0.0, 1.0)
                    } else {
                        1.0
                    },
                    // Rounded up, so that 0.2 s too long still says +1 s.
                    over: (over > 0.0).then(|| over.ceil() as u32),
                }
            });
            segments.push(Segment {
                number: i + 1,
                title: scene.title.trim().to_string(),
                start,
                end,
                from: frac(start),
                to: frac(end),
                voiceover,
            });
        }
        // Planned time left after the last scene (`scenes-short-of-length`).
        if let Some(min) = length.map(|l| l.min.seconds) {
            if previous_end < min && !any_unreadable {
                gaps.push(stretch(previous_end, min));
            }
        }
        let overrun = length
            .filter(|l| last_end > l.max.seconds)
            .map(|l| stretch(l.max.seconds, last_end));

        let step = tick_step(span);
        let every = label_step(span, step);
        let ticks = (0..=span / step)
            .map(|k| k * step)
            .map(|s| Tick {
                seconds: s,
                at: frac(s),
                label: (s % every == 0).then(|| Duration::from_secs(s).timecode()),
            })
            .collect();

        Some(Timeline {
            span,
            length,
            rate,
            segments,
            gaps,
            overrun,
            ticks,
        })
    }

    /// Where the planned length ends on the axis (its upper bound).
    pub fn length_end(&self) -> Option<f64> {
        self.length
            .map(|l| f64::from(l.max.seconds) / f64::from(self.span))
    }

    /// The text marks under the bar, left to right, in `labels`' words.
    pub fn marks(&self, labels: &Labels) -> Vec<Mark> {
        let duration = |s: u32| labels.duration(Duration::from_secs(s));
        let mut marks = Vec::new();
        for gap in &self.gaps {
            marks.push(Mark {
                kind: MarkKind::Gap,
                at: (gap.from + gap.to) / 2.0,
                text: labels
                    .mark_gap
                    .fill(&[("duration", &duration(gap.end - gap.start))]),
            });
        }
        if let Some(over) = &self.overrun {
            marks.push(Mark {
                kind: MarkKind::Overrun,
                at: (over.from + over.to) / 2.0,
                text: labels
                    .mark_overrun
                    .fill(&[("duration", &duration(over.end - over.start))]),
            });
        }
        for seg in &self.segments {
            if let Some(over) = seg.voiceover.as_ref().and_then(|v| v.over) {
                marks.push(Mark {
                    kind: MarkKind::Voiceover,
                    at: (seg.from + seg.to) / 2.0,
                    text: labels
                        .mark_voiceover
                        .fill(&[("seconds", &over.to_string())]),
                });
            }
        }
        if let Some(length) = self.length.filter(|l| l.is_range()) {
            let at = |d: Duration| f64::from(d.seconds) / f64::from(self.span);
            marks.push(Mark {
                kind: MarkKind::Min,
                at: at(length.min),
                text: labels.mark_min.fill(&[("time", &length.min.timecode())]),
            });
            marks.push(Mark {
                kind: MarkKind::Max,
                at: at(length.max),
                text: labels.mark_max.fill(&[("time", &length.max.timecode())]),
            });
        }
        marks.sort_by(|a, b| a.at.total_cmp(&b.at));
        marks
    }

    /// The legend: scenes and voiceover always, the other marks when present.
    pub fn legend(&self, labels: &Labels) -> Vec<LegendEntry> {
        let rate = labels.number(self.rate);
        let mut out = vec![
            LegendEntry {
                kind: LegendKind::Scene,
                text: labels.legend_scene.as_str().to_string(),
            },
            LegendEntry {
                kind: LegendKind::Voiceover,
                text: labels.legend_voiceover.fill(&[("rate", &rate)]),
            },
        ];
        let marks = self.marks(labels);
        let has = |kind: MarkKind| marks.iter().any(|m| m.kind == kind);
        for (kind, text) in [
            (MarkKind::Voiceover, &labels.legend_voiceover_over),
            (MarkKind::Gap, &labels.legend_gap),
            (MarkKind::Overrun, &labels.legend_overrun),
            (MarkKind::Min, &labels.legend_range),
        ] {
            if has(kind) {
                out.push(LegendEntry {
                    kind: LegendKind::Mark(kind),
                    text: text.as_str().to_string(),
                });
            }
        }
        out
    }

    /// The timeline in words, for screen readers.
    pub fn describe(&self, labels: &Labels) -> String {
        let time = |s: u32| Duration::from_secs(s).timecode();
        let duration = |s: u32| labels.duration(Duration::from_secs(s));
        let mut out = labels.timeline_title.fill(&[("span", &time(self.span))]);
        if let Some(length) = self.length {
            out.push(' ');
            out.push_str(
                &labels
                    .timeline_length
                    .fill(&[("length", &labels.length(length))]),
            );
        }
        out.push_str(": ");
        let scenes: Vec<String> = self
            .segments
            .iter()
            .map(|s| {
                let mut text = labels.timeline_scene.fill(&[("n", &s.number.to_string())]);
                if !s.title.is_empty() {
                    text.push_str(&format!(" {}", s.title));
                }
                text.push_str(&format!(" {}–{}", time(s.start), time(s.end)));
                if let Some(vo) = &s.voiceover {
                    let (label, seconds) = match vo.over {
                        Some(over) => (&labels.timeline_voiceover_over, over.to_string()),
                        None => (&labels.timeline_voiceover, format!("{:.0}", vo.seconds)),
                    };
                    text.push_str(", ");
                    text.push_str(&label.fill(&[("seconds", &seconds)]));
                }
                text
            })
            .collect();
        out.push_str(&scenes.join("; "));
        for gap in &self.gaps {
            out.push_str("; ");
            out.push_str(&labels.timeline_gap.fill(&[
                ("duration", &duration(gap.end - gap.start)),
                ("time", &time(gap.start)),
            ]));
        }
        if let Some(over) = &self.overrun {
            out.push_str("; ");
            out.push_str(
                &labels
                    .timeline_overrun
                    .fill(&[("duration", &duration(over.end - over.start))]),
            );
        }
        out.push('.');
        out
    }
}

/// Seconds between ticks for an axis of `span` seconds.
pub fn tick_step(span: u32) -> u32 {
    match span {
        0..=30 => 5,
        31..=120 => 10,
        121..=600 => 30,
        601..=1200 => 60,
        1201..=3600 => 300,
        // Past an hour: every 10 minutes, or coarser so that there are at
        // most 60 ticks (a timecode of a million hours must not draw
        // millions of them).
        _ => span.div_ceil(60).div_ceil(600).max(1).saturating_mul(600),
    }
}

/// Seconds between labelled ticks: a multiple of `step` giving at most ten
/// labels (a label every tick on short videos).
pub fn label_step(span: u32, step: u32) -> u32 {
    const NICE: [u32; 14] = [
        5, 10, 15, 20, 30, 60, 120, 180, 300, 600, 900, 1200, 1800, 3600,
    ];
    NICE.iter()
        .copied()
        .filter(|n| n % step == 0)
        .find(|n| span / n < 10)
        .unwrap_or_else(|| step * (span / step / 9).max(1))
}

/// `text` if it fits in `room`, else its longest beginning (at least three
/// characters) with `…` that does, else `None`. `measure` gives a text's
/// width in the same unit as `room`.
pub fn fit_text(text: &str, room: f64, measure: impl Fn(&str) -> f64) -> Option<String> {
    if text.is_empty() || room <= 0.0 {
        return None;
    }
    if measure(text) <= room {
        return Some(text.to_string());
    }
    let chars: Vec<char> = text.chars().collect();
    let short = |n: usize| {
        let cut: String = chars[..n].iter().collect();
        format!("{}…", cut.trim_end())
    };
    // The longest beginning that fits, found by bisection: a title of
    // 50,000 characters takes 16 measurements, not 50,000.
    let (mut fits, mut too_long) = (2, chars.len());
    while too_long - fits > 1 {
        let mid = (fits + too_long) / 2;
        if measure(&short(mid)) <= room {
            fits = mid;
        } else {
            too_long = mid;
        }
    }
    (fits >= 3).then(|| short(fits))
}

/// A label placed by [`place_labels`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Its row, from 0.
    pub row: usize,
    /// Its left edge, as a fraction of the axis.
    pub left: f64,
}

/// Places labels of `width` (fractions of the axis) centred on `at` in rows
/// so that none overlaps another in its row (with `pad` between), keeping
/// each inside the axis; a label that fits no row of `max_rows` goes to the
/// row whose last label ends first. Returned in the order given.
pub fn place_labels(items: &[(f64, f64)], pad: f64, max_rows: usize) -> Vec<Placed> {
    let max_rows = max_rows.max(1);
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| items[a].0.total_cmp(&items[b].0));
    let mut row_ends: Vec<f64> = Vec::new();
    let mut out = vec![Placed { row: 0, left: 0.0 }; items.len()];
    for i in order {
        let (at, width) = items[i];
        let left = (at - width / 2.0).clamp(0.0, (1.0 - width).max(0.0));
        let row = match row_ends.iter().position(|&end| end + pad <= left) {
            Some(row) => row,
            None if row_ends.len() < max_rows => {
                row_ends.push(f64::NEG_INFINITY);
                row_ends.len() - 1
            }
            None => (0..row_ends.len())
                .min_by(|&a, &b| row_ends[a].total_cmp(&row_ends[b]))
                .unwrap_or(0),
        };
        row_ends[row] = left + width;
        out[i] = Placed { row, left };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::brief;

    fn scenes(length: &str, scenes: &str) -> Brief {
        brief(&format!("# T\n\nlength: {length}\n\n## Scenes\n{scenes}"))
    }

    #[test]
    fn tick_spacing_follows_the_length() {
        assert_eq!(tick_step(15), 5);
        assert_eq!(tick_step(30), 5);
        assert_eq!(tick_step(31), 10);
        assert_eq!(tick_step(120), 10);
        assert_eq!(tick_step(300), 30);
        assert_eq!(tick_step(600), 30);
        assert_eq!(tick_step(900), 60);
        assert_eq!(tick_step(3000), 300);
        assert_eq!(tick_step(7200), 600);
        // Absurd lengths still draw at most 60 ticks.
        for span in [36_000, 1_000_000, u32::MAX] {
            assert!(span / tick_step(span) <= 60, "{span}: {}", tick_step(span));
        }
        // Labels: every tick on short videos, at most ten otherwise.
        assert_eq!(label_step(30, 5), 5);
        assert_eq!(label_step(90, 10), 10);
        assert_eq!(label_step(120, 10), 20);
        assert_eq!(label_step(600, 30), 120);
        assert_eq!(label_step(20_000, 600), 3600);
        for span in [
            1, 7, 30, 45, 90, 119, 121, 599, 601, 1199, 3599, 7200, 100_000,
        ] {
            let step = tick_step(span);
            let every = label_step(span, step);
            assert_eq!(every % step, 0, "{span}");
            assert!(span / every <= 10, "{span}: {every}");
        }
    }

    #[test]
    fn segments_are_fractions_of_the_length() {
        let b = scenes(
            "60s",
            "### 0:00-0:15 A\nVisual: x\n\n### 0:15-0:45 B\nVisual: y\n\n### 0:45-1:00 C\nVisual: z\n",
        );
        let t = Timeline::of(&b, 150.0).unwrap();
        assert_eq!(t.span, 60);
        let f: Vec<(usize, f64, f64)> = t
            .segments
            .iter()
            .map(|s| (s.number, s.from, s.to))
            .collect();
        assert_eq!(f, [(1, 0.0, 0.25), (2, 0.25, 0.75), (3, 0.75, 1.0)]);
        assert!(t.gaps.is_empty());
        assert_eq!(t.overrun, None);
        assert_eq!(t.length_end(), Some(1.0));
        let labels: Vec<_> = t.ticks.iter().filter_map(|t| t.label.clone()).collect();
        assert_eq!(
            labels,
            ["0:00", "0:10", "0:20", "0:30", "0:40", "0:50", "1:00"]
        );
        assert!(t.marks(&Labels::default()).is_empty());
    }

    #[test]
    fn gaps_and_overrun_are_found() {
        let b = scenes(
            "30s",
            "### 0:02-0:10 A\nVisual: x\n\n### 0:12-0:40 B\nVisual: y\n",
        );
        let t = Timeline::of(&b, 150.0).unwrap();
        assert_eq!(t.span, 40);
        let gaps: Vec<(u32, u32)> = t.gaps.iter().map(|g| (g.start, g.end)).collect();
        assert_eq!(gaps, [(0, 2), (10, 12)]);
        let over = t.overrun.unwrap();
        assert_eq!(
            (over.start, over.end, over.from, over.to),
            (30, 40, 0.75, 1.0)
        );
        assert_eq!(t.length_end(), Some(0.75));
        let texts: Vec<_> = t
            .marks(&Labels::default())
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(texts, ["gap 2 s", "gap 2 s", "+10 s over"]);
        let legend: Vec<_> = t
            .legend(&Labels::default())
            .into_iter()
            .map(|l| l.kind)
            .collect();
        assert!(legend.contains(&LegendKind::Mark(MarkKind::Gap)));
        assert!(legend.contains(&LegendKind::Mark(MarkKind::Overrun)));
    }

    #[test]
    fn short_scenes_leave_a_gap_to_the_length() {
        let b = scenes("60s", "### 0:00-0:50 A\nVisual: x\n");
        let t = Timeline::of(&b, 150.0).unwrap();
        assert_eq!(t.span, 60);
        assert_eq!(t.gaps.len(), 1);
        assert_eq!((t.gaps[0].start, t.gaps[0].end), (50, 60));
    }

    #[test]
    fn a_range_is_drawn_to_its_upper_bound() {
        let b = scenes("60-90s", "### 0:00-1:10 A\nVisual: x\n");
        let t = Timeline::of(&b, 150.0).unwrap();
        assert_eq!(t.span, 90);
        assert!(t.gaps.is_empty(), "ending inside the range is no gap");
        assert_eq!(t.overrun, None);
        let marks: Vec<_> = t
            .marks(&Labels::default())
            .into_iter()
            .map(|m| (m.kind, m.text))
            .collect();
        assert_eq!(
            marks,
            [
                (MarkKind::Min, "min 1:00".to_string()),
                (MarkKind::Max, "max 1:30".to_string())
            ]
        );
        // Past the upper bound is an overrun; short of the lower a gap.
        let b = scenes("60-90s", "### 0:00-1:40 A\nVisual: x\n");
        let t = Timeline::of(&b, 150.0).unwrap();
        assert_eq!(t.span, 100);
        assert_eq!(t.overrun.map(|o| (o.start, o.end)), Some((90, 100)));
        let b = scenes("60-90s", "### 0:00-0:40 A\nVisual: x\n");
        let t = Timeline::of(&b, 150.0).unwrap();
        assert_eq!(
            t.gaps.iter().map(|g| (g.start, g.end)).collect::<Vec<_>>(),
            [(40, 60)]
        );
    }

    #[test]
    fn voiceover_is_timed_against_the_scene() {
        // 15 words at 150 wpm: 6 s, in a 4 s scene and a 10 s scene.
        let vo = "Voiceover: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen\n";
        let b = scenes(
            "14s",
            &format!("### 0:00-0:04 A\n{vo}\n### 0:04-0:14 B\n{vo}"),
        );
        let t = Timeline::of(&b, 150.0).unwrap();
        let a = t.segments[0].voiceover.as_ref().unwrap();
        assert_eq!((a.seconds, a.fill, a.over), (6.0, 1.0, Some(2)));
        let b2 = t.segments[1].voiceover.as_ref().unwrap();
        assert_eq!((b2.fill, b2.over), (0.6, None));
        let marks: Vec<_> = t
            .marks(&Labels::default())
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(marks, ["VO +2 s"]);
        // A faster speaker fits.
        let t = Timeline::of(&b, 300.0).unwrap();
        assert_eq!(t.segments[0].voiceover.as_ref().unwrap().over, None);
        assert!(
            t.legend(&Labels::default())[1]
                .text
                .contains("300 words per minute")
        );
    }

    #[test]
    fn no_timed_scenes_no_timeline() {
        assert_eq!(Timeline::of(&brief("# T\n\nlength: 30s\n"), 150.0), None);
        let b = scenes("30s", "### later Hook\nVisual: x\n");
        assert_eq!(Timeline::of(&b, 150.0), None);
    }

    #[test]
    fn unreadable_scenes_keep_their_numbers_and_hide_gaps() {
        let b = scenes(
            "30s",
            "### 0:00-0:10 A\nVisual: x\n\n### soon B\nVisual: y\n\n### 0:20-0:30 C\nVisual: z\n",
        );
        let t = Timeline::of(&b, 150.0).unwrap();
        let numbers: Vec<_> = t.segments.iter().map(|s| s.number).collect();
        assert_eq!(numbers, [1, 3]);
        assert!(t.gaps.is_empty(), "{:?}", t.gaps);
    }

    #[test]
    fn labels_fit_or_shorten() {
        let measure = |s: &str| s.chars().count() as f64;
        assert_eq!(fit_text("Hook", 4.0, measure).as_deref(), Some("Hook"));
        assert_eq!(
            fit_text("Set up in minutes", 8.0, measure).as_deref(),
            Some("Set up…")
        );
        assert_eq!(fit_text("Set up in minutes", 3.0, measure), None);
        assert_eq!(fit_text("", 30.0, measure), None);
    }

    #[test]
    fn labels_take_rows_when_they_collide() {
        // Three labels 0.2 wide: the middle one goes to a second row.
        let placed = place_labels(&[(0.1, 0.2), (0.25, 0.2), (0.5, 0.2)], 0.01, 2);
        assert_eq!(placed.iter().map(|p| p.row).collect::<Vec<_>>(), [0, 1, 0]);
        // Kept inside the axis.
        assert_eq!(placed[0].left, 0.0);
        let placed = place_labels(&[(0.99, 0.1)], 0.0, 1);
        assert!((placed[0].left - 0.9).abs() < 1e-9);
        // Forty labels in two rows alternate.
        let items: Vec<(f64, f64)> = (0..40)
            .map(|i| ((f64::from(i) + 0.5) / 40.0, 0.03))
            .collect();
        let rows: Vec<usize> = place_labels(&items, 0.002, 2)
            .iter()
            .map(|p| p.row)
            .collect();
        assert!(
            rows.iter().enumerate().all(|(i, &r)| r == i % 2),
            "{rows:?}"
        );
    }

    #[test]
    fn long_titles_are_shortened_in_few_measurements() {
        let title = "x".repeat(50_000);
        let count = std::cell::Cell::new(0);
        let fitted = fit_text(&title, 10.0, |t| {
            count.set(count.get() + 1);
            t.chars().count() as f64
        });
        assert_eq!(fitted.as_deref(), Some("xxxxxxxxx…"));
        assert!(count.get() < 30, "{} measurements", count.get());
        assert_eq!(fit_text("abcdef", 3.0, |t| t.chars().count() as f64), None);
    }
}
