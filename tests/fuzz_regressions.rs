//! Replays the fuzz targets' properties on stable Rust, without the fuzzer:
//! every input under `fuzz/regressions/TARGET/` (minimized inputs that once
//! broke a property; see `fuzz/README.md`) and every seed the fuzzers start
//! from (the examples, the fixtures, `fuzz/seeds/`) goes through the same
//! property functions the targets in `fuzz/fuzz_targets/` call.

// The properties and the language server's position and formatting code,
// compiled here from the files the fuzz crate uses.
#[allow(dead_code)]
#[path = "../fuzz/src/lsp.rs"]
mod lsp;
#[allow(dead_code)]
#[path = "../fuzz/src/props.rs"]
mod props;

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files in `dir` (relative to the repository), sorted; none when the
/// folder does not exist.
fn files_in(dir: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_none_or(|n| n != "README.md"))
        .collect();
    out.sort();
    out
}

/// The briefs every brief target starts from.
fn brief_seeds() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [
        "examples",
        "examples/world",
        "tests/fixtures/rules",
        "tests/fixtures/bad",
        "benches",
    ] {
        out.extend(
            files_in(dir)
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "brief")),
        );
    }
    assert!(out.len() > 50, "only {} seed briefs", out.len());
    out
}

/// Runs `property` on every seed and every regression input of `target`,
/// naming the file that fails.
fn replay(target: &str, seeds: Vec<PathBuf>, property: fn(&[u8])) -> usize {
    let mut inputs = seeds;
    inputs.extend(files_in(&format!("fuzz/seeds/{target}")));
    inputs.extend(files_in(&format!("fuzz/regressions/{target}")));
    for path in &inputs {
        let bytes = std::fs::read(path).unwrap();
        if let Err(panic) = std::panic::catch_unwind(|| property(&bytes)) {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            panic!("{target}: {}: {message}", path.display());
        }
    }
    inputs.len()
}

#[test]
fn parse_check() {
    replay("parse_check", brief_seeds(), props::parse_check);
}

#[test]
fn fmt() {
    replay("fmt", brief_seeds(), props::fmt);
}

#[test]
fn export() {
    replay("export", brief_seeds(), props::export);
}

#[test]
fn render() {
    replay("render", brief_seeds(), props::render);
}

#[test]
fn config() {
    let n = replay("config", Vec::new(), props::config);
    assert!(n >= 5, "only {n} config inputs");
}

#[test]
fn lsp() {
    replay("lsp", brief_seeds(), props::lsp);
}

#[test]
fn every_regression_folder_names_a_target() {
    let targets = ["parse_check", "fmt", "export", "render", "config", "lsp"];
    for dir in ["fuzz/regressions", "fuzz/seeds"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                let name = path.file_name().unwrap().to_str().unwrap();
                assert!(
                    targets.contains(&name),
                    "{}: no such target",
                    path.display()
                );
            }
        }
    }
}

/// The `lsp` target drives the server's code compiled into the fuzz crate;
/// this sends the same edit sequences to the real `briefc lsp` over stdio
/// (open, one full-text change per edit, formatting, shutdown) and asserts
/// that it answers the formatting request and exits cleanly. Runs on the
/// `lsp` regression inputs and seeds, and on one example.
#[test]
fn lsp_sequences_through_the_real_server() {
    use serde_json::{Value, json};
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::{Command, Stdio};

    let mut inputs = files_in("fuzz/regressions/lsp");
    inputs.extend(files_in("fuzz/seeds/lsp"));
    inputs.push(root().join("examples/acme-sync.brief"));
    for path in inputs {
        let bytes = std::fs::read(&path).unwrap();
        let (opened, edits) = props::decode_edits(&bytes);
        let uri = "untitled:fuzz.brief";
        let frame = |v: Value| {
            let body = v.to_string();
            format!("Content-Length: {}\r\n\r\n{body}", body.len())
        };
        let mut messages = vec![
            frame(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"capabilities": {"general": {"positionEncodings": ["utf-16"]}}}})),
            frame(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}})),
            frame(
                json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params":
                {"textDocument": {"uri": uri, "languageId": "brief", "version": 1, "text": opened}}}),
            ),
        ];
        // The client side: apply each edit, send the full text.
        let mut text = opened.clone();
        for (i, edit) in edits.iter().enumerate() {
            text = props::apply_edit(&text, edit);
            messages.push(frame(
                json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": i + 2},
                    "contentChanges": [{"text": text}]}}),
            ));
        }
        messages.push(frame(
            json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/formatting",
            "params": {"textDocument": {"uri": uri},
                "options": {"tabSize": 2, "insertSpaces": true}}}),
        ));
        messages.push(frame(
            json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
        ));
        messages.push(frame(json!({"jsonrpc": "2.0", "method": "exit"})));

        let mut child = Command::new(env!("CARGO_BIN_EXE_briefc"))
            .args(["lsp", "--today", "2026-11-24"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("briefc lsp starts");
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            for m in messages {
                if stdin.write_all(m.as_bytes()).is_err() {
                    break;
                }
            }
        });
        let mut stderr = child.stderr.take().unwrap();
        let logs = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = stderr.read_to_string(&mut s);
            s
        });
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut answered = Vec::new();
        loop {
            let mut length = None;
            let mut line = String::new();
            loop {
                line.clear();
                if out.read_line(&mut line).unwrap() == 0 {
                    break;
                }
                if line == "\r\n" {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = Some(n.trim().parse::<usize>().unwrap());
                }
            }
            let Some(length) = length else { break };
            let mut body = vec![0; length];
            out.read_exact(&mut body).unwrap();
            let message: Value = serde_json::from_slice(&body).unwrap();
            if let Some(id) = message.get("id").and_then(Value::as_i64) {
                assert!(
                    message.get("error").is_none(),
                    "{}: {message}",
                    path.display()
                );
                answered.push(id);
            }
        }
        writer.join().unwrap();
        let status = child.wait().unwrap();
        let logs = logs.join().unwrap();
        assert!(
            status.success(),
            "{}: the server exited with {status}\n{logs}",
            path.display()
        );
        assert_eq!(answered, [1, 2, 3], "{}: answers\n{logs}", path.display());
    }
}
