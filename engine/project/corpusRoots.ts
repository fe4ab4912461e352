import { subFileSystem, type FileSystem } from '../fileSystem/fileSystem';
import { configFileName } from '../schema/configFileName';
import { defaultSchema, type CorpusSchema } from '../schema/schema';
import { loadCorpusConfig } from './corpusConfig';

/** Whether the root of `fs` is a corpus root by `schema`: it holds the schema's root marker folder. */
export async function isCorpusRoot(fs: FileSystem, schema: CorpusSchema): Promise<boolean> {
  try {
    return (await fs.stat(schema.rootMarker))?.kind === 'directory';
  } catch {
    return false;
  }
}

/** A corpus root by the default schema, or by the schema of its own configuration file (which may set another root marker). */
export async function isCorpusRootFolder(fs: FileSystem): Promise<boolean> {
  if (await isCorpusRoot(fs, defaultSchema)) return true;
  try {
    if (!(await fs.stat(configFileName))) return false;
    return await isCorpusRoot(fs, (await loadCorpusConfig(fs)).schema);
  } catch {
    return false; // A broken configuration is reported when the root is indexed.
  }
}

/** Folders never looked into for a corpus root: hidden ones, packages, and build output. */
const skippedFolders = new Set(['node_modules', 'site', 'dist', 'out']);

/**
 * The corpus roots in a workspace folder: the folder itself, or else its direct subfolders, as
 * paths relative to it ('' for the folder itself).
 */
export async function findCorpusRoots(fs: FileSystem): Promise<string[]> {
  if (await isCorpusRootFolder(fs)) return [''];
  let entries;
  try {
    entries = await fs.readDirectory('');
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.kind === 'directory' && !entry.name.startsWith('.') && !skippedFolders.has(entry.name) && (await isCorpusRootFolder(subFileSystem(fs, entry.name))))
      found.push(entry.name);
  }
  return found;
}
