import type { CorpusSchema } from '../schema/schema';

/** Where a file sits in the corpus: a document of a type, a taxonomy page, or another page. */
export interface DocumentKind {
  slug: string;
  type?: string;
  taxonomy?: string;
}

/** Classifies a `.md` path relative to the corpus root (with `/` separators). */
export function classifyPath(path: string, schema: CorpusSchema): DocumentKind {
  const slash = path.lastIndexOf('/');
  const folder = slash === -1 ? '' : path.slice(0, slash);
  const slug = path.slice(slash + 1).replace(/\.md$/i, '');
  if (slug === 'index') return { slug };
  for (const [type, definition] of Object.entries(schema.documentTypes)) {
    if (definition.folder === folder) return { slug, type };
  }
  for (const [taxonomy, taxonomyFolder] of Object.entries(schema.taxonomies)) {
    if (taxonomyFolder === folder) return { slug, taxonomy };
  }
  return { slug };
}
