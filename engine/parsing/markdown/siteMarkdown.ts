// markdown-it set up to read a page as the site's Python-Markdown does, as far as the rules and the
// preview need it: the site's indented blocks, reference definitions kept as tokens, and the source
// offsets of links, images and inline HTML (markdown-it gives inline tokens none of their own).
import markdownIt, { type MarkdownIt, type StateInline } from 'markdown-it';
import { containersPlugin } from './containers';

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** Where an inline token stands in its inline token's content: set on link_open, image and html_inline tokens. */
export interface InlineSpan {
  start: number;
  end: number;
}

/**
 * Wraps an inline rule so that the token it opens (`type`) carries the span of source it consumed.
 * Text pending before it is pushed first, so the token is looked up by type, not by position.
 */
function recordSpan(md: MarkdownIt, name: string, type: string): void {
  const rule = md.inline.ruler.__rules__.find((candidate) => candidate.name === name);
  if (!rule) return;
  const original = rule.fn as InlineRule;
  md.inline.ruler.at(name, (state: StateInline, silent: boolean) => {
    const start = state.pos;
    const count = state.tokens.length;
    if (!original(state, silent)) return false;
    if (silent) return true;
    for (let index = count; index < state.tokens.length; index++) {
      const token = state.tokens[index];
      if (token.type !== type) continue;
      token.meta = { ...token.meta, span: { start, end: state.pos } satisfies InlineSpan };
      break;
    }
    return true;
  });
}

/** The site's Markdown for the engine's rules: links with source spans, reference definitions kept. */
export function createSiteMarkdown(): MarkdownIt {
  const md = markdownIt('default', { html: true, linkify: false });
  md.use(containersPlugin);
  for (const [name, type] of [
    ['link', 'link_open'],
    ['image', 'image'],
    ['html_inline', 'html_inline'],
    ['autolink', 'link_open'],
  ]) {
    recordSpan(md, name, type);
  }
  md.core.ruler.disable('strip_references');
  // Targets are read from the source as written; markdown-it's URL normalising and filtering would only cost time.
  md.normalizeLink = (url) => url;
  md.validateLink = () => true;
  return md;
}

/** The inline rules that decide where a link, an image, raw HTML or a code span is: all that the link rules read. */
const linkSyntaxRules = ['text', 'escape', 'backticks', 'link', 'image', 'autolink', 'html_inline'];

/**
 * Plain text up to the next character one of those rules starts at (`]` ends a link's text): with
 * the other rules left out, the text between links is skipped in one step, not stopped at every
 * `*`, `_`, `-` or `:` that emphasis and the like would look at.
 */
const linkReaderText = /[^[\]!\\`<]+/y;

function skipText(state: StateInline, silent: boolean): boolean {
  linkReaderText.lastIndex = state.pos;
  if (!linkReaderText.test(state.src)) return false;
  const end = Math.min(linkReaderText.lastIndex, state.posMax);
  if (end === state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, end);
  state.pos = end;
  return true;
}

/**
 * The site's Markdown reduced to what finds links: emphasis, strikethrough and entities never
 * change where a link starts or ends.
 */
export function createLinkReader(): MarkdownIt {
  const md = createSiteMarkdown();
  md.inline.ruler.enableOnly(linkSyntaxRules);
  md.inline.ruler.at('text', skipText);
  md.inline.ruler2.enableOnly([]);
  return md;
}
