// What the site's MkDocs hooks put in place of a directive, read from the corpus index: the rows and
// columns of a `list_*` table, the pages of a `list_*_on_*_page` table, the labels of `tags` and
// `tags-ai-act`. The rules, the hover and the Markdown preview read directives this one way. The
// texts and links of labels follow the site's hooks (src/overrides/hooks/tags.py and lists.py).
import type { Directive } from '../parsing/directives';
import type { FrontmatterEntry } from '../parsing/frontmatter';
import type { GlossaryTerm } from '../parsing/glossary';
import { stringItems, validEntries, type ParsedDocument } from '../parsing/parseDocument';
import { entryOf, type CorpusSchema, type DirectiveColumn, type DirectiveSchema } from '../schema/schema';
import { folderOfPath, relativePathFrom } from '../text/urls';
import type { Corpus } from './corpus';

export interface SiteLabel {
  /** The key the value belongs to (`levenscyclus`, `risicogroep`; `id` for the page's id). */
  key: string;
  value: string;
  /** The text the site shows. */
  text: string;
  /** Where the site links it: a corpus path, with an optional `#fragment`. */
  target?: string;
}

export type SiteCell =
  | { shows: 'title'; text: string; target: string }
  /** `abbreviation`: the code is shown, with this definition as its tooltip. */
  | { shows: 'law'; text: string; abbreviation?: string }
  | { shows: 'labels'; labels: SiteLabel[] };

export interface SiteRow {
  cells: SiteCell[];
}

export interface OwnRow {
  slug: string;
  /** Absent when no document of the listed type has the slug: the site shows the slug alone. */
  document?: { target: string; id: string; title: string };
}

/** A directive as the site renders it; `problem` says, in Dutch, where the page will not show what the author meant. */
export type SiteDirectiveView =
  | { kind: 'table'; listedType: string; headers: string[]; search: boolean; rows: SiteRow[]; problem?: string }
  | { kind: 'ownTable'; listedType: string; headers: string[]; rows: OwnRow[]; emptyText?: string }
  | { kind: 'labels'; labels: SiteLabel[]; intro?: 'ai-act' | 'other-law' }
  | { kind: 'nothing'; problem: string };

/** The site's order of files in a folder: by name, code point by code point (MkDocs sorts with Python). */
function siteOrder(a: ParsedDocument, b: ParsedDocument): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The filter of a `list_*` directive: its first argument when that is `key/value`. */
function directiveFilter(directive: Directive): { key: string; value: string } | undefined {
  const first = directive.args[0]?.text;
  const slash = first?.indexOf('/') ?? -1;
  return first && slash > 0 ? { key: first.slice(0, slash), value: first.slice(slash + 1) } : undefined;
}

/** The documents a `list_*` directive lists, in the site's order; undefined for another directive. */
export function listedDocuments(corpus: Corpus, directive: Directive): ParsedDocument[] | undefined {
  const listedType = entryOf(corpus.schema.directives, directive.name)?.lists;
  if (!listedType) return undefined;
  const filter = directiveFilter(directive);
  const documents = filter ? corpus.matching(listedType, filter.key, filter.value) : [...corpus.documentsOf(listedType)];
  return documents.sort(siteOrder);
}

/** What the site shows in place of `directive` on `document`. */
export function siteDirectiveView(
  corpus: Corpus,
  document: ParsedDocument,
  directive: Directive,
  glossary: readonly GlossaryTerm[] = corpus.resources.glossary?.terms ?? [],
): SiteDirectiveView {
  const { schema } = corpus;
  const definition = entryOf(schema.directives, directive.name);
  if (!definition) return { kind: 'nothing', problem: `Onbekende directive \`${directive.name}\`: de site toont hier niets.` };
  if (definition.allowedOn && !(document.type && definition.allowedOn.includes(document.type))) {
    const labels = definition.allowedOn.map((type) => schema.documentTypes[type]?.label ?? type);
    return { kind: 'nothing', problem: `\`${directive.name}\` werkt alleen op de pagina van een ${labels.join(' of ')}; hier toont de site iets anders.` };
  }
  if (definition.lists) return tableView(corpus, directive, definition, glossary);
  if (definition.ownList) return ownTableView(corpus, document, definition);
  if (definition.labels) return labelsView(corpus, document, directive, definition.labels);
  return { kind: 'nothing', problem: `\`${directive.name}\` heeft geen weergave in het schema.` };
}

function tableView(corpus: Corpus, directive: Directive, definition: DirectiveSchema, glossary: readonly GlossaryTerm[]): SiteDirectiveView {
  const { schema } = corpus;
  const listedType = definition.lists!;
  const label = schema.documentTypes[listedType]?.label ?? listedType;
  // `no-X` hides, `add-X` shows, in the order written; every argument counts, the filter too.
  const shown = new Map<string, boolean>([['search', true], ...(definition.columns ?? []).map((column) => [column.name, true] as [string, boolean])]);
  for (const { text } of directive.args) {
    const option = /^(no|add)-(.+)$/.exec(text);
    if (option && shown.has(option[2])) shown.set(option[2], option[1] === 'add');
  }
  const columns = (definition.columns ?? []).filter((column) => shown.get(column.name));
  const rows = listedDocuments(corpus, directive)!.map((document) => ({ cells: columns.map((column) => cellOf(corpus, document, column, glossary)) }));
  const filter = directiveFilter(directive);
  let problem: string | undefined;
  if (rows.length === 0 && filter) {
    const vocabulary = entryOf(schema.listKeys, filter.key)?.vocabulary;
    const known = schema.documentTypes[listedType] && [...schema.documentTypes[listedType].required, ...schema.documentTypes[listedType].optional].includes(filter.key);
    if (!vocabulary || !known) problem = `\`${filter.key}\` is geen lijstsleutel van een ${label}: de tabel blijft leeg.`;
    else if (vocabulary.kind === 'documents' && !corpus.bySlug(vocabulary.documentType, filter.value)) {
      problem = `Er is geen ${schema.documentTypes[vocabulary.documentType]?.label ?? vocabulary.documentType} \`${filter.value}\`: de tabel blijft leeg.`;
    } else problem = `Geen enkele ${label} past bij \`${filter.key}/${filter.value}\`: de tabel blijft leeg.`;
  } else if (rows.length === 0) problem = `Er is geen enkele ${label}: de tabel blijft leeg.`;
  return { kind: 'table', listedType, headers: columns.map((column) => column.header), search: shown.get('search') === true, rows, problem };
}

function cellOf(corpus: Corpus, document: ParsedDocument, column: DirectiveColumn, glossary: readonly GlossaryTerm[]): SiteCell {
  if (column.shows === 'title') return { shows: 'title', text: titleOf(document), target: document.path };
  if (column.shows === 'law') return lawCell(corpus.schema, document, column, glossary);
  // Table labels show the value as written and link to its taxonomy page.
  const taxonomy = taxonomyOf(corpus.schema, column.key ?? '');
  const labels = metaValues(document, column.key ?? '').map((value) => ({ key: column.key!, value, text: value, target: taxonomy && corpus.bySlug(taxonomy, value)?.path }));
  return { shows: 'labels', labels };
}

/** The law of a vereiste: the code its id starts with, named by the glossary (`aia` → the definition of `AIA`). */
function lawCell(schema: CorpusSchema, document: ParsedDocument, column: DirectiveColumn, glossary: readonly GlossaryTerm[]): SiteCell {
  const prefix = (document.type && schema.documentTypes[document.type]?.idPrefix) ?? '';
  const code = rawId(document).slice(prefix.length).split('-')[0].toUpperCase();
  let definition: string | undefined;
  // Later definitions win, and the site drops a definition's trailing periods.
  for (const entry of glossary) if (entry.term.toUpperCase() === code) definition = entry.definition.replace(/\.+$/, '');
  if (definition === undefined) return { shows: 'law', text: code };
  return column.abbreviated?.includes(code) ? { shows: 'law', text: code, abbreviation: definition } : { shows: 'law', text: definition };
}

function ownTableView(corpus: Corpus, document: ParsedDocument, definition: DirectiveSchema): SiteDirectiveView {
  const { schema } = corpus;
  const vocabulary = schema.listKeys[definition.ownList!].vocabulary;
  const listedType = vocabulary.kind === 'documents' ? vocabulary.documentType : definition.ownList!;
  const prefix = schema.documentTypes[listedType]?.idPrefix ?? '';
  const rows = metaValues(document, definition.ownList!).map((slug): OwnRow => {
    const listed = corpus.bySlug(listedType, slug);
    return { slug, document: listed && { target: listed.path, id: rawId(listed).slice(prefix.length), title: listed.title ?? slug } };
  });
  const label = schema.documentTypes[listedType]?.label ?? listedType;
  return { kind: 'ownTable', listedType, headers: ['ID', label.charAt(0).toUpperCase() + label.slice(1)], rows, emptyText: rows.length === 0 ? definition.emptyText : undefined };
}

function labelsView(corpus: Corpus, document: ParsedDocument, directive: Directive, spec: NonNullable<DirectiveSchema['labels']>): SiteDirectiveView {
  const { schema } = corpus;
  const labels: SiteLabel[] = [];
  for (const key of spec.keys) {
    const values = key === 'id' ? [rawId(document)].filter(Boolean) : metaValues(document, key);
    for (const value of values) {
      if (spec.skip?.includes(value)) continue;
      const taxonomy = taxonomyOf(schema, key);
      const target = taxonomy ? corpus.bySlug(taxonomy, value)?.path : aiActTarget(corpus, key, value);
      labels.push({ key, value, text: labelText(key, value), target });
    }
  }
  if (!spec.aiAct) return { kind: 'labels', labels };
  // The AI-Act labels: the site explains them above, and a vereiste of another law gets a sentence instead.
  const id = rawId(document);
  if (!id) return { kind: 'nothing', problem: `De pagina heeft geen \`id\`: de sitebouw stopt met een fout op \`${directive.name}\`.` };
  const prefix = (document.type && schema.documentTypes[document.type]?.idPrefix) ?? '';
  return id.startsWith(`${prefix}aia-`) ? { kind: 'labels', labels, intro: 'ai-act' } : { kind: 'labels', labels: [], intro: 'other-law' };
}

/** The text of a label on the site: the id's last six characters, else the value capitalised with dashes as spaces (and AI written so). */
function labelText(key: string, value: string): string {
  if (key === 'id') return value.slice(-6);
  const text = (value.charAt(0).toUpperCase() + value.slice(1).toLowerCase()).replace(/-/g, ' ');
  if (key === 'soort-toepassing') return text.replace(/Ai /g, 'AI-');
  if (key === 'risicogroep') return text.replace(/ai/g, 'AI').replace(/AI /g, 'AI-');
  return text;
}

const aiActPage = 'docs/ai-verordening/ai-verordening-in-het-kort.md';
const riskPage = 'docs/soorten-algoritmes-en-ai/risico-van-ai-systemen.md';

/** Where the site links an AI-Act label: the section that explains it. */
function aiActTarget(corpus: Corpus, key: string, value: string): string | undefined {
  const targets: Record<string, string> = {
    'soort-toepassing': `${aiActPage}#${value === 'ai-systeem' ? 'ai-systeem' : 'ai-model-voor-algemene-doeleinden'}`,
    risicogroep: `${riskPage}#${value === 'geen-hoog-risico-ai-systeem' ? 'hoog-risico-ai-systeem' : value}`,
    'rol-ai-act': `${aiActPage}#${value === 'aanbieder' || value === 'gebruiksverantwoordelijke' ? value : 'andere-rollen'}`,
    transparantieverplichting: `${riskPage}#risico-op-misleiding`,
    systeemrisico: `${aiActPage}#ai-model-voor-algemene-doeleinden`,
  };
  const target = entryOf(targets, key);
  return target && corpus.get(target.slice(0, target.indexOf('#'))) ? target : undefined;
}

/** The values of a frontmatter key as the site reads them: a list's strings, or a string alone; the last occurrence of a repeated key. */
function metaValues(document: ParsedDocument, key: string): string[] {
  const known = document.lists.get(key);
  if (known) return known;
  const entry = lastEntry(document, key);
  return entry ? stringItems(entry.value).map((item) => item.text) : [];
}

function lastEntry(document: ParsedDocument, key: string): FrontmatterEntry | undefined {
  let last: FrontmatterEntry | undefined;
  for (const entry of validEntries(document)) if (entry.key === key) last = entry;
  return last;
}

function rawId(document: ParsedDocument): string {
  return document.writtenId ?? '';
}

function titleOf(document: ParsedDocument): string {
  return document.title ?? document.body.headings.find((heading) => heading.level === 1)?.text ?? document.slug;
}

function taxonomyOf(schema: CorpusSchema, key: string): string | undefined {
  const vocabulary = entryOf(schema.listKeys, key)?.vocabulary;
  return vocabulary?.kind === 'taxonomy' ? vocabulary.taxonomy : undefined;
}

/**
 * The view with every target a link relative to the page at `fromPath`, as the page itself would
 * write it. Tables repeat the same targets (a taxonomy page per label): give the views of one page
 * the same `links` and each target is worked out once.
 */
export function withLinksFrom(view: SiteDirectiveView, fromPath: string, links = new Map<string, string>()): SiteDirectiveView {
  const link = (target: string) => {
    let relative = links.get(target);
    if (relative === undefined) links.set(target, (relative = linkFrom(fromPath, target)));
    return relative;
  };
  const relabel = (labels: SiteLabel[]) => labels.map((label) => (label.target ? { ...label, target: link(label.target) } : label));
  switch (view.kind) {
    case 'table':
      return {
        ...view,
        rows: view.rows.map((row) => ({
          ...row,
          cells: row.cells.map((cell) =>
            cell.shows === 'title' ? { ...cell, target: link(cell.target) } : cell.shows === 'labels' ? { ...cell, labels: relabel(cell.labels) } : cell,
          ),
        })),
      };
    case 'ownTable':
      return { ...view, rows: view.rows.map((row) => (row.document ? { ...row, document: { ...row.document, target: link(row.document.target) } } : row)) };
    case 'labels':
      return { ...view, labels: relabel(view.labels) };
    default:
      return view;
  }
}

/** A corpus path as a link from the page at `fromPath` (its `#fragment` kept). */
function linkFrom(fromPath: string, target: string): string {
  const hash = target.indexOf('#');
  const path = hash === -1 ? target : target.slice(0, hash);
  return relativePathFrom(folderOfPath(fromPath), path) + (hash === -1 ? '' : target.slice(hash));
}
