// Finding the `briefc` executable named by the `briefc.path` setting.
// No `vscode` import here, so the tests run it under plain Node.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const DEFAULT_COMMAND = 'briefc';

export interface LookupContext {
  /** Environment (PATH, PATHEXT, HOME). */
  env: NodeJS.ProcessEnv;
  /** `process.platform`. */
  platform: NodeJS.Platform;
  /** Folder that a relative path such as `target/debug/briefc` is resolved against (the workspace folder). */
  cwd?: string;
}

/**
 * The absolute path of the executable the setting names, or `undefined` when
 * there is none. A bare name (`briefc`) is looked up on PATH; a path (with a
 * slash, or starting with `~`) is taken as it is, relative to `cwd`.
 */
export function findExecutable(setting: string, ctx: LookupContext): string | undefined {
  const command = expandHome(setting.trim() || DEFAULT_COMMAND, ctx.env);
  const windows = ctx.platform === 'win32';
  const extensions = windows ? windowsExtensions(command, ctx.env) : [''];
  const hasSeparator = command.includes('/') || (windows && command.includes('\\'));
  if (hasSeparator || path.isAbsolute(command)) {
    const full = path.resolve(ctx.cwd ?? process.cwd(), command);
    return extensions.map((ext) => full + ext).find((candidate) => isExecutable(candidate, windows));
  }
  const dirs = (ctx.env.PATH ?? ctx.env.Path ?? '').split(windows ? ';' : ':').filter((dir) => dir !== '');
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = path.join(dir, command + ext);
      if (isExecutable(candidate, windows)) return candidate;
    }
  }
  return undefined;
}

/** The message shown when `findExecutable` finds nothing. */
export function notFoundMessage(setting: string): string {
  const command = setting.trim() || DEFAULT_COMMAND;
  const where =
    command === DEFAULT_COMMAND
      ? 'The `briefc` command was not found on PATH.'
      : `The \`briefc.path\` setting names \`${command}\`, which was not found or is not executable.`;
  return (
    `${where} Install briefc with \`cargo install --path .\` in a checkout of the briefc repository ` +
    '(it puts `briefc` in ~/.cargo/bin), or set `briefc.path` to the full path of the executable. ' +
    'Highlighting works without it; checks, quick fixes, the preview and builds need it.'
  );
}

function expandHome(command: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME ?? env.USERPROFILE;
  if (home && (command === '~' || command.startsWith('~/') || command.startsWith('~\\'))) {
    return path.join(home, command.slice(1));
  }
  return command;
}

function windowsExtensions(command: string, env: NodeJS.ProcessEnv): string[] {
  const known = (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((ext) => ext !== '');
  const given = path.extname(command).toUpperCase();
  return given && known.map((ext) => ext.toUpperCase()).includes(given) ? [''] : known;
}

function isExecutable(candidate: string, windows: boolean): boolean {
  try {
    if (!fs.statSync(candidate).isFile()) return false;
    if (!windows) fs.accessSync(candidate, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
