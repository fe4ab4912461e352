import { hover } from '../languageFeatures/hover';
import type { Feature } from './feature';
import { guard, inCorpus } from './serverContext';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(context) {
    context.connection.onHover(
      guard(context, 'hover', null, ({ textDocument, position }) => {
        const found = inCorpus(context, textDocument.uri);
        return found ? hover(found.root.corpus, found.document, position) : null;
      }),
    );
  },
};
