import { definition } from '../languageFeatures/navigation';
import type { Feature } from './feature';
import { guard, inCorpus } from './serverContext';

export const definitionFeature: Feature = {
  capabilities: { definitionProvider: true },
  register(context) {
    context.connection.onDefinition(
      guard(context, 'definition', null, ({ textDocument, position }) => {
        const found = inCorpus(context, textDocument.uri);
        return found ? definition(found.root, found.document, position) : null;
      }),
    );
  },
};
