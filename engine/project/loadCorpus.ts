import { Corpus } from '../corpus/corpus';
import { dropText, ReloadableText } from '../corpus/reloadableText';
import { joinPath, type FileSystem } from '../fileSystem/fileSystem';
import { errorCode, readMarkdownText } from '../fileSystem/readText';
import { parseDocument, unreadableDocument, type ParsedDocument } from '../parsing/parseDocument';
import type { CorpusSchema } from '../schema/schema';
import { loadResources } from './loadResources';

/** The folder of the site's pages, relative to the corpus root. */
export const docsFolder = 'docs';

export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * Lists the `.md` files under `docs/`, sorted by path, and adds the other files to `otherFiles`.
 * Links to folders are not followed (the file system lists them as `other`), so a link loop cannot
 * trap the walk.
 */
export async function listMarkdownFiles(fs: FileSystem, skipped: SkippedFile[] = [], otherFiles?: string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string) => {
    let entries;
    try {
      entries = await fs.readDirectory(folder);
    } catch (error) {
      skipped.push({ path: folder, reason: `folder cannot be read (${errorCode(error)})` });
      return;
    }
    for (const entry of entries) {
      const path = joinPath(folder, entry.name);
      if (entry.kind === 'directory') await walk(path);
      else if (entry.kind === 'file' && entry.name.toLowerCase().endsWith('.md')) files.push(path);
      else if (entry.kind === 'file') otherFiles?.push(path);
    }
  };
  if ((await fs.stat(docsFolder))?.kind === 'directory') await walk(docsFolder);
  return files;
}

export interface LoadedCorpus {
  corpus: Corpus;
  /** Folders that could not be listed and files that went away before they were read. A file that is there but cannot be checked is a document with `unreadable` set (AK005). */
  skipped: SkippedFile[];
  /** Paths of files that are not valid UTF-8: never written. */
  lossy: Set<string>;
}

export interface LoadOptions {
  /**
   * The documents keep their texts when the corpus has at most this many files (default: always).
   * Above it they keep none (a checker of a large corpus): a text is read again in the rare case a
   * rule needs it. Only where the file system reads synchronously; elsewhere texts are kept.
   */
  keepTextsUpTo?: number;
  /**
   * What is kept of a document read from its file, instead of the document itself (a language server
   * keeps less of the files not open in an editor); `stamp` (size and time) and `length` identify the
   * text that was parsed, to tell later whether the file still holds it.
   */
  keep?: (document: ParsedDocument, source: { stamp: string; length: number }) => ParsedDocument;
  /** The URI a document's text carries (default: its path). */
  uriOf?: (path: string) => string;
  /** A text that wins over the file's (a document open in an editor). */
  openText?: (path: string) => string | undefined;
  /** Called with the number of files found, before they are read. */
  onListed?: (count: number) => void;
  /** Called with each document as it is added to the corpus, which holds the documents read so far and the resources. */
  onDocument?: (document: ParsedDocument, corpus: Corpus) => void;
  /** Called every `progressEvery` files with (files read, files found); awaited, so a server can answer requests meanwhile. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  progressEvery?: number;
}

/** Reads and parses every Markdown file of a corpus: the one loader of the CLI and the server. */
export async function loadCorpus(fs: FileSystem, schema: CorpusSchema, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const corpus = new Corpus(schema);
  const skipped: SkippedFile[] = [];
  const lossy = new Set<string>();
  const otherFiles: string[] = [];
  // At once: where every read is a round trip (a browser worker), the listing then costs no time of its own.
  const [resources, files] = await Promise.all([loadResources(fs, schema), listMarkdownFiles(fs, skipped, otherFiles)]);
  corpus.resources = resources;
  for (const path of otherFiles) corpus.listFile(path);
  options.onListed?.(files.length);
  fs.prefetch?.(files.filter((path) => options.openText?.(path) === undefined));
  const keepTexts = files.length <= (options.keepTextsUpTo ?? Infinity);
  const every = options.progressEvery ?? 250;
  let done = 0;
  for (const path of files) {
    const document = await readDocument(fs, path, schema, options, skipped, lossy, keepTexts);
    if (document) {
      corpus.add(document);
      options.onDocument?.(document, corpus);
    }
    if (++done % every === 0) await options.onProgress?.(done, files.length);
  }
  return { corpus, skipped, lossy };
}

/**
 * Reads and parses one file: the open text if there is one, else the file. A file that cannot be
 * checked (binary, invalid UTF-8, too large, a link refused) gives a stand-in document that only
 * AK005 reports on; one that is gone gives undefined, with the reason in `skipped`. Without
 * `keepText`, a document read from its file keeps no text (see `keepTextsUpTo`).
 */
export async function readDocument(
  fs: FileSystem,
  path: string,
  schema: CorpusSchema,
  options: LoadOptions,
  skipped: SkippedFile[],
  lossy: Set<string>,
  keepText = true,
): Promise<ParsedDocument | undefined> {
  const uri = options.uriOf?.(path) ?? path;
  const open = options.openText?.(path);
  lossy.delete(path);
  if (open !== undefined) return parseDocument(path, open, schema, uri);
  const read = await readMarkdownText(fs, path);
  if (read.text === undefined) {
    const unreadable = read.unreadable ?? { cause: 'read-error', detail: 'cannot be read' };
    // A file reached through a linked folder is not part of the corpus (the walk never enters such a folder): skipped, as a file that is gone.
    if (unreadable.cause === 'missing' || unreadable.cause === 'linked-folder') {
      skipped.push({ path, reason: unreadable.detail });
      return undefined;
    }
    if (unreadable.cause === 'invalid-utf8') lossy.add(path);
    return unreadableDocument(path, schema, unreadable, uri);
  }
  // The stamp the text is read back by, when it is to be dropped.
  const dropped = !keepText && fs.readFileSync && fs.statSync ? read.stamp : undefined;
  const document = parseDocument(path, read.text, schema, uri, dropped !== undefined);
  if (dropped !== undefined) dropText(document, new ReloadableText(uri, fs, path, dropped, read.text.length));
  return options.keep && read.stamp ? options.keep(document, { stamp: read.stamp, length: read.text.length }) : document;
}
