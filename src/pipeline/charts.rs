//! The report's charts as inline SVG, drawn here rather than in the
//! template (ten thousand briefs make four small charts; building them in
//! Rust keeps the template simple and fast).
//!
//! One kind of chart serves all four: horizontal bars, one row per label,
//! each bar made of parts (statuses stacked, or a length and its range).
//! Horizontal positions are percentages of the SVG's width, so the chart
//! stretches from a 375 px phone to a wide screen while the text keeps its
//! size; the label column, the bars and the totals each have a fixed share.
//! Every number is written as text (the total of each row, the parts that
//! have room, the axis), colours come from classes in `report.css` and
//! differ in lightness too, so a chart survives greyscale printing. Every
//! text goes through [`escape`]; no `style` attribute is written (the page's
//! Content-Security-Policy allows only its own `<style>` block).

use std::fmt::Write as _;

/// Where bars start and end, in percent of the chart's width: labels to the
/// left, totals to the right.
const BAR_START: f64 = 31.0;
const BAR_END: f64 = 80.0;
/// The width of the bars on the narrowest screen the page is laid out for
/// (a 375 px phone: about 330 px of chart), which decides whether a part's
/// number fits inside it.
const NARROW_BAR_PX: f64 = 330.0 * (BAR_END - BAR_START) / 100.0;
/// Row and bar heights in CSS pixels.
const ROW: u32 = 30;
const BAR: u32 = 16;
/// The height of the axis under the rows.
const AXIS: u32 = 20;

/// How a part is coloured (a class of `report.css`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tone {
    /// `status: draft`: light.
    Draft,
    /// `status: review`: mid.
    Review,
    /// `status: approved`: dark.
    Approved,
    /// Minutes of video (a length, or a range's lower bound).
    Length,
    /// The rest of a range, up to its upper bound: pale, dashed.
    Range,
    /// Waiting on marketing.
    Marketing,
    /// Waiting on sales.
    Sales,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Draft => "t-draft",
            Tone::Review => "t-review",
            Tone::Approved => "t-approved",
            Tone::Length => "t-length",
            Tone::Range => "t-range",
            Tone::Marketing => "t-marketing",
            Tone::Sales => "t-sales",
        }
    }

    /// Whether a number on this tone is written in white.
    fn dark(self) -> bool {
        !matches!(self, Tone::Draft | Tone::Range)
    }
}

/// One part of a bar.
pub(super) struct Part {
    /// Its size, in the chart's unit.
    pub value: f64,
    /// Its colour.
    pub tone: Tone,
    /// The number written inside it when it has room (`None`: never).
    pub text: Option<String>,
    /// What it is, in words, for the tooltip and the chart's description:
    /// "4 in review".
    pub title: String,
}

/// One row: a label, a bar of parts, and the total written after it.
pub(super) struct Row {
    /// The label before the bar.
    pub label: String,
    /// The bar's parts, left to right.
    pub parts: Vec<Part>,
    /// The total after the bar, e.g. `12` or `12–15 min`.
    pub total: String,
    /// A row to draw attention to (overdue): its label is marked.
    pub alert: bool,
}

/// A horizontal bar chart of `rows`, the axis counting in `unit` (e.g.
/// `briefs`); `title` names the chart for screen readers.
pub(super) fn bars(title: &str, unit: &str, rows: &[Row]) -> String {
    let largest = rows
        .iter()
        .map(|r| r.parts.iter().map(|p| p.value).sum::<f64>())
        .fold(0.0, f64::max);
    let top = nice_ceiling(largest);
    let x = |value: f64| BAR_START + (BAR_END - BAR_START) * value / top;
    let height = ROW * rows.len() as u32 + AXIS;
    let mut svg = String::with_capacity(512 + 600 * rows.len());
    let description = rows
        .iter()
        .map(|r| {
            let parts: Vec<&str> = r
                .parts
                .iter()
                .filter(|p| p.value > 0.0)
                .map(|p| p.title.as_str())
                .collect();
            if parts.len() > 1 {
                format!("{}: {} ({})", r.label, r.total, parts.join(", "))
            } else {
                format!("{}: {}", r.label, r.total)
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(
        svg,
        "<svg class=\"chart\" width=\"100%\" height=\"{height}\" role=\"img\" aria-label=\"{}\" focusable=\"false\">",
        escape(&format!("{title}. {description}."))
    );
    // Grid lines at 0, half and the top of the scale, with their values.
    let axis_y = ROW * rows.len() as u32;
    for (i, value) in [0.0, top / 2.0, top].into_iter().enumerate() {
        // A half that is not a whole number of briefs is not drawn.
        if i == 1 && value.fract() != 0.0 {
            continue;
        }
        let at = x(value);
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{at:.2}%\" x2=\"{at:.2}%\" y1=\"0\" y2=\"{axis_y}\"/>"
        );
        let anchor = if i == 2 { "end" } else { "middle" };
        let anchor = if i == 0 { "start" } else { anchor };
        let _ = writeln!(
            svg,
            "<text class=\"tick\" x=\"{at:.2}%\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            axis_y + 14,
            escape(&number(value))
        );
    }
    let _ = writeln!(
        svg,
        "<text class=\"tick unit\" x=\"{:.2}%\" y=\"{}\" text-anchor=\"start\">{}</text>",
        BAR_END + 2.0,
        axis_y + 14,
        escape(unit)
    );
    for (i, row) in rows.iter().enumerate() {
        let y = ROW * i as u32;
        let middle = y + ROW / 2 + 4;
        let label_class = if row.alert { "label alert" } else { "label" };
        let _ = writeln!(
            svg,
            "<text class=\"{label_class}\" x=\"0\" y=\"{middle}\">{}</text>",
            escape(&row.label)
        );
        let mut at = 0.0;
        for part in row.parts.iter().filter(|p| p.value > 0.0) {
            let (from, to) = (x(at), x(at + part.value));
            at += part.value;
            let _ = writeln!(
                svg,
                "<rect class=\"{}\" x=\"{from:.2}%\" y=\"{}\" width=\"{:.2}%\" height=\"{BAR}\"><title>{}</title></rect>",
                part.tone.class(),
                y + (ROW - BAR) / 2,
                to - from,
                escape(&part.title)
            );
            let Some(text) = &part.text else { continue };
            let room = (to - from) / (BAR_END - BAR_START) * NARROW_BAR_PX;
            if room >= 7.0 * text.chars().count() as f64 + 6.0 {
                let ink = if part.tone.dark() { "in on-dark" } else { "in" };
                let _ = writeln!(
                    svg,
                    "<text class=\"{ink}\" x=\"{:.2}%\" y=\"{middle}\" text-anchor=\"middle\" aria-hidden=\"true\">{}</text>",
                    (from + to) / 2.0,
                    escape(text)
                );
            }
        }
        let _ = writeln!(
            svg,
            "<text class=\"total\" x=\"100%\" y=\"{middle}\" text-anchor=\"end\">{}</text>",
            escape(&row.total)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The smallest of 1, 2, 3, 4, 5, 6, 8, 10, 20, 30… (whole numbers, so the
/// axis counts briefs) that is at least `value`; at least 1.
fn nice_ceiling(value: f64) -> f64 {
    let mut step = 1.0;
    loop {
        for m in [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0] {
            if m * step >= value {
                return m * step;
            }
        }
        step *= 10.0;
    }
}

/// `12`, `2.5`: a number as an axis or a total shows it.
pub(super) fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// `text` safe inside an element or a quoted attribute.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, values: &[(f64, Tone)]) -> Row {
        Row {
            label: label.into(),
            parts: values
                .iter()
                .map(|&(value, tone)| Part {
                    value,
                    tone,
                    text: Some(number(value)),
                    title: format!("{value} <b>"),
                })
                .collect(),
            total: number(values.iter().map(|v| v.0).sum()),
            alert: false,
        }
    }

    #[test]
    fn scales_to_a_round_top_and_escapes_every_text() {
        assert_eq!(
            [0.0, 1.0, 3.0, 7.0, 11.0, 24.0, 49.0, 120.0].map(nice_ceiling),
            [1.0, 1.0, 3.0, 8.0, 20.0, 30.0, 50.0, 200.0]
        );
        let svg = bars(
            "A & B",
            "briefs",
            &[
                row("x<y", &[(3.0, Tone::Draft), (1.0, Tone::Review)]),
                row("z", &[(0.0, Tone::Draft)]),
            ],
        );
        assert!(
            svg.contains("aria-label=\"A &amp; B. x&lt;y: 4 (3 &lt;b&gt;, 1 &lt;b&gt;); z: 0.\"")
        );
        assert!(svg.contains(">x&lt;y</text>") && !svg.contains("<b>"));
        // The top of the scale is 4: 3 drafts fill 3/4 of the bars' width.
        let width = (BAR_END - BAR_START) * 3.0 / 4.0;
        assert!(svg.contains(&format!("width=\"{width:.2}%\"")), "{svg}");
        // An empty part draws nothing; the row still has its total.
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains(">0</text>"));
        assert!(!svg.contains("style="));
    }
}
