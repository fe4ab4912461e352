import type { ParsedDocument } from '../parsing/parseDocument';
import type { Fix, TextEdit } from './fix';

export function lineBreak(document: ParsedDocument): string {
  return document.text.getText().includes('\r\n') ? '\r\n' : '\n';
}

export function replace(document: ParsedDocument, [start, end]: readonly [number, number], newText: string): TextEdit {
  return { path: document.path, start, end, newText };
}

// Lines as the document counts them: a CRLF, a LF or a lone CR ends one.
const lineStartOf = (document: ParsedDocument, offset: number) => document.text.offsetAt({ line: document.text.positionAt(offset).line, character: 0 });

/** Deletes the whole lines from the one holding `start` to the one holding `end - 1`, line break included. */
export function deleteLines(document: ParsedDocument, start: number, end: number): TextEdit {
  const last = document.text.positionAt(Math.max(end - 1, start)).line;
  return { path: document.path, start: lineStartOf(document, start), end: document.text.offsetAt({ line: last + 1, character: 0 }), newText: '' };
}

/** The text of the line holding `offset` before it. */
export function textBefore(document: ParsedDocument, offset: number): string {
  return document.text.getText().slice(lineStartOf(document, offset), offset);
}

export function fix(title: string, edits: TextEdit[], options: { preferred?: boolean; safe?: boolean } = {}): Fix {
  return { title, edits, preferred: options.preferred ?? true, safe: options.safe ?? true };
}

/** Fixes that replace a value by each candidate; only a clear winner is preferred and safe. */
export function replacementFixes(document: ParsedDocument, offsets: readonly [number, number], candidates: string[], clear: boolean): Fix[] {
  return candidates.map((candidate, index) =>
    fix(`Vervang door '${candidate}'`, [replace(document, offsets, candidate)], { preferred: clear && index === 0, safe: clear && index === 0 }),
  );
}
