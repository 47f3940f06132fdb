//! `briefc export FILE --to json|yaml`: the typed model, for other tools;
//! `briefc export --schema`: the JSON Schema of what it prints.

use super::Colors;
use super::args::{ExportArgs, ExportFormat};
use super::check::check_files;
use super::{CliError, EXIT_BRIEF_ERRORS, EXIT_OK};
use briefc::export::{self, Document};
use briefc::report::{self, FileReport};
use serde::Serialize;
use std::io::Write;

pub(super) fn run(args: ExportArgs, colors: Colors) -> Result<u8, CliError> {
    if args.schema {
        print(&export::schema(), args.to)?;
        return Ok(EXIT_OK);
    }
    // clap requires FILE unless `--schema` is given.
    let Some(file) = args.file else {
        return Err(CliError::new(
            "no brief to export",
            "give a FILE, or --schema for the schema",
        ));
    };
    let mut checked = check_files(std::slice::from_ref(&file), &args.common)?;
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
            file.display()
        );
        return Ok(EXIT_BRIEF_ERRORS);
    }
    let doc = Document::new(file.display().to_string(), &brief.brief);
    print(&doc, args.to)?;
    Ok(EXIT_OK)
}

/// Prints `value` as pretty JSON or as YAML.
fn print(value: &impl Serialize, to: ExportFormat) -> Result<(), CliError> {
    let text = match to {
        ExportFormat::Json => serde_json::to_string_pretty(value)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| e.to_string()),
        ExportFormat::Yaml => serde_yaml_ng::to_string(value).map_err(|e| e.to_string()),
    }
    .map_err(|e| {
        CliError::new(
            format!("cannot serialise the export: {e}"),
            "this is a bug in briefc; please report it",
        )
    })?;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
    Ok(())
}
