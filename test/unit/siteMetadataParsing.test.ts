// The small parsers behind AK092-AK095 and their language features: the `uitzondering` label
// expressions, the CSV of source codes, the glossary and its tooltips.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSchema, describeExpression, expressionLabels, glossaryTermAt, labelsOf, parseGlossary, parseLabelExpression, parseSourceCodes, readCsv } from '../../engine';

describe('uitzondering expressions', () => {
  const words = (text: string) => {
    const parsed = parseLabelExpression(text);
    assert.ok(!('message' in parsed), JSON.stringify(parsed));
    return describeExpression(parsed, (label, negated) => `${negated ? 'niet ' : ''}${label}`);
  };

  test('&& binds tighter than ||, parentheses group, ! negates a label; white space anywhere', () => {
    assert.equal(words('"a" || "b" && "c"'), 'a of (b en c)');
    assert.equal(words('("a"||"b")&&!"c"'), '(a of b) en niet c');
    assert.equal(words('  ( ( "a" ) )  '), 'a');
    assert.equal(words('"a" && "b" && "c"'), 'a en b en c');
  });

  test('labels with their places in the text', () => {
    const parsed = parseLabelExpression('!"a" || "bc"');
    assert.ok(!('message' in parsed));
    assert.deepEqual(
      labelsOf(parsed).map(({ label, negated, start, end }) => [label, negated, start, end]),
      [
        ['a', true, 0, 4],
        ['bc', false, 8, 12],
      ],
    );
  });

  test('errors say what and where', () => {
    const cases: [string, RegExp, number][] = [
      ['', /lege expressie/, 0],
      ['"a" &&', /verwacht een label/, 6],
      ['("a"', /`\(` zonder bijbehorende `\)`/, 4],
      ['"a")', /`\)` zonder bijbehorende `\(`/, 3],
      ['"a', /sluitend aanhalingsteken/, 0],
      ['"a" | "b"', /`\|` in plaats van `\|\|`/, 4],
      ["'a'", /enkele aanhalingstekens/, 0],
      ['!("a")', /na `!` hoort een label/, 1],
      ['a', /onverwacht teken `a`/, 0],
    ];
    for (const [text, message, at] of cases) {
      const parsed = parseLabelExpression(text);
      assert.ok('message' in parsed, text);
      assert.match(parsed.message, message, text);
      assert.equal(parsed.at, at, text);
    }
  });

  test('the labels are `<key>-<value>` of the AI-Act keys and their values', () => {
    const labels = expressionLabels(defaultSchema);
    assert.equal(labels.size, 3 + 5 + 3 + 3 + 3 + 4);
    assert.deepEqual(labels.get('open-source-geen-open-source'), { label: 'open-source-geen-open-source', key: 'open-source', value: 'geen-open-source' });
  });
});

describe('the CSV of source codes', () => {
  test('quoted fields with the separator, line breaks and doubled quotes; CRLF and a BOM', () => {
    assert.deepEqual(readCsv('\ufeffa;b;c\r\n1;"x;y\r\nz ""q""";3\r\n\r\n4;5;6', ';'), [
      ['a', 'b', 'c'],
      ['1', 'x;y\r\nz "q"', '3'],
      ['4', '5', '6'],
    ]);
  });

  test('codes by key, from the source of each row (trimmed); other rows and the header are left out', () => {
    const codes = parseSourceCodes(
      'nummer;maatregel;source\nSV.1;"Een\ntekst";Onderzoekskader Auditdienst Rijk\n3.10;Twee;Toetsingskader Algemene Rekenkamer \nX;Drie;Iets anders\n',
      defaultSchema.sources.frameworks,
    );
    assert.deepEqual([...codes.keys()], ['ADR', 'ARK']);
    assert.deepEqual(codes.get('ADR')?.get('SV.1'), { code: 'SV.1', text: 'Een\ntekst', source: 'Onderzoekskader Auditdienst Rijk' });
    assert.deepEqual([...codes.get('ARK')!.keys()], ['3.10']);
  });
});

describe('the glossary', () => {
  const glossary = parseGlossary(
    'includes/begrippenlijst.md',
    '*[AI]: Artificiële intelligentie.\r\n*[AI-systeem]:\tEen systeem.\r\nGeen definitie.\r\n*[één term]: Met accenten.\r\n',
  );

  test('definitions as the abbr extension reads them, with their lines', () => {
    assert.deepEqual(
      glossary.terms.map((t) => [t.term, t.definition, t.line]),
      [
        ['AI', 'Artificiële intelligentie.', 0],
        ['AI-systeem', 'Een systeem.', 1],
        ['één term', 'Met accenten.', 3],
      ],
    );
    assert.deepEqual(glossary.terms[1].lineOffsets, [35, 64]);
  });

  test('a term under the cursor: exact case, between word boundaries, the longest of overlapping terms', () => {
    const line = 'Een AI-systeem is AI, maar AIR en ai niet; één term wel.';
    const at = (word: string, offset = 0) => glossaryTermAt(glossary, line, line.indexOf(word) + offset)?.term.term;
    assert.equal(at('AI-systeem', 1), 'AI-systeem');
    assert.equal(at('AI,'), 'AI');
    assert.equal(at('AIR'), undefined);
    assert.equal(at('ai '), undefined);
    assert.equal(at('één', 5), 'één term');
    assert.equal(glossaryTermAt(glossary, line, line.length)?.term.term, undefined);
  });
});
