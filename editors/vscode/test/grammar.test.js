// The TextMate grammar, tokenized with vscode-textmate and Oniguruma (the
// engine and regex library VS Code uses): each construct of the language gets
// its scope.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { tokenize } = require('./support/textmate');

const FIXTURES = path.join(__dirname, 'fixtures');
const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

function read(file) {
  return fs.readFileSync(file, 'utf8');
}

/**
 * The scopes of `needle` on the line whose text is `line` (the first such
 * line): every token that `needle` covers must carry `scope`. Returns the
 * scopes of the first token, for further checks.
 */
function expectScope(lines, line, needle, scope) {
  const found = lines.find((l) => l.text === line);
  assert.ok(found, `no line ${JSON.stringify(line)} in the fixture`);
  const start = found.text.indexOf(needle);
  assert.ok(start >= 0, `${JSON.stringify(needle)} is not on ${JSON.stringify(line)}`);
  const end = start + needle.length;
  const covering = found.tokens.filter((t) => t.start < end && t.end > start);
  for (const token of covering) {
    assert.ok(
      token.scopes.includes(scope),
      `${JSON.stringify(token.text)} in ${JSON.stringify(line)} has ${token.scopes.join(' ')}, not ${scope}`,
    );
  }
  // The scope covers exactly the needle, not its neighbours.
  const tokenBounds = covering.length && [covering[0].start, covering[covering.length - 1].end];
  assert.deepEqual(tokenBounds, [start, end], `${JSON.stringify(needle)} is not a token of its own on ${JSON.stringify(line)}`);
  return covering[0].scopes;
}

/** Asserts that no token of `needle` on `line` carries a scope starting with `prefix`. */
function expectNoScope(lines, line, needle, prefix) {
  const found = lines.find((l) => l.text === line);
  assert.ok(found, `no line ${JSON.stringify(line)} in the fixture`);
  const start = found.text.indexOf(needle);
  assert.ok(start >= 0);
  const end = start + needle.length;
  for (const token of found.tokens.filter((t) => t.start < end && t.end > start)) {
    const hit = token.scopes.find((s) => s.startsWith(prefix));
    assert.equal(hit, undefined, `${JSON.stringify(token.text)} in ${JSON.stringify(line)} is ${hit}`);
  }
}

test('the grammar is valid JSON with the scope name the manifest names', () => {
  const grammar = JSON.parse(read(path.join(__dirname, '..', 'syntaxes', 'brief.tmLanguage.json')));
  assert.equal(grammar.scopeName, 'text.brief');
});

test('title', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'constructs.brief')));
  const title = '# Spring promo — 30 seconds';
  expectScope(lines, title, '#', 'punctuation.definition.heading.brief');
  expectScope(lines, title, '#', 'markup.heading.title.brief');
  expectScope(lines, title, 'Spring promo — 30 seconds', 'entity.name.section.title.brief');
  expectScope(lines, title, 'Spring promo — 30 seconds', 'markup.heading.title.brief');
});

test('header keys and values', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'constructs.brief')));
  const KEY = 'support.type.property-name.header.brief';
  const VALUE = 'string.unquoted.value.header.brief';
  const COLON = 'punctuation.separator.key-value.brief';
  expectScope(lines, 'client: Acme Corp', 'client', KEY);
  expectScope(lines, 'client: Acme Corp', ':', COLON);
  expectScope(lines, 'client: Acme Corp', 'Acme Corp', VALUE);
  // Spaces before the colon, none after it, any case.
  expectScope(lines, 'Length : 30s', 'Length', KEY);
  expectScope(lines, 'Length : 30s', '30s', VALUE);
  expectScope(lines, 'stage:convert', 'stage', KEY);
  expectScope(lines, 'stage:convert', 'convert', VALUE);
  // Keys set in bold, as pasted from a document.
  expectScope(lines, '**marketing:** Priya Shah', 'marketing', KEY);
  expectScope(lines, '**marketing:** Priya Shah', 'Priya Shah', VALUE);
  expectScope(lines, '**sales**: Tom Becker', 'sales', KEY);
  expectScope(lines, '**sales**: Tom Becker', 'Tom Becker', VALUE);
  // Dates inside values; continuation lines are values too.
  expectScope(lines, 'due: 2027-02-14', '2027-02-14', 'constant.numeric.date.brief');
  expectScope(lines, 'due: 2027-02-14', '2027-02-14', VALUE);
  expectScope(lines, '  music licence and voice talent', 'music licence and voice talent', VALUE);
  // A URL never starts a field.
  expectNoScope(lines, 'https://example.com/not-a-field', 'https', 'support.type.property-name');
  expectScope(lines, 'https://example.com/not-a-field', 'https://example.com/not-a-field', 'markup.underline.link.brief');
});

test('section headings', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'constructs.brief')));
  for (const name of ['Goal', 'Key benefits', 'Success metrics', 'Scenes', 'References', 'Checklist', 'Sign-off']) {
    expectScope(lines, `## ${name}`, '##', 'punctuation.definition.heading.brief');
    expectScope(lines, `## ${name}`, name, 'entity.name.section.brief');
    expectScope(lines, `## ${name}`, name, 'markup.heading.section.brief');
  }
  // In a prose section, key: value is text.
  expectNoScope(lines, 'Sell more seats. A goal: with a colon is prose, x // y is text.', 'A goal', 'support.type');
  expectNoScope(lines, 'Sell more seats. A goal: with a colon is prose, x // y is text.', '// y', 'comment');
});

test('scene headings, with the timecodes scoped separately', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'constructs.brief')));
  const hook = '### 0:00-0:10 Hook';
  expectScope(lines, hook, '###', 'punctuation.definition.heading.brief');
  expectScope(lines, hook, '0:00', 'constant.numeric.timecode.start.brief');
  expectScope(lines, hook, '-', 'punctuation.separator.range.brief');
  expectScope(lines, hook, '0:10', 'constant.numeric.timecode.end.brief');
  expectScope(lines, hook, 'Hook', 'entity.name.section.scene.brief');
  for (const needle of ['###', '0:00', '0:10', 'Hook']) expectScope(lines, hook, needle, 'markup.heading.scene.brief');
  // En dash with spaces; em dash and H:MM:SS without a title.
  expectScope(lines, '### 0:10 – 0:20 Middle', '0:10', 'constant.numeric.timecode.start.brief');
  expectScope(lines, '### 0:10 – 0:20 Middle', '–', 'punctuation.separator.range.brief');
  expectScope(lines, '### 0:10 – 0:20 Middle', '0:20', 'constant.numeric.timecode.end.brief');
  expectScope(lines, '### 0:20—1:02:00', '1:02:00', 'constant.numeric.timecode.end.brief');
  // A separator the language does not take is marked.
  expectScope(lines, '### 0:20 -> 0:30 Arrow', '->', 'invalid.illegal.separator.brief');
  expectScope(lines, '### 0:20 -> 0:30 Arrow', '0:30', 'constant.numeric.timecode.end.brief');
  // Seconds (language 1.1): `0-10s`, mixed `20s-1:30`.
  expectScope(lines, '### 0-10s Seconds', '0', 'constant.numeric.timecode.start.brief');
  expectScope(lines, '### 0-10s Seconds', '10s', 'constant.numeric.timecode.end.brief');
  expectScope(lines, '### 0-10s Seconds', 'Seconds', 'entity.name.section.scene.brief');
  expectScope(lines, '### 20s-1:30', '20s', 'constant.numeric.timecode.start.brief');
  expectScope(lines, '### 20s-1:30', '1:30', 'constant.numeric.timecode.end.brief');
  // Another ### line is a heading without timecodes.
  expectScope(lines, '### Audience', 'Audience', 'markup.heading.3.brief');
});

test('list markers', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'constructs.brief')));
  const MARK = 'punctuation.definition.list.begin.brief';
  expectScope(lines, '- Set up in minutes', '-', MARK);
  expectScope(lines, '* Works offline', '*', MARK);
  expectScope(lines, '• Certified', '•', MARK);
  expectScope(lines, '+ Cheap', '+', MARK);
  expectScope(lines, '1. Fast', '1.', 'punctuation.definition.list.begin.numbered.brief');
  expectScope(lines, '12) Friendly', '12)', 'punctuation.definition.list.begin.numbered.brief');
  expectNoScope(lines, '-not a bullet', '-', 'punctuation.definition.list');
});

test('checkboxes', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'constructs.brief')));
  expectScope(lines, '- [ ] Script approved', '[ ]', 'constant.language.checkbox.unchecked.brief');
  expectScope(lines, '- [x] Goal agreed', '[x]', 'constant.language.checkbox.checked.brief');
  expectScope(lines, '* [X] Audience reviewed', '[X]', 'constant.language.checkbox.checked.brief');
  expectScope(lines, '* [X] Audience reviewed', '*', 'punctuation.definition.list.begin.brief');
});

test('scene field names', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'constructs.brief')));
  const FIELD = 'keyword.other.field.scene.brief';
  for (const [line, name] of [
    ['Visual: A laptop.', 'Visual'],
    ['Voiceover: Another Monday,', 'Voiceover'],
    ['VO: Short.', 'VO'],
    ['On screen: Sick of errors?', 'On screen'],
    ['On-screen: Sick of errors?', 'On-screen'],
    ['Onscreen: Sick of errors?', 'Onscreen'],
    ['Audio: Music.', 'Audio'],
    ['Shot: Close-up.', 'Shot'],
    ['Location: Studio B.', 'Location'],
    ['Outcome: The viewer nods.', 'Outcome'],
    ['visual: lower case works too', 'visual'],
    ['**Visual:** Bold, as pasted', 'Visual'],
  ]) {
    expectScope(lines, line, name, FIELD);
    expectScope(lines, line, ':', 'punctuation.separator.key-value.brief');
  }
  expectNoScope(lines, 'Visuals: a misspelling is no field', 'Visuals', 'keyword');
  expectNoScope(lines, '  another sync error.', 'another', 'keyword');
});

test('comments', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'constructs.brief')));
  const COMMENT = 'comment.line.double-slash.brief';
  for (const line of ['// A comment before the title.', '// A comment inside a scene.', '  // an indented comment']) {
    const text = line.trim();
    expectScope(lines, line, text, COMMENT);
    expectScope(lines, line, '//', 'punctuation.definition.comment.brief');
  }
});

test('URLs', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'constructs.brief')));
  const LINK = 'markup.underline.link.brief';
  const line = 'Visual: See https://example.com/a_(b), then (https://example.com/c).';
  // The URL's own brackets stay; the sentence's punctuation and brackets do not.
  expectScope(lines, line, 'https://example.com/a_(b)', LINK);
  expectNoScope(lines, line, ', then (', 'markup.underline');
  expectNoScope(lines, line, ').', 'markup.underline');
  expectScope(lines, line, 'https://example.com/c', LINK);
  expectScope(lines, '- https://example.com/videos/pacing-we-like — pacing and tone', 'https://example.com/videos/pacing-we-like', LINK);
});

test('no-break spaces and CRLF line endings', async () => {
  const lines = await tokenize(read(path.join(FIXTURES, 'nbsp-crlf.brief')));
  const nbsp = '\u00a0';
  expectScope(lines, `length:${nbsp}30s`, 'length', 'support.type.property-name.header.brief');
  expectScope(lines, `##${nbsp}Goal`, 'Goal', 'entity.name.section.brief');
  expectScope(lines, `-${nbsp}One`, '-', 'punctuation.definition.list.begin.brief');
  expectScope(lines, `###${nbsp}0:00-0:10${nbsp}Hook`, '0:10', 'constant.numeric.timecode.end.brief');
  expectScope(lines, `Visual:${nbsp}Laptop.`, 'Visual', 'keyword.other.field.scene.brief');
});

test('a repository example: examples/explainer.brief', async () => {
  const lines = await tokenize(read(path.join(EXAMPLES, 'explainer.brief')));
  expectScope(lines, '// Explainer for the product page; replaces the 2024 animation.', '//', 'punctuation.definition.comment.brief');
  expectScope(lines, '# Acme Sync explained — 2-minute product page video', 'Acme Sync explained — 2-minute product page video', 'entity.name.section.title.brief');
  expectScope(lines, 'length: 2m', 'length', 'support.type.property-name.header.brief');
  expectScope(lines, 'budget: 14,000 EUR including animation', '14,000 EUR including animation', 'string.unquoted.value.header.brief');
  expectScope(lines, '## Scenes', 'Scenes', 'entity.name.section.brief');
  expectScope(lines, '// Timings agreed with the studio on 2026-11-18.', '// Timings agreed with the studio on 2026-11-18.', 'comment.line.double-slash.brief');
  expectScope(lines, '### 0:15-0:40 The console', '0:15', 'constant.numeric.timecode.start.brief');
  expectScope(lines, '### 0:15-0:40 The console', '0:40', 'constant.numeric.timecode.end.brief');
  expectScope(lines, '### 0:15-0:40 The console', 'The console', 'entity.name.section.scene.brief');
  for (const field of ['Visual', 'VO', 'On screen', 'Audio', 'Shot', 'Location', 'Outcome']) {
    const line = lines.find((l) => l.text.startsWith(`${field}:`));
    assert.ok(line, `explainer.brief has a ${field}: line`);
    expectScope(lines, line.text, field, 'keyword.other.field.scene.brief');
  }
  expectScope(lines, '- Logo end card, 3 seconds', '-', 'punctuation.definition.list.begin.brief');
  expectScope(lines, '- [ ] Script approved', '[ ]', 'constant.language.checkbox.unchecked.brief');
  expectScope(lines, '- [x] Goal agreed by sales and marketing', '[x]', 'constant.language.checkbox.checked.brief');
  expectScope(lines, '- https://example.com/videos/explainer-pacing — pacing we like', 'https://example.com/videos/explainer-pacing', 'markup.underline.link.brief');
  expectScope(lines, '- Priya Shah (marketing) 2026-11-19', '2026-11-19', 'constant.numeric.date.brief');
  // Prose with a colon inside a section is no field.
  for (const l of lines.filter((x) => x.text.startsWith('Calm and precise.'))) {
    assert.ok(!l.tokens.some((t) => t.scopes.some((s) => s.startsWith('support.type') || s.startsWith('keyword'))));
  }
});

test('every example brief tokenizes, and every scene heading in it gets its timecodes', async () => {
  for (const name of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.brief'))) {
    const lines = await tokenize(read(path.join(EXAMPLES, name)));
    const headings = lines.filter((l) => /^###\s+\d/.test(l.text));
    assert.ok(headings.length > 0, `${name} has scenes`);
    for (const heading of headings) {
      const scopes = heading.tokens.flatMap((t) => t.scopes);
      assert.ok(scopes.includes('constant.numeric.timecode.start.brief'), `${name}: ${heading.text}`);
      assert.ok(scopes.includes('constant.numeric.timecode.end.brief'), `${name}: ${heading.text}`);
    }
  }
});
