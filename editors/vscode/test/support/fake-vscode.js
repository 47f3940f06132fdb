// A stand-in for the `vscode` module, enough to activate the extension and run
// vscode-languageclient against a real child process under plain Node:
// VS Code itself cannot be downloaded here (@vscode/test-electron needs the
// network). The parts the tests look at are real (commands, messages,
// webview panels, documents and their events, settings); everything else is
// an inert object that accepts any call.
'use strict';

const Module = require('node:module');
const path = require('node:path');

/** An object that accepts any property access, call or `new`, and is no thenable. */
function inert(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'dispose') return () => {};
      if (prop === 'toString') return () => `[inert ${name}]`;
      return inert(`${name}.${String(prop)}`);
    },
    apply: () => inert(`${name}()`),
    construct: () => inert(`new ${name}`),
  });
}

/** `obj` with an inert fallback for whatever it does not define. */
function withFallback(name, obj) {
  return new Proxy(obj, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      return inert(`${name}.${String(prop)}`);
    },
  });
}

class Disposable {
  constructor(fn) {
    this.fn = fn;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
  }
  dispose() {
    if (this.fn) this.fn();
    this.fn = undefined;
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const bound = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(bound);
      const d = new Disposable(() => this.listeners.delete(bound));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(value) {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(scheme, fsPath) {
    this.scheme = scheme;
    this.path = fsPath;
    this.fsPath = fsPath;
  }
  static file(p) {
    return new Uri('file', path.resolve(p));
  }
  static parse(value) {
    const m = /^([a-z][\w+.-]*):(?:\/\/)?(.*)$/i.exec(value);
    if (!m) throw new Error(`not a URI: ${value}`);
    return new Uri(m[1], decodeURIComponent(m[2]));
  }
  toString() {
    return this.scheme === 'file' ? `file://${encodeURI(this.path)}` : `${this.scheme}:${this.path}`;
  }
  toJSON() {
    return this.toString();
  }
  with() {
    return this;
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}

class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    } else {
      this.start = a;
      this.end = b;
    }
  }
}

class FoldingRange {
  constructor(start, end, kind) {
    this.start = start;
    this.end = end;
    this.kind = kind;
  }
}

class Diagnostic {
  constructor(range, message, severity = 0) {
    this.range = range;
    this.message = message;
    this.severity = severity;
  }
}

class Location {
  constructor(uri, rangeOrPosition) {
    this.uri = uri;
    this.range = rangeOrPosition;
  }
}

class DiagnosticRelatedInformation {
  constructor(location, message) {
    this.location = location;
    this.message = message;
  }
}

class CancellationTokenSource {
  constructor() {
    this.emitter = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  }
  cancel() {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose() {}
}

class CancellationError extends Error {}

/** Creates a fresh fake `vscode` API; `state` is what the tests inspect and drive. */
function createFakeVscode({ settings = {}, workspaceFolder } = {}) {
  const state = {
    settings: { ...settings },
    commands: new Map(),
    executed: [],
    messages: [],
    panels: [],
    documents: [],
    foldingProviders: [],
    /** Diagnostics set by the language client, by document URI. */
    diagnostics: new Map(),
    openedExternally: [],
    outputLines: [],
    events: {
      open: new EventEmitter(),
      change: new EventEmitter(),
      close: new EventEmitter(),
      save: new EventEmitter(),
      willSave: new EventEmitter(),
      configuration: new EventEmitter(),
    },
    activeTextEditor: undefined,
    /** Answer given to the next message that offers buttons (by its text), or undefined. */
    answer: () => undefined,
  };

  function message(severity) {
    return (text, ...items) => {
      state.messages.push({ severity, text, items: items.filter((i) => typeof i === 'string') });
      return Promise.resolve(state.answer(text, items));
    };
  }

  function outputChannel(name) {
    const log = (level) => (text) => state.outputLines.push(`[${name}] ${level} ${text}`);
    return withFallback(`outputChannel(${name})`, {
      name,
      logLevel: 2,
      onDidChangeLogLevel: new EventEmitter().event,
      append: log('append'),
      appendLine: log('line'),
      replace() {},
      clear() {},
      show() {},
      hide() {},
      dispose() {},
      trace: log('trace'),
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
    });
  }

  function createWebviewPanel(viewType, title, showOptions, options) {
    const disposeEmitter = new EventEmitter();
    const panel = {
      viewType,
      title,
      showOptions,
      options,
      visible: true,
      disposed: false,
      htmlHistory: [],
      webview: {
        options,
        cspSource: 'vscode-resource:',
        asWebviewUri: (u) => u,
        onDidReceiveMessage: new EventEmitter().event,
        postMessage: async () => true,
      },
      onDidDispose: disposeEmitter.event,
      onDidChangeViewState: new EventEmitter().event,
      reveal() {
        panel.revealed = (panel.revealed || 0) + 1;
      },
      dispose() {
        if (panel.disposed) return;
        panel.disposed = true;
        disposeEmitter.fire();
      },
    };
    let html = '';
    Object.defineProperty(panel.webview, 'html', {
      get: () => html,
      set: (value) => {
        html = value;
        panel.htmlHistory.push(value);
      },
    });
    state.panels.push(panel);
    return panel;
  }

  const languages = withFallback('languages', {
    match(selector, document) {
      const selectors = Array.isArray(selector) ? selector : [selector];
      return selectors.some((s) =>
        typeof s === 'string'
          ? s === document.languageId
          : (!s.language || s.language === document.languageId) &&
            (!s.scheme || s.scheme === document.uri.scheme) &&
            // Only the `**/NAME` form of glob patterns.
            (!s.pattern || path.basename(document.uri.fsPath) === s.pattern.replace(/^\*\*\//, '')),
      )
        ? 10
        : 0;
    },
    createDiagnosticCollection: (name) =>
      withFallback('diagnostics', {
        name,
        set(uri, diagnostics) {
          if (Array.isArray(uri)) for (const [u, d] of uri) state.diagnostics.set(u.toString(), d || []);
          else state.diagnostics.set(uri.toString(), diagnostics || []);
        },
        delete: (uri) => state.diagnostics.delete(uri.toString()),
        clear: () => state.diagnostics.clear(),
        dispose() {},
        get: (uri) => state.diagnostics.get(uri.toString()) || [],
        has: (uri) => state.diagnostics.has(uri.toString()),
        forEach() {},
      }),
    registerFoldingRangeProvider(selector, provider) {
      state.foldingProviders.push({ selector, provider });
      return new Disposable();
    },
  });

  const configuration = (section) => ({
    get(key, fallback) {
      const full = section ? `${section}.${key}` : key;
      return full in state.settings ? state.settings[full] : fallback;
    },
    has: (key) => (section ? `${section}.${key}` : key) in state.settings,
    inspect: () => undefined,
    update: async () => {},
  });

  const folders = workspaceFolder ? [{ uri: Uri.file(workspaceFolder), name: path.basename(workspaceFolder), index: 0 }] : undefined;

  const workspace = withFallback('workspace', {
    get textDocuments() {
      return state.documents;
    },
    notebookDocuments: [],
    workspaceFolders: folders,
    getWorkspaceFolder: (uri) => folders && folders.find((f) => uri.fsPath.startsWith(f.uri.fsPath + path.sep)),
    getConfiguration: configuration,
    onDidOpenTextDocument: state.events.open.event,
    onDidChangeTextDocument: state.events.change.event,
    onDidCloseTextDocument: state.events.close.event,
    onDidSaveTextDocument: state.events.save.event,
    onWillSaveTextDocument: state.events.willSave.event,
    onDidChangeConfiguration: state.events.configuration.event,
    onDidChangeWorkspaceFolders: new EventEmitter().event,
    createFileSystemWatcher: () =>
      withFallback('watcher', {
        onDidCreate: new EventEmitter().event,
        onDidChange: new EventEmitter().event,
        onDidDelete: new EventEmitter().event,
        dispose() {},
      }),
    async openTextDocument(uri) {
      const found = state.documents.find((d) => d.uri.toString() === uri.toString());
      if (!found) throw new Error(`no document ${uri}`);
      return found;
    },
  });

  const window = withFallback('window', {
    get activeTextEditor() {
      return state.activeTextEditor;
    },
    get visibleTextEditors() {
      return state.activeTextEditor ? [state.activeTextEditor] : [];
    },
    tabGroups: withFallback('tabGroups', { all: [], onDidChangeTabs: new EventEmitter().event, onDidChangeTabGroups: new EventEmitter().event }),
    onDidChangeActiveTextEditor: new EventEmitter().event,
    onDidChangeVisibleTextEditors: new EventEmitter().event,
    createOutputChannel: outputChannel,
    createWebviewPanel,
    showErrorMessage: message('error'),
    showWarningMessage: message('warning'),
    showInformationMessage: message('info'),
    withProgress: (options, task) => task({ report() {} }, new CancellationTokenSource().token),
  });

  const commands = withFallback('commands', {
    registerCommand(id, fn) {
      if (state.commands.has(id)) throw new Error(`command ${id} registered twice`);
      state.commands.set(id, fn);
      return new Disposable(() => state.commands.delete(id));
    },
    async executeCommand(id, ...args) {
      state.executed.push({ id, args });
      if (state.commands.has(id)) return state.commands.get(id)(...args);
      return undefined;
    },
  });

  const vscode = withFallback('vscode', {
    version: '1.91.0',
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    FoldingRange,
    Diagnostic,
    DiagnosticRelatedInformation,
    Location,
    FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
    CancellationTokenSource,
    CancellationError,
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
    env: withFallback('env', {
      language: 'en',
      appName: 'Visual Studio Code (fake)',
      machineId: 'test',
      async openExternal(uri) {
        state.openedExternally.push(uri);
        return true;
      },
    }),
    languages,
    workspace,
    window,
    commands,
  });

  /** Adds an open document with `text`, makes it the active editor's, and tells listeners. */
  function openDocument(file, text, languageId = 'brief') {
    let content = text;
    const doc = {
      uri: Uri.file(file),
      fileName: path.resolve(file),
      languageId,
      version: 1,
      isUntitled: false,
      isClosed: false,
      isDirty: false,
      eol: 1,
      encoding: 'utf8',
      getText: () => content,
      get lineCount() {
        return content.split('\n').length;
      },
      lineAt: (i) => ({ text: content.split('\n')[i].replace(/\r$/, '') }),
      save: async () => true,
    };
    doc.setText = (next) => {
      content = next;
      doc.version += 1;
      state.events.change.fire({ document: doc, contentChanges: [{ text: next }], reason: undefined });
    };
    state.documents.push(doc);
    state.activeTextEditor = { document: doc, viewColumn: 1, selections: [], visibleRanges: [] };
    state.events.open.fire(doc);
    return doc;
  }

  return { vscode, state, openDocument };
}

/** Makes `require('vscode')` return `api` (and forgets modules loaded with an earlier one). */
function installFakeVscode(api) {
  if (!installFakeVscode.installed) {
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
    };
    installFakeVscode.installed = true;
  }
  for (const key of Object.keys(require.cache)) {
    if (key === 'vscode' || key.includes(`${path.sep}vscode-languageclient${path.sep}`) || key.includes(`${path.sep}out${path.sep}`)) {
      delete require.cache[key];
    }
  }
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };
}

module.exports = { createFakeVscode, installFakeVscode };
