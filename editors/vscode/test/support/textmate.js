// Loads syntaxes/brief.tmLanguage.json with vscode-textmate and the Oniguruma
// WebAssembly build that VS Code itself uses, and tokenizes text line by line.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', '..', 'syntaxes', 'brief.tmLanguage.json');

let grammarPromise;

/** The Brief grammar, loaded once. */
function loadGrammar() {
  if (!grammarPromise) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }));
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => {
        if (scopeName !== 'text.brief') return null;
        return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR);
      },
    });
    grammarPromise = registry.loadGrammar('text.brief');
  }
  return grammarPromise;
}

/**
 * Tokenizes `text` (lines split on LF or CRLF, as VS Code does) and returns
 * one entry per line: `{ text, tokens: [{ text, start, end, scopes }] }`.
 */
async function tokenize(text) {
  const grammar = await loadGrammar();
  let stack = vsctm.INITIAL;
  const lines = [];
  for (const line of text.split(/\r?\n/)) {
    const result = grammar.tokenizeLine(line, stack, 1000);
    if (result.stoppedEarly) throw new Error(`tokenizing stopped early on ${JSON.stringify(line)}`);
    stack = result.ruleStack;
    lines.push({
      text: line,
      tokens: result.tokens.map((t) => ({
        text: line.slice(t.startIndex, t.endIndex),
        start: t.startIndex,
        end: t.endIndex,
        scopes: t.scopes,
      })),
    });
  }
  return lines;
}

module.exports = { loadGrammar, tokenize, GRAMMAR };
