// Hostile inputs through the language server (issue 6): it indexes the hostile corpus, reports each
// hostile file or logs why it skipped it, survives hostile edits and file events, never reads or
// points outside the corpus root, and keeps answering for the rest of the corpus afterwards.
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, DocumentLink, Hover, Location } from 'vscode-languageserver-types';
import { LspSession, uri } from '../support/lspSession';
import { hostileCorpus, hulpmiddel, hulpmiddelen, outsideTitle, type HostileCorpus } from './hostileCorpus';

/** Any single request must be answered within this (the bound is generous: CI machines are slow). */
const answerMs = 5000;

describe('hostile inputs through the language server', () => {
  let hostile: HostileCorpus;
  let session: LspSession;
  const logs: string[] = [];
  const file = (path: string) => join(hostile.root, path);
  const dpia = () => file(`${hulpmiddelen}/DPIA.md`);

  async function timedRequest<R>(method: string, params: unknown): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        session.request<R>(method, params),
        new Promise<R>(
          (_, reject) => (timer = setTimeout(() => reject(new Error(`${method} not answered within ${answerMs} ms; stderr: ${session.stderr.slice(-1000)}`)), answerMs)),
        ),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The server still answers for an ordinary file: a hover on a cited slug and a completion of a tag. */
  async function stillAnswers(): Promise<void> {
    const text = readFileSync(dpia(), 'utf8');
    const lines = text.split('\n');
    const slugLine = lines.indexOf('- avg-13-dpia-bij-hoog-risico');
    const result = await timedRequest<Hover>('textDocument/hover', { textDocument: { uri: uri(dpia()) }, position: { line: slugLine, character: 5 } });
    assert.match((result.contents as { value: string }).value, /urn:nl:ak:ver:avg-13/);
    const list = await timedRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri: uri(dpia()) },
      position: { line: lines.indexOf('onderwerp:') + 1, character: 2 },
    });
    assert.ok(
      list.items.some((item) => item.label === 'transparantie'),
      JSON.stringify(list.items.map((i) => i.label)),
    );
    assert.equal(session.serverProcess.exitCode, null, 'the server still runs');
  }

  const codes = (uriOf: string) => [...new Set((session.diagnostics.get(uriOf) ?? []).map((d) => String(d.code)))].sort();

  before(async () => {
    hostile = hostileCorpus();
    session = await LspSession.start(hostile.root);
    session.connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message));
    // Index again now that the log is listened to, to see the reasons files are skipped.
    await timedRequest('algoritmekader/reindex', null);
  });
  after(async () => {
    await session?.stop();
    hostile?.remove();
  });

  test('every hostile file is reported with its findings (AK005 in the Problems view for one that cannot be checked), a folder that cannot be listed is logged', async () => {
    for (const hostileFile of hostile.files) {
      const fileUri = uri(file(hostileFile.path));
      if (hostileFile.skip) {
        assert.ok(
          logs.some((line) => line.includes(file(hostileFile.path)) && hostileFile.skip!.test(line)),
          `no log line for ${hostileFile.path}: ${JSON.stringify(logs)}`,
        );
        assert.deepEqual(session.diagnostics.get(fileUri) ?? [], [], hostileFile.path);
      } else {
        await session.diagnosticsFor(fileUri);
        assert.deepEqual(codes(fileUri), hostileFile.codes, hostileFile.path);
        if (hostileFile.unreadable) assert.match(session.diagnostics.get(fileUri)![0].message as string, hostileFile.unreadable);
      }
    }
    await stillAnswers();
  });

  test('no diagnostics are published for anything outside the root, and nothing outside it is indexed', async () => {
    const rootUri = uri(hostile.root) + '/';
    assert.deepEqual(
      [...session.diagnostics.keys()].filter((key) => !key.startsWith(rootUri)),
      [],
    );
    assert.deepEqual(
      [...session.diagnostics.keys()].filter((key) => key.includes('hostile-linked-folder') || key.includes('hostile-folder-loop')),
      [],
    );
    const symbols = await timedRequest<unknown[]>('workspace/symbol', { query: outsideTitle.toLowerCase() });
    assert.deepEqual(symbols, []);
  });

  test('slugs that are paths (../../../etc/passwd, /etc/passwd, a path out of the root) resolve to nothing: no definition, link or hover points outside', async () => {
    const path = file(`${hulpmiddelen}/hostile-traversal.md`);
    const lines = readFileSync(path, 'utf8').split('\n');
    const positions = lines.flatMap((line, index) => {
      const at = line.search(/\.\.\/|\/etc\//);
      return at === -1 ? [] : [{ line: index, character: at + 2 }];
    });
    assert.ok(positions.length >= 6, JSON.stringify(positions));
    const rootUri = uri(hostile.root) + '/';
    for (const position of positions) {
      const definition = await timedRequest<Location | null>('textDocument/definition', { textDocument: { uri: uri(path) }, position });
      assert.equal(definition, null, JSON.stringify(position));
      const hover = await timedRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri(path) }, position });
      const value = hover ? (hover.contents as { value: string }).value : '';
      assert.ok(!value.includes(outsideTitle) && !value.includes('root:') && !value.includes('file:'), value);
    }
    const links = await timedRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uri(path) } });
    assert.ok(
      links.every((link) => link.target?.startsWith(rootUri)),
      JSON.stringify(links),
    );
    await stillAnswers();
  });

  test('hostile texts opened in the editor (10 MB, a 1 MB line, deep nesting, a huge frontmatter) are checked and the server keeps answering', async () => {
    const path = file(`${hulpmiddelen}/hostile-open.md`);
    const texts: [string, string, (codes: string[]) => boolean][] = [
      ['10 MB', readFileSync(file(`${hulpmiddelen}/hostile-10mb.md`), 'utf8'), (c) => c.length === 0],
      ['1 MB line', hulpmiddel('', '<!--'.repeat(256 * 1024) + '\n<!-- list_x -->\n'), (c) => c.join() === 'AK050'],
      ['deep nesting', hulpmiddel(`vereiste: ${'['.repeat(20_000)}\n`), (c) => c.includes('AK003')],
      ['huge frontmatter', hulpmiddel(`sources: [${'*a, '.repeat(100_000)}]\n`), (c) => c.join() === 'AK003'],
      ['alias bomb', readFileSync(file(`${hulpmiddelen}/hostile-alias-bomb.md`), 'utf8'), (c) => c.includes('AK011')],
    ];
    let version = 0;
    for (const [name, text, expected] of texts) {
      if (version === 0) await session.open(uri(path), text, ++version);
      else await session.change(uri(path), ++version, [{ text }]);
      const started = performance.now();
      const diagnostics = await session
        .diagnosticsFor(uri(path), (d) => expected([...new Set(d.map((x) => String(x.code)))].sort()), 10_000)
        .catch((error) => {
          throw new Error(`${name}: ${error.message}; last ${JSON.stringify(codes(uri(path)))}`);
        });
      assert.ok(diagnostics);
      assert.ok(performance.now() - started < 10_000);
      await stillAnswers();
    }
    // An incremental edit at the end of the 1 MB line: a directive on a line of its own.
    const longLine = hulpmiddel('', '<!--'.repeat(256 * 1024));
    const lineOfIt = longLine.split('\n').findIndex((line) => line.startsWith('<!--<!--'));
    await session.change(uri(path), ++version, [{ text: longLine }]);
    await session.diagnosticsFor(uri(path), (d) => d.length === 0, 10_000);
    await session.change(uri(path), ++version, [
      { range: { start: { line: lineOfIt, character: 1024 * 1024 }, end: { line: lineOfIt, character: 1024 * 1024 } }, text: '\n<!-- tags-x -->' },
    ]);
    await session.diagnosticsFor(uri(path), (d) => d.some((x) => x.code === 'AK050'), 10_000);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(path) } });
    await session.diagnosticsFor(uri(path), (d) => d.length === 0);
    await stillAnswers();
  });

  test('file events: a file that does not exist, one deleted since indexing, one in a linked folder out of the root, one through a folder loop', async () => {
    const gone = file(`${hulpmiddelen}/nooit-bestaan.md`);
    const deleted = file(`${hulpmiddelen}/hostile-empty.md`);
    await session.diagnosticsFor(uri(deleted), (d) => d.length > 0);
    unlinkSync(deleted);
    const linked = file('docs/hostile-linked-folder/secret.md');
    const looped = file('docs/hostile-folder-loop/hostile-folder-loop/voldoen-aan-wetten-en-regels/hulpmiddelen/DPIA.md');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri(gone), type: 1 },
        { uri: uri(gone), type: 2 },
        { uri: uri(deleted), type: 2 },
        { uri: uri(linked), type: 1 },
        { uri: uri(looped), type: 1 },
      ],
    });
    await session.diagnosticsFor(uri(deleted), (d) => d.length === 0);
    await stillAnswers();
    assert.equal(session.diagnostics.has(uri(gone)) ? session.diagnostics.get(uri(gone))!.length : 0, 0);
    // Were they read, the unknown directive in the outside page would be an AK050; each is skipped with its reason.
    assert.deepEqual(session.diagnostics.get(uri(linked)) ?? [], [], 'the page in the linked folder (outside the root) was read');
    assert.deepEqual(session.diagnostics.get(uri(looped)) ?? [], [], 'a file reached through the folder loop was read');
    for (const path of [linked, looped])
      assert.ok(
        logs.some((line) => line.includes(`skipped ${path}: in a folder reached through a symbolic link`)),
        JSON.stringify(logs.slice(-5)),
      );
    const symbols = await timedRequest<unknown[]>('workspace/symbol', { query: outsideTitle.toLowerCase() });
    assert.deepEqual(symbols, []);
  });

  test('documents opened under URIs that climb out of the root are not checked against it', async () => {
    const outsideUris = [
      `${uri(hostile.root)}/docs/../../outside/secret.md`,
      `${uri(hostile.root)}/docs/%2e%2e/%2e%2e/outside/secret.md`,
      `${uri(join(hostile.root, hulpmiddelen))}/..%2F..%2F..%2F..%2Foutside%2Fsecret.md`,
    ];
    const before = new Set(session.diagnostics.keys());
    for (const outsideUri of outsideUris) {
      await session.open(outsideUri, readFileSync(join(hostile.outside, 'secret.md'), 'utf8'));
      const hover = await timedRequest<Hover | null>('textDocument/hover', { textDocument: { uri: outsideUri }, position: { line: 1, character: 2 } });
      assert.equal(hover, null, outsideUri);
    }
    await stillAnswers();
    const rootUri = uri(hostile.root) + '/';
    const added = [...session.diagnostics.keys()].filter((key) => !before.has(key));
    assert.deepEqual(
      added.filter((key) => !key.startsWith(rootUri) || key.includes('..') || key.includes('%2')),
      [],
    );
  });
});
