// Text read back for a fix is the text that was parsed, or an error; a corpus loaded without its texts keeps none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSchema, FileChangedError, loadCorpus, MemoryFileSystem, readMarkdownText } from '../../engine';
import { ReloadableText } from '../../engine/corpus/reloadableText';
import { stringsHolding } from '../support/heap';

test('a reloaded text equals the parsed one and answers positions; a changed file is refused', async () => {
  const fs = new MemoryFileSystem({ 'a.md': '---\ntitle: A\n---\n\nTekst\n' });
  const read = await readMarkdownText(fs, 'a.md');
  const text = new ReloadableText('a.md', fs, 'a.md', read.stamp!, read.text!.length);
  assert.equal(text.getText(), read.text);
  assert.deepEqual(text.positionAt(read.text!.indexOf('Tekst')), { line: 4, character: 0 });
  assert.equal(text.lineCount, 6);

  await fs.writeFile('a.md', '---\ntitle: B\n---\n\nTekst\n');
  const fresh = new ReloadableText('a.md', fs, 'a.md', read.stamp!, read.text!.length);
  assert.throws(() => fresh.getText(), FileChangedError);
});

test('a corpus loaded without its texts keeps no text alive, not even through the strings cut from it', async () => {
  // Made at run time, so that no source text holds them; every string a rule keeps is at least 13 characters (shorter cuts are copies anyway).
  const salt = Math.random().toString(36).slice(2);
  const marker = (n: number) => `Alleen pagina ${n} zegt ${salt} dit.`;
  const page = (n: number) =>
    [
      '---',
      `title: Een maatregel met een lange titel ${n}`,
      `id: urn:nl:ak:mtr:org-${String(n).padStart(2, '0')}`,
      'vereiste:',
      '- aia-01-ai-geletterdheid-personeel',
      'onderwerp:',
      '- governance-en-verantwoording',
      '---',
      '',
      '<!-- list_vereisten onderwerp/governance-en-verantwoording no-search -->',
      '',
      `## Een kop van pagina nummer ${n} {: #een-eigen-anker-van-pagina-${n} }`,
      '',
      `!!! example "Een voorbeeld met een lange titel ${n}"`,
      '',
      `    ${marker(n)} [Een link](../vereisten/aia-01-ai-geletterdheid-personeel.md#vereiste-${n}) en meer tekst.`,
      '',
      `<a id="een-html-anker-van-pagina-${n}"></a>`,
      '',
    ].join('\n');
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (let n = 0; n < 10; n++) files[`docs/voldoen-aan-wetten-en-regels/maatregelen/org-${n}-maatregel.md`] = encoder.encode(page(n));
  const fs = new MemoryFileSystem(files);
  const { corpus } = await loadCorpus(fs, defaultSchema, { keepTextsUpTo: 0 });
  assert.equal(corpus.size, 10);
  const markers = Array.from({ length: 10 }, (_, n) => marker(n));
  assert.deepEqual(await stringsHolding(markers), []);
  // What was cut from the texts is all there.
  const first = corpus.get('docs/voldoen-aan-wetten-en-regels/maatregelen/org-0-maatregel.md')!;
  assert.equal(first.title, 'Een maatregel met een lange titel 0');
  assert.deepEqual(
    first.body.headings.map((heading) => [heading.text, heading.id]),
    [['Een kop van pagina nummer 0', 'een-eigen-anker-van-pagina-0']],
  );
  assert.equal(first.body.links[0].target, '../vereisten/aia-01-ai-geletterdheid-personeel.md#vereiste-0');
  assert.ok(first.body.ids.has('een-html-anker-van-pagina-0'));
  assert.equal(first.body.containers[0].info.title, 'Een voorbeeld met een lange titel 0');
  assert.equal(first.directives[0].args[0].text, 'onderwerp/governance-en-verantwoording');
  assert.deepEqual(first.lists.get('onderwerp'), ['governance-en-verantwoording']);
  assert.deepEqual(first.filters[0], { listedType: 'vereiste', key: 'onderwerp', value: 'governance-en-verantwoording' });
  (globalThis as { keep?: unknown }).keep = corpus;
});
