// AK070-AK074: the links of the page body, as the site build reads them. A link is reported once,
// with the first code that applies in the order AK084 (another rule's), AK072, AK073, AK070, AK071;
// an image from another host (AK074) is no broken link and is reported besides.
import { isMarkdownPath, linkPathTo, looksLikeFile, targetSuffix, type LinkTarget } from '../corpus/linkTargets';
import type { Corpus } from '../corpus/corpus';
import { fix, replace } from '../fixes/edits';
import type { Fix } from '../fixes/fix';
import type { BodyLink } from '../parsing/markdown/pageBody';
import type { ParsedDocument } from '../parsing/parseDocument';
import { didYouMean, suggest, type Suggestions } from '../text/suggest';
import { baseName, folderOfPath, joinRelative, relativePathFrom } from '../text/urls';
import { quote, type Rule, type RuleContext } from './rule';

export const linkRules: Rule = (context) => {
  const { corpus, document } = context;
  const links = document.body.links;
  if (links.length === 0) return;
  const targets = corpus.linkTargets(document);
  links.forEach((link, index) => checkLink(context, link, targets[index]));
};

/** A link the template of a content document left in place (`[Bron](url)`): AK084's, not a link to check. */
function isPlaceholder(document: ParsedDocument, link: BodyLink): boolean {
  return document.type !== undefined && (link.target === 'url' || link.target.startsWith('url '));
}

function checkLink(context: RuleContext, link: BodyLink, target: LinkTarget): void {
  if (isPlaceholder(context.document, link)) return;
  if (checkSiteLink(context, link, target) || checkHtmlToMarkdown(context, link, target)) return;
  if (target.scheme) {
    checkExternalImage(context, link, target);
    return;
  }
  if (checkPath(context, link, target)) return;
  checkAnchor(context, link, target);
}

/** A fix that points the link at another path, keeping its `?query` and `#fragment`. */
function pointAt(context: RuleContext, link: BodyLink, path: string, options: { preferred: boolean; safe: boolean }): Fix {
  const { corpus, document } = context;
  const newTarget = linkPathTo(document.path, link.kind, path, corpus.site) + targetSuffix(link.target);
  return fix(`Verwijs naar ${quote(newTarget)}`, [replace(document, link.offsets, newTarget)], options);
}

/** The first of a target's URL candidates that exists: the page or file the site serves there. */
function servedAt(corpus: Corpus, target: LinkTarget): string | undefined {
  return target.urls?.find((path) => corpus.hasFile(path));
}

/** AK072: a link to the site itself that MkDocs cannot check or rewrite. */
function checkSiteLink(context: RuleContext, link: BodyLink, target: LinkTarget): boolean {
  const { corpus, report } = context;
  let problem: string;
  if (target.template) {
    problem = `De link ${quote(link.target)} bevat een sjabloon ({{ … }}) dat MkDocs niet invult: op de site staat het er letterlijk.`;
  } else if (target.siteUrl) {
    problem = `De link ${quote(link.target)} gaat naar de site zelf (${corpus.site.siteUrl}): MkDocs controleert en herschrijft hem niet, dus hij breekt zodra de pagina verhuist.`;
  } else if (!target.scheme && target.path.startsWith('/')) {
    problem = `De link ${quote(link.target)} begint bij de root van de webserver, niet bij die van de site: MkDocs controleert en herschrijft hem niet.`;
  } else if (link.kind !== 'html' && target.file && !looksLikeFile(target.path) && !corpus.hasFile(target.file)) {
    problem = `De link ${quote(link.target)} gaat naar een map of een URL van de site, niet naar een bestand: MkDocs controleert en herschrijft alleen links naar .md-bestanden.`;
  } else return false;
  if (target.template) {
    report('AK072', link.range, problem);
    return true;
  }
  const page = servedAt(corpus, target);
  if (page !== undefined) {
    const advice = link.kind === 'html' ? ' Gebruik een relatieve URL.' : ' Link naar het bestand.';
    report('AK072', link.range, problem + advice, [pointAt(context, link, page, { preferred: true, safe: true })]);
    return true;
  }
  // Nothing is served there: the link is a 404 on the site. Read as a folder next to the page's
  // file, as its author may have meant it, it may name a page; offered, not applied.
  const meant = target.file ? [`${target.file.replace(/\/$/, '')}/index.md`, `${target.file.replace(/\/$/, '')}.md`].find((path) => corpus.get(path)) : undefined;
  report('AK072', link.range, `${problem} Op de site leidt hij nergens heen.`, meant ? [pointAt(context, link, meant, { preferred: true, safe: false })] : []);
  return true;
}

/** AK073: an `href` in raw HTML to a `.md` file, which MkDocs does not rewrite. */
function checkHtmlToMarkdown(context: RuleContext, link: BodyLink, target: LinkTarget): boolean {
  const { corpus, document, report } = context;
  if (link.kind !== 'html' || link.attribute !== 'href' || target.scheme || !isMarkdownPath(target.path)) return false;
  // Meant as a Markdown link: relative to the page's folder; else as the browser reads it.
  const file = joinRelative(folderOfPath(document.path), target.path);
  const page = file && corpus.get(file) ? file : servedAt(corpus, target);
  const fixes = page && corpus.get(page) ? [pointAt(context, link, page, { preferred: true, safe: false })] : [];
  report(
    'AK073',
    link.range,
    `De HTML-link ${quote(link.target)} gaat naar een .md-bestand: MkDocs zet alleen Markdown-links om naar de URL van de pagina, dus op de site is dit een 404.`,
    fixes,
  );
  return true;
}

/** AK074: an image loaded from another host. */
function checkExternalImage(context: RuleContext, link: BodyLink, target: LinkTarget): void {
  if (target.scheme !== 'http' && target.scheme !== 'https') return;
  if (link.kind !== 'image' && !(link.kind === 'html' && link.attribute === 'src' && isImgTag(context.document, link))) return;
  const host = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)/i.exec(link.target)?.[1] ?? link.target;
  context.report(
    'AK074',
    link.range,
    `Deze afbeelding komt van een andere site (${host}): de pagina hangt dan van die site af en laat haar zien wie er kijkt. Zet de afbeelding in docs/ en link er relatief naar.`,
  );
}

/** Whether a raw-HTML `src` belongs to an `<img>` tag (and not to a script or frame). */
function isImgTag(document: ParsedDocument, link: BodyLink): boolean {
  const text = document.text.getText();
  const open = text.lastIndexOf('<', link.offsets[0]);
  return open !== -1 && /^<img\b/i.test(text.slice(open, open + 5));
}

/** AK070: a relative link whose path names no file, or leaves `docs/`. */
function checkPath(context: RuleContext, link: BodyLink, target: LinkTarget): boolean {
  const { corpus, report } = context;
  if (target.file === null || target.urls === null) {
    report('AK070', link.range, `De link ${quote(link.target)} gaat buiten docs/: de site publiceert alleen wat in docs/ staat.`);
    return true;
  }
  if (target.file !== undefined) {
    if (corpus.hasFile(target.file)) return false;
    const suggestions = movedTo(corpus, target.file, baseName(target.file));
    report(
      'AK070',
      link.range,
      `De link ${quote(link.target)} gaat naar ${quote(target.file)}, maar dat bestand bestaat niet.${suggestionText(context, link, suggestions)}`,
      suggestionFixes(context, link, suggestions),
    );
    return true;
  }
  if (target.urls === undefined || target.urls.length === 0 || servedAt(corpus, target)) return false;
  // The page the URL was meant for: `a/b/` is `a/b.md` rather than `a/b/index.md`.
  const missing = target.urls.find((path) => isMarkdownPath(path) && baseName(path) !== 'index.md') ?? target.urls[0];
  const suggestions = movedTo(corpus, missing, baseName(missing));
  report(
    'AK070',
    link.range,
    `De link ${quote(link.target)} wijst op de site naar geen enkele pagina of bestand.${suggestionText(context, link, suggestions)}`,
    suggestionFixes(context, link, suggestions),
  );
  return true;
}

interface PathSuggestions {
  paths: string[];
  /** The first path is the closest by far. */
  clear: boolean;
  /** The first path is the one right answer (the only file of that name: the page was moved), to apply unasked. */
  safe: boolean;
}

/**
 * Where a missing file may have gone: the one file of the corpus with its name (moved, or its case
 * changed); else the closest names in its folder (renamed).
 */
function movedTo(corpus: Corpus, missing: string, name: string): PathSuggestions {
  const sameName = corpus.filesNamed(name).filter((path) => path !== missing);
  if (sameName.length > 0) return { paths: sameName.sort().slice(0, 3), clear: sameName.length === 1, safe: sameName.length === 1 };
  if (!isMarkdownPath(name)) return { paths: [], clear: false, safe: false };
  const folder = folderOfPath(missing);
  const stem = name.slice(0, -3);
  const nearby = siblingSlugs(corpus, folder, stem);
  const suggestions = suggest(stem, nearby);
  return { paths: suggestions.candidates.map((slug) => `${folder}/${slug}.md`), clear: suggestions.clear, safe: false };
}

/** The slugs of the pages in a folder of a document type or taxonomy (for a large one, those that can be meant). */
function siblingSlugs(corpus: Corpus, folder: string, stem: string): readonly string[] {
  const schema = corpus.schema;
  const type = Object.entries(schema.documentTypes).find(([, definition]) => definition.folder === folder)?.[0];
  if (type) return corpus.slugIndex(type).candidatesFor(stem);
  const taxonomy = Object.entries(schema.taxonomies).find(([, taxonomyFolder]) => taxonomyFolder === folder)?.[0];
  return taxonomy ? corpus.slugsOf(taxonomy).map((page) => page.slug) : [];
}

/** The suggested paths as the link would write them. */
function suggestionText({ corpus, document }: RuleContext, link: BodyLink, { paths, clear }: PathSuggestions): string {
  return didYouMean({ candidates: paths.map((path) => linkPathTo(document.path, link.kind, path, corpus.site)), clear });
}

function suggestionFixes(context: RuleContext, link: BodyLink, { paths, clear, safe }: PathSuggestions): Fix[] {
  return paths.map((path, index) => pointAt(context, link, path, { preferred: clear && index === 0, safe: safe && index === 0 }));
}

/**
 * The closest ids of a page to a missing fragment. A heading that got words added (or lost some)
 * keeps the old id as a prefix: when one id extends the fragment so, and no closer spelling
 * competes, it is the answer.
 */
function suggestId(fragment: string, ids: ReadonlySet<string>): Suggestions {
  const near = suggest(fragment, ids);
  const extended = [...ids].filter((id) => id.startsWith(`${fragment}-`) || fragment.startsWith(`${id}-`));
  if (extended.length !== 1 || (near.clear && near.candidates[0] !== extended[0])) return near;
  return { candidates: [extended[0], ...near.candidates.filter((id) => id !== extended[0])].slice(0, 3), clear: true };
}

/** AK071: a `#fragment` that the target page does not have. */
function checkAnchor(context: RuleContext, link: BodyLink, target: LinkTarget): void {
  const { corpus, document, report } = context;
  if (!target.fragment) return;
  const pagePath = target.path === '' ? document.path : (target.file ?? servedAt(corpus, target));
  const page = pagePath === undefined ? undefined : corpus.get(pagePath);
  if (!page || page.body.ids.has(target.fragment)) return;
  const where = page === document ? 'deze pagina' : quote(relativePathFrom(folderOfPath(document.path), page.path));
  const suggestions = suggestId(target.fragment, page.body.ids);
  const hash = link.target.indexOf('#');
  const fragmentOffsets: [number, number] = [link.offsets[0] + hash + 1, link.offsets[1]];
  report(
    'AK071',
    link.range,
    `Het anker ${quote('#' + target.fragment)} bestaat niet op ${where}.${didYouMean(suggestions)}`,
    suggestions.candidates.map((id, index) =>
      fix(`Vervang door ${quote('#' + id)}`, [replace(document, fragmentOffsets, id)], { preferred: suggestions.clear && index === 0, safe: false }),
    ),
  );
}
