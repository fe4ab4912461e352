// Heading ids as the site makes them (Python-Markdown's toc): an `#id` of the heading's attribute
// list, else the slug of its text, made unique with `_1`, `_2` after every id that attribute lists
// give on the page. VS Code sets its own (GitHub-style) id when it renders a heading; the site's id
// is set again after it, so links to `page.md#id` and `#id` land where they land on the site.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { headingText, slugify, uniqueId } from '../../../engine';

interface HeadingMeta {
  siteId: string;
}

export function siteHeadingsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('site_heading_ids', assignIds);
  const original = md.renderer.rules.heading_open;
  md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
    const siteId = (tokens[idx].meta as HeadingMeta | null)?.siteId;
    if (siteId !== undefined) tokens[idx].attrSet('id', siteId);
    return original ? original(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

function assignIds(state: StateCore): void {
  const used = new Set<string>();
  const visit = (token: Token) => {
    const id = token.attrGet('id');
    if (id !== null && id !== '') used.add(String(id));
    token.children?.forEach(visit);
  };
  state.tokens.forEach(visit);
  for (let index = 0; index < state.tokens.length; index++) {
    const token = state.tokens[index];
    if (token.type !== 'heading_open') continue;
    const explicit = token.attrGet('id');
    token.meta = {
      ...(token.meta as object),
      siteId: explicit !== null ? String(explicit) : uniqueId(slugify(headingText(state.tokens[index + 1]?.children ?? [])), used),
    } satisfies HeadingMeta;
  }
}
