//! `briefc fmt [--check | --diff] [PATH...]`: canonical spelling, written
//! atomically.
//!
//! A byte order mark is kept: a file that starts with one is written back
//! with one, and standard input is treated the same way, so `fmt --check -`
//! and `fmt --check FILE` give the same verdict on the same bytes.

use super::Colors;
use super::args::FmtArgs;
use super::{CliError, EXIT_BRIEF_ERRORS, EXIT_CANNOT_RUN, EXIT_OK};
use briefc::report::{self, FileReport};
use briefc::source::{BOM_UTF8, SourceFile};
use std::io::{Read, Write};
use std::path::Path;

/// What `fmt` does with a brief that would change.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Rewrite it.
    Write,
    /// Name it (`--check`).
    Check,
    /// Print a unified diff (`--diff`, which implies `--check`).
    Diff,
}

pub(super) fn run(args: FmtArgs, colors: Colors) -> Result<u8, CliError> {
    let mode = if args.diff {
        Mode::Diff
    } else if args.check {
        Mode::Check
    } else {
        Mode::Write
    };
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            return Err(CliError::new(
                "`-` (standard input) cannot be mixed with paths",
                "run `briefc fmt -` on its own",
            ));
        }
        return stdin(mode, colors);
    }
    let found = crate::cli::walk::find_briefs(&args.paths)?;
    let files = &found.briefs;
    let mut unreadable = Vec::new();
    let (mut changed, mut failed) = (0, false);
    let mut stdout = std::io::stdout().lock();
    for path in files {
        // As in `check`: a file named on the command line that cannot be
        // read stops the run; one found in a folder is reported at the end.
        let bytes = match crate::cli::walk::read_brief(path) {
            Ok(bytes) => bytes,
            Err(e) if found.is_given(path) => return Err(e.into()),
            Err(e) => {
                unreadable.push(e);
                continue;
            }
        };
        let Some(result) = Formatted::of(path, &bytes, colors) else {
            failed = true;
            continue;
        };
        if !result.changed() {
            continue;
        }
        changed += 1;
        match mode {
            Mode::Write => {
                // Through a symbolic link to its target, keeping the mode.
                crate::cli::output::rewrite(path, &result.bytes()).map_err(|e| {
                    CliError::new(
                        format!(
                            "cannot write `{}`: {}",
                            path.display(),
                            briefc::source::io_reason(&e)
                        ),
                        "check that the file is writable",
                    )
                })?;
            }
            Mode::Check => {
                let _ = writeln!(stdout, "would reformat {}", path.display());
            }
            Mode::Diff => {
                let _ = stdout.write_all(result.diff(&path.display().to_string()).as_bytes());
            }
        }
    }
    if mode == Mode::Write && !args.quiet {
        let _ = writeln!(
            stdout,
            "formatted {} of {} brief{}",
            changed,
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
    }
    let _ = stdout.flush();
    drop(stdout);
    let cannot_read = !(unreadable.is_empty() && found.unreadable.is_empty());
    for err in found.unreadable.into_iter().chain(unreadable) {
        super::error::print(&err.into(), colors);
    }
    Ok(if cannot_read {
        EXIT_CANNOT_RUN
    } else if failed || (mode != Mode::Write && changed > 0) {
        EXIT_BRIEF_ERRORS
    } else {
        EXIT_OK
    })
}

/// A brief before and after formatting.
struct Formatted {
    /// The decoded text (without the BOM).
    old: String,
    /// The canonical text (without the BOM).
    new: String,
    /// Whether the bytes started with a BOM (kept in the output).
    bom: bool,
}

impl Formatted {
    /// Formats `bytes`, or returns `None` (with the diagnostic printed) when
    /// they are not a text brief.
    fn of(path: &Path, bytes: &[u8], colors: Colors) -> Option<Formatted> {
        let (source, problem) = SourceFile::decode(path, bytes);
        if let Some(diag) = problem {
            let report = FileReport {
                source,
                diagnostics: vec![diag],
            };
            eprint!(
                "{}",
                report::human(std::slice::from_ref(&report), colors.stderr_style())
            );
            return None;
        }
        Some(Formatted {
            new: briefc::format::format(&source.text),
            old: source.text.to_string(),
            bom: bytes.starts_with(BOM_UTF8),
        })
    }

    fn changed(&self) -> bool {
        self.old != self.new
    }

    /// The bytes to write: the canonical text, after the BOM if there was one.
    fn bytes(&self) -> Vec<u8> {
        let bom = if self.bom { BOM_UTF8 } else { b"" };
        [bom, self.new.as_bytes()].concat()
    }

    /// A unified diff with `--- a/NAME` and `+++ b/NAME` headers.
    fn diff(&self, name: &str) -> String {
        similar::TextDiff::from_lines(&self.old, &self.new)
            .unified_diff()
            .header(&format!("a/{name}"), &format!("b/{name}"))
            .to_string()
    }
}

fn stdin(mode: Mode, colors: Colors) -> Result<u8, CliError> {
    const NAME: &str = "<stdin>";
    let mut bytes = Vec::new();
    let limit = briefc::source::MAX_BRIEF_BYTES;
    std::io::stdin()
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            CliError::new(
                format!(
                    "cannot read standard input: {}",
                    briefc::source::io_reason(&e)
                ),
                "pipe a brief into `briefc fmt -`",
            )
        })?;
    if bytes.len() > limit {
        return Err(CliError::new(
            format!(
                "cannot read standard input: {}",
                briefc::source::over_limit(None, limit, "briefs").replacen("the file", "it", 1)
            ),
            "a brief is a few kilobytes of text: check that this is what you meant to pipe",
        ));
    }
    let Some(result) = Formatted::of(Path::new(NAME), &bytes, colors) else {
        return Ok(EXIT_BRIEF_ERRORS);
    };
    let mut out = std::io::stdout().lock();
    let written = match mode {
        Mode::Write => out.write_all(&result.bytes()),
        Mode::Check if result.changed() => writeln!(out, "would reformat {NAME}"),
        Mode::Diff if result.changed() => out.write_all(result.diff(NAME).as_bytes()),
        Mode::Check | Mode::Diff => Ok(()),
    };
    let _ = written.and_then(|_| out.flush());
    Ok(if mode != Mode::Write && result.changed() {
        EXIT_BRIEF_ERRORS
    } else {
        EXIT_OK
    })
}
