// markdown-it as the site's MkDocs build reads a page (the extensions of the corpus's mkdocs.yml):
// admonitions, details and tabs, attribute lists, footnotes, task lists and abbreviations, the
// glossary the site appends to every page, the site's heading ids, and the directives expanded
// from the corpus index. Runs in VS Code's Markdown preview, and in the tests on plain markdown-it;
// nothing here needs VS Code.
//
// VS Code parses a page with an empty env and caches the tokens; the page (and so its data from the
// server) is known only when it renders. So what depends on the corpus is done by renderer rules.
import type { MarkdownIt, Token } from 'markdown-it';
import abbreviations from 'markdown-it-abbr';
import attributes from 'markdown-it-attrs';
import footnotes from 'markdown-it-footnote';
import taskLists from 'markdown-it-task-lists';
import { containersPlugin, defaultSchema } from '../../../engine';
import type { PreviewData } from '../../../protocol';
import { directiveHtml, loadingHtml } from './directiveHtml';
import { escapeHtml } from './html';
import { pythonMarkdownPlugin } from './pythonMarkdown';
import { beginRender, endRender, renderState, type RenderState } from './renderState';
import { siteBlocksPlugin } from './siteBlocks';
import { siteHeadingsPlugin } from './siteHeadings';

export interface SitePreviewOptions {
  /** The server's data of the page at `uri` (the env's `currentDocument`): undefined until known, null outside a corpus. */
  dataFor(uri: string): PreviewData | null | undefined;
  /** Told when a rendering of the page at `uri` is done (for the trace of how long an update takes). */
  rendered?(uri: string): void;
}

/** Attributes an attribute list may set in the preview: what changes how the page looks or where links go, no event handlers. */
const allowedAttributes = ['id', 'class', 'title', 'target', 'rel', 'width', 'height', 'align', /^data-/, /^aria-/];

const comment = /<!--(.*?)-->/g;

export function sitePreviewPlugin(md: MarkdownIt, options: SitePreviewOptions): MarkdownIt {
  md.use(containersPlugin);
  md.use(pythonMarkdownPlugin);
  md.use(attributes, { allowedAttributes });
  md.use(footnotes);
  md.use(abbreviations);
  md.use(taskLists, { label: true });
  md.use(siteBlocksPlugin);
  md.use(siteHeadingsPlugin);

  // footnotes: ids `fn:label` and `fnref:label`, as Python-Markdown's footnotes extension makes them.
  md.renderer.rules.footnote_anchor_name = (tokens, idx) => {
    const meta = tokens[idx].meta as { id: number; label?: string };
    return `:${meta.label ?? meta.id + 1}`;
  };

  const defaultText = md.renderer.rules.text;
  md.renderer.rules.text = (tokens, idx, renderOptions, env, self) => {
    const glossary = renderState(env).glossary;
    if (!glossary || tokens[idx - 1]?.type === 'abbr_open') return defaultText ? defaultText(tokens, idx, renderOptions, env, self) : escapeHtml(tokens[idx].content);
    return glossary.html(tokens[idx].content);
  };

  for (const type of ['html_block', 'html_inline'] as const) {
    const original = md.renderer.rules[type];
    md.renderer.rules[type] = (tokens, idx, renderOptions, env, self) => {
      const html = original ? original(tokens, idx, renderOptions, env, self) : tokens[idx].content;
      return html.includes('<!--') ? expandDirectives(html, tokens[idx], renderState(env)) : html;
    };
  }

  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, renderOptions, env) => {
    const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    const started = beginRender(env, document === undefined ? null : options.dataFor(String(document)));
    try {
      return render(tokens, renderOptions, env);
    } finally {
      if (started) {
        endRender(env);
        if (document !== undefined) options.rendered?.(String(document));
      }
    }
  };
  return md;
}

/** The HTML with each directive comment replaced by what the site shows in its place. */
function expandDirectives(html: string, token: Token, state: RenderState): string {
  const firstLine = token.map?.[0];
  return html.replace(comment, (text, inner: string, offset: number) => {
    const name = inner.trim().split(/\s+/)[0] ?? '';
    if (!defaultSchema.directivePrefixes.some((prefix) => name.startsWith(prefix)) || state.data === null) return text;
    if (state.data === undefined) return loadingHtml(name);
    const line = firstLine === undefined ? undefined : firstLine + countLines(html, offset);
    const entries = state.data.directives.filter((entry) => entry.comment === text && !state.placed.has(entry));
    // The data may be of a slightly older text (the server answers while the author types): the same comment on another line is still this one.
    const entry = entries.find((candidate) => candidate.line === line) ?? entries[0];
    if (!entry) return loadingHtml(name);
    state.placed.add(entry);
    return directiveHtml(name, entry.view);
  });
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}
