import { references } from '../languageFeatures/navigation';
import type { Feature } from './feature';
import { guard, inCorpus } from './serverContext';

export const referencesFeature: Feature = {
  capabilities: { referencesProvider: true },
  register(context) {
    context.connection.onReferences(
      guard(context, 'references', [], ({ textDocument, position, context: { includeDeclaration } }) => {
        const found = inCorpus(context, textDocument.uri);
        return found ? references(found.root, found.document, position, includeDeclaration) : [];
      }),
    );
  },
};
