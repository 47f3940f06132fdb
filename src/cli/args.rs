//! Every flag, declared once. Help text comes from these doc comments.

use briefc::model::{DURATION_FORMS, Date, Duration, Stage};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// briefc — compile video briefs: check them in CI, build them into HTML and PDF.
#[derive(Debug, Parser)]
#[command(name = "briefc", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// When to colour the output (`auto`: on a terminal, unless `NO_COLOR` is set).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorChoice::Auto,
        value_name = "WHEN"
    )]
    pub color: ColorChoice,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check briefs and report problems (exit 0: clean, 1: errors, 2: could not run).
    Check(CheckArgs),
    /// Compile briefs into a standalone HTML page and a paginated PDF.
    Build(BuildArgs),
    /// Explain a rule: what it checks, why, and an example (no rule: list every rule).
    Explain(ExplainArgs),
    /// Rewrite briefs in canonical spelling, keeping every comment and line break.
    Fmt(FmtArgs),
    /// Print a brief's typed model as JSON or YAML, for other tools.
    Export(ExportArgs),
    /// Write one HTML page (or JSON) over every brief: a table, charts and
    /// the alignment signals marketing and sales discuss.
    Report(ReportArgs),
    /// Start a new brief: every section, placeholders to fill in, scenes that fit the length.
    New(NewArgs),
    /// Run the language server (LSP over standard input and output) for editors.
    Lsp(LspArgs),
    /// Print a shell completion script (subcommands, flags, formats, rule names).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `briefc man > ~/.local/share/man/man1/briefc.1`.
    Man,
}

/// `briefc lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted and ignored: the server always speaks over standard input and
    /// output (some editor clients pass this flag).
    #[arg(long)]
    pub stdio: bool,

    /// Log to standard error how long each check took (what a slow editor
    /// session is diagnosed with; the editor shows it in its LSP log).
    #[arg(long)]
    pub log_timing: bool,

    #[command(flatten)]
    pub common: CommonArgs,
}

/// `briefc completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `briefc fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files and folders to format (`-`: read standard input, write standard output).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Change nothing; list the briefs that would change and exit 1 if any would.
    #[arg(long)]
    pub check: bool,

    /// Change nothing; print a unified diff of what would change and exit 1 if
    /// anything would (implies --check).
    #[arg(long)]
    pub diff: bool,

    /// Print nothing but problems.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `briefc export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The brief to export.
    #[arg(value_name = "FILE", required_unless_present = "schema")]
    pub file: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub to: ExportFormat,

    /// Print the JSON Schema (draft 2020-12) of the export document instead of exporting a brief.
    #[arg(long, conflicts_with = "file")]
    pub schema: bool,

    #[command(flatten)]
    pub common: CommonArgs,
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Pretty-printed JSON.
    Json,
    /// YAML.
    Yaml,
}

/// `briefc new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write the brief, e.g. `briefs/spring-promo.brief`. Never overwritten without --force.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The video's title (default: made from the file name, `spring-promo` → `Spring Promo`).
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,

    /// The buying-journey stage; `convert` adds a `sales:` owner, as convert content needs one.
    #[arg(
        long,
        value_name = "STAGE",
        default_value = "engage",
        ignore_case = true,
        value_parser = PossibleValuesParser::new(Stage::ALL.iter().map(|s| s.name()))
            .map(|s| Stage::parse(&s).expect("a possible value is a stage"))
    )]
    pub stage: Stage,

    /// The video's length, e.g. `30s`, `2m`, `1m30s` or `1:30`; the scenes (hook, body,
    /// call to action) add up to it exactly.
    #[arg(long, value_name = "LENGTH", default_value = "60s", value_parser = parse_length)]
    pub length: Duration,

    /// Replace FILE if it exists (atomically, like an editor saving it).
    #[arg(long)]
    pub force: bool,
}

/// `briefc report`.
#[derive(Clone, Debug, Args)]
pub struct ReportArgs {
    /// Files and folders to report on; folders are searched for `*.brief`,
    /// honouring `.gitignore` (as `check` does).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Where to write the report (`-`: standard output; default:
    /// `report.html`, or `report.json` with `--format json`). Links to built
    /// outputs are relative to its folder.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,

    /// Folder where `briefc build -o DIR` wrote the HTML and PDF outputs,
    /// looked in before the brief's own folder for links to them.
    #[arg(long, value_name = "DIR")]
    pub builds: Option<PathBuf>,

    /// Print the JSON Schema (draft 2020-12) of `--format json` instead of
    /// writing a report.
    #[arg(long, conflicts_with_all = ["output", "builds"])]
    pub schema: bool,

    /// Print nothing but problems (no `wrote …` line).
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub common: CommonArgs,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One standalone page: signals, charts, a sortable table.
    Html,
    /// One JSON document, for dashboards (`--schema` describes it).
    Json,
}

/// Options shared by the commands that check briefs.
#[derive(Clone, Debug, Args)]
pub struct CommonArgs {
    /// Use this config file instead of looking up `briefc.yaml` from each brief's folder.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The date `due-in-past` compares against (default: today's date, UTC;
    /// for `report`, the date of `SOURCE_DATE_EPOCH` when it is set).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,
}

/// `briefc check`.
#[derive(Clone, Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to check; folders are searched for `*.brief`, honouring `.gitignore`.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Print only diagnostics: no summary line.
    #[arg(short, long)]
    pub quiet: bool,

    /// Check again whenever a brief or a `briefc.yaml` under PATH is saved,
    /// until Ctrl-C.
    #[arg(long)]
    pub watch: bool,

    /// Also print each brief's running time: the stated length, the number
    /// of scenes and their total, and the voiceover time at the speaking
    /// rate, with totals across the files (with `--format json`: a `stats`
    /// object; with `github` or `sarif`: the table, on stderr).
    #[arg(long)]
    pub stats: bool,

    #[command(flatten)]
    pub common: CommonArgs,
}

/// `briefc build`.
#[derive(Clone, Debug, Args)]
pub struct BuildArgs {
    /// The briefs to compile.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Write HTML (with neither --html nor --pdf, both are written).
    #[arg(long)]
    pub html: bool,

    /// Write PDF (with neither --html nor --pdf, both are written).
    #[arg(long)]
    pub pdf: bool,

    /// Folder for the outputs (default: next to each brief). Created if missing.
    #[arg(short = 'o', long = "out-dir", value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Folder of template overrides (e.g. `brief.html`), over the config's `templates:`.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// PDF page size, over the config's `page:`.
    #[arg(long, value_enum)]
    pub page: Option<PageArg>,

    /// How to print the briefs' diagnostics (the list of written files goes
    /// to stderr with a machine format, so stdout stays one document).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Treat warnings as errors: a brief with warnings is not compiled, and
    /// the run exits 1.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Build again whenever one of the briefs or a `briefc.yaml` beside them
    /// is saved, until Ctrl-C.
    #[arg(long)]
    pub watch: bool,

    /// Print nothing but problems.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub common: CommonArgs,
}

/// `briefc explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule, e.g. `too-many-items` (without one, every rule is listed).
    #[arg(value_name = "RULE", value_parser = RuleName, hide_possible_values = true)]
    pub rule: Option<String>,

    /// List every rule with its default severity (the same as giving no rule).
    #[arg(long, conflicts_with = "rule")]
    pub list: bool,
}

/// Diagnostic output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Graphical report with source snippets, for people.
    Human,
    /// One JSON document on stdout, for tools.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When the stream is a terminal and `NO_COLOR` is not set (or empty).
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// PDF page sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PageArg {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

/// The value parser of a rule name: offers every rule of
/// [`briefc::diagnostic::Rule::ALL`] to shell completion, and accepts any
/// text, so that `briefc explain` itself reports an unknown rule with
/// "did you mean".
#[derive(Clone, Copy, Debug)]
pub struct RuleName;

impl clap::builder::TypedValueParser for RuleName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(briefc::diagnostic::Rule::ALL.iter().map(|rule| {
            clap::builder::PossibleValue::new(rule.name()).help(rule.summary())
        })))
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text)
        .ok_or_else(|| format!("`{text}` is not a date: write YYYY-MM-DD, e.g. 2026-11-24"))
}

fn parse_length(text: &str) -> Result<Duration, String> {
    let shortest = super::new::SHORTEST;
    match Duration::parse(text) {
        Some(length) if length >= shortest => Ok(length),
        Some(length) => Err(format!(
            "{length} is too short for a hook, a body and a call to action: give at least `{}`",
            shortest.spelling()
        )),
        None => Err(match Duration::suggest(text).filter(|d| *d >= shortest) {
            Some(meant) => format!(
                "`{text}` is not a length: did you mean `{}`? Write {DURATION_FORMS}",
                meant.spelling()
            ),
            None => format!("`{text}` is not a length: write {DURATION_FORMS}"),
        }),
    }
}
