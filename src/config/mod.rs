//! `briefc.yaml`: the project's house rules.
//!
//! Owns the schema (every key optional, unknown keys rejected), the merge of
//! profiles over the base settings, rule severities, and the upward lookup
//! from a brief's folder. Errors name the file, line and column.

mod error;
mod lookup;
mod nesting;
mod schema;

pub use error::ConfigError;
pub use lookup::{CONFIG_FILE_NAME, ConfigCache};
pub use nesting::{MAX_DEPTH, MAX_EXPANDED_VALUES};

/// The largest `briefc.yaml` read, in bytes (256 KiB; real ones are a few
/// hundred bytes). A larger file is refused before it is parsed.
pub const MAX_CONFIG_BYTES: usize = 256 * 1024;

use crate::diagnostic::Rule;
use crate::diagnostic::Severity;
use crate::model::{Duration, FieldKey, SectionKind};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Word and item limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// Words in Goal.
    pub goal: usize,
    /// Words in Audience.
    pub audience: usize,
    /// Words in Key message.
    pub key_message: usize,
    /// Words in Call to action.
    pub call_to_action: usize,
    /// Words per key benefit.
    pub benefit: usize,
    /// Items in Key benefits.
    pub benefits: usize,
    /// Items in Success metrics.
    pub metrics: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            goal: 60,
            audience: 80,
            key_message: 25,
            call_to_action: 25,
            benefit: 15,
            benefits: 3,
            metrics: 5,
        }
    }
}

/// The settings the checks use for one brief (the base, or a profile merged over it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settings {
    /// Voiceover speaking rate, words per minute.
    pub speaking_rate_wpm: f64,
    /// Seconds of video each key benefit needs.
    pub seconds_per_benefit: u32,
    /// Header fields that must be present.
    pub required_fields: Vec<FieldKey>,
    /// Sections that must be present and non-empty.
    pub required_sections: Vec<SectionKind>,
    /// Word and item limits.
    pub limits: Limits,
    /// Shortest allowed `length`.
    pub length_min: Duration,
    /// Longest allowed `length`.
    pub length_max: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            speaking_rate_wpm: 150.0,
            seconds_per_benefit: 15,
            // The spec's tables: only `length` is a required field, and four
            // sections are required. A first draft has no scenes yet, and
            // early-stage content needs no sales owner; teams that want more
            // list it in `briefc.yaml`.
            required_fields: vec![FieldKey::Length],
            required_sections: vec![
                SectionKind::Goal,
                SectionKind::Audience,
                SectionKind::KeyBenefits,
                SectionKind::SuccessMetrics,
            ],
            limits: Limits::default(),
            length_min: Duration::from_secs(5),
            length_max: Duration::from_secs(20 * 60),
        }
    }
}

/// What a rule's severity is set to in `rules:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum RuleLevel {
    /// The rule does not run.
    Off,
    /// Reported at this severity.
    Is(Severity),
}

/// Page size of the PDF.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageSize {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl PageSize {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0, 297.0),
            PageSize::Letter => (215.9, 279.4),
        }
    }
}

/// Reads a brand colour, `#RRGGBB` or the short `#RGB` (`#C00` is
/// `#CC0000`), in either case, into its red, green and blue bytes. The one
/// colour reader: `briefc.yaml`, the HTML and the PDF all use it.
pub fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 => Some([
            digit(0)? * 16 + digit(1)?,
            digit(2)? * 16 + digit(3)?,
            digit(4)? * 16 + digit(5)?,
        ]),
        _ => None,
    }
}

/// `[0xCC, 0, 0]` → `#CC0000`.
pub fn color_hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// Branding applied to the outputs.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Brand {
    /// The company name shown in the outputs.
    pub name: Option<String>,
    /// The accent colour, `#RRGGBB` from `briefc.yaml` (which also takes
    /// `#RGB`); read it with [`parse_color`].
    pub color: Option<String>,
    /// A logo file, resolved against the config file's folder.
    pub logo: Option<PathBuf>,
}

/// A loaded `briefc.yaml` (or the defaults when there is none).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Config {
    /// The file it came from; `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    /// The base settings.
    pub settings: Settings,
    /// Named profiles, each already merged over the base settings.
    pub profiles: BTreeMap<String, Settings>,
    /// Severity overrides.
    pub rules: BTreeMap<Rule, RuleLevel>,
    /// Branding.
    pub brand: Brand,
    /// PDF page size.
    pub page: PageSize,
    /// A folder of template overrides, resolved against the config file's folder.
    pub templates: Option<PathBuf>,
    /// A folder of fonts the PDF tries before the machine's, for characters
    /// the built-in faces lack; resolved against the config file's folder.
    pub fonts: Option<PathBuf>,
    /// Texts that replace the outputs' built-in labels (`labels:`).
    #[serde(skip_serializing_if = "crate::labels::Overrides::is_empty")]
    pub labels: crate::labels::Overrides,
}

impl Config {
    /// Parses `text` read from `path`. Text over [`MAX_CONFIG_BYTES`],
    /// nesting deeper than [`MAX_DEPTH`] maps and lists, or aliases that
    /// expand it past [`MAX_EXPANDED_VALUES`] values, is refused before the
    /// YAML is read into values.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        if text.len() > MAX_CONFIG_BYTES {
            return Err(ConfigError::too_large(path, Some(text.len() as u64)));
        }
        if let Some(shape) = nesting::check(text, MAX_DEPTH, MAX_EXPANDED_VALUES) {
            return Err(shape_error(path, text, shape));
        }
        schema::parse(path, text)
    }

    /// Reads and parses the file at `path`, reading at most
    /// [`MAX_CONFIG_BYTES`] (a larger file is refused unread).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        use std::io::Read;
        let file = std::fs::File::open(path).map_err(|e| ConfigError::io(path, &e))?;
        let mut bytes = Vec::new();
        file.take(MAX_CONFIG_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ConfigError::io(path, &e))?;
        if bytes.len() > MAX_CONFIG_BYTES {
            // A device or a growing file has no size worth telling.
            let size = std::fs::metadata(path)
                .ok()
                .map(|m| m.len())
                .filter(|&n| n > MAX_CONFIG_BYTES as u64);
            return Err(ConfigError::too_large(path, size));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let _ = e;
            ConfigError::io(
                path,
                &std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "stream did not contain valid UTF-8",
                ),
            )
        })?;
        Config::parse(path, &text)
    }

    /// The profile `brief` names, when this config defines it: its name as
    /// defined and its settings (merged over the base).
    pub fn profile_for(&self, brief: &crate::model::Brief) -> Option<(&str, &Settings)> {
        let name = brief.header.profile.as_ref()?;
        self.profiles
            .get_key_value(name.value.as_str())
            .map(|(key, settings)| (key.as_str(), settings))
    }

    /// The settings in force for `brief`: its profile's, else the base
    /// (an unknown profile is reported by the rules and uses the base).
    pub fn settings_for(&self, brief: &crate::model::Brief) -> &Settings {
        self.profile_for(brief).map_or(&self.settings, |(_, s)| s)
    }

    /// The severity `rule` has in this project, or `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        if rule.is_structural() {
            return Some(Severity::Error);
        }
        match self.rules.get(&rule) {
            Some(RuleLevel::Off) => None,
            Some(RuleLevel::Is(s)) => Some(*s),
            None => Some(rule.default_severity()),
        }
    }
}

/// The error for a document whose shape [`nesting::check`] refused.
fn shape_error(path: &Path, text: &str, shape: nesting::Shape) -> ConfigError {
    let (line, column, message, help) = match shape {
        nesting::Shape::TooDeep { line, column } => (
            line,
            column,
            format!("the maps and lists nest more than {MAX_DEPTH} levels deep here"),
            "a `briefc.yaml` needs a few levels (`profiles: {social: {limits: {goal: 40}}}`); \
             compare it with the example `briefc.yaml` in the README (Configuration)",
        ),
        nesting::Shape::TooManyValues { line, column } => (
            line,
            column,
            format!(
                "the aliases (`*name`) up to here expand the file to more than {MAX_EXPANDED_VALUES} values"
            ),
            "a `briefc.yaml` holds a few hundred values; write them out, or use fewer aliases",
        ),
    };
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let start = start.min(text.len());
    let offset = start
        + text[start..]
            .char_indices()
            .nth(column)
            .map_or(text.len() - start, |(i, _)| i);
    ConfigError::at(path, text, offset, message, Some(help.into()))
}

#[cfg(test)]
mod color_tests {
    use super::*;

    #[test]
    fn short_and_long_colours() {
        assert_eq!(parse_color("#C00"), Some([0xCC, 0, 0]));
        assert_eq!(parse_color("#c00"), Some([0xCC, 0, 0]));
        assert_eq!(parse_color("#0A5FFF"), Some([0x0A, 0x5F, 0xFF]));
        assert_eq!(parse_color(" #0a5fff "), Some([0x0A, 0x5F, 0xFF]));
        for bad in [
            "", "#", "C00", "0A5FFF", "#12345", "#GGG", "#C00C", "red", "#+C0", "#ＣＣ0",
        ] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
        assert_eq!(color_hex([0xCC, 0, 0]), "#CC0000");
    }
}
