// Entry point of the VS Code extension on the desktop (package.json `main`): the language server
// runs as a Node process (dist/server.js). The browser's entry is browserExtension.ts; both share
// controller.ts.
import type * as vscode from 'vscode';
import { activateExtension, deactivateExtension } from './controller';
import type { PreviewApi } from './preview';
import { createLanguageClient } from './languageClient';

export function activate(context: vscode.ExtensionContext): Promise<PreviewApi> {
  return activateExtension(context, createLanguageClient, 'Node');
}

export function deactivate(): Promise<void> | undefined {
  return deactivateExtension();
}
