//! The `by DATE` deadline inside a metric target: the one reader that
//! lowering, the rules and both renderers use, so they agree on what is a
//! deadline and where it is.

use super::date::{Date, DateFix};
use std::ops::Range;

/// A `by DATE` phrase found in a metric target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineMatch {
    /// The whole phrase, from the `b` of `by` to the end of the date text:
    /// `By 2027-04-30` in `25 per month By 2027-04-30.`
    pub phrase: Range<usize>,
    /// The date as written, without the punctuation that ends the sentence
    /// around it: `2027-04-30`, `30/04/2027`, `April 30, 2027`.
    pub date_text: Range<usize>,
    /// `Ok` when written `YYYY-MM-DD` and the day exists; otherwise what the
    /// date text most likely means ([`DateFix::Fix`] for another spelling,
    /// `Ambiguous`, `NoSuchDay`, or `NotADate` for a date-shaped word that
    /// is no date, such as `2027-04` or `2027-13-45`).
    pub date: Result<Date, DateFix>,
}

impl DeadlineMatch {
    /// The date meant: the date itself when written `YYYY-MM-DD`, or the
    /// one computed fix of another spelling.
    pub fn resolved(&self) -> Option<Date> {
        match self.date {
            Ok(date) => Some(date),
            Err(fix) => fix.date(),
        }
    }
}

/// The first `by DATE` deadline in a metric target, if any. See [`find_deadlines`].
pub fn find_deadline(target: &str) -> Option<DeadlineMatch> {
    find_deadlines(target).into_iter().next()
}

/// Every `by DATE` deadline in a metric target, in order.
///
/// `by` is a whole word in any case (`by`, `By`, `BY`), followed by white
/// space and a date: `YYYY-MM-DD`, or any spelling [`Date::suggest`] reads
/// (`30/04/2027`, `April 30, 2027`, `30 Apr 2027`, `2027-4-30`), or a word
/// shaped like a date that is none (three groups of digits split by `-`, `/`
/// or `.`, or four digits and a `-`: `2027-04`, `2027-02-30`, `31/31/2027`).
/// Anything else after `by` (`grow by 20%`, `by 1.5x`, `by 10-15%`, `by
/// March 2027`) is not a deadline.
pub fn find_deadlines(target: &str) -> Vec<DeadlineMatch> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(found_at) = next_by(target, from) {
        let after_by = found_at + 2;
        match date_after(target, after_by) {
            Some((date_text, date)) => {
                from = date_text.end;
                found.push(DeadlineMatch {
                    phrase: found_at..date_text.end,
                    date_text,
                    date,
                });
            }
            None => from = after_by,
        }
    }
    found
}

/// The byte offset of the next whole word `by` (any case) at or after `from`
/// that white space follows.
fn next_by(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at + 2 < bytes.len() {
        let word_start = at == 0 || !is_word_byte(bytes[at - 1]);
        if word_start
            && bytes[at..at + 2].eq_ignore_ascii_case(b"by")
            && text[at + 2..].starts_with(char::is_whitespace)
        {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Letters, digits, `_` and any byte of a non-ASCII character (so `ébY` is
/// one word).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || !b.is_ascii()
}

/// The punctuation that may follow a date and is not part of it.
const TRAILING: [char; 7] = [',', ';', '.', ')', ':', '!', '?'];

/// The date right after `by` (which ends at `at`): the longest run of one to
/// four words that reads as a date, or a single date-shaped word.
fn date_after(text: &str, at: usize) -> Option<(Range<usize>, Result<Date, DateFix>)> {
    let start = at + (text.len() - at - text[at..].trim_start().len());
    // The ends of the next four words.
    let mut ends = Vec::with_capacity(4);
    let mut pos = start;
    while ends.len() < 4 && pos < text.len() {
        let word_len = text[pos..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - pos);
        ends.push(pos + word_len);
        pos += word_len;
        pos += text[pos..].len() - text[pos..].trim_start().len();
    }
    let trimmed = |end: usize| start + text[start..end].trim_end_matches(TRAILING).len();
    for &end in ends.iter().rev() {
        let end = trimmed(end);
        let candidate = &text[start..end];
        if candidate.is_empty() {
            continue;
        }
        if let Some(date) = Date::parse(candidate) {
            return Some((start..end, Ok(date)));
        }
        match Date::suggest(candidate) {
            DateFix::NotADate => {}
            fix => return Some((start..end, Err(fix))),
        }
    }
    let end = trimmed(*ends.first()?);
    looks_like_date(&text[start..end]).then_some((start..end, Err(DateFix::NotADate)))
}

/// `2027-04`, `2027-04-30T10:00`, `31/31/2027`, `1.2.3`: a word written as a date.
fn looks_like_date(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' {
        return true;
    }
    let Some(sep) = word.chars().find(|c| !c.is_ascii_digit()) else {
        return false;
    };
    matches!(sep, '-' | '/' | '.')
        && word.split(sep).count() == 3
        && word
            .split(sep)
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    /// (phrase, date text, outcome) of every deadline in `target`.
    fn all(target: &str) -> Vec<(&str, &str, Result<Date, DateFix>)> {
        find_deadlines(target)
            .into_iter()
            .map(|m| (&target[m.phrase], &target[m.date_text], m.date))
            .collect()
    }

    #[test]
    fn canonical_deadlines_in_any_case() {
        for (target, phrase) in [
            ("25 per month by 2027-04-30", "by 2027-04-30"),
            ("25 per month By 2027-04-30", "By 2027-04-30"),
            ("25 per month BY 2027-04-30.", "BY 2027-04-30"),
            ("by 2027-04-30: 25", "by 2027-04-30"),
            ("25 (by 2027-04-30)", "by 2027-04-30"),
            ("25 by  2027-04-30, then more", "by  2027-04-30"),
        ] {
            assert_eq!(
                all(target),
                [(phrase, "2027-04-30", Ok(date("2027-04-30")))],
                "{target}"
            );
        }
        let m = find_deadline("3,000 views By 2027-04-30").unwrap();
        assert_eq!((m.phrase.clone(), m.date_text.clone()), (12..25, 15..25));
        assert_eq!(m.resolved(), Some(date("2027-04-30")));
    }

    #[test]
    fn other_spellings_carry_their_fix() {
        let fixed = Err(DateFix::Fix(date("2027-04-30")));
        for (target, date_text) in [
            ("3,000 views by 30/04/2027", "30/04/2027"),
            ("3,000 views by 04/30/2027.", "04/30/2027"),
            ("3,000 views by 2027/04/30", "2027/04/30"),
            ("3,000 views by 2027-4-30", "2027-4-30"),
            ("3,000 views by 30.04.2027", "30.04.2027"),
            ("3,000 views by April 30, 2027", "April 30, 2027"),
            ("3,000 views by Apr 30 2027 on YouTube", "Apr 30 2027"),
            ("3,000 views by 30 April 2027.", "30 April 2027"),
            ("3,000 views by 30th of April 2027", "30th of April 2027"),
        ] {
            let found = all(target);
            assert_eq!(found.len(), 1, "{target}: {found:?}");
            assert_eq!((found[0].1, found[0].2), (date_text, fixed), "{target}");
        }
        let m = find_deadline("25 by 30/04/2027").unwrap();
        assert_eq!(m.resolved(), Some(date("2027-04-30")));
    }

    #[test]
    fn broken_dates_are_still_deadlines() {
        assert_eq!(
            all("25 by 2027-02-30"),
            [(
                "by 2027-02-30",
                "2027-02-30",
                Err(DateFix::NoSuchDay {
                    year: 2027,
                    month: 2,
                    days_in_month: 28
                })
            )]
        );
        assert!(matches!(
            all("25 by 03/04/2027")[..],
            [(_, "03/04/2027", Err(DateFix::Ambiguous { .. }))]
        ));
        for (target, date_text) in [
            ("25 by 2027-04", "2027-04"),
            ("25 by 2027-13-45", "2027-13-45"),
            ("25 by 2027-04-30T10:00", "2027-04-30T10:00"),
            ("25 by 31/31/2027", "31/31/2027"),
            ("25 by 30/04/27", "30/04/27"),
        ] {
            assert_eq!(
                all(target),
                [(
                    &*format!("by {date_text}"),
                    date_text,
                    Err(DateFix::NotADate)
                )],
                "{target}"
            );
            assert_eq!(find_deadline(target).unwrap().resolved(), None);
        }
    }

    #[test]
    fn not_deadlines() {
        for target in [
            "grow by 20%",
            "grow by 1.5x",
            "grow by 10-15% this year",
            "by March 2027",
            "by the end of the year",
            "standby 2027-04-30",
            "by2027-04-30",
            "by",
            "25 by ",
            "",
            "bébY 2027-04-30",
        ] {
            assert_eq!(all(target), [], "{target}");
        }
    }

    #[test]
    fn several_deadlines() {
        let found = all("10 by 2027-01-31, 20 By 2027-02-28 and 30 by 31/03/2027");
        assert_eq!(
            found.iter().map(|f| f.1).collect::<Vec<_>>(),
            ["2027-01-31", "2027-02-28", "31/03/2027"]
        );
        assert_eq!(
            find_deadline("10 by 2027-01-31, 20 by 2027-02-28").map(|m| m.date),
            Some(Ok(date("2027-01-31")))
        );
    }
}
