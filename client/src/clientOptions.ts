// What the Node and the browser language client share: the documents the server is for, the file
// watchers whose events reach it (workspace/didChangeWatchedFiles, in a worker too), the settings it
// reads, and the crash handling that logs each restart.
import * as vscode from 'vscode';
import {
  CloseAction,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Message,
} from 'vscode-languageclient';
import { configFileName, defaultSchema, siteConfigFiles } from '../../engine';
import { configurationSection } from '../../protocol';

/** Initialization options sent to the server. */
export interface ClientInitializationOptions {
  /** The `algoritmekader.extraRoots` setting as configured (absolute, or relative to the first workspace folder). */
  extraRoots: string[];
  /** VS Code asks before it applies the edits an extension makes with a file rename (OK, Show Preview, Skip). */
  confirmsFileMoveEdits: boolean;
}

export interface ClientParts {
  client: BaseLanguageClient;
  /** Things owned by this client (file system watchers, request handlers); dispose them with it. */
  disposables: vscode.Disposable[];
}

/** Creates a language client (Node process or browser worker) for the given roots. */
export type ClientFactory = (context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel, extraRoots: string[], extraRootUris: vscode.Uri[]) => ClientParts;

export interface SharedOptions {
  clientOptions: LanguageClientOptions;
  watchers: vscode.FileSystemWatcher[];
  /** Call once the client exists: the error handler delegates to the client's default one. */
  adopt(client: BaseLanguageClient): void;
}

/** The URI schemes of the workspace folders and extra roots (always `file`), for the document selector: a virtual workspace is `vscode-vfs`, code-server's web worker sees `vscode-remote`. */
function schemes(extraRootUris: vscode.Uri[]): string[] {
  return [...new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme), ...extraRootUris.map((uri) => uri.scheme)])];
}

export function sharedClientOptions(outputChannel: vscode.LogOutputChannel, extraRoots: string[], extraRootUris: vscode.Uri[]): SharedOptions {
  // Glob watchers only see the workspace folders; extra roots outside them get their own watchers.
  // Every file under docs/: the pages, and the images and other files that links lead to.
  // The files beside the pages that rules read (the glossary, the CSV of source codes, the templates, mkdocs.yml), at their default places.
  const resources = `{${[defaultSchema.glossary, defaultSchema.sources.file, `${defaultSchema.templateFolder}/template-*.md`, ...siteConfigFiles].join(',')}}`;
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/docs/**'),
    vscode.workspace.createFileSystemWatcher(`**/${configFileName}`),
    vscode.workspace.createFileSystemWatcher(`**/${resources}`),
    ...extraRootUris.flatMap((root) => [
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, 'docs/**')),
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, configFileName)),
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, resources)),
    ]),
  ];

  // Keep the library's default crash handling (restart, give up after 5 crashes in 3 minutes);
  // only log what it decides, so that a restart is visible in the output channel.
  let defaultHandler: ErrorHandler | undefined;
  let crashes = 0;
  const errorHandler: ErrorHandler = {
    error: (error: Error, message: Message | undefined, count: number | undefined): ErrorHandlerResult | Promise<ErrorHandlerResult> =>
      defaultHandler!.error(error, message, count),
    closed: async (): Promise<CloseHandlerResult> => {
      const result = await defaultHandler!.closed();
      crashes += 1;
      outputChannel.warn(
        result.action === CloseAction.Restart
          ? `De taalserver is onverwacht gestopt (${crashes}e keer in deze sessie); hij wordt opnieuw gestart.`
          : `De taalserver is onverwacht gestopt (${crashes}e keer in deze sessie) en wordt niet meer gestart. Gebruik "Algoritmekader: Taalserver herstarten".`,
      );
      return result;
    },
  };

  const initializationOptions: ClientInitializationOptions = { extraRoots, confirmsFileMoveEdits: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: schemes(extraRootUris).map((scheme) => ({ scheme, language: 'markdown' })),
    synchronize: { configurationSection, fileEvents: watchers },
    outputChannel,
    initializationOptions,
    errorHandler,
  };
  return { clientOptions, watchers, adopt: (client) => (defaultHandler = client.createDefaultErrorHandler()) };
}
