// The language client in the browser (github.dev, vscode.dev, code-server's web extension host): the
// server (dist/browser/server.js) runs in a Worker and reads the corpus through this client.
//
// The worker is started from a Blob URL holding the fetched script, not from the extension's URI:
// where the extension is installed on a remote (code-server installs every extension there),
// `new Worker(extensionUri…)` throws "Creating workers from remote extensions is currently not
// supported", while fetching the script works everywhere.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { sharedClientOptions, type ClientParts } from './clientOptions';
import { answerFileSystemRequests } from './fileSystemRequests';

/** The parts of a DOM Worker the client uses (the extension is type-checked without the DOM library). */
interface BrowserWorker {
  terminate(): void;
}
type MessagePortLike = ConstructorParameters<typeof BrowserMessageReader>[0];
declare const Worker: new (url: string, options?: { name?: string }) => BrowserWorker;

/** A started worker, and why it was started from its URL rather than from the fetched script (for the log). */
interface StartedWorker {
  worker: BrowserWorker;
  warning?: string;
}

async function startWorker(location: string): Promise<StartedWorker> {
  try {
    const response = await fetch(location);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const script = new Blob([await response.text()], { type: 'text/javascript' });
    const url = URL.createObjectURL(script);
    try {
      return { worker: new Worker(url, { name: 'Algoritmekader-taalserver' }) };
    } finally {
      // The worker has fetched its script by the time it runs; revoking later is harmless either way.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  } catch (error) {
    return {
      worker: new Worker(location, { name: 'Algoritmekader-taalserver' }),
      warning: `De taalserver kon niet via ${location} worden geladen (${error instanceof Error ? error.message : String(error)}); nog een poging met de URL zelf.`,
    };
  }
}

function serverLocation(context: vscode.ExtensionContext): string {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js').toString(true);
}

/** The worker started at activation, before the corpus roots are known; the first client start takes it. */
let early: { location: string; worker: Promise<StartedWorker> } | undefined;

/**
 * Starts the server's worker right away: fetching and evaluating its script then overlaps with the
 * client's search for corpus roots (each a round trip through the busy workbench at startup).
 * `releaseEarlyWorker` ends it if no client took it.
 */
export function startWorkerEarly(context: vscode.ExtensionContext): void {
  const location = serverLocation(context);
  const worker = startWorker(location);
  worker.catch(() => {}); // A failure is reported by the client start that takes it.
  early = { location, worker };
}

export function releaseEarlyWorker(): void {
  const unused = early;
  early = undefined;
  void unused?.worker.then(({ worker }) => worker.terminate()).catch(() => {});
}

function takeEarlyWorker(location: string): Promise<StartedWorker> | undefined {
  const taken = early?.location === location ? early.worker : undefined;
  if (taken) early = undefined;
  return taken;
}

export function createBrowserLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  extraRoots: string[],
  extraRootUris: vscode.Uri[],
): ClientParts {
  const location = serverLocation(context);
  let worker: BrowserWorker | undefined;
  const stopWorker = () => {
    worker?.terminate();
    worker = undefined;
  };
  const { clientOptions, watchers, adopt } = sharedClientOptions(outputChannel, extraRoots, extraRootUris);
  // A function, so every (re)start gets a fresh worker; the previous one is ended first. It returns
  // the transports rather than the worker: the web extension host replaces `Worker` with a function
  // that returns a native worker, so the library's `instanceof Worker` test fails on it.
  const client = new LanguageClient(
    'algoritmekader',
    'Algoritmekader',
    async (): Promise<MessageTransports> => {
      stopWorker();
      const started = await (takeEarlyWorker(location) ?? startWorker(location));
      if (started.warning) outputChannel.warn(started.warning);
      worker = started.worker;
      const port = worker as unknown as MessagePortLike;
      return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
    },
    clientOptions,
  );
  adopt(client);
  return { client, disposables: [...watchers, ...answerFileSystemRequests(client, extraRootUris), { dispose: stopWorker }] };
}
