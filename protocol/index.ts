// Custom messages between the VS Code client and the language server, beyond LSP. Each is a typed
// RequestType or NotificationType that binds its method to its params and result, and both sides
// use only these, so a mismatch does not type-check. Nothing here pulls in the server or the engine (only engine types).
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { SiteDirectiveView } from '../engine';

export interface StatusParams {
  /** Documents indexed over all corpus roots. */
  documents: number;
  errors: number;
  warnings: number;
  /** True while the initial (or a re-)index is running. */
  indexing: boolean;
}

/** Client → server request: drop the index and index every corpus root again. */
export const reindexRequest = new RequestType0<void, void>('algoritmekader/reindex');

/** Server → client notification after every (re)check: what the status bar shows. */
export const statusNotification = new NotificationType<StatusParams>('algoritmekader/status');

export type NewDocumentType = 'vereiste' | 'maatregel' | 'hulpmiddel';
export interface NewDocumentParams {
  type: NewDocumentType;
  title: string;
  /** Id prefix for vereisten and maatregelen, e.g. `aia` or `owp`; ignored for hulpmiddelen. */
  prefix?: string;
  /** A URI inside the corpus the document is for (the active editor's), to pick the root in a multi-root workspace. */
  nearUri?: string;
}
export interface NewDocumentResult {
  /** URI of the file to create (it does not exist yet). */
  uri: string;
  text: string;
}
/** Client → server request: the file name and text of a new content document. */
export const newDocumentRequest = new RequestType<NewDocumentParams, NewDocumentResult, void>('algoritmekader/newDocument');

export interface IdPrefixesParams {
  type: NewDocumentType;
  nearUri?: string;
}
/** The prefixes, e.g. `['aia', 'avg', 'awb']`. */
export type IdPrefixesResult = string[];

/** Client → server request: the id prefixes in use for a type, most used first, to offer in a quick pick. */
export const idPrefixesRequest = new RequestType<IdPrefixesParams, IdPrefixesResult, void>('algoritmekader/idPrefixes');

/** `initializationOptions` the client sends. */
export interface InitializationOptions {
  /** Extra corpus roots as configured (absolute, or relative to the first workspace folder). */
  extraRoots?: string[];
  /** The editor asks the user itself before it applies the edits that come with a file rename (VS Code does): the server then does not ask too. */
  confirmsFileMoveEdits?: boolean;
}

/** Workspace settings section read by the server via workspace/configuration. */
export const configurationSection = 'algoritmekader';
export interface ServerSettings {
  /** Severity per rule code, e.g. { "AK020": "warning", "AK061": "off" }. */
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  /** Extra corpus roots (absolute, or relative to the first workspace folder). */
  extraRoots: string[];
  /** Whether moving or renaming a page in the editor updates the citations and links to it. */
  updateLinksOnFileMove: 'prompt' | 'always' | 'never';
}

// ---- The corpus for a server in a browser worker ----
// A worker has no file system: the server asks the client, which reads through the editor
// (`vscode.workspace.fs`), so the corpus may live anywhere the editor can read (a GitHub repository
// in github.dev, a remote in code-server). Each request names files by URI, and failures are
// answered as values (`error`, a short code such as FileNotFound), never as exceptions.

export type FsFileKind = 'file' | 'directory' | 'other';

export interface FsStat {
  kind: FsFileKind;
  size: number;
  /** Modification time in milliseconds. */
  mtime: number;
}

export interface FsUriParams {
  uri: string;
}

export interface FsReadDirectoryParams {
  uri: string;
  /** Also list every folder below it (not through links), in one answer: the loader walks the pages' folder next. */
  recursive?: boolean;
}

export interface FsDirectoryListing {
  /** Name and kind of each entry (unsorted); absent when the folder cannot be read. */
  entries?: [string, FsFileKind][];
  error?: string;
}

export interface FsReadDirectoryResult extends FsDirectoryListing {
  /** With `recursive`: the listings of the folders below, by path relative to the folder asked for (`a/b`). May stop short on a very large tree. */
  folders?: ({ path: string } & FsDirectoryListing)[];
}

/** Server → client request: the entries of a folder (and with `recursive`, of every folder below it). */
export const fsReadDirectoryRequest = new RequestType<FsReadDirectoryParams, FsReadDirectoryResult, void>('algoritmekader/fs/readDirectory');

export interface FsStatResult {
  /** Absent when nothing is there (error FileNotFound) or the stat failed. */
  stat?: FsStat;
  error?: string;
}

/** Server → client request: what is at a URI. */
export const fsStatRequest = new RequestType<FsUriParams, FsStatResult, void>('algoritmekader/fs/stat');

export interface FsReadFilesParams {
  uris: string[];
  /** Files larger than this are not read (their stat is still answered). */
  maxBytes: number;
}

export interface FsReadFileResult {
  stat?: FsStat;
  /** The bytes, base64-encoded (see `encodeBase64`); absent for a file that is too large, not a file, or unreadable. */
  data?: string;
  error?: string;
}

export interface FsReadFilesResult {
  /** One result per URI of the request, in the same order. */
  files: FsReadFileResult[];
}

/** Server → client request: stat and bytes of several files at once (one round trip for a batch of the corpus). */
export const fsReadFilesRequest = new RequestType<FsReadFilesParams, FsReadFilesResult, void>('algoritmekader/fs/readFiles');

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64Values = new Int16Array(128).fill(-1);
for (let index = 0; index < base64Alphabet.length; index++) base64Values[base64Alphabet.charCodeAt(index)] = index;

/** Bytes as base64 (JSON-RPC carries text; the bytes must reach the engine unchanged, to tell invalid UTF-8). */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index];
    const b = index + 1 < bytes.length ? bytes[index + 1] : 0;
    const c = index + 2 < bytes.length ? bytes[index + 2] : 0;
    chunk +=
      base64Alphabet[a >> 2] +
      base64Alphabet[((a & 3) << 4) | (b >> 4)] +
      (index + 1 < bytes.length ? base64Alphabet[((b & 15) << 2) | (c >> 6)] : '=') +
      (index + 2 < bytes.length ? base64Alphabet[c & 63] : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** The bytes of a base64 text written by `encodeBase64`; throws on a character outside the alphabet. */
export function decodeBase64(text: string): Uint8Array {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (text.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  const value = (position: number): number => {
    const code = text.charCodeAt(position);
    const result = code === 61 /* = */ ? 0 : code < 128 ? base64Values[code] : -1;
    if (result < 0) throw new Error(`base64: unexpected character at ${position}`);
    return result;
  };
  let out = 0;
  for (let index = 0; index < text.length; index += 4) {
    const triple = (value(index) << 18) | (value(index + 1) << 12) | (value(index + 2) << 6) | value(index + 3);
    if (out < bytes.length) bytes[out++] = triple >> 16;
    if (out < bytes.length) bytes[out++] = (triple >> 8) & 255;
    if (out < bytes.length) bytes[out++] = triple & 255;
  }
  return bytes;
}

// ---- The Markdown preview ----
// VS Code's preview renders with markdown-it in the client, synchronously; what the site's hooks put
// in place of the directives comes from the server's index, asked for per document and cached.

export interface PreviewDirective {
  /** 0-based file line of the comment. */
  line: number;
  /** The comment as written, `<!--` to `-->`. */
  comment: string;
  /** What the site shows in its place; its targets are links relative to the page. */
  view: SiteDirectiveView;
}

export interface PreviewData {
  /** The version of the open document the data was read from; -1 when read from disk. */
  version: number;
  directives: PreviewDirective[];
  /** The glossary the site appends to every page, in file order. */
  glossary: { term: string; definition: string }[];
}

export interface PreviewDataParams {
  uri: string;
}

/**
 * Client → server request: the directives of a page as the site renders them; null for a page outside
 * every corpus. The server then keeps the page's data up to date in the client: see
 * `previewDataChangedNotification`.
 */
export const previewDataRequest = new RequestType<PreviewDataParams, PreviewData | null, void>('algoritmekader/previewData');

export interface PreviewDataChangedParams {
  uri: string;
  data: PreviewData | null;
}

/**
 * Server → client notification: the data of a page the client asked for lately (the last 20) is no
 * longer what the server last sent, after an edit of any page, a file changed on disk or a re-index.
 * Sent once the edit is in the index, so a preview need not ask again.
 */
export const previewDataChangedNotification = new NotificationType<PreviewDataChangedParams>('algoritmekader/previewDataChanged');
