//! `--watch` for `check` and `build`: run once, then again whenever a brief
//! or a `briefc.yaml` that applies to one is saved — under the watched
//! paths, in a folder above them (the lookup goes upward), or the file
//! `--config` names — until Ctrl-C.
//!
//! Folders are watched (a brief's own folder for a file), not the files
//! themselves, so editors that save by writing a new file and renaming it
//! over the old one keep working. Events are debounced (a save is often
//! several events), and an error in one run is printed and the watch goes on.

use super::{CliError, Colors, EXIT_OK};
use briefc::report::Totals;
use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a burst of events may last before it counts as one save.
const DEBOUNCE: Duration = Duration::from_millis(30);

enum Wake {
    Changed(Vec<PathBuf>),
    Failed(String),
    Stop,
}

/// Runs `once` now and after every relevant save under `paths` (or of
/// `config`, or of a `briefc.yaml` above them); returns 0 on Ctrl-C.
pub(super) fn watch(
    paths: &[PathBuf],
    config: Option<&Path>,
    colors: Colors,
    mut once: impl FnMut() -> Result<(u8, Totals), CliError>,
) -> Result<u8, CliError> {
    let (tx, rx) = mpsc::channel::<Wake>();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    })
    .map_err(|e| {
        CliError::new(
            format!("cannot watch for Ctrl-C: {e}"),
            "run without --watch",
        )
    })?;
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |res: DebounceEventResult| {
        let wake = match res {
            // Reading a file is an event too (ours, on every run): only
            // writes, creations, renames and removals count as a save.
            Ok(events) => Wake::Changed(
                events
                    .into_iter()
                    .filter(|e| !e.kind.is_access() && !e.kind.is_other())
                    .flat_map(|e| e.event.paths)
                    .collect(),
            ),
            Err(errors) => Wake::Failed(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        };
        let _ = tx.send(wake);
    })
    .map_err(|e| CliError::new(format!("cannot watch files: {e}"), "run without --watch"))?;
    // The given files, to rebuild only on their own saves; folders take any brief.
    let mut files = Vec::new();
    for path in paths {
        let (target, mode) = if path.is_dir() {
            (path.clone(), RecursiveMode::Recursive)
        } else {
            files.push(absolute(path));
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
            (
                folder.unwrap_or(Path::new(".")).to_path_buf(),
                RecursiveMode::NonRecursive,
            )
        };
        debouncer.watch(&target, mode).map_err(|e| {
            CliError::new(
                format!("cannot watch `{}`: {e}", target.display()),
                "check that the folder exists and is readable",
            )
        })?;
    }
    // A `briefc.yaml` in a folder above applies too, as does `--config`:
    // their folders are watched, for those files only. A folder that
    // cannot be watched (no permission) is left out.
    let mut above: BTreeSet<PathBuf> = BTreeSet::new();
    for path in paths {
        let path = absolute(path);
        let first = if path.is_dir() {
            path.parent()
        } else {
            path.parent().and_then(Path::parent)
        };
        above.extend(
            first
                .into_iter()
                .flat_map(Path::ancestors)
                .map(Path::to_path_buf),
        );
    }
    let config = config.map(absolute);
    above.extend(
        config
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf),
    );
    for dir in &above {
        let _ = debouncer.watch(dir, RecursiveMode::NonRecursive);
    }
    let any_folder = paths.iter().any(|p| p.is_dir());
    // What each file held when a save of it last started a run.
    let mut seen: HashMap<PathBuf, Option<u64>> = HashMap::new();
    report(once(), "started", colors);
    loop {
        match rx.recv() {
            Ok(Wake::Stop) | Err(_) => return Ok(EXIT_OK),
            Ok(Wake::Failed(message)) => {
                let _ = writeln!(std::io::stderr(), "warning: watching: {message}");
            }
            Ok(Wake::Changed(changed)) => {
                let relevant: Vec<&PathBuf> = changed
                    .iter()
                    .filter(|p| {
                        is_config(p)
                            || config.as_deref() == Some(absolute(p).as_path())
                            || (is_brief(p) && (any_folder || files.contains(&absolute(p))))
                    })
                    .collect();
                if relevant.is_empty() {
                    continue;
                }
                // A save that leaves every file as the last run saw it (an
                // editor writing twice, a busy machine splitting one save
                // into two bursts of events, a `touch`) does not run again.
                let mut any_new = false;
                for path in &relevant {
                    let now = std::fs::read(path).ok().map(|bytes| content_key(&bytes));
                    if seen.insert(absolute(path), now) != Some(now) {
                        any_new = true;
                    }
                }
                if !any_new {
                    continue;
                }
                let names: Vec<String> = relevant
                    .iter()
                    .filter_map(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .collect();
                let start = Instant::now();
                let result = once();
                report(
                    result,
                    &format!(
                        "{} changed, {} ms",
                        names.join(", "),
                        start.elapsed().as_millis()
                    ),
                    colors,
                );
            }
        }
    }
}

/// The one-line status after a run: the time (UTC), what happened, the counts.
fn report(result: Result<(u8, Totals), CliError>, what: &str, colors: Colors) {
    let now = super::now_seconds().rem_euclid(86_400);
    let clock = format!("{:02}:{:02}:{:02}", now / 3600, now / 60 % 60, now % 60);
    match result {
        Ok((_, totals)) => {
            let errors = plural(totals.errors, "error");
            let warnings = plural(totals.warnings, "warning");
            let _ = writeln!(
                std::io::stderr(),
                "[{clock} UTC] {what}: {errors}, {warnings}; watching (Ctrl-C to stop)"
            );
        }
        Err(err) => {
            super::error::print(&err, colors);
            let _ = writeln!(
                std::io::stderr(),
                "[{clock} UTC] {what}: could not run; watching (Ctrl-C to stop)"
            );
        }
    }
}

/// A key for comparing a file's contents between saves (within one run of
/// briefc only).
fn content_key(bytes: &[u8]) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn is_brief(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "brief")
}

fn is_config(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "briefc.yaml")
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
