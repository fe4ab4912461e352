// What the site shows in place of a directive (the engine's siteDirectiveView), on corpora in memory.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Corpus, defaultSchema, listedDocuments, parseDocument, parseGlossary, siteDirectiveView, withLinksFrom, type SiteDirectiveView } from '../../engine';
import { content, type Files } from '../support/memoryCorpus';

const vereiste = (slug: string, id: string, title: string, extra = '') =>
  `---\ntitle: ${title}\nid: urn:nl:ak:ver:${id}\ntoelichting: x\nlevenscyclus:\n- ontwerp\nonderwerp:\n- transparantie\nrollen:\n- jurist\n${extra}---\n\n<!-- tags -->\n\n<!-- list_maatregelen vereiste/${slug} -->\n`;
const maatregel = (id: string, title: string, vereisten: string[], extra = '') =>
  `---\ntitle: ${title}\nid: urn:nl:ak:mtr:${id}\ntoelichting: x\nlevenscyclus:\n- ontwerp\n- ontwikkelen\nonderwerp:\n- transparantie\nrollen:\n- projectleider\nvereiste:\n${vereisten.map((v) => `- ${v}\n`).join('')}${extra}---\n\n<!-- list_vereisten_on_maatregelen_page -->\n`;

const files: Files = {
  'docs/levenscyclus/ontwerp.md': '---\ntitle: Ontwerp\n---\n',
  'docs/levenscyclus/ontwikkelen.md': '---\ntitle: Ontwikkelen\n---\n',
  'docs/onderwerpen/transparantie.md': '---\ntitle: Transparantie\n---\n',
  'docs/rollen/projectleider.md': '---\ntitle: Projectleider\n---\n',
  'docs/rollen/jurist.md': '---\ntitle: Jurist\n---\n',
  'docs/ai-verordening/ai-verordening-in-het-kort.md': '# AI-verordening in het kort\n',
  [`${content}/vereisten/aia-01-ai-geletterdheid.md`]: vereiste(
    'aia-01-ai-geletterdheid',
    'aia-01',
    'AI-geletterdheid',
    'soort-toepassing:\n- ai-systeem\n- ai-model-voor-algemene-doeleinden\nrisicogroep:\n- hoog-risico-ai-systeem\n- niet-van-toepassing\nrol-ai-act:\n- aanbieder\n',
  ),
  [`${content}/vereisten/avg-01-rechtmatig.md`]: vereiste('avg-01-rechtmatig', 'avg-01', 'Rechtmatig verwerken', 'risicogroep:\n- hoog-risico-ai-systeem\n'),
  // File names decide the order, code point by code point: upper case before lower case.
  [`${content}/maatregelen/b-owp-02-b.md`]: maatregel('owp-02', 'Tweede', ['aia-01-ai-geletterdheid', 'avg-01-rechtmatig']),
  [`${content}/maatregelen/0-org-01-a.md`]: maatregel('org-01', 'Eerste', ['aia-01-ai-geletterdheid']),
  [`${content}/maatregelen/Z-org-09-c.md`]: maatregel('org-09', 'Hoofdletter', ['aia-01-ai-geletterdheid', 'aia-99-bestaat-niet']),
  'includes/begrippenlijst.md': '*[AVG]: Algemene verordening gegevensbescherming.\n*[AIA]: AI-verordening\n',
};

function corpusOf(source: Files): Corpus {
  const corpus = new Corpus(defaultSchema);
  for (const [path, text] of Object.entries(source)) if (path.startsWith('docs/')) corpus.set(parseDocument(path, text, defaultSchema));
  corpus.resources = { glossary: parseGlossary('includes/begrippenlijst.md', source['includes/begrippenlijst.md']) };
  return corpus;
}

/** The view of the directive named `name` on page `path`, with a changed directive line when `comment` is given. */
function view(path: string, name: string, comment?: string, source: Files = files): SiteDirectiveView {
  const text = comment ? source[path].replace(new RegExp(`<!-- ${name}[^>]*-->`), comment) : source[path];
  const corpus = corpusOf({ ...source, [path]: text });
  const document = corpus.get(path)!;
  const directive = document.directives.find((d) => d.name === (comment ? /<!--\s*(\S+)/.exec(comment)![1] : name))!;
  return withLinksFrom(siteDirectiveView(corpus, document, directive), path);
}

const aia01 = `${content}/vereisten/aia-01-ai-geletterdheid.md`;
const avg01 = `${content}/vereisten/avg-01-rechtmatig.md`;
const owp02 = `${content}/maatregelen/b-owp-02-b.md`;

describe('list_* tables', () => {
  test('rows are the documents the filter selects, in file-name order, with every column; links lead from the page', () => {
    const table = view(aia01, 'list_maatregelen');
    assert.equal(table.kind, 'table');
    if (table.kind !== 'table') return;
    assert.deepEqual(table.headers, ['Maatregelen', 'Rollen', 'Levenscyclus', 'Onderwerpen']);
    assert.equal(table.search, true);
    assert.deepEqual(
      table.rows.map((row) => row.cells[0]),
      [
        { shows: 'title', text: 'Eerste', target: '../maatregelen/0-org-01-a.md' },
        { shows: 'title', text: 'Hoofdletter', target: '../maatregelen/Z-org-09-c.md' },
        { shows: 'title', text: 'Tweede', target: '../maatregelen/b-owp-02-b.md' },
      ],
    );
    assert.deepEqual(table.rows[0].cells[1], {
      shows: 'labels',
      labels: [{ key: 'rollen', value: 'projectleider', text: 'projectleider', target: '../../rollen/projectleider.md' }],
    });
    assert.equal(table.problem, undefined);
  });

  test('no-X hides a column or the search field, add-X shows it again; the filter argument counts too', () => {
    const table = view(aia01, 'list_maatregelen', '<!-- list_maatregelen vereiste/aia-01-ai-geletterdheid no-search no-rol no-levenscyclus add-rol -->');
    assert.ok(table.kind === 'table');
    assert.deepEqual(table.headers, ['Maatregelen', 'Rollen', 'Onderwerpen']);
    assert.equal(table.search, false);
  });

  test('only the first argument filters', () => {
    const table = view(aia01, 'list_maatregelen', '<!-- list_maatregelen vereiste/aia-01-ai-geletterdheid vereiste/avg-01-rechtmatig -->');
    assert.ok(table.kind === 'table');
    assert.equal(table.rows.length, 3);
  });

  test('an empty table says why: no match, an unknown slug, a key the listed type has not', () => {
    const noMatch = view(avg01, 'list_maatregelen', '<!-- list_maatregelen levenscyclus/monitoring-en-beheer -->');
    assert.ok(noMatch.kind === 'table' && noMatch.rows.length === 0);
    assert.match(noMatch.problem!, /Geen enkele maatregel past bij `levenscyclus\/monitoring-en-beheer`/);
    const unknown = view(avg01, 'list_maatregelen', '<!-- list_maatregelen vereiste/avg-99-weg -->');
    assert.ok(unknown.kind === 'table');
    assert.match(unknown.problem!, /Er is geen vereiste `avg-99-weg`/);
    const wrongKey = view(avg01, 'list_maatregelen', '<!-- list_maatregelen risicogroep/hoog-risico-ai-systeem -->');
    assert.ok(wrongKey.kind === 'table');
    assert.match(wrongKey.problem!, /`risicogroep` is geen lijstsleutel van een maatregel/);
  });

  test('list_vereisten has the law column: named by the glossary, or abbreviated with the name as a tooltip', () => {
    const table = view(owp02, 'list_vereisten_on_maatregelen_page', '<!-- list_vereisten -->');
    assert.ok(table.kind === 'table');
    assert.deepEqual(table.headers, ['Vereisten', 'Wetgeving', 'Rollen', 'Levenscyclus', 'Onderwerpen']);
    assert.deepEqual(
      table.rows.map((row) => row.cells[1]),
      [
        { shows: 'law', text: 'AI-verordening' },
        { shows: 'law', text: 'AVG', abbreviation: 'Algemene verordening gegevensbescherming' },
      ],
    );
  });

  test('listedDocuments gives the rows in the same order, for the hover', () => {
    const corpus = corpusOf(files);
    const document = corpus.get(aia01)!;
    const listed = listedDocuments(
      corpus,
      document.directives.find((d) => d.name === 'list_maatregelen')!,
    )!;
    assert.deepEqual(
      listed.map((d) => d.slug),
      ['0-org-01-a', 'Z-org-09-c', 'b-owp-02-b'],
    );
  });
});

describe("the page's own list", () => {
  test('list_vereisten_on_maatregelen_page: id and title of each vereiste, and the slug alone for an unknown one', () => {
    const table = view(`${content}/maatregelen/Z-org-09-c.md`, 'list_vereisten_on_maatregelen_page');
    assert.deepEqual(table, {
      kind: 'ownTable',
      listedType: 'vereiste',
      headers: ['ID', 'Vereiste'],
      rows: [
        { slug: 'aia-01-ai-geletterdheid', document: { target: '../vereisten/aia-01-ai-geletterdheid.md', id: 'aia-01', title: 'AI-geletterdheid' } },
        { slug: 'aia-99-bestaat-niet', document: undefined },
      ],
      emptyText: undefined,
    });
  });

  test("an empty list shows the site's sentence; on a vereiste the directive does not work", () => {
    const empty = view(owp02, 'list_vereisten_on_maatregelen_page', undefined, { ...files, [owp02]: maatregel('owp-02', 'Tweede', []).replace('vereiste:\n', '') });
    assert.deepEqual(empty, { kind: 'ownTable', listedType: 'vereiste', headers: ['ID', 'Vereiste'], rows: [], emptyText: 'Geen vereisten beschikbaar voor deze maatregel.' });
    const wrongPage = view(aia01, 'list_maatregelen', '<!-- list_vereisten_on_maatregelen_page -->');
    assert.ok(wrongPage.kind === 'nothing');
    assert.match(wrongPage.problem, /werkt alleen op de pagina van een maatregel of hulpmiddel/);
  });
});

describe('labels', () => {
  test("tags: the id's last six characters, then levenscyclus, rollen and onderwerp as the site writes them, linked to their pages", () => {
    const labels = view(owp02, 'tags', '<!-- tags -->', { ...files, [owp02]: files[owp02].replace('<!-- list_vereisten_on_maatregelen_page -->', '<!-- tags -->') });
    assert.ok(labels.kind === 'labels');
    assert.deepEqual(
      labels.labels.map((label) => [label.key, label.text, label.target]),
      [
        ['id', 'owp-02', undefined],
        ['levenscyclus', 'Ontwerp', '../../levenscyclus/ontwerp.md'],
        ['levenscyclus', 'Ontwikkelen', '../../levenscyclus/ontwikkelen.md'],
        ['rollen', 'Projectleider', '../../rollen/projectleider.md'],
        ['onderwerp', 'Transparantie', '../../onderwerpen/transparantie.md'],
      ],
    );
  });

  test('tags-ai-act: the AI-Act labels without "niet van toepassing", explained; another law gets a sentence; no id stops the build', () => {
    const aiAct = view(aia01, 'tags', '<!-- tags-ai-act -->');
    assert.ok(aiAct.kind === 'labels');
    assert.equal(aiAct.intro, 'ai-act');
    assert.deepEqual(
      aiAct.labels.map((label) => [label.key, label.text, label.target]),
      [
        ['soort-toepassing', 'AI-systeem', '../../ai-verordening/ai-verordening-in-het-kort.md#ai-systeem'],
        ['soort-toepassing', 'AI-model voor algemene doeleinden', '../../ai-verordening/ai-verordening-in-het-kort.md#ai-model-voor-algemene-doeleinden'],
        // The page this label links to is not in this corpus: no link.
        ['risicogroep', 'Hoog risico AI-systeem', undefined],
        ['rol-ai-act', 'Aanbieder', '../../ai-verordening/ai-verordening-in-het-kort.md#aanbieder'],
      ],
    );
    assert.deepEqual(view(avg01, 'tags', '<!-- tags-ai-act -->'), { kind: 'labels', labels: [], intro: 'other-law' });
    const withoutId = view(avg01, 'tags', '<!-- tags-ai-act -->', { ...files, [avg01]: files[avg01].replace('id: urn:nl:ak:ver:avg-01\n', '') });
    assert.ok(withoutId.kind === 'nothing');
    assert.match(withoutId.problem, /geen `id`/);
  });

  test('an unknown directive shows nothing on the site', () => {
    const unknown = view(aia01, 'tags', '<!-- list_instrumenten -->');
    assert.deepEqual(unknown, { kind: 'nothing', problem: 'Onbekende directive `list_instrumenten`: de site toont hier niets.' });
  });
});
