// "Brief: Open Preview to the Side": a webview beside the editor showing the
// HTML that the language server renders for `briefc/preview`, refreshed as
// the brief changes. Scripts are off and a strict Content-Security-Policy
// keeps everything but the page's own styles and `data:` images out.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { htmlOfPreviewResult, messagePage, withCsp } from './previewHtml';

/** How long typing must pause before the preview is rendered again. */
export const REFRESH_DELAY_MS = 150;

/** The custom request the server answers with `{ html }`. */
export const PREVIEW_REQUEST = 'briefc/preview';

/** Returns the running language client, starting it if needed; `undefined` when briefc cannot run. */
export type ClientSource = () => Promise<LanguageClient | undefined>;

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: ClientSource) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        // An edited briefc.yaml (brand, page size, templates) can change every preview.
        if (path.basename(event.document.uri.path) === 'briefc.yaml') this.refreshAll();
        else this.previews.get(event.document.uri.toString())?.schedule();
      }),
    );
  }

  /** Opens (or reveals) the preview of `uri`, or of the active brief. */
  async open(uri?: vscode.Uri): Promise<void> {
    const document = await briefDocument(uri);
    if (!document) {
      void vscode.window.showErrorMessage('Open a .brief file to preview it.');
      return;
    }
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const preview = new Preview(document.uri, this.client, () => this.previews.delete(key));
    this.previews.set(key, preview);
    preview.refresh();
  }

  /** Renders every preview again (after the server restarted, say). */
  refreshAll(): void {
    for (const preview of this.previews.values()) preview.schedule();
  }

  dispose(): void {
    for (const preview of [...this.previews.values()]) preview.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

class Preview implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private timer: NodeJS.Timeout | undefined;
  /** Numbers the requests, so that a late answer never replaces a newer one. */
  private generation = 0;
  private shown: string | undefined;
  /** Whether a rendered brief (not a message) is on screen. */
  private rendered = false;
  private disposed = false;
  private readonly title: string;

  constructor(
    private readonly uri: vscode.Uri,
    private readonly client: ClientSource,
    private readonly onDispose: () => void,
  ) {
    this.title = `Preview ${path.basename(uri.path)}`;
    this.panel = vscode.window.createWebviewPanel(
      'briefc.preview',
      this.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: false,
        enableForms: false,
        enableCommandUris: false,
        localResourceRoots: [],
        enableFindWidget: true,
      },
    );
    this.panel.onDidDispose(() => this.dispose());
    this.panel.onDidChangeViewState((event) => {
      if (event.webviewPanel.visible) this.schedule();
    });
    this.show(messagePage('Rendering the preview…', ''), false);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  schedule(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  refresh(): void {
    void this.render(++this.generation);
  }

  private async render(generation: number): Promise<void> {
    let page: string;
    let failed = false;
    try {
      const client = await this.client();
      if (!client) {
        page = messagePage(
          'No preview: briefc is not running',
          'The preview is rendered by `briefc lsp`. Install briefc (`cargo install --path .` in the briefc repository) or set `briefc.path`, then run "Brief: Restart Language Server".',
        );
        failed = true;
      } else {
        const result = await client.sendRequest(PREVIEW_REQUEST, { textDocument: { uri: this.uri.toString() } });
        page = withCsp(htmlOfPreviewResult(result));
      }
    } catch (error) {
      page = messagePage('No preview', `briefc could not render ${path.basename(this.uri.path)}:\n${describe(error)}`);
      failed = true;
    }
    if (this.disposed || generation !== this.generation) return;
    if (failed && this.rendered) {
      // Keep the last rendered brief on screen, marked as out of date.
      this.panel.title = `${this.title} (out of date)`;
      return;
    }
    this.panel.title = this.title;
    this.show(page, !failed);
  }

  private show(page: string, rendered: boolean): void {
    this.rendered = rendered;
    if (page === this.shown) return;
    this.shown = page;
    this.panel.webview.html = page;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.onDispose();
    this.panel.dispose();
  }
}

async function briefDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'brief' ? document : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
