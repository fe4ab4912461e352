// AK060-AK062: title, toelichting and the tags directive.
import { fix, lineBreak, replace } from '../fixes/edits';
import { validEntries } from '../parsing/parseDocument';
import { firstLine, type Rule } from './rule';

export const styleRules: Rule = ({ corpus, document, report }) => {
  if (!document.type) return;
  for (const entry of validEntries(document)) {
    const value = entry.value;
    if (value.kind !== 'scalar' || typeof value.value !== 'string') continue;
    if (entry.key === 'title' && value.value.trimEnd().endsWith('.')) {
      const source = document.text.getText().slice(value.offsets[0], value.offsets[1]);
      const fixed = source.replace(/\.+(?=["']?\s*$)/, '');
      report('AK060', entry.keyRange, 'De titel eindigt op een punt; titels in het Algoritmekader hebben geen punt aan het eind.', [
        fix('Verwijder de punt', [replace(document, value.offsets, fixed)]),
      ]);
    }
    if (entry.key === 'toelichting') {
      const words = value.value.split(/\s+/).filter((word) => word !== '').length;
      const limit = corpus.schema.maxToelichtingWords;
      if (words > limit) report('AK061', entry.keyRange, `De toelichting heeft ${words} woorden; houd haar op hoogstens ${limit}.`);
    }
  }
  if (!document.directives.some((directive) => directive.name === 'tags')) {
    // With an unclosed block, text inserted at the top would change what line 1 opens.
    const fixes = document.frontmatter.status === 'unclosed' ? [] : [insertTagsFix(document)];
    report('AK062', firstLine, 'Het document heeft geen `<!-- tags -->`: de labels worden niet getoond.', fixes);
  }
};

function insertTagsFix(document: Parameters<Rule>[0]['document']) {
  const eol = lineBreak(document);
  const text = document.text.getText();
  const at = document.bodyStart;
  const newText = at === 0 ? `<!-- tags -->${eol}${eol}` : `${text.endsWith('\n') || at < text.length ? '' : eol}${eol}<!-- tags -->${eol}`;
  return fix('Voeg `<!-- tags -->` toe na de frontmatter', [{ path: document.path, start: at, end: at, newText }]);
}
