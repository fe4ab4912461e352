// AK040-AK041: every slug in a `vereiste:` or `maatregel:` list names an existing document.
import { suggestValue } from '../corpus/vocabulary';
import { replacementFixes } from '../fixes/edits';
import { didYouMean } from '../text/suggest';
import { quote, type Rule } from './rule';

const codeByType: Record<string, string> = { vereiste: 'AK040', maatregel: 'AK041' };

export const referenceRules: Rule = ({ corpus, document, report }) => {
  for (const reference of document.references) {
    if (reference.in !== 'frontmatter' || corpus.bySlug(reference.type, reference.slug)) continue;
    const code = codeByType[reference.type];
    if (!code) continue;
    const suggestions = suggestValue(corpus, { kind: 'documents', documentType: reference.type }, reference.type, reference.slug);
    report(
      code,
      reference.range,
      `Er is geen ${reference.type} ${quote(reference.slug)}.${didYouMean(suggestions)}`,
      replacementFixes(document, reference.offsets, suggestions.candidates, suggestions.clear),
    );
  }
};
