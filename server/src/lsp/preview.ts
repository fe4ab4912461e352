import { previewDataChangedNotification, previewDataRequest, type PreviewData } from '../../../protocol';
import { previewData } from '../languageFeatures/previewData';
import { StaleDocumentError } from '../workspace/documentStore';
import { soon } from '../workspace/scheduling';
import type { Feature } from './feature';
import { guard, inCorpus, logError, type ServerContext } from './serverContext';

/** Pages whose data the server keeps up to date in the client: those it asked for last (the client caches as many). */
const maxWatched = 20;

/**
 * The data of the client's Markdown preview: the directives of a page as the site renders them. A page
 * the client asked for is watched: after every change of the index (an edit of any page is applied at
 * once, see diagnostics.ts) its data is worked out again and sent when it differs from what the client
 * has, so an edit of a maatregel's `vereiste:` list reaches the open preview of the vereiste without a
 * request and without waiting for the re-check of the documents that depend on the edit.
 */
export const previewFeature: Feature = {
  register(context) {
    /** Page URI → its data as last sent, as JSON without the version; most recently asked for last. */
    const sent = new Map<string, string>();
    let pending: { cancel(): void } | undefined;

    const remember = (uri: string, json: string) => {
      sent.delete(uri);
      sent.set(uri, json);
      if (sent.size > maxWatched) sent.delete(sent.keys().next().value!);
    };

    const sendChanged = () => {
      for (const [uri, last] of sent) {
        try {
          const data = dataOf(context, uri);
          const json = comparable(data);
          if (json === last) continue;
          sent.set(uri, json);
          void context.connection.sendNotification(previewDataChangedNotification, { uri, data });
        } catch (error) {
          // A page changed on disk since it was read is being read again (diagnostics.ts); that changes the index, and its data is sent then.
          if (!(error instanceof StaleDocumentError)) logError(context, `preview data of ${uri} failed`, error);
        }
      }
    };

    context.indexChanged.event(() => {
      if (sent.size === 0) return;
      pending ??= soon(() => {
        pending = undefined;
        void context.indexing.then(sendChanged);
      });
    });

    context.connection.onRequest(
      previewDataRequest,
      guard(context, 'preview data', null, ({ uri }) => {
        const data = dataOf(context, uri);
        remember(uri, comparable(data));
        return data;
      }),
    );
  },
};

function dataOf(context: ServerContext, uri: string): PreviewData | null {
  const found = inCorpus(context, uri);
  if (!found) return null;
  const open = context.documents.get(uri);
  const version = open && open.getText() === found.document.text.getText() ? open.version : -1;
  return previewData(found.root.corpus, found.document, version);
}

/** What the client compares: the data without the version of the text it was read from. */
function comparable(data: PreviewData | null): string {
  return data ? JSON.stringify({ ...data, version: undefined }) : 'null';
}
