//! The running header: on every page the brief's title, version and status,
//! so that a loose page can still be told apart.
//!
//! Pages 2 onwards carry a small line at the top — title (cut short with an
//! ellipsis to fit one line) and version on the left, the status on the
//! right — over a hairline. The first page, which shows the big title, only
//! carries the status mark, at the same place. A `draft` or `review` brief's
//! status is a tag ("DRAFT", "IN REVIEW"): bold capitals in a framed box, so
//! that it reads on a black-and-white print too; an `approved` brief has no
//! tag, only the word "Approved" in the running header.

use super::fonts::FontKind;
use super::layout::{Geometry, Item, LineBox, Page, Rgb, Shape, mm};
use super::text::{self, Rich, Style};
use super::theme::Theme;
use crate::labels::Labels;
use crate::model::{Brief, Status};

/// Size of the running header's text.
const SIZE: f32 = 8.0;
/// Size of the status tag's text.
const TAG_SIZE: f32 = 7.5;
/// Horizontal padding inside the tag.
const TAG_PAD: f32 = 4.0;
/// Space between the title and the status.
const GAP: f32 = 12.0;

/// Adds the running header to every page (only the status mark on the first).
pub fn running_headers(
    pages: &mut [Page],
    brief: &Brief,
    geo: &Geometry,
    theme: &Theme,
    labels: &Labels,
) {
    // Above the content area (which starts 18 mm down), clear of the first
    // page's accent strip.
    let line_h = 12.0;
    let top = mm(10.5) - text::baseline_for(line_h, SIZE);
    let rule_y = mm(13.5);

    let status = brief.status();
    let (right, right_w) = status_line(status, labels, theme, line_h);
    let right_x = geo.left() + geo.content_width() - right_w;

    let title = brief.title.value.trim();
    let title = if title.is_empty() {
        labels.untitled.as_str()
    } else {
        title
    };
    let version = brief
        .header
        .version
        .as_ref()
        .map(|v| v.value.trim())
        .filter(|v| !v.is_empty());
    let left_w = (geo.content_width() - right_w - GAP).max(20.0);
    let left = title_line(title, version, left_w, theme, line_h);

    for (i, page) in pages.iter_mut().enumerate() {
        if i > 0 {
            left.draw(page, geo.left(), top);
            page.items.push(Item::Shape(Shape::Path {
                points: vec![(geo.left(), rule_y), (geo.width - geo.margin_x, rule_y)],
                closed: false,
                color: theme.rule,
                width: 0.5,
            }));
        }
        if i > 0 || labels.status_mark(status).is_some() {
            right.draw(page, right_x, top);
        }
    }
}

/// The title, cut to fit `width`, then " · VERSION".
fn title_line(title: &str, version: Option<&str>, width: f32, theme: &Theme, lh: f32) -> LineBox {
    let bold = Style::new(FontKind::Bold, SIZE, theme.muted);
    let regular = Style::new(FontKind::Regular, SIZE, theme.muted);
    let suffix = version.map(|v| format!(" · {v}")).unwrap_or_default();
    // The version keeps at most half the line; the title gets the rest.
    let suffix = text::ellipsize(FontKind::Regular, &suffix, SIZE, width / 2.0);
    let suffix_w = super::fonts::text_width(FontKind::Regular, &suffix, SIZE);
    let title = text::ellipsize(FontKind::Bold, title, SIZE, width - suffix_w);
    let mut rich = Rich::new();
    rich.push(&bold, &title);
    rich.push(&regular, &suffix);
    text::line(&rich, lh)
}

/// The status: a framed tag for a draft or a brief in review, a word for an
/// approved one; with its width.
fn status_line(status: Status, labels: &Labels, theme: &Theme, lh: f32) -> (LineBox, f32) {
    let Some(mark) = labels.status_mark(status) else {
        let style = Style::new(FontKind::Regular, SIZE, theme.muted);
        let line = text::line(&Rich::plain(&style, labels.status_approved.as_str()), lh);
        let w = line.text_width();
        return (line, w);
    };
    let (fg, bg): (Rgb, Rgb) = match status {
        Status::Draft => (theme.warn_fg, theme.warn_bg),
        _ => (theme.accent, theme.header_fill),
    };
    let style = Style::new(FontKind::Bold, TAG_SIZE, fg);
    let mut line = text::line(&Rich::plain(&style, mark), lh);
    line.shift(TAG_PAD);
    let w = line.text_width() + TAG_PAD;
    let (y0, y1) = (0.5, lh - 0.5);
    line.deco.push(Shape::Fill {
        x: 0.0,
        y: y0,
        w,
        h: y1 - y0,
        color: bg,
    });
    line.deco.push(Shape::Path {
        points: vec![(0.0, y0), (w, y0), (w, y1), (0.0, y1)],
        closed: true,
        color: fg,
        width: 0.7,
    });
    (line, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::model::Date;

    fn brief(header: &str) -> Brief {
        let text = format!("# A title\n\n{header}\n## Goal\nGo.\n");
        let today = Date::from_unix_seconds(0);
        crate::check_text(&text, &Config::default(), today).0
    }

    /// The texts drawn on each of three pages.
    fn texts(brief: &Brief) -> Vec<String> {
        let geo = Geometry::for_page(210.0, 297.0);
        let mut pages = vec![Page::default(); 3];
        let labels = crate::render::RenderOptions::default().labels_for(brief);
        running_headers(&mut pages, brief, &geo, &Theme::new(None), &labels);
        pages
            .iter()
            .map(|p| {
                p.items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text { text, .. } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn marks_every_page_and_names_the_brief_from_page_two() {
        let draft = texts(&brief("version: v3\n"));
        assert_eq!(
            draft,
            ["DRAFT", "A title| · v3|DRAFT", "A title| · v3|DRAFT"]
        );
        let review = texts(&brief("status: review\n"));
        assert_eq!(review[0], "IN REVIEW");
        assert_eq!(review[2], "A title|IN REVIEW");
        let approved = texts(&brief("status: approved\n"));
        assert_eq!(approved, ["", "A title|Approved", "A title|Approved"]);
        let ukrainian = texts(&brief("status: review\nlanguage: uk\n"));
        assert_eq!(ukrainian[1], "A title|НА РОЗГЛЯДІ");
    }
}
