// Entry point on Node: `node dist/server.js --stdio` (or --node-ipc from the VS Code client). The
// server reads `file:` folders from disk; the browser worker's entry is browserMain.ts.
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { NodeFileSystem } from '../../engine/node';
import { startServer } from './lsp/startServer';

/** The path of a `file:` URI, or undefined for any other URI (Node reads only the local disk). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

process.on('uncaughtException', (error) => console.error('uncaught exception', error));
startServer(createConnection(ProposedFeatures.all), {
  fileSystemFor: (uri) => {
    const folder = pathOf(uri);
    return folder === undefined ? undefined : new NodeFileSystem(folder);
  },
  describe: (uri) => pathOf(uri) ?? uri,
});
