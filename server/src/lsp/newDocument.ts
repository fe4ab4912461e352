import { ResponseError } from 'vscode-languageserver';
import { idPrefixesRequest, newDocumentRequest } from '../../../protocol';
import { idPrefixes, newDocument } from '../languageFeatures/newDocument';
import type { Feature } from './feature';
import { guard, rootNear } from './serverContext';

const requestFailed = -32803;
const invalidParams = -32602;

/** The custom requests behind the client's "New vereiste / maatregel / hulpmiddel" commands. */
export const newDocumentFeature: Feature = {
  register(context) {
    context.connection.onRequest(
      idPrefixesRequest,
      guard(context, 'id prefixes', [] as string[], ({ type, nearUri }) => {
        const root = rootNear(context, nearUri);
        return root ? idPrefixes(root.corpus, type) : [];
      }),
    );
    context.connection.onRequest(newDocumentRequest, async (params) => {
      await context.indexing;
      context.applyEdits();
      const root = rootNear(context, params.nearUri);
      if (!root) throw new ResponseError(requestFailed, 'Geen Algoritmekader-corpus in deze werkruimte.');
      if (!root.schema.documentTypes[params.type] || typeof params.title !== 'string' || params.title.trim() === '') {
        throw new ResponseError(invalidParams, 'Geef een documenttype en een titel.');
      }
      const created = newDocument(root.corpus, params.type, params.title, params.prefix);
      return { uri: root.uriOf(created.path), text: created.text };
    });
  },
};
