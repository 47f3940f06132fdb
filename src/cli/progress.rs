//! The progress bar of `briefc build` over many briefs: drawn on a terminal
//! only, never into a CI log or a pipe, and gone when the build ends.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;

/// Whether a bar may be drawn for `count` briefs: more than one, not
/// `--quiet`, standard error a terminal, and not a CI run (`CI` set), whose
/// log would keep every frame.
pub fn wanted(count: usize, quiet: bool) -> bool {
    count > 1 && !quiet && std::env::var_os("CI").is_none() && std::io::stderr().is_terminal()
}

/// A bar over the briefs of one build, or nothing when none is wanted.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar for `count` briefs when `show` (coloured when `color`), else a no-op.
    pub fn new(count: usize, show: bool, color: bool) -> Progress {
        if !show {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(Some(count as u64), ProgressDrawTarget::stderr());
        let template = if color {
            "building {bar:30.cyan/blue} {pos}/{len} {wide_msg}"
        } else {
            "building [{bar:30}] {pos}/{len} {wide_msg}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress(Some(bar))
    }

    /// Shows that `brief` is being built.
    pub fn start(&self, brief: &Path) {
        if let Some(bar) = &self.0 {
            bar.set_message(brief.display().to_string());
        }
    }

    /// Counts one brief done.
    pub fn advance(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Runs `print` with the bar hidden, so printed lines are not torn by it.
    pub fn suspend<R>(&self, print: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }
}

impl Drop for Progress {
    /// The bar is cleared whether the build ends well or stops on an error.
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
