// The HTML the preview webview shows. No `vscode` import here, so the tests
// run it under plain Node.

/**
 * The Content-Security-Policy of the preview: nothing loads from anywhere
 * (no scripts, no remote images, fonts or style sheets, no forms); the page's
 * own `<style>` element and `data:` images (a brand logo) are allowed.
 */
export const PREVIEW_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; " +
  "media-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`;

/**
 * `html` (a whole document, as `briefc/preview` returns it) with the preview's
 * Content-Security-Policy as the first element of its head, so that it applies
 * before anything in the document can load.
 */
export function withCsp(html: string): string {
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + CSP_META + html.slice(at);
  }
  const root = /<html(?:\s[^>]*)?>/i.exec(html);
  if (root) {
    const at = root.index + root[0].length;
    return html.slice(0, at) + `<head>${CSP_META}</head>` + html.slice(at);
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + `<head>${CSP_META}</head>` + html.slice(at);
}

/** `text` safe to put in HTML text or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A page saying why there is no preview (yet), in the editor's colours. */
export function messagePage(title: string, detail: string): string {
  return withCsp(
    '<!DOCTYPE html><html><head><meta charset="utf-8"><style>' +
      'body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);' +
      'background:var(--vscode-editor-background);padding:1.5em;line-height:1.5}' +
      'pre{white-space:pre-wrap;font-family:var(--vscode-editor-font-family)}' +
      '</style></head><body>' +
      `<h2>${escapeHtml(title)}</h2><pre>${escapeHtml(detail)}</pre>` +
      '</body></html>',
  );
}

/** The `html` of a `briefc/preview` answer, or an error saying what was wrong with it. */
export function htmlOfPreviewResult(result: unknown): string {
  if (result && typeof result === 'object' && typeof (result as { html?: unknown }).html === 'string') {
    return (result as { html: string }).html;
  }
  throw new Error(`briefc/preview answered ${JSON.stringify(result)}, not {"html": "…"}`);
}
