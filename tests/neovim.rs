//! A real editor as the language client: headless Neovim loads the set-up
//! snippet of docs/editors.md for its version, opens a brief, receives the
//! diagnostics of `briefc lsp`, fixes the lines and sees them clear, and
//! formats through the server (tests/neovim/driver.lua does the typing).

mod support;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A brief with two mistakes after emoji and Cyrillic text, so that the
/// editor's byte columns prove the server's UTF-16 positions.
const BRIEF: &str = "\
# Запуск 🚀 Acme Sync
length: 30s
stage: awareness

## Goal
Зробити 🚀 IT-менеджерів aware of Acme Sync.

## Audience
IT managers at firms of 50 to 500 people.

## Key benefits
- Set up in five minutes
- Works offline

## Success metrics
- Views: 10,000 in the first month

## Scenes
### 0:00-0:30 Hook
Visual: The product 😀 in use, see **this**.
Voiceover: Привіт 👋 друзі.
Audoi: Upbeat music.
";

const BAD_MARKUP: &str = "Visual: The product 😀 in use, see **this**.";
const BAD_FIELD: &str = "Audoi: Upbeat music.";

/// `(major, minor)` of the installed Neovim, or `None` when it is missing.
fn neovim_version() -> Option<(u32, u32)> {
    let version = support::tool_stdout("nvim", &["--version"])?;
    // "NVIM v0.7.2"
    let numbers = version.lines().next()?.strip_prefix("NVIM v")?;
    let mut parts = numbers.split('.').map(|p| p.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??))
}

/// The Lua block of docs/editors.md under the paragraph that starts with `heading`.
fn docs_snippet(heading: &str) -> String {
    let docs = std::fs::read_to_string(support::repo("docs/editors.md")).unwrap();
    let after = &docs[docs
        .find(heading)
        .unwrap_or_else(|| panic!("docs/editors.md has no {heading}"))..];
    let start = after.find("```lua\n").expect("a lua block") + "```lua\n".len();
    let end = start + after[start..].find("```").expect("the block's end");
    after[start..end].to_string()
}

/// Runs Neovim headless in `dir` with `init` as its init.lua and the driver;
/// returns what the driver wrote.
fn run_neovim(dir: &Path, init: &str, env: &[(&str, &str)]) -> Value {
    std::fs::write(dir.join("init.lua"), init).unwrap();
    let out = dir.join("out.json");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_briefc")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let home = dir.join("home");
    let mut child = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u", "init.lua", "-c"])
        .arg(format!(
            "luafile {}",
            support::repo("tests/neovim/driver.lua").display()
        ))
        .current_dir(dir)
        .env("PATH", path)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("BRIEFC_OUT", &out)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start nvim");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            panic!("Neovim did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    let text = std::fs::read_to_string(&out).unwrap_or_else(|e| {
        panic!(
            "the driver wrote no result ({e}); Neovim said:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    serde_json::from_str(&text).unwrap()
}

#[test]
fn neovim_shows_diagnostics_clears_them_and_formats_through_the_server() {
    let Some(version) = neovim_version() else {
        return;
    };
    let init = if version >= (0, 11) {
        docs_snippet("**Neovim 0.11 or later**")
    } else if version >= (0, 8) {
        docs_snippet("**Neovim 0.8 to 0.10**")
    } else {
        docs_snippet("**Neovim 0.7**")
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("launch.brief"), BRIEF).unwrap();
    std::fs::write(dir.path().join("briefc.yaml"), "").unwrap();
    let result = run_neovim(
        dir.path(),
        &init,
        &[
            ("BRIEFC_BRIEF", "launch.brief"),
            ("BRIEFC_BAD1", BAD_MARKUP),
            ("BRIEFC_GOOD1", "Visual: The product 😀 in use, see this."),
            ("BRIEFC_BAD2", BAD_FIELD),
            ("BRIEFC_GOOD2", "Audio: Upbeat music."),
            ("BRIEFC_TIDY", "length: 30s"),
            ("BRIEFC_MESSY", "Length:30s"),
        ],
    );
    assert_eq!(result["ok"], true, "the driver failed: {result:#}");
    assert_eq!(result["filetype"], "brief");
    assert_eq!(result["clients"], 1, "one briefc client attached");
    assert_eq!(
        result["steps"],
        serde_json::json!(["diagnostics", "cleared", "formatted", "written"])
    );

    // Neovim turns the server's UTF-16 positions into byte columns: exact
    // ones prove the encoding end to end.
    let opened = result["opened"].as_array().unwrap();
    let line_of = |text: &str| BRIEF.lines().position(|l| l == text).unwrap() as u64;
    let markup = &opened[0];
    assert_eq!(markup["code"], "inline-markup");
    assert_eq!(markup["source"], "briefc");
    assert_eq!(markup["lnum"], line_of(BAD_MARKUP));
    let stars = BAD_MARKUP.find("**this**").unwrap() as u64;
    assert_eq!(markup["col"], stars);
    assert_eq!(markup["end_col"], stars + "**this**".len() as u64);
    assert_eq!(markup["severity"], 2, "a warning");
    let field = &opened[1];
    assert_eq!(field["code"], "unknown-field");
    assert_eq!(field["lnum"], line_of(BAD_FIELD));
    assert_eq!(field["col"], 0);
    assert_eq!(field["end_col"], 5);
    assert_eq!(field["severity"], 1, "an error");
    assert!(
        field["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `Audio`?"),
        "{field}"
    );
    assert_eq!(opened.len(), 2, "{opened:#?}");

    // Formatting through the server gives what `briefc fmt` gives.
    let before = result["before_format"].as_str().unwrap();
    let after = result["after_format"].as_str().unwrap();
    assert!(before.contains("Length:30s\n") && before.ends_with("\n\n\n"));
    assert_ne!(before, after);
    assert_eq!(after, support::briefc_fmt(before));
    // The saved file is clean for `briefc check` too.
    let saved = std::fs::read_to_string(dir.path().join("launch.brief")).unwrap();
    assert_eq!(saved, after);
    support::briefc_in(dir.path())
        .args(["check", "launch.brief"])
        .assert()
        .success();
}
