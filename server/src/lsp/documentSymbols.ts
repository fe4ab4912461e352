import { outline } from '../languageFeatures/outline';
import type { Feature } from './feature';
import { guard, inCorpus } from './serverContext';

export const documentSymbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: 'Algoritmekader' } },
  register(context) {
    context.connection.onDocumentSymbol(
      guard(context, 'document symbols', [], ({ textDocument }) => {
        const found = inCorpus(context, textDocument.uri);
        return found ? outline(found.root.corpus, found.document) : [];
      }),
    );
  },
};
