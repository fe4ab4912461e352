// Corpus text shown in hovers and completion documentation is escaped: it may come from any
// cloned repository, so no HTML, no links and no command URIs of its own may get through.

const markdownSpecial = /[\\`*_{}[\]()#+\-.!|<>&~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(markdownSpecial, (character) => (character === '<' ? '&lt;' : character === '>' ? '&gt;' : character === '&' ? '&amp;' : `\\${character}`));
}

/** Inline code that cannot be broken out of: backticks in the value are dropped, and line breaks (a blank line would end the span) become spaces. */
export function code(text: string): string {
  return '`' + text.replace(/`/g, '').replace(/[\r\n\u2028\u2029]+/g, ' ') + '`';
}
