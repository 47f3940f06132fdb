//! Stage 5: compiling a clean brief into outputs.
//!
//! Renderers are pure functions `(brief, options) -> bytes`: they do no I/O.
//! The CLI reads logos and templates and writes the results atomically.

mod font_source;
pub mod html;
pub mod pdf;
pub mod timeline;

pub use font_source::{FontFile, FontSource};

use crate::config::{Brand, PageSize};
use crate::model::Date;
use std::sync::Arc;

/// Everything a renderer needs besides the brief.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// Brand name and colour from the config.
    pub brand: Brand,
    /// The brand logo's bytes and MIME type, already read by the CLI.
    pub logo: Option<Logo>,
    /// PDF page size.
    pub page: PageSize,
    /// When the brief was compiled, in seconds since the Unix epoch
    /// (`SOURCE_DATE_EPOCH` when set, else the start of today, UTC, so that
    /// builds on one day are byte-identical).
    pub timestamp: i64,
    /// The speaking rate the scene timeline times voiceovers at, words per
    /// minute: the brief's settings (`Config::settings_for`).
    pub speaking_rate_wpm: f64,
    /// Where the PDF finds fonts for characters its built-in faces lack
    /// (none: they show as U+FFFD).
    pub fonts: Option<Arc<dyn FontSource>>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            brand: Brand::default(),
            logo: None,
            page: PageSize::default(),
            timestamp: 0,
            speaking_rate_wpm: crate::config::Settings::default().speaking_rate_wpm,
            fonts: None,
        }
    }
}

impl RenderOptions {
    /// The compile date, for footers.
    pub fn date(&self) -> Date {
        Date::from_unix_seconds(self.timestamp)
    }
}

/// An image file embedded into the outputs.
#[derive(Clone, Debug)]
pub struct Logo {
    /// `image/png`, `image/jpeg` or `image/svg+xml`.
    pub mime: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The version string shown in output footers.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The header fields as label/value pairs in reading order, as both outputs
/// show them (only those given; `Status` always, `draft` by default).
pub fn header_fields(brief: &crate::model::Brief) -> Vec<(&'static str, String)> {
    let h = &brief.header;
    let mut out = Vec::new();
    let mut push = |label: &'static str, value: Option<String>| {
        if let Some(v) = value {
            out.push((label, v));
        }
    };
    push("Client", h.client.as_ref().map(|v| v.value.clone()));
    push("Product", h.product.as_ref().map(|v| v.value.clone()));
    push("Version", h.version.as_ref().map(|v| v.value.clone()));
    push(
        "Stage",
        h.stage
            .as_ref()
            .map(|v| crate::model::capitalise(v.value.name())),
    );
    push("Length", h.length.as_ref().map(|v| v.value.to_string()));
    push(
        "Cutdowns",
        h.cutdowns.as_ref().map(|v| {
            v.value
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }),
    );
    push(
        "Formats",
        h.formats.as_ref().map(|v| {
            v.value
                .iter()
                .map(|f| f.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }),
    );
    push("Channels", h.channels.as_ref().map(|v| v.value.join(", ")));
    push("Due", h.due.as_ref().map(|v| v.value.to_string()));
    push("Shoot", h.shoot.as_ref().map(|v| v.value.to_string()));
    push("Budget", h.budget.as_ref().map(|v| v.value.clone()));
    push("Marketing", h.marketing.as_ref().map(|v| v.value.clone()));
    push("Sales", h.sales.as_ref().map(|v| v.value.clone()));
    push("Profile", h.profile.as_ref().map(|v| v.value.clone()));
    push(
        "Status",
        Some(crate::model::capitalise(brief.status().name())),
    );
    out
}
