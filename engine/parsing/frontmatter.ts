import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { Range } from '../text/positions';
import { BlockPositions, FrontmatterEntry, YamlList, YamlMap, YamlMapEntry, YamlScalar, type YamlValue } from './frontmatterValues';
import { readSimpleBlock } from './simpleFrontmatter';
import { detached } from '../text/strings';

// The frontmatter block is split by hand rather than with gray-matter: RULES.md defines the
// delimiters line by line (a line that is `---`, trailing white space allowed, BOM before it),
// which gray-matter does not (it closes on any line that starts with `---`, reads an unclosed
// block as all frontmatter and keeps no offsets); the block is then parsed once, by `yaml`,
// with every key and item keeping its source range.

export { BlockPositions, FrontmatterEntry, YamlList, YamlMap, YamlMapEntry, YamlScalar, type YamlValue } from './frontmatterValues';

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

/**
 * Reads the frontmatter block of a file's text. With `copyBlock`, the block is read from a copy of
 * its own: every key and value is a view of the text it was cut from, and a caller that drops the
 * file's text must not have it kept alive by them.
 */
export function parseFrontmatter(text: string, copyBlock = false): Frontmatter {
  const block = findBlock(text);
  if (block === null) return { status: 'missing' };
  if (block === 'unclosed') return { status: 'unclosed' };
  return parseBlock(text, block, copyBlock);
}

/**
 * Longer blocks are not parsed (frontmatter in the corpus is a few KiB): the YAML parser needs a
 * second or more for some hostile megabyte, and a file open in an editor is parsed at every edit.
 */
export const maxFrontmatterChars = 64 * 1024;

/** Off only in the differential test that holds the simple reader to `yaml`. */
let useSimpleReader = true;

/** For tests: parses with `yaml` alone. */
export function parseFrontmatterWithYaml(text: string): Frontmatter {
  useSimpleReader = false;
  try {
    return parseFrontmatter(text);
  } finally {
    useSimpleReader = true;
  }
}

function parseBlock(text: string, block: Block, copyBlock: boolean): Frontmatter {
  const cut = text.slice(block.yamlStart, block.yamlEnd);
  const yamlText = copyBlock ? detached(cut) : cut;
  const base = { status: 'parsed' as const, bodyStart: block.bodyStart, closeLine: block.closeLine, closeStart: block.yamlEnd };
  if (yamlText.length > maxFrontmatterChars) {
    const message = `het blok is ${Math.ceil(yamlText.length / 1024)} KiB; blokken groter dan ${maxFrontmatterChars / 1024} KiB worden niet gelezen`;
    const start = { line: 1, character: 0 };
    return { ...base, errors: [{ message, range: { start, end: start } }], isMapping: true, entries: [] };
  }
  // Line starts from the text itself: the parser's LineCounter misses the line breaks inside a token it rejects, which would put later errors on the wrong line.
  const lineStarts = [0];
  for (let index = yamlText.indexOf('\n'); index !== -1; index = yamlText.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const positions = new BlockPositions(lineStarts, block.yamlStart);
  if (useSimpleReader) {
    const simple = readSimpleBlock(yamlText, positions);
    if (simple) return { ...base, errors: [], isMapping: true, flow: false, entries: simple };
  }
  const document = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, version: '1.2' });
  const shift = block.yamlStart;
  // Between the CR and the LF of a line break is no position in an editor: an error there ends before the CR.
  const beforeBreak = (offset: number) => (yamlText.charCodeAt(offset - 1) === 0x0d && yamlText.charCodeAt(offset) === 0x0a ? offset - 1 : offset) + shift;
  const errors = document.errors.map((error) => ({ message: error.message.split('\n')[0], range: positions.range(beforeBreak(error.pos[0]), beforeBreak(error.pos[1])) }));

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { ...base, errors, isMapping: true, entries: [] };
  if (!isMap(contents)) return { ...base, errors, isMapping: false, entries: [] };

  const seen = new Set<string>();
  const entries: FrontmatterEntry[] = [];
  const resolve = aliasResolver(document);
  for (const pair of contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const [keyStart, keyEnd] = pair.key.range;
    const value = toValue(resolve, positions, pair.value as Node | null, keyEnd + shift);
    const valueEnd = Math.max(value.end - shift, keyEnd);
    const lineEnd = yamlText.indexOf('\n', Math.max(valueEnd - 1, keyStart));
    const spanEnd = shift + (lineEnd === -1 ? yamlText.length : lineEnd + 1);
    entries.push(new FrontmatterEntry(positions, key, keyStart + shift, keyEnd + shift, value, keyStart + shift, spanEnd, !seen.has(key)));
    seen.add(key);
  }
  return { ...base, errors, isMapping: true, flow: contents.flow === true, entries };
}

/** Converts a parsed node; `fallback` is the file offset for an absent value (`key:` with nothing after it). */
function toValue(resolve: (alias: Alias) => Node | undefined, positions: BlockPositions, node: Node | null, fallback: number): YamlValue {
  if (node === null || !node.range) return new YamlScalar(positions, fallback, fallback, null);
  const start = node.range[0] + positions.yamlStart;
  const end = node.range[1] + positions.yamlStart;
  if (isAlias(node)) {
    const target = resolve(node);
    return isScalar(target) ? new YamlScalar(positions, start, end, target.value) : new YamlMap(positions, start, end);
  }
  if (isScalar(node)) return new YamlScalar(positions, start, end, node.value, typeof node.value === 'number' ? node.source : undefined);
  if (isSeq(node)) {
    const items = node.items.map((item) => toValue(resolve, positions, item as Node | null, start));
    return new YamlList(positions, start, end, items, node.flow === true);
  }
  const entries: YamlMapEntry[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const keyStart = pair.key.range[0] + positions.yamlStart;
      const keyEnd = pair.key.range[1] + positions.yamlStart;
      entries.push(new YamlMapEntry(positions, String(pair.key.value), keyStart, keyEnd, toValue(resolve, positions, pair.value as Node | null, keyEnd)));
    }
  }
  return new YamlMap(positions, start, end, entries);
}

/**
 * Resolves an alias as `Alias.resolve` does (the last node before it with its anchor), from one pass
 * over the document: `Alias.resolve` walks the whole document for each alias, so a block of many
 * aliases took quadratic time.
 */
function aliasResolver(document: Document): (alias: Alias) => Node | undefined {
  let anchors: Map<string, Node[]> | undefined;
  return (alias) => {
    if (!anchors) {
      const found = new Map<string, Node[]>();
      visit(document, (_key, node) => {
        if (!isNode(node) || !node.anchor || !node.range) return;
        const nodes = found.get(node.anchor);
        if (nodes) nodes.push(node);
        else found.set(node.anchor, [node]);
      });
      anchors = found;
    }
    const nodes = anchors.get(alias.source) ?? [];
    const at = alias.range?.[0] ?? 0;
    // In document order: the last one that starts before the alias.
    let low = 0;
    let high = nodes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (nodes[middle].range![0] < at) low = middle + 1;
      else high = middle;
    }
    return nodes[low - 1];
  };
}
