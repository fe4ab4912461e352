import { previewDataRequest } from '../../../protocol';
import { previewData } from '../languageFeatures/previewData';
import { yieldToEventLoop } from '../workspace/scheduling';
import type { Feature } from './feature';
import { guard, inCorpus } from './serverContext';

/** The data of the client's Markdown preview: the directives of a page as the site renders them. */
export const previewFeature: Feature = {
  register(context) {
    context.connection.onRequest(
      previewDataRequest,
      guard(context, 'preview data', null, async ({ uri }) => {
        // An edit that came in just before this request is applied once pending events are handled (see diagnostics.ts).
        await yieldToEventLoop();
        await context.indexing;
        const found = inCorpus(context, uri);
        if (!found) return null;
        const open = context.documents.get(uri);
        const version = open && open.getText() === found.document.text.getText() ? open.version : -1;
        return previewData(found.root.corpus, found.document, version);
      }),
    );
  },
};
