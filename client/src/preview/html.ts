// Text and attribute values as HTML.

const special = /[&<>"']/;
const specials = /[&<>"']/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return special.test(text) ? text.replace(specials, (character) => entities[character]) : text;
}

/** A message of the engine as HTML: `code` in backticks becomes code. */
export function messageHtml(message: string): string {
  return escapeHtml(message).replace(/`([^`]*)`/g, '<code>$1</code>');
}

/** A marker in the preview where the site will show something else than the author may expect; no part of the site's page. */
export function marker(message: string, inline = false): string {
  const tag = inline ? 'span' : 'p';
  return `<${tag} class="ak-marker">${messageHtml(message)}</${tag}>`;
}
