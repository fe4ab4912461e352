// Creates the language client for dist/server.js. The server does the work (indexing, diagnostics,
// completion, fixes); the client only starts it, forwards settings and file events, and shows status.
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type Message,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { configFileName } from '../../engine';
import { configurationSection } from '../../protocol';

/** Initialization options sent to the server. */
export interface ClientInitializationOptions {
  /** The `algoritmekader.extraRoots` setting as configured (absolute, or relative to the first workspace folder). */
  extraRoots: string[];
}

export interface ClientParts {
  client: LanguageClient;
  /** File system watchers owned by this client; dispose them with it. */
  watchers: vscode.FileSystemWatcher[];
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  extraRoots: string[],
  extraRootUris: vscode.Uri[],
): ClientParts {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  // Glob watchers only see the workspace folders; extra roots outside them get their own watchers.
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/docs/**/*.md'),
    vscode.workspace.createFileSystemWatcher(`**/${configFileName}`),
    ...extraRootUris.flatMap((root) => [
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, 'docs/**/*.md')),
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, configFileName)),
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

  const initializationOptions: ClientInitializationOptions = { extraRoots };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: { configurationSection, fileEvents: watchers },
    outputChannel,
    initializationOptions,
    errorHandler,
  };
  const client = new LanguageClient('algoritmekader', 'Algoritmekader', serverOptions, clientOptions);
  defaultHandler = client.createDefaultErrorHandler();
  return { client, watchers };
}
