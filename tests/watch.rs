//! `check --watch` and `build --watch`: run, see a save, run again, stop
//! cleanly on Ctrl-C (SIGINT) with exit 0.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use support::{CLEAN, with_warning};

/// A running `briefc … --watch` and the lines of its stderr.
struct Watching {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Watching {
    fn start(dir: &std::path::Path, args: &[&str]) -> Watching {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("briefc"))
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start briefc");
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        Watching { child, lines }
    }

    /// Fails if a status line comes within `quiet`: nothing was saved.
    fn stays_quiet(&self, quiet: Duration) {
        if let Ok(line) = self.lines.recv_timeout(quiet) {
            panic!("ran again without a save: {line}");
        }
    }

    /// The next status line that contains `text` (waiting up to 20 s).
    fn wait_for(&self, text: &str) -> String {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!("no line with {text:?}; saw {seen:#?}");
    }

    fn interrupt(mut self) -> i32 {
        let pid = self.child.id().to_string();
        let status = Command::new("kill").args(["-INT", &pid]).status().unwrap();
        assert!(status.success());
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            if std::time::Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("briefc did not stop on SIGINT");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn check_watch_reruns_on_save_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("briefs")).unwrap();
    let brief = dir.path().join("briefs/a.brief");
    std::fs::write(&brief, CLEAN).unwrap();
    let watching = Watching::start(dir.path(), &["check", "--watch", "briefs"]);
    let first = watching.wait_for("started");
    assert!(first.contains("0 errors, 0 warnings"), "{first}");
    // Its own reading of the brief does not wake it.
    watching.stays_quiet(Duration::from_millis(500));
    // Save a warning, as an editor that replaces the file by rename would.
    let tmp = dir.path().join("briefs/.a.brief.swp");
    std::fs::write(&tmp, with_warning()).unwrap();
    std::fs::rename(&tmp, &brief).unwrap();
    let second = watching.wait_for("a.brief changed");
    assert!(second.contains("0 errors, 1 warning"), "{second}");
    // One save, one run.
    watching.stays_quiet(Duration::from_millis(500));
    // A file that is not a brief does not wake it; the next save does.
    std::fs::write(dir.path().join("briefs/notes.txt"), "x").unwrap();
    std::fs::write(&brief, "not a brief\n").unwrap();
    let third = watching.wait_for("changed");
    assert!(
        third.contains("a.brief changed") && third.contains("error"),
        "{third}"
    );
    assert_eq!(watching.interrupt(), 0);
}

#[test]
fn build_watch_rebuilds_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.brief"), CLEAN).unwrap();
    let watching = Watching::start(dir.path(), &["build", "--html", "--watch", "a.brief"]);
    watching.wait_for("started");
    let html = dir.path().join("a.html");
    assert!(html.exists());
    let edited = CLEAN.replacen("# ", "# Watched: ", 1);
    std::fs::write(dir.path().join("a.brief"), &edited).unwrap();
    watching.wait_for("a.brief changed");
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("Watched: ")
    );
    // Writing its own HTML does not make it build again.
    watching.stays_quiet(Duration::from_millis(500));
    // Nor does a save that changes nothing.
    std::fs::write(dir.path().join("a.brief"), &edited).unwrap();
    watching.stays_quiet(Duration::from_millis(500));
    assert_eq!(watching.interrupt(), 0);
}

/// A `briefc.yaml` applies from a folder above the watched ones (the lookup
/// goes upward), and `--config` names one anywhere: saving either runs
/// again; other files there do not.
#[test]
fn a_briefc_yaml_above_the_watched_folder_or_given_by_config_runs_again() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("briefs")).unwrap();
    std::fs::write(dir.path().join("briefs/a.brief"), with_warning()).unwrap();
    let watching = Watching::start(dir.path(), &["check", "--watch", "briefs"]);
    let first = watching.wait_for("started");
    assert!(first.contains("1 warning"), "{first}");
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    watching.stays_quiet(Duration::from_millis(500));
    // The warning's rule (a gap between scenes) turned off in the parent
    // folder's briefc.yaml.
    let rule = "scene-gap";
    std::fs::write(
        dir.path().join("briefc.yaml"),
        format!("rules:\n  {rule}: off\n"),
    )
    .unwrap();
    let second = watching.wait_for("briefc.yaml changed");
    assert!(second.contains("0 errors, 0 warnings"), "{second}");
    assert_eq!(watching.interrupt(), 0);

    // `--config` elsewhere, with another name.
    std::fs::create_dir(dir.path().join("conf")).unwrap();
    let custom = dir.path().join("conf/team.yaml");
    std::fs::write(&custom, "rules: {}\n").unwrap();
    let watching = Watching::start(
        dir.path(),
        &["check", "--watch", "--config", "conf/team.yaml", "briefs"],
    );
    let first = watching.wait_for("started");
    assert!(first.contains("1 warning"), "{first}");
    std::fs::write(&custom, format!("rules:\n  {rule}: off\n")).unwrap();
    let second = watching.wait_for("team.yaml changed");
    assert!(second.contains("0 errors, 0 warnings"), "{second}");
    assert_eq!(watching.interrupt(), 0);
}
