import type { Range } from '../text/positions';

/** One word of a directive after its name. */
export interface DirectiveArgument {
  text: string;
  range: Range;
  /** Offsets in the file. */
  offsets: [number, number];
}

/** An HTML comment on one line whose first word starts with a directive prefix (`list_`, `tags`). */
export interface Directive {
  name: string;
  nameRange: Range;
  nameOffsets: [number, number];
  args: DirectiveArgument[];
  /** The whole comment, `<!--` to `-->`. */
  range: Range;
}

const fenceOpen = /^[ \t]*(`{3,}|~{3,})/;
const lineTerminator = /[\r\u2028\u2029]/;
const word = /\S+/g;

/**
 * Finds the directives in `text` from offset `start` (the body after the frontmatter). Comments inside
 * fenced code blocks are not directives, as on the site.
 */
export function findDirectives(text: string, start: number, firstLine: number, prefixes: readonly string[]): Directive[] {
  const directives: Directive[] = [];
  let fence: string | undefined;
  let lineStart = start;
  let line = firstLine;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const lineText = text.slice(lineStart, lineEnd);
    const fenceMatch = fenceOpen.exec(lineText);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && lineText.slice(fenceMatch[0].length).trim() === '') {
        fence = undefined;
      }
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else if (lineText.includes('<!--')) {
      collectOnLine(lineText, lineStart, line, prefixes, directives);
    }
    if (newline === -1) break;
    lineStart = newline + 1;
    line++;
  }
  return directives;
}

function collectOnLine(lineText: string, lineStart: number, line: number, prefixes: readonly string[], into: Directive[]): void {
  const at = (column: number) => ({ line, character: column });
  for (const match of comments(lineText)) {
    const innerStart = match.index + 4;
    const words = [...match[1].matchAll(word)];
    if (words.length === 0) continue;
    const name = words[0][0];
    if (!prefixes.some((prefix) => name.startsWith(prefix))) continue;
    const span = (w: RegExpMatchArray) => {
      const from = innerStart + (w.index ?? 0);
      const to = from + w[0].length;
      return { range: { start: at(from), end: at(to) }, offsets: [lineStart + from, lineStart + to] as [number, number] };
    };
    const nameSpan = span(words[0]);
    into.push({
      name,
      nameRange: nameSpan.range,
      nameOffsets: nameSpan.offsets,
      args: words.slice(1).map((w) => ({ text: w[0], ...span(w) })),
      range: { start: at(match.index), end: at(match.index + match[0].length) },
    });
  }
}

/**
 * The `<!-- … -->` comments of a line, as `/<!--(.*?)-->/g` matches them, but in linear time: that
 * regular expression rescans the rest of the line from every `<!--` that is never closed.
 */
function* comments(lineText: string): Generator<{ index: number; 0: string; 1: string }> {
  let from = lineText.indexOf('<!--');
  while (from !== -1) {
    const end = lineText.indexOf('-->', from + 4);
    if (end === -1) return;
    const inner = lineText.slice(from + 4, end);
    // `.` stops at a line terminator: no comment opened before it closes after it.
    const stop = inner.search(lineTerminator);
    if (stop !== -1) {
      from = lineText.indexOf('<!--', from + 4 + stop + 1);
      continue;
    }
    yield { index: from, 0: lineText.slice(from, end + 3), 1: inner };
    from = lineText.indexOf('<!--', end + 3);
  }
}
