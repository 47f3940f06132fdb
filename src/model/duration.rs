//! Durations (`90s`, `1m30s`, `1:30`) and scene timecodes (`M:SS`, `H:MM:SS`).

use serde::Serialize;
use std::fmt;

/// A whole number of seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Duration {
    /// Total seconds.
    pub seconds: u32,
}

/// The forms `length` accepts, for help lines.
pub const DURATION_FORMS: &str = "`90s`, `90 seconds`, `2m`, `2 min`, `1m30s`, `1:30` or `1:02:00`";

impl Duration {
    /// `seconds` seconds.
    pub const fn from_secs(seconds: u32) -> Self {
        Duration { seconds }
    }

    /// Parses a duration as written in `length:` or in `briefc.yaml`.
    ///
    /// Accepts unit forms (`90s`, `90 s`, `90 sec`, `90 seconds`, `2m`, `2 min`,
    /// `2 minutes`, `1h`, `1m30s`, `1 min 30 s`) and clock forms (`1:30`, `1:02:00`).
    pub fn parse(text: &str) -> Option<Duration> {
        let text = text.trim();
        if text.contains(':') {
            return parse_clock(text, false);
        }
        let mut total: u32 = 0;
        let mut rest = text;
        let mut any = false;
        let mut last_unit = u32::MAX;
        while !rest.is_empty() {
            let digits = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            if digits == 0 {
                return None;
            }
            let number: u32 = rest[..digits].parse().ok()?;
            rest = rest[digits..].trim_start();
            let unit_len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let unit = match rest[..unit_len].to_ascii_lowercase().as_str() {
                "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
                "m" | "min" | "mins" | "minute" | "minutes" => 60,
                "s" | "sec" | "secs" | "second" | "seconds" => 1,
                _ => return None,
            };
            // Units must go from larger to smaller: `1m30s`, not `30s1m`.
            if unit >= last_unit {
                return None;
            }
            last_unit = unit;
            total = total.checked_add(number.checked_mul(unit)?)?;
            rest = rest[unit_len..].trim_start();
            any = true;
        }
        any.then_some(Duration { seconds: total })
    }

    /// Parses a scene timecode: `M:SS` or `H:MM:SS` (seconds and, in the
    /// three-part form, minutes below 60).
    pub fn parse_timecode(text: &str) -> Option<Duration> {
        parse_clock(text.trim(), true)
    }

    /// The timecode form: `1:30`, `1:02:00`.
    pub fn timecode(self) -> String {
        let (h, m, s) = (
            self.seconds / 3600,
            self.seconds / 60 % 60,
            self.seconds % 60,
        );
        if h > 0 {
            format!("{h}:{m:02}:{s:02}")
        } else {
            format!("{m}:{s:02}")
        }
    }
}

/// Human form: `90 s` → `1 min 30 s`, `45 s`, `2 min`, `1 h 2 min`.
impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (
            self.seconds / 3600,
            self.seconds / 60 % 60,
            self.seconds % 60,
        );
        let mut parts = Vec::new();
        if h > 0 {
            parts.push(format!("{h} h"));
        }
        if m > 0 {
            parts.push(format!("{m} min"));
        }
        if s > 0 || parts.is_empty() {
            parts.push(format!("{s} s"));
        }
        f.write_str(&parts.join(" "))
    }
}

fn parse_clock(text: &str, strict: bool) -> Option<Duration> {
    // Two or three parts, each 1–9 digits; no allocation (scene headings are
    // read on every check).
    let mut parts = [""; 3];
    let mut count = 0;
    for part in text.split(':') {
        if count == 3
            || part.is_empty()
            || part.len() > 9
            || !part.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        parts[count] = part;
        count += 1;
    }
    let num = |i: usize| parts[i].parse::<u32>().ok();
    // Seconds are always two digits below 60; so are minutes in `H:MM:SS`.
    let two = |i: usize| parts[i].len() == 2 && num(i).is_some_and(|n| n < 60);
    let seconds = match count {
        2 if two(1) && (!strict || parts[0].len() <= 3) => {
            num(0)?.checked_mul(60)?.checked_add(num(1)?)?
        }
        3 if two(1) && two(2) => num(0)?
            .checked_mul(3600)?
            .checked_add(num(1)? * 60 + num(2)?)?,
        _ => return None,
    };
    Some(Duration { seconds })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_spec_form() {
        for (text, secs) in [
            ("90s", 90),
            ("90 s", 90),
            ("90 seconds", 90),
            ("2m", 120),
            ("2 min", 120),
            ("1m30s", 90),
            ("1m 30s", 90),
            ("1:30", 90),
            ("1:02:00", 3720),
            ("1h", 3600),
            ("20m", 1200),
        ] {
            assert_eq!(
                Duration::parse(text),
                Some(Duration::from_secs(secs)),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_bad_forms() {
        for text in [
            "",
            "90",
            "s",
            "ninety seconds",
            "1:3",
            "1:60",
            "30s1m",
            "1m1m",
            "-5s",
            "1.5m",
            "99999999999s",
            "1::30",
        ] {
            assert_eq!(Duration::parse(text), None, "{text}");
        }
    }

    #[test]
    fn timecodes() {
        assert_eq!(
            Duration::parse_timecode("0:10"),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            Duration::parse_timecode("1:02:03"),
            Some(Duration::from_secs(3723))
        );
        assert_eq!(Duration::parse_timecode("0:75"), None);
        assert_eq!(Duration::parse_timecode("0:5"), None);
        assert_eq!(Duration::parse_timecode("1:60:00"), None);
        assert_eq!(Duration::from_secs(90).timecode(), "1:30");
        assert_eq!(Duration::from_secs(3723).timecode(), "1:02:03");
    }

    #[test]
    fn human_display() {
        assert_eq!(Duration::from_secs(90).to_string(), "1 min 30 s");
        assert_eq!(Duration::from_secs(30).to_string(), "30 s");
        assert_eq!(Duration::from_secs(120).to_string(), "2 min");
        assert_eq!(Duration::from_secs(0).to_string(), "0 s");
    }
}
