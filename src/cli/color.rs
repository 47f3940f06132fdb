//! The one place that decides whether output is coloured: `--color
//! auto|always|never`, `NO_COLOR`, and whether the stream is a terminal.
//! Everything that prints (reports, exit-2 errors, usage errors) asks
//! [`Colors`], decided once per run.

use super::args::ColorChoice;
use briefc::report::HumanStyle;
use clap::ValueEnum;
use std::ffi::OsString;
use std::io::IsTerminal;

/// Whether to colour each output stream.
#[derive(Clone, Copy, Debug)]
pub struct Colors {
    /// Standard output.
    pub stdout: bool,
    /// Standard error.
    pub stderr: bool,
}

impl Colors {
    /// The decision for this process: `always` and `never` are obeyed as
    /// they are; `auto` colours a stream that is a terminal, unless
    /// `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
    pub fn new(choice: ColorChoice) -> Colors {
        Colors {
            stdout: decide(choice, || std::io::stdout().is_terminal()),
            stderr: decide(choice, || std::io::stderr().is_terminal()),
        }
    }

    /// The human report's style for standard output.
    pub fn stdout_style(self) -> HumanStyle {
        style(self.stdout)
    }

    /// The human report's style for standard error.
    pub fn stderr_style(self) -> HumanStyle {
        style(self.stderr)
    }
}

fn decide(choice: ColorChoice, terminal: impl FnOnce() -> bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            !no_color && terminal()
        }
    }
}

fn style(color: bool) -> HumanStyle {
    HumanStyle {
        color,
        ..HumanStyle::default()
    }
}

/// The `--color` value in raw arguments, for printing a usage error (when
/// the arguments did not parse). `auto` when absent or not understood.
pub fn choice_in(args: &[OsString]) -> ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--color" => args.next(),
            other => other.strip_prefix("--color=").map(|v| v.to_string().into()),
        };
        if let Some(parsed) = value.and_then(|v| ColorChoice::from_str(&v, true).ok()) {
            choice = parsed;
        }
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn finds_the_flag_in_raw_arguments() {
        assert_eq!(choice_in(&args(&["briefc", "check"])), ColorChoice::Auto);
        assert_eq!(
            choice_in(&args(&["briefc", "check", "--color", "never", "--bad"])),
            ColorChoice::Never
        );
        assert_eq!(
            choice_in(&args(&["briefc", "--color=always", "check"])),
            ColorChoice::Always
        );
        assert_eq!(
            choice_in(&args(&["briefc", "check", "--", "--color=always"])),
            ColorChoice::Auto
        );
    }

    #[test]
    fn flags_win_over_the_environment() {
        assert!(decide(ColorChoice::Always, || false));
        assert!(!decide(ColorChoice::Never, || true));
        assert!(!decide(ColorChoice::Auto, || false));
    }
}
