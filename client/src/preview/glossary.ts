// The glossary as the site applies it: Python-Markdown's abbr extension, one pattern per term in the
// order of definition (a term defined again moves to the end), each term matched case for case
// between word boundaries in text that no earlier term took, and shown as `<abbr title>`.
import { escapeHtml } from './html';

interface Term {
  term: string;
  definition: string;
}

/** A run of text, or a term the site marks. */
type Segment = { text: string; definition?: string };

const wordCharacter = /[\p{L}\p{N}_]/u;
const isWord = (character: string | undefined) => character !== undefined && wordCharacter.test(character);
/** Python's `\b` (Unicode): a word character on exactly one side. */
const isBoundary = (text: string, at: number) => isWord(text[at - 1]) !== isWord(text[at]);

export class GlossaryMarker {
  private readonly terms: Term[];

  constructor(definitions: readonly Term[]) {
    const byTerm = new Map<string, Term>();
    for (const definition of definitions) {
      byTerm.delete(definition.term);
      byTerm.set(definition.term, definition);
    }
    this.terms = [...byTerm.values()];
  }

  /** The text as HTML, its terms marked. */
  html(text: string): string {
    let segments: Segment[] = [{ text }];
    for (const { term, definition } of this.terms) {
      if (!text.includes(term)) continue;
      segments = segments.flatMap((segment) => (segment.definition === undefined ? split(segment.text, term, definition) : [segment]));
    }
    return segments
      .map((segment) => (segment.definition === undefined ? escapeHtml(segment.text) : `<abbr title="${escapeHtml(segment.definition)}">${escapeHtml(segment.text)}</abbr>`))
      .join('');
  }
}

function split(text: string, term: string, definition: string): Segment[] {
  const parts: Segment[] = [];
  let from = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (at < from || !isBoundary(text, at) || !isBoundary(text, at + term.length)) continue;
    if (at > from) parts.push({ text: text.slice(from, at) });
    parts.push({ text: term, definition });
    from = at + term.length;
  }
  if (from === 0) return [{ text }];
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}
