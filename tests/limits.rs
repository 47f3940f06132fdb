//! Issue 12, faults and limits: inputs too large, too deep or too
//! repetitive are refused (quickly: see docs/reliability.md for the times)
//! with a message that names the limit;
//! nonsense config values name their key; huge numbers in a brief are
//! diagnostics; the folder walk survives loops, locked folders and odd names.

mod support;

use std::time::{Duration, Instant};
use support::{Brief, CLEAN, TODAY};

/// Past this, a command has hung (expanded an alias bomb, read a 10 GiB
/// file). Not a speed test: the refusals take milliseconds, measured in
/// docs/reliability.md; this only tells a hang from an answer, on any
/// machine, however loaded.
const HANG: Duration = Duration::from_secs(60);

/// [`CLEAN`] padded with notes to `size` bytes.
fn padded(size: usize) -> String {
    let mut text = format!("{CLEAN}\n## Notes\n");
    let line = "Notes from the kick-off call about pacing and tone.\n";
    while text.len() + line.len() <= size {
        text.push_str(line);
    }
    while text.len() < size {
        text.push('x');
    }
    text
}

#[test]
fn a_brief_over_ten_mib_is_refused_by_every_command() {
    let b = Brief::new()
        .file("big.brief", padded(12 << 20))
        .file("ok/a.brief", CLEAN);
    let refusal = "cannot read `big.brief`: the file is 12 MiB, over the 10 MiB limit for briefs";
    for args in [
        vec!["check", "big.brief"],
        vec!["build", "big.brief"],
        vec!["fmt", "big.brief"],
        vec!["fmt", "--check", "big.brief"],
        vec!["export", "big.brief"],
    ] {
        let started = Instant::now();
        b.run_with(&args)
            .cannot_run(&[refusal, "a brief is a few kilobytes"]);
        assert!(
            started.elapsed() < HANG,
            "{args:?} took {:?}",
            started.elapsed()
        );
    }
    assert!(!b.path("big.html").exists() && !b.path("big.pdf").exists());

    // Found in a folder: reported after the others, which are checked.
    std::fs::rename(b.path("big.brief"), b.path("ok/big.brief")).unwrap();
    let out = b.run_with(["check", "--today", TODAY, "ok"]);
    out.code(2)
        .stdout_has("0 errors, 0 warnings in 1 brief; 1 file could not be read")
        .stderr_has("cannot read `ok/big.brief`: the file is 12 MiB, over the 10 MiB limit");

    // On standard input.
    let out = support::briefc_in(&b.path(""))
        .args(["fmt", "-"])
        .write_stdin(padded(11 << 20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot read standard input: it is over the 10 MiB limit for briefs"),
        "{stderr}"
    );
}

#[test]
fn a_ten_gib_file_is_refused_without_reading_it() {
    let b = Brief::new();
    let file = std::fs::File::create(b.path("huge.brief")).unwrap();
    // Sparse: no disk space is used, and nothing may read it all.
    file.set_len(10 << 30).unwrap();
    let started = Instant::now();
    b.run_with(["check", "huge.brief"]).cannot_run(&[
        "cannot read `huge.brief`: the file is 10 GiB, over the 10 MiB limit for briefs",
    ]);
    assert!(started.elapsed() < HANG, "took {:?}", started.elapsed());
}

// ------------------------------------------------------------ briefc.yaml

/// Runs `check` with `config` as `briefc.yaml` and asserts an exit 2 (not a hang)
/// whose message has every one of `names`.
#[track_caller]
fn refused_config(config: &str, names: &[&str]) -> Duration {
    let b = Brief::new()
        .file("a.brief", CLEAN)
        .file("briefc.yaml", config);
    let started = Instant::now();
    let out = b.run_with(["check", "--today", TODAY, "a.brief"]);
    let took = started.elapsed();
    out.cannot_run(names);
    assert!(took < HANG, "refusing took {took:?}\n{}", out.dump());
    took
}

/// The billion laughs: nine aliases of the level below, nine levels deep
/// (10^9 values once expanded), under `key`.
fn billion_laughs(key: &str) -> String {
    let mut text = format!(
        "{key}: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    );
    for level in 1..=9 {
        let below = format!("*l{}", level - 1);
        let items = [below.as_str(); 9].join(", ");
        text.push_str(&format!("l{level}: &l{level} [{items}]\n"));
    }
    text
}

#[test]
fn yaml_alias_bombs_are_refused_quickly() {
    // At the top level, and where a value of the schema goes.
    for key in ["lol", "required_fields"] {
        let took = refused_config(
            &billion_laughs(key),
            &["expand the file to more than 100000 values"],
        );
        eprintln!("billion laughs under `{key}`: refused in {took:?}");
    }
    // Not exponential: a long list aliased by thousands of profiles (thirty
    // million values). Each alias is one jump for serde_yaml_ng's own
    // limit, so only the count of values stops it.
    let mut text = format!(
        "required_fields: &f [{}]\nprofiles:\n",
        vec!["length"; 10_000].join(", ")
    );
    for i in 0..3_000 {
        text.push_str(&format!("  p{i}: {{required_fields: *f}}\n"));
    }
    assert!(text.len() < briefc::config::MAX_CONFIG_BYTES);
    let took = refused_config(
        &text,
        &["briefc.yaml:", "more than 100000 values", "fewer aliases"],
    );
    eprintln!("10,000 values aliased 3,000 times: refused in {took:?}");
}

#[test]
fn deep_nesting_is_refused_quickly() {
    for (what, text) in [
        (
            "flow",
            format!("limits: {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        (
            "unclosed flow",
            format!("limits: {}\n", "{a: ".repeat(50_000)),
        ),
        ("block", format!("limits:\n  {}x\n", "- ".repeat(100_000))),
    ] {
        let took = refused_config(&text, &["nest more than 32 levels deep"]);
        eprintln!("{what} nesting: refused in {took:?}");
    }
    // An ordinary amount of nesting is fine.
    Brief::new()
        .file("a.brief", CLEAN)
        .file(
            "briefc.yaml",
            "profiles:\n  social:\n    limits: {goal: 40}\n    length: {max: 60s}\n",
        )
        .run_with(["check", "--today", TODAY, "a.brief"])
        .code(0);
}

#[test]
fn a_config_over_256_kib_is_refused_unread() {
    let comment = "# padding\n".repeat(30 * 1024);
    refused_config(
        &comment,
        &["briefc.yaml: the config file is 300 KiB, over the 256 KiB limit for config files"],
    );
    // A device that never ends.
    #[cfg(unix)]
    {
        let b = Brief::new().file("a.brief", CLEAN);
        let started = Instant::now();
        b.run_with(["check", "--config", "/dev/zero", "a.brief"])
            .cannot_run(&["/dev/zero: the config file is over the 256 KiB limit for config files"]);
        assert!(started.elapsed() < HANG);
    }
}

#[test]
fn config_values_that_make_no_sense_name_their_key() {
    for (config, key) in [
        (
            "speaking_rate_wpm: 0\n",
            "`speaking_rate_wpm`: expected a number greater than 0, found `0`",
        ),
        (
            "speaking_rate_wpm: -150\n",
            "`speaking_rate_wpm`: expected a number greater than 0, found `-150`",
        ),
        (
            "speaking_rate_wpm: .inf\n",
            "`speaking_rate_wpm`: expected a number greater than 0",
        ),
        (
            "seconds_per_benefit: 0\n",
            "`seconds_per_benefit`: expected a whole number greater than 0, found `0`",
        ),
        ("seconds_per_benefit: -5\n", "`seconds_per_benefit`"),
        (
            "seconds_per_benefit: 99999999999\n",
            "`seconds_per_benefit`: `99999999999` is too large",
        ),
        (
            "limits:\n  benefits: 0\n",
            "`limits.benefits`: expected a whole number greater than 0",
        ),
        ("limits:\n  goal: -1\n", "`limits.goal`"),
        (
            "length: {min: 2m, max: 1m}\n",
            "`length`: the minimum `2m` is above the maximum `1m`",
        ),
        (
            "length: {max: 0s}\n",
            "`length`: the maximum `0s` is below the default minimum `5s`",
        ),
        (
            "length: {min: 99999999999}\n",
            "`length.min`: expected a duration",
        ),
        (
            "profiles:\n  social:\n    speaking_rate_wpm: 0\n",
            "`profiles.social.speaking_rate_wpm`: expected a number greater than 0",
        ),
        (
            "profiles:\n  social:\n    length: {min: 3m, max: 2m}\n",
            "`profiles.social.length`: the minimum `3m` is above the maximum `2m`",
        ),
    ] {
        refused_config(config, &["briefc.yaml:", key]);
    }
}

// ------------------------------------------------------------ huge numbers

#[test]
fn huge_numbers_in_a_brief_are_diagnostics() {
    let nines = "9".repeat(40);
    let cases = [
        ("length: 30s", format!("length: {nines}s"), "invalid-value"),
        (
            "length: 30s",
            "length: 4294967296s".to_string(),
            "invalid-value",
        ),
        (
            "length: 30s",
            format!("length: {nines}:00"),
            "invalid-value",
        ),
        (
            "length: 30s",
            "length: 999999999h".to_string(),
            "invalid-value",
        ),
        (
            "length: 30s",
            format!("length: 1.{nines}m"),
            "invalid-value",
        ),
        (
            "### 0:10-0:30 End card",
            format!("### 0:10-{nines}:00 End card"),
            "",
        ),
        (
            "### 0:10-0:30 End card",
            format!("### {nines}:00-{nines}:30 End card"),
            "",
        ),
        (
            "### 0:10-0:30 End card",
            "### 0:10-71582788:16 End card".to_string(),
            "",
        ),
        (
            "stage: awareness",
            format!("stage: awareness\ndue: {nines}-01-01"),
            "invalid-value",
        ),
        (
            "stage: awareness",
            format!("stage: awareness\ndue: 2026-{nines}-01"),
            "invalid-value",
        ),
        (
            "stage: awareness",
            format!("stage: awareness\ndue: {}", "2".repeat(30)),
            "invalid-value",
        ),
    ];
    for (from, to, rule) in cases {
        let text = CLEAN.replace(from, &to);
        let b = Brief::new().file("a.brief", &text);
        let started = Instant::now();
        let out = b.run_with(["check", "--format", "json", "--today", TODAY, "a.brief"]);
        assert!(
            started.elapsed() < HANG,
            "{to}: took {:?}",
            started.elapsed()
        );
        assert!(matches!(out.status, 0 | 1), "{to}\n{}", out.dump());
        out.no_panic();
        if !rule.is_empty() {
            out.has_diagnostic(rule, "error");
        } else {
            assert!(
                !out.diagnostics().is_empty(),
                "{to}: no diagnostic\n{}",
                out.dump()
            );
        }
        // And the other commands that read the numbers.
        for args in [
            &["fmt", "--check", "a.brief"][..],
            &["export", "--today", TODAY, "a.brief"],
        ]
        .iter()
        .map(|a| a.to_vec())
        {
            let out = b.run_with(args);
            out.no_panic();
            assert!(matches!(out.status, 0 | 1), "{to}\n{}", out.dump());
        }
    }
}

// ------------------------------------------------------------ folder walk

#[cfg(unix)]
#[test]
fn the_walk_survives_symbolic_link_loops() {
    let b = Brief::new()
        .file("briefs/a.brief", CLEAN)
        .file("briefs/sub/b.brief", support::with_warning());
    std::os::unix::fs::symlink("..", b.path("briefs/sub/up")).unwrap();
    std::os::unix::fs::symlink(".", b.path("briefs/self")).unwrap();
    std::os::unix::fs::symlink("loop2", b.path("briefs/loop1")).unwrap();
    std::os::unix::fs::symlink("loop1", b.path("briefs/loop2")).unwrap();
    let started = Instant::now();
    let out = b.run_with(["check", "--format", "json", "--today", TODAY, "briefs"]);
    assert!(started.elapsed() < HANG);
    // The two-link cycle names no folder: it is a dangling `loop1`, not a
    // brief, and is skipped like any other file that is not a brief.
    out.code(0);
    assert_eq!(out.json()["files"], 2, "each brief once\n{}", out.dump());
    assert_eq!(out.files(), ["briefs/sub/b.brief"]);

    // A loop of links named like a brief is a brief that cannot be read,
    // and said so; the others are still checked.
    std::os::unix::fs::symlink("c.brief", b.path("briefs/d.brief")).unwrap();
    std::os::unix::fs::symlink("d.brief", b.path("briefs/c.brief")).unwrap();
    let out = b.run_with(["check", "--today", TODAY, "briefs"]);
    out.code(2)
        .stderr_has("briefs/c.brief")
        .stderr_has("leads back to itself")
        .stdout_has("briefs/sub/b.brief");
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported_and_the_others_are_checked() {
    let b = Brief::new()
        .file("a.brief", support::with_warning())
        .file("locked/b.brief", CLEAN)
        .file("open/c.brief", CLEAN);
    std::fs::set_permissions(
        b.path("locked"),
        std::os::unix::fs::PermissionsExt::from_mode(0o000),
    )
    .unwrap();
    let Some(b) = b.unprivileged() else { return };
    let out = b.run_with(["check", "--today", TODAY, "."]);
    // Restore so the temporary folder can be removed.
    std::fs::set_permissions(
        b.path("locked"),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    out.code(2)
        .stdout_has("0 errors, 1 warning in 2 briefs; 1 file could not be read")
        .stderr_has("cannot read `locked`: permission denied");
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names_are_checked_and_shown() {
    use std::os::unix::ffi::OsStrExt;
    let b = Brief::new().dir("briefs");
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.brief");
    std::fs::write(b.path("briefs").join(name), support::with_error()).unwrap();
    let out = b.run_with(["check", "--today", TODAY, "briefs"]);
    out.code(1)
        .stdout_has("too-many-items")
        .stdout_has("caf\u{FFFD}.brief");
    let out = b.run_with(["check", "--format", "json", "--today", TODAY, "briefs"]);
    out.code(1);
    assert_eq!(out.files(), ["briefs/caf\u{FFFD}.brief"]);
    // fmt rewrites it, and build names the outputs after its real name.
    b.run_with(["fmt", "briefs"]).code(0);
    let b2 = Brief::new().dir("briefs");
    std::fs::write(b2.path("briefs").join(name), CLEAN).unwrap();
    b2.run_with(
        ["build", "--today", TODAY, "-o", "out"]
            .into_iter()
            .map(std::ffi::OsString::from)
            .chain([b2.path("briefs").join(name).into_os_string()]),
    )
    .code(0);
    assert!(
        b2.path("out")
            .join(std::ffi::OsStr::from_bytes(b"caf\xE9.html"))
            .is_file()
    );
    assert!(
        b2.path("out")
            .join(std::ffi::OsStr::from_bytes(b"caf\xE9.pdf"))
            .is_file()
    );
}
