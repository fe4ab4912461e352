// Where Python-Markdown, which builds the site, reads a page differently from markdown-it, the
// preview follows the site: a list right under a paragraph line stays part of the paragraph (AK082),
// a list indented less than 4 columns under an item is no nested list, lists with only blank lines
// between them are one list (of the first one's kind), and an ordered list starts at 1 whatever its
// first number. A marker says where the page will not show what it seems to say: a glued list, a
// list numbered `1)` (text on the site), a merge conflict left in the text (AK081).
import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import { marker } from './html';

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

const listItemLine = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]/;
const gluedListMessage = 'Op de site is deze lijst gewone tekst van de alinea erboven: zet er een lege regel voor.';
const conflictLine = /^(?:<{7}|={7}|>{7})(?: |$)/m;
const conflictMessage = 'Hier staat nog een samenvoegconflict (<<<<<<<, =======, >>>>>>>): de site toont die regels als tekst of als kop.';
const parenthesisListMessage = 'Python-Markdown kent geen lijst genummerd met `1)`: op de site is dit gewone tekst. Schrijf `1.`.';

export function pythonMarkdownPlugin(md: MarkdownIt): void {
  const rule = md.block.ruler.__rules__.find((candidate) => candidate.name === 'list');
  const list = rule?.fn as BlockRule | undefined;
  if (rule && list) {
    md.block.ruler.at(
      'list',
      (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
        // Asked whether a list may end the paragraph above it: only the first paragraph of a list
        // item may be followed by a list (the next item, or a nested list), as in Python-Markdown.
        if (silent && state.parentType === 'paragraph' && state.tokens[state.tokens.length - 1]?.type !== 'list_item_open') return false;
        return list(state, startLine, endLine, silent);
      },
      // `at` drops the rules a rule may end unless they are given again.
      { alt: rule.alt },
    );
  }
  md.core.ruler.push('site_python_markdown', followPythonMarkdown);
  md.renderer.rules.site_marker = (tokens, idx) => marker(tokens[idx].content);
}

function followPythonMarkdown(state: StateCore): void {
  flattenShallowLists(state);
  joinAdjacentLists(state.tokens);
  const tokens = state.tokens;
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index];
    if (token.type === 'ordered_list_open' && token.attrGet('start') !== null) token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'start');
    if (token.type === 'ordered_list_open' && tokens[index + 1]?.markup === ')') {
      tokens.splice(index, 0, Object.assign(new state.Token('site_marker', '', 0), { block: true, level: token.level, content: parenthesisListMessage }));
      continue;
    }
    if (token.type !== 'paragraph_open') continue;
    const content = tokens[index + 1]?.content ?? '';
    const glued = content
      .split('\n')
      .slice(1)
      .some((line) => listItemLine.test(line));
    const messages = [...(glued ? [gluedListMessage] : []), ...(conflictLine.test(content) ? [conflictMessage] : [])];
    if (messages.length === 0) continue;
    const close = tokens.findIndex((candidate, at) => at > index && candidate.type === 'paragraph_close');
    const notes = messages.map((message) => Object.assign(new state.Token('site_marker', '', 0), { block: true, level: token.level, content: message }));
    tokens.splice(close + 1, 0, ...notes);
  }
}

const isListOpen = (token: Token) => token.type === 'bullet_list_open' || token.type === 'ordered_list_open';

/** The column of a line's first character that is not white space (a tab advances to the next multiple of 4). */
function indentOf(line: string): number {
  let column = 0;
  for (const character of line) {
    if (character === ' ') column++;
    else if (character === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

/**
 * Python-Markdown nests a list in a list item only when its markers are indented 4 columns deeper
 * than the item's (tab_length); a marker of the same kind less deep starts one more item of the
 * outer list. markdown-it nests from the item's text column on (2 for `- `). Such a list, the last
 * thing in its item, becomes items of the outer list.
 */
function flattenShallowLists(state: StateCore): void {
  const tokens = state.tokens;
  let lines: string[] | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const inner = tokens[index];
    if (!isListOpen(inner) || !inner.map) continue;
    const item = enclosing(tokens, index, inner.level - 1);
    if (item?.type !== 'list_item_open' || !item.map || enclosing(tokens, index, inner.level - 2)?.type !== inner.type) continue;
    const close = tokens.findIndex((token, at) => at > index && token.level === inner.level && token.nesting === -1);
    if (tokens[close + 1]?.type !== 'list_item_close') continue;
    lines ??= state.src.split('\n');
    if (indentOf(lines[inner.map[0]]) - indentOf(lines[item.map[0]]) >= 4) continue;
    const items = tokens.slice(index + 1, close);
    for (const token of items) token.level -= 2;
    tokens.splice(index, close + 2 - index, tokens[close + 1], ...items);
    index--;
  }
}

/** The nearest token before `index` at `level`: the block that encloses the token at `index`. */
function enclosing(tokens: Token[], index: number, level: number): Token | undefined {
  for (let at = index - 1; at >= 0; at--) if (tokens[at].level === level) return tokens[at];
  return undefined;
}

/** Python-Markdown adds a list that follows a list, with only blank lines between them, to that list, whatever its kind. */
function joinAdjacentLists(tokens: Token[]): void {
  for (let index = tokens.length - 2; index >= 0; index--) {
    const [close, open] = [tokens[index], tokens[index + 1]];
    if ((close.type === 'bullet_list_close' || close.type === 'ordered_list_close') && isListOpen(open) && open.level === close.level) {
      const end = tokens.findIndex((token, at) => at > index + 1 && token.level === open.level && token.nesting === -1);
      tokens[end] = Object.assign(tokens[end], { type: close.type, tag: close.tag });
      tokens.splice(index, 2);
    }
  }
}
