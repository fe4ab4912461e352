// The link graph of a corpus: where each page's body links lead, who links to which path, and the
// files under `docs/` that are not pages. Kept up to date page by page, like the rest of the index,
// so that a page that appears, goes or changes its headings tells which pages to check again.
import type { ParsedDocument } from '../parsing/parseDocument';
import { StringPool } from '../text/strings';
import { slugIdPrefix } from '../text/suggest';
import { baseName, folderOfPath } from '../text/urls';
import { candidatePaths, isMarkdownPath, linkTargetOf, type LinkTarget } from './linkTargets';
import { PathIndex } from './pathIndex';
import { defaultSiteConfig, type SiteConfig } from './resources';

export class LinkGraph {
  private site: SiteConfig = defaultSiteConfig;
  /** Each page's link targets, in the order of its `body.links`. */
  private readonly targets = new Map<string, { document: ParsedDocument; targets: LinkTarget[] }>();
  /** Corpus path → pages with a link that may name it. */
  private readonly linkers = new PathIndex();
  /** Lower-cased base name or id prefix of a linked path → pages with such a link (their fixes look for a page of that name). */
  private readonly nameLinkers = new PathIndex();
  /** Folder of a linked `.md` path → pages with such a link (a missing page's fixes offer the closest pages of its folder). */
  private readonly folderLinkers = new PathIndex();
  /** Files under `docs/` that are not pages (images, PDFs, pages that could not be read). */
  private readonly files = new Set<string>();
  /** Lower-cased base name → pages and files with that name. */
  private readonly names = new PathIndex();
  /** The strings of the targets kept: many pages link to the same paths, and a target cut from a page's text must not keep the text. */
  private readonly strings = new StringPool();
  /**
   * Whether the three indexes of linking pages are kept: they are made when first asked for (by a
   * server working out which pages an edit touches), so that a one-off check never makes them.
   */
  private linkersIndexed = false;

  get siteConfig(): SiteConfig {
    return this.site;
  }

  /** A new site configuration: every page's targets are worked out again. */
  setSite(site: SiteConfig, documents: Iterable<ParsedDocument>): void {
    this.site = site;
    for (const document of documents) {
      this.removeDocument(document);
      this.addDocument(document);
    }
  }

  addDocument(document: ParsedDocument): void {
    const targets = document.body.links.map((link) => this.kept(linkTargetOf(document.path, link, this.site)));
    this.targets.set(document.path, { document, targets });
    this.names.add(baseName(document.path).toLowerCase(), document.path);
    if (this.linkersIndexed) this.forEachKey(targets, (index, key) => index.add(key, document.path));
  }

  removeDocument(document: ParsedDocument): void {
    const entry = this.targets.get(document.path);
    this.names.delete(baseName(document.path).toLowerCase(), document.path);
    if (!entry) return;
    this.targets.delete(document.path);
    if (this.linkersIndexed) this.forEachKey(entry.targets, (index, key) => index.delete(key, document.path));
  }

  /** The targets of a page's links, in the order of `document.body.links`. */
  targetsOf(document: ParsedDocument): readonly LinkTarget[] {
    const entry = this.targets.get(document.path);
    if (entry?.document === document) return entry.targets;
    return document.body.links.map((link) => linkTargetOf(document.path, link, this.site));
  }

  /** Pages with a link that may name `path`. */
  linking(path: string): ReadonlySet<string> {
    this.indexLinkers();
    return this.linkers.get(path);
  }

  /** Pages with a link to a path of the same base name or id prefix as `path` (whose fixes may point at it). */
  linkingName(path: string): Set<string> {
    this.indexLinkers();
    const result = new Set(this.nameLinkers.get(baseName(path).toLowerCase()));
    const prefix = slugIdPrefix(baseName(path));
    if (prefix) for (const linker of this.nameLinkers.get(prefix)) result.add(linker);
    return result;
  }

  /** Pages with a link to a `.md` path in the folder of `path`. */
  linkingFolder(path: string): ReadonlySet<string> {
    this.indexLinkers();
    return this.folderLinkers.get(folderOfPath(path));
  }

  addFile(path: string): void {
    this.files.add(path);
    this.names.add(baseName(path).toLowerCase(), path);
  }

  deleteFile(path: string): boolean {
    this.names.delete(baseName(path).toLowerCase(), path);
    return this.files.delete(path);
  }

  hasFile(path: string): boolean {
    return this.files.has(path);
  }

  allFiles(): IterableIterator<string> {
    return this.files.values();
  }

  /** Pages and files whose base name is `name`, ignoring case. */
  named(name: string): ReadonlySet<string> {
    return this.names.get(name.toLowerCase());
  }

  /** Makes the indexes of linking pages now rather than when first asked. */
  prepareForEdits(): void {
    this.indexLinkers();
  }

  private indexLinkers(): void {
    if (this.linkersIndexed) return;
    this.linkersIndexed = true;
    for (const [path, { targets }] of this.targets) this.forEachKey(targets, (index, key) => index.add(key, path));
  }

  private kept(target: LinkTarget): LinkTarget {
    const { strings } = this;
    if (target.scheme !== undefined) target.scheme = strings.get(target.scheme);
    target.path = strings.get(target.path);
    target.query = strings.get(target.query);
    if (target.fragment !== undefined) target.fragment = strings.get(target.fragment);
    if (target.file) target.file = strings.get(target.file);
    if (target.urls) target.urls = target.urls.map((url) => strings.get(url));
    return target;
  }

  private forEachKey(targets: readonly LinkTarget[], visit: (index: PathIndex, key: string) => void): void {
    for (const target of targets) {
      const paths = candidatePaths(target);
      for (const path of paths) visit(this.linkers, path);
      const first = paths[0];
      if (first !== undefined && isMarkdownPath(first)) visit(this.folderLinkers, folderOfPath(first));
      if (target.file === undefined || target.file === null) continue;
      const name = baseName(target.file);
      visit(this.nameLinkers, name.toLowerCase());
      const prefix = slugIdPrefix(name);
      if (prefix) visit(this.nameLinkers, prefix);
    }
  }
}
