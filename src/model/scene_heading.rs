//! Scene headings: `### START-END Title`, read once for every stage
//! (lowering, `fmt`).

use super::{Duration, TimeRange};

/// A scene heading whose timecodes could be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SceneHeading<'a> {
    /// START as written (`0:10`).
    pub start_text: &'a str,
    /// END as written.
    pub end_text: &'a str,
    /// The two timecodes.
    pub time: TimeRange,
    /// The title after the timecodes, trimmed; may be empty.
    pub title: &'a str,
}

/// Why a scene heading could not be read: a message and a fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SceneHeadingError {
    /// What is wrong, e.g. "`0:75` is not a timecode".
    pub message: String,
    /// How to fix it, with the corrected heading where it can be computed.
    pub help: String,
}

const FORMS: &str = "start the scene heading with its timecodes, `M:SS-M:SS`, `H:MM:SS-H:MM:SS` or seconds `0-10s`, e.g. `### 0:10-0:35 Set up in minutes`";

/// Separators people write between timecodes that are not `-`: read so
/// the message can show the corrected heading.
const WRONG_SEPARATORS: &[&str] = &["->", "-->", "=>", "→", "to", "until", "till", "~"];

/// Reads the text after `### `.
pub fn parse_scene_heading(text: &str) -> Result<SceneHeading<'_>, SceneHeadingError> {
    let err = |message: String, help: String| SceneHeadingError { message, help };
    let (start_text, after_start) = leading_timecode(text);
    if start_text.is_empty() {
        return Err(err(
            format!("the scene heading `{text}` does not start with timecodes"),
            FORMS.to_string(),
        ));
    }
    // A wrong separator: say which, and show the heading written right.
    for sep in WRONG_SEPARATORS {
        let Some(rest) = strip_word(after_start, sep) else {
            continue;
        };
        let (end_text, title) = leading_timecode(rest);
        let fixed = match parse_scene_heading(&format!("{start_text}-{end_text} {title}")) {
            Ok(heading) => heading.canonical(),
            Err(_) => canonical(start_text, end_text, title),
        };
        let help = if end_text.is_empty() {
            FORMS.to_string()
        } else {
            format!("write `{fixed}`: a `-` goes between the timecodes")
        };
        return Err(err(
            format!("the scene heading separates its timecodes with `{sep}`, not `-`"),
            help,
        ));
    }
    let Some(rest) = after_start.strip_prefix(['-', '–', '—']) else {
        let found = after_start.split_whitespace().next().unwrap_or("");
        let message = if found.is_empty() {
            format!("the scene heading has only one timecode, `{start_text}`")
        } else {
            format!("the scene heading has no END timecode after `{start_text}`")
        };
        return Err(err(message, FORMS.to_string()));
    };
    let (end_text, title) = leading_timecode(rest.trim_start());
    if end_text.is_empty() {
        return Err(err(
            format!("the scene heading has no END timecode after `{start_text}-`"),
            FORMS.to_string(),
        ));
    }
    // Seconds (since 1.1): `0-10s`, `10s-35s`, `20s-1:30`. A bare number
    // before an END in seconds is seconds too.
    let start_unit = if end_text.ends_with('s') && is_digits(start_text) {
        "s"
    } else {
        ""
    };
    let start = read_timecode(start_text, start_unit).ok_or_else(|| {
        err(
            format!("`{start_text}` is not a timecode"),
            timecode_help(start_text),
        )
    })?;
    let end = read_timecode(end_text, "").ok_or_else(|| {
        err(
            format!("`{end_text}` is not a timecode"),
            timecode_help(end_text),
        )
    })?;
    if end <= start {
        let message = if end == start {
            format!("the scene starts and ends at {}", start.timecode())
        } else {
            format!(
                "the scene ends at {}, before it starts at {}",
                end.timecode(),
                start.timecode()
            )
        };
        return Err(err(
            message,
            "the END timecode must come after START".to_string(),
        ));
    }
    Ok(SceneHeading {
        start_text,
        end_text,
        time: TimeRange { start, end },
        title,
    })
}

impl SceneHeading<'_> {
    /// The heading as `briefc fmt` writes it: `### 0:00-0:10 Title`;
    /// timecodes in seconds become `M:SS`, others stay as written.
    pub fn canonical(&self) -> String {
        let clock = |text: &str, time: Duration| {
            if text.contains(':') {
                text.to_string()
            } else {
                time.timecode()
            }
        };
        canonical(
            &clock(self.start_text, self.time.start),
            &clock(self.end_text, self.time.end),
            self.title,
        )
    }
}

/// A timecode: `M:SS`, `H:MM:SS`, or seconds `10s` (also a bare number when
/// `unit` is `s`).
fn read_timecode(text: &str, unit: &str) -> Option<Duration> {
    let seconds = text.strip_suffix('s').or((unit == "s").then_some(text));
    match seconds {
        Some(digits) if is_digits(digits) && digits.len() <= 9 => {
            digits.parse().ok().map(Duration::from_secs)
        }
        Some(_) => None,
        None => Duration::parse_timecode(text),
    }
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn canonical(start: &str, end: &str, title: &str) -> String {
    if title.is_empty() {
        format!("### {start}-{end}")
    } else {
        format!("### {start}-{end} {title}")
    }
}

/// Splits the run of digits and colons at the start of `text` (with an `s`
/// right after it that ends a word: `10s`) from the rest (trimmed).
fn leading_timecode(text: &str) -> (&str, &str) {
    let mut len = text
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(text.len());
    let after = &text[len..];
    // Only after a bare number: `0:10s` stays what 1.0 read (`0:10` and a
    // title starting with `s`).
    if len > 0
        && !text[..len].contains(':')
        && after.starts_with('s')
        && !after[1..].starts_with(|c: char| c.is_alphanumeric())
    {
        len += 1;
    }
    (&text[..len], text[len..].trim())
}

/// `rest` without a leading separator word (`to` only as a whole word).
fn strip_word<'a>(rest: &'a str, sep: &str) -> Option<&'a str> {
    let head = rest.get(..sep.len())?;
    if !head.eq_ignore_ascii_case(sep) {
        return None;
    }
    let after = &rest[sep.len()..];
    let is_word = sep.chars().all(char::is_alphabetic);
    if is_word && after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some(after.trim_start())
}

/// Says what is wrong with a timecode that does not parse.
fn timecode_help(text: &str) -> String {
    let parts: Vec<&str> = text.split(':').collect();
    let seconds_over = parts
        .last()
        .and_then(|s| s.parse::<u32>().ok())
        .is_some_and(|s| s >= 60);
    if parts.len() >= 2 && seconds_over {
        return format!(
            "the seconds in `{text}` must be below 60: write minutes and seconds, e.g. `1:15` for 75 s"
        );
    }
    if parts.len() == 1 {
        return format!(
            "write the timecode as minutes and seconds: `{}` for {} s",
            Duration::from_secs(text.parse().unwrap_or(0)).timecode(),
            text.parse::<u32>().unwrap_or(0)
        );
    }
    FORMS.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> (String, String) {
        let e = parse_scene_heading(text).unwrap_err();
        (e.message, e.help)
    }

    #[test]
    fn reads_headings() {
        let h = parse_scene_heading("0:00 – 0:10   Hook").unwrap();
        assert_eq!(
            (h.start_text, h.end_text, h.title),
            ("0:00", "0:10", "Hook")
        );
        assert_eq!(h.time.end.seconds, 10);
        assert_eq!(parse_scene_heading("1:00:00-1:00:30").unwrap().title, "");
    }

    #[test]
    fn reads_seconds() {
        fn read(t: &str) -> (u32, u32, &str, String) {
            let h = parse_scene_heading(t).unwrap();
            (
                h.time.start.seconds,
                h.time.end.seconds,
                h.title,
                h.canonical(),
            )
        }
        assert_eq!(
            read("0-10s Hook"),
            (0, 10, "Hook", "### 0:00-0:10 Hook".into())
        );
        assert_eq!(
            read("10s-35s Setup"),
            (10, 35, "Setup", "### 0:10-0:35 Setup".into())
        );
        assert_eq!(read("20s-1:30"), (20, 90, "", "### 0:20-1:30".into()));
        assert_eq!(
            read("1:30-95s Tag"),
            (90, 95, "Tag", "### 1:30-1:35 Tag".into())
        );
        // `s` must end the number: `10 seconds`, `10sec` and `0-10` stay errors.
        assert_eq!(read("0:00-0:10 sales pitch").2, "sales pitch");
        assert!(parse_scene_heading("0-10 Hook").is_err());
        assert!(parse_scene_heading("0-10sec Hook").is_err());
        assert!(parse_scene_heading("10s-5s Hook").is_err());
        // 1.0 read `0:10s: Hook` as 0:00-0:10 with the title `s: Hook`.
        assert_eq!(read("0:00-0:10s: Hook").2, "s: Hook");
        assert_eq!(
            message("0s to 10s Hook").1,
            "write `### 0:00-0:10 Hook`: a `-` goes between the timecodes"
        );
    }

    #[test]
    fn wrong_separators_show_the_fix() {
        for text in ["0:00 -> 0:05 Hook", "0:00 to 0:05 Hook", "0:00 → 0:05 Hook"] {
            let (m, h) = message(text);
            assert!(
                m.starts_with("the scene heading separates its timecodes with `"),
                "{m}"
            );
            assert_eq!(
                h,
                "write `### 0:00-0:05 Hook`: a `-` goes between the timecodes"
            );
        }
        // `tomorrow` is not the word `to`.
        assert!(message("0:00 tomorrow").0.contains("no END timecode"));
    }

    #[test]
    fn never_quotes_nothing() {
        for text in ["0:00 -", "0:00-", "0:00 ->", "0:00", "Hook", "0:00-x"] {
            let (m, h) = message(text);
            assert!(!m.contains("``") && !h.contains("``"), "{text}: {m} / {h}");
        }
        assert_eq!(
            message("0:00-0:75").1,
            "the seconds in `0:75` must be below 60: write minutes and seconds, e.g. `1:15` for 75 s"
        );
    }
}
