// The server's preview data of each page the preview shows, cached in the client so that markdown-it
// can render synchronously. A render reads the cache and asks the server again in the background
// (which also tells the server that the page is shown). From then on the server sends the page's new
// data itself whenever the index changes it (an edit of any page, a file changed on disk): a
// maatregel's `vereiste:` list changes the table of an open vereiste's preview. New data refreshes
// the previews, except new data of a page just edited itself, which VS Code renders again anyway.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { previewDataChangedNotification, previewDataRequest, type PreviewData } from '../../../protocol';

/** Pages whose data is kept; a preview of one more asks the server afresh. The server watches as many. */
const maxPages = 20;
/**
 * VS Code renders a preview again by itself within 300 ms of an edit of its page (without reloading
 * the preview's page); new data of a page edited this long ago or less, and not rendered since, is
 * left to that render, and the previews are refreshed only if it did not come.
 */
const ownRenderWait = 450;

interface Entry {
  data: PreviewData | null;
  json: string;
}

export class PreviewDataCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, { again: boolean }>();
  /** When each page was last rendered, and when its own text last changed. */
  private readonly renderedAt = new Map<string, number>();
  private readonly editedAt = new Map<string, number>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  /**
   * `log` gets trace lines of the way an edit takes to the preview (the edit seen here, new data,
   * the preview refreshed, a render), with the time of each: *Developer: Set Log Level…* → Algoritmekader → Trace.
   */
  constructor(
    private readonly client: () => BaseLanguageClient | undefined,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId !== 'markdown' || event.contentChanges.length === 0) return;
        const uri = event.document.uri.toString();
        if (this.entries.has(uri)) this.editedAt.set(uri, Date.now());
        if (this.tracing) this.trace(`wijziging gezien: ${name(uri)} versie ${event.document.version}`);
      }),
    ];
  }

  /** Listens to a language client for new data, and asks again for every page once its server (re)starts. */
  attach(client: BaseLanguageClient): vscode.Disposable[] {
    return [
      client.onNotification(previewDataChangedNotification, ({ uri, data }) => {
        // A page this cache no longer keeps is not shown: nothing to refresh.
        if (!this.entries.has(uri)) return;
        this.trace(`nieuwe gegevens van de server: ${name(uri)}`);
        this.store(uri, data);
      }),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) for (const uri of this.entries.keys()) void this.ask(uri);
      }),
    ];
  }

  /** The data of the page at `uri` as last answered (undefined before the first answer); asks the server again. */
  get(uri: string): PreviewData | null | undefined {
    this.trace(`weergave: ${name(uri)}`);
    this.renderedAt.set(uri, Date.now());
    const entry = this.entries.get(uri);
    if (entry) {
      // Most recently used last: the first entry is the one to drop.
      this.entries.delete(uri);
      this.entries.set(uri, entry);
    }
    void this.ask(uri);
    return entry?.data;
  }

  /** A rendering of the page is done. */
  rendered(uri: string): void {
    this.trace(`weergave klaar: ${name(uri)}`);
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
      this.store(uri, await client.sendRequest(previewDataRequest, { uri }));
    } catch {
      // The server stopped or restarts: the next render asks again.
    } finally {
      this.inFlight.delete(uri);
    }
    if (request.again) void this.ask(uri);
  }

  /** Keeps the page's data and refreshes the previews when it differs from what they show. */
  private store(uri: string, data: PreviewData | null): void {
    const json = JSON.stringify({ ...data, version: undefined });
    const previous = this.entries.get(uri);
    if (previous?.json === json) return;
    this.entries.set(uri, { data: data && previous?.data ? keepUnchangedViews(data, previous.data) : data, json });
    if (this.entries.size > maxPages) {
      const dropped = this.entries.keys().next().value!;
      this.entries.delete(dropped);
      this.renderedAt.delete(dropped);
      this.editedAt.delete(dropped);
    }
    const now = Date.now();
    const edited = this.editedAt.get(uri);
    if (edited !== undefined && now - edited < ownRenderWait && (this.renderedAt.get(uri) ?? 0) < edited) {
      // The page itself was just edited and VS Code has not rendered it since: it is about to, anyway.
      this.trace(`${name(uri)} zelf gewijzigd: VS Code geeft het voorbeeld zelf opnieuw weer`);
      setTimeout(
        () => {
          if ((this.renderedAt.get(uri) ?? 0) < now) this.refresh();
        },
        edited + ownRenderWait - now,
      );
      return;
    }
    this.refresh();
  }

  /**
   * VS Code's only way to render a preview again when its own text did not change: it waits 300 ms,
   * renders every open preview and reloads their pages. New data of several pages at once refreshes once.
   */
  private refresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.trace('markdown.preview.refresh');
      void vscode.commands.executeCommand('markdown.preview.refresh');
    }, 0);
  }

  private get tracing(): boolean {
    return this.log?.logLevel === vscode.LogLevel.Trace;
  }

  private trace(message: string): void {
    if (this.tracing) this.log!.trace(`voorbeeld: ${message}`);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function name(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
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
