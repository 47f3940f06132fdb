//! `briefc check`: find briefs, check them in parallel, report.

use super::Colors;
use super::args::{CheckArgs, CommonArgs, Format};
use super::{CliError, EXIT_BRIEF_ERRORS, EXIT_CANNOT_RUN, EXIT_OK};
use crate::cli::walk::WalkError;
use briefc::config::{Config, ConfigCache};
use briefc::report::{self, FileReport, Totals};
use briefc::stats::Stats;
use briefc::{Checked, check_bytes};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

pub(super) fn run(args: CheckArgs, colors: Colors) -> Result<u8, CliError> {
    if args.watch {
        let paths = args.paths.clone();
        let config = args.common.config.clone();
        return super::watch::watch(&paths, config.as_deref(), colors, move || {
            run_once(&args, colors)
        });
    }
    run_once(&args, colors).map(|(code, _)| code)
}

/// One check of every brief: the exit status and the counts.
fn run_once(args: &CheckArgs, colors: Colors) -> Result<(u8, Totals), CliError> {
    let mut found = crate::cli::walk::find_briefs(&args.paths)?;
    let want_stats = args.stats;
    let results = check_each(&found.briefs, &args.common, |c, config| {
        let stats = want_stats.then(|| Stats::of(&c.brief, config.settings_for(&c.brief)));
        (
            FileReport {
                source: c.source,
                diagnostics: c.diagnostics,
            },
            stats,
        )
    })?;
    // A file named on the command line that cannot be read stops the run
    // before anything is reported; one found in a folder is reported after
    // the briefs that could be read.
    let mut unreadable = std::mem::take(&mut found.unreadable);
    let mut reports = Vec::with_capacity(results.len());
    let mut stats = Vec::new();
    for (path, result) in found.briefs.iter().zip(results) {
        match result {
            Ok(((report, brief_stats), _)) => {
                reports.push(report);
                stats.extend(brief_stats);
            }
            Err(err) if found.is_given(path) => return Err(err.into()),
            Err(err) => unreadable.push(err),
        }
    }
    let totals = Totals::of(&reports);

    let text = match args.format {
        Format::Human => {
            let mut text = report::human(&reports, colors.stdout_style());
            // Asked for, so printed even with --quiet.
            if args.stats {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&report::stats_table(&reports, &stats));
            }
            if !args.quiet {
                if !text.is_empty() {
                    // A blank line between the last diagnostic and the summary.
                    text.push('\n');
                }
                text.push_str(&report::summary(totals));
                if !unreadable.is_empty() {
                    let n = unreadable.len();
                    let files = if n == 1 { "file" } else { "files" };
                    text.push_str(&format!("; {n} {files} could not be read"));
                }
                text.push('\n');
            }
            text
        }
        Format::Json => report::json(&reports, args.stats.then_some(stats.as_slice())),
        format => {
            if args.stats {
                eprint!("{}", report::stats_table(&reports, &stats));
            }
            machine_report(format, &reports)
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`briefc check | head`) is not an error worth a panic.
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
    drop(stdout);
    let cannot_read = !unreadable.is_empty();
    for err in unreadable {
        super::error::print(&err.into(), colors);
    }

    let failed = totals.errors > 0 || (args.deny_warnings && totals.warnings > 0);
    // The process ends right after this: freeing ten thousand sources one by
    // one on the main thread would only delay the exit (a watch goes on).
    if !args.watch {
        std::mem::forget(reports);
    }
    // An unreadable file means the run could not do all it was asked: exit
    // 2, which wins over 1.
    let code = if cannot_read {
        EXIT_CANNOT_RUN
    } else if failed {
        EXIT_BRIEF_ERRORS
    } else {
        EXIT_OK
    };
    Ok((code, totals))
}

/// Reads and checks `files` (in parallel), each with its own config. A file
/// that cannot be read stops the command.
pub(super) fn check_files(
    files: &[PathBuf],
    common: &CommonArgs,
) -> Result<Vec<(Checked, Arc<Config>)>, CliError> {
    check_each(files, common, |checked, _| checked)?
        .into_iter()
        .map(|result| result.map_err(CliError::from))
        .collect()
}

/// One file's outcome: what `keep` made of it and its config, or why it could
/// not be read.
pub(super) type FileResult<T> = Result<(T, Arc<Config>), WalkError>;

/// Reads and checks `files` in parallel, each with its own config, and
/// applies `keep` to each result on the worker thread (so that, say,
/// dropping the typed briefs `check` does not need happens in parallel too).
/// One result per file, in order: a file that cannot be read is an `Err` of
/// its own; a bad config stops everything.
pub(super) fn check_each<T: Send>(
    files: &[PathBuf],
    common: &CommonArgs,
    keep: impl Fn(Checked, &Config) -> T + Sync,
) -> Result<Vec<FileResult<T>>, CliError> {
    let mut cache = match &common.config {
        Some(path) => ConfigCache::forced(Config::load(path)?),
        None => ConfigCache::new(),
    };
    let configs = files
        .iter()
        .map(|f| cache.for_brief(f))
        .collect::<Result<Vec<_>, _>>()?;
    let today = common.today.unwrap_or_else(super::today);
    Ok(files
        .par_iter()
        .zip(configs)
        .map(|(path, config)| {
            let bytes = crate::cli::walk::read_brief(path)?;
            let checked = check_bytes(path.clone(), &bytes, &config, today);
            Ok((keep(checked, &config), config))
        })
        .collect())
}

/// The one-document formats (JSON, GitHub commands, SARIF) of `reports`;
/// `check` and `build` print the same.
pub(super) fn machine_report(format: Format, reports: &[FileReport]) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    match format {
        Format::Human | Format::Json => report::json(reports, None),
        Format::Github => report::github(reports, &cwd),
        Format::Sarif => report::sarif(reports, &cwd),
    }
}
