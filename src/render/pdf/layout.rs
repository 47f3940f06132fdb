//! A small flow layouter: pages of positioned items, a cursor that moves
//! down the page, and page breaks.
//!
//! Coordinates here are in points with the origin at the top-left corner of
//! the page and y growing downwards; [`super::doc`] flips them into PDF space.
//! Nothing here knows about briefs or about printpdf.

use super::fonts::{Face, FontKind};
use super::shaping::PlacedGlyph;

/// An RGB colour, each channel 0–1.
pub type Rgb = [f32; 3];

/// One thing drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A run of text in one face, size and colour; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        font: FontKind,
        size: f32,
        color: Rgb,
        text: String,
    },
    /// Shaped glyphs of a fallback face on one baseline `y`, each `dx`
    /// points right of `x`, with the text each stands for; `text` is what
    /// the whole item reads as (its characters in logical order), for
    /// copying and searching, when its glyphs do not say it well enough.
    Glyphs {
        x: f32,
        y: f32,
        face: u16,
        size: f32,
        color: Rgb,
        glyphs: Vec<(u16, f32, String)>,
        text: Option<String>,
    },
    /// A filled rectangle or a stroked polyline.
    Shape(Shape),
    /// The brand logo (the document's one image), `w` × `h` points with
    /// its top-left corner at `x`, `y`.
    Image { x: f32, y: f32, w: f32, h: f32 },
    /// A clickable area opening `uri`; `y` is its top edge.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        uri: String,
    },
}

/// Everything drawn on one page, graphics and text in drawing order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The items.
    pub items: Vec<Item>,
}

/// A piece of a line in one style, placed `x` points from the line's start.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub x: f32,
    pub width: f32,
    pub text: String,
    pub font: Face,
    pub size: f32,
    pub color: Rgb,
    pub link: Option<String>,
    /// The shaped glyphs of a piece in a fallback face (empty otherwise).
    pub glyphs: Vec<PlacedGlyph>,
    /// Whether the piece runs right to left.
    pub rtl: bool,
}

/// A filled rectangle (`y` is its top edge) or a stroked polyline: drawn on a
/// page, or attached to a line relative to the line's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle.
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A stroked polyline.
    Path {
        points: Vec<(f32, f32)>,
        closed: bool,
        color: Rgb,
        width: f32,
    },
}

impl Shape {
    /// Moves the shape by (`dx`, `dy`).
    pub fn offset(&mut self, dx: f32, dy: f32) {
        match self {
            Shape::Fill { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Shape::Path { points, .. } => points.iter_mut().for_each(|p| {
                p.0 += dx;
                p.1 += dy;
            }),
        }
    }
}

/// One line of laid-out content: never split, always `height` tall.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineBox {
    /// Total height, including leading.
    pub height: f32,
    /// Baseline offset from the top of the box.
    pub baseline: f32,
    /// Text pieces, left to right.
    pub pieces: Vec<Piece>,
    /// Graphics drawn under the text.
    pub deco: Vec<Shape>,
}

impl LineBox {
    /// An empty line of `height` (vertical space that moves with its neighbours).
    pub fn gap(height: f32) -> LineBox {
        LineBox {
            height,
            ..LineBox::default()
        }
    }

    /// Width of the text on the line.
    pub fn text_width(&self) -> f32 {
        self.pieces.last().map_or(0.0, |p| p.x + p.width)
    }

    /// Moves every piece and decoration `dx` to the right.
    pub fn shift(&mut self, dx: f32) {
        for p in &mut self.pieces {
            p.x += dx;
        }
        for d in &mut self.deco {
            d.offset(dx, 0.0);
        }
    }

    /// Draws the line with its top-left corner at (`x`, `y`).
    pub fn draw(&self, page: &mut Page, x: f32, y: f32) {
        for d in &self.deco {
            let mut shape = d.clone();
            shape.offset(x, y);
            page.items.push(Item::Shape(shape));
        }
        let baseline = y + self.baseline;
        for p in &self.pieces {
            match p.font {
                Face::Builtin(font) if !p.text.is_empty() => page.items.push(Item::Text {
                    x: x + p.x,
                    y: baseline,
                    font,
                    size: p.size,
                    color: p.color,
                    text: p.text.clone(),
                }),
                Face::Builtin(_) => {}
                Face::Fallback(face) => {
                    // One item per stretch of glyphs at one height: marks
                    // raised by the shaping engine get their own.
                    for (i, stretch) in p.glyphs.chunk_by(|a, b| a.y == b.y).enumerate() {
                        let x0 = x + p.x + stretch[0].x;
                        page.items.push(Item::Glyphs {
                            x: x0,
                            y: baseline - stretch[0].y,
                            face,
                            size: p.size,
                            color: p.color,
                            glyphs: stretch
                                .iter()
                                .map(|g| (g.gid, x + p.x + g.x - x0, g.text.clone()))
                                .collect(),
                            // The first stretch of a left-to-right piece
                            // reads as the whole piece; right-to-left text
                            // reads from its glyphs, which PDF readers
                            // put back into logical order themselves.
                            text: match (i, p.rtl) {
                                (_, true) => None,
                                (0, false) => Some(p.text.clone()),
                                _ => Some(String::new()),
                            },
                        });
                    }
                }
            }
        }
        // One link area per run of pieces that share a target.
        let mut i = 0;
        while i < self.pieces.len() {
            let Some(uri) = &self.pieces[i].link else {
                i += 1;
                continue;
            };
            let start = self.pieces[i].x;
            let mut end = start + self.pieces[i].width;
            let mut j = i + 1;
            while j < self.pieces.len() && self.pieces[j].link.as_ref() == Some(uri) {
                end = self.pieces[j].x + self.pieces[j].width;
                j += 1;
            }
            page.items.push(Item::Link {
                x: x + start,
                y,
                w: end - start,
                h: self.height,
                uri: uri.clone(),
            });
            i = j;
        }
    }
}

/// The page size and the area content may use, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left and right margin.
    pub margin_x: f32,
    /// Where content starts, from the top.
    pub top: f32,
    /// Where content must end, from the top.
    pub bottom: f32,
}

impl Geometry {
    /// Geometry for a page of `width_mm` × `height_mm`.
    pub fn for_page(width_mm: f32, height_mm: f32) -> Geometry {
        let (width, height) = (mm(width_mm), mm(height_mm));
        Geometry {
            width,
            height,
            margin_x: mm(18.0),
            top: mm(18.0),
            bottom: height - mm(22.0),
        }
    }

    /// The left edge of the content area.
    pub fn left(&self) -> f32 {
        self.margin_x
    }

    /// The width of the content area.
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }

    /// The height of the content area of a fresh page.
    pub fn content_height(&self) -> f32 {
        self.bottom - self.top
    }
}

/// Millimetres to points.
pub fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

/// Pages being filled from top to bottom.
pub struct Flow {
    /// Page size and content area.
    pub geo: Geometry,
    /// The pages so far; the last one is being filled.
    pub pages: Vec<Page>,
    /// The cursor: how far down the current page content has reached.
    pub y: f32,
}

impl Flow {
    /// A flow with one empty page.
    pub fn new(geo: Geometry) -> Flow {
        Flow {
            geo,
            pages: vec![Page::default()],
            y: geo.top,
        }
    }

    /// The page being filled.
    pub fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Space left on the current page.
    pub fn remaining(&self) -> f32 {
        self.geo.bottom - self.y
    }

    /// Whether nothing has been placed on the current page yet.
    pub fn at_page_top(&self) -> bool {
        self.y <= self.geo.top + 0.01
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.geo.top;
    }

    /// Starts a new page unless `height` still fits on this one (or this
    /// page is still empty, where breaking would not help). Returns whether
    /// it broke.
    pub fn ensure(&mut self, height: f32) -> bool {
        if height > self.remaining() + 0.01 && !self.at_page_top() {
            self.new_page();
            true
        } else {
            false
        }
    }

    /// Vertical space; dropped at the top of a page.
    pub fn space(&mut self, dy: f32) {
        if !self.at_page_top() {
            self.y += dy;
        }
    }

    /// Places `line` at the cursor, indented `x` from the left margin,
    /// breaking the page first when it does not fit.
    pub fn place(&mut self, x: f32, line: &LineBox) {
        self.ensure(line.height);
        let (left, y) = (self.geo.left() + x, self.y);
        line.draw(self.page(), left, y);
        self.y += line.height;
    }

    /// Places a block of lines, keeping at least the first `keep` of them
    /// together with whatever precedes them on the page.
    pub fn place_block(&mut self, x: f32, lines: &[LineBox], keep: usize) {
        let head: f32 = lines.iter().take(keep.max(1)).map(|l| l.height).sum();
        self.ensure(head);
        for (i, line) in lines.iter().enumerate() {
            // Avoid a lone last line at the top of the next page (when that
            // still leaves two lines behind).
            if i + 2 == lines.len() && i >= 2 {
                let tail = line.height + lines[i + 1].height;
                if tail > self.remaining() + 0.01 && line.height <= self.remaining() + 0.01 {
                    self.new_page();
                }
            }
            self.place(x, line);
        }
    }
}
