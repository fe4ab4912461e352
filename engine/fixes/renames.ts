// The edits that renaming or moving pages and renaming a heading take (RULES.md, "Messages and
// fixes"): a page's slug in frontmatter lists and directive filters, and every Markdown and HTML
// link to it, each with its path worked out again from where the linking page will be and its
// `#fragment` kept; a heading's every `#fragment` that pointed at its old id. Moving the files is
// the caller's; the edits of a moved page are on its old path.
import type { Corpus } from '../corpus/corpus';
import { linkPathTo, siteUrlOf, targetSuffix, urlFolderOf, type LinkTarget } from '../corpus/linkTargets';
import type { BodyLink } from '../parsing/markdown/pageBody';
import { parseDocument, stringItems, validEntries, type ParsedDocument } from '../parsing/parseDocument';
import { encodeLinkPath, folderOfPath } from '../text/urls';
import type { TextEdit } from './fix';
import { replace } from './edits';

export interface PageMove {
  from: string;
  to: string;
}

/** The slug of a page: its file name without `.md`. */
function slugOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/** Every edit that moving the page at `from` to `to` takes, in every page. */
export function renamePageEdits(corpus: Corpus, from: string, to: string): TextEdit[] {
  return movePagesEdits(corpus, [{ from, to }]);
}

/**
 * Every edit that moving several pages at once takes (a folder moved in the Explorer): citations of
 * their slugs and taxonomy values, links to them, and the moved pages' own relative links, each
 * worked out with every page at its new place.
 */
export function movePagesEdits(corpus: Corpus, moves: readonly PageMove[]): TextEdit[] {
  const newPath = new Map(moves.filter((move) => corpus.get(move.from)).map((move) => [move.from, move.to]));
  const edits: TextEdit[] = [];
  const linkers = new Set<ParsedDocument>();
  for (const [from, to] of newPath) {
    const page = corpus.get(from)!;
    linkers.add(page);
    for (const linking of corpus.linking(from)) linkers.add(linking);
    if (folderOfPath(from) !== folderOfPath(to) || slugOf(to) === page.slug) continue;
    // The slug names the page only within its folder: a page moved elsewhere is no longer of its type.
    if (page.type) edits.push(...slugEdits(corpus, page, slugOf(to)));
    if (page.taxonomy) edits.push(...taxonomyEdits(corpus, page.taxonomy, page.slug, slugOf(to)));
  }
  for (const document of linkers) edits.push(...linkEdits(corpus, document, newPath));
  return edits;
}

function slugEdits(corpus: Corpus, page: ParsedDocument, newSlug: string): TextEdit[] {
  return corpus
    .citing(page.type!, page.slug)
    .flatMap((citing) =>
      citing.references.filter((reference) => reference.type === page.type && reference.slug === page.slug).map((reference) => replace(citing, reference.offsets, newSlug)),
    );
}

/** A taxonomy page's slug as a value of its list keys and directive filters. */
function taxonomyEdits(corpus: Corpus, taxonomy: string, slug: string, newSlug: string): TextEdit[] {
  const isTaxonomyKey = (key: string) => {
    const vocabulary = corpus.schema.listKeys[key]?.vocabulary;
    return vocabulary?.kind === 'taxonomy' && vocabulary.taxonomy === taxonomy;
  };
  const edits: TextEdit[] = [];
  for (const document of corpus.usingTaxonomyValue(taxonomy, slug)) {
    for (const entry of validEntries(document)) {
      if (!isTaxonomyKey(entry.key)) continue;
      for (const { text, item } of stringItems(entry.value)) if (text === slug) edits.push(replace(document, item.offsets, newSlug));
    }
    for (const directive of document.directives) {
      for (const argument of directive.args) {
        const slash = argument.text.indexOf('/');
        if (slash > 0 && isTaxonomyKey(argument.text.slice(0, slash)) && argument.text.slice(slash + 1) === slug) {
          edits.push(replace(document, [argument.offsets[0] + slash + 1, argument.offsets[1]], newSlug));
        }
      }
    }
  }
  return edits;
}

function servedAt(corpus: Corpus, target: LinkTarget): string | undefined {
  return target.urls?.find((path) => corpus.hasFile(path));
}

/** Whether a link target leads to `path`: as a file, or as the URL where the site serves it. */
export function leadsTo(corpus: Corpus, target: LinkTarget, path: string): boolean {
  return target.file === path || servedAt(corpus, target) === path;
}

/** The links of one page that the moves change: those to a moved page, and all relative ones of a page that moves. */
function linkEdits(corpus: Corpus, document: ParsedDocument, newPath: ReadonlyMap<string, string>): TextEdit[] {
  const edits: TextEdit[] = [];
  const from = document.path;
  const to = newPath.get(from) ?? from;
  const site = corpus.site;
  const targets = corpus.linkTargets(document);
  document.body.links.forEach((link, index) => {
    const target = targets[index];
    if (target.template || (target.scheme && !target.siteUrl) || target.path === '') return;
    // A Markdown link names a file (a missing one too, which stays the same file); raw HTML, a
    // Markdown link to a folder or site URL, and a site URL name what the site serves there.
    const asFile = target.file && (target.urls === undefined || corpus.hasFile(target.file)) ? target.file : undefined;
    const named = asFile ?? servedAt(corpus, target);
    if (!named) return;
    const newTarget = newPath.get(named) ?? named;
    const suffix = targetSuffix(link.target);
    let text: string | undefined;
    if (target.siteUrl || target.path.startsWith('/')) {
      if (newTarget !== named) text = withUrlTail(link, suffix, siteUrlOf(named, site), siteUrlOf(newTarget, site));
    } else if (asFile) {
      if (newTarget !== named || folderOfPath(from) !== folderOfPath(to)) text = linkPathTo(to, link.kind, newTarget, site) + suffix;
    } else if (newTarget !== named || urlFolderOf(from, site) !== urlFolderOf(to, site)) {
      text = linkPathTo(to, 'html', newTarget, site) + suffix;
    }
    if (text !== undefined && text !== link.target) edits.push(replace(document, link.offsets, text));
  });
  return edits;
}

/** An absolute or root-relative link with the old page URL at its end replaced by the new one; undefined when it does not end so. */
function withUrlTail(link: BodyLink, suffix: string, oldUrl: string, newUrl: string): string | undefined {
  const path = link.target.slice(0, link.target.length - suffix.length);
  const trailing = path.endsWith('/');
  const old = encodeLinkPath(oldUrl).replace(/\/$/, '');
  const at = path.length - (trailing ? 1 : 0) - old.length;
  if (old === '' || at < 0 || path.slice(at, at + old.length) !== old) return undefined;
  return path.slice(0, at) + encodeLinkPath(newUrl).replace(/\/$/, trailing ? '/' : '') + suffix;
}

/**
 * Every edit that renaming the heading `headingIndex` of a page to `newText` takes: the heading's
 * text, and every `#fragment` in the corpus whose id changes with it (the heading's own, and those
 * of same-named headings whose `_1`, `_2` suffix shifts).
 */
export function renameHeadingEdits(corpus: Corpus, document: ParsedDocument, headingIndex: number, newText: string): TextEdit[] {
  const heading = document.body.headings[headingIndex];
  if (!heading) return [];
  const text = document.text.getText();
  const renamed = text.slice(0, heading.textOffsets[0]) + newText + text.slice(heading.textOffsets[1]);
  const after = parseDocument(document.path, renamed, corpus.schema).body.headings;
  const edits: TextEdit[] = [replace(document, heading.textOffsets, newText)];
  if (after.length !== document.body.headings.length) return edits;
  const newIds = new Map<string, string>();
  document.body.headings.forEach((old, index) => {
    if (old.id !== after[index].id) newIds.set(old.id, after[index].id);
  });
  if (newIds.size === 0) return edits;
  for (const page of new Set([document, ...corpus.linking(document.path)])) {
    const targets = corpus.linkTargets(page);
    page.body.links.forEach((link, index) => {
      const target = targets[index];
      const newId = target.fragment === undefined ? undefined : newIds.get(target.fragment);
      const toThisPage = target.path === '' ? page === document : leadsTo(corpus, target, document.path);
      if (newId === undefined || !toThisPage) return;
      const hash = link.target.indexOf('#');
      edits.push(replace(page, [link.offsets[0] + hash + 1, link.offsets[1]], newId));
    });
  }
  return edits;
}
