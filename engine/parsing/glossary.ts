// The glossary the site appends to every page (`pymdownx.snippets` auto_append of
// `includes/begrippenlijst.md`): abbreviation definitions `*[term]: definition`, which Python-Markdown's
// abbr extension turns into a tooltip on every occurrence of the term in the page's text.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../text/positions';

export interface GlossaryTerm {
  /** The term as written between `*[` and `]`, trimmed. */
  term: string;
  definition: string;
  /** 0-based line of the definition and its range (the whole line, without the line break). */
  line: number;
  range: Range;
  /** Offsets of the whole line, line break included: what removing the definition deletes. */
  lineOffsets: [number, number];
}

export interface Glossary {
  path: string;
  text: TextDocument;
  terms: GlossaryTerm[];
}

// As the abbr extension reads a definition (Python-Markdown 3.4), on one line.
const definitionLine = /^[*]\[([^\]]*)\][ ]?:[ ]*(.*)$/;

export function parseGlossary(path: string, content: string): Glossary {
  const text = TextDocument.create(path, 'markdown', 0, content);
  const terms: GlossaryTerm[] = [];
  let start = 0;
  for (let line = 0; start <= content.length; line++) {
    const newline = content.indexOf('\n', start);
    const end = newline === -1 ? content.length : newline + 1;
    const lineText = content.slice(start, newline === -1 ? content.length : newline).replace(/\r$/, '');
    const match = definitionLine.exec(lineText);
    if (match && match[1].trim() !== '') {
      terms.push({
        term: match[1].trim(),
        definition: match[2].trim(),
        line,
        range: { start: { line, character: 0 }, end: { line, character: lineText.length } },
        lineOffsets: [start, end],
      });
    }
    if (newline === -1) break;
    start = end;
  }
  return { path, text, terms };
}

const wordCharacter = /[\p{L}\p{N}\p{M}_]/u;
const isWord = (character: string | undefined) => character !== undefined && wordCharacter.test(character);

/**
 * The term whose occurrence in `lineText` covers `character`, as the site marks it: the exact text
 * (case matters) between word boundaries (`\b` of Python's `re`). Of overlapping terms the longest
 * wins; a term defined twice has the later definition, as on the site.
 */
export function glossaryTermAt(glossary: Glossary, lineText: string, character: number): { term: GlossaryTerm; start: number; end: number } | undefined {
  let found: { term: GlossaryTerm; start: number; end: number } | undefined;
  for (const term of glossary.terms) {
    const length = term.term.length;
    for (let at = lineText.indexOf(term.term, Math.max(0, character - length)); at !== -1 && at <= character; at = lineText.indexOf(term.term, at + 1)) {
      const end = at + length;
      if (character > end || !isBoundary(lineText, at) || !isBoundary(lineText, end)) continue;
      if (!found || length > found.end - found.start || (length === found.end - found.start && term.line > found.term.line)) found = { term, start: at, end };
    }
  }
  return found;
}

/** `\b`: a word character on exactly one side of `at`. */
function isBoundary(text: string, at: number): boolean {
  return isWord(text[at - 1]) !== isWord(text[at]);
}
