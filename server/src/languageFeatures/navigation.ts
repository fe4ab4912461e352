import type { DocumentLink, Location, Position, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { movePagesEdits, type ParsedDocument } from '../../../engine';
import type { CorpusRoot } from '../workspace/corpusWorkspace';
import { contains, referenced, targetAt } from './documentQueries';
import { bodyDocumentLinks, headingReferences, headingRenameEdits, linkAt, linkDefinition, linkedPath, linksTo, prepareHeadingRename } from './links';
import { toWorkspaceEdit } from './workspaceEdits';

const startOfFile: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const maxSymbols = 200;

/** Definition: the document a slug or a tag value names, the page (and heading) a body link leads to. */
export function definition(root: CorpusRoot, document: ParsedDocument, position: Position): Location | null {
  const onLink = linkDefinition(root, document, position);
  if (onLink !== undefined) return onLink;
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

/** Links on every slug that names an existing document, in lists and directives, and on every body link that leads somewhere. */
export function documentLinks(root: CorpusRoot, document: ParsedDocument): DocumentLink[] {
  const slugLinks = document.references.flatMap((reference) => {
    const cited = referenced(root.corpus, reference);
    return cited ? [{ range: reference.range, target: root.uriOf(cited.path), tooltip: cited.title }] : [];
  });
  return [...slugLinks, ...bodyDocumentLinks(root, document)];
}

/**
 * The page whose citations are asked for: the one a slug or a body link under the cursor names, or
 * the document itself when the cursor is on its `id` or `title` line.
 */
function subjectAt(root: CorpusRoot, document: ParsedDocument, position: Position): ParsedDocument | undefined {
  const target = targetAt(document, position);
  if (target?.kind === 'reference') return referenced(root.corpus, target.reference);
  const onLink = linkAt(root.corpus, document, position);
  if (onLink) {
    const path = linkedPath(root.corpus, document, onLink.target);
    return path ? root.corpus.get(path) : undefined;
  }
  if (!document.type) return undefined;
  const onOwnLine =
    document.frontmatter.status === 'parsed' &&
    document.frontmatter.entries.some(
      (entry) => (entry.key === 'id' || entry.key === 'title') && (entry.keyRange.start.line === position.line || contains(entry.value.range, position)),
    );
  return onOwnLine ? document : undefined;
}

/** References of a page (frontmatter lists, directives, body links) or of a heading (the links to its id). */
export function references(root: CorpusRoot, document: ParsedDocument, position: Position, includeDeclaration: boolean): Location[] {
  const ofHeading = headingReferences(root, document, position, includeDeclaration);
  if (ofHeading) return ofHeading;
  const subject = subjectAt(root, document, position);
  if (!subject) return [];
  const type = subject.type;
  const citations = type
    ? root.corpus
        .citing(type, subject.slug)
        .flatMap((citing) => citing.references.filter((r) => r.type === type && r.slug === subject.slug).map((r) => ({ uri: root.uriOf(citing.path), range: r.range })))
    : [];
  const all = [...citations, ...linksTo(root, subject.path)];
  return includeDeclaration ? [{ uri: root.uriOf(subject.path), range: startOfFile }, ...all] : all;
}

export function prepareRename(root: CorpusRoot, document: ParsedDocument, position: Position): { range: Range; placeholder: string } | null {
  const heading = prepareHeadingRename(document, position);
  if (heading) return heading;
  const target = targetAt(document, position);
  if (target?.kind === 'reference' && referenced(root.corpus, target.reference)) return { range: target.reference.range, placeholder: target.reference.slug };
  const onLink = linkAt(root.corpus, document, position);
  if (onLink) {
    const page = subjectAt(root, document, position);
    return page ? { range: onLink.link.range, placeholder: page.slug } : null;
  }
  const subject = subjectAt(root, document, position);
  if (subject !== document || !document.type) return null;
  const entry =
    document.frontmatter.status === 'parsed' ? document.frontmatter.entries.find((e) => e.keyRange.start.line === position.line || contains(e.value.range, position)) : undefined;
  return entry ? { range: entry.value.range, placeholder: document.slug } : null;
}

export class RenameError extends Error {}

/**
 * Renames a heading (and every `#fragment` of its id), or the file of a page named by a slug, a
 * link or its own id/title line (and every citation of its slug and link to it).
 */
export function rename(root: CorpusRoot, document: ParsedDocument, position: Position, newName: string): WorkspaceEdit | null {
  if (prepareHeadingRename(document, position)) {
    if (newName.trim() === '') throw new RenameError('Een kop kan niet leeg zijn.');
    const edits = headingRenameEdits(root.corpus, document, position, newName);
    return edits ? toWorkspaceEdit(root, edits) : null;
  }
  const subject = subjectAt(root, document, position);
  if (!subject) return null;
  const slug = newName.trim().replace(/\.md$/, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(slug)) throw new RenameError(`'${newName}' is geen geldige slug: gebruik letters, cijfers, '-', '_' en '.'.`);
  if (slug === subject.slug) return null;
  const folder = subject.path.slice(0, subject.path.lastIndexOf('/') + 1);
  const newPath = `${folder}${slug}.md`;
  if (root.corpus.hasFile(newPath)) throw new RenameError(`${newPath} bestaat al.`);
  return toWorkspaceEdit(root, movePagesEdits(root.corpus, [{ from: subject.path, to: newPath }]), { from: subject.path, to: newPath });
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
