//! Issue 12, faults and limits: outputs are replaced whole or not at all —
//! under SIGKILL at random moments, with a read-only folder, a folder in
//! the way and a full disk — and no temporary file outlives a run.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{Brief, CLEAN, Rng, TODAY};

/// A clean brief of `scenes` three-second scenes, titled `title`.
fn long_brief(title: &str, scenes: usize) -> String {
    let seconds = scenes * 3;
    let mut text = CLEAN
        .replace("# Acme Sync launch teaser", &format!("# {title}"))
        .replace(
            "length: 30s",
            &format!("length: {}m{}s", seconds / 60, seconds % 60),
        );
    let at = text.find("### 0:00-0:10").unwrap();
    text.truncate(at);
    for i in 0..scenes {
        let (a, b) = (i * 3, i * 3 + 3);
        text.push_str(&format!(
            "### {}:{:02}-{}:{:02} Scene {i}\nVisual: Shot {i} of the product in use.\nVoiceover: Line {i}.\n\n",
            a / 60,
            a % 60,
            b / 60,
            b % 60
        ));
    }
    text
}

/// The briefs of one version: one long brief and two short ones.
fn briefs(version: &str) -> Vec<(String, String)> {
    let mut out = vec![(
        "long.brief".to_string(),
        long_brief(&format!("Long cut {version}"), 50),
    )];
    for i in 0..2 {
        let text = CLEAN.replace(
            "# Acme Sync launch teaser",
            &format!("# Teaser {i} {version}"),
        );
        out.push((format!("short-{i}.brief"), text));
    }
    out
}

/// Every file in `dir` with its bytes, sorted by name.
fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap_or_default())
        })
        .collect();
    out.sort();
    out
}

/// The temporary files briefc leaves while writing (`.briefc-*.tmp`).
fn temporaries(dir: &Path) -> Vec<String> {
    files_in(dir)
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| name.starts_with(".briefc-"))
        .collect()
}

fn build_command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("briefc"));
    cmd.current_dir(dir)
        .env("SOURCE_DATE_EPOCH", support::EPOCH)
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The outputs of [`briefs`]: an HTML and a PDF each.
const OUTPUTS: usize = 6;

#[cfg(unix)]
#[test]
fn outputs_are_whole_after_sigkill_at_random_moments() {
    let mut b = Brief::new();
    for (name, text) in briefs("A") {
        b = b.file(&name, text);
    }
    let mut args = vec!["build", "--quiet", "--today", TODAY, "-o", "out"];
    let names: Vec<String> = briefs("A").into_iter().map(|(n, _)| n).collect();
    args.extend(names.iter().map(String::as_str));
    let dir = b.path("");
    let out = dir.join("out");

    // The outputs of version A, then of version B, each from a whole run.
    let run = |what: &str| {
        let started = Instant::now();
        let status = build_command(&dir, &args).status().unwrap();
        assert!(status.success(), "building {what} failed");
        started.elapsed()
    };
    run("A");
    let old = files_in(&out);
    assert_eq!(
        old.len(),
        OUTPUTS,
        "{:?}",
        old.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (name, text) in briefs("B") {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let took = run("B");
    let new = files_in(&out);
    assert!(
        temporaries(&out).is_empty(),
        "a whole run left temporary files"
    );
    for ((name, a), (_, b)) in old.iter().zip(&new) {
        assert_ne!(a, b, "{name}: versions A and B must differ");
    }

    let mut rng = Rng(0x0005_1691_4111);
    let iterations = 100;
    let started = Instant::now();
    let (mut mid_write, mut mixed, mut all_new, mut all_old) = (0, 0, 0, 0);
    for round in 0..iterations {
        // Back to version A's outputs (written here, not by briefc).
        for temp in temporaries(&out) {
            std::fs::remove_file(out.join(temp)).unwrap();
        }
        for (name, bytes) in &old {
            std::fs::write(out.join(name), bytes).unwrap();
        }
        let mut child = build_command(&dir, &args).spawn().unwrap();
        if round % 2 == 0 {
            // Any moment of the run.
            let delay = took.mul_f64(rng.below(1000) as f64 / 1000.0);
            std::thread::sleep(delay);
        } else {
            // While writing: once the k-th temporary file has been seen,
            // then up to half a millisecond more.
            let k = 1 + rng.below(OUTPUTS);
            let mut seen = std::collections::HashSet::new();
            let deadline = Instant::now() + took * 3;
            while seen.len() < k && Instant::now() < deadline {
                if let Ok(entries) = std::fs::read_dir(&out) {
                    for e in entries.flatten() {
                        let name = e.file_name().to_string_lossy().into_owned();
                        if name.starts_with(".briefc-") {
                            seen.insert(name);
                        }
                    }
                }
                if child.try_wait().unwrap().is_some() {
                    break;
                }
            }
            std::thread::sleep(Duration::from_micros(rng.below(500) as u64));
        }
        let _ = child.kill();
        child.wait().unwrap();

        let now = files_in(&out);
        let mut replaced = 0;
        for (name, bytes) in now.iter().filter(|(n, _)| !n.starts_with(".briefc-")) {
            let was = old.iter().find(|(n, _)| n == name).map(|(_, b)| b);
            let will = new.iter().find(|(n, _)| n == name).map(|(_, b)| b);
            if Some(bytes) == will {
                replaced += 1;
            } else {
                assert_eq!(
                    Some(bytes),
                    was,
                    "round {round}: `{name}` is neither the old nor the new output ({} bytes)",
                    bytes.len()
                );
            }
        }
        assert_eq!(
            now.iter()
                .filter(|(n, _)| !n.starts_with(".briefc-"))
                .count(),
            OUTPUTS,
            "round {round}: an output went missing"
        );
        if !temporaries(&out).is_empty() {
            mid_write += 1;
        }
        match replaced {
            0 => all_old += 1,
            OUTPUTS => all_new += 1,
            _ => mixed += 1,
        }
    }
    eprintln!(
        "{iterations} kills in {:?} (a whole build takes {took:?}): {all_old} left every \
         output old, {mixed} some new, {all_new} all new; {mid_write} left a temporary file",
        started.elapsed()
    );
    // The kills landed at different stages, many of them while writing.
    assert!(all_old > 0 && mixed > 0, "the kills missed the writes");
    assert!(
        mid_write > 0,
        "no kill landed while a temporary file existed"
    );

    // A whole run after all that: every output new, no temporary file.
    for temp in temporaries(&out) {
        std::fs::remove_file(out.join(temp)).unwrap();
    }
    run("B again");
    assert_eq!(files_in(&out), new);
    assert!(temporaries(&out).is_empty());
}

/// A folder with `a.brief` (clean) and earlier outputs `out/a.html` and
/// `out/a.pdf` that must survive a failed build.
fn with_earlier_outputs() -> Brief {
    Brief::new()
        .file("a.brief", long_brief("Long cut", 100))
        .file("out/a.html", "earlier html")
        .file("out/a.pdf", "earlier pdf")
}

#[track_caller]
fn assert_earlier_outputs(dir: &Path) {
    assert_eq!(std::fs::read(dir.join("a.html")).unwrap(), b"earlier html");
    assert_eq!(std::fs::read(dir.join("a.pdf")).unwrap(), b"earlier pdf");
    assert!(temporaries(dir).is_empty(), "{:?}", temporaries(dir));
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_is_exit_2_and_touches_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let b = with_earlier_outputs();
    std::fs::set_permissions(b.path("out"), std::fs::Permissions::from_mode(0o555)).unwrap();
    let Some(b) = b.unprivileged() else { return };
    let out = b.run_with(["build", "--today", TODAY, "-o", "out", "a.brief"]);
    std::fs::set_permissions(b.path("out"), std::fs::Permissions::from_mode(0o755)).unwrap();
    out.cannot_run(&[
        "cannot write `out/a.html`: permission denied",
        "check that the output folder is writable",
        "the earlier outputs are untouched",
    ]);
    assert_earlier_outputs(&b.path("out"));
}

#[test]
fn an_output_path_that_is_a_folder_is_exit_2_and_touches_nothing() {
    let b = Brief::new()
        .file("a.brief", CLEAN)
        .file("out/a.html", "earlier html")
        .dir("out/a.pdf");
    let out = b.run_with(["build", "--today", TODAY, "-o", "out", "a.brief"]);
    out.cannot_run(&[
        "cannot write `out/a.pdf`: it is a folder",
        "`out/a.pdf` is a folder: move it away, or write the outputs elsewhere with `-o DIR`",
    ]);
    // Not even the HTML, which could have been written, is replaced.
    assert_eq!(
        std::fs::read(b.path("out/a.html")).unwrap(),
        b"earlier html"
    );
    assert!(b.path("out/a.pdf").is_dir());
    assert!(temporaries(&b.path("out")).is_empty());
}

/// A 64 KiB tmpfs mounted on a folder, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    /// Mounts it (root only): `None`, with a note, when that cannot be done
    /// outside CI; a failure under CI, which runs as root.
    fn mount(dir: &Path) -> Option<SmallDisk> {
        let is_root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        let why = if is_root {
            match Command::new("mount")
                .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
                .arg(dir)
                .output()
            {
                Ok(o) if o.status.success() => return Some(SmallDisk(dir.to_path_buf())),
                Ok(o) => format!(
                    "mount failed: {}",
                    String::from_utf8_lossy(&o.stderr).trim()
                ),
                Err(e) => format!("cannot run mount: {e}"),
            }
        } else {
            "mounting a small tmpfs needs root".to_string()
        };
        assert!(
            std::env::var_os("CI").is_none(),
            "the full-disk test must run in CI (as root): {why}"
        );
        eprintln!("skipped: {why}");
        None
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_exit_2_and_touches_nothing() {
    let b = Brief::new()
        .file("a.brief", long_brief("Long cut", 100))
        .dir("full");
    let Some(_disk) = SmallDisk::mount(&b.path("full")) else {
        return;
    };
    std::fs::write(b.path("full/a.html"), "earlier html").unwrap();
    std::fs::write(b.path("full/a.pdf"), "earlier pdf").unwrap();
    let out = b.run_with(["build", "--today", TODAY, "-o", "full", "a.brief"]);
    out.cannot_run(&[
        "cannot write `full/a.",
        "no space left on device",
        "the disk is full: free some space, or write the outputs elsewhere with `-o DIR`",
    ]);
    assert_earlier_outputs(&b.path("full"));
    // With room (HTML only, which fits), the same build goes through.
    std::fs::remove_file(b.path("full/a.pdf")).unwrap();
    let out = b.run_with(["build", "--html", "--today", TODAY, "-o", "full", "a.brief"]);
    if out.status == 0 {
        assert!(
            std::fs::read_to_string(b.path("full/a.html"))
                .unwrap()
                .contains("Long cut")
        );
    }
    assert!(temporaries(&b.path("full")).is_empty());
}

#[test]
fn a_whole_run_leaves_no_temporary_file() {
    let b = Brief::new()
        .file("a.brief", CLEAN)
        .file("sub/b.brief", support::with_warning())
        .file("c.brief", "# T\nLength:90s\n");
    b.run_with(["build", "--today", TODAY, "a.brief", "sub/b.brief"])
        .code(0);
    b.run_with(["build", "--today", TODAY, "-o", "out", "a.brief"])
        .code(0);
    b.run_with(["fmt", "c.brief"]).code(0);
    b.run_with(["new", "d.brief"]).code(0);
    for dir in ["", "sub", "out"] {
        assert!(
            temporaries(&b.path(dir)).is_empty(),
            "{dir}: {:?}",
            temporaries(&b.path(dir))
        );
    }
}
