//! `briefc fmt [--check] PATH...`: canonical spelling, written atomically.

use super::args::FmtArgs;
use super::{CliError, EXIT_BRIEF_ERRORS, EXIT_OK};
use crate::report::{self, FileReport, HumanStyle};
use crate::source::SourceFile;
use std::io::{Read, Write};
use std::path::PathBuf;

pub(super) fn run(args: FmtArgs) -> Result<u8, CliError> {
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            return Err(CliError::new(
                "`-` (standard input) cannot be mixed with paths",
                "run `briefc fmt -` on its own",
            ));
        }
        return stdin(args.check);
    }
    let files = crate::walk::find_briefs(&args.paths)?;
    let (mut changed, mut failed) = (Vec::new(), false);
    for path in &files {
        let bytes = std::fs::read(path).map_err(|e| {
            CliError::new(
                format!("cannot read `{}`: {}", path.display(), crate::io_reason(&e)),
                "check that the file exists and is readable",
            )
        })?;
        let Some((formatted, bom)) = formatted(path.clone(), &bytes) else {
            failed = true;
            continue;
        };
        let mut out = Vec::with_capacity(formatted.len() + 3);
        if bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        out.extend_from_slice(formatted.as_bytes());
        if out == bytes {
            continue;
        }
        if !args.check {
            crate::output::write_atomic(path, &out).map_err(|e| {
                CliError::new(
                    format!(
                        "cannot write `{}`: {}",
                        path.display(),
                        crate::io_reason(&e)
                    ),
                    "check that the file is writable",
                )
            })?;
        }
        changed.push(path.clone());
    }
    let mut stdout = std::io::stdout().lock();
    if args.check {
        for path in &changed {
            let _ = writeln!(stdout, "would reformat {}", path.display());
        }
    } else if !args.quiet {
        let _ = writeln!(
            stdout,
            "formatted {} of {} brief{}",
            changed.len(),
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
    }
    Ok(if failed || (args.check && !changed.is_empty()) {
        EXIT_BRIEF_ERRORS
    } else {
        EXIT_OK
    })
}

/// The formatted text and whether the file had a BOM, or `None` (with the
/// diagnostic printed) when the bytes are not a text brief.
fn formatted(path: PathBuf, bytes: &[u8]) -> Option<(String, bool)> {
    let (source, problem) = SourceFile::decode(path, bytes);
    if let Some(diag) = problem {
        let report = FileReport {
            source,
            diagnostics: vec![diag],
        };
        eprint!(
            "{}",
            report::human(std::slice::from_ref(&report), HumanStyle::default())
        );
        return None;
    }
    Some((
        crate::format::format(&source.text),
        bytes.starts_with(b"\xEF\xBB\xBF"),
    ))
}

fn stdin(check: bool) -> Result<u8, CliError> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
        CliError::new(
            format!("cannot read standard input: {}", crate::io_reason(&e)),
            "pipe a brief into `briefc fmt -`",
        )
    })?;
    let Some((text, _)) = formatted(PathBuf::from("<stdin>"), &bytes) else {
        return Ok(EXIT_BRIEF_ERRORS);
    };
    if check {
        return Ok(if text.as_bytes() == bytes {
            EXIT_OK
        } else {
            EXIT_BRIEF_ERRORS
        });
    }
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
    Ok(EXIT_OK)
}
