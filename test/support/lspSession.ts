// Starts the bundled language server over stdio, as an editor would, and speaks LSP to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './realCorpus';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

const serverPath = join(projectRoot, 'dist/server.js');

export interface Settings {
  rules?: Record<string, string>;
  extraRoots?: string[];
  updateLinksOnFileMove?: 'prompt' | 'always' | 'never';
}

export class LspSession {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** How many times the diagnostics of each URI were published. */
  readonly publications = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private status = { documents: 0, errors: 0, warnings: 0, indexing: true };
  stderr = '';

  private constructor(
    private readonly process: ChildProcess,
    readonly connection: MessageConnection,
    public settings: Settings,
  ) {}

  /** Messages the server showed (window/showMessage), newest last. */
  readonly messages: string[] = [];

  static async start(folders: string | string[], settings: Settings = {}): Promise<LspSession> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection, settings);
    child.stderr!.on('data', (chunk) => (session.stderr += chunk));
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      session.diagnostics.set(params.uri, params.diagnostics);
      session.publications.set(params.uri, (session.publications.get(params.uri) ?? 0) + 1);
      session.notify();
    });
    connection.onNotification('algoritmekader/status', (status) => {
      session.status = status;
      session.notify();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => session.settings));
    const showMessage = (params: { message: string }) => {
      session.messages.push(params.message);
      session.notify();
    };
    connection.onNotification('window/showMessage', showMessage);
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      showMessage(params);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification(() => undefined);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: (Array.isArray(folders) ? folders : [folders]).map((folder, index) => ({ uri: uri(folder), name: `corpus${index}` })),
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: {}, completion: {}, hover: {}, rename: { prepareSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    await session.until(() => !session.status.indexing && session.status.documents > 0, 20_000, 'indexing');
    return session;
  }

  /** Status the server last reported (algoritmekader/status). */
  get lastStatus() {
    return this.status;
  }

  /** Sends new settings the way an editor does: a change notification, then the server asks for them. */
  async changeSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Resolves once `predicate` holds (checked after every notification), or rejects after `timeout` ms. */
  until(predicate: () => boolean, timeout = 5000, what = 'condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolvePromise, reject) => {
      const listener = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolvePromise();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`));
      }, timeout);
      this.listeners.add(listener);
    });
  }

  /** Waits for the next publication of diagnostics for `fileUri` that satisfies `predicate`. */
  async diagnosticsFor(fileUri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true, timeout = 5000): Promise<Diagnostic[]> {
    await this.until(() => this.diagnostics.has(fileUri) && predicate(this.diagnostics.get(fileUri)!), timeout, `diagnostics of ${fileUri}`);
    return this.diagnostics.get(fileUri)!;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async open(fileUri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri, languageId: 'markdown', version, text } });
  }

  async change(fileUri: string, version: number, contentChanges: unknown[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: fileUri, version }, contentChanges });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    this.process.kill();
  }

  get serverProcess(): ChildProcess {
    return this.process;
  }
}

export function uri(path: string): string {
  return pathToFileURL(path).toString();
}
