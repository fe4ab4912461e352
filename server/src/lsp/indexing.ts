import { DidChangeConfigurationNotification } from 'vscode-languageserver';
import { parseRuleSettings } from '../../../engine';
import { configurationSection, reindexRequest, statusNotification, type ServerSettings, type StatusParams } from '../../../protocol';
import type { CorpusRoot } from '../workspace/corpusWorkspace';
import { canonicalUri, folderUri, resolveExtraRootUris } from '../workspace/uris';
import type { Feature } from './feature';
import { logError, publish, publishAll, uriFor, type ServerContext } from './serverContext';

export function sendStatus(context: ServerContext): void {
  const status: StatusParams = { ...context.workspace.counts(), indexing: context.isIndexing };
  void context.connection.sendNotification(statusNotification, status);
}

async function reindex(context: ServerContext): Promise<void> {
  const { connection, workspace } = context;
  const previous = workspace.roots.flatMap((root) => [...root.findings.keys()].map((path) => ({ root, path })));
  context.isIndexing = true;
  sendStatus(context);
  const progress = context.canReportProgress ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Algoritmekader indexeren', 0, undefined, false);
  const roots = await workspace.findRoots([...context.workspaceFolders, ...context.extraRoots]);
  // A first index (nothing shown yet): each page's findings that need no other page are published as
  // soon as it is read, long before the whole corpus is. A re-index keeps what is shown until it is done.
  const early = workspace.roots.length === 0 ? (root: CorpusRoot, paths: string[]) => publish(context, root, paths) : undefined;
  await workspace.index(roots, (done, total) => progress?.report(Math.round((done / total) * 100), `${done}/${total}`), early);
  // Clear diagnostics of documents that are gone (a root removed, a file deleted while closed).
  for (const { root, path } of previous) {
    if (!workspace.roots.some((r) => r.key === root.key && r.findings.has(path))) void connection.sendDiagnostics({ uri: uriFor(context, root, path), diagnostics: [] });
  }
  for (const root of workspace.roots) await publishAll(context, root, [...root.findings.keys()]);
  // Made now, with the diagnostics out, rather than at the first keystroke.
  for (const root of workspace.roots) root.corpus.prepareForEdits();
  for (const problem of workspace.configProblems) void connection.window.showWarningMessage(`Algoritmekader: ${problem}`);
  progress?.done();
  context.isIndexing = false;
  sendStatus(context);
  context.indexChanged.fire();
}

/** Indexes every corpus root again, after whatever indexing is under way. */
export function startIndexing(context: ServerContext): Promise<void> {
  context.indexing = context.indexing
    .then(() => reindex(context))
    .catch((error) => {
      context.isIndexing = false;
      logError(context, 'indexing failed', error);
    });
  return context.indexing;
}

async function readSettings(context: ServerContext): Promise<void> {
  if (!context.canReadConfiguration) return;
  const { connection, workspace } = context;
  const settings = ((await connection.workspace.getConfiguration(configurationSection)) ?? {}) as Partial<ServerSettings>;
  try {
    workspace.setSettingsRules(parseRuleSettings(settings.rules ?? {}, `${configurationSection}.rules`));
  } catch (error) {
    void connection.window.showWarningMessage(`Algoritmekader: ${(error as Error).message}`);
    workspace.setSettingsRules({});
  }
  if (settings.extraRoots) context.extraRoots = resolveExtraRootUris(settings.extraRoots, context.workspaceFolders[0]);
}

async function readSettingsLogged(context: ServerContext): Promise<void> {
  try {
    await readSettings(context);
  } catch (error) {
    logError(context, 'reading settings failed', error);
  }
}

/** Finding the corpus roots and indexing them: at start, on a change of workspace folders or settings, and on request. */
export const indexingFeature: Feature = {
  capabilities: { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } },
  register(context) {
    const { connection } = context;
    connection.onInitialized(async () => {
      if (context.canReadConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: configurationSection });
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => canonicalUri(folder.uri)));
        context.workspaceFolders = [...context.workspaceFolders.filter((folder) => !removed.has(canonicalUri(folder))), ...event.added.map((folder) => folderUri(folder.uri))];
        void startIndexing(context);
      });
      await readSettingsLogged(context);
      void startIndexing(context);
    });

    connection.onDidChangeConfiguration(async () => {
      const rootsBefore = context.extraRoots.join('\n');
      await readSettingsLogged(context);
      await context.indexing;
      if (context.extraRoots.join('\n') !== rootsBefore) return startIndexing(context);
      for (const { root, paths } of context.workspace.recheckAll()) publish(context, root, paths);
      sendStatus(context);
    });

    connection.onRequest(reindexRequest, () => startIndexing(context));
  },
};
