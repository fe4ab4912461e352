// The site's indented blocks for markdown-it: admonitions (`!!! type "title"`), collapsible details
// (`??? type`, `???+ type`, pymdownx.details) and content tabs (`=== "Label"`, pymdownx.tabbed).
// Python-Markdown reads their bodies as the lines indented at least 4 columns deeper than the
// opening line (blank lines included), and parses the body as Markdown of its own; CommonMark
// would read those lines as indented code.
import type { MarkdownIt, StateBlock } from 'markdown-it';

export type ContainerKind = 'admonition' | 'details' | 'tab';

export interface ContainerInfo {
  kind: ContainerKind;
  /** `!!!`, `???`, `???+` or `===` (with its `+`/`!` flags). */
  marker: string;
  /** The words after the marker: the type and any further classes (`note`, `example inline`). */
  classes: string[];
  title?: string;
  /** No line of the block is indented under it: the site renders it empty. */
  empty: boolean;
}

const admonitionLine = /^(!!!|\?\?\?\+?)[ \t]*([\w-]+(?:[ \t]+[\w-]+)*)?(?:[ \t]+"(.*?)")?[ \t]*$/;
const tabLine = /^(===[!+]{0,2})[ \t]+"(.*?)"[ \t]*$/;

/** What an opening line says, or undefined when it opens no block. */
export function matchContainer(line: string): Omit<ContainerInfo, 'empty'> | undefined {
  const tab = tabLine.exec(line);
  if (tab) return { kind: 'tab', marker: tab[1], classes: [], title: tab[2] };
  const match = admonitionLine.exec(line);
  if (!match || (!match[2] && match[3] === undefined)) return undefined;
  return { kind: match[1] === '!!!' ? 'admonition' : 'details', marker: match[1], classes: match[2] ? match[2].split(/[ \t]+/) : [], title: match[3] };
}

function containerRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // Four columns deeper than the enclosing block is indented code, not an opening line.
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const opened = matchContainer(state.src.slice(start, state.eMarks[startLine]));
  if (!opened) return false;
  if (silent) return true;

  const bodyIndent = state.sCount[startLine] + 4;
  let next = startLine + 1;
  let end = startLine + 1;
  while (next < endLine) {
    if (state.isEmpty(next)) {
      next++;
      continue;
    }
    if (state.sCount[next] < bodyIndent) break;
    end = ++next;
  }
  const info: ContainerInfo = { ...opened, empty: end === startLine + 1 };
  const open = state.push(`${info.kind}_open`, info.kind === 'details' ? 'details' : 'div', 1);
  open.map = [startLine, end];
  open.meta = { container: info };
  open.block = true;

  const saved = { blkIndent: state.blkIndent, parentType: state.parentType, lineMax: state.lineMax };
  state.blkIndent = bodyIndent;
  state.parentType = 'blockquote';
  state.lineMax = end;
  state.md.block.tokenize(state, startLine + 1, end);
  Object.assign(state, saved);

  const close = state.push(`${info.kind}_close`, open.tag, -1);
  close.block = true;
  state.line = end;
  return true;
}

/** Adds the admonition, details and tab blocks; they may interrupt a paragraph, as in Python-Markdown. */
export function containersPlugin(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'site_container', containerRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
