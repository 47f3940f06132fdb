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
use crate::labels::{Labels, Overrides};
use crate::model::{Brief, Date, FieldKey};
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
    /// The project's `labels:` from `briefc.yaml`, laid over the built-in
    /// labels of the brief's `language:` ([`RenderOptions::labels_for`]).
    pub labels: Overrides,
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
            labels: Overrides::default(),
        }
    }
}

impl RenderOptions {
    /// The compile date, for footers.
    pub fn date(&self) -> Date {
        Date::from_unix_seconds(self.timestamp)
    }

    /// The labels `brief` is printed with: the built-in ones of its
    /// `language:` (English without one) with the project's over them.
    pub fn labels_for(&self, brief: &Brief) -> Labels {
        let language = brief.header.language.as_ref().map(|l| &l.value);
        Labels::resolve(language, &self.labels)
    }

    /// The `lang` of the outputs: the brief's `language:`, else `en`.
    pub fn lang_of(brief: &Brief) -> &str {
        brief
            .header
            .language
            .as_ref()
            .map_or("en", |l| l.value.as_str())
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

/// The header fields as key, label and value in reading order, as both
/// outputs show them (only those given; `Status` always, `draft` by
/// default; `language` never: the outputs follow it).
pub fn header_fields(brief: &Brief, labels: &Labels) -> Vec<(FieldKey, String, String)> {
    let h = &brief.header;
    let mut out = Vec::new();
    let mut push = |key: FieldKey, value: Option<String>| {
        if let (Some(v), Some(label)) = (value, labels.field(key)) {
            out.push((key, label.to_string(), v));
        }
    };
    let list = |items: Vec<String>| items.join(", ");
    let text =
        |field: &Option<crate::syntax::Spanned<String>>| field.as_ref().map(|v| v.value.clone());
    push(FieldKey::Client, text(&h.client));
    push(FieldKey::Product, text(&h.product));
    push(FieldKey::Version, text(&h.version));
    push(
        FieldKey::Stage,
        h.stage
            .as_ref()
            .map(|v| labels.stage_name(v.value).to_string()),
    );
    push(
        FieldKey::Length,
        h.length.as_ref().map(|v| labels.length(v.value)),
    );
    push(
        FieldKey::Cutdowns,
        h.cutdowns
            .as_ref()
            .map(|v| list(v.value.iter().map(|d| labels.duration(*d)).collect())),
    );
    push(
        FieldKey::Formats,
        h.formats
            .as_ref()
            .map(|v| list(v.value.iter().map(|f| f.to_string()).collect())),
    );
    push(
        FieldKey::Channels,
        h.channels.as_ref().map(|v| v.value.join(", ")),
    );
    push(FieldKey::Due, h.due.as_ref().map(|v| v.value.to_string()));
    push(
        FieldKey::Shoot,
        h.shoot.as_ref().map(|v| v.value.to_string()),
    );
    push(FieldKey::Budget, text(&h.budget));
    push(FieldKey::Marketing, text(&h.marketing));
    push(FieldKey::Sales, text(&h.sales));
    push(FieldKey::Profile, text(&h.profile));
    push(
        FieldKey::Status,
        Some(labels.status_name(brief.status()).to_string()),
    );
    out
}

/// The line above the scene list, as both outputs print it: "5 scenes,
/// 1 min 30 s in all" (the total only when scenes are timed).
pub fn scenes_note(labels: &Labels, scenes: &[crate::model::Scene]) -> String {
    let count = labels.count(&labels.scene_count, scenes.len() as u64, &[]);
    let total = crate::model::scene_total(scenes);
    if total.seconds == 0 {
        return count;
    }
    labels
        .scenes_in_all
        .fill(&[("scenes", &count), ("duration", &labels.duration(total))])
}
