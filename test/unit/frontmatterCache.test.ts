// The parse cache returns exactly what the parser returns, across a save and a reload.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { listMarkdownFiles, parseFrontmatter } from '../../engine';
import { FrontmatterDiskCache, NodeFileSystem } from '../../engine/node';
import { projectRoot, realCorpusRoot } from '../support/realCorpus';

const samples = [
  '---\ntitle: Een\nlevenscyclus:\n- ontwerp\n- \n- 2.09\n---\nbody\n',
  '\ufeff---\r\ntitle: BOM en CRLF\r\nonderwerp: [data, data]\r\n---\r\n<!-- tags -->\r\n',
  '--- \t\nid: urn:nl:ak:ver:aia-01\nrollen:\n  jurist: ja\nsources:\n  ARK:\n  - 2.09\n---',
  '---\ntitle: "Fout\nlevenscyclus: [\n---\n',
  '---\n- een lijst\n---\n',
  '---\n---\n',
  '---\nwaarde: .inf\n---\n',
];

async function corpusTexts(): Promise<string[]> {
  const roots = [join(projectRoot, 'content'), ...(realCorpusRoot ? [realCorpusRoot] : [])];
  const texts: string[] = [];
  for (const root of roots) for (const path of await listMarkdownFiles(new NodeFileSystem(root))) texts.push(readFileSync(join(root, path), 'utf8'));
  return texts;
}

test('a reloaded cache gives the same frontmatter as parsing', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'ak-cache-'));
  try {
    const texts = [...samples, ...(await corpusTexts())];
    const first = FrontmatterDiskCache.open('/corpus', folder);
    const parsed = texts.map((text) => parseFrontmatter(text, first));
    first.save();
    const second = FrontmatterDiskCache.open('/corpus', folder);
    texts.forEach((text, index) => assert.deepEqual(parseFrontmatter(text, second), parsed[index], text.slice(0, 80)));
    assert.deepEqual(
      parsed,
      texts.map((text) => parseFrontmatter(text)),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a cache file that is not ours, or broken, is ignored', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ak-cache-'));
  try {
    const cache = FrontmatterDiskCache.open('/corpus', folder);
    parseFrontmatter(samples[0], cache);
    cache.save();
    const file = readdirSync(folder)[0];
    writeFileSync(join(folder, file), '{"format":"something-else","entries":{}}');
    assert.deepEqual(parseFrontmatter(samples[0], FrontmatterDiskCache.open('/corpus', folder)), parseFrontmatter(samples[0]));
    writeFileSync(join(folder, file), '{not json');
    assert.deepEqual(parseFrontmatter(samples[0], FrontmatterDiskCache.open('/corpus', folder)), parseFrontmatter(samples[0]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('saving a cache deletes the caches of roots not checked for 30 days', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ak-cache-'));
  try {
    const stale = join(folder, 'stale.json');
    const recent = join(folder, 'recent.json');
    writeFileSync(stale, '{}');
    writeFileSync(recent, '{}');
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(stale, longAgo, longAgo);
    const cache = FrontmatterDiskCache.open('/corpus', folder);
    parseFrontmatter(samples[0], cache);
    cache.save();
    const left = readdirSync(folder);
    assert.equal(left.length, 2, left.join(', '));
    assert.ok(left.includes('recent.json') && !left.includes('stale.json'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
