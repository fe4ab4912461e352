// The outline of a page: its headings as nested symbols. On a vereiste, maatregel or hulpmiddel the
// required sections of its template are marked, and a missing one is listed where the template
// puts it, marked as missing.
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { type Corpus, type ParsedDocument, requiredSections } from '../../../engine';

export function outline(corpus: Corpus, document: ParsedDocument): DocumentSymbol[] {
  const headings = document.body.headings;
  const type = document.type ? corpus.schema.documentTypes[document.type] : undefined;
  const sections = type?.sections ? requiredSections(document, type.sections) : [];
  const required = new Set(sections.flatMap(({ heading }) => heading ?? []));
  const endOfDocument = { line: document.text.lineCount, character: 0 };

  const symbols: DocumentSymbol[] = [];
  const open: { level: number; symbol: DocumentSymbol }[] = [];
  headings.forEach((heading, index) => {
    const next = headings.slice(index + 1).find((later) => later.level <= heading.level);
    const symbol: DocumentSymbol = {
      name: heading.text || '(leeg)',
      detail: required.has(heading) ? `sectie van het sjabloon (${type!.label})` : undefined,
      kind: SymbolKind.String,
      range: { start: heading.range.start, end: next ? next.range.start : endOfDocument },
      selectionRange: heading.range,
      children: [],
    };
    while (open.length > 0 && open[open.length - 1].level >= heading.level) open.pop();
    (open.length > 0 ? open[open.length - 1].symbol.children! : symbols).push(symbol);
    open.push({ level: heading.level, symbol });
  });

  sections.forEach(({ section, heading }, index) => {
    if (heading) return;
    const next = sections.slice(index + 1).find((later) => later.heading)?.heading;
    const at: Range = next ? { start: next.range.start, end: next.range.start } : { start: endOfDocument, end: endOfDocument };
    symbols.push({ name: `⚠ ${section}`, detail: `ontbreekt: sectie van het sjabloon (${type!.label})`, kind: SymbolKind.Null, range: at, selectionRange: at });
  });
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || missingLast(a, b));
}

/** At one line a present heading comes after the missing sections placed before it. */
function missingLast(a: DocumentSymbol, b: DocumentSymbol): number {
  return (a.kind === SymbolKind.Null ? 0 : 1) - (b.kind === SymbolKind.Null ? 0 : 1);
}
