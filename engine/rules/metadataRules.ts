// AK090-AK094: frontmatter that the site interprets beyond tags: the id `tags-ai-act` needs, the
// `hide` values of MkDocs Material, the label expressions of `uitzondering` and the audit-framework
// codes of `sources`.
import { fix, replace, replacementFixes } from '../fixes/edits';
import type { FrontmatterEntry, YamlScalar, YamlValue } from '../parsing/frontmatter';
import { isValidId, validEntries, type ParsedDocument } from '../parsing/parseDocument';
import { expressionLabels, labelsOf, parseLabelExpression } from '../parsing/uitzondering';
import { didYouMean, suggest } from '../text/suggest';
import { quote, type Rule, type RuleContext } from './rule';

export const metadataRules: Rule = (context) => {
  const { document } = context;
  if (document.unreadable) return;
  tagsAiActWithoutId(context);
  const hide = lastEntry(document, 'hide');
  if (hide) invalidHide(context, hide);
  if (document.type === 'vereiste') {
    const uitzondering = lastEntry(document, 'uitzondering');
    if (uitzondering) invalidUitzondering(context, uitzondering);
  }
  if (document.type === 'maatregel') {
    const sources = lastEntry(document, 'sources');
    if (sources) sourceCodes(context, sources);
  }
};

/** The entry of a key as the site reads it: its last occurrence (an earlier one is AK012). */
function lastEntry(document: ParsedDocument, key: string): FrontmatterEntry | undefined {
  return validEntries(document)
    .filter((entry) => entry.key === key)
    .pop();
}

/** The items of a list, or a scalar as one item. */
function itemsOf(value: YamlValue): YamlValue[] {
  return value.kind === 'list' ? value.items : [value];
}

function tagsAiActWithoutId({ corpus, document, report }: RuleContext): void {
  const directives = document.directives.filter((directive) => directive.name === 'tags-ai-act');
  if (directives.length === 0) return;
  const prefix = document.type ? corpus.schema.documentTypes[document.type]?.idPrefix : undefined;
  const raw = lastEntry(document, 'id')?.value;
  const id = raw?.kind === 'scalar' ? raw.value : undefined;
  const prefixes = prefix ? [prefix] : Object.values(corpus.schema.documentTypes).flatMap((type) => type.idPrefix ?? []);
  if (prefixes.some((candidate) => isValidId(id, candidate))) return;
  for (const directive of directives) {
    report(
      'AK090',
      directive.range,
      `\`<!-- tags-ai-act -->\` heeft een geldig \`id\` van de pagina nodig (zoals ${quote(`${prefixes[0] ?? 'urn:nl:ak:ver:'}aia-01`)}); zonder dat faalt het bouwen van de site.`,
    );
  }
}

function invalidHide({ corpus, document, report }: RuleContext, entry: FrontmatterEntry): void {
  const known = corpus.schema.hideValues;
  for (const item of itemsOf(entry.value)) {
    if (item.kind === 'scalar' && item.value === null && entry.value.kind === 'scalar') continue;
    const text = item.kind === 'scalar' && typeof item.value === 'string' ? item.value.trim() : undefined;
    if (text !== undefined && known.includes(text)) continue;
    const suggestions = text ? suggest(text, known) : { candidates: [], clear: false };
    const shown = text === undefined ? 'geen tekst' : quote(text);
    report(
      'AK091',
      item.range,
      `MkDocs Material kent ${shown} niet in \`hide\`.${didYouMean(suggestions)} Bekend: ${known.map(quote).join(', ')}.`,
      replacementFixes(document, item.offsets, suggestions.candidates, suggestions.clear),
    );
  }
}

function invalidUitzondering({ corpus, report }: RuleContext, entry: FrontmatterEntry): void {
  const { standalone } = corpus.schema.uitzondering;
  const labels = expressionLabels(corpus.schema);
  const consequence = 'De site rekent dit in de browser uit; met een fout verdwijnt de vereiste stil.';
  for (const item of itemsOf(entry.value)) {
    if (item.kind === 'scalar' && item.value === null && entry.value.kind === 'scalar') continue;
    if (item.kind !== 'scalar' || typeof item.value !== 'string') {
      report('AK092', item.range, `Een \`uitzondering\` moet tekst zijn: ${quote(standalone[0] ?? '')} of een expressie van labels. ${consequence}`);
      continue;
    }
    const text = item.value;
    if (standalone.includes(text.trim())) continue;
    const parsed = parseLabelExpression(text);
    if ('message' in parsed) {
      report('AK092', item.range, `Ongeldige \`uitzondering\`: ${parsed.message} (bij teken ${parsed.at + 1}). ${consequence}`);
      continue;
    }
    const unknown = labelsOf(parsed).find(({ label }) => !labels.has(label));
    if (unknown) {
      report('AK092', item.range, `Onbekend label ${quote(unknown.label)} in \`uitzondering\`.${didYouMean(suggest(unknown.label, labels.keys()))} ${consequence}`);
    }
  }
}

function sourceCodes({ corpus, document, report }: RuleContext, entry: FrontmatterEntry): void {
  const frameworks = corpus.schema.sources.frameworks;
  const keys = Object.keys(frameworks);
  const codes = corpus.resources.sourceCodes;
  const value = entry.value;
  if (value.kind !== 'map') {
    report('AK093', entry.keyRange, `\`sources\` moet een mapping zijn met ${keys.map(quote).join(' en/of ')}, elk met codes uit het toetsingskader.`);
    return;
  }
  for (const framework of value.entries) {
    if (!Object.hasOwn(frameworks, framework.key)) {
      report(
        'AK093',
        framework.keyRange,
        `Onbekende sleutel ${quote(framework.key)} in \`sources\`: alleen ${keys.map(quote).join(' en ')}.${didYouMean(suggest(framework.key, keys))}`,
      );
      continue;
    }
    const known = codes?.get(framework.key);
    for (const item of itemsOf(framework.value)) {
      const empty = item.kind === 'scalar' && (item.value === null || String(item.value).trim() === '');
      if (empty || item.kind !== 'scalar' || !(typeof item.value === 'string' || typeof item.value === 'number')) {
        const what = empty ? 'Een lege code' : 'Een code die geen tekst is';
        const anchor = empty && framework.value.kind === 'scalar' ? framework.keyRange : item.range;
        report('AK093', anchor, `${what} onder ${quote(framework.key)} in \`sources\`: vul een code uit het ${frameworks[framework.key]} in, of haal de regel weg.`);
        continue;
      }
      const written = typeof item.value === 'number' ? (item.source ?? String(item.value)) : item.value.trim();
      if (known && !known.has(written)) {
        const suggestions = suggest(written, known.keys());
        const fixes = suggestions.candidates.map((candidate, index) =>
          fix(`Vervang door '${candidate}'`, [replace(document, item.offsets, JSON.stringify(candidate))], { preferred: suggestions.clear && index === 0, safe: false }),
        );
        report('AK093', item.range, `Code ${quote(written)} staat niet in het ${frameworks[framework.key]} (${corpus.schema.sources.file}).${didYouMean(suggestions)}`, fixes);
      } else if (typeof item.value === 'number' && written !== String(item.value)) {
        numericCode({ corpus, document, report }, item as YamlScalar, written);
      }
    }
  }
}

function numericCode({ document, report }: RuleContext, item: YamlScalar, written: string): void {
  report(
    'AK094',
    item.range,
    `Code ${written} is voor YAML het getal ${String(item.value)}, dus de site zoekt code ${quote(String(item.value))} op. Zet de code tussen aanhalingstekens: "${written}".`,
    [fix(`Zet tussen aanhalingstekens: "${written}"`, [replace(document, item.offsets, `"${written}"`)])],
  );
}
