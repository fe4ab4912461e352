// The page body as the rules and language features need it: headings with the ids the site gives
// them, every link (inline, image, reference definition, raw-HTML href/src) with its source range,
// the other anchors of the page, the site's indented blocks, and the lines that are no text.
import type { Token } from 'markdown-it';
import type { Range } from '../../text/positions';
import { idOfAttrList, idsInAttrLists, splitHeadingAttrList } from './attrList';
import type { ContainerInfo } from './containers';
import { createSiteMarkdown, type InlineSpan } from './siteMarkdown';
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

const md = createSiteMarkdown();

/** One line of the body: where it starts in the file and its text. */
interface SourceLines {
  starts: number[];
  texts: string[];
}

/**
 * Parses the body of a page (the text from `bodyStart`, which is file line `bodyLine`). `text` has
 * LF or CRLF line ends (a lone CR already made a LF by the caller).
 */
export function parsePageBody(text: string, bodyStart: number, bodyLine: number): PageBody {
  const body = text.slice(bodyStart);
  const lines = sourceLines(body, bodyStart);
  const env: { references?: Record<string, { href: string; title: string }> } = {};
  const tokens = md.parse(body, env);
  const result: PageBody = { headings: [], links: [], ids: new Set(), containers: [], codeLines: [], htmlLines: [] };
  const position = (line: number, character: number) => ({ line: bodyLine + line, character });
  const rangeOf = (line: number, start: number, end: number): Range => ({ start: position(line, start), end: position(line, end) });
  const link = (kind: LinkKind, target: string, line: number, column: number, attribute?: 'href' | 'src') => {
    const start = lines.starts[line] + column;
    result.links.push({ kind, attribute, target, range: rangeOf(line, column, column + target.length), offsets: [start, start + target.length] });
  };
  /** Headings without an id of their own get theirs after every other id is known, as toc does. */
  const pendingHeadings: { heading: Heading; slug: string }[] = [];

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const map = token.map;
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[index + 1];
        if (!map || inline?.type !== 'inline') break;
        const heading = readHeading(token, inline, lines, map, rangeOf);
        if (heading.explicitId) result.ids.add(heading.id);
        else pendingHeadings.push({ heading, slug: heading.id });
        result.headings.push(heading);
        break;
      }
      case 'inline':
        if (map) readInline(token, lines, map, link, result.ids);
        break;
      case 'reference_definition':
        if (map) readReference(token, env, lines, map, link, result.ids);
        break;
      case 'fence':
      case 'code_block':
        if (map) result.codeLines.push([bodyLine + map[0], bodyLine + map[1]]);
        break;
      case 'html_block':
        if (map) {
          result.htmlLines.push([bodyLine + map[0], bodyLine + map[1]]);
          readHtml(token.content, map[0], lines, link, result.ids);
        }
        break;
      default:
        if (token.meta?.container && map) {
          result.containers.push({ info: token.meta.container as ContainerInfo, line: bodyLine + map[0], range: rangeOf(map[0], 0, lines.texts[map[0]].length) });
        }
    }
  }
  for (const { heading, slug } of pendingHeadings) heading.id = uniqueId(slug, result.ids);
  return result;
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

/**
 * Where each line of an inline token's content stands in the source: markdown-it strips a block's
 * indentation and markers from each line and trims the whole, so line `i` of the content is the
 * end of source line `map[0] + i`.
 */
function contentColumns(content: string, lines: SourceLines, map: [number, number]): { line: number; column: number; from: number }[] {
  const result: { line: number; column: number; from: number }[] = [];
  let from = 0;
  content.split('\n').forEach((part, index) => {
    const line = Math.min(map[0] + index, lines.texts.length - 1);
    const source = lines.texts[line];
    const trimmed = part.trimEnd();
    const suffixAt = source.trimEnd().length - trimmed.length;
    const column = suffixAt >= 0 && source.startsWith(trimmed, suffixAt) ? suffixAt : Math.max(0, source.indexOf(trimmed));
    result.push({ line, column, from });
    from += part.length + 1;
  });
  return result;
}

/** The source line and column of an offset into an inline token's content. */
function locate(columns: { line: number; column: number; from: number }[], offset: number): { line: number; column: number } {
  let at = columns[0];
  for (const candidate of columns) if (candidate.from <= offset) at = candidate;
  return { line: at.line, column: at.column + offset - at.from };
}

function readHeading(
  open: Token,
  inline: Token,
  lines: SourceLines,
  map: [number, number],
  rangeOf: (line: number, start: number, end: number) => Range,
): Heading {
  const { text: shownSource, attrs } = splitHeadingAttrList(inline.content);
  const explicit = attrs ? idOfAttrList(attrs) : undefined;
  const text = plainText(inline.children ?? [], shownSource.length);
  const columns = contentColumns(inline.content, lines, map);
  const start = locate(columns, 0);
  const end = locate(columns, shownSource.length);
  const lastLine = map[1] - 1;
  return {
    level: Number(open.tag.slice(1)),
    text,
    id: explicit ?? slugify(text),
    explicitId: explicit !== undefined,
    range: { start: rangeOf(map[0], 0, 0).start, end: rangeOf(lastLine, 0, lines.texts[lastLine]?.length ?? 0).end },
    textOffsets: [lines.starts[start.line] + start.column, lines.starts[end.line] + end.column],
  };
}

/** The text a heading shows: text and code, without markup and HTML tags, up to `limit` characters of its source (its attribute list dropped). */
function plainText(children: Token[], limit: number): string {
  let text = '';
  for (const child of children) {
    const span = child.meta?.span as InlineSpan | undefined;
    if (span && span.start >= limit) break;
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += plainText(child.children ?? [], Infinity);
  }
  // The attribute list is in the last text token when markdown-it saw it as text.
  return splitHeadingAttrList(text).text.trim();
}

type AddLink = (kind: LinkKind, target: string, line: number, column: number, attribute?: 'href' | 'src') => void;

function readInline(token: Token, lines: SourceLines, map: [number, number], link: AddLink, ids: Set<string>): void {
  const content = token.content;
  let columns: ReturnType<typeof contentColumns> | undefined;
  const at = (offset: number) => locate((columns ??= contentColumns(content, lines, map)), offset);
  for (const child of token.children ?? []) {
    const span = child.meta?.span as InlineSpan | undefined;
    if (child.type === 'link_open' || child.type === 'image') {
      if (!span || child.markup === 'autolink' || child.markup === 'linkify') continue;
      const source = content.slice(span.start, span.end);
      const target = inlineTarget(source);
      if (target) {
        const where = at(span.start + target.at);
        link(child.type === 'image' ? 'image' : 'inline', target.text, where.line, where.column);
      } else if (/^!?\[\^/.test(source)) {
        // `[^x]`: a footnote reference, not a link.
      } else {
        // A reference link (`[text][label]`): its target is checked at the definition.
      }
    } else if (child.type === 'html_inline' && span) {
      const where = at(span.start);
      readHtml(child.content, where.line, lines, link, ids, where.column);
    } else if (child.type === 'text') {
      for (const id of idsInAttrLists(child.content)) ids.add(id);
    }
  }
  for (const match of content.matchAll(/\[\^([^\]\s]+)\]/g)) if (!content.startsWith(':', match.index + match[0].length)) ids.add(`fnref:${match[1]}`);
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

function readReference(token: Token, env: { references?: Record<string, { href: string; title: string }> }, lines: SourceLines, map: [number, number], link: AddLink, ids: Set<string>): void {
  const label = String(token.meta?.label ?? '');
  const line = map[0];
  const source = lines.texts[line];
  const footnote = /^\s*\[\^([^\]]+)\]:/.exec(source);
  if (footnote) {
    ids.add(`fn:${footnote[1]}`);
    return;
  }
  if (!env.references?.[label]) return;
  const close = source.indexOf(']:');
  if (close === -1) return;
  let at = close + 2;
  while (source[at] === ' ' || source[at] === '\t') at++;
  if (at >= source.length) return; // The target is on the next line: rare; left unchecked.
  const wrapped = source[at] === '<';
  const start = wrapped ? at + 1 : at;
  const end = wrapped ? source.indexOf('>', start) : source.slice(start).search(/\s|$/) + start;
  if (end < start) return;
  link('reference', source.slice(start, end), line, start);
}

const htmlAttribute = /\b(href|src|id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** Links and ids in raw HTML; `line` and `column` say where `html` starts. Comments are no HTML. */
function readHtml(html: string, line: number, lines: SourceLines, link: AddLink, ids: Set<string>, column = -1): void {
  const withoutComments = html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
  let lineIndex = line;
  let lineStart = 0;
  let base = column;
  for (const match of withoutComments.matchAll(htmlAttribute)) {
    // Advance to the line the attribute is on.
    for (let newline = withoutComments.indexOf('\n', lineStart); newline !== -1 && newline < match.index; newline = withoutComments.indexOf('\n', lineStart)) {
      lineStart = newline + 1;
      lineIndex++;
      base = -1;
    }
    const name = match[1].toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (name === 'id' || name === 'name') {
      if (value) ids.add(value);
      continue;
    }
    const valueAt = match.index + match[0].length - value.length - (match[4] === undefined ? 1 : 0);
    const offsetInLine = valueAt - lineStart;
    // A block's lines keep their text but may lose indentation: find the line's text in the source.
    const lineText = withoutComments.slice(lineStart, withoutComments.indexOf('\n', lineStart) === -1 ? undefined : withoutComments.indexOf('\n', lineStart));
    const source = lines.texts[lineIndex] ?? '';
    const lineColumn = base >= 0 ? base : Math.max(0, source.indexOf(lineText.trimEnd()));
    link('html', value, lineIndex, lineColumn + offsetInLine, name as 'href' | 'src');
  }
}
