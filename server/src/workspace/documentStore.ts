// What the server keeps of the documents of a corpus root that are not open in the editor: the
// facts the corpus index, the rules of other documents and the features' lists need (slug, id,
// title, list values, citations, directive filters, anchors, a toelichting), and which text was
// parsed (the file's size, time and length) -- not the text, nor its parse. When a rule or a
// feature needs more of such a document (its frontmatter, body, directives or text), the file is
// read again, checked to be the text that was parsed, and parsed again; the last few parses are
// kept. A file that changed meanwhile is reported stale, to be indexed again.
//
// This needs a file system that reads synchronously (Node's): the engine's rules and the features
// read a document's parts synchronously. Where reads are asynchronous only (the browser worker,
// which reads through the editor), documents are kept whole, texts included.
import {
  detached,
  entriesOf,
  FileChangedError,
  parseDocument,
  readMarkdownTextSync,
  stampOf,
  StringPool,
  type BodyLines,
  type CorpusSchema,
  type Directive,
  type DirectiveFilter,
  type FileSystem,
  type Finding,
  type Frontmatter,
  type PageBody,
  type ParsedDocument,
  type SlugReference,
} from '../../../engine';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** A document's file no longer holds the text its stored facts came from (changed or gone): it must be read and indexed again. */
export class StaleDocumentError extends FileChangedError {
  constructor(readonly path: string) {
    super(`${path} changed on disk since it was indexed`);
  }
}

/** How many parses stay after indexing (the least recently used go first): enough for a request or a rule that looks at a few other documents. */
const keptParses = 64;

/** Frontmatter scalars that completions and hovers show of other documents (`scalarOf`), kept so that a completion list reads no file. */
export const keptScalars = ['toelichting', 'summary'] as const;

/** One copy of each value (list values, slugs, anchors recur across a corpus), detached; one copy of each list and set of values. */
class ValuePool extends StringPool {
  private readonly lists = new Map<string, string[]>();
  private readonly sets = new Map<string, Set<string>>();
  /** A list of values shared by every document with the same list (`levenscyclus: [ontwerp]`); nothing changes such a list. */
  list(values: readonly string[]): string[] {
    if (values.length === 0) return noValues;
    const key = values.join('\u0000');
    let kept = this.lists.get(key);
    if (kept === undefined) this.lists.set(this.get(key), (kept = values.map((value) => this.get(value))));
    return kept;
  }
  /** A set of values shared by every document with the same values (the anchors of pages made from one template); nothing changes such a set. */
  set(values: ReadonlySet<string>): Set<string> {
    const key = [...values].sort().join('\u0000');
    let kept = this.sets.get(key);
    if (kept === undefined) this.sets.set(this.get(key), (kept = new Set([...values].map((value) => this.get(value)))));
    return kept;
  }
}

const noValues: string[] = [];

/**
 * A slug reference as the store keeps it: its place as numbers, its range and offsets made when
 * asked for (a third of the memory of the objects the parser makes).
 */
class StoredReference implements SlugReference {
  readonly in: SlugReference['in'];
  constructor(
    readonly type: string,
    readonly slug: string,
    where: SlugReference['in'],
    private readonly start: number,
    private readonly end: number,
    private readonly startLine: number,
    private readonly startCharacter: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {
    this.in = where;
  }
  get range(): SlugReference['range'] {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }
  get offsets(): [number, number] {
    return [this.start, this.end];
  }
}

/** Detaches the strings of findings kept for a long time (messages and fixes built from a document's text). */
export function detachFindings(findings: Finding[]): Finding[] {
  for (const finding of findings) {
    finding.message = detached(finding.message);
    for (const fix of finding.fixes) {
      fix.title = detached(fix.title);
      for (const edit of fix.edits) edit.newText = detached(edit.newText);
      if (fix.rename) fix.rename = { from: detached(fix.rename.from), to: detached(fix.rename.to) };
    }
  }
  return findings;
}

/** The page body of a stored document: its anchors kept (other documents' links are checked against them), the rest parsed again when asked for. */
class StoredBody implements PageBody {
  constructor(
    private readonly owner: StoredDocument,
    readonly ids: Set<string>,
  ) {}
  get headings(): PageBody['headings'] {
    return this.owner.parsed().body.headings;
  }
  get links(): PageBody['links'] {
    return this.owner.parsed().body.links;
  }
  get containers(): PageBody['containers'] {
    return this.owner.parsed().body.containers;
  }
  get codeLines(): PageBody['codeLines'] {
    return this.owner.parsed().body.codeLines;
  }
  get htmlLines(): PageBody['htmlLines'] {
    return this.owner.parsed().body.htmlLines;
  }
}

/** A document not open in the editor, as the store keeps it: its facts, and its text and parse on demand. */
export class StoredDocument implements ParsedDocument {
  readonly path: string;
  readonly slug: string;
  readonly type?: string;
  readonly taxonomy?: string;
  readonly bodyStart: number;
  readonly bodyLine: number;
  readonly id?: string;
  readonly writtenId?: string;
  readonly title?: string;
  readonly lists: Map<string, string[]>;
  readonly references: SlugReference[];
  readonly filters: DirectiveFilter[];
  readonly body: PageBody;
  /** Size and time of the file when it was parsed. */
  readonly stamp: string;
  /** Its whole parse while the store keeps it (see `DocumentStore.parsedOf`). */
  kept?: ParsedDocument;
  /** The values of `keptScalars` the document has, in that order (undefined where it has none). */
  private readonly scalars: (string | undefined)[] | undefined;

  constructor(
    readonly store: DocumentStore,
    document: ParsedDocument,
    /** Size and time of the file, and the length of the text, when it was parsed. */
    stamp: string,
    readonly length: number,
    pool: ValuePool,
  ) {
    this.stamp = detached(stamp);
    this.path = pool.get(document.path);
    this.slug = pool.get(document.slug);
    this.type = document.type;
    this.taxonomy = document.taxonomy;
    this.bodyStart = document.bodyStart;
    this.bodyLine = document.bodyLine;
    this.id = document.id === undefined ? undefined : pool.get(document.id);
    this.writtenId = document.writtenId === undefined ? undefined : document.writtenId === document.id ? this.id : pool.get(document.writtenId);
    this.title = document.title === undefined ? undefined : detached(document.title);
    this.lists = new Map([...document.lists].map(([key, values]) => [pool.get(key), pool.list(values)]));
    this.references = document.references.map(({ type, slug, in: where, offsets, range }) => {
      return new StoredReference(pool.get(type), pool.get(slug), where, offsets[0], offsets[1], range.start.line, range.start.character, range.end.line, range.end.character);
    });
    this.filters = document.filters.map((filter) => ({ listedType: pool.get(filter.listedType), key: pool.get(filter.key), value: pool.get(filter.value) }));
    this.body = new StoredBody(this, pool.set(document.body.ids));
    const scalars = keptScalars.map((key) => {
      const value = lastScalar(document, key);
      return value === undefined ? undefined : detached(value);
    });
    if (scalars.some((value) => value !== undefined)) this.scalars = scalars;
  }

  /** The whole parse of the document: kept, or the file read and parsed again. Throws StaleDocumentError when the file changed. */
  parsed(): ParsedDocument {
    return this.store.parsedOf(this);
  }

  /** A frontmatter scalar of `keptScalars`, without reading the file. */
  scalar(key: (typeof keptScalars)[number]): string | undefined {
    return this.scalars?.[keptScalars.indexOf(key)];
  }

  get text(): TextDocument {
    return this.parsed().text;
  }
  get frontmatter(): Frontmatter {
    return this.parsed().frontmatter;
  }
  get directives(): Directive[] {
    return this.parsed().directives;
  }
  get bodyLines(): BodyLines {
    return this.parsed().bodyLines;
  }
}

/** The last string scalar of a top-level frontmatter key (as `scalarOf` reads it). */
function lastScalar(document: ParsedDocument, key: string): string | undefined {
  const entry = [...entriesOf(document)].reverse().find((e) => e.key === key);
  return entry?.value.kind === 'scalar' && typeof entry.value.value === 'string' ? entry.value.value : undefined;
}

/**
 * The documents of one corpus root that are not open, kept as StoredDocuments (see above), and
 * the parses kept whole for the moment. While the root is indexed, every parse of a small corpus is
 * kept until its documents are checked; a large one is read again to be checked, so that its
 * parses never pile up.
 */
export class DocumentStore {
  /**
   * The documents whose parses are kept (in `StoredDocument.kept`), least recently used first. Not a
   * Map from document to parse: a long-lived Map holding short-lived parses made the collector move
   * them to the old generation (4 times the live data moved there while indexing 10k files).
   */
  private readonly recent: StoredDocument[] = [];
  /** Documents being checked: their parses stay whatever else is read meanwhile. */
  private readonly inUse: StoredDocument[] = [];
  private capacity = keptParses;
  private readonly pool = new ValuePool();
  /** Documents found stale (their file changed since they were read), to read again. */
  readonly stale = new Set<string>();

  constructor(
    private readonly fs: FileSystem,
    private readonly schema: CorpusSchema,
    private readonly uriOf: (path: string) => string,
    /** Told when a document is found stale. */
    private readonly onStale: () => void = () => {},
  ) {}

  /** Whether documents are kept as StoredDocuments here: only where files can be read back synchronously. */
  get storesDocuments(): boolean {
    return this.fs.readFileSync !== undefined && this.fs.statSync !== undefined;
  }

  /**
   * Indexing starts with `files` documents: a corpus up to `wholeUpTo` keeps every parse until it is
   * checked; a larger one keeps none beyond the one in hand, so that each parse is garbage before
   * the collector moves it out of the young generation (a parse kept a little longer outlives it,
   * and the old generation, grown with dead parses, stays that large).
   */
  startIndexing(files: number, wholeUpTo: number): void {
    this.capacity = files <= wholeUpTo ? Math.max(files, keptParses) : 1;
  }

  /** Indexing is done: only the last few parses stay. */
  doneIndexing(): void {
    this.capacity = keptParses;
    this.evict();
  }

  /** What the corpus keeps of a document read from its file (a loader's `keep`). */
  keep(document: ParsedDocument, source: { stamp: string; length: number }): ParsedDocument {
    if (!this.storesDocuments || document.unreadable) return document;
    const stored = new StoredDocument(this, document, source.stamp, source.length, this.pool);
    this.remember(stored, document);
    return stored;
  }

  /** The whole parse of a stored document: kept, or its file read, checked and parsed again. */
  parsedOf(stored: StoredDocument): ParsedDocument {
    const kept = stored.kept;
    if (kept) {
      // Most recently used last; a rule asks for the parts of the document in hand many times in a row.
      if (this.recent[this.recent.length - 1] !== stored) this.remember(stored, kept);
      return kept;
    }
    const read = readMarkdownTextSync(this.fs, stored.path);
    if (read.text === undefined || read.stamp !== stored.stamp || read.text.length !== stored.length) throw this.staleError(stored);
    const document = parseDocument(stored.path, read.text, this.schema, this.uriOf(stored.path));
    this.remember(stored, document);
    return document;
  }

  /**
   * Runs `use` with the document's parse, once read, kept throughout (a rule that reads other
   * documents meanwhile cannot push it out). Only the document is noted, not its parse: a reference
   * from this long-lived store to the parse would make the collector move every parse to the old
   * generation (70 MB more there in the check of 10k files).
   */
  withParsed<T>(document: ParsedDocument, use: () => T): T {
    if (!(document instanceof StoredDocument) || document.store !== this) return use();
    this.inUse.push(document);
    try {
      return use();
    } finally {
      this.inUse.pop();
    }
  }

  /** Throws StaleDocumentError when the file of a stored document is no longer the one indexed (by its size and time). */
  assertCurrent(document: ParsedDocument | undefined): void {
    if (!(document instanceof StoredDocument) || document.store !== this) return;
    let stat;
    try {
      stat = this.fs.statSync!(document.path);
    } catch {
      stat = undefined;
    }
    if (!stat || stampOf(stat) !== document.stamp) throw this.staleError(document);
  }

  /** How many parses are kept whole (for tests). */
  get keptParses(): number {
    return this.recent.length;
  }

  private staleError(stored: StoredDocument): StaleDocumentError {
    this.forget(stored);
    this.stale.add(stored.path);
    this.onStale();
    return new StaleDocumentError(stored.path);
  }

  private remember(stored: StoredDocument, document: ParsedDocument): void {
    const at = this.recent.lastIndexOf(stored);
    if (at !== -1) this.recent.splice(at, 1);
    this.recent.push(stored);
    stored.kept = document;
    this.evict();
  }

  private forget(stored: StoredDocument): void {
    const at = this.recent.lastIndexOf(stored);
    if (at !== -1) this.recent.splice(at, 1);
    stored.kept = undefined;
  }

  private evict(): void {
    for (let index = 0; this.recent.length > this.capacity && index < this.recent.length;) {
      const stored = this.recent[index];
      if (this.inUse.includes(stored)) index++;
      else {
        this.recent.splice(index, 1);
        stored.kept = undefined;
      }
    }
  }
}
