// AK005 unreadable-file: a file under docs/ that cannot be checked is a finding on line 1 that says
// why, the other files are checked as usual, and nothing else is reported on it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCorpus, defaultSchema, type FileStat, type FileSystem, loadCorpus, MemoryFileSystem } from '../../../engine';
import { base, triples, V2, vereistenFolder, type Files } from '../../support/memoryCorpus';

const page = (name: string) => `${vereistenFolder}/${name}`;

async function check(fs: FileSystem) {
  const loaded = await loadCorpus(fs, defaultSchema);
  return { loaded, findings: checkCorpus(loaded.corpus) };
}

/** The memory file system with some files refused as a Node file system refuses links. */
function withRefused(files: Files, refused: Record<string, string>): FileSystem {
  const memory = new MemoryFileSystem({ ...files, ...Object.fromEntries(Object.keys(refused).map((path) => [path, ''])) });
  return {
    readDirectory: (path) => memory.readDirectory(path),
    readFile: (path) => memory.readFile(path),
    stat: async (path): Promise<FileStat | undefined> => (path in refused ? { kind: 'file', size: 0, mtime: 0, refused: refused[path] } : memory.stat(path)),
  };
}

describe('AK005 unreadable-file', () => {
  test('a NUL byte, invalid UTF-8 and more than 2 MiB: one error on line 1 each, saying which; the rest is checked', async () => {
    const big = base[V2] + 'x'.repeat(2 * 1024 * 1024);
    const fs = new MemoryFileSystem({
      ...base,
      [page('aia-90-binair.md')]: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]),
      [page('aia-91-latin1.md')]: new Uint8Array([...new TextEncoder().encode('---\ntitle: Caf'), 0xe9, 0x0a]),
      [page('aia-92-groot.md')]: big,
      [page('aia-93-precies.md')]: base[V2].replace('avg-01', 'aia-93').padEnd(2 * 1024 * 1024, ' '),
    });
    const { loaded, findings } = await check(fs);
    const unreadable = findings.filter((f) => f.code === 'AK005');
    assert.deepEqual(
      unreadable.map((f) => [f.path, f.range.start.line, f.range.start.character, f.severity, f.fixes.length]),
      [
        [page('aia-90-binair.md'), 0, 0, 'error', 0],
        [page('aia-91-latin1.md'), 0, 0, 'error', 0],
        [page('aia-92-groot.md'), 0, 0, 'error', 0],
      ],
    );
    assert.match(unreadable[0].message, /NUL-bytes/);
    assert.match(unreadable[1].message, /geen geldige UTF-8/);
    assert.match(unreadable[2].message, /groter dan 2 MiB \(2,01 MiB\)/);
    // The file of exactly 2 MiB is checked (its directive names avg-01, not itself: AK054).
    assert.ok(findings.some((f) => f.path === page('aia-93-precies.md') && f.code === 'AK054'));
    // Nothing else on the unreadable files (no AK001, AK062 or AK080 of a vereiste), and no slug of theirs is indexed.
    assert.deepEqual(triples(findings.filter((f) => f.path.includes('aia-9') && f.code !== 'AK005' && !f.path.endsWith('precies.md'))), []);
    assert.equal(loaded.corpus.bySlug('vereiste', 'aia-90-binair'), undefined);
    // A file that is not UTF-8 is never written by --fix.
    assert.deepEqual([...loaded.lossy], [page('aia-91-latin1.md')]);
  });

  test('symbolic links that dangle, loop or leave the corpus; a file that cannot be read', async () => {
    const fs = withRefused(base, {
      [page('aia-94-weg.md')]: 'symbolic link to nothing',
      [page('aia-95-lus.md')]: 'symbolic link loop',
      ['docs/buiten.md']: 'symbolic link to a file outside the corpus',
    });
    const { findings } = await check(fs);
    assert.deepEqual(
      findings.map((f) => [f.path, f.code, f.message]),
      [
        ['docs/buiten.md', 'AK005', 'Dit bestand is een symbolische link naar een bestand buiten het corpus, en kan daarom niet worden gecontroleerd.'],
        [page('aia-94-weg.md'), 'AK005', 'Dit bestand is een symbolische link die nergens naar wijst, en kan daarom niet worden gecontroleerd.'],
        [page('aia-95-lus.md'), 'AK005', 'Dit bestand is een symbolische link die (via andere links) naar zichzelf wijst, en kan daarom niet worden gecontroleerd.'],
      ],
    );
  });

  test('a file gone between listing and reading, and one in a linked folder, are skipped, not reported', async () => {
    const memory = new MemoryFileSystem(base);
    const fs: FileSystem = {
      readDirectory: async (path) => [...(await memory.readDirectory(path)), ...(path === vereistenFolder ? [{ name: 'weg.md', kind: 'file' as const }] : [])],
      readFile: (path) => memory.readFile(path),
      stat: (path) => memory.stat(path),
    };
    const { loaded, findings } = await check(fs);
    assert.deepEqual(loaded.skipped, [{ path: page('weg.md'), reason: 'cannot be read (ENOENT)' }]);
    assert.deepEqual(findings, []);
    const linked = await check(withRefused(base, { ['docs/gekoppeld/pagina.md']: 'in a folder reached through a symbolic link' }));
    assert.deepEqual(linked.loaded.skipped, [{ path: 'docs/gekoppeld/pagina.md', reason: 'in a folder reached through a symbolic link' }]);
    assert.deepEqual(linked.findings, []);
  });
});
