import type { Range } from '../text/positions';
import type { Corpus } from '../corpus/corpus';
import type { ParsedDocument } from '../parsing/parseDocument';
import { ruleByCode, type SeveritySetting } from './catalog';
import type { Fix } from '../fixes/fix';
import type { Finding } from './finding';
import type { Rule } from './rule';
import { corpusRules, documentRules, rules } from './allRules';
import { glossaryRules } from './glossaryRules';

export type SeverityOverrides = Readonly<Record<string, SeveritySetting>>;

/**
 * Which rules `checkDocument` runs: all of them; only those that need nothing but the document, the
 * schema and the corpus resources (`document`: a page can be checked by them before the other pages
 * are read); or only the others (`corpus`). The findings of `document` and `corpus` together,
 * sorted with `compareFindings`, are those of `all`.
 */
export type RulePart = 'all' | 'document' | 'corpus';

const ruleParts: Record<RulePart, readonly Rule[]> = { all: rules, document: documentRules, corpus: corpusRules };

/** Runs every rule (or one part of them, see `RulePart`) on one document of the corpus; rules set to `off` are left out. */
export function checkDocument(corpus: Corpus, document: ParsedDocument, overrides: SeverityOverrides = {}, part: RulePart = 'all'): Finding[] {
  const findings: Finding[] = [];
  const report = (code: string, range: Range, message: string, fixes: Fix[] = []) => {
    const severity = overrides[code] ?? ruleByCode.get(code)?.severity ?? 'error';
    if (severity === 'off') return;
    findings.push({ path: document.path, code, severity, message, range, fixes });
  };
  for (const rule of ruleParts[part]) rule({ corpus, document, report });
  return findings.sort(compareFindings);
}

export function checkCorpus(corpus: Corpus, overrides: SeverityOverrides = {}): Finding[] {
  const findings: Finding[] = [];
  for (const document of corpus.all()) findings.push(...checkDocument(corpus, document, overrides));
  findings.push(...checkResources(corpus, overrides));
  return findings.sort(compareFindings);
}

/** Runs the rules on the corpus files that are no pages (the glossary, AK095). */
export function checkResources(corpus: Corpus, overrides: SeverityOverrides = {}): Finding[] {
  const findings: Finding[] = [];
  const glossary = corpus.resources.glossary;
  if (glossary) {
    glossaryRules({
      corpus,
      glossary,
      report: (code, range, message, fixes = []) => {
        const severity = overrides[code] ?? ruleByCode.get(code)?.severity ?? 'error';
        if (severity !== 'off') findings.push({ path: glossary.path, code, severity, message, range, fixes });
      },
    });
  }
  return findings.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
