import { workspaceSymbols } from '../languageFeatures/navigation';
import type { Feature } from './feature';
import { guard } from './serverContext';

export const workspaceSymbolsFeature: Feature = {
  capabilities: { workspaceSymbolProvider: true },
  register(context) {
    context.connection.onWorkspaceSymbol(guard(context, 'workspace symbols', [], ({ query }) => workspaceSymbols(context.workspace.roots, query)));
  },
};
