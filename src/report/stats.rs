//! `check --stats`: the running-time table (human) and the `stats` object
//! of the JSON report.

use super::FileReport;
use crate::model::Duration;
use crate::stats::{Stats, StatsTotal};
use serde::Serialize;

/// The `stats` object of `check --format json --stats`.
#[derive(Serialize)]
pub(super) struct StatsDoc {
    briefs: Vec<BriefStats>,
    total: TotalDoc,
}

#[derive(Serialize)]
struct BriefStats {
    file: String,
    #[serde(flatten)]
    stats: Rounded,
}

/// [`Stats`] with the voiceover rounded to tenths of a second, so the JSON
/// shows `41.2`, not `41.199999999999996`.
#[derive(Serialize)]
struct Rounded {
    #[serde(flatten)]
    length: Option<crate::model::Length>,
    scenes: usize,
    scene_seconds: u32,
    voiceover_seconds: f64,
}

#[derive(Serialize)]
struct TotalDoc {
    briefs: usize,
    length_seconds: u64,
    length_max_seconds: u64,
    scenes: usize,
    scene_seconds: u64,
    voiceover_seconds: f64,
}

fn tenths(seconds: f64) -> f64 {
    (seconds * 10.0).round() / 10.0
}

impl StatsDoc {
    /// The figures of `reports`, each with its stats.
    pub(super) fn new(reports: &[FileReport], stats: &[Stats]) -> StatsDoc {
        let total = StatsTotal::of(stats);
        StatsDoc {
            briefs: reports
                .iter()
                .zip(stats)
                .map(|(r, s)| BriefStats {
                    file: r.source.path().display().to_string(),
                    stats: Rounded {
                        length: s.length,
                        scenes: s.scenes,
                        scene_seconds: s.scene_seconds,
                        voiceover_seconds: tenths(s.voiceover_seconds),
                    },
                })
                .collect(),
            total: TotalDoc {
                briefs: total.briefs,
                length_seconds: total.length_seconds,
                length_max_seconds: total.length_max_seconds,
                scenes: total.scenes,
                scene_seconds: total.scene_seconds,
                voiceover_seconds: tenths(total.voiceover_seconds),
            },
        }
    }
}

/// The running-time table `check --stats` prints: one row per brief (the
/// stated length, scenes, their total and the voiceover time), then the
/// totals across the files.
pub fn stats_table(reports: &[FileReport], stats: &[Stats]) -> String {
    let clock =
        |seconds: u64| Duration::from_secs(u32::try_from(seconds).unwrap_or(u32::MAX)).timecode();
    let voice = |seconds: f64| clock(seconds.round() as u64);
    let mut rows: Vec<[String; 5]> = vec![[
        "brief".into(),
        "length".into(),
        "scenes".into(),
        "scene total".into(),
        "voiceover".into(),
    ]];
    for (report, s) in reports.iter().zip(stats) {
        rows.push([
            report.source.path().display().to_string(),
            s.length.map_or("—".into(), |l| l.timecode()),
            s.scenes.to_string(),
            clock(u64::from(s.scene_seconds)),
            voice(s.voiceover_seconds),
        ]);
    }
    let total = StatsTotal::of(stats);
    let length = if total.length_seconds == total.length_max_seconds {
        clock(total.length_seconds)
    } else {
        format!(
            "{}–{}",
            clock(total.length_seconds),
            clock(total.length_max_seconds)
        )
    };
    let briefs = if total.briefs == 1 { "brief" } else { "briefs" };
    rows.push([
        format!("total, {} {briefs}", total.briefs),
        length,
        total.scenes.to_string(),
        clock(total.scene_seconds),
        voice(total.voiceover_seconds),
    ]);
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..5).map(width).collect();
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            if i == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                // Figures are right-aligned, two spaces apart.
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
