import { FileChangeType, TextDocumentSyncKind } from 'vscode-languageserver';
import { configFileName } from '../../../engine';
import type { CorpusRoot } from '../workspace/corpusWorkspace';
import { canonicalUri } from '../workspace/uris';
import type { Feature } from './feature';
import { sendStatus, startIndexing } from './indexing';
import { logError, publish, uriFor } from './serverContext';

/** Other documents affected by an edit are re-checked after typing pauses this long. */
const dependentsDelay = 150;
/**
 * Edits are applied together once no change came for this long. An editor sends a change per
 * keystroke (code-server sends a typed or inserted word as one change per character), and the server
 * handles one message per turn of the event loop: applied one by one, 40 changes cost 40 parses and
 * checks of the document before the last one is seen (0.8-1.2 s on a busy 2-core machine).
 */
const editPause = 10;
/** ...but no later than this after the first of them. */
const editMaxWait = 100;

/**
 * Diagnostics for the whole corpus, kept in step with the editor and the disk: an edited document is
 * re-checked at once (with the edits that came with it), the documents that depend on it once typing
 * pauses; files changed on disk are read again.
 */
export const diagnosticsFeature: Feature = {
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
  register(context) {
    const { connection, documents, workspace } = context;
    const pendingEdits = new Set<string>();
    const pendingDependents = new Map<CorpusRoot, Set<string>>();
    let editTimer: ReturnType<typeof setTimeout> | undefined;
    let firstEditAt = 0;
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

    const applyEdits = () => {
      if (editTimer) clearTimeout(editTimer);
      editTimer = undefined;
      if (pendingEdits.size === 0) return;
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
      context.indexChanged.fire();
    };
    context.applyEdits = applyEdits;

    documents.onDidChangeContent(({ document }) => {
      context.clientUris.set(canonicalUri(document.uri), document.uri);
      pendingEdits.add(document.uri);
      const now = Date.now();
      if (editTimer) clearTimeout(editTimer);
      else firstEditAt = now;
      editTimer = setTimeout(() => void context.indexing.then(applyEdits), Math.max(0, Math.min(editPause, firstEditAt + editMaxWait - now)));
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
          context.indexChanged.fire();
        } catch (error) {
          logError(context, `closing ${document.uri} failed`, error);
        }
      });
    });

    /** Reads files changed on disk again, re-checks them and their dependents. */
    const reloadChanges = async (changes: readonly { uri: string; type: FileChangeType }[]) => {
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
    };

    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      await context.indexing;
      // The configuration and the resource files (glossary, source codes, templates, mkdocs.yml) change what every page means: index again.
      if (changes.some((change) => change.uri.endsWith(`/${configFileName}`) || workspace.isResourceFile(change.uri))) return startIndexing(context);
      await reloadChanges(changes);
      sendStatus(context);
      context.indexChanged.fire();
    });

    // A document not open is kept without its text (documentStore.ts); when a rule or a request finds
    // its file changed since it was read, it is read again here, as if the editor had reported the change.
    let readingStale = Promise.resolve();
    const readStale = (): Promise<void> =>
      (readingStale = readingStale.then(async () => {
        await context.indexing;
        const uris = workspace.takeStale();
        if (uris.length === 0) return;
        await reloadChanges(uris.map((uri) => ({ uri, type: FileChangeType.Changed })));
        sendStatus(context);
        context.indexChanged.fire();
      }));
    context.readStale = readStale;
    workspace.onStale = () => void setTimeout(() => void readStale(), 0);
  },
};
