import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { FileSystemError, folderOf, type DirectoryEntry, type FileStat, type WritableFileSystem } from '../fileSystem/fileSystem';

/**
 * The corpus on Node's file system, rooted at a folder. Symbolic links to folders are not followed
 * (they list as `other`), and a linked file, or a file in a folder reached through a link, is
 * refused unless it resolves inside the root: nothing outside the corpus is read. The calls are
 * synchronous underneath: for many small files that is faster than Node's thread pool.
 */
export class NodeFileSystem implements WritableFileSystem {
  private realRootPath?: string;
  /** The folder check of files about to be read (see `prefetch`), made once per folder; each is used once. */
  private readonly checkedAhead = new Map<string, string | undefined>();

  constructor(readonly root: string) {}

  /** The absolute path of a corpus path. */
  absolutePath(path: string): string {
    if (path === '') return join(this.root);
    // A part that is empty, `.` or `..` (and, on Windows, a backslash, which would be a separator there) could lead out of the root.
    if (unsafeParts.test(path) || (sep === '\\' && path.includes('\\'))) throw new FileSystemError(`${path}: not a path inside the corpus`, 'EACCES');
    return join(this.root, path);
  }

  /** The folders of files that the loader is about to read are checked now, once each, instead of at every file. */
  prefetch(paths: readonly string[]): void {
    const byFolder = new Map<string, string | undefined>();
    for (const path of paths) {
      const folder = folderOf(path);
      if (!byFolder.has(folder)) byFolder.set(folder, this.folderProblem(path));
      this.checkedAhead.set(path, byFolder.get(folder));
    }
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const folder = this.absolutePath(path);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      throw asFileSystemError(path, error);
    }
    return entries
      .map((entry): DirectoryEntry => {
        if (entry.isDirectory()) return { name: entry.name, kind: 'directory' };
        if (entry.isFile()) return { name: entry.name, kind: 'file' };
        // A link to a folder is not walked; a link to anything else (or to nothing) is listed, and stat says whether it may be read.
        if (entry.isSymbolicLink()) return { name: entry.name, kind: followsToFolder(join(folder, entry.name)) ? 'other' : 'file' };
        return { name: entry.name, kind: 'other' };
      })
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    return this.statSync(path);
  }

  statSync(path: string): FileStat | undefined {
    const absolute = this.absolutePath(path);
    let stats: Stats;
    try {
      stats = lstatSync(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw asFileSystemError(path, error);
    }
    if (stats.isSymbolicLink()) {
      const refused = this.linkProblem(absolute);
      if (refused) return { kind: 'file', size: 0, mtime: 0, refused };
      stats = statSync(absolute);
    } else if (stats.isFile()) {
      const refused = this.fileFolderProblem(path);
      if (refused) return { kind: 'file', size: stats.size, mtime: stats.mtimeMs, refused };
    }
    return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', size: stats.size, mtime: stats.mtimeMs };
  }

  readPlainFileSync(path: string, maxBytes: number): { stat: FileStat; bytes?: Uint8Array } | undefined {
    // Opened without following a link (a link fails here, and statSync checks where it leads) and
    // without waiting (a FIFO would block an open for reading until a writer came).
    if (constants.O_NOFOLLOW === undefined) return undefined;
    let descriptor: number;
    try {
      descriptor = openSync(this.absolutePath(path), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      return undefined;
    }
    try {
      const stats = fstatSync(descriptor);
      if (!stats.isFile()) return undefined;
      const refused = this.fileFolderProblem(path);
      const stat: FileStat = { kind: 'file', size: stats.size, mtime: stats.mtimeMs, ...(refused && { refused }) };
      if (refused || stats.size > maxBytes) return { stat };
      // The size the stamp names: a file that grows meanwhile is read as it was when its size was taken.
      const bytes = Buffer.allocUnsafe(stats.size);
      let filled = 0;
      while (filled < bytes.length) {
        const read = readSync(descriptor, bytes, filled, bytes.length - filled, null);
        if (read === 0) break;
        filled += read;
      }
      return { stat, bytes: bytes.subarray(0, filled) };
    } catch (error) {
      throw asFileSystemError(path, error);
    } finally {
      closeSync(descriptor);
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    return this.readFileSync(path);
  }

  readFileSync(path: string): Uint8Array {
    try {
      return readFileSync(this.absolutePath(path));
    } catch (error) {
      throw asFileSystemError(path, error);
    }
  }

  async writeFile(path: string, bytes: Uint8Array): Promise<void> {
    try {
      writeFileSync(this.absolutePath(path), bytes);
    } catch (error) {
      throw asFileSystemError(path, error);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const target = this.absolutePath(to);
    try {
      mkdirSync(dirname(target), { recursive: true });
      renameSync(this.absolutePath(from), target);
    } catch (error) {
      throw asFileSystemError(from, error);
    }
  }

  private realRoot(): string {
    this.realRootPath ??= realpathSync.native(this.root);
    return this.realRootPath;
  }

  /** Why a linked file must not be read: it dangles, loops, leaves the root or is no file. */
  private linkProblem(absolute: string): string | undefined {
    let target: string;
    try {
      target = realpathSync(absolute);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loop' : 'symbolic link to nothing';
    }
    const realRoot = this.realRoot();
    if (target !== realRoot && !target.startsWith(realRoot + sep)) return 'symbolic link to a file outside the corpus';
    return lstatSync(target).isFile() ? undefined : 'symbolic link to something that is not a file';
  }

  /** The folder check of a file about to be read: made ahead (see `prefetch`) or now. */
  private fileFolderProblem(path: string): string | undefined {
    if (!this.checkedAhead.has(path)) return this.folderProblem(path);
    const refused = this.checkedAhead.get(path);
    this.checkedAhead.delete(path);
    return refused;
  }

  /** A file in a folder reached through a link (which may lead out of the corpus) is not read: walks follow no link to a folder either. */
  private folderProblem(path: string): string | undefined {
    const folder = folderOf(path);
    try {
      return realpathSync.native(this.absolutePath(folder)) === join(this.realRoot(), ...(folder === '' ? [] : folder.split('/')))
        ? undefined
        : 'in a folder reached through a symbolic link';
    } catch (error) {
      return `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`;
    }
  }
}

/** A corpus path with an empty, `.` or `..` part, or an absolute one. */
const unsafeParts = /(?:^|\/)(?:\.{1,2})?(?:\/|$)/;

function followsToFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function asFileSystemError(path: string, error: unknown): FileSystemError {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  return new FileSystemError(`${path}: ${(error as Error).message ?? String(error)}`, code);
}
