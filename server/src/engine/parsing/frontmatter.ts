import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Range } from 'vscode-languageserver-textdocument';

// The frontmatter block is split by hand rather than with gray-matter: RULES.md defines the
// delimiters line by line (a line that is `---`, trailing white space allowed, BOM before it),
// which gray-matter does not (it closes on any line that starts with `---`, reads an unclosed
// block as all frontmatter and keeps no offsets); the block is then parsed once, by `yaml`,
// with every key and item keeping its source range.

/** A YAML value with the range of its source text in the file. */
export type YamlValue =
  | { kind: 'scalar'; value: unknown; range: Range; offsets: [number, number] }
  | { kind: 'list'; items: YamlValue[]; range: Range; offsets: [number, number]; flow: boolean }
  | { kind: 'map'; range: Range; offsets: [number, number] };

export interface FrontmatterEntry {
  key: string;
  keyRange: Range;
  /** File offsets of the key. */
  keyOffsets: [number, number];
  value: YamlValue;
  /** Offsets of the key's first character and of the end of its value's last line (newline included). */
  lineSpan: [number, number];
  /** False for a key that appeared before (the later occurrences of a duplicate key). */
  first: boolean;
}

export interface YamlProblem {
  message: string;
  range: Range;
}

export type Frontmatter =
  | { status: 'missing' }
  | { status: 'unclosed' }
  | {
      status: 'parsed';
      /** Offset of the first character after the closing `---` line (the body's start). */
      bodyStart: number;
      /** Line of the closing `---` (0-based) and the offset where it starts. */
      closeLine: number;
      closeStart: number;
      errors: YamlProblem[];
      /** False when the YAML is a list or a scalar. An empty block is an empty mapping. */
      isMapping: boolean;
      /** True for a flow mapping (`{title: …, id: …}`): its entries share lines, so no edit may work line by line. */
      flow?: boolean;
      entries: FrontmatterEntry[];
    };

interface Block {
  yamlStart: number;
  yamlEnd: number;
  bodyStart: number;
  closeLine: number;
}

const delimiter = /^---[ \t]*\r?$/;

/** Finds the `---` lines that open and close the block; null when line 1 does not open one, 'unclosed' when nothing closes it. */
function findBlock(text: string): Block | 'unclosed' | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd === -1) return delimiter.test(text.slice(start)) ? 'unclosed' : null;
  if (!delimiter.test(text.slice(start, lineEnd))) return null;
  const yamlStart = lineEnd + 1;
  let lineStart = yamlStart;
  let line = 1;
  while (lineStart <= text.length) {
    lineEnd = text.indexOf('\n', lineStart);
    const end = lineEnd === -1 ? text.length : lineEnd;
    if (text.charCodeAt(lineStart) === 0x2d && delimiter.test(text.slice(lineStart, end))) {
      return { yamlStart, yamlEnd: lineStart, bodyStart: lineEnd === -1 ? text.length : lineEnd + 1, closeLine: line };
    }
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
    line++;
  }
  return 'unclosed';
}

/** Remembers parsed blocks by their text (the file up to the body), so unchanged ones skip the YAML parser. */
export interface FrontmatterCache {
  lookup(blockText: string): Frontmatter | undefined;
  store(blockText: string, frontmatter: Frontmatter): void;
}

export function parseFrontmatter(text: string, cache?: FrontmatterCache): Frontmatter {
  const block = findBlock(text);
  if (block === null) return { status: 'missing' };
  if (block === 'unclosed') return { status: 'unclosed' };
  if (!cache) return parseBlock(text, block);
  // The result depends only on the text up to the body: the block and the lines that delimit it.
  const blockText = text.slice(0, block.bodyStart);
  const cached = cache.lookup(blockText);
  if (cached) return cached;
  const parsed = parseBlock(text, block);
  cache.store(blockText, parsed);
  return parsed;
}

function parseBlock(text: string, block: Block): Frontmatter {
  const yamlText = text.slice(block.yamlStart, block.yamlEnd);
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, lineCounter, version: '1.2' });
  const range = (from: number, to: number): Range => blockRange(lineCounter, from, to);
  const convert = (node: Node | null, fallbackOffset: number) => toValue(document, node, fallbackOffset, range, block.yamlStart);
  const errors = document.errors.map((error) => ({ message: error.message.split('\n')[0], range: range(error.pos[0], error.pos[1]) }));
  const base = { status: 'parsed' as const, bodyStart: block.bodyStart, closeLine: block.closeLine, closeStart: block.yamlEnd, errors };

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { ...base, isMapping: true, entries: [] };
  if (!isMap(contents)) return { ...base, isMapping: false, entries: [] };

  const seen = new Set<string>();
  const entries: FrontmatterEntry[] = [];
  for (const pair of contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const keyStart = pair.key.range[0];
    const value = convert(pair.value as Node | null, pair.key.range[1]);
    const valueEnd = Math.max(value.offsets[1] - block.yamlStart, pair.key.range[1]);
    const lineEnd = yamlText.indexOf('\n', Math.max(valueEnd - 1, keyStart));
    entries.push({
      key,
      keyRange: range(keyStart, pair.key.range[1]),
      keyOffsets: [block.yamlStart + keyStart, block.yamlStart + pair.key.range[1]],
      value,
      lineSpan: [block.yamlStart + keyStart, block.yamlStart + (lineEnd === -1 ? yamlText.length : lineEnd + 1)],
      first: !seen.has(key),
    });
    seen.add(key);
  }
  return { ...base, isMapping: true, flow: contents.flow === true, entries };
}

/**
 * A range from offsets in the block's YAML text. The parser's positions are 1-based within the
 * block, and the block starts on the file's second line, so the block's line N is the file's
 * 0-based line N.
 */
export function blockRange(lineCounter: LineCounter, from: number, to: number): Range {
  const start = lineCounter.linePos(from);
  const end = lineCounter.linePos(to);
  return { start: { line: start.line, character: start.col - 1 }, end: { line: end.line, character: end.col - 1 } };
}

/** Converts a parsed node; `range` takes block offsets, `offsets` are kept as file offsets (block offset + `shift`). */
function toValue(document: Document, node: Node | null, fallbackOffset: number, range: (from: number, to: number) => Range, shift: number): YamlValue {
  if (node === null || !node.range) {
    const at = fallbackOffset + shift;
    return { kind: 'scalar', value: null, range: range(fallbackOffset, fallbackOffset), offsets: [at, at] };
  }
  const [from, to] = node.range;
  const offsets: [number, number] = [from + shift, to + shift];
  if (isAlias(node)) {
    const target = node.resolve(document);
    if (isScalar(target)) return { kind: 'scalar', value: target.value, range: range(from, to), offsets };
    return { kind: 'map', range: range(from, to), offsets };
  }
  if (isScalar(node)) return { kind: 'scalar', value: node.value, range: range(from, to), offsets };
  if (isSeq(node)) {
    return {
      kind: 'list',
      items: node.items.map((item) => toValue(document, item as Node | null, from, range, shift)),
      range: range(from, to),
      offsets,
      flow: node.flow === true,
    };
  }
  return { kind: 'map', range: range(from, to), offsets };
}
