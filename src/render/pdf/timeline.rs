//! The scene timeline drawn at the top of the Scenes section: the model of
//! [`crate::render::timeline`] as lines of text and vector shapes, kept
//! together (and, by `compose`, with the start of the scene table).
//!
//! Text is real text in the embedded faces (selectable, found by
//! `pdftotext`); every mark has a text label beside its colour, so the strip
//! reads the same printed in black and white.

use super::fonts::FontKind;
use super::layout::{LineBox, Rgb, Shape};
use super::text::{self, Rich, Style};
use super::theme::Theme;
use crate::labels::Labels;
use crate::model::{Brief, Duration};
use crate::render::RenderOptions;
use crate::render::timeline::{self, LegendKind, MarkKind, Timeline};

/// Label sizes and row heights, in points.
const LABEL: f32 = 7.5;
const SMALL: f32 = 7.0;
const ROW: f32 = 9.5;
/// One line of labels inside the bar.
const BAR_LINE: f32 = 11.0;
/// The voiceover lane under the bar: gap, height.
const VO_GAP: f32 = 1.5;
const VO_H: f32 = 4.5;
/// Marks in red (too-long voiceover, overrun) and the red hatching.
const RED: Rgb = [0.71, 0.14, 0.09];
const RED_LIGHT: Rgb = [0.98, 0.84, 0.82];
const GAP_INK: Rgb = [0.42, 0.46, 0.52];
const WHITE: Rgb = [1.0, 1.0, 1.0];

/// The strip for `brief`, `width` points wide; `None` without timed scenes.
pub fn strip(
    brief: &Brief,
    options: &RenderOptions,
    labels: &Labels,
    theme: &Theme,
    width: f32,
) -> Option<Vec<LineBox>> {
    let t = Timeline::of(brief, options.speaking_rate_wpm)?;
    Some(
        Strip {
            t: &t,
            labels,
            theme,
            w: width,
        }
        .lines(),
    )
}

struct Strip<'a> {
    t: &'a Timeline,
    labels: &'a Labels,
    theme: &'a Theme,
    w: f32,
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

/// An empty line `height` tall.
fn row(height: f32) -> LineBox {
    LineBox {
        height,
        baseline: text::baseline_for(height, LABEL),
        ..LineBox::default()
    }
}

/// Diagonal hatching over the rectangle (`x`, `y`, `w`, `h`), clipped to it.
fn hatch(x: f32, y: f32, w: f32, h: f32, color: Rgb, out: &mut Vec<Shape>) {
    const STEP: f32 = 3.5;
    let mut a = x - h;
    while a < x + w {
        // The line from (a, y + h) up to (a + h, y), clipped to x..x + w.
        let (from, to) = (a.max(x), (a + h).min(x + w));
        if to - from > 0.2 {
            out.push(Shape::Path {
                points: vec![(from, y + h - (from - a)), (to, y + h - (to - a))],
                closed: false,
                color,
                width: 0.8,
            });
        }
        a += STEP;
    }
}

impl Strip<'_> {
    fn x(&self, f: f64) -> f32 {
        f as f32 * self.w
    }

    fn style(&self, font: FontKind, size: f32, color: Rgb) -> Style {
        Style::new(font, size, color)
    }

    /// `rich` as pieces starting at `x` on a line.
    fn pieces_at(rich: &Rich, x: f32, line: &mut LineBox) {
        let laid = text::line(rich, line.height);
        for mut p in laid.pieces {
            p.x += x;
            line.pieces.push(p);
        }
    }

    fn width_of(rich: &Rich) -> f32 {
        text::line(rich, ROW).text_width()
    }

    /// Labels of `(at, rich)` placed in rows under each other, no two
    /// overlapping; returns the rows.
    fn label_rows(&self, labels: &[(f64, Rich)], max_rows: usize) -> Vec<LineBox> {
        let items: Vec<(f64, f64)> = labels
            .iter()
            .map(|(at, rich)| (*at, f64::from(Self::width_of(rich) / self.w)))
            .collect();
        let placed = timeline::place_labels(&items, f64::from(3.0 / self.w), max_rows);
        let count = placed.iter().map(|p| p.row + 1).max().unwrap_or(0);
        let mut rows: Vec<LineBox> = (0..count).map(|_| row(ROW)).collect();
        for ((_, rich), p) in labels.iter().zip(&placed) {
            Self::pieces_at(rich, self.x(p.left), &mut rows[p.row]);
        }
        rows
    }

    fn lines(&self) -> Vec<LineBox> {
        let t = self.t;
        let theme = self.theme;
        let bold = self.style(FontKind::Bold, LABEL, theme.text);
        let regular = self.style(FontKind::Regular, LABEL, theme.text);
        let muted = self.style(FontKind::Regular, SMALL, theme.muted);

        let number = |n: usize| Rich::plain(&bold, &n.to_string());
        let dense = t
            .segments
            .iter()
            .any(|s| Self::width_of(&number(s.number)) + 3.0 > self.x(s.to - s.from));

        let mut lines = Vec::new();
        if dense {
            let labels: Vec<(f64, Rich)> = t
                .segments
                .iter()
                .map(|s| ((s.from + s.to) / 2.0, number(s.number)))
                .collect();
            lines.extend(self.label_rows(&labels, 3));
            lines.push(LineBox::gap(1.5));
        }

        // The bar: one line of labels (two with timecodes) over the shapes.
        let bar_h = if dense { 10.0 } else { 2.0 * BAR_LINE };
        let mut first = row(BAR_LINE);
        let mut second = row(bar_h - BAR_LINE);
        second.baseline = text::baseline_for(BAR_LINE, SMALL) - 2.0;
        let mut deco = Vec::new();
        let shapes = &mut deco;
        let planned = t.length_end().unwrap_or(1.0);
        shapes.push(Shape::Fill {
            x: 0.0,
            y: 0.0,
            w: self.x(planned),
            h: bar_h,
            color: theme.panel,
        });
        for gap in &t.gaps {
            let (x, w) = (self.x(gap.from), self.x(gap.to - gap.from));
            shapes.push(Shape::Fill {
                x,
                y: 0.0,
                w,
                h: bar_h,
                color: WHITE,
            });
            hatch(x, 0.0, w, bar_h, GAP_INK, shapes);
        }
        let vo_y = bar_h + VO_GAP;
        // Backgrounds behind the labels, drawn over the overrun's hatching.
        let mut backs = Vec::new();
        for (i, seg) in t.segments.iter().enumerate() {
            let (x, w) = (self.x(seg.from), self.x(seg.to - seg.from));
            let tint = if i % 2 == 1 { 0.70 } else { 0.84 };
            let fill = mix(theme.accent, WHITE, tint);
            shapes.push(Shape::Fill {
                x,
                y: 0.0,
                w,
                h: bar_h,
                color: fill,
            });
            // A white hairline between neighbours.
            shapes.push(Shape::Path {
                points: vec![(x, 0.0), (x, bar_h)],
                closed: false,
                color: WHITE,
                width: 0.8,
            });
            shapes.push(Shape::Fill {
                x,
                y: vo_y,
                w,
                h: VO_H,
                color: theme.rule,
            });
            if let Some(vo) = &seg.voiceover {
                let filled = w * vo.fill as f32;
                if vo.over.is_some() {
                    shapes.push(Shape::Fill {
                        x,
                        y: vo_y,
                        w: filled,
                        h: VO_H,
                        color: RED_LIGHT,
                    });
                    hatch(x, vo_y, filled, VO_H, RED, shapes);
                } else {
                    shapes.push(Shape::Fill {
                        x,
                        y: vo_y,
                        w: filled,
                        h: VO_H,
                        color: theme.accent,
                    });
                }
            }
            if dense {
                continue;
            }
            // Number and title, centred on the segment where they fit.
            let room = w - 5.0;
            let num = number(seg.number);
            let num_w = Self::width_of(&num);
            let mut label = num;
            if let Some(title) =
                timeline::fit_text(&seg.title, f64::from(room - num_w - 3.0), |s| {
                    f64::from(Self::width_of(&Rich::plain(&regular, s)))
                })
            {
                label.push(&regular, " ");
                label.push(&regular, &title);
            }
            let label_w = Self::width_of(&label);
            let mut back = |left: f32, width: f32, y: f32, h: f32| {
                backs.push(Shape::Fill {
                    x: left - 1.0,
                    y,
                    w: width + 2.0,
                    h,
                    color: fill,
                });
            };
            back(x + (w - label_w) / 2.0, label_w, 1.5, BAR_LINE - 2.0);
            Self::pieces_at(&label, x + (w - label_w) / 2.0, &mut first);
            let tc = format!(
                "{}–{}",
                Duration::from_secs(seg.start).timecode(),
                Duration::from_secs(seg.end).timecode()
            );
            let tc = Rich::plain(&muted, &tc);
            let tc_w = Self::width_of(&tc);
            if tc_w <= room {
                back(
                    x + (w - tc_w) / 2.0,
                    tc_w,
                    BAR_LINE - 0.5,
                    bar_h - BAR_LINE - 1.0,
                );
                Self::pieces_at(&tc, x + (w - tc_w) / 2.0, &mut second);
            }
        }
        let shapes = &mut deco;
        if let Some(over) = &t.overrun {
            let (x, w) = (self.x(over.from), self.x(over.to - over.from));
            hatch(x, 0.0, w, bar_h, RED, shapes);
            shapes.push(Shape::Path {
                points: vec![(x, 0.0), (x + w, 0.0), (x + w, bar_h), (x, bar_h)],
                closed: true,
                color: RED,
                width: 0.8,
            });
        }
        // The length's end (when it matters) and a range's lower bound.
        if let (Some(length), Some(end)) = (t.length, t.length_end()) {
            let at = |d: Duration| f64::from(d.seconds) / f64::from(t.span);
            let mut bound = |f: f64, dashed: bool| {
                let x = self.x(f);
                let (top, bottom) = (-2.0, vo_y + VO_H + 1.0);
                if dashed {
                    let mut y = top;
                    while y < bottom {
                        shapes.push(Shape::Path {
                            points: vec![(x, y), (x, (y + 2.5).min(bottom))],
                            closed: false,
                            color: theme.text,
                            width: 1.0,
                        });
                        y += 4.0;
                    }
                } else {
                    shapes.push(Shape::Path {
                        points: vec![(x, top), (x, bottom)],
                        closed: false,
                        color: theme.text,
                        width: 1.0,
                    });
                }
            };
            if length.is_range() {
                bound(at(length.min), true);
            }
            if length.is_range() || t.overrun.is_some() {
                bound(end, false);
            }
        }
        deco.extend(backs);
        first.deco = deco;
        lines.push(first);
        if bar_h > BAR_LINE {
            lines.push(second);
        }

        // Ticks under the voiceover lane, labelled ones longer.
        let mut ticks = row(VO_GAP + VO_H + 12.0);
        ticks.baseline = VO_GAP + VO_H + 11.0;
        let tick_top = VO_GAP + VO_H + 1.5;
        for tick in &t.ticks {
            let x = self.x(tick.at);
            let long = tick.label.is_some();
            ticks.deco.push(Shape::Path {
                points: vec![(x, tick_top), (x, tick_top + if long { 3.0 } else { 2.0 })],
                closed: false,
                color: theme.muted,
                width: 0.5,
            });
            if let Some(label) = &tick.label {
                let rich = Rich::plain(&muted, label);
                let lw = Self::width_of(&rich);
                let left = (x - lw / 2.0).clamp(0.0, (self.w - lw).max(0.0));
                Self::pieces_at(&rich, left, &mut ticks);
            }
        }
        lines.push(ticks);

        // The marks: gap, overrun, too-long voiceover, a range's bounds.
        let marks: Vec<(f64, Rich)> = t
            .marks(self.labels)
            .into_iter()
            .map(|m| {
                let color = match m.kind {
                    MarkKind::Overrun | MarkKind::Voiceover => RED,
                    MarkKind::Gap => GAP_INK,
                    MarkKind::Min | MarkKind::Max => theme.text,
                };
                (
                    m.at,
                    Rich::plain(&self.style(FontKind::Bold, SMALL, color), &m.text),
                )
            })
            .collect();
        lines.extend(self.label_rows(&marks, 3));

        lines.push(LineBox::gap(3.0));
        lines.extend(self.legend());
        lines.push(LineBox::gap(6.0));
        lines
    }

    /// The legend: a swatch and its words per entry, wrapped to the width.
    fn legend(&self) -> Vec<LineBox> {
        let theme = self.theme;
        let style = self.style(FontKind::Regular, SMALL, theme.muted);
        let (sw, sh) = (11.0, 6.0);
        let lh = 10.5;
        let mut lines = vec![row(lh)];
        let mut x = 0.0;
        for entry in self.t.legend(self.labels) {
            let rich = Rich::plain(&style, &entry.text);
            let tw = Self::width_of(&rich);
            let item_w = sw + 3.0 + tw;
            if x > 0.0 && x + item_w > self.w {
                lines.push(row(lh));
                x = 0.0;
            }
            let Some(line) = lines.last_mut() else { break };
            line.baseline = text::baseline_for(lh, SMALL);
            let y = (lh - sh) / 2.0;
            let deco = &mut line.deco;
            match entry.kind {
                LegendKind::Scene => deco.push(Shape::Fill {
                    x,
                    y,
                    w: sw,
                    h: sh,
                    color: mix(theme.accent, WHITE, 0.70),
                }),
                LegendKind::Voiceover => deco.push(Shape::Fill {
                    x,
                    y: y + 1.5,
                    w: sw,
                    h: sh - 3.0,
                    color: theme.accent,
                }),
                LegendKind::Mark(MarkKind::Min | MarkKind::Max) => {
                    let mid = x + sw / 2.0;
                    let mut yy = y - 1.0;
                    while yy < y + sh + 1.0 {
                        deco.push(Shape::Path {
                            points: vec![(mid, yy), (mid, yy + 2.0)],
                            closed: false,
                            color: theme.text,
                            width: 1.0,
                        });
                        yy += 3.5;
                    }
                }
                LegendKind::Mark(kind) => {
                    let ink = if kind == MarkKind::Gap { GAP_INK } else { RED };
                    deco.push(Shape::Fill {
                        x,
                        y,
                        w: sw,
                        h: sh,
                        color: WHITE,
                    });
                    hatch(x, y, sw, sh, ink, deco);
                    deco.push(Shape::Path {
                        points: vec![(x, y), (x + sw, y), (x + sw, y + sh), (x, y + sh)],
                        closed: true,
                        color: ink,
                        width: 0.5,
                    });
                }
            }
            Self::pieces_at(&rich, x + sw + 3.0, line);
            x += item_w + 10.0;
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::brief;

    fn texts(lines: &[LineBox]) -> String {
        lines
            .iter()
            .flat_map(|l| l.pieces.iter().map(|p| p.text.clone()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn labels_marks_and_legend_are_text() {
        let b = brief(
            "# T\n\nlength: 30s\n\n## Scenes\n### 0:00-0:10 Hook\nVoiceover: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty\n\n### 0:12-0:35 End\nVisual: x\n",
        );
        let lines = strip(
            &b,
            &RenderOptions::default(),
            &Labels::default(),
            &Theme::new(None),
            480.0,
        )
        .unwrap();
        let all = texts(&lines);
        for needle in [
            "Hook",
            "0:00–0:10",
            "gap 2 s",
            "+5 s over",
            "VO +6 s",
            "0:30",
            "Gap:",
        ] {
            assert!(all.contains(needle), "{needle:?} not in {all:?}");
        }
        // Hatching stays inside its rectangle.
        let mut shapes = Vec::new();
        hatch(10.0, 0.0, 20.0, 8.0, RED, &mut shapes);
        for s in shapes {
            let Shape::Path { points, .. } = s else {
                panic!()
            };
            assert!(
                points
                    .iter()
                    .all(|&(x, y)| (10.0..=30.0).contains(&x) && (0.0..=8.0).contains(&y))
            );
        }
    }

    #[test]
    fn many_scenes_are_numbered_above_the_bar() {
        let mut text = "# T\n\nlength: 2m\n\n## Scenes\n".to_string();
        for i in 0..40 {
            let tc = |s: u32| Duration::from_secs(s).timecode();
            text.push_str(&format!(
                "### {}-{} Scene {i}\nVisual: x\n\n",
                tc(i * 3),
                tc(i * 3 + 3)
            ));
        }
        let lines = strip(
            &brief(&text),
            &RenderOptions::default(),
            &Labels::default(),
            &Theme::new(None),
            480.0,
        )
        .unwrap();
        let all = texts(&lines);
        for n in 1..=40 {
            assert!(
                all.split(' ').any(|w| w == n.to_string()),
                "{n} missing: {all}"
            );
        }
        assert!(!all.contains("Scene 1"), "no titles when dense: {all}");
    }
}
