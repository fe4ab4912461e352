// The data the Markdown preview needs beside the page's text: what the site shows in place of each
// directive, read from the corpus index, and the glossary the site appends to every page.
import { siteDirectiveView, withLinksFrom, type Corpus, type ParsedDocument } from '../../../engine';
import type { PreviewData } from '../../../protocol';

export function previewData(corpus: Corpus, document: ParsedDocument, version: number): PreviewData {
  const links = new Map<string, string>();
  return {
    version,
    directives: document.directives.map((directive) => ({
      line: directive.range.start.line,
      comment: document.text.getText(directive.range),
      view: withLinksFrom(siteDirectiveView(corpus, document, directive), document.path, links),
    })),
    glossary: (corpus.resources.glossary?.terms ?? []).map(({ term, definition }) => ({ term, definition })),
  };
}
