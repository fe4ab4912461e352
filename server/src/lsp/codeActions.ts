import { codeActionKinds, codeActions } from '../languageFeatures/codeActions';
import type { Feature } from './feature';
import { guard } from './serverContext';

export const codeActionsFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds } },
  register(context) {
    context.connection.onCodeAction(
      guard(context, 'code actions', [], ({ textDocument, range, context: { only } }) => {
        const located = context.workspace.locateChecked(textDocument.uri);
        if (!located) return [];
        return codeActions(located.root, located.path, located.root.findings.get(located.path) ?? [], range, only);
      }),
    );
  },
};
