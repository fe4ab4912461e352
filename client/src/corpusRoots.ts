// Finds the corpus roots the extension should care about: a workspace folder (or a configured
// extra root) that is a corpus root, or whose immediate subfolder is one. A corpus root is a
// folder with `docs/voldoen-aan-wetten-en-regels/`. Only cheap stat/readDirectory calls: this
// runs on every activation, also in workspaces that are not about the Algoritmekader at all.
import * as vscode from 'vscode';

const markerPath = ['docs', 'voldoen-aan-wetten-en-regels'];
const skippedFolders = new Set(['node_modules', 'site', 'dist', 'out']);

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

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

export function isCorpusRoot(folder: vscode.Uri): Promise<boolean> {
  return isDirectory(vscode.Uri.joinPath(folder, ...markerPath));
}

/** The corpus roots in `folder` itself and in its immediate subfolders. */
async function corpusRootsIn(folder: vscode.Uri): Promise<vscode.Uri[]> {
  if (await isCorpusRoot(folder)) return [folder];
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const subfolders = entries
    .filter(([name, type]) => (type & vscode.FileType.Directory) !== 0 && !name.startsWith('.') && !skippedFolders.has(name))
    .map(([name]) => vscode.Uri.joinPath(folder, name));
  const found = await Promise.all(subfolders.map(async (sub) => ((await isCorpusRoot(sub)) ? sub : undefined)));
  return found.filter((uri): uri is vscode.Uri => uri !== undefined);
}

export interface CorpusRoots {
  /** Corpus roots found in or below the workspace folders. */
  inWorkspace: vscode.Uri[];
  /** Corpus roots found in or below the configured extra roots, outside the workspace folders. */
  extra: vscode.Uri[];
}

export async function findCorpusRoots(extraRoots: string[]): Promise<CorpusRoots> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri);
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
