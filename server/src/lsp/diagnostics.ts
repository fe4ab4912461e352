import { FileChangeType, TextDocumentSyncKind } from 'vscode-languageserver';
import { configFileName } from '../../../engine';
import { toPath, type CorpusRoot } from '../workspace/corpusWorkspace';
import type { Feature } from './feature';
import { sendStatus, startIndexing } from './indexing';
import { logError, publish, uriFor } from './serverContext';

/** Other documents affected by an edit are re-checked after typing pauses this long. */
const dependentsDelay = 150;

/**
 * Diagnostics for the whole corpus, kept in step with the editor and the disk: an edited document is
 * re-checked at once, the documents that depend on it once typing pauses; files changed on disk
 * are read again.
 */
export const diagnosticsFeature: Feature = {
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
  register(context) {
    const { connection, documents, workspace } = context;
    const pendingEdits = new Set<string>();
    const pendingDependents = new Map<CorpusRoot, Set<string>>();
    let editTimer: NodeJS.Immediate | undefined;
    let dependentsTimer: NodeJS.Timeout | undefined;

    const flushDependents = () => {
      dependentsTimer = undefined;
      for (const [root, paths] of pendingDependents) publish(context, root, workspace.recheck(root, paths));
      pendingDependents.clear();
      sendStatus(context);
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
          publish(context, changed.root, [changed.path]);
          queueDependents(changed.root, changed.dependents);
        } catch (error) {
          logError(context, `checking ${uri} failed`, error);
        }
      }
      pendingEdits.clear();
      sendStatus(context);
    };

    documents.onDidChangeContent(({ document }) => {
      const path = toPath(document.uri);
      if (path) context.clientUris.set(path, document.uri);
      pendingEdits.add(document.uri);
      editTimer ??= setImmediate(() => void context.indexing.then(flushEdits));
    });

    documents.onDidClose(({ document }) => {
      pendingEdits.delete(document.uri);
      const path = toPath(document.uri);
      void context.indexing.then(async () => {
        try {
          const closed = await workspace.closeText(document.uri);
          if (path) context.clientUris.delete(path);
          if (!closed) return;
          publish(context, closed.root, workspace.recheck(closed.root, [closed.path]).concat(closed.root.corpus.get(closed.path) ? [] : [closed.path]));
          queueDependents(closed.root, closed.dependents);
        } catch (error) {
          logError(context, `closing ${document.uri} failed`, error);
        }
      });
    });

    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      await context.indexing;
      if (changes.some((change) => change.uri.endsWith(`/${configFileName}`))) return startIndexing(context);
      for (const change of changes) {
        try {
          if (workspace.isOpen(change.uri) && change.type !== FileChangeType.Deleted) continue;
          const reloaded = await workspace.reloadFromDisk(change.uri);
          if (!reloaded) continue;
          const gone = !reloaded.root.corpus.get(reloaded.path);
          if (gone) void connection.sendDiagnostics({ uri: uriFor(context, reloaded.root, reloaded.path), diagnostics: [] });
          else publish(context, reloaded.root, workspace.recheck(reloaded.root, [reloaded.path]));
          queueDependents(reloaded.root, reloaded.dependents);
        } catch (error) {
          logError(context, `reloading ${change.uri} failed`, error);
        }
      }
      sendStatus(context);
    });
  },
};
