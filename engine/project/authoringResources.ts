// The files beside the pages that authors work with and some rules need: the CSV of the audit
// frameworks' codes that `sources` cites, the glossary appended to every page, and the page
// templates. Their locations are schema data (overridable per corpus).
import type { CorpusResources } from '../corpus/resources';
import { folderOf, type FileSystem } from '../fileSystem/fileSystem';
import { parseGlossary } from '../parsing/glossary';
import { parseSourceCodes } from '../parsing/sourceCodes';
import type { CorpusSchema } from '../schema/schema';

/** Larger than any real one: such a file is not read. */
const maxBytes = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The path of the template of a document type. */
export function templatePath(schema: CorpusSchema, type: string): string {
  return `${schema.templateFolder}/template-${type}.md`;
}

export async function loadAuthoringResources(fs: FileSystem, schema: CorpusSchema): Promise<Pick<CorpusResources, 'sourceCodes' | 'glossary' | 'templates'>> {
  const csv = await readText(fs, schema.sources.file);
  const glossary = await readText(fs, schema.glossary);
  const templates: Record<string, string> = {};
  for (const type of Object.keys(schema.documentTypes)) {
    const text = await readText(fs, templatePath(schema, type));
    if (text !== undefined) templates[type] = text;
  }
  return {
    sourceCodes: csv === undefined ? undefined : parseSourceCodes(csv, schema.sources.frameworks),
    glossary: glossary === undefined ? undefined : parseGlossary(schema.glossary, glossary),
    templates,
  };
}

export function isAuthoringResourcePath(path: string, schema: CorpusSchema): boolean {
  return (
    path === schema.sources.file || path === schema.glossary || (folderOf(path) === schema.templateFolder && /^template-[^/]+\.md$/.test(path.slice(path.lastIndexOf('/') + 1)))
  );
}

/** The text of a UTF-8 file of at most 1 MiB, or undefined when it is missing, refused, too large or not text. */
async function readText(fs: FileSystem, path: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(path);
    if (stat?.kind !== 'file' || stat.refused || stat.size > maxBytes) return undefined;
    return utf8.decode(await fs.readFile(path));
  } catch {
    return undefined;
  }
}
