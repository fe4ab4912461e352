// The engine's file-system interface for a server without a file system (a browser worker): every
// call becomes a typed request to the client, which reads through the editor (`vscode.workspace.fs`).
// A round trip costs far more than a read from disk, so the loader's prefetch hint fetches the
// corpus ahead in batches of files, several batches in flight, while earlier files are parsed.
import type { RequestType } from 'vscode-jsonrpc';
import { docsFolder, FileSystemError, joinPath, maxFileBytes, type DirectoryEntry, type FileStat, type FileSystem } from '../../../engine';
import { decodeBase64, fsReadDirectoryRequest, fsReadFilesRequest, fsStatRequest, type FsDirectoryListing, type FsReadFileResult, type FsStat } from '../../../protocol';
import { joinUri } from './uris';

/** Sends one request to the client and resolves with its answer. */
export type RequestSender = <P, R>(type: RequestType<P, R, void>, params: P) => Promise<R>;

/** Files per readFiles request, requests in flight at once, and how many batches the reads may run ahead of the loader (so a large corpus is not held in memory twice). */
const batchSize = 32;
/** The first batch of a long list is smaller: its pages arrive (and are checked) sooner. */
const firstBatchSize = 8;
const batchesInFlight = 4;
const batchesAhead = 8;
/** A prefetched file not asked for within this time is fetched again when it is. */
const prefetchLifetime = 60_000;

interface Prefetched {
  /** The number of its batch. */
  batch: number;
  result: Promise<FsReadFileResult | undefined>;
  /** When the answer came (Date.now()), once it has. */
  arrived?: number;
}

/** Error codes of VS Code's FileSystemError as the engine names them (in messages such as "cannot be read (ENOENT)"). */
const codes: Record<string, string> = {
  FileNotFound: 'ENOENT',
  FileExists: 'EEXIST',
  FileNotADirectory: 'ENOTDIR',
  FileIsADirectory: 'EISDIR',
  NoPermissions: 'EACCES',
  Unavailable: 'EAGAIN',
};

function failure(path: string, error: string): FileSystemError {
  const code = codes[error] ?? error;
  return new FileSystemError(`${path || '.'}: ${code}`, code);
}

function toStat(stat: FsStat): FileStat {
  return { kind: stat.kind, size: stat.size, mtime: stat.mtime };
}

function toEntries(path: string, listing: FsDirectoryListing): DirectoryEntry[] {
  if (!listing.entries) throw failure(path, listing.error ?? 'EIO');
  return listing.entries.map(([name, kind]) => ({ name, kind })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export class ClientFileSystem implements FileSystem {
  private prefetched = new Map<string, Prefetched>();
  /** The highest batch the loader has asked for a file of, and the batch fetches waiting for it to move on. */
  private reached = 0;
  private waiting: (() => void)[] = [];
  /** Listings of folders below one listed recursively, each handed out once (the loader's walk asks for each next). */
  private listed = new Map<string, { listing: FsDirectoryListing; arrived: number }>();

  /** @param root the folder's URI; paths are relative to it */
  constructor(
    readonly root: string,
    private readonly send: RequestSender,
  ) {}

  private uriOf(path: string): string {
    return joinUri(this.root, path);
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const known = this.listed.get(path);
    this.listed.delete(path);
    if (known && Date.now() - known.arrived <= prefetchLifetime) return toEntries(path, known.listing);
    // The pages' folder is walked whole by the loader: list it in one round trip rather than one per folder.
    const recursive = path === docsFolder || path.startsWith(`${docsFolder}/`);
    const result = await this.send(fsReadDirectoryRequest, { uri: this.uriOf(path), recursive });
    if (recursive) {
      this.listed = new Map();
      const arrived = Date.now();
      for (const folder of result.folders ?? []) this.listed.set(joinPath(path, folder.path), { listing: folder, arrived });
    }
    return toEntries(path, result);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const ahead = await this.ahead(path);
    if (ahead?.error === 'FileNotFound') {
      this.prefetched.delete(path);
      return undefined;
    }
    if (ahead?.stat) {
      // The bytes stay for the readFile that follows; without bytes there is nothing more to hand out.
      if (ahead.data === undefined) this.prefetched.delete(path);
      return toStat(ahead.stat);
    }
    const { stat, error } = await this.send(fsStatRequest, { uri: this.uriOf(path) });
    if (stat) return toStat(stat);
    if (error === undefined || error === 'FileNotFound') return undefined;
    throw failure(path, error);
  }

  async readFile(path: string): Promise<Uint8Array> {
    const ahead = await this.ahead(path);
    this.prefetched.delete(path);
    if (ahead?.data !== undefined) return decodeBase64(ahead.data);
    const [file] = (await this.send(fsReadFilesRequest, { uris: [this.uriOf(path)], maxBytes: Number.MAX_SAFE_INTEGER })).files;
    if (file?.data === undefined) throw failure(path, file?.error ?? (file?.stat?.kind === 'directory' ? 'FileIsADirectory' : 'EIO'));
    return decodeBase64(file.data);
  }

  /** Fetches `paths` ahead, in order, a few batches at a time; what an earlier call fetched and nobody asked for is dropped. */
  prefetch(paths: readonly string[]): void {
    const prefetched = (this.prefetched = new Map());
    this.reached = 0;
    for (const wake of this.waiting.splice(0)) wake(); // The fetches of an earlier prefetch end.
    const batches: { paths: string[]; settle: (files: (FsReadFileResult | undefined)[]) => void }[] = [];
    for (let start = 0; start < paths.length;) {
      const size = batches.length === 0 && paths.length > batchSize ? firstBatchSize : batchSize;
      const batch = paths.slice(start, start + size);
      start += size;
      const entries = batch.map((path) => {
        let resolve!: (file: FsReadFileResult | undefined) => void;
        const entry: Prefetched = { batch: batches.length, result: new Promise<FsReadFileResult | undefined>((r) => (resolve = r)) };
        prefetched.set(path, entry);
        return { entry, resolve };
      });
      batches.push({
        paths: batch,
        settle: (files) =>
          entries.forEach(({ entry, resolve }, index) => {
            entry.arrived = Date.now();
            resolve(files[index]);
          }),
      });
    }
    let next = 0;
    const run = async (): Promise<void> => {
      for (;;) {
        while (next < batches.length && next > this.reached + batchesAhead) {
          await new Promise<void>((resolve) => this.waiting.push(resolve));
          if (this.prefetched !== prefetched) return; // A later prefetch took over.
        }
        if (next >= batches.length) return;
        const batch = batches[next++];
        try {
          const { files } = await this.send(fsReadFilesRequest, { uris: batch.paths.map((path) => this.uriOf(path)), maxBytes: maxFileBytes });
          batch.settle(files);
        } catch {
          batch.settle([]); // Each file is then read on its own, and its failure reported there.
        }
      }
    };
    for (let worker = 0; worker < batchesInFlight; worker++) void run();
  }

  /** The prefetched answer for `path`, if it was prefetched not too long ago. */
  private async ahead(path: string): Promise<FsReadFileResult | undefined> {
    const entry = this.prefetched.get(path);
    if (!entry) return undefined;
    if (entry.batch > this.reached) {
      this.reached = entry.batch;
      for (const wake of this.waiting.splice(0)) wake();
    }
    if (entry.arrived !== undefined && Date.now() - entry.arrived > prefetchLifetime) {
      this.prefetched.delete(path);
      return undefined;
    }
    const result = await entry.result;
    if (!result || (result.error !== undefined && result.error !== 'FileNotFound')) {
      this.prefetched.delete(path);
      return undefined;
    }
    return result;
  }
}
