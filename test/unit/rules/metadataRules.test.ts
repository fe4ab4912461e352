// AK090-AK094 (RULES.md "Metadata that the site interprets") and AK095 (the glossary), with their
// fixes, on in-memory corpora; the CSV of source codes and the glossary are loaded as resources.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, checkCorpus, defaultSchema, type Finding, fixCorpus, loadCorpus, MemoryFileSystem, parseCorpusConfig } from '../../../engine';
import { base, damage, findingsOf, H1, lineOf, M1, only, triples, V1, V2, withFiles, type Files, type Triple } from '../../support/memoryCorpus';

const csv = [
  'nummer;maatregel;source',
  'SV.12;De capaciteit en deskundigheid is toereikend.;Onderzoekskader Auditdienst Rijk',
  'PRI.11;"Persoonsgegevens worden niet langer bewaard;',
  'dan nodig.";Onderzoekskader Auditdienst Rijk',
  '2.09;Richt een procedure in.;Toetsingskader Algemene Rekenkamer',
  '3.10;Geen automatische besluitvorming.;Toetsingskader Algemene Rekenkamer ',
  '2.20;Dataminimalisatie.;Toetsingskader Algemene Rekenkamer',
  '',
].join('\r\n');
const withCsv = (files: Files): Files => ({ ...files, 'script/maatregelen-adr-ark.csv': csv });

/** The findings of a corpus as akcheck loads it (with its resource files). */
async function findingsWithResources(files: Files): Promise<Finding[]> {
  const loaded = await loadCorpus(new MemoryFileSystem(files), defaultSchema);
  return checkCorpus(loaded.corpus);
}
const triplesWithResources = async (files: Files) => triples(await findingsWithResources(files));

/** A maatregel M1 with this `sources` block. */
const sources = (block: string) => damage(base, M1, 'rollen:', `${block}rollen:`);

describe('AK090 tags-ai-act-without-id', () => {
  test('fires on the comment of a page without a valid id; the build would fail', () => {
    const files = damage(damage(base, V1, 'id: urn:nl:ak:ver:aia-08', 'id: aia-08'), V1, '<!-- tags -->\n', '<!-- tags -->\n<!-- tags-ai-act -->\n');
    assert.deepEqual(findingsOf(files), [
      [V1, 3, 'AK030'],
      [V1, lineOf(files[V1], 'tags-ai-act'), 'AK090'],
    ]);
    const finding = only(files, 'AK090');
    assert.equal(finding.severity, 'error');
    assert.deepEqual([finding.range.start.character, finding.range.end.character], [0, 20]);
    assert.match(finding.message, /geldig `id`/);
  });

  test('every page: a hulpmiddel or another page needs an id of some type; a valid one is enough', () => {
    const onHulpmiddel = damage(base, H1, '<!-- tags -->\n', '<!-- tags -->\n<!-- tags-ai-act -->\n');
    assert.deepEqual(findingsOf(onHulpmiddel), [[H1, lineOf(onHulpmiddel[H1], 'tags-ai-act'), 'AK090']]);
    assert.deepEqual(findingsOf(damage(onHulpmiddel, H1, 'title: Impacttoets\n', 'title: Impacttoets\nid: urn:nl:ak:mtr:owp-99\n')), []);
    assert.deepEqual(findingsOf(damage(base, V1, '<!-- tags -->\n', '<!-- tags -->\n<!-- tags-ai-act -->\n')), []);
    assert.deepEqual(findingsOf(withFiles(base, { 'docs/over.md': '# Over\n\n<!-- tags-ai-act -->\n' })), [['docs/over.md', 3, 'AK090']]);
  });
});

describe('AK091 invalid-hide', () => {
  test('`tocs`: the item, with the safe fix `toc`', () => {
    const files = damage(base, V1, 'hide:\n- navigation\n', 'hide:\n- navigation\n- tocs\n');
    const finding = only(files, 'AK091');
    assert.equal(finding.range.start.line + 1, lineOf(files[V1], '- tocs'));
    assert.match(finding.message, /'tocs'.*Bedoel je 'toc'\?/);
    const fix = finding.fixes.find((f) => f.preferred)!;
    assert.ok(fix.safe);
    const fixed = { ...files, [V1]: applyEdits(files[V1], fix.edits) };
    assert.equal(fixed[V1], damage(base, V1, 'hide:\n- navigation\n', 'hide:\n- navigation\n- toc\n')[V1]);
    assert.deepEqual(findingsOf(fixed), []);
  });

  test('every known value is accepted, a scalar is one item, and every page is checked; the values are schema data', () => {
    assert.deepEqual(findingsOf(damage(base, V1, 'hide:\n- navigation\n', 'hide:\n- navigation\n- toc\n- footer\n- path\n- tags\n- feedback\n')), []);
    assert.deepEqual(findingsOf(damage(base, V1, 'hide:\n- navigation\n', 'hide: toc\n')), []);
    const scalar = damage(base, V1, 'hide:\n- navigation\n', 'hide: navigatie\n');
    assert.deepEqual(findingsOf(scalar), [[V1, lineOf(scalar[V1], 'hide:'), 'AK091']]);
    const page = withFiles(base, { 'docs/rollen/jurist.md': '---\ntitle: Jurist\nhide:\n- sidebar\n---\n' });
    assert.deepEqual(findingsOf(page), [['docs/rollen/jurist.md', 4, 'AK091']]);
    const config = parseCorpusConfig(JSON.stringify({ schema: { hideValues: ['navigation', 'toc', 'sidebar'] } }));
    assert.deepEqual(findingsOf(page, { schema: config.schema }), []);
  });
});

describe('AK092 invalid-uitzondering', () => {
  const uitzondering = (...items: string[]) => damage(base, V2, 'rollen:', `uitzondering:\n${items.map((item) => `- ${item}`).join('\n')}\nrollen:`);
  const real =
    '("soort-toepassing-ai-systeem-voor-algemene-doeleinden" || "soort-toepassing-ai-systeem") && "open-source-open-source" && "transparantieverplichting-geen-transparantieverplichting" && "risicogroep-geen-hoog-risico-ai-systeem"';

  test('the item that stands alone and valid expressions (the real corpus uses these) pass', () => {
    assert.deepEqual(
      findingsOf(uitzondering('risicogroep-uitzondering-van-toepassing', real, `'!"rol-ai-act-aanbieder"||(  "systeemrisico-systeemrisico"&&!"open-source-geen-open-source" )'`)),
      [],
    );
  });

  test('a syntax error, a wrong operator, an unknown label or another bare label is an error on the item', () => {
    const cases: [string, RegExp][] = [
      [real.replace('"soort-toepassing-ai-systeem") &&', '"soort-toepassing-ai-systeem" &&'), /`\(` zonder bijbehorende `\)`/],
      [`'"systeemrisico-systeemrisico" & "open-source-open-source"'`, /`&` in plaats van `&&`/],
      [`'"systeemrisico-systeemrisico" "open-source-open-source"'`, /verwacht `&&` of `\|\|`/],
      [`'"risicogroep-hoog-risico-ai" && "open-source-open-source"'`, /Onbekend label 'risicogroep-hoog-risico-ai'.*Misschien: 'risicogroep-hoog-risico-ai-systeem'/],
      ['risicogroep-hoog-risico-ai-systeem', /onverwacht teken `r`/],
      [`'!("systeemrisico-systeemrisico")'`, /na `!` hoort een label/],
      [`'"systeemrisico-systeemrisico" &&'`, /verwacht een label/],
      ['1', /moet tekst zijn/],
    ];
    for (const [item, message] of cases) {
      const files = uitzondering(item);
      const finding = only(files, 'AK092');
      assert.equal(finding.range.start.line + 1, lineOf(files[V2], 'uitzondering:') + 1, item);
      assert.match(finding.message, message, item);
      assert.equal(finding.severity, 'error');
    }
  });

  test('only on vereisten', () => {
    assert.deepEqual(
      findingsOf(damage(base, M1, 'rollen:', 'uitzondering:\n- kapot &&\nrollen:')).filter(([, , code]) => code === 'AK092'),
      [],
    );
  });
});

describe('AK093 unknown-source-code and AK094 numeric-source-code', () => {
  test('valid codes of both frameworks, in a list or as a scalar, quoted or a number that reads the same', async () => {
    assert.deepEqual(await triplesWithResources(withCsv(sources('sources:\n  ADR:\n  - SV.12\n  - "PRI.11"\n  ARK: 2.09\n'))), []);
  });

  test('an unknown code is an error on the code, with the closest code offered (not applied)', async () => {
    const files = withCsv(sources('sources:\n  ADR:\n  - SV.13\n  ARK:\n  - 9.99\n'));
    const found = (await findingsWithResources(files)).filter((f) => f.code === 'AK093');
    assert.deepEqual(
      found.map((f) => [f.range.start.line + 1, f.message]),
      [
        [lineOf(files[M1], 'SV.13'), "Code 'SV.13' staat niet in het Onderzoekskader Auditdienst Rijk (script/maatregelen-adr-ark.csv). Bedoel je 'SV.12'?"],
        [lineOf(files[M1], '9.99'), "Code '9.99' staat niet in het Toetsingskader Algemene Rekenkamer (script/maatregelen-adr-ark.csv). Bedoel je '2.09'?"],
      ],
    );
    assert.ok(found.every((f) => f.fixes.every((fix) => !fix.safe)));
    assert.equal(found[0].fixes[0].edits[0].newText, '"SV.12"');
  });

  test('the shape: not a mapping (null, a list) is on the key; an unknown key, an empty code on themselves', async () => {
    const at = (files: Files, needle: string): Triple => [M1, lineOf(files[M1], needle), 'AK093'];
    for (const block of ['sources:\n', 'sources:\n- SV.12\n', 'sources: SV.12\n']) {
      const files = withCsv(sources(block));
      assert.deepEqual(await triplesWithResources(files), [at(files, 'sources:')], block);
    }
    const unknownKey = withCsv(sources('sources:\n  ADRR:\n  - SV.12\n'));
    assert.deepEqual(await triplesWithResources(unknownKey), [at(unknownKey, 'ADRR')]);
    assert.match(only(unknownKey, 'AK093').message, /Onbekende sleutel 'ADRR'.*Bedoel je 'ADR'\?/);
    const empty = withCsv(sources('sources:\n  ADR:\n  - \n  ARK:\n'));
    assert.deepEqual(await triplesWithResources(empty), [at(empty, '  - '), at(empty, 'ARK:')]);
  });

  test('without the CSV the codes are not looked up, the shape still is', async () => {
    assert.deepEqual(await triplesWithResources(sources('sources:\n  ADR:\n  - SV.99\n')), []);
    const files = sources('sources:\n  ADR: [SV.12]\n  BRON: x\n');
    assert.deepEqual(await triplesWithResources(files), [[M1, lineOf(files[M1], 'BRON'), 'AK093']]);
  });

  test('`ARK: [3.10]` is read as 3.1: AK094, and the safe fix quotes it as written, which makes it a valid code', async () => {
    for (const block of ['sources:\n  ARK: [3.10]\n', 'sources:\n  ARK:\n  - 3.10\n  - 2.20\n', 'sources:\n  ARK: 3.10\n']) {
      const files = withCsv(sources(block));
      const found = (await findingsWithResources(files)).filter((f) => f.path === M1);
      assert.ok(found.length >= 1 && found.every((f) => f.code === 'AK094' && f.severity === 'warning'), JSON.stringify(triples(found)));
      assert.match(found[0].message, /3\.10 is voor YAML het getal 3\.1/);
      let text = files[M1];
      for (const finding of found.reverse()) text = applyEdits(text, finding.fixes[0].edits);
      assert.ok(text.includes('"3.10"'), text);
      assert.deepEqual(await triplesWithResources({ ...files, [M1]: text }), [], block);
    }
    // Without the CSV too: it is about how YAML reads it.
    const files = sources('sources:\n  ARK: [3.10]\n');
    assert.deepEqual(findingsOf(files), [[M1, lineOf(files[M1], '3.10'), 'AK094']]);
  });

  test('only on maatregelen, and `sources` is schema data', async () => {
    const csvAt = parseCorpusConfig(JSON.stringify({ schema: { sources: { file: 'data/codes.csv' } } })).schema;
    assert.equal(csvAt.sources.file, 'data/codes.csv');
    assert.deepEqual(csvAt.sources.frameworks, defaultSchema.sources.frameworks);
    const files = withCsv(damage(base, H1, 'rollen:', 'sources:\n  ADR:\n  - XX.1\nrollen:'));
    assert.deepEqual(
      (await triplesWithResources(files)).filter(([, , code]) => code === 'AK093' || code === 'AK094'),
      [],
    );
  });
});

describe('AK095 duplicate-glossary-term', () => {
  const glossary = [
    '*[AVG]: Algemene verordening gegevensbescherming.',
    '*[DPIA]: Data protection impact assessment.',
    '*[AVG]: Algemene verordening gegevensbescherming.',
    '*[dpia]: Een andere uitleg.',
    '*[Awb]:\tAlgemene wet bestuursrecht.',
    '*[AWB]: Algemene wet bestuursrecht.',
    '',
  ].join('\n');
  const files = { ...base, 'includes/begrippenlijst.md': glossary };

  test('the later definition, compared without case; the fix removes it only when it is the same', async () => {
    const found = (await findingsWithResources(files)).filter((f) => f.code === 'AK095');
    assert.deepEqual(
      found.map((f) => [f.path, f.range.start.line + 1, f.fixes.map((fix) => fix.safe)]),
      [
        ['includes/begrippenlijst.md', 3, [true]],
        ['includes/begrippenlijst.md', 4, []],
        ['includes/begrippenlijst.md', 6, [false]],
      ],
    );
    assert.match(found[0].message, /'AVG' staat al op regel 1 van de begrippenlijst, met dezelfde uitleg/);
    assert.match(found[1].message, /als 'DPIA', met een andere uitleg/);
    assert.match(found[2].message, /hoofdletters/);
  });

  test('akcheck --fix removes the same definition from the glossary file, and a second pass changes nothing', async () => {
    const fs = new MemoryFileSystem(files);
    const loaded = await loadCorpus(fs, defaultSchema);
    const fixed: string[] = [];
    await fixCorpus(fs, loaded, {}, (finding) => fixed.push(`${finding.path}:${finding.range.start.line + 1} ${finding.code}`));
    assert.deepEqual(fixed, ['includes/begrippenlijst.md:3 AK095']);
    const lines = glossary.split('\n');
    assert.equal(fs.text('includes/begrippenlijst.md'), [...lines.slice(0, 2), ...lines.slice(3)].join('\n'));
    const again: string[] = [];
    await fixCorpus(fs, await loadCorpus(fs, defaultSchema), {}, (finding) => again.push(finding.code));
    assert.deepEqual(again, []);
  });

  test('a corpus without a glossary has no AK095, and a glossary is no page (no other rule runs on it)', async () => {
    assert.deepEqual((await findingsWithResources(base)).length, 0);
    const codes = (await findingsWithResources(files)).map((f) => f.code);
    assert.ok(
      codes.every((code) => code === 'AK095'),
      JSON.stringify(codes),
    );
  });
});
