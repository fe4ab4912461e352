// The server's preview data of each page the preview shows, cached in the client so that markdown-it
// can render synchronously. A render reads the cache and asks the server again in the background; an
// answer that differs refreshes the previews. An edit of any Markdown document, or a change of a file
// on disk, asks again for every cached page: a maatregel's `vereiste:` list changes the table of an
// open vereiste's preview.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { previewDataRequest, type PreviewData } from '../../../protocol';

/** Pages whose data is kept; a preview of one more asks the server afresh. */
const maxPages = 20;
/**
 * After an edit, ask once typing pauses this long (the edit reaches the server before the request:
 * the language client sends changes first). VS Code then waits 300 ms more before it renders a
 * refreshed preview.
 */
const afterEditDelay = 30;

interface Entry {
  data: PreviewData | null;
  json: string;
}

export class PreviewDataCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, { again: boolean }>();
  private editTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly client: () => BaseLanguageClient | undefined) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const askAgain = () => this.askAgainSoon();
    this.disposables = [
      watcher,
      watcher.onDidChange(askAgain),
      watcher.onDidCreate(askAgain),
      watcher.onDidDelete(askAgain),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId === 'markdown' && event.contentChanges.length > 0) askAgain();
      }),
    ];
  }

  /** The data of the page at `uri` as last answered (undefined before the first answer); asks the server again. */
  get(uri: string): PreviewData | null | undefined {
    const entry = this.entries.get(uri);
    if (entry) {
      // Most recently used last: the first entry is the one to drop.
      this.entries.delete(uri);
      this.entries.set(uri, entry);
    }
    void this.ask(uri);
    return entry?.data;
  }

  private askAgainSoon(): void {
    if (this.editTimer) clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => {
      this.editTimer = undefined;
      for (const uri of this.entries.keys()) void this.ask(uri);
    }, afterEditDelay);
  }

  private async ask(uri: string): Promise<void> {
    const running = this.inFlight.get(uri);
    if (running) {
      running.again = true;
      return;
    }
    const client = this.client();
    if (!client?.isRunning()) return;
    const request = { again: false };
    this.inFlight.set(uri, request);
    try {
      const data = await client.sendRequest(previewDataRequest, { uri });
      const json = JSON.stringify({ ...data, version: undefined });
      const previous = this.entries.get(uri);
      if (previous?.json !== json) {
        this.entries.set(uri, { data: data && previous?.data ? keepUnchangedViews(data, previous.data) : data, json });
        if (this.entries.size > maxPages) this.entries.delete(this.entries.keys().next().value!);
        void vscode.commands.executeCommand('markdown.preview.refresh');
      }
    } catch {
      // The server stopped or restarts: the next render asks again.
    } finally {
      this.inFlight.delete(uri);
    }
    if (request.again) void this.ask(uri);
  }

  dispose(): void {
    if (this.editTimer) clearTimeout(this.editTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The new data with the views and glossary that did not change replaced by the old objects: the preview keeps what it made of them and renders only what changed. */
function keepUnchangedViews(data: PreviewData, previous: PreviewData): PreviewData {
  const views = new Map(previous.directives.map((directive) => [JSON.stringify(directive.view), directive.view]));
  return {
    ...data,
    directives: data.directives.map((directive) => ({ ...directive, view: views.get(JSON.stringify(directive.view)) ?? directive.view })),
    glossary: JSON.stringify(data.glossary) === JSON.stringify(previous.glossary) ? previous.glossary : data.glossary,
  };
}
