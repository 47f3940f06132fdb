// Folding ranges of a brief: the title with its header, each `## Section` and
// each `### scene`, each up to its last non-blank line before the next
// heading of its level or above. No `vscode` import, so the tests run it under
// plain Node.

export interface Fold {
  /** Zero-based line of the heading. */
  start: number;
  /** Zero-based last line of the fold. */
  end: number;
}

const TITLE = /^#(?!#)/;
const SECTION = /^##(?!#)/;
const HEADING_3 = /^###(?!#)/;
const BLANK = /^[ \t\u00a0]*\r?$/;

/** The folds of a brief given as its lines. */
export function foldingRanges(lines: readonly string[]): Fold[] {
  const folds: Fold[] = [];
  // Open headings by level (1 = title, 2 = section, 3 = scene).
  const open: { level: number; start: number }[] = [];
  const close = (level: number, before: number) => {
    while (open.length > 0 && open[open.length - 1].level >= level) {
      const heading = open.pop()!;
      let end = before - 1;
      while (end > heading.start && BLANK.test(lines[end])) end--;
      if (end > heading.start) folds.push({ start: heading.start, end });
    }
  };
  lines.forEach((line, i) => {
    const level = HEADING_3.test(line) ? 3 : SECTION.test(line) ? 2 : TITLE.test(line) ? 1 : 0;
    if (level === 0) return;
    // A heading ends the open ones of its level and below; the title's fold
    // holds the header only, so any heading ends it.
    close(open.some((o) => o.level === 1) ? 1 : level, i);
    open.push({ level, start: i });
  });
  close(1, lines.length);
  return folds.sort((a, b) => a.start - b.start);
}
