// The Markdown preview of every page of the real corpus (read-only, skipped visibly when absent):
// each renders, each directive is expanded from the index, no syntax of the site shows as text.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Corpus, loadCorpus, loadCorpusConfig } from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import { realCorpusRoot, skipReason } from '../support/realCorpus';
import { renderPage } from '../support/sitePreview';

const skip = realCorpusRoot ? false : skipReason;
const v = 'docs/voldoen-aan-wetten-en-regels/vereisten/';
const m = 'docs/voldoen-aan-wetten-en-regels/maatregelen/';

/** The text of the HTML outside code, comments and tags: what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"');
}

describe('the preview of the real corpus', { skip }, () => {
  let corpus: Corpus;
  before(async () => {
    const fs = new NodeFileSystem(realCorpusRoot!);
    corpus = (await loadCorpus(fs, (await loadCorpusConfig(fs)).schema)).corpus;
  });

  test('every page renders; every directive is expanded; no !!!, ???, === or { … } of the site shows as text', () => {
    let pages = 0;
    let directives = 0;
    for (const document of corpus.all()) {
      const html = renderPage(corpus, document);
      pages++;
      directives += document.directives.length;
      assert.equal((html.match(/class="ak-directive"/g) ?? []).length, document.directives.length, `${document.path}: every directive expanded`);
      assert.doesNotMatch(html, /ak-loading/, document.path);
      const text = visibleText(html);
      assert.doesNotMatch(text, /^[ \t]*(!!!|\?\?\?\+?|===[!+]*)[ \t]+["\w]/m, `${document.path}: a block marker shows as text`);
      assert.doesNotMatch(text, /\{[ :]*[.#]?[\w-]+(=\S+)?[ ]*\}/, `${document.path}: an attribute list shows as text`);
    }
    assert.ok(pages > 200 && directives > 500, `${pages} pages, ${directives} directives`);
  });

  test('the seed page aia-29: the maatregelen its directive selects, its labels, and its AI-Act labels explained', () => {
    const html = renderPage(corpus, corpus.get(`${v}aia-29-ai-modellen-algemene-doeleinden.md`)!);
    const table = /data-ak-directive="list_maatregelen" data-ak-rows="5"><table class="ak-table"><thead><tr><th>Maatregelen<\/th><\/tr><\/thead><tbody>(.*?)<\/tbody>/.exec(html);
    assert.ok(table, 'a table of five maatregelen, title column only (no-search no-onderwerp no-rol no-levenscyclus)');
    assert.deepEqual(
      [...table[1].matchAll(/<a href="\.\.\/maatregelen\/([^"]+)\.md">/g)].map((match) => match[1]),
      [
        '2-owp-15-bespreek-vereisten-met-aanbieders',
        '2-owp-16-vereisten-onderdeel-algemene-inkoopvoorwaarden-en-contractovereenkomst',
        '2-owp-21-ruimte-voor-samenwerking-met-aanbieder',
        '2-owp-23-uitvoeren-audit-voor-naleving-vereisten',
        '2-owp-27-maak-vereisten-onderdeel-van-programma-van-eisen',
      ],
    );
    const labels = (name: string) =>
      [...(new RegExp(`data-ak-directive="${name}">(.*?)</div>`).exec(html)?.[1] ?? '').matchAll(/<span class="mdx-badge__text">(?:<a [^>]*>)?([^<]*)/g)].map((match) => match[1]);
    assert.deepEqual(labels('tags'), ['aia-29', 'Ontwerp', 'Ontwikkelen', 'Monitoring en beheer', 'Projectleider', 'Transparantie']);
    assert.deepEqual(labels('tags-ai-act'), ['AI-model voor algemene doeleinden', 'Aanbieder', 'Systeemrisico', 'Geen systeemrisico']);
    assert.match(html, /<p data-ak-intro="ai-act">Deze vereiste is van toepassing voor onderstaande \(combinatie van\) labels/);
    assert.match(html, /<h2 data-search-exclude="" id="maatregelen">Maatregelen<\/h2>/);
  });

  test('a maatregel: its vereisten in a collapsible expander, the slugs that name no vereiste marked', () => {
    const html = renderPage(corpus, corpus.get(`${m}2-owp-30-informeer-betrokkenen.md`)!);
    const expander =
      /<details class="expander"><summary>Bekijk alle vereisten<\/summary><div class="ak-directive" data-ak-directive="list_vereisten_on_maatregelen_page" data-ak-rows="(\d+)">(.*?)<\/details>/s.exec(
        html,
      );
    assert.ok(expander, 'the vereisten table inside the expander');
    for (const slug of ['aia-08-transparantie-aan-gebruikersverantwoordelijken', 'aia-28-transparantieverplichtingen-richting-natuurlijke-personen']) {
      assert.match(expander[2], new RegExp(`<tr><td><span class="ak-slug">${slug}</span></td><td><span class="ak-marker">Er is geen vereiste met deze slug`), slug);
    }
  });
});
