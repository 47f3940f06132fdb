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
//! Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use serde_json::Value;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The date every test passes as `--today`, so `due-in-past` is reproducible.
pub const TODAY: &str = "2026-11-24";

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
        let mut cmd = assert_cmd::Command::cargo_bin("briefc").expect("the briefc binary");
        cmd.current_dir(self.dir.path().join(&self.cwd))
            .env("NO_COLOR", "1")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LIB_BACKTRACE")
            .args(&args);
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        Output::of(&cmd.output().expect("run briefc"), &args)
    }
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
