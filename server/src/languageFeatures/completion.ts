import { CompletionItemKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import { allowedValues, type Corpus, entryOf, knownKeys, type ParsedDocument, type Vocabulary } from '../../../engine';
import { scalarOf } from './documentQueries';
import { linkCompletion } from './links';
import { escapeMarkdown } from './markdown';
import { sourceCodeCompletion, uitzonderingCompletion } from './siteMetadata';

/** Slug completions are filtered here, and at most this many are sent (the list is then incomplete). */
const maxSlugItems = 100;
const retrigger = { title: 'suggest', command: 'editor.action.triggerSuggest' };

export const completionTriggerCharacters = [' ', '-', '/', ':', '"', '(', '#'];

export function complete(corpus: Corpus, document: ParsedDocument, position: Position): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const lineStart = document.text.offsetAt({ line: position.line, character: 0 });
  const offset = document.text.offsetAt(position);
  if (offset - lineStart !== position.character) return empty; // past the end of the line
  const before = document.text.getText().slice(lineStart, offset);
  if (inFrontmatter(document, position.line)) return frontmatterCompletion(corpus, document, position, before) ?? empty;
  return directiveCompletion(corpus, position, before) ?? linkCompletion(corpus, document, position, before) ?? empty;
}

function inFrontmatter(document: ParsedDocument, line: number): boolean {
  const frontmatter = document.frontmatter;
  if (frontmatter.status === 'parsed') return line >= 1 && line < frontmatter.closeLine;
  return frontmatter.status === 'unclosed' && line >= 1;
}

function rangeBack(position: Position, length: number): Range {
  return { start: { line: position.line, character: position.character - length }, end: position };
}

function frontmatterCompletion(corpus: Corpus, document: ParsedDocument, position: Position, before: string): CompletionList | undefined {
  const type = document.type ? corpus.schema.documentTypes[document.type] : undefined;
  if (!type) return undefined;
  const keyMatch = /^([A-Za-z_][\w-]*)?$/.exec(before);
  if (keyMatch) {
    const typed = keyMatch[1] ?? '';
    const present = new Set(document.frontmatter.status === 'parsed' ? document.frontmatter.entries.map((e) => e.key) : []);
    present.delete(typed);
    const range = rangeBack(position, typed.length);
    const items = knownKeys(type)
      .filter((key) => !present.has(key))
      .map((key): CompletionItem => {
        const required = type.required.includes(key);
        const isList = corpus.schema.listKeys[key] !== undefined;
        return {
          label: key,
          kind: CompletionItemKind.Property,
          detail: required ? `verplicht (${type.label})` : `optioneel (${type.label})`,
          documentation: corpus.schema.keyDescriptions[key] ? { kind: 'markdown', value: escapeMarkdown(corpus.schema.keyDescriptions[key]) } : undefined,
          sortText: `${required ? 0 : 1}${key}`,
          textEdit: { range, newText: isList ? `${key}:\n- ` : `${key}: ` },
          command: isList ? retrigger : undefined,
        };
      });
    return { isIncomplete: false, items };
  }
  const metadata =
    sourceCodeCompletion(corpus, document, position, before) ??
    uitzonderingCompletion(corpus, document, position, before, /^\s*-/.test(before) ? ownerKey(document, position.line) : undefined);
  if (metadata) return metadata;
  const itemMatch = /^\s*-\s+(\S*)$/.exec(before) ?? /^\s*-()$/.exec(before);
  const scalarMatch = /^([\w-]+):\s+(\S*)$/.exec(before);
  const key = itemMatch ? ownerKey(document, position.line) : scalarMatch?.[1];
  const typed = itemMatch ? itemMatch[1] : (scalarMatch?.[2] ?? '');
  if (!key || !knownKeys(type).includes(key) || !corpus.schema.listKeys[key]) return undefined;
  const vocabulary = corpus.schema.listKeys[key].vocabulary;
  const used = new Set(document.lists.get(key) ?? []);
  used.delete(typed);
  const prefix = itemMatch && before.endsWith('-') ? ' ' : '';
  return valueItems(corpus, key, vocabulary, typed, used, rangeBack(position, typed.length), prefix);
}

/** The key a `- item` line belongs to: the nearest line above that starts with `key:`. */
function ownerKey(document: ParsedDocument, line: number): string | undefined {
  for (let current = line - 1; current >= 1; current--) {
    const text = document.text.getText({ start: { line: current, character: 0 }, end: { line: current + 1, character: 0 } });
    const match = /^([^\s#-][^:]*):/.exec(text);
    if (match) return match[1].trim();
    if (!/^\s*(-|#|$)/.test(text)) return undefined;
  }
  return undefined;
}

function valueItems(corpus: Corpus, key: string, vocabulary: Vocabulary, typed: string, used: Set<string>, range: Range, prefix = ''): CompletionList {
  if (vocabulary.kind === 'documents') return slugItems(corpus, vocabulary.documentType, typed, used, range, prefix);
  const items = allowedValues(corpus, vocabulary, key)
    .filter((value) => !used.has(value))
    .map((value): CompletionItem => {
      const page = vocabulary.kind === 'taxonomy' ? corpus.bySlug(vocabulary.taxonomy, value) : undefined;
      const summary = page && (scalarOf(page, 'summary') ?? scalarOf(page, 'toelichting'));
      return {
        label: value,
        kind: CompletionItemKind.EnumMember,
        detail: page?.title,
        documentation: summary ? { kind: 'markdown', value: escapeMarkdown(summary) } : undefined,
        textEdit: { range, newText: prefix + value },
      };
    });
  return { isIncomplete: false, items };
}

/** The start of a slug or id, e.g. `aia-0`, `aia-08-tr`, `2-owp-3`. */
const idLike = /^(\d+-)?[a-z]+-\d[a-z0-9-]*$/;

/** Lower-cased slug, id and title of a document, made once: completion filters thousands of them per keystroke. */
const searchTexts = new WeakMap<ParsedDocument, string>();

function searchText(document: ParsedDocument): string {
  let text = searchTexts.get(document);
  if (text === undefined) searchTexts.set(document, (text = `${document.slug}\n${document.id ?? ''}\n${document.title ?? ''}`.toLowerCase()));
  return text;
}

/** Slugs of a document type matching what was typed in their slug, id or title words. */
function slugItems(corpus: Corpus, type: string, typed: string, used: Set<string>, range: Range, prefix: string): CompletionList {
  const needle = typed.toLowerCase();
  const kept: ParsedDocument[] = [];
  let more = false;
  const keep = (document: ParsedDocument) => {
    if (kept.length === maxSlugItems) more = true;
    else kept.push(document);
    return more;
  };
  if (idLike.test(needle)) {
    // The start of a slug or id (`aia-0`, `owp-3`): looked up in the sorted slug index, not scanned.
    for (const slug of corpus.slugIndex(type).startingWith(needle)) {
      const document = corpus.bySlug(type, slug);
      if (document && !used.has(slug) && keep(document)) break;
    }
  } else {
    // Words of a title: every document is looked at, in the order the (sorted) disk walk found them,
    // until enough are found; the editor orders what it shows.
    for (const document of corpus.documentsOf(type)) {
      if (used.has(document.slug) || (needle !== '' && !searchText(document).includes(needle))) continue;
      if (keep(document)) break;
    }
  }
  kept.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const items = kept.map((document): CompletionItem => {
    const toelichting = scalarOf(document, 'toelichting');
    return {
      label: document.slug,
      kind: CompletionItemKind.Reference,
      detail: document.title,
      documentation: toelichting ? { kind: 'markdown', value: escapeMarkdown(toelichting) } : undefined,
      // Filtered here already: the typed text leads the filter text so the editor keeps the item.
      filterText: `${typed} ${document.slug}`,
      textEdit: { range, newText: prefix + document.slug },
    };
  });
  return { isIncomplete: more || needle !== '', items };
}

function directiveCompletion(corpus: Corpus, position: Position, before: string): CompletionList | undefined {
  const open = before.lastIndexOf('<!--');
  if (open === -1 || before.indexOf('-->', open) !== -1) return undefined;
  const inside = before.slice(open + 4);
  const nameMatch = /^\s*([\w-]*)$/.exec(inside);
  if (nameMatch) {
    const range = rangeBack(position, nameMatch[1].length);
    const items = Object.entries(corpus.schema.directives).map(([name, definition]): CompletionItem => ({
      label: name,
      kind: CompletionItemKind.Keyword,
      detail: 'directive',
      documentation: { kind: 'markdown', value: escapeMarkdown(definition.description) },
      textEdit: { range, newText: inside.startsWith(' ') ? name : ` ${name}` },
    }));
    return { isIncomplete: false, items };
  }
  const argumentMatch = /^\s*(\S+)((?:\s+\S+)*)\s+(\S*)$/.exec(inside);
  if (!argumentMatch) return undefined;
  const definition = entryOf(corpus.schema.directives, argumentMatch[1]);
  if (!definition?.lists) return undefined;
  const typed = argumentMatch[3];
  const earlier = argumentMatch[2].trim().split(/\s+/).filter(Boolean);
  const slash = typed.indexOf('/');
  if (slash > 0) {
    const key = typed.slice(0, slash);
    const listKey = entryOf(corpus.schema.listKeys, key);
    if (!listKey) return undefined;
    const value = typed.slice(slash + 1);
    return valueItems(corpus, key, listKey.vocabulary, value, new Set(), rangeBack(position, value.length));
  }
  const listed = corpus.schema.documentTypes[definition.lists];
  const range = rangeBack(position, typed.length);
  const filterKeys = earlier.length === 0 ? knownKeys(listed).filter((key) => corpus.schema.listKeys[key]) : [];
  const items: CompletionItem[] = filterKeys.map((key) => ({
    label: `${key}/`,
    kind: CompletionItemKind.Field,
    detail: `filter op ${key}`,
    textEdit: { range, newText: `${key}/` },
    command: retrigger,
  }));
  for (const option of definition.options ?? []) {
    for (const mode of ['no', 'add']) {
      const label = `${mode}-${option}`;
      if (earlier.includes(label)) continue;
      items.push({ label, kind: CompletionItemKind.Constant, detail: `${mode === 'no' ? 'verberg' : 'toon'} ${option}`, textEdit: { range, newText: label } });
    }
  }
  return { isIncomplete: false, items };
}
