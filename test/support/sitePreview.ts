// The Markdown preview outside VS Code: markdown-it set up as VS Code's preview sets it up (HTML
// allowed, our plugin, then a front matter rule), a page parsed with an empty env and rendered
// with its URI, and the server's preview data of the page, as the client would have cached it.
import markdownIt, { type MarkdownIt, type StateBlock } from 'markdown-it';
import type { Corpus, ParsedDocument } from '../../engine';
import { sitePreviewPlugin } from '../../client/src/preview/sitePreview';
import type { PreviewData } from '../../protocol';
import { previewData } from '../../server/src/languageFeatures/previewData';

/** VS Code's front matter rule (markdown-it-front-matter, hidden): a `---` block at the top is no content. */
function frontMatter(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.src.slice(state.bMarks[0], state.eMarks[0]).trimEnd() !== '---') return false;
  let line = 1;
  while (line < state.lineMax && state.src.slice(state.bMarks[line], state.eMarks[line]).trimEnd() !== '---') line++;
  if (line >= state.lineMax) return false;
  if (!silent) state.push('front_matter', '', 0).hidden = true;
  state.line = line + 1;
  return true;
}

/** markdown-it with the preview plugin, reading data by URI from `data`. */
export function previewMarkdown(data: (uri: string) => PreviewData | null | undefined): MarkdownIt {
  const md = sitePreviewPlugin(markdownIt({ html: true }), { dataFor: data });
  md.block.ruler.before('fence', 'front_matter', frontMatter, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.front_matter = () => '';
  return md;
}

/** Renders `text` as the preview of the page at `uri`: parsed with an empty env, rendered with the page named. */
export function renderAs(md: MarkdownIt, text: string, uri: string): string {
  const tokens = md.parse(text, {});
  return md.renderer.render(tokens, md.options, { currentDocument: { toString: () => uri } });
}

/** The preview of a page of a corpus, with its data as the server gives it. */
export function renderPage(corpus: Corpus, document: ParsedDocument, md?: MarkdownIt): string {
  const data = previewData(corpus, document, 1);
  const renderer = md ?? previewMarkdown((uri) => (uri === document.path ? data : null));
  return renderAs(renderer, document.text.getText(), document.path);
}
