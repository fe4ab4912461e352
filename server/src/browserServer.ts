// The language server without a file system, as it runs in a browser worker: the corpus reaches it
// through the client (typed requests of protocol/, answered from `vscode.workspace.fs`), and no parse
// cache is kept. browserMain.ts connects it to the worker's messages; the tests connect the same
// function to an in-memory connection.
import type { Connection } from 'vscode-languageserver';
import { startServer } from './lsp/startServer';
import { ClientFileSystem, type RequestSender } from './workspace/clientFileSystem';

export function startBrowserServer(connection: Connection): void {
  // (`params as never`: the connection types a request's params through a conditional type that a generic P does not resolve.)
  const send: RequestSender = (type, params) => connection.sendRequest(type, params as never);
  startServer(connection, {
    fileSystemFor: (uri) => new ClientFileSystem(uri, send),
    describe: (uri) => uri,
  });
}
