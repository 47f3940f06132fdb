//! JSON-RPC over standard input and output, framed by `Content-Length`.
//!
//! lsp-server's own stdio transport stops reading at the first malformed
//! message (the server would go deaf) and hands messages over a channel of
//! capacity zero (so the main loop could never see the queue it is meant to
//! drain). This reader keeps going after a bad message and queues everything
//! it reads; the messages themselves are lsp-server's types.

use lsp_server::{ErrorCode, Message};
use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{Receiver, channel};

/// What the reader thread hands the main loop.
#[derive(Debug)]
pub enum Incoming {
    /// A well-formed message.
    Message(Message),
    /// A message that could not be read: answered with this error (with the
    /// request's id when one could be found, else `null`, as JSON-RPC says).
    Malformed {
        id: Option<serde_json::Value>,
        code: ErrorCode,
        message: String,
    },
}

/// Starts the thread that reads standard input. The channel closes at the
/// end of input.
pub fn stdin_reader() -> Receiver<Incoming> {
    let (sender, receiver) = channel();
    std::thread::Builder::new()
        .name("briefc-lsp-reader".into())
        .spawn(move || {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            loop {
                let incoming = match read_frame(&mut input) {
                    Ok(Some(Frame::Body(body))) => parse(&body),
                    Ok(Some(Frame::BadHeader(why))) => {
                        eprintln!("briefc lsp: skipping a message: {why}");
                        continue;
                    }
                    Ok(None) => break,
                    Err(err) => {
                        eprintln!("briefc lsp: cannot read standard input: {err}");
                        break;
                    }
                };
                let is_exit = matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == "exit");
                if sender.send(incoming).is_err() || is_exit {
                    break;
                }
            }
        })
        .expect("cannot start a thread");
    receiver
}

/// The largest message read (a brief is kilobytes; this is far beyond).
const MAX_MESSAGE: usize = 256 << 20;

enum Frame {
    Body(Vec<u8>),
    BadHeader(String),
}

/// Reads one `Content-Length` framed body. `None` at the end of input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut line = String::new();
    let mut any_header = false;
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if !any_header {
                // Stray blank lines between messages.
                continue;
            }
            break;
        }
        any_header = true;
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = Some(
                value
                    .trim()
                    .parse()
                    .map_err(|_| format!("bad Content-Length `{}`", value.trim())),
            );
        }
    }
    match length {
        Some(Ok(n)) if n > MAX_MESSAGE => {
            io::copy(&mut input.take(n as u64), &mut io::sink())?;
            Ok(Some(Frame::BadHeader(format!(
                "a message of {n} bytes is larger than the {MAX_MESSAGE} bytes accepted"
            ))))
        }
        Some(Ok(n)) => {
            let mut body = vec![0; n];
            input.read_exact(&mut body)?;
            Ok(Some(Frame::Body(body)))
        }
        Some(Err(why)) => Ok(Some(Frame::BadHeader(why))),
        None => Ok(Some(Frame::BadHeader("no Content-Length header".into()))),
    }
}

fn parse(body: &[u8]) -> Incoming {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(err) => {
            eprintln!("briefc lsp: a message is not JSON: {err}");
            return Incoming::Malformed {
                id: None,
                code: ErrorCode::ParseError,
                message: format!("the message is not JSON: {err}"),
            };
        }
    };
    let id = value.get("id").cloned();
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(err) => {
            eprintln!("briefc lsp: a message is not JSON-RPC: {err}");
            Incoming::Malformed {
                id,
                code: ErrorCode::InvalidRequest,
                message: "the message is not a JSON-RPC request, response or notification".into(),
            }
        }
    }
}

/// Writes messages to standard output, one frame each.
pub struct Writer {
    out: io::Stdout,
}

impl Writer {
    pub fn stdout() -> Writer {
        Writer { out: io::stdout() }
    }

    /// Sends `message`. A closed output is logged, not fatal: the next read
    /// will end the loop.
    pub fn send(&mut self, message: impl Into<Message>) {
        let mut out = self.out.lock();
        if let Err(err) = message.into().write(&mut out) {
            eprintln!("briefc lsp: cannot write to standard output: {err}");
        }
    }

    /// Sends an error response whose id may be `null` (lsp-server's
    /// `Response` cannot say `null`).
    pub fn send_error(&mut self, id: Option<serde_json::Value>, code: ErrorCode, message: &str) {
        let body = serde_json::json!({
            "jsonrpc": "2.0",
            "id": id.unwrap_or(serde_json::Value::Null),
            "error": { "code": code as i32, "message": message },
        })
        .to_string();
        let mut out = self.out.lock();
        let result =
            write!(out, "Content-Length: {}\r\n\r\n{body}", body.len()).and_then(|_| out.flush());
        if let Err(err) = result {
            eprintln!("briefc lsp: cannot write to standard output: {err}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_survive_garbage() {
        let input = b"Content-Length: 2\r\n\r\n{}X-Other: 1\r\n\r\nContent-Length: 5\r\n\r\n{oops\r\n\r\nContent-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}";
        let mut reader = &input[..];
        let mut kinds = Vec::new();
        while let Some(frame) = read_frame(&mut reader).unwrap() {
            kinds.push(match frame {
                Frame::Body(b) => match parse(&b) {
                    Incoming::Message(_) => "message",
                    Incoming::Malformed { code, .. } => match code {
                        ErrorCode::ParseError => "parse",
                        _ => "invalid",
                    },
                },
                Frame::BadHeader(_) => "header",
            });
        }
        assert_eq!(kinds, ["invalid", "header", "parse", "message"]);
    }
}
