import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './serverContext';

/** One LSP feature: the capabilities it declares and the handlers it registers. */
export interface Feature {
  capabilities?: ServerCapabilities;
  register(context: ServerContext): void;
}
