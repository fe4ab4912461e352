import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Unreadable } from '../fileSystem/readText';
import type { Range } from '../text/positions';
import { classifyPath } from './layout';
import { entryOf, type CorpusSchema } from '../schema/schema';
import { findDirectives, type Directive } from './directives';
import { parsePageBody, type PageBody } from './markdown/pageBody';
import { scanBodyLines, type BodyLines } from './bodyLines';
import { parseFrontmatter, type Frontmatter, type FrontmatterEntry, type YamlValue } from './frontmatter';

/** A slug cited by a document: an item of a `vereiste:`/`maatregel:` list or a directive's `vereiste/<slug>` argument. */
export interface SlugReference {
  /** Document type of the cited slug. */
  type: string;
  slug: string;
  range: Range;
  offsets: [number, number];
  in: 'frontmatter' | 'directive';
}

/** The first argument of a `list_*` directive in `key/value` form: the filter the site applies. */
export interface DirectiveFilter {
  listedType: string;
  key: string;
  value: string;
}

export interface ParsedDocument {
  /** Path relative to the corpus root, with `/` separators. */
  path: string;
  slug: string;
  /** Document type (vereiste, maatregel, hulpmiddel) when the file is one. */
  type?: string;
  /** Taxonomy (levenscyclus, onderwerp, rollen) when the file is one of its pages. */
  taxonomy?: string;
  text: TextDocument;
  frontmatter: Frontmatter;
  /** Offset and line where the Markdown body starts (after the frontmatter, or 0 when there is none). */
  bodyStart: number;
  bodyLine: number;
  directives: Directive[];
  /** Headings, links, anchors and blocks of the Markdown body, as the site reads them. */
  body: PageBody;
  /** Merge-conflict markers, glued lists and template text found in the body's lines. */
  bodyLines: BodyLines;
  /** The valid `id`, trimmed, or undefined. */
  id?: string;
  /** The `id` as written, trimmed, valid or not (the site shows it so), when it is a string. */
  writtenId?: string;
  title?: string;
  /** String values of the list keys the type knows; the later occurrence of a duplicate key wins, as on the site. */
  lists: Map<string, string[]>;
  references: SlugReference[];
  filters: DirectiveFilter[];
  /** Why the file could not be checked (AK005): it is then listed with an empty text, no type and no facts. */
  unreadable?: Unreadable;
}

/** Top-level entries of a parsed frontmatter mapping, or none. */
export function entriesOf(document: ParsedDocument): FrontmatterEntry[] {
  return document.frontmatter.status === 'parsed' ? document.frontmatter.entries : [];
}

/**
 * Top-level entries of a frontmatter mapping that is valid YAML, or none: the site reads no metadata
 * from a block with YAML errors, so its keys are neither indexed nor checked (the block gets AK003).
 */
export function validEntries(document: ParsedDocument): FrontmatterEntry[] {
  return document.frontmatter.status === 'parsed' && document.frontmatter.errors.length === 0 ? document.frontmatter.entries : [];
}

/** The string items of a list value; a scalar string counts as a one-item list. */
export function stringItems(value: YamlValue): { text: string; item: YamlValue }[] {
  if (value.kind === 'scalar') return typeof value.value === 'string' && value.value.trim() !== '' ? [{ text: value.value, item: value }] : [];
  if (value.kind === 'list') {
    return value.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim() !== '' ? [{ text: item.value, item }] : []));
  }
  return [];
}

export function isValidId(id: unknown, prefix: string): id is string {
  return typeof id === 'string' && id.trim().startsWith(prefix) && /^[a-z]+-\d+$/.test(id.trim().slice(prefix.length));
}

const maxYamlFailure = 'De frontmatter kan niet worden gelezen';

/** Parses a file's text. `dropsText`: the caller will drop the text (see `dropText`), so the frontmatter is read from a copy of its block. */
export function parseDocument(path: string, content: string, schema: CorpusSchema, uri = path, dropsText = false): ParsedDocument {
  const kind = classifyPath(path, schema);
  const text = TextDocument.create(uri, 'markdown', 0, content);
  // MkDocs reads files with universal newlines and LSP counts lines the same way: a lone CR ends a
  // line. The scanners and the YAML parser count LF only, so they read a copy with each lone CR made
  // a LF (the same length: every offset holds); the document keeps the text as it is.
  const scanned = content.includes('\r') ? content.replace(/\r(?!\n)/g, '\n') : content;
  const frontmatter = readFrontmatter(scanned, text, dropsText);
  // A block that is missing or never closed leaves the whole file to Markdown, as MkDocs reads it.
  const bodyStart = frontmatter.status === 'parsed' ? frontmatter.bodyStart : 0;
  const bodyLine = frontmatter.status === 'parsed' ? frontmatter.closeLine + 1 : 0;
  const directives = findDirectives(scanned, bodyStart, bodyLine, schema.directivePrefixes);

  const body = parsePageBody(scanned, bodyStart, bodyLine);
  const bodyLines = scanBodyLines(scanned, bodyStart, body, schema.instructionPhrases);
  const document: ParsedDocument = { path, ...kind, text, frontmatter, bodyStart, bodyLine, directives, body, bodyLines, lists: new Map(), references: [], filters: [] };
  collectFacts(document, schema);
  return document;
}

/** The stand-in for a file that cannot be checked: only AK005 reports on it, and no other document depends on it. */
export function unreadableDocument(path: string, schema: CorpusSchema, unreadable: Unreadable, uri = path): ParsedDocument {
  return { ...parseDocument(path, '', schema, uri), type: undefined, taxonomy: undefined, unreadable };
}

function readFrontmatter(content: string, text: TextDocument, copyBlock: boolean): Frontmatter {
  try {
    return parseFrontmatter(content, copyBlock);
  } catch (error) {
    // The YAML parser recurses; absurd nesting exhausts the stack. Report it as a YAML error on line 2.
    const reason = error instanceof RangeError ? 'te diep genest' : String(error);
    const line = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    const close = findCloseLine(content);
    return {
      status: 'parsed',
      bodyStart: text.offsetAt({ line: close + 1, character: 0 }),
      closeLine: close,
      closeStart: text.offsetAt({ line: close, character: 0 }),
      errors: [{ message: `${maxYamlFailure}: ${reason}`, range: line }],
      isMapping: true,
      entries: [],
    };
  }
}

function findCloseLine(content: string): number {
  const lines = content.split('\n');
  for (let line = 1; line < lines.length; line++) if (/^---[ \t]*\r?$/.test(lines[line])) return line;
  return lines.length - 1;
}

/** Derives what other documents depend on: id, title, list values, slug references and directive filters. */
function collectFacts(document: ParsedDocument, schema: CorpusSchema): void {
  const type = document.type ? schema.documentTypes[document.type] : undefined;
  const known = type ? new Set([...type.required, ...type.optional]) : new Set<string>();
  for (const entry of validEntries(document)) {
    // Like the lists, a repeated title or id is read from its later occurrence, as on the site.
    const scalar = entry.value.kind === 'scalar' ? entry.value.value : undefined;
    if (entry.key === 'title') document.title = typeof scalar === 'string' ? scalar : undefined;
    if (entry.key === 'id' && type?.idPrefix) document.id = isValidId(scalar, type.idPrefix) ? scalar.trim() : undefined;
    if (entry.key === 'id') document.writtenId = typeof scalar === 'string' ? scalar.trim() : undefined;
    if (!known.has(entry.key) || !schema.listKeys[entry.key]) continue;
    const items = stringItems(entry.value);
    document.lists.set(
      entry.key,
      items.map((i) => i.text),
    );
    const vocabulary = schema.listKeys[entry.key].vocabulary;
    if (vocabulary.kind === 'documents') {
      for (const { text, item } of items) {
        document.references.push({ type: vocabulary.documentType, slug: text, range: item.range, offsets: item.offsets, in: 'frontmatter' });
      }
    }
  }
  for (const directive of document.directives) {
    const listedType = entryOf(schema.directives, directive.name)?.lists;
    if (!listedType) continue;
    directive.args.forEach((arg, index) => {
      const slash = arg.text.indexOf('/');
      if (slash <= 0) return;
      const key = arg.text.slice(0, slash);
      const value = arg.text.slice(slash + 1);
      if (index === 0) document.filters.push({ listedType, key, value });
      const vocabulary = schema.listKeys[key]?.vocabulary;
      if (vocabulary?.kind === 'documents') {
        const from = arg.offsets[0] + slash + 1;
        document.references.push({
          type: vocabulary.documentType,
          slug: value,
          range: { start: { line: arg.range.start.line, character: arg.range.start.character + slash + 1 }, end: arg.range.end },
          offsets: [from, arg.offsets[1]],
          in: 'directive',
        });
      }
    });
  }
}
