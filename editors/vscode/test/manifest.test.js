// package.json contributes what the extension needs, and every file it names
// exists.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

test('identity and engine', () => {
  assert.equal(manifest.name, 'briefc');
  assert.equal(manifest.publisher, 'briefc');
  assert.equal(manifest.engines.vscode, '^1.91.0');
  // vsce refuses an @types/vscode newer than the engine.
  const types = manifest.devDependencies['@types/vscode'].replace(/^[~^]/, '');
  assert.ok(types.startsWith('1.91.'), `@types/vscode ${types} matches engines.vscode`);
  assert.match(manifest.dependencies['vscode-languageclient'], /^\^11\./, 'vscode-languageclient 11 needs VS Code 1.91');
  assert.deepEqual(manifest.activationEvents, ['onLanguage:brief']);
  assert.equal(manifest.main, './dist/extension.js');
});

test('the brief language for .brief files, with its configuration', () => {
  const [language] = contributes.languages;
  assert.equal(contributes.languages.length, 1);
  assert.equal(language.id, 'brief');
  assert.deepEqual(language.extensions, ['.brief']);
  assert.equal(language.configuration, './language-configuration.json');
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, language.configuration), 'utf8'));
  assert.equal(config.comments.lineComment, '//');
  assert.deepEqual(config.brackets, [['(', ')'], ['[', ']'], ['{', '}']]);
  assert.ok(config.autoClosingPairs.some((p) => p.open === '(' && p.close === ')'));
  assert.ok(config.autoClosingPairs.some((p) => p.open === '[' && p.close === ']'));
});

test('the grammar', () => {
  assert.deepEqual(contributes.grammars, [
    { language: 'brief', scopeName: 'text.brief', path: './syntaxes/brief.tmLanguage.json' },
  ]);
  const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, contributes.grammars[0].path), 'utf8'));
  assert.equal(grammar.scopeName, 'text.brief');
});

test('the commands', () => {
  const commands = Object.fromEntries(contributes.commands.map((c) => [c.command, `${c.category}: ${c.title}`]));
  assert.deepEqual(commands, {
    'briefc.openPreview': 'Brief: Open Preview to the Side',
    'briefc.build': 'Brief: Build PDF and HTML',
    'briefc.restartServer': 'Brief: Restart Language Server',
  });
  // Offered in the palette for briefs only.
  for (const id of ['briefc.openPreview', 'briefc.build']) {
    const entry = contributes.menus.commandPalette.find((m) => m.command === id);
    assert.equal(entry.when, 'editorLangId == brief');
  }
  // Every command the extension registers is contributed, and the other way round.
  const source = fs.readFileSync(path.join(ROOT, 'src', 'extension.ts'), 'utf8');
  const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(registered, Object.keys(commands).sort());
});

test('the briefc.path setting', () => {
  const setting = contributes.configuration.properties['briefc.path'];
  assert.equal(setting.type, 'string');
  assert.equal(setting.default, 'briefc');
  assert.match(setting.markdownDescription, /cargo install --path \./);
  // An untrusted workspace cannot point the extension at another executable.
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['briefc.path']);
});

test('packaging: vsce runs without prompts and ships only what the extension needs', () => {
  assert.equal(manifest.license, 'MIT');
  assert.match(manifest.scripts.package, /--no-dependencies/);
  assert.match(manifest.scripts['vscode:prepublish'], /bundle/);
  const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  for (const entry of ['src/**', 'out/**', 'test/**', 'node_modules/**']) assert.ok(ignore.includes(entry), `.vscodeignore has ${entry}`);
});
