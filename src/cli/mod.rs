//! The command line: flag definitions (declared once, with clap derive) and
//! one file per subcommand. This is the only module that prints.

mod args;
pub(crate) mod build;
mod check;
mod color;
mod completions;
mod error;
mod explain;
mod export;
mod fmt;
mod fonts;
mod new;
mod output;
mod progress;
mod report;
mod walk;
mod watch;

pub use args::{Cli, Command, LspArgs};
pub use color::Colors;
pub use error::CliError;

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

/// Exit status: no errors.
pub const EXIT_OK: u8 = 0;
/// Exit status: a brief has errors (or warnings with `--deny-warnings`).
pub const EXIT_BRIEF_ERRORS: u8 = 1;
/// Exit status: the command could not run.
pub const EXIT_CANNOT_RUN: u8 = 2;

/// Parses the arguments, runs the command, and returns the exit status.
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => {
            // Usage errors go to stderr with exit 2, help and version to
            // stdout with 0; `--color` is honoured even though the
            // arguments did not parse.
            let colors = Colors::new(color::choice_in(&args));
            let (color, code) = if err.use_stderr() {
                (colors.stderr, EXIT_CANNOT_RUN)
            } else {
                (colors.stdout, EXIT_OK)
            };
            let text = err.render();
            let text = if color {
                text.ansi().to_string()
            } else {
                text.to_string()
            };
            let _ = if err.use_stderr() {
                let mut out = std::io::stderr().lock();
                out.write_all(text.as_bytes()).and_then(|_| out.flush())
            } else {
                let mut out = std::io::stdout().lock();
                out.write_all(text.as_bytes()).and_then(|_| out.flush())
            };
            return ExitCode::from(code);
        }
    };
    let colors = Colors::new(cli.color);
    let result = match cli.command {
        Command::Check(args) => check::run(args, colors),
        Command::Build(args) => build::run(args, colors),
        Command::Explain(args) => explain::run(args),
        Command::Export(args) => export::run(args, colors),
        Command::Report(args) => report::run(args, colors),
        Command::Fmt(args) => fmt::run(args, colors),
        Command::New(args) => new::run(args),
        Command::Lsp(args) => crate::lsp::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man => completions::man(),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            error::print(&err, colors);
            ExitCode::from(EXIT_CANNOT_RUN)
        }
    }
}

/// Seconds since 1970-01-01 UTC, from the system clock: the one place that
/// reads it (the library below the CLI never does).
pub(crate) fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Today's date in UTC.
pub(crate) fn today() -> briefc::model::Date {
    briefc::model::Date::from_unix_seconds(now_seconds())
}
