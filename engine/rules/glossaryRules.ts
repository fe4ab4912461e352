// AK095: a term of the glossary (`includes/begrippenlijst.md`) is defined once.
import type { Fix } from '../fixes/fix';
import type { Corpus } from '../corpus/corpus';
import type { Glossary, GlossaryTerm } from '../parsing/glossary';
import type { Range } from '../text/positions';
import { quote } from './rule';

export interface GlossaryRuleContext {
  corpus: Corpus;
  glossary: Glossary;
  report(code: string, range: Range, message: string, fixes?: Fix[]): void;
}

export function glossaryRules({ glossary, report }: GlossaryRuleContext): void {
  const seen = new Map<string, GlossaryTerm>();
  for (const term of glossary.terms) {
    const key = term.term.toLowerCase();
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, term);
      continue;
    }
    const same = earlier.definition === term.definition;
    // The site matches terms with their case: `AWB` and `Awb` are two tooltips, so removing one changes the page.
    const sameCase = earlier.term === term.term;
    const as = sameCase ? '' : ` als ${quote(earlier.term)}`;
    const effect = same
      ? `met dezelfde uitleg${sameCase ? '' : ' (de site onderscheidt hoofdletters en toont beide)'}`
      : `met een andere uitleg${sameCase ? '; de site toont alleen deze laatste' : ''}`;
    const removal = { path: glossary.path, start: term.lineOffsets[0], end: term.lineOffsets[1], newText: '' };
    report(
      'AK095',
      term.range,
      `Het begrip ${quote(term.term)} staat al op regel ${earlier.line + 1} van de begrippenlijst${as}, ${effect}.`,
      same ? [{ title: 'Verwijder deze tweede definitie', preferred: true, safe: sameCase, edits: [removal] }] : [],
    );
  }
}
