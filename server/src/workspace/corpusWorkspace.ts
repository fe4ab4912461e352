// The corpus roots of an editor workspace, identified by URI: `file:` on the desktop, any scheme
// the editor reads (`vscode-vfs://github/…`, `vscode-remote://…`) in the browser. Nothing here
// imports Node: the host given to the workspace reads the files.
import {
  checkDocument,
  checkResources,
  compareFindings,
  configFileName,
  docsFolder,
  isResourcePath,
  ConfigError,
  Corpus,
  defaultSchema,
  findCorpusRoots,
  loadCorpus,
  loadCorpusConfig,
  parseDocument,
  readDocument,
  resourcePaths,
  type CorpusSchema,
  type FileSystem,
  type Finding,
  type ParsedDocument,
  type RulePart,
  type SeverityOverrides,
  type SeveritySetting,
  type SkippedFile,
} from '../../../engine';
import { detachFindings, DocumentStore, StaleDocumentError } from './documentStore';
import { yieldToEventLoop } from './scheduling';
import { canonicalUri, displayUri, folderUri, joinUri, relativePath } from './uris';

/** The findings of each document, with running totals for the status bar. */
export class FindingTable {
  private readonly byPath = new Map<string, Finding[]>();
  errors = 0;
  warnings = 0;

  get(path: string): Finding[] | undefined {
    return this.byPath.get(path);
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  keys(): IterableIterator<string> {
    return this.byPath.keys();
  }

  set(path: string, findings: Finding[]): void {
    this.count(this.byPath.get(path), -1);
    this.byPath.set(path, detachFindings(findings));
    this.count(findings, 1);
  }

  delete(path: string): boolean {
    this.count(this.byPath.get(path), -1);
    return this.byPath.delete(path);
  }

  private count(findings: Finding[] | undefined, sign: 1 | -1): void {
    for (const finding of findings ?? []) {
      if (finding.severity === 'error') this.errors += sign;
      else if (finding.severity === 'warning') this.warnings += sign;
    }
  }
}

/** One corpus root of the workspace with its index and the findings of its documents. */
export class CorpusRoot {
  corpus: Corpus;
  readonly findings = new FindingTable();
  /** Paths whose text is not valid UTF-8: fixes are never offered for them. */
  readonly lossy = new Set<string>();
  /** The documents not open in the editor, kept without their text where files can be read back. */
  readonly store: DocumentStore;

  /** The root's URI in canonical form (see `canonicalUri`), to compare URIs with. */
  readonly key: string;

  /** @param uri the root folder's URI (for `file:`, spelt as Node's pathToFileURL spells it) */
  constructor(
    readonly uri: string,
    readonly fs: FileSystem,
    readonly schema: CorpusSchema,
    readonly configRules: Record<string, SeveritySetting>,
    /** Told when a document's file is found changed since it was read (see `CorpusWorkspace.takeStale`). */
    onStale?: () => void,
  ) {
    this.corpus = new Corpus(schema);
    this.key = canonicalUri(uri);
    this.store = new DocumentStore(fs, schema, (path) => this.uriOf(path), onStale);
  }

  /** The URI of a corpus path: the root's URI joined with it. */
  uriOf(path: string): string {
    return joinUri(this.uri, path);
  }

  /** The canonical URI of a corpus path, to look up what is kept by URI (open texts, the client's URIs). */
  keyOf(path: string): string {
    return canonicalUri(this.uriOf(path));
  }
}

export interface Located {
  root: CorpusRoot;
  path: string;
}

export interface WorkspaceLog {
  info(message: string): void;
  warn(message: string): void;
}

/** What the workspace needs of its platform (Node, or a browser worker that reads through the editor). */
export interface WorkspaceHost {
  log: WorkspaceLog;
  /** The file system of a folder (a workspace folder or a corpus root) by its URI, rooted there; undefined when the host cannot read that URI. */
  fileSystemFor(folderUri: string): FileSystem | undefined;
  /** How a URI is named in log messages (default: the path of a `file:` URI, else the URI). */
  describe?(uri: string): string;
}

/**
 * Early findings (see `CorpusWorkspace.index`) go out at once for the first page that has some, then
 * together at most this often: each publication costs the editor's window an update of its problem
 * markers (the Problems count, the Explorer's decorations), which competes with reading the corpus.
 */
const earlyFindingsInterval = 250;

/** Yield to the event loop every this many files, so requests are answered while a large corpus indexes. */
const chunkSize = 250;

/**
 * A corpus up to this many files keeps every parse until its documents are checked. A larger one
 * reads each file again to check it, so that its parses never pile up in memory (see documentStore.ts).
 */
const smallCorpus = 3000;

/**
 * The corpus roots found in the workspace folders, kept in step with open editors and file events.
 * It knows nothing of LSP: the server maps its results to messages.
 */
export class CorpusWorkspace {
  roots: CorpusRoot[] = [];
  /** Problems with corpus configuration files found by the last index, for the editor to show. */
  configProblems: string[] = [];
  /** Text of documents open in the editor, by canonical URI; it wins over the disk. */
  private readonly openTexts = new Map<string, string>();
  private settingsRules: Record<string, SeveritySetting> = {};
  /** Told when a document's file is found changed since it was read: `takeStale` then lists what to read again. */
  onStale?: () => void;

  private readonly log: WorkspaceLog;

  constructor(private readonly host: WorkspaceHost) {
    this.log = host.log;
  }

  private describe(uri: string): string {
    return this.host.describe?.(uri) ?? displayUri(uri);
  }

  /** Finds the corpus roots (as URIs): each folder itself, or else its direct subfolders. Folders the host cannot read are left out. */
  async findRoots(folders: string[]): Promise<string[]> {
    const roots = new Map<string, string>();
    for (const folder of folders.map(folderUri)) {
      const fs = this.host.fileSystemFor(folder);
      if (!fs) continue;
      for (const found of await findCorpusRoots(fs)) {
        const uri = joinUri(folder, found);
        if (!roots.has(canonicalUri(uri))) roots.set(canonicalUri(uri), uri);
      }
    }
    return [...roots.values()];
  }

  setSettingsRules(rules: Record<string, SeveritySetting>): void {
    this.settingsRules = rules;
  }

  overrides(root: CorpusRoot): SeverityOverrides {
    return { ...root.configRules, ...this.settingsRules };
  }

  /**
   * Indexes every root (by URI) from scratch, chunk by chunk; reports progress as (done, total) over
   * reading and checking. With `onEarlyFindings`, each page is checked by the rules that need no other
   * page as soon as it is read, and a page with such findings is handed to it at once, long before
   * the whole corpus is read and checked; the rest of the rules run on it afterwards.
   */
  async index(rootUris: string[], progress: (done: number, total: number) => void = () => {}, onEarlyFindings?: (root: CorpusRoot, paths: string[]) => void): Promise<void> {
    const started = Date.now();
    /** When the first findings were handed out early (ms after the start, for the log). */
    let firstFindings: number | undefined;
    /** Milliseconds spent listing the files, reading and parsing them, and checking them (for the log). */
    const spent = { listing: 0, reading: 0, checking: 0 };
    const roots: CorpusRoot[] = [];
    const configProblems: string[] = [];
    const loaded: { root: CorpusRoot; files: number }[] = [];
    /** The pages already checked by the rules that need no other page, by root. */
    const checkedAlone = new Map<CorpusRoot, Set<string>>();
    for (const folder of rootUris.map(folderUri)) {
      const fs = this.host.fileSystemFor(folder);
      if (!fs) {
        this.log.warn(`${this.describe(folder)}: cannot be read here; skipped`);
        continue;
      }
      // What the loader reads before the pages, asked for at once (by the default schema's paths; a
      // corpus configuration that moves them costs a round trip per file, nothing more).
      fs.prefetch?.([configFileName, ...resourcePaths(defaultSchema), docsFolder]);
      let config;
      try {
        config = await loadCorpusConfig(fs);
      } catch (error) {
        const problem = `${this.describe(folder)}: ${error instanceof ConfigError ? error.message : String(error)}; using the default schema`;
        this.log.warn(problem);
        configProblems.push(problem);
        config = { schema: defaultSchema, rules: {} };
      }
      const root = new CorpusRoot(folder, fs, config.schema, config.rules, () => this.onStale?.());
      const loadStarted = Date.now();
      let listed = loadStarted;
      const alone = new Set<string>();
      checkedAlone.set(root, alone);
      // Pages with early findings not handed out yet, and the timer that hands them out.
      const early: string[] = [];
      let flush: ReturnType<typeof setTimeout> | undefined;
      const handOut = () => {
        flush = undefined;
        onEarlyFindings?.(root, early.splice(0));
      };
      const result = await loadCorpus(fs, config.schema, {
        onListed: (count) => {
          root.store.startIndexing(count, smallCorpus);
          listed = Date.now();
          spent.listing += listed - loadStarted;
        },
        uriOf: (path) => root.uriOf(path),
        openText: (path) => this.openTexts.get(root.keyOf(path)),
        keep: (document, source) => root.store.keep(document, source),
        onDocument:
          onEarlyFindings &&
          ((document, corpus) => {
            const findings = this.check(root, document, corpus, 'document');
            if (!findings) return;
            root.findings.set(document.path, findings);
            alone.add(document.path);
            if (findings.length === 0) return;
            early.push(document.path);
            if (firstFindings === undefined) {
              firstFindings = Date.now() - started;
              handOut();
            } else flush ??= setTimeout(handOut, earlyFindingsInterval);
          }),
        progressEvery: chunkSize,
        onProgress: async (done, total) => {
          progress(done, total * 2);
          await yieldToEventLoop();
        },
      });
      clearTimeout(flush); // What is left goes out with the rest.
      spent.reading += Date.now() - listed;
      root.corpus = result.corpus;
      for (const path of result.lossy) root.lossy.add(path);
      for (const { path, reason } of result.skipped) this.log.warn(`skipped ${this.describe(root.uriOf(path))}: ${reason}`);
      roots.push(root);
      loaded.push({ root, files: result.corpus.size });
    }
    this.roots = roots;
    this.configProblems = configProblems;
    const total = loaded.reduce((sum, { files }) => sum + files, 0);
    let done = total;
    const checkStarted = Date.now();
    for (const root of roots) {
      const alone = checkedAlone.get(root);
      for (const document of root.corpus.all()) {
        const early = alone?.has(document.path) ? root.findings.get(document.path) : undefined;
        const findings = this.check(root, document, root.corpus, early ? 'corpus' : 'all');
        if (findings) root.findings.set(document.path, early ? [...early, ...findings].sort(compareFindings) : findings);
        if (++done % chunkSize === 0) {
          progress(done, total * 2);
          await yieldToEventLoop();
        }
      }
      this.checkResourceFiles(root);
      root.store.doneIndexing();
    }
    spent.checking = Date.now() - checkStarted;
    this.log.info(
      `indexed ${roots.map((root) => `${this.describe(root.uri)} (${root.corpus.size} files)`).join(', ') || 'no corpus root'} in ${Date.now() - started} ms ` +
        `(listing ${spent.listing} ms, reading ${spent.reading} ms, checking ${spent.checking} ms${firstFindings === undefined ? '' : `; first findings after ${firstFindings} ms`})`,
    );
  }

  /** Parses a file from the editor's text if it is open, else from disk; undefined (logged) when it cannot be read. */
  private async read(root: CorpusRoot, path: string): Promise<ParsedDocument | undefined> {
    const skipped: SkippedFile[] = [];
    const options = { uriOf: (p: string) => root.uriOf(p), openText: (p: string) => this.openTexts.get(root.keyOf(p)), keep: root.store.keep.bind(root.store) };
    const document = await readDocument(root.fs, path, root.schema, options, skipped, root.lossy);
    for (const { reason } of skipped) this.log.warn(`skipped ${this.describe(root.uriOf(path))}: ${reason}`);
    return document;
  }

  /** The root and corpus path of a file URI, when it is a Markdown file under a root's `docs/`. */
  locate(uri: string): Located | undefined {
    const key = canonicalUri(uri);
    if (!key.toLowerCase().endsWith('.md')) return undefined;
    for (const root of this.roots) {
      const path = relativePath(root.key, key);
      if (path?.startsWith('docs/')) return { root, path };
    }
    return undefined;
  }

  /** The root a URI lies in (a file or folder of it, or the root itself). */
  locateFolder(uri: string): CorpusRoot | undefined {
    const key = canonicalUri(uri);
    return this.roots.find((root) => key === root.key || relativePath(root.key, key) !== undefined);
  }

  document(uri: string): { root: CorpusRoot; document: ParsedDocument } | undefined {
    const located = this.locate(uri);
    const document = located && located.root.corpus.get(located.path);
    return located && document ? { root: located.root, document } : undefined;
  }

  /** The document of a URI, for a request on it: a document not open whose file changed since it was read throws StaleDocumentError (see `takeStale`). */
  currentDocument(uri: string): { root: CorpusRoot; document: ParsedDocument } | undefined {
    const found = this.document(uri);
    found?.root.store.assertCurrent(found.document);
    return found;
  }

  /** The URIs of the documents found changed on disk since they were read (by a request, a rule or a check), to read again; forgotten here. */
  takeStale(): string[] {
    const uris: string[] = [];
    for (const root of this.roots) {
      for (const path of root.store.stale) uris.push(root.uriOf(path));
      root.store.stale.clear();
    }
    return uris;
  }

  /** The findings of a document, or undefined when a file it needs changed on disk since it was read (it is then listed by `takeStale`). */
  private check(root: CorpusRoot, document: ParsedDocument, corpus = root.corpus, part: RulePart = 'all'): Finding[] | undefined {
    try {
      return root.store.withParsed(document, () => checkDocument(corpus, document, this.overrides(root), part));
    } catch (error) {
      if (error instanceof StaleDocumentError) return undefined;
      throw error;
    }
  }

  /** An editor opened or changed a document. Returns the dependents to re-check later. */
  setOpenText(uri: string, text: string): (Located & { dependents: Set<string> }) | undefined {
    this.openTexts.set(canonicalUri(uri), text);
    const located = this.locate(uri);
    if (!located) return undefined;
    located.root.lossy.delete(located.path);
    const dependents = located.root.corpus.set(parseDocument(located.path, text, located.root.schema, located.root.uriOf(located.path)));
    return { ...located, dependents };
  }

  /** An editor closed a document: the disk's version counts again. */
  closeText(uri: string): Promise<(Located & { dependents: Set<string> }) | undefined> {
    this.openTexts.delete(canonicalUri(uri));
    return this.reloadFromDisk(uri);
  }

  isOpen(uri: string): boolean {
    return this.openTexts.has(canonicalUri(uri));
  }

  /** A file changed, appeared or disappeared on disk. Returns what to re-check. */
  async reloadFromDisk(uri: string): Promise<(Located & { dependents: Set<string> }) | undefined> {
    const located = this.locate(uri);
    if (!located) return undefined;
    const { root, path } = located;
    if (this.openTexts.has(root.keyOf(path))) return { ...located, dependents: new Set() };
    const document = (await root.fs.stat(path)) ? await this.read(root, path) : undefined;
    if (!document) {
      root.findings.delete(path);
      root.lossy.delete(path);
      return { ...located, dependents: root.corpus.delete(path) };
    }
    return { ...located, dependents: root.corpus.set(document) };
  }

  /**
   * A path under a root's `docs/` that is not a page appeared or went: a file beside the pages (an
   * image, a PDF), or a folder moved, copied or deleted as a whole (a watcher may report only the
   * folder). Returns the pages read or dropped (to re-check and publish) and the pages linking there.
   */
  async reloadOtherPath(uri: string): Promise<{ root: CorpusRoot; pages: string[]; dependents: Set<string> } | undefined> {
    const key = canonicalUri(uri);
    if (key.toLowerCase().endsWith('.md')) return undefined;
    for (const root of this.roots) {
      const path = relativePath(root.key, key);
      if (!path?.startsWith('docs/')) continue;
      const dependents = new Set<string>();
      const add = (paths: Iterable<string>) => {
        for (const dependent of paths) dependents.add(dependent);
      };
      const pages: string[] = [];
      const stat = await root.fs.stat(path);
      if (stat?.kind === 'file') add(root.corpus.addFile(path));
      else if (stat?.kind === 'directory') {
        for (const file of await filesUnder(root.fs, path)) {
          if (!file.toLowerCase().endsWith('.md')) add(root.corpus.addFile(file));
          else if (!this.openTexts.has(root.keyOf(file))) {
            const document = await this.read(root, file);
            if (document) add(root.corpus.set(document));
            pages.push(file);
          }
        }
      } else {
        for (const document of [...root.corpus.all()]) {
          if (!document.path.startsWith(`${path}/`) || this.openTexts.has(root.keyOf(document.path))) continue;
          add(root.corpus.delete(document.path));
          pages.push(document.path);
        }
        add(root.corpus.deleteFile(path));
      }
      return { root, pages, dependents };
    }
    return undefined;
  }

  /** Re-runs the rules on some documents of a root; returns the paths whose findings changed. */
  recheck(root: CorpusRoot, paths: Iterable<string>): string[] {
    const changed: string[] = [];
    for (const path of paths) {
      const document = root.corpus.get(path);
      if (!document) {
        if (root.findings.delete(path)) changed.push(path);
        continue;
      }
      const findings = this.check(root, document);
      if (!findings) continue;
      const previous = root.findings.get(path);
      root.findings.set(path, findings);
      if (!previous || !sameFindings(previous, findings)) changed.push(path);
    }
    return changed;
  }

  /** Re-runs every rule everywhere (after a settings change). */
  recheckAll(): { root: CorpusRoot; paths: string[] }[] {
    return this.roots.map((root) => {
      const pages = this.recheck(
        root,
        [...root.corpus.all()].map((d) => d.path),
      );
      return { root, paths: [...pages, ...this.checkResourceFiles(root)] };
    });
  }

  /** Checks the root's files that are no pages (the glossary, AK095); returns their paths. A change to one re-indexes the root. */
  private checkResourceFiles(root: CorpusRoot): string[] {
    const byPath = new Map<string, Finding[]>();
    const glossary = root.corpus.resources.glossary;
    if (glossary) byPath.set(glossary.path, []);
    for (const finding of checkResources(root.corpus, this.overrides(root))) {
      const list = byPath.get(finding.path);
      if (list) list.push(finding);
      else byPath.set(finding.path, [finding]);
    }
    for (const [path, findings] of byPath) root.findings.set(path, findings);
    return [...byPath.keys()];
  }

  /** Whether a URI is a resource file of a root (the glossary, the CSV of source codes, a template, mkdocs.yml): a change re-indexes. */
  isResourceFile(uri: string): boolean {
    const key = canonicalUri(uri);
    return this.roots.some((root) => {
      const path = relativePath(root.key, key);
      return path !== undefined && isResourcePath(path, root.schema);
    });
  }

  /** The root and corpus path of a file with findings: a page, or a resource file such as the glossary. */
  locateChecked(uri: string): Located | undefined {
    const key = canonicalUri(uri);
    for (const root of this.roots) {
      const path = relativePath(root.key, key);
      if (path !== undefined && !path.startsWith('docs/') && root.findings.has(path)) return { root, path };
    }
    return this.locate(uri);
  }

  findingsOf(uri: string): Finding[] {
    const located = this.locate(uri);
    return (located && located.root.findings.get(located.path)) ?? [];
  }

  counts(): { documents: number; errors: number; warnings: number } {
    let documents = 0;
    let errors = 0;
    let warnings = 0;
    for (const root of this.roots) {
      documents += root.corpus.size;
      errors += root.findings.errors;
      warnings += root.findings.warnings;
    }
    return { documents, errors, warnings };
  }
}

function sameFindings(a: Finding[], b: Finding[]): boolean {
  return (
    a.length === b.length &&
    a.every((finding, index) => {
      const other = b[index];
      return (
        finding.code === other.code &&
        finding.message === other.message &&
        finding.severity === other.severity &&
        finding.range.start.line === other.range.start.line &&
        finding.range.start.character === other.range.start.character &&
        finding.range.end.line === other.range.end.line &&
        finding.range.end.character === other.range.end.character
      );
    })
  );
}

/** Every file below a folder (links to folders not followed). */
async function filesUnder(fs: FileSystem, folder: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (path: string) => {
    for (const entry of await fs.readDirectory(path).catch(() => [])) {
      const child = `${path}/${entry.name}`;
      if (entry.kind === 'directory') await walk(child);
      else if (entry.kind === 'file') files.push(child);
    }
  };
  await walk(folder);
  return files;
}
