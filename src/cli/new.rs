//! `briefc new FILE`: a starter brief with every section, a placeholder in
//! each (see [`briefc::model::placeholder`]) and scenes that fit the length.
//! Apart from its `placeholder` warnings it checks clean.

use super::args::NewArgs;
use super::{CliError, EXIT_OK};
use briefc::config::Settings;
use briefc::model::placeholder::{self as ph, Placeholder};
use briefc::model::{Duration, SectionKind, Stage};
use std::path::Path;

/// The shortest `--length`: one second for each of the three scenes.
pub(super) const SHORTEST: Duration = Duration::from_secs(3);

pub(super) fn run(args: NewArgs) -> Result<u8, CliError> {
    let path = &args.file;
    if path.extension().is_none_or(|e| e != "brief") {
        return Err(CliError::new(
            format!("`{}` does not end in `.brief`", path.display()),
            "name the file like `spring-promo.brief`, so `briefc check` finds it",
        ));
    }
    let title = match &args.title {
        Some(title) => checked_title(title)?,
        None => title_from(path),
    };
    // `symlink_metadata`: a dangling symbolic link is there too. This check
    // only gives the message early; without `--force` the write below
    // refuses to replace anything all the same (a file may appear in between).
    let existing = path.symlink_metadata().ok();
    if existing.is_some() && !args.force {
        return Err(already_exists(path));
    }
    if path.is_dir() {
        return Err(CliError::new(
            format!("`{}` is a folder", path.display()),
            "name a file, like `spring-promo.brief`",
        ));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            CliError::new(
                format!(
                    "cannot create `{}`: {}",
                    dir.display(),
                    briefc::source::io_reason(&e)
                ),
                "choose a folder you can write to",
            )
        })?;
    }
    let text = starter(&title, args.stage, args.length);
    let written = if !args.force {
        crate::cli::output::write_new(path, text.as_bytes())
    } else if path.is_file() {
        // An existing brief, or a symbolic link to one: replaced as an
        // editor saves it, keeping the link and the file's permissions.
        crate::cli::output::rewrite(path, text.as_bytes())
    } else {
        // Nothing there, or a dangling link (which is replaced).
        crate::cli::output::write_atomic(path, text.as_bytes())
    };
    written.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            return already_exists(path);
        }
        CliError::new(
            format!(
                "cannot write `{}`: {}",
                path.display(),
                briefc::source::io_reason(&e)
            ),
            "choose a folder you can write to",
        )
    })?;
    println!(
        "{} {} — fill it in, then run `briefc check {}`",
        if existing.is_some() {
            "replaced"
        } else {
            "wrote"
        },
        path.display(),
        shell_quote(&path.to_string_lossy())
    );
    Ok(EXIT_OK)
}

fn already_exists(path: &Path) -> CliError {
    CliError::new(
        format!("`{}` already exists", path.display()),
        "choose another name, or add `--force` to replace it with a new brief",
    )
}

/// A `--title` as given, trimmed; one line, not empty.
fn checked_title(title: &str) -> Result<String, CliError> {
    let title = title.trim();
    if title.is_empty() || title.contains(char::is_control) {
        return Err(CliError::new(
            format!("`--title {title:?}` is not a title"),
            "give the video's name on one line, e.g. `--title \"Spring promo teaser\"`",
        ));
    }
    Ok(title.to_string())
}

/// A title made from the file name: `spring-promo.brief` → `Spring Promo`
/// (the placeholder `[Video title]` when the name has no words).
fn title_from(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title: String = stem
        .split(['-', '_'])
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.contains(char::is_control))
        .map(briefc::model::capitalise)
        .collect::<Vec<_>>()
        .join(" ");
    if title.is_empty() {
        ph::TITLE.text.to_string()
    } else {
        title
    }
}

/// The scenes of the skeleton: a hook, a body and a call to action that
/// start at 0:00 and end exactly at `length` (at least [`SHORTEST`]). Hook
/// and call to action take a tenth of the length each, at least 1 s and at
/// most 15 s: 0:00-0:03, 0:03-0:27, 0:27-0:30 for 30 s.
pub(super) fn scene_plan(length: Duration) -> [(Duration, Duration, &'static str); 3] {
    let total = length.seconds.max(SHORTEST.seconds);
    let edge = (total / 10).clamp(1, 15);
    let at = Duration::from_secs;
    [
        (at(0), at(edge), "Hook"),
        (at(edge), at(total - edge), "Body"),
        (at(total - edge), at(total), "Call to action"),
    ]
}

/// The starter brief: every section, in canonical order and spelling (so
/// `briefc fmt` leaves it as it is), with a placeholder wherever the writer
/// has to say something.
pub(super) fn starter(title: &str, stage: Stage, length: Duration) -> String {
    let settings = Settings::default();
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    let p = |p: Placeholder| p.text;
    line(&format!("# {title}"));
    line("");
    line("// Replace every [bracketed] text: `briefc check` points at each one left.");
    line("// Lines that start with // are notes: they never reach the HTML or the PDF.");
    line(&format!("client: {}", p(ph::CLIENT)));
    line(&format!("product: {}", p(ph::PRODUCT)));
    line(&format!("stage: {stage}"));
    line(&format!("length: {}", length.spelling()));
    line("formats: 16:9");
    line(&format!("channels: {}", p(ph::CHANNELS)));
    line(&format!("marketing: {}", p(ph::MARKETING_OWNER)));
    if stage == Stage::Convert {
        line(&format!("sales: {}", p(ph::SALES_OWNER)));
    }
    line("status: draft");
    // The sections of language 1.1 are left for the writer to add when the
    // video needs them (completion in an editor offers them).
    for &kind in SectionKind::ALL.iter().filter(|k| !k.since_1_1()) {
        line("");
        line(&format!("## {}", kind.name()));
        match kind {
            SectionKind::Goal => line(p(ph::GOAL)),
            SectionKind::Audience => line(p(ph::AUDIENCE)),
            SectionKind::KeyMessage => line(p(ph::KEY_MESSAGE)),
            SectionKind::KeyBenefits => {
                // As many as the length carries (`benefits-per-length`).
                let fit = (length.seconds / settings.seconds_per_benefit.max(1)) as usize;
                let benefits = [ph::BENEFIT_1, ph::BENEFIT_2, ph::BENEFIT_3];
                let count = fit.clamp(1, settings.limits.benefits.clamp(1, benefits.len()));
                for benefit in &benefits[..count] {
                    line(&format!("- {}", benefit.text));
                }
            }
            SectionKind::CallToAction => line(p(ph::CALL_TO_ACTION)),
            SectionKind::SuccessMetrics => line(&format!(
                "- {}: {}",
                p(ph::METRIC_NAME),
                p(ph::METRIC_TARGET)
            )),
            SectionKind::Scenes => {
                let [hook, body, end] = scene_plan(length);
                let heading = |(start, end, title): (Duration, Duration, &str)| {
                    format!("### {}-{} {title}", start.timecode(), end.timecode())
                };
                line(&heading(hook));
                line(&format!("Visual: {}", p(ph::HOOK_VISUAL)));
                line("");
                line(&heading(body));
                line(&format!("Visual: {}", p(ph::BODY_VISUAL)));
                // The voiceover goes in the body, the one scene long enough
                // for it in the shortest videos.
                line(&format!("Voiceover: {}", p(ph::VOICEOVER)));
                line("");
                line(&heading(end));
                line(&format!("Visual: {}", p(ph::END_CARD)));
            }
            SectionKind::LookAndFeel => line(p(ph::LOOK_AND_FEEL)),
            SectionKind::Mandatory => line(&format!("- {}", p(ph::MANDATORY))),
            SectionKind::Deliverables => line(&format!("- {}", p(ph::DELIVERABLE))),
            SectionKind::References => line(&format!("- {}", p(ph::REFERENCE))),
            SectionKind::Checklist => {
                line("- [ ] Goal agreed by marketing and sales");
                line("- [ ] Script approved");
                line("- [ ] Final cut approved");
            }
            SectionKind::SignOff => {
                line("// Add the date (YYYY-MM-DD) after each name once signed.");
                line(&format!("- {} (marketing)", p(ph::MARKETING_OWNER)));
                line(&format!("- {} (sales)", p(ph::SALES_OWNER)));
            }
            SectionKind::Notes => line(p(ph::NOTES)),
            SectionKind::Background
            | SectionKind::Avoid
            | SectionKind::Assets
            | SectionKind::Milestones
            | SectionKind::OpenQuestions => {}
        }
    }
    out
}

/// `path` as a shell word that can be pasted into a POSIX shell: as is when
/// it holds only safe characters, else in single quotes. A leading `-`
/// gets `./` so it is not read as a flag.
fn shell_quote(path: &str) -> String {
    let path = if path.starts_with('-') {
        format!("./{path}")
    } else {
        path.to_string()
    };
    let safe = |c: char| c.is_alphanumeric() || "_-./+,:@".contains(c);
    if !path.is_empty() && path.chars().all(safe) {
        return path;
    }
    format!("'{}'", path.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use briefc::config::Config;
    use briefc::model::Date;

    #[test]
    fn scenes_fill_every_length_exactly() {
        for seconds in 3..=3 * 3600 {
            let plan = scene_plan(Duration::from_secs(seconds));
            assert_eq!(plan[0].0.seconds, 0, "{seconds}");
            assert_eq!(plan[2].1.seconds, seconds, "{seconds}");
            for pair in plan.windows(2) {
                assert_eq!(pair[0].1, pair[1].0, "{seconds}");
            }
            assert!(plan.iter().all(|(start, end, _)| start < end), "{seconds}");
        }
        let timecodes = |s| {
            scene_plan(Duration::from_secs(s))
                .map(|(a, b, _)| format!("{}-{}", a.timecode(), b.timecode()))
        };
        assert_eq!(timecodes(30), ["0:00-0:03", "0:03-0:27", "0:27-0:30"]);
        assert_eq!(timecodes(6), ["0:00-0:01", "0:01-0:05", "0:05-0:06"]);
        assert_eq!(timecodes(1200), ["0:00-0:15", "0:15-19:45", "19:45-20:00"]);
        assert_eq!(
            timecodes(3600),
            ["0:00-0:15", "0:15-59:45", "59:45-1:00:00"]
        );
    }

    /// Every stage and every length from 5 s to 20 min (the default range):
    /// nothing but `placeholder` warnings, one per placeholder written, and
    /// the brief is in `briefc fmt`'s canonical form.
    #[test]
    fn starter_checks_clean_but_for_its_placeholders() {
        let config = Config::default();
        let today = Date::parse("2026-11-24").unwrap();
        for &stage in Stage::ALL {
            for seconds in 5..=1200 {
                let length = Duration::from_secs(seconds);
                let text = starter("Spring Promo", stage, length);
                let (brief, diags) = briefc::check_text(&text, &config, today);
                let other: Vec<_> = diags
                    .iter()
                    .filter(|d| d.rule.name() != "placeholder")
                    .collect();
                assert!(other.is_empty(), "{stage} {seconds}s: {other:?}\n{text}");
                assert!(diags.iter().all(|d| d.severity.to_string() == "warning"));
                let written: usize = text
                    .lines()
                    .filter(|l| !l.starts_with("//") && !l.starts_with("- [ ]"))
                    .map(|l| l.matches('[').count())
                    .sum();
                assert_eq!(diags.len(), written, "{stage} {seconds}s\n{text}");
                assert_eq!(brief.header.length.unwrap().value.min, length);
                let sections = SectionKind::ALL.iter().filter(|k| !k.since_1_1());
                assert_eq!(brief.sections.len(), sections.count());
                assert_eq!(brief.header.sales.is_some(), stage == Stage::Convert);
                if seconds % 97 == 0 {
                    assert_eq!(briefc::format::format(&text), text, "{stage} {seconds}s");
                }
            }
        }
    }

    #[test]
    fn every_placeholder_is_written() {
        let mut text = starter("", Stage::Convert, Duration::from_secs(60));
        text.push_str(&title_from(Path::new("-.brief")));
        for p in ph::ALL {
            assert!(text.contains(p.text), "{p:?} is never written");
        }
    }

    #[test]
    fn titles() {
        assert_eq!(
            title_from(Path::new("a/spring-promo.brief")),
            "Spring Promo"
        );
        assert_eq!(title_from(Path::new("q3_launch-v2.brief")), "Q3 Launch V2");
        assert_eq!(title_from(Path::new("_.brief")), "[Video title]");
        assert_eq!(checked_title("  Spring teaser ").unwrap(), "Spring teaser");
        assert!(checked_title(" ").is_err());
        assert!(checked_title("a\n## Goal").is_err());
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(
            shell_quote("briefs/spring-promo.brief"),
            "briefs/spring-promo.brief"
        );
        assert_eq!(shell_quote("Київ.brief"), "Київ.brief");
        assert_eq!(shell_quote("my brief.brief"), "'my brief.brief'");
        assert_eq!(shell_quote("it's.brief"), "'it'\\''s.brief'");
        assert_eq!(shell_quote("$HOME.brief"), "'$HOME.brief'");
        assert_eq!(shell_quote("-x.brief"), "./-x.brief");
    }
}
