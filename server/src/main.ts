// Entry point on Node: `node dist/server.js --stdio` (or --node-ipc from the VS Code client).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FrontmatterDiskCache, NodeFileSystem } from '../../engine/node';
import { startServer } from './lsp/startServer';

process.on('uncaughtException', (error) => console.error('uncaught exception', error));
startServer(createConnection(ProposedFeatures.all), {
  fileSystemFor: (folder) => new NodeFileSystem(folder),
  cacheFor: (folder) => FrontmatterDiskCache.open(folder),
});
