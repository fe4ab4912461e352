// The language server: wires the feature modules to a connection. Each module under this folder
// registers its own handlers over the pure language features and the corpus workspace.
import { Emitter, TextDocuments, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializationOptions } from '../../../protocol';
import { CorpusWorkspace, type WorkspaceHost } from '../workspace/corpusWorkspace';
import { folderUri, resolveExtraRootUris } from '../workspace/uris';
import { codeActionsFeature } from './codeActions';
import { completionFeature } from './completion';
import { definitionFeature } from './definition';
import { diagnosticsFeature } from './diagnostics';
import { documentLinksFeature } from './documentLinks';
import { documentSymbolsFeature } from './documentSymbols';
import type { Feature } from './feature';
import { fileRenamesFeature } from './fileRenames';
import { hoverFeature } from './hover';
import { indexingFeature } from './indexing';
import { newDocumentFeature } from './newDocument';
import { previewFeature } from './preview';
import { referencesFeature } from './references';
import { renameFeature } from './rename';
import type { ServerContext } from './serverContext';
import { workspaceSymbolsFeature } from './workspaceSymbols';

const features: readonly Feature[] = [
  indexingFeature,
  diagnosticsFeature,
  completionFeature,
  hoverFeature,
  definitionFeature,
  referencesFeature,
  documentLinksFeature,
  documentSymbolsFeature,
  codeActionsFeature,
  renameFeature,
  fileRenamesFeature,
  workspaceSymbolsFeature,
  newDocumentFeature,
  previewFeature,
];

/** The platform's part (Node, or a browser worker): how folders, given by URI, are read. */
export type ServerHost = Omit<WorkspaceHost, 'log'>;

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new CorpusWorkspace({ ...host, log: { info: (m) => connection.console.info(m), warn: (m) => connection.console.warn(m) } });
  const context: ServerContext = {
    connection,
    documents,
    workspace,
    indexing: Promise.resolve(),
    isIndexing: false,
    clientUris: new Map(),
    canReadConfiguration: false,
    canReportProgress: false,
    editorConfirmsFileMoves: false,
    workspaceFolders: [],
    extraRoots: [],
    applyEdits: () => undefined,
    indexChanged: new Emitter<void>(),
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    context.workspaceFolders = folders.map(folderUri);
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    context.extraRoots = resolveExtraRootUris(options.extraRoots, context.workspaceFolders[0]);
    context.canReadConfiguration = params.capabilities.workspace?.configuration === true;
    context.canReportProgress = params.capabilities.window?.workDoneProgress === true;
    context.editorConfirmsFileMoves = options.confirmsFileMoveEdits === true;
    const capabilities: ServerCapabilities = Object.assign({}, ...features.map((feature) => feature.capabilities ?? {}));
    // Several features declare parts of `workspace` (folders, file operations).
    capabilities.workspace = Object.assign({}, ...features.map((feature) => feature.capabilities?.workspace ?? {}));
    return { capabilities, serverInfo: { name: 'algoritmekader-language-server' } };
  });

  for (const feature of features) feature.register(context);
  documents.listen(connection);
  connection.listen();
}
