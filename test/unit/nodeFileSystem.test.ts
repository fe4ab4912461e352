// Reading a page on Node with one open (`readPlainFileSync`) gives what a look at the path and a read
// give (`statSync`, `readFileSync`), and leaves links, FIFOs and folders to them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { maxFileBytes, readMarkdownTextSync, type FileSystem } from '../../engine';
import { NodeFileSystem } from '../../engine/node';

test('one open reads what a look at the path and a read give, and leaves links, FIFOs and folders alone', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ak-node-fs-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const outside = mkdtempSync(join(tmpdir(), 'ak-node-fs-outside-'));
  t.after(() => rmSync(outside, { recursive: true, force: true }));
  mkdirSync(join(root, 'docs/map.md'), { recursive: true });
  writeFileSync(join(root, 'docs/pagina.md'), '---\ntitle: Pagina\n---\n\nTekst é\n');
  writeFileSync(join(root, 'docs/binair.md'), Buffer.from([0x23, 0, 0x41]));
  writeFileSync(join(root, 'docs/groot.md'), Buffer.alloc(maxFileBytes + 1, 0x61));
  writeFileSync(join(outside, 'geheim.md'), 'geheim\n');
  symlinkSync(join(root, 'docs/pagina.md'), join(root, 'docs/link.md'));
  symlinkSync(join(outside, 'geheim.md'), join(root, 'docs/naar-buiten.md'));
  symlinkSync(outside, join(root, 'docs/gelinkte-map'));
  const fifo = spawnSync('mkfifo', [join(root, 'docs/fifo.md')]).status === 0;

  const fs = new NodeFileSystem(root);
  // The same file system without the one-open read: every read looks at the path first.
  const looking: FileSystem = {
    readDirectory: (path) => fs.readDirectory(path),
    stat: (path) => fs.stat(path),
    readFile: (path) => fs.readFile(path),
    statSync: (path) => fs.statSync(path),
    readFileSync: (path) => fs.readFileSync(path),
  };
  const paths = [
    'docs/pagina.md',
    'docs/binair.md',
    'docs/groot.md',
    'docs/link.md',
    'docs/naar-buiten.md',
    'docs/gelinkte-map/geheim.md',
    'docs/map.md',
    'docs/weg.md',
    ...(fifo ? ['docs/fifo.md'] : []),
  ];
  for (const path of paths) assert.deepEqual(readMarkdownTextSync(fs, path), readMarkdownTextSync(looking, path), path);

  const plain = fs.readPlainFileSync('docs/pagina.md', maxFileBytes);
  assert.equal(new TextDecoder().decode(plain?.bytes), '---\ntitle: Pagina\n---\n\nTekst é\n');
  assert.deepEqual(plain?.stat, fs.statSync('docs/pagina.md'));
  assert.equal(fs.readPlainFileSync('docs/groot.md', maxFileBytes)?.bytes, undefined, 'too large: the stat alone');
  assert.equal(fs.readPlainFileSync('docs/gelinkte-map/geheim.md', maxFileBytes)?.stat.refused, 'in a folder reached through a symbolic link');
  for (const path of ['docs/link.md', 'docs/naar-buiten.md', 'docs/map.md', 'docs/weg.md', ...(fifo ? ['docs/fifo.md'] : [])]) {
    assert.equal(fs.readPlainFileSync(path, maxFileBytes), undefined, path);
  }
  assert.equal(readMarkdownTextSync(fs, 'docs/naar-buiten.md').unreadable?.cause, 'outside-link');
});
