// attr_list: `{ #id .class key=value }` (also `{: ... }`) after a heading or a block or span.

/** A trailing attribute list of a heading: at least one space, `{`, an optional `:`, the list, `}`. */
const headingAttrList = /[ \t]+\{:?[ \t]*([^}\n \t][^}\n]*?)[ \t]*\}[ \t]*$/;

/** Splits a heading's text into the text the site shows and its attribute list, if it ends with one. */
export function splitHeadingAttrList(text: string): { text: string; attrs?: string } {
  const match = headingAttrList.exec(text);
  return match ? { text: text.slice(0, match.index), attrs: match[1] } : { text };
}

/** The `#id` of an attribute list, if it names one (the last one wins, as in Python-Markdown). */
export function idOfAttrList(attrs: string): string | undefined {
  let id: string | undefined;
  for (const match of attrs.matchAll(/(?:^|\s)#([^\s#.=}]+)/g)) id = match[1];
  return id;
}

/** Every attribute list in a text that names an id (`{: #id }` on a paragraph, `[link](x){ #id }`). */
export function idsInAttrLists(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(/\{:?[ \t]*([^}\n]*)\}/g)) {
    const id = idOfAttrList(match[1]);
    if (id) ids.push(id);
  }
  return ids;
}
