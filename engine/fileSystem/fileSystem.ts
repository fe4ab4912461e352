// The engine reads a corpus only through this interface: Node's file system for the CLI and the
// server, files in memory for the tests, and (in the browser) the editor's workspace file system.
// Paths are relative to the corpus root, with `/` separators ('' is the root itself), so an
// implementation decides once where the root is and nothing can name a file outside it.

export type FileKind = 'file' | 'directory' | 'other';

export interface DirectoryEntry {
  name: string;
  /** What the entry is. A symbolic link to a folder is `other`: walks do not follow it, so a link loop cannot trap them. */
  kind: FileKind;
}

export interface FileStat {
  kind: FileKind;
  size: number;
  /** Modification time in milliseconds, to tell later whether the file changed. */
  mtime: number;
  /** Why the file must not be read although it is there: a symbolic link that dangles or leaves the root, a file in a linked folder. */
  refused?: string;
}

export type FileChangeType = 'created' | 'changed' | 'deleted';

export interface FileChange {
  path: string;
  type: FileChangeType;
}

export interface Disposable {
  dispose(): void;
}

export interface FileSystem {
  /** The entries of a folder, sorted by name. Throws a FileSystemError when the folder cannot be read. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** What is at `path`, or undefined when nothing is. */
  stat(path: string): Promise<FileStat | undefined>;
  /** The bytes of a file. Throws a FileSystemError when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * The bytes of a file, synchronously, where the platform can: a checker of a large corpus then
   * drops each text after parsing and reads it back only when a fix needs it.
   */
  readFileSync?(path: string): Uint8Array;
  /** `stat`, synchronously, where `readFileSync` is offered. */
  statSync?(path: string): FileStat | undefined;
  /**
   * `statSync` and `readFileSync` of a plain file in one go, where the platform saves a lookup of
   * the path by it (many small files: the lookups are a good part of reading them). The bytes come
   * unless the file is refused or larger than `maxBytes`. Undefined for anything but a plain file
   * (a link, a folder, nothing): `statSync` then says what it is. Offered only with those two.
   */
  readPlainFileSync?(path: string, maxBytes: number): { stat: FileStat; bytes?: Uint8Array } | undefined;
  /** Tells `listener` of files created, changed or deleted, where the implementation can see them. */
  onDidChange?(listener: (changes: FileChange[]) => void): Disposable;
  /**
   * A hint: these files are about to be read (each with `stat`, then `readFile`), in this order. A
   * file system with a slow round trip (the editor's, from a browser worker) fetches them ahead in
   * batches; a fetched file is handed out once, later reads go to the source again.
   */
  prefetch?(paths: readonly string[]): void;
}

/** A file system that can also write: what applying fixes and renaming pages needs. */
export interface WritableFileSystem extends FileSystem {
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** Moves a file, creating the target's folder when needed. */
  rename(from: string, to: string): Promise<void>;
}

export class FileSystemError extends Error {
  /** `code` is a short cause such as ENOENT or EACCES, for messages. */
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The folder part of a corpus path ('' for a file in the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** `folder` and `name` joined as a corpus path. */
export function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** The part of a file system under `folder`, as a file system of its own (for a corpus root one level down). */
export function subFileSystem(fs: FileSystem, folder: string): FileSystem {
  if (folder === '') return fs;
  const inner = (path: string) => joinPath(folder, path);
  return {
    readDirectory: (path) => fs.readDirectory(inner(path)),
    stat: (path) => fs.stat(inner(path)),
    readFile: (path) => fs.readFile(inner(path)),
  };
}
