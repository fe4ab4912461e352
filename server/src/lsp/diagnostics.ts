import { FileChangeType, TextDocumentSyncKind } from 'vscode-languageserver';
import { configFileName } from '../../../engine';
import type { CorpusRoot } from '../workspace/corpusWorkspace';
import { soon } from '../workspace/scheduling';
import { canonicalUri } from '../workspace/uris';
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
    let editTimer: { cancel(): void } | undefined;
    let dependentsTimer: ReturnType<typeof setTimeout> | undefined;

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
      context.clientUris.set(canonicalUri(document.uri), document.uri);
      pendingEdits.add(document.uri);
      editTimer ??= soon(() => void context.indexing.then(flushEdits));
    });

    documents.onDidClose(({ document }) => {
      pendingEdits.delete(document.uri);
      const key = canonicalUri(document.uri);
      void context.indexing.then(async () => {
        try {
          const closed = await workspace.closeText(document.uri);
          context.clientUris.delete(key);
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
      // The configuration and the resource files (glossary, source codes, templates, mkdocs.yml) change what every page means: index again.
      if (changes.some((change) => change.uri.endsWith(`/${configFileName}`) || workspace.isResourceFile(change.uri))) return startIndexing(context);
      for (const change of changes) {
        try {
          if (workspace.isOpen(change.uri) && change.type !== FileChangeType.Deleted) continue;
          const reloaded = await workspace.reloadFromDisk(change.uri);
          if (!reloaded) {
            // An image or another file beside the pages, or a whole folder: its pages and the pages linking there are checked again.
            const other = await workspace.reloadOtherPath(change.uri);
            if (!other) continue;
            publish(context, other.root, workspace.recheck(other.root, other.pages));
            queueDependents(other.root, other.dependents);
            continue;
          }
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
