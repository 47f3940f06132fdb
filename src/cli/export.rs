//! `briefc export FILE --to json|yaml`: the typed model, for other tools.

use super::Colors;
use super::args::{ExportArgs, ExportFormat};
use super::check::check_files;
use super::{CliError, EXIT_BRIEF_ERRORS, EXIT_OK};
use briefc::report::{self, FileReport};
use serde::Serialize;
use std::io::Write;

/// The exported document: a version tag so consumers can tell formats apart.
#[derive(Serialize)]
struct Export<'a> {
    briefc_export: u32,
    file: String,
    brief: &'a briefc::model::Brief,
}

pub(super) fn run(args: ExportArgs, colors: Colors) -> Result<u8, CliError> {
    let mut checked = check_files(std::slice::from_ref(&args.file), &args.common)?;
    let (brief, _) = checked.pop().expect("one file in, one result out");
    if brief.has_errors() {
        let report = FileReport {
            source: brief.source,
            diagnostics: brief.diagnostics,
        };
        eprint!(
            "{}",
            report::human(std::slice::from_ref(&report), colors.stderr_style())
        );
        eprintln!(
            "error: `{}` has errors and was not exported",
            args.file.display()
        );
        return Ok(EXIT_BRIEF_ERRORS);
    }
    let doc = Export {
        briefc_export: 1,
        file: args.file.display().to_string(),
        brief: &brief.brief,
    };
    let text = match args.to {
        ExportFormat::Json => serde_json::to_string_pretty(&doc)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| e.to_string()),
        ExportFormat::Yaml => serde_yaml_ng::to_string(&doc).map_err(|e| e.to_string()),
    }
    .map_err(|e| {
        CliError::new(
            format!("cannot serialise the brief: {e}"),
            "this is a bug in briefc; please report it",
        )
    })?;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
    Ok(EXIT_OK)
}
