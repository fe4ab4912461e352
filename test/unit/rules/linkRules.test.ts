// AK070-AK074: the links of the page body, on corpora in memory read by the one loader (so that
// mkdocs.yml and the images beside the pages count), and the fixes of those rules.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, checkCorpus, defaultSchema, type Finding, type Fix, fixCorpus, loadCorpus, MemoryFileSystem, parseDocument } from '../../../engine';
import { base, maatregelenFolder, triples, V2, withFiles, type Files, type Triple } from '../../support/memoryCorpus';

const siteYaml = [
  'site_name: Algoritmekader',
  'site_url: https://minbzk.github.io/Algoritmekader/',
  'markdown_extensions:',
  '  - pymdownx.emoji:',
  '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
  'plugins:',
  '  - git-revision-date-localized:',
  '      enabled: !ENV [MKDOCS_ENABLE_GIT_DATES, true]',
  '',
].join('\n');

/** The base corpus with mkdocs.yml, an image, and a page `docs/links.md` with `body`. */
function corpusWith(body: string, more: Files = {}): Files {
  return withFiles(base, { 'mkdocs.yml': siteYaml, 'docs/afbeeldingen/schema.png': '', 'docs/links.md': `---\ntitle: Links\n---\n\n${body}\n`, ...more });
}

async function load(files: Files) {
  return loadCorpus(new MemoryFileSystem(files), defaultSchema);
}

async function findings(files: Files): Promise<Finding[]> {
  return checkCorpus((await load(files)).corpus).filter((finding) => /^AK07/.test(finding.code));
}

async function triplesOf(files: Files): Promise<Triple[]> {
  return triples(await findings(files));
}

async function theOne(files: Files, code: string): Promise<Finding> {
  const found = (await findings(files)).filter((finding) => finding.code === code);
  assert.equal(found.length, 1, `one ${code}: ${JSON.stringify(triples(found))}`);
  return found[0];
}

/** The text of a file after a fix's edits in it. */
function afterFix(files: Files, fix: Fix, path: string): string {
  return applyEdits(
    files[path],
    fix.edits.filter((edit) => edit.path === path),
  );
}

const L = 'docs/links.md';
/** Line of the body's first line in docs/links.md. */
const first = 5;

describe('AK070 broken-link', () => {
  test('valid links of every kind give no finding', async () => {
    const body = [
      '[vereiste](voldoen-aan-wetten-en-regels/vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken.md)',
      '[met anker](levenscyclus/ontwerp.md#ontwerp "titel")',
      '![schema](afbeeldingen/schema.png)',
      '[index](rollen/index.md) en <a href="../rollen/">rollen</a>',
      '[ref]: ./onderwerpen/data.md',
      '[escaped](onderwerpen/dat%61.md) [extern](https://example.org/x.md) [mail](mailto:a@b.nl) [zelf]() [top](#links)',
      '# Links',
    ].join('\n');
    assert.deepEqual(await triplesOf(corpusWith(body)), []);
  });

  test('a link to a renamed page: the closest page of its folder is offered, not applied', async () => {
    const files = corpusWith('Zie [de vereiste](voldoen-aan-wetten-en-regels/vereisten/aia-08-transparantie-aan-gebruikersverantwoordelijken.md#vereiste).');
    const finding = await theOne(files, 'AK070');
    assert.deepEqual(triples([finding]), [[L, first, 'AK070']]);
    assert.match(finding.message, /'docs\/voldoen-aan-wetten-en-regels\/vereisten\/aia-08-transparantie-aan-gebruikersverantwoordelijken.md'.*bestaat niet/);
    assert.match(finding.message, /Bedoel je 'voldoen-aan-wetten-en-regels\/vereisten\/aia-08-transparantie-aan-gebruiksverantwoordelijken.md'/);
    assert.equal(finding.fixes[0].safe, false);
    assert.equal(
      afterFix(files, finding.fixes[0], L).split('\n')[first - 1],
      'Zie [de vereiste](voldoen-aan-wetten-en-regels/vereisten/aia-08-transparantie-aan-gebruiksverantwoordelijken.md#vereiste).',
    );
  });

  test('a link to a moved page: the one page with its name is the fix, safe, with the fragment kept', async () => {
    const files = corpusWith('[jurist](onderwerpen/jurist.md#jurist)');
    const finding = await theOne(files, 'AK070');
    assert.ok(finding.fixes[0].safe && finding.fixes[0].preferred);
    assert.equal(afterFix(files, finding.fixes[0], L).split('\n')[first - 1], '[jurist](rollen/jurist.md#jurist)');
  });

  test('a missing image or file is AK070; an existing one is not', async () => {
    assert.deepEqual(await triplesOf(corpusWith('![a](afbeeldingen/schema.png) ![b](afbeeldingen/weg.png) [pdf](documenten/kader.pdf)')), [
      [L, first, 'AK070'],
      [L, first, 'AK070'],
    ]);
    assert.deepEqual(await triplesOf(corpusWith('![b](afbeeldingen/schema.png)', { 'docs/documenten/kader.pdf': '' })), []);
  });

  test('a link that climbs out of docs/ is AK070, and nothing outside is looked at', async () => {
    const files = corpusWith('[geheim](../../../../etc/passwd) [licentie](../LICENSE.md)', { 'LICENSE.md': '# Licentie\n' });
    const found = await findings(files);
    assert.deepEqual(triples(found), [
      [L, first, 'AK070'],
      [L, first, 'AK070'],
    ]);
    for (const finding of found) assert.match(finding.message, /buiten docs\//);
  });

  test('raw HTML resolves against the page URL: the site URL of a page or a file is fine, a missing one is AK070', async () => {
    const good = '<a href="../rollen/jurist/">jurist</a> <a href="../rollen/jurist">zonder slash</a> <a href="../rollen/">map</a> <img src="../afbeeldingen/schema.png">';
    assert.deepEqual(await triplesOf(corpusWith(good)), []);
    const finding = await theOne(corpusWith('<a href="../rollen/advocaat/">advocaat</a>'), 'AK070');
    assert.match(finding.message, /geen enkele pagina of bestand/);
    // Resolved as a file, not as a URL, the same target would name docs/rollen/jurist.md: it is not.
    assert.equal((await theOne(corpusWith('<a href="rollen/jurist/">jurist</a>'), 'AK070')).code, 'AK070');
  });

  test('from an index page, raw HTML resolves against its folder', async () => {
    const files = withFiles(corpusWith(''), { 'docs/index.md': '<a href="rollen/jurist/">jurist</a> <a href="onderwerpen/">onderwerpen</a>\n' });
    assert.deepEqual(await triplesOf(files), []);
  });

  test('with use_directory_urls: false, pages are served at .html', async () => {
    const files = corpusWith('<a href="rollen/jurist.html">jurist</a> <a href="rollen/jurist/">jurist</a>', { 'mkdocs.yml': 'use_directory_urls: false\n' });
    assert.deepEqual(await triplesOf(files), [[L, first, 'AK070']]);
  });

  test('hostile targets do not crash: unbalanced brackets, bad escapes, a huge target', async () => {
    const body = ['[a](b.md', '[[x](y', '[bad](%E0%A4%A.md) [worse](%zz%.md)', `[long](${'a/'.repeat(5000)}x.md)`, '<a href="%">x</a>', ']('].join('\n');
    const found = await findings(corpusWith(body));
    for (const finding of found) assert.ok(['AK070', 'AK072'].includes(finding.code), finding.message);
    assert.ok(found.some((finding) => finding.message.includes('%zz%.md')));
  });

  test('links in code and comments are no links', async () => {
    const body = ['```', '[weg](weg.md)', '```', '<!-- [weg](weg.md) -->', 'Tekst met `[weg](weg.md)`.', '', '!!! note', '', '    ```', '    [weg](weg.md)', '    ```'].join('\n');
    assert.deepEqual(await triplesOf(corpusWith(body)), []);
  });
});

describe('AK071 broken-anchor', () => {
  test("anchors are the site's ids: accents folded, attribute lists dropped, duplicates numbered", async () => {
    const body = [
      '## Één stap { data-search-exclude }',
      '## Toelichting',
      '## Toelichting',
      '## Eigen id { #mijn-id }',
      'Tekst.',
      '{: #alinea }',
      '<span id="html-id"></span>',
      'Voetnoot[^1].',
      '',
      '[^1]: Uitleg.',
      '',
    ].join('\n');
    const links = '[a](#een-stap) [b](#toelichting) [c](#toelichting_1) [d](#mijn-id) [e](#alinea) [f](#html-id) [g](#fn:1) [h](#fnref:1)';
    assert.deepEqual(await triplesOf(corpusWith(`${body}\n${links}`)), []);
  });

  test("a GitHub-style slug of an accented heading is AK071, with the site's id as the fix", async () => {
    const files = corpusWith('## Één stap { data-search-exclude }\n\n[stap](#één-stap)');
    const finding = await theOne(files, 'AK071');
    assert.match(finding.message, /'#één-stap' bestaat niet op deze pagina\. Bedoel je 'een-stap'\?/);
    assert.equal(afterFix(files, finding.fixes[0], L).split('\n')[first + 1], '[stap](#een-stap)');
    assert.equal(finding.fixes[0].safe, false);
  });

  test("a fragment to another page is checked against that page's ids", async () => {
    const files = corpusWith(
      '[a](voldoen-aan-wetten-en-regels/vereisten/avg-01-rechtmatige-verwerking.md#vereiste) [b](voldoen-aan-wetten-en-regels/vereisten/avg-01-rechtmatige-verwerking.md#achtergrond)',
    );
    const finding = await theOne(files, 'AK071');
    assert.match(finding.message, /'#achtergrond' bestaat niet op 'voldoen-aan-wetten-en-regels\/vereisten\/avg-01-rechtmatige-verwerking.md'/);
  });

  test('a fragment in raw HTML is checked on the page the URL names; one on a missing page is only AK070', async () => {
    assert.deepEqual(await triplesOf(corpusWith('<a href="../rollen/jurist/#jurist">a</a> <a href="../rollen/jurist/#advocaat">b</a>')), [[L, first, 'AK071']]);
    assert.deepEqual(await triplesOf(corpusWith('[a](rollen/advocaat.md#advocaat)')), [[L, first, 'AK070']]);
  });

  test('a fragment of a file that is not a page is not checked', async () => {
    assert.deepEqual(await triplesOf(corpusWith('![a](afbeeldingen/schema.png#page=2)')), []);
  });
});

describe('AK072 site-url-link', () => {
  test('an absolute link to site_url: the fix is the relative .md path, safe, fragment kept', async () => {
    const files = corpusWith('[risico](https://minbzk.github.io/Algoritmekader/rollen/jurist/#jurist)');
    const finding = await theOne(files, 'AK072');
    assert.ok(finding.fixes[0].safe);
    assert.equal(afterFix(files, finding.fixes[0], L).split('\n')[first - 1], '[risico](rollen/jurist.md#jurist)');
  });

  test("a root-relative link, with or without the site's path, and a template are AK072", async () => {
    const files = corpusWith('[a](/Algoritmekader/rollen/jurist/) [b](/rollen/jurist/) [c]({{site_url}}rollen/jurist.md)');
    const found = await findings(files);
    assert.deepEqual(
      found.map((finding) => [finding.code, finding.fixes.length]),
      [
        ['AK072', 1],
        ['AK072', 1],
        ['AK072', 0],
      ],
    );
  });

  test('a Markdown link to a folder or site URL is AK072; in raw HTML that style is right', async () => {
    const files = withFiles(corpusWith(''), {
      'docs/levenscyclus/over.md': '# Over\n\n[ontwerp](../ontwerp) [map](../)\n\n<a href="../ontwerp/">ontwerp</a>\n',
    });
    const found = (await findings(files)).filter((finding) => finding.path === 'docs/levenscyclus/over.md');
    assert.deepEqual(triples(found), [
      ['docs/levenscyclus/over.md', 3, 'AK072'],
      ['docs/levenscyclus/over.md', 3, 'AK072'],
    ]);
    // `../ontwerp` on the page levenscyclus/over/ is the site URL levenscyclus/ontwerp: the page docs/levenscyclus/ontwerp.md.
    assert.equal(afterFix(files, found[0].fixes[0], 'docs/levenscyclus/over.md').split('\n')[2], '[ontwerp](ontwerp.md) [map](../)');
    assert.equal(afterFix(files, found[1].fixes[0], 'docs/levenscyclus/over.md').split('\n')[2], '[ontwerp](../ontwerp) [map](index.md)');
  });

  test('a Markdown folder link that leads nowhere on the site offers the folder beside the file, not applied', async () => {
    const files = withFiles(corpusWith(''), { 'docs/over/pagina.md': '# Pagina\n\n[rollen](../rollen/)\n' });
    // From the page URL over/pagina/, `../rollen/` is over/rollen/: nothing is served there.
    const finding = await theOne(files, 'AK072');
    assert.match(finding.message, /Op de site leidt hij nergens heen\./);
    assert.equal(finding.fixes[0].safe, false);
    assert.equal(afterFix(files, finding.fixes[0], 'docs/over/pagina.md').split('\n')[2], '[rollen](../rollen/index.md)');
  });

  test('a site_url link in raw HTML is fixed to a relative URL', async () => {
    const files = corpusWith('<a href="https://minbzk.github.io/Algoritmekader/rollen/jurist/">jurist</a>');
    const finding = await theOne(files, 'AK072');
    assert.equal(afterFix(files, finding.fixes[0], L).split('\n')[first - 1], '<a href="../rollen/jurist/">jurist</a>');
  });

  test('without mkdocs.yml there is no site_url: an absolute link is external', async () => {
    assert.deepEqual(await triplesOf(withFiles(corpusWith('[a](https://minbzk.github.io/Algoritmekader/rollen/jurist/)'), { 'mkdocs.yml': null })), []);
  });
});

describe('AK073 html-link-to-markdown', () => {
  test('an href to a .md file, with the page URL as the fix', async () => {
    const files = withFiles(corpusWith(''), { 'docs/ai-verordening/index.md': '# AI\n\n<a href="../rollen/index.md" class="x">rollen</a>\n' });
    const finding = await theOne(files, 'AK073');
    assert.deepEqual(triples([finding]), [['docs/ai-verordening/index.md', 3, 'AK073']]);
    assert.equal(afterFix(files, finding.fixes[0], 'docs/ai-verordening/index.md').split('\n')[2], '<a href="../rollen/" class="x">rollen</a>');
  });

  test('a src to a .md file and a Markdown link are not AK073', async () => {
    assert.deepEqual(await triplesOf(corpusWith('<iframe src="rollen/jurist.md"></iframe> [a](rollen/jurist.md)')), [[L, first, 'AK070']]);
  });
});

describe('AK074 external-image', () => {
  test('Markdown images and <img src> from other hosts; not scripts, not links, not the site itself', async () => {
    const body = [
      '![a](https://github.com/user-attachments/assets/341e841e)',
      '<img alt="b" src="https://www.gemmaonline.nl/images/raci.png">',
      '<script src="https://cdn.example.org/x.js"></script>',
      '[c](https://example.org/plaatje.png)',
      '![d](//example.org/e.png)',
    ].join('\n');
    const found = await findings(corpusWith(body));
    assert.deepEqual(triples(found), [
      [L, first, 'AK074'],
      [L, first + 1, 'AK074'],
      [L, first + 4, 'AK074'],
    ]);
    assert.match(found[0].message, /github\.com/);
    assert.deepEqual(await triplesOf(corpusWith('![eigen](https://minbzk.github.io/Algoritmekader/afbeeldingen/schema.png)')), [[L, first, 'AK072']]);
  });
});

describe('one finding per link, in the order of RULES.md', () => {
  test("AK084's placeholder in a content document is left to it; elsewhere `url` is a site URL", async () => {
    const files = withFiles(corpusWith('[Bron](url)'), { [V2]: base[V2].replace('Een testvereiste over grondslagen.', '[Bron](url) en [Wet](url van wetsartikel)') });
    assert.deepEqual(await triplesOf(files), [[L, first, 'AK072']]);
  });

  test('AK072 before AK073 before AK070 before AK071', async () => {
    const body = ['<a href="https://minbzk.github.io/Algoritmekader/weg.md">a</a>', '<a href="weg.md#x">b</a>', '[c](weg.md#x)', '[d](rollen/jurist.md#weg)'].join('\n');
    assert.deepEqual(
      (await findings(corpusWith(body))).map((finding) => finding.code),
      ['AK072', 'AK073', 'AK070', 'AK071'],
    );
  });
});

describe('the link graph keeps dependents up to date', () => {
  test('a page that appears, goes or changes its headings names the pages linking to it', async () => {
    const { corpus } = await load(corpusWith('[jurist](rollen/jurist.md#jurist) <a href="../rollen/advocaat/">a</a>'));
    const jurist = corpus.get('docs/rollen/jurist.md')!;
    assert.deepEqual(
      [...corpus.delete(jurist.path)].filter((path) => path === L),
      [L],
    );
    assert.deepEqual(
      [...corpus.set(jurist)].filter((path) => path === L),
      [L],
    );
    const renamedHeading = parseDocument(jurist.path, jurist.text.getText().replace('# Jurist', '# Juriste'), defaultSchema);
    assert.ok(corpus.set(renamedHeading).has(L), 'a heading change re-checks the linking pages');
    const sameIds = parseDocument(jurist.path, renamedHeading.text.getText() + '\nMeer tekst.\n', defaultSchema);
    assert.ok(!corpus.set(sameIds).has(L), 'an edit that keeps the ids does not');
    const advocaat = parseDocument('docs/rollen/advocaat.md', '# Advocaat\n', defaultSchema);
    assert.ok(corpus.set(advocaat).has(L), 'a page appearing at a raw-HTML URL');
  });

  test('a file that appears or goes names the pages linking to it; so does a page of the same name elsewhere', async () => {
    const { corpus } = await load(corpusWith('![b](afbeeldingen/weg.png) [c](oud/jurist.md)'));
    assert.ok(corpus.addFile('docs/afbeeldingen/weg.png').has(L));
    assert.ok(corpus.deleteFile('docs/afbeeldingen/weg.png').has(L));
    assert.ok(!corpus.deleteFile('docs/afbeeldingen/nooit.png').has(L));
    // docs/oud/jurist.md is missing; the fix points at docs/rollen/jurist.md, so a change there matters.
    assert.ok(corpus.delete('docs/rollen/jurist.md').has(L));
  });

  test('a page that appears in the folder of a missing page names the pages linking there (their suggestions change)', async () => {
    const { corpus } = await load(corpusWith('[a](rollen/advocaat.md) [b](onderwerpen/data.md)'));
    assert.ok(corpus.set(parseDocument('docs/rollen/advocaten.md', '# Advocaten\n', defaultSchema)).has(L));
    const elsewhere = await load(corpusWith('[b](onderwerpen/data.md)'));
    assert.ok(!elsewhere.corpus.set(parseDocument('docs/onderwerpen/ethiek.md', '# Ethiek\n', defaultSchema)).has(L), 'links that work do not depend on their folder');
  });
});

describe('akcheck --fix on links', () => {
  test('applies the moved-page and the site-URL fixes, not the guesses', async () => {
    const body = ['[jurist](onderwerpen/jurist.md#jurist)', '[site](https://minbzk.github.io/Algoritmekader/rollen/)', '[gok](rollen/juristen.md)'].join('\n');
    const files = corpusWith(body);
    const fs = new MemoryFileSystem(files);
    const loaded = await loadCorpus(fs, defaultSchema);
    const fixed: string[] = [];
    await fixCorpus(fs, loaded, {}, (finding) => fixed.push(finding.code));
    assert.deepEqual(fixed.sort(), ['AK070', 'AK072']);
    const text = new TextDecoder().decode(await fs.readFile(L));
    assert.equal(
      text
        .split('\n')
        .slice(first - 1, first + 2)
        .join('\n'),
      '[jurist](rollen/jurist.md#jurist)\n[site](rollen/index.md)\n[gok](rollen/juristen.md)',
    );
  });

  test('renaming a file to match its id (AK032) moves the links to it along', async () => {
    const misnamed = `${maatregelenFolder}/2-owp-99-nieuwe-maatregel.md`;
    const maatregel = [
      '---',
      'title: Een nieuwe maatregel',
      'id: urn:nl:ak:mtr:owp-98',
      'toelichting: Nieuw.',
      'levenscyclus:',
      '- ontwerp',
      'onderwerp:',
      '- data',
      'rollen:',
      '- jurist',
      '---',
      '',
      '<!-- tags -->',
      '',
      '## Maatregel',
      '',
      'Zie [de lijst](../../index.md).',
      '',
    ].join('\n');
    const files = corpusWith('[m](voldoen-aan-wetten-en-regels/maatregelen/2-owp-99-nieuwe-maatregel.md#maatregel)', { [misnamed]: maatregel });
    const fs = new MemoryFileSystem(files);
    const loaded = await loadCorpus(fs, defaultSchema);
    await fixCorpus(fs, loaded, {}, () => {});
    assert.equal(await fs.stat(misnamed), undefined);
    const text = new TextDecoder().decode(await fs.readFile(L));
    assert.match(text, /\[m\]\(voldoen-aan-wetten-en-regels\/maatregelen\/2-owp-98-nieuwe-maatregel\.md#maatregel\)/);
    assert.deepEqual(triples(checkCorpus(loaded.corpus).filter((finding) => /^AK0(3|4|7)/.test(finding.code))), []);
  });
});
