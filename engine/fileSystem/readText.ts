import type { FileSystem, FileStat } from './fileSystem';

/** Files larger than this are not read: no Markdown page of a corpus comes near it. */
export const maxFileBytes = 2 * 1024 * 1024;

/** Why a Markdown file cannot be checked (AK005), or `missing` when it is not there (any more). */
export type UnreadableCause = 'binary' | 'invalid-utf8' | 'too-large' | 'dangling-link' | 'link-loop' | 'outside-link' | 'linked-folder' | 'not-a-file' | 'read-error' | 'missing';

export interface Unreadable {
  cause: UnreadableCause;
  /** The cause in a few English words, for logs (`binary file (contains NUL bytes)`). */
  detail: string;
  /** The file's size in bytes, when known. */
  size?: number;
}

export interface ReadResult {
  text?: string;
  /** Size and modification time of the file as read, to tell later whether it changed. */
  stamp?: string;
  /** Why the file was not read. */
  unreadable?: Unreadable;
}

/** The `refused` texts of a file system that reads links (see NodeFileSystem), by cause. */
export const linkRefusals: Readonly<Record<string, UnreadableCause>> = {
  'symbolic link to nothing': 'dangling-link',
  'symbolic link loop': 'link-loop',
  'symbolic link to a file outside the corpus': 'outside-link',
  'symbolic link to something that is not a file': 'not-a-file',
  'in a folder reached through a symbolic link': 'linked-folder',
};

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a Markdown file as text; binary, invalid UTF-8, oversized, refused and unreadable files come back with the cause. */
export async function readMarkdownText(fs: FileSystem, path: string): Promise<ReadResult> {
  if (fs.readPlainFileSync) return readMarkdownTextSync(fs, path);
  let bytes: Uint8Array;
  let stat: FileStat | undefined;
  try {
    stat = await fs.stat(path);
    const problem = statProblem(stat);
    if (problem) return { unreadable: problem };
    bytes = await fs.readFile(path);
  } catch (error) {
    return { unreadable: readError(error) };
  }
  return decodeMarkdown(bytes, stampOf(stat!));
}

/** The same read, synchronously, for file systems that can (`readFileSync` and `statSync`). */
export function readMarkdownTextSync(fs: FileSystem, path: string): ReadResult {
  if (!fs.readFileSync || !fs.statSync) return { unreadable: { cause: 'read-error', detail: 'cannot be read synchronously' } };
  let bytes: Uint8Array;
  let stat: FileStat | undefined;
  try {
    const plain = fs.readPlainFileSync?.(path, maxFileBytes);
    if (plain) return plain.bytes ? decodeMarkdown(plain.bytes, stampOf(plain.stat)) : { unreadable: statProblem(plain.stat) };
    stat = fs.statSync(path);
    const problem = statProblem(stat);
    if (problem) return { unreadable: problem };
    bytes = fs.readFileSync(path);
  } catch (error) {
    return { unreadable: readError(error) };
  }
  return decodeMarkdown(bytes, stampOf(stat!));
}

export function stampOf(stat: FileStat): string {
  return `${stat.size}:${stat.mtime}`;
}

function statProblem(stat: FileStat | undefined): Unreadable | undefined {
  if (!stat) return { cause: 'missing', detail: 'cannot be read (ENOENT)' };
  if (stat.refused) return { cause: linkRefusals[stat.refused] ?? 'read-error', detail: stat.refused };
  if (stat.kind !== 'file') return { cause: 'not-a-file', detail: 'not a file' };
  if (stat.size > maxFileBytes) {
    return { cause: 'too-large', detail: `larger than ${maxFileBytes / 1024 / 1024} MiB (${(stat.size / 1024 / 1024).toFixed(1)} MiB)`, size: stat.size };
  }
  return undefined;
}

function readError(error: unknown): Unreadable {
  const code = errorCode(error);
  return { cause: code === 'ENOENT' ? 'missing' : 'read-error', detail: `cannot be read (${code})` };
}

function decodeMarkdown(bytes: Uint8Array, stamp: string): ReadResult {
  if (bytes.includes(0)) return { unreadable: { cause: 'binary', detail: 'binary file (contains NUL bytes)', size: bytes.length } };
  try {
    return { text: utf8.decode(bytes), stamp };
  } catch {
    return { unreadable: { cause: 'invalid-utf8', detail: 'not valid UTF-8', size: bytes.length } };
  }
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : String(error);
}
