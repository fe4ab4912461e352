// Custom messages between the VS Code client and the language server, beyond LSP. Each is a typed
// RequestType or NotificationType that binds its method to its params and result, and both sides
// use only these, so a mismatch does not type-check. Nothing here pulls in the server or the engine.
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';

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
}

/** Workspace settings section read by the server via workspace/configuration. */
export const configurationSection = 'algoritmekader';
export interface ServerSettings {
  /** Severity per rule code, e.g. { "AK020": "warning", "AK061": "off" }. */
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  /** Extra corpus roots (absolute, or relative to the first workspace folder). */
  extraRoots: string[];
}
