// The client's side of the corpus for a server in a browser worker: it answers the server's typed
// file requests (protocol/) from `vscode.workspace.fs`, which reads whatever the editor can (a GitHub
// repository in github.dev, a remote in code-server, the disk on the desktop). Only URIs inside the
// workspace folders and the configured extra roots are answered.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  encodeBase64,
  fsReadDirectoryRequest,
  fsReadFilesRequest,
  fsStatRequest,
  type FsDirectoryListing,
  type FsReadDirectoryResult,
  type FsReadFileResult,
  type FsStat,
} from '../../protocol';
import { kindOf } from './workspaceFileSystem';

/** Files read at once (over all readFiles requests), and folders listed at once for a recursive listing. */
const parallelReads = 64;
/** A recursive listing stops adding folders after this many entries (the server lists the rest one by one). */
const maxListedEntries = 50_000;

function codeOf(error: unknown): string {
  return error instanceof vscode.FileSystemError && error.code ? error.code : 'Unknown';
}

function toStat(stat: vscode.FileStat): FsStat {
  return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime };
}

/** `uri` is `root` or lies below it (same scheme and authority, path prefix at a `/`). */
function isUnder(root: vscode.Uri, uri: vscode.Uri): boolean {
  if (root.scheme !== uri.scheme || root.authority !== uri.authority) return false;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path === root.path || uri.path.startsWith(base);
}

export function answerFileSystemRequests(client: BaseLanguageClient, extraRootUris: vscode.Uri[]): vscode.Disposable[] {
  /** The URI, when it is one the server may read. */
  const allowed = (text: string): vscode.Uri | undefined => {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(text, true);
    } catch {
      return undefined;
    }
    if (uri.path.split('/').includes('..')) return undefined;
    return vscode.workspace.getWorkspaceFolder(uri) !== undefined || extraRootUris.some((root) => isUnder(root, uri)) ? uri : undefined;
  };

  const readFile = async (text: string, maxBytes: number): Promise<FsReadFileResult> => {
    const uri = allowed(text);
    if (!uri) return { error: 'NoPermissions' };
    try {
      // Stat and read at once: each is a round trip (to the main thread, and on to a remote or a
      // repository); the bytes of a file that turns out too large or not a file are dropped.
      const reading = vscode.workspace.fs.readFile(uri);
      reading.then(undefined, () => {}); // A folder or a missing file fails here too; the stat tells why.
      const stat = toStat(await vscode.workspace.fs.stat(uri));
      if (stat.kind !== 'file' || stat.size > maxBytes) return { stat };
      return { stat, data: encodeBase64(await reading) };
    } catch (error) {
      return { error: codeOf(error) };
    }
  };

  // The reads of every readFiles request share `parallelReads` slots, first come first served: of the
  // batches the server asks for ahead, the first then arrives first (and its pages can be checked)
  // rather than all of them at the end, each having had a share of the reads.
  let reading = 0;
  const waiting: (() => void)[] = [];
  const readSlot = (): Promise<void> | void => {
    if (reading < parallelReads) {
      reading++;
      return;
    }
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
  /** Hands the slot to the next read waiting, if any. */
  const releaseReadSlot = () => {
    const next = waiting.shift();
    if (next) next();
    else reading--;
  };

  const list = async (uri: vscode.Uri): Promise<FsDirectoryListing> => {
    try {
      const entries = await vscode.workspace.fs.readDirectory(uri);
      return { entries: entries.map(([name, type]) => [name, kindOf(type)]) };
    } catch (error) {
      return { error: codeOf(error) };
    }
  };

  /** The listings of every folder below `root`, level by level, a few folders at a time (links to folders are not followed: their kind is `other`). */
  const listBelow = async (root: vscode.Uri, top: FsDirectoryListing): Promise<FsReadDirectoryResult['folders']> => {
    const folders: NonNullable<FsReadDirectoryResult['folders']> = [];
    let listed = top.entries?.length ?? 0;
    let level = (top.entries ?? []).filter(([, kind]) => kind === 'directory').map(([name]) => name);
    while (level.length > 0 && listed < maxListedEntries) {
      const next: string[] = [];
      for (let start = 0; start < level.length && listed < maxListedEntries; start += parallelReads) {
        const paths = level.slice(start, start + parallelReads);
        const listings = await Promise.all(paths.map((path) => list(vscode.Uri.joinPath(root, ...path.split('/')))));
        listings.forEach((listing, index) => {
          folders.push({ path: paths[index], ...listing });
          listed += listing.entries?.length ?? 0;
          for (const [name, kind] of listing.entries ?? []) if (kind === 'directory') next.push(`${paths[index]}/${name}`);
        });
      }
      level = next;
    }
    return folders;
  };

  return [
    client.onRequest(fsReadDirectoryRequest, async ({ uri: text, recursive }): Promise<FsReadDirectoryResult> => {
      const uri = allowed(text);
      if (!uri) return { error: 'NoPermissions' };
      const top = await list(uri);
      return recursive && top.entries ? { ...top, folders: await listBelow(uri, top) } : top;
    }),
    client.onRequest(fsStatRequest, async ({ uri: text }) => {
      const uri = allowed(text);
      if (!uri) return { error: 'NoPermissions' };
      try {
        return { stat: toStat(await vscode.workspace.fs.stat(uri)) };
      } catch (error) {
        return { error: codeOf(error) };
      }
    }),
    client.onRequest(fsReadFilesRequest, async ({ uris, maxBytes }) => {
      const files = await Promise.all(
        uris.map(async (uri): Promise<FsReadFileResult> => {
          await readSlot();
          try {
            return await readFile(uri, maxBytes);
          } finally {
            releaseReadSlot();
          }
        }),
      );
      return { files };
    }),
  ];
}
