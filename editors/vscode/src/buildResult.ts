// What `briefc build FILE` produced, told from its exit code and output. No
// `vscode` import here, so the tests run it under plain Node.

import * as path from 'node:path';

/** The arguments of the build of `file`, run in the file's folder. */
export function buildArgs(file: string): string[] {
  return ['build', '--color', 'never', path.basename(file)];
}

/** Where `briefc build FILE` writes its outputs: next to the brief, named after it without its extension. */
export function outputsOf(file: string): { html: string; pdf: string } {
  const parsed = path.parse(file);
  const stem = path.join(parsed.dir, parsed.name);
  return { html: `${stem}.html`, pdf: `${stem}.pdf` };
}

export type BuildOutcome =
  | { kind: 'built'; message: string; warnings: boolean }
  | { kind: 'errors'; message: string }
  | { kind: 'failed'; message: string };

/**
 * The outcome of a build of `file` that exited with `code` (`null`: killed)
 * after printing `stdout` and `stderr`. Exit codes: 0 built (warnings
 * allowed), 1 the brief has errors and nothing was written, 2 the command
 * could not run.
 */
export function buildOutcome(file: string, code: number | null, stdout: string, stderr: string): BuildOutcome {
  const name = path.basename(file);
  const { html, pdf } = outputsOf(file);
  if (code === 0) {
    // Besides the `wrote …` line, build prints only diagnostics: warnings here.
    const warnings = stdout.split(/\r?\n/).some((line) => line.trim() !== '' && !line.startsWith('wrote '));
    const message =
      `Built ${path.basename(pdf)} and ${path.basename(html)}` +
      (warnings ? ' (briefc reported warnings: see the Problems panel or the Brief output).' : '.');
    return { kind: 'built', message, warnings };
  }
  if (code === 1) {
    return {
      kind: 'errors',
      message: `${name} has errors and was not built: see the Problems panel (or the Brief output). Earlier outputs are untouched.`,
    };
  }
  const reason =
    stderr
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? (code === null ? 'the process was killed' : `exit code ${code}`);
  return { kind: 'failed', message: `briefc build ${name} failed: ${reason.replace(/^error:\s*/, '')}` };
}
