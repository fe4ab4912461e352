// Entry point of the VS Code extension in the browser (package.json `browser`: github.dev,
// vscode.dev, code-server's web worker): the language server runs in a Worker
// (dist/browser/server.js) and reads the corpus through the client. Everything else is shared with
// the desktop entry (controller.ts).
import type * as vscode from 'vscode';
import { createBrowserLanguageClient } from './browserLanguageClient';
import { activateExtension, deactivateExtension } from './controller';
import type { PreviewApi } from './preview';

export function activate(context: vscode.ExtensionContext): Promise<PreviewApi> {
  return activateExtension(context, createBrowserLanguageClient, 'browser-worker');
}

export function deactivate(): Promise<void> | undefined {
  return deactivateExtension();
}
