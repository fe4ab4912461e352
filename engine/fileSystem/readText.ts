import type { FileSystem, FileStat } from './fileSystem';

/** Files larger than this are skipped: no Markdown page of a corpus comes near it. */
export const maxFileBytes = 4 * 1024 * 1024;

export interface ReadResult {
  text?: string;
  /** Size and modification time of the file as read, to tell later whether it changed. */
  stamp?: string;
  /** The bytes were not valid UTF-8: the text has replacement characters and must never be written back. */
  lossy?: boolean;
  /** Why the file was not read. */
  skipped?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/** Reads a Markdown file as text; binary, oversized, refused and unreadable files are skipped with a reason. */
export async function readMarkdownText(fs: FileSystem, path: string, known?: FileStat): Promise<ReadResult> {
  let bytes: Uint8Array;
  let stat: FileStat | undefined;
  try {
    stat = known ?? (await fs.stat(path));
    const problem = statProblem(stat);
    if (problem) return { skipped: problem };
    bytes = await fs.readFile(path);
  } catch (error) {
    return { skipped: `cannot be read (${errorCode(error)})` };
  }
  return decodeMarkdown(bytes, stampOf(stat!));
}

/** The same read, synchronously, for file systems that can (`readFileSync` and `statSync`). */
export function readMarkdownTextSync(fs: FileSystem, path: string): ReadResult {
  if (!fs.readFileSync || !fs.statSync) return { skipped: 'cannot be read synchronously' };
  let bytes: Uint8Array;
  let stat: FileStat | undefined;
  try {
    stat = fs.statSync(path);
    const problem = statProblem(stat);
    if (problem) return { skipped: problem };
    bytes = fs.readFileSync(path);
  } catch (error) {
    return { skipped: `cannot be read (${errorCode(error)})` };
  }
  return decodeMarkdown(bytes, stampOf(stat!));
}

export function stampOf(stat: FileStat): string {
  return `${stat.size}:${stat.mtime}`;
}

function statProblem(stat: FileStat | undefined): string | undefined {
  if (!stat) return 'cannot be read (ENOENT)';
  if (stat.refused) return stat.refused;
  if (stat.kind !== 'file') return 'not a file';
  if (stat.size > maxFileBytes) return `larger than ${maxFileBytes / 1024 / 1024} MiB (${(stat.size / 1024 / 1024).toFixed(1)} MiB)`;
  return undefined;
}

function decodeMarkdown(bytes: Uint8Array, stamp: string): ReadResult {
  if (bytes.includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  try {
    return { text: utf8.decode(bytes), stamp };
  } catch {
    return { text: utf8Lossy.decode(bytes), stamp, lossy: true };
  }
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : String(error);
}
