// The Markdown preview as the site shows a page: VS Code's built-in preview, extended with the
// plugin of sitePreview.ts (contributed in package.json, `markdown.markdownItPlugins`), fed by the
// server's preview data through a cache.
import type { MarkdownIt } from 'markdown-it';
import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PreviewDataCache } from './previewDataCache';
import { sitePreviewPlugin } from './sitePreview';

/** What `activate` returns for the Markdown preview. */
export interface PreviewApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/** The preview's part of the extension: the API for VS Code, and what each new language client needs. */
export interface Preview {
  api: PreviewApi;
  /** Listens to a language client (before it starts) for the pages' new data; returns what to dispose with the client. */
  attach(client: BaseLanguageClient): vscode.Disposable[];
}

/**
 * The preview's part of the extension. VS Code asks for the plugin once, when it first renders a
 * preview (after activation): in a workspace without a corpus (no language server) the preview
 * stays VS Code's own.
 */
export function activatePreview(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined, log?: vscode.LogOutputChannel): Preview {
  const cache = new PreviewDataCache(client, log);
  context.subscriptions.push(cache);
  return {
    api: { extendMarkdownIt: (md) => (client() ? sitePreviewPlugin(md, { dataFor: (uri) => cache.get(uri), rendered: (uri) => cache.rendered(uri) }) : md) },
    attach: (languageClient) => cache.attach(languageClient),
  };
}
