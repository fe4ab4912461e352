import { isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  checkDocument,
  ConfigError,
  Corpus,
  defaultSchema,
  findCorpusRoots,
  loadCorpus,
  loadCorpusConfig,
  parseDocument,
  readDocument,
  type CorpusSchema,
  type FileSystem,
  type Finding,
  type FrontmatterCache,
  type ParsedDocument,
  type SeverityOverrides,
  type SeveritySetting,
  type SkippedFile,
} from '../../../engine';

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
    this.byPath.set(path, findings);
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

  constructor(
    readonly folder: string,
    readonly fs: FileSystem,
    readonly schema: CorpusSchema,
    readonly configRules: Record<string, SeveritySetting>,
  ) {
    this.corpus = new Corpus(schema);
  }

  uriOf(path: string): string {
    return pathToFileURL(join(this.folder, ...path.split('/'))).toString();
  }

  absolutePath(path: string): string {
    return join(this.folder, ...path.split('/'));
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

export interface WorkspaceHost {
  log: WorkspaceLog;
  /** The file system of a folder (a workspace folder or a corpus root), rooted there. */
  fileSystemFor(folder: string): FileSystem;
  /** The parse cache of a corpus root, if the host keeps one; saved after indexing. */
  cacheFor?(folder: string): (FrontmatterCache & { save(): void }) | undefined;
}

/** Yield to the event loop every this many files, so requests are answered while a large corpus indexes. */
const chunkSize = 250;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The corpus roots found in the workspace folders, kept in step with open editors and file events.
 * It knows nothing of LSP: the server maps its results to messages.
 */
export class CorpusWorkspace {
  roots: CorpusRoot[] = [];
  /** Problems with corpus configuration files found by the last index, for the editor to show. */
  configProblems: string[] = [];
  /** Text of documents open in the editor, by absolute path; it wins over the disk. */
  private readonly openTexts = new Map<string, string>();
  private settingsRules: Record<string, SeveritySetting> = {};

  private readonly log: WorkspaceLog;

  constructor(private readonly host: WorkspaceHost) {
    this.log = host.log;
  }

  /** Finds the corpus roots: each folder itself, or else its direct subfolders. */
  async findRoots(folders: string[]): Promise<string[]> {
    const roots = new Set<string>();
    for (const folder of folders) {
      for (const found of await findCorpusRoots(this.host.fileSystemFor(folder))) roots.add(resolve(folder, found));
    }
    return [...roots];
  }

  setSettingsRules(rules: Record<string, SeveritySetting>): void {
    this.settingsRules = rules;
  }

  overrides(root: CorpusRoot): SeverityOverrides {
    return { ...root.configRules, ...this.settingsRules };
  }

  /** Indexes every root from scratch, chunk by chunk; reports progress as (done, total) over reading and checking. */
  async index(rootFolders: string[], progress: (done: number, total: number) => void = () => {}): Promise<void> {
    const roots: CorpusRoot[] = [];
    const configProblems: string[] = [];
    const loaded: { root: CorpusRoot; files: number }[] = [];
    for (const folder of rootFolders) {
      const fs = this.host.fileSystemFor(folder);
      let config;
      try {
        config = await loadCorpusConfig(fs);
      } catch (error) {
        const problem = `${folder}: ${error instanceof ConfigError ? error.message : String(error)}; using the default schema`;
        this.log.warn(problem);
        configProblems.push(problem);
        config = { schema: defaultSchema, rules: {} };
      }
      const root = new CorpusRoot(folder, fs, config.schema, config.rules);
      const cache = this.host.cacheFor?.(folder);
      const result = await loadCorpus(fs, config.schema, {
        cache,
        uriOf: (path) => root.uriOf(path),
        openText: (path) => this.openTexts.get(root.absolutePath(path)),
        progressEvery: chunkSize,
        onProgress: async (done, total) => {
          progress(done, total * 2);
          await yieldToEventLoop();
        },
      });
      cache?.save();
      root.corpus = result.corpus;
      for (const path of result.lossy) root.lossy.add(path);
      for (const { path, reason } of result.skipped) this.log.warn(`skipped ${join(folder, path)}: ${reason}`);
      roots.push(root);
      loaded.push({ root, files: result.corpus.size });
    }
    this.roots = roots;
    this.configProblems = configProblems;
    const total = loaded.reduce((sum, { files }) => sum + files, 0);
    let done = total;
    for (const root of roots) {
      for (const document of root.corpus.all()) {
        root.findings.set(document.path, checkDocument(root.corpus, document, this.overrides(root)));
        if (++done % chunkSize === 0) {
          progress(done, total * 2);
          await yieldToEventLoop();
        }
      }
    }
    this.log.info(`indexed ${roots.map((root) => `${root.folder} (${root.corpus.size} files)`).join(', ') || 'no corpus root'}`);
  }

  /** Parses a file from the editor's text if it is open, else from disk; undefined (logged) when it cannot be read. */
  private async read(root: CorpusRoot, path: string): Promise<ParsedDocument | undefined> {
    const skipped: SkippedFile[] = [];
    const document = await readDocument(
      root.fs,
      path,
      root.schema,
      { uriOf: (p) => root.uriOf(p), openText: (p) => this.openTexts.get(root.absolutePath(p)) },
      skipped,
      root.lossy,
    );
    for (const { reason } of skipped) this.log.warn(`skipped ${root.absolutePath(path)}: ${reason}`);
    return document;
  }

  /** The root and corpus path of a file URI, when it is a Markdown file under a root's `docs/`. */
  locate(uri: string): Located | undefined {
    const absolute = toPath(uri);
    if (!absolute || !absolute.toLowerCase().endsWith('.md')) return undefined;
    for (const root of this.roots) {
      if (absolute.startsWith(root.folder + sep)) {
        const path = absolute.slice(root.folder.length + 1).split(sep).join('/');
        if (path.startsWith('docs/')) return { root, path };
      }
    }
    return undefined;
  }

  /** The root a URI lies in (a file or folder of it, or the root itself). */
  locateFolder(uri: string): CorpusRoot | undefined {
    const path = toPath(uri);
    return path === undefined ? undefined : this.roots.find((root) => path === root.folder || path.startsWith(root.folder + sep));
  }

  document(uri: string): { root: CorpusRoot; document: ParsedDocument } | undefined {
    const located = this.locate(uri);
    const document = located && located.root.corpus.get(located.path);
    return located && document ? { root: located.root, document } : undefined;
  }

  /** An editor opened or changed a document. Returns the dependents to re-check later. */
  setOpenText(uri: string, text: string): Located & { dependents: Set<string> } | undefined {
    const absolute = toPath(uri);
    if (absolute) this.openTexts.set(absolute, text);
    const located = this.locate(uri);
    if (!located) return undefined;
    located.root.lossy.delete(located.path);
    const dependents = located.root.corpus.set(parseDocument(located.path, text, located.root.schema, located.root.uriOf(located.path)));
    return { ...located, dependents };
  }

  /** An editor closed a document: the disk's version counts again. */
  closeText(uri: string): Promise<(Located & { dependents: Set<string> }) | undefined> {
    const absolute = toPath(uri);
    if (absolute) this.openTexts.delete(absolute);
    return this.reloadFromDisk(uri);
  }

  isOpen(uri: string): boolean {
    const absolute = toPath(uri);
    return absolute !== undefined && this.openTexts.has(absolute);
  }

  /** A file changed, appeared or disappeared on disk. Returns what to re-check. */
  async reloadFromDisk(uri: string): Promise<(Located & { dependents: Set<string> }) | undefined> {
    const located = this.locate(uri);
    if (!located) return undefined;
    const { root, path } = located;
    if (this.openTexts.has(root.absolutePath(path))) return { ...located, dependents: new Set() };
    const document = (await root.fs.stat(path)) ? await this.read(root, path) : undefined;
    if (!document) {
      root.findings.delete(path);
      root.lossy.delete(path);
      return { ...located, dependents: root.corpus.delete(path) };
    }
    return { ...located, dependents: root.corpus.set(document) };
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
      const findings = checkDocument(root.corpus, document, this.overrides(root));
      const previous = root.findings.get(path);
      root.findings.set(path, findings);
      if (!previous || !sameFindings(previous, findings)) changed.push(path);
    }
    return changed;
  }

  /** Re-runs every rule everywhere (after a settings change). */
  recheckAll(): { root: CorpusRoot; paths: string[] }[] {
    return this.roots.map((root) => ({ root, paths: this.recheck(root, [...root.corpus.all()].map((d) => d.path)) }));
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

export function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Resolves configured extra roots against the first workspace folder. */
export function resolveExtraRoots(extraRoots: unknown, firstFolder: string | undefined): string[] {
  if (!Array.isArray(extraRoots)) return [];
  return extraRoots
    .filter((root): root is string => typeof root === 'string' && root.trim() !== '')
    .map((root) => (isAbsolute(root) ? root : resolve(firstFolder ?? '.', root)));
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
