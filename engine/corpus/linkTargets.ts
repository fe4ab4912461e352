// Where a link of a page leads, as the site build reads it (RULES.md, "The page body → Links"): a
// Markdown link's path is a file relative to the page's source folder (MkDocs rewrites `.md`
// targets to page URLs); a raw-HTML `href`/`src` is a URL relative to the page's URL (MkDocs leaves
// it alone, the browser resolves it). Nothing here looks at which files exist: the corpus does.
import type { BodyLink } from '../parsing/markdown/pageBody';
import { baseName, decodePercent, encodeLinkPath, folderOfPath, joinRelative, relativePathFrom, splitTarget } from '../text/urls';
import type { SiteConfig } from './resources';

/** The folder of the site's pages, relative to the corpus root. */
const docs = 'docs';

export interface LinkTarget {
  /** The scheme of an absolute URL, in lower case. */
  scheme?: string;
  /** The path part, percent escapes decoded ('' for a link to the page itself). */
  path: string;
  /** `?…` as written, or ''. */
  query: string;
  /** The fragment, percent escapes decoded; undefined without `#`. */
  fragment?: string;
  /** The target contains `{{ … }}`: a template expression that nothing expands. */
  template: boolean;
  /** The target starts with the site's own `site_url`. */
  siteUrl: boolean;
  /**
   * For a Markdown link with a relative path: the corpus path it names as a file relative to the
   * page's folder (what MkDocs checks and rewrites); null when that climbs out of `docs/`.
   */
  file?: string | null;
  /**
   * Read as a URL of the site (a raw-HTML link relative to the page's URL; a Markdown link without
   * extension or ending in `/`, which the browser resolves the same way; a root-relative or
   * `site_url` link from the site's root): the corpus paths it may name, most likely first; null
   * when it climbs above the site's root.
   */
  urls?: string[] | null;
}

/** What a link of the page at `documentPath` leads to. */
export function linkTargetOf(documentPath: string, link: BodyLink, site: SiteConfig): LinkTarget {
  const split = splitTarget(link.target);
  const path = decodePercent(split.path);
  const target: LinkTarget = {
    scheme: split.scheme,
    path,
    query: split.query,
    fragment: split.fragment === undefined ? undefined : decodePercent(split.fragment),
    template: /\{\{[^]*\}\}/.test(link.target),
    siteUrl: false,
  };
  if (target.template) return target;
  if (split.scheme) {
    const under = site.siteUrl === undefined ? undefined : pathUnderSiteUrl(split.path, site.siteUrl);
    if (under !== undefined) {
      target.siteUrl = true;
      target.urls = urlCandidates(decodePercent(under), site);
    }
    return target;
  }
  if (path === '') return target;
  if (path.startsWith('/')) {
    target.urls = urlCandidates(withoutSitePrefix(path, site), site);
    return target;
  }
  if (link.kind !== 'html') {
    const file = joinRelative(folderOfPath(documentPath), path);
    target.file = file !== undefined && file.startsWith(`${docs}/`) ? file : null;
    if (!looksLikeFile(path)) target.urls = relativeUrlCandidates(documentPath, path, site);
  } else target.urls = relativeUrlCandidates(documentPath, path, site);
  return target;
}

/** Every corpus path a link target may name: the link graph's keys for it. */
export function candidatePaths(target: LinkTarget): string[] {
  const paths = target.urls ?? [];
  return target.file ? [target.file, ...paths] : paths;
}

/** Whether a path ends in a file name with an extension (not a folder, not a site URL). */
export function looksLikeFile(path: string): boolean {
  const name = baseName(path);
  return name.lastIndexOf('.') > 0;
}

/** Whether a path (decoded, without `#`) names a Markdown source file. */
export function isMarkdownPath(path: string): boolean {
  return /\.md$/i.test(path);
}

/** The URL of a page or file of `docs/`, relative to the site's root (`a/b/`, `a/`, '' or `a/b.html`; a file keeps its path). */
export function siteUrlOf(path: string, site: SiteConfig): string {
  const inDocs = path.startsWith(`${docs}/`) ? path.slice(docs.length + 1) : path;
  if (!isMarkdownPath(inDocs)) return inDocs;
  const stem = inDocs.slice(0, -3);
  if (baseName(stem) === 'index') return site.useDirectoryUrls ? stem.slice(0, -5) : `${stem}.html`;
  return site.useDirectoryUrls ? `${stem}/` : `${stem}.html`;
}

/** The folder (relative to the site's root, without a trailing `/`) that relative URLs on a page resolve against. */
export function urlFolderOf(path: string, site: SiteConfig): string {
  const url = siteUrlOf(path, site);
  return url.endsWith('/') ? url.slice(0, -1) : folderOfPath(url);
}

/** The corpus paths a URL relative to the site's root (decoded, no leading `/`) may name, most likely first. */
export function urlCandidates(url: string, site: SiteConfig): string[] {
  const folder = url === '' || url.endsWith('/') ? url.replace(/\/$/, '') : baseName(url) === 'index.html' ? folderOfPath(url) : undefined;
  if (folder !== undefined) {
    const prefix = folder === '' ? `${docs}/` : `${docs}/${folder}/`;
    return [`${prefix}index.md`, ...(site.useDirectoryUrls && folder !== '' ? [`${docs}/${folder}.md`] : []), `${prefix}index.html`];
  }
  const candidates: string[] = [];
  if (looksLikeFile(url) && !url.endsWith('.html')) return [`${docs}/${url}`];
  // Without its trailing `/`, a page URL is redirected to the folder by the web server.
  if (site.useDirectoryUrls) candidates.push(`${docs}/${url}.md`, `${docs}/${url}/index.md`);
  else if (url.endsWith('.html')) candidates.push(`${docs}/${url.slice(0, -5)}.md`);
  candidates.push(`${docs}/${url}`);
  return candidates;
}

function relativeUrlCandidates(documentPath: string, path: string, site: SiteConfig): string[] | null {
  const url = joinRelative(urlFolderOf(documentPath, site), path);
  return url === undefined ? null : urlCandidates(url, site);
}

/** The part of an absolute URL after the site's `site_url` (http and https alike), or undefined when it is another site. */
function pathUnderSiteUrl(url: string, siteUrl: string): string | undefined {
  const strip = (text: string) => text.replace(/^https?:\/\//i, '//');
  const base = strip(siteUrl).replace(/\/*$/, '/');
  const candidate = strip(url);
  if (candidate.toLowerCase() === base.slice(0, -1).toLowerCase()) return '';
  return candidate.toLowerCase().startsWith(base.toLowerCase()) ? candidate.slice(base.length) : undefined;
}

/** A root-relative path without its leading `/` and, when it has it, the path of `site_url` (`/Algoritmekader/`). */
function withoutSitePrefix(path: string, site: SiteConfig): string {
  const sitePath = site.siteUrl ? /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(site.siteUrl)?.[1] : undefined;
  const prefix = sitePath ? sitePath.replace(/\/*$/, '/') : '/';
  return path.startsWith(prefix) ? path.slice(prefix.length) : path.slice(1);
}

/**
 * The path a link of the page at `documentPath` must have to lead to `toPath`: for a Markdown link
 * the file relative to the page's folder, for raw HTML the URL relative to the page's URL.
 */
export function linkPathTo(documentPath: string, kind: BodyLink['kind'], toPath: string, site: SiteConfig): string {
  if (kind !== 'html') {
    const relative = relativePathFrom(folderOfPath(documentPath), toPath);
    return encodeLinkPath(relative === '' ? baseName(toPath) : relative);
  }
  const relative = relativePathFrom(urlFolderOf(documentPath, site), siteUrlOf(toPath, site));
  return encodeLinkPath(relative === '' ? './' : relative);
}

/** The text after the path of a target as written: its `?query` and `#fragment`, kept when a link is pointed elsewhere. */
export function targetSuffix(target: string): string {
  const at = target.search(/[?#]/);
  return at === -1 ? '' : target.slice(at);
}
