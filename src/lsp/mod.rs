//! `briefc lsp`: the language server, a front-end beside the command line.
//!
//! One thread reads standard input into a queue ([`transport`]); the main
//! loop takes everything queued, applies it in order (document changes only
//! store the newest text), answers requests, and then checks each changed
//! brief once and publishes its diagnostics, so a burst of keystrokes costs
//! one check. Checking is `briefc check`'s: the same library call, the same
//! `briefc.yaml` lookup (with the unsaved text of an open `briefc.yaml`).
//! Nothing but protocol messages goes to standard output; logs go to
//! standard error.

mod diagnostics;
mod document;
mod features;
mod text;
mod transport;

use crate::cli::{CliError, LspArgs};
use document::{Analysis, Document, Workspace};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{PositionEncodingKind, Uri};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::Receiver;
use text::Encoding;
use transport::{Incoming, Writer};

/// Runs the server until `exit`; exit status 0 after `shutdown`, 1 without.
pub fn run(args: LspArgs) -> Result<u8, CliError> {
    let _ = args.stdio;
    let incoming = transport::stdin_reader();
    let mut server = Server {
        writer: Writer::stdout(),
        workspace: Workspace::new(args.common.config, args.common.today),
        encoding: Encoding::Utf16,
        state: State::Uninitialized,
        dirty: BTreeSet::new(),
        next_request: 0,
        watch_registration: false,
        log_timing: args.log_timing,
    };
    eprintln!("briefc lsp {}: ready", env!("CARGO_PKG_VERSION"));
    Ok(server.serve(&incoming))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Uninitialized,
    Running,
    ShuttingDown,
}

/// A request's failure: the JSON-RPC error code and message.
type Failure = (ErrorCode, String);

struct Server {
    writer: Writer,
    workspace: Workspace,
    encoding: Encoding,
    state: State,
    /// Briefs whose diagnostics must be pushed after the current batch.
    dirty: BTreeSet<Uri>,
    next_request: i32,
    /// Whether the client can be asked to watch `briefc.yaml` files.
    watch_registration: bool,
    /// `--log-timing`: log each check's time to standard error.
    log_timing: bool,
}

impl Server {
    fn serve(&mut self, incoming: &Receiver<Incoming>) -> u8 {
        while let Ok(first) = incoming.recv() {
            let mut batch = vec![first];
            batch.extend(incoming.try_iter());
            for item in batch {
                let message = match item {
                    Incoming::Message(message) => message,
                    Incoming::Malformed { id, code, message } => {
                        self.writer.send_error(id, code, &message);
                        continue;
                    }
                };
                if let Some(status) = self.handle(message) {
                    return status;
                }
            }
            self.publish_dirty();
        }
        eprintln!("briefc lsp: the input ended without `exit`");
        // After `shutdown` the client may just close the pipe.
        if self.state == State::ShuttingDown {
            0
        } else {
            1
        }
    }

    /// Handles one message; `Some(status)` when the server must exit.
    fn handle(&mut self, message: Message) -> Option<u8> {
        match message {
            Message::Request(req) => {
                self.request(req);
                None
            }
            Message::Notification(n) if n.method == "exit" => {
                Some(if self.state == State::ShuttingDown {
                    0
                } else {
                    1
                })
            }
            // Before `initialize`, notifications are dropped (the protocol says so).
            Message::Notification(_) if self.state == State::Uninitialized => None,
            Message::Notification(n) => {
                let method = n.method.clone();
                if let Err(panic) = catch_unwind(AssertUnwindSafe(|| self.notification(n))) {
                    eprintln!(
                        "briefc lsp: internal error while handling `{method}`: {}",
                        panic_text(&panic)
                    );
                }
                None
            }
            // Answers to our own requests (capability registration): nothing to do.
            Message::Response(_) => None,
        }
    }

    fn request(&mut self, req: Request) {
        let Request { id, method, params } = req;
        let result = match self.state {
            State::Uninitialized if method == "initialize" => Ok(self.initialize(&params)),
            State::Uninitialized => Err((
                ErrorCode::ServerNotInitialized,
                "the server is not initialized yet".to_string(),
            )),
            State::ShuttingDown => Err((
                ErrorCode::InvalidRequest,
                "the server is shutting down".to_string(),
            )),
            State::Running => {
                match catch_unwind(AssertUnwindSafe(|| self.dispatch(&method, params))) {
                    Ok(result) => result,
                    Err(panic) => {
                        let why = panic_text(&panic);
                        eprintln!("briefc lsp: internal error while handling `{method}`: {why}");
                        Err((
                            ErrorCode::InternalError,
                            format!("briefc lsp: internal error while handling `{method}`: {why}"),
                        ))
                    }
                }
            }
        };
        self.respond(id, result);
    }

    fn respond(&mut self, id: RequestId, result: Result<Value, Failure>) {
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.writer.send(response);
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let caps = &params["capabilities"];
        let offers_utf8 = caps["general"]["positionEncodings"]
            .as_array()
            .is_some_and(|list| list.iter().any(|e| e == "utf-8"));
        self.encoding = if offers_utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        self.watch_registration = caps["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"]
            .as_bool()
            .unwrap_or(false);
        self.state = State::Running;
        let encoding = match self.encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        };
        json!({
            "capabilities": features::capabilities(encoding),
            "serverInfo": { "name": "briefc", "version": env!("CARGO_PKG_VERSION") },
        })
    }

    fn dispatch(&mut self, method: &str, params: Value) -> Result<Value, Failure> {
        match method {
            "shutdown" => {
                self.state = State::ShuttingDown;
                Ok(Value::Null)
            }
            "initialize" => Err((
                ErrorCode::InvalidRequest,
                "the server is already initialized".into(),
            )),
            "briefc/panic" if std::env::var_os("BRIEFC_LSP_TEST_PANIC").is_some() => {
                panic!("a panic asked for by the test suite")
            }
            _ => features::request(self, method, params),
        }
    }

    fn notification(&mut self, n: Notification) {
        let Notification { method, params } = n;
        match method.as_str() {
            "initialized" => self.register_watchers(),
            "briefc/panic" if std::env::var_os("BRIEFC_LSP_TEST_PANIC").is_some() => {
                panic!("a panic asked for by the test suite")
            }
            "textDocument/didOpen" => {
                let Some(p) = parse::<lsp_types::DidOpenTextDocumentParams>(&method, params) else {
                    return;
                };
                let doc = p.text_document;
                self.workspace.open(doc.uri.clone(), doc.version, doc.text);
                self.changed(&doc.uri);
            }
            "textDocument/didChange" => {
                let Some(p) = parse::<lsp_types::DidChangeTextDocumentParams>(&method, params)
                else {
                    return;
                };
                // Full sync: the last change holds the whole text.
                let Some(change) = p.content_changes.into_iter().next_back() else {
                    return;
                };
                if change.range.is_some() {
                    eprintln!(
                        "briefc lsp: ignoring an incremental change (the server asked for full text)"
                    );
                    return;
                }
                let uri = p.text_document.uri;
                self.workspace
                    .change(&uri, p.text_document.version, change.text);
                self.changed(&uri);
            }
            "textDocument/didSave" => {
                let Some(p) = parse::<lsp_types::DidSaveTextDocumentParams>(&method, params) else {
                    return;
                };
                if document::is_config(&p.text_document.uri) {
                    self.config_changed();
                }
            }
            "textDocument/didClose" => {
                let Some(p) = parse::<lsp_types::DidCloseTextDocumentParams>(&method, params)
                else {
                    return;
                };
                let uri = p.text_document.uri;
                let was_config = self
                    .workspace
                    .close(&uri)
                    .is_some_and(|doc| doc.is_config());
                self.dirty.remove(&uri);
                if was_config {
                    self.config_changed();
                } else {
                    self.publish(&uri, Vec::new(), None);
                }
            }
            "workspace/didChangeWatchedFiles" => self.config_changed(),
            _ => {}
        }
    }

    /// A document changed: a brief is checked again; a `briefc.yaml` means
    /// every open brief is.
    fn changed(&mut self, uri: &Uri) {
        if document::is_config(uri) {
            self.config_changed();
        } else {
            self.dirty.insert(uri.clone());
        }
    }

    fn config_changed(&mut self) {
        self.workspace.forget_analyses();
        self.dirty.extend(self.workspace.briefs());
    }

    fn register_watchers(&mut self) {
        if !self.watch_registration {
            return;
        }
        self.next_request += 1;
        let params = json!({
            "registrations": [{
                "id": "briefc-config-watcher",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": { "watchers": [{ "globPattern": "**/briefc.{yaml,yml}" }] },
            }],
        });
        let id = RequestId::from(format!("briefc-{}", self.next_request));
        self.writer
            .send(Request::new(id, "client/registerCapability".into(), params));
    }

    /// Checks every brief changed in this batch and pushes its diagnostics.
    fn publish_dirty(&mut self) {
        for uri in std::mem::take(&mut self.dirty) {
            let started = std::time::Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| {
                let analysis = self.workspace.analysis(&uri)?;
                let doc = self.workspace.get(&uri)?;
                Some((
                    diagnostics::to_lsp(&analysis, doc, self.encoding),
                    doc.version,
                ))
            }));
            match result {
                Ok(Some((items, version))) => {
                    if self.log_timing {
                        eprintln!(
                            "briefc lsp: checked {} (version {version}) in {:.3} ms: {} diagnostics",
                            uri.as_str(),
                            started.elapsed().as_secs_f64() * 1000.0,
                            items.len()
                        );
                    }
                    self.publish(&uri, items, Some(version))
                }
                Ok(None) => {}
                Err(panic) => eprintln!(
                    "briefc lsp: internal error while checking `{}`: {}",
                    uri.as_str(),
                    panic_text(&panic)
                ),
            }
        }
    }

    fn publish(
        &mut self,
        uri: &Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) {
        let params = lsp_types::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        };
        self.writer.send(Notification::new(
            "textDocument/publishDiagnostics".into(),
            params,
        ));
    }

    /// The open document at `uri` and its analysis; `None` for a document
    /// too large to check (only its diagnostic is served, by
    /// [`Server::diagnosed`]).
    fn analysed(&mut self, uri: &Uri) -> Option<(std::rc::Rc<Analysis>, &Document)> {
        if self.workspace.get(uri)?.too_large().is_some() {
            return None;
        }
        self.diagnosed(uri)
    }

    /// The open document at `uri` and its analysis, whatever its size.
    fn diagnosed(&mut self, uri: &Uri) -> Option<(std::rc::Rc<Analysis>, &Document)> {
        let analysis = self.workspace.analysis(uri)?;
        Some((analysis, self.workspace.get(uri)?))
    }
}

/// Reads a notification's parameters; bad ones are logged and dropped.
fn parse<P: DeserializeOwned>(method: &str, params: Value) -> Option<P> {
    match serde_json::from_value(params) {
        Ok(p) => Some(p),
        Err(err) => {
            eprintln!("briefc lsp: ignoring `{method}` with bad parameters: {err}");
            None
        }
    }
}

/// Reads a request's parameters, or the `InvalidParams` failure.
fn params<P: DeserializeOwned>(method: &str, params: Value) -> Result<P, Failure> {
    serde_json::from_value(params).map_err(|err| {
        (
            ErrorCode::InvalidParams,
            format!("bad parameters for `{method}`: {err}"),
        )
    })
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}
