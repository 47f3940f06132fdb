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

const FORMS: &str = "start the scene heading with its timecodes, `M:SS-M:SS` or `H:MM:SS-H:MM:SS`, e.g. `### 0:10-0:35 Set up in minutes`";

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
        let fixed = canonical(start_text, end_text, title);
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
    let start = Duration::parse_timecode(start_text).ok_or_else(|| {
        err(
            format!("`{start_text}` is not a timecode"),
            timecode_help(start_text),
        )
    })?;
    let end = Duration::parse_timecode(end_text).ok_or_else(|| {
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
    /// The heading as `briefc fmt` writes it: `### 0:00-0:10 Title`.
    pub fn canonical(&self) -> String {
        canonical(self.start_text, self.end_text, self.title)
    }
}

fn canonical(start: &str, end: &str, title: &str) -> String {
    if title.is_empty() {
        format!("### {start}-{end}")
    } else {
        format!("### {start}-{end} {title}")
    }
}

/// Splits the run of digits and colons at the start of `text` from the
/// rest (trimmed).
fn leading_timecode(text: &str) -> (&str, &str) {
    let len = text
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(text.len());
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
