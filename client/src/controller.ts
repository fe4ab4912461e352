// The extension, shared by its two entries (extension.ts on the desktop, browserExtension.ts in the
// browser), which differ only in how the language server runs. Thin on purpose: it finds out whether
// the workspace holds an Algoritmekader corpus, starts the language server only then, shows its
// status and offers a few commands. All checking, completion and fixing happens in the server.
// What `activate` returns to VS Code (such as `extendMarkdownIt` for the Markdown preview) belongs
// here too, so that both entries offer it.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { reindexRequest, statusNotification, type NewDocumentType, type StatusParams } from '../../protocol';
import type { ClientFactory } from './clientOptions';
import { newDocument } from './commands/newDocument';
import { activatePreview, type Preview, type PreviewApi } from './preview';
import { configuredExtraRoots, describeUri, findCorpusRoots } from './corpusRoots';
import { StatusBar } from './statusBar';

/** Context key for `when` clauses: true while a corpus is open and the server is started. */
const activeContextKey = 'algoritmekader.active';

class Controller implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private clientDisposables: vscode.Disposable[] = [];
  private queue: Promise<void> = Promise.resolve();
  private shutdownPromise: Promise<void> | undefined;
  readonly output = vscode.window.createOutputChannel('Algoritmekader', { log: true });
  readonly status = new StatusBar();
  /** The Markdown preview's part, which listens to each language client started. */
  preview: Preview | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly createClient: ClientFactory,
    /** Where the server runs, for the output channel: "Node" or "browser-worker". */
    private readonly hostLabel: string,
  ) {}

  get runningClient(): BaseLanguageClient | undefined {
    return this.client;
  }

  /** Checks for corpus roots again and starts or stops the server to match; calls run one after another. */
  refresh(restartIfRunning = false): Promise<void> {
    this.queue = this.queue
      .then(() => this.doRefresh(restartIfRunning))
      .catch((error: unknown) => {
        this.output.error(`Algoritmekader: ${String(error)}`);
      });
    return this.queue;
  }

  private async doRefresh(restartIfRunning: boolean): Promise<void> {
    const extraRoots = configuredExtraRoots();
    const roots = await findCorpusRoots(extraRoots);
    const found = roots.inWorkspace.length + roots.extra.length > 0;
    if (!found) {
      if (this.client) {
        this.output.info('Geen Algoritmekader-corpus meer in de werkruimte: de taalserver stopt.');
        await this.stopClient();
      }
      return;
    }
    if (this.client && !restartIfRunning) return;
    if (this.client) await this.stopClient();
    const all = [...roots.inWorkspace, ...roots.extra].map(describeUri);
    this.output.info(`Algoritmekader-corpus gevonden: ${all.join(', ')}`);
    await this.startClient(extraRoots, roots.extra);
  }

  private async startClient(extraRoots: string[], extraRootUris: vscode.Uri[]): Promise<void> {
    const { client, disposables } = this.createClient(this.context, this.output, extraRoots, extraRootUris);
    this.client = client;
    let hasRun = false;
    this.clientDisposables = [
      ...disposables,
      client.onNotification(statusNotification, (params: StatusParams) => this.status.update(params)),
      ...(this.preview?.attach(client) ?? []),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Starting) this.status.starting();
        else if (newState === State.Stopped) this.status.stopped();
        else if (newState === State.Running) {
          this.output.info(hasRun ? 'De taalserver is opnieuw gestart.' : `De taalserver draait (${this.hostLabel}).`);
          hasRun = true;
        }
      }),
    ];
    this.status.starting();
    // Not awaited: the round trip to the workbench would only delay the server's start.
    void vscode.commands.executeCommand('setContext', activeContextKey, true);
    try {
      await client.start();
    } catch (error) {
      this.output.error(`De taalserver kon niet starten: ${error instanceof Error ? error.message : String(error)}`);
      this.status.stopped();
      void vscode.window.showErrorMessage('De Algoritmekader-taalserver kon niet starten. Zie de uitvoer "Algoritmekader".', 'Uitvoer tonen').then((answer) => {
        if (answer) this.output.show(true);
      });
    }
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await vscode.commands.executeCommand('setContext', activeContextKey, false);
    this.status.hide();
    const disposables = this.clientDisposables;
    this.clientDisposables = [];
    if (client) {
      try {
        await client.dispose(2000);
      } catch (error) {
        this.output.warn(`De taalserver stopte niet netjes: ${String(error)}`);
      }
    }
    // After the client: a browser server's worker is ended only once it has been told to shut down.
    for (const disposable of disposables) disposable.dispose();
  }

  async restart(): Promise<void> {
    const client = this.client;
    if (!client) {
      await this.refresh();
      if (!this.client) void vscode.window.showInformationMessage('Geen Algoritmekader-corpus in deze werkruimte: er is geen taalserver om te herstarten.');
      return;
    }
    this.output.info('De taalserver wordt op verzoek herstart.');
    try {
      // What the Node client's restart() does; the browser client has stop() and start() only.
      await client.stop();
      await client.start();
    } catch (error) {
      // A client whose start failed cannot be restarted in place: start a fresh one.
      this.output.warn(`Herstarten lukte niet (${error instanceof Error ? error.message : String(error)}); een nieuwe taalserver wordt gestart.`);
      await this.refresh(true);
    }
  }

  async reindex(): Promise<void> {
    const client = this.client;
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('De Algoritmekader-taalserver draait niet.');
      return;
    }
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Algoritmekader: corpus indexeren' }, () => client.sendRequest(reindexRequest));
  }

  /** Stops the server and releases everything; safe to call more than once. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= this.stopClient().finally(() => {
      this.status.dispose();
      this.output.dispose();
    });
    return this.shutdownPromise;
  }

  dispose(): void {
    void this.shutdown();
  }
}

let controller: Controller | undefined;

/** Activates the extension with a language client made by `createClient` (a Node process or a browser worker). */
export async function activateExtension(context: vscode.ExtensionContext, createClient: ClientFactory, hostLabel: string): Promise<PreviewApi> {
  const current = new Controller(context, createClient, hostLabel);
  current.output.info(`Geactiveerd (${hostLabel}).`);
  controller = current;
  context.subscriptions.push(current);

  const newDocumentCommand = (type: NewDocumentType) => (target?: unknown) =>
    newDocument(current.runningClient, type, target).catch((error: unknown) => {
      current.output.error(`Nieuw document: ${String(error)}`);
      void vscode.window.showErrorMessage(`Algoritmekader: ${error instanceof Error ? error.message : String(error)}`);
    });

  context.subscriptions.push(
    vscode.commands.registerCommand('algoritmekader.reindex', () => current.reindex()),
    vscode.commands.registerCommand('algoritmekader.restartServer', () => current.restart()),
    vscode.commands.registerCommand('algoritmekader.showOutput', () => current.output.show(true)),
    vscode.commands.registerCommand('algoritmekader.newVereiste', newDocumentCommand('vereiste')),
    vscode.commands.registerCommand('algoritmekader.newMaatregel', newDocumentCommand('maatregel')),
    vscode.commands.registerCommand('algoritmekader.newHulpmiddel', newDocumentCommand('hulpmiddel')),
    vscode.workspace.onDidChangeWorkspaceFolders(() => current.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The extra roots go into the initialization options and the file watchers: start afresh.
      if (event.affectsConfiguration('algoritmekader.extraRoots')) void current.refresh(true);
    }),
    // In an untrusted workspace the workspace value of extraRoots is not read; once trusted it is.
    vscode.workspace.onDidGrantWorkspaceTrust(() => current.refresh(true)),
  );

  // Before the first client starts, so that it is attached to it.
  current.preview = activatePreview(context, () => current.runningClient, current.output);
  await current.refresh();
  return current.preview.api;
}

export function deactivateExtension(): Promise<void> | undefined {
  const current = controller;
  controller = undefined;
  return current?.shutdown();
}
