// The engine's file-system interface over VS Code's workspace file system, rooted at a folder URI:
// what lets the client ask the engine's own questions (is this a corpus root?) in any workspace,
// also a virtual one.
import * as vscode from 'vscode';
import { FileSystemError, type DirectoryEntry, type FileKind, type FileStat, type FileSystem } from '../../engine';

export class WorkspaceFileSystem implements FileSystem {
  constructor(private readonly root: vscode.Uri) {}

  private uriOf(path: string): vscode.Uri {
    return path === '' ? this.root : vscode.Uri.joinPath(this.root, ...path.split('/'));
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uriOf(path));
      return entries.map(([name, type]) => ({ name, kind: kindOf(type) })).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (error) {
      throw toFileSystemError(path, error);
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(this.uriOf(path));
      return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime };
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw toFileSystemError(path, error);
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    try {
      return await vscode.workspace.fs.readFile(this.uriOf(path));
    } catch (error) {
      throw toFileSystemError(path, error);
    }
  }
}

export function kindOf(type: vscode.FileType): FileKind {
  // A link to a folder is not walked, as on Node.
  if (type & vscode.FileType.SymbolicLink && type & vscode.FileType.Directory) return 'other';
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

function toFileSystemError(path: string, error: unknown): FileSystemError {
  const code = error instanceof vscode.FileSystemError ? error.code : 'EIO';
  return new FileSystemError(`${path}: ${error instanceof Error ? error.message : String(error)}`, code);
}
