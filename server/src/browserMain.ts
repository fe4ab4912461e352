// Entry point in a browser worker (github.dev, vscode.dev, code-server's web extension host): the
// client starts this script as a Worker and speaks LSP to it through postMessage.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startBrowserServer } from './browserServer';

/** The worker's global scope: what BrowserMessageReader/Writer post to and listen on. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startBrowserServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self)));
