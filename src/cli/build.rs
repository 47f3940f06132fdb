//! `briefc build`: check, then compile clean briefs to HTML and PDF.

use super::CliError;
use super::args::BuildArgs;

pub(super) fn run(_args: BuildArgs) -> Result<u8, CliError> {
    Err(CliError::new(
        "`briefc build` is not available in this version",
        "use `briefc check`",
    ))
}
