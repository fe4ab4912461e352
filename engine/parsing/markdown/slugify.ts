// Heading ids as the site makes them: Python-Markdown's toc extension with its default slugify.

/**
 * Python-Markdown's `slugify(value, '-')`: NFKD, drop what is not ASCII, remove every character that
 * is not a word character, white space or `-`, strip, lowercase, then each run of white space and
 * `-` becomes one `-`. So `Één stap` becomes `een-stap`.
 */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      // eslint-disable-next-line no-control-regex
      .replace(/[^\x00-\x7f]/g, '')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[-\s]+/g, '-')
  );
}

const numbered = /^(.*)_([0-9]+)$/;

/** toc's `unique(id, ids)`: an id already used gets `_1`, then `_2` (an empty one starts at `_1`); the result is added to `used`. */
export function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  while (used.has(candidate) || candidate === '') {
    const match = numbered.exec(candidate);
    candidate = match ? `${match[1]}_${Number(match[2]) + 1}` : `${candidate}_1`;
  }
  used.add(candidate);
  return candidate;
}
