import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  BlockPositions,
  FrontmatterEntry,
  YamlList,
  YamlMap,
  YamlMapEntry,
  YamlScalar,
  type Frontmatter,
  type FrontmatterCache,
  type YamlProblem,
  type YamlValue,
} from '../parsing/frontmatter';

/** Bump when the shape of a parsed Frontmatter, its encoding below or the YAML parser's output changes. */
const cacheFormat = 'akcheck-frontmatter-7';

// A parsed block is stored as nested arrays of file offsets; its line starts are found again in
// the block's own text, as the parser's LineCounter found them. That keeps the cache (and the work
// of reading it) a fraction of the size of the parsed objects.
type EncodedValue =
  | [0, number, number, unknown]
  | [0, number, number, unknown, string]
  | [1, number, number, EncodedValue[], boolean]
  | [2, number, number, [key: string, keyStart: number, keyEnd: number, value: EncodedValue][]];
type EncodedEntry = [key: string, keyStart: number, keyEnd: number, spanStart: number, spanEnd: number, first: 0 | 1, value: EncodedValue];
type EncodedBlock = [bodyStart: number, closeLine: number, closeStart: number, isMapping: 0 | 1, errors: YamlProblem[], entries: EncodedEntry[], flow: 0 | 1 | 2];

/** Where caches live: `AKCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/akcheck`, else `~/.cache/akcheck`. */
export function defaultCacheFolder(): string {
  return process.env.AKCHECK_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'akcheck');
}

/**
 * Parsed frontmatter blocks of one corpus root, kept on disk between runs and keyed by a hash of
 * the block's text, so a run over an unchanged corpus skips the YAML parser. Entries not used in a
 * run are dropped when it is saved. Any problem reading or writing it only means a cold run.
 */
export class FrontmatterDiskCache implements FrontmatterCache {
  private readonly known: Map<string, EncodedBlock>;
  private readonly used = new Map<string, EncodedBlock>();
  private changed = false;

  private constructor(
    private readonly file: string,
    entries: Record<string, EncodedBlock>,
  ) {
    this.known = new Map(Object.entries(entries));
  }

  static open(root: string, folder = defaultCacheFolder()): FrontmatterDiskCache {
    let key = root;
    try {
      key = realpathSync(root);
    } catch {
      // An unresolvable root still gets a cache of its own name.
    }
    const file = join(folder, `${createHash('sha1').update(key).digest('hex')}.json`);
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      if (stored?.format === cacheFormat && typeof stored.entries === 'object') return new FrontmatterDiskCache(file, stored.entries);
    } catch {
      // Missing or unreadable: start empty.
    }
    return new FrontmatterDiskCache(file, {});
  }

  lookup(blockText: string): Frontmatter | undefined {
    const hash = digest(blockText);
    const encoded = this.known.get(hash);
    if (!encoded) return undefined;
    this.used.set(hash, encoded);
    return decode(encoded, blockText);
  }

  store(blockText: string, frontmatter: Frontmatter): void {
    // Values JSON cannot carry exactly (.inf, .nan) would come back different: leave such blocks out.
    if (frontmatter.status !== 'parsed' || !survivesJson(frontmatter)) return;
    this.used.set(digest(blockText), encode(frontmatter));
    this.changed = true;
  }

  /** Writes the entries used in this run, atomically; silently does nothing when it cannot. */
  save(): void {
    if (!this.changed && this.used.size === this.known.size) return;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ format: cacheFormat, entries: Object.fromEntries(this.used) }));
      renameSync(temporary, this.file);
      pruneStale(join(this.file, '..'));
    } catch {
      // A read-only home or a full disk only costs speed next time.
    }
  }
}

/** Caches of corpus roots not checked for this long are deleted, so temporary corpora do not pile up. */
const staleAfterMs = 30 * 24 * 60 * 60 * 1000;

function pruneStale(folder: string): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.json')) continue;
    const file = join(folder, name);
    if (now - statSync(file).mtimeMs > staleAfterMs) unlinkSync(file);
  }
}

function encode(frontmatter: Frontmatter & { status: 'parsed' }): EncodedBlock {
  const value = (v: YamlValue): EncodedValue =>
    v.kind === 'scalar'
      ? v.source === undefined
        ? [0, v.start, v.end, v.value]
        : [0, v.start, v.end, v.value, v.source]
      : v.kind === 'list'
        ? [1, v.start, v.end, v.items.map(value), v.flow]
        : [2, v.start, v.end, v.entries.map((e) => [e.key, e.keyStart, e.keyEnd, value(e.value)])];
  return [
    frontmatter.bodyStart,
    frontmatter.closeLine,
    frontmatter.closeStart,
    frontmatter.isMapping ? 1 : 0,
    frontmatter.errors,
    frontmatter.entries.map((e) => [e.key, e.keyStart, e.keyEnd, e.spanStart, e.spanEnd, e.first ? 1 : 0, value(e.value)]),
    frontmatter.flow === undefined ? 0 : frontmatter.flow ? 2 : 1,
  ];
}

function decode([bodyStart, closeLine, closeStart, isMapping, errors, entries, flow]: EncodedBlock, blockText: string): Frontmatter {
  // The YAML text runs from after the opening line to the start of the closing one.
  const yamlStart = blockText.indexOf('\n') + 1;
  const lineStarts = [0];
  for (let index = blockText.indexOf('\n', yamlStart); index !== -1 && index < closeStart; index = blockText.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1 - yamlStart);
  }
  const positions = new BlockPositions(lineStarts, yamlStart);
  const value = (v: EncodedValue): YamlValue => {
    if (v[0] === 0) return new YamlScalar(positions, v[1], v[2], v[3], v[4]);
    if (v[0] === 1) return new YamlList(positions, v[1], v[2], v[3].map(value), v[4]);
    return new YamlMap(
      positions,
      v[1],
      v[2],
      v[3].map(([key, keyStart, keyEnd, entryValue]) => new YamlMapEntry(positions, key, keyStart, keyEnd, value(entryValue))),
    );
  };
  const decoded = entries.map(
    ([key, keyStart, keyEnd, spanStart, spanEnd, first, encodedValue]) =>
      new FrontmatterEntry(positions, key, keyStart, keyEnd, value(encodedValue), spanStart, spanEnd, first === 1),
  );
  const decodedBlock: Frontmatter = { status: 'parsed', bodyStart, closeLine, closeStart, errors, isMapping: isMapping === 1, entries: decoded };
  if (flow !== 0) decodedBlock.flow = flow === 2;
  return decodedBlock;
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function survivesJson(frontmatter: Frontmatter): boolean {
  if (frontmatter.status !== 'parsed') return true;
  const stack = frontmatter.entries.map((entry) => entry.value);
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (value.kind === 'list') stack.push(...value.items);
    else if (value.kind === 'map') stack.push(...value.entries.map((entry) => entry.value));
    else if (value.kind === 'scalar' && !isJsonScalar(value.value)) return false;
  }
  return true;
}

function isJsonScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
