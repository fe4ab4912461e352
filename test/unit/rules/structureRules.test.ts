// AK080-AK084 (RULES.md "The page body → Structure") and their fixes, on in-memory corpora: each fix
// removes its finding, changes nothing outside its edits, keeps CRLF, and a second pass finds nothing
// to fix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, defaultSchema, type Finding, type Fix, parseCorpusConfig } from '../../../engine';
import { base, check, damage, edit, findingsOf, H1, lineOf, M1, M2, only, V1, V2, withFiles, type Files } from '../../support/memoryCorpus';

/** The files after one fix (edits of one file). */
function applyFix(files: Files, fix: Fix): Files {
  const path = fix.edits[0].path;
  assert.ok(fix.edits.every((edit) => edit.path === path));
  return { ...files, [path]: applyEdits(files[path], fix.edits) };
}

const preferred = (finding: Finding) => {
  const fix = finding.fixes.find((candidate) => candidate.preferred);
  assert.ok(fix, `no preferred fix for ${finding.code}: ${finding.message}`);
  return fix;
};

/** Applies the safe preferred fix of every finding of `code` (one at a time) until none is left; a pass after that must find none. */
function fixAll(files: Files, code: string): Files {
  let current = files;
  for (let pass = 0; pass < 10; pass++) {
    const finding = check(current).find((f) => f.code === code && f.fixes.some((fix) => fix.safe && fix.preferred));
    if (!finding) return current;
    current = applyFix(current, preferred(finding));
  }
  assert.fail(`${code}: fixes do not settle`);
}

const crlf = (files: Files, path: string): Files => ({ ...files, [path]: files[path].replace(/\n/g, '\r\n') });

describe('AK080 missing-section', () => {
  test('one finding per missing section, on line 1, naming it', () => {
    const files = damage(damage(base, V2, '## Bronnen\n', '## Bronen\n'), V2, '## Risico\n', '## Gevaar\n');
    const found = check(files).filter((f) => f.code === 'AK080');
    assert.deepEqual(
      found.map((f) => [f.path, f.range.start.line, f.message]),
      [
        [V2, 0, "De sectie '## Bronnen' van het sjabloon (vereiste) ontbreekt. Er is wel '## Bronen'."],
        [V2, 0, "De sectie '## Risico' van het sjabloon (vereiste) ontbreekt."],
      ],
    );
    assert.equal(found[0].severity, 'warning');
  });

  test('`Voorbeeld` for `Voorbeelden`: named in the message, renamed by the safe fix (attribute list kept)', () => {
    const files = damage(base, M1, '## Voorbeelden\n', '## Voorbeeld { data-search-exclude }\n');
    const finding = only(files, 'AK080');
    assert.match(finding.message, /'## Voorbeelden'.*Er is wel '## Voorbeeld'/);
    const fix = preferred(finding);
    assert.ok(fix.safe);
    const fixed = applyFix(files, fix);
    assert.equal(fixed[M1], edit(base[M1], '## Voorbeelden\n', '## Voorbeelden { data-search-exclude }\n'));
    assert.deepEqual(findingsOf(fixed), []);
  });

  test('a section matches with more words after its name, in any case, with an attribute list; not at another level', () => {
    const more = damage(base, H1, '## Relevantie\n', '## relevantie voor het Algoritmekader { #relevantie }\n');
    assert.deepEqual(findingsOf(more), []);
    const level3 = damage(base, H1, '## Relevantie\n', '### Relevantie\n');
    assert.deepEqual(findingsOf(level3), [[H1, 1, 'AK080']]);
    const glued = damage(base, H1, '## Relevantie\n', '## Relevantiescore\n');
    assert.deepEqual(findingsOf(glued), [[H1, 1, 'AK080']]);
  });

  test('without a near heading the fix inserts the section where the template puts it (not applied by --fix)', () => {
    const files = damage(base, V2, '## Risico\n\nTekst.\n\n', '');
    const fix = preferred(only(files, 'AK080'));
    assert.equal(fix.safe, false);
    const fixed = applyFix(files, fix);
    // Before the next required section present, `## Maatregelen`.
    assert.ok(fixed[V2].includes('## Risico\n\n## Maatregelen\n'), fixed[V2]);
    assert.deepEqual(findingsOf(fixed), []);
    // The last section goes at the end; CRLF is kept.
    const last = crlf(damage(base, V2, '## Maatregelen\n\nTekst.\n', ''), V2);
    const appended = applyFix(last, preferred(only(last, 'AK080')));
    assert.ok(appended[V2].endsWith('\r\n\r\n## Maatregelen\r\n'), JSON.stringify(appended[V2].slice(-40)));
    assert.deepEqual(findingsOf(appended), []);
  });

  test('applies to content documents only, and the sections are schema data', () => {
    assert.deepEqual(findingsOf(withFiles(base, { 'docs/rollen/jurist.md': '---\ntitle: Jurist\n---\n\nGeen secties.\n' })), []);
    const config = parseCorpusConfig(JSON.stringify({ schema: { documentTypes: { hulpmiddel: { sections: ['Hulpmiddel', 'Licentie'] } } } }));
    assert.deepEqual(findingsOf(base, { schema: config.schema }), [[H1, 1, 'AK080']]);
    assert.deepEqual(defaultSchema.documentTypes.maatregel.sections, ['Maatregel', 'Toelichting', 'Risico', 'Bijbehorende vereiste(n)', 'Bronnen', 'Voorbeelden']);
  });
});

describe('AK081 merge-conflict', () => {
  const conflict = '<<<<<<< HEAD\nDe ene versie.\n=======\nDe andere versie.\n>>>>>>> main\n';

  test('fires on the marker line, on every page, with no fix', () => {
    const files = withFiles(damage(base, V2, '## Toelichting\n\nTekst.\n', `## Toelichting\n\n${conflict}`), { 'docs/over.md': `# Over\n\n${conflict}` });
    assert.deepEqual(
      findingsOf(files).filter(([, , code]) => code === 'AK081'),
      [
        ['docs/over.md', 3, 'AK081'],
        [V2, lineOf(files[V2], '<<<<<<<'), 'AK081'],
      ],
    );
    assert.ok(
      check(files)
        .filter((f) => f.code === 'AK081')
        .every((f) => f.severity === 'error' && f.fixes.length === 0),
    );
  });

  test('a marker in fenced code, or without the space, is not one; one in the frontmatter is', () => {
    assert.deepEqual(findingsOf(withFiles(base, { 'docs/over.md': `# Over\n\n\`\`\`\n${conflict}\`\`\`\n\n~~~text\n<<<<<<< x\n~~~\n` })), []);
    assert.deepEqual(findingsOf(withFiles(base, { 'docs/over.md': '# Over\n\n<<<<<<<HEAD\n' })), []);
    const front = damage(base, H1, 'title: Impacttoets\n', '<<<<<<< HEAD\ntitle: Impacttoets\n');
    assert.ok(
      findingsOf(front).some(([path, line, code]) => path === H1 && line === 2 && code === 'AK081'),
      JSON.stringify(findingsOf(front)),
    );
  });
});

describe('AK082 list-without-blank-line', () => {
  const withBody = (body: string) => withFiles(base, { 'docs/over.md': `# Over\n\n${body}` });

  test('fires on the first item of a list glued to a paragraph; the fix inserts a blank line', () => {
    const files = withBody('Dit zijn de punten:\n- een\n- twee\n\nEn verder.\n1. drie\n2. vier\n');
    assert.deepEqual(findingsOf(files), [
      ['docs/over.md', 4, 'AK082'],
      ['docs/over.md', 8, 'AK082'],
    ]);
    const fixed = fixAll(files, 'AK082');
    assert.equal(fixed['docs/over.md'], '# Over\n\nDit zijn de punten:\n\n- een\n- twee\n\nEn verder.\n\n1. drie\n2. vier\n');
    assert.deepEqual(findingsOf(fixed), []);
    assert.deepEqual(findingsOf(fixAll(crlf(files, 'docs/over.md'), 'AK082')), []);
    assert.ok(!/[^\r]\n/.test(fixAll(crlf(files, 'docs/over.md'), 'AK082')['docs/over.md']));
  });

  test('`*` and `+` items, inside an admonition body too, and text that continues a paragraph between items', () => {
    assert.deepEqual(findingsOf(withBody('Tekst\n* een\n')), [['docs/over.md', 4, 'AK082']]);
    assert.deepEqual(findingsOf(withBody('Tekst\n+ een\n')), [['docs/over.md', 4, 'AK082']]);
    assert.deepEqual(findingsOf(withBody('!!! tip "Let op"\n    De punten:\n    - een\n')), [['docs/over.md', 5, 'AK082']]);
    assert.deepEqual(findingsOf(withBody('Tekst\n- een\nmeer tekst\n- twee\n')), [
      ['docs/over.md', 4, 'AK082'],
      ['docs/over.md', 6, 'AK082'],
    ]);
  });

  test('does not fire after a blank line, a heading, a table row, a comment or tag, a fence, or for a lazy continuation of an item', () => {
    for (const body of [
      'Tekst\n\n- een\n',
      '## Kop\n- een\n',
      '| a | b |\n|---|---|\n| 1 | 2 |\n- een\n',
      '<!-- opmerking -->\n- een\n',
      '<div>\n- een\n',
      '- een\nvervolg van een\n- twee\n',
      '- een\n    dieper\nvervolg\n- twee\n',
      '```\nTekst\n- een\n```\n',
      'Tekst\n  - een op een andere inspringing\n',
      '**Vet:**\n\n- een\n',
      '- een\n  tekst in het item\n  - sub\n',
    ]) {
      assert.deepEqual(findingsOf(withBody(body)), [], JSON.stringify(body));
    }
  });

  test('not in the lists of a frontmatter block that is never closed (that is AK002)', () => {
    const files = damage(base, V1, 'hide:\n- navigation\n---\n', 'hide:\n- navigation\n\n');
    assert.ok(!findingsOf(files).some(([, , code]) => code === 'AK082'));
  });
});

describe('AK083 empty-admonition', () => {
  const withBody = (body: string) => withFiles(base, { 'docs/over.md': `# Over\n\n${body}` });

  test('an admonition whose text is not indented: the fix indents the paragraph under it', () => {
    const files = withBody('!!! example "Voorbeeld"\n\nDe tekst van het voorbeeld,\nover twee regels.\n\nDaarna.\n');
    const finding = only(files, 'AK083');
    assert.equal(finding.range.start.line, 2);
    assert.match(finding.message, /'!!! example "Voorbeeld"' is leeg/);
    const fixed = fixAll(files, 'AK083');
    assert.equal(fixed['docs/over.md'], '# Over\n\n!!! example "Voorbeeld"\n\n    De tekst van het voorbeeld,\n    over twee regels.\n\nDaarna.\n');
    assert.deepEqual(findingsOf(fixed), []);
  });

  test('an expander whose directive is indented 3 spaces; an indented admonition gets its text 4 deeper', () => {
    const files = withBody('??? expander "Bekijk alle vereisten"\n   <!-- list_vereisten_on_maatregelen_page -->\n');
    assert.equal(fixAll(files, 'AK083')['docs/over.md'], '# Over\n\n??? expander "Bekijk alle vereisten"\n    <!-- list_vereisten_on_maatregelen_page -->\n');
    const nested = withBody('!!! note\n    !!! tip\n    Tekst.\n');
    assert.equal(fixAll(nested, 'AK083')['docs/over.md'], '# Over\n\n!!! note\n    !!! tip\n        Tekst.\n');
  });

  test('does not fire with a body indented by a tab or 4 spaces, at the end of the page, or for tabs (===)', () => {
    for (const body of ['!!! note\n\tTekst.\n', '???+ tip "Tip"\n\n    Tekst.\n', '!!! note "Alleen een titel"\n', '=== "Tab"\nTekst.\n']) {
      assert.deepEqual(findingsOf(withBody(body)), [], JSON.stringify(body));
    }
  });

  test('a heading under it is not moved into it: the finding has no fix', () => {
    const finding = only(withBody('!!! note "Titel"\n\n## Volgende kop\n'), 'AK083');
    assert.deepEqual(finding.fixes, []);
  });
});

describe('AK084 template-placeholder', () => {
  test('the instruction sentences of the templates, in a content document, outside comments', () => {
    const files = damage(
      damage(base, M2, '## Toelichting\n\nTekst.\n', "## Toelichting\n\nHier staat in enkele alinea's meer uitgelegd.\n<!-- Hier staat een opmerking -->\n"),
      M2,
      '## Risico\n\nTekst.\n',
      '## Risico\n\n!!! example "x"\n\tBeschrijf hier het risico.\n',
    );
    assert.deepEqual(findingsOf(files), [
      [M2, lineOf(files[M2], 'Hier staat in enkele'), 'AK084'],
      [M2, lineOf(files[M2], 'Beschrijf hier'), 'AK084'],
    ]);
    assert.deepEqual(only(damage(base, M2, 'Tekst.\n\n## Risico', 'Hier staan de voorbeelden.\n\n## Risico'), 'AK084').range.start.character, 0);
  });

  test('a link whose target is `url` or starts with `url ` (which is not AK070)', () => {
    const files = damage(
      base,
      M2,
      '## Bronnen\n\nTekst.\n',
      '## Bronnen\n\n- [Bron](url)\n- [Artikel 12345, Voorbeeldwet](url van wetsartikel)\n- [Goed](https://example.org/url)\n- [Ook goed](urls.md)\n',
    );
    const found = check(files).filter((f) => f.path === M2);
    assert.deepEqual(
      found.map((f) => [f.code, f.range.start.line + 1, f.range.start.character, f.range.end.character]),
      [
        ['AK084', lineOf(files[M2], '[Bron](url)'), 9, 12],
        ['AK084', lineOf(files[M2], 'wetsartikel'), 32, 51],
        ['AK070', lineOf(files[M2], 'urls.md'), 13, 20],
      ],
    );
  });

  test('not on other pages', () => {
    assert.deepEqual(
      findingsOf(withFiles(base, { 'docs/over.md': '# Over\n\nHier staat uitleg.\n\n[x](url)\n' })).filter(([, , code]) => code === 'AK084'),
      [],
    );
  });
});
