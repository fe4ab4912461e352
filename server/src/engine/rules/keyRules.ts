// AK010-AK012: required, known and unique top-level keys.
import { lineBreak, deleteLines, fix, replace } from '../fixes/edits';
import { didYouMean, suggest } from '../fixes/suggest';
import { validEntries } from '../parsing/parseDocument';
import { knownKeys } from '../schema/schema';
import { firstLine, quote, type Rule } from './rule';

export const keyRules: Rule = ({ corpus, document, report }) => {
  const type = document.type ? corpus.schema.documentTypes[document.type] : undefined;
  const frontmatter = document.frontmatter;
  if (!type || frontmatter.status !== 'parsed' || frontmatter.errors.length > 0 || !frontmatter.isMapping) return;
  const entries = validEntries(document);
  const present = new Set(entries.map((entry) => entry.key));

  const eol = lineBreak(document);
  const closing = frontmatter.closeStart;
  for (const key of type.required) {
    if (present.has(key)) continue;
    const placeholder = corpus.schema.listKeys[key] ? `${key}:${eol}- ${eol}` : `${key}: ${eol}`;
    report('AK010', firstLine, `Verplichte sleutel ${quote(key)} ontbreekt (${type.label}).`, frontmatter.flow ? [] : [
      fix(`Voeg ${quote(key)} toe`, [replace(document, [closing, closing], placeholder)], { preferred: true, safe: false }),
    ]);
  }

  const known = knownKeys(type);
  for (const entry of entries) {
    if (known.includes(entry.key)) continue;
    const suggestions = suggest(entry.key, known.filter((key) => !present.has(key)));
    report(
      'AK011',
      entry.keyRange,
      `Onbekende sleutel ${quote(entry.key)} voor een ${type.label}.${didYouMean(suggestions)}`,
      suggestions.candidates.map((candidate, index) =>
        fix(`Hernoem naar ${quote(candidate)}`, [replace(document, entry.keyOffsets, candidate)], { preferred: suggestions.clear && index === 0, safe: suggestions.clear && index === 0 }),
      ),
    );
  }

  for (const entry of entries) {
    if (entry.first) continue;
    report('AK012', entry.keyRange, `Sleutel ${quote(entry.key)} staat er al eerder; de site gebruikt alleen de laatste.`, frontmatter.flow ? [] : [
      fix(`Verwijder deze tweede ${quote(entry.key)}`, [deleteLines(document, entry.lineSpan[0], entry.lineSpan[1])]),
    ]);
  }
};
