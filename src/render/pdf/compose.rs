//! What goes on the pages: the brief laid out as title block, header grid,
//! sections, scene table, checklist, sign-off block, footers and running
//! headers.
//!
//! This is the only part of the PDF renderer that knows what a brief is; it
//! turns one into [`Page`]s through the flow layouter and the table.

use super::bidi;
use super::fonts::{self, Face, FontKind};
use super::layout::{Flow, Geometry, Item, LineBox, Page, Piece, Shape, mm};
use super::table::{Cell, Table, TableStyle};
use super::text::{self, Rich, Style};
use super::theme::Theme;
use crate::labels::Labels;
use crate::model::{
    Brief, CheckItem, Content, Metric, Scene, SceneFieldKind, Section, SectionKind, SignOffEntry,
};
use crate::render::{RenderOptions, VERSION};

/// Body text size and line height.
const BODY: f32 = 10.0;
const BODY_LH: f32 = 14.2;
/// Table and grid text.
const SMALL: f32 = 9.0;
const SMALL_LH: f32 = 12.6;
/// Labels in tables and grids.
const LABEL: f32 = 8.5;
/// Section headings.
const H2: f32 = 12.5;
const H2_LH: f32 = 17.0;
/// The title.
const TITLE: f32 = 20.0;
const TITLE_LH: f32 = 25.0;
/// Space between paragraphs and list items.
const PARA_GAP: f32 = 5.0;
/// Indent of list item text.
const LIST_INDENT: f32 = 14.0;

/// Lays out `brief` into pages (footers and running headers included).
pub fn compose(
    brief: &Brief,
    options: &RenderOptions,
    geo: Geometry,
    logo: Option<&super::image::Image>,
) -> Vec<Page> {
    let theme = Theme::new(options.brand.color.as_deref());
    let labels = options.labels_for(brief);
    let mut c = Composer {
        flow: Flow::new(geo),
        timeline: super::timeline::strip(brief, options, &labels, &theme, geo.content_width()),
        theme,
        labels,
    };
    c.title_block(brief, options, logo);
    for section in &brief.sections {
        c.section(section);
    }
    let mut pages = c.flow.pages;
    footers(&mut pages, &geo, &c.theme, options, &c.labels);
    super::running::running_headers(&mut pages, brief, &geo, &c.theme, &c.labels);
    pages
}

struct Composer {
    flow: Flow,
    theme: Theme,
    /// The scene timeline, placed where the Scenes section starts.
    timeline: Option<Vec<LineBox>>,
    /// The words around the brief's own text, in its language.
    labels: Labels,
}

impl Composer {
    fn width(&self) -> f32 {
        self.flow.geo.content_width()
    }

    fn body(&self) -> Style {
        Style::new(FontKind::Regular, BODY, self.theme.text)
    }

    fn small(&self) -> Style {
        Style::new(FontKind::Regular, SMALL, self.theme.text)
    }

    fn label(&self) -> Style {
        Style::new(FontKind::Bold, LABEL, self.theme.muted)
    }

    /// User text in `style`, URLs linked.
    fn user(&self, style: &Style, text: &str) -> Rich {
        let mut rich = Rich::new();
        rich.push_linked(style, self.theme.accent, text);
        rich
    }

    fn title_block(
        &mut self,
        brief: &Brief,
        options: &RenderOptions,
        logo: Option<&super::image::Image>,
    ) {
        let geo = self.flow.geo;
        // A strip of the accent colour across the top of the first page.
        self.flow.page().items.push(Item::Shape(Shape::Fill {
            x: 0.0,
            y: 0.0,
            w: geo.width,
            h: mm(2.2),
            color: self.theme.accent,
        }));

        // The brand logo, as in the HTML's top line: a fixed height, above
        // the kicker.
        if let Some(logo) = logo {
            let (w, h) = logo.drawn_size();
            let (x, y) = (geo.left(), self.flow.y);
            self.flow.page().items.push(Item::Image { x, y, w, h });
            self.flow.y += h + 8.0;
        }

        let kind = self.labels.video_brief.as_str().to_uppercase();
        let kicker = match options.brand.name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => format!("{} · {kind}", name.to_uppercase()),
            _ => kind,
        };
        let kicker_style = Style::new(FontKind::Bold, LABEL, self.theme.accent);
        let lines = text::wrap(&Rich::plain(&kicker_style, &kicker), self.width(), 12.0);
        self.flow.place_block(0.0, &lines, 1);
        self.flow.y += 3.0;

        let title = brief.title.value.trim();
        let title = if title.is_empty() {
            self.labels.untitled.as_str()
        } else {
            title
        };
        let title_style = Style::new(FontKind::Bold, TITLE, self.theme.text);
        let lines = text::wrap(&self.user(&title_style, title), self.width(), TITLE_LH);
        self.flow.place_block(0.0, &lines, 2);
        self.flow.y += 8.0;

        self.header_grid(brief);
    }

    /// The header fields as a two-column grid of key/value pairs.
    fn header_grid(&mut self, brief: &Brief) {
        let fields = crate::render::header_fields(brief, &self.labels);
        if fields.is_empty() {
            return;
        }

        let style = TableStyle {
            pad_x: 7.0,
            pad_y: 1.6,
            header_fill: None,
            fill: Some(self.theme.panel),
            zebra: None,
            rule: None,
            vertical_rules: false,
            top_rule: false,
            keep_rows_below: 60.0,
        };
        let key_style = Style::new(FontKind::Bold, SMALL, self.theme.muted);
        let value_style = self.small();
        let key_w = fields
            .iter()
            .map(|(_, k, _)| fonts::text_width(FontKind::Bold, k, SMALL))
            .fold(0.0, f32::max)
            + 2.0 * style.pad_x
            + 4.0;
        let value_w = ((self.width() - 2.0 * key_w) / 2.0).max(20.0);
        let widths = vec![key_w, value_w, key_w, value_w];

        let spacer = || vec![vec![LineBox::gap(4.0)], Vec::new(), Vec::new(), Vec::new()];
        let mut rows = vec![spacer()];
        for pair in fields.chunks(2) {
            let mut row: Vec<Cell> = Vec::new();
            for (i, (_, key, value)) in pair.iter().enumerate() {
                let col = 2 * i;
                row.push(text::wrap(
                    &Rich::plain(&key_style, key),
                    Table::inner_width(&widths, &style, col),
                    SMALL_LH,
                ));
                row.push(text::wrap(
                    &self.user(&value_style, value),
                    Table::inner_width(&widths, &style, col + 1),
                    SMALL_LH,
                ));
            }
            rows.push(row);
        }
        rows.push(spacer());
        Table::plain(widths, rows, style).place(&mut self.flow, 0.0);
    }

    /// A section heading, kept with at least `keep` points of what follows.
    fn heading(&mut self, name: &str, keep: f32) {
        const AFTER: f32 = 5.0;
        self.flow.space(15.0);
        self.flow.ensure(H2_LH + AFTER + keep);
        let style = Style::new(FontKind::Bold, H2, self.theme.accent);
        let mut line = text::line(&Rich::plain(&style, name), H2_LH);
        // A hairline under the heading, across the column.
        let y = H2_LH + 1.0;
        line.deco.push(Shape::Path {
            points: vec![(0.0, y), (self.width(), y)],
            closed: false,
            color: self.theme.rule,
            width: 0.6,
        });
        self.flow.place(0.0, &line);
        self.flow.y += AFTER;
    }

    fn section(&mut self, section: &Section) {
        // Tables are built first so that the heading stays with their start.
        let table = match &section.content {
            Content::Scenes(scenes) if !scenes.is_empty() => Some(self.scenes(scenes)),
            Content::SignOff(entries) if !entries.is_empty() => Some(self.sign_off(entries)),
            _ => None,
        };
        // The scene table starts on this page only with its note, the
        // timeline strip and at least two rows; its rows then break across
        // pages.
        let note = match &section.content {
            Content::Scenes(scenes) if !scenes.is_empty() => Some(self.scenes_note(scenes)),
            _ => None,
        };
        let note_h: f32 = note.iter().flatten().map(|l| l.height).sum();
        let strip = matches!(section.content, Content::Scenes(_))
            .then(|| self.timeline.take())
            .flatten()
            .unwrap_or_default();
        let strip_h: f32 = strip.iter().map(|l| l.height).sum();
        let keep = match (&table, note.is_some()) {
            (Some(table), true) => note_h + strip_h + table.start_height_rows(2),
            (Some(table), false) => strip_h + table.start_height(),
            (None, _) => 2.0 * BODY_LH,
        };
        let heading = self.labels.section(section.kind).to_string();
        self.heading(&heading, keep);
        if let Some(note) = note {
            self.flow.place_block(0.0, &note, note.len());
        }
        self.flow.place_block(0.0, &strip, strip.len());
        if let Some(table) = table {
            table.place(&mut self.flow, 0.0);
            return;
        }
        if section.content.is_empty() {
            let style = Style::new(FontKind::Oblique, BODY, self.theme.muted);
            let lines = text::wrap(&Rich::plain(&style, "—"), self.width(), BODY_LH);
            self.flow.place_block(0.0, &lines, 1);
            return;
        }
        match &section.content {
            Content::Prose(paras) if section.kind == SectionKind::KeyMessage => {
                for (i, p) in paras.iter().enumerate() {
                    if i > 0 {
                        self.flow.space(PARA_GAP);
                    }
                    self.key_message(&p.value);
                }
            }
            Content::Prose(paras) => {
                let body = self.body();
                for (i, p) in paras.iter().enumerate() {
                    if i > 0 {
                        self.flow.space(PARA_GAP);
                    }
                    let lines = text::wrap(&self.user(&body, &p.value), self.width(), BODY_LH);
                    self.flow.place_block(0.0, &lines, 2);
                }
            }
            Content::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.flow.space(PARA_GAP - 2.0);
                    }
                    let rich = self.user(&self.body(), &item.value);
                    self.bullet(&rich, None);
                }
            }
            Content::Metrics(metrics) => {
                for (i, metric) in metrics.iter().enumerate() {
                    if i > 0 {
                        self.flow.space(PARA_GAP - 1.0);
                    }
                    self.metric(metric);
                }
            }
            Content::Checklist(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.flow.space(PARA_GAP - 2.0);
                    }
                    self.check_item(item);
                }
            }
            Content::Milestones(milestones) => {
                for (i, milestone) in milestones.iter().enumerate() {
                    if i > 0 {
                        self.flow.space(PARA_GAP - 2.0);
                    }
                    let body = self.body();
                    let mut rich = Rich::new();
                    rich.push(&body.with_font(FontKind::Bold), &milestone.date.to_string());
                    if !milestone.text.is_empty() {
                        rich.push(&body, "  ");
                        rich.push_linked(&body, self.theme.accent, &milestone.text);
                    }
                    self.bullet(&rich, None);
                }
            }
            Content::Scenes(_) | Content::SignOff(_) => {}
        }
    }

    /// The key message: larger, oblique, with an accent bar.
    fn key_message(&mut self, text: &str) {
        let style = Style::new(FontKind::Oblique, 11.0, self.theme.text);
        let lh = 15.5;
        let mut lines = text::wrap(&self.user(&style, text), self.width() - 12.0, lh);
        for line in &mut lines {
            line.shift(12.0);
            line.deco.push(Shape::Fill {
                x: 0.0,
                y: 0.0,
                w: 2.5,
                h: lh,
                color: self.theme.accent,
            });
        }
        self.flow.place_block(0.0, &lines, 2);
    }

    /// A bulleted item; `after` adds lines under the text (same indent).
    /// A right-to-left item has its bullet at the right, before its text.
    fn bullet(&mut self, rich: &Rich, after: Option<Vec<LineBox>>) {
        let rtl = bidi::paragraph_is_rtl(rich.runs.iter().flat_map(|(_, t)| t.chars()));
        let mut lines = text::wrap(rich, self.width() - LIST_INDENT, BODY_LH);
        lines.extend(after.unwrap_or_default());
        if !rtl {
            for line in &mut lines {
                line.shift(LIST_INDENT);
            }
        }
        if let Some(first) = lines.first_mut() {
            let size = BODY;
            let width =
                fonts::char_width(Face::Builtin(FontKind::Regular), '•', size).unwrap_or(0.0);
            let bullet = Piece {
                x: if rtl { self.width() - 2.0 - width } else { 2.0 },
                width,
                text: "•".into(),
                font: Face::Builtin(FontKind::Regular),
                size,
                color: self.theme.accent,
                link: None,
                glyphs: Vec::new(),
                rtl: false,
            };
            // Pieces stay in order from left to right.
            if rtl {
                first.pieces.push(bullet);
            } else {
                first.pieces.insert(0, bullet);
            }
        }
        self.flow.place_block(0.0, &lines, 2);
    }

    fn metric(&mut self, metric: &Metric) {
        let body = self.body();
        let mut rich = Rich::new();
        rich.push_linked(
            &body.with_font(FontKind::Bold),
            self.theme.accent,
            &metric.name,
        );
        rich.push(&body, ": ");
        rich.push_linked(&body, self.theme.accent, &metric.target);
        // The deadline is shown once: in the target when it is written there.
        if let Some(deadline) = metric.deadline {
            let written = crate::model::find_deadlines(&metric.target)
                .iter()
                .any(|m| m.resolved() == Some(deadline));
            if !written {
                let by = self
                    .labels
                    .metric_deadline
                    .fill(&[("date", &deadline.to_string())]);
                rich.push(&body, &format!(" {by}"));
            }
        }
        let after = metric.source.as_ref().map(|source| {
            let style = Style::new(FontKind::Regular, SMALL, self.theme.muted);
            text::wrap(
                &self.user(
                    &style,
                    &self.labels.metric_source.fill(&[("source", source)]),
                ),
                self.width() - LIST_INDENT,
                SMALL_LH,
            )
        });
        self.bullet(&rich, after);
    }

    /// A checklist item with a drawn box, ticked when done.
    fn check_item(&mut self, item: &CheckItem) {
        let indent = 16.0;
        let rich = self.user(&self.body(), &item.text.value);
        let mut lines = text::wrap(&rich, self.width() - indent, BODY_LH);
        for line in &mut lines {
            line.shift(indent);
        }
        if let Some(first) = lines.first_mut() {
            let side = 9.0;
            let (x, y) = (1.0, first.baseline - 8.0);
            first.deco.push(Shape::Path {
                points: vec![(x, y), (x + side, y), (x + side, y + side), (x, y + side)],
                closed: true,
                color: self.theme.muted,
                width: 0.8,
            });
            if item.done {
                first.deco.push(Shape::Path {
                    points: vec![(x + 1.8, y + 4.6), (x + 3.9, y + 7.0), (x + 7.6, y + 1.6)],
                    closed: false,
                    color: self.theme.accent,
                    width: 1.4,
                });
            }
        }
        self.flow.place_block(0.0, &lines, 2);
    }

    /// The line above the scene table, in the HTML's words: "5 scenes,
    /// 1 min 30 s in all" (the total only when scenes are timed).
    fn scenes_note(&self, scenes: &[Scene]) -> Vec<LineBox> {
        let note = crate::render::scenes_note(&self.labels, scenes);
        let style = Style::new(FontKind::Regular, SMALL, self.theme.muted);
        let mut lines = text::wrap(&Rich::plain(&style, &note), self.width(), SMALL_LH);
        lines.push(LineBox::gap(4.0));
        lines
    }

    /// The scene table: time, scene (number, title and outcome), picture, sound.
    fn scenes(&self, scenes: &[Scene]) -> Table {
        let style = TableStyle {
            pad_x: 5.0,
            pad_y: 4.0,
            header_fill: Some(self.theme.header_fill),
            fill: None,
            zebra: Some(self.theme.zebra),
            rule: Some((self.theme.rule, 0.6)),
            vertical_rules: true,
            top_rule: true,
            keep_rows_below: 160.0,
        };
        let time_style = self.small();
        let timecodes: Vec<Option<(String, String)>> = scenes
            .iter()
            .map(|s| {
                s.time.map(|t| {
                    (
                        format!("{}–{}", t.start.timecode(), t.end.timecode()),
                        self.labels.duration(t.duration()),
                    )
                })
            })
            .collect();
        let l = &self.labels;
        let time_w = timecodes
            .iter()
            .flatten()
            .map(|(tc, _)| fonts::text_width(FontKind::Regular, tc, SMALL))
            .fold(
                fonts::text_width(FontKind::Bold, l.column_time.as_str(), LABEL),
                f32::max,
            )
            + 2.0 * style.pad_x
            + 2.0;
        let time_w = time_w.clamp(40.0, 100.0);
        let rest = self.width() - time_w;
        let scene_w = rest * 0.24;
        let av_w = (rest - scene_w) / 2.0;
        let widths = vec![time_w, scene_w, av_w, av_w];
        let inner = |c: usize| Table::inner_width(&widths, &style, c);

        let label_line =
            |text: &str, width: f32| text::wrap(&Rich::plain(&self.label(), text), width, SMALL_LH);
        let header = vec![
            label_line(l.column_time.as_str(), inner(0)),
            label_line(l.column_scene.as_str(), inner(1)),
            label_line(l.column_picture.as_str(), inner(2)),
            label_line(l.column_sound.as_str(), inner(3)),
        ];

        let mut rows = Vec::new();
        let mut continued = Vec::new();
        for (index, (scene, time)) in scenes.iter().zip(&timecodes).enumerate() {
            let mut time_cell = Vec::new();
            match time {
                Some((tc, dur)) => {
                    time_cell.extend(text::wrap(
                        &Rich::plain(&time_style, tc),
                        inner(0),
                        SMALL_LH,
                    ));
                    // Same size as the timecode: poppler splits text blocks at size changes.
                    let muted = Style::new(FontKind::Regular, SMALL, self.theme.muted);
                    time_cell.extend(text::wrap(&Rich::plain(&muted, dur), inner(0), SMALL_LH));
                }
                None => {
                    time_cell.extend(text::wrap(
                        &Rich::plain(&time_style, "—"),
                        inner(0),
                        SMALL_LH,
                    ));
                }
            }

            // Numbered as in the HTML: "1. Hook".
            let mut scene_cell = Vec::new();
            let bold = self.small().with_font(FontKind::Bold);
            let mut heading = Rich::new();
            heading.push(
                &bold.with_color(self.theme.muted),
                &format!("{number}.", number = index + 1),
            );
            if !scene.title.trim().is_empty() {
                heading.push(&bold, " ");
                heading.push_linked(&bold, self.theme.accent, &scene.title);
            }
            scene_cell.extend(text::wrap(&heading, inner(1), SMALL_LH));
            let mut picture = Vec::new();
            let mut sound = Vec::new();
            for field in &scene.fields {
                let (cell, width) = match field.kind {
                    SceneFieldKind::Voiceover | SceneFieldKind::Audio => (&mut sound, inner(3)),
                    SceneFieldKind::Outcome => (&mut scene_cell, inner(1)),
                    _ => (&mut picture, inner(2)),
                };
                // A small gap only: at more than 1.5 × the font size between
                // lines, poppler starts a new text block and pdftotext loses
                // the reading order within the cell.
                if !cell.is_empty() {
                    cell.push(LineBox::gap(0.8));
                }
                let mut rich = Rich::new();
                let label = Style::new(FontKind::Bold, SMALL, self.theme.muted);
                rich.push(&label, &format!("{}: ", l.scene_field(field.kind)));
                rich.push_linked(&self.small(), self.theme.accent, &field.text.value);
                cell.extend(text::wrap(&rich, width, SMALL_LH));
            }
            rows.push(vec![time_cell, scene_cell, picture, sound]);
            // Where a long row continues on the next page, say which scene it is.
            let muted = Style::new(FontKind::Oblique, SMALL, self.theme.muted);
            let label = match time {
                Some((tc, _)) => format!("{tc} {}", l.continued.as_str()),
                None => l.continued.as_str().to_string(),
            };
            continued.push(text::wrap(&Rich::plain(&muted, &label), inner(0), SMALL_LH));
        }
        Table {
            widths,
            header: Some(header),
            rows,
            continued,
            style,
        }
    }

    /// Who signed and who has not yet.
    fn sign_off(&self, entries: &[SignOffEntry]) -> Table {
        let style = TableStyle {
            pad_x: 4.0,
            pad_y: 4.0,
            header_fill: None,
            fill: None,
            zebra: None,
            rule: Some((self.theme.rule, 0.6)),
            vertical_rules: false,
            top_rule: false,
            keep_rows_below: 200.0,
        };
        let w = self.width();
        let widths = vec![w * 0.36, w * 0.34, w * 0.30];
        let inner = |c: usize| Table::inner_width(&widths, &style, c);
        let mut rows = Vec::new();
        for entry in entries {
            let name_style = self.body().with_font(FontKind::Bold);
            let name = text::wrap(&self.user(&name_style, &entry.name), inner(0), BODY_LH);
            let role_style = Style::new(FontKind::Regular, BODY, self.theme.muted);
            let role = text::wrap(&self.user(&role_style, &entry.role), inner(1), BODY_LH);
            let (label, fg, bg) = match entry.date {
                Some(date) => (
                    self.labels
                        .badge_signed
                        .fill(&[("date", &date.to_string())]),
                    self.theme.ok_fg,
                    self.theme.ok_bg,
                ),
                None => (
                    self.labels.badge_not_signed.as_str().to_string(),
                    self.theme.warn_fg,
                    self.theme.warn_bg,
                ),
            };
            let badge_style = Style::new(FontKind::Bold, LABEL, fg);
            let mut badge =
                text::wrap(&Rich::plain(&badge_style, &label), inner(2) - 12.0, BODY_LH);
            let count = badge.len();
            for (i, line) in badge.iter_mut().enumerate() {
                line.shift(5.0);
                let top = if i == 0 { 1.0 } else { 0.0 };
                let bottom = if i + 1 == count { 1.0 } else { 0.0 };
                let width = line.text_width() + 5.0;
                line.deco.insert(
                    0,
                    Shape::Fill {
                        x: 0.0,
                        y: top,
                        w: width,
                        h: BODY_LH - top - bottom,
                        color: bg,
                    },
                );
            }
            rows.push(vec![name, role, badge]);
        }
        Table::plain(widths, rows, style)
    }
}

/// Adds "compiled by briefc VERSION · DATE" and "Page N of M" to every page.
fn footers(
    pages: &mut [Page],
    geo: &Geometry,
    theme: &Theme,
    options: &RenderOptions,
    labels: &Labels,
) {
    let total = pages.len();
    let size = 8.0;
    let rule_y = geo.height - mm(16.0);
    let baseline = geo.height - mm(11.5);
    let date = options.date().to_string();
    let left_text = labels
        .pdf_footer
        .fill(&[("version", VERSION), ("date", &date)]);
    let total_text = total.to_string();
    for (i, page) in pages.iter_mut().enumerate() {
        page.items.push(Item::Shape(Shape::Path {
            points: vec![(geo.left(), rule_y), (geo.width - geo.margin_x, rule_y)],
            closed: false,
            color: theme.rule,
            width: 0.5,
        }));
        // Through the text layouter, like all text: labels in Chinese or
        // Japanese are drawn in a fallback face.
        let style = Style::new(FontKind::Regular, size, theme.muted);
        let left = text::line(&Rich::plain(&style, &left_text), size * 1.2);
        left.draw(page, geo.left(), baseline - left.baseline);
        let right_text = labels
            .page
            .fill(&[("n", &(i + 1).to_string()), ("total", &total_text)]);
        let right = text::line(&Rich::plain(&style, &right_text), size * 1.2);
        right.draw(
            page,
            geo.width - geo.margin_x - right.text_width(),
            baseline - right.baseline,
        );
    }
}
