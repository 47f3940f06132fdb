//! `briefc check`: find briefs, check them in parallel, report.

use super::args::{CheckArgs, ColorChoice, CommonArgs, Format};
use super::{CliError, EXIT_BRIEF_ERRORS, EXIT_OK};
use crate::config::{Config, ConfigCache};
use crate::report::{self, FileReport, HumanStyle, Totals};
use crate::{Checked, check_bytes};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

pub(super) fn run(args: CheckArgs) -> Result<u8, CliError> {
    let files = crate::walk::find_briefs(&args.paths)?;
    let checked = check_files_with(&files, &args.common, |c| FileReport {
        source: c.source,
        diagnostics: c.diagnostics,
    })?;
    let reports: Vec<FileReport> = checked.into_iter().map(|(report, _)| report).collect();
    let totals = Totals::of(&reports);

    let text = match args.format {
        Format::Human => {
            let mut text = report::human(&reports, human_style(args.common.color));
            if !args.quiet {
                if !text.is_empty() {
                    // A blank line between the last diagnostic and the summary.
                    text.push('\n');
                }
                text.push_str(&report::summary(totals));
                text.push('\n');
            }
            text
        }
        Format::Json => report::json(&reports),
        Format::Github => report::github(&reports, &std::env::current_dir().unwrap_or_default()),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`briefc check | head`) is not an error worth a panic.
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());

    let failed = totals.errors > 0 || (args.deny_warnings && totals.warnings > 0);
    // The process ends right after this: freeing ten thousand sources one by
    // one on the main thread would only delay the exit.
    std::mem::forget(reports);
    Ok(if failed { EXIT_BRIEF_ERRORS } else { EXIT_OK })
}

/// The human report's style for stdout.
pub(super) fn human_style(color: ColorChoice) -> HumanStyle {
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    HumanStyle {
        color,
        ..HumanStyle::default()
    }
}

/// Reads and checks `files` (in parallel), each with its own config.
pub(super) fn check_files(
    files: &[PathBuf],
    common: &CommonArgs,
) -> Result<Vec<(Checked, Arc<Config>)>, CliError> {
    check_files_with(files, common, |checked| checked)
}

/// Reads and checks `files` in parallel, each with its own config, and
/// applies `keep` to each result on the worker thread (so that, say,
/// dropping the typed briefs `check` does not need happens in parallel too).
pub(super) fn check_files_with<T: Send>(
    files: &[PathBuf],
    common: &CommonArgs,
    keep: impl Fn(Checked) -> T + Sync,
) -> Result<Vec<(T, Arc<Config>)>, CliError> {
    let mut cache = match &common.config {
        Some(path) => ConfigCache::forced(Config::load(path)?),
        None => ConfigCache::new(),
    };
    let configs = files
        .iter()
        .map(|f| cache.for_brief(f))
        .collect::<Result<Vec<_>, _>>()?;
    let today = common.today.unwrap_or_else(super::today);
    files
        .par_iter()
        .zip(configs)
        .map(|(path, config)| {
            let bytes = std::fs::read(path).map_err(|e| {
                CliError::new(
                    format!("cannot read `{}`: {}", path.display(), crate::io_reason(&e)),
                    "check that the file exists and is readable",
                )
            })?;
            Ok((
                keep(check_bytes(path.clone(), &bytes, &config, today)),
                config,
            ))
        })
        .collect()
}
