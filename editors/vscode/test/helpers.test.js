// The parts of the extension that do not need VS Code: finding briefc, the
// preview's HTML, folding, and reading a build's outcome. Runs the compiled
// code in out/ (`npm test` compiles first).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { findExecutable, notFoundMessage } = require('../out/executable');
const { withCsp, escapeHtml, messagePage, htmlOfPreviewResult, PREVIEW_CSP } = require('../out/previewHtml');
const { foldingRanges } = require('../out/folding');
const { buildArgs, buildOutcome, outputsOf } = require('../out/buildResult');

const temporary = [];
test.after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefc-vscode-'));
  temporary.push(dir);
  return dir;
}

function executableFile(dir, name) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, 0o755);
  return file;
}

test('briefc is found on PATH, by path, relative to the workspace and under ~', { skip: process.platform === 'win32' }, () => {
  const bin = tempDir();
  const other = tempDir();
  const briefc = executableFile(bin, 'briefc');
  fs.writeFileSync(path.join(other, 'briefc'), 'not executable');
  const env = { PATH: [other, bin].join(path.delimiter), HOME: path.dirname(bin) };
  const ctx = { env, platform: process.platform, cwd: path.dirname(bin) };
  assert.equal(findExecutable('briefc', ctx), briefc, 'the first executable on PATH');
  assert.equal(findExecutable('', ctx), briefc, 'an empty setting means briefc');
  assert.equal(findExecutable(briefc, ctx), briefc);
  assert.equal(findExecutable(`./${path.basename(bin)}/briefc`, ctx), briefc);
  assert.equal(findExecutable(`~/${path.basename(bin)}/briefc`, ctx), briefc);
  assert.equal(findExecutable('briefc', { ...ctx, env: { PATH: other } }), undefined, 'a file without x permission');
  assert.equal(findExecutable(path.join(bin, 'missing'), ctx), undefined);
  assert.equal(findExecutable('briefc', { ...ctx, env: {} }), undefined);
  assert.equal(findExecutable(bin, ctx), undefined, 'a folder is no executable');
});

test('on Windows, PATHEXT extensions are tried', () => {
  const bin = tempDir();
  const exe = path.join(bin, 'briefc.EXE');
  fs.writeFileSync(exe, '');
  const ctx = { env: { PATH: bin, PATHEXT: '.COM;.EXE' }, platform: 'win32' };
  if (process.platform === 'win32') {
    assert.equal(findExecutable('briefc', ctx).toLowerCase(), exe.toLowerCase());
  } else {
    // Node's path module follows the host; only the lookup order can be checked here.
    assert.equal(findExecutable('briefc', { ...ctx, env: { ...ctx.env, PATH: bin } }), path.join(bin, 'briefc.EXE'));
  }
});

test('the not-found message says how to install briefc and where to set the path', () => {
  const message = notFoundMessage('briefc');
  assert.match(message, /not found on PATH/);
  assert.match(message, /cargo install --path \./);
  assert.match(message, /briefc\.path/);
  assert.match(notFoundMessage('/opt/briefc/bin/briefc'), /`\/opt\/briefc\/bin\/briefc`, which was not found/);
});

test('the preview gets a strict Content-Security-Policy before anything else in the head', () => {
  const html = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<style>body{}</style></head><body><header class="masthead"></header></body></html>';
  const out = withCsp(html);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`;
  assert.equal(out, html.replace('<head>', `<head>${meta}`));
  // No scripts, no remote loads; inline styles and data: images only.
  assert.match(PREVIEW_CSP, /^default-src 'none';/);
  assert.doesNotMatch(PREVIEW_CSP, /script-src|https?:|\*/);
  assert.match(PREVIEW_CSP, /img-src data:;/);
  assert.match(PREVIEW_CSP, /style-src 'unsafe-inline';/);
  // Documents without a head, or without <html>, get one.
  assert.equal(withCsp('<html><body>x</body></html>'), `<html><head>${meta}</head><body>x</body></html>`);
  assert.equal(withCsp('<!doctype html><p>x'), `<!doctype html><head>${meta}</head><p>x`);
  assert.equal(withCsp('<p>x'), `<head>${meta}</head><p>x`);
  assert.ok(withCsp('<HEAD id="h"><title>t</title></HEAD>').startsWith(`<HEAD id="h">${meta}`));
});

test('messages in the preview are escaped', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  const page = messagePage('No preview', '<script>alert(1)</script>');
  assert.ok(!page.includes('<script>'));
  assert.ok(page.includes('Content-Security-Policy'));
});

test('briefc/preview answers { html }', () => {
  assert.equal(htmlOfPreviewResult({ html: '<p>x</p>' }), '<p>x</p>');
  assert.throws(() => htmlOfPreviewResult(null), /not \{"html"/);
  assert.throws(() => htmlOfPreviewResult({ body: 'x' }), /not \{"html"/);
});

test('folding: the header under the title, each section, each scene', () => {
  const lines = fs.readFileSync(path.join(__dirname, 'fixtures', 'folding.brief'), 'utf8').split('\n');
  const folds = foldingRanges(lines).map((f) => `${lines[f.start]} → ${lines[f.end]}`);
  assert.deepEqual(folds, [
    '# Title → status: draft',
    '## Goal → Second paragraph.',
    '## Scenes → Voiceover: Two,',
    '### 0:00-0:10 One → // a comment in the scene',
    '### 0:10-0:20 Two → Voiceover: Two,',
    '## Sign-off → - Priya Shah (marketing)',
  ]);
});

test('folding: headings with nothing under them do not fold; CRLF lines work', () => {
  assert.deepEqual(foldingRanges(['# T', '## Goal', '', '## Audience\r', 'Text\r', '\r']), [{ start: 3, end: 4 }]);
  assert.deepEqual(foldingRanges([]), []);
});

test('build: arguments, outputs, outcomes', () => {
  const file = path.join('/work', 'briefs', 'spring.promo.brief');
  assert.deepEqual(buildArgs(file), ['build', '--color', 'never', 'spring.promo.brief']);
  assert.deepEqual(outputsOf(file), {
    html: path.join('/work', 'briefs', 'spring.promo.html'),
    pdf: path.join('/work', 'briefs', 'spring.promo.pdf'),
  });

  const clean = buildOutcome(file, 0, 'wrote spring.promo.html, spring.promo.pdf\n', '');
  assert.deepEqual(clean, { kind: 'built', message: 'Built spring.promo.pdf and spring.promo.html.', warnings: false });
  const warned = buildOutcome(file, 0, 'scene-gap\n\n  ⚠ scenes leave a gap\nwrote spring.promo.html, spring.promo.pdf\n', '');
  assert.equal(warned.kind, 'built');
  assert.equal(warned.warnings, true);
  assert.match(warned.message, /warnings/);

  const errors = buildOutcome(file, 1, 'missing-field …', 'error: `spring.promo.brief` has errors and was not compiled; earlier outputs are untouched\n');
  assert.equal(errors.kind, 'errors');
  assert.match(errors.message, /spring\.promo\.brief has errors and was not built/);

  const failed = buildOutcome(file, 2, '', 'error: cannot read `briefc.yaml`: no such file\n  help: …\n');
  assert.deepEqual(failed, { kind: 'failed', message: 'briefc build spring.promo.brief failed: cannot read `briefc.yaml`: no such file' });
  assert.match(buildOutcome(file, null, '', '').message, /killed/);
});
