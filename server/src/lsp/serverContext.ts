import { ResponseError, TextDocuments, type Connection, type Emitter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../../engine';
import { toDiagnostic } from '../languageFeatures/diagnostics';
import type { CorpusRoot, CorpusWorkspace } from '../workspace/corpusWorkspace';
import { StaleDocumentError } from '../workspace/documentStore';

/** What every feature module of the server shares: the connection, the workspace, and the indexing state. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: CorpusWorkspace;
  /** Settled when the current (re)index is done; requests wait for it. */
  indexing: Promise<void>;
  isIndexing: boolean;
  /** The URIs the client uses for open documents, by canonical URI, so diagnostics land on the same URI. */
  readonly clientUris: Map<string, string>;
  /** Capabilities the client declared. */
  canReadConfiguration: boolean;
  canReportProgress: boolean;
  /** The editor asks the user before it applies the edits of a file rename (initialization option). */
  editorConfirmsFileMoves: boolean;
  /** Workspace folders and configured extra roots, as folder URIs. */
  workspaceFolders: string[];
  extraRoots: string[];
  /**
   * Puts the edits received so far into the index (diagnostics.ts applies a burst of changes at once,
   * when they pause); a handler that reads the index calls it first (`guard` does).
   */
  applyEdits(): void;
  /** Fires after the index changed: edits applied, a document closed, files changed on disk, a re-index. */
  readonly indexChanged: Emitter<void>;
  /** Reads again the documents whose files were found changed since they were read (`workspace.takeStale`), as if the editor had reported the changes (diagnostics.ts). */
  readStale?(): Promise<void>;
}

export function logError(context: ServerContext, message: string, error?: unknown): void {
  context.connection.console.error(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** Wraps a handler: it waits for indexing and applies the edits received before it; a failure is logged and answered with `fallback`, never left to stop the server. */
export function guard<P, R>(context: ServerContext, name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P): Promise<R> => {
    try {
      await context.indexing;
      context.applyEdits();
      try {
        return await handler(params);
      } catch (error) {
        // A document the answer needs changed on disk since it was read: read it again, then answer from what the file holds now.
        if (!(error instanceof StaleDocumentError) || !context.readStale) throw error;
        await context.readStale();
        return await handler(params);
      }
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(context, `${name} failed`, error);
      return fallback;
    }
  };
}

/** The root and parsed document of a URI in a corpus; throws StaleDocumentError (which `guard` handles) when it is not open and its file changed since it was read. */
export function inCorpus(context: ServerContext, uri: string): { root: CorpusRoot; document: ParsedDocument } | undefined {
  return context.workspace.currentDocument(uri);
}

export function uriFor(context: ServerContext, root: CorpusRoot, path: string): string {
  return context.clientUris.get(root.keyOf(path)) ?? root.uriOf(path);
}

/** Sends the current findings of some documents of a root. */
export function publish(context: ServerContext, root: CorpusRoot, paths: Iterable<string>): void {
  for (const path of paths) void sendFindings(context, root, path);
}

function sendFindings(context: ServerContext, root: CorpusRoot, path: string): Promise<void> {
  const findings = root.findings.get(path) ?? [];
  return context.connection.sendDiagnostics({ uri: uriFor(context, root, path), diagnostics: findings.map(toDiagnostic) });
}

/** Documents whose findings `publishAll` sends before it waits for them to be written. */
const publishChunk = 500;

/**
 * Sends the current findings of many documents (a whole corpus after indexing), a chunk at a time.
 * Messages are written one after the other: sent all at once, every message would wait in memory
 * until its turn, and the collector would move them to the old generation (600 MB for 100k documents).
 */
export async function publishAll(context: ServerContext, root: CorpusRoot, paths: Iterable<string>): Promise<void> {
  let sent: Promise<void>[] = [];
  for (const path of paths) {
    sent.push(sendFindings(context, root, path));
    if (sent.length < publishChunk) continue;
    await Promise.all(sent);
    sent = [];
  }
  await Promise.all(sent);
}

/** The root holding `uri`, or the first root. */
export function rootNear(context: ServerContext, uri: string | undefined): CorpusRoot | undefined {
  const { workspace } = context;
  const located = uri ? workspace.locateFolder(uri) : undefined;
  return located ?? workspace.roots[0];
}
