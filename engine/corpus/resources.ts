// Files of a corpus beside its pages that the site build reads and some rules need (the site's
// configuration, code lists, the glossary, the templates). Each is optional: a corpus without one
// has the rules that need it skipped. Loaded by `project/loadResources.ts`.
import type { Glossary } from '../parsing/glossary';
import type { SourceCodes } from '../parsing/sourceCodes';

export interface CorpusResources {
  /** From `mkdocs.yml`: how the site maps pages to URLs. Without the file, MkDocs's defaults hold. */
  site?: SiteConfig;
  /** From `script/maatregelen-adr-ark.csv`: the codes `sources` of a maatregel may cite, per key (AK093). */
  sourceCodes?: SourceCodes;
  /** `includes/begrippenlijst.md`: the terms the site explains on every page (AK095, hover). */
  glossary?: Glossary;
  /** `templates/template-<type>.md`, by document type: the corpus's own page templates, as text. */
  templates?: Record<string, string>;
}

/** The settings of `mkdocs.yml` that decide where pages are served and how links resolve. */
export interface SiteConfig {
  /** `site_url`, when set: an absolute link that starts with it is a link to the site itself. */
  siteUrl?: string;
  /** `use_directory_urls` (default true): `docs/a/b.md` is served at `a/b/` rather than `a/b.html`. */
  useDirectoryUrls: boolean;
}

export const defaultSiteConfig: SiteConfig = { useDirectoryUrls: true };
