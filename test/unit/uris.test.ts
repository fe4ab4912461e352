// URIs of corpus roots and files (server/src/workspace/uris.ts), the base64 of the file requests,
// and the request-backed file system's prefetching (server/src/workspace/clientFileSystem.ts).
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { RequestType } from 'vscode-jsonrpc';
import { MemoryFileSystem } from '../../engine';
import { decodeBase64, encodeBase64, fsReadFilesRequest, fsStatRequest, type FsReadFilesParams, type FsReadFilesResult } from '../../protocol';
import { ClientFileSystem } from '../../server/src/workspace/clientFileSystem';
import { canonicalUri, folderUri, joinUri, relativePath, resolveExtraRootUris } from '../../server/src/workspace/uris';

test('joining a corpus path to a file: root gives what pathToFileURL gives for the whole path', () => {
  const names = ['a b.md', 'één.md', 'x#y?.md', 'per%cent.md', "it's (1)+[2]{3}~^`|@$&=,;!.md", 'tab\there.md'];
  for (const name of names) {
    const root = pathToFileURL('/tmp/corpus root').toString();
    assert.equal(joinUri(root, `docs/${name}`), pathToFileURL(`/tmp/corpus root/docs/${name}`).toString(), name);
  }
});

test('canonical URIs: one spelling per file, dot segments resolved, encoded slashes kept apart', () => {
  assert.equal(canonicalUri('file:///C%3A/x/%7E/y'), canonicalUri('file:///c:/x/~/y'));
  assert.equal(canonicalUri('FILE:///tmp/a/'), 'file:///tmp/a');
  assert.equal(canonicalUri('file:///tmp/a/docs/../../b.md'), 'file:///tmp/b.md');
  assert.equal(canonicalUri('file:///tmp/a/docs/%2E%2E/x.md'), 'file:///tmp/a/x.md');
  assert.notEqual(canonicalUri('file:///tmp/a%2Fb.md'), canonicalUri('file:///tmp/a/b.md'));
  assert.equal(canonicalUri('vscode-vfs://GitHub/MinBZK/Algoritmekader/docs'), 'vscode-vfs://github/MinBZK/Algoritmekader/docs');
  assert.equal(folderUri('vscode-remote://127.0.0.1:8080/tmp/ws/'), 'vscode-remote://127.0.0.1:8080/tmp/ws');
});

test('the corpus path of a URI under a root, decoded; nothing for URIs elsewhere', () => {
  const root = canonicalUri('vscode-vfs://github/minbzk/algoritmekader');
  assert.equal(relativePath(root, canonicalUri(`${root}/docs/%C3%A9%C3%A9n.md`)), 'docs/één.md');
  assert.equal(relativePath(root, canonicalUri('vscode-vfs://github/minbzk/algoritmekader-fork/docs/a.md')), undefined);
  assert.equal(relativePath(root, canonicalUri('vscode-remote://github/minbzk/algoritmekader/docs/a.md')), undefined);
  assert.equal(relativePath(root, canonicalUri(`${root}/docs/../../elders/a.md`)), undefined);
  assert.equal(relativePath(root, canonicalUri(`${root}/docs/a%2F..%2F..%2Fb.md`)), undefined);
  assert.equal(relativePath(root, root), undefined);
});

test('extra roots: absolute paths as file: URIs, relative ones against the first folder, in any scheme', () => {
  assert.deepEqual(resolveExtraRootUris(['/srv/ak', 'C:\\ak\\corpus', '../andere', 'sub/./corpus', '', 3], 'vscode-vfs://github/o/r'), [
    'file:///srv/ak',
    'file:///C:/ak/corpus',
    'vscode-vfs://github/o/andere',
    'vscode-vfs://github/o/r/sub/corpus',
  ]);
  assert.deepEqual(resolveExtraRootUris(['rel'], undefined), []);
  assert.deepEqual(resolveExtraRootUris(['/a b'], undefined), [pathToFileURL('/a b').toString()]);
});

test('base64 carries any bytes unchanged', () => {
  for (const length of [0, 1, 2, 3, 4, 5, 1000, 100_001]) {
    const bytes = Uint8Array.from({ length }, (_, index) => (index * 7919 + length) % 256);
    const encoded = encodeBase64(bytes);
    assert.equal(encoded, Buffer.from(bytes).toString('base64'));
    assert.deepEqual(decodeBase64(encoded), bytes);
  }
  assert.throws(() => decodeBase64('ab$d'), /unexpected character/);
});

test('the request-backed file system hands out a prefetched file once, then asks again', async () => {
  const memory = new MemoryFileSystem({ 'docs/a.md': 'eerste', 'docs/b.md': 'b', 'docs/big.md': 'x'.repeat(10) });
  const sent: string[] = [];
  const send = async <P, R>(type: RequestType<P, R, void>, params: P): Promise<R> => {
    sent.push(type.method);
    if (type.method === fsReadFilesRequest.method) {
      const { uris, maxBytes } = params as FsReadFilesParams;
      const files = uris.map((uri) => {
        const path = uri.slice('vscode-vfs://github/o/r/'.length);
        const stat = memory.statSync(path)!;
        return stat.size > maxBytes ? { stat } : { stat, data: encodeBase64(memory.readFileSync(path)) };
      });
      return { files } satisfies FsReadFilesResult as R;
    }
    if (type.method === fsStatRequest.method) {
      const stat = memory.statSync((params as { uri: string }).uri.slice('vscode-vfs://github/o/r/'.length));
      return (stat ? { stat } : { error: 'FileNotFound' }) as R;
    }
    throw new Error(`unexpected ${type.method}`);
  };
  const fs = new ClientFileSystem('vscode-vfs://github/o/r', send);
  fs.prefetch(['docs/a.md', 'docs/b.md']);
  assert.equal((await fs.stat('docs/a.md'))?.size, 6);
  assert.equal(new TextDecoder().decode(await fs.readFile('docs/a.md')), 'eerste');
  assert.deepEqual(sent, [fsReadFilesRequest.method]);
  // Changed since: the next read goes to the client again.
  await memory.writeFile('docs/a.md', 'tweede');
  assert.equal(new TextDecoder().decode(await fs.readFile('docs/a.md')), 'tweede');
  assert.equal(await fs.stat('docs/nope.md'), undefined);
  assert.deepEqual(sent, [fsReadFilesRequest.method, fsReadFilesRequest.method, fsStatRequest.method]);
});

test('the read-ahead stays a few batches ahead of the reads', async () => {
  const paths = Array.from({ length: 32 * 20 }, (_, index) => `docs/p${String(index).padStart(4, '0')}.md`);
  let requests = 0;
  const send = async <P, R>(_type: RequestType<P, R, void>, params: P): Promise<R> => {
    requests++;
    const files = (params as FsReadFilesParams).uris.map(() => ({ stat: { kind: 'file' as const, size: 1, mtime: 1 }, data: encodeBase64(new Uint8Array([120])) }));
    return { files } as R;
  };
  const fs = new ClientFileSystem('vscode-vfs://github/o/r', send);
  fs.prefetch(paths);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  await settle();
  assert.equal(requests, 9, 'batches 0 to 8 before anything is read');
  // The first batch holds 8 files (they arrive sooner), the others 32: file 160 is in batch 5.
  await fs.readFile(paths[32 * 5]);
  await settle();
  assert.equal(requests, 14, 'up to batch 13 once batch 5 is read');
  for (const path of paths) if (path !== paths[32 * 5]) await fs.readFile(path);
  assert.equal(requests, 21, 'each batch fetched once');
});
