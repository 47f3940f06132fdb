#!/usr/bin/env node
// A stand-in for the briefc executable in the extension tests.
//   fake-briefc lsp                        a minimal language server over stdio that answers
//                                          `briefc/preview` with the document's text and its argv
//   fake-briefc build --color never FILE   writes FILE's .html and .pdf (exit 0), or, when the
//                                          brief holds "ERROR", reports it and exits 1
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);

function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

if (args[0] === 'build') {
  const file = args[args.length - 1];
  const text = fs.readFileSync(file, 'utf8');
  if (text.includes('ERROR')) {
    process.stdout.write('missing-field\n\n  × the brief has an error\n');
    process.stderr.write(`error: \`${file}\` has errors and was not compiled; earlier outputs are untouched\n`);
    process.exit(1);
  }
  const stem = path.basename(file, path.extname(file));
  fs.writeFileSync(`${stem}.html`, `<p>${escape(text)}</p>`);
  fs.writeFileSync(`${stem}.pdf`, '%PDF-1.7\n');
  process.stdout.write(`wrote ${stem}.html, ${stem}.pdf\n`);
  process.exit(0);
}

if (args[0] !== 'lsp') {
  process.stderr.write(`fake-briefc: unexpected arguments ${JSON.stringify(args)}\n`);
  process.exit(2);
}

const documents = new Map();
let previews = 0;
let buffer = Buffer.alloc(0);

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function handle(message) {
  const { id, method, params } = message;
  switch (method) {
    case 'initialize':
      return send({ id, result: { capabilities: { textDocumentSync: 1 }, serverInfo: { name: 'fake-briefc' } } });
    case 'textDocument/didOpen':
      documents.set(params.textDocument.uri, params.textDocument.text);
      return;
    case 'textDocument/didChange':
      documents.set(params.textDocument.uri, params.contentChanges[params.contentChanges.length - 1].text);
      return;
    case 'textDocument/didClose':
      documents.delete(params.textDocument.uri);
      return;
    case 'briefc/preview': {
      const text = documents.get(params.textDocument.uri);
      if (text === undefined) {
        return send({ id, error: { code: -32602, message: `unknown document ${params.textDocument.uri}` } });
      }
      previews += 1;
      const html =
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>p{}</style></head><body>' +
        `<pre id="text">${escape(text)}</pre><p id="argv">${escape(JSON.stringify(args))}</p>` +
        `<p id="previews">${previews}</p><p id="open">${escape(JSON.stringify([...documents.keys()]))}</p></body></html>`;
      return send({ id, result: { html } });
    }
    case 'shutdown':
      return send({ id, result: null });
    case 'exit':
      return process.exit(0);
    default:
      if (id !== undefined) send({ id, error: { code: -32601, message: `no ${method}` } });
  }
}

process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
    const start = headerEnd + 4;
    if (buffer.length < start + length) return;
    const body = buffer.subarray(start, start + length).toString('utf8');
    buffer = buffer.subarray(start + length);
    handle(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(0));
