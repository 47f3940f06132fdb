//! Errors that stop a command (exit 2), and how they are printed.

use super::Colors;
use briefc::config::ConfigError;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use std::fmt;
use std::io::Write;

/// Why a command could not run.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A plain message with an optional help line.
    #[error("{message}")]
    Message {
        /// What went wrong.
        message: String,
        /// How to fix it.
        help: Option<String>,
    },
    /// A bad `briefc.yaml`.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

impl CliError {
    /// An error with a help line.
    pub fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        CliError::Message {
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

impl From<crate::cli::walk::WalkError> for CliError {
    fn from(err: crate::cli::walk::WalkError) -> Self {
        let help = match &err {
            crate::cli::walk::WalkError::Unreadable { .. } => {
                "check that the path exists and is readable"
            }
            crate::cli::walk::WalkError::DanglingLink { .. } => {
                "point the link at an existing brief, or remove it"
            }
            crate::cli::walk::WalkError::LinkLoop(_) => "point the link at a brief, or remove it",
            crate::cli::walk::WalkError::TooLarge { .. } => {
                "a brief is a few kilobytes of text: check that this is the file you meant, or split it"
            }
            crate::cli::walk::WalkError::NoBriefs(_) => {
                "briefs are files ending in `.brief`; files listed in .gitignore are skipped"
            }
        };
        CliError::new(err.to_string(), help)
    }
}

/// Prints `err` to stderr: `error: …` and `help: …`, with a source snippet
/// for config errors; coloured as `colors` decided for stderr.
pub fn print(err: &CliError, colors: Colors) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_all(render(err, colors.stderr).as_bytes())
        .and_then(|_| stderr.flush());
}

/// Renders `err` as printed by [`print`].
pub fn render(err: &CliError, color: bool) -> String {
    match err {
        CliError::Message { message, help } => {
            // Coloured like miette's reports: a red `error`, a cyan `help`.
            let (error, help_label) = if color {
                ("\x1b[1;31merror\x1b[0m", "\x1b[36mhelp\x1b[0m")
            } else {
                ("error", "help")
            };
            let mut out = format!("{error}: {message}\n");
            if let Some(help) = help {
                out.push_str(&format!("  {help_label}: {help}\n"));
            }
            out
        }
        CliError::Config(config) => {
            let Some(text) = &config.text else {
                return render(
                    &CliError::Message {
                        message: config.to_string(),
                        help: config.help.clone(),
                    },
                    color,
                );
            };
            let theme = if color {
                GraphicalTheme::unicode()
            } else {
                GraphicalTheme::unicode_nocolor()
            };
            let item = ConfigReport {
                err: config,
                source: NamedSource::new(config.path.display().to_string(), text.clone()),
            };
            let mut out = String::new();
            if GraphicalReportHandler::new_themed(theme)
                .with_links(false)
                .render_report(&mut out, &item)
                .is_err()
            {
                out = format!("error: {config}\n");
            }
            out
        }
    }
}

struct ConfigReport<'a> {
    err: &'a ConfigError,
    source: NamedSource<String>,
}

impl fmt::Debug for ConfigReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for ConfigReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: invalid config: {}", self.err.message)
    }
}

impl std::error::Error for ConfigReport<'_> {}

impl miette::Diagnostic for ConfigReport<'_> {
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.err
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let text = self.source.inner();
        let start = self.err.offset.min(text.len());
        let len = text[start..]
            .find(['\n', ':'])
            .unwrap_or(text.len() - start);
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some("here".into()),
                SourceSpan::from(start..start + len),
            ),
        )))
    }
}
