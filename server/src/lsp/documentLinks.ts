import { documentLinks } from '../languageFeatures/navigation';
import type { Feature } from './feature';
import { guard, inCorpus } from './serverContext';

export const documentLinksFeature: Feature = {
  capabilities: { documentLinkProvider: { resolveProvider: false } },
  register(context) {
    context.connection.onDocumentLinks(
      guard(context, 'document links', [], ({ textDocument }) => {
        const found = inCorpus(context, textDocument.uri);
        return found ? documentLinks(found.root, found.document) : [];
      }),
    );
  },
};
