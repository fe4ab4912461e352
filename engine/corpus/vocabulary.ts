import { suggest, type Suggestions } from '../text/suggest';
import type { Vocabulary } from '../schema/schema';
import type { Corpus } from './corpus';

/** Whether `value` is allowed by a closed vocabulary (an open one allows everything). */
export function isAllowed(corpus: Corpus, vocabulary: Vocabulary, value: string): boolean {
  switch (vocabulary.kind) {
    case 'values':
      return vocabulary.values.includes(value);
    case 'taxonomy':
      return corpus.bySlug(vocabulary.taxonomy, value) !== undefined;
    case 'documents':
      return corpus.bySlug(vocabulary.documentType, value) !== undefined;
    case 'open':
      return true;
  }
}

/** The allowed values of a vocabulary; for an open one, the values already used under `key`. */
export function allowedValues(corpus: Corpus, vocabulary: Vocabulary, key: string): string[] {
  switch (vocabulary.kind) {
    case 'values':
      return vocabulary.values;
    case 'taxonomy':
      // Sorted: messages list these, and must not depend on the order in which pages were indexed.
      return corpus
        .slugsOf(vocabulary.taxonomy)
        .map((page) => page.slug)
        .sort();
    case 'documents':
      return corpus.slugsOf(vocabulary.documentType).map((document) => document.slug);
    case 'open':
      return [...corpus.valuesUsed(key).keys()];
  }
}

/** Suggestions for a value a vocabulary does not allow; slugs are looked up through the corpus's slug index. */
export function suggestValue(corpus: Corpus, vocabulary: Vocabulary, key: string, value: string): Suggestions {
  const candidates = vocabulary.kind === 'documents' ? corpus.slugIndex(vocabulary.documentType).candidatesFor(value) : allowedValues(corpus, vocabulary, key);
  return suggest(value, candidates);
}
