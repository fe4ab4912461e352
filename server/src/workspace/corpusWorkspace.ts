import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkDocument, type SeverityOverrides } from '../../../engine/checker';
import { Corpus } from '../../../engine/corpus/corpus';
import { fileProblem, isCorpusRoot, listMarkdownFiles, readMarkdownFile, toCorpusPath, type SkippedFile } from '../../../engine/corpus/diskCorpus';
import { FrontmatterDiskCache } from '../../../engine/corpus/frontmatterDiskCache';
import type { FrontmatterCache } from '../../../engine/parsing/frontmatter';
import { parseDocument, type ParsedDocument } from '../../../engine/parsing/parseDocument';
import { ConfigError, configFileName, loadCorpusConfig } from '../../../engine/schema/corpusConfig';
import { defaultSchema, type CorpusSchema } from '../../../engine/schema/schema';
import type { SeveritySetting } from '../../../engine/rules/catalog';
import type { Finding } from '../../../engine/rules/finding';

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
  readonly corpus: Corpus;
  readonly findings = new FindingTable();
  /** Paths whose text is not valid UTF-8: fixes are never offered for them. */
  readonly lossy = new Set<string>();

  constructor(
    readonly folder: string,
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

  constructor(private readonly log: WorkspaceLog) {}

  /** Finds the corpus roots: each folder itself, or else its direct subfolders. */
  static findRoots(folders: string[]): string[] {
    const roots = new Set<string>();
    for (const folder of folders) {
      if (isRootFolder(folder)) {
        roots.add(resolve(folder));
        continue;
      }
      for (const child of subfolders(folder)) if (isRootFolder(child)) roots.add(resolve(child));
    }
    return [...roots];
  }

  setSettingsRules(rules: Record<string, SeveritySetting>): void {
    this.settingsRules = rules;
  }

  overrides(root: CorpusRoot): SeverityOverrides {
    return { ...root.configRules, ...this.settingsRules };
  }

  /** Indexes every root from scratch, chunk by chunk; reports progress as (done, total). */
  async index(rootFolders: string[], progress: (done: number, total: number) => void = () => {}): Promise<void> {
    const roots: CorpusRoot[] = [];
    const caches = new Map<CorpusRoot, FrontmatterDiskCache>();
    const configProblems: string[] = [];
    const files: { root: CorpusRoot; path: string; absolutePath: string }[] = [];
    for (const folder of rootFolders) {
      let config;
      try {
        config = loadCorpusConfig(folder);
      } catch (error) {
        const problem = `${folder}: ${error instanceof ConfigError ? error.message : String(error)}; using the default schema`;
        this.log.warn(problem);
        configProblems.push(problem);
        config = { schema: defaultSchema, rules: {} };
      }
      const root = new CorpusRoot(folder, config.schema, config.rules);
      roots.push(root);
      caches.set(root, FrontmatterDiskCache.open(folder));
      const skipped: SkippedFile[] = [];
      for (const file of listMarkdownFiles(folder, skipped)) files.push({ root, ...file });
      for (const { path, reason } of skipped) this.log.warn(`skipped ${join(folder, path)}: ${reason}`);
    }
    this.roots = roots;
    this.configProblems = configProblems;
    let done = 0;
    for (const file of files) {
      const document = this.read(file.root, file.path, file.absolutePath, caches.get(file.root));
      if (document) file.root.corpus.add(document);
      if (++done % chunkSize === 0) {
        progress(done, files.length * 2);
        await yieldToEventLoop();
      }
    }
    for (const cache of caches.values()) cache.save();
    for (const root of roots) {
      for (const document of root.corpus.all()) {
        root.findings.set(document.path, checkDocument(root.corpus, document, this.overrides(root)));
        if (++done % chunkSize === 0) {
          progress(done, files.length * 2);
          await yieldToEventLoop();
        }
      }
    }
    this.log.info(`indexed ${roots.map((root) => `${root.folder} (${root.corpus.size} files)`).join(', ') || 'no corpus root'}`);
  }

  /** Parses a file from the editor's text if it is open, else from disk; undefined (logged) when it cannot be read. */
  private read(root: CorpusRoot, path: string, absolutePath: string, cache?: FrontmatterCache): ParsedDocument | undefined {
    const open = this.openTexts.get(absolutePath);
    if (open !== undefined) return parseDocument(path, open, root.schema, root.uriOf(path));
    const problem = fileProblem(root.folder, absolutePath);
    const read = problem === undefined ? readMarkdownFile(absolutePath) : { skipped: problem };
    if (read.text === undefined) {
      this.log.warn(`skipped ${absolutePath}: ${read.skipped}`);
      return undefined;
    }
    if (read.lossy) root.lossy.add(path);
    else root.lossy.delete(path);
    return parseDocument(path, read.text, root.schema, root.uriOf(path), cache);
  }

  /** The root and corpus path of a file URI, when it is a Markdown file under a root's `docs/`. */
  locate(uri: string): Located | undefined {
    const absolute = toPath(uri);
    if (!absolute || !absolute.toLowerCase().endsWith('.md')) return undefined;
    for (const root of this.roots) {
      if (absolute.startsWith(root.folder + sep)) {
        const path = toCorpusPath(root.folder, absolute);
        if (path.startsWith('docs/')) return { root, path };
      }
    }
    return undefined;
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
  closeText(uri: string): (Located & { dependents: Set<string> }) | undefined {
    const absolute = toPath(uri);
    if (absolute) this.openTexts.delete(absolute);
    return this.reloadFromDisk(uri);
  }

  isOpen(uri: string): boolean {
    const absolute = toPath(uri);
    return absolute !== undefined && this.openTexts.has(absolute);
  }

  /** A file changed, appeared or disappeared on disk. Returns what to re-check. */
  reloadFromDisk(uri: string): (Located & { dependents: Set<string> }) | undefined {
    const located = this.locate(uri);
    if (!located) return undefined;
    const { root, path } = located;
    const absolute = root.absolutePath(path);
    if (this.openTexts.has(absolute)) return { ...located, dependents: new Set() };
    const document = existsSync(absolute) ? this.read(root, path, absolute) : undefined;
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

/** A corpus root by the default schema, or by the schema of its own configuration file. */
function isRootFolder(folder: string): boolean {
  if (isCorpusRoot(folder, defaultSchema)) return true;
  if (!existsSync(join(folder, configFileName))) return false;
  try {
    return isCorpusRoot(folder, loadCorpusConfig(folder).schema);
  } catch {
    return false; // A broken configuration is reported when the root is indexed.
  }
}

function subfolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(folder, entry.name));
  } catch {
    return [];
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
