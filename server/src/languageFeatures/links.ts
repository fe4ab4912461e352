// Language features for the links of the page body, with the site's semantics (where a link leads,
// which ids a page has): document links, definition, hover, completion, references and rename.
// Pure functions over the engine; the LSP modules call them.
import { CompletionItemKind, type CompletionItem, type CompletionList, type DocumentLink, type Hover, type Location, type Position, type Range } from 'vscode-languageserver-types';
import {
  type BodyLink,
  type Corpus,
  type Heading,
  leadsTo,
  type LinkTarget,
  linkPathTo,
  linkTargetOf,
  type ParsedDocument,
  relativePathFrom,
  folderOfPath,
  renameHeadingEdits,
} from '../../../engine';
import type { CorpusRoot } from '../workspace/corpusWorkspace';
import { contains, scalarOf } from './documentQueries';
import { code, escapeMarkdown } from './markdown';

const startOfFile: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
/** Link completion is filtered here; at most this many items are sent (the list is then incomplete). */
const maxPathItems = 200;
const maxSectionCharacters = 600;

export interface LinkAt {
  link: BodyLink;
  target: LinkTarget;
  /** The position is in the `#fragment` part of the target. */
  inFragment: boolean;
}

/** The body link whose target the position is on. */
export function linkAt(corpus: Corpus, document: ParsedDocument, position: Position): LinkAt | undefined {
  const index = document.body.links.findIndex((link) => contains(link.range, position));
  if (index === -1) return undefined;
  const link = document.body.links[index];
  const hash = link.target.indexOf('#');
  const inFragment = hash !== -1 && position.line === link.range.start.line && position.character > link.range.start.character + hash;
  return { link, target: corpus.linkTargets(document)[index], inFragment };
}

/** The heading on the position's line (unless the position is on a link in it: that is the link's). */
export function headingAt(document: ParsedDocument, position: Position): { heading: Heading; index: number } | undefined {
  if (document.body.links.some((link) => contains(link.range, position))) return undefined;
  const index = document.body.headings.findIndex((heading) => heading.range.start.line <= position.line && position.line <= heading.range.end.line);
  return index === -1 ? undefined : { heading: document.body.headings[index], index };
}

/** The corpus path a link leads to (the page itself for a bare `#fragment`), when it exists. */
export function linkedPath(corpus: Corpus, document: ParsedDocument, target: LinkTarget): string | undefined {
  if (target.scheme && !target.siteUrl) return undefined;
  if (target.path === '' && !target.scheme) return document.path;
  if (target.file && corpus.hasFile(target.file)) return target.file;
  return target.urls?.find((path) => corpus.hasFile(path));
}

function headingWithId(page: ParsedDocument, id: string | undefined): Heading | undefined {
  return id ? page.body.headings.find((heading) => heading.id === id) : undefined;
}

/** A file URI opened at a line: VS Code and most editors read `#L<line>,<column>` (1-based). */
function atLine(uri: string, range: Range): string {
  return `${uri}#L${range.start.line + 1},${range.start.character + 1}`;
}

/** A document link on every body link that leads somewhere: a page (at the heading of its fragment), a file, a web address. */
export function bodyDocumentLinks(root: CorpusRoot, document: ParsedDocument): DocumentLink[] {
  const targets = root.corpus.linkTargets(document);
  const links: DocumentLink[] = [];
  document.body.links.forEach((link, index) => {
    const target = targets[index];
    if (target.scheme && !target.siteUrl) {
      if (/^(https?|mailto)$/.test(target.scheme)) links.push({ range: link.range, target: link.target });
      return;
    }
    const path = linkedPath(root.corpus, document, target);
    if (!path) return;
    const page = root.corpus.get(path);
    const heading = page && headingWithId(page, target.fragment);
    const uri = root.uriOf(path);
    links.push({ range: link.range, target: heading ? atLine(uri, heading.range) : uri, tooltip: heading?.text ?? page?.title ?? path });
  });
  return links;
}

/** Definition of a body link: its page, at the heading its fragment names. */
export function linkDefinition(root: CorpusRoot, document: ParsedDocument, position: Position): Location | null | undefined {
  const at = linkAt(root.corpus, document, position);
  if (!at) return undefined;
  const path = linkedPath(root.corpus, document, at.target);
  if (!path) return null;
  const page = root.corpus.get(path);
  const heading = page && headingWithId(page, at.target.fragment);
  return { uri: root.uriOf(path), range: heading?.range ?? startOfFile };
}

/** Hover on a body link: the page it leads to (title, id, toelichting), or the start of the section its fragment names. */
export function linkHover(corpus: Corpus, document: ParsedDocument, position: Position): Hover | null | undefined {
  const at = linkAt(corpus, document, position);
  if (!at || (at.target.scheme && !at.target.siteUrl)) return undefined;
  const path = linkedPath(corpus, document, at.target);
  const page = path ? corpus.get(path) : undefined;
  let value: string;
  if (!path) return null;
  if (!page) value = `Bestand ${code(path)}`;
  else {
    const heading = headingWithId(page, at.target.fragment);
    value = heading ? sectionPreview(page, heading) : pagePreview(corpus, page);
  }
  return { contents: { kind: 'markdown', value }, range: at.link.range };
}

function pagePreview(corpus: Corpus, page: ParsedDocument): string {
  const label = page.type ? corpus.schema.documentTypes[page.type]?.label : page.taxonomy;
  const parts = [
    `**${escapeMarkdown(page.title ?? page.body.headings[0]?.text ?? page.slug)}**`,
    [page.id && code(page.id), label && escapeMarkdown(label), code(page.path)].filter(Boolean).join(' · '),
  ];
  const toelichting = scalarOf(page, 'toelichting') ?? scalarOf(page, 'summary');
  if (toelichting) parts.push(escapeMarkdown(toelichting));
  return parts.join('\n\n');
}

/** A heading and the start of its section (up to the next heading of its level or higher), as plain text. */
function sectionPreview(page: ParsedDocument, heading: Heading): string {
  const next = page.body.headings.find((other) => other.range.start.line > heading.range.end.line && other.level <= heading.level);
  const lines = page.text.getText().split(/\r\n|\r|\n/);
  const section = lines
    .slice(heading.range.end.line + 1, next ? next.range.start.line : undefined)
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const shown = section.length > maxSectionCharacters ? section.slice(0, maxSectionCharacters) + '…' : section;
  return [`**${escapeMarkdown(heading.text)}** · ${code('#' + heading.id)} · ${escapeMarkdown(page.title ?? page.path)}`, shown && escapeMarkdown(shown)]
    .filter(Boolean)
    .join('\n\n');
}

/** The text of a link target being typed: after `](`, `]: ` or `href="`/`src="`, up to the cursor. */
const markdownTarget = /!?\]\(\s*<?([^\s()<>]*)$/;
const definitionTarget = /^\s*\[[^\]]+\]:\s*<?(\S*)$/;
const htmlTarget = /\b(?:href|src)\s*=\s*["']([^"']*)$/i;

/** Completion of a link target: page paths with titles (or site URLs in raw HTML), then the ids after `#`. */
export function linkCompletion(corpus: Corpus, document: ParsedDocument, position: Position, before: string): CompletionList | undefined {
  const html = htmlTarget.exec(before);
  const markdown = html ? undefined : (markdownTarget.exec(before) ?? definitionTarget.exec(before));
  const typed = html?.[1] ?? markdown?.[1];
  if (typed === undefined) return undefined;
  const hash = typed.indexOf('#');
  if (hash !== -1) {
    const fragment = typed.slice(hash + 1);
    const page = fragmentPage(corpus, document, typed.slice(0, hash), html ? 'html' : 'inline');
    return page ? idItems(page, rangeBack(position, fragment.length)) : { isIncomplete: false, items: [] };
  }
  const image = /!\[[^\]]*\]\(\s*<?[^\s()<>]*$/.test(before) || /<img\b[^>]*$/i.test(before);
  return pathItems(corpus, document, typed, html ? 'html' : 'inline', image, rangeBack(position, typed.length));
}

function rangeBack(position: Position, length: number): Range {
  return { start: { line: position.line, character: position.character - length }, end: position };
}

/** The page whose ids complete after `path#`: the page itself for a bare `#`. */
function fragmentPage(corpus: Corpus, document: ParsedDocument, path: string, kind: BodyLink['kind']): ParsedDocument | undefined {
  if (path === '') return document;
  const link: BodyLink = { kind, target: path, range: startOfFile, offsets: [0, path.length], attribute: kind === 'html' ? 'href' : undefined };
  const found = linkedPath(corpus, document, linkTargetOf(document.path, link, corpus.site));
  return found ? corpus.get(found) : undefined;
}

function idItems(page: ParsedDocument, range: Range): CompletionList {
  const headingIds = new Map(page.body.headings.map((heading) => [heading.id, heading]));
  const items: CompletionItem[] = [...page.body.headings.map((heading) => heading.id), ...[...page.body.ids].filter((id) => !headingIds.has(id))].map((id, index) => {
    const heading = headingIds.get(id);
    return {
      label: id,
      kind: heading ? CompletionItemKind.Reference : CompletionItemKind.Constant,
      detail: heading ? `${'#'.repeat(heading.level)} ${heading.text}` : 'anker',
      sortText: String(index).padStart(5, '0'),
      filterText: id,
      textEdit: { range, newText: id },
    };
  });
  return { isIncomplete: false, items };
}

/** Where a page type sorts: vereisten, maatregelen, hulpmiddelen, other pages, then files. */
function rank(page: ParsedDocument | undefined): number {
  if (!page) return 4;
  return page.type === 'vereiste' ? 0 : page.type === 'maatregel' ? 1 : page.type === 'hulpmiddel' ? 2 : 3;
}

function pathItems(corpus: Corpus, document: ParsedDocument, typed: string, kind: BodyLink['kind'], image: boolean, range: Range): CompletionList {
  const needle = typed.toLowerCase().replace(/^(\.\.?\/)+/, '');
  const candidates: { path: string; page?: ParsedDocument; text: string }[] = [];
  let more = false;
  const consider = (path: string, page: ParsedDocument | undefined) => {
    if (page === document) return;
    const text = linkPathTo(document.path, kind, path, corpus.site);
    if (needle !== '' && !text.toLowerCase().includes(needle) && !(page?.title ?? '').toLowerCase().includes(needle)) return;
    if (candidates.length === maxPathItems) more = true;
    else candidates.push({ path, page, text });
  };
  // Pages first for a link, files first for an image; each in the order of the type ranks.
  const pages = [...corpus.all()].sort((a, b) => rank(a) - rank(b));
  const files = [...corpus.otherFiles()].sort();
  for (const path of image ? files : []) consider(path, undefined);
  for (const page of pages) if (!more) consider(page.path, page);
  for (const path of image ? [] : files) if (!more) consider(path, undefined);
  const items = candidates.map(({ page, text, path }, index): CompletionItem => {
    const toelichting = page && scalarOf(page, 'toelichting');
    return {
      label: text,
      kind: page ? CompletionItemKind.File : CompletionItemKind.Folder,
      detail: page?.title ?? relativePathFrom(folderOfPath(document.path), path),
      documentation: toelichting ? { kind: 'markdown', value: escapeMarkdown(toelichting) } : undefined,
      sortText: String(index).padStart(5, '0'),
      // Filtered here already (on path and title): a match elsewhere than at the start gets the typed text in front, so the editor keeps the item.
      filterText: text.toLowerCase().startsWith(typed.toLowerCase()) ? text : `${typed} ${text}`,
      textEdit: { range, newText: text },
    };
  });
  return { isIncomplete: more || needle !== '', items };
}

/** Links in the corpus to a page, optionally only those with a given fragment. */
export function linksTo(root: CorpusRoot, path: string, fragment?: string): Location[] {
  const corpus = root.corpus;
  const page = corpus.get(path);
  const linking = new Set<ParsedDocument>(corpus.linking(path));
  if (page && fragment !== undefined) linking.add(page);
  const locations: Location[] = [];
  for (const document of linking) {
    const targets = corpus.linkTargets(document);
    document.body.links.forEach((link, index) => {
      const target = targets[index];
      const toPage = target.path === '' && !target.scheme ? document.path === path : leadsTo(corpus, target, path);
      if (toPage && (fragment === undefined || target.fragment === fragment)) locations.push({ uri: root.uriOf(document.path), range: link.range });
    });
  }
  return locations;
}

/** References of a heading (the links to its id) when the position is on one or on a link's fragment. */
export function headingReferences(root: CorpusRoot, document: ParsedDocument, position: Position, includeDeclaration: boolean): Location[] | undefined {
  const onHeading = headingAt(document, position);
  let page: ParsedDocument | undefined = onHeading ? document : undefined;
  let heading = onHeading?.heading;
  if (!heading) {
    const at = linkAt(root.corpus, document, position);
    if (!at?.inFragment) return undefined;
    const path = linkedPath(root.corpus, document, at.target);
    page = path ? root.corpus.get(path) : undefined;
    heading = page && headingWithId(page, at.target.fragment);
    if (!heading) return undefined;
  }
  const references = linksTo(root, page!.path, heading.id);
  return includeDeclaration ? [{ uri: root.uriOf(page!.path), range: heading.range }, ...references] : references;
}

/** Prepare rename of a heading: its text, without the `#` marks and an attribute list. */
export function prepareHeadingRename(document: ParsedDocument, position: Position): { range: Range; placeholder: string } | undefined {
  const at = headingAt(document, position);
  if (!at) return undefined;
  const [start, end] = at.heading.textOffsets;
  return { range: { start: document.text.positionAt(start), end: document.text.positionAt(end) }, placeholder: document.text.getText().slice(start, end) };
}

/** The edits of renaming the heading at the position to `newText`. */
export function headingRenameEdits(corpus: Corpus, document: ParsedDocument, position: Position, newText: string) {
  const at = headingAt(document, position);
  return at ? renameHeadingEdits(corpus, document, at.index, newText.trim()) : undefined;
}
