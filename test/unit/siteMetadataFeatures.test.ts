// The language features for the metadata the site interprets, as pure functions on an in-memory
// corpus with its resource files: hover and completion of `sources` codes and `uitzondering` labels,
// the glossary's tooltip in the page text, the outline with the template's sections, and new pages
// from the corpus's own template.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList, DocumentSymbol, Hover, Position } from 'vscode-languageserver-types';
import { checkDocument, type Corpus, defaultSchema, loadCorpus, MemoryFileSystem, parseDocument, type ParsedDocument } from '../../engine';
import { complete } from '../../server/src/languageFeatures/completion';
import { hover } from '../../server/src/languageFeatures/hover';
import { newDocument } from '../../server/src/languageFeatures/newDocument';
import { outline } from '../../server/src/languageFeatures/outline';
import { base, damage, M1, V2, type Files } from '../support/memoryCorpus';

const csv =
  'nummer;maatregel;source\nSV.12;De capaciteit en deskundigheid is toereikend.;Onderzoekskader Auditdienst Rijk\n3.10;Geen automatische besluitvorming.;Toetsingskader Algemene Rekenkamer\n';
const glossary = '*[DPIA]: Data protection impact assessment, een verplichte analyse van privacyrisico’s.\n*[AVG]: Algemene verordening gegevensbescherming.\n';
const resources: Files = { 'script/maatregelen-adr-ark.csv': csv, 'includes/begrippenlijst.md': glossary };

async function corpusOf(files: Files): Promise<Corpus> {
  return (await loadCorpus(new MemoryFileSystem({ ...files, ...resources }), defaultSchema)).corpus;
}

/** The document at `path` and the position of the `‸` in its text (which is taken out). */
async function at(files: Files, path: string): Promise<{ corpus: Corpus; document: ParsedDocument; position: Position }> {
  const marked = files[path];
  const offset = marked.indexOf('‸');
  assert.ok(offset !== -1, 'no ‸ in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const corpus = await corpusOf({ ...files, [path]: text });
  const document = corpus.get(path)!;
  return { corpus, document, position: document.text.positionAt(offset) };
}

const hoverText = (result: Hover | null) => (result?.contents as { value: string } | undefined)?.value ?? '';

describe('sources: hover and completion of the audit-framework codes', () => {
  test('hover on a code shows its framework and text from the CSV; an unknown code says so', async () => {
    const files = damage(base, M1, 'rollen:', 'sources:\n  ADR:\n  - SV.1‸2\n  ARK: 3.11\nrollen:');
    const { corpus, document, position } = await at(files, M1);
    assert.equal(hoverText(hover(corpus, document, position)), '**ADR SV\\.12** · Onderzoekskader Auditdienst Rijk\n\nDe capaciteit en deskundigheid is toereikend\\.');
    const unknown = hover(corpus, document, { line: position.line + 1, character: 9 });
    assert.match(hoverText(unknown), /`ARK 3\.11` staat niet in het Toetsingskader Algemene Rekenkamer/);
  });

  test('completion offers the codes of the key with their text, inserted quoted (3.10 stays 3.10)', async () => {
    const listItem = await at(damage(base, M1, 'rollen:', 'sources:\n  ADR:\n  -‸\nrollen:'), M1);
    const items = (complete(listItem.corpus, listItem.document, listItem.position) as CompletionList).items;
    assert.deepEqual(
      items.map((item) => [item.label, item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '']),
      [['SV.12', ' "SV.12"']],
    );
    assert.match((items[0].documentation as { value: string }).value, /deskundigheid/);
    const scalar = await at(damage(base, M1, 'rollen:', 'sources:\n  ARK: 3.‸\nrollen:'), M1);
    const ark = (complete(scalar.corpus, scalar.document, scalar.position) as CompletionList).items;
    assert.deepEqual(
      ark.map((item) => (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '')),
      ['"3.10"'],
    );
    assert.equal(ark[0].detail, 'Geen automatische besluitvorming.');
  });
});

describe('uitzondering: hover in words, completion of labels', () => {
  const expression = '("soort-toepassing-ai-systeem-voor-algemene-doeleinden" || "soort-toepassing-ai-systeem") && !"open-source-open-source"';

  test('hover says when the uitzondering holds, and what the label under the cursor is', async () => {
    const files = damage(base, V2, 'rollen:', `uitzondering:\n- ${expression.replace('"soort-toepassing-ai-systeem")', '"soort-toepassing-ai-sys‸teem")')}\nrollen:`);
    const { corpus, document, position } = await at(files, V2);
    assert.equal(
      hoverText(hover(corpus, document, position)),
      '**Uitzondering** · geldt als (soort toepassing is AI\\-systeem voor algemene doeleinden of soort toepassing is AI\\-systeem) en open source is niet open source.\n\n`soort-toepassing-ai-systeem`: soort toepassing: AI\\-systeem',
    );
    const standalone = await at(damage(base, V2, 'rollen:', 'uitzondering:\n- risicogroep-uitzondering‸-van-toepassing\nrollen:'), V2);
    assert.match(hoverText(hover(standalone.corpus, standalone.document, standalone.position)), /geldt als risicogroep is uitzondering van toepassing/);
    const broken = await at(damage(base, V2, 'rollen:', 'uitzondering:\n- ("systeemrisico-systeem‸risico"\nrollen:'), V2);
    assert.match(hoverText(hover(broken.corpus, broken.document, broken.position)), /Ongeldige uitzondering.*zonder bijbehorende/);
  });

  test('completion inside quotes offers the labels with their names; outside, quoted labels and the item that stands alone', async () => {
    const inside = await at(damage(base, V2, 'rollen:', 'uitzondering:\n- ("soort-‸\nrollen:'), V2);
    const labels = (complete(inside.corpus, inside.document, inside.position) as CompletionList).items;
    const item = labels.find((label) => label.label === 'soort-toepassing-ai-systeem')!;
    assert.equal(item.detail, 'soort toepassing: AI-systeem');
    assert.deepEqual(item.textEdit && 'range' in item.textEdit ? [item.textEdit.newText, item.textEdit.range.start.character] : [], ['soort-toepassing-ai-systeem"', 4]);
    const empty = await at(damage(base, V2, 'rollen:', 'uitzondering:\n- ‸\nrollen:'), V2);
    const offered = (complete(empty.corpus, empty.document, empty.position) as CompletionList).items;
    assert.ok(
      offered.some(
        (o) => o.label === 'risicogroep-uitzondering-van-toepassing' && o.textEdit && 'newText' in o.textEdit && o.textEdit.newText === 'risicogroep-uitzondering-van-toepassing',
      ),
    );
    assert.ok(offered.some((o) => o.textEdit && 'newText' in o.textEdit && o.textEdit.newText === '"rol-ai-act-aanbieder"'));
  });
});

describe('the glossary in the page text', () => {
  test('hover on a term shows its definition, as the site tooltip does; not in the frontmatter or in code', async () => {
    const files = damage(base, V2, 'Tekst.\n\n## Bronnen', 'Voer een DP‸IA uit volgens de AVG.\n\n```\nDPIA\n```\n\n## Bronnen');
    const { corpus, document, position } = await at(files, V2);
    const result = hover(corpus, document, position)!;
    assert.equal(hoverText(result), '**DPIA**: Data protection impact assessment, een verplichte analyse van privacyrisico’s\\.\n\n*Begrippenlijst, regel 1*');
    assert.deepEqual(result.range, { start: { line: position.line, character: 9 }, end: { line: position.line, character: 13 } });
    assert.equal(hover(corpus, document, { line: position.line + 2, character: 1 }), null);
    assert.equal(hover(corpus, document, { line: 1, character: 8 }), null);
  });
});

describe('the outline', () => {
  test('headings nested by level; the sections of the template marked, a missing one listed where it belongs', async () => {
    const files = damage(damage(base, V2, '## Bronnen\n\nTekst.\n', '## Bronnen\n\n### Wetten\n\nTekst.\n'), V2, '## Risico\n\nTekst.\n\n', '');
    const corpus = await corpusOf(files);
    const symbols = outline(corpus, corpus.get(V2)!);
    const shown = (list: DocumentSymbol[]): unknown[] => list.map((s) => [s.name, s.detail ?? '', ...(s.children?.length ? [shown(s.children)] : [])]);
    assert.deepEqual(shown(symbols), [
      ['Vereiste', 'sectie van het sjabloon (vereiste)'],
      ['Toelichting', 'sectie van het sjabloon (vereiste)'],
      ['Bronnen', 'sectie van het sjabloon (vereiste)', [['Wetten', '']]],
      ['Van toepassing op', 'sectie van het sjabloon (vereiste)'],
      ['⚠ Risico', 'ontbreekt: sectie van het sjabloon (vereiste)'],
      ['Maatregelen', 'sectie van het sjabloon (vereiste)'],
    ]);
  });
});

describe('new pages from the corpus template', () => {
  const template = [
    '---',
    '# Dit template dient als voorbeeld.',
    'title: Hier staat de titel',
    'id: urn:nl:ak:mtr:owp-00',
    'toelichting: Hier staat in enkele zinnen uitgelegd wat de regel inhoudt.',
    '# een opmerking',
    'levenscyclus:',
    '- ontwerp',
    'onderwerp:',
    '- data',
    'rollen:',
    '- jurist',
    'vereiste:',
    '- aia-03-risicobeheersysteem',
    'sources:',
    '  ADR:',
    '  - PRI.11',
    'hide:',
    '- navigation',
    '- toc',
    '---',
    '',
    '<!-- Onderstaande comment met "tags" laten staan -->',
    '<!-- tags -->',
    '',
    '## Maatregel',
    'Hier staat nog een keer duidelijk de maatregel.',
    '',
    '## Toelichting',
    'Wat is het advies?',
    '<!-- Een opmerking over',
    'twee regels. -->',
    '',
    '## Risico',
    '',
    '## Bijbehorende vereiste(n) { data-search-exclude }',
    '??? expander "Bekijk alle vereisten"',
    '    <!-- list_vereisten_on_maatregelen_page -->',
    '',
    '## Bronnen',
    '- [Gebruikte bron bij deze maatregel](url)',
    '',
    '## Voorbeelden',
    '',
    '!!! example "Voorbeeld 1"',
    '\tHier staat meer beschreven.',
    '',
    '       Nog een alinea.',
    '',
    'Heb je een voorbeeld? Mail [ons](mailto:algoritmes@example.org).',
    '',
  ].join('\n');

  test('the template with its instructions and example values out, the next id and file name in', async () => {
    const corpus = await corpusOf({ ...base, 'templates/template-maatregel.md': template });
    const created = newDocument(corpus, 'maatregel', 'Leg de bewaartermijn vast', 'owp');
    assert.equal(created.path, 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-31-leg-de-bewaartermijn-vast.md');
    assert.equal(
      created.text,
      [
        '---',
        'title: Leg de bewaartermijn vast',
        'id: urn:nl:ak:mtr:owp-31',
        'toelichting: ',
        'levenscyclus:',
        '- ',
        'onderwerp:',
        '- ',
        'rollen:',
        '- ',
        'vereiste:',
        '- ',
        'sources:',
        '  ADR:',
        '  - ',
        'hide:',
        '- navigation',
        '- toc',
        '---',
        '',
        '<!-- tags -->',
        '',
        '## Maatregel',
        '',
        '## Toelichting',
        '',
        '## Risico',
        '',
        '## Bijbehorende vereiste(n) { data-search-exclude }',
        '',
        '??? expander "Bekijk alle vereisten"',
        '    <!-- list_vereisten_on_maatregelen_page -->',
        '',
        '## Bronnen',
        '',
        '## Voorbeelden',
        '',
        'Heb je een voorbeeld? Mail [ons](mailto:algoritmes@example.org).',
        '',
      ].join('\n'),
    );
    const document = parseDocument(created.path, created.text, defaultSchema);
    corpus.set(document);
    // Only the empty fields the author fills in are findings.
    assert.deepEqual(
      checkDocument(corpus, document).map((f) => f.code),
      ['AK021', 'AK021', 'AK021', 'AK021', 'AK093'],
    );
  });

  test('a vereiste template: its directive points at the new page; without a template, the built-in one has every section too', async () => {
    const vereisteTemplate = '---\ntitle: x\nid: urn:nl:ak:ver:aia-00\n---\n\n<!-- tags -->\n\n## Maatregelen\n\n<!-- list_maatregelen vereiste/aia-02-iets no-search -->\n';
    const corpus = await corpusOf({ ...base, 'templates/template-vereiste.md': vereisteTemplate });
    const created = newDocument(corpus, 'vereiste', 'Nieuw', 'avg');
    assert.ok(created.text.includes('<!-- list_maatregelen vereiste/avg-02-nieuw no-search -->'), created.text);
    for (const type of ['vereiste', 'maatregel', 'hulpmiddel'] as const) {
      const plain = await corpusOf(base);
      const page = newDocument(plain, type, 'Een nieuwe pagina', type === 'vereiste' ? 'avg' : 'owp');
      const document = parseDocument(page.path, page.text, defaultSchema);
      plain.set(document);
      const codes = checkDocument(plain, document).map((f) => f.code);
      assert.ok(
        codes.every((code) => code === 'AK021' || code === 'AK055'),
        `${type}: ${codes.join(', ')}`,
      );
    }
  });
});
