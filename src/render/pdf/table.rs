//! Tables whose rows may break across pages.
//!
//! Cells hold lines already wrapped to their column. A row that does not fit
//! moves to the next page when it is short, and is split line by line when
//! it is long (or taller than a page); the header row is repeated at the top
//! of every page the table continues on.

use super::layout::{Flow, Item, LineBox, Rgb, Shape};

/// A cell: its lines, top to bottom.
pub type Cell = Vec<LineBox>;

/// How a table looks.
#[derive(Clone, Debug)]
pub struct TableStyle {
    /// Horizontal padding inside each cell.
    pub pad_x: f32,
    /// Vertical padding inside each cell.
    pub pad_y: f32,
    /// Background of the header row.
    pub header_fill: Option<Rgb>,
    /// Background of every row.
    pub fill: Option<Rgb>,
    /// Background of every other row (over `fill`).
    pub zebra: Option<Rgb>,
    /// Colour and width of the grid lines, if any.
    pub rule: Option<(Rgb, f32)>,
    /// Whether columns (and the table's sides) get vertical lines.
    pub vertical_rules: bool,
    /// Whether a table without a header row gets a line along its top.
    pub top_rule: bool,
    /// Rows up to this tall are never split: they move to the next page.
    pub keep_rows_below: f32,
}

/// A table ready to place.
#[derive(Clone, Debug)]
pub struct Table {
    /// Column widths in points (cell padding included).
    pub widths: Vec<f32>,
    /// The header row, repeated on each page.
    pub header: Option<Vec<Cell>>,
    /// The body rows.
    pub rows: Vec<Vec<Cell>>,
    /// Per row, lines shown in the first column where the row continues on
    /// a new page (say, which scene the text belongs to).
    pub continued: Vec<Cell>,
    /// Looks.
    pub style: TableStyle,
}

impl Table {
    /// A table without a header row or continuation labels (key/value grids,
    /// the sign-off block).
    pub fn plain(widths: Vec<f32>, rows: Vec<Vec<Cell>>, style: TableStyle) -> Table {
        Table {
            widths,
            header: None,
            rows,
            continued: Vec::new(),
            style,
        }
    }

    /// The width text in column `col` may use.
    pub fn inner_width(widths: &[f32], style: &TableStyle, col: usize) -> f32 {
        (widths.get(col).copied().unwrap_or(0.0) - 2.0 * style.pad_x).max(1.0)
    }

    fn row_height(&self, row: &[Cell]) -> f32 {
        row.iter()
            .map(|cell| cell.iter().map(|l| l.height).sum::<f32>())
            .fold(0.0, f32::max)
            + 2.0 * self.style.pad_y
    }

    fn total_width(&self) -> f32 {
        self.widths.iter().sum()
    }

    /// The height the table needs at the bottom of a page to start there:
    /// its header and the first row (or, when that row may be split, its
    /// first lines).
    pub fn start_height(&self) -> f32 {
        self.start_height_rows(1)
    }

    /// The height of the header and the first `n` rows: what must fit for
    /// the table to start on a page with `n` rows. A row tall enough to be
    /// split counts with its first lines only, and ends the count (what
    /// follows it is on the next page anyway).
    pub fn start_height_rows(&self, n: usize) -> f32 {
        let mut height = self.header.as_ref().map_or(0.0, |h| self.row_height(h));
        for row in self.rows.iter().take(n.max(1)) {
            let full = self.row_height(row);
            if full <= self.style.keep_rows_below {
                height += full;
                continue;
            }
            let head: f32 = row
                .iter()
                .map(|cell| cell.iter().take(3).map(|l| l.height).sum::<f32>())
                .fold(0.0, f32::max);
            height += head + 2.0 * self.style.pad_y;
            break;
        }
        height
    }

    /// Places the table at the cursor, indented `x` from the left margin.
    pub fn place(&self, flow: &mut Flow, x: f32) {
        let x = flow.geo.left() + x;
        let header_h = self.header.as_ref().map_or(0.0, |h| self.row_height(h));
        // Keep the header with the start of the first row.
        flow.ensure(self.start_height());
        self.start_page(flow, x);

        for (index, row) in self.rows.iter().enumerate() {
            let height = self.row_height(row);
            if height > flow.remaining() + 0.01 {
                let fits_fresh = height <= flow.geo.content_height() - header_h;
                let room_for_a_start = flow.remaining() - 2.0 * self.style.pad_y >= 30.0;
                if fits_fresh && (height <= self.style.keep_rows_below || !room_for_a_start) {
                    self.break_page(flow, x);
                }
            }
            let mut pos = vec![0usize; row.len()];
            let mut fresh = flow.at_page_top() || self.only_header_on_page(flow, header_h);
            loop {
                let avail = flow.remaining() - 2.0 * self.style.pad_y;
                let mut take = pos.clone();
                let mut used = 0.0f32;
                for (c, cell) in row.iter().enumerate() {
                    let mut sum = 0.0;
                    while take[c] < cell.len() && sum + cell[take[c]].height <= avail + 0.01 {
                        sum += cell[take[c]].height;
                        take[c] += 1;
                    }
                    used = used.max(sum);
                }
                let progress = take.iter().zip(&pos).any(|(t, p)| t > p);
                let done = row.iter().zip(&take).all(|(cell, &t)| t >= cell.len());
                if !progress && !done {
                    if !fresh {
                        self.break_page(flow, x);
                        fresh = true;
                        continue;
                    }
                    // Not even one line fits on a fresh page: place one per
                    // cell anyway rather than loop forever.
                    for (c, cell) in row.iter().enumerate() {
                        if take[c] < cell.len() {
                            used = used.max(cell[take[c]].height);
                            take[c] += 1;
                        }
                    }
                }
                let resumed = pos.iter().any(|&p| p > 0);
                let label = self.continued.get(index).filter(|_| {
                    resumed
                        && pos
                            .first()
                            .zip(row.first())
                            .is_some_and(|(&p, cell)| p >= cell.len())
                });
                if let Some(label) = label {
                    used = used.max(label.iter().map(|l| l.height).sum());
                }
                let top = flow.y + self.style.pad_y;
                self.draw_fragment(flow, x, index, row, &pos, &take, used);
                let mut y = top;
                for line in label.into_iter().flatten() {
                    line.draw(flow.page(), x + self.style.pad_x, y);
                    y += line.height;
                }
                pos = take;
                if row.iter().zip(&pos).all(|(cell, &p)| p >= cell.len()) {
                    break;
                }
                self.break_page(flow, x);
                fresh = true;
            }
        }
    }

    fn only_header_on_page(&self, flow: &Flow, header_h: f32) -> bool {
        (flow.y - flow.geo.top - header_h).abs() < 0.01
    }

    fn break_page(&self, flow: &mut Flow, x: f32) {
        flow.new_page();
        self.start_page(flow, x);
    }

    /// Draws the header row (or just the top rule) where the table starts on a page.
    fn start_page(&self, flow: &mut Flow, x: f32) {
        let w = self.total_width();
        let y0 = flow.y;
        if let Some(header) = &self.header {
            let h = self.row_height(header);
            if let Some(fill) = self.style.header_fill {
                flow.page().items.push(Item::Shape(Shape::Fill {
                    x,
                    y: y0,
                    w,
                    h,
                    color: fill,
                }));
            }
            let full: Vec<usize> = header.iter().map(Vec::len).collect();
            self.draw_cells(flow, x, y0, header, &vec![0; header.len()], &full);
            self.draw_rules(flow, x, y0, h, true);
            flow.y += h;
        } else if let (Some((color, width)), true) = (self.style.rule, self.style.top_rule) {
            flow.page().items.push(Item::Shape(Shape::Path {
                points: vec![(x, y0), (x + w, y0)],
                closed: false,
                color,
                width,
            }));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_fragment(
        &self,
        flow: &mut Flow,
        x: f32,
        index: usize,
        row: &[Cell],
        from: &[usize],
        to: &[usize],
        used: f32,
    ) {
        let h = used + 2.0 * self.style.pad_y;
        let y0 = flow.y;
        let fill = match self.style.zebra {
            Some(zebra) if index % 2 == 1 => Some(zebra),
            _ => self.style.fill,
        };
        if let Some(color) = fill {
            flow.page().items.push(Item::Shape(Shape::Fill {
                x,
                y: y0,
                w: self.total_width(),
                h,
                color,
            }));
        }
        self.draw_cells(flow, x, y0, row, from, to);
        self.draw_rules(flow, x, y0, h, false);
        flow.y += h;
    }

    fn draw_cells(
        &self,
        flow: &mut Flow,
        x: f32,
        y0: f32,
        row: &[Cell],
        from: &[usize],
        to: &[usize],
    ) {
        let mut cx = x;
        for (c, cell) in row.iter().enumerate() {
            let mut y = y0 + self.style.pad_y;
            let range = from.get(c).copied().unwrap_or(0)..to.get(c).copied().unwrap_or(0);
            for line in cell.get(range).unwrap_or(&[]) {
                line.draw(flow.page(), cx + self.style.pad_x, y);
                y += line.height;
            }
            cx += self.widths.get(c).copied().unwrap_or(0.0);
        }
    }

    fn draw_rules(&self, flow: &mut Flow, x: f32, y0: f32, h: f32, top: bool) {
        let Some((color, width)) = self.style.rule else {
            return;
        };
        let w = self.total_width();
        let mut lines = vec![vec![(x, y0 + h), (x + w, y0 + h)]];
        if top {
            lines.push(vec![(x, y0), (x + w, y0)]);
        }
        if self.style.vertical_rules {
            lines.push(vec![(x, y0), (x, y0 + h)]);
            lines.push(vec![(x + w, y0), (x + w, y0 + h)]);
            let mut cx = x;
            for cw in &self.widths[..self.widths.len().saturating_sub(1)] {
                cx += cw;
                lines.push(vec![(cx, y0), (cx, y0 + h)]);
            }
        }
        let page = flow.page();
        for points in lines {
            page.items.push(Item::Shape(Shape::Path {
                points,
                closed: false,
                color,
                width,
            }));
        }
    }
}
