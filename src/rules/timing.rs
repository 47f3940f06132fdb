//! Scene timing against each other and the length; voiceover that cannot fit.

use super::{Context, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::{CHARS_PER_WORD, Duration, SceneFieldKind};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let scenes = cx.brief.scenes();
    let mut previous_end = Duration::from_secs(0);
    // The scene that ends latest so far: the video's timeline ends with it.
    let mut latest = None;
    // After a scene whose timecodes could not be read, where the next one
    // should start is unknown: `scene-timecode` already fired for it, and a
    // gap or overlap measured across it would be a second report of the
    // same mistake.
    let mut after_unreadable = false;
    let mut any_unreadable = false;
    for scene in scenes {
        let Some(time) = scene.time else {
            after_unreadable = true;
            any_unreadable = true;
            continue;
        };
        if std::mem::take(&mut after_unreadable) {
            // Measure nothing against the unknown scene.
        } else if time.start < previous_end {
            out.push(
                Diagnostic::new(
                    Rule::SceneOverlap,
                    scene.heading,
                    format!(
                        "the scene starts at {}, {} before the previous scene ends at {}",
                        time.start.timecode(),
                        Duration::from_secs(previous_end.seconds - time.start.seconds),
                        previous_end.timecode()
                    ),
                )
                .with_help(format!("start it at {} or later", previous_end.timecode())),
            );
        } else if time.start > previous_end {
            let gap = Duration::from_secs(time.start.seconds - previous_end.seconds);
            let what = if latest.is_none() {
                "the video starts".to_string()
            } else {
                "the previous scene ends".to_string()
            };
            out.push(
                Diagnostic::new(
                    Rule::SceneGap,
                    scene.heading,
                    format!(
                        "the scene starts at {}, but {what} at {}: {gap} {} not planned",
                        time.start.timecode(),
                        previous_end.timecode(),
                        if gap.seconds == 1 { "is" } else { "are" }
                    ),
                )
                .with_help(format!(
                    "start it at {}, or add a scene for the gap",
                    previous_end.timecode()
                )),
            );
        }
        if time.end >= previous_end {
            latest = Some((scene, time));
        }
        previous_end = previous_end.max(time.end);
        voiceover(cx, scene, time.duration(), out);
    }

    let (Some((scene, time)), Some(length)) = (latest, &cx.brief.header.length) else {
        return;
    };
    let length = length.value;
    // For a range (since 1.1): past the upper bound, or short of the lower.
    let (longest, shortest) = (length.max, length.min);
    let of = |bound: Duration, which: &str| {
        if length.is_range() {
            format!("the {which} length of {} ({length})", bound.timecode())
        } else if which == "longest" {
            format!("the length of {} ({length})", bound.timecode())
        } else {
            format!("the length of {}", bound.timecode())
        }
    };
    if time.end > longest {
        out.push(
            Diagnostic::new(
                Rule::ScenesExceedLength,
                scene.heading,
                format!(
                    "the scenes run to {}, {} past {}",
                    time.end.timecode(),
                    Duration::from_secs(time.end.seconds - longest.seconds),
                    of(longest, "longest")
                ),
            )
            .with_help(format!(
                "end the scenes at {}, or change `length`",
                longest.timecode()
            )),
        );
    } else if time.end < shortest && !any_unreadable {
        // (An unreadable scene may be the one that fills the rest.)
        out.push(
            Diagnostic::new(
                Rule::ScenesShortOfLength,
                scene.heading,
                format!(
                    "the last scene ends at {}, {} before {}",
                    time.end.timecode(),
                    Duration::from_secs(shortest.seconds - time.end.seconds),
                    of(shortest, "shortest")
                ),
            )
            .with_help(format!(
                "plan the scenes up to {}, or shorten `length`",
                shortest.timecode()
            )),
        );
    }
}

fn voiceover(
    cx: &Context<'_>,
    scene: &crate::model::Scene,
    duration: Duration,
    out: &mut Vec<Diagnostic>,
) {
    let rate = cx.settings.speaking_rate_wpm;
    // Since 1.1, timed as said: "25%" is three words, Chinese by character.
    if let Some((said, needed)) = scene.voiceover_overrun(rate) {
        let mut spans = scene
            .fields
            .iter()
            .filter(|f| f.kind == SceneFieldKind::Voiceover)
            .map(|f| f.text.span);
        let Some(first) = spans.next() else { return };
        let span = spans.fold(first, |s, next| s.to(next));
        let max_words = (f64::from(duration.seconds) * rate / 60.0).floor();
        let help = if said.spoken_words == 0 && said.unspaced_chars > 0 {
            let max_chars = (max_words * CHARS_PER_WORD).floor();
            format!(
                "cut the voiceover to about {max_chars} characters or fewer, or make the scene longer"
            )
        } else if said.differs() {
            format!(
                "cut the voiceover to {max_words} spoken words or fewer (numbers, prices and addresses count as they are said), or make the scene longer"
            )
        } else {
            format!("cut the voiceover to {max_words} words or fewer, or make the scene longer")
        };
        out.push(
            Diagnostic::new(
                Rule::VoiceoverTooLong,
                span,
                format!(
                    "the voiceover has {}, which take {needed:.1} s at {rate} words per minute; the scene lasts {duration}",
                    said.describe()
                ),
            )
            .with_help(help),
        );
    }
}
