import { ResponseError } from 'vscode-languageserver';
import { prepareRename, rename, RenameError } from '../languageFeatures/navigation';
import type { Feature } from './feature';
import { guard, inCorpus } from './serverContext';

/** LSP's RequestFailed: the client shows the message. */
const requestFailed = -32803;

export const renameFeature: Feature = {
  capabilities: { renameProvider: { prepareProvider: true } },
  register(context) {
    context.connection.onPrepareRename(
      guard(context, 'prepare rename', null, ({ textDocument, position }) => {
        const found = inCorpus(context, textDocument.uri);
        return found ? prepareRename(found.root, found.document, position) : null;
      }),
    );
    context.connection.onRenameRequest(
      guard(context, 'rename', null, ({ textDocument, position, newName }) => {
        const found = inCorpus(context, textDocument.uri);
        if (!found) return null;
        try {
          return rename(found.root, found.document, position, newName);
        } catch (error) {
          if (error instanceof RenameError) throw new ResponseError(requestFailed, error.message);
          throw error;
        }
      }),
    );
  },
};
