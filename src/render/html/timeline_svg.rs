//! The scene timeline as the view the template draws as inline SVG.
//!
//! Every number is computed here; the template only writes them into
//! attributes, and every text (titles included) goes through Tera's
//! autoescaping like the rest of the page. Horizontal positions are
//! percentages of the SVG's width and text sizes are CSS pixels, so the bar
//! stretches to the column while the text stays readable from 375 px phones
//! to print. Whether a label fits is decided for two widths the column
//! can have, [`NARROW`] (phones) and [`WIDE`] (everything else): a label
//! that fits only the wide column is drawn with the class `tl-wide`, its
//! shorter form with `tl-narrow`, and `style.css` shows one of the two.
//! No `style` attribute is written: the page's Content-Security-Policy
//! allows only its own `<style>` blocks.

use crate::labels::Labels;
use crate::model::Duration;
use crate::render::timeline::{self, LegendKind, MarkKind, Timeline};
use serde::Serialize;

/// The narrowest column the phone layout assumes (375 px minus padding).
const NARROW: f64 = 330.0;
/// The narrowest column the wide layout assumes (641 px minus padding).
const WIDE: f64 = 540.0;
/// Label sizes in CSS pixels (as `style.css` sets them).
const LABEL_PX: f64 = 11.0;
const SMALL_PX: f64 = 10.0;
/// Height of a row of labels.
const ROW: u32 = 13;

/// The timeline, ready for the template.
#[derive(Serialize)]
pub struct TimelineView {
    /// The timeline in words (`aria-label`, `<title>`).
    label: String,
    /// The SVG's height in CSS pixels.
    height: u32,
    /// The bar: top, height; the voiceover lane under it: top, height.
    bar_y: u32,
    bar_h: u32,
    vo_y: u32,
    vo_h: u32,
    /// Where the planned length ends (width of the bar's background).
    planned: String,
    /// Whether scene labels are numbers above the bar (many scenes).
    dense: bool,
    segments: Vec<SegmentView>,
    numbers: Vec<TextView>,
    gaps: Vec<BoxView>,
    overrun: Option<BoxView>,
    /// Vertical lines: the length's end, a range's bounds.
    lines: Vec<LineView>,
    line_top: u32,
    line_bottom: u32,
    ticks: Vec<TickView>,
    tick_y: u32,
    marks: Vec<TextView>,
    legend: Vec<LegendView>,
}

#[derive(Serialize)]
struct SegmentView {
    x: String,
    w: String,
    /// The segment's centre, where its labels are anchored.
    cx: String,
    alt: bool,
    number: usize,
    /// The title after the number, in one or two forms (`class` is empty,
    /// `tl-wide` or `tl-narrow`).
    titles: Vec<Alternative>,
    timecode: Vec<Alternative>,
    voiceover: Option<VoView>,
}

#[derive(Serialize)]
struct Alternative {
    class: &'static str,
    text: Option<String>,
}

#[derive(Serialize)]
struct VoView {
    w: String,
    over: bool,
}

#[derive(Serialize)]
struct BoxView {
    x: String,
    w: String,
}

#[derive(Serialize)]
struct LineView {
    x: String,
    kind: &'static str,
}

#[derive(Serialize)]
struct TickView {
    x: String,
    long: bool,
    label: Option<TextView>,
}

#[derive(Serialize)]
struct TextView {
    x: String,
    y: u32,
    anchor: &'static str,
    kind: &'static str,
    text: String,
}

#[derive(Serialize)]
struct LegendView {
    kind: &'static str,
    text: String,
}

fn pct(f: f64) -> String {
    format!("{:.3}%", (f * 100.0).clamp(0.0, 100.0))
}

/// An estimate of `text`'s width in a sans-serif face at `px`, generous so
/// that what is judged to fit does in the usual system faces.
fn estimate(text: &str, px: f64, bold: bool) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | 'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.32,
            'f' | 't' | 'r' | '(' | ')' | '-' => 0.42,
            'm' | 'w' | 'M' | 'W' | '—' | '…' => 0.9,
            '0'..='9' => 0.62,
            c if c.is_ascii_uppercase() => 0.7,
            c if c.is_ascii() => 0.58,
            // CJK, kana, hangul and other wide scripts.
            c if ('\u{1100}'..='\u{FFEF}').contains(&c)
                && !('\u{2000}'..='\u{2BFF}').contains(&c) =>
            {
                1.0
            }
            _ => 0.65,
        })
        .sum();
    em * px * if bold { 1.08 } else { 1.0 }
}

/// A label `width` fractions wide placed at `left` with its anchor.
fn anchored(left: f64, width: f64, at: f64) -> (String, &'static str) {
    if at - width / 2.0 < 0.0 {
        (pct(0.0), "start")
    } else if at + width / 2.0 > 1.0 {
        (pct(1.0), "end")
    } else {
        (pct(left + width / 2.0), "middle")
    }
}

/// One form when the narrow and the wide column show the same, else both.
fn alternatives(narrow: Option<String>, wide: Option<String>) -> Vec<Alternative> {
    if narrow == wide {
        return vec![Alternative {
            class: "",
            text: narrow,
        }];
    }
    vec![
        Alternative {
            class: "tl-narrow",
            text: narrow,
        },
        Alternative {
            class: "tl-wide",
            text: wide,
        },
    ]
}

impl TimelineView {
    /// Lays `t` out for the page.
    pub fn new(t: &Timeline, labels: &Labels) -> TimelineView {
        // Dense when a number does not fit inside its segment on a phone.
        let number_w = |n: usize| estimate(&n.to_string(), LABEL_PX, true) + 4.0;
        let dense = t
            .segments
            .iter()
            .any(|s| number_w(s.number) > (s.to - s.from) * NARROW);

        let mut y = 2;
        let mut numbers = Vec::new();
        if dense {
            let items: Vec<(f64, f64)> = t
                .segments
                .iter()
                .map(|s| ((s.from + s.to) / 2.0, number_w(s.number) / NARROW))
                .collect();
            let placed = timeline::place_labels(&items, 2.0 / NARROW, 3);
            let rows = placed.iter().map(|p| p.row + 1).max().unwrap_or(1) as u32;
            for ((seg, p), (at, width)) in t.segments.iter().zip(&placed).zip(&items) {
                let (x, anchor) = anchored(p.left, *width, *at);
                numbers.push(TextView {
                    x,
                    y: y + 10 + ROW * p.row as u32,
                    anchor,
                    kind: "num",
                    text: seg.number.to_string(),
                });
            }
            y += ROW * rows + 2;
        }

        let bar_y = y;
        let bar_h = if dense { 18 } else { 34 };
        let vo_y = bar_y + bar_h + 2;
        let vo_h = 6;
        let tick_y = vo_y + vo_h + 2;

        let segments = t
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let width = s.to - s.from;
                let room = |column: f64| width * column - 8.0;
                let number = s.number.to_string();
                let title_room =
                    |column: f64| room(column) - estimate(&number, LABEL_PX, true) - 4.0;
                let title = |column: f64| {
                    timeline::fit_text(&s.title, title_room(column), |t| {
                        estimate(t, LABEL_PX, false)
                    })
                };
                let tc = format!(
                    "{}–{}",
                    Duration::from_secs(s.start).timecode(),
                    Duration::from_secs(s.end).timecode()
                );
                let timecode = |column: f64| {
                    (estimate(&tc, SMALL_PX, false) <= room(column)).then(|| tc.clone())
                };
                SegmentView {
                    x: pct(s.from),
                    w: pct(width),
                    cx: pct((s.from + s.to) / 2.0),
                    alt: i % 2 == 1,
                    number: s.number,
                    // Many scenes: numbers above the bar, nothing inside.
                    titles: if dense {
                        Vec::new()
                    } else {
                        alternatives(title(NARROW), title(WIDE))
                    },
                    timecode: if dense {
                        Vec::new()
                    } else {
                        alternatives(timecode(NARROW), timecode(WIDE))
                    },
                    voiceover: s.voiceover.as_ref().map(|vo| VoView {
                        w: pct(width * vo.fill),
                        over: vo.over.is_some(),
                    }),
                }
            })
            .collect();

        let mut lines = Vec::new();
        if let (Some(end), Some(length)) = (t.length_end(), t.length) {
            let at = |d: Duration| f64::from(d.seconds) / f64::from(t.span);
            if length.is_range() {
                lines.push(LineView {
                    x: pct(at(length.min)),
                    kind: "min",
                });
            }
            if length.is_range() || t.overrun.is_some() {
                lines.push(LineView {
                    x: pct(end),
                    kind: "max",
                });
            }
        }

        // More than six labels crowd a phone: there, every other one.
        let labelled = t.ticks.iter().filter(|k| k.label.is_some()).count();
        let mut nth = 0;
        let ticks = t
            .ticks
            .iter()
            .map(|tick| TickView {
                x: pct(tick.at),
                long: tick.label.is_some(),
                label: tick.label.as_ref().map(|text| {
                    let width = estimate(text, SMALL_PX, false) / NARROW;
                    let (x, anchor) = anchored(tick.at - width / 2.0, width, tick.at);
                    nth += 1;
                    TextView {
                        x,
                        y: tick_y + 16,
                        anchor,
                        kind: if labelled > 6 && nth % 2 == 0 {
                            "tl-wide"
                        } else {
                            ""
                        },
                        text: text.clone(),
                    }
                }),
            })
            .collect();
        y = tick_y + 20;

        let all_marks = t.marks(labels);
        let items: Vec<(f64, f64)> = all_marks
            .iter()
            .map(|m| (m.at, (estimate(&m.text, SMALL_PX, true) + 4.0) / NARROW))
            .collect();
        let placed = timeline::place_labels(&items, 4.0 / NARROW, 3);
        let mut marks = Vec::new();
        for ((mark, p), (at, width)) in all_marks.iter().zip(&placed).zip(&items) {
            let (x, anchor) = anchored(p.left, *width, *at);
            marks.push(TextView {
                x,
                y: y + 10 + ROW * p.row as u32,
                anchor,
                kind: mark.kind.name(),
                text: mark.text.clone(),
            });
        }
        if let Some(rows) = placed.iter().map(|p| p.row as u32 + 1).max() {
            y += ROW * rows + 2;
        }

        let stretch = |s: &timeline::Stretch| BoxView {
            x: pct(s.from),
            w: pct(s.to - s.from),
        };
        TimelineView {
            label: t.describe(labels),
            height: y + 2,
            bar_y,
            bar_h,
            vo_y,
            vo_h,
            planned: pct(t.length_end().unwrap_or(1.0)),
            dense,
            segments,
            numbers,
            gaps: t.gaps.iter().map(stretch).collect(),
            overrun: t.overrun.as_ref().map(stretch),
            lines,
            line_top: bar_y.saturating_sub(2),
            line_bottom: vo_y + vo_h,
            ticks,
            tick_y,
            marks,
            legend: t
                .legend(labels)
                .into_iter()
                .map(|l| LegendView {
                    kind: match l.kind {
                        LegendKind::Mark(MarkKind::Min) => "range",
                        kind => kind.name(),
                    },
                    text: l.text,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_and_anchors() {
        assert_eq!(pct(0.125), "12.500%");
        assert_eq!(pct(1.2), "100.000%");
        assert_eq!(anchored(0.0, 0.1, 0.01).1, "start");
        assert_eq!(anchored(0.9, 0.1, 0.99).1, "end");
        assert_eq!(anchored(0.45, 0.1, 0.5), ("50.000%".to_string(), "middle"));
        assert!(estimate("Set up in minutes", 11.0, false) > 70.0);
    }
}
