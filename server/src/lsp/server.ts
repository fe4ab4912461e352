// The language server: thin LSP glue over the corpus workspace and the language features.
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseRuleSettings } from '../../../engine/schema/corpusConfig';
import { codeActionKinds, codeActions } from '../languageFeatures/codeActions';
import { complete, completionTriggerCharacters } from '../languageFeatures/completion';
import { toDiagnostic } from '../languageFeatures/diagnostics';
import { hover } from '../languageFeatures/hover';
import { definition, documentLinks, prepareRename, references, rename, RenameError, workspaceSymbols } from '../languageFeatures/navigation';
import { idPrefixes, newDocument } from '../languageFeatures/newDocument';
import {
  configurationSection,
  idPrefixesRequest,
  newDocumentRequest,
  reindexRequest,
  statusNotification,
  type IdPrefixesParams,
  type InitializationOptions,
  type NewDocumentParams,
  type NewDocumentResult,
  type ServerSettings,
  type StatusParams,
} from '../protocol';
import { CorpusWorkspace, resolveExtraRoots, toPath, type CorpusRoot } from '../workspace/corpusWorkspace';
import { configFileName } from '../../../engine/schema/corpusConfig';

/** Other documents affected by an edit are re-checked after typing pauses this long. */
const dependentsDelay = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new CorpusWorkspace({ info: (m) => connection.console.info(m), warn: (m) => connection.console.warn(m) });
  let workspaceFolders: string[] = [];
  let extraRoots: string[] = [];
  let canReadConfiguration = false;
  let canReportProgress = false;
  let indexing: Promise<void> = Promise.resolve();
  let isIndexing = false;
  /** The URIs the client uses for open documents, by file path, so diagnostics land on the same URI. */
  const clientUris = new Map<string, string>();

  const log = (message: string, error?: unknown) =>
    connection.console.error(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  /** Runs a handler; a failure is logged and answered with `fallback`, never left to stop the server. */
  const guard =
    <P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>) =>
    async (params: P): Promise<R> => {
      try {
        await indexing;
        return await handler(params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        log(`${name} failed`, error);
        return fallback;
      }
    };

  const uriFor = (root: CorpusRoot, path: string) => clientUris.get(root.absolutePath(path)) ?? root.uriOf(path);

  const publish = (root: CorpusRoot, paths: Iterable<string>) => {
    for (const path of paths) {
      const findings = root.findings.get(path) ?? [];
      connection.sendDiagnostics({ uri: uriFor(root, path), diagnostics: findings.map(toDiagnostic) });
    }
  };

  const sendStatus = () => {
    const status: StatusParams = { ...workspace.counts(), indexing: isIndexing };
    void connection.sendNotification(statusNotification, status);
  };

  // Edited documents are re-checked at once; the documents that depend on them once typing pauses.
  const pendingEdits = new Set<string>();
  const pendingDependents = new Map<CorpusRoot, Set<string>>();
  let editTimer: NodeJS.Immediate | undefined;
  let dependentsTimer: NodeJS.Timeout | undefined;

  const flushDependents = () => {
    dependentsTimer = undefined;
    for (const [root, paths] of pendingDependents) publish(root, workspace.recheck(root, paths));
    pendingDependents.clear();
    sendStatus();
  };

  const queueDependents = (root: CorpusRoot, paths: Iterable<string>) => {
    let queued = pendingDependents.get(root);
    if (!queued) pendingDependents.set(root, (queued = new Set()));
    for (const path of paths) queued.add(path);
    if (queued.size === 0) return;
    if (dependentsTimer) clearTimeout(dependentsTimer);
    dependentsTimer = setTimeout(flushDependents, dependentsDelay);
  };

  const flushEdits = () => {
    editTimer = undefined;
    for (const uri of pendingEdits) {
      const document = documents.get(uri);
      if (!document) continue;
      try {
        const changed = workspace.setOpenText(uri, document.getText());
        if (!changed) continue;
        workspace.recheck(changed.root, [changed.path]);
        publish(changed.root, [changed.path]);
        queueDependents(changed.root, changed.dependents);
      } catch (error) {
        log(`checking ${uri} failed`, error);
      }
    }
    pendingEdits.clear();
    sendStatus();
  };

  const reindex = async () => {
    const previous = workspace.roots.flatMap((root) => [...root.findings.keys()].map((path) => ({ root, path })));
    isIndexing = true;
    sendStatus();
    const progress = canReportProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Algoritmekader indexeren', 0, undefined, false);
    const roots = CorpusWorkspace.findRoots([...workspaceFolders, ...extraRoots]);
    await workspace.index(roots, (done, total) => progress?.report(Math.round((done / total) * 100), `${done}/${total}`));
    // Clear diagnostics of documents that are gone (a root removed, a file deleted while closed).
    for (const { root, path } of previous) {
      if (!workspace.roots.some((r) => r.folder === root.folder && r.findings.has(path))) connection.sendDiagnostics({ uri: uriFor(root, path), diagnostics: [] });
    }
    for (const root of workspace.roots) publish(root, root.findings.keys());
    for (const problem of workspace.configProblems) void connection.window.showWarningMessage(`Algoritmekader: ${problem}`);
    progress?.done();
    isIndexing = false;
    sendStatus();
  };

  const startIndexing = () => {
    indexing = indexing.then(reindex).catch((error) => {
      isIndexing = false;
      log('indexing failed', error);
    });
    return indexing;
  };

  const readSettings = async () => {
    if (!canReadConfiguration) return;
    const settings = ((await connection.workspace.getConfiguration(configurationSection)) ?? {}) as Partial<ServerSettings>;
    try {
      workspace.setSettingsRules(parseRuleSettings(settings.rules ?? {}, `${configurationSection}.rules`));
    } catch (error) {
      connection.window.showWarningMessage(`Algoritmekader: ${(error as Error).message}`);
      workspace.setSettingsRules({});
    }
    if (settings.extraRoots) extraRoots = resolveExtraRoots(settings.extraRoots, workspaceFolders[0]);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.flatMap((uri) => toPath(uri) ?? []);
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    extraRoots = resolveExtraRoots(options.extraRoots, workspaceFolders[0]);
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    canReportProgress = params.capabilities.window?.workDoneProgress === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds },
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'algoritmekader-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (canReadConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: configurationSection });
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.flatMap((folder) => toPath(folder.uri) ?? []));
      workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder)), ...event.added.flatMap((folder) => toPath(folder.uri) ?? [])];
      void startIndexing();
    });
    try {
      await readSettings();
    } catch (error) {
      log('reading settings failed', error);
    }
    void startIndexing();
  });

  connection.onDidChangeConfiguration(async () => {
    const rootsBefore = extraRoots.join('\n');
    try {
      await readSettings();
    } catch (error) {
      log('reading settings failed', error);
    }
    await indexing;
    if (extraRoots.join('\n') !== rootsBefore) return startIndexing();
    for (const { root, paths } of workspace.recheckAll()) publish(root, paths);
    sendStatus();
  });

  documents.onDidChangeContent(({ document }) => {
    const path = toPath(document.uri);
    if (path) clientUris.set(path, document.uri);
    pendingEdits.add(document.uri);
    editTimer ??= setImmediate(() => void indexing.then(flushEdits));
  });

  documents.onDidClose(({ document }) => {
    pendingEdits.delete(document.uri);
    const path = toPath(document.uri);
    void indexing.then(() => {
      try {
        const closed = workspace.closeText(document.uri);
        if (path) clientUris.delete(path);
        if (!closed) return;
        publish(closed.root, workspace.recheck(closed.root, [closed.path]).concat(closed.root.corpus.get(closed.path) ? [] : [closed.path]));
        queueDependents(closed.root, closed.dependents);
      } catch (error) {
        log(`closing ${document.uri} failed`, error);
      }
    });
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    await indexing;
    if (changes.some((change) => change.uri.endsWith(`/${configFileName}`))) return startIndexing();
    for (const change of changes) {
      try {
        if (workspace.isOpen(change.uri) && change.type !== FileChangeType.Deleted) continue;
        const reloaded = workspace.reloadFromDisk(change.uri);
        if (!reloaded) continue;
        const gone = !reloaded.root.corpus.get(reloaded.path);
        if (gone) connection.sendDiagnostics({ uri: uriFor(reloaded.root, reloaded.path), diagnostics: [] });
        else publish(reloaded.root, workspace.recheck(reloaded.root, [reloaded.path]));
        queueDependents(reloaded.root, reloaded.dependents);
      } catch (error) {
        log(`reloading ${change.uri} failed`, error);
      }
    }
    sendStatus();
  });

  const inCorpus = (uri: string) => workspace.document(uri);

  connection.onCompletion(
    guard('completion', null, ({ textDocument, position }) => {
      const found = inCorpus(textDocument.uri);
      return found ? complete(found.root.corpus, found.document, position) : null;
    }),
  );
  connection.onHover(
    guard('hover', null, ({ textDocument, position }) => {
      const found = inCorpus(textDocument.uri);
      return found ? hover(found.root.corpus, found.document, position) : null;
    }),
  );
  connection.onDefinition(
    guard('definition', null, ({ textDocument, position }) => {
      const found = inCorpus(textDocument.uri);
      return found ? definition(found.root, found.document, position) : null;
    }),
  );
  connection.onReferences(
    guard('references', [], ({ textDocument, position, context }) => {
      const found = inCorpus(textDocument.uri);
      return found ? references(found.root, found.document, position, context.includeDeclaration) : [];
    }),
  );
  connection.onDocumentLinks(
    guard('document links', [], ({ textDocument }) => {
      const found = inCorpus(textDocument.uri);
      return found ? documentLinks(found.root, found.document) : [];
    }),
  );
  connection.onCodeAction(
    guard('code actions', [], ({ textDocument, range, context }) => {
      const located = workspace.locate(textDocument.uri);
      if (!located) return [];
      return codeActions(located.root, located.path, workspace.findingsOf(textDocument.uri), range, context.only);
    }),
  );
  connection.onPrepareRename(
    guard('prepare rename', null, ({ textDocument, position }) => {
      const found = inCorpus(textDocument.uri);
      return found ? prepareRename(found.root, found.document, position) : null;
    }),
  );
  connection.onRenameRequest(
    guard('rename', null, ({ textDocument, position, newName }) => {
      const found = inCorpus(textDocument.uri);
      if (!found) return null;
      try {
        return rename(found.root, found.document, position, newName);
      } catch (error) {
        if (error instanceof RenameError) throw new ResponseError(-32803, error.message);
        throw error;
      }
    }),
  );
  connection.onWorkspaceSymbol(guard('workspace symbols', [], ({ query }) => workspaceSymbols(workspace.roots, query)));

  connection.onRequest(reindexRequest, () => startIndexing());
  connection.onRequest(
    idPrefixesRequest,
    guard('id prefixes', [] as string[], ({ type, nearUri }: IdPrefixesParams) => {
      const root = rootNear(workspace, nearUri);
      return root ? idPrefixes(root.corpus, type) : [];
    }),
  );
  connection.onRequest(newDocumentRequest, async (params: NewDocumentParams): Promise<NewDocumentResult> => {
    await indexing;
    const root = rootNear(workspace, params.nearUri);
    if (!root) throw new ResponseError(-32803, 'Geen Algoritmekader-corpus in deze werkruimte.');
    if (!root.schema.documentTypes[params.type] || typeof params.title !== 'string' || params.title.trim() === '') {
      throw new ResponseError(-32602, 'Geef een documenttype en een titel.');
    }
    const created = newDocument(root.corpus, params.type, params.title, params.prefix);
    return { uri: root.uriOf(created.path), text: created.text };
  });

  documents.listen(connection);
  connection.listen();
}

/** The root holding `uri`, or the first root. */
function rootNear(workspace: CorpusWorkspace, uri: string | undefined): CorpusRoot | undefined {
  const path = uri ? toPath(uri) : undefined;
  return (path && workspace.roots.find((root) => path === root.folder || path.startsWith(root.folder + '/'))) || workspace.roots[0];
}

// Entry point: `node dist/server.js --stdio` (or --node-ipc from the VS Code client).
if (require.main === module) {
  process.on('uncaughtException', (error) => console.error('uncaught exception', error));
  startServer(createConnection(ProposedFeatures.all));
}

