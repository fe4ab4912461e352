// Entry point of the VS Code extension in the browser (package.json `browser`: github.dev,
// vscode.dev, code-server's web worker): the language server runs in a Worker
// (dist/browser/server.js) and reads the corpus through the client. Everything else is shared with
// the desktop entry (controller.ts).
import type * as vscode from 'vscode';
import { createBrowserLanguageClient, releaseEarlyWorker, startWorkerEarly } from './browserLanguageClient';
import { activateExtension, deactivateExtension } from './controller';
import type { PreviewApi } from './preview';

export function activate(context: vscode.ExtensionContext): Promise<PreviewApi> {
  // First of all, as it takes longest: the worker then loads while the client looks for corpus roots.
  startWorkerEarly(context);
  const activated = activateExtension(context, createBrowserLanguageClient, 'browser-worker');
  // Once the first refresh is done: a worker no client took (no corpus here) is ended.
  void activated.finally(releaseEarlyWorker).catch(() => {});
  return activated;
}

export function deactivate(): Promise<void> | undefined {
  releaseEarlyWorker();
  return deactivateExtension();
}
