// The edits of renaming or moving pages and renaming headings: after them (and the file moves),
// every slug, link and anchor that worked still works, and nothing else changed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, checkCorpus, defaultSchema, type Finding, loadCorpus, MemoryFileSystem, movePagesEdits, type PageMove, renameHeadingEdits, type TextEdit } from '../../engine';
import { base, H1, M1, triples, V1, withFiles, type Files } from '../support/memoryCorpus';

const site = 'site_url: https://minbzk.github.io/Algoritmekader/\n';

async function load(files: Files) {
  return (await loadCorpus(new MemoryFileSystem(files), defaultSchema)).corpus;
}

/** The files after the edits and the moves. */
function apply(files: Files, edits: readonly TextEdit[], moves: readonly PageMove[] = []): Files {
  const result = { ...files };
  const byPath = new Map<string, TextEdit[]>();
  for (const edit of edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
  for (const [path, fileEdits] of byPath) result[path] = applyEdits(result[path], fileEdits);
  for (const { from, to } of moves) {
    result[to] = result[from];
    delete result[from];
  }
  return result;
}

/** Findings of broken slugs, values, links and anchors. */
async function broken(files: Files): Promise<Finding[]> {
  return checkCorpus(await load(files)).filter((finding) => ['AK020', 'AK040', 'AK041', 'AK051', 'AK070', 'AK071'].includes(finding.code));
}

const linkingPage = [
  '# Overzicht',
  '',
  '[vereiste](../voldoen-aan-wetten-en-regels/vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken.md#vereiste "uitleg")',
  '[ref]: <../voldoen-aan-wetten-en-regels/vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken.md>',
  '<a href="../../voldoen-aan-wetten-en-regels/vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken/#vereiste">html</a>',
  '[site](https://minbzk.github.io/Algoritmekader/voldoen-aan-wetten-en-regels/vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken/)',
  '[ontwerp](../levenscyclus/ontwerp.md)',
  '',
].join('\n');

const files = withFiles(base, { 'mkdocs.yml': site, 'docs/over/overzicht.md': linkingPage });

describe('moving and renaming pages', () => {
  test('renaming a vereiste rewrites its citations, its own directive and every link style, keeping fragments', async () => {
    const to = V1.replace('aia-08-transparantie-aan-gebruiksverantwoordelijken', 'aia-08-uitleg-aan-gebruiksverantwoordelijken');
    const moves = [{ from: V1, to }];
    const edits = movePagesEdits(await load(files), moves);
    const after = apply(files, edits, moves);
    assert.match(after[M1], /^- aia-08-uitleg-aan-gebruiksverantwoordelijken$/m);
    assert.match(after[to], /<!-- list_maatregelen vereiste\/aia-08-uitleg-aan-gebruiksverantwoordelijken no-search -->/);
    assert.equal(
      after['docs/over/overzicht.md'],
      linkingPage.replace(/aia-08-transparantie-aan-gebruiksverantwoordelijken/g, 'aia-08-uitleg-aan-gebruiksverantwoordelijken'),
      'each link keeps its style: relative .md path, <…>, title, raw-HTML URL, site URL',
    );
    assert.deepEqual(await broken(after), []);
  });

  test('moving a page to another folder recomputes the links to it and its own relative links', async () => {
    const page = [
      '# Verhuisd',
      '',
      '[terug](../over/overzicht.md) [zelf](oud.md#verhuisd) [anker](#verhuisd) <a href="../../rollen/jurist/">jurist</a> [extern](https://example.org)',
      '',
    ].join('\n');
    const start = withFiles(files, { 'docs/over/oud.md': page, 'docs/rollen/index.md': '# Rollen\n\n[oud](../over/oud.md#verhuisd)\n' });
    const moves = [{ from: 'docs/over/oud.md', to: 'docs/archief/2024/nieuw.md' }];
    const after = apply(start, movePagesEdits(await load(start), moves), moves);
    assert.equal(
      after['docs/archief/2024/nieuw.md'].split('\n')[2],
      '[terug](../../over/overzicht.md) [zelf](nieuw.md#verhuisd) [anker](#verhuisd) <a href="../../../rollen/jurist/">jurist</a> [extern](https://example.org)',
    );
    assert.equal(after['docs/rollen/index.md'], '# Rollen\n\n[oud](../archief/2024/nieuw.md#verhuisd)\n');
    assert.deepEqual(await broken(after), []);
  });

  test('moving a folder moves pages that link to each other in one edit', async () => {
    const start = withFiles(files, {
      'docs/over/a.md': '# A\n\n[b](b.md) [overzicht](overzicht.md)\n',
      'docs/over/b.md': '# B\n\n[a](a.md#a) [ontwerp](../levenscyclus/ontwerp.md)\n',
    });
    const moves = ['a.md', 'b.md', 'overzicht.md'].map((name) => ({ from: `docs/over/${name}`, to: `docs/uitleg/sub/${name}` }));
    const edits = movePagesEdits(await load(start), moves);
    const after = apply(start, edits, moves);
    assert.equal(after['docs/uitleg/sub/a.md'], start['docs/over/a.md'], 'links between pages that move together stay as they were');
    assert.equal(after['docs/uitleg/sub/b.md'], '# B\n\n[a](a.md#a) [ontwerp](../../levenscyclus/ontwerp.md)\n');
    assert.deepEqual(await broken(after), []);
  });

  test('renaming a taxonomy page rewrites the values in lists and directive filters', async () => {
    const start = withFiles(files, { 'docs/onderwerpen/index.md': '# Onderwerpen\n\n<!-- list_maatregelen onderwerp/transparantie -->\n' });
    const moves = [{ from: 'docs/onderwerpen/transparantie.md', to: 'docs/onderwerpen/openheid.md' }];
    const after = apply(start, movePagesEdits(await load(start), moves), moves);
    assert.match(after[V1], /^onderwerp:\n- openheid$/m);
    assert.match(after['docs/onderwerpen/index.md'], /onderwerp\/openheid/);
    assert.deepEqual(await broken(after), []);
  });

  test('a hulpmiddel citing a maatregel follows its rename', async () => {
    const to = M1.replace('2-owp-30-informeer-betrokkenen', '2-owp-30-informeer-alle-betrokkenen');
    const moves = [{ from: M1, to }];
    const after = apply(files, movePagesEdits(await load(files), moves), moves);
    assert.match(after[H1], /^- 2-owp-30-informeer-alle-betrokkenen$/m);
    assert.deepEqual(await broken(after), []);
  });
});

describe('renaming a heading', () => {
  const page = ['# Gids', '', '## Toelichting', '', '## Toelichting', '', '[eerste](#toelichting) [tweede](#toelichting_1) [top](#gids)', ''].join('\n');
  const start = withFiles(files, { 'docs/over/gids.md': page, 'docs/over/elders.md': '[tweede](gids.md#toelichting_1) <a href="../gids/#toelichting">html</a>\n' });

  test('rewrites every fragment whose id changes, also the shifted `_1` of a same-named heading', async () => {
    const corpus = await load(start);
    const gids = corpus.get('docs/over/gids.md')!;
    const after = apply(start, renameHeadingEdits(corpus, gids, 1, 'Uitleg'));
    assert.equal(after['docs/over/gids.md'].split('\n')[2], '## Uitleg');
    assert.equal(after['docs/over/gids.md'].split('\n')[6], '[eerste](#uitleg) [tweede](#toelichting) [top](#gids)');
    assert.equal(after['docs/over/elders.md'], '[tweede](gids.md#toelichting) <a href="../gids/#uitleg">html</a>\n');
    assert.deepEqual(triples(await broken(after)), []);
  });

  test('a heading with an id of its own keeps its links', async () => {
    const explicit = withFiles(start, { 'docs/over/gids.md': page.replace('## Toelichting\n', '## Toelichting { #uitleg }\n').replace('(#toelichting)', '(#uitleg)') });
    const corpus = await load(explicit);
    const edits = renameHeadingEdits(corpus, corpus.get('docs/over/gids.md')!, 1, 'Meer uitleg');
    assert.equal(edits.length, 1);
  });
});
