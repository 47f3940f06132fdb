//! Running-time figures of a brief, for `briefc check --stats`: the stated
//! length, the scenes and their total, and the voiceover time at the
//! speaking rate in force.

use crate::config::Settings;
use crate::model::{Brief, Length};
use serde::Serialize;

/// One brief's running time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// The stated length, when `length:` could be read.
    #[serde(flatten)]
    pub length: Option<Length>,
    /// The number of scenes.
    pub scenes: usize,
    /// The scenes' durations added up, in seconds (scenes whose timecodes
    /// could not be read count nothing).
    pub scene_seconds: u32,
    /// The voiceover of every scene, in seconds at the speaking rate.
    pub voiceover_seconds: f64,
}

impl Stats {
    /// The figures of `brief` under `settings` (its speaking rate).
    pub fn of(brief: &Brief, settings: &Settings) -> Stats {
        let scenes = brief.scenes();
        Stats {
            length: brief.header.length.as_ref().map(|l| l.value),
            scenes: scenes.len(),
            scene_seconds: crate::model::scene_total(scenes).seconds,
            voiceover_seconds: scenes
                .iter()
                .filter_map(|s| s.voiceover_seconds(settings.speaking_rate_wpm))
                .sum(),
        }
    }
}

/// The figures of many briefs added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct StatsTotal {
    /// How many briefs.
    pub briefs: usize,
    /// The stated lengths added up (lower bounds), in seconds.
    pub length_seconds: u64,
    /// The stated lengths added up (upper bounds), in seconds.
    pub length_max_seconds: u64,
    /// All scenes.
    pub scenes: usize,
    /// All scene durations, in seconds.
    pub scene_seconds: u64,
    /// All voiceover, in seconds.
    pub voiceover_seconds: f64,
}

impl StatsTotal {
    /// Adds up `all`.
    pub fn of<'a>(all: impl IntoIterator<Item = &'a Stats>) -> StatsTotal {
        let mut total = StatsTotal::default();
        for s in all {
            total.briefs += 1;
            if let Some(length) = s.length {
                total.length_seconds += u64::from(length.min.seconds);
                total.length_max_seconds += u64::from(length.max.seconds);
            }
            total.scenes += s.scenes;
            total.scene_seconds += u64::from(s.scene_seconds);
            total.voiceover_seconds += s.voiceover_seconds;
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn stats(text: &str) -> Stats {
        let brief = crate::test_support::brief(text);
        Stats::of(&brief, Config::default().settings_for(&brief))
    }

    #[test]
    fn figures_of_a_brief() {
        let s = stats(
            "# T\n\nlength: 60-90s\n\n## Scenes\n### 0-10s A\nVoiceover: one two three four five\n\n### 0:10-0:40 B\nVoiceover: six seven\n\n### x B\n",
        );
        assert_eq!(
            s.length.map(|l| (l.min.seconds, l.max.seconds)),
            Some((60, 90))
        );
        assert_eq!((s.scenes, s.scene_seconds), (3, 40));
        // 7 words at 150 words per minute.
        assert!(
            (s.voiceover_seconds - 2.8).abs() < 1e-9,
            "{}",
            s.voiceover_seconds
        );
        let total = StatsTotal::of([&s, &stats("# U\n\nlength: 30s\n")]);
        assert_eq!(
            (
                total.briefs,
                total.length_seconds,
                total.length_max_seconds,
                total.scenes
            ),
            (2, 90, 120, 3)
        );
    }
}
