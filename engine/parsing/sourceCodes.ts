// The codes that `sources` of a maatregel may cite: `script/maatregelen-adr-ark.csv` of the corpus,
// semicolon-separated with a header `nummer;maatregel;source`, fields quoted with `"` where they hold
// a `;` or a line break (as Python's csv module writes and reads them).

export interface SourceCode {
  code: string;
  /** What the framework asks, as the CSV states it. */
  text: string;
  /** The framework's name, the CSV's `source` column (`Onderzoekskader Auditdienst Rijk`). */
  source: string;
}

/** The codes per key of `sources` (`ADR`, `ARK`), in the CSV's order. */
export type SourceCodes = ReadonlyMap<string, ReadonlyMap<string, SourceCode>>;

/**
 * Reads the CSV. `frameworks` maps each key of `sources` to the `source` value of its rows; rows of
 * another source, the header and incomplete rows are left out.
 */
export function parseSourceCodes(text: string, frameworks: Readonly<Record<string, string>>): SourceCodes {
  const keyBySource = new Map(Object.entries(frameworks).map(([key, source]) => [source.trim(), key]));
  const codes = new Map<string, Map<string, SourceCode>>(Object.keys(frameworks).map((key) => [key, new Map()]));
  for (const [code, codeText, source] of readCsv(text, ';')) {
    const key = source === undefined ? undefined : keyBySource.get(source.trim());
    if (key === undefined || !code?.trim()) continue;
    const entry = { code: code.trim(), text: (codeText ?? '').replace(/\r/g, '').trim(), source: source.trim() };
    codes.get(key)!.set(entry.code, entry);
  }
  return codes;
}

/** The rows of a CSV text: quoted fields may hold the separator, line breaks and `""` for a quote. */
export function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    let field: string;
    if (text[at] === '"') {
      // Quoted: up to the quote that is not doubled; what follows it up to the separator is dropped.
      field = '';
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          field += text.slice(from);
          at = text.length;
          break;
        }
        field += text.slice(from, quote);
        if (text[quote + 1] !== '"') {
          at = fieldEnd(text, quote + 1, separator);
          break;
        }
        field += '"';
        from = quote + 2;
      }
    } else {
      const end = fieldEnd(text, at, separator);
      field = text.slice(at, end);
      at = end;
    }
    row.push(field.endsWith('\r') && text[at] !== separator ? field.slice(0, -1) : field);
    if (text[at] === separator) {
      at++;
      if (at === text.length) row.push('');
      continue;
    }
    // A line break or the end: the row is done (a blank line is no row).
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    at++;
  }
  return rows;
}

/** Where the field starting at `from` ends: the next separator or line break, or the end. */
function fieldEnd(text: string, from: number, separator: string): number {
  const next = text.indexOf(separator, from);
  const newline = text.indexOf('\n', from);
  return Math.min(next === -1 ? text.length : next, newline === -1 ? text.length : newline);
}
