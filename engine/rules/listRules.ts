// AK020-AK022: list keys hold lists of known, distinct, non-empty strings.
import { allowedValues, isAllowed } from '../corpus/vocabulary';
import { deleteLines, fix, lineBreak, replace, replacementFixes, textBefore } from '../fixes/edits';
import { didYouMean, suggest } from '../text/suggest';
import type { FrontmatterEntry, YamlValue } from '../parsing/frontmatter';
import { validEntries, type ParsedDocument } from '../parsing/parseDocument';
import type { Fix } from '../fixes/fix';
import { quote, type Rule, type RuleContext } from './rule';

export const listRules: Rule = (context) => {
  const { corpus, document } = context;
  const type = document.type ? corpus.schema.documentTypes[document.type] : undefined;
  if (!type) return;
  const known = new Set([...type.required, ...type.optional]);
  for (const entry of validEntries(document)) {
    if (known.has(entry.key) && corpus.schema.listKeys[entry.key]) checkList(context, entry);
  }
};

function checkList(context: RuleContext, entry: FrontmatterEntry): void {
  const { corpus, document, report } = context;
  const vocabulary = corpus.schema.listKeys[entry.key].vocabulary;
  const closed = vocabulary.kind === 'values' || vocabulary.kind === 'taxonomy';
  const value = entry.value;
  const key = quote(entry.key);

  if (value.kind !== 'list') {
    const isText = value.kind === 'scalar' && typeof value.value === 'string' && value.value.trim() !== '';
    const shape = value.kind === 'map' ? 'een mapping' : value.kind === 'scalar' && (value.value === null || value.value === '') ? 'leeg' : 'geen lijst';
    const blockMapping = document.frontmatter.status === 'parsed' && !document.frontmatter.flow;
    const convertible = isText && blockMapping && !document.text.getText().slice(value.offsets[0], value.offsets[1]).includes('\n');
    report('AK021', entry.keyRange, `${key} moet een lijst zijn (regels \`- waarde\`), maar is ${shape}.`, convertible ? [toListFix(document, entry)] : []);
    if (isText && closed && !isAllowed(corpus, vocabulary, String(value.value))) {
      reportUnknown(context, entry, String(value.value), value, entry.keyRange);
    }
    return;
  }
  if (value.items.length === 0) {
    report('AK021', entry.keyRange, `${key} is een lege lijst.`);
    return;
  }

  const texts = value.items.filter(isNonEmptyString);
  const seen = new Set<string>();
  value.items.forEach((item, index) => {
    if (!isNonEmptyString(item)) {
      const empty = item.kind === 'scalar' && (item.value === null || (typeof item.value === 'string' && item.value.trim() === ''));
      const what = empty ? 'een leeg item' : `een item dat geen tekst is (${describe(item)})`;
      const removable = empty && texts.length > 0;
      report('AK021', item.range, `${key} heeft ${what}.`, removable ? removeItemFix(document, value.items, index, 'Verwijder het lege item') : []);
      return;
    }
    const text = item.value;
    if (seen.has(text)) {
      report('AK022', item.range, `${quote(text)} staat al eerder in ${key}.`, removeItemFix(document, value.items, index, `Verwijder de tweede ${quote(text)}`));
    }
    seen.add(text);
    if (closed && !isAllowed(corpus, vocabulary, text)) reportUnknown(context, entry, text, item, item.range);
  });
}

function reportUnknown(context: RuleContext, entry: FrontmatterEntry, text: string, item: YamlValue, anchor: YamlValue['range']): void {
  const { corpus, document, report } = context;
  const vocabulary = corpus.schema.listKeys[entry.key].vocabulary;
  const allowed = allowedValues(corpus, vocabulary, entry.key);
  const suggestions = suggest(text, allowed);
  const listed = allowed.length > 0 && allowed.length <= 12 ? ` Toegestaan: ${allowed.map(quote).join(', ')}.` : '';
  report(
    'AK020',
    anchor,
    `Onbekende waarde ${quote(text)} voor ${quote(entry.key)}.${didYouMean(suggestions)}${listed}`,
    replacementFixes(document, item.offsets, suggestions.candidates, suggestions.clear),
  );
}

function isNonEmptyString(item: YamlValue): item is YamlValue & { kind: 'scalar'; value: string } {
  return item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim() !== '';
}

function describe(item: YamlValue): string {
  if (item.kind === 'scalar') return `${typeof item.value} ${String(item.value)}`;
  return item.kind === 'list' ? 'een lijst' : 'een mapping';
}

/** `key: value` → `key:` + a block list with that one item, indented like the key. */
function toListFix(document: ParsedDocument, entry: FrontmatterEntry): Fix {
  const source = document.text.getText().slice(entry.value.offsets[0], entry.value.offsets[1]);
  const indent = textBefore(document, entry.keyOffsets[0]);
  const edit = replace(document, [entry.keyOffsets[1], entry.value.offsets[1]], `:${lineBreak(document)}${indent}- ${source}`);
  return fix('Maak er een lijst van', [edit]);
}

/** Removes an item: its line in a block list, or `, item` in a flow list. */
function removeItemFix(document: ParsedDocument, items: YamlValue[], index: number, title: string): Fix[] {
  const item = items[index];
  const before = textBefore(document, item.offsets[0]);
  if (/^\s*-\s*$/.test(before)) return [fix(title, [deleteLines(document, item.offsets[0], Math.max(item.offsets[1], item.offsets[0] + 1))])];
  if (index > 0) return [fix(title, [replace(document, [items[index - 1].offsets[1], item.offsets[1]], '')])];
  return [];
}
