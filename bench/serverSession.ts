/** A language-server process driven over JSON-RPC: a minimal LSP client that times start-up and diagnostics. */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CacheMode } from './measure';

export interface StartupResult {
  cache: CacheMode;
  /** spawn to the last of the first publications for every file; null when timed out */
  spawnToAllS: number | null;
  /** the `initialize` response to the same moment (the server's own start-up left out) */
  initToAllS: number | null;
  /** spawn to the `initialize` response */
  spawnToInitS: number | null;
  /** files with diagnostics published (at the end or at the timeout) / .md files under docs/ */
  published: number;
  expected: number;
  /** VmRSS and VmHWM of the server (MiB) right when every file had its diagnostics */
  rssMb: number | null;
  hwmMb: number | null;
}

export const now = (): number => Number(process.hrtime.bigint()) / 1e6; // ms

export function procStatus(pid: number | undefined): { rssMb: number | null; hwmMb: number | null } {
  if (pid === undefined) return { rssMb: null, hwmMb: null };
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) / 1024 : null;
    };
    return { rssMb: kb('VmRSS'), hwmMb: kb('VmHWM') };
  } catch {
    return { rssMb: null, hwmMb: null };
  }
}

export interface Diag {
  code?: string | number;
  range: { start: { line: number; character: number } };
}

interface Waiter {
  predicate: (diagnostics: Diag[]) => boolean;
  resolve: (t: number) => void;
}

/** A language server process and a minimal LSP client for it. */
export class ServerSession {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly spawnedAt: number;
  initDoneAt = 0;
  /** URIs with at least one publication */
  readonly seen = new Set<string>();
  allAt: number | undefined;
  memAtAll: { rssMb: number | null; hwmMb: number | null } = { rssMb: null, hwmMb: null };
  private onAll: (() => void) | undefined;
  private readonly waiters = new Map<string, Waiter[]>();
  stderr = '';
  exited = false;

  constructor(
    serverBin: string,
    readonly expected: number,
    env: NodeJS.ProcessEnv,
  ) {
    this.spawnedAt = now();
    this.child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.child.on('exit', () => (this.exited = true));
    this.child.stderr!.on('data', (chunk) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diag[] }) => {
      const t = now();
      if (!this.seen.has(params.uri)) {
        this.seen.add(params.uri);
        if (this.seen.size >= this.expected && this.allAt === undefined) {
          this.allAt = t;
          this.memAtAll = procStatus(this.child.pid);
          this.onAll?.();
        }
      }
      const waiting = this.waiters.get(params.uri);
      if (!waiting) return;
      for (const w of [...waiting]) {
        if (!w.predicate(params.diagnostics)) continue;
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(t);
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async initialize(root: string): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: path.basename(root) }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { relatedInformation: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    this.initDoneAt = now();
    await this.connection.sendNotification('initialized', {});
  }

  /** resolves true once every file has had diagnostics published, false at the timeout */
  allPublished(timeoutMs: number): Promise<boolean> {
    if (this.allAt !== undefined) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onAll = undefined;
        resolve(false);
      }, timeoutMs);
      this.onAll = () => {
        clearTimeout(timer);
        this.onAll = undefined;
        resolve(true);
      };
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve(this.allAt !== undefined);
      });
    });
  }

  /** the arrival time (ms) of the next publication for `uri` that satisfies `predicate` */
  nextDiagnostics(uri: string, predicate: (diagnostics: Diag[]) => boolean, timeoutMs = 10000): Promise<number> {
    return new Promise((resolve, reject) => {
      let list = this.waiters.get(uri);
      if (!list) this.waiters.set(uri, (list = []));
      const waiter: Waiter = {
        predicate,
        resolve: (t) => {
          clearTimeout(timer);
          resolve(t);
        },
      };
      const timer = setTimeout(() => {
        list!.splice(list!.indexOf(waiter), 1);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      list.push(waiter);
    });
  }

  startup(cache: CacheMode): StartupResult {
    const all = this.allAt;
    return {
      cache,
      spawnToAllS: all === undefined ? null : (all - this.spawnedAt) / 1000,
      initToAllS: all === undefined || !this.initDoneAt ? null : (all - this.initDoneAt) / 1000,
      spawnToInitS: this.initDoneAt ? (this.initDoneAt - this.spawnedAt) / 1000 : null,
      published: this.seen.size,
      expected: this.expected,
      ...(all === undefined ? procStatus(this.child.pid) : this.memAtAll),
    };
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // the server may be gone already
      }
      await new Promise<void>((resolve) => {
        if (this.exited) return resolve();
        const timer = setTimeout(() => {
          if (!this.exited) this.child.kill('SIGKILL');
          resolve();
        }, 3000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.connection.dispose();
  }
}
