// Most frontmatter blocks are a flat mapping of single-line scalars and block lists of scalars.
// Such a block is read here directly, with the same values and source offsets that `yaml` gives
// (a differential test holds the two to that); anything else, from a comment or a quote with an
// escape to a nested mapping, is left to `yaml`. Reading a corpus cold is then several times
// faster: the `yaml` package's lexer, parser and composer are most of a cold run otherwise.
import { BlockPositions, FrontmatterEntry, YamlList, YamlMap, YamlMapEntry, YamlScalar, type YamlValue } from './frontmatterValues';

const keyLine = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(\S.*))?$/;
const itemLine = /^( *)- +(\S.*)$/;
/** A plain scalar that cannot be read as anything but itself: no indicator first, no `: `, ` #`, tab or trailing `:`. */
const safePlain = /^[^-?:,[\]{}#&*!|>'"%@`\s](?:(?!: | #|\t).)*$/;

// YAML 1.2 core schema.
const nullPlain = /^(?:~|null|Null|NULL)$/;
const truePlain = /^(?:true|True|TRUE)$/;
const falsePlain = /^(?:false|False|FALSE)$/;
const decimalInt = /^[-+]?[0-9]+$/;
const octalInt = /^0o[0-7]+$/;
const hexInt = /^0x[0-9a-fA-F]+$/;
const float = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A scalar's value and where its text ends in `text` (after `start`), or undefined when it is not simple. */
function readScalar(text: string, start: number, end: number): { value: unknown; source?: string; end: number } | undefined {
  const source = text.slice(start, end).trimEnd();
  const first = source[0];
  if (first === '"' || first === "'") {
    const close = source.indexOf(first, 1);
    if (close !== source.length - 1 || source.includes('\\')) return undefined;
    return { value: source.slice(1, -1), end: start + source.length };
  }
  if (!safePlain.test(source) || source.endsWith(':')) return undefined;
  const value = plainValue(source);
  return { value, source: typeof value === 'number' ? source : undefined, end: start + source.length };
}

function plainValue(source: string): unknown {
  if (nullPlain.test(source)) return null;
  if (truePlain.test(source)) return true;
  if (falsePlain.test(source)) return false;
  if (decimalInt.test(source)) return Number.parseInt(source, 10);
  if (octalInt.test(source)) return Number.parseInt(source.slice(2), 8);
  if (hexInt.test(source)) return Number.parseInt(source.slice(2), 16);
  if (float.test(source)) return Number.parseFloat(source);
  return source;
}

/** A key and its value as read, with offsets relative to the block's YAML text. */
interface ReadEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: YamlValue;
  /** Where the value's text ends (after the line break for a list or mapping). */
  valueEnd: number;
}

/** Reads the YAML text of a simple block line by line; `fail()` gives up. */
class SimpleBlockReader {
  /** Start of the next line to read. */
  position = 0;

  constructor(
    private readonly text: string,
    private readonly positions: BlockPositions,
  ) {}

  private lineEnd(from = this.position): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  /** Blank lines, and comment lines at the start of a line, between the entries of the top-level mapping. */
  private skipBlankAndCommentLines(): void {
    while (this.position < this.text.length) {
      const line = this.text.slice(this.position, this.lineEnd());
      if (line.trim() !== '' && !line.startsWith('#')) return;
      this.position = this.lineEnd() + 1;
    }
  }

  /** The indentation of the next line (spaces), or -1 at the end; undefined for a tab or a blank line. */
  private nextIndent(): number | undefined {
    if (this.position >= this.text.length) return -1;
    const line = this.text.slice(this.position, this.lineEnd());
    if (line.trim() === '') return undefined;
    const indent = line.length - line.trimStart().length;
    return line.slice(0, indent).includes('\t') ? undefined : indent;
  }

  /** The entries of a mapping whose keys are indented `indent` spaces; undefined when it is not simple. */
  readMapping(indent: number, topLevel: boolean): ReadEntry[] | undefined {
    const entries: ReadEntry[] = [];
    const shift = this.positions.yamlStart;
    for (;;) {
      if (topLevel) this.skipBlankAndCommentLines();
      const next = this.nextIndent();
      if (next === -1 || (next !== undefined && next < indent)) break;
      if (next !== indent) return undefined;
      const lineEnd = this.lineEnd();
      const match = keyLine.exec(this.text.slice(this.position + indent, lineEnd));
      if (!match) return undefined;
      const keyStart = this.position + indent;
      const keyEnd = keyStart + match[1].length;
      this.position = lineEnd + 1;
      if (match[2] !== undefined) {
        const valueStart = lineEnd - match[2].length;
        const scalar = readScalar(this.text, valueStart, lineEnd);
        if (!scalar) return undefined;
        entries.push({
          key: match[1],
          keyStart,
          keyEnd,
          value: new YamlScalar(this.positions, valueStart + shift, scalar.end + shift, scalar.value, scalar.source),
          valueEnd: scalar.end,
        });
        continue;
      }
      const list = this.readList(indent);
      if (list === undefined) return undefined;
      if (list !== null) {
        entries.push({ key: match[1], keyStart, keyEnd, value: list, valueEnd: list.end - shift });
        continue;
      }
      const deeper = this.nextIndent();
      if (deeper === undefined) return undefined;
      if (deeper > indent) {
        const mapStart = this.position + deeper;
        const nested = this.readMapping(deeper, false);
        if (!nested) return undefined;
        const mapEnd = nested[nested.length - 1].valueEnd;
        const afterLine = this.lineEndAfter(mapEnd);
        const mapEntries = nested.map((entry) => new YamlMapEntry(this.positions, entry.key, entry.keyStart + shift, entry.keyEnd + shift, entry.value));
        entries.push({ key: match[1], keyStart, keyEnd, value: new YamlMap(this.positions, mapStart + shift, afterLine + shift, mapEntries), valueEnd: afterLine });
        continue;
      }
      // `key:` with nothing after it: a null just after the colon.
      entries.push({ key: match[1], keyStart, keyEnd, value: new YamlScalar(this.positions, keyEnd + 1 + shift, keyEnd + 1 + shift, null), valueEnd: keyEnd + 1 });
    }
    return entries;
  }

  /** The offset just after the line break of the line holding `offset - 1` (a value's end that is already past its line break stays). */
  private lineEndAfter(offset: number): number {
    if (this.text[offset - 1] === '\n') return offset;
    return Math.min(this.lineEnd(offset) + 1, this.text.length);
  }

  /**
   * A block list of scalars under a key indented `indent`: its items at that indentation or deeper,
   * all alike. Null when no list follows, undefined when one does that is not simple.
   */
  private readList(indent: number): YamlList | null | undefined {
    const shift = this.positions.yamlStart;
    const items: YamlValue[] = [];
    let itemIndent: string | undefined;
    let start = -1;
    let end = -1;
    while (this.position < this.text.length) {
      const lineEnd = this.lineEnd();
      const item = itemLine.exec(this.text.slice(this.position, lineEnd));
      if (!item || item[1].length < indent || (itemIndent !== undefined && item[1] !== itemIndent)) break;
      itemIndent = item[1];
      if (start === -1) start = this.position + itemIndent.length;
      const itemStart = lineEnd - item[2].length;
      const scalar = readScalar(this.text, itemStart, lineEnd);
      if (!scalar) return undefined;
      items.push(new YamlScalar(this.positions, itemStart + shift, scalar.end + shift, scalar.value, scalar.source));
      end = Math.min(lineEnd + 1, this.text.length);
      this.position = lineEnd + 1;
    }
    if (items.length === 0) return this.text.slice(this.position, this.lineEnd()).trimStart().startsWith('-') ? undefined : null;
    // A line indented under the list that is no item of it (a continuation, a deeper list) is not simple.
    const next = this.nextIndent();
    if (next !== -1 && next !== undefined && next > indent) return undefined;
    return new YamlList(this.positions, start + shift, end + shift, items, false);
  }
}

/**
 * The entries of a simple block (its YAML text, which starts at `positions.yamlStart` in the file),
 * or undefined when the block is anything else and must go to `yaml`.
 */
export function readSimpleBlock(yamlText: string, positions: BlockPositions): FrontmatterEntry[] | undefined {
  if (yamlText.includes('\r')) return undefined;
  const reader = new SimpleBlockReader(yamlText, positions);
  const read = reader.readMapping(0, true);
  if (!read || read.length === 0 || reader.position < yamlText.length) return undefined;
  const shift = positions.yamlStart;
  const seen = new Set<string>();
  return read.map(({ key, keyStart, keyEnd, valueEnd }, index) => {
    const lineEnd = yamlText.indexOf('\n', Math.max(Math.max(valueEnd, keyEnd) - 1, keyStart));
    const spanEnd = shift + (lineEnd === -1 ? yamlText.length : lineEnd + 1);
    const entry = new FrontmatterEntry(positions, key, keyStart + shift, keyEnd + shift, read[index].value, keyStart + shift, spanEnd, !seen.has(key));
    seen.add(key);
    return entry;
  });
}
