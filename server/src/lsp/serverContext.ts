import { ResponseError, TextDocuments, type Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../../engine';
import { toDiagnostic } from '../languageFeatures/diagnostics';
import type { CorpusRoot, CorpusWorkspace } from '../workspace/corpusWorkspace';

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
}

export function logError(context: ServerContext, message: string, error?: unknown): void {
  context.connection.console.error(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** Wraps a handler: it waits for indexing; a failure is logged and answered with `fallback`, never left to stop the server. */
export function guard<P, R>(context: ServerContext, name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P): Promise<R> => {
    try {
      await context.indexing;
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(context, `${name} failed`, error);
      return fallback;
    }
  };
}

/** The root and parsed document of a URI in a corpus. */
export function inCorpus(context: ServerContext, uri: string): { root: CorpusRoot; document: ParsedDocument } | undefined {
  return context.workspace.document(uri);
}

export function uriFor(context: ServerContext, root: CorpusRoot, path: string): string {
  return context.clientUris.get(root.keyOf(path)) ?? root.uriOf(path);
}

/** Sends the current findings of some documents of a root. */
export function publish(context: ServerContext, root: CorpusRoot, paths: Iterable<string>): void {
  for (const path of paths) {
    const findings = root.findings.get(path) ?? [];
    void context.connection.sendDiagnostics({ uri: uriFor(context, root, path), diagnostics: findings.map(toDiagnostic) });
  }
}

/** The root holding `uri`, or the first root. */
export function rootNear(context: ServerContext, uri: string | undefined): CorpusRoot | undefined {
  const { workspace } = context;
  const located = uri ? workspace.locateFolder(uri) : undefined;
  return located ?? workspace.roots[0];
}
