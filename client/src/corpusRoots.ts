// Finds the corpus roots the extension should care about: a workspace folder (or a configured
// extra root) that is a corpus root, or whose immediate subfolder is one. What a corpus root is
// comes from the engine, as the server and akcheck decide it: the root marker of the default
// schema, or of the corpus's own `.algoritmekader.json`. Only cheap stat/readDirectory calls: this
// runs on every activation, also in workspaces that are not about the Algoritmekader at all.
import * as vscode from 'vscode';
import { findCorpusRoots as findRootsIn } from '../../engine';
import { WorkspaceFileSystem } from './workspaceFileSystem';

/** The `algoritmekader.extraRoots` setting (user level only in untrusted workspaces: it is a restricted setting). */
export function configuredExtraRoots(): string[] {
  const value = vscode.workspace.getConfiguration('algoritmekader').get<unknown>('extraRoots');
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

/** An extra root as a URI: absolute, or relative to the first workspace folder (undefined when there is none). */
export function resolveExtraRoot(root: string): vscode.Uri | undefined {
  const trimmed = root.trim();
  if (/^([a-zA-Z]:[\\/]|[\\/])/.test(trimmed)) return vscode.Uri.file(trimmed);
  const first = vscode.workspace.workspaceFolders?.[0];
  return first ? vscode.Uri.joinPath(first.uri, ...trimmed.split(/[\\/]+/).filter((part) => part !== '' && part !== '.')) : undefined;
}

/** The corpus roots in `folder` itself and in its immediate subfolders. */
export async function corpusRootsIn(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const found = await findRootsIn(new WorkspaceFileSystem(folder));
  return found.map((path) => (path === '' ? folder : vscode.Uri.joinPath(folder, path)));
}

/** A root as the output channel names it: the path on the desktop, the URI elsewhere. */
export function describeUri(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

export interface CorpusRoots {
  /** Corpus roots found in or below the workspace folders. */
  inWorkspace: vscode.Uri[];
  /** Corpus roots found in or below the configured extra roots, outside the workspace folders. */
  extra: vscode.Uri[];
}

export async function findCorpusRoots(extraRoots: string[]): Promise<CorpusRoots> {
  // Every scheme the editor reads: `file`, and in the browser `vscode-vfs` (github.dev) or `vscode-remote` (code-server).
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
  const extraFolders = extraRoots.map(resolveExtraRoot).filter((uri): uri is vscode.Uri => uri !== undefined);
  const [inWorkspace, extra] = await Promise.all([
    Promise.all(folders.map(corpusRootsIn)).then((lists) => lists.flat()),
    Promise.all(extraFolders.map(corpusRootsIn)).then((lists) => lists.flat()),
  ]);
  // An extra root inside a workspace folder is already covered by the workspace (and its file watchers).
  const seen = new Set(inWorkspace.map((uri) => uri.toString()));
  const outside = extra.filter((uri) => {
    const key = uri.toString();
    if (seen.has(key) || vscode.workspace.getWorkspaceFolder(uri) !== undefined) return false;
    seen.add(key);
    return true;
  });
  return { inWorkspace, extra: outside };
}
