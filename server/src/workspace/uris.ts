// URIs of corpus roots and their files, without Node: the server runs on Node (`file:` URIs) and in
// a browser worker (`vscode-vfs://github/…`, `vscode-remote://…`), so roots are identified by URI
// and a file's URI is its root's URI joined with its corpus path.

/** The characters a path segment keeps as they are: those Node 20's pathToFileURL leaves unescaped. */
const keptInSegment = /[A-Za-z0-9\-._!$&'()*+,;=:@]/;
const encoder = new TextEncoder();

/** One path segment, percent-encoded as Node's pathToFileURL encodes it, so `file:` URIs come out the same as before. */
export function encodeSegment(segment: string): string {
  let encoded = '';
  for (const char of segment) {
    if (keptInSegment.test(char)) encoded += char;
    else for (const byte of encoder.encode(char)) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

interface UriParts {
  scheme: string;
  authority: string;
  /** The path's segments, percent-decoded, dot segments resolved; an absolute path starts with ''. */
  segments: string[];
  /** `?query#fragment` as written. */
  rest: string;
}

const uriPattern = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(.*)$/s;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function parse(uri: string): UriParts | undefined {
  const match = uriPattern.exec(uri);
  if (!match) return undefined;
  // Dot segments are resolved as URL parsers do (`docs/../../x` is `x` one level up, also spelt `%2E%2E`).
  const segments: string[] = [];
  const raw = match[3].split('/');
  raw.forEach((encoded, index) => {
    const segment = decodeSegment(encoded);
    const last = index === raw.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..' && segments.length > 1) segments.pop();
      if (last) segments.push('');
    } else segments.push(segment);
  });
  return { scheme: match[1].toLowerCase(), authority: (match[2] ?? '').toLowerCase(), segments, rest: match[4] };
}

function format(parts: UriParts): string {
  return `${parts.scheme}://${parts.authority}${parts.segments.map(encodeSegment).join('/')}${parts.rest}`;
}

/** The segments without a trailing empty one (a folder URI ending in `/`). */
function trimmed(segments: string[]): string[] {
  return segments.length > 1 && segments[segments.length - 1] === '' ? segments.slice(0, -1) : segments;
}

/**
 * The canonical form of a URI: scheme and authority in lower case, the path percent-encoded one way
 * (a Windows drive letter in lower case, dot segments resolved), a trailing slash dropped. Two
 * spellings of the same file (`file:///c%3A/x` and `file:///C:/x`, `%7E` and `~`) have one
 * canonical form; an unparsable string is its own.
 */
export function canonicalUri(uri: string): string {
  const parts = parse(uri);
  if (!parts) return uri;
  const segments = trimmed(parts.segments);
  if (segments[0] === '' && /^[A-Za-z]:$/.test(segments[1] ?? '')) segments[1] = segments[1].toLowerCase();
  return format({ ...parts, segments });
}

/**
 * A folder URI as the root URIs are kept: for `file:` the spelling of Node's pathToFileURL (as the
 * server always wrote them), for other schemes the same encoding.
 */
export function folderUri(uri: string): string {
  const parts = parse(uri);
  return parts ? format({ ...parts, segments: trimmed(parts.segments) }) : uri;
}

/** `root` joined with a corpus path (`/` separators, '' for the root itself). */
export function joinUri(root: string, path: string): string {
  if (path === '') return root;
  const hash = root.search(/[?#]/);
  const [base, rest] = hash === -1 ? [root, ''] : [root.slice(0, hash), root.slice(hash)];
  const joined = path.split('/').map(encodeSegment).join('/');
  return `${base.endsWith('/') ? base : `${base}/`}${joined}${rest}`;
}

/**
 * The corpus path of `uri` under `root` (both canonical, see `canonicalUri`), or undefined when it
 * is not below it. The path is decoded (`docs/…/één.md`).
 */
export function relativePath(root: string, uri: string): string | undefined {
  const a = parse(root);
  const b = parse(uri);
  if (!a || !b || a.scheme !== b.scheme || a.authority !== b.authority || a.rest !== b.rest) return undefined;
  const base = trimmed(a.segments);
  if (b.segments.length <= base.length || base.some((segment, index) => b.segments[index] !== segment)) return undefined;
  const rest = b.segments.slice(base.length);
  return rest.some((segment) => segment === '' || segment.includes('/')) ? undefined : rest.join('/');
}

/** The path of a `file:` URI as Node would show it on POSIX (for messages); other URIs as they are. */
export function displayUri(uri: string): string {
  const parts = parse(uri);
  return parts?.scheme === 'file' && parts.authority === '' ? parts.segments.join('/') : uri;
}

/**
 * Configured extra roots as folder URIs: an absolute path is a `file:` URI, a relative one is
 * resolved against the first workspace folder (`..` included); with no first folder it is dropped.
 */
export function resolveExtraRootUris(extraRoots: unknown, firstFolder: string | undefined): string[] {
  if (!Array.isArray(extraRoots)) return [];
  return extraRoots
    .filter((root): root is string => typeof root === 'string' && root.trim() !== '')
    .flatMap((root) => {
      const windows = /^[a-zA-Z]:[\\/]/.test(root);
      if (root.startsWith('/') || windows) {
        const segments = normalizeSegments([], root.split(windows ? /[\\/]+/ : /\/+/));
        return [`file:///${segments.map(encodeSegment).join('/')}`];
      }
      const first = firstFolder && parse(firstFolder);
      if (!first) return [];
      const base = first.segments.filter((segment) => segment !== '');
      const segments = normalizeSegments(base, root.split(/[\\/]+/));
      return [format({ ...first, segments: ['', ...segments] })];
    });
}

function normalizeSegments(base: string[], segments: string[]): string[] {
  const result = [...base];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') result.pop();
    else result.push(segment);
  }
  return result;
}
