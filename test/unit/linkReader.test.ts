// The link reader (markdown-it with only the inline rules that find links, and a text rule that
// skips to the next character they start at) finds exactly the links, images and raw HTML that the
// site's whole inline syntax finds: on every paragraph of the corpora and on random text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Token } from 'markdown-it';
import { createLinkReader, createSiteMarkdown } from '../../engine/parsing/markdown/siteMarkdown';
import { projectRoot, realCorpusRoot } from '../support/realCorpus';

const linkReader = createLinkReader();
const siteMarkdown = createSiteMarkdown();

/** What the page-body parser reads of a run of text: each link, image and HTML tag with its span, and the text around attribute lists. */
function linkTokens(md: ReturnType<typeof createSiteMarkdown>, text: string): string[] {
  const children: Token[] = md.parseInline(text, {})[0]?.children ?? [];
  return children
    .filter((token) => token.type === 'link_open' || token.type === 'image' || token.type === 'html_inline')
    .map((token) => `${token.type} ${token.markup} ${JSON.stringify(token.meta?.span)} ${token.attrGet('href') ?? token.attrGet('src') ?? token.content}`);
}

function paragraphs(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .flatMap((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8').split(/\r?\n[ \t]*\r?\n/));
}

test('every paragraph of the corpora: the same links as with the whole inline syntax', () => {
  const texts = [join(projectRoot, 'content'), ...(realCorpusRoot ? [realCorpusRoot] : [])].flatMap(paragraphs);
  let links = 0;
  for (const text of texts) {
    const expected = linkTokens(siteMarkdown, text);
    assert.deepEqual(linkTokens(linkReader, text), expected, text);
    links += expected.length;
  }
  assert.ok(links > 10, `only ${links} links found: the corpora were not read`);
});

test('random text of link syntax, emphasis, code and entities: the same links', () => {
  const piece = fc.oneof(
    fc.constantFrom('[', ']', '(', ')', '![', '](', '<', '>', '`', '``', '\\', '*', '_', '**', '~~', '&amp;', '&#93;', '\n', ' ', '"', "'", ':', '#', '{', '}'),
    fc.constantFrom('a', 'tekst', 'x.md', 'b.md#kop', 'https://example.org', '<a href="x.md">', '</a>', '<img src="y.png">', '[^1]', '{ #id }', '<!-- c -->'),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const text = pieces.join('');
      assert.deepEqual(linkTokens(linkReader, text), linkTokens(siteMarkdown, text), JSON.stringify(text));
    }),
    { seed: 20261203, numRuns: 5000 },
  );
});
