import { complete, completionTriggerCharacters } from '../languageFeatures/completion';
import type { Feature } from './feature';
import { guard, inCorpus } from './serverContext';

export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: completionTriggerCharacters } },
  register(context) {
    context.connection.onCompletion(
      guard(context, 'completion', null, ({ textDocument, position }) => {
        const found = inCorpus(context, textDocument.uri);
        return found ? complete(found.root.corpus, found.document, position) : null;
      }),
    );
  },
};
