// AK010-AK012: required, known and unique top-level keys.
import { lineBreak, deleteLines, fix, replace } from '../fixes/edits';
import { didYouMean, suggest } from '../text/suggest';
import { validEntries } from '../parsing/parseDocument';
import { knownKeys } from '../schema/schema';
import { firstLine, quote, type Rule } from './rule';

export const keyRules: Rule = ({ corpus, document, report }) => {
  const type = document.type ? corpus.schema.documentTypes[document.type] : undefined;
  const frontmatter = document.frontmatter;
  if (!type || frontmatter.status !== 'parsed' || frontmatter.errors.length > 0 || !frontmatter.isMapping) return;
  const entries = validEntries(document);
  const present = new Set(entries.map((entry) => entry.key));

  const closing = frontmatter.closeStart;
  for (const key of type.required) {
    if (present.has(key)) continue;
    const eol = lineBreak(document);
    const placeholder = corpus.schema.listKeys[key] ? `${key}:${eol}- ${eol}` : `${key}: ${eol}`;
    report(
      'AK010',
      firstLine,
      `Verplichte sleutel ${quote(key)} ontbreekt (${type.label}).`,
      frontmatter.flow ? [] : [fix(`Voeg ${quote(key)} toe`, [replace(document, [closing, closing], placeholder)], { preferred: true, safe: false })],
    );
  }

  const known = knownKeys(type);
  for (const entry of entries) {
    if (known.includes(entry.key)) continue;
    const text = document.text.getText();
    const suggestions = suggest(
      entry.key,
      known.filter((key) => !present.has(key)),
    );
    // The rename replaces the key's text, so it is safe only where that text (unquoted) is the key: a tag
    // before it (`!!binary id`) would still turn the new name into something else.
    const renamable = text.slice(...entry.keyOffsets).replace(/^(["'])(.*)\1$/s, '$2') === entry.key;
    const clear = suggestions.clear && renamable;
    report(
      'AK011',
      entry.keyRange,
      `Onbekende sleutel ${quote(entry.key)} voor een ${type.label}.${didYouMean(suggestions)}`,
      suggestions.candidates.map((candidate, index) =>
        fix(`Hernoem naar ${quote(candidate)}`, [replace(document, entry.keyOffsets, candidate)], { preferred: clear && index === 0, safe: clear && index === 0 }),
      ),
    );
  }

  entries.forEach((entry, index) => {
    if (entry.first) return;
    // The site keeps the last value: removing the occurrence before this one leaves the page as it is.
    const earlier = entries
      .slice(0, index)
      .filter((other) => other.key === entry.key)
      .pop()!;
    const line = earlier.keyRange.start.line + 1;
    report(
      'AK012',
      entry.keyRange,
      `Sleutel ${quote(entry.key)} staat er al eerder (regel ${line}); de site gebruikt alleen deze laatste.`,
      frontmatter.flow ? [] : [fix(`Verwijder de eerdere ${quote(entry.key)} (regel ${line})`, [deleteLines(document, earlier.lineSpan[0], earlier.lineSpan[1])])],
    );
  });
};
