//! `briefc lsp`: the real binary spoken to over pipes, as an editor does.

mod support;

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};
use support::Rng;

/// How long any one answer may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(20);

/// A language client: starts `briefc lsp`, frames messages, waits with timeouts.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    from_server: Receiver<Value>,
    /// Notifications and server requests received while waiting for something else.
    inbox: Vec<Value>,
    next_id: i64,
}

impl Client {
    /// Starts the server in `dir` and initializes it, offering `encodings`.
    fn start(dir: &Path, encodings: &[&str]) -> (Client, Value) {
        Client::start_with(dir, encodings, &[], &[])
    }

    fn start_with(
        dir: &Path,
        encodings: &[&str],
        env: &[(&str, &str)],
        args: &[&str],
    ) -> (Client, Value) {
        let mut command = Command::new(env!("CARGO_BIN_EXE_briefc"));
        command
            .arg("lsp")
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("briefc lsp starts");
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        // Logs are read (so the pipe never fills) and shown with the test's output.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                eprintln!("[server] {line}");
            }
        });
        let (sender, from_server) = channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            while let Some(body) = read_frame(&mut out) {
                let value: Value = serde_json::from_slice(&body).expect("the server sends JSON");
                if sender.send(value).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            stdin: child.stdin.take(),
            child,
            from_server,
            inbox: Vec::new(),
            next_id: 0,
        };
        let init = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": {
                    "general": { "positionEncodings": encodings },
                    "textDocument": { "diagnostic": { "dynamicRegistration": false } },
                    "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
                },
            }),
        );
        client.notify("initialized", json!({}));
        (client, init)
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.send_raw(frame.as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    fn request_full(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    /// Sends a request and returns its result, failing on an error.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_full(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    fn recv(&mut self) -> Value {
        match self.from_server.recv_timeout(TIMEOUT) {
            Ok(value) => value,
            Err(RecvTimeoutError::Timeout) => {
                panic!("the server did not answer within {TIMEOUT:?}")
            }
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// The first message (queued or new) that `matches`.
    fn wait_for(&mut self, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.inbox.iter().position(&matches) {
            return self.inbox.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            assert!(Instant::now() < deadline, "timed out waiting for a message");
            let message = self.recv();
            if matches(&message) {
                return message;
            }
            self.inbox.push(message);
        }
    }

    /// The diagnostics pushed for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap()
    }

    /// The next diagnostics pushed for `uri`, whatever the version.
    fn next_diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap()
    }

    /// The completions at `line`:`character`: each label and the text it inserts.
    fn completions(&mut self, uri: &str, line: u64, character: u64) -> Vec<(String, String)> {
        let items = self.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        );
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["label"].as_str().unwrap().to_string(),
                    i["textEdit"]["newText"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    /// The code actions offered for the diagnostic `d` of `uri`, at its range.
    fn actions_for(&mut self, uri: &str, d: &Value) -> Value {
        self.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": d["range"],
                "context": { "diagnostics": [d] } }),
        )
    }

    /// The labels of the completions at `line`:`character`.
    fn completion_labels(&mut self, uri: &str, line: u64, character: u64) -> Vec<String> {
        self.completions(uri, line, character)
            .into_iter()
            .map(|(label, _)| label)
            .collect()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "brief", "version": 1, "text": text } }),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }

    /// `shutdown`, `exit`, and the exit status.
    fn shutdown(mut self) -> i32 {
        let result = self.request_full("shutdown", Value::Null);
        assert_eq!(result["result"], Value::Null, "{result}");
        self.notify("exit", Value::Null);
        self.stdin.take();
        self.wait_exit()
    }

    fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().expect("exited, not killed");
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_frame(input: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = Some(value.parse::<usize>().unwrap());
        }
    }
    let mut body = vec![0; length.expect("a Content-Length header")];
    input.read_exact(&mut body).ok()?;
    Some(body)
}

fn file_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A scratch folder with `name` holding `text`; returns the folder, the
/// file and its URI.
fn scratch(name: &str, text: &str) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let uri = file_uri(&path);
    (dir, path, uri)
}

fn range(d: &Value) -> [u64; 4] {
    let r = &d["range"];
    [
        r["start"]["line"].as_u64().unwrap(),
        r["start"]["character"].as_u64().unwrap(),
        r["end"]["line"].as_u64().unwrap(),
        r["end"]["character"].as_u64().unwrap(),
    ]
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

/// A brief with an emoji and Cyrillic before each offending text.
const UNICODE_BRIEF: &str = "# Запуск 🚀 Acme Sync

length: 30s
stage: awareness

## Goal
Зробити 🚀 IT-менеджерів **aware** of Acme Sync.

## Audience
IT managers at companies of 200 to 2,000 seats.

## Key benefits
- Set up in minutes, not days

## Success metrics
- Views past 10 seconds: 10,000 in the first month

## Scenes
### 0:00-0:30 Усе 🎬
Visual: The product 😀 in use, see **this**.
Voiceover: Привіт 👋 друзі.
Vizual: x
";

#[test]
fn initialize_negotiates_the_encoding_and_shuts_down_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (client, init) = Client::start(dir.path(), &["utf-8", "utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(init["serverInfo"]["name"], "briefc");
    let caps = &init["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 1, "full sync");
    assert!(caps["diagnosticProvider"].is_object());
    let mut client = client;
    // The client can watch files: the server asks it to watch briefc.yaml.
    let register = client.wait_for(|m| m["method"] == "client/registerCapability");
    let registration = &register["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"][0]["globPattern"],
        "**/briefc.{yaml,yml}"
    );
    client.send(&json!({ "jsonrpc": "2.0", "id": register["id"], "result": null }));
    assert_eq!(client.shutdown(), 0);

    let (client, init) = Client::start(dir.path(), &[]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit(), 1);
}

#[test]
fn diagnostics_have_exact_utf16_ranges_and_clear_when_fixed() {
    let (dir, _, uri) = scratch("launch.brief", UNICODE_BRIEF);
    let (mut client, _) = Client::start(dir.path(), &["utf-16"]);
    client.open(&uri, UNICODE_BRIEF);
    let diags = client.diagnostics(&uri, 1);
    assert_eq!(
        codes(&diags),
        ["inline-markup", "inline-markup", "unknown-field"]
    );
    // `Зробити 🚀 IT-менеджерів ` is 24 characters, 25 UTF-16 code units.
    assert_eq!(range(&diags[0]), [6, 25, 6, 34]);
    // `Visual: The product 😀 in use, see ` is 34 characters, 35 code units.
    assert_eq!(range(&diags[1]), [19, 35, 19, 43]);
    assert_eq!(range(&diags[2]), [21, 0, 21, 6]);
    let unknown = &diags[2];
    assert_eq!(unknown["severity"], 1);
    assert_eq!(unknown["source"], "briefc");
    assert_eq!(
        unknown["message"],
        "unknown scene field `Vizual`\nhelp: did you mean `Visual`? write `Visual: …`"
    );
    assert_eq!(diags[0]["severity"], 2);

    let fixed = UNICODE_BRIEF
        .replace("**aware**", "aware")
        .replace("**this**", "this")
        .replace("Vizual", "Visual");
    client.change(&uri, 2, &fixed);
    assert_eq!(client.diagnostics(&uri, 2), Vec::<Value>::new());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn utf8_ranges_count_bytes() {
    let (dir, _, uri) = scratch("launch.brief", UNICODE_BRIEF);
    let (mut client, _) = Client::start(dir.path(), &["utf-8"]);
    client.open(&uri, UNICODE_BRIEF);
    let diags = client.diagnostics(&uri, 1);
    let line = UNICODE_BRIEF.lines().nth(6).unwrap();
    let start = line.find("**aware**").unwrap() as u64;
    assert_eq!(start, 44);
    assert_eq!(range(&diags[0]), [6, start, 6, start + 9]);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn pull_diagnostics_answer_like_push() {
    let (dir, _, uri) = scratch("launch.brief", UNICODE_BRIEF);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, UNICODE_BRIEF);
    let pushed = client.diagnostics(&uri, 1);
    let pulled = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(pulled["kind"], "full");
    assert_eq!(pulled["items"].as_array().unwrap(), &pushed);
    // An unknown document: an empty report, not an error.
    let unknown = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": "file:///nowhere/x.brief" } }),
    );
    assert_eq!(unknown["items"], json!([]));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_burst_of_changes_is_checked_once() {
    let (dir, _, uri) = scratch("launch.brief", UNICODE_BRIEF);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, UNICODE_BRIEF);
    client.diagnostics(&uri, 1);
    // Sent in one write, the changes reach the server together.
    let mut frames = Vec::new();
    for version in 2..=40 {
        let text = UNICODE_BRIEF.replace("друзі", &"x".repeat(version as usize));
        let body = json!({
            "jsonrpc": "2.0",
            "method": "textDocument/didChange",
            "params": {
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            },
        })
        .to_string();
        frames.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes());
    }
    client.send_raw(&frames);
    client.diagnostics(&uri, 40);
    let published = client
        .inbox
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .count();
    // The reader may hand over the first changes before the rest arrive
    // (more so on a busy machine), but not one check per keystroke.
    assert!(published <= 10, "{published} publications for 39 changes");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn bad_requests_and_malformed_messages_leave_the_server_running() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(dir.path(), &[]);
    let unknown = client.request_full("textDocument/teleport", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");

    // Not JSON: a parse error with a null id.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let parse_error = client.wait_for(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    // JSON, but not JSON-RPC.
    client.send(&json!({ "jsonrpc": "2.0", "id": 77 }));
    let invalid = client.wait_for(|m| m["id"] == 77);
    assert_eq!(invalid["error"]["code"], -32600, "{invalid}");
    // A header block without a length is skipped.
    client.send_raw(b"X-Nonsense: 1\r\n\r\n");
    // Bad parameters for a known method.
    let bad = client.request_full("textDocument/formatting", json!({ "textDocument": 5 }));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    // Still answering.
    let hover = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": "file:///nowhere/x.brief" } }),
    );
    assert_eq!(hover["items"], json!([]));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_panic_is_answered_with_an_error_and_the_server_goes_on() {
    let (dir, _, uri) = scratch("launch.brief", UNICODE_BRIEF);
    let (mut client, _) =
        Client::start_with(dir.path(), &[], &[("BRIEFC_LSP_TEST_PANIC", "1")], &[]);
    let panicked = client.request_full("briefc/panic", json!({}));
    assert_eq!(panicked["error"]["code"], -32603, "{panicked}");
    // One inside a notification: logged, and the server goes on.
    client.notify("briefc/panic", json!({}));
    client.open(&uri, UNICODE_BRIEF);
    assert_eq!(client.diagnostics(&uri, 1).len(), 3);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefc"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let body = json!({ "jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {} })
        .to_string();
    let mut stdin = child.stdin.take().unwrap();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    drop(stdin);
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let response: Value = serde_json::from_slice(&read_frame(&mut out).unwrap()).unwrap();
    assert_eq!(response["error"]["code"], -32002);
    // The input ended without `exit`.
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn a_changed_briefc_yaml_rechecks_every_open_brief() {
    let (dir, _, uri) = scratch("launch.brief", UNICODE_BRIEF);
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let other = sub.join("other.brief");
    std::fs::write(&other, UNICODE_BRIEF).unwrap();
    let other_uri = file_uri(&other);
    let config = dir.path().join("briefc.yaml");
    let config_uri = file_uri(&config);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, UNICODE_BRIEF);
    client.open(&other_uri, UNICODE_BRIEF);
    assert_eq!(client.diagnostics(&uri, 1).len(), 3);
    assert_eq!(client.diagnostics(&other_uri, 1).len(), 3);

    // Written on disk, announced by the file watcher.
    std::fs::write(&config, "rules:\n  inline-markup: off\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 1 }] }),
    );
    assert_eq!(codes(&client.next_diagnostics(&uri)), ["unknown-field"]);
    assert_eq!(
        codes(&client.next_diagnostics(&other_uri)),
        ["unknown-field"]
    );

    // Open in the editor: its unsaved text counts, a broken one included.
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": config_uri, "languageId": "yaml", "version": 1,
            "text": "rules:\n  inline-markup: off\n" } }),
    );
    client.next_diagnostics(&uri);
    client.next_diagnostics(&other_uri);
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": config_uri, "version": 2 },
            "contentChanges": [{ "text": "rules:\n  inline-markup: off\nlimits:\n  benfits: 2\n" }] }),
    );
    for brief in [&uri, &other_uri] {
        let diags = client.next_diagnostics(brief);
        assert_eq!(diags.len(), 1, "{diags:?}");
        let message = diags[0]["message"].as_str().unwrap();
        assert!(
            message.contains("briefc.yaml:4:3") && message.contains("benfits"),
            "{message}"
        );
        assert_eq!(
            diags[0]["relatedInformation"][0]["location"]["uri"],
            config_uri
        );
        // The title line: `# Запуск 🚀 Acme Sync` is 21 UTF-16 code units.
        assert_eq!(range(&diags[0]), [0, 0, 0, 21]);
    }
    // Fixed: the briefs are checked again.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": config_uri, "version": 3 },
            "contentChanges": [{ "text": "rules:\n  scene-gap: off\n" }] }),
    );
    assert_eq!(client.next_diagnostics(&uri).len(), 3);
    assert_eq!(client.shutdown(), 0);
}

/// The byte offset of a UTF-16 position.
fn offset_of(text: &str, pos: &Value) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let character = pos["character"].as_u64().unwrap() as usize;
    let mut start = 0;
    for _ in 0..line {
        start += text[start..].find('\n').expect("the line exists") + 1;
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with `edits` applied (edits do not overlap).
fn apply(text: &str, edits: &Value) -> String {
    let mut edits: Vec<(usize, usize, &str)> = edits
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                offset_of(text, &e["range"]["start"]),
                offset_of(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

const MESSY: &str = "// keep me  \n#  Запуск 🚀\r\nLength:30s\nSTAGE: awareness\n\n\n## objective\nЗробити 🚀 things.  \n## Benefits\n*   one\n\tmore\n## Shot list\n### 0:00 – 0:30   Hook\nVO: hi\non screen:Text\n## KPIs\n- Views: 10,000 in the first month\n## Audience\nIT managers.\n\n\n";

#[test]
fn formatting_edits_make_the_brief_canonical() {
    let (dir, _, uri) = scratch("messy.brief", MESSY);
    let (mut client, init) = Client::start(dir.path(), &["utf-16"]);
    assert_eq!(init["capabilities"]["documentFormattingProvider"], true);
    client.open(&uri, MESSY);
    let edits = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let formatted = apply(MESSY, &edits);
    let canonical = support::briefc_fmt(MESSY);
    assert_ne!(canonical, MESSY);
    assert_eq!(formatted, canonical);
    // Minimal: unchanged lines are not rewritten.
    for edit in edits.as_array().unwrap() {
        assert!(
            !edit["newText"].as_str().unwrap().contains("Views"),
            "{edit}"
        );
    }
    // Formatted text needs no edits.
    client.change(&uri, 2, &canonical);
    let none = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(none, json!([]));

    // `c\t` loses its tab and the blank lines go (found by the `lsp` fuzz
    // target): the diff library's tidied script put the insertion inside
    // the deletion; the raw script gives one edit, and no two edits touch.
    let text = "c\t\n\n\nc\n";
    client.change(&uri, 3, text);
    let edits = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let ranges: Vec<[u64; 4]> = edits.as_array().unwrap().iter().map(range).collect();
    for pair in ranges.windows(2) {
        assert!(pair[0][2..] < pair[1][..2], "edits touch: {edits}");
    }
    assert_eq!(apply(text, &edits), support::briefc_fmt(text));
    assert_eq!(client.shutdown(), 0);
}

fn example() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/acme-sync.brief"
    ))
    .unwrap()
}

fn line_of(text: &str, needle: &str) -> u64 {
    text.lines().position(|l| l == needle).expect(needle) as u64
}

#[test]
fn symbols_outline_title_sections_and_scenes() {
    let text = example();
    let (dir, _, uri) = scratch("acme.brief", &text);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, &text);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    let symbols = symbols.as_array().unwrap();
    assert_eq!(symbols.len(), 1, "one title");
    let title = &symbols[0];
    assert_eq!(
        title["name"],
        "Acme Sync — 90-second overview for sales follow-up"
    );
    assert_eq!(title["detail"], "1 min 30 s");
    let sections: Vec<&str> = title["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        sections,
        [
            "Goal",
            "Audience",
            "Key message",
            "Key benefits",
            "Call to action",
            "Success metrics",
            "Scenes",
            "Look and feel",
            "Mandatory",
            "References",
            "Checklist",
            "Sign-off"
        ]
    );
    let children = title["children"].as_array().unwrap();
    assert_eq!(children[3]["detail"], "3 / 3 benefits");
    let scenes = children[6]["children"].as_array().unwrap();
    let names: Vec<(&str, &str)> = scenes
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["detail"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("0:00-0:10 Hook", "10 s"),
            ("0:10-0:35 Set up in minutes", "25 s"),
            ("0:35-1:00 Works offline", "25 s"),
            ("1:00-1:20 Certified", "20 s"),
            ("1:20-1:30 Call to action", "10 s"),
        ]
    );
    let hook = line_of(&text, "### 0:00-0:10 Hook");
    assert_eq!(scenes[0]["selectionRange"]["start"]["line"], hook);
    // The scene runs to its last line that is not blank.
    assert_eq!(
        scenes[0]["range"]["end"]["line"],
        line_of(&text, "On screen: Sick of sync errors?")
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn folding_ranges_cover_sections_and_scenes() {
    let text = example();
    let (dir, _, uri) = scratch("acme.brief", &text);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, &text);
    let ranges = client.request(
        "textDocument/foldingRange",
        json!({ "textDocument": { "uri": uri } }),
    );
    let ranges: Vec<(u64, u64)> = ranges
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["startLine"].as_u64().unwrap(),
                r["endLine"].as_u64().unwrap(),
            )
        })
        .collect();
    let scenes = line_of(&text, "## Scenes");
    let hook = line_of(&text, "### 0:00-0:10 Hook");
    let cta = line_of(&text, "### 1:20-1:30 Call to action");
    assert!(ranges.contains(&(scenes, cta + 2)), "{ranges:?}");
    assert!(ranges.contains(&(hook, hook + 3)), "{ranges:?}");
    let goal = line_of(&text, "## Goal");
    assert!(ranges.contains(&(goal, goal + 2)), "{ranges:?}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn hover_explains_rules_counts_sections_and_times_scenes() {
    let text = example();
    let (dir, _, uri) = scratch("acme.brief", &text);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, &text);
    let hover = |client: &mut Client, line: u64, character: u64| {
        client.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )
    };
    let benefits = line_of(&text, "## Key benefits");
    let value = hover(&mut client, benefits, 4);
    let markdown = value["contents"]["value"].as_str().unwrap();
    assert_eq!(value["contents"]["kind"], "markdown");
    assert!(markdown.contains("3 benefits of at most 3"), "{markdown}");
    assert!(
        markdown.contains("Benefit 2: 7 words of at most 15"),
        "{markdown}"
    );
    let goal = line_of(&text, "## Goal");
    let markdown = hover(&mut client, goal, 0)["contents"]["value"].clone();
    assert!(
        markdown.as_str().unwrap().contains("words of at most 60"),
        "{markdown}"
    );

    let scene = line_of(&text, "### 0:10-0:35 Set up in minutes");
    let markdown = hover(&mut client, scene, 5)["contents"]["value"].clone();
    let markdown = markdown.as_str().unwrap();
    assert!(
        markdown.contains("Duration: **25 s** (0:10 to 0:35)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Voiceover: 17 words ≈ **6.8 s** at 150 words per minute — fits"),
        "{markdown}"
    );

    // A diagnostic: its rule explained.
    let broken = text.replace("Visual: Laptop on a train", "Visul: Laptop on a train");
    client.change(&uri, 2, &broken);
    let line = line_of(
        &broken,
        "Visul: Laptop on a train, Wi-Fi icon drops, files keep opening.",
    );
    let value = hover(&mut client, line, 2);
    let markdown = value["contents"]["value"].as_str().unwrap();
    assert!(
        markdown.starts_with("**unknown-field** (error)"),
        "{markdown}"
    );
    assert!(markdown.contains("What it does"), "{markdown}");
    assert_eq!(range(&value), [line, 0, line, 5]);

    // Nothing there, a line past the end, an unknown document: null.
    assert_eq!(
        hover(&mut client, line_of(&text, "## Look and feel") + 1, 3),
        Value::Null
    );
    assert_eq!(hover(&mut client, 9999, 0), Value::Null);
    let unknown = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///nowhere.brief" }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(unknown, Value::Null);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn inlay_hints_follow_every_scene_heading() {
    let text = example().replace("length: 90s", "length: 100s");
    let (dir, _, uri) = scratch("acme.brief", &text);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, &text);
    let hints = client.request(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 999, "character": 0 } } }),
    );
    let hints: Vec<(u64, u64, &str)> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["position"]["line"].as_u64().unwrap(),
                h["position"]["character"].as_u64().unwrap(),
                h["label"].as_str().unwrap(),
            )
        })
        .collect();
    let at = |needle: &str| (line_of(&text, needle), needle.encode_utf16().count() as u64);
    let want = [
        (at("length: 100s"), "scenes run to 1:30 (1 min 30 s)"),
        (at("### 0:00-0:10 Hook"), "10 s · VO 5 words ≈ 2 s"),
        (
            at("### 0:10-0:35 Set up in minutes"),
            "25 s · VO 17 words ≈ 7 s",
        ),
        (at("### 0:35-1:00 Works offline"), "25 s · VO 9 words ≈ 4 s"),
        (at("### 1:00-1:20 Certified"), "20 s · VO 15 words ≈ 6 s"),
        (
            at("### 1:20-1:30 Call to action"),
            "10 s · VO 4 words ≈ 2 s",
        ),
    ];
    let want: Vec<(u64, u64, &str)> = want.iter().map(|((l, c), s)| (*l, *c, *s)).collect();
    assert_eq!(hints, want);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn preview_renders_the_unsaved_text_with_the_brand() {
    let text = example();
    let (dir, _, uri) = scratch("acme.brief", &text);
    std::fs::write(
        dir.path().join("briefc.yaml"),
        "brand:\n  name: Umbrella Ltd\n  color: \"#C00\"\n",
    )
    .unwrap();
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, &text);
    let unsaved = text.replace("Your files, everywhere", "Your files, unsaved & everywhere");
    client.change(&uri, 2, &unsaved);
    let result = client.request("briefc/preview", json!({ "textDocument": { "uri": uri } }));
    let html = result["html"].as_str().unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"),
        "{}",
        &html[..50]
    );
    assert!(html.contains("Your files, unsaved &amp; everywhere"));
    assert!(html.contains("Umbrella Ltd"));
    assert!(
        html.contains("#CC0000") || html.contains("#C00"),
        "the brand colour"
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn preview_keeps_to_the_project_folder_as_build_does() {
    // A briefc.yaml that names templates and a logo outside its folder:
    // the templates are refused with build's message, the logo left out.
    let root = tempfile::tempdir().unwrap();
    let project = root.path().join("proj");
    let outside = root.path().join("outside");
    std::fs::create_dir_all(outside.join("tpl")).unwrap();
    std::fs::create_dir(&project).unwrap();
    std::fs::write(
        outside.join("tpl/brief.html"),
        "<html><body>SECRET TEMPLATE</body></html>",
    )
    .unwrap();
    std::fs::write(outside.join("logo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let text = example();
    let path = project.join("acme.brief");
    std::fs::write(&path, &text).unwrap();
    let uri = file_uri(&path);
    let config = project.join("briefc.yaml");
    std::fs::write(&config, "templates: ../outside/tpl\n").unwrap();
    let (mut client, _) = Client::start(&project, &[]);
    client.open(&uri, &text);
    let refused = client.request_full("briefc/preview", json!({ "textDocument": { "uri": uri } }));
    let message = refused["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("`templates` in briefc.yaml leads outside its folder"),
        "{refused}"
    );
    // The logo outside: the preview comes without it.
    std::fs::write(&config, "brand:\n  logo: ../outside/logo.png\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&config), "type": 2 }] }),
    );
    let result = client.request("briefc/preview", json!({ "textDocument": { "uri": uri } }));
    let html = result["html"].as_str().unwrap();
    assert!(html.contains("Acme Sync"));
    assert!(
        !html.contains("data:image/png"),
        "the logo outside was embedded"
    );
    // The same logo inside the project is embedded.
    std::fs::copy(outside.join("logo.png"), project.join("logo.png")).unwrap();
    std::fs::write(&config, "brand:\n  logo: logo.png\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&config), "type": 2 }] }),
    );
    let result = client.request("briefc/preview", json!({ "textDocument": { "uri": uri } }));
    assert!(result["html"].as_str().unwrap().contains("data:image/png"));
    assert_eq!(client.shutdown(), 0);
}

/// A character boundary of `text` near a random place.
fn boundary(text: &str, rng: &mut Rng) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Pieces random edits insert: the stuff diagnostics are made of.
const PIECES: &[&str] = &[
    "",
    "\n",
    " ",
    "x",
    "😀",
    "Привіт ",
    "**bold**",
    "Vizual: x\n",
    "\n## Goal\n",
    "## Benefits\n",
    "\n### 0:10-0:20 Сцена 🎬\n",
    "### 0:75-0:80 bad\n",
    "Voiceover: one two three four five six seven eight nine ten eleven twelve\n",
    "length: 9s\n",
    "length: ninety\n",
    "stage: nope\n",
    "status: approved\n",
    "due: 2020-01-01\n",
    "- item\n",
    "- [ ] todo\n",
    "Stray text\n",
    "# Another title\n",
    "profile: social\n",
    "https://example.com ",
    "[link](https://x.y)",
    "\t",
    "## Sign-off\n- Ann (marketing) 2026-01-01\n",
];

/// The diagnostics `briefc check --format json` gives for `path`, in the
/// form the server gives them: UTF-16 range, severity, rule, message with help.
fn cli_diagnostics(
    dir: &Path,
    path: &Path,
    text: &str,
) -> Vec<(u64, u64, u64, u64, u64, String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_briefc"))
        .args(["check", "--format", "json"])
        .arg(path)
        .current_dir(dir)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let lines: Vec<&str> = text.split('\n').collect();
    // 1-based line and column in characters → 0-based UTF-16 position.
    let utf16 = |line: u64, column: u64| -> (u64, u64) {
        let l = lines[line as usize - 1];
        let units: usize = l
            .chars()
            .take(column as usize - 1)
            .map(char::len_utf16)
            .sum();
        (line - 1, units as u64)
    };
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let (sl, sc) = utf16(d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
            let (el, ec) = utf16(
                d["end_line"].as_u64().unwrap(),
                d["end_column"].as_u64().unwrap(),
            );
            let severity = if d["severity"] == "error" { 1 } else { 2 };
            let mut message = d["message"].as_str().unwrap().to_string();
            if let Some(help) = d["help"].as_str() {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            (
                sl,
                sc,
                el,
                ec,
                severity,
                d["rule"].as_str().unwrap().to_string(),
                message,
            )
        })
        .collect()
}

fn server_diagnostics(diags: &[Value]) -> Vec<(u64, u64, u64, u64, u64, String, String)> {
    diags
        .iter()
        .map(|d| {
            let [sl, sc, el, ec] = range(d);
            (
                sl,
                sc,
                el,
                ec,
                d["severity"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A random request about `uri` at a random place (in range or not); the
/// answer must be a result or an error, never silence or a dead server.
fn random_request(client: &mut Client, uri: &str, rng: &mut Rng) {
    let position = json!({ "line": rng.below(60), "character": rng.below(90) });
    let document = json!({ "uri": uri });
    let (method, params) = match rng.below(9) {
        0 => (
            "textDocument/hover",
            json!({ "textDocument": document, "position": position }),
        ),
        1 => (
            "textDocument/completion",
            json!({ "textDocument": document, "position": position }),
        ),
        2 => (
            "textDocument/codeAction",
            json!({
                "textDocument": document,
                "range": { "start": position, "end": { "line": rng.below(80), "character": 0 } },
                "context": { "diagnostics": [] },
            }),
        ),
        3 => (
            "textDocument/inlayHint",
            json!({
                "textDocument": document,
                "range": { "start": { "line": 0, "character": 0 }, "end": position },
            }),
        ),
        4 => (
            "textDocument/documentSymbol",
            json!({ "textDocument": document }),
        ),
        5 => (
            "textDocument/foldingRange",
            json!({ "textDocument": document }),
        ),
        6 => (
            "textDocument/formatting",
            json!({ "textDocument": document, "options": { "tabSize": 4, "insertSpaces": true } }),
        ),
        7 => ("briefc/preview", json!({ "textDocument": document })),
        _ => (
            "textDocument/diagnostic",
            json!({ "textDocument": document }),
        ),
    };
    let answer = client.request_full(method, params);
    assert!(
        answer.get("result").is_some() || answer.get("error").is_some(),
        "{method}: {answer}"
    );
}

#[test]
fn after_random_edits_the_server_agrees_with_briefc_check() {
    // 2,000 random edits in 20 rounds of 100, a random request every few
    // edits; after each round the server's diagnostics must be exactly
    // `briefc check`'s on the final text.
    const ROUNDS: usize = 20;
    const EDITS: usize = 100;
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(dir.path(), &["utf-16"]);
    let mut rng = Rng(0x5EED_B41E_F000_0001);
    let bases = [
        example(),
        UNICODE_BRIEF.to_string(),
        MESSY.replace('\r', ""),
    ];
    let started = Instant::now();
    let mut edits = 0;
    for round in 0..ROUNDS {
        let path = dir.path().join(format!("round-{round}.brief"));
        let uri = file_uri(&path);
        let mut text = bases[round % bases.len()].clone();
        client.open(&uri, &text);
        let mut version = 1;
        for _ in 0..EDITS {
            random_edit(&mut text, &mut rng);
            version += 1;
            edits += 1;
            client.change(&uri, version, &text);
            if rng.below(8) == 0 {
                random_request(&mut client, &uri, &mut rng);
            }
        }
        let pushed = client.diagnostics(&uri, version);
        std::fs::write(&path, &text).unwrap();
        let want = cli_diagnostics(dir.path(), &path, &text);
        assert_eq!(
            server_diagnostics(&pushed),
            want,
            "round {round}, text:\n{text}"
        );
        let pulled = client.request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri } }),
        );
        assert_eq!(
            pulled["items"].as_array().unwrap(),
            &pushed,
            "round {round}"
        );
        client.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri } }),
        );
    }
    assert_eq!(edits, 2_000);
    eprintln!("{edits} random edits checked in {:?}", started.elapsed());
    assert_eq!(client.shutdown(), 0);
}

/// Replaces a random range of `text` (mostly a small one: up to 40 bytes)
/// with one of [`PIECES`].
fn random_edit(text: &mut String, rng: &mut Rng) {
    let a = boundary(text, rng);
    let b = boundary(text, rng);
    let start = a.min(b);
    let mut end = a.max(b).min(start + rng.below(40));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let piece = PIECES[rng.below(PIECES.len())];
    text.replace_range(start..end, piece);
}

#[test]
fn two_thousand_edits_to_one_document_end_where_briefc_check_does() {
    // One document, 2,000 edits in a row with a random request every few:
    // the server's diagnostics for the final text are `briefc check`'s.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-session.brief");
    let uri = file_uri(&path);
    let (mut client, _) = Client::start(dir.path(), &["utf-16"]);
    let mut rng = Rng(0x5EED_B41E_F000_0002);
    let mut text = example();
    client.open(&uri, &text);
    for version in 2..=2_001 {
        random_edit(&mut text, &mut rng);
        client.change(&uri, version, &text);
        if rng.below(8) == 0 {
            random_request(&mut client, &uri, &mut rng);
        }
    }
    let pushed = client.diagnostics(&uri, 2_001);
    std::fs::write(&path, &text).unwrap();
    let want = cli_diagnostics(dir.path(), &path, &text);
    assert!(!want.is_empty(), "the edits left a brief with mistakes");
    assert_eq!(server_diagnostics(&pushed), want, "text:\n{text}");
    assert_eq!(client.shutdown(), 0);
}

/// [`UNICODE_BRIEF`] padded with notes to at least `size` bytes.
fn huge_brief(size: usize) -> String {
    let mut text = format!("{UNICODE_BRIEF}\n## Notes\n");
    let line = "Notes from the kick-off call: pacing, tone and who is in the room.\n";
    text.reserve(size);
    while text.len() < size {
        text.push_str(line);
    }
    text
}

#[test]
fn huge_documents_leave_the_server_answering() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(dir.path(), &["utf-16"]);

    // 5 MB: checked like any brief.
    let five = dir.path().join("five.brief");
    let five_uri = file_uri(&five);
    let text = huge_brief(5 << 20);
    client.open(&five_uri, &text);
    let pushed = client.diagnostics(&five_uri, 1);
    std::fs::write(&five, &text).unwrap();
    assert_eq!(
        server_diagnostics(&pushed),
        cli_diagnostics(dir.path(), &five, &text)
    );

    // 20 MB: over the 10 MiB limit, so one diagnostic says so, as
    // `briefc check` refuses the file.
    let twenty = dir.path().join("twenty.brief");
    let twenty_uri = file_uri(&twenty);
    client.open(&twenty_uri, &huge_brief(20 << 20));
    let pushed = client.diagnostics(&twenty_uri, 1);
    assert_eq!(codes(&pushed), ["too-large"], "{pushed:?}");
    assert_eq!(range(&pushed[0]), [0, 0, 0, 0]);
    let message = pushed[0]["message"].as_str().unwrap();
    assert!(
        message.contains("the file is 20 MiB, over the 10 MiB limit for briefs"),
        "{message}"
    );
    // Requests about it are answered (with nothing), and the server goes on.
    for method in [
        "textDocument/documentSymbol",
        "textDocument/foldingRange",
        "textDocument/formatting",
    ] {
        let answer = client.request_full(
            method,
            json!({ "textDocument": { "uri": twenty_uri }, "options": { "tabSize": 4, "insertSpaces": true } }),
        );
        assert!(answer.get("result").is_some(), "{method}: {answer}");
    }
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": twenty_uri }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(hover, Value::Null);
    let pulled = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": twenty_uri } }),
    );
    assert_eq!(pulled["items"].as_array().unwrap(), &pushed);
    // Made small again, it is checked again.
    client.change(&twenty_uri, 2, UNICODE_BRIEF);
    assert_eq!(client.diagnostics(&twenty_uri, 2).len(), 3);
    // A message over the transport's 256 MiB limit is skipped, unread.
    client.send_raw(format!("Content-Length: {}\r\n\r\n", 300usize << 20).as_bytes());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..300 {
        client.send_raw(&chunk);
    }
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": five_uri } }),
    );
    assert!(symbols.as_array().is_some_and(|s| !s.is_empty()));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn completion_offers_what_is_missing_where_it_fits() {
    let text = "# Launch\nlength: 30s\nst\nstage: \ndue:\nprofile: \n\n## \n## Goal\nX.\n## Scenes\n### 0:00-0:30 A\nVo\n";
    let (dir, _, uri) = scratch("c.brief", text);
    std::fs::write(
        dir.path().join("briefc.yaml"),
        "profiles:\n  social: { length: { max: 60s } }\n",
    )
    .unwrap();
    let (mut client, init) = Client::start_with(dir.path(), &[], &[], &["--today", "2026-03-04"]);
    assert!(init["capabilities"]["completionProvider"].is_object());
    client.open(&uri, text);
    let mut complete = |line: u64, character: u64| client.completions(&uri, line, character);
    let keys = complete(2, 2);
    assert!(
        keys.contains(&("client".into(), "client: ".into())),
        "{keys:?}"
    );
    assert!(
        keys.contains(&("status".into(), "status: ".into())),
        "{keys:?}"
    );
    for given in ["length", "stage", "due", "profile"] {
        assert!(
            !keys.iter().any(|(l, _)| l == given),
            "{given} is given: {keys:?}"
        );
    }
    let stages: Vec<String> = complete(3, 7).into_iter().map(|(l, _)| l).collect();
    assert_eq!(stages, ["awareness", "engage", "convert", "retain"]);
    assert_eq!(
        complete(4, 4),
        [("2026-03-04".to_string(), " 2026-03-04".to_string())]
    );
    assert_eq!(
        complete(5, 9),
        [("social".to_string(), "social".to_string())]
    );
    let sections: Vec<String> = complete(7, 3).into_iter().map(|(l, _)| l).collect();
    assert!(sections.contains(&"Audience".to_string()), "{sections:?}");
    assert!(
        !sections.contains(&"Goal".to_string()),
        "Goal is there: {sections:?}"
    );
    assert!(!sections.contains(&"Scenes".to_string()), "{sections:?}");
    let fields = complete(12, 2);
    assert!(
        fields.contains(&("Voiceover".into(), "Voiceover: ".into())),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("Visual".into(), "Visual: ".into())),
        "{fields:?}"
    );
    // Inside prose, past the end of the text: nothing.
    assert_eq!(complete(9, 1), Vec::<(String, String)>::new());
    assert_eq!(complete(99, 0), Vec::<(String, String)>::new());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn completion_offers_the_languages_with_built_in_labels() {
    let text = "# Launch\nlength: 30s\nlanguage: \nla\n";
    let (dir, _, uri) = scratch("l.brief", text);
    let (mut client, _) = Client::start_with(dir.path(), &[], &[], &["--today", "2026-03-04"]);
    client.open(&uri, text);
    let codes = client.completion_labels(&uri, 2, 10);
    assert_eq!(codes, ["en", "de", "fr", "es", "pt", "uk", "ja", "zh"]);
    let detail = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 10 } }),
    );
    let uk = detail
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "uk")
        .unwrap();
    assert_eq!(uk["detail"], "Ukrainian (українська): built-in labels");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn completion_signs_a_sign_off_entry_with_today() {
    let text = "# Launch\nlength: 30s\n\n## Sign-off\n- Priya Shah (marketing)\n- Tom Becker (VP Sales) \n- Ana Lima (sales) 2026-01-02\n- Jo\n";
    let (dir, _, uri) = scratch("s.brief", text);
    let (mut client, _) = Client::start_with(dir.path(), &[], &[], &["--today", "2026-03-04"]);
    client.open(&uri, text);
    let mut complete = |line: u64, character: u64| -> Vec<String> {
        let items = client.completions(&uri, line, character);
        items.into_iter().map(|(_, new_text)| new_text).collect()
    };
    // After `(ROLE)`: today, with the space it needs.
    assert_eq!(complete(4, 24), [" 2026-03-04"]);
    assert_eq!(complete(5, 24), ["2026-03-04"]);
    // Already dated, inside the name, or no `(ROLE)` yet: nothing.
    assert_eq!(complete(6, 18), Vec::<String>::new());
    assert_eq!(complete(4, 5), Vec::<String>::new());
    assert_eq!(complete(7, 4), Vec::<String>::new());
    assert_eq!(client.shutdown(), 0);
}

const GAPPY: &str = "# Launch
length: 30s

## Goal
Make IT managers aware of Acme Sync.

## Audience
IT managers at companies of 200 to 2,000 seats.

## Key benefits
- Set up in minutes, not days

## Success metrics
- Views: 10,000 in the first month

## Scenes
### 0:00-0:10 Hook
Visual: The product.
### 0:12-0:20 Setup
Visual: A laptop.
### 0:18-0:30 Close
Visual: The logo.
";

#[test]
fn quick_fixes_close_a_scene_gap_and_an_overlap() {
    let (dir, _, uri) = scratch("gap.brief", GAPPY);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, GAPPY);
    let diags = client.diagnostics(&uri, 1);
    assert_eq!(codes(&diags), ["scene-gap", "scene-overlap"]);
    let mut fixed_texts = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        let actions = client.actions_for(&uri, d);
        let fix = &actions[0];
        assert_eq!(fix["isPreferred"], true, "{actions}");
        let fixed = apply(GAPPY, &fix["edit"]["changes"][uri.as_str()]);
        let version = 2 + i as i64;
        client.change(&uri, version, &fixed);
        let after = client.diagnostics(&uri, version);
        assert_eq!(after.len(), 1, "{}: {after:?}", fix["title"]);
        assert_ne!(after[0]["code"], d["code"]);
        fixed_texts.push((fix["title"].as_str().unwrap().to_string(), fixed));
    }
    assert_eq!(fixed_texts[0].0, "Start the scene at 0:10");
    assert!(fixed_texts[0].1.contains("\n### 0:10-0:20 Setup\n"));
    assert_eq!(fixed_texts[1].0, "Start the scene at 0:20");
    assert!(fixed_texts[1].1.contains("\n### 0:20-0:30 Close\n"));
    assert_eq!(client.shutdown(), 0);
}

const FIXABLE: &str = "# Launch

length: 30s
stage: awarenes

## Objective
Make IT managers aware of Acme Sync.

## Audiance
IT managers at companies of 200 to 2,000 seats.

## Key benefits
- Set up in minutes, not days

## Scenes
### 0:00-0:30 Everything
Vizual: The product in use on a laptop.
VO: Short words.
";

#[test]
fn each_quick_fix_leaves_the_brief_one_diagnostic_cleaner() {
    let (dir, _, uri) = scratch("fix.brief", FIXABLE);
    let (mut client, init) = Client::start(dir.path(), &[]);
    assert!(init["capabilities"]["codeActionProvider"].is_object());
    client.open(&uri, FIXABLE);
    let diags = client.diagnostics(&uri, 1);
    assert_eq!(
        codes(&diags),
        [
            "missing-section",
            "invalid-value",
            "unknown-section",
            "unknown-field"
        ]
    );
    let mut version = 1;
    let mut seen = Vec::new();
    for d in &diags {
        let actions = client.actions_for(&uri, d);
        let fix = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["diagnostics"][0]["code"] == d["code"] && a["isPreferred"] == true)
            .unwrap_or_else(|| panic!("no preferred fix for {d}: {actions}"))
            .clone();
        assert_eq!(fix["kind"], "quickfix");
        seen.push(fix["title"].as_str().unwrap().to_string());
        let edits = &fix["edit"]["changes"][uri.as_str()];
        let fixed = apply(FIXABLE, edits);
        version += 1;
        client.change(&uri, version, &fixed);
        let after = client.diagnostics(&uri, version);
        assert_eq!(
            after.len(),
            diags.len() - 1,
            "{}: {after:?}",
            seen.last().unwrap()
        );
        assert!(!after.contains(d), "{} fixed nothing", seen.last().unwrap());
        version += 1;
        client.change(&uri, version, FIXABLE);
        client.diagnostics(&uri, version);
    }
    assert_eq!(
        seen,
        [
            "Add the section `## Success metrics`",
            "Set `stage` to `awareness`",
            "Change `Audiance` to `Audience`",
            "Change `Vizual` to `Visual`",
        ]
    );
    // Without a diagnostic: an alias spelt canonically.
    let objective = line_of(FIXABLE, "## Objective");
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri },
            "range": { "start": { "line": objective, "character": 4 }, "end": { "line": objective, "character": 4 } },
            "context": { "diagnostics": [] } }),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Rename `## Objective` to `## Goal`"]);
    let vo = line_of(FIXABLE, "VO: Short words.");
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri },
            "range": { "start": { "line": vo, "character": 0 }, "end": { "line": vo, "character": 0 } },
            "context": { "diagnostics": [] } }),
    );
    let edit = &actions[0]["edit"]["changes"][uri.as_str()];
    assert!(apply(FIXABLE, edit).contains("\nVoiceover: Short words.\n"));
    assert_eq!(client.shutdown(), 0);
}

/// Language 1.1 in the editor: the new sections and keys are offered (and
/// say so), a milestone entry starts with today, a `## Milestones` hover
/// spans the schedule, and voiceover hints count what is said.
#[test]
fn language_1_1_completion_hover_and_hints() {
    let text = "# Launch\nlength: 60-90s\n\n## Milestones\n- 2026-03-01: Script\n- 2026-03-20: Shoot\n- \n\n## Scenes\n### 0-10s Hook\nVoiceover: Call 1-800-555-0199 today.\n";
    let (dir, _, uri) = scratch("m.brief", text);
    let (mut client, _) = Client::start_with(dir.path(), &[], &[], &["--today", "2026-03-04"]);
    client.open(&uri, text);

    // `- ` under `## Milestones`: today and the colon.
    let items = client.completions(&uri, 6, 2);
    assert_eq!(
        items,
        [("2026-03-04".to_string(), "2026-03-04: ".to_string())]
    );

    // `## `: the 1.1 sections among those missing, marked as such.
    let mut with_detail = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 7, "character": 0 } }),
    );
    assert!(
        with_detail.as_array().unwrap().is_empty(),
        "a blank line offers nothing"
    );
    client.change(
        &uri,
        2,
        &text.replace("- \n\n## Scenes", "- \n\n## \n\n## Scenes"),
    );
    with_detail = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 8, "character": 3 } }),
    );
    let sections: Vec<(&str, Option<&str>)> = with_detail
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["label"].as_str().unwrap(), i["detail"].as_str()))
        .collect();
    for new in ["Background", "Avoid", "Assets", "Open questions"] {
        assert!(
            sections.contains(&(new, Some("since language 1.1"))),
            "{new}: {sections:?}"
        );
    }
    assert!(sections.contains(&("Goal", None)));
    assert!(
        !sections.iter().any(|(s, _)| *s == "Milestones"),
        "already there"
    );
    client.change(&uri, 3, text);

    // Header keys: `version` and `cutdowns` are offered.
    client.change(
        &uri,
        4,
        &text.replace("length: 60-90s\n", "length: 60-90s\nv\n"),
    );
    let keys: Vec<String> = client
        .completions(&uri, 2, 1)
        .into_iter()
        .map(|i| i.1)
        .collect();
    assert!(
        keys.contains(&"version: ".to_string()) && keys.contains(&"cutdowns: ".to_string()),
        "{keys:?}"
    );
    client.change(&uri, 5, text);

    // Hover on `## Milestones`: the count and the span of the schedule.
    let value = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 3, "character": 4 } }),
    );
    let markdown = value["contents"]["value"].as_str().unwrap();
    assert!(markdown.contains("- 2 milestones"), "{markdown}");
    assert!(
        markdown.contains("- From 2026-03-01 to 2026-03-20"),
        "{markdown}"
    );

    // The hook's voiceover: 3 words written, 13 said (eleven digits).
    let hints = client.request(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 99, "character": 0 } } }),
    );
    let labels: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"10 s · VO 3 words (13 spoken) ≈ 5 s"),
        "{labels:?}"
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn completion_offers_status_values_and_today_after_shoot() {
    let text = "# Launch\nlength: 30s\nstatus: \nshoot:\n\n## Goal\nX.\n";
    let (dir, _, uri) = scratch("s.brief", text);
    let (mut client, _) = Client::start_with(dir.path(), &[], &[], &["--today", "2026-03-04"]);
    client.open(&uri, text);
    let statuses = client.completion_labels(&uri, 2, 8);
    assert_eq!(statuses, ["draft", "review", "approved"]);
    assert_eq!(
        client.completions(&uri, 3, 6),
        [("2026-03-04".to_string(), " 2026-03-04".to_string())]
    );
    assert_eq!(client.shutdown(), 0);
}

/// A misspelt status gets the fix it means; `approved` is offered only
/// where it would not add a diagnostic (an approved brief needs sign-offs).
#[test]
fn the_status_quick_fix_sets_a_valid_status() {
    let text = "# Launch\nlength: 30s\nstatus: reveiw\n\n## Goal\nX.\n\n## Audience\nY.\n\n## Key benefits\n- Z\n\n## Success metrics\n- Views: 100 by 2027-03-31 (source: YouTube)\n";
    let (dir, _, uri) = scratch("st.brief", text);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, text);
    let diags = client.diagnostics(&uri, 1);
    let bad = diags
        .iter()
        .find(|d| d["code"] == "invalid-value")
        .unwrap_or_else(|| panic!("no invalid-value: {diags:?}"))
        .clone();
    let actions = client.actions_for(&uri, &bad);
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("no preferred fix: {actions}"))
        .clone();
    assert_eq!(fix["title"], "Set `status` to `review`");
    let fixed = apply(text, &fix["edit"]["changes"][uri.as_str()]);
    assert!(fixed.contains("\nstatus: review\n"), "{fixed}");
    client.change(&uri, 2, &fixed);
    let after = client.diagnostics(&uri, 2);
    assert_eq!(after.len(), diags.len() - 1, "{after:?}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn saving_briefc_yaml_rechecks_the_open_briefs() {
    let (dir, _, uri) = scratch("launch.brief", UNICODE_BRIEF);
    let config = dir.path().join("briefc.yaml");
    let config_uri = file_uri(&config);
    let (mut client, _) = Client::start(dir.path(), &[]);
    client.open(&uri, UNICODE_BRIEF);
    assert_eq!(client.diagnostics(&uri, 1).len(), 3);
    // Saved by an editor that sends no file-watcher events: didSave alone.
    std::fs::write(&config, "rules:\n  inline-markup: off\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": config_uri } }),
    );
    assert_eq!(codes(&client.next_diagnostics(&uri)), ["unknown-field"]);
    assert_eq!(client.shutdown(), 0);
}

/// Everything on stdout is a protocol frame (`Content-Length` header, blank
/// line, exactly that many bytes of JSON); logs, panics included, go to
/// stderr.
#[test]
fn stdout_carries_only_protocol_frames_and_logs_go_to_stderr() {
    let (dir, _, uri) = scratch("launch.brief", UNICODE_BRIEF);
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefc"))
        .arg("lsp")
        .current_dir(dir.path())
        .env("BRIEFC_LSP_TEST_PANIC", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut send = |body: String| {
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    };
    send(
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": { "capabilities": {}, "rootUri": null } })
        .to_string(),
    );
    send(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }).to_string());
    send(
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": { "textDocument": { "uri": uri, "languageId": "brief", "version": 1,
            "text": UNICODE_BRIEF } } })
        .to_string(),
    );
    send("{ this is not json".to_string());
    send(
        json!({ "jsonrpc": "2.0", "id": 2, "method": "no/such/method", "params": {} }).to_string(),
    );
    send(json!({ "jsonrpc": "2.0", "id": 3, "method": "briefc/panic", "params": {} }).to_string());
    send(json!({ "jsonrpc": "2.0", "method": "briefc/panic", "params": {} }).to_string());
    send(json!({ "jsonrpc": "2.0", "id": 4, "method": "shutdown" }).to_string());
    send(json!({ "jsonrpc": "2.0", "method": "exit" }).to_string());
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));

    let mut rest: &[u8] = &out.stdout;
    let mut frames = Vec::new();
    while !rest.is_empty() {
        let end = rest
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("not a frame: {:?}", String::from_utf8_lossy(rest)));
        let header = std::str::from_utf8(&rest[..end]).unwrap();
        let length: usize = header
            .strip_prefix("Content-Length: ")
            .unwrap_or_else(|| panic!("not a frame header: {header:?}"))
            .parse()
            .unwrap();
        let body = &rest[end + 4..end + 4 + length];
        let message: Value = serde_json::from_slice(body).expect("a JSON body");
        assert_eq!(message["jsonrpc"], "2.0");
        frames.push(message);
        rest = &rest[end + 4 + length..];
    }
    let answered: Vec<i64> = frames.iter().filter_map(|f| f["id"].as_i64()).collect();
    assert_eq!(answered, [1, 2, 3, 4], "{frames:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("briefc lsp 0.1.0: ready"), "{stderr}");
    assert!(
        stderr.contains("briefc/panic"),
        "the panic is logged: {stderr}"
    );
    assert!(
        stderr.contains("internal error while handling `briefc/panic`: a panic asked for"),
        "the notification's panic is logged: {stderr}"
    );
}

/// A brief with mistakes on its first line (a Markdown emphasis, trailing
/// space) and below it.
const FIRST_LINE_MISTAKES: &str = "# Launch **Acme** 🚀 now  
length: 30s
stage: awarenes

## Objective
Make IT managers aware.

## Audiance
IT managers.

## Key benefits
- Set up in minutes

## Scenes
### 0:00-0:20 Everything
Vizual: The product.
VO: Short words.
";

/// `value` with every position on the first line (an object with `line` 0
/// and a `character`) moved `by` columns.
fn shift_first_line(value: &Value, by: u64) -> Value {
    match value {
        Value::Object(map) => {
            let mut out: serde_json::Map<String, Value> = map
                .iter()
                .map(|(k, v)| (k.clone(), shift_first_line(v, by)))
                .collect();
            if map.get("line") == Some(&json!(0))
                && let Some(c) = map.get("character").and_then(Value::as_u64)
            {
                out.insert("character".into(), json!(c + by));
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| shift_first_line(v, by)).collect())
        }
        other => other.clone(),
    }
}

/// Every answer the server gives about `text` (opened as `name`, positions
/// in `encoding`): its diagnostics, outline, folding, hints, formatting,
/// a quick fix for each diagnostic, hovers and completions at fixed places
/// (on the first line moved `lead` columns, the width of a BOM the text
/// starts with).
fn every_answer(name: &str, text: &str, encoding: &str, lead: u64) -> Vec<Value> {
    let (dir, _, uri) = scratch(name, text);
    let (mut client, _) = Client::start(dir.path(), &[encoding]);
    client.open(&uri, text);
    let document = json!({ "uri": uri });
    let diagnostics = client.diagnostics(&uri, 1);
    let mut answers = vec![json!(diagnostics)];
    for method in ["textDocument/documentSymbol", "textDocument/foldingRange"] {
        answers.push(client.request(method, json!({ "textDocument": document })));
    }
    answers.push(client.request(
        "textDocument/inlayHint",
        json!({ "textDocument": document,
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 99, "character": 0 } } }),
    ));
    answers.push(client.request(
        "textDocument/formatting",
        json!({ "textDocument": document, "options": { "tabSize": 2, "insertSpaces": true } }),
    ));
    for d in &diagnostics {
        answers.push(client.actions_for(&uri, d));
    }
    for line in [0u64, 1, 2, 7, 14, 15] {
        for character in [0u64, 3, 9, 12, 20, 30] {
            let character = if line == 0 {
                character + lead
            } else {
                character
            };
            let position = json!({ "line": line, "character": character });
            for method in ["textDocument/hover", "textDocument/completion"] {
                answers.push(client.request(
                    method,
                    json!({ "textDocument": document, "position": position }),
                ));
            }
        }
    }
    assert_eq!(client.shutdown(), 0);
    // The folders differ: the document's URI is left out of the answers.
    answers
        .iter()
        .map(|a| serde_json::from_str(&a.to_string().replace(&uri, "URI")).unwrap())
        .collect()
}

#[test]
fn a_document_starting_with_a_bom_gets_every_answer_counted_in_the_editors_text() {
    // An editor may keep a file's byte order mark in its text; `briefc
    // check` reads the file without it. The server checks what `check`
    // checks, and counts positions in the editor's text: the same answers,
    // moved on the first line by the mark's width.
    let with_bom = format!("\u{FEFF}{FIRST_LINE_MISTAKES}");
    for (encoding, width) in [("utf-16", 1), ("utf-8", 3)] {
        let plain = every_answer("launch.brief", FIRST_LINE_MISTAKES, encoding, 0);
        let marked = every_answer("launch.brief", &with_bom, encoding, width);
        assert!(plain[0].as_array().unwrap().len() >= 5, "{}", plain[0]);
        assert_eq!(plain.len(), marked.len());
        for (plain, marked) in plain.iter().zip(&marked) {
            assert_eq!(marked, &shift_first_line(plain, width), "{encoding}");
        }
    }

    // The ranges cover the text `briefc check` names, as the editor counts.
    let (dir, path, uri) = scratch("marked.brief", &with_bom);
    let (mut client, _) = Client::start(dir.path(), &["utf-16"]);
    client.open(&uri, &with_bom);
    let diags = client.diagnostics(&uri, 1);
    let markup = diags.iter().find(|d| d["code"] == "inline-markup").unwrap();
    let start = offset_of(&with_bom, &markup["range"]["start"]);
    let end = offset_of(&with_bom, &markup["range"]["end"]);
    assert_eq!(&with_bom[start..end], "**Acme**");
    let mut want = cli_diagnostics(dir.path(), &path, FIRST_LINE_MISTAKES);
    for d in &mut want {
        // `check` counts columns after the mark; the editor counts it.
        if d.0 == 0 {
            d.1 += 1;
        }
        if d.2 == 0 {
            d.3 += 1;
        }
    }
    assert_eq!(server_diagnostics(&diags), want);

    // Formatting keeps the mark, as `briefc fmt` does.
    let edits = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let formatted = apply(&with_bom, &edits);
    std::fs::write(&path, &with_bom).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_briefc"))
        .arg("fmt")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let canonical = std::fs::read_to_string(&path).unwrap();
    assert!(canonical.starts_with('\u{FEFF}'));
    assert_ne!(canonical, with_bom);
    assert_eq!(formatted, canonical);
    assert_eq!(client.shutdown(), 0);
}
