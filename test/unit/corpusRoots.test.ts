// Finding corpus roots: the engine decides for the server, the client and akcheck alike, by the
// root marker of the default schema or of the corpus's own `.algoritmekader.json`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCorpusRoots, isCorpusRootFolder, MemoryFileSystem } from '../../engine';

const page = '# Pagina\n';

test('a workspace folder that is a corpus root by the default layout', async () => {
  const fs = new MemoryFileSystem({ 'docs/voldoen-aan-wetten-en-regels/vereisten/a.md': page });
  assert.deepEqual(await findCorpusRoots(fs), ['']);
});

test('corpus roots one level down, hidden folders and build output left out', async () => {
  const fs = new MemoryFileSystem({
    'kader/docs/voldoen-aan-wetten-en-regels/index.md': page,
    'tweede/docs/voldoen-aan-wetten-en-regels/index.md': page,
    '.verborgen/docs/voldoen-aan-wetten-en-regels/index.md': page,
    'node_modules/pakket/docs/voldoen-aan-wetten-en-regels/index.md': page,
    'diep/nog/docs/voldoen-aan-wetten-en-regels/index.md': page,
    'los.md': page,
  });
  assert.deepEqual(await findCorpusRoots(fs), ['kader', 'tweede']);
});

test('a corpus with a custom layout is found by the root marker of its configuration file', async () => {
  const config = JSON.stringify({ schema: { rootMarker: 'docs/regels' } });
  const fs = new MemoryFileSystem({ 'eigen/.algoritmekader.json': config, 'eigen/docs/regels/vereisten/a.md': page, 'ander/docs/regels/a.md': page });
  assert.deepEqual(await findCorpusRoots(fs), ['eigen']);
  // Without the configuration file the same layout is no corpus.
  assert.equal(await isCorpusRootFolder(new MemoryFileSystem({ 'docs/regels/a.md': page })), false);
});

test('a broken configuration file does not make a folder a root (it is reported when indexing)', async () => {
  const fs = new MemoryFileSystem({ '.algoritmekader.json': '{ kapot', 'docs/regels/a.md': page });
  assert.equal(await isCorpusRootFolder(fs), false);
});
