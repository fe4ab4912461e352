// Link targets as text: split into scheme, path, query and fragment, percent escapes decoded the
// way Python's `unquote` decodes them, and `/`-separated paths joined and made relative. No file is
// looked at here.

export interface SplitTarget {
  /** The scheme in lower case (`https`, `mailto`) of an absolute URL; `//host/…` counts as one too. */
  scheme?: string;
  /** Everything before `?` and `#`, as written. */
  path: string;
  /** `?…` as written, or ''. */
  query: string;
  /** The text after the first `#`, as written; undefined without `#`. */
  fragment?: string;
}

const schemePattern = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export function splitTarget(target: string): SplitTarget {
  const hash = target.indexOf('#');
  const beforeHash = hash === -1 ? target : target.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const path = question === -1 ? beforeHash : beforeHash.slice(0, question);
  const scheme = schemePattern.exec(path)?.[1].toLowerCase() ?? (path.startsWith('//') ? 'https' : undefined);
  return { scheme, path, query: question === -1 ? '' : beforeHash.slice(question), fragment: hash === -1 ? undefined : target.slice(hash + 1) };
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Decodes runs of `%XX` as UTF-8 (an invalid sequence becomes U+FFFD); a `%` that starts no escape stays. */
export function decodePercent(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let index = 0; index < bytes.length; index++) bytes[index] = parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16);
    return decoder.decode(bytes);
  });
}

/** Characters that would end or change a link's destination if written as they are. */
const unsafeInLink = /[\s%()<>#?"'\\[\]]/g;

/** A path as a link writes it: characters that would break the link percent-encoded. */
export function encodeLinkPath(path: string): string {
  return path.replace(unsafeInLink, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Joins a relative path to a folder (both `/`-separated, the folder without a trailing `/`; '' is
 * the top) and resolves `.` and `..`. Undefined when the path climbs above the top. The result
 * keeps a trailing `/` of `relative`.
 */
export function joinRelative(folder: string, relative: string): string | undefined {
  const segments = folder === '' ? [] : folder.split('/');
  const parts = relative.split('/');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    const last = index === parts.length - 1;
    if (part === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
      if (last) segments.push('');
    } else if (part === '.' || (part === '' && !last)) {
      if (last) segments.push('');
    } else segments.push(part);
  }
  return segments.join('/');
}

/** The folder of a `/`-separated path ('' for a path without `/`). */
export function folderOfPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The last segment of a `/`-separated path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The relative path from a folder to a path (both `/`-separated, from the same top). */
export function relativePathFrom(folder: string, path: string): string {
  const from = folder === '' ? [] : folder.split('/');
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
