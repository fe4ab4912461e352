// Moving or renaming `.md` files or folders in the editor (LSP workspace/willRenameFiles): the
// edits that keep every citation and link pointing at the moved pages, before the move happens.
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { movePagesEdits, type PageMove } from '../../../engine';
import type { CorpusRoot, CorpusWorkspace } from '../workspace/corpusWorkspace';
import { canonicalUri, relativePath } from '../workspace/uris';
import { toWorkspaceEdit } from './workspaceEdits';

export interface FileMove {
  oldUri: string;
  newUri: string;
}

/** The pages each root sees moving: a `.md` file under `docs/` moved within `docs/`, or every page in a moved folder. */
export function pageMoves(workspace: CorpusWorkspace, files: readonly FileMove[]): Map<CorpusRoot, PageMove[]> {
  const moves = new Map<CorpusRoot, PageMove[]>();
  for (const { oldUri, newUri } of files) {
    const root = workspace.locateFolder(oldUri);
    if (!root) continue;
    const from = relativePath(root.key, canonicalUri(oldUri));
    const to = relativePath(root.key, canonicalUri(newUri));
    if (from === undefined || to === undefined || !to.startsWith('docs/')) continue;
    const list = moves.get(root) ?? [];
    if (root.corpus.get(from)) {
      if (/\.md$/i.test(to)) list.push({ from, to });
    } else {
      for (const page of root.corpus.all()) if (page.path.startsWith(`${from}/`)) list.push({ from: page.path, to: to + page.path.slice(from.length) });
    }
    if (list.length > 0) moves.set(root, list);
  }
  return moves;
}

/** The edits of moving pages, over every root; undefined when nothing refers to them. */
export function fileMoveEdit(moves: ReadonlyMap<CorpusRoot, PageMove[]>): { edit: WorkspaceEdit; references: number } | undefined {
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  let references = 0;
  for (const [root, list] of moves) {
    const edits = movePagesEdits(root.corpus, list);
    references += edits.length;
    documentChanges.push(...(toWorkspaceEdit(root, edits).documentChanges ?? []));
  }
  return references === 0 ? undefined : { edit: { documentChanges }, references };
}
