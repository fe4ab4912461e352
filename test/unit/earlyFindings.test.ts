// The first index of a workspace hands out each page's findings that need no other page while it
// still reads the corpus (`CorpusWorkspace.index`'s `onEarlyFindings`, which the server publishes):
// the first page with some at once, the others together at most every 250 ms, none after the index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDocument, MemoryFileSystem, type FileSystem } from '../../engine';
import { CorpusWorkspace, type CorpusRoot } from '../../server/src/workspace/corpusWorkspace';
import { base, edit, M2, maatregelenFolder } from '../support/memoryCorpus';

const rootUri = 'memory://test/corpus';
const title = base[M2].match(/^title: .*$/m)![0];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each read takes a while, as through the editor from a browser worker. */
function slow(fs: MemoryFileSystem, ms: number): FileSystem {
  return {
    readDirectory: (path) => fs.readDirectory(path),
    stat: (path) => fs.stat(path),
    readFile: async (path) => {
      await sleep(ms);
      return fs.readFile(path);
    },
  };
}

test('early findings: the first page at once, the others every 250 ms while the corpus is read, the rest at the end', async () => {
  // 40 more maatregelen whose titles end in a period (AK060, a rule that needs no other page).
  const files: Record<string, string> = { ...base };
  for (let n = 0; n < 40; n++) files[`${maatregelenFolder}/9-tst-${String(n).padStart(2, '0')}-pagina.md`] = edit(base[M2], title, `title: Pagina ${n}.`);
  const fs = new MemoryFileSystem(files);
  const workspace = new CorpusWorkspace({ log: { info: () => {}, warn: () => {} }, fileSystemFor: (uri) => (uri.startsWith('memory:') ? slow(fs, 15) : undefined) });
  const calls: { paths: string[]; codes: string[][]; at: number }[] = [];
  const started = Date.now();
  let root: CorpusRoot | undefined;
  await workspace.index([rootUri], undefined, (from, paths) => {
    root = from;
    calls.push({ paths, codes: paths.map((path) => from.findings.get(path)!.map((finding) => finding.code)), at: Date.now() - started });
  });
  const ended = calls.length;
  await sleep(300);
  assert.equal(calls.length, ended, 'nothing handed out after the index');

  assert.ok(calls.length >= 3, `${calls.length} hand-outs in ${Date.now() - started} ms`);
  assert.equal(calls[0].paths.length, 1, 'the first page with findings at once');
  assert.ok(
    calls.slice(1).some((call) => call.paths.length > 1),
    'the others together',
  );
  for (let index = 2; index < calls.length; index++) assert.ok(calls[index].at - calls[index - 1].at >= 240, `hand-out ${index} came sooner than 250 ms after the one before`);
  // Only findings of the rules that need no other page, all of them, and each is among the page's final findings.
  const corpus = workspace.roots[0].corpus;
  assert.equal(root, workspace.roots[0]);
  for (const { paths, codes } of calls) {
    paths.forEach((path, index) => {
      const document = corpus.get(path)!;
      assert.deepEqual(
        codes[index],
        checkDocument(corpus, document, {}, 'document').map((finding) => finding.code),
        path,
      );
      const final = workspace.roots[0].findings.get(path)!.map((finding) => finding.code);
      for (const code of codes[index]) assert.ok(final.includes(code), `${path}: ${code}`);
    });
  }
  const handedOut = new Set(calls.flatMap((call) => call.paths));
  assert.ok(handedOut.size > 0 && handedOut.size <= 40, `${handedOut.size} pages handed out early`);
});

test('without onEarlyFindings, the index hands out nothing early and finds the same', async () => {
  const fs = new MemoryFileSystem({ ...base, [M2]: edit(base[M2], title, 'title: Een titel.') });
  const host = { log: { info: () => {}, warn: () => {} }, fileSystemFor: () => fs };
  const plain = new CorpusWorkspace(host);
  await plain.index([rootUri]);
  const early = new CorpusWorkspace(host);
  await early.index([rootUri], undefined, () => {});
  const codes = (workspace: CorpusWorkspace) => [...workspace.roots[0].findings.keys()].sort().map((path) => [path, workspace.roots[0].findings.get(path)!.map((f) => f.code)]);
  assert.deepEqual(codes(early), codes(plain));
  assert.ok(plain.roots[0].findings.get(M2)!.some((finding) => finding.code === 'AK060'));
});
