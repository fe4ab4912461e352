// Differential test of the language server (issue 6): seeded random sequences of incremental edits
// of open documents, and of files created, changed, deleted and renamed on disk (each announced with
// workspace/didChangeWatchedFiles); once the server is quiet, the diagnostics it published for every
// file must equal those of a fresh engine check of the same texts (open text over disk).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { toDiagnostic } from '../../server/src/languageFeatures/diagnostics';
import { checkCorpus, defaultSchema, type Finding, loadResources } from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import { memoryCorpus, type Files } from '../support/memoryCorpus';
import { LspSession, uri } from '../support/lspSession';
import { needsRealCorpus, projectRoot, realCorpusRoot } from '../support/realCorpus';
import { filesOnDisk, otherFilesOnDisk } from './support';

const content = 'docs/voldoen-aan-wetten-en-regels';
const folders = [`${content}/vereisten`, `${content}/maatregelen`, `${content}/hulpmiddelen`, 'docs/onderwerpen', 'docs/levenscyclus', 'docs/rollen', 'docs'];

type Op =
  | { kind: 'open'; pick: number }
  | { kind: 'edit'; pick: number; line: number; character: number; length: number; text: string }
  | { kind: 'close'; pick: number }
  | { kind: 'openNew'; folder: number; name: string; template: number; text: string }
  | { kind: 'create'; folder: number; name: string; template: number; text: string }
  | { kind: 'write'; pick: number; line: number; character: number; length: number; text: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'rename'; pick: number; name: string };

/** Texts to type: structure, and the slugs and ids of the corpus so that citations appear and break. */
function pieces(files: Files): string[] {
  const slugs = Object.keys(files)
    .filter((path) => !path.endsWith('/index.md'))
    .map((path) => path.slice(path.lastIndexOf('/') + 1, -3));
  const ids = Object.values(files).flatMap((text) => text.match(/^id: .*$/m) ?? []);
  return [
    '',
    'x',
    '-',
    '- ',
    '\n',
    ':',
    ': ',
    '---\n',
    '\n---\n',
    '"',
    '[',
    ']',
    '\t',
    '\r\n',
    '<!-- tags -->',
    '<!--',
    '-->',
    'ee',
    '.',
    '\nvereiste:\n- ',
    '\nmaatregel:\n- ',
    '\nonderwerp:\n- data\n',
    '\nlevenscyclus:\n- ontwerp\n',
    '<!-- list_maatregelen vereiste/',
    '<!-- list_vereisten onderwerp/data -->\n',
    '<!-- list_hulpmiddelen rollen/jurist -->\n',
    '<!-- list_vereisten_on_maatregelen_page -->\n',
    ...slugs.slice(0, 40),
    ...ids.slice(0, 10).map((id) => `\n${id}\n`),
  ];
}

function operations(files: Files): fc.Arbitrary<Op[]> {
  const text = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces(files)) }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) });
  const name = fc.constantFrom('nieuw', 'aia-08-nieuw', '9-xyz-01-nieuw', 'data', 'ontwerp', 'jurist', 'extra-pagina');
  const range = { line: fc.nat({ max: 60 }), character: fc.nat({ max: 80 }), length: fc.oneof(fc.constant(0), fc.nat({ max: 12 }), fc.nat({ max: 400 })) };
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('open' as const), pick: fc.nat() }) },
    { weight: 12, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), ...range, text }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('openNew' as const), folder: fc.nat({ max: folders.length - 1 }), name, template: fc.nat(), text }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), folder: fc.nat({ max: folders.length - 1 }), name, template: fc.nat(), text }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('write' as const), pick: fc.nat(), ...range, text }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name }) },
  );
  return fc.array(op, { minLength: 20, maxLength: 20 });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs seeded operation sequences against a server on a temporary copy of `source`, comparing after each. */
function differential(source: string, seeds: number[]) {
  let folder: string;
  let session: LspSession;
  /** What the editor holds open (path relative to the root → its document) and what the disk holds. */
  const open = new Map<string, TextDocument>();
  const seen = new Set<string>();
  const log: string[] = [];

  const abs = (path: string) => join(folder, path);
  const onDisk = (): Files => filesOnDisk(folder);
  const view = (): Files => {
    const files = onDisk();
    for (const [path, document] of open) files[path] = document.getText();
    return files;
  };

  async function settle(): Promise<void> {
    // A round trip: every message sent before it has been handled; then the debounced re-checks.
    await session.request('workspace/symbol', { query: 'zzz-settle' });
    const snapshot = () => JSON.stringify([...session.diagnostics]);
    let last = snapshot();
    let quietSince = Date.now();
    const deadline = Date.now() + 20_000;
    while (Date.now() - quietSince < 500 && Date.now() < deadline) {
      await sleep(50);
      const now = snapshot();
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      }
    }
  }

  const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${d.message}`;

  /** A fresh check of the texts, with what the loader reads beside them: the resources (mkdocs.yml …) and the files under docs/ that links lead to. */
  async function freshCheck(files: Files): Promise<Finding[]> {
    const corpus = memoryCorpus(files);
    corpus.resources = await loadResources(new NodeFileSystem(folder), defaultSchema);
    for (const path of otherFilesOnDisk(folder)) corpus.addFile(path);
    return checkCorpus(corpus);
  }

  async function compare(label: string): Promise<void> {
    await settle();
    const files = view();
    const expected = new Map<string, string[]>();
    for (const finding of await freshCheck(files)) {
      const list = expected.get(finding.path) ?? [];
      list.push(key(toDiagnostic(finding)));
      expected.set(finding.path, list);
    }
    const problems: string[] = [];
    for (const path of new Set([...Object.keys(files), ...seen])) {
      const want = (expected.get(path) ?? []).sort();
      const got = (session.diagnostics.get(uri(abs(path))) ?? []).map(key).sort();
      if (JSON.stringify(want) !== JSON.stringify(got))
        problems.push(`${path}${path in files ? '' : ' (gone)'}:\n    server ${JSON.stringify(got)}\n    fresh  ${JSON.stringify(want)}`);
    }
    assert.deepEqual(problems, [], `${label}: published diagnostics differ from a fresh check\n${problems.join('\n')}\n--- operations\n${log.join('\n')}`);
  }

  function edited(text: string, op: { line: number; character: number; length: number; text: string }) {
    const document = TextDocument.create('x', 'markdown', 0, text);
    const start = document.offsetAt({ line: op.line % (document.lineCount + 1), character: op.character });
    const range = { start: document.positionAt(start), end: document.positionAt(start + op.length) };
    return { range, text: op.text };
  }

  const pick = <T>(list: T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
  const notify = (changes: { path: string; type: 1 | 2 | 3 }[]) =>
    session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(({ path, type }) => ({ uri: uri(abs(path)), type })) });

  async function run(op: Op): Promise<void> {
    const disk = Object.keys(onDisk()).sort();
    const closed = disk.filter((path) => !open.has(path));
    const documents = [...open.keys()].sort();
    switch (op.kind) {
      case 'open': {
        const path = pick(closed, op.pick);
        if (!path) return;
        const document = TextDocument.create(uri(abs(path)), 'markdown', 1, readFileSync(abs(path), 'utf8'));
        open.set(path, document);
        log.push(`open ${path}`);
        return session.open(document.uri, document.getText(), 1);
      }
      case 'edit': {
        const path = pick(documents, op.pick);
        if (!path) return;
        const document = open.get(path)!;
        const change = edited(document.getText(), op);
        TextDocument.update(document, [change], document.version + 1);
        log.push(`edit ${path} ${JSON.stringify(change)}`);
        return session.change(document.uri, document.version, [change]);
      }
      case 'close': {
        const path = pick(documents, op.pick);
        if (!path) return;
        open.delete(path);
        log.push(`close ${path}`);
        return session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(abs(path)) } });
      }
      case 'openNew': {
        const path = `${folders[op.folder]}/${op.name}.md`;
        if (open.has(path) || existsSync(abs(path))) return;
        const template = pick(disk, op.template);
        const text = (template ? readFileSync(abs(template), 'utf8') : '') + op.text;
        const document = TextDocument.create(uri(abs(path)), 'markdown', 1, text);
        open.set(path, document);
        seen.add(path);
        log.push(`openNew ${path}`);
        return session.open(document.uri, text, 1);
      }
      case 'create':
      case 'write': {
        const target = op.kind === 'create' ? `${folders[op.folder]}/${op.name}.md` : pick(closed, op.pick);
        if (!target || open.has(target)) return;
        const existed = existsSync(abs(target));
        let text: string;
        if (op.kind === 'create') {
          const template = pick(disk, op.template);
          text = (template ? readFileSync(abs(template), 'utf8') : '') + op.text;
        } else {
          const before = readFileSync(abs(target), 'utf8');
          text = TextDocument.applyEdits(TextDocument.create('x', 'markdown', 0, before), [{ ...edited(before, op), newText: op.text }]);
        }
        mkdirSync(join(abs(target), '..'), { recursive: true });
        writeFileSync(abs(target), text);
        seen.add(target);
        log.push(`${op.kind} ${target}`);
        return notify([{ path: target, type: existed ? 2 : 1 }]);
      }
      case 'delete': {
        const path = pick(closed, op.pick);
        if (!path) return;
        unlinkSync(abs(path));
        seen.add(path);
        log.push(`delete ${path}`);
        return notify([{ path, type: 3 }]);
      }
      case 'rename': {
        const from = pick(closed, op.pick);
        if (!from) return;
        const to = `${from.slice(0, from.lastIndexOf('/') + 1)}${op.name}.md`;
        if (to === from || existsSync(abs(to)) || open.has(to)) return;
        renameSync(abs(from), abs(to));
        seen.add(from).add(to);
        log.push(`rename ${from} → ${to}`);
        return notify([
          { path: from, type: 3 },
          { path: to, type: 1 },
        ]);
      }
    }
  }

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ak-differential-'));
    cpSync(source, folder, { recursive: true, filter: (path) => !/(^|\/)\.git$/.test(path) });
    session = await LspSession.start(folder);
  });
  after(async () => {
    await session?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('before any operation, the published diagnostics equal a fresh check', () => compare('at the start'));

  for (const seed of seeds) {
    test(`seed ${seed}: 20 random operations (typing, opening, closing, creating, changing, deleting, renaming), then the diagnostics equal a fresh check`, async () => {
      const [ops] = fc.sample(operations(view()), { seed, numRuns: 1 });
      log.push(`--- seed ${seed}`);
      for (const [index, op] of ops.entries()) {
        await run(op);
        // Typing comes in bursts: after every fifth operation, let the server's debounce (150 ms) run out.
        if (index % 5 === 4) await sleep(170);
      }
      await compare(`seed ${seed}`);
    });
  }
}

describe('differential: the server after random edits and file events, on a copy of content/', () => {
  differential(join(projectRoot, 'content'), [1, 2, 3, 4, 5, 6]);
});

describe('differential: the server after random edits and file events, on a copy of the real corpus', needsRealCorpus, () => {
  differential(realCorpusRoot ?? '', [11, 12, 13]);
});
