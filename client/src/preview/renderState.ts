// What one rendering of a page knows beside its tokens: the server's data for the page (VS Code
// parses with an empty env and names the page only when it renders), kept in the render's env.
import type { PreviewData, PreviewDirective } from '../../../protocol';
import { GlossaryMarker } from './glossary';

export interface RenderState {
  /** The page's data: undefined while the server has not answered, null for a page outside every corpus. */
  data: PreviewData | null | undefined;
  glossary?: GlossaryMarker;
  /** Directives of `data` already placed, so a directive written twice is matched to its own entry. */
  placed: Set<PreviewDirective>;
  tabSets: number;
}

const stateKey = Symbol('algoritmekader.renderState');

export function renderState(env: object | undefined): RenderState {
  const holder = (env ?? {}) as { [stateKey]?: RenderState };
  return (holder[stateKey] ??= { data: undefined, placed: new Set(), tabSets: 0 });
}

const glossaries = new WeakMap<PreviewData['glossary'], GlossaryMarker>();

/** Starts a rendering of the page with `data`; false when one is under way in this env (an inline rendering within it). */
export function beginRender(env: object | undefined, data: PreviewData | null | undefined): boolean {
  const holder = env as { [stateKey]?: RenderState } | undefined;
  if (!holder || holder[stateKey]) return false;
  let glossary: GlossaryMarker | undefined;
  if (data && data.glossary.length > 0) {
    glossary = glossaries.get(data.glossary);
    if (!glossary) glossaries.set(data.glossary, (glossary = new GlossaryMarker(data.glossary)));
  }
  holder[stateKey] = { data, glossary, placed: new Set(), tabSets: 0 };
  return true;
}

export function endRender(env: object | undefined): void {
  if (env) delete (env as { [stateKey]?: RenderState })[stateKey];
}
