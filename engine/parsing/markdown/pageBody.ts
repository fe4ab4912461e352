// The page body as the rules and language features need it: headings with the ids the site gives
// them, every link (inline, image, reference definition, raw-HTML href/src) with its source range,
// the other anchors of the page, the site's indented blocks, and the lines that are no text.
import type { MarkdownIt, Token } from 'markdown-it';
import type { Range } from '../../text/positions';
import { idOfAttrList, idsInAttrLists, splitHeadingAttrList } from './attrList';
import { matchContainer, type ContainerInfo } from './containers';
import { createLinkReader, createSiteMarkdown, type InlineSpan } from './siteMarkdown';
import { slugify, uniqueId } from './slugify';

export type LinkKind = 'inline' | 'image' | 'reference' | 'html';

export interface BodyLink {
  kind: LinkKind;
  /** For raw HTML: the attribute the target is in. */
  attribute?: 'href' | 'src';
  /** The target as written (without the `<...>` of an inline link). */
  target: string;
  /** The target in the file: what a fix replaces. */
  range: Range;
  offsets: [number, number];
}

export interface Heading {
  level: number;
  /** The text the site shows: inline markup removed, a trailing attribute list dropped. */
  text: string;
  id: string;
  /** The id came from the heading's own attribute list. */
  explicitId: boolean;
  /** The heading's line(s). */
  range: Range;
  /** Offsets of the heading text in the file, without the `#` marks and the attribute list. */
  textOffsets: [number, number];
}

export interface Container {
  info: ContainerInfo;
  /** 0-based file line of the opening line. */
  line: number;
  range: Range;
}

export interface PageBody {
  headings: Heading[];
  links: BodyLink[];
  /** Every id of the page: headings, attribute lists, raw-HTML `id`/`name`, footnotes. */
  ids: Set<string>;
  containers: Container[];
  /** File lines (0-based, end exclusive) of fenced and indented code and of HTML blocks: no text for line-based rules. */
  codeLines: [number, number][];
  htmlLines: [number, number][];
}

/** Made on first use: a bundle that imports the engine for other things does not carry the parsers' set-up. */
let linkReader: MarkdownIt | undefined;
/** The whole inline syntax, for the text of a heading with markup. */
let siteMarkdown: MarkdownIt | undefined;

/** One line of the body: where it starts in the file and its text. */
interface SourceLines {
  starts: number[];
  texts: string[];
}

/** A run of text lines read together by the inline parser: each line's content, from its first non-blank column. */
interface TextRun {
  lines: { line: number; column: number; text: string }[];
  /** Some line has inline syntax worth the parser (most runs have none). */
  syntax: boolean;
}

/** A heading found by the block scan; its text is read by the inline parser afterwards. */
interface ScannedHeading {
  level: number;
  line: number;
  /** The last line (a setext heading's underline). */
  endLine: number;
  column: number;
  text: string;
}

const fenceOpen = /^(`{3,}|~{3,})/;
const atxHeading = /^(#{1,6})(.*)$/;
/** A list item's marker and the space after it: the item's content is read as blocks of its own (a heading in it is a heading). */
const listMarker = /^(?:[-*+]|\d+\.)[ \t]+/;
const setextUnderline = /^(=+|-+)[ \t]*$/;
const definition = /^\[(\^?)([^\]]+)\]:[ \t]*(.*)$/;
const htmlTagLine = /^<\/?[A-Za-z]/;
/** The first characters of the block syntax read here (and digits, for ordered list items). */
const blockStarts = new Set(['`', '~', '<', '!', '?', '=', '-', '*', '+', '#', '[']);
/** What makes a run of text worth the inline parser: an inline link or image, an HTML tag or autolink, an attribute list with an id, a footnote reference. */
const inlineSyntax = /\]\(|<[A-Za-z/]|\{[^}\n]*#|\[\^/;

/** The indentation of a line in columns (a tab goes to the next multiple of 4) and where its content starts. */
function indentOf(text: string): { width: number; start: number } {
  let width = 0;
  let start = 0;
  for (; start < text.length; start++) {
    const char = text[start];
    if (char === ' ') width++;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return { width, start };
}

/**
 * Parses the body of a page (the text from `bodyStart`, which is file line `bodyLine`). `text` has
 * LF or CRLF line ends (a lone CR already made a LF by the caller).
 *
 * The block structure is read line by line as Python-Markdown reads it (fenced code at any
 * indentation, HTML comments, admonition, details and tab blocks with their 4-column bodies,
 * `#` headings at the start of a block, setext headings under a block's first line, reference and
 * footnote definitions); the inline syntax of each run of text lines (links, images, HTML tags,
 * code spans, emphasis in headings) by markdown-it's inline parser, and only where the run has any.
 */
export function parsePageBody(text: string, bodyStart: number, bodyLine: number): PageBody {
  const lines = sourceLines(text.slice(bodyStart), bodyStart);
  const result: PageBody = { headings: [], links: [], ids: new Set(), containers: [], codeLines: [], htmlLines: [] };
  const rangeOf = (line: number, start: number, end: number): Range => ({ start: { line: bodyLine + line, character: start }, end: { line: bodyLine + line, character: end } });
  const link: AddLink = (kind, target, line, column, attribute) => {
    const start = lines.starts[line] + column;
    result.links.push({ kind, attribute, target, range: rangeOf(line, column, column + target.length), offsets: [start, start + target.length] });
  };
  /** Ids that toc finds on the page before it makes the headings' ids: attribute lists (raw HTML is stashed away by then). */
  const attrIds = new Set<string>();
  const headings: ScannedHeading[] = [];
  const runs: TextRun[] = [];
  const containers: { bodyIndent: number }[] = [];
  let run: TextRun | undefined;
  let fence: { marker: string; start: number } | undefined;
  let inComment = false;
  const endRun = () => {
    if (run) runs.push(run);
    run = undefined;
  };
  const addText = (line: number, column: number, content: string) => {
    run ??= { lines: [], syntax: false };
    run.lines.push({ line, column, text: content });
    if (!run.syntax && inlineSyntax.test(content)) run.syntax = true;
  };

  for (let line = 0; line < lines.texts.length; line++) {
    const source = lines.texts[line];
    if (fence) {
      const { start } = indentOf(source);
      const closing = fenceOpen.exec(source.slice(start));
      if (closing && closing[1][0] === fence.marker[0] && closing[1].length >= fence.marker.length && source.slice(start + closing[1].length).trim() === '') {
        result.codeLines.push([bodyLine + fence.start, bodyLine + line + 1]);
        fence = undefined;
      }
      continue;
    }
    if (inComment) {
      if (source.includes('-->')) inComment = false;
      continue;
    }
    const { width, start } = indentOf(source);
    if (start === source.length) {
      endRun();
      continue;
    }
    while (containers.length > 0 && width < containers[containers.length - 1].bodyIndent) containers.pop();
    const relative = width - (containers.length > 0 ? containers[containers.length - 1].bodyIndent : 0);
    const content = source.slice(start);
    // Most lines are plain text: their first character rules out every block syntax but a few.
    const first = content[0];
    if (!blockStarts.has(first) && !(first >= '0' && first <= '9')) {
      addText(line, start, content);
      continue;
    }

    const opensFence = fenceOpen.exec(content);
    if (opensFence) {
      endRun();
      fence = { marker: opensFence[1], start: line };
      continue;
    }
    if (content.startsWith('<!--')) {
      endRun();
      inComment = !content.includes('-->', 4);
      continue;
    }
    if (relative <= 3) {
      const container = matchContainer(content);
      if (container) {
        endRun();
        const bodyIndent = width + 4;
        let next = line + 1;
        while (next < lines.texts.length && lines.texts[next].trim() === '') next++;
        const empty = next >= lines.texts.length || indentOf(lines.texts[next]).width < bodyIndent;
        result.containers.push({ info: { ...container, empty }, line: bodyLine + line, range: rangeOf(line, 0, source.length) });
        containers.push({ bodyIndent });
        continue;
      }
      const marker = listMarker.exec(content);
      const itemStart = marker ? marker[0].length : 0;
      const atx = relative === 0 || marker ? atxHeading.exec(content.slice(itemStart)) : null;
      if (atx) {
        endRun();
        const textStart = start + itemStart + atx[1].length + (atx[2].length - atx[2].trimStart().length);
        const headingText = atx[2]
          .trim()
          .replace(/[ \t]*#+$/, '')
          .trimEnd();
        headings.push({ level: atx[1].length, line, endLine: line, column: textStart, text: headingText });
        continue;
      }
      // An underline makes the line above a heading anywhere in a block (Python-Markdown's setext rule searches the whole block).
      const underline = setextUnderline.exec(content);
      if (underline && run) {
        const last = run.lines.pop()!;
        if (run.lines.length === 0) run = undefined;
        endRun();
        headings.push({ level: underline[1][0] === '=' ? 1 : 2, line: last.line, endLine: line, column: last.column, text: last.text.trimEnd() });
        continue;
      }
      const defined = definition.exec(content);
      if (defined) {
        endRun();
        if (defined[1]) {
          // A footnote: its id, and its text is text.
          result.ids.add(`fn:${defined[2]}`);
          const textAt = source.length - defined[3].length;
          if (defined[3].trim() !== '') run = { lines: [{ line, column: textAt, text: defined[3] }], syntax: inlineSyntax.test(defined[3]) };
        } else readDefinition(defined[3], source, line, link);
        continue;
      }
    }
    if (htmlTagLine.test(content)) result.htmlLines.push([bodyLine + line, bodyLine + line + 1]);
    addText(line, start, content);
  }
  endRun();
  if (fence) result.codeLines.push([bodyLine + fence.start, bodyLine + lines.texts.length]);

  // A heading's text is a run of text too: it may hold links.
  for (const heading of headings) runs.push({ lines: [{ line: heading.line, column: heading.column, text: heading.text }], syntax: inlineSyntax.test(heading.text) });
  for (const textRun of runs) {
    if (!textRun.syntax) continue;
    const joined = textRun.lines.map((entry) => entry.text).join('\n');
    linkReader ??= createLinkReader();
    readInline(parseInline(linkReader, joined), joined, textRun, link, result.ids, attrIds);
  }
  for (const id of attrIds) result.ids.add(id);
  const pending: Heading[] = [];
  for (const scanned of headings) {
    const heading = readHeading(scanned, lines, rangeOf);
    if (heading.explicitId) result.ids.add(heading.id);
    else pending.push(heading);
    result.headings.push(heading);
  }
  // toc gives ids to the headings without one of their own last, avoiding every id already on the page.
  const used = new Set([...attrIds, ...result.headings.filter((h) => h.explicitId).map((h) => h.id)]);
  for (const heading of pending) {
    heading.id = uniqueId(heading.id, used);
    result.ids.add(heading.id);
  }
  return result;
}

function parseInline(md: MarkdownIt, text: string): Token[] {
  return md.parseInline(text, {})[0]?.children ?? [];
}

function sourceLines(body: string, offset: number): SourceLines {
  const starts: number[] = [];
  const texts: string[] = [];
  let start = 0;
  for (;;) {
    const end = body.indexOf('\n', start);
    const line = body.slice(start, end === -1 ? body.length : end);
    starts.push(offset + start);
    texts.push(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (end === -1) break;
    start = end + 1;
  }
  return { starts, texts };
}

/** The source line and column of an offset into a run's joined text. */
function locate(run: TextRun, offset: number): { line: number; column: number } {
  let from = 0;
  for (const entry of run.lines) {
    if (offset <= from + entry.text.length) return { line: entry.line, column: entry.column + offset - from };
    from += entry.text.length + 1;
  }
  const last = run.lines[run.lines.length - 1];
  return { line: last.line, column: last.column + last.text.length };
}

function readHeading(scanned: ScannedHeading, lines: SourceLines, rangeOf: (line: number, start: number, end: number) => Range): Heading {
  const { text: shown, attrs } = splitHeadingAttrList(scanned.text);
  const explicit = attrs ? idOfAttrList(attrs) : undefined;
  // pymdownx.emoji turns a shortcode into an image: no text of the heading (nor of its id).
  const words = shown.replace(emojiShortcode, '');
  const text = inlineSyntaxInHeading.test(words) ? plainText(parseInline((siteMarkdown ??= createSiteMarkdown()), words)) : words.replace(/\\(.)/g, '$1');
  const textStart = lines.starts[scanned.line] + scanned.column;
  return {
    level: scanned.level,
    text: text.trim(),
    id: explicit ?? slugify(text),
    explicitId: explicit !== undefined,
    range: { start: rangeOf(scanned.line, 0, 0).start, end: rangeOf(scanned.endLine, 0, lines.texts[scanned.endLine].length).end },
    textOffsets: [textStart, textStart + shown.length],
  };
}

/** An emoji shortcode as pymdownx.emoji finds it (`:smile:`). */
const emojiShortcode = /:[+\-\w]+:/g;

/** Heading text that has more than plain words: markup, escapes, entities, HTML. */
const inlineSyntaxInHeading = /[\\`*_[<&!]/;

/** The text a heading shows: text and code, without markup and HTML tags. */
function plainText(children: Token[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += plainText(child.children ?? []);
  }
  return text;
}

/** The text of a heading's inline tokens as toc reads it for the id: markup, HTML and emoji shortcodes left out. */
export function headingText(children: Token[]): string {
  return plainText(children).replace(emojiShortcode, '').trim();
}

type AddLink = (kind: LinkKind, target: string, line: number, column: number, attribute?: 'href' | 'src') => void;

function readInline(children: Token[], content: string, run: TextRun, link: AddLink, ids: Set<string>, attrIds: Set<string>): void {
  for (const child of children) {
    const span = child.meta?.span as InlineSpan | undefined;
    if (child.type === 'link_open' || child.type === 'image') {
      if (!span || child.markup === 'autolink' || child.markup === 'linkify') continue;
      // A reference link (`[text][label]`) is checked at its definition; `[^x]` is a footnote reference.
      const target = inlineTarget(content.slice(span.start, span.end));
      if (!target) continue;
      const where = locate(run, span.start + target.at);
      link(child.type === 'image' ? 'image' : 'inline', target.text, where.line, where.column);
    } else if (child.type === 'html_inline' && span) {
      readHtml(child.content, span.start, run, link, ids);
    } else if (child.type === 'text') {
      for (const id of idsInAttrLists(child.content)) attrIds.add(id);
    }
  }
  for (const match of content.matchAll(/\[\^([^\]\s]+)\]/g)) ids.add(`fnref:${match[1]}`);
}

/** The target of an inline link's source `[text](target "title")`, with its offset in that source. */
function inlineTarget(source: string): { text: string; at: number } | undefined {
  // The destination follows the last `](` that the link's own brackets close: search from the end of the text part.
  const open = findDestinationStart(source);
  if (open === -1) return undefined;
  let at = open + 1;
  while (source[at] === ' ' || source[at] === '\t' || source[at] === '\n') at++;
  if (source[at] === '<') {
    const close = source.indexOf('>', at + 1);
    return close === -1 ? undefined : { text: source.slice(at + 1, close), at: at + 1 };
  }
  let end = at;
  let depth = 0;
  while (end < source.length) {
    const char = source[end];
    if (char === '\\') {
      end += 2;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\n') break;
    if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) break;
      depth--;
    }
    end++;
  }
  return { text: source.slice(at, Math.min(end, source.length)), at };
}

/** The `(` that opens a link's destination: after the `]` that closes the link text. */
function findDestinationStart(source: string): number {
  let depth = 0;
  for (let index = source.startsWith('!') ? 1 : 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '`') {
      const close = source.indexOf('`', index + 1);
      if (close !== -1) index = close;
      continue;
    }
    if (char === '[') depth++;
    else if (char === ']') {
      depth--;
      if (depth === 0) return source[index + 1] === '(' ? index + 1 : -1;
    }
  }
  return -1;
}

/** A reference definition's target, from the text after `]:` on line `line`. */
function readDefinition(rest: string, source: string, line: number, link: AddLink): void {
  const at = source.length - rest.length;
  if (rest.trim() === '') return; // The target is on the next line: rare; left unchecked.
  const wrapped = rest.startsWith('<');
  const start = wrapped ? 1 : 0;
  const end = wrapped ? rest.indexOf('>', 1) : rest.search(/\s|$/);
  if (end < start) return;
  link('reference', rest.slice(start, end), line, at + start);
}

const htmlAttribute = /\b(href|src|id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** Links and ids in an HTML tag that starts at `offset` of a run's joined text. Comments are no HTML. */
function readHtml(html: string, offset: number, run: TextRun, link: AddLink, ids: Set<string>): void {
  if (html.startsWith('<!--')) return;
  for (const match of html.matchAll(htmlAttribute)) {
    const name = match[1].toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (name === 'id' || name === 'name') {
      if (value) ids.add(value);
      continue;
    }
    const valueAt = match.index + match[0].length - value.length - (match[4] === undefined ? 1 : 0);
    const where = locate(run, offset + valueAt);
    link('html', value, where.line, where.column, name as 'href' | 'src');
  }
}
