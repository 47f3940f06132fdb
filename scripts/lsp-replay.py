#!/usr/bin/env python3
"""Replays an `lsp` fuzz input through a real `briefc lsp`, timed.

    scripts/lsp-replay.py INPUT [BRIEFC]

INPUT is a file in the `lsp` fuzz target's format (fuzz/README.md): the opened
text, then edits, separated by byte 0xFF. The edits are applied as the fuzz
target applies them, and every version of the text is sent to the server as a
full-text change, followed by a pull of its diagnostics and a formatting
request, so the server checks and formats every version. Prints the number
of versions and the time per version. BRIEFC defaults to target/release/briefc.

This is how a slow unit found by the fuzzer (whose instrumentation makes the
code several times slower) is measured as a user would meet it.
"""
import json
import subprocess
import sys
import time


def decode(data):
    chunks = data.split(b"\xff")
    opened = chunks[0].decode("utf-8", "replace")
    edits = []
    for c in chunks[1:]:
        at = lambda i: c[i] if i < len(c) else 0
        edits.append(((at(0), at(1)), (at(0) + at(2), at(3)), c[4:].decode("utf-8", "replace")))
    return opened, edits


def line_starts(text):
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
    return starts


def offset(text, line, character):
    """The server's `LineIndex::offset` in UTF-16 (a line past the end: the end)."""
    starts = line_starts(text)
    if line >= len(starts):
        return len(text)
    start = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    content = text[start:end].rstrip("\r\n")
    units = 0
    for i, ch in enumerate(content):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > character:
            return start + i
        units += width
    return start + len(content)


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def main():
    path = sys.argv[1]
    briefc = sys.argv[2] if len(sys.argv) > 2 else "target/release/briefc"
    opened, edits = decode(open(path, "rb").read())
    texts = [opened]
    for start, end, new in edits:
        text = texts[-1]
        a, b = sorted((offset(text, *start), offset(text, *end)))
        texts.append(text[:a] + new + text[b:])
    uri = "untitled:replay.brief"
    messages = [
        frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
        frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "brief", "version": 1, "text": texts[0]}}}),
    ]
    next_id = 2
    for version, text in enumerate(texts[1:], start=2):
        messages.append(frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}}))
        for method, extra in (("textDocument/diagnostic", {}),
                              ("textDocument/formatting", {"options": {"tabSize": 2, "insertSpaces": True}})):
            messages.append(frame({"jsonrpc": "2.0", "id": next_id, "method": method,
                                   "params": {"textDocument": {"uri": uri}, **extra}}))
            next_id += 1
    messages.append(frame({"jsonrpc": "2.0", "id": next_id, "method": "shutdown"}))
    messages.append(frame({"jsonrpc": "2.0", "method": "exit"}))
    started = time.monotonic()
    done = subprocess.run([briefc, "lsp"], input=b"".join(messages), capture_output=True)
    took = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"briefc lsp exited {done.returncode}: {done.stderr.decode(errors='replace')}")
    print(f"{path}: {len(texts)} versions, {took * 1000:.0f} ms in all "
          f"(process included), {took * 1000 / len(texts):.2f} ms per version")


if __name__ == "__main__":
    main()
