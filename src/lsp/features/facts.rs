//! Numbers about a brief that hover, inlay hints and the outline show: word
//! and item counts against their limits, scene durations, voiceover time.
//! Counted as the rules count them (`word_count`, the settings in force).

use crate::lsp::document::Analysis;
use briefc::config::Settings;
use briefc::model::{Content, Duration, Scene, Section, SectionKind, Spoken, word_count};
use briefc::syntax::Span;

/// The scene whose heading is on the line `heading`.
pub fn scene_at(analysis: &Analysis, heading: Span) -> Option<&Scene> {
    analysis
        .checked
        .brief
        .scenes()
        .iter()
        .find(|s| s.heading.start >= heading.start && s.heading.start <= heading.end)
}

/// The section whose heading is on the line `heading`.
pub fn section_at(analysis: &Analysis, heading: Span) -> Option<&Section> {
    analysis
        .checked
        .brief
        .sections
        .iter()
        .find(|s| s.heading.start >= heading.start && s.heading.start <= heading.end)
}

/// A scene's voiceover: how much it says (as `voiceover-too-long` counts
/// it) and the seconds that takes at `rate` words per minute.
pub fn voiceover(scene: &Scene, rate: f64) -> Option<(Spoken, f64)> {
    let said = scene.voiceover_spoken()?;
    Some((said, said.seconds(rate)))
}

/// `19 words`, `12 words (18 spoken)`, `129 chars`: the short form for hints.
fn said_short(said: &Spoken) -> String {
    let words = said.written_words;
    match (said.spoken_words, said.unspaced_chars) {
        (spoken, 0) if spoken == words => format!("{words} {}", plural(words, "word")),
        (spoken, 0) => format!("{words} {} ({spoken} spoken)", plural(words, "word")),
        (0, chars) => format!("{chars} {}", plural(chars, "char")),
        (spoken, chars) => format!(
            "{spoken} {} + {chars} {}",
            plural(spoken, "word"),
            plural(chars, "char")
        ),
    }
}

/// `25 s · VO 19 words ≈ 8 s`: a scene in one line.
pub fn scene_line(scene: &Scene, settings: &Settings) -> String {
    let mut parts = Vec::new();
    if let Some(time) = scene.time {
        parts.push(time.duration().to_string());
    }
    match voiceover(scene, settings.speaking_rate_wpm) {
        Some((said, seconds)) => {
            let mut vo = format!("VO {} ≈ {}", said_short(&said), seconds_text(seconds));
            if scene
                .time
                .is_some_and(|t| seconds > f64::from(t.duration().seconds))
            {
                vo.push_str(" (too long)");
            }
            parts.push(vo);
        }
        None => parts.push("no VO".into()),
    }
    parts.join(" · ")
}

/// A scene in a few lines of Markdown, for hover.
pub fn scene_hover(scene: &Scene, settings: &Settings) -> String {
    let mut out = format!("**Scene** {}\n\n", md(&scene.title));
    match scene.time {
        Some(time) => out.push_str(&format!(
            "- Duration: **{}** ({} to {})\n",
            time.duration(),
            time.start.timecode(),
            time.end.timecode()
        )),
        None => out.push_str("- Duration: unknown (the timecodes cannot be read)\n"),
    }
    let rate = settings.speaking_rate_wpm;
    match voiceover(scene, rate) {
        Some((said, seconds)) => {
            out.push_str(&format!(
                "- Voiceover: {} ≈ **{:.1} s** at {rate} words per minute",
                said.describe(),
                seconds
            ));
            if let Some(time) = scene.time {
                let available = f64::from(time.duration().seconds);
                if seconds > available {
                    let max = (available * rate / 60.0).floor();
                    out.push_str(&format!(
                        " — {:.1} s too long for the scene (at most {max} words)",
                        seconds - available
                    ));
                } else {
                    out.push_str(&format!(" — fits, {:.1} s to spare", available - seconds));
                }
            }
            out.push('\n');
        }
        None => out.push_str("- Voiceover: none\n"),
    }
    out
}

/// The limit a section's words or items are held to, as counted now.
struct Count {
    what: &'static str,
    count: usize,
    limit: Option<usize>,
}

fn count(section: &Section, settings: &Settings) -> Count {
    let limits = settings.limits;
    let words = |paragraphs: &[briefc::syntax::Spanned<String>]| -> usize {
        paragraphs.iter().map(|p| word_count(&p.value)).sum()
    };
    match (&section.content, section.kind) {
        (Content::Prose(p), kind) => Count {
            what: "word",
            count: words(p),
            limit: match kind {
                SectionKind::Goal => Some(limits.goal),
                SectionKind::Audience => Some(limits.audience),
                SectionKind::KeyMessage => Some(limits.key_message),
                SectionKind::CallToAction => Some(limits.call_to_action),
                _ => None,
            },
        },
        (Content::List(items), SectionKind::KeyBenefits) => Count {
            what: "benefit",
            count: items.len(),
            limit: Some(limits.benefits),
        },
        (Content::Metrics(items), _) => Count {
            what: "metric",
            count: items.len(),
            limit: Some(limits.metrics),
        },
        (Content::Scenes(items), _) => Count {
            what: "scene",
            count: items.len(),
            limit: None,
        },
        (Content::Milestones(items), _) => Count {
            what: "milestone",
            count: items.len(),
            limit: None,
        },
        (content, SectionKind::OpenQuestions) => Count {
            what: "open question",
            count: content.len(),
            limit: None,
        },
        (content, _) => Count {
            what: "item",
            count: content.len(),
            limit: None,
        },
    }
}

/// `34 / 60 words`, `3 / 3 benefits`, `4 items`: for the outline.
pub fn section_detail(
    analysis: &Analysis,
    kind: SectionKind,
    settings: &Settings,
) -> Option<String> {
    let section = analysis.checked.brief.section(kind)?;
    let c = count(section, settings);
    Some(match c.limit {
        Some(limit) => format!("{} / {limit} {}", c.count, plural(limit, c.what)),
        None => format!("{} {}", c.count, plural(c.count, c.what)),
    })
}

/// A section's counts against its limits, in Markdown, for hover.
pub fn section_hover(analysis: &Analysis, section: &Section, settings: &Settings) -> String {
    let c = count(section, settings);
    let mut out = format!("**{}**\n\n", section.kind.name());
    match c.limit {
        Some(limit) => {
            out.push_str(&format!(
                "- {} {} of at most {limit}",
                c.count,
                plural(c.count, c.what)
            ));
            if c.count > limit {
                out.push_str(&format!(" — **{} over the limit**", c.count - limit));
            }
            out.push('\n');
        }
        None => out.push_str(&format!("- {} {}\n", c.count, plural(c.count, c.what))),
    }
    let brief = &analysis.checked.brief;
    match (&section.content, section.kind) {
        (Content::List(items), SectionKind::KeyBenefits) => {
            let limit = settings.limits.benefit;
            for (i, item) in items.iter().enumerate() {
                let words = word_count(&item.value);
                let over = if words > limit {
                    " — over the limit"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "- Benefit {}: {words} {} of at most {limit}{over}\n",
                    i + 1,
                    plural(words, "word")
                ));
            }
            if let Some(length) = &brief.header.length {
                let per = settings.seconds_per_benefit.max(1);
                // A range is held to its lower bound, as the rule holds it.
                let fits = length.value.min.seconds / per;
                out.push_str(&format!(
                    "- At {per} s per benefit, a {} video has room for {fits}\n",
                    length.value.min
                ));
            }
        }
        (Content::Scenes(scenes), _) => {
            let end = scenes.iter().filter_map(|s| s.time).map(|t| t.end).max();
            if let Some(end) = end {
                out.push_str(&format!("- The scenes run to {}", end.timecode()));
                if let Some(length) = &brief.header.length {
                    out.push_str(&format!("; the length is {}", length.value.timecode()));
                }
                out.push('\n');
            }
        }
        (Content::Milestones(milestones), _) => {
            if let (Some(first), Some(last)) = (milestones.first(), milestones.last()) {
                out.push_str(&format!("- From {} to {}", first.date, last.date));
                if let Some(due) = &brief.header.due {
                    out.push_str(&format!("; due {}", due.value));
                }
                out.push('\n');
            }
        }
        (content, SectionKind::OpenQuestions) if !content.is_empty() => {
            out.push_str("- Each must be answered before `status: approved`\n");
        }
        _ => {}
    }
    if let Some(profile) = &brief.header.profile
        && analysis
            .config
            .profiles
            .contains_key(profile.value.as_str())
    {
        out.push_str(&format!("\nLimits of the profile `{}`.\n", profile.value));
    }
    out
}

/// Where the scenes end (the latest end), when it differs from `length`.
pub fn scenes_end_hint(analysis: &Analysis) -> Option<String> {
    let brief = &analysis.checked.brief;
    let length = brief.header.length.as_ref()?.value;
    let end: Duration = brief
        .scenes()
        .iter()
        .filter_map(|s| s.time)
        .map(|t| t.end)
        .max()?;
    // Inside a range (since 1.1) the scenes fit; say so only outside it.
    (end < length.min || end > length.max)
        .then(|| format!("scenes run to {} ({end})", end.timecode()))
}

/// `8 s`, rounded to whole seconds, never `0 s` for some words.
fn seconds_text(seconds: f64) -> String {
    if seconds > 0.0 && seconds < 1.0 {
        "1 s".into()
    } else {
        format!("{:.0} s", seconds)
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// Text shown in Markdown, with the characters that would format escaped.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
