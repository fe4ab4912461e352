import type { ParsedDocument } from '../parsing/parseDocument';
import type { Fix, TextEdit } from '../rules/finding';

export function lineBreak(document: ParsedDocument): string {
  return document.text.getText().includes('\r\n') ? '\r\n' : '\n';
}

export function replace(document: ParsedDocument, [start, end]: readonly [number, number], newText: string): TextEdit {
  return { path: document.path, start, end, newText };
}

/** Deletes the whole lines from the one holding `start` to the one holding `end - 1`, line break included. */
export function deleteLines(document: ParsedDocument, start: number, end: number): TextEdit {
  const text = document.text.getText();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', Math.max(end - 1, start));
  return { path: document.path, start: lineStart, end: newline === -1 ? text.length : newline + 1, newText: '' };
}

/** The text of the line holding `offset` before it. */
export function textBefore(document: ParsedDocument, offset: number): string {
  const text = document.text.getText();
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
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
