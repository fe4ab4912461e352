// AK050-AK056: the HTML-comment directives the site's hooks expand.
import { isAllowed, suggestValue } from '../corpus/vocabulary';
import { fix, replace, replacementFixes } from '../fixes/edits';
import { didYouMean, suggest } from '../text/suggest';
import type { Directive, DirectiveArgument } from '../parsing/directives';
import { entryOf, type DirectiveSchema } from '../schema/schema';
import type { Fix } from '../fixes/fix';
import { quote, type Rule, type RuleContext } from './rule';

export const directiveRules: Rule = (context) => {
  for (const directive of context.document.directives) {
    const reported = new Set<string>();
    // Several findings of one code on one comment count as one.
    const reportOnce = (code: string, message: string, fixes: Fix[] = []) => {
      if (reported.has(code)) return;
      reported.add(code);
      context.report(code, directive.range, message, fixes);
    };
    checkDirective(context, directive, reportOnce);
  }
};

type Report = (code: string, message: string, fixes?: Fix[]) => void;

function checkDirective(context: RuleContext, directive: Directive, report: Report): void {
  const { corpus, document } = context;
  const definition = entryOf(corpus.schema.directives, directive.name);
  if (!definition) {
    const suggestions = suggest(directive.name, Object.keys(corpus.schema.directives));
    report(
      'AK050',
      `Onbekende directive ${quote(directive.name)}: de site laat dit commentaar ongebruikt.${didYouMean(suggestions)}`,
      replacementFixes(document, directive.nameOffsets, suggestions.candidates, suggestions.clear),
    );
    return;
  }
  if (definition.allowedOn && !(document.type && definition.allowedOn.includes(document.type))) {
    const where = definition.allowedOn.map((type) => corpus.schema.documentTypes[type]?.label ?? type).join(' en ');
    report('AK056', `${quote(directive.name)} werkt alleen op pagina's van het type ${where}; hier toont hij niets.`);
  }
  if (!definition.lists) return;
  directive.args.forEach((arg, index) => {
    if (isFilter(arg.text)) {
      if (index === 0) checkFilter(context, definition, arg, report);
      else report('AK052', `${quote(arg.text)} wordt genegeerd: de site gebruikt alleen het eerste argument als filter.`);
    } else if (!isKnownOption(definition, arg.text)) {
      const options = (definition.options ?? []).map((option) => `no-${option}`).join(', ');
      report('AK053', `${quote(arg.text)} is geen filter \`sleutel/waarde\` en geen bekende optie (${options}, of add-…); de site negeert het.`);
    }
  });
}

function isFilter(text: string): boolean {
  return text.indexOf('/') > 0;
}

function isKnownOption(definition: DirectiveSchema, text: string): boolean {
  const match = /^(no|add)-(.+)$/.exec(text);
  return match !== null && (definition.options ?? []).includes(match[2]);
}

function checkFilter(context: RuleContext, definition: DirectiveSchema, arg: DirectiveArgument, report: Report): void {
  const { corpus, document } = context;
  const listedType = definition.lists as string;
  const type = corpus.schema.documentTypes[listedType];
  const slash = arg.text.indexOf('/');
  const key = arg.text.slice(0, slash);
  const value = arg.text.slice(slash + 1);
  const listKeys = [...type.required, ...type.optional].filter((k) => corpus.schema.listKeys[k]);
  if (!listKeys.includes(key)) {
    const suggestions = suggest(key, listKeys);
    report(
      'AK051',
      `${quote(key)} is geen lijstsleutel van een ${type.label}; filter op ${listKeys.map(quote).join(', ')}.`,
      replacementFixes(document, [arg.offsets[0], arg.offsets[0] + slash], suggestions.candidates, suggestions.clear),
    );
    return;
  }
  const vocabulary = corpus.schema.listKeys[key].vocabulary;
  const valueOffsets: [number, number] = [arg.offsets[0] + slash + 1, arg.offsets[1]];
  if (!isAllowed(corpus, vocabulary, value)) {
    const suggestions = suggestValue(corpus, vocabulary, key, value);
    report(
      'AK051',
      `Filter ${quote(arg.text)}: ${quote(value)} is geen geldige waarde voor ${quote(key)}.${didYouMean(suggestions)}`,
      replacementFixes(document, valueOffsets, suggestions.candidates, suggestions.clear),
    );
    return;
  }
  if (document.type === 'vereiste' && listedType === 'maatregel' && key === 'vereiste' && value !== document.slug) {
    report('AK054', `Deze vereiste toont de maatregelen van een andere vereiste (${quote(value)}); waarschijnlijk overgenomen van een andere pagina.`, [
      fix(`Verwijs naar deze vereiste (${quote(document.slug)})`, [replace(document, valueOffsets, document.slug)]),
    ]);
  }
  if (corpus.countMatching(listedType, key, value) === 0) {
    report('AK055', `Geen enkele ${type.label} heeft ${quote(value)} in ${quote(key)}: de tabel blijft leeg.`);
  }
}
