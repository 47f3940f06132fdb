// The extension, activated against a stand-in for the VS Code API
// (support/fake-vscode.js) with the real vscode-languageclient talking to a
// stand-in briefc (support/fake-briefc.js) over stdio.
//
// Runs the tsc output in out/; with BRIEFC_EXTENSION_MAIN=dist/extension.js
// (`npm run test:bundle`, after `npm run bundle`) the same tests run the
// esbuild bundle that goes into the .vsix.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createFakeVscode, installFakeVscode } = require('./support/fake-vscode');

const MAIN = path.resolve(__dirname, '..', process.env.BRIEFC_EXTENSION_MAIN || path.join('out', 'extension.js'));

const temporary = [];
test.after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefc-vscode-'));
  temporary.push(dir);
  return dir;
}

async function waitFor(what, predicate, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A folder holding an executable copy of the fake briefc. */
function fakeBriefc() {
  const dir = tempDir();
  const exe = path.join(dir, 'briefc');
  fs.copyFileSync(path.join(__dirname, 'support', 'fake-briefc.js'), exe);
  fs.chmodSync(exe, 0o755);
  return { dir, exe };
}

/** Activates the compiled extension against a fresh fake API. */
function activate(options) {
  const fake = createFakeVscode(options);
  installFakeVscode(fake.vscode);
  delete require.cache[MAIN];
  const extension = require(MAIN);
  const context = { subscriptions: [], extensionPath: path.join(__dirname, '..') };
  extension.activate(context);
  return {
    ...fake,
    async deactivate() {
      await extension.deactivate();
      for (const d of context.subscriptions) d.dispose();
    },
  };
}

const BRIEF = '# Spring promo\n\nlength: 30s\n\n## Goal\nSell.\n';

test(`runs ${path.relative(path.join(__dirname, '..'), MAIN)}`, () => {
  assert.ok(fs.existsSync(MAIN), `${MAIN} exists (run \`npm run compile\` or \`npm run bundle\` first)`);
});

test('without briefc: a message says how to install it or set briefc.path; highlighting-only features still work', async () => {
  const { state, openDocument, deactivate } = activate({ settings: { 'briefc.path': '/nonexistent/briefc' } });
  try {
    const error = await waitFor('the error message', () => state.messages.find((m) => m.severity === 'error'));
    assert.match(error.text, /`\/nonexistent\/briefc`, which was not found/);
    assert.match(error.text, /cargo install --path \./);
    assert.match(error.text, /briefc\.path/);
    assert.deepEqual(error.items, ['Open Settings']);

    // Commands are registered all the same.
    assert.deepEqual([...state.commands.keys()].sort(), ['briefc.build', 'briefc.openPreview', 'briefc.restartServer']);

    // Folding comes from the extension itself.
    const doc = openDocument(path.join(tempDir(), 'x.brief'), BRIEF);
    assert.equal(state.foldingProviders.length, 1);
    assert.deepEqual(state.foldingProviders[0].selector, { language: 'brief' });
    const folds = state.foldingProviders[0].provider.provideFoldingRanges(doc);
    assert.deepEqual(folds.map((f) => [f.start, f.end]), [[0, 2], [4, 5]]);

    // The preview says why there is nothing to show.
    await state.commands.get('briefc.openPreview')();
    const panel = state.panels[0];
    await waitFor('the preview message', () => panel.webview.html.includes('briefc is not running'));
    assert.equal(panel.options.enableScripts, false);
  } finally {
    await deactivate();
  }
});

test('the language server runs as `briefc lsp`, and the preview shows its HTML behind a strict CSP, refreshed as you type', async () => {
  const { exe } = fakeBriefc();
  const { state, openDocument, deactivate } = activate({ settings: { 'briefc.path': exe } });
  try {
    const folder = tempDir();
    const file = path.join(folder, 'spring-promo.brief');
    const config = openDocument(path.join(folder, 'briefc.yaml'), 'limits:\n  goal: 40\n', 'yaml');
    openDocument(path.join(folder, 'notes.md'), '# Notes\n', 'markdown');
    const doc = openDocument(file, BRIEF);
    await state.commands.get('briefc.openPreview')();
    const panel = state.panels[0];
    assert.equal(panel.viewType, 'briefc.preview');
    assert.equal(panel.title, 'Preview spring-promo.brief');
    assert.equal(panel.showOptions.preserveFocus, true);
    assert.equal(panel.showOptions.viewColumn, -2, 'beside the editor');
    assert.equal(panel.options.enableScripts, false);
    assert.deepEqual(panel.options.localResourceRoots, []);

    const first = await waitFor('the first preview', () => panel.webview.html.includes('id="text"') && panel.webview.html);
    // Started as `briefc lsp` with nothing added (vscode-languageclient adds --stdio when told the transport).
    assert.match(first, /<p id="argv">\["lsp"\]<\/p>/);
    assert.match(first, /<pre id="text"># Spring promo/, 'the server got the open document');
    // The CSP is the first thing in the head.
    assert.match(first, /^<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.match(first, /<p id="previews">1<\/p>/);
    // Briefs and briefc.yaml are synchronised with the server; other files are not.
    const open = JSON.parse(/<p id="open">(.*?)<\/p>/.exec(first)[1].replace(/&quot;/g, '"'));
    assert.deepEqual(open.map((uri) => path.basename(uri)).sort(), ['briefc.yaml', 'spring-promo.brief']);
    assert.ok(state.messages.every((m) => m.severity !== 'error'), JSON.stringify(state.messages));

    // Three quick edits: one refresh, about 150 ms after the last.
    doc.setText(BRIEF + 'one');
    doc.setText(BRIEF + 'one two');
    const lastEdit = Date.now();
    doc.setText(BRIEF + 'one two three');
    const refreshed = await waitFor('the refreshed preview', () => panel.webview.html.includes('one two three') && panel.webview.html);
    assert.ok(Date.now() - lastEdit >= 140, 'debounced');
    assert.match(refreshed, /<p id="previews">2<\/p>/, 'one request for the three edits');

    // Editing briefc.yaml renders the preview again.
    config.setText('limits:\n  goal: 50\n');
    await waitFor('the preview after editing briefc.yaml', () => panel.webview.html.includes('<p id="previews">3</p>'));

    // Opening the preview again reveals the same panel.
    await state.commands.get('briefc.openPreview')(doc.uri);
    assert.equal(state.panels.length, 1);
    assert.equal(panel.revealed, 1);

    // A closed panel stops refreshing.
    panel.dispose();
    doc.setText(BRIEF + 'after close');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(!panel.webview.html.includes('after close'));
  } finally {
    await deactivate();
  }
});

test('Build PDF and HTML runs `briefc build FILE` in the folder, reports the outcome and reveals the PDF', async () => {
  const { exe } = fakeBriefc();
  const folder = tempDir();
  const { state, openDocument, deactivate } = activate({ settings: { 'briefc.path': exe }, workspaceFolder: folder });
  try {
    const file = path.join(folder, 'spring.brief');
    fs.writeFileSync(file, BRIEF);
    openDocument(file, BRIEF);
    state.answer = (text, items) => (items.includes('Open PDF') ? 'Open PDF' : undefined);
    await state.commands.get('briefc.build')();
    assert.ok(fs.existsSync(path.join(folder, 'spring.pdf')), 'built in the brief\'s folder');
    assert.ok(fs.existsSync(path.join(folder, 'spring.html')));
    const info = state.messages.find((m) => m.severity === 'info');
    assert.equal(info.text, 'Built spring.pdf and spring.html.');
    assert.deepEqual(info.items, ['Open PDF', 'Open HTML', process.platform === 'darwin' ? 'Reveal in Finder' : 'Reveal in File Explorer']);
    const reveal = state.executed.find((c) => c.id === 'revealInExplorer');
    assert.equal(reveal.args[0].fsPath, path.join(folder, 'spring.pdf'));
    assert.equal(state.openedExternally[0].fsPath, path.join(folder, 'spring.pdf'));

    // A brief with errors is not built; the message says so.
    const broken = path.join(folder, 'broken.brief');
    fs.writeFileSync(broken, 'ERROR\n');
    openDocument(broken, 'ERROR\n');
    await state.commands.get('briefc.build')();
    const error = state.messages.find((m) => m.severity === 'error');
    assert.match(error.text, /^broken\.brief has errors and was not built/);
    assert.ok(!fs.existsSync(path.join(folder, 'broken.pdf')));
  } finally {
    await deactivate();
  }
});

// With BRIEFC_BIN set to a real briefc (e.g. `BRIEFC_BIN=../../target/debug/briefc npm test`),
// the extension is checked against the real language server as well.
test('a real `briefc lsp` (BRIEFC_BIN) publishes diagnostics for an open brief', { skip: !process.env.BRIEFC_BIN && 'BRIEFC_BIN is not set' }, async () => {
  const exe = path.resolve(process.env.BRIEFC_BIN);
  const { state, openDocument, deactivate } = activate({ settings: { 'briefc.path': exe } });
  try {
    const doc = openDocument(path.join(tempDir(), 'typo.brief'), '# Title\n\nlenght: 90s\n\n## Goal\nSell.\n');
    const diagnostics = await waitFor('diagnostics', () => {
      const list = state.diagnostics.get(doc.uri.toString());
      return list && list.length > 0 && list;
    });
    const codes = diagnostics.map((d) => (d.code && typeof d.code === 'object' ? d.code.value : d.code));
    assert.ok(codes.includes('unknown-field'), `codes: ${codes.join(', ')}`);
    const typo = diagnostics[codes.indexOf('unknown-field')];
    assert.equal(typo.range.start.line, 2);
    assert.ok(state.messages.every((m) => m.severity !== 'error'), JSON.stringify(state.messages));
  } finally {
    await deactivate();
  }
});
