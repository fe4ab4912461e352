// The language client on the desktop: dist/server.js in a Node process. The server does the work
// (indexing, diagnostics, completion, fixes); the client only starts it, forwards settings and file
// events, and shows status. The browser's client is browserLanguageClient.ts.
import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { sharedClientOptions, type ClientParts } from './clientOptions';
import { answerFileSystemRequests } from './fileSystemRequests';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel, extraRoots: string[], extraRootUris: vscode.Uri[]): ClientParts {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const { clientOptions, watchers, adopt } = sharedClientOptions(outputChannel, extraRoots, extraRootUris);
  const client = new LanguageClient('algoritmekader', 'Algoritmekader', serverOptions, clientOptions);
  adopt(client);
  // The Node server reads the disk itself; answering anyway keeps one client behaviour for both servers.
  return { client, disposables: [...watchers, ...answerFileSystemRequests(client, extraRootUris)] };
}
