import type { DocumentLink, Location, Position, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../../engine';
import type { CorpusRoot } from '../workspace/corpusWorkspace';
import { contains, referenced, targetAt } from './documentQueries';
import { toWorkspaceEdit } from './workspaceEdits';

const startOfFile: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const maxSymbols = 200;

/** Definition: the document a slug or a tag value names. */
export function definition(root: CorpusRoot, document: ParsedDocument, position: Position): Location | null {
  const target = targetAt(document, position);
  if (target?.kind === 'reference') {
    const cited = referenced(root.corpus, target.reference);
    return cited ? { uri: root.uriOf(cited.path), range: startOfFile } : null;
  }
  if (target?.kind === 'value') {
    const vocabulary = root.corpus.schema.listKeys[target.entry.key]?.vocabulary;
    const page = vocabulary?.kind === 'taxonomy' ? root.corpus.bySlug(vocabulary.taxonomy, target.value) : undefined;
    return page ? { uri: root.uriOf(page.path), range: startOfFile } : null;
  }
  return null;
}

/** Links on every slug that names an existing document, in lists and directives. */
export function documentLinks(root: CorpusRoot, document: ParsedDocument): DocumentLink[] {
  return document.references.flatMap((reference) => {
    const cited = referenced(root.corpus, reference);
    return cited ? [{ range: reference.range, target: root.uriOf(cited.path), tooltip: cited.title }] : [];
  });
}

/**
 * The document whose citations are asked for: the one a slug under the cursor names, or the
 * document itself when the cursor is on its `id` or `title` line.
 */
function subjectAt(root: CorpusRoot, document: ParsedDocument, position: Position): ParsedDocument | undefined {
  const target = targetAt(document, position);
  if (target?.kind === 'reference') return referenced(root.corpus, target.reference);
  if (!document.type) return undefined;
  const onOwnLine = document.frontmatter.status === 'parsed' && document.frontmatter.entries.some(
    (entry) => (entry.key === 'id' || entry.key === 'title') && (entry.keyRange.start.line === position.line || contains(entry.value.range, position)),
  );
  return onOwnLine ? document : undefined;
}

export function references(root: CorpusRoot, document: ParsedDocument, position: Position, includeDeclaration: boolean): Location[] {
  const subject = subjectAt(root, document, position);
  if (!subject?.type) return [];
  const citations = root.corpus.citing(subject.type, subject.slug).flatMap((citing) =>
    citing.references.filter((r) => r.type === subject.type && r.slug === subject.slug).map((r) => ({ uri: root.uriOf(citing.path), range: r.range })),
  );
  return includeDeclaration ? [{ uri: root.uriOf(subject.path), range: startOfFile }, ...citations] : citations;
}

export function prepareRename(root: CorpusRoot, document: ParsedDocument, position: Position): { range: Range; placeholder: string } | null {
  const target = targetAt(document, position);
  if (target?.kind === 'reference' && referenced(root.corpus, target.reference)) return { range: target.reference.range, placeholder: target.reference.slug };
  const subject = subjectAt(root, document, position);
  if (subject !== document || !document.type) return null;
  const entry = document.frontmatter.status === 'parsed' ? document.frontmatter.entries.find((e) => e.keyRange.start.line === position.line || contains(e.value.range, position)) : undefined;
  return entry ? { range: entry.value.range, placeholder: document.slug } : null;
}

export class RenameError extends Error {}

/** Renames the file of a slug and rewrites every citation of it. */
export function rename(root: CorpusRoot, document: ParsedDocument, position: Position, newName: string): WorkspaceEdit | null {
  const subject = subjectAt(root, document, position);
  if (!subject?.type) return null;
  const slug = newName.trim().replace(/\.md$/, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(slug)) throw new RenameError(`'${newName}' is geen geldige slug: gebruik letters, cijfers, '-', '_' en '.'.`);
  if (slug === subject.slug) return null;
  const folder = subject.path.slice(0, subject.path.lastIndexOf('/') + 1);
  const newPath = `${folder}${slug}.md`;
  if (root.corpus.get(newPath)) throw new RenameError(`${newPath} bestaat al.`);
  const edits = root.corpus.citing(subject.type, subject.slug).flatMap((citing) =>
    citing.references.filter((r) => r.type === subject.type && r.slug === subject.slug).map((r) => ({ path: citing.path, start: r.offsets[0], end: r.offsets[1], newText: slug })),
  );
  return toWorkspaceEdit(root, edits, { from: subject.path, to: newPath });
}

/** Documents whose id or title contains every word of the query. */
export function workspaceSymbols(roots: readonly CorpusRoot[], query: string): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const symbols: SymbolInformation[] = [];
  for (const root of roots) {
    for (const document of root.corpus.all()) {
      if (!document.type) continue;
      const haystack = `${document.id ?? ''} ${document.slug} ${document.title ?? ''}`.toLowerCase();
      if (!words.every((word) => haystack.includes(word))) continue;
      const tail = document.id ? document.id.slice(document.id.lastIndexOf(':') + 1) + ' ' : '';
      symbols.push({
        name: `${tail}${document.title ?? document.slug}`,
        kind: document.type === 'vereiste' ? SymbolKind.Interface : document.type === 'maatregel' ? SymbolKind.Method : SymbolKind.Module,
        location: { uri: root.uriOf(document.path), range: startOfFile },
        containerName: root.schema.documentTypes[document.type]?.label,
      });
      if (symbols.length >= maxSymbols) return symbols;
    }
  }
  return symbols;
}
