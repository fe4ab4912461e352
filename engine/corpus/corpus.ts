import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SlugIndex } from '../text/suggest';
import { folderOfPath } from '../text/urls';
import type { ParsedDocument } from '../parsing/parseDocument';
import type { CorpusSchema } from '../schema/schema';
import { LinkGraph } from './linkGraph';
import { candidatePaths, isMarkdownPath, type LinkTarget } from './linkTargets';
import { PathIndex } from './pathIndex';
import { defaultSiteConfig, type CorpusResources, type SiteConfig } from './resources';

const join = (...parts: string[]) => parts.join('\u0000');

/**
 * The parsed documents of one corpus root and the indexes the rules and language features query:
 * slugs per type and taxonomy, ids, list values, slug references and directive filters. Kept up to
 * date document by document, so an edit costs the size of the document, not of the corpus.
 */
export class Corpus {
  private readonly documents = new Map<string, ParsedDocument>();
  private readonly slugs = new Map<string, Map<string, ParsedDocument>>();
  private readonly slugIndexes = new Map<string, SlugIndex>();
  private readonly ids = new PathIndex();
  /**
   * Document type → list key → value → documents whose list `key` contains `value`. Nested rather
   * than keyed by the three joined: a joined key is a new string to hash for every list item read.
   */
  private readonly values = new Map<string, Map<string, PathIndex>>();
  /** (cited type, slug) → documents citing it. */
  private readonly citations = new PathIndex();
  /** (listed type, key, value) → documents with a directive filtering on it. */
  private readonly filters = new PathIndex();
  /** Documents with a slug-citing directive or list, and documents using a taxonomy key, by value. */
  private readonly taxonomyUses = new PathIndex();
  /** The same documents by document type or taxonomy alone (for the messages of their unknown values, which suggest and list its slugs). */
  private readonly vocabularyUses = new PathIndex();
  /**
   * Whether the four indexes above (from citations to vocabulary uses: who depends on what) are kept.
   * The rules never ask them; they are made when a server first works out which documents an edit
   * touches, or a rename which it must edit, so that a one-off check never makes them.
   */
  private reverseIndexed = false;

  /** Body links: where they lead and who links where; and the files under `docs/` that are not pages. */
  private readonly links = new LinkGraph();
  private corpusResources: CorpusResources = {};

  /** The corpus files beside its pages that rules need; set by the loader. */
  get resources(): CorpusResources {
    return this.corpusResources;
  }

  set resources(resources: CorpusResources) {
    this.corpusResources = resources;
    if (resources.site !== this.links.siteConfig) this.links.setSite(resources.site ?? defaultSiteConfig, this.documents.values());
  }

  /** How the site serves pages (`mkdocs.yml`, or MkDocs's defaults). */
  get site(): SiteConfig {
    return this.links.siteConfig;
  }

  constructor(readonly schema: CorpusSchema) {}

  get size(): number {
    return this.documents.size;
  }

  all(): IterableIterator<ParsedDocument> {
    return this.documents.values();
  }

  get(path: string): ParsedDocument | undefined {
    return this.documents.get(path);
  }

  /** The text of a page, or of a resource file that fixes edit (the glossary). */
  textOf(path: string): TextDocument | undefined {
    return this.documents.get(path)?.text ?? (this.resources.glossary?.path === path ? this.resources.glossary.text : undefined);
  }

  /** Adds or replaces a document; returns the paths of the other documents whose findings may have changed. */
  set(document: ParsedDocument): Set<string> {
    const previous = this.documents.get(document.path);
    this.add(document);
    return this.dependents(previous, document);
  }

  /** Adds or replaces a document without working out its dependents: for loading, before anything was checked. */
  add(document: ParsedDocument): void {
    const previous = this.documents.get(document.path);
    if (previous) this.unindex(previous, document);
    this.documents.set(document.path, document);
    this.index(document);
  }

  /** Makes the indexes that `set`, `delete` and renames ask (see `reverseIndexed`) now rather than at their first call. */
  prepareForEdits(): void {
    this.indexReverse();
    this.links.prepareForEdits();
  }

  /** Removes a document; returns the paths of the documents whose findings may have changed. */
  delete(path: string): Set<string> {
    const previous = this.documents.get(path);
    if (!previous) return new Set();
    this.unindex(previous);
    this.documents.delete(path);
    return this.dependents(previous, undefined);
  }

  /** The document of `type` (or taxonomy page of `type`) with that slug. */
  bySlug(type: string, slug: string): ParsedDocument | undefined {
    return this.slugs.get(type)?.get(slug);
  }

  /** The slugs of a document type, indexed for suggestions; made when first asked for after the slugs changed. */
  slugIndex(type: string): SlugIndex {
    let index = this.slugIndexes.get(type);
    if (!index) this.slugIndexes.set(type, (index = new SlugIndex([...(this.slugs.get(type)?.keys() ?? [])])));
    return index;
  }

  /** The documents of a document type or the pages of a taxonomy, without copying them. */
  documentsOf(type: string): IterableIterator<ParsedDocument> {
    return (this.slugs.get(type) ?? new Map<string, ParsedDocument>()).values();
  }

  /** The slugs of a document type or a taxonomy. */
  slugsOf(type: string): ParsedDocument[] {
    return [...(this.slugs.get(type)?.values() ?? [])];
  }

  withId(id: string): ParsedDocument[] {
    return this.resolve(this.ids.get(id));
  }

  /** Documents of `type` whose list `key` contains `value`: what `list_* key/value` renders. */
  matching(type: string, key: string, value: string): ParsedDocument[] {
    return this.resolve(this.valuesOf(type, key)?.get(value) ?? new Set());
  }

  /** How many documents `list_* key/value` renders, without listing them. */
  countMatching(type: string, key: string, value: string): number {
    return this.valuesOf(type, key)?.get(value).size ?? 0;
  }

  private valuesOf(type: string, key: string): PathIndex | undefined {
    return this.values.get(type)?.get(key);
  }

  private valuesMade(type: string, key: string): PathIndex {
    let byKey = this.values.get(type);
    if (!byKey) this.values.set(type, (byKey = new Map()));
    let index = byKey.get(key);
    if (!index) byKey.set(key, (index = new PathIndex()));
    return index;
  }

  /** Documents citing the slug of a document of `type`. */
  citing(type: string, slug: string): ParsedDocument[] {
    this.indexReverse();
    return this.resolve(this.citations.get(join(type, slug)));
  }

  /** Documents with a taxonomy value in a list or a directive filter (what renaming the taxonomy page touches). */
  usingTaxonomyValue(taxonomy: string, value: string): ParsedDocument[] {
    this.indexReverse();
    return this.resolve(this.taxonomyUses.get(join(taxonomy, value)));
  }

  /** Distinct values used under a list key, with their counts (for open vocabularies such as `categorie`). */
  valuesUsed(key: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const document of this.documents.values()) {
      for (const value of document.lists.get(key) ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  }

  /** Where the links of a page lead, in the order of `document.body.links`. */
  linkTargets(document: ParsedDocument): readonly LinkTarget[] {
    return this.links.targetsOf(document);
  }

  /** Pages with a body link that may lead to `path` (a page or another file). */
  linking(path: string): ParsedDocument[] {
    return this.resolve(this.links.linking(path));
  }

  /** Whether `path` is a page of the corpus or another file under `docs/`. */
  hasFile(path: string): boolean {
    return this.documents.has(path) || this.links.hasFile(path);
  }

  /** The files under `docs/` that are not pages (images, PDFs, pages that could not be read). */
  otherFiles(): IterableIterator<string> {
    return this.links.allFiles();
  }

  /** Pages and other files whose file name is `name`, ignoring case. */
  filesNamed(name: string): string[] {
    return [...this.links.named(name)];
  }

  /** A file under `docs/` that is not a page appeared; returns the pages whose findings may change. */
  addFile(path: string): Set<string> {
    this.listFile(path);
    return this.fileDependents(path);
  }

  /** Adds a file under `docs/` that is not a page without working out its dependents: for loading. */
  listFile(path: string): void {
    this.links.addFile(path);
  }

  /** A file under `docs/` that is not a page went, or a folder with such files; returns the pages whose findings may change. */
  deleteFile(path: string): Set<string> {
    const result = new Set<string>();
    const gone = this.links.hasFile(path) ? [path] : [...this.links.allFiles()].filter((file) => file.startsWith(`${path}/`));
    for (const file of gone) {
      this.links.deleteFile(file);
      for (const dependent of this.fileDependents(file)) result.add(dependent);
    }
    return result;
  }

  private fileDependents(path: string): Set<string> {
    const result = this.links.linkingName(path);
    for (const linker of this.links.linking(path)) result.add(linker);
    if (isMarkdownPath(path)) {
      const folder = folderOfPath(path);
      for (const linker of this.links.linkingFolder(path)) if (this.hasMissingPageIn(linker, folder)) result.add(linker);
    }
    return result;
  }

  /** Whether a page links to a `.md` path in `folder` that is missing (its message suggests the pages of that folder). */
  private hasMissingPageIn(path: string, folder: string): boolean {
    const document = this.documents.get(path);
    if (!document) return false;
    return this.links.targetsOf(document).some((target) => {
      const first = candidatePaths(target)[0];
      if (first === undefined || !isMarkdownPath(first) || folderOfPath(first) !== folder) return false;
      return target.file ? !this.hasFile(target.file) : !target.urls?.some((candidate) => this.hasFile(candidate));
    });
  }

  private resolve(paths: ReadonlySet<string>): ParsedDocument[] {
    return [...paths].flatMap((path) => this.documents.get(path) ?? []);
  }

  private kindOf(document: ParsedDocument): string | undefined {
    return document.type ?? document.taxonomy;
  }

  private index(document: ParsedDocument): void {
    const kind = this.kindOf(document);
    if (kind) {
      let bySlug = this.slugs.get(kind);
      if (!bySlug) this.slugs.set(kind, (bySlug = new Map()));
      if (!bySlug.has(document.slug)) this.slugIndexes.delete(kind);
      bySlug.set(document.slug, document);
    }
    this.forEachLookupKey(document, (index, key) => index.add(key, document.path));
    if (this.reverseIndexed) this.forEachReverseKey(document, (index, key) => index.add(key, document.path));
    this.links.addDocument(document);
  }

  /** Takes a document out of the indexes; its slug stays listed when `replacement` has the same kind and slug. */
  private unindex(document: ParsedDocument, replacement?: ParsedDocument): void {
    const kind = this.kindOf(document);
    const keepsSlug = replacement !== undefined && this.kindOf(replacement) === kind && replacement.slug === document.slug;
    if (kind && !keepsSlug && this.slugs.get(kind)?.get(document.slug) === document) {
      this.slugs.get(kind)?.delete(document.slug);
      this.slugIndexes.delete(kind);
    }
    this.forEachLookupKey(document, (index, key) => index.delete(key, document.path));
    if (this.reverseIndexed) this.forEachReverseKey(document, (index, key) => index.delete(key, document.path));
    this.links.removeDocument(document);
  }

  private indexReverse(): void {
    if (this.reverseIndexed) return;
    this.reverseIndexed = true;
    for (const document of this.documents.values()) this.forEachReverseKey(document, (index, key) => index.add(key, document.path));
  }

  /** The keys of the indexes the rules ask: ids and list values. */
  private forEachLookupKey(document: ParsedDocument, visit: (index: PathIndex, key: string) => void): void {
    if (document.id) visit(this.ids, document.id);
    if (!document.type) return;
    for (const [key, values] of document.lists) {
      const index = this.valuesMade(document.type, key);
      for (const value of values) visit(index, value);
    }
  }

  /** The keys of the reverse indexes (see `reverseIndexed`). */
  private forEachReverseKey(document: ParsedDocument, visit: (index: PathIndex, key: string) => void): void {
    for (const [key, values] of document.lists) {
      const vocabulary = this.schema.listKeys[key]?.vocabulary;
      if (vocabulary?.kind !== 'taxonomy') continue;
      for (const value of values) {
        visit(this.taxonomyUses, join(vocabulary.taxonomy, value));
        visit(this.vocabularyUses, vocabulary.taxonomy);
      }
    }
    for (const reference of document.references) {
      visit(this.citations, join(reference.type, reference.slug));
      visit(this.vocabularyUses, reference.type);
    }
    for (const filter of document.filters) {
      visit(this.filters, join(filter.listedType, filter.key, filter.value));
      const vocabulary = this.schema.listKeys[filter.key]?.vocabulary;
      if (vocabulary?.kind === 'taxonomy') {
        visit(this.taxonomyUses, join(vocabulary.taxonomy, filter.value));
        visit(this.vocabularyUses, vocabulary.taxonomy);
      }
    }
  }

  /**
   * Which other documents' findings can change when `before` becomes `after`: those that cite its slug
   * or use its taxonomy value (when it appears or goes; and those with an unknown value of its type or
   * taxonomy, whose messages suggest and list the slugs), share its old or new id (AK031), or have a
   * directive filter on a list value it gained or lost (AK055); link to its path (when it appears or
   * goes, or its anchors change) or to a path of its name (whose fixes may now point at it).
   */
  private dependents(before: ParsedDocument | undefined, after: ParsedDocument | undefined): Set<string> {
    this.indexReverse();
    const result = new Set<string>();
    const add = (paths: ReadonlySet<string>) => paths.forEach((path) => result.add(path));
    const kind = (before && this.kindOf(before)) ?? (after && this.kindOf(after));
    const slug = before?.slug ?? after?.slug;
    if (kind && slug && (!before || !after || this.kindOf(before) !== this.kindOf(after))) {
      add(this.citations.get(join(kind, slug)));
      add(this.taxonomyUses.get(join(kind, slug)));
      for (const path of this.vocabularyUses.get(kind)) if (this.hasUnknownUse(path, kind)) result.add(path);
    }
    if (before?.id !== after?.id) {
      if (before?.id) add(this.ids.get(before.id));
      if (after?.id) add(this.ids.get(after.id));
    }
    const type = after?.type ?? before?.type;
    if (type) {
      for (const key of symmetricDifference(listPairs(before), listPairs(after))) add(this.filters.get(join(type, key)));
    }
    const page = after ?? before;
    if (page && (!before || !after)) add(this.fileDependents(page.path));
    else if (before && after && !sameSet(before.body.ids, after.body.ids)) add(this.links.linking(after.path));
    if (after) result.delete(after.path);
    else if (before) result.delete(before.path);
    return result;
  }

  /** Whether a document names a slug of a document type or taxonomy that does not exist (in a list, a reference or a filter). */
  private hasUnknownUse(path: string, kind: string): boolean {
    const document = this.documents.get(path);
    if (!document) return false;
    const unknown = (slug: string) => this.bySlug(kind, slug) === undefined;
    const isKind = (key: string) => {
      const vocabulary = this.schema.listKeys[key]?.vocabulary;
      return vocabulary?.kind === 'taxonomy' && vocabulary.taxonomy === kind;
    };
    return (
      document.references.some((reference) => reference.type === kind && unknown(reference.slug)) ||
      [...document.lists].some(([key, values]) => isKind(key) && values.some(unknown)) ||
      document.filters.some((filter) => isKind(filter.key) && unknown(filter.value))
    );
  }
}

function listPairs(document: ParsedDocument | undefined): Set<string> {
  const pairs = new Set<string>();
  for (const [key, values] of document?.lists ?? []) for (const value of values) pairs.add(join(key, value));
  return pairs;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

function symmetricDifference(a: Set<string>, b: Set<string>): string[] {
  return [...[...a].filter((x) => !b.has(x)), ...[...b].filter((x) => !a.has(x))];
}
