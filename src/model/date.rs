//! Calendar dates (`YYYY-MM-DD`), without a time zone.

use serde::{Serialize, Serializer};
use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1–9999.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` and checks the day exists (`2027-02-30` does not).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = &text[r];
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())?
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// What a date written another way most likely is; see [`DateFix`].
    ///
    /// Reads `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYY-M-D` (no zero padding),
    /// `DD/MM/YYYY`, `MM/DD/YYYY`, `DD.MM.YYYY`, `DD-MM-YYYY` (day-first or
    /// month-first only when one part is above 12, or both parts are the
    /// same), and English month names: `Feb 14 2027`, `February 14, 2027`,
    /// `14 Feb 2027`, `14th of February 2027`. Two-digit years are never
    /// guessed. A text that [`Date::parse`] accepts gives `Fix` of itself.
    pub fn suggest(text: &str) -> DateFix {
        suggest(text.trim())
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    /// The UTC date of a moment given in seconds since 1970-01-01 00:00 UTC
    /// (the one conversion from clock time; the clock is read by the CLI).
    pub fn from_unix_seconds(seconds: i64) -> Date {
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// The number of days from 1970-01-01 to this date (negative: before);
    /// the inverse of [`Date::from_days_since_epoch`].
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// The Monday of this date's week (ISO 8601 weeks start on Monday).
    pub fn monday(self) -> Date {
        // 1970-01-01 was a Thursday, three days after a Monday.
        let days = self.days_since_epoch();
        Date::from_days_since_epoch(days - (days + 3).rem_euclid(7))
    }
}

/// What [`Date::suggest`] makes of a date not written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFix {
    /// Exactly one date is meant: tell the writer to type `date.to_string()`.
    Fix(Date),
    /// Both day-first and month-first readings are dates (`03/04/2027`):
    /// ask for `YYYY-MM-DD`, naming both readings.
    Ambiguous {
        /// The day-first reading (`03/04/2027` → 2027-04-03).
        day_first: Date,
        /// The month-first reading (`03/04/2027` → 2027-03-04).
        month_first: Date,
    },
    /// A well-formed date whose day does not exist (`2027-02-30`):
    /// "February 2027 has 28 days".
    NoSuchDay {
        /// The year as written.
        year: u16,
        /// The month as written, 1–12.
        month: u8,
        /// How many days that month has that year.
        days_in_month: u8,
    },
    /// Not a date in any spelling we read.
    NotADate,
}

impl DateFix {
    /// The fixed date, when there is exactly one.
    pub fn date(self) -> Option<Date> {
        match self {
            DateFix::Fix(date) => Some(date),
            _ => None,
        }
    }

    /// A help line saying exactly what to type, for the date text `written`
    /// (only `Ambiguous` quotes it): "write it as `2027-04-30`", "February
    /// 2027 has 28 days: write a day from `2027-02-01` to `2027-02-28`", …
    pub fn help(self, written: &str) -> String {
        match self {
            DateFix::Fix(date) => format!("write it as `{date}`"),
            DateFix::Ambiguous {
                day_first,
                month_first,
            } => format!(
                "`{written}` could be {} or {}: write `{day_first}` or `{month_first}` (YYYY-MM-DD)",
                day_first.words(),
                month_first.words()
            ),
            DateFix::NoSuchDay {
                year,
                month,
                days_in_month,
            } => format!(
                "{} {year} has {days_in_month} days: write a day from `{year:04}-{month:02}-01` to `{year:04}-{month:02}-{days_in_month:02}`",
                month_name(month)
            ),
            DateFix::NotADate => {
                "write dates as YYYY-MM-DD (year, month, day), e.g. `2027-04-30`".to_string()
            }
        }
    }
}

/// The English name of month 1–12 (`2` → "February"); "" for any other number.
pub fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// "14 February 2027".
    fn words(self) -> String {
        format!("{} {} {}", self.day, month_name(self.month), self.year)
    }
}

/// The month a name or abbreviation means (`feb`, `Feb.`, `February`, `Sept`).
fn month_from_name(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    if word == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_lowercase();
            m == word || (word.len() == 3 && m.starts_with(&word))
        })
        .map(|i| i as u8 + 1)
}

/// `year`-`month`-`day`, checked: `Fix`, `NoSuchDay` (a day from 29 to 31
/// past the month's end) or `NotADate`.
fn checked(year: u32, month: u32, day: u32) -> DateFix {
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return DateFix::NotADate;
    }
    let last = days_in_month(year, month);
    if day > last {
        return DateFix::NoSuchDay {
            year: year as u16,
            month: month as u8,
            days_in_month: last as u8,
        };
    }
    DateFix::Fix(Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    })
}

fn suggest(text: &str) -> DateFix {
    if let Some(date) = Date::parse(text) {
        return DateFix::Fix(date);
    }
    numeric(text)
        .or_else(|| with_month_name(text))
        .unwrap_or(DateFix::NotADate)
}

/// Three groups of ASCII digits split by one kind of `-`, `/` or `.`.
fn numeric(text: &str) -> Option<DateFix> {
    let sep = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let number = |t: &str| -> Option<u32> {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let [a, b, c] = parts[..] else {
        return None;
    };
    let (na, nb, nc) = (number(a)?, number(b)?, number(c)?);
    Some(match (a.len(), b.len(), c.len()) {
        // Year first: always year, month, day.
        (4, 1..=2, 1..=2) => checked(na, nb, nc),
        // Year last: day and month in either order.
        (1..=2, 1..=2, 4) => {
            if na > 12 && nb > 12 {
                DateFix::NotADate
            } else if na > 12 || na == nb {
                checked(nc, nb, na)
            } else if nb > 12 {
                checked(nc, na, nb)
            } else {
                match (checked(nc, nb, na), checked(nc, na, nb)) {
                    (DateFix::Fix(day_first), DateFix::Fix(month_first)) => DateFix::Ambiguous {
                        day_first,
                        month_first,
                    },
                    _ => DateFix::NotADate,
                }
            }
        }
        _ => DateFix::NotADate,
    })
}

/// `Feb 14 2027`, `February 14, 2027`, `14 Feb 2027`, `14th of February, 2027`.
fn with_month_name(text: &str) -> Option<DateFix> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("of"))
        .collect();
    let [first, second, year] = words[..] else {
        return None;
    };
    let day = |t: &str| -> Option<u32> {
        let t = t.strip_suffix('.').unwrap_or(t);
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = t[digits.len()..].to_ascii_lowercase();
        let ok = !digits.is_empty()
            && digits.len() <= 2
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th");
        ok.then(|| digits.parse().ok()).flatten()
    };
    let (month, day) = match (month_from_name(first), month_from_name(second)) {
        (Some(m), None) => (m, day(second)?),
        (None, Some(m)) => (m, day(first)?),
        _ => return None,
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(checked(year.parse().ok()?, u32::from(month), day))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A string `YYYY-MM-DD`, as [`Serialize`] writes it.
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, `YYYY-MM-DD`.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_weeks_and_back() {
        let date = |t: &str| Date::parse(t).expect("a date");
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2026-11-24",
            "2027-03-01",
            "1969-12-31",
        ] {
            let d = date(text);
            assert_eq!(
                Date::from_days_since_epoch(d.days_since_epoch()),
                d,
                "{text}"
            );
        }
        assert_eq!(date("1970-01-02").days_since_epoch(), 1);
        assert_eq!(date("2026-11-24").add_days(7), date("2026-12-01"));
        assert_eq!(date("2027-03-01").add_days(-1), date("2027-02-28"));
        // 2026-11-24 is a Tuesday; 2026-11-23 a Monday; 2026-11-29 a Sunday.
        assert_eq!(date("2026-11-24").monday(), date("2026-11-23"));
        assert_eq!(date("2026-11-23").monday(), date("2026-11-23"));
        assert_eq!(date("2026-11-29").monday(), date("2026-11-23"));
        assert_eq!(date("2027-01-01").monday(), date("2026-12-28"));
    }

    #[test]
    fn parses_and_validates() {
        assert_eq!(
            Date::parse("2027-02-14").map(|d| d.to_string()).as_deref(),
            Some("2027-02-14")
        );
        assert!(Date::parse("2028-02-29").is_some());
        for bad in [
            "2027-02-29",
            "2027-13-01",
            "2027-1-01",
            "27-01-01",
            "2027-01-32",
            "2027/01/01",
            "0000-01-01",
            "２０２７-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    fn fix(text: &str) -> String {
        match Date::suggest(text) {
            DateFix::Fix(date) => date.to_string(),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn suggests_the_one_meant_date() {
        for text in [
            "14/02/2027",
            "02/14/2027",
            "2/14/2027",
            "2027/02/14",
            "2027.02.14",
            "14.02.2027",
            "14-02-2027",
            "Feb 14 2027",
            "Feb. 14, 2027",
            "February 14, 2027",
            "february 14 2027",
            "14 Feb 2027",
            "14 February 2027",
            "14th February 2027",
            "14th of February, 2027",
            "14. Feb. 2027",
            "February 14th, 2027",
            "2027-2-14",
            "2027-02-14",
            " 2027-02-14 ",
        ] {
            assert_eq!(fix(text), "2027-02-14", "{text}");
        }
        assert_eq!(fix("Sept 1 2027"), "2027-09-01");
        assert_eq!(fix("1 Sep 2027"), "2027-09-01");
        // Day and month the same: either reading is the same date.
        assert_eq!(fix("04/04/2027"), "2027-04-04");
        // The fix is what Date::parse accepts.
        for text in ["14/02/2027", "Feb 14 2027", "2027-2-14"] {
            let date = Date::suggest(text).date().unwrap();
            assert_eq!(Date::parse(&date.to_string()), Some(date));
        }
    }

    #[test]
    fn ambiguous_day_and_month() {
        let d = |t: &str| Date::parse(t).unwrap();
        assert_eq!(
            Date::suggest("03/04/2027"),
            DateFix::Ambiguous {
                day_first: d("2027-04-03"),
                month_first: d("2027-03-04"),
            }
        );
        assert!(matches!(
            Date::suggest("1.2.2027"),
            DateFix::Ambiguous { .. }
        ));
        assert_eq!(
            Date::suggest("03/04/2027").help("03/04/2027"),
            "`03/04/2027` could be 3 April 2027 or 4 March 2027: write `2027-04-03` or `2027-03-04` (YYYY-MM-DD)"
        );
    }

    #[test]
    fn days_that_do_not_exist() {
        let feb = DateFix::NoSuchDay {
            year: 2027,
            month: 2,
            days_in_month: 28,
        };
        for text in [
            "2027-02-30",
            "2027-2-30",
            "30/02/2027",
            "February 30, 2027",
            "30 Feb 2027",
            "2027/02/29",
        ] {
            assert_eq!(Date::suggest(text), feb, "{text}");
        }
        assert_eq!(
            Date::suggest("2028-02-30"),
            DateFix::NoSuchDay {
                year: 2028,
                month: 2,
                days_in_month: 29
            }
        );
        assert_eq!(
            Date::suggest("2027-04-31"),
            DateFix::NoSuchDay {
                year: 2027,
                month: 4,
                days_in_month: 30
            }
        );
        assert_eq!(
            feb.help("2027-02-30"),
            "February 2027 has 28 days: write a day from `2027-02-01` to `2027-02-28`"
        );
        assert_eq!(month_name(2), "February");
        assert_eq!(month_name(12), "December");
        assert_eq!(month_name(0), "");
        assert_eq!(month_name(13), "");
    }

    #[test]
    fn not_dates() {
        for text in [
            "",
            "soon",
            "2027",
            "2027-04",
            "14/02/27",
            "13/14/2027",
            "2027-13-01",
            "2027-00-10",
            "2027-01-00",
            "2027-01-32",
            "0000-01-01",
            "2027/02-14",
            "14 2027",
            "Feb 2027",
            "Feb 14",
            "Foo 14 2027",
            "Feb Mar 2027",
            "14xx Feb 2027",
            "Feb 14 27",
            "２０２７-01-01",
            "2027-02-14T10:00",
            "1.5",
            "10-15",
        ] {
            assert_eq!(Date::suggest(text), DateFix::NotADate, "{text:?}");
        }
        assert_eq!(
            DateFix::NotADate.help("soon"),
            "write dates as YYYY-MM-DD (year, month, day), e.g. `2027-04-30`"
        );
        assert_eq!(
            DateFix::Fix(Date::parse("2027-04-30").unwrap()).help("30/04/2027"),
            "write it as `2027-04-30`"
        );
    }

    #[test]
    fn epoch_days() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(20_416).to_string(),
            "2025-11-24"
        );
        assert!(Date::parse("2026-01-01") < Date::parse("2026-01-02"));
    }
}
