// The site's blocks in the preview: admonitions (`!!!`), collapsible details (`???`, `???+`) and
// content tabs (`===`), from the engine's container tokens, as Python-Markdown's admonition,
// pymdownx.details and pymdownx.tabbed (alternate style) write them.
import type { Env, MarkdownIt, StateCore, Token } from 'markdown-it';
import type { ContainerInfo } from '../../../engine';
import { escapeHtml, marker } from './html';
import { renderState } from './renderState';

/** The tags of a block token with the attributes others gave it (VS Code's `data-line` for scrolling) and classes of ours, without changing the token. */
function openTag(token: Token, tag: string, classes: string, extra = ''): string {
  const attributes = (token.attrs ?? []).filter(([name]) => name !== 'class').map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`);
  const ownClass = [classes, token.attrGet('class')].filter(Boolean).join(' ');
  return `<${tag}${ownClass ? ` class="${escapeHtml(ownClass)}"` : ''}${attributes.join('')}${extra}>`;
}

/** The title as Python-Markdown gives it: as written (inline Markdown rendered), else the first class capitalised. */
function titleHtml(md: MarkdownIt, info: ContainerInfo, env: Env | undefined): string | undefined {
  if (info.title === '') return undefined;
  if (info.title !== undefined) return md.renderInline(info.title, env);
  const first = info.classes[0]?.toLowerCase() ?? '';
  return escapeHtml(first.charAt(0).toUpperCase() + first.slice(1));
}

const emptyMessage = 'Op de site blijft dit blok leeg: de tekst eronder is niet ingesprongen (4 spaties of een tab).';

export function siteBlocksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('site_tab_sets', groupTabs);
  const info = (token: Token) => (token.meta as { container: ContainerInfo }).container;
  const classes = (container: ContainerInfo) => container.classes.map((name) => name.toLowerCase()).join(' ');

  md.renderer.rules.admonition_open = (tokens, idx, _options, env) => {
    const container = info(tokens[idx]);
    const title = titleHtml(md, container, env);
    return (
      openTag(tokens[idx], 'div', `admonition ${classes(container)}`) +
      (title === undefined ? '' : `<p class="admonition-title">${title}</p>`) +
      (container.empty ? marker(emptyMessage) : '')
    );
  };
  md.renderer.rules.admonition_close = () => '</div>\n';

  md.renderer.rules.details_open = (tokens, idx, _options, env) => {
    const container = info(tokens[idx]);
    const title = titleHtml(md, container, env) ?? '';
    return (
      openTag(tokens[idx], 'details', classes(container), container.marker === '???+' ? ' open="open"' : '') +
      `<summary>${title}</summary>` +
      (container.empty ? marker(emptyMessage) : '')
    );
  };
  md.renderer.rules.details_close = () => '</details>\n';

  md.renderer.rules.tabbed_set_open = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    const set = ++renderState(env).tabSets;
    const titles = (token.meta as { titles: string[]; selected: number }).titles;
    const selected = (token.meta as { selected: number }).selected;
    const inputs = titles.map((_, index) => `<input type="radio" name="__tabbed_${set}" id="__tabbed_${set}_${index + 1}"${index === selected ? ' checked="checked"' : ''}>`);
    const labels = titles.map((title, index) => `<label for="__tabbed_${set}_${index + 1}">${md.renderInline(title, env)}</label>`);
    return `${openTag(token, 'div', 'tabbed-set tabbed-alternate', ` data-tabs="${set}:${titles.length}"`)}${inputs.join('')}<div class="tabbed-labels">${labels.join('')}</div><div class="tabbed-content">`;
  };
  md.renderer.rules.tabbed_set_close = () => '</div></div>\n';
  md.renderer.rules.tab_open = (tokens, idx) => openTag(tokens[idx], 'div', 'tabbed-block');
  md.renderer.rules.tab_close = () => '</div>\n';
}

/**
 * Wraps each run of tab blocks in a set, as pymdownx.tabbed groups them: a tab that follows a tab
 * directly joins its set, unless its marker has `!`; a `+` selects it.
 */
function groupTabs(state: StateCore): void {
  if (!state.tokens.some((token) => token.type === 'tab_open')) return;
  const result: Token[] = [];
  /** The set of each tab that is open, innermost last. */
  const sets: Token[] = [];
  for (const token of state.tokens) {
    if (token.type === 'tab_open') {
      const container = (token.meta as { container: ContainerInfo }).container;
      const previous = result[result.length - 1];
      let set: Token;
      if (previous?.type === 'tabbed_set_close' && previous.level === token.level && !container.marker.includes('!')) {
        result.pop();
        set = (previous.meta as { set: Token }).set;
      } else {
        set = new state.Token('tabbed_set_open', 'div', 1);
        Object.assign(set, { block: true, level: token.level, map: token.map, meta: { titles: [], selected: 0 } });
        result.push(set);
      }
      const meta = set.meta as { titles: string[]; selected: number };
      if (container.marker.includes('+')) meta.selected = meta.titles.length;
      meta.titles.push(container.title ?? '');
      sets.push(set);
      result.push(token);
    } else if (token.type === 'tab_close') {
      result.push(token);
      const close = new state.Token('tabbed_set_close', 'div', -1);
      Object.assign(close, { block: true, level: token.level, meta: { set: sets.pop() } });
      result.push(close);
    } else result.push(token);
  }
  state.tokens = result;
}
