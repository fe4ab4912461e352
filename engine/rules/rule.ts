import type { Range } from '../text/positions';
import type { Corpus } from '../corpus/corpus';
import type { ParsedDocument } from '../parsing/parseDocument';
import type { Fix } from '../fixes/fix';

export interface RuleContext {
  corpus: Corpus;
  document: ParsedDocument;
  report(code: string, range: Range, message: string, fixes?: Fix[]): void;
}

/** A rule checks one document against the corpus and reports through the context. */
export type Rule = (context: RuleContext) => void;

/** Line 1, where findings about the whole file are anchored. */
export const firstLine: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Quotes a value for a message. */
export const quote = (value: unknown) => `'${String(value)}'`;
