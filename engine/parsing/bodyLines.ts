// The line-based facts of a page body that rules AK081, AK082 and AK084 need, found once while the
// text is at hand (a checker of a large corpus keeps no text): merge-conflict markers, lists glued to
// a paragraph, template instruction sentences and `url` placeholder links. Lines are classified the
// way Python-Markdown's block parser sees them: a block is a run of non-blank lines, and a list
// starts only at the start of a block. This runs on every page, so candidates are found with
// regular expressions over the whole text, and only the lines around them are classified.
import type { PageBody } from './markdown/pageBody';

/** Characters `start`-`end` of a 0-based file line. */
export interface LineSpan {
  line: number;
  start: number;
  end: number;
}

export interface BodyLines {
  /** File lines that start with `<<<<<<< ` (anywhere in the file, outside fenced code). */
  conflictMarkers: number[];
  /** The first item of each list that follows paragraph text without a blank line (AK082), with the offset its line starts at. */
  gluedLists: (LineSpan & { lineStart: number })[];
  /** Body lines outside comments and code that start with a template's instruction sentence. */
  instructionLines: LineSpan[];
  /** Targets `url` or `url …` of Markdown links outside comments and code: a template's example link. */
  placeholderLinks: LineSpan[];
  /** What edits around the body need without reading the text again: the offsets where the lines of the headings start (as `body.headings`), the text's length, whether it ends with a line break, and which. */
  headingLineStarts: number[];
  textLength: number;
  endsWithLineBreak: boolean;
  lineBreak: '\n' | '\r\n';
}

const enum Kind {
  Blank,
  Text,
  Item,
  Heading,
  Opener,
  Code,
  Other,
}

const itemStart = /^(?:[-*+]|\d+\.)[ \t]/;
const headingStart = /^#{1,6}(?:[ \t]|$)/;
const openerStart = /^(?:!!!|\?\?\?|===)/;
const ruleLine = /^([-*_=])[ \t]*(?:\1[ \t]*){2,}$/;
const notParagraph = /^(?:[|<>{]|\[\^[^\]]*\]:|\*\[)/;
const placeholderLink = /\]\([ \t]*(url(?=[\s)])[^)\n]*?)[ \t]*\)/g;
/** A list item's line, with the line break before it: a literal first character lets the search skip ahead (the body's first line is never glued to a paragraph). */
const itemLine = /\n[ \t]*(?:[-*+]|\d+\.)[ \t]/g;
const conflictMarker = '<<<<<<< ';
/** Not yet classified. */
const unknown = 255;

/** The pattern of a schema's instruction phrases at the start of a line, made once per phrase list. */
const instructionPatterns = new WeakMap<readonly string[], RegExp>();
function instructionPattern(phrases: readonly string[]): RegExp {
  let pattern = instructionPatterns.get(phrases);
  if (!pattern) {
    const alternatives = phrases.filter((phrase) => phrase !== '').map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    instructionPatterns.set(phrases, (pattern = new RegExp(`^[ \\t]*(?:${alternatives.join('|')})`, 'gm')));
  }
  return pattern;
}

/** The facts of the body starting at offset `bodyStart` of `text` (LF or CRLF line ends; a lone CR already made a LF). */
export function scanBodyLines(text: string, bodyStart: number, body: PageBody, instructionPhrases: readonly string[]): BodyLines {
  const starts = lineStarts(text);
  const result: BodyLines = {
    conflictMarkers: [],
    gluedLists: [],
    instructionLines: [],
    placeholderLinks: [],
    headingLineStarts: body.headings.map((heading) => starts[heading.range.start.line] ?? text.length),
    textLength: text.length,
    endsWithLineBreak: text.endsWith('\n'),
    lineBreak: text.includes('\r\n') ? '\r\n' : '\n',
  };
  const lineAt = (offset: number) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  };
  const lineEnd = (line: number) => {
    const next = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
    return next > starts[line] && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
  };
  const codeBlocks = [...body.codeLines].sort((x, y) => x[0] - y[0]);
  const inCode = (line: number) => inRanges(codeBlocks, line);

  if (text.includes(conflictMarker)) {
    for (let at = text.indexOf(conflictMarker); at !== -1; at = text.indexOf(conflictMarker, at + 1)) {
      const line = lineAt(at);
      if (starts[line] === at && !inCode(line)) result.conflictMarkers.push(line);
    }
  }

  // HTML comments of the body (a `<!--` in code opens none), as offset ranges.
  const comments: [number, number][] = [];
  for (let at = text.indexOf('<!--', bodyStart); at !== -1;) {
    if (inCode(lineAt(at))) {
      at = text.indexOf('<!--', at + 4);
      continue;
    }
    const close = text.indexOf('-->', at + 4);
    const end = close === -1 ? text.length : close + 3;
    comments.push([at, end]);
    at = text.indexOf('<!--', end);
  }
  const inComment = (offset: number) => inRanges(comments, offset);

  // Most pages have none of the phrases: looking for each is cheaper than the pattern's try at every line.
  const pattern = instructionPhrases.some((phrase) => phrase !== '' && text.includes(phrase, bodyStart)) ? instructionPattern(instructionPhrases) : undefined;
  if (pattern) {
    pattern.lastIndex = bodyStart;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const at = match.index + match[0].length - match[0].trimStart().length;
      const line = lineAt(at);
      if (inCode(line) || inComment(at)) continue;
      const end = starts[line] + text.slice(starts[line], lineEnd(line)).trimEnd().length;
      result.instructionLines.push({ line, start: at - starts[line], end: end - starts[line] });
    }
  }

  placeholderLink.lastIndex = bodyStart;
  for (let match = text.includes('](url', bodyStart) ? placeholderLink.exec(text) : null; match; match = placeholderLink.exec(text)) {
    const at = match.index + match[0].indexOf('url');
    const line = lineAt(at);
    if (inCode(line) || inComment(at)) continue;
    result.placeholderLinks.push({ line, start: at - starts[line], end: at - starts[line] + match[1].length });
  }

  // Lists glued to a paragraph: each item line that follows a text line at its indentation.
  const first = lineAt(bodyStart);
  const kinds = new Uint8Array(starts.length).fill(unknown);
  const indents = new Uint16Array(starts.length);
  const classifyLine = (line: number) => {
    if (kinds[line] !== unknown) return;
    if (inCode(line)) {
      kinds[line] = Kind.Code;
      return;
    }
    const start = starts[line];
    const end = lineEnd(line);
    const touched = comments.some(([from, to]) => from < end && to > start);
    const source = touched ? blankComments(text, start, end, comments) : text.slice(start, end);
    let columns = 0;
    let at = 0;
    for (; at < source.length; at++) {
      const code = source.charCodeAt(at);
      if (code === 0x20) columns++;
      else if (code === 0x09) columns += 4 - (columns % 4);
      else break;
    }
    const trimmed = source.slice(at).trimEnd();
    indents[line] = columns;
    kinds[line] = trimmed === '' ? (touched ? Kind.Other : Kind.Blank) : classify(trimmed);
  };
  const kindOf = (line: number) => {
    classifyLine(line);
    return kinds[line];
  };
  itemLine.lastIndex = bodyStart;
  for (let match = itemLine.exec(text); match; match = itemLine.exec(text)) {
    const line = lineAt(match.index + 1);
    if (line <= first || kindOf(line) !== Kind.Item || kindOf(line - 1) !== Kind.Text || indents[line - 1] !== indents[line]) continue;
    if (!startsParagraph(kindOf, indents, line, first)) continue;
    const source = text.slice(starts[line], lineEnd(line));
    result.gluedLists.push({ line, start: source.length - source.trimStart().length, end: source.trimEnd().length, lineStart: starts[line] });
  }
  return result;
}

/** Whether `value` lies in one of the ranges `[from, to)`, sorted by `from` and not overlapping. */
function inRanges(ranges: readonly [number, number][], value: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle][0] <= value) low = middle + 1;
    else high = middle;
  }
  return low > 0 && value < ranges[low - 1][1];
}

/** Offsets where the lines of a text start (a lone CR already made a LF by the caller). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** A line with the parts inside comments made spaces (columns kept). */
function blankComments(text: string, start: number, end: number, comments: readonly [number, number][]): string {
  let line = text.slice(start, end);
  for (const [from, to] of comments) {
    if (from >= end || to <= start) continue;
    const a = Math.max(from, start) - start;
    const b = Math.min(to, end) - start;
    line = line.slice(0, a) + ' '.repeat(b - a) + line.slice(b);
  }
  return line;
}

/**
 * Whether the run of non-blank lines above the item at `index` starts as a paragraph rather than as
 * a list (whose lazy continuation lines may precede a next item). The run stops below a heading or a
 * block opener, and at a line indented less (the enclosing block): an item there owns the run.
 */
function startsParagraph(kindOf: (line: number) => number, indents: Uint16Array, index: number, bodyFirst: number): boolean {
  const indent = indents[index];
  let first = index - 1;
  for (let line = index - 2; line >= bodyFirst; line--) {
    const kind = kindOf(line);
    if (kind === Kind.Blank || kind === Kind.Heading || kind === Kind.Code) break;
    if (indents[line] < indent) {
      if (kind === Kind.Item) return false;
      break;
    }
    if (kind === Kind.Opener) break;
    if (indents[line] === indent) first = line;
  }
  return kindOf(first) !== Kind.Item;
}

/** What a line without its surrounding white space is, by its first character first: most lines are text and need no pattern. */
function classify(trimmed: string): Kind {
  switch (trimmed[0]) {
    case '#':
      return headingStart.test(trimmed) ? Kind.Heading : Kind.Text;
    case '!':
    case '?':
      return openerStart.test(trimmed) ? Kind.Opener : Kind.Text;
    case '=':
      return openerStart.test(trimmed) ? Kind.Opener : ruleLine.test(trimmed) ? Kind.Other : Kind.Text;
    case '-':
    case '*':
    case '_':
    case '+':
      if (ruleLine.test(trimmed)) return Kind.Other;
      if (itemStart.test(trimmed)) return Kind.Item;
      return notParagraph.test(trimmed) ? Kind.Other : Kind.Text;
    case '`':
    case '~':
      return trimmed.startsWith('```') || trimmed.startsWith('~~~') ? Kind.Other : Kind.Text;
    case '|':
    case '<':
    case '>':
    case '{':
    case '[':
      return notParagraph.test(trimmed) ? Kind.Other : Kind.Text;
    default:
      return trimmed[0] >= '0' && trimmed[0] <= '9' && itemStart.test(trimmed) ? Kind.Item : Kind.Text;
  }
}
