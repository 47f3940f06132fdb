//! `briefc report`: find briefs as `check` does, check them in parallel,
//! look for their built outputs, and write one page (or JSON document) over
//! all of them, atomically.
//!
//! The report is written even when briefs have errors (it shows them): the
//! exit status is 0 when it was written, 2 when it could not be (a path
//! given that cannot be read, a bad `briefc.yaml`, an output that cannot be
//! written). A file inside a folder that cannot be read is listed in the
//! report and named on stderr, and the report is still written.

use super::args::{ReportArgs, ReportFormat};
use super::check::check_each;
use super::{CliError, Colors, EXIT_OK};
use briefc::model::Date;
use briefc::pipeline::{self, BriefInput, BriefSummary, Outputs, Pipeline, Unreadable};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

pub(super) fn run(args: ReportArgs, colors: Colors) -> Result<u8, CliError> {
    if args.schema {
        let mut text =
            serde_json::to_string_pretty(&pipeline::schema()).expect("a schema serialises");
        text.push('\n');
        print_stdout(&text);
        return Ok(EXIT_OK);
    }
    let today = match args.common.today {
        Some(date) => date,
        None => Date::from_unix_seconds(super::build::build_timestamp()?),
    };
    let output = Output::of(&args)?;
    let mut found = super::walk::find_briefs(&args.paths)?;
    if let Output::File(path) = &output {
        refuse_overwriting_a_brief(path, &found.briefs)?;
    }
    let builds = args.builds.as_deref().map(checked_builds).transpose()?;
    let links = Links::new(&output, builds);
    let mut common = args.common.clone();
    common.today = Some(today);
    let results = check_each(&found.briefs, &common, |checked, config| {
        let path = checked.source.path();
        BriefSummary::new(
            BriefInput {
                path: path.display().to_string(),
                folder: folder_of(path),
                brief: &checked.brief,
                diagnostics: &checked.diagnostics,
                settings: config.settings_for(&checked.brief),
                outputs: links.outputs_of(path),
            },
            today,
        )
    })?;
    let mut summaries = Vec::with_capacity(results.len());
    let mut unreadable = Vec::new();
    for (path, result) in found.briefs.iter().zip(results) {
        match result {
            Ok((summary, _)) => summaries.push(summary),
            Err(err) if found.is_given(path) => return Err(err.into()),
            Err(err) => unreadable.push(err),
        }
    }
    unreadable.append(&mut found.unreadable);
    let listed = unreadable
        .iter()
        .map(|err| Unreadable {
            path: unreadable_path(err),
            reason: err.to_string(),
        })
        .collect();
    let report = Pipeline::new(summaries, listed, today);
    let bytes = match args.format {
        ReportFormat::Html => pipeline::html(&report, briefc::render::VERSION).map_err(|e| {
            CliError::new(
                format!("cannot render the report: {e}"),
                "this is a bug in briefc; please report it",
            )
        })?,
        ReportFormat::Json => pipeline::json(&report),
    };
    match &output {
        Output::Stdout => print_stdout(&bytes),
        Output::File(path) => super::output::write_atomic(path, bytes.as_bytes())
            .map_err(|e| cannot_write(path, &e))?,
    }
    for err in unreadable {
        let err = CliError::from(err);
        super::error::print(&err, colors);
    }
    if !args.quiet {
        if let Output::File(path) = &output {
            eprintln!("wrote {}", written_line(path, &report));
        }
    }
    Ok(EXIT_OK)
}

/// Where the report goes.
enum Output {
    /// `-o -`.
    Stdout,
    /// A file, replaced atomically.
    File(PathBuf),
}

impl Output {
    /// The output `args` ask for, checked before any brief is read: its
    /// folder must exist and it must not be a folder itself.
    fn of(args: &ReportArgs) -> Result<Output, CliError> {
        let path = match &args.output {
            Some(path) if path.as_os_str() == "-" => return Ok(Output::Stdout),
            Some(path) => path.clone(),
            None => PathBuf::from(match args.format {
                ReportFormat::Html => "report.html",
                ReportFormat::Json => "report.json",
            }),
        };
        if path.is_dir() {
            return Err(CliError::new(
                format!("cannot write `{}`: it is a folder", path.display()),
                format!(
                    "name a file, e.g. `-o {}`",
                    path.join(default_name(args.format)).display()
                ),
            ));
        }
        let folder = parent_folder(&path);
        if !folder.is_dir() {
            return Err(CliError::new(
                format!(
                    "cannot write `{}`: the folder `{}` does not exist",
                    path.display(),
                    folder.display()
                ),
                format!(
                    "create it first (`mkdir -p {}`), or choose another file with `-o FILE`",
                    folder.display()
                ),
            ));
        }
        Ok(Output::File(path))
    }
}

fn default_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Html => "report.html",
        ReportFormat::Json => "report.json",
    }
}

/// The folder a file is written into (`.` for a bare name).
fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `-o a.brief` would replace a brief with the report.
fn refuse_overwriting_a_brief(output: &Path, briefs: &[PathBuf]) -> Result<(), CliError> {
    let Ok(target) = std::fs::canonicalize(output) else {
        // It does not exist yet, so it is no brief.
        return Ok(());
    };
    // Only a brief of the same name can be the same file: ten thousand
    // briefs are not resolved one by one to find out.
    let is_brief = output.extension().is_some_and(|e| e == "brief")
        || briefs
            .iter()
            .filter(|b| b.file_name() == target.file_name())
            .any(|b| std::fs::canonicalize(b).is_ok_and(|b| b == target));
    if is_brief {
        return Err(CliError::new(
            format!(
                "`{}` is a brief: the report would replace it",
                output.display()
            ),
            "write the report elsewhere, e.g. `-o report.html`",
        ));
    }
    Ok(())
}

fn checked_builds(dir: &Path) -> Result<PathBuf, CliError> {
    if dir.is_dir() {
        return Ok(dir.to_path_buf());
    }
    let what = if dir.exists() {
        "is not a folder"
    } else {
        "does not exist"
    };
    Err(CliError::new(
        format!("`--builds {}` {what}", dir.display()),
        "give the folder `briefc build -o DIR` wrote to, or leave --builds out to link outputs next to each brief",
    ))
}

/// `a/b` for `a/b/c.brief`, `.` for `c.brief`.
fn folder_of(path: &Path) -> String {
    parent_folder(path).display().to_string()
}

/// The path an unreadable file is listed under.
fn unreadable_path(err: &super::walk::WalkError) -> String {
    use super::walk::WalkError;
    match err {
        WalkError::Unreadable { path, .. }
        | WalkError::DanglingLink { path, .. }
        | WalkError::TooLarge { path, .. }
        | WalkError::LinkLoop(path)
        | WalkError::NoBriefs(path) => path.display().to_string(),
    }
}

/// Finds a brief's built outputs and links them relative to the report.
struct Links {
    /// The report's folder, resolved; `None` when it cannot be (then no
    /// output is linked).
    base: Option<PathBuf>,
    builds: Option<PathBuf>,
}

impl Links {
    fn new(output: &Output, builds: Option<PathBuf>) -> Links {
        let folder = match output {
            Output::Stdout => Path::new("."),
            Output::File(path) => parent_folder(path),
        };
        Links {
            base: std::fs::canonicalize(folder).ok(),
            builds,
        }
    }

    /// The HTML and PDF of `brief` that exist: in `--builds DIR` first (as
    /// `briefc build -o DIR` names them), else next to the brief.
    fn outputs_of(&self, brief: &Path) -> Outputs {
        let find = |ext: &str| {
            let name = super::build::output_name(brief, ext);
            let beside = parent_folder(brief).join(&name);
            let candidates = self.builds.iter().map(|d| d.join(&name)).chain([beside]);
            candidates
                .filter(|c| c.is_file())
                .find_map(|c| self.link(&c))
        };
        Outputs {
            html: find("html"),
            pdf: find("pdf"),
        }
    }

    /// `file` as a URL path relative to the report's folder.
    fn link(&self, file: &Path) -> Option<String> {
        let base = self.base.as_ref()?;
        let target = std::fs::canonicalize(file).ok()?;
        Some(relative_url(base, &target))
    }
}

/// The URL path from the folder `base` to `target` (both absolute and
/// resolved), each segment percent-encoded: `../out/a%20b.html`.
fn relative_url(base: &Path, target: &Path) -> String {
    let base: Vec<Component> = base.components().collect();
    let target: Vec<Component> = target.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let ups = std::iter::repeat_n("..".to_string(), base.len() - common);
    let downs = target[common..]
        .iter()
        .map(|c| percent_encode(c.as_os_str().as_encoded_bytes()));
    ups.chain(downs).collect::<Vec<_>>().join("/")
}

/// A path segment with every byte but the unreserved ones (RFC 3986:
/// letters, digits, `-._~`) percent-encoded, so `#`, `?`, `%` and spaces in
/// a file name stay part of it.
fn percent_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `report.html: 37 briefs; 2 past due, 1 no sales owner`.
fn written_line(path: &Path, report: &Pipeline) -> String {
    let n = report.totals.briefs;
    let mut line = format!(
        "{}: {n} {}",
        path.display(),
        if n == 1 { "brief" } else { "briefs" }
    );
    let raised: Vec<String> = report
        .signals
        .iter()
        .filter(|s| s.count > 0)
        .map(|s| format!("{} {}", s.count, s.signal.tag()))
        .collect();
    if !raised.is_empty() {
        line.push_str("; ");
        line.push_str(&raised.join(", "));
    }
    line
}

/// The error for a report that could not be written, with the fix.
fn cannot_write(path: &Path, err: &std::io::Error) -> CliError {
    use std::io::ErrorKind::*;
    let help = match err.kind() {
        StorageFull | QuotaExceeded => {
            "the disk is full: free some space, or write the report elsewhere with `-o FILE`"
        }
        _ => {
            "check that the folder is writable, or write the report elsewhere with `-o FILE` (`-o -`: standard output)"
        }
    };
    CliError::new(
        format!(
            "cannot write `{}`: {}",
            path.display(),
            briefc::source::io_reason(err)
        ),
        help,
    )
}

fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_and_encoded() {
        let url = |base: &str, target: &str| relative_url(Path::new(base), Path::new(target));
        assert_eq!(url("/r", "/r/a.html"), "a.html");
        assert_eq!(
            url("/r/out", "/r/briefs/a b#1.html"),
            "../briefs/a%20b%231.html"
        );
        assert_eq!(url("/r", "/r/x/y/é.pdf"), "x/y/%C3%A9.pdf");
        assert_eq!(url("/", "/a.html"), "a.html");
    }
}
