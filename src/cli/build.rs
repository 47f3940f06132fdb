//! `briefc build`: check, then compile clean briefs to HTML and PDF.
//!
//! Both outputs of a brief are rendered in memory before either is written,
//! and each is written atomically, so a failure never leaves a half-written
//! file or a new HTML beside a stale PDF.

use super::Colors;
use super::args::{BuildArgs, Format, PageArg};
use super::check::check_files;
use super::progress::{self, Progress};
use super::{CliError, EXIT_BRIEF_ERRORS, EXIT_OK};
use briefc::config::{Config, PageSize};
use briefc::diagnostic::{Diagnostic, Rule};
use briefc::render::html::Templates;
use briefc::render::{FontSource, Logo, RenderOptions, pdf};
use briefc::report::{self, FileReport, Totals};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub(super) fn run(args: BuildArgs, colors: Colors) -> Result<u8, CliError> {
    if args.watch {
        let paths = args.files.clone();
        let config = args.common.config.clone();
        return super::watch::watch(&paths, config.as_deref(), colors, move || {
            run_once(&args, colors)
        });
    }
    run_once(&args, colors).map(|(code, _)| code)
}

/// One build of every brief: the exit status and the diagnostics' counts.
fn run_once(args: &BuildArgs, colors: Colors) -> Result<(u8, Totals), CliError> {
    let (want_html, want_pdf) = if args.html || args.pdf {
        (args.html, args.pdf)
    } else {
        (true, true)
    };
    for file in &args.files {
        if file.is_dir() {
            return Err(CliError::new(
                format!("`{}` is a folder", file.display()),
                "`briefc build` takes brief files, e.g. `briefc build briefs/*.brief`",
            ));
        }
    }
    // The same brief twice (`a.brief ./a.brief`) is built once.
    let files = dedup_by_canonical_path(&args.files);
    let timestamp = build_timestamp()?;
    let checked = check_files(&files, &args.common)?;
    refuse_overwriting_inputs(args, &files, &checked, want_html, want_pdf)?;
    // Two briefs named alike would overwrite each other's outputs.
    let mut planned: HashMap<PathBuf, &PathBuf> = HashMap::new();
    for file in &files {
        let stem = output_folder(&args.out_dir, file).join(output_stem(file));
        let key = landing(&stem).unwrap_or_else(|| stem.clone());
        if let Some(first) = planned.insert(key, file) {
            return Err(CliError::new(
                format!(
                    "`{}` and `{}` would both be written to `{}.html`/`.pdf`",
                    first.display(),
                    file.display(),
                    stem.display()
                ),
                "build them one at a time with different `-o` folders, or rename one",
            ));
        }
    }
    let style = colors.stdout_style();
    let mut overrides: HashMap<PathBuf, Templates> = HashMap::new();
    let mut status = EXIT_OK;
    let mut written = Vec::new();
    let mut reports = Vec::new();
    let mut totals = Totals::default();
    // The SVG (or GIF, WebP) logo warning is given once per run.
    let mut warned_logo = false;
    let progress = Progress::new(
        checked.len(),
        !args.watch && progress::wanted(checked.len(), args.quiet),
        colors.stderr,
    );

    for (mut brief, config) in checked {
        progress.start(brief.source.path());
        if want_pdf {
            let fonts = font_source(&config)?;
            brief.diagnostics.extend(font_warnings(
                &brief.source.text,
                &brief.brief,
                &config,
                fonts,
            ));
        }
        // With `--deny-warnings` a warning stops the brief like an error.
        let real_errors = brief.has_errors();
        let has_errors = real_errors || (args.deny_warnings && !brief.diagnostics.is_empty());
        let path = brief.source.path().to_path_buf();
        let report = FileReport {
            source: brief.source,
            diagnostics: brief.diagnostics,
        };
        let counted = Totals::of(std::slice::from_ref(&report));
        totals.files += 1;
        totals.errors += counted.errors;
        totals.warnings += counted.warnings;
        if args.format == Format::Human {
            if !report.diagnostics.is_empty() {
                progress
                    .suspend(|| print_stdout(&report::human(std::slice::from_ref(&report), style)));
            }
        } else {
            reports.push(report);
        }
        if has_errors {
            status = EXIT_BRIEF_ERRORS;
            let what = if !real_errors {
                "warnings (--deny-warnings)"
            } else {
                "errors"
            };
            progress.suspend(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "error: `{}` has {what} and was not compiled; earlier outputs are untouched",
                    path.display()
                );
            });
            progress.advance();
            continue;
        }

        let mut options = render_options(&config, args.page, timestamp, want_html, want_pdf)?;
        options.speaking_rate_wpm = config.settings_for(&brief.brief).speaking_rate_wpm;
        if want_pdf
            && !warned_logo
            && let Some(file) = &config.brand.logo
            && !pdf_takes_logo(file)
        {
            warned_logo = true;
            let kind = file
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("image")
                .to_ascii_lowercase();
            progress.suspend(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "warning: the PDF shows no logo: `{}` is {} {} file, which briefc cannot draw into a PDF (the HTML shows it)\n  help: point `brand.logo` at a PNG or JPEG version to have it in the PDF too",
                    file.display(),
                    if kind == "svg" { "an" } else { "a" },
                    kind.to_uppercase()
                );
            });
        }
        // `--templates` is the user's word; `templates:` in a briefc.yaml
        // (perhaps from someone else's repository) stays inside its project.
        let (dir, confine) = match &args.templates {
            Some(dir) => (Some(dir), None),
            None => (config.templates.as_ref(), project_root(&config)),
        };
        let templates = match dir {
            Some(dir) => {
                if !overrides.contains_key(dir) {
                    let (templates, with_scripts) = load_templates(dir, confine.as_deref())?;
                    overrides.insert(dir.clone(), templates);
                    for file in with_scripts {
                        progress.suspend(|| {
                            let _ = writeln!(
                                std::io::stderr(),
                                "warning: the template `{}` holds a <script>, which will not run: the page's Content-Security-Policy allows no script\n  help: a brief's page is a document for reading and printing; take the script out",
                                file.display()
                            );
                        });
                    }
                }
                Some(&overrides[dir])
            }
            // Parsed on first use: a PDF-only build never parses them.
            None => None,
        };

        let out_dir = output_dir(&args.out_dir, path.as_path())?;
        // The two outputs are independent: rendered side by side.
        let (html, pdf) = rayon::join(
            || {
                want_html.then(|| {
                    let templates: &Templates = match templates {
                        Some(overridden) => overridden,
                        None => Templates::builtin(),
                    };
                    templates.render(&brief.brief, &options)
                })
            },
            || want_pdf.then(|| pdf::render(&brief.brief, &options)),
        );
        let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        if let Some(html) = html {
            let html = html.map_err(template_error)?;
            outputs.push((out_dir.join(output_name(&path, "html")), html.into_bytes()));
        }
        if let Some(bytes) = pdf {
            let bytes = bytes.map_err(|e| {
                let help = if e.starts_with("the brand logo") {
                    "export the logo again as PNG or JPEG from your design tool, or remove `brand.logo` from briefc.yaml"
                } else {
                    "this is a bug in briefc; please report it with the brief"
                };
                CliError::new(
                    format!(
                        "cannot render the PDF of `{}`: {e}",
                        path.as_path().display()
                    ),
                    help,
                )
            })?;
            outputs.push((out_dir.join(output_name(&path, "pdf")), bytes));
        }
        crate::cli::output::write_all_atomic(&outputs)
            .map_err(|(path, e)| write_error(&path, &e))?;
        written.extend(outputs.into_iter().map(|(path, _)| path));
        progress.advance();
    }
    drop(progress);
    if args.format != Format::Human {
        print_stdout(&super::check::machine_report(args.format, &reports));
    }
    if !args.quiet && !written.is_empty() {
        let list: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        let line = format!("wrote {}\n", list.join(", "));
        if args.format == Format::Human {
            print_stdout(&line);
        } else {
            let _ = std::io::stderr().write_all(line.as_bytes());
        }
    }
    Ok((status, totals))
}

/// The error for an output that could not be written, with the fix that
/// fits the cause.
fn write_error(path: &Path, err: &std::io::Error) -> CliError {
    use std::io::ErrorKind::*;
    let help = match err.kind() {
        IsADirectory => format!(
            "`{}` is a folder: move it away, or write the outputs elsewhere with `-o DIR`",
            path.display()
        ),
        StorageFull | QuotaExceeded => {
            "the disk is full: free some space, or write the outputs elsewhere with `-o DIR`; \
             the earlier outputs are untouched"
                .into()
        }
        _ => "check that the output folder is writable, or choose another with `-o DIR`; \
              the earlier outputs are untouched"
            .into(),
    };
    let reason = match err.kind() {
        IsADirectory => "it is a folder".into(),
        _ => briefc::source::io_reason(err),
    };
    CliError::new(format!("cannot write `{}`: {reason}", path.display()), help)
}

fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

/// `SOURCE_DATE_EPOCH` when set, else the start of today (UTC), so that two
/// builds on the same day give the same bytes.
pub(crate) fn build_timestamp() -> Result<i64, CliError> {
    // Set but empty counts as unset, as in other reproducible-build tools.
    match std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        Some(value) => value
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|s| (0..253_402_300_800).contains(s))
            .ok_or_else(|| {
                CliError::new(
                    format!(
                        "SOURCE_DATE_EPOCH is `{value}`, not a number of seconds since 1970-01-01"
                    ),
                    "set it to whole seconds, e.g. `SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)`",
                )
            }),
        None => {
            let now = super::now_seconds();
            Ok(now - now.rem_euclid(86_400))
        }
    }
}

fn render_options(
    config: &Config,
    page: Option<PageArg>,
    timestamp: i64,
    want_html: bool,
    want_pdf: bool,
) -> Result<RenderOptions, CliError> {
    // The HTML shows any logo, the PDF a PNG or JPEG one: a PDF-only build
    // reads no file it would not use.
    let logo = match &config.brand.logo {
        Some(path) if want_html || pdf_takes_logo(path) => {
            Some(read_logo(path, project_root(config).as_deref())?)
        }
        _ => None,
    };
    let page = match page {
        Some(PageArg::A4) => PageSize::A4,
        Some(PageArg::Letter) => PageSize::Letter,
        None => config.page,
    };
    Ok(RenderOptions {
        brand: config.brand.clone(),
        logo,
        page,
        timestamp,
        fonts: if want_pdf {
            Some(font_source(config)?)
        } else {
            None
        },
        labels: config.labels.clone(),
        ..RenderOptions::default()
    })
}

/// Where the PDF of a brief under `config` finds fonts beyond its own: the
/// `fonts:` folder (which must exist and stay inside the project), then the
/// machine's fonts. Nothing is read until a character needs it.
fn font_source(config: &Config) -> Result<Arc<dyn FontSource>, CliError> {
    if let Some(dir) = &config.fonts {
        if let Some(root) = project_root(config) {
            inside_project(dir, &root, "fonts")?;
        }
        if !dir.is_dir() {
            return Err(CliError::new(
                format!("the fonts folder `{}` does not exist", dir.display()),
                "check `fonts:` in briefc.yaml (a folder of .ttf, .otf or .ttc files, relative to briefc.yaml)",
            ));
        }
    }
    Ok(super::fonts::for_folder(config.fonts.as_deref()))
}

/// The folder holding the `briefc.yaml` of `config` (its project), which
/// the paths it names must stay inside; `None` for the built-in defaults.
pub(crate) fn project_root(config: &Config) -> Option<PathBuf> {
    let file = config.path.as_deref()?;
    Some(match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    })
}

/// Refuses `path`, named by `key` in briefc.yaml, when it leads outside
/// `root` through `..` or a symbolic link. A path that does not exist is
/// left to the reading, which says so.
fn inside_project(path: &Path, root: &Path, key: &str) -> Result<(), CliError> {
    let (Ok(real), Ok(real_root)) = (std::fs::canonicalize(path), std::fs::canonicalize(root))
    else {
        return Ok(());
    };
    if real.starts_with(&real_root) {
        return Ok(());
    }
    let flag = if key == "templates" {
        "pass the folder with `--templates DIR`"
    } else if key == "fonts" {
        "copy the fonts into the project"
    } else {
        "copy the file into the project"
    };
    Err(CliError::new(
        format!(
            "`{key}` in briefc.yaml leads outside its folder: `{}` is `{}`",
            path.display(),
            real.display()
        ),
        format!(
            "briefc.yaml may only name files inside its own folder (`{}`); if you trust it, {flag}",
            root.display()
        ),
    ))
}

/// Whether the PDF shows a logo file of this type (PNG or JPEG, by its
/// extension, which [`read_logo`] checks against the content).
fn pdf_takes_logo(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    ["png", "jpg", "jpeg"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
}

/// Reads the brand logo at `path`; with `confine`, only from inside that
/// folder (see [`inside_project`]).
pub(crate) fn read_logo(path: &Path, confine: Option<&Path>) -> Result<Logo, CliError> {
    if let Some(root) = confine {
        inside_project(path, root, "brand.logo")?;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mime = match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => {
            return Err(CliError::new(
                format!(
                    "the brand logo `{}` is not a PNG, JPEG, SVG, GIF or WebP file",
                    path.display()
                ),
                "point `brand.logo` in briefc.yaml at an image file",
            ));
        }
    };
    let bytes = std::fs::read(path).map_err(|e| {
        CliError::new(
            format!(
                "cannot read the brand logo `{}`: {}",
                path.display(),
                briefc::source::io_reason(&e)
            ),
            "`brand.logo` in briefc.yaml is relative to the folder of briefc.yaml",
        )
    })?;
    // The extension promises a format; the first bytes must keep the promise.
    let head = &bytes[..bytes.len().min(512)];
    let matches = match mime {
        "image/png" => head.starts_with(b"\x89PNG\r\n\x1a\n"),
        "image/jpeg" => head.starts_with(b"\xFF\xD8\xFF"),
        "image/gif" => head.starts_with(b"GIF8"),
        "image/webp" => head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP",
        _ => String::from_utf8_lossy(head).contains("<svg"),
    };
    if !matches {
        return Err(CliError::new(
            format!(
                "the brand logo `{}` is not a valid {} file",
                path.display(),
                ext.to_uppercase()
            ),
            "export the logo again from your design tool, or fix its file extension",
        ));
    }
    Ok(Logo { mime, bytes })
}

/// The folder `brief`'s outputs go to: `-o DIR`, else the brief's folder
/// (empty for the working directory).
fn output_folder(out_dir: &Option<PathBuf>, brief: &Path) -> PathBuf {
    match out_dir {
        Some(dir) => dir.clone(),
        None => brief.parent().map(Path::to_path_buf).unwrap_or_default(),
    }
}

/// The outputs' name without extension: the brief's name without its own
/// (as the file system spells it, even when it is not UTF-8).
pub(crate) fn output_stem(brief: &Path) -> std::ffi::OsString {
    brief
        .file_stem()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_else(|| "brief".into())
}

/// The output's file name: the brief's name with the extension `ext`.
pub(crate) fn output_name(brief: &Path, ext: &str) -> std::ffi::OsString {
    let mut name = output_stem(brief);
    name.push(".");
    name.push(ext);
    name
}

/// The file that writing `path` replaces: its folder resolved (symbolic
/// links, `.` and `..`) joined with its name. `None` when the folder does not
/// exist yet, so nothing can be there to replace.
fn landing(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(name))
}

/// `files` without repeats of one file under another spelling, first
/// spelling kept, order kept.
fn dedup_by_canonical_path(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    files
        .iter()
        .filter(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| (*f).clone())))
        .cloned()
        .collect()
}

/// Refuses (exit 2, before anything is written) to write an output over one
/// of the build's inputs: a brief given on the command line (`x.html` built
/// next to itself), a template override, the config file or the brand logo.
/// Paths are compared after canonicalisation, so `./a.html`, `sub/../a.html`
/// and a symbolic link to the file are all the same input.
fn refuse_overwriting_inputs(
    args: &BuildArgs,
    files: &[PathBuf],
    checked: &[(briefc::Checked, std::sync::Arc<Config>)],
    want_html: bool,
    want_pdf: bool,
) -> Result<(), CliError> {
    let mut inputs: Vec<(PathBuf, &str)> = files.iter().map(|f| (f.clone(), "the brief")).collect();
    for (_, config) in checked {
        inputs.extend(config.path.clone().map(|p| (p, "the config file")));
        if want_html {
            inputs.extend(config.brand.logo.clone().map(|p| (p, "the brand logo")));
            if let Some(dir) = args.templates.as_ref().or(config.templates.as_ref()) {
                for (name, _) in briefc::render::html::BUILTIN_TEMPLATES {
                    inputs.push((dir.join(name), "the template"));
                }
            }
        }
    }
    // Each input by where it is listed and by what it resolves to: writing
    // over either would change what the input holds.
    let mut known: HashMap<PathBuf, (&Path, &str)> = HashMap::new();
    for (path, what) in &inputs {
        if path.symlink_metadata().is_err() {
            continue;
        }
        for key in [landing(path), std::fs::canonicalize(path).ok()]
            .into_iter()
            .flatten()
        {
            known.entry(key).or_insert((path, what));
        }
    }
    let extensions = [("html", want_html), ("pdf", want_pdf)];
    for file in files {
        let dir = output_folder(&args.out_dir, file);
        for (ext, _) in extensions.iter().filter(|(_, wanted)| *wanted) {
            let output = dir.join(output_name(file, ext));
            let Some((input, what)) = landing(&output).and_then(|key| known.get(&key)) else {
                continue;
            };
            let itself = *input == file.as_path()
                || std::fs::canonicalize(input).ok() == std::fs::canonicalize(file).ok();
            let (what, help) = if *what == "the brief" && itself {
                (
                    "the brief itself".to_string(),
                    format!(
                        "rename the brief to `{}.brief`, or write the outputs to another folder with `-o DIR`",
                        output_stem(file).to_string_lossy()
                    ),
                )
            } else {
                (
                    format!("{what} `{}`", input.display()),
                    "write the outputs to another folder with `-o DIR`".to_string(),
                )
            };
            return Err(CliError::new(
                format!(
                    "`{}` would be compiled to `{}`, which is {what}; briefc never writes over its inputs, so nothing was written",
                    file.display(),
                    output.display()
                ),
                help,
            ));
        }
    }
    Ok(())
}

fn output_dir(out_dir: &Option<PathBuf>, brief: &Path) -> Result<PathBuf, CliError> {
    let dir = output_folder(out_dir, brief);
    // An empty folder is the working directory: write `a.html`, not `./a.html`.
    if dir.as_os_str().is_empty() {
        return Ok(dir);
    }
    std::fs::create_dir_all(&dir).map_err(|e| {
        CliError::new(
            format!(
                "cannot create the output folder `{}`: {}",
                dir.display(),
                briefc::source::io_reason(&e)
            ),
            "choose a folder you can write to with `-o DIR`",
        )
    })?;
    Ok(dir)
}

fn template_error(err: briefc::render::html::TemplateError) -> CliError {
    match &err.path {
        Some(dir) if dir.is_dir() => CliError::new(
            format!(
                "a template in `{}` failed: {}",
                dir.display(),
                err.message.trim_start_matches("error: ")
            ),
            "fix the template, or remove it to use the built-in one",
        ),
        Some(path) => CliError::new(
            format!(
                "template `{}` is broken: {}",
                path.display(),
                err.message.trim_start_matches("error: ")
            ),
            "fix the template, or remove it to use the built-in one",
        ),
        None => CliError::new(
            format!(
                "a template failed: {}",
                err.message.trim_start_matches("error: ")
            ),
            "check your template overrides",
        ),
    }
}

/// `missing-glyph` diagnostics for characters the PDF fonts cannot show, at
/// the severity the config gives the rule (none when it is `off`). They are
/// found only when building, after `check_text` has applied the config to
/// the other rules, so the config is applied here.
fn font_warnings(
    source: &str,
    brief: &briefc::model::Brief,
    config: &Config,
    fonts: Arc<dyn FontSource>,
) -> Vec<Diagnostic> {
    let Some(severity) = config.severity(Rule::MissingGlyph) else {
        return Vec::new();
    };
    let mut found: Vec<Diagnostic> = pdf::missing_glyphs(source, Some(fonts.clone()))
        .into_iter()
        .map(|line| {
            let c = line.chars[0];
            let shown = |c: char| format!("`{c}` (U+{:04X})", c as u32);
            let message = match (line.chars.len(), line.occurrences) {
                (1, 1) => format!(
                    "no font has a glyph for {}; it will show as \"\u{FFFD}\" in the PDF",
                    shown(c)
                ),
                (1, n) => format!(
                    "no font has a glyph for {}, here and {} more time{} on this line; it will show as \"\u{FFFD}\" in the PDF",
                    shown(c),
                    n - 1,
                    if n == 2 { "" } else { "s" }
                ),
                (distinct, n) => format!(
                    "no font has a glyph for {} and {} other character{} on this line ({n} in all); they will show as \"\u{FFFD}\" in the PDF",
                    shown(c),
                    distinct - 1,
                    if distinct == 2 { "" } else { "s" }
                ),
            };
            let script = pdf::script_name(c);
            let package = font_package(script);
            let help = format!(
                "neither the built-in font (DejaVu Sans) nor a font on this machine has {script} characters; install one (on Debian or Ubuntu: `apt install {package}`) or put a .ttf/.otf file that has {} in the folder `fonts:` names in briefc.yaml, and build again; the HTML shows {} already",
                if line.chars.len() == 1 { "it" } else { "them" },
                if line.chars.len() == 1 { "it" } else { "them" },
            );
            Diagnostic {
                rule: Rule::MissingGlyph,
                severity,
                message,
                span: line.first,
                help: Some(help),
                related: None,
            }
        })
        .collect();
    // The labels the PDF prints in the brief's language (`language: ja`
    // over a brief written in English, say) need their font too.
    if let Some(language) = &brief.header.language {
        let labels = briefc::labels::Labels::resolve(Some(&language.value), &config.labels);
        let text: String = labels.to_map().into_values().collect::<Vec<_>>().join("\n");
        if let Some(line) = pdf::missing_glyphs(&text, Some(fonts)).first() {
            let script = pdf::script_name(line.chars[0]);
            let package = font_package(script);
            found.push(Diagnostic {
                rule: Rule::MissingGlyph,
                severity,
                message: format!(
                    "no font has the {script} characters of the `{}` labels; the PDF's labels will show as \"\u{FFFD}\"",
                    language.value
                ),
                span: language.span,
                help: Some(format!(
                    "install a font that has them (on Debian or Ubuntu: `apt install {package}`) or put one in the folder `fonts:` names in briefc.yaml, and build again; the HTML shows them already"
                )),
                related: None,
            });
        }
    }
    found
}

/// The Debian package with fonts for `script` (a [`pdf::script_name`]).
fn font_package(script: &str) -> &'static str {
    match script {
        "Chinese, Japanese and Korean" | "Japanese" | "Korean" => "fonts-noto-cjk",
        "emoji and symbol" => "fonts-symbola",
        _ => "fonts-noto-core",
    }
}

/// The built-in templates with the overrides found in `dir`: the files are
/// read here, so rendering does no I/O. With `confine`, the folder and
/// every file read must be inside that folder (see [`inside_project`]).
/// Also returns the override files that hold a `<script>` (any case),
/// which the page's Content-Security-Policy keeps from running.
pub(crate) fn load_templates(
    dir: &Path,
    confine: Option<&Path>,
) -> Result<(Templates, Vec<PathBuf>), CliError> {
    if let Some(root) = confine {
        inside_project(dir, root, "templates")?;
    }
    if !dir.is_dir() {
        return Err(CliError::new(
            format!("the templates folder `{}` does not exist", dir.display()),
            "check `--templates` or `templates:` in briefc.yaml (relative to briefc.yaml)",
        ));
    }
    let mut overrides = Vec::new();
    for (name, _) in briefc::render::html::BUILTIN_TEMPLATES {
        let path = dir.join(name);
        if !path.is_file() {
            continue;
        }
        if let Some(root) = confine {
            inside_project(&path, root, "templates")?;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            CliError::new(
                format!(
                    "cannot read the template `{}`: {}",
                    path.display(),
                    briefc::source::io_reason(&e)
                ),
                "check that the file exists, is readable and is UTF-8 text",
            )
        })?;
        overrides.push((*name, path, text));
    }
    let with_scripts = overrides
        .iter()
        .filter(|(_, _, text)| text.to_ascii_lowercase().contains("<script"))
        .map(|(_, path, _)| path.clone())
        .collect();
    let templates = Templates::with_overrides(dir, &overrides).map_err(template_error)?;
    Ok((templates, with_scripts))
}
