// The settings of the site's `mkdocs.yml` that decide how pages map to URLs. The file is the site
// build's, not ours: it has Python tags (`!!python/name:…`, `!ENV`) that are read as plain values,
// and anything unexpected leaves MkDocs's default in place.
import { parseDocument } from 'yaml';
import type { SiteConfig } from '../corpus/resources';
import type { FileSystem } from '../fileSystem/fileSystem';
import { siteConfigFiles } from '../schema/configFileName';

/** Larger than any real site configuration: such a file is not read. */
const maxBytes = 1024 * 1024;

/** The site configuration of a corpus, or undefined when it has no readable `mkdocs.yml`. */
export async function loadSiteConfig(fs: FileSystem): Promise<SiteConfig | undefined> {
  for (const path of siteConfigFiles) {
    try {
      const stat = await fs.stat(path);
      if (stat?.kind !== 'file' || stat.refused || stat.size > maxBytes) continue;
      return parseSiteConfig(new TextDecoder().decode(await fs.readFile(path)));
    } catch {
      // Unreadable: the defaults hold.
    }
  }
  return undefined;
}

export function parseSiteConfig(text: string): SiteConfig {
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const siteUrl = document.get('site_url');
  const useDirectoryUrls = document.get('use_directory_urls');
  return {
    siteUrl: typeof siteUrl === 'string' && /^https?:\/\//i.test(siteUrl.trim()) ? siteUrl.trim() : undefined,
    useDirectoryUrls: typeof useDirectoryUrls === 'boolean' ? useDirectoryUrls : true,
  };
}
