//! The `length:` of a brief — one duration, or since language 1.1 a range
//! (`60-90s`, `3-5 min`, `1:00-1:30`, `90s-2m`) — and the `cutdowns:` list.

use super::Duration;
use schemars::JsonSchema;
use serde::Serialize;
use std::fmt;

/// The intended length of the video: `min == max` for a single length.
///
/// Exported (flattened into the header) as `length_seconds`, and
/// `length_max_seconds` only for a range, so a 1.0 brief exports as before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, JsonSchema)]
pub struct Length {
    /// The length, or the lower bound of a range.
    #[schemars(
        rename = "length_seconds",
        description = "Intended video length in seconds (`1m30s` → 90); for a range (`60-90s`), its lower bound."
    )]
    pub min: Duration,
    /// The upper bound of a range; the same as `min` for a single length.
    #[schemars(
        rename = "length_max_seconds",
        skip_serializing_if = "always",
        description = "The upper bound in seconds, only when `length` is a range (`60-90s` → 90). Since language 1.1."
    )]
    pub max: Duration,
}

impl Serialize for Length {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Length", 1 + usize::from(self.is_range()))?;
        out.serialize_field("length_seconds", &self.min)?;
        if self.is_range() {
            out.serialize_field("length_max_seconds", &self.max)?;
        }
        out.end()
    }
}

/// Why a `length:` value could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthError {
    /// Neither a duration nor a range of two.
    NotALength,
    /// A range whose lower bound is above its upper bound.
    Reversed {
        /// The first bound as written.
        low: Duration,
        /// The second.
        high: Duration,
    },
}

/// The forms `length` accepts, for help lines.
pub const LENGTH_FORMS: &str = "`90s`, `90 seconds`, `2m`, `2 min`, `1m30s`, `1:30` or `1:02:00`, or a range such as `60-90s` or `3-5 min`";

impl Length {
    /// A single length.
    pub const fn exact(d: Duration) -> Length {
        Length { min: d, max: d }
    }

    /// Whether this is a range of two different lengths.
    pub fn is_range(self) -> bool {
        self.min != self.max
    }

    /// Reads a `length:` value: a duration ([`Duration::parse`]) or two
    /// joined by `-`, `–` or ` to `. A bare number before the dash takes the
    /// unit after it (`60-90s`, `3-5 min`).
    pub fn parse(text: &str) -> Result<Length, LengthError> {
        let text = text.trim();
        if let Some(d) = Duration::parse(text) {
            return Ok(Length::exact(d));
        }
        let (low, high) = split_range(text).ok_or(LengthError::NotALength)?;
        let high_d = Duration::parse(high).ok_or(LengthError::NotALength)?;
        let low_d = match Duration::parse(low) {
            Some(d) => d,
            None if low.bytes().all(|b| b.is_ascii_digit()) => {
                let unit = single_unit(high).ok_or(LengthError::NotALength)?;
                Duration::parse(&format!("{low}{unit}")).ok_or(LengthError::NotALength)?
            }
            None => return Err(LengthError::NotALength),
        };
        if low_d > high_d {
            return Err(LengthError::Reversed {
                low: low_d,
                high: high_d,
            });
        }
        Ok(Length {
            min: low_d,
            max: high_d,
        })
    }

    /// The timecode form: `1:30`, or `1:00–1:30` for a range.
    pub fn timecode(self) -> String {
        if self.is_range() {
            format!("{}–{}", self.min.timecode(), self.max.timecode())
        } else {
            self.min.timecode()
        }
    }

    /// The spelling as typed in `length:`: `1m30s`, or `60-90s`.
    pub fn spelling(self) -> String {
        if !self.is_range() {
            return self.min.spelling();
        }
        let (a, b) = (self.min.seconds, self.max.seconds);
        if a % 60 == 0 && b % 60 == 0 {
            format!("{}-{}m", a / 60, b / 60)
        } else if b < 600 {
            format!("{a}-{b}s")
        } else {
            format!("{}-{}", self.min.spelling(), self.max.spelling())
        }
    }
}

/// Human form: `1 min 30 s`, or for a range `60–90 s`, `3–5 min`,
/// `1 min 30 s – 2 min 15 s`.
impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_range() {
            return self.min.fmt(f);
        }
        let (a, b) = (self.min.seconds, self.max.seconds);
        if a % 60 == 0 && b % 60 == 0 && a > 0 {
            write!(f, "{}–{} min", a / 60, b / 60)
        } else if b < 600 {
            write!(f, "{a}–{b} s")
        } else {
            write!(f, "{} – {}", self.min, self.max)
        }
    }
}

/// Splits `60-90s`, `3 – 5 min`, `1:00-1:30`, `90s to 2m` at the range mark.
fn split_range(text: &str) -> Option<(&str, &str)> {
    let lower = text.to_ascii_lowercase();
    let (at, len) = if let Some(i) = lower.find(" to ") {
        (i, 4)
    } else {
        let i = text.find(['-', '–', '—'])?;
        (i, text[i..].chars().next()?.len_utf8())
    };
    let (low, high) = (text[..at].trim(), text[at + len..].trim());
    (!low.is_empty() && !high.is_empty()).then_some((low, high))
}

/// The unit of a duration written as one number and one unit (`90s`,
/// `5 min`), for the bare number before a dash.
fn single_unit(text: &str) -> Option<&str> {
    let digits = text.find(|c: char| !c.is_ascii_digit())?;
    let unit = text[digits..].trim_start();
    (digits > 0 && !unit.is_empty() && unit.chars().all(char::is_alphabetic)).then_some(unit)
}

/// Reads a `cutdowns:` value, a comma list of durations (`30s, 15s, 6s`).
/// `Err` holds the entry that is not a duration (empty for an empty entry).
pub fn parse_cutdowns(text: &str) -> Result<Vec<Duration>, String> {
    text.split(',')
        .map(str::trim)
        .map(|part| Duration::parse(part).ok_or_else(|| part.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str) -> (u32, u32) {
        let l = Length::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        (l.min.seconds, l.max.seconds)
    }

    #[test]
    fn reads_ranges() {
        assert_eq!(range("60-90s"), (60, 90));
        assert_eq!(range("3-5 min"), (180, 300));
        assert_eq!(range("1:00-1:30"), (60, 90));
        assert_eq!(range("90s-2m"), (90, 120));
        assert_eq!(range("60 – 90 seconds"), (60, 90));
        assert_eq!(range("1m to 2m"), (60, 120));
        assert_eq!(range("90s"), (90, 90));
        assert!(!Length::parse("90s").unwrap().is_range());
    }

    #[test]
    fn rejects_bad_ranges() {
        assert_eq!(Length::parse("ninety"), Err(LengthError::NotALength));
        assert_eq!(Length::parse("60-"), Err(LengthError::NotALength));
        assert_eq!(Length::parse("60-90"), Err(LengthError::NotALength));
        assert_eq!(
            Length::parse("1m30s-2m"),
            Ok(Length {
                min: Duration::from_secs(90),
                max: Duration::from_secs(120)
            })
        );
        assert_eq!(
            Length::parse("90-60s"),
            Err(LengthError::Reversed {
                low: Duration::from_secs(90),
                high: Duration::from_secs(60)
            })
        );
    }

    #[test]
    fn shows_ranges() {
        let show = |t: &str| Length::parse(t).unwrap().to_string();
        assert_eq!(show("90s"), "1 min 30 s");
        assert_eq!(show("60-90s"), "60–90 s");
        assert_eq!(show("3-5 min"), "3–5 min");
        assert_eq!(show("9m-10m30s"), "9 min – 10 min 30 s");
        assert_eq!(Length::parse("1:00-1:30").unwrap().timecode(), "1:00–1:30");
        for t in ["60-90s", "3-5 min", "9m-10m30s", "90s"] {
            let l = Length::parse(t).unwrap();
            assert_eq!(Length::parse(&l.spelling()), Ok(l), "{t}");
        }
    }

    #[test]
    fn cutdowns() {
        let secs =
            |t: &str| parse_cutdowns(t).map(|v| v.iter().map(|d| d.seconds).collect::<Vec<_>>());
        assert_eq!(secs("30s, 15s, 6s"), Ok(vec![30, 15, 6]));
        assert_eq!(secs("30s, soon"), Err("soon".to_string()));
        assert_eq!(secs("30s,,6s"), Err(String::new()));
    }
}
