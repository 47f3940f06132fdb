// The Brief extension: starts `briefc lsp` (checks, quick fixes, inlay hints
// and the preview come from it) and adds the preview and build commands.

import * as readline from 'node:readline';
import type { Readable } from 'node:stream';
import * as vscode from 'vscode';
import { LanguageClient, State, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { buildBrief } from './build';
import { DEFAULT_COMMAND, findExecutable, notFoundMessage } from './executable';
import { foldingRanges } from './folding';
import { PreviewManager } from './preview';

let client: LanguageClient | undefined;
/** The client being started (settles to `undefined` when briefc cannot run). */
let starting: Promise<LanguageClient | undefined> | undefined;
let output: vscode.LogOutputChannel;
let previews: PreviewManager;

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel('Brief', { log: true });
  previews = new PreviewManager(() => runningClient());
  context.subscriptions.push(
    output,
    previews,
    vscode.commands.registerCommand('briefc.openPreview', (uri?: vscode.Uri) => previews.open(uri)),
    vscode.commands.registerCommand('briefc.build', (uri?: vscode.Uri) =>
      buildBrief({ executable: () => executableOrComplain(), output }, uri),
    ),
    vscode.commands.registerCommand('briefc.restartServer', () => restart()),
    vscode.languages.registerFoldingRangeProvider(
      { language: 'brief' },
      {
        provideFoldingRanges: (document) =>
          foldingRanges(Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text)).map(
            (fold) => new vscode.FoldingRange(fold.start, fold.end),
          ),
      },
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('briefc.path')) void restart();
    }),
  );
  starting = startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

/** The `briefc.path` setting. */
function setting(): string {
  return vscode.workspace.getConfiguration('briefc').get<string>('path', DEFAULT_COMMAND) || DEFAULT_COMMAND;
}

function executable(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return findExecutable(setting(), { env: process.env, platform: process.platform, cwd: folder?.uri.fsPath });
}

/** The briefc executable; when there is none, says how to install it or set `briefc.path`. */
function executableOrComplain(): string | undefined {
  const found = executable();
  if (!found) {
    const message = notFoundMessage(setting());
    output.error(message);
    const openSettings = 'Open Settings';
    void vscode.window.showErrorMessage(message, openSettings).then((choice) => {
      if (choice === openSettings) void vscode.commands.executeCommand('workbench.action.openSettings', 'briefc.path');
    });
  }
  return found;
}

async function startClient(): Promise<LanguageClient | undefined> {
  const command = executableOrComplain();
  if (!command) return undefined;
  // No `transport`: the client then speaks over stdio without adding `--stdio` to the arguments.
  const serverOptions: ServerOptions = { command, args: ['lsp'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'brief', scheme: 'file' },
      { language: 'brief', scheme: 'untitled' },
      // The server checks briefs against an open briefc.yaml's unsaved text, and
      // reports a broken one. (It asks to be told about changes on disk itself.)
      { scheme: 'file', pattern: '**/briefc.yaml' },
    ],
    outputChannel: output,
    // briefc lsp logs to standard error; only lines that say so are errors.
    stdioOptions: { stdout: logLines, stderr: logLines },
  };
  const next = new LanguageClient('briefc', 'Brief Language Server', serverOptions, clientOptions);
  next.onDidChangeState((event) => {
    if (event.newState === State.Running) previews.refreshAll();
  });
  client = next;
  try {
    output.info(`Starting ${command} lsp`);
    await next.start();
    return next;
  } catch (error) {
    const message = `briefc lsp did not start (${command}): ${error instanceof Error ? error.message : String(error)}. Check the \`briefc.path\` setting; \`briefc lsp\` needs a briefc with the language server.`;
    output.error(message);
    const showOutput = 'Show Output';
    void vscode.window.showErrorMessage(message, showOutput).then((choice) => {
      if (choice === showOutput) output.show(true);
    });
    if (client === next) client = undefined;
    return undefined;
  }
}

function logLines(input: Readable, channel: vscode.LogOutputChannel): void {
  readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', (line) => {
    if (/^(error|panic)\b/i.test(line) || /\bpanicked\b/.test(line)) channel.error(line);
    else if (/^warn(ing)?\b/i.test(line)) channel.warn(line);
    else channel.info(line);
  });
}

/** The running language client, after waiting for it to start; `undefined` when briefc cannot run. */
async function runningClient(): Promise<LanguageClient | undefined> {
  const started = await starting;
  return started && started.state === State.Running ? started : undefined;
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (!current) return;
  try {
    await current.stop();
  } catch (error) {
    output.warn(`Stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function restart(): Promise<void> {
  await starting;
  await stopClient();
  starting = startClient();
  await starting;
}
