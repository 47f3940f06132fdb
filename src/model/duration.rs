//! Durations (`90s`, `1m30s`, `1:30`) and scene timecodes (`M:SS`, `H:MM:SS`).

use schemars::JsonSchema;
use serde::Serialize;
use std::fmt;

/// A whole number of seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
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

    /// The canonical spelling, as typed in `length:` or `briefc.yaml`:
    /// `1m30s`, `45s`, `2m`, `1h2m`, `0s`. [`Duration::parse`] reads it back.
    pub fn spelling(self) -> String {
        let (h, m, s) = (
            self.seconds / 3600,
            self.seconds / 60 % 60,
            self.seconds % 60,
        );
        let mut out = String::new();
        if h > 0 {
            out.push_str(&format!("{h}h"));
        }
        if m > 0 {
            out.push_str(&format!("{m}m"));
        }
        if s > 0 || out.is_empty() {
            out.push_str(&format!("{s}s"));
        }
        out
    }

    /// The duration meant by a text that [`Duration::parse`] rejects, when
    /// there is exactly one reading: decimals that come to whole seconds
    /// (`1.5 minutes`, `1,5 min`, `1.5m` → 90 s), units with a dot or in
    /// other spellings (`90 sec.`, `90 secs`, `2 mins`), `and` between parts
    /// (`1 minute and 30 seconds`), a bare whole number as seconds (`60`),
    /// seconds and minutes marks (`90"`, `1'30"`) and surrounding quotes.
    /// `None` for nonsense and for guesses (`ninety`, `1.33 min` is not whole
    /// seconds, `1.5` has no unit, `1,500 s` could be thousands). A text that
    /// `parse` accepts gives the same duration. Show the fix with
    /// [`Duration::spelling`].
    pub fn suggest(text: &str) -> Option<Duration> {
        suggest(text)
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

fn suggest(text: &str) -> Option<Duration> {
    let mut text = text.trim();
    // Surrounding quotes: `"90s"`, `'2m'`, `“1:30”`.
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”'), ('‘', '’')] {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            text = inner.trim();
        }
    }
    if text.is_empty() {
        return None;
    }
    if let Some(d) = Duration::parse(text) {
        return Some(d);
    }
    // A bare whole number is seconds, as in `briefc.yaml`.
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok().map(Duration::from_secs);
    }
    // Minutes and seconds marks: `90"`, `1'30"`, `1′30″`.
    if let Some(body) = text.strip_suffix(['"', '″']) {
        let whole = |t: &str| -> Option<u32> {
            let t = t.trim();
            if t.is_empty() || t.len() > 9 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            t.parse().ok()
        };
        let seconds = match body.split_once(['\'', '′']) {
            Some((m, s)) => {
                let s = whole(s).filter(|&s| s < 60)?;
                whole(m)?.checked_mul(60)?.checked_add(s)?
            }
            None => whole(body)?,
        };
        return Some(Duration::from_secs(seconds));
    }
    // Numbers (maybe with a decimal point or comma) each followed by a unit.
    let lower = text.to_lowercase();
    let mut rest = lower.as_str();
    let mut total: u64 = 0;
    let mut last_unit = u64::MAX;
    let mut any = false;
    while !rest.is_empty() {
        if any {
            if let Some(after) = rest.strip_prefix("and").filter(|r| r.starts_with(' ')) {
                rest = after.trim_start();
            }
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let (whole, fraction) = split_decimal(&rest[..end])?;
        rest = rest[end..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let unit: u64 = match &rest[..unit_len] {
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
            "m" | "mn" | "min" | "mins" | "minute" | "minutes" => 60,
            "s" | "sec" | "secs" | "second" | "seconds" => 1,
            _ => return None,
        };
        // A dot after the unit: `90 sec.`, `2 min. 30 sec.`
        rest = rest[unit_len..]
            .strip_prefix('.')
            .unwrap_or(&rest[unit_len..]);
        rest = rest.trim_start();
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        // whole + fraction digits / 10^k, in seconds, must be whole.
        let scale = 10u64.checked_pow(fraction.len() as u32)?;
        let fraction_value: u64 = if fraction.is_empty() {
            0
        } else {
            fraction.parse().ok()?
        };
        let scaled = fraction_value.checked_mul(unit)?;
        if scaled % scale != 0 {
            return None;
        }
        let whole: u64 = whole.parse().ok()?;
        total = total.checked_add(whole.checked_mul(unit)?.checked_add(scaled / scale)?)?;
        any = true;
    }
    let seconds = u32::try_from(total).ok()?;
    any.then_some(Duration { seconds })
}

/// `1.5` → (`1`, `5`); `1,5` → (`1`, `5`); `90` → (`90`, ``). A comma or
/// dot with three digits after it could be a thousands separator: `None`.
fn split_decimal(number: &str) -> Option<(&str, &str)> {
    let digits = |t: &str| !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit());
    match number.find(['.', ',']) {
        None => digits(number).then_some((number, "")),
        Some(i) => {
            let (whole, fraction) = (&number[..i], &number[i + 1..]);
            (digits(whole) && digits(fraction) && fraction.len() != 3).then_some((whole, fraction))
        }
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
    fn suggests_the_one_meant_duration() {
        for (text, secs, spelling) in [
            ("1.5 minutes", 90, "1m30s"),
            ("1,5 min", 90, "1m30s"),
            ("1,50 min", 90, "1m30s"),
            ("90 sec.", 90, "1m30s"),
            ("90 secs", 90, "1m30s"),
            ("90 seconds.", 90, "1m30s"),
            ("90secs.", 90, "1m30s"),
            ("60", 60, "1m"),
            ("45", 45, "45s"),
            ("2 mins", 120, "2m"),
            ("2 Mins", 120, "2m"),
            ("1 min 30 sec", 90, "1m30s"),
            ("1 minute 30 seconds", 90, "1m30s"),
            ("1 minute and 30 seconds", 90, "1m30s"),
            ("2 min. 30 sec.", 150, "2m30s"),
            ("1.5m", 90, "1m30s"),
            ("1.5 h", 5400, "1h30m"),
            ("0.5 min", 30, "30s"),
            ("90\"", 90, "1m30s"),
            ("1'30\"", 90, "1m30s"),
            ("\"90s\"", 90, "1m30s"),
            ("'60'", 60, "1m"),
            ("90s", 90, "1m30s"),
            ("1:30", 90, "1m30s"),
        ] {
            let d = Duration::suggest(text);
            assert_eq!(d, Some(Duration::from_secs(secs)), "{text}");
            let d = d.unwrap();
            assert_eq!(d.spelling(), spelling, "{text}");
            // What the fix tells the writer to type is read back as the same length.
            assert_eq!(Duration::parse(&d.spelling()), Some(d), "{text}");
        }
    }

    #[test]
    fn suggests_nothing_for_guesses() {
        for text in [
            "",
            "   ",
            "ninety",
            "ninety seconds",
            "1.33 min",
            "1.5",
            "1,500 s",
            "1.000 s",
            "1.500 min",
            "0'75\"",
            "1.5 sec",
            "-5s",
            "30s 1m",
            "1m 1m",
            "5 frames",
            "1'",
            "1'75\"",
            "1..5 min",
            ".5 min",
            "99999999999",
            "9999999 h",
            "abc\"",
            "1 and 30 s",
            "and 30 s",
        ] {
            assert_eq!(Duration::suggest(text), None, "{text:?}");
        }
    }

    #[test]
    fn spellings_read_back() {
        for secs in [
            0, 1, 59, 60, 61, 90, 3599, 3600, 3601, 3720, 86_399, 360_000,
        ] {
            let d = Duration::from_secs(secs);
            assert_eq!(Duration::parse(&d.spelling()), Some(d), "{}", d.spelling());
        }
        assert_eq!(Duration::from_secs(3720).spelling(), "1h2m");
        assert_eq!(Duration::from_secs(0).spelling(), "0s");
    }

    #[test]
    fn human_display() {
        assert_eq!(Duration::from_secs(90).to_string(), "1 min 30 s");
        assert_eq!(Duration::from_secs(30).to_string(), "30 s");
        assert_eq!(Duration::from_secs(120).to_string(), "2 min");
        assert_eq!(Duration::from_secs(0).to_string(), "0 s");
    }
}
