import type { CorpusResources } from '../corpus/resources';
import type { FileSystem } from '../fileSystem/fileSystem';
import type { CorpusSchema } from '../schema/schema';
import { isAuthoringResourcePath, loadAuthoringResources, templatePath } from './authoringResources';
import { siteConfigFiles } from '../schema/configFileName';
import { loadSiteConfig } from './siteConfig';

/**
 * Reads the corpus files beside its pages that rules need. A file that is missing or cannot be
 * read leaves its resource out; nothing here throws.
 */
export async function loadResources(fs: FileSystem, schema: CorpusSchema): Promise<CorpusResources> {
  return { site: await loadSiteConfig(fs), ...(await loadAuthoringResources(fs, schema)) };
}

/** The paths `loadResources` reads, in its order (for a file system's prefetch hint). */
export function resourcePaths(schema: CorpusSchema): string[] {
  return [...siteConfigFiles, schema.sources.file, schema.glossary, ...Object.keys(schema.documentTypes).map((type) => templatePath(schema, type))];
}

/** Whether a corpus path is one of the resource files (a change to it means reloading the resources). */
export function isResourcePath(path: string, schema: CorpusSchema): boolean {
  return siteConfigFiles.includes(path) || isAuthoringResourcePath(path, schema);
}
