import { TextDocumentEdit, type RenameFile, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Fix, TextEdit as EngineEdit } from '../../../engine';
import type { CorpusRoot } from '../workspace/corpusWorkspace';

/** Engine edits (offsets per corpus path) and an optional rename as an LSP workspace edit. */
export function toWorkspaceEdit(root: CorpusRoot, edits: readonly EngineEdit[], rename?: Fix['rename']): WorkspaceEdit {
  const byPath = new Map<string, TextEdit[]>();
  // The edits' offsets are in the texts that were indexed: a file not open that changed since throws StaleDocumentError (the request is then answered again).
  for (const path of new Set(edits.map((edit) => edit.path))) root.store.assertCurrent(root.corpus.get(path));
  for (const edit of edits) {
    const text = root.corpus.textOf(edit.path);
    if (!text) continue;
    const list = byPath.get(edit.path) ?? [];
    list.push({ range: { start: text.positionAt(edit.start), end: text.positionAt(edit.end) }, newText: edit.newText });
    byPath.set(edit.path, list);
  }
  const changes: (TextDocumentEdit | RenameFile)[] = [...byPath].map(([path, textEdits]) => TextDocumentEdit.create({ uri: root.uriOf(path), version: null }, textEdits));
  if (rename) changes.push({ kind: 'rename', oldUri: root.uriOf(rename.from), newUri: root.uriOf(rename.to), options: { overwrite: false, ignoreIfExists: false } });
  return { documentChanges: changes };
}
