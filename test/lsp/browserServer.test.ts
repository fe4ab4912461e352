// The language server as it runs in a browser worker (server/src/browserServer.ts, the function the
// worker's entry calls), on an in-memory connection whose messages are structured-cloned like
// postMessage's. A fake client answers the server's file requests (protocol/) from a
// MemoryFileSystem under a `vscode-vfs://github/…` root, as the extension's client answers them from
// `vscode.workspace.fs` in github.dev. Then the same on the real corpus, compared with the engine on disk.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { createConnection as createServerConnection, type WatchDog } from 'vscode-languageserver';
import type { CodeAction, CompletionList, Diagnostic, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { checkDocument, defaultSchema, loadCorpus, MemoryFileSystem } from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import {
  encodeBase64,
  fsReadDirectoryRequest,
  fsReadFilesRequest,
  fsStatRequest,
  type FsDirectoryListing,
  type FsReadDirectoryResult,
  type FsReadFileResult,
  type FsStat,
} from '../../protocol';
import { startBrowserServer } from '../../server/src/browserServer';
import { base, edit, M1, M2, V1 } from '../support/memoryCorpus';
import { needsRealCorpus, realCorpusRoot } from '../support/realCorpus';

/** One end of a message channel: what it is sent arrives, structured-cloned, at the other end's reader on a later turn (as with postMessage). */
class ChannelReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly queue: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.queue.splice(0)) callback(message);
    return { dispose: () => (this.callback = undefined) };
  }

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.queue.push(message);
  }
}

class ChannelWriter extends AbstractMessageWriter {
  constructor(private readonly target: ChannelReader) {
    super();
  }

  async write(message: Message): Promise<void> {
    const copy = structuredClone(message);
    setTimeout(() => this.target.deliver(copy), 0);
  }

  end(): void {}
}

const watchDog: WatchDog = { shutdownReceived: false, initialize: () => {}, exit: () => {} };

interface Session {
  client: MessageConnection;
  fs: MemoryFileSystem;
  diagnostics: Map<string, Diagnostic[]>;
  /** Every publication of diagnostics, in order, and whether the server was indexing then (by its last status). */
  published: { uri: string; diagnostics: Diagnostic[]; indexing: boolean }[];
  /** Requests the server sent, by method. */
  requests: Map<string, number>;
  status: { documents: number; indexing: boolean };
  logs: string[];
  until(predicate: () => boolean, timeout?: number, what?: string): Promise<void>;
}

/** The server, started as the worker starts it, with a fake client serving `fs` under `root`. */
async function startSession(root: string, fs: MemoryFileSystem, settings: Record<string, unknown> = {}): Promise<Session> {
  const toServer = new ChannelReader();
  const toClient = new ChannelReader();
  const server = createServerConnection((logger) => createMessageConnection(toServer, new ChannelWriter(toClient), logger), watchDog);
  startBrowserServer(server);
  const client = createMessageConnection(toClient, new ChannelWriter(toServer));

  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const session: Session = {
    client,
    fs,
    diagnostics: new Map(),
    published: [],
    requests: new Map(),
    status: { documents: 0, indexing: true },
    logs: [],
    until(predicate, timeout = 10_000, what = 'condition') {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`timed out waiting for ${what}; log: ${session.logs.slice(-5).join(' | ')}`));
        }, timeout);
        const listener = () => {
          if (!predicate()) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve();
        };
        listeners.add(listener);
      });
    },
  };
  const count = (method: string) => session.requests.set(method, (session.requests.get(method) ?? 0) + 1);

  // The corpus path of a URI under the root, or undefined outside it.
  const pathOf = (uri: string): string | undefined => {
    if (uri === root) return '';
    if (!uri.startsWith(`${root}/`)) return undefined;
    const path = uri
      .slice(root.length + 1)
      .split('/')
      .map(decodeURIComponent)
      .join('/');
    return path.split('/').includes('..') ? undefined : path;
  };
  const statOf = (path: string): FsStat | undefined => {
    const stat = fs.statSync(path);
    return stat && { kind: stat.kind, size: stat.size, mtime: stat.mtime };
  };
  const list = async (path: string): Promise<FsDirectoryListing> => {
    try {
      return { entries: (await fs.readDirectory(path)).map((entry) => [entry.name, entry.kind]) };
    } catch {
      return { error: 'FileNotFound' };
    }
  };

  client.onRequest(fsReadDirectoryRequest, async ({ uri, recursive }): Promise<FsReadDirectoryResult> => {
    count(fsReadDirectoryRequest.method);
    const path = pathOf(uri);
    if (path === undefined) return { error: 'NoPermissions' };
    const top = await list(path);
    if (!recursive || !top.entries) return top;
    const folders: NonNullable<FsReadDirectoryResult['folders']> = [];
    const walk = async (relative: string, listing: FsDirectoryListing) => {
      for (const [name, kind] of listing.entries ?? []) {
        if (kind !== 'directory') continue;
        const below = relative === '' ? name : `${relative}/${name}`;
        const sub = await list(path === '' ? below : `${path}/${below}`);
        folders.push({ path: below, ...sub });
        await walk(below, sub);
      }
    };
    await walk('', top);
    return { ...top, folders };
  });
  client.onRequest(fsStatRequest, ({ uri }) => {
    count(fsStatRequest.method);
    const path = pathOf(uri);
    if (path === undefined) return { error: 'NoPermissions' };
    const stat = statOf(path);
    return stat ? { stat } : { error: 'FileNotFound' };
  });
  client.onRequest(fsReadFilesRequest, ({ uris, maxBytes }) => {
    count(fsReadFilesRequest.method);
    const files = uris.map((uri): FsReadFileResult => {
      const path = pathOf(uri);
      if (path === undefined) return { error: 'NoPermissions' };
      const stat = statOf(path);
      if (!stat) return { error: 'FileNotFound' };
      if (stat.kind !== 'file' || stat.size > maxBytes) return { stat };
      return { stat, data: encodeBase64(fs.readFileSync(path)) };
    });
    return { files };
  });
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
    session.diagnostics.set(params.uri, params.diagnostics);
    session.published.push({ ...params, indexing: session.status.indexing });
    notify();
  });
  client.onNotification('algoritmekader/status', (status: Session['status']) => {
    session.status = status;
    notify();
  });
  client.onNotification('window/logMessage', (params: { message: string }) => void session.logs.push(params.message));
  client.onNotification(() => undefined);
  client.listen();

  await client.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    workspaceFolders: [{ uri: root, name: 'algoritmekader' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false }, workspaceFolders: true },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: {}, completion: {}, hover: {}, rename: { prepareSupport: true } },
    },
  });
  await client.sendNotification('initialized', {});
  await session.until(() => !session.status.indexing && session.status.documents > 0, 30_000, 'indexing');
  return session;
}

async function stopSession(session: Session | undefined): Promise<void> {
  if (!session) return;
  await Promise.race([session.client.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 1000))]);
  session.client.dispose();
}

/** The 0-based position of `needle` (plus `offset` characters) in `text`. */
function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `'${needle}' not found`);
  return { line, character: lines[line].indexOf(needle) + offset };
}

const root = 'vscode-vfs://github/minbzk/algoritmekader';
const uriOf = (path: string) => `${root}/${path}`;

describe('the browser server, on files it reads through the client', () => {
  // An unknown onderwerp (AK020) in a maatregel that is never opened.
  const damaged = edit(base[M2], '- data', '- dta');
  let session: Session;

  before(async () => {
    session = await startSession(root, new MemoryFileSystem({ ...base, [M2]: damaged }));
  });
  after(() => stopSession(session));

  test('diagnostics of an unopened file arrive under the virtual workspace URI', async () => {
    await session.until(() => !session.status.indexing && session.diagnostics.has(uriOf(M2)), 5000, 'diagnostics of M2');
    const ak020 = session.diagnostics.get(uriOf(M2))!.filter((d) => d.code === 'AK020');
    assert.equal(ak020.length, 1, JSON.stringify(session.diagnostics.get(uriOf(M2))));
    assert.equal(ak020[0].range.start.line, positionOf(damaged, '- dta').line);
    assert.deepEqual(session.diagnostics.get(uriOf(V1)), []);
    assert.ok(
      [...session.diagnostics.keys()].every((uri) => uri.startsWith(`${root}/docs/`)),
      [...session.diagnostics.keys()].join(', '),
    );
  });

  test('the corpus is read in batches: one listing of docs/, a readFiles request per 32 files', () => {
    const files = Object.keys(base).length;
    const readFiles = session.requests.get(fsReadFilesRequest.method) ?? 0;
    assert.ok(readFiles <= Math.ceil(files / 32) + 2, `${readFiles} readFiles requests for ${files} files`);
    assert.ok((session.requests.get(fsReadDirectoryRequest.method) ?? 0) <= 3, JSON.stringify([...session.requests]));
    assert.equal(session.status.documents, files);
  });

  test('hover on the slug of a list_maatregelen directive shows the vereiste', async () => {
    const at = positionOf(base[V1], 'vereiste/aia-08', 15);
    const result = await session.client.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: uriOf(V1) }, position: at });
    const value = (result.contents as { value: string }).value;
    assert.match(value, /Gebruiksverantwoordelijken krijgen uitleg over het systeem/);
    assert.match(value, /urn:nl:ak:ver:aia-08/);
  });

  test('completion under onderwerp: offers the vocabulary with the titles of its pages', async () => {
    const text = base[M1].replace('onderwerp:\n- transparantie\n', 'onderwerp:\n- \n');
    await session.client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(M1), languageId: 'markdown', version: 1, text } });
    const at = positionOf(text, 'onderwerp:');
    const list = await session.client.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(M1) }, position: { line: at.line + 1, character: 2 } });
    assert.deepEqual(list.items.map((item) => item.label).sort(), ['data', 'governance', 'transparantie']);
    assert.equal(list.items.find((item) => item.label === 'transparantie')?.detail, 'Transparantie');
    await session.client.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(M1) } });
  });

  test('the AK020 quick fix replaces the unknown value', async () => {
    const target = session.diagnostics.get(uriOf(M2))!.find((d) => d.code === 'AK020')!;
    const actions = await session.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(M2) },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const fix = actions.find((action) => action.isPreferred) ?? actions[0];
    assert.ok(fix, JSON.stringify(actions));
    const edit = JSON.stringify(fix.edit);
    assert.match(edit, /"newText":"data"/);
    assert.ok(edit.includes(uriOf(M2)), edit);
  });

  test('definition, references and rename name files by their virtual URIs', async () => {
    const at = positionOf(base[M1], 'aia-08-transparantie', 3);
    const definition = await session.client.sendRequest<Location>('textDocument/definition', { textDocument: { uri: uriOf(M1) }, position: at });
    assert.equal(definition.uri, uriOf(V1));
    const references = await session.client.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri: uriOf(M1) },
      position: at,
      context: { includeDeclaration: true },
    });
    assert.ok(
      references.some((r) => r.uri === uriOf(M2)),
      JSON.stringify(references),
    );
    const renamed = await session.client.sendRequest<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uriOf(M1) },
      position: at,
      newName: 'aia-08-uitleg-aan-gebruiksverantwoordelijken',
    });
    assert.ok(
      JSON.stringify(renamed).includes(`"newUri":"${uriOf('docs/voldoen-aan-wetten-en-regels/vereisten/aia-08-uitleg-aan-gebruiksverantwoordelijken.md')}"`),
      JSON.stringify(renamed),
    );
  });

  test("a file changed in the editor's file system is read again after its file event", async () => {
    await session.fs.writeFile(M2, base[M2]);
    await session.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(M2), type: 2 }] });
    await session.until(() => session.diagnostics.get(uriOf(M2))?.length === 0, 5000, 'the AK020 cleared');
  });

  test('the new-document request answers a URI under the virtual root', async () => {
    const result = await session.client.sendRequest<{ uri: string; text: string }>('algoritmekader/newDocument', {
      type: 'maatregel',
      title: 'Leg de werking uit',
      prefix: 'owp',
      nearUri: uriOf(M1),
    });
    assert.match(result.uri, new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/docs/voldoen-aan-wetten-en-regels/maatregelen/.+\\.md$`));
  });
});

/** Every file of a folder on disk, into memory (the corpus as github.dev would serve it). */
function memoryCopy(folder: string): MemoryFileSystem {
  const files: Record<string, Uint8Array> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(join(folder, relative))) {
      if (name === '.git' || name === 'node_modules') continue;
      const path = relative === '' ? name : `${relative}/${name}`;
      if (statSync(join(folder, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(folder, path));
    }
  };
  walk('');
  return new MemoryFileSystem(files);
}

describe('the browser server on the real corpus', needsRealCorpus, () => {
  let session: Session;
  const real = 'vscode-vfs://github/minbzk/algoritmekader';

  before(async () => {
    session = await startSession(real, memoryCopy(realCorpusRoot!));
  });
  after(() => stopSession(session));

  test('publishes the findings the engine finds on disk, for every page', async () => {
    const loaded = await loadCorpus(new NodeFileSystem(realCorpusRoot!), defaultSchema);
    const expected = new Map<string, string[]>();
    for (const document of loaded.corpus.all()) {
      expected.set(
        `${real}/${document.path.split('/').map(encodeURIComponent).join('/')}`,
        checkDocument(loaded.corpus, document)
          .map((f) => `${f.range.start.line + 1}:${f.code}`)
          .sort(),
      );
    }
    await session.until(() => !session.status.indexing && [...expected.keys()].every((uri) => session.diagnostics.has(uri)), 10_000, 'diagnostics of every page');
    for (const [uri, findings] of expected) {
      assert.deepEqual(
        session.diagnostics
          .get(uri)!
          .map((d) => `${d.range.start.line + 1}:${d.code}`)
          .sort(),
        findings,
        uri,
      );
    }
    assert.ok(session.diagnostics.get(`${real}/docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-30-informeer-betrokkenen.md`)!.some((d) => d.code === 'AK040'));
  });

  test('the first index publishes the findings that need no other page while it still reads the corpus', async () => {
    await session.until(() => !session.status.indexing, 10_000, 'the index');
    const key = (d: Diagnostic) => `${d.range.start.line + 1}:${d.code}:${d.message}`;
    // At the end of the index every page is published; a page published before that was published early.
    // The first page with such findings goes out at once (the others at most every 250 ms: here the
    // whole corpus is read sooner than that, so they go out with the rest).
    const last = new Map(session.published.map((publication, index) => [publication.uri, index]));
    const early = session.published.filter((publication, index) => publication.indexing && index < last.get(publication.uri)!);
    assert.ok(early.length >= 1, 'no page published early');
    assert.equal(session.published.indexOf(early[0]), 0, 'the first publication is an early one');
    for (const { uri, diagnostics } of early) {
      const final = new Set(session.diagnostics.get(uri)!.map(key));
      for (const diagnostic of diagnostics) assert.ok(final.has(key(diagnostic)), `${uri}: ${key(diagnostic)} published early, gone at the end`);
      // Only the rules that need no other page: references, ids, lists, directives and links wait for the whole corpus.
      for (const diagnostic of diagnostics) assert.doesNotMatch(String(diagnostic.code), /^AK0([2-5]\d|7\d)$/, uri);
    }
  });

  test("hover on the seed page's list_maatregelen slug shows the vereiste", async () => {
    const path = 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-29-ai-modellen-algemene-doeleinden.md';
    const at = positionOf(session.fs.text(path)!, 'vereiste/aia-29-ai-modellen-algemene-doeleinden', 15);
    const result = await session.client.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: `${real}/${path}` }, position: at });
    assert.match((result.contents as { value: string }).value, /AI\\-modellen voor algemene doeleinden zijn voorzien van voldoende technische documentatie/);
  });
});
