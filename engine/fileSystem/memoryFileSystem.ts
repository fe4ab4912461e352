import { FileSystemError, type DirectoryEntry, type Disposable, type FileChange, type FileStat, type WritableFileSystem } from './fileSystem';

const encoder = new TextEncoder();

/**
 * Files held in memory, for tests and for corpora that exist only in an editor. Folders exist
 * where files are. Every write reports a change to the listeners, as a file watcher would.
 */
export class MemoryFileSystem implements WritableFileSystem {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private readonly listeners = new Set<(changes: FileChange[]) => void>();
  private clock = 0;

  /** @param files path → text (UTF-8) or bytes */
  constructor(files: Readonly<Record<string, string | Uint8Array>> = {}) {
    for (const [path, content] of Object.entries(files)) this.files.set(path, { bytes: toBytes(content), mtime: ++this.clock });
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const prefix = path === '' ? '' : `${path}/`;
    const entries = new Map<string, DirectoryEntry>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash === -1 ? rest : rest.slice(0, slash);
      entries.set(name, { name, kind: slash === -1 ? 'file' : 'directory' });
    }
    if (entries.size === 0 && path !== '') throw new FileSystemError(`${path}: no such folder`, 'ENOENT');
    return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    return this.statSync(path);
  }

  statSync(path: string): FileStat | undefined {
    const file = this.files.get(path);
    if (file) return { kind: 'file', size: file.bytes.length, mtime: file.mtime };
    if (path === '' || [...this.files.keys()].some((name) => name.startsWith(`${path}/`))) return { kind: 'directory', size: 0, mtime: 0 };
    return undefined;
  }

  async readFile(path: string): Promise<Uint8Array> {
    return this.readFileSync(path);
  }

  readFileSync(path: string): Uint8Array {
    const file = this.files.get(path);
    if (!file) throw new FileSystemError(`${path}: no such file`, 'ENOENT');
    return file.bytes;
  }

  async writeFile(path: string, content: string | Uint8Array): Promise<void> {
    const existed = this.files.has(path);
    this.files.set(path, { bytes: toBytes(content), mtime: ++this.clock });
    this.emit([{ path, type: existed ? 'changed' : 'created' }]);
  }

  async delete(path: string): Promise<void> {
    if (this.files.delete(path)) this.emit([{ path, type: 'deleted' }]);
  }

  async rename(from: string, to: string): Promise<void> {
    const file = this.files.get(from);
    if (!file) throw new FileSystemError(`${from}: no such file`, 'ENOENT');
    this.files.delete(from);
    this.files.set(to, { bytes: file.bytes, mtime: ++this.clock });
    this.emit([
      { path: from, type: 'deleted' },
      { path: to, type: 'created' },
    ]);
  }

  onDidChange(listener: (changes: FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The text of a file (UTF-8), or undefined when there is none. */
  text(path: string): string | undefined {
    const file = this.files.get(path);
    return file && new TextDecoder().decode(file.bytes);
  }

  /** Every file path, sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  private emit(changes: FileChange[]): void {
    for (const listener of this.listeners) listener(changes);
  }
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? encoder.encode(content) : content;
}
