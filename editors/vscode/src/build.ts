// "Brief: Build PDF and HTML": runs `briefc build FILE` in the brief's
// folder, reports the outcome and reveals the PDF.

import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildArgs, buildOutcome, outputsOf } from './buildResult';

export interface BuildContext {
  /** The briefc executable, or `undefined` after telling the user it is missing. */
  executable(): string | undefined;
  output: vscode.LogOutputChannel;
}

export async function buildBrief(ctx: BuildContext, uri?: vscode.Uri): Promise<void> {
  const document =
    uri instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document.languageId === 'brief'
        ? vscode.window.activeTextEditor.document
        : undefined;
  if (!document) {
    void vscode.window.showErrorMessage('Open a .brief file to build it.');
    return;
  }
  if (document.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Save the brief as a file first: briefc builds files on disk.');
    return;
  }
  if (document.isDirty && !(await document.save())) {
    void vscode.window.showErrorMessage(`${path.basename(document.fileName)} could not be saved, so it was not built.`);
    return;
  }
  const executable = ctx.executable();
  if (!executable) return;

  const file = document.uri.fsPath;
  const cwd = path.dirname(file);
  const args = buildArgs(file);
  ctx.output.info(`Running ${executable} ${args.join(' ')} in ${cwd}`);
  const run = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Building ${path.basename(file)}…` },
    () => execute(executable, args, cwd),
  );
  const printed = (run.stdout + run.stderr).trimEnd();
  if (printed) ctx.output.appendLine(printed);
  if (run.spawnError) {
    ctx.output.error(`Could not run ${executable}: ${run.spawnError.message}`);
    void vscode.window.showErrorMessage(`Could not run ${executable}: ${run.spawnError.message}`);
    return;
  }

  const outcome = buildOutcome(file, run.code, run.stdout, run.stderr);
  const showOutput = 'Show Output';
  if (outcome.kind !== 'built') {
    const choice = await vscode.window.showErrorMessage(outcome.message, showOutput);
    if (choice === showOutput) ctx.output.show(true);
    return;
  }

  const pdf = vscode.Uri.file(outputsOf(file).pdf);
  const html = vscode.Uri.file(outputsOf(file).html);
  if (vscode.workspace.getWorkspaceFolder(pdf)) {
    await vscode.commands.executeCommand('revealInExplorer', pdf).then(undefined, () => undefined);
  }
  const openPdf = 'Open PDF';
  const openHtml = 'Open HTML';
  const reveal = process.platform === 'darwin' ? 'Reveal in Finder' : 'Reveal in File Explorer';
  const choices = outcome.warnings ? [openPdf, openHtml, reveal, showOutput] : [openPdf, openHtml, reveal];
  const choice = await vscode.window.showInformationMessage(outcome.message, ...choices);
  if (choice === openPdf) await vscode.env.openExternal(pdf);
  else if (choice === openHtml) await vscode.env.openExternal(html);
  else if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', pdf);
  else if (choice === showOutput) ctx.output.show(true);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  spawnError?: Error;
}

function execute(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const err = error as (Error & { code?: number | string }) | null;
        if (err && typeof err.code !== 'number') {
          // Not an exit status: the process could not start (ENOENT, EACCES) or was killed.
          if (typeof err.code === 'string') {
            resolve({ code: null, stdout, stderr, spawnError: err });
            return;
          }
          resolve({ code: null, stdout, stderr });
          return;
        }
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}
