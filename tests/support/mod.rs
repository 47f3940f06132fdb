//! A small builder for end-to-end tests of the `briefc` binary, in the style
//! of `just`'s test suite: lay files out in a temporary folder, run the real
//! binary there, and assert on the exit status, stdout and stderr.
//!
//! ```ignore
//! Brief::new()
//!     .file("a.brief", CLEAN)
//!     .file("briefc.yaml", "rules: {scene-gap: off}\n")
//!     .args(["check", "--format", "json"])
//!     .run()
//!     .code(0)
//!     .no_diagnostics();
//! ```
//!
//! It also holds the helpers every test file would otherwise copy: the
//! repository root, `briefc` as an `assert_cmd` command ([`briefc_in`]), the
//! external tools that look at outputs as a person would (`pdftotext`,
//! `pdfinfo`, `qpdf`, Chromium: present, or a skip that is a failure under
//! `CI`), and a way to make `chmod 000` bite even for root ([`Brief::unprivileged`]).
//!
//! Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use serde_json::Value;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The date every test passes as `--today`, so `due-in-past` is reproducible.
pub const TODAY: &str = "2026-11-24";

/// The `SOURCE_DATE_EPOCH` that [`briefc_in`] sets: 2026-09-21 14:13:20 UTC.
pub const EPOCH: &str = "1790000000";

/// The UTC date of [`EPOCH`], as the outputs print it.
pub const EPOCH_DATE: &str = "2026-09-21";

/// The UTC date (`YYYY-MM-DD`) of `seconds` since 1970-01-01, computed
/// here (Howard Hinnant's `civil_from_days`) rather than by the crate under test.
pub fn utc_date(seconds: i64) -> String {
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Today's UTC date, from the system clock.
pub fn utc_today() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970");
    utc_date(i64::try_from(now.as_secs()).expect("seconds fit in i64"))
}

/// [`TODAY`] as a date.
pub fn today() -> briefc::model::Date {
    briefc::model::Date::parse(TODAY).expect("TODAY is a date")
}

/// Checks `text` as the file `name` under the default config on [`TODAY`].
pub fn check_text(name: &str, text: &str) -> briefc::Checked {
    briefc::check_bytes(
        name,
        text.as_bytes(),
        &briefc::config::Config::default(),
        today(),
    )
}

/// A brief that checks clean under the default config (no errors, no warnings).
pub const CLEAN: &str = "\
# Acme Sync launch teaser

length: 30s
stage: awareness
marketing: Priya Shah
sales: Tom Becker

## Goal
Make IT managers aware that Acme Sync exists and that it sets up in minutes.

## Audience
IT managers at companies of 200 to 2,000 seats.

## Key benefits
- Set up in minutes, not days

## Success metrics
- Views past 10 seconds: 10,000 in the first month

## Scenes
### 0:00-0:10 Hook
Visual: Sync-error pop-ups.

### 0:10-0:30 End card
Visual: Logo and URL.
";

/// [`CLEAN`] with one warning (`scene-gap`) and no errors.
pub fn with_warning() -> String {
    CLEAN.replace("### 0:10-0:30 End card", "### 0:12-0:30 End card")
}

/// [`CLEAN`] with one error (`too-many-items`, four benefits) and the
/// `benefits-per-length` warning that comes with it at 30 s.
pub fn with_error() -> String {
    CLEAN.replace(
        "- Set up in minutes, not days\n",
        "- Set up in minutes, not days\n- Works offline\n- SOC 2 certified\n- Cheap\n",
    )
}

/// The repository root (where `Cargo.toml` is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under the repository root.
pub fn repo(path: &str) -> PathBuf {
    root().join(path)
}

/// A temporary folder with files, and a `briefc` command to run in it.
pub struct Brief {
    dir: tempfile::TempDir,
    args: Vec<OsString>,
    cwd: PathBuf,
    env: Vec<(OsString, OsString)>,
    /// A command that runs `briefc` (e.g. `setpriv …`), set by [`Brief::unprivileged`].
    wrapper: Vec<OsString>,
}

impl Default for Brief {
    fn default() -> Self {
        Brief::new()
    }
}

impl Brief {
    /// An empty temporary folder; the command runs in it.
    pub fn new() -> Self {
        Brief {
            dir: tempfile::tempdir().expect("create a temporary folder"),
            args: Vec::new(),
            cwd: PathBuf::new(),
            env: Vec::new(),
            wrapper: Vec::new(),
        }
    }

    /// Runs `briefc` so that file permissions bind it even when the tests
    /// run as root (as CI does): root reads a `chmod 000` file through
    /// `CAP_DAC_OVERRIDE`, so then `briefc` runs under `setpriv` with that
    /// capability and `CAP_DAC_READ_SEARCH` dropped. `None` (the test
    /// skips, saying why) only outside `CI` when that is impossible; under
    /// `CI` it is a failure.
    #[cfg(unix)]
    pub fn unprivileged(mut self) -> Option<Self> {
        match unprivileged_wrapper() {
            Some(wrapper) => {
                self.wrapper = wrapper;
                Some(self)
            }
            None => None,
        }
    }

    /// Writes `contents` to `path` (relative to the temporary folder),
    /// creating parent folders.
    pub fn file(self, path: &str, contents: impl AsRef<[u8]>) -> Self {
        let full = self.dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create parent folders");
        }
        std::fs::write(&full, contents).expect("write test file");
        self
    }

    /// Creates an (empty) folder.
    pub fn dir(self, path: &str) -> Self {
        std::fs::create_dir_all(self.dir.path().join(path)).expect("create folder");
        self
    }

    /// Appends arguments to the command line.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Runs the command in `path` (relative to the temporary folder).
    pub fn current_dir(mut self, path: &str) -> Self {
        self.cwd = PathBuf::from(path);
        self
    }

    /// Sets an environment variable for the command.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// The absolute path of `path` in the temporary folder.
    pub fn path(&self, path: &str) -> PathBuf {
        self.dir.path().join(path)
    }

    /// Runs `briefc` with the arguments, in the temporary folder, without colour.
    pub fn run(&self) -> Output {
        self.run_with(self.args.clone())
    }

    /// Runs `briefc` with `args` instead of those given to [`Brief::args`]
    /// (to run several commands on one folder).
    pub fn run_with<I, S>(&self, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
        let mut cmd = match self.wrapper.split_first() {
            None => assert_cmd::Command::cargo_bin("briefc").expect("the briefc binary"),
            Some((program, wrapper_args)) => {
                let mut cmd = assert_cmd::Command::new(program);
                cmd.args(wrapper_args)
                    .arg(assert_cmd::cargo::cargo_bin("briefc"));
                cmd
            }
        };
        cmd.current_dir(self.dir.path().join(&self.cwd))
            .env("NO_COLOR", "1")
            // Only the built-in fonts, whatever the machine has installed
            // (tests of system fonts set it back with `.env(…)`).
            .env("BRIEFC_SYSTEM_FONTS", "0")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LIB_BACKTRACE")
            .args(&args);
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        Output::of(&cmd.output().expect("run briefc"), &args)
    }
}

/// `briefc` as an `assert_cmd` command run in `dir`: no colour, no
/// backtraces, and `SOURCE_DATE_EPOCH` set to [`EPOCH`] so that outputs carry
/// a known date (override it with `.env(…)` or `.env_remove(…)`).
pub fn briefc_in(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("briefc").expect("the briefc binary");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE");
    cmd
}

/// Runs `briefc ARGS` in the repository root (for the checked-in fixtures).
pub fn briefc<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let output = assert_cmd::Command::cargo_bin("briefc")
        .expect("the briefc binary")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .args(&args)
        .output()
        .expect("run briefc");
    Output::of(&output, &args)
}

/// What a run printed, and how it exited.
#[derive(Debug)]
pub struct Output {
    /// The command line, for failure messages.
    pub command: String,
    /// The exit code (-1 when killed by a signal).
    pub status: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Output {
    fn of(output: &std::process::Output, args: &[OsString]) -> Output {
        let command = std::iter::once("briefc".to_string())
            .chain(args.iter().map(|a| a.to_string_lossy().into_owned()))
            .collect::<Vec<_>>()
            .join(" ");
        Output {
            command,
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Everything, for failure messages.
    pub fn dump(&self) -> String {
        format!(
            "$ {}\nexit status: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.command, self.status, self.stdout, self.stderr
        )
    }

    /// Asserts the exit code, and that nothing panicked.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(self.status, expected, "wrong exit status\n{}", self.dump());
        self.no_panic()
    }

    /// Asserts that stderr shows no panic, backtrace hint or Debug dump.
    #[track_caller]
    pub fn no_panic(&self) -> &Self {
        for bad in ["panicked", "RUST_BACKTRACE", "Os {", "Error {", "Custom {"] {
            assert!(
                !self.stderr.contains(bad) && !self.stdout.contains(bad),
                "the output contains `{bad}`\n{}",
                self.dump()
            );
        }
        self
    }

    /// Asserts that stdout contains `text`.
    #[track_caller]
    pub fn stdout_has(&self, text: &str) -> &Self {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}\n{}",
            self.dump()
        );
        self
    }

    /// Asserts that stdout does not contain `text`.
    #[track_caller]
    pub fn stdout_lacks(&self, text: &str) -> &Self {
        assert!(
            !self.stdout.contains(text),
            "stdout has {text:?}\n{}",
            self.dump()
        );
        self
    }

    /// Asserts that stderr contains `text`.
    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}\n{}",
            self.dump()
        );
        self
    }

    /// Asserts that stdout is empty.
    #[track_caller]
    pub fn stdout_empty(&self) -> &Self {
        assert!(
            self.stdout.is_empty(),
            "stdout is not empty\n{}",
            self.dump()
        );
        self
    }

    /// Asserts that stderr is empty.
    #[track_caller]
    pub fn stderr_empty(&self) -> &Self {
        assert!(
            self.stderr.is_empty(),
            "stderr is not empty\n{}",
            self.dump()
        );
        self
    }

    /// Asserts a "could not run" failure: exit 2, nothing on stdout, and a
    /// message on stderr (`error: …`, or the config report `× invalid config: …`)
    /// that mentions every one of `names`.
    #[track_caller]
    pub fn cannot_run(&self, names: &[&str]) -> &Self {
        self.code(2).stdout_empty();
        assert!(
            self.stderr.contains("error") || self.stderr.contains("invalid config"),
            "stderr does not say what is wrong\n{}",
            self.dump()
        );
        for name in names {
            self.stderr_has(name);
        }
        self
    }

    /// Parses stdout as exactly one JSON document.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document: {e}\n{}", self.dump()))
    }

    /// The `--format json` diagnostics as `(rule, line, severity)`.
    #[track_caller]
    pub fn diagnostics(&self) -> Vec<(String, u64, String)> {
        let doc = self.json();
        doc["diagnostics"]
            .as_array()
            .unwrap_or_else(|| panic!("no `diagnostics` array\n{}", self.dump()))
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap_or_default().to_string(),
                    d["line"].as_u64().unwrap_or_default(),
                    d["severity"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// The `--format json` rule names, in order.
    #[track_caller]
    pub fn rules(&self) -> Vec<String> {
        self.diagnostics().into_iter().map(|d| d.0).collect()
    }

    /// Asserts that `--format json` reported a diagnostic of `rule` with `severity`.
    #[track_caller]
    pub fn has_diagnostic(&self, rule: &str, severity: &str) -> &Self {
        let found = self.diagnostics();
        assert!(
            found.iter().any(|(r, _, s)| r == rule && s == severity),
            "no {severity} `{rule}` in {found:?}\n{}",
            self.dump()
        );
        self
    }

    /// Asserts that `--format json` reported nothing of `rule`.
    #[track_caller]
    pub fn lacks_rule(&self, rule: &str) -> &Self {
        let found = self.diagnostics();
        assert!(
            !found.iter().any(|(r, _, _)| r == rule),
            "unexpected `{rule}` in {found:?}\n{}",
            self.dump()
        );
        self
    }

    /// Asserts that `--format json` reported no diagnostics at all.
    #[track_caller]
    pub fn no_diagnostics(&self) -> &Self {
        let found = self.diagnostics();
        assert!(
            found.is_empty(),
            "expected no diagnostics, got {found:?}\n{}",
            self.dump()
        );
        self
    }

    /// The `file` fields of the `--format json` diagnostics, deduplicated in order.
    #[track_caller]
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = Vec::new();
        for d in self.json()["diagnostics"].as_array().into_iter().flatten() {
            let file = d["file"].as_str().unwrap_or_default().to_string();
            if files.last() != Some(&file) {
                files.push(file);
            }
        }
        files
    }
}

/// Whether the current user can read a file after `chmod 000` (root can).
#[cfg(unix)]
pub fn chmod_protects(path: &Path) -> bool {
    std::fs::read(path).is_err()
}

/// Makes `path` unreadable (mode 000).
#[cfg(unix)]
pub fn make_unreadable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
}

/// The capabilities that let root ignore file permissions.
const DROP_ROOT_POWERS: &str = "--bounding-set=-dac_override,-dac_read_search";

/// The command prefix under which `chmod 000` stops a process: none for an
/// ordinary user, `setpriv` without root's file-permission capabilities for
/// root. Probed on a real `chmod 000` file; see [`Brief::unprivileged`].
#[cfg(unix)]
fn unprivileged_wrapper() -> Option<Vec<OsString>> {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "secret").expect("write the probe file");
    make_unreadable(&probe);
    if chmod_protects(&probe) {
        return Some(Vec::new());
    }
    // Root: `cat` the probe through setpriv; it must be refused.
    let refused = std::process::Command::new("setpriv")
        .arg(DROP_ROOT_POWERS)
        .arg("cat")
        .arg(&probe)
        .output();
    let why = match refused {
        Ok(out) if !out.status.success() && out.stdout.is_empty() => {
            return Some(vec!["setpriv".into(), DROP_ROOT_POWERS.into()]);
        }
        Ok(out) => format!(
            "`setpriv {DROP_ROOT_POWERS} cat` still read a chmod-000 file (status {}, stderr {:?})",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => format!("cannot run `setpriv` (util-linux): {e}"),
    };
    assert!(
        std::env::var_os("CI").is_none(),
        "running as root, chmod 000 does not stop reads, and the capabilities that let root \
         read anything cannot be dropped: {why}"
    );
    eprintln!("skipped: running as root, chmod 000 does not stop reads and {why}");
    None
}

/// What `briefc fmt -` makes of `text`.
pub fn briefc_fmt(text: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("briefc"))
        .args(["fmt", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start briefc fmt");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write to briefc fmt");
    let out = child.wait_with_output().expect("briefc fmt ran");
    String::from_utf8(out.stdout).expect("UTF-8 from briefc fmt")
}

// ------------------------------------------------------------ external tools

/// Runs `briefc ARGS` in `b`'s folder with stdout and stderr on a terminal
/// (a pseudo-terminal made by util-linux `script`), `NO_COLOR` unset unless
/// given in `env`, and `CI` unset unless given (a person's terminal).
/// Returns the exit code and everything printed, or `None` when `script` is
/// missing (a failure when `CI` is set).
pub fn on_a_terminal(b: &Brief, args: &[&str], env: &[(&str, &str)]) -> Option<(i32, String)> {
    let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
    let bin = assert_cmd::cargo::cargo_bin("briefc");
    let command = std::iter::once(quote(&bin.to_string_lossy()))
        .chain(args.iter().map(|a| quote(a)))
        .collect::<Vec<_>>()
        .join(" ");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-q", "-e", "-c", &command, "/dev/null"])
        .current_dir(b.path(""))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CI")
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::null());
    for (key, value) in env {
        cmd.env(key, value);
    }
    match cmd.output() {
        Ok(out) => Some((
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            tool_missing("script", "bsdutils");
            None
        }
        Err(e) => panic!("`script` (util-linux) is needed for the terminal tests: {e}"),
    }
}

/// Says that `tool` (from the Debian package `package`) is missing: a failure
/// when `CI` is set (`.ci/run` installs it), else a note before the caller skips.
#[track_caller]
pub fn tool_missing(tool: &str, package: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{tool} is required in CI: .ci/run installs {package}"
    );
    eprintln!("skipped: {tool} is not installed (apt-get install {package})");
}

/// The Debian package that provides `tool`.
fn package_of(tool: &str) -> &'static str {
    match tool {
        "pdftotext" | "pdfinfo" | "pdffonts" | "pdftoppm" | "pdfimages" => "poppler-utils",
        "qpdf" => "qpdf",
        "chromium" | "chromium-browser" | "google-chrome" => "chromium",
        "setpriv" => "util-linux",
        "script" => "bsdutils",
        "nvim" => "neovim",
        _ => "coreutils",
    }
}

/// Runs `tool args…`; `None` when the tool is not installed (see
/// [`tool_missing`]). Panics when it cannot be started for another reason.
#[track_caller]
pub fn tool_output(tool: &str, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    match std::process::Command::new(tool).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            tool_missing(tool, package_of(tool));
            None
        }
        Err(e) => panic!("could not run {tool}: {e}"),
    }
}

/// Runs `tool args…` and returns its stdout; the tool must succeed. `None`
/// when it is not installed (see [`tool_missing`]).
#[track_caller]
pub fn tool_stdout<S: AsRef<std::ffi::OsStr>>(tool: &str, args: &[S]) -> Option<String> {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(AsRef::as_ref).collect();
    let out = tool_output(tool, &args)?;
    assert!(
        out.status.success(),
        "{tool} {args:?} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The flags every headless Chromium run of the tests takes: no sandbox,
/// GPU, network or first-run work, no scrollbars in screenshots. Give each
/// run a fresh `--user-data-dir` too.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

/// Headless `chromium` with [`CHROMIUM_FLAGS`] and a fresh profile named
/// `name` in `dir`.
pub fn chromium_command(chromium: &str, dir: &Path, name: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(chromium);
    cmd.args(CHROMIUM_FLAGS).arg(format!(
        "--user-data-dir={}",
        dir.join(format!("profile-{name}")).display()
    ));
    cmd
}

/// The DOM headless `chromium` has after loading the file `page` and
/// running its scripts (5 s of virtual time), with a fresh profile named
/// `name` in `dir` and `extra` flags (a window size).
pub fn chromium_dom(
    chromium: &str,
    dir: &Path,
    name: &str,
    page: &Path,
    extra: &[String],
) -> String {
    let out = chromium_command(chromium, dir, name)
        .args(extra)
        .args(["--virtual-time-budget=5000", "--dump-dom"])
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The first of Chromium's names that runs, or `None` (see [`tool_missing`]).
pub fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() {
        tool_missing("Chromium", "chromium");
    }
    found
}

/// Makes a FIFO at `path` with `mkfifo`; `false` when mkfifo is missing
/// (see [`tool_missing`]).
#[cfg(unix)]
pub fn mkfifo(path: &Path) -> bool {
    match tool_output("mkfifo", &[path.as_os_str()]) {
        Some(out) => {
            assert!(out.status.success(), "mkfifo {}: {out:?}", path.display());
            true
        }
        None => false,
    }
}

/// The text of a PDF (`pdftotext -enc UTF-8`, reading order, no layout).
pub fn pdftotext(pdf: &Path) -> Option<String> {
    tool_stdout(
        "pdftotext",
        &[
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    )
}

/// The text of page `page` (1-based) of a PDF (`pdftotext -f N -l N`).
pub fn pdftotext_page(pdf: &Path, page: usize) -> Option<String> {
    let n = page.to_string();
    tool_stdout(
        "pdftotext",
        &[
            "-f".as_ref(),
            n.as_ref(),
            "-l".as_ref(),
            n.as_ref(),
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    )
}

/// What `pdfinfo` says about a PDF's pages.
#[derive(Debug)]
pub struct PdfInfo {
    /// The number of pages.
    pub pages: usize,
    /// The first page's width and height in points.
    pub width: f64,
    /// See `width`.
    pub height: f64,
    /// The whole `Page size:` value, e.g. `595.276 x 841.89 pts (A4)`.
    pub size: String,
}

/// A4 in points, as `pdfinfo` rounds it.
pub const A4: (f64, f64) = (595.28, 841.89);
/// US Letter in points.
pub const LETTER: (f64, f64) = (612.0, 792.0);

impl PdfInfo {
    /// Asserts the page size to within 0.01 pt; `what` names the case.
    #[track_caller]
    pub fn assert_size(&self, (width, height): (f64, f64), what: &str) {
        assert!(
            (self.width - width).abs() < 0.01 && (self.height - height).abs() < 0.01,
            "{what}: the page size is {}, expected {width} x {height} pts",
            self.size
        );
    }
}

/// Runs `pdfinfo` on a PDF.
#[track_caller]
pub fn pdfinfo(pdf: &Path) -> Option<PdfInfo> {
    let out = tool_stdout("pdfinfo", &[pdf.as_os_str()])?;
    let field = |name: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("pdfinfo has no {name}:\n{out}"))
    };
    let size = field("Page size:");
    let numbers: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(numbers.len() >= 2, "unreadable page size {size:?}");
    Some(PdfInfo {
        pages: field("Pages:").parse().expect("a page count"),
        width: numbers[0],
        height: numbers[1],
        size,
    })
}

/// The PDF with its streams uncompressed and object streams disabled
/// (`qpdf --qdf --object-streams=disable`), as text: the content streams'
/// drawing operators (`0.8 0 0 rg`) can be read in it.
#[track_caller]
pub fn qpdf_uncompressed(pdf: &Path) -> Option<String> {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    let plain = dir.path().join("plain.pdf");
    let args = [
        "--qdf".as_ref(),
        "--object-streams=disable".as_ref(),
        pdf.as_os_str(),
        plain.as_os_str(),
    ];
    tool_stdout("qpdf", &args)?;
    let bytes = std::fs::read(&plain).expect("read qpdf's output");
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// xorshift64*: a tiny deterministic generator for randomised tests, so a
/// failure reproduces from its seed without a crate.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
