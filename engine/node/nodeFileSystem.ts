import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { FrontmatterCache } from '../parsing/frontmatter';
import { parseDocument } from '../parsing/parseDocument';
import type { CorpusSchema } from '../schema/schema';
import { Corpus } from './corpus';
import { ReloadableText } from './reloadableText';

/** Files larger than this are skipped: no Markdown page of a corpus comes near it. */
export const maxFileBytes = 4 * 1024 * 1024;

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface MarkdownFile {
  /** Path relative to the corpus root, `/` separators. */
  path: string;
  absolutePath: string;
}

export interface ReadResult {
  text?: string;
  /** Size and modification time of the file as read, to tell later whether it changed. */
  stamp?: string;
  /** The bytes were not valid UTF-8: the text has replacement characters and must never be written back. */
  lossy?: boolean;
  skipped?: string;
}

export function isCorpusRoot(folder: string, schema: CorpusSchema): boolean {
  try {
    return statSync(join(folder, schema.rootMarker)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Lists the `.md` files under `docs/`. Symbolic links to folders are not followed, and a linked
 * file is read only when it resolves inside the root, so nothing outside the corpus is read and a
 * link loop cannot trap the walk.
 */
export function listMarkdownFiles(root: string, skipped: SkippedFile[] = []): MarkdownFile[] {
  const files: MarkdownFile[] = [];
  const realRoot = realpathSync(root);
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: toCorpusPath(root, folder), reason: `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? error})` });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const absolutePath = join(folder, entry.name);
      if (entry.isDirectory()) walk(absolutePath);
      else if (entry.name.toLowerCase().endsWith('.md')) {
        if (entry.isSymbolicLink()) {
          const problem = linkProblem(absolutePath, realRoot);
          if (problem) {
            skipped.push({ path: toCorpusPath(root, absolutePath), reason: problem });
            continue;
          }
        } else if (!entry.isFile()) continue;
        files.push({ path: toCorpusPath(root, absolutePath), absolutePath });
      }
    }
  };
  if (existsSync(join(root, 'docs'))) walk(join(root, 'docs'));
  return files;
}

/** Why a single file under the root would not be listed by the walk (a link leaving the root, not a file), or undefined. */
export function fileProblem(root: string, absolutePath: string): string | undefined {
  try {
    const stats = lstatSync(absolutePath);
    const realRoot = realpathSync.native(root);
    if (stats.isSymbolicLink()) return linkProblem(absolutePath, realRoot);
    if (!stats.isFile()) return 'not a file';
    // The walk follows no link to a folder, so a file reached through one (it may lead out of the corpus) is not read either.
    const folder = dirname(absolutePath);
    return realpathSync.native(folder) === join(realRoot, relative(root, folder)) ? undefined : 'in a folder reached through a symbolic link';
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`;
  }
}

function linkProblem(path: string, realRoot: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loop' : 'symbolic link to nothing';
  }
  if (target !== realRoot && !target.startsWith(realRoot + sep)) return 'symbolic link to a file outside the corpus';
  return lstatSync(target).isFile() ? undefined : 'symbolic link to something that is not a file';
}

export function toCorpusPath(root: string, absolutePath: string): string {
  // The walk builds paths by joining onto the root, so slicing is enough (and cheaper than relative()).
  const inside = absolutePath.startsWith(root + sep) ? absolutePath.slice(root.length + 1) : relative(root, absolutePath);
  return sep === '/' ? inside : inside.split(sep).join('/');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/** Reads a Markdown file as text; binary, oversized and unreadable files are skipped with a reason. */
export function readMarkdownFile(absolutePath: string): ReadResult {
  let bytes: Buffer;
  let stamp: string;
  try {
    const { size, mtimeMs } = statSync(absolutePath);
    stamp = `${size}:${mtimeMs}`;
    if (size > maxFileBytes) return { skipped: `larger than ${maxFileBytes / 1024 / 1024} MiB (${(size / 1024 / 1024).toFixed(1)} MiB)` };
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { skipped: `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})` };
  }
  if (bytes.includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  try {
    return { text: utf8.decode(bytes), stamp };
  } catch {
    return { text: utf8Lossy.decode(bytes), stamp, lossy: true };
  }
}

export interface LoadedCorpus {
  corpus: Corpus;
  skipped: SkippedFile[];
  /** Paths of files read with replacement characters (invalid UTF-8). */
  lossy: Set<string>;
}

export interface LoadOptions {
  cache?: FrontmatterCache;
  /** False: the documents keep no text; it is read again from disk in the rare case a rule needs it (a checker over a large corpus). */
  retainText?: boolean;
  /** Called with the number of files found, before they are read. */
  onListed?: (count: number) => void;
}

/** Reads and parses every Markdown file of a root. */
export function loadCorpus(root: string, schema: CorpusSchema, { cache, retainText = true, onListed }: LoadOptions = {}): LoadedCorpus {
  const corpus = new Corpus(schema);
  const skipped: SkippedFile[] = [];
  const lossy = new Set<string>();
  const files = listMarkdownFiles(root, skipped);
  onListed?.(files.length);
  for (const file of files) {
    const read = readMarkdownFile(file.absolutePath);
    if (read.text === undefined) {
      skipped.push({ path: file.path, reason: read.skipped ?? 'unreadable' });
      continue;
    }
    if (read.lossy) lossy.add(file.path);
    const document = parseDocument(file.path, read.text, schema, file.path, cache);
    if (!retainText && !read.lossy) document.text = new ReloadableText(file.path, file.absolutePath, read.stamp ?? '', read.text.length);
    corpus.add(document);
  }
  return { corpus, skipped, lossy };
}
