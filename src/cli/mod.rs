//! The command line: flag definitions (declared once, with clap derive) and
//! one file per subcommand. This is the only module that prints.

mod args;
mod build;
mod check;
mod error;
mod explain;
mod export;
mod fmt;
mod new;

pub use args::{Cli, Command};
pub use error::CliError;

use clap::Parser;
use std::process::ExitCode;

/// Exit status: no errors.
pub const EXIT_OK: u8 = 0;
/// Exit status: a brief has errors (or warnings with `--deny-warnings`).
pub const EXIT_BRIEF_ERRORS: u8 = 1;
/// Exit status: the command could not run.
pub const EXIT_CANNOT_RUN: u8 = 2;

/// Parses the arguments, runs the command, and returns the exit status.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints usage errors with exit 2, help and version with 0.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                EXIT_CANNOT_RUN
            } else {
                EXIT_OK
            });
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Build(args) => build::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Export(args) => export::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::New(args) => new::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            error::print(&err);
            ExitCode::from(EXIT_CANNOT_RUN)
        }
    }
}

/// Seconds since 1970-01-01 UTC, from the system clock: the one place that
/// reads it (the library below the CLI never does).
fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Today's date in UTC.
fn today() -> crate::model::Date {
    crate::model::Date::from_unix_seconds(now_seconds())
}
