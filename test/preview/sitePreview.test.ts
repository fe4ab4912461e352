// The Markdown preview's plugin on markdown-it set up as VS Code sets it up: pages parsed with an
// empty env and rendered with the page named, directives filled from the server's preview data.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MarkdownIt } from 'markdown-it';
import type { PreviewData } from '../../protocol';
import { previewData } from '../../server/src/languageFeatures/previewData';
import { content, memoryCorpus, type Files } from '../support/memoryCorpus';
import { previewMarkdown, renderAs } from '../support/sitePreview';

const page = 'docs/pagina.md';
const plain = previewMarkdown(() => null);
const render = (text: string, md: MarkdownIt = plain) => renderAs(md, text, page);
/** The HTML without VS Code-independent noise: line breaks between tags. */
const compact = (html: string) => html.replace(/>\n+</g, '><').trim();

describe('blocks of the site', () => {
  test('an admonition with its indented body, its title as written or its type capitalised, or none for ""', () => {
    assert.equal(
      compact(render('!!! example "Voorbeeld *één*"\n    Tekst met **nadruk**.\n\n    - een lijst\n')),
      '<div class="admonition example"><p class="admonition-title">Voorbeeld <em>één</em></p><p>Tekst met <strong>nadruk</strong>.</p><ul><li>een lijst</li></ul></div>',
    );
    assert.match(render('!!! tip\n    x\n'), /<p class="admonition-title">Tip<\/p>/);
    assert.doesNotMatch(render('!!! warning ""\n    x\n'), /admonition-title/);
  });

  test('??? is a closed details block, ???+ an open one; the body may hold anything, a directive too', () => {
    assert.equal(compact(render('??? expander "Bekijk alle vereisten"\n    Tekst\n')), '<details class="expander"><summary>Bekijk alle vereisten</summary><p>Tekst</p></details>');
    assert.match(render('???+ note "Open"\n    Tekst\n'), /<details class="note" open="open"><summary>Open<\/summary>/);
    assert.match(
      render('!!! note\n    ??? info "Binnen"\n        diep\n'),
      /<div class="admonition note">.*<details class="info"><summary>Binnen<\/summary>\s*<p>diep<\/p>\s*<\/details>\s*<\/div>/s,
    );
  });

  test('an admonition whose text is not indented renders empty, as on the site, with a marker; the text follows outside', () => {
    const html = compact(render('!!! tip "Let op"\nNiet ingesprongen.\n'));
    assert.match(
      html,
      /^<div class="admonition tip"><p class="admonition-title">Let op<\/p><p class="ak-marker">Op de site blijft dit blok leeg[^<]*<\/p><\/div><p>Niet ingesprongen.<\/p>$/,
    );
  });

  test('content tabs: consecutive tabs are one set (the first selected, or the one with +); ===! starts a new set', () => {
    const html = compact(render('=== "Eén"\n    een\n\n===+ "Twee"\n    twee\n\n===! "Drie"\n    drie\n'));
    const sets = html.match(/<div class="tabbed-set tabbed-alternate" data-tabs="(\d+):(\d+)">/g);
    assert.deepEqual(sets, ['<div class="tabbed-set tabbed-alternate" data-tabs="1:2">', '<div class="tabbed-set tabbed-alternate" data-tabs="2:1">']);
    assert.match(
      html,
      /<input type="radio" name="__tabbed_1" id="__tabbed_1_1"><input type="radio" name="__tabbed_1" id="__tabbed_1_2" checked="checked"><div class="tabbed-labels"><label for="__tabbed_1_1">Eén<\/label><label for="__tabbed_1_2">Twee<\/label><\/div>/,
    );
    assert.match(html, /<div class="tabbed-block"><p>een<\/p><\/div><div class="tabbed-block"><p>twee<\/p><\/div><\/div><\/div>/);
  });

  test('attribute lists: classes and ids applied, nothing of them shown, no event handlers', () => {
    const html = render('[Direct naar de BIO](https://example.org){ .button .md-button--secondary } en [a](b.md){ onclick="kwaad()" #anker }\n');
    assert.match(html, /<a href="https:\/\/example.org" class="button md-button--secondary">Direct naar de BIO<\/a>/);
    assert.match(html, /<a href="b.md" id="anker">a<\/a>/);
    assert.doesNotMatch(html, /[{}]|onclick/);
    assert.equal(compact(render('Een alinea met een klasse.\n{: #alinea .opvallend }\n')), '<p id="alinea" class="opvallend">Een alinea met een klasse.</p>');
  });

  test('footnotes get the ids Python-Markdown gives them; task lists get checkboxes', () => {
    const html = render('Tekst[^bron].\n\n[^bron]: De bron.\n\n- [x] klaar\n- [ ] open\n');
    assert.match(html, /<a href="#fn:bron" id="fnref:bron">/);
    assert.match(html, /<li id="fn:bron" class="footnote-item">/);
    assert.match(html, /<input class="task-list-item-checkbox" checked="" disabled="" type="checkbox">/);
  });
});

describe('heading ids as the site makes them', () => {
  test('the slug of the shown text (Python-Markdown), the attribute list removed, _1 for a repeat, an #id of its own kept and avoided', () => {
    const html = render('## Één stap { data-search-exclude }\n\n## Toelichting\n\n## Toelichting\n\n## Eigen {#toelichting_1}\n\n## `Code` en [link](x.md)\n');
    assert.deepEqual(
      [...html.matchAll(/<h2[^>]*id="([^"]*)"[^>]*>(.*?)<\/h2>/g)].map((m) => [m[1], m[2]]),
      [
        ['een-stap', 'Één stap'],
        ['toelichting', 'Toelichting'],
        ['toelichting_2', 'Toelichting'],
        ['toelichting_1', 'Eigen'],
        ['code-en-link', '<code>Code</code> en <a href="x.md">link</a>'],
      ],
    );
  });

  test("VS Code sets its own id after the plugins (GitHub-style): the site's id is set again", () => {
    const md = previewMarkdown(() => null);
    const inner = md.renderer.rules.heading_open!;
    md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
      tokens[idx].attrSet('id', 'github-style-id');
      return inner(tokens, idx, options, env, self);
    };
    assert.match(render('## Maatregelen { data-search-exclude }\n', md), /<h2 data-search-exclude="" id="maatregelen">Maatregelen<\/h2>/);
  });
});

describe('where Python-Markdown reads differently from markdown-it', () => {
  test('a list right under a paragraph line is text of the paragraph, with a marker', () => {
    const html = compact(render('Stel deze vragen:\n- Wie?\n- Wat?\n'));
    assert.match(html, /^<p>Stel deze vragen:\n- Wie\?\n- Wat\?<\/p><p class="ak-marker">Op de site is deze lijst gewone tekst/);
    assert.doesNotMatch(html, /<ul>/);
    assert.match(render('Stel deze vragen:\n\n- Wie?\n- Wat?\n'), /<ul>\s*<li>Wie\?<\/li>/);
  });

  test("the next item and a nested list may follow an item's first line directly", () => {
    assert.equal(compact(render('- een\n- twee\n    - diep\n')), '<ul><li>een</li><li>twee\n<ul><li>diep</li></ul></li></ul>');
  });

  test('a list indented less than 4 columns under an item is more items of the same list, not a nested one', () => {
    assert.equal(compact(render('- een:\n\n  - twee\n  - drie\n')), '<ul><li><p>een:</p></li><li>twee</li><li>drie</li></ul>');
    assert.match(compact(render('- een:\n\n    - twee\n')), /<li><p>een:<\/p><ul><li>twee<\/li><\/ul><\/li>/);
  });

  test('a list after a list, with only blank lines between them, joins it, whatever its kind', () => {
    assert.equal(compact(render('- een\n\n1. twee\n\n* drie\n')), '<ul><li>een</li><li>twee</li><li>drie</li></ul>');
  });

  test('an ordered list starts at 1 whatever its first number; one numbered 1) is marked, as the site shows it as text', () => {
    assert.equal(compact(render('3. drie\n4. vier\n')), '<ol><li>drie</li><li>vier</li></ol>');
    assert.match(compact(render('1) een\n2) twee\n')), /^<p class="ak-marker">Python-Markdown kent geen lijst genummerd met <code>1\)<\/code>/);
  });
});

// A corpus for the directives and the glossary.
const v = `${content}/vereisten`;
const m = `${content}/maatregelen`;
const files: Files = {
  'docs/rollen/jurist.md': '---\ntitle: Jurist\n---\n',
  [`${v}/avg-01-rechtmatig.md`]:
    '---\ntitle: Rechtmatig\nid: urn:nl:ak:ver:avg-01\ntoelichting: x\nlevenscyclus: [ontwerp]\nonderwerp: [privacy]\nrollen: [jurist]\n---\n\n<!-- tags -->\n## Maatregelen\n\n<!-- list_maatregelen vereiste/avg-01-rechtmatig no-search no-rol no-onderwerp no-levenscyclus -->\n\n??? expander "Alle maatregelen"\n    <!-- list_maatregelen no-search -->\n\nDe AVG en `AVG` en AVGX.\n',
  [`${m}/0-org-01-eerste.md`]:
    '---\ntitle: Eerste maatregel\nid: urn:nl:ak:mtr:org-01\ntoelichting: x\nlevenscyclus: [ontwerp]\nonderwerp: [privacy]\nrollen: [jurist]\nvereiste: [avg-01-rechtmatig, avg-99-weg]\n---\n\n<!-- list_vereisten_on_maatregelen_page -->\n',
};

function dataOf(source: Files, path: string): PreviewData {
  const corpus = memoryCorpus(source);
  return { ...previewData(corpus, corpus.get(path)!, 1), glossary: [{ term: 'AVG', definition: 'Algemene verordening gegevensbescherming' }] };
}

describe("directives, from the server's data at render time", () => {
  const vereiste = `${v}/avg-01-rechtmatig.md`;

  test('list_maatregelen: a table of linked titles with its columns; an expander holds its own table', () => {
    const data = dataOf(files, vereiste);
    const html = renderAs(
      previewMarkdown(() => data),
      files[vereiste],
      vereiste,
    );
    const tables = [...html.matchAll(/<div class="ak-directive" data-ak-directive="list_maatregelen" data-ak-rows="(\d+)">(.*?)<\/table><\/div>/gs)];
    assert.equal(tables.length, 2);
    assert.match(
      tables[0][2],
      /^<table class="ak-table"><thead><tr><th>Maatregelen<\/th><\/tr><\/thead><tbody><tr><td><a href="..\/maatregelen\/0-org-01-eerste.md">Eerste maatregel<\/a><\/td><\/tr><\/tbody>$/,
    );
    assert.match(
      html,
      /<details class="expander"><summary>Alle maatregelen<\/summary><div class="ak-directive" data-ak-directive="list_maatregelen" data-ak-rows="1"><div class="filter-wrapper"><label class="filter-item">Rollen/,
    );
    assert.match(tables[1][2], /<th>Maatregelen<\/th><th>Rollen<\/th><th>Levenscyclus<\/th><th>Onderwerpen<\/th>/);
    assert.match(html, /<span class="mdx-badge" data-md-color-accent="deep-orange" data-ak-label="rollen">.*<a href="..\/..\/rollen\/jurist.md">Jurist<\/a>/);
  });

  test('an empty table with a visible note; an unknown slug with a marker, not nothing', () => {
    const empty = withText(vereiste, '<!-- list_maatregelen vereiste/avg-01-rechtmatig no-search', '<!-- list_maatregelen onderwerp/governance no-search');
    const html = renderAs(
      previewMarkdown(() => dataOf(empty, vereiste)),
      empty[vereiste],
      vereiste,
    );
    assert.match(
      html,
      /data-ak-rows="0"><table class="ak-table"><thead><tr><th>Maatregelen<\/th><\/tr><\/thead><tbody><\/tbody><\/table><p class="ak-marker">Geen enkele maatregel past bij <code>onderwerp\/governance<\/code>: de tabel blijft leeg.<\/p>/,
    );
    const maatregel = `${m}/0-org-01-eerste.md`;
    const own = renderAs(
      previewMarkdown(() => dataOf(files, maatregel)),
      files[maatregel],
      maatregel,
    );
    assert.match(
      own,
      /<tr><td><a href="..\/vereisten\/avg-01-rechtmatig.md">avg-01<\/a><\/td><td><a href="..\/vereisten\/avg-01-rechtmatig.md">Rechtmatig<\/a><\/td><\/tr><tr><td><span class="ak-slug">avg-99-weg<\/span><\/td><td><span class="ak-marker">Er is geen vereiste met deze slug: de site toont hem zonder link.<\/span><\/td><\/tr>/,
    );
  });

  test('tags: label chips with the display names', () => {
    const html = renderAs(
      previewMarkdown(() => dataOf(files, vereiste)),
      files[vereiste],
      vereiste,
    );
    assert.match(html, /<span class="mdx-badge__text">avg-01<\/span>/);
    assert.match(html, /<a href="..\/..\/rollen\/jurist.md">Jurist<\/a>/);
  });

  test('before the server answers, a line says the directive is loading; outside a corpus the comment stays a comment', () => {
    assert.match(
      renderAs(
        previewMarkdown(() => undefined),
        files[vereiste],
        vereiste,
      ),
      /<div class="ak-directive ak-loading" data-ak-directive="tags"><code>tags<\/code> laden…<\/div>/,
    );
    assert.match(render('<!-- tags -->\n'), /^<!-- tags -->/);
  });

  test('the tokens VS Code parsed once render the data of the moment: an edit elsewhere shows on the next render', () => {
    let data = dataOf(files, vereiste);
    const md = previewMarkdown(() => data);
    const tokens = md.parse(files[vereiste], {});
    const rows = () => md.renderer.render(tokens, md.options, { currentDocument: { toString: () => vereiste } }).match(/data-ak-rows="(\d+)"/)![1];
    assert.equal(rows(), '1');
    data = dataOf(withText(`${m}/0-org-01-eerste.md`, 'vereiste: [avg-01-rechtmatig, avg-99-weg]', 'vereiste: [avg-99-weg]'), vereiste);
    assert.equal(rows(), '0');
  });

  test('data of an older text still fits: a directive is found by its comment when its line moved', () => {
    const data = dataOf(files, vereiste);
    const moved = files[vereiste].replace('<!-- tags -->', '\n\n<!-- tags -->');
    const html = renderAs(
      previewMarkdown(() => data),
      moved,
      vereiste,
    );
    assert.match(html, /data-ak-directive="tags"><p class="ak-labels">/);
    assert.equal(html.match(/data-ak-directive="list_maatregelen" data-ak-rows/g)?.length, 2);
  });

  test('the glossary marks its terms in the text, not in code, not inside a longer word', () => {
    const html = renderAs(
      previewMarkdown(() => dataOf(files, vereiste)),
      files[vereiste],
      vereiste,
    );
    assert.match(html, /<p>De <abbr title="Algemene verordening gegevensbescherming">AVG<\/abbr> en <code>AVG<\/code> en AVGX.<\/p>/);
  });
});

function withText(path: string, from: string, to: string): Files {
  assert.ok(files[path].includes(from), from);
  return { ...files, [path]: files[path].replace(from, to) };
}
