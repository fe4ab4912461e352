import type { Range } from '../text/positions';

/**
 * Maps file offsets of a block to positions. Ranges are made when asked for, not kept: a large
 * corpus holds millions of keys and items, and few of their ranges are ever looked at.
 */
export class BlockPositions {
  /**
   * @param lineStarts the offsets where the lines of the block's YAML text start, relative to that text
   * @param yamlStart the file offset where that text starts
   */
  constructor(
    readonly lineStarts: readonly number[],
    readonly yamlStart: number,
  ) {}

  /** The range between two file offsets. The block's YAML starts on the file's second line, so its line N (1-based) is the file's 0-based line N. */
  range(from: number, to: number): Range {
    return { start: this.position(from), end: this.position(to) };
  }

  private position(offset: number): { line: number; character: number } {
    const relative = offset - this.yamlStart;
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (relative < this.lineStarts[middle]) high = middle;
      else low = middle + 1;
    }
    return { line: low, character: relative - (this.lineStarts[low - 1] ?? 0) };
  }
}

abstract class Located {
  constructor(
    readonly positions: BlockPositions,
    /** File offsets of the source text. */
    readonly start: number,
    readonly end: number,
  ) {}
  get range(): Range {
    return this.positions.range(this.start, this.end);
  }
  get offsets(): [number, number] {
    return [this.start, this.end];
  }
}

export class YamlScalar extends Located {
  readonly kind = 'scalar';
  constructor(
    positions: BlockPositions,
    start: number,
    end: number,
    readonly value: unknown,
    /** For a number: its text as written, which may read as another number (`3.10` is 3.1). */
    readonly source?: string,
  ) {
    super(positions, start, end);
  }
}

export class YamlList extends Located {
  readonly kind = 'list';
  constructor(
    positions: BlockPositions,
    start: number,
    end: number,
    readonly items: YamlValue[],
    readonly flow: boolean,
  ) {
    super(positions, start, end);
  }
}

export class YamlMap extends Located {
  readonly kind = 'map';
  constructor(
    positions: BlockPositions,
    start: number,
    end: number,
    /** The entries with a scalar key (none for an alias to a mapping). */
    readonly entries: YamlMapEntry[] = [],
  ) {
    super(positions, start, end);
  }
}

/** A key and value of a nested mapping (`sources: {ADR: …}`). */
export class YamlMapEntry {
  constructor(
    readonly positions: BlockPositions,
    readonly key: string,
    readonly keyStart: number,
    readonly keyEnd: number,
    readonly value: YamlValue,
  ) {}
  get keyRange(): Range {
    return this.positions.range(this.keyStart, this.keyEnd);
  }
  get keyOffsets(): [number, number] {
    return [this.keyStart, this.keyEnd];
  }
}

/** A YAML value and where its source text is in the file. */
export type YamlValue = YamlScalar | YamlList | YamlMap;

export class FrontmatterEntry {
  constructor(
    readonly positions: BlockPositions,
    readonly key: string,
    readonly keyStart: number,
    readonly keyEnd: number,
    readonly value: YamlValue,
    /** Offsets of the key's first character and of the end of its value's last line (newline included). */
    readonly spanStart: number,
    readonly spanEnd: number,
    /** False for a key that appeared before (the later occurrences of a duplicate key). */
    readonly first: boolean,
  ) {}
  get keyRange(): Range {
    return this.positions.range(this.keyStart, this.keyEnd);
  }
  /** File offsets of the key. */
  get keyOffsets(): [number, number] {
    return [this.keyStart, this.keyEnd];
  }
  get lineSpan(): [number, number] {
    return [this.spanStart, this.spanEnd];
  }
}
