// The server's store of documents not open in the editor (server/src/workspace/documentStore.ts):
// their facts stay, their text does not; a text is read back when asked for, and a file changed
// since it was read is reported stale rather than answered from.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MemoryFileSystem } from '../../engine';
import { CorpusWorkspace } from '../../server/src/workspace/corpusWorkspace';
import { StaleDocumentError, StoredDocument } from '../../server/src/workspace/documentStore';
import { stringsHolding } from '../support/heap';

const folder = 'docs/voldoen-aan-wetten-en-regels/maatregelen';
const rootUri = 'memory://test/corpus';
const pages = 100;

/** A sentence only page `n`'s text holds (the random part is made at run time, so no source text holds it). */
/** Page `n`'s number as its file name and id spell it (so that the pages are read in this order). */
const number = (n: number) => String(n).padStart(3, '0');

const marker = (n: number, salt: string) => `Alleen pagina ${n} zegt ${salt} dit.`;

function page(n: number, salt: string): string {
  return [
    '---',
    `title: Maatregel ${n}`,
    `id: urn:nl:ak:mtr:org-${number(n)}`,
    'toelichting: Een korte toelichting.',
    'vereiste:',
    '- aia-01-ai-geletterdheid-personeel',
    'levenscyclus:',
    '- ontwerp',
    'onderwerp:',
    '- governance',
    'rollen:',
    '- projectleider',
    '---',
    '',
    '<!-- tags -->',
    '',
    '## Maatregel',
    '',
    `${marker(n, salt)} [Een link](../vereisten/aia-01-ai-geletterdheid-personeel.md#vereiste) en meer tekst.`,
    '',
  ].join('\n');
}

/** A workspace over `pages` maatregelen in memory, indexed; files are bytes only, so a text in the heap is one the workspace keeps. */
async function indexed(salt: string): Promise<{ workspace: CorpusWorkspace; fs: MemoryFileSystem }> {
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (let n = 0; n < pages; n++) files[`${folder}/org-${number(n)}-maatregel.md`] = encoder.encode(page(n, salt));
  const fs = new MemoryFileSystem(files);
  const workspace = new CorpusWorkspace({ log: { info: () => {}, warn: () => {} }, fileSystemFor: (uri) => (uri.startsWith('memory:') ? fs : undefined) });
  await workspace.index([rootUri]);
  return { workspace, fs };
}

describe('the store of documents not open', () => {
  test('keeps no text of a document that is not open, and reads it back when asked for', async () => {
    const salt = Math.random().toString(36).slice(2);
    const { workspace } = await indexed(salt);
    const root = workspace.roots[0];
    assert.equal(root.corpus.size, pages);
    const first = root.corpus.get(`${folder}/org-000-maatregel.md`)!;
    assert.ok(first instanceof StoredDocument);
    // Its facts are there without reading anything.
    assert.equal(first.title, 'Maatregel 0');
    assert.deepEqual(first.lists.get('onderwerp'), ['governance']);
    assert.equal(first.references[0].slug, 'aia-01-ai-geletterdheid-personeel');
    assert.deepEqual(first.references[0].range, { start: { line: 5, character: 2 }, end: { line: 5, character: 35 } });
    assert.ok(first.body.ids.size === 1 && first.body.ids.has('maatregel'));
    // The first pages' parses went long ago; no string anywhere holds their text, nor a piece of it that keeps the text alive.
    const early = Array.from({ length: 20 }, (_, n) => marker(n, salt));
    assert.deepEqual(await stringsHolding(early), []);
    // Asked for, the text is read back from the file.
    assert.ok(first.text.getText().includes(marker(0, salt)));
    assert.equal(first.body.links[0].target, '../vereisten/aia-01-ai-geletterdheid-personeel.md#vereiste');
    // Once other documents were read, that text goes again.
    for (let n = 1; n <= 70; n++) assert.equal(root.corpus.get(`${folder}/org-${number(n)}-maatregel.md`)!.frontmatter.status, 'parsed');
    assert.ok(root.store.keptParses <= 64);
    assert.deepEqual(await stringsHolding([marker(0, salt)]), []);
    (globalThis as { keep?: unknown }).keep = workspace;
  });

  test('a document whose file changed since it was read is stale: not answered from, listed to read again', async () => {
    const { workspace, fs } = await indexed('x');
    const root = workspace.roots[0];
    const path = `${folder}/org-000-maatregel.md`;
    const uri = root.uriOf(path);
    assert.equal(workspace.currentDocument(uri)?.document, root.corpus.get(path));
    await fs.writeFile(path, page(0, 'y').replace('title: Maatregel 0', 'title: Nieuwe titel'));
    assert.throws(() => workspace.currentDocument(uri), StaleDocumentError);
    assert.throws(() => root.corpus.get(path)!.text.getText(), StaleDocumentError);
    // A check that needs the text skips the document (its findings stay as they were) rather than check a text that is not there.
    assert.deepEqual(workspace.recheck(root, [path]), []);
    assert.deepEqual(workspace.takeStale(), [uri]);
    assert.deepEqual(workspace.takeStale(), []);
    // Read again, it is current.
    await workspace.reloadFromDisk(uri);
    assert.equal(workspace.currentDocument(uri)?.document.title, 'Nieuwe titel');
  });
});
